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

from ..model import STANDARD_HEADINGS, parts_named
from ..zh import OrdinalStyle, parse_ordinal, to_chinese_numeral

__all__ = [
    "Numbered",
    "enumerated_points",
    "family",
    "is_title",
    "numbered_line",
    "run_on_heading",
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
_CLAUSE: Final = frozenset("。，,；;：:！？!?")
_CONTINUES: Final = frozenset("。，,：:；;（(、和及与的")
_RUN_ON_HEAD: Final = 30
_RUN_ON_BODY: Final = 6
_COLLAPSED_LENGTH: Final = 40
_CHAPTER_END: Final = re.compile(r"措施|事项|情况")
_COMMAS: Final = frozenset("，,；;")
_ANSWER_FIRST: Final = frozenset("无本我全今该")
_YEAR_AT: Final = re.compile(r"(?<=[\u4e00-\u9fff）)])(?:19|20)\d{2} ?年")
_TABLE_TITLE: Final = re.compile(r"[^\s。，,；;：:]{2,30}?(?:统计表|情况表|附表)")
_HEADING_ENDS: Final = ("情况", "事项", "措施", "概述", "概况", "方面", "内容", "形式", "工作", "问题", "建设", "机制")


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


def _sentence(text: str) -> bool:
    """Whether *text* reads as running text: long enough and with a clause in it."""
    return len(text) >= _RUN_ON_BODY and any(ch in _CLAUSE for ch in text)


def _whole_answer(text: str) -> bool:
    """A short whole answer after a chapter heading: ``无。``, ``本年度无。``, ``2019年无。``."""
    return text.endswith("。") and (text[0] in _ANSWER_FIRST or text[0].isdigit())


def _heading_like(head: str) -> bool:
    """A short run of words without a clause, naming a part or ending as headings end (情况, 事项 …)."""
    return (
        2 <= len(head) <= _RUN_ON_HEAD
        and not any(ch in _CLAUSE for ch in head)
        and (bool(parts_named(head)) or head.endswith(_HEADING_ENDS))
    )


def run_on_heading(rest: str, *, chapter: bool = False) -> tuple[str, str] | None:
    """The heading and the text run on after it without a stop, or ``None`` when *rest* shows no such join.

    A body flattened onto one line (crawler text) loses the breaks after its headings, so the text after an ordinal
    runs on: into the first sentence (``其他需要报告的事项2025年，无收取信息处理费情况。``), after a space
    (``概述 推进政府信息公开是……``), or into a flattened table (``政府信息公开情况统计表指标名称计量单位……``). The
    heading ends where one of these joins shows:

    - a chapter heading of :data:`~govdisclose.model.STANDARD_HEADINGS` followed by text that is not its continuation;
    - a space after a short run of words without a clause, followed by a sentence;
    - a year (``2018年``) after a short run of words that names a part or ends as headings end, followed by a sentence;
    - the title of a statistics table (``…统计表``) followed by more than a heading's length of text;
    - for a *chapter* (``一、``) whose first sentence has a clause in it: the first 措施/事项/情况 that ends a run of
      words naming a part (``主要问题和改进措施虽然，我区……``).

    >>> run_on_heading("其他需要报告的事项2025年，无收取信息处理费情况。")
    ('其他需要报告的事项', '2025年，无收取信息处理费情况。')
    >>> run_on_heading("申请行政复议、提起行政诉讼和申诉的情况 2013年，我局收到行政复议0件。")
    ('申请行政复议、提起行政诉讼和申诉的情况', '2013年，我局收到行政复议0件。')
    >>> run_on_heading("政府信息依申请公开工作情况2018年未收到有关政府信息公开申请。")
    ('政府信息依申请公开工作情况', '2018年未收到有关政府信息公开申请。')
    >>> run_on_heading("主要问题和改进措施虽然，我区工作取得了一定成效。", chapter=True)
    ('主要问题和改进措施', '虽然，我区工作取得了一定成效。')
    >>> run_on_heading("我局在2019年，认真贯彻《条例》。"), run_on_heading("2019年政府信息公开工作概述")
    (None, None)
    """
    for heading in STANDARD_HEADINGS:
        if rest.startswith(heading) and len(rest) > len(heading):
            after = rest[len(heading) :]
            if after[0] in " \u3000\t" or (
                after[0] not in _CONTINUES
                and (len(rest) > _COLLAPSED_LENGTH or _sentence(after) or _whole_answer(after))
            ):
                return heading, after.lstrip(" \u3000\t")
    table = _TABLE_TITLE.match(rest)
    if table is not None and len(rest) - table.end() > _TITLE_LENGTH:
        return table.group(), rest[table.end() :].lstrip(" \u3000\t")
    space = next((i for i, ch in enumerate(rest[: _RUN_ON_HEAD + 1]) if ch in " \u3000\t"), -1)
    if space >= 2:
        head, body = rest[:space], rest[space:].lstrip(" \u3000\t")
        if not any(ch in _CLAUSE or ch in "《》" for ch in head) and _sentence(body):
            return head, body
    year = _YEAR_AT.search(rest, 2, _RUN_ON_HEAD + 1)
    if year is not None and _heading_like(rest[: year.start()]) and _sentence(rest[year.start() :]):
        return rest[: year.start()], rest[year.start() :]
    if chapter:
        first = split_run_in(rest)[0]
        end = _CHAPTER_END.search(first, 2, _RUN_ON_HEAD + 1)
        if end is not None and any(ch in _COMMAS for ch in first) and _heading_like(first[: end.end()]):
            after = rest[end.end() :]
            if after[:1] not in _CONTINUES and _sentence(after):
                return rest[: end.end()], after
    return None


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
