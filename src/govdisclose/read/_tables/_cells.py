"""Cells of a table and the figure a cell's text is: a number, a marker (``/``, ``—``, ``无``, ``增5``) or a label."""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

from ...model import Figure
from .._diagnostics import Position
from .._normalise import Line, key

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


@functools.lru_cache(maxsize=4096)
def figure_of(text: str) -> Figure | None:
    """The figure a non-empty cell text is (a number or a marker), or ``None`` for a label (figures are immutable)."""
    if text in MARKERS or _CHANGE.fullmatch(text):
        return Figure(marker=text)
    if len(text) > _NUMBER_MAX or not _NUMERIC_START.match(text):
        return None
    figure = Figure.of(text)
    return figure if figure.value is not None else None


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
