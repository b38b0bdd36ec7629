"""Tables as grids of cells with their spans (an HTML ``<table>``, or any reader that finds a grid).

A grid is read as official tables, else as a table a plugin defines, else as the national form, else as a generic
table.
"""

from __future__ import annotations

from ...model import OfficialTable, Table
from .._diagnostics import Notes
from .._normalise import TableItem
from ._cells import Cell
from ._generic import generic_html_table
from ._national import national_html_form
from ._official import TableDraft, drafts_of, kind_of
from ._plugin import plugin_grid_table
from ._segments import Segmenter


def read_grid(item: TableItem, notes: Notes) -> list[TableDraft | Table | OfficialTable]:
    """Read a grid of cells with their spans: official tables, else a plugin's, the national form, a generic table.

    The list is empty when the grid is not even a generic table (its rows do not line up).

    This is the entry for every source that finds a grid (HTML ``<table>``, a PDF's ruled cells): build a
    :class:`~govdisclose.read._normalise.TableItem` of :class:`~govdisclose.read._normalise.CellItem` rows (covered
    positions of a merged cell are not repeated), with positions for the diagnostics.
    """
    drafts = _official_tables(item, notes)
    if drafts:
        return list(drafts)
    plugin = plugin_grid_table(item, notes)
    if plugin is not None:
        return [plugin]
    national = national_html_form(item, notes)
    if national is not None:
        return [national]
    generic = generic_html_table(item, notes)
    return [generic] if generic is not None else []


def _official_tables(item: TableItem, notes: Notes) -> list[TableDraft]:
    """The official tables of a grid (an exact grid: its empty cells are cells); none when it holds none."""
    segmenter = Segmenter()
    first_labels = [cell for row in item.rows for cell in row if cell.text][:3]
    if not any(kind_of(Cell(cell.text, cell.at)) for cell in first_labels):
        return []
    for row in item.rows:
        segmenter.row([Cell(cell.text, cell.at, cell.figure, cell.unit) for cell in row], exact=True)
    segments, leftover = segmenter.finish()
    return drafts_of(segments, leftover, notes)
