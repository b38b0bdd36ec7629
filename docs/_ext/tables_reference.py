"""Sphinx extension: write ``tables-reference.md`` from the table definitions when the docs are built.

The page lists every official table of every edition with each row's and column's id and exact label. It is generated
from :mod:`govdisclose.model` (the one place the labels are written) at every build and never edited by hand;
``tables-reference.md`` is in ``.gitignore``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govdisclose.model import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    BlocksDef,
    ColumnDef,
    GridDef,
    RowDef,
    national_statistics_form,
)

PAGE = "tables-reference.md"

_TABLES: tuple[tuple[str, str, GridDef | BlocksDef], ...] = (
    ("2021", "ProactiveTable2021", PROACTIVE_2021),
    ("2021", "ApplicationsTable2021", APPLICATIONS_2021),
    ("2019, 2021", "ReviewsTable", REVIEWS_LITIGATION),
    ("2019", "ProactiveTable2019", PROACTIVE_2019),
    ("2019", "ApplicationsTable2019", APPLICATIONS_2019),
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|") if text else "—"


def _columns(columns: tuple[ColumnDef, ...]) -> list[str]:
    lines = ["| column id | label | under | kind |", "|---|---|---|---|"]
    lines += [f"| `{c.id}` | {_cell(c.label)} | {_cell(' / '.join(c.path))} | {c.kind} |" for c in columns]
    return lines


def _rows(rows: tuple[RowDef, ...]) -> list[str]:
    lines = ["| row id | label | under |", "|---|---|---|"]
    lines += [f"| `{r.id}` | {_cell(r.label)} | {_cell(' / '.join(r.path))} |" for r in rows]
    return lines


def page() -> str:
    """The Markdown text of the reference page."""
    out = [
        "# Official tables: every row and column",
        "",
        "Generated from the table definitions in `govdisclose.model` when the documentation is built; the labels are",
        "the official strings, character for character. Any id, label or tuple of labels here is a key for",
        "`table.get(row, column)`, `table[row, column]`, `with_cells` and `with_row` (see [](new-report.md)).",
        "",
    ]
    for editions, cls, definition in _TABLES:
        out += [f"## {definition.title} — `{cls}` ({editions})", "", f"Definition id `{definition.id}`.", ""]
        if isinstance(definition, GridDef):
            if definition.corner:
                out += [f"Corner cell: {definition.corner}", ""]
            out += ["Columns:", "", *_columns(definition.columns), ""]
            if any(r.label for r in definition.rows):
                out += ["Rows:", "", *_rows(definition.rows), ""]
            else:
                out += [
                    'One row (`cases`) without a label: address its cells by column, e.g. `("行政复议", "结果维持")`.',
                    "",
                ]
        else:
            for block in definition.blocks:
                out += [f"### {block.header}", "", "Columns:", "", *_columns(block.columns), "", "Rows:", ""]
                out += [*_rows(block.rows), ""]
    form = national_statistics_form()
    out += [
        "## 政府信息公开情况统计表 — `StatisticsTable` (national form, 2014–2018)",
        "",
        f"Template id `{form.template}`; value columns: {'、'.join(form.columns)}.",
        "",
        "| row id | label | unit |",
        "|---|---|---|",
        *(f"| `{r.id}` | {_cell(r.label)} | {_cell(r.unit or '')} |" for r in form.rows),
        "",
    ]
    return "\n".join(out)


def _write(app: Any) -> None:
    target = Path(app.srcdir) / PAGE
    text = page()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Register the page writer to run before Sphinx reads the sources."""
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
