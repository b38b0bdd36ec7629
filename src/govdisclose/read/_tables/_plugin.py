"""Tables that plugins define, read by their labels: an :class:`~govdisclose.model.OfficialTable` of a plugin's own.

A plugin registers a table class with a :class:`~govdisclose.model.GridDef` (rows that share value columns, as the
example plugin's 人大代表建议和政协提案 table); a table whose rows are that definition's rows, each with as many values
as its columns, under headings that name every column, is read as that class instead of a generic table. The kinds are
those of :data:`~govdisclose.model.default_kinds`, where :func:`~govdisclose.plugins.load_plugins` registers them.

Nothing is guessed: a row that is no row of the definition, a value cell that is no number, a row of the wrong width
or rows out of the official order leave the table a generic table (and the reason is noted when the table was
otherwise that plugin's).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..._errors import ModelError
from ...model import Figure, GridDef, KindRegistry, OfficialTable, TableRow, default_kinds
from .._diagnostics import Notes, Position
from .._normalise import Line, TableItem, key
from ._cells import Cell, pipe_cells, value_of

__all__ = ["plugin_grid_table", "plugin_text_table"]


def _plugin_tables(kinds: KindRegistry) -> Iterator[type[OfficialTable]]:
    """The table classes of plugins (not the core's, which the official readers read) with a grid definition."""
    for tag in kinds.block_kinds():
        cls = kinds.block_class(tag)
        if (
            cls is not None
            and issubclass(cls, OfficialTable)
            and kinds.source("block", tag) != "core"
            and isinstance(getattr(cls, "DEFINITION", None), GridDef)
        ):
            yield cls


def _split(cells: Sequence[Cell]) -> tuple[list[Cell], list[Cell]]:
    """The label cells of a row (up to its last text that is no number or marker) and its value cells after them."""
    last = max((i for i, cell in enumerate(cells) if cell.text.strip() and value_of(cell, False) is None), default=-1)
    return list(cells[: last + 1]), list(cells[last + 1 :])


def _as(cls: type[OfficialTable], rows: Sequence[Sequence[Cell]], at: Position, notes: Notes) -> OfficialTable | None:
    """The table *rows* are as *cls*, or ``None`` when they are not that table."""
    definition = cls.DEFINITION
    assert isinstance(definition, GridDef)
    by_label = {key(row.label): row for row in definition.rows if row.label}
    published: list[TableRow] = []
    header_keys: set[str] = set()
    for cells in rows:
        labels, values = _split(cells)
        named = [by_label.get(cell.key) for cell in labels if cell.text.strip()]
        row = named[-1] if named else None
        if row is None:
            if published:  # a row that is not the plugin's after its rows: not this table
                return None
            header_keys.update(cell.key for cell in cells if cell.text.strip())
            continue
        figures: list[Figure] = []
        for cell in values:
            figure = value_of(cell, True)
            if figure is None:
                return None
            figures.append(figure)
        if len(figures) != len(row.columns):
            notes.uncertain(
                f"a row of the {definition.title} table ({row.label}) has {len(figures)} values, not "
                f"{len(row.columns)}: read as a generic table",
                cells[0].at if cells else at,
            )
            return None
        published.append(TableRow(id=row.id, values=tuple(figures)))
    if not published or not all(key(column.label) in header_keys for column in definition.columns):
        return None
    try:
        table: OfficialTable = cls(rows=tuple(published))
    except ModelError as error:
        notes.uncertain(f"the {definition.title} table cannot be read as published ({error}): a generic table", at)
        return None
    notes.recognised(f"the {definition.title} table ({cls.KIND}) by its labels", at)
    return table


def _first(rows: Sequence[Sequence[Cell]], at: Position, notes: Notes, kinds: KindRegistry) -> OfficialTable | None:
    for cls in _plugin_tables(kinds):
        table = _as(cls, rows, at, notes)
        if table is not None:
            return table
    return None


def plugin_text_table(lines: Sequence[Line], notes: Notes, kinds: KindRegistry | None = None) -> OfficialTable | None:
    """The plugin table that pipe rows of text are, or ``None``."""
    if not lines:
        return None
    rows = [pipe_cells(line) for line in lines]
    return _first(rows, lines[0].at, notes, default_kinds if kinds is None else kinds)


def plugin_grid_table(item: TableItem, notes: Notes, kinds: KindRegistry | None = None) -> OfficialTable | None:
    """The plugin table that a grid of cells (an HTML table) is, or ``None``."""
    rows = [[Cell(cell.text, cell.at, cell.figure, cell.unit) for cell in row] for row in item.rows]
    return _first(rows, item.at, notes, default_kinds if kinds is None else kinds)
