"""Markdown (CommonMark with GitHub's pipe tables): headings by level, the metadata as a list, readable tables.

The title is ``#``; chapters are ``##``, their parts ``###`` and so on (``######`` at most), each heading with its
ordinal. Paragraphs are separated by blank lines, without the first-line indent of the text rendering. Report text is
escaped, so ``|``, ``*``, ``_``, ``<`` … in a report come out as the characters themselves, never as markup.

Tables are pipe tables. Merged cells are flattened the same way everywhere: **a spanning cell's text is written once,
in the top-left position it covers, and every other position it covers is left empty** — as the text rendering and
the printed forms read. The first row of the layout is the pipe table's header row; further heading rows of a table
(table 三 has three) follow as ordinary rows. Below a table that merges cells a note (:data:`MERGED_NOTE`) says so: a
reader of table 三 would otherwise take ``申请人情况`` for the heading of ``自然人`` alone. A renderer made with
``html_tables=True`` (``govdisclose render --to markdown --markdown-html-tables``) writes such tables as HTML tables
instead, which Markdown readers that allow HTML show with their merged cells.

A plugin renders its own block type with a function that returns lines, registered with
``host.render_function("markdown", MyBlock, function)``::

    def my_block_markdown(block: MyBlock, context: RenderContext) -> list[str]:
        return [escape_markdown(block.text)]
"""

from __future__ import annotations

import re
from typing import cast

import attrs

from ..model import (
    Attachment,
    Block,
    EnumeratedPoints,
    Introduction,
    NumberedItems,
    OfficialTable,
    Paragraph,
    Report,
    Section,
    Signature,
    Statistic,
    StatisticsTable,
    Table,
    plain_text,
)
from ..zh import display_width, format_date, format_ordinal
from ._dispatch import by_annotation
from ._html import html_table
from ._layout import pad
from ._phrasing import statistic_text
from ._tablelayout import Grid
from ._walk import RenderContext, ReportRenderer

__all__ = ["MarkdownRenderer", "escape_markdown", "markdown_table", "render_markdown"]

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


def _paragraph(block: Paragraph | EnumeratedPoints, context: RenderContext) -> list[str]:
    return [escape_markdown(block.text)]


def _items(block: NumberedItems, context: RenderContext) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, block.start):
        if lines:
            lines.append("")
        lines.append(escape_markdown(format_ordinal(number, block.style) + plain_text(item)))
    return lines


def _statistic(block: Statistic, context: RenderContext) -> list[str]:
    return [escape_markdown(statistic_text(block))]


def markdown_table(grid: Grid, caption: str | None = None) -> list[str]:
    r"""A laid-out table as a pipe table, columns padded to the same display width.

    A spanning cell's text is written once, in the top-left position it covers; the other positions are empty. The
    first row is the header row.

    >>> from govdisclose.model import Cell
    >>> from govdisclose.render import layout
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


MERGED_NOTE = "注：本表有合并单元格，Markdown 表格不能合并：合并单元格的文字写在它所占的左上角一格，其余各格留空。"
"""What a pipe table with merged cells says below it: where a merged cell's text stands, and that the rest is empty."""


def _merged(grid: Grid) -> bool:
    return any(cell.rowspan > 1 or cell.colspan > 1 for row in grid for cell in row)


def _grid_table(grid: Grid, context: RenderContext, *, kind: str, caption: str | None = None) -> list[str]:
    """A pipe table, with :data:`MERGED_NOTE` below it when cells are merged.

    A table that merges cells is an HTML table instead where the renderer's ``html_tables`` allows it.
    """
    renderer = context.renderer
    if _merged(grid) and isinstance(renderer, MarkdownRenderer) and renderer.html_tables:
        lines = [f"**{escape_markdown(caption)}**", ""] if caption else []
        return [*lines, *html_table(grid, kind=kind).splitlines()]
    lines = markdown_table(grid, caption)
    return [*lines, "", MERGED_NOTE] if _merged(grid) else lines


