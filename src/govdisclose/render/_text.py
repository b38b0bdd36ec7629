"""Plain Chinese text: what a report reads like when copied from a portal, laid out after GB/T 9704.

Paragraphs and headings are indented by two ideographic spaces; headings carry their ordinals; the signature and its
date are right-aligned in a line of :data:`LINE_WIDTH` columns; dates are written ``2018年1月30日``. Quantities come out
exactly as written.

A :class:`TextRenderer` draws each block with the function its ``blocks`` table holds for the block's class; a plugin
adds one for its own block type with ``host.render_function("text", MyBlock, function)``::

    def my_block_text(block: MyBlock, context: RenderContext) -> list[str]:
        return [INDENT + block.text]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, cast

import attrs

from ..model import (
    Attachment,
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
from ._layout import pad
from ._phrasing import statistic_text
from ._tablelayout import Grid
from ._walk import RenderContext, ReportRenderer

__all__ = ["INDENT", "LINE_WIDTH", "SpannedCell", "TextRenderer", "render_text", "text_table"]

INDENT = "\u3000\u3000"
"""Two ideographic spaces: the first-line indent of a paragraph."""

LINE_WIDTH = 80
"""The line width, in columns (40 Chinese characters), that the signature is right-aligned in."""


def _paragraph(block: Paragraph | EnumeratedPoints, context: RenderContext) -> list[str]:
    return [INDENT + block.text]


def _items(block: NumberedItems, context: RenderContext) -> list[str]:
    return [
        INDENT + format_ordinal(number, block.style) + plain_text(item)
        for number, item in enumerate(block.items, block.start)
    ]


def _statistic(block: Statistic, context: RenderContext) -> list[str]:
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


def _table(block: Table, context: RenderContext) -> list[str]:
    return text_table(block.rows, block.caption) if block.rows else ([block.caption] if block.caption else [])


def _indented(grid: Grid) -> Grid:
    """Statistics-table labels indented by their level with ideographic spaces, as printed forms do."""
    return tuple(
        tuple(attrs.evolve(c, text="\u3000" * c.level + c.text) if c.level else c for c in row) for row in grid
    )


def _official_table(block: OfficialTable, context: RenderContext) -> list[str]:
    lines = text_table(context.renderer.layout(block))
    return [*lines, block.note] if block.note else lines


def _statistics_table(block: StatisticsTable, context: RenderContext) -> list[str]:
    return text_table(_indented(context.renderer.layout(block)), block.caption)


def _section(section: Section, ordinal: str, context: RenderContext) -> list[str]:
    """The lines of a section and its subsections; a run-in heading shares the line of the first block."""
    renderer = context.renderer
    lines: list[str] = []
    body = [line for block in section.blocks for line in renderer.block(block, context)]
    heading = INDENT + ordinal + section.heading
    if section.run_in and body:
        lines.append(heading + body[0].removeprefix(INDENT))
        body = body[1:]
    else:
        lines.append(heading)
    lines.extend(body)
    for child in renderer.subsections(section, context):
        lines.extend(child)
    return lines


@attrs.define(eq=False)
class TextRenderer(ReportRenderer[RenderContext, list[str]]):
    """Plain Chinese text: block and section functions give lines; the document is the lines, each ending in a newline.

    >>> TextRenderer().blocks.find(Paragraph).__name__
    '_paragraph'
    """

    BLOCKS = by_annotation(_paragraph, _items, _statistic, _table, _official_table, _statistics_table)
    SECTIONS = by_annotation(_section)
    LABEL = "text"

    name: str = "text"
    media_type: str = "text/plain; charset=utf-8"
    format: str = "text"

    def title(self, context: RenderContext) -> list[str]:
        return [context.report.display_title, ""]

    def metadata(self, context: RenderContext, pairs: tuple[tuple[str, str], ...]) -> list[str]:
        return [*(f"{label}：{value}" for label, value in pairs), ""] if pairs else []

    def introduction(self, context: RenderContext, introduction: Introduction) -> list[str]:
        lines = [INDENT + introduction.heading] if introduction.heading is not None else []
        return lines + [line for block in introduction.blocks for line in self.block(block, context)]

    def signature(self, context: RenderContext, signature: Signature) -> list[str]:
        if not (signature.organ or signature.date):
            return []
        texts = (signature.organ, format_date(signature.date) if signature.date else None)
        return ["", *(pad(text, LINE_WIDTH, align="right") for text in texts if text)]

    def attachments(self, context: RenderContext, attachments: tuple[Attachment, ...]) -> list[str]:
        return [
            f"{attachment.label}：{attachment.name}"
            + (f"（{attachment.description}）" if attachment.description else "")
            for attachment in attachments
        ]


TEXT = TextRenderer()
"""The text renderer of :data:`~govdisclose.render.default_renderers`."""


def render_text(report: Report) -> str:
    """The report as plain Chinese text, ending with a newline (the ``text`` renderer of the default registry).

    >>> from govdisclose.model import Agency, Edition, Paragraph, Section
    >>> r = Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"),
    ...            sections=(Section(heading="总体情况", blocks=(Paragraph(content=("全年工作稳步推进。",)),)),))
    >>> render_text(r).splitlines()
    ['某县教育局2024年政府信息公开工作年度报告', '', '\u3000\u3000一、总体情况', '\u3000\u3000全年工作稳步推进。']
    """
    return cast(str, TEXT.render(report))
