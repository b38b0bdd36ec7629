"""Segments: rows of cells cut into the labels read so far and the values after them.

The values of a segment are then placed on a row of a known number of columns, or said to be left out.
"""

from __future__ import annotations

from typing import Final

import attrs

from ...model import Figure
from .._diagnostics import Notes, Position
from .._normalise import key
from ._cells import Cell, value_of
from ._labels import ALL_LABELS, ROW_LABELS, has_prefix, known, match_label


@attrs.frozen
class Segment:
    labels: tuple[Cell, ...]
    values: tuple[tuple[Cell, Figure], ...]
    positional: bool
    exact: bool  # an HTML grid: trailing empty cells are cells, not padding
    at: Position
    aligned: bool = False  # a Markdown table: every row has all the table's cells, label columns left empty


_JOIN_BACK: Final = 2
"""How many labels back the start of a label continued on a later line is looked for."""


class Segmenter:
    """Cuts rows of cells into segments: the labels so far, then the values after them."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.labels: list[Cell] = []
        self.loose: list[tuple[Cell, Figure]] = []

    def _close_loose(self) -> None:
        if self.loose:
            self.segments.append(Segment(tuple(self.labels), tuple(self.loose), False, False, self.loose[0][0].at))
            self.labels = []
            self.loose = []

    def row(self, cells: list[Cell], *, exact: bool, aligned: bool = False) -> None:
        """A row of cells whose positions are known (a pipe row, an HTML row, a Markdown row)."""
        self._close_loose()
        last_label = -1
        for index, cell in enumerate(cells):
            if cell.text.strip() and value_of(cell, True) is None:
                last_label = index
        for cell in cells[: last_label + 1]:
            if cell.text.strip():
                self._label(cell)
        values = cells[last_label + 1 :]
        if last_label < 0:  # a row of values only: drop the empty cells before the first value
            while values and not values[0].text.strip() and values[0].figure is None:
                values = values[1:]
        blank_row = bool(values) and last_label >= 0 and (exact or (aligned and _names_a_row(cells[last_label])))
        if blank_row or any(cell.text.strip() or cell.figure is not None for cell in values):
            figures = [(cell, value_of(cell, True) or Figure(marker="")) for cell in values]
            self.segments.append(Segment(tuple(self.labels), tuple(figures), True, exact, values[0].at, aligned))
            self.labels = []

    def cell(self, cell: Cell) -> None:
        """A cell on a line of its own."""
        figure = value_of(cell, False)
        if figure is not None:
            self.loose.append((cell, figure))
            return
        self._close_loose()
        self._label(cell)

    def _label(self, cell: Cell) -> None:
        """A label, or the rest of the label before it (``1.申请人无正当理由逾期不补`` then ``正、…``)."""
        if not known(cell.key):  # pieces of merged labels may stand between (``2、…通知要`` ``他处理`` ``求缴纳…``)
            for back in range(1, min(len(self.labels), _JOIN_BACK) + 1):
                joined = self.labels[-back].text + cell.text
                if has_prefix(key(joined)):
                    self.labels[-back] = self.labels[-back]._replace(text=joined)
                    return
        self.labels.append(cell)

    def finish(self) -> tuple[list[Segment], list[Cell]]:
        """The segments, and the labels left without values (a truncated table's last headings)."""
        self._close_loose()
        return self.segments, self.labels


def _names_a_row(cell: Cell) -> bool:
    """Whether a cell is the label of a row of table 二 or 三 (its empty cells after it are a row of blanks)."""
    return match_label(cell.key, ROW_LABELS) is not None


def joins_into_label(first: str, second: str) -> bool:
    """Whether *second* carries on the label piece *first* (``本年制发`` + ``件数``), toward a table label."""
    joined = key(first + second)
    return key(first) not in ALL_LABELS and key(second) not in ALL_LABELS and has_prefix(joined)


def join_split_labels(cells: list[Cell]) -> list[Cell]:
    """Join cells that are pieces of one label split over lines (``三、本`` ``年度办`` ``理结果``)."""
    joined: list[Cell] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        combined = cell
        stop = index + 1
        if value_of(cell, False) is None and key(cell.text) not in ALL_LABELS:
            probe = key(cell.text)
            end = stop
            while end < len(cells) and value_of(cells[end], False) is None and has_prefix(probe + key(cells[end].text)):
                probe += key(cells[end].text)
                end += 1
                if probe in ALL_LABELS:
                    combined = Cell("".join(c.text for c in cells[index:end]), cell.at)
                    stop = end
        joined.append(combined)
        index = stop
    return joined


_FRAGMENT_MAX: Final = 4
"""The longest piece of a broken merged label (``不``, ``予公开``, ``本法提供``) skipped before a row's values."""


def row_label(segment: Segment, notes: Notes | None = None) -> Cell | None:
    """The cell naming the segment's row: its last label, skipping pieces of a broken label printed after it.

    A merged cell's label broken over lines in PDF text (``（三）不`` … ``予公开``) leaves short pieces between a row's
    label and its values; a piece that is no table label is skipped when a label comes before it, and said so.
    """
    labels = list(segment.labels)
    skipped: list[Cell] = []
    while len(labels) >= 2 and len(labels[-1].key) <= _FRAGMENT_MAX and not known(labels[-1].key):
        skipped.append(labels.pop())
    if skipped and known(labels[-1].key):
        texts = " ".join(repr(cell.text) for cell in reversed(skipped))
        if notes is not None:
            notes.uncertain(
                f"label pieces {texts} after row {labels[-1].text!r} skipped (a broken label)", skipped[-1].at
            )
        return labels[-1]
    return segment.labels[-1] if segment.labels else None


def figures_for(segment: Segment, expected: int) -> tuple[Figure, ...] | None:
    """The segment's values for a row of *expected* cells, or ``None`` when they cannot be placed."""
    figures = [figure for _, figure in segment.values]
    if not segment.positional:
        return tuple(figures) if len(figures) == expected else None
    if segment.aligned and len(figures) > expected and all(f.marker == "" for f in figures[: len(figures) - expected]):
        return tuple(figures[len(figures) - expected :])  # label columns left empty before the values
    trimmed = list(figures)
    while trimmed and trimmed[-1].marker == "" and not (segment.exact or segment.aligned):
        trimmed.pop()
    if len(trimmed) == expected:
        return tuple(trimmed)
    if len(figures) >= expected and all(f.marker == "" for f in figures[expected:]):
        anchored = segment.exact or segment.aligned or (figures[expected - 1].marker != "" if expected else True)
        if anchored:
            return tuple(figures[:expected])
    return None
