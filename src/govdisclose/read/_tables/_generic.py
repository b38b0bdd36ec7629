"""Tables that are no official table, kept as generic :class:`~govdisclose.model.Table` blocks."""

from __future__ import annotations

from ..._errors import ModelError
from ...model import Cell, OfficialTable, Table
from ...zh import display_width
from .._diagnostics import Notes
from .._normalise import Line, TableItem
from ._cells import pipe_cells
from ._plugin import plugin_text_table


def is_pipe_row(text: str) -> bool:
    """Whether a line is a row of pipe-separated cells (at least two cells with text)."""
    return text.count("|") >= 2 and sum(1 for part in text.split("|") if part.strip()) >= 2


def generic_text_table(lines: list[Line], notes: Notes) -> Table | OfficialTable | None:
    """A table of pipe rows that is no official table: a plugin's table, else a generic table.

    Rows aligned on one grid (as govdisclose writes them) give back their column spans; other rows are padded to the
    widest. Row spans and header cells cannot be told from text.
    """
    plugin = plugin_text_table(lines, notes)
    if plugin is not None:
        return plugin
    raw = [[cell.text for cell in pipe_cells(line)] for line in lines]
    aligned = len({display_width(line.text) for line in lines}) == 1 and all(
        line.text.startswith("|") for line in lines
    )
    rows: list[tuple[Cell, ...]] = []
    if aligned:
        boundaries: set[int] = set()
        for line in lines:
            position = 0
            for ch in line.text:
                if ch == "|":
                    boundaries.add(position)
                position += display_width(ch)
        ordered = sorted(boundaries)
        for line in lines:
            cells = []
            position = 0
            start = 0
            text = ""
            for ch in line.text:
                if ch == "|":
                    if position:
                        span = sum(1 for b in ordered if start < b <= position)
                        cells.append(Cell(text=text.strip(), colspan=max(span, 1)))
                    start, text = position, ""
                else:
                    text += ch
                position += display_width(ch)
            rows.append(tuple(cells))
    else:
        width = max(len(cells) for cells in raw)
        rows = [tuple(Cell(text=t) for t in cells) + (Cell(),) * (width - len(cells)) for cells in raw]
    try:
        table = Table(rows=tuple(rows))
    except ModelError:
        notes.uncertain("a table whose rows do not line up; kept as paragraphs", lines[0].at)
        return None
    notes.uncertain("a table that is no official table: read as a generic table (row spans not recovered)", lines[0].at)
    return table


def generic_html_table(item: TableItem, notes: Notes) -> Table | None:
    """An HTML table that is no official table, as a generic :class:`~govdisclose.model.Table` with its spans."""
    rows = tuple(
        tuple(Cell(text=cell.text, colspan=cell.colspan, rowspan=cell.rowspan, header=cell.header) for cell in row)
        for row in item.rows
    )
    try:
        table = Table(rows=rows)
    except ModelError as error:
        notes.unrecognised(f"a table that is no official table and not rectangular ({error}); left out", item.at)
        return None
    notes.uncertain("a table that is no official table: read as a generic table", item.at)
    return table
