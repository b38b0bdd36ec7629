"""Headings: ordinals, run-in sub-headings and in-paragraph points.

``一、`` is always level 1; the other ordinal styles nest in the order the author uses them (``（一）`` or ``(一)``,
then ``1、``/``1.``/``（1）`` …). A numbered line is a heading when its text is a title (no full stop before its end,
``（二）附表``, ``一是严格责任落实。``); when a sentence ending in ``。`` is followed by more text on the same line,
that sentence is a run-in heading (``（一）需要说明的其他事项。主动公开……``). ``一是……二是……`` inside a line is a
paragraph of enumerated points. Which standard part a heading names is decided by
:func:`govdisclose.model.part_of`.

>>> heading = numbered_line("（一）需要说明的其他事项。主动公开政府信息数从2003年开始统计。")
>>> heading.family, heading.number, split_run_in(heading.rest)
('cn-paren', 1, ('需要说明的其他事项。', '主动公开政府信息数从2003年开始统计。'))
>>> enumerated_points("今后：一是加强领导；二是加强培训。")
('今后：', ['加强领导；', '加强培训。'])
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from ..zh import OrdinalStyle, parse_ordinal, to_chinese_numeral

__all__ = [
    "Numbered",
    "enumerated_points",
    "family",
    "is_title",
    "numbered_line",
    "split_run_in",
]

_FAMILIES: Final = {
    OrdinalStyle.CN_COMMA: "cn",
    OrdinalStyle.CN_PAREN: "cn-paren",
    OrdinalStyle.CN_PAREN_ASCII: "cn-paren",
    OrdinalStyle.ARABIC_DOT: "arabic",
    OrdinalStyle.ARABIC_COMMA: "arabic",
    OrdinalStyle.ARABIC_FULLSTOP: "arabic",
    OrdinalStyle.ARABIC_PAREN: "arabic-paren",
    OrdinalStyle.ARABIC_PAREN_ASCII: "arabic-paren",
    OrdinalStyle.CN_SHI: "shi",
}

_POINT: Final = re.compile(r"([一二三四五六七八九十]{1,2})是")
_POINT_BEFORE: Final = frozenset("：:，,。；; \u3000")
_HEADING_STOPS: Final = "。！？!?"
_TITLE_LENGTH: Final = 60
_NUMERALS: Final = ("", *(to_chinese_numeral(n) for n in range(1, 100)))
_ORDINAL_FIRST: Final = frozenset("（(〇○零一二两三四五六七八九十百千123456789")


@attrs.frozen
class Numbered:
    """A line that starts with an ordinal.

    Attributes:
        style: The ordinal style as written.
        number: The number.
        rest: The text after the ordinal.
        family: The style family for nesting: ``cn`` (一、), ``cn-paren`` (（一） and (一)), ``arabic`` (1. 1、 1．),
            ``arabic-paren`` (（1） and (1)), ``shi`` (一是).
    """

    style: OrdinalStyle
    number: int
    rest: str
    family: str


@functools.lru_cache(maxsize=2048)
def numbered_line(text: str) -> Numbered | None:
    """The ordinal at the start of *text*, or ``None``.

    A line ``一是……二是……`` is enumerated points, not a heading; ``一、`` with nothing after it is no heading.
    """
    if text.lstrip(" \t\u3000")[:1] not in _ORDINAL_FIRST:
        return None
    parsed = parse_ordinal(text)
    if parsed is None:
        return None
    style, number, rest = parsed
    if not rest.strip():
        return None
    if style is OrdinalStyle.CN_SHI and enumerated_points(text) is not None:
        return None
    return Numbered(style, number, rest.strip(), _FAMILIES[style])


def split_run_in(rest: str) -> tuple[str, str]:
    """Split a heading's text into the heading sentence and the text run into it (``""`` when none).

    The heading ends at the first ``。`` that has text after it; a title without one is all heading.
    """
    for index, ch in enumerate(rest):
        if ch in _HEADING_STOPS and index + 1 < len(rest):
            return rest[: index + 1], rest[index + 1 :].lstrip()
    return rest, ""


def is_title(rest: str) -> bool:
    """Whether the text after an ordinal reads as a heading on its own: short, with no sentence before its end.

    >>> is_title("通过各种平台公开政府信息。"), is_title("公开的内容更加充实。对政务公开的范围……作了进一步的明确。")
    (True, False)
    """
    heading, body = split_run_in(rest)
    return not body and len(heading) <= _TITLE_LENGTH


def enumerated_points(text: str) -> tuple[str, list[str]] | None:
    """Split ``……：一是……二是……三是……`` into the lead and the points, or ``None`` when there are fewer than two.

    Each ordinal must start a clause (after punctuation or at the start) and the numbers must follow each other.
    """
    if "二是" not in text:
        return None
    positions: list[tuple[int, int]] = []  # (start of the ordinal, end of the ordinal)
    expected = 1
    for match in _POINT.finditer(text):
        start = match.start()
        if start and text[start - 1] not in _POINT_BEFORE:
            continue
        if expected >= len(_NUMERALS) or match.group(1) != _NUMERALS[expected]:
            continue
        positions.append((start, match.end()))
        expected += 1
    if len(positions) < 2:
        return None
    lead = text[: positions[0][0]]
    points = [
        text[end : positions[index + 1][0] if index + 1 < len(positions) else len(text)]
        for index, (_, end) in enumerate(positions)
    ]
    if any(not point.strip() for point in points):
        return None
    return lead, points


def family(style: OrdinalStyle) -> str:
    """The nesting family of an ordinal style."""
    return _FAMILIES.get(style, "none")
