"""What every renderer needs to lay a report out: heading ordinals, metadata lines, display widths."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import METADATA_LABELS, Publication, Section
from ..zh import OrdinalStyle, default_ordinal_style, display_width, format_date, format_ordinal

__all__ = ["metadata_lines", "numbered", "pad"]


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


def pad(text: str, width: int, *, align: str = "left") -> str:
    """Pad *text* with spaces to a display width.

    >>> pad("表", 4, align="right")
    '  表'
    """
    gap = max(0, width - display_width(text))
    return " " * gap + text if align == "right" else text + " " * gap
