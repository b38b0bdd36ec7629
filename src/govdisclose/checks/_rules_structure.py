"""Rules on the structure of a 2019 or 2021 report: the six parts in their order, and how the chapters are numbered.

The formats (国办公开办函〔2019〕60号, 〔2021〕30号) give six parts, numbered 一 to 六: 总体情况, 主动公开政府信息情况,
收到和处理政府信息公开申请情况, 政府信息公开行政复议、行政诉讼情况, 存在的主要问题及改进情况, 其他需要报告的事项. Real
reports slip in a few ways this module reports: parts out of order, numbers repeated or restarted, a sub-topic
of 总体情况 (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) numbered as a part of its own, and the chapters
after it shifted by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ..model import (
    NATIONAL_HEADINGS,
    Edition,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    Section,
    part_of,
)
from ..zh import OrdinalStyle, default_ordinal_style, format_ordinal, to_chinese_numeral
from ._catalog import Rule
from ._context import CheckContext
from ._findings import Finding
from ._paths import join_path

__all__ = ["RULES"]

_POSITION = {part: index for index, (part, _) in enumerate(NATIONAL_HEADINGS, 1)}
_SUBTOPIC = re.compile(r"(主动公开|依申请公开|政府信息管理|(政府信息公开)?平台(载体)?建设|监督保障)")
"""The sub-topics the 2021 format names for 一、总体情况 (spec ``format-2021.md``: the wording is not fixed)."""


@attrs.frozen
class _Chapter:
    path: str
    section: Section
    style: OrdinalStyle
    number: int | None
    """The published number (``None``: unnumbered)."""
    part: Part | None

    @property
    def ordinal(self) -> str:
        return format_ordinal(self.number, self.style) if self.number is not None else ""


def _chapters(sections: tuple[Section, ...], base: str, depth: int) -> list[_Chapter]:
    field = "sections" if depth == 1 else "subsections"
    """The sections of one level with their published numbers (the section's own, else its place among its style)."""
    counts: dict[OrdinalStyle, int] = {}
    chapters = []
    for index, section in enumerate(sections):
        style = section.numbering if section.numbering is not None else default_ordinal_style(depth)
        counts[style] = section.number if section.number is not None else counts.get(style, 0) + 1
        number = None if style is OrdinalStyle.NONE else counts[style]
        part = section.part if section.part is not None else part_of(section.heading)
        chapters.append(_Chapter(join_path(base, field, index), section, style, number, part))
    return chapters


def _holds_table_two(section: Section) -> bool:
    return any(isinstance(block, (ProactiveTable2019, ProactiveTable2021)) for block in section.blocks) or any(
        _holds_table_two(child) for child in section.subsections
    )


def _subtopics(chapters: list[_Chapter]) -> set[int]:
    """Indices of chapters that are sub-topics of 总体情况 numbered as parts.

    They lie after the 总体情况 chapter and before the chapter of 主动公开 (the one holding table 二, else the last that
    names 主动公开), and name a sub-topic.
    """
    overview = next((i for i, c in enumerate(chapters) if c.part is Part.OVERVIEW), None)
    if overview is None:
        return set()
    proactive = next((i for i, c in enumerate(chapters) if _holds_table_two(c.section)), None)
    if proactive is None:
        named = [i for i, c in enumerate(chapters) if c.part is Part.PROACTIVE]
        proactive = named[-1] if named else None
    if proactive is None:
        return set()
    return {
        i
        for i in range(overview + 1, proactive)
        if _SUBTOPIC.search(chapters[i].section.heading) and chapters[i].number is not None
    }


def _numbering(ctx: CheckContext, chapters: list[_Chapter]) -> Iterator[Finding]:
    """Repeated and restarted numbers among the siblings of one level (of the same style)."""
    last: dict[OrdinalStyle, _Chapter] = {}
    for chapter in chapters:
        if chapter.number is None:
            continue
        before = last.get(chapter.style)
        last[chapter.style] = chapter
        if before is None or before.number is None or chapter.number > before.number:
            continue
        what = "重复" if chapter.number == before.number else "重新开始"
        yield ctx.finding(
            f"标题“{chapter.ordinal}{chapter.section.heading}”的编号{what}（前一个同级标题为"
            f"“{before.ordinal}{before.section.heading}”）",
            paths=(chapter.path, before.path),
        )


def _structure(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    if report.edition is Edition.PRE_2019:
        return
    levels = [(report.sections, "$", 1)]
    while levels:
        sections, base, depth = levels.pop(0)
        chapters = _chapters(sections, base, depth)
        yield from _numbering(ctx, chapters)
        levels.extend((c.section.subsections, c.path, depth + 1) for c in chapters if c.section.subsections)
    chapters = _chapters(report.sections, "$", 1)
    subtopics = _subtopics(chapters)
    for index in sorted(subtopics):
        chapter = chapters[index]
        yield ctx.finding(
            f"“{chapter.ordinal}{chapter.section.heading}”是“一、总体情况”的子项，却编为一个部分"
            f"（统一格式的六个部分依次为{'、'.join(name for _, name in NATIONAL_HEADINGS)}）",
            paths=(chapter.path,),
        )
    parts = [(c, _POSITION[c.part]) for i, c in enumerate(chapters) if i not in subtopics and c.part in _POSITION]
    highest: tuple[_Chapter, int] | None = None
    for chapter, position in parts:
        if highest is not None and position < highest[1]:
            before = highest[0]
            yield ctx.finding(
                f"“{chapter.ordinal}{chapter.section.heading}”排在“{before.ordinal}{before.section.heading}”之后"
                f"（统一格式中为第{to_chinese_numeral(position)}部分，应在其前）",
                paths=(chapter.path, before.path),
            )
        elif highest is None or position > highest[1]:
            highest = (chapter, position)
    if sorted(position for _, position in parts) != list(range(1, len(_POSITION) + 1)):
        return  # a part missing or twice (part.missing says so) shifts the numbers after it for a reason
    run: list[tuple[_Chapter, int]] = []
    for chapter, position in [(c, p) for c, p in parts if c.number is not None and c.style is OrdinalStyle.CN_COMMA]:
        offset = (chapter.number or 0) - position
        if run and offset == run[0][1]:
            run.append((chapter, offset))
            continue
        if run:
            yield _shifted(ctx, run)
        run = [(chapter, offset)] if offset else []
    if run:
        yield _shifted(ctx, run)


def _shifted(ctx: CheckContext, run: list[tuple[_Chapter, int]]) -> Finding:
    """One finding for consecutive chapters whose numbers are off their place in the format by the same amount.

    Numbers are compared with the format only when each of the six parts has one chapter.
    """
    first, offset = run[0]
    should = format_ordinal((first.number or 0) - offset, OrdinalStyle.CN_COMMA)
    more = f"等{len(run)}个部分的编号都" if len(run) > 1 else "的编号"
    return ctx.finding(
        f"“{first.ordinal}{first.section.heading}”{more}与统一格式不符（应为“{should}”，"
        f"{'多' if offset > 0 else '少'}{to_chinese_numeral(abs(offset))}）",
        paths=tuple(chapter.path for chapter, _ in run),
    )


RULES = (
    Rule(
        id="part.order",
        title="部分顺序与编号",
        description=(
            "2019 and 2021 editions: the six parts in the format's order and numbered 一 to 六; numbers repeated or "
            "restarted among siblings; a sub-topic of 总体情况 (主动公开, 依申请公开, 政府信息管理, 平台建设, "
            "监督保障) numbered as a part; chapters shifted from their number in the format."
        ),
        severity="warning",
        scope="chapters",
        check=_structure,
    ),
)
"""The structure rules, in catalog order."""
