"""Plain Chinese text: what a report reads like when copied from a portal, laid out after GB/T 9704.

Paragraphs and headings are indented by two ideographic spaces; headings carry their ordinals; the signature and its
date are right-aligned in a line of :data:`LINE_WIDTH` columns; dates are written ``2018年1月30日``. Quantities come out
exactly as written.

A plugin renders its own block type by registering a function on :func:`text_block`::

    @text_block.register
    def _(block: MyBlock, context: TextContext) -> list[str]:
        return ["　　" + block.text]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Protocol

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
    "INDENT",
    "LINE_WIDTH",
    "SpannedCell",
    "TextContext",
    "render_text",
    "text_block",
    "text_section",
    "text_table",
]

INDENT = "\u3000\u3000"
"""Two ideographic spaces: the first-line indent of a paragraph."""

LINE_WIDTH = 80
"""The line width, in columns (40 Chinese characters), that the signature is right-aligned in."""


@attrs.frozen(kw_only=True)
class TextContext:
    """What a text render function may need besides the block: the report and the section depth."""

    report: Report
    depth: int = 1


@functools.singledispatch
def text_block(block: Block, context: TextContext) -> list[str]:
    """The lines of one block. Register a function for a new block type with ``@text_block.register``."""
    raise TypeError(f"the text renderer has no function for block kind {block.KIND!r} ({type(block).__name__})")


@text_block.register
def _paragraph(block: Paragraph, context: TextContext) -> list[str]:
    return [INDENT + block.text]


@text_block.register
def _points(block: EnumeratedPoints, context: TextContext) -> list[str]:
    return [INDENT + block.text]


@text_block.register
def _items(block: NumberedItems, context: TextContext) -> list[str]:
    return [
        INDENT + format_ordinal(number, block.style) + plain_text(item)
        for number, item in enumerate(block.items, block.start)
    ]


@text_block.register
def _statistic(block: Statistic, context: TextContext) -> list[str]:
    return [INDENT + statistic_text(block)]


class SpannedCell(Protocol):
    """What :func:`text_table` reads of a cell: a :class:`~govdisclose.model.Cell` or a laid-out cell."""

    @property
    def text(self) -> str: ...  # pragma: no cover - protocol

    @property
    def colspan(self) -> int: ...  # pragma: no cover - protocol

    @property
    def rowspan(self) -> int: ...  # pragma: no cover - protocol


def text_table(rows: Sequence[Sequence[SpannedCell]], caption: str | None = None) -> list[str]:
    """Lay out rows of cells as an aligned plain-text table.

    A cell spanning columns is written across them; a cell spanning rows is written in its first row and left blank
    below. Widths are display widths, so Chinese text lines up. The cells may be model cells or the laid-out cells
    of :func:`~govdisclose.render.layout`.

    >>> from govdisclose.model import Cell
    >>> for line in text_table(((Cell(text="项目"), Cell(text="数量")), (Cell(text="规章"), Cell(text="3")))):
    ...     print(line)
    | 项目 | 数量 |
    | 规章 | 3    |
    """
    placed: list[list[tuple[int, int, str, int]]] = []  # per row: (first column, colspan, text, display width)
    covered: set[tuple[int, int]] = set()
    columns = 0
    for r, row in enumerate(rows):
        line: list[tuple[int, int, str, int]] = []
        column = 0
        for cell in row:
            while (r, column) in covered:
                line.append((column, 1, "", 0))
                column += 1
            span = cell.colspan
            if cell.rowspan > 1:
                covered.update((r + dr, column + dc) for dr in range(1, cell.rowspan) for dc in range(span))
            line.append((column, span, cell.text, display_width(cell.text)))
            column += span
        while (r, column) in covered:
            line.append((column, 1, "", 0))
            column += 1
        columns = max(columns, column)
        placed.append(line)
    widths = [0] * columns
    for line in placed:
        for first, span, _, width in line:
            if span == 1 and width > widths[first]:
                widths[first] = width
    for line in placed:
        for first, span, _, width in line:
            if span > 1:
                room = sum(widths[first : first + span]) + 3 * (span - 1)
                if room < width:
                    widths[first + span - 1] += width - room
    lines = [caption] if caption else []
    for line in placed:
        parts = []
        for first, span, text, width in line:
            room = widths[first] if span == 1 else sum(widths[first : first + span]) + 3 * (span - 1)
            parts.append(text + " " * (room - width) if room > width else text)
        lines.append("| " + " | ".join(parts) + " |")
    return lines


@text_block.register
def _table(block: Table, context: TextContext) -> list[str]:
    return text_table(block.rows, block.caption) if block.rows else ([block.caption] if block.caption else [])


def _indented(grid: Grid) -> Grid:
    """Statistics-table labels indented by their level with ideographic spaces, as printed forms do."""
    return tuple(
        tuple(attrs.evolve(c, text="\u3000" * c.level + c.text) if c.level else c for c in row) for row in grid
    )


@text_block.register
def _official_table(block: OfficialTable, context: TextContext) -> list[str]:
    lines = text_table(layout(block))
    return [*lines, block.note] if block.note else lines


@text_block.register
def _statistics_table(block: StatisticsTable, context: TextContext) -> list[str]:
    return text_table(_indented(layout(block)), block.caption)


@functools.singledispatch
def text_section(section: Section, ordinal: str, context: TextContext) -> list[str]:
    """The lines of a section and its subsections. Register a function for a new section type to change its layout."""
    lines: list[str] = []
    body = [line for block in section.blocks for line in text_block(block, context)]
    heading = INDENT + ordinal + section.heading
    if section.run_in and body:
        lines.append(heading + body[0].removeprefix(INDENT))
        body = body[1:]
    else:
        lines.append(heading)
    lines.extend(body)
    inner = attrs.evolve(context, depth=context.depth + 1)
    for child_ordinal, child in numbered(section.subsections, context.depth + 1):
        lines.extend(text_section(child, child_ordinal, inner))
    return lines


def render_text(report: Report) -> str:
    """The report as plain Chinese text, ending with a newline.

    >>> from govdisclose.model import Agency, Edition, Paragraph, Section
    >>> r = Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"),
    ...            sections=(Section(heading="总体情况", blocks=(Paragraph(content=("全年工作稳步推进。",)),)),))
    >>> render_text(r).splitlines()
    ['某县教育局2024年政府信息公开工作年度报告', '', '\u3000\u3000一、总体情况', '\u3000\u3000全年工作稳步推进。']
    """
    context = TextContext(report=report)
    lines = [report.display_title, ""]
    meta = [f"{label}：{value}" for label, value in metadata_lines(report.publication)]
    if meta:
        lines.extend([*meta, ""])
    if report.introduction is not None:
        if report.introduction.heading is not None:
            lines.append(INDENT + report.introduction.heading)
        lines.extend(line for block in report.introduction.blocks for line in text_block(block, context))
    for ordinal, section in numbered(report.sections, 1):
        lines.extend(text_section(section, ordinal, context))
    signature = report.signature
    if signature is not None and (signature.organ or signature.date):
        lines.append("")
        for text in (signature.organ, format_date(signature.date) if signature.date else None):
            if text:
                lines.append(pad(text, LINE_WIDTH, align="right"))
    for attachment in report.attachments:
        described = f"（{attachment.description}）" if attachment.description else ""
        lines.append(f"{attachment.label}：{attachment.name}{described}")
    return "\n".join(lines) + "\n"
