r"""Official tables flattened to text: pipe rows, one cell per line, cells separated by blank lines or lines of pipes.

Markdown pipe tables (what PDF-to-Markdown tools write) are pipe rows with a ``|---|`` separator row; every row
has the table's number of cells, so an empty cell is a cell: a merged label cell left empty (``||||自然人|``) or
repeated in each column it covers, a merged value cell repeated under a repeated heading, a heading wrapped with
``<br>`` or broken over two or three rows (``|信息内容|本年制发|`` ``||件数|``), and the ``Col2`` names some tools give
the empty cells of a first row. Such rows are cleaned up (:class:`MarkdownRows`) before they are read, and their
values are placed from the right when the cells left of them are empty (the label columns of table 三).

>>> from govdisclose.read._normalise import split_lines
>>> from govdisclose.read._diagnostics import Notes
>>> md = "|第二十条第（一）项|Col2|Col3|Col4|\n|---|---|---|---|\n|信息内容|本年制发<br>件数|本年废止|现行有效|\n"
>>> md += "||||件数|件数|\n|规章|1|0|11|\n"
>>> lines, _ = split_lines(md.replace("||||件数|件数|", "|||件数|件数|"))
>>> end, drafts = read_text_tables(lines, 0, Notes())
>>> [f.text for f in drafts[0].build(None).row("rules").values]
['1', '0', '11']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ...zh import parse_ordinal
from .._diagnostics import Notes, Position
from .._noise import noise_kind
from .._normalise import Line, TableItem, key
from ._cells import Cell, pipe_cells, value_of
from ._labels import ALL_LABELS, has_prefix, known
from ._official import TableDraft, drafts_of, kind_of
from ._segments import Segmenter, join_split_labels, joins_into_label

_KEY_MAX_UNKNOWN: Final = 12
_LOOKAHEAD: Final = 7
"""Short unknown lines (heading pieces: ``商业 科研`` ``公益 服务 其他`` ``企业 机构``) a table may hold in a row."""
_PAGE_NUMBER: Final = re.compile(r"[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[/／共]\s*\d{1,3}\s*页?)?")
_START: Final = re.compile(
    r"[|\s]{0,8}(?:第\s?二\s?十|[（(]\s?本\s?列|申\s?请\s?人|自\s?然\s?人|一\s?、\s?本\s?年|行\s?政\s?[复诉])"
)


def starts_table(text: str) -> bool:
    """Whether a line starts an official table (``第二十条第（一）项``, the 三 corner, ``行政复议`` …)."""
    if not _START.match(text):
        return False
    first = next((part.strip() for part in text.split("|") if part.strip()), "")
    return kind_of(Cell(_GAP.split(first)[0], Position(0, 0))) is not None


_GAP: Final = re.compile(r"\s{2,}|\t")
_PIECE_MAX: Final = 2


def spaced_cells(line: Line) -> list[Cell] | None:
    """The cells of a line laid out in columns by runs of spaces (``pdftotext -layout``), or ``None``.

    >>> from govdisclose.read._normalise import START
    >>> [cell.text for cell in spaced_cells(Line("规章            1          0        11", START))]
    ['规章', '1', '0', '11']
    """
    text = line.text
    if "|" in text or " " not in text.strip():
        return None
    pattern = r"\S+(?: \S+)*" if _GAP.search(text) else r"\S+"  # single spaces: each word a piece
    pieces = [
        Cell(match.group(), Position(line.at.line, line.at.column + match.start()))
        for match in re.finditer(pattern, text)
    ]
    if len(pieces) < 2:
        return None
    if pattern != r"\S+":
        return pieces
    return _single_spaced(text, pieces)


def _single_spaced(text: str, words: list[Cell]) -> list[Cell] | None:
    """The cells of a line whose cells stand one space apart (``pdfplumber``'s text): a label, then its values.

    A label may hold spaces itself (``第二十条 第（一）项``): the words before the trailing figures are one label, and a
    line of labels only is cut into words only when each word is a table label and the whole line is none.
    """
    figures = 0
    while figures < len(words) and value_of(words[-1 - figures], False) is not None:
        figures += 1
    if figures == len(words):
        return words
    if figures:
        labels = words[: len(words) - figures]
        pieces = 0  # pieces of a merged label printed down the page before the row's label (``三 2.其他…``)
        while pieces < len(labels) - 1 and len(labels[pieces].key) <= _PIECE_MAX and not known(labels[pieces].key):
            pieces += 1
        label = labels[pieces]._replace(text=" ".join(word.text for word in labels[pieces:]))
        return [*labels[:pieces], label, *words[len(words) - figures :]]
    whole = key(text)
    if whole in ALL_LABELS or has_prefix(whole) or not all(known(word.key) for word in words):
        return None
    return words


_SEPARATOR: Final = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*")
_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PLACEHOLDER: Final = re.compile(r"Col\d{1,3}")
_MARKDOWN_LOOKAHEAD: Final = 4


def is_separator(text: str) -> bool:
    """Whether a line is the ``|---|---|`` separator row of a Markdown table."""
    return "-" in text and _SEPARATOR.fullmatch(text.strip()) is not None


def _line_kind(line: Line, cells: list[Cell] | None = None) -> str:
    """``pipes``, ``row``, ``value``, ``label``, ``unknown`` or ``stop`` for a line inside a table region."""
    text = line.text
    if not text.replace("|", "").strip() or is_separator(text):
        return "pipes"
    if cells is None:
        cells = pipe_cells(line) if "|" in text else spaced_cells(line)
    if cells is not None:
        if any(known(cell.key) or value_of(cell, False) is not None for cell in cells if cell.text):
            return "row"
        return "stop" if "|" in text else "unknown"  # a spaced row of pieces (``业  构  组织  机构``)
    cell = Cell(text, line.at)
    if value_of(cell, False) is not None:
        return "value"
    label_key = cell.key
    if known(label_key):
        return "label"
    if noise_kind(text) is not None or parse_ordinal(text) is not None or len(label_key) > _KEY_MAX_UNKNOWN:
        return "stop"
    return "unknown"


def _clean(cell: Cell) -> Cell:
    """A cell of a Markdown table: ``<br>`` removed, a ``ColN`` placeholder made empty."""
    text = _BREAK.sub("", cell.text).strip()
    return cell._replace(text="" if _PLACEHOLDER.fullmatch(text) else text)


def _is_labels(cells: list[Cell]) -> bool:
    return any(cell.text for cell in cells) and all(value_of(cell, False) is None for cell in cells if cell.text)


class MarkdownRows:
    """The rows of a Markdown table, cleaned up one by one (see the module's docstring).

    Rows of labels only are held back until the next row shows whether it continues their headings column by column;
    a cell repeating its left neighbour is emptied when it is a label, and when it is a value under a heading that
    was repeated (one merged cell written into each column it covers).
    """

    def __init__(self) -> None:
        self.held: list[Cell] | None = None
        self.repeated: frozenset[int] = frozenset()

    def row(self, cells: list[Cell]) -> list[list[Cell]]:
        """The rows ready to be read once *cells* is seen."""
        cells = [_clean(cell) for cell in cells]
        if _is_labels(cells):
            if self.held is not None and len(self.held) == len(cells) and self._continues(self.held, cells):
                self.held = [
                    above._replace(text=above.text + below.text) if below.text else above
                    for above, below in zip(self.held, cells, strict=True)
                ]
                return []
            ready = self.flush()
            self.held = cells
            return ready
        return [*self.flush(), self._unrepeat(cells, labels=False)]

    def flush(self) -> list[list[Cell]]:
        """The held rows of headings."""
        held, self.held = self.held, None
        if held is None:
            return []
        self.repeated = frozenset(i for i in range(1, len(held)) if held[i].text and held[i].text == held[i - 1].text)
        return [self._unrepeat(held, labels=True)]

    def _unrepeat(self, cells: list[Cell], *, labels: bool) -> list[Cell]:
        out = list(cells)
        for i in range(len(cells) - 1, 0, -1):
            same = cells[i].text and cells[i].text == cells[i - 1].text
            is_label = value_of(cells[i], False) is None
            if same and ((labels and is_label) or (not labels and (is_label or i in self.repeated))):
                out[i] = cells[i]._replace(text="")
        return out

    @staticmethod
    def _continues(above: list[Cell], below: list[Cell]) -> bool:
        """Whether *below* carries on the headings of *above*: each of its cells ends the label above it."""
        pairs = [(a.text, b.text) for a, b in zip(above, below, strict=True) if b.text]
        return bool(pairs) and all(a and joins_into_label(a, b) for a, b in pairs)


def _markdown_ahead(lines: Sequence[Line | TableItem], start: int) -> bool:
    """Whether a Markdown separator row comes within the first lines of the region at *start*."""
    ahead = lines[start : start + _MARKDOWN_LOOKAHEAD]
    return any(isinstance(line, Line) and is_separator(line.text) for line in ahead)


def read_text_tables(lines: Sequence[Line | TableItem], start: int, notes: Notes) -> tuple[int, list[TableDraft]]:
    """Read the table region that starts at ``lines[start]``: the index after it, and the tables read."""
    segmenter = Segmenter()
    index = start
    loose: list[Cell] = []
    markdown = MarkdownRows() if _markdown_ahead(lines, start) else None
    while index < len(lines):
        line = lines[index]
        if not isinstance(line, Line):
            break
        if _PAGE_NUMBER.fullmatch(line.text):  # a page break inside the table (``-3-``)
            notes.noise("page number inside a table", line.at, line.text)
            index += 1
            continue
        cells = pipe_cells(line) if "|" in line.text else spaced_cells(line)
        if cells is not None and len(cells) == 1 and not line.text.startswith("|"):
            line, cells = line._replace(text=cells[0].text), None  # one cell per line with a trailing bar (``规章 |``)
        kind = _line_kind(line, cells)
        if kind == "stop" and markdown is not None and cells is not None and line.text.startswith("|"):
            kind = "row"  # a row of a Markdown table belongs to it, whatever its cells (``||件数|件数|``)
        if kind == "unknown":  # short unknown lines stay in the table only if the table goes on after them
            ahead = index + 1
            following = "stop"
            while ahead < min(len(lines), index + _LOOKAHEAD):
                next_line = lines[ahead]
                following = _line_kind(next_line) if isinstance(next_line, Line) else "stop"
                if following != "unknown":
                    break
                ahead += 1
            kind = "label" if following not in ("stop", "unknown") else "stop"
            if kind == "label" and cells is not None:
                kind = "row"
        if kind == "stop":
            break
        if kind in ("row", "pipes"):
            for cell in join_split_labels(loose):
                segmenter.cell(cell)
            loose = []
            if kind == "row" and cells is not None and markdown is not None:
                for ready in markdown.row(cells):
                    segmenter.row(ready, exact=False, aligned=True)
            elif kind == "row" and cells is not None:
                segmenter.row(cells, exact=False)
        else:
            loose.append(Cell(line.text, line.at))
        index += 1
    if markdown is not None:
        for ready in markdown.flush():
            segmenter.row(ready, exact=False, aligned=True)
    for cell in join_split_labels(loose):
        segmenter.cell(cell)
    segments, leftover = segmenter.finish()
    return index, drafts_of(segments, leftover, notes)
