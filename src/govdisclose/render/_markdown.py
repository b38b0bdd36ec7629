"""Markdown (CommonMark with GitHub's pipe tables): headings by level, the metadata as a list, readable tables.

The title is ``#``; chapters are ``##``, their parts ``###`` and so on (``######`` at most), each heading with its
ordinal. Paragraphs are separated by blank lines, without the first-line indent of the text rendering. Report text is
escaped, so ``|``, ``*``, ``_``, ``<`` … in a report come out as the characters themselves, never as markup.

Tables are pipe tables. Merged cells are flattened the same way everywhere: **a spanning cell's text is written once,
in the top-left position it covers, and every other position it covers is left empty** — as the text rendering and
the printed forms read. The first row of the layout is the pipe table's header row; further heading rows of a table
(table 三 has three) follow as ordinary rows.

A plugin renders its own block type by registering a function on :func:`markdown_block` that returns lines::

    @markdown_block.register
    def _(block: MyBlock, context: MarkdownContext) -> list[str]:
        return [escape_markdown(block.text)]
"""

from __future__ import annotations

import functools
import re

import attrs

from ..model import (
    Block,
    EnumeratedPoints,
    NumberedItems,
    OfficialTable,
    Paragraph,
    Report,
    Section,
    Statistic,
    StatisticsTable,
    Table,
    plain_text,
)
from ..zh import format_date, format_ordinal
from ._layout import display_width, metadata_lines, numbered, pad
from ._phrasing import statistic_text
from ._tablelayout import Grid, layout

__all__ = [
    "MarkdownContext",
    "escape_markdown",
    "markdown_block",
    "markdown_section",
    "markdown_table",
    "render_markdown",
]

_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
_LINE_START = re.compile(r"^([-+=])")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")