def _table(block: Table, context: RenderContext) -> list[str]:
    return _grid_table(context.renderer.layout(block), context, kind=block.KIND, caption=block.caption)


def _official_table(block: OfficialTable, context: RenderContext) -> list[str]:
    lines = _grid_table(context.renderer.layout(block), context, kind=block.KIND)
    return [*lines, "", escape_markdown(block.note)] if block.note else lines


def _statistics_table(block: StatisticsTable, context: RenderContext) -> list[str]:
    return _grid_table(context.renderer.layout(block), context, kind=block.KIND, caption=block.caption)


def _heading(level: int, text: str) -> str:
    return "#" * min(level, 6) + " " + escape_markdown(text, table_cell=True)


def _paragraphs(blocks: tuple[Block, ...], context: RenderContext) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines.extend(["", *context.renderer.block(block, context)])
    return lines


def _section(section: Section, ordinal: str, context: RenderContext) -> list[str]:
    """The lines of a section and its subsections, starting with a blank line; ``##`` at depth 1, ``###`` at 2 ….

    A run-in heading is written as a heading like the others.
    """
    lines = ["", _heading(context.depth + 1, ordinal + section.heading)]
    lines.extend(_paragraphs(section.blocks, context))
    for child in context.renderer.subsections(section, context):
        lines.extend(child)
    return lines


@attrs.define(eq=False)
class MarkdownRenderer(ReportRenderer[RenderContext, list[str]]):
    """Markdown: block and section functions give escaped lines; blocks are separated by blank lines.

    Attributes:
        html_tables: Write a table that merges cells as an HTML table (the ``<table>`` of :func:`html_table`, with
            its spans and data attributes), for Markdown readers that show HTML; without it such a table is a pipe
            table followed by :data:`MERGED_NOTE`.
    """

    BLOCKS = by_annotation(_paragraph, _items, _statistic, _table, _official_table, _statistics_table)
    SECTIONS = by_annotation(_section)
    LABEL = "Markdown"

    name: str = "markdown"
    media_type: str = "text/markdown; charset=utf-8"
    format: str = "markdown"
    html_tables: bool = attrs.field(default=False, kw_only=True)

    def title(self, context: RenderContext) -> list[str]:
        return [_heading(1, context.report.display_title)]

    def body(self, context: RenderContext, blocks: tuple[Block, ...]) -> list[str]:
        return _paragraphs(blocks, context)

    def metadata(self, context: RenderContext, pairs: tuple[tuple[str, str], ...]) -> list[str]:
        items = [f"- {escape_markdown(f'{label}：{value}', table_cell=True)}" for label, value in pairs]
        return ["", *items] if items else []

    def introduction(self, context: RenderContext, introduction: Introduction) -> list[str]:
        lines = ["", _heading(2, introduction.heading)] if introduction.heading is not None else []
        return lines + _paragraphs(introduction.blocks, context)

    def signature(self, context: RenderContext, signature: Signature) -> list[str]:
        lines: list[str] = []
        for text in (signature.organ, format_date(signature.date) if signature.date else None):
            if text:
                lines.extend(["", escape_markdown(text)])
        return lines

    def attachments(self, context: RenderContext, attachments: tuple[Attachment, ...]) -> list[str]:
        lines = [""] if attachments else []
        for attachment in attachments:
            described = f"（{attachment.description}）" if attachment.description else ""
            lines.append("- " + escape_markdown(f"{attachment.label}：{attachment.name}{described}", table_cell=True))
        return lines


MARKDOWN = MarkdownRenderer()
"""The Markdown renderer of :data:`~govdisclose.render.default_renderers`."""


def render_markdown(report: Report) -> str:
    """The report as Markdown, ending with a newline (the ``markdown`` renderer of the default registry).

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
    return cast(str, MARKDOWN.render(report))
