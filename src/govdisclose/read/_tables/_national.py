"""The statistics forms before 2019: the 2014–2018 national form (国办发〔2014〕32号), else a local form.

The national form prints ``统计指标 | 单位 | 统计数``; a local form (:mod:`._local`) its own rows and columns.
"""

from __future__ import annotations

from typing import Final

from ...model import (
    NATIONAL_FORM_HEADINGS,
    NATIONAL_FORM_ROWS,
    Edition,
    Figure,
    StatisticsTable,
    national_statistics_form,
)
from .._diagnostics import Notes, Position
from .._normalise import Line, TableItem, key
from ._cells import Cell, pipe_cells, value_of
from ._local import local_form
from ._official import TableDraft

_NATIONAL_HEADER: Final = tuple(key(heading) for heading in NATIONAL_FORM_HEADINGS)
_NATIONAL_KEYS: Final = tuple(key(row.label) for row in NATIONAL_FORM_ROWS)


def national_form(rows: list[list[Cell]], notes: Notes, at: Position) -> TableDraft | None:
    """The 2014–2018 national form (``统计指标 | 单位 | 统计数``), when every row is one of its rows; else ``None``.

    Rows not printed are unknown cells of the form (it is then incomplete); a row that is no row of the form makes the
    table a generic one.
    """
    if len(rows) < 2 or tuple(cell.key for cell in rows[0][:3]) != _NATIONAL_HEADER or len(rows[0]) != 3:
        return None
    values: dict[str, tuple[Figure, ...]] = {}
    cursor = 0  # rows are matched in order: two groups share labels (（二）被依法纠错数 under 复议 and 诉讼)
    for row in rows[1:]:
        if len(row) != 3:
            return None
        label, _, value = row
        position = next((i for i in range(cursor, len(_NATIONAL_KEYS)) if _NATIONAL_KEYS[i] == label.key), None)
        if position is None:
            return None
        cursor = position + 1
        official = NATIONAL_FORM_ROWS[position]
        if not official.columns:  # a group row: its unit cell is ——, it has no value
            continue
        figure = value_of(value, True)
        if figure is None:
            return None
        values[official.id] = (figure,)
    table = national_statistics_form(values)
    missing = sum(1 for row in table.rows if row.values and not row.values[0].is_known)
    if missing:
        notes.uncertain(f"the national statistics form: {missing} rows not printed (unknown)", at)
    else:
        notes.recognised("the national statistics form of 2014–2018 (国办发〔2014〕32号)", at)

    def build(edition: Edition | None) -> StatisticsTable:
        return table

    return TableDraft(kind="national", edition_evidence=Edition.PRE_2019, at=at, build=build)


def national_text_form(lines: list[Line], notes: Notes) -> TableDraft | None:
    """The national form from pipe rows, else a local statistics form; ``None`` when they are neither."""
    rows = [pipe_cells(line) for line in lines]
    return national_form(rows, notes, lines[0].at) or local_form(rows, notes, lines[0].at)


def national_html_form(item: TableItem, notes: Notes) -> TableDraft | None:
    """The national form from an HTML table (no spans: one cell per column), else a local statistics form.

    A local form may merge cells across columns (a group row's label over its unit); a merged cell is its text and
    then empty cells. Cells merged across rows are not placed: such a grid is no form.
    """
    if any(cell.rowspan > 1 for row in item.rows for cell in row):
        return None
    rows = [
        [
            Cell(cell.text if index == 0 else "", cell.at, cell.figure if index == 0 else None, cell.unit)
            for cell in row
            for index in range(cell.colspan)
        ]
        for row in item.rows
    ]
    if any(cell.colspan > 1 for row in item.rows for cell in row):
        return local_form(rows, notes, item.at)
    return national_form(rows, notes, item.at) or local_form(rows, notes, item.at)
