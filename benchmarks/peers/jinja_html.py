"""A Jinja2 template that writes the same HTML document as ``govdisclose.render(report, to="html")``.

Like the text template, it walks the attrs model itself — elements, attributes, escaping (``html.escape``, as
govdisclose escapes, rather than markupsafe's spelling), the phrasing of statistics, sections, run-in headings and the
cells of tables with their ``data-`` attributes — and takes from the library only ``format_ordinal``, ``format_date``,
``numbered``, ``layout`` (the merged-cell grid) and the stylesheet. Which leading rows of a grid form its ``<thead>``
is decided by :func:`head_rows`, in Python.
"""

from __future__ import annotations

import html
from typing import Any

import jinja2

from govdisclose.model import METADATA_LABELS
from govdisclose.render import html_stylesheet, layout
from govdisclose.render._layout import numbered
from govdisclose.zh import format_date, format_ordinal

from .jinja_text import _clock, environment


def heading_row(row: Any) -> bool:
    """Whether a grid row holds only column headings."""
    return all(cell.header and cell.row_id is None for cell in row)


def head_rows(grid: Any) -> int:
    """How many leading rows are column headings, unless a row span reaches past them (then fewer)."""
    count = 0
    while count < len(grid) and heading_row(grid[count]):
        count += 1
    if count == len(grid):
        return 0
    while count and any(r + cell.rowspan > count for r in range(count) for cell in grid[r]):
        count -= 1
    return count


def _env() -> jinja2.Environment:
    env = environment()
    env.filters.update(
        h=lambda value: html.escape(str(value), quote=True),
        fixed=lambda value: format(value, "f"),
        ordinal=format_ordinal,
        zh_date=format_date,
        clock=_clock,
    )
    env.globals.update(
        METADATA_LABELS=METADATA_LABELS,
        STYLE=html_stylesheet().rstrip().replace("</", "<\\/"),
        numbered=numbered,
        layout=layout,
        head_rows=head_rows,
        heading_row=heading_row,
    )
    return env


_template = _env().get_template("report.html.j2")


def render_html(report: Any) -> str:
    """The report as a standalone HTML document, through the Jinja2 template."""
    return _template.render(report=report)
