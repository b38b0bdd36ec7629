"""What every renderer needs to lay a report out: heading ordinals, metadata lines, display widths."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator

from ..model import Publication, Section
from ..zh import OrdinalStyle, default_ordinal_style, format_date, format_ordinal

__all__ = ["METADATA_LABELS", "display_width", "metadata_lines", "numbered", "pad"]

METADATA_LABELS: tuple[tuple[str, str], ...] = (
    ("index_number", "索引号"),
    ("document_number", "文号"),
    ("publisher", "发布机构"),
    ("written_on", "成文日期"),
    ("published_on", "发布日期"),
    ("subject", "主题分类"),
    ("validity", "有效性"),
    ("source", "来源"),
)
"""The label each typed metadata field is rendered with, in order."""


def numbered(sections: tuple[Section, ...], depth: int) -> Iterator[tuple[str, Section]]:
    """Yield each section with its ordinal: the author's style if recorded, else the GB/T 9704 default for *depth*.

    The number is the section's position among the preceding siblings of the same style, unless the section records
    its published number.

    >>> [o for o, _ in numbered((Section(heading="a"), Section(heading="b")), 2)]
    ['（一）', '（二）']
    """
    counts: dict[OrdinalStyle, int] = {}
    for section in sections:
        style = section.numbering if section.numbering is not None else default_ordinal_style(depth)
        counts[style] = counts.get(style, 0) + 1
        if section.number is not None:
            counts[style] = section.number
        yield (format_ordinal(counts[style], style) if style is not OrdinalStyle.NONE else ""), section


def metadata_lines(publication: Publication) -> Iterator[tuple[str, str]]:
    """Yield ``(label, value)`` for every metadata field that has a value, typed fields first, then the extras.

    >>> import datetime
    >>> list(metadata_lines(Publication(published_on=datetime.date(2018, 1, 30), published_at=datetime.time(9, 42))))
    [('发布日期', '2018年1月30日 09:42')]
    """
    for name, label in METADATA_LABELS:
        value = getattr(publication, name)
        if value is None:
            continue
        if name in ("written_on", "published_on"):
            text = format_date(value)
            if name == "published_on" and publication.published_at is not None:
                text += " " + publication.published_at.strftime(
                    "%H:%M" if not publication.published_at.second else "%H:%M:%S"
                )
        else:
            text = value.value if hasattr(value, "value") else str(value)
        yield label, text
    yield from publication.extra


def display_width(text: str) -> int:
    """The width of *text* in a monospaced terminal: wide and full-width characters count 2.

    >>> display_width("表ab")
    4
    """
    if text.isascii():
        return len(text)
    return _wide_width(text)


@functools.lru_cache(maxsize=8192)
def _wide_width(text: str) -> int:
    # Tables repeat their labels and cells in every report, so the widths of texts seen before are remembered.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, *, align: str = "left") -> str:
    """Pad *text* with spaces to a display width.

    >>> pad("表", 4, align="right")
    '  表'
    """
    gap = max(0, width - display_width(text))
    return " " * gap + text if align == "right" else text + " " * gap
