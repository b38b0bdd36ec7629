"""Cells of a table and the figure a cell's text is: a number, a marker (``/``, ``—``, ``无``, ``增5``) or a label.

A number may carry its unit inside the cell (``251000元``, ``3件``, ``1.2万元``, ``1100余人次``): the figure is the
number with its qualifier, and :func:`unit_of` gives the unit, for the caller to keep where the model has room for it
(the procurement amount's 元/万元, a statistics row's unit) or to refuse where it contradicts the column.

>>> figure_of("251000元").value, unit_of(Cell("251000元", Position(1, 1)))
(Decimal('251000'), '元')
>>> figure_of("1100余人次").qualifier.value, figure_of("元") is None
('余', True)
"""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

from ...model import Figure, MoneyUnit
from .._diagnostics import Position
from .._normalise import Line, key
from .._quantities import UNITS

MARKERS: Final = frozenset({"/", "／", "-", "－", "—", "——", "无", "×", "―"})


class Cell(NamedTuple):
    text: str
    at: Position
    figure: Figure | None = None  # exact figure from HTML data attributes
    unit: str | None = None  # data-unit of an HTML value cell

    @property
    def key(self) -> str:
        return key(self.text)


def value_of(cell: Cell, positional: bool) -> Figure | None:
    """The figure of a value cell, or ``None`` when the cell is a label."""
    if cell.figure is not None:
        return cell.figure
    text = cell.text.strip()
    if not text:
        return BLANK if positional else None
    return figure_of(text)


BLANK: Final = Figure(marker="")
_CHANGE: Final = re.compile(r"[增减]\d{1,9}")
_NUMERIC_START: Final = re.compile(r"(?:逾|近|超过|约)?[+\-−]?\d")
_NUMBER_MAX: Final = 24
CELL_UNITS: Final = tuple(sorted((*UNITS, *(unit.value for unit in MoneyUnit)), key=len, reverse=True))
"""The units a number cell may carry after its number, longest first (``人次`` before ``次``)."""
_WITH_UNIT: Final = re.compile(r"(.+?)\s*(" + "|".join(map(re.escape, CELL_UNITS)) + r")")


@functools.lru_cache(maxsize=4096)
def figure_of(text: str) -> Figure | None:
    """The figure a non-empty cell text is (a number or a marker), or ``None`` for a label (figures are immutable).

    A unit after the number is not part of the figure (:func:`unit_of` gives it).
    """
    if text in MARKERS or _CHANGE.fullmatch(text):
        return Figure(marker=text)
    if len(text) > _NUMBER_MAX or not _NUMERIC_START.match(text):
        return None
    figure = Figure.of(text)
    if figure.value is None:
        with_unit = _WITH_UNIT.fullmatch(text)
        figure = Figure.of(with_unit.group(1)) if with_unit is not None else figure
    return figure if figure.value is not None else None


def unit_of(cell: Cell) -> str | None:
    """The unit of a value cell: its ``data-unit``, or the unit printed after its number (``251000元`` → ``元``)."""
    if cell.unit is not None:
        return cell.unit
    with_unit = _WITH_UNIT.fullmatch(cell.text.strip())
    if with_unit is None or figure_of(cell.text.strip()) is None:
        return None
    return with_unit.group(2)


def pipe_cells(line: Line) -> list[Cell]:
    """The cells of a line of pipe-separated cells (the outer empty cells dropped), with their positions."""
    parts = line.text.split("|")
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    cells = []
    column = line.at.column
    for part in parts:
        cells.append(Cell(part.strip(), Position(line.at.line, column)))
        column += len(part) + 1
    return cells
