"""A Jinja2 template that writes the same plain text as ``govdisclose.render(report, to="text")``.

The template (``templates/report.txt.j2``) walks the same attrs model and does the layout itself: titles, metadata
lines, indentation, heading ordinals, run-in headings, the phrasing of statistics, signature alignment and the drawing
of tables. It uses the helpers a template author would take from the library rather than rewrite: the quantities'
``.text``, ``format_ordinal``, ``format_date``, ``numbered`` (ordinal numbering of sibling sections), ``layout`` (the
merged-cell grid of the official tables) and display-width padding; the column widths of a table are computed by
:func:`place`, since a template language is no place for that arithmetic.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import jinja2

from govdisclose.model import METADATA_LABELS
from govdisclose.render import INDENT, layout
from govdisclose.render._layout import numbered, pad
from govdisclose.render._text import LINE_WIDTH
from govdisclose.zh import display_width, format_date, format_ordinal


def place(rows: Any, levels: bool = False) -> tuple[list[list[tuple[int, int, str]]], list[int]]:
    """Cells placed in columns (first column, span, text) and the display width of each column."""
    placed: list[list[tuple[int, int, str]]] = []
    covered: set[tuple[int, int]] = set()
    columns = 0
    for r, row in enumerate(rows):
        line: list[tuple[int, int, str]] = []
        column = 0
        for cell in row:
            while (r, column) in covered:
                line.append((column, 1, ""))
                column += 1
            covered.update((r + dr, column + dc) for dr in range(1, cell.rowspan) for dc in range(cell.colspan))
            text = "\u3000" * cell.level + cell.text if levels and cell.level else cell.text
            line.append((column, cell.colspan, text))
            column += cell.colspan
        while (r, column) in covered:
            line.append((column, 1, ""))
            column += 1
        columns = max(columns, column)
        placed.append(line)
    widths = [0] * columns
    for line in placed:
        for first, span, text in line:
            if span == 1:
                widths[first] = max(widths[first], display_width(text))
    for line in placed:
        for first, span, text in line:
            room = sum(widths[first : first + span]) + 3 * (span - 1)
            if span > 1 and room < display_width(text):
                widths[first + span - 1] += display_width(text) - room
    return placed, widths


def _clock(value: datetime.time) -> str:
    return value.strftime("%H:%M" if not value.second else "%H:%M:%S")


def environment() -> jinja2.Environment:
    """The Jinja2 environment with the template's filters and globals."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        auto_reload=False,
    )
    env.filters.update(
        pad=lambda text, width, align="left": pad(text, width, align=align),
        ordinal=format_ordinal,
        zh_date=format_date,
        clock=_clock,
        removeprefix=lambda text, prefix: text.removeprefix(prefix),
    )
    env.globals.update(
        INDENT=INDENT,
        LINE_WIDTH=LINE_WIDTH,
        METADATA_LABELS=METADATA_LABELS,
        numbered=numbered,
        layout=layout,
        place=place,
    )
    return env


_template = environment().get_template("report.txt.j2")


def render_text(report: Any) -> str:
    """The report as plain text, through the Jinja2 template."""
    return _template.render(report=report)