def escape_markdown(text: str, *, table_cell: bool = False) -> str:
    r"""Escape *text* so that Markdown shows it as written and reads no markup in it.

    Backslash-escapes ``\ ` * _ [ ] < > | ~ & #`` everywhere, and at the start of a line ``-``, ``+``, ``=`` and a
    number followed by ``.`` or ``)`` and a space; drops the spaces and tabs that would indent a line. In a
    *table_cell*, line breaks become spaces.

    >>> print(escape_markdown("a|b <script> *x*"))
    a\|b \<script\> \*x\*
    >>> print(escape_markdown("1. 不是列表"))
    1\. 不是列表
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped = []
    for line in lines:
        line = _INLINE.sub(r"\\\1", line.strip(" \t"))
        line = _LIST_NUMBER.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", line))
        escaped.append(line)
    return (" " if table_cell else "\n").join(escaped)


@attrs.frozen(kw_only=True)
class MarkdownContext:
    """What a Markdown render function may need besides the block: the report and the section depth."""

    report: Report
    depth: int = 1


@functools.singledispatch
def markdown_block(block: Block, context: MarkdownContext) -> list[str]:
    """The lines of one block, escaped; blocks are separated by a blank line. Register new block types here.

    Raises:
        TypeError: No function is registered for the block's type.
    """
    raise TypeError(
        f"the Markdown renderer has no function for block kind {block.KIND!r} ({type(block).__name__}); "
        "register one with @markdown_block.register"
    )


@markdown_block.register
def _paragraph(block: Paragraph, context: MarkdownContext) -> list[str]:
    return [escape_markdown(block.text)]


@markdown_block.register
def _points(block: EnumeratedPoints, context: MarkdownContext) -> list[str]:
    return [escape_markdown(block.text)]


@markdown_block.register
def _items(block: NumberedItems, context: MarkdownContext) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, block.start):
        if lines:
            lines.append("")
        lines.append(escape_markdown(format_ordinal(number, block.style) + plain_text(item)))
    return lines


@markdown_block.register
def _statistic(block: Statistic, context: MarkdownContext) -> list[str]:
    return [escape_markdown(statistic_text(block))]


def markdown_table(grid: Grid, caption: str | None = None) -> list[str]:
    r"""A laid-out table as a pipe table, columns padded to the same display width.

    A spanning cell's text is written once, in the top-left position it covers; the other positions are empty. The
    first row is the header row.

    >>> from govdisclose.model import Cell
    >>> t = Table(rows=((Cell(text="项目", rowspan=2), Cell(text="数量", colspan=2)),
    ...                 (Cell(text="本年"), Cell(text="累计|合计")),
    ...                 (Cell(text="规章"), Cell(text="3"), Cell(text="149"))))
    >>> for line in markdown_table(layout(t)):
    ...     print(line)
    | 项目 | 数量 |            |
    | ---- | ---- | ---------- |
    |      | 本年 | 累计\|合计 |
    | 规章 | 3    | 149        |
    """
    positions: dict[tuple[int, int], str] = {}
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(grid):
        column = 0
        for cell in row:
            while (r, column) in covered:
                column += 1
            text = "\u3000" * cell.level + cell.text
            positions[(r, column)] = escape_markdown(text, table_cell=True)
            covered.update((r + dr, column + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            column += cell.colspan
    if not covered:
        return [f"**{escape_markdown(caption)}**"] if caption else []
    width = max(c for _, c in covered) + 1
    matrix = [[positions.get((r, c), "") for c in range(width)] for r in range(len(grid))]
    widths = [max(3, *(display_width(line[c]) for line in matrix)) for c in range(width)]
    lines = [f"**{escape_markdown(caption)}**", ""] if caption else []
    rows = [matrix[0], ["-" * w for w in widths], *matrix[1:]]
    lines.extend("| " + " | ".join(pad(text, w) for text, w in zip(row, widths, strict=True)) + " |" for row in rows)
    return lines


@markdown_block.register
def _table(block: Table, context: MarkdownContext) -> list[str]:
    return markdown_table(layout(block), block.caption)


@markdown_block.register
def _official_table(block: OfficialTable, context: MarkdownContext) -> list[str]:
    lines = markdown_table(layout(block))
    return [*lines, "", escape_markdown(block.note)] if block.note else lines


@markdown_block.register
def _statistics_table(block: StatisticsTable, context: MarkdownContext) -> list[str]:
    return markdown_table(layout(block), block.caption)


def _heading(level: int, text: str) -> str:
    return "#" * min(level, 6) + " " + escape_markdown(text, table_cell=True)


def _paragraphs(blocks: tuple[Block, ...], context: MarkdownContext) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines.extend(["", *markdown_block(block, context)])
    return lines


@functools.singledispatch
def markdown_section(section: Section, ordinal: str, context: MarkdownContext) -> list[str]:
    """The lines of a section and its subsections, starting with a blank line; ``##`` at depth 1, ``###`` at 2 ….

    A run-in heading is written as a heading like the others. Register a function for a new section type to change
    its layout.
    """
    lines = ["", _heading(context.depth + 1, ordinal + section.heading)]
    lines.extend(_paragraphs(section.blocks, context))
    inner = attrs.evolve(context, depth=context.depth + 1)
    for child_ordinal, child in numbered(section.subsections, context.depth + 1):
        lines.extend(markdown_section(child, child_ordinal, inner))
    return lines


def render_markdown(report: Report) -> str:
    """The report as Markdown, ending with a newline.

    >>> from govdisclose.model import Agency, Edition, Paragraph, Section
    >>> r = Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"),
    ...            sections=(Section(heading="总体情况", blocks=(Paragraph(content=("全年工作稳步推进。",)),)),))
    >>> print(render_markdown(r))
    # 某县教育局2024年政府信息公开工作年度报告
    <BLANKLINE>
    ## 一、总体情况
    <BLANKLINE>
    全年工作稳步推进。
    <BLANKLINE>
    """
    context = MarkdownContext(report=report)
    lines = [_heading(1, report.display_title)]
    meta = [
        f"- {escape_markdown(f'{label}：{value}', table_cell=True)}"
        for label, value in metadata_lines(report.publication)
    ]
    if meta:
        lines.extend(["", *meta])
    if report.introduction is not None:
        if report.introduction.heading is not None:
            lines.extend(["", _heading(2, report.introduction.heading)])
        lines.extend(_paragraphs(report.introduction.blocks, context))
    for ordinal, section in numbered(report.sections, 1):
        lines.extend(markdown_section(section, ordinal, context))
    signature = report.signature
    if signature is not None:
        for text in (signature.organ, format_date(signature.date) if signature.date else None):
            if text:
                lines.extend(["", escape_markdown(text)])
    if report.attachments:
        lines.append("")
        for attachment in report.attachments:
            described = f"（{attachment.description}）" if attachment.description else ""
            lines.append("- " + escape_markdown(f"{attachment.label}：{attachment.name}{described}", table_cell=True))
    return "\n".join(lines) + "\n"
