"""The merged-cell layout of tables, shared by every renderer.

:func:`layout` turns a table block into rows of :class:`LaidCell` — text, row and column spans, and for value cells the
row id, column id and figure — following the official layout of the spec: table 三's three header rows and its
``三、本年度办理结果`` rowspan, table 四's fifteen columns under two header levels, table 二's blocks. Labels come
from the table definitions, never from here. Text, HTML and Word renderers draw the same grid.

>>> from govdisclose.model import ReviewsTable
>>> grid = layout(ReviewsTable.zeros())
>>> [(c.text, c.rowspan, c.colspan) for c in grid[0]]
[('行政复议', 1, 5), ('行政诉讼', 1, 10)]
>>> [(c.text, c.rowspan) for c in grid[1]][:2]
[('结果维持', 2), ('结果纠正', 2)]
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import attrs

from ..model import (
    Block,
    BlocksDef,
    ColumnDef,
    Figure,
    GridDef,
    OfficialTable,
    StatisticsTable,
    Table,
    TableRow,
)
from ._dispatch import TypeDispatch, by_annotation

__all__ = ["CORE_LAYOUTS", "UNKNOWN", "Grid", "LaidCell", "heading_rows", "label_columns", "layout", "placed", "shown"]


@attrs.frozen(kw_only=True)
class LaidCell:
    """One cell of a laid-out table.

    Attributes:
        text: What the cell shows.
        rowspan: Rows it spans.
        colspan: Columns it spans.
        header: Whether it is a heading (column heading, row label, block header).
        row_id: For a value cell (and a row label), the row's id.
        column_id: For a value cell, the column's id.
        figure: For a value cell of an official or statistics table, the published figure.
        level: Nesting depth of a row label (statistics tables).
    """

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    row_id: str | None = None
    column_id: str | None = None
    figure: Figure | None = None
    level: int = 0


Grid = tuple[tuple[LaidCell, ...], ...]

UNKNOWN = "？"
"""What an unknown cell shows in every format (a reader could not recover it): a blank cell stays empty, ``/`` and
``0`` are written as published, so the three never look alike."""


def shown(figure: Figure) -> str:
    """The text of a value cell: the figure as published, or :data:`UNKNOWN` when its content is unknown.

    >>> shown(Figure.of("")), shown(Figure.of("/")), shown(Figure.of("0")), shown(Figure.of(None))
    ('', '/', '0', '？')
    """
    if figure.value is None and figure.marker is None:
        return UNKNOWN
    return figure.text


def _generic(table: Table) -> Grid:
    return tuple(
        tuple(LaidCell(text=c.text, rowspan=c.rowspan, colspan=c.colspan, header=c.header) for c in row)
        for row in table.rows
    )


def _value_cells(row: TableRow, columns: tuple[ColumnDef, ...], spans: tuple[int, ...]) -> list[LaidCell]:
    return [
        LaidCell(text=shown(figure), colspan=span, row_id=row.id, column_id=column.id, figure=figure)
        for figure, column, span in zip(row.values, columns, spans, strict=True)
    ]


_Placed = tuple[TableRow, tuple[str, ...], str, tuple[ColumnDef, ...]]


def _published_sequence(table: OfficialTable) -> list[_Placed]:
    """Every official row (published or, if missing, with unknown cells) and every local row, in order."""
    definition = table.DEFINITION
    published = {row.id: row for row in table.rows}
    local_after: dict[str | None, list[TableRow]] = {}
    previous: str | None = None
    official = {row.id for row in definition.rows}
    for row in table.rows:
        if row.id in official:
            previous = row.id
        else:
            local_after.setdefault(previous, []).append(row)
    sequence: list[_Placed] = [(row, (), row.label or "", ()) for row in local_after.get(None, [])]
    for row_def in definition.rows:
        row = published.get(row_def.id) or TableRow(id=row_def.id, values=(None,) * len(row_def.columns))
        sequence.append((row, row_def.path, row.label or row_def.label, row_def.columns))
        sequence.extend((local, (), local.label or "", ()) for local in local_after.get(row_def.id, []))
    return sequence


def _grid(table: OfficialTable, definition: GridDef) -> Grid:
    header_rows, label_columns = definition.header_rows, definition.label_columns
    rows: list[list[LaidCell]] = [[] for _ in range(header_rows)]
    if label_columns:
        rows[0].append(LaidCell(text=definition.corner or "", rowspan=header_rows, colspan=label_columns, header=True))
    columns = definition.columns
    for depth in range(header_rows):
        index = 0
        while index < len(columns):
            column = columns[index]
            if len(column.path) == depth:
                rows[depth].append(LaidCell(text=column.label, rowspan=header_rows - depth, header=True))
                index += 1
            elif len(column.path) > depth:
                prefix = column.path[: depth + 1]
                span = 1
                while index + span < len(columns) and columns[index + span].path[: depth + 1] == prefix:
                    span += 1
                rows[depth].append(LaidCell(text=prefix[-1], colspan=span, header=True))
                index += span
            else:
                index += 1
    sequence = _published_sequence(table)
    for position, (row, path, label, row_columns) in enumerate(sequence):
        cells: list[LaidCell] = []
        for depth in range(len(path)):
            prefix = path[: depth + 1]
            if position > 0 and sequence[position - 1][1][: depth + 1] == prefix:
                continue
            span = 1
            while position + span < len(sequence) and sequence[position + span][1][: depth + 1] == prefix:
                span += 1
            cells.append(LaidCell(text=prefix[-1], rowspan=span, header=True))
        if label_columns:
            cells.append(LaidCell(text=label, colspan=label_columns - len(path), header=True, row_id=row.id))
        if row_columns:
            cells.extend(_value_cells(row, row_columns, (1,) * len(row_columns)))
        else:  # a local row: its own values, stretched over the value columns if fewer
            cells.extend(_stretched(row, len(columns)))
        rows.append(cells)
    return tuple(tuple(r) for r in rows)


def _stretched(row: TableRow, width: int) -> list[LaidCell]:
    values = row.values[:width]
    spans = [1] * len(values)
    spans[-1] += width - len(values)
    return [
        LaidCell(text=shown(figure), colspan=span, row_id=row.id, column_id=None, figure=figure)
        for figure, span in zip(values, spans, strict=True)
    ]


def _blocks(table: OfficialTable, definition: BlocksDef) -> Grid:
    width = definition.width
    published = {row.id: row for row in table.rows}
    rows: list[tuple[LaidCell, ...]] = []
    for block in definition.blocks:
        spans = (1,) * (len(block.columns) - 1) + (width - len(block.columns) + 1,)
        rows.append((LaidCell(text=block.header, colspan=width + 1, header=True),))
        rows.append(
            (
                LaidCell(text=block.heading, header=True),
                *(LaidCell(text=c.label, colspan=s, header=True) for c, s in zip(block.columns, spans, strict=True)),
            )
        )
        for row_def in block.rows:
            row = published.get(row_def.id) or TableRow(id=row_def.id, values=(None,) * len(row_def.columns))
            label = LaidCell(text=row.label or row_def.label, header=True, row_id=row.id)
            rows.append((label, *_value_cells(row, row_def.columns, spans)))
    official = {row.id for row in definition.rows}
    for row in table.rows:
        if row.id not in official:
            rows.append((LaidCell(text=row.label or "", header=True, row_id=row.id), *_stretched(row, width)))
    return tuple(rows)


def _official(table: OfficialTable) -> Grid:
    definition = table.DEFINITION
    if isinstance(definition, GridDef):
        return _grid(table, definition)
    return _blocks(table, definition)


def _statistics(table: StatisticsTable) -> Grid:
    heading: list[LaidCell] = []
    if table.code_heading is not None:
        heading.append(LaidCell(text=table.code_heading, header=True))
    heading.append(LaidCell(text=table.label_heading, header=True))
    if table.unit_heading is not None:
        heading.append(LaidCell(text=table.unit_heading, header=True))
    heading.extend(LaidCell(text=label, header=True) for label in table.columns)
    rows = [tuple(heading)]
    for row in table.rows:
        cells: list[LaidCell] = []
        if table.code_heading is not None:
            cells.append(LaidCell(text=row.code or "", row_id=row.id))
        cells.append(LaidCell(text=row.label, header=True, row_id=row.id, level=row.level))
        if table.unit_heading is not None:
            cells.append(LaidCell(text=row.unit or "", row_id=row.id))
        if row.values:
            cells.extend(
                LaidCell(text=shown(f), row_id=row.id, column_id=f"c{i}", figure=f) for i, f in enumerate(row.values)
            )
        else:
            cells.append(LaidCell(text="", colspan=len(table.columns), row_id=row.id))
        rows.append(tuple(cells))
    return tuple(rows)


def placed(grid: Grid) -> tuple[list[list[int]], int]:
    """The first grid column of every cell of *grid* (row by row), and the number of grid columns.

    >>> from govdisclose.model import ReviewsTable
    >>> firsts, width = placed(layout(ReviewsTable.zeros()))
    >>> firsts[0], firsts[1][:3], width
    ([0, 5], [0, 1, 2], 15)
    """
    covered: set[tuple[int, int]] = set()
    columns: list[list[int]] = []
    width = 0
    for r, row in enumerate(grid):
        firsts: list[int] = []
        column = 0
        for cell in row:
            while (r, column) in covered:
                column += 1
            firsts.append(column)
            covered.update((r + dr, column + dc) for dr in range(1, cell.rowspan) for dc in range(cell.colspan))
            column += cell.colspan
        width = max(width, column, *(c + 1 for rr, c in covered if rr == r))
        columns.append(firsts)
    return columns, width


def _heading_row(row: tuple[LaidCell, ...]) -> bool:
    return bool(row) and all(cell.header and cell.row_id is None for cell in row)


def heading_rows(grid: Grid) -> int:
    """How many rows at the top are column headings, to repeat on every printed page (``<thead>``, ``w:tblHeader``).

    The leading rows of headings, but none when the table starts with a block header (a single cell across the
    whole width, as table 二's ``第二十条第（一）项``): each block has headings of its own, and the first block's would
    stand wrongly above the others. A heading whose rowspan reaches past them shortens the count; a table of headings
    only has none.

    >>> from govdisclose.model import ApplicationsTable2021, ProactiveTable2021
    >>> heading_rows(layout(ApplicationsTable2021.zeros())), heading_rows(layout(ProactiveTable2021.zeros()))
    (3, 0)
    """
    _, width = placed(grid)
    count = 0
    while count < len(grid) and _heading_row(grid[count]):
        row = grid[count]
        if len(row) == 1 and row[0].colspan == width and width > 1:
            break
        count += 1
    if count == len(grid):
        return 0
    while count and any(r + cell.rowspan > count for r in range(count) for cell in grid[r]):
        count -= 1
    return count


def label_columns(grid: Grid) -> int:
    """How many columns at the left hold only row labels: those before the first value of every row with values.

    >>> from govdisclose.model import ApplicationsTable2021, ReviewsTable
    >>> label_columns(layout(ApplicationsTable2021.zeros())), label_columns(layout(ReviewsTable.zeros()))
    (3, 0)
    """
    firsts, width = placed(grid)
    count = width
    for row, starts in zip(grid, firsts, strict=True):
        for cell, first in zip(row, starts, strict=True):
            if not cell.header:
                count = min(count, first)
                break
    return 0 if count == width else count


CORE_LAYOUTS: tuple[tuple[type, Callable[..., Any]], ...] = by_annotation(_generic, _official, _statistics)
"""The layouts of the core table blocks: every renderer starts its ``tables`` with these."""


@functools.cache
def _core() -> TypeDispatch:
    tables = TypeDispatch(name="tables", what="layout")
    for cls, function in CORE_LAYOUTS:
        tables.register(function, key=cls)
    return tables


def layout(table: Block) -> Grid:
    """The grid of a core table block.

    A renderer's :meth:`~govdisclose.render.ReportRenderer.layout` also knows the layouts registered on it.

    Raises:
        TypeError: *table* is not a core table block.
    """
    function = _core().find(type(table))
    if function is None:
        raise TypeError(f"no table layout for block kind {table.KIND!r} ({type(table).__name__})")
    grid: Grid = function(table)
    return grid
