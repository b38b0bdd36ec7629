"""Official tables flattened to text: pipe rows, one cell per line, cells separated by blank lines or lines of pipes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ...zh import parse_ordinal
from .._diagnostics import Notes, Position
from .._noise import noise_kind
from .._normalise import Line, TableItem
from ._cells import Cell, pipe_cells, value_of
from ._labels import known
from ._official import TableDraft, drafts_of, kind_of
from ._segments import Segmenter, join_split_labels

_KEY_MAX_UNKNOWN: Final = 12
_START: Final = re.compile(
    r"[|\s]{0,8}(?:第\s?二\s?十|[（(]\s?本\s?列|申\s?请\s?人|自\s?然\s?人|一\s?、\s?本\s?年|行\s?政\s?[复诉])"
)


def starts_table(text: str) -> bool:
    """Whether a line starts an official table (``第二十条第（一）项``, the 三 corner, ``行政复议`` …)."""
    if not _START.match(text):
        return False
    first = next((part.strip() for part in text.split("|") if part.strip()), "")
    return kind_of(Cell(first, Position(0, 0))) is not None


def _line_kind(line: Line, cells: list[Cell] | None = None) -> str:
    """``pipes``, ``row``, ``value``, ``label``, ``unknown`` or ``stop`` for a line inside a table region."""
    text = line.text
    if not text.replace("|", "").strip():
        return "pipes"
    if "|" in text:
        cells = cells if cells is not None else pipe_cells(line)
        if any(known(cell.key) or value_of(cell, False) is not None for cell in cells if cell.text):
            return "row"
        return "stop"
    cell = Cell(text, line.at)
    if value_of(cell, False) is not None:
        return "value"
    label_key = cell.key
    if known(label_key):
        return "label"
    if noise_kind(text) is not None or parse_ordinal(text) is not None or len(label_key) > _KEY_MAX_UNKNOWN:
        return "stop"
    return "unknown"


def read_text_tables(lines: Sequence[Line | TableItem], start: int, notes: Notes) -> tuple[int, list[TableDraft]]:
    """Read the table region that starts at ``lines[start]``: the index after it, and the tables read."""
    segmenter = Segmenter()
    index = start
    loose: list[Cell] = []
    while index < len(lines):
        line = lines[index]
        if not isinstance(line, Line):
            break
        cells = pipe_cells(line) if "|" in line.text else None
        kind = _line_kind(line, cells)
        if kind == "unknown":  # short unknown lines stay in the table only if the table goes on after them
            ahead = index + 1
            following = "stop"
            while ahead < min(len(lines), index + 4):
                next_line = lines[ahead]
                following = _line_kind(next_line) if isinstance(next_line, Line) else "stop"
                if following != "unknown":
                    break
                ahead += 1
            kind = "label" if following not in ("stop", "unknown") else "stop"
        if kind == "stop":
            break
        if kind in ("row", "pipes"):
            for cell in join_split_labels(loose):
                segmenter.cell(cell)
            loose = []
            if kind == "row" and cells is not None:
                segmenter.row(cells, exact=False)
        else:
            loose.append(Cell(line.text, line.at))
        index += 1
    for cell in join_split_labels(loose):
        segmenter.cell(cell)
    segments, leftover = segmenter.finish()
    return index, drafts_of(segments, leftover, notes)
