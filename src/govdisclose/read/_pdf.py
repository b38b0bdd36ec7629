"""PDF into lines and tables, with the page and box of each (pdfplumber, the ``pdf`` extra).

A page's characters are grouped into lines by their vertical position; the tables are found from the page's ruling
lines (pdfplumber's lattice finder), and each table cell's box gives its ``rowspan``/``colspan`` on the grid of all
the table's cell edges, so a published table comes back as the same :class:`~._normalise.TableItem` the HTML reader
makes and goes through the same table recognition. Around that:

- page furniture is removed: page numbers (``- 1 -``, ``— 1 —``, ``-1-``, ``第1页``, ``1/5``) and running headers and
  footers (a line in the top or bottom band repeated on several pages);
- paragraphs are joined across line and page breaks: a line continues the one before unless that one ends short of
  the right margin, or this one is indented (a first-line indent), set in another size, or after a wider gap;
- a table that ends a page and a table that starts the next with the same width are one table: a header repeated
  on the new page is dropped, and a merged label cell cut by the page break (``（四）无`` / ``法提供``) is made whole;
- a box drawn around body text (a table of one column) is text, not a table.

A page without a text layer (a scan) is read through an OCR callable when one is given (:class:`OcrPage`: its
number and a PNG rendering); no OCR model is bundled. Positions are ``Position(line, 1, page, box)``: the line counted
on its page, and the box in points from the page's top left.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import io
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from .._errors import DocumentError, MissingExtraError
from ._api import ReadResult, read_items
from ._diagnostics import Notes, Position
from ._files import MAX_BYTES, Source, source_bytes
from ._headings import numbered_line
from ._normalise import CellItem, Item, Line, TableItem, normalise, split_lines

if TYPE_CHECKING:
    from pdfplumber.page import Page
    from pdfplumber.table import Table

__all__ = ["OcrHook", "OcrPage", "pdf_items", "read_pdf"]

_PAGE_NUMBER: Final = re.compile(
    r"[-—–－_~·\s]*(?:第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?)[-—–－_~·\s]*"
)
_BAND: Final = 0.1
"""The top and bottom tenth of a page, where headers, footers and page numbers are printed."""
_TOLERANCE: Final = 2.5
"""Two table edges closer than this (in points) are one edge."""
_SPACES: Final = " \t\n\r\f\u3000\xa0"
_FULL_STOPS: Final = ("。", "！", "？", "!", "?", "：", ":")


@attrs.frozen(eq=False)
class OcrPage:
    """A page without a text layer, as an OCR callable gets it.

    Attributes:
        number: The 1-based page number.
        width: The page width in points.
        height: The page height in points.
    """

    number: int
    width: float
    height: float
    _page: Any = attrs.field(alias="page", repr=False)

    def png(self, resolution: int = 300) -> bytes:
        """The page rendered as a PNG image at *resolution* dots per inch."""
        image = self._page.to_image(resolution=resolution).original
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()


OcrHook = Callable[[OcrPage], str]
"""An external OCR: given a page without a text layer, its text, lines separated by ``\\n``."""


class _Char(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str


class _Run(NamedTuple):
    """A line of body text on a page, with its geometry and its (most used) font."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    at: Position


@attrs.define
class _PdfCell:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    at: Position


@attrs.define
class _PdfTable:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    cells: list[_PdfCell]
    at: Position
    pages: list[int] = attrs.field(factory=list)


@attrs.define
class _Page:
    number: int
    height: float
    elements: list[_Run | _PdfTable]
    ocr: list[Line] | None = None


# ---- one page --------------------------------------------------------------------------------------------------


def _lines_of(chars: list[_Char]) -> list[list[_Char]]:
    """Characters grouped into lines (by vertical position), each line left to right, lines top to bottom."""
    lines: list[list[_Char]] = []
    top = bottom = -1.0
    for char in sorted(chars, key=lambda c: (c.top, c.x0)):
        middle = (char.top + char.bottom) / 2
        if lines and top <= middle <= bottom:
            lines[-1].append(char)
        else:
            lines.append([char])
            top, bottom = char.top, char.bottom
    for line in lines:
        line.sort(key=lambda c: c.x0)
    return lines


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _text_of(chars: Sequence[_Char]) -> str:
    """The text of a line's characters: a space only between two ASCII words set apart (Chinese takes none)."""
    pieces: list[str] = []
    previous: _Char | None = None
    for char in chars:
        if char.text in _SPACES:
            continue
        if (
            previous is not None
            and char.x0 - previous.x1 > previous.size * 0.2
            and _ascii_word(previous.text[-1:])
            and _ascii_word(char.text[:1])
        ):
            pieces.append(" ")
        pieces.append(char.text)
        previous = char
    return "".join(pieces)


def _is_data_table(table: Table) -> bool:
    """A table of two columns or more; a box of one column drawn around text is layout."""
    xs = {round(x) for cell in table.cells for x in (cell[0], cell[2])}
    return len(_snap(sorted(xs))) >= 3


def _snap(values: Sequence[float]) -> list[float]:
    """Sorted values with those closer than the tolerance taken as one (the first of each run)."""
    snapped: list[float] = []
    for value in values:
        if not snapped or value - snapped[-1] > _TOLERANCE:
            snapped.append(value)
    return snapped


def _index(edges: list[float], value: float) -> int:
    """The index of the edge *value* is on (within the tolerance)."""
    index = bisect.bisect_left(edges, value - _TOLERANCE)
    return min(index, len(edges) - 1)


def _visible(obj: dict[str, Any]) -> bool:
    """Whether a page object can be seen: WPS paints a white, unstroked box behind lines of text, which is no rule."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    if not obj.get("fill"):
        return False
    color = obj.get("non_stroking_color")
    values = tuple(color) if isinstance(color, (tuple, list)) else (color,)
    white = all(v == 1 for v in values) if len(values) != 4 else all(v == 0 for v in values)
    return not white


def _open_ends(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Horizontal rules where vertical rules end without one: a table cut by a page break has no top or bottom rule."""
    horizontal = [e for e in edges if e["orientation"] == "h"]
    added: list[dict[str, Any]] = []
    for end in ("top", "bottom"):
        open_at: dict[int, list[float]] = {}
        for edge in edges:
            if edge["orientation"] != "v" or edge["bottom"] - edge["top"] < 2 * _TOLERANCE:
                continue
            y, x = float(edge[end]), float(edge["x0"])
            if not any(
                abs(h["top"] - y) <= _TOLERANCE and h["x0"] - _TOLERANCE <= x <= h["x1"] + _TOLERANCE
                for h in horizontal
            ):
                open_at.setdefault(round(y), []).append(x)
        for y, xs in open_at.items():
            if len(xs) >= 2:
                left, right = min(xs), max(xs)
                added.append(
                    {"object_type": "line", "x0": left, "x1": right, "top": y, "bottom": y, "width": right - left}
                )
    return added


def _read_page(page: Page, number: int) -> _Page:
    chars = [
        _Char(
            c["text"],
            float(c["x0"]),
            float(c["top"]),
            float(c["x1"]),
            float(c["bottom"]),
            float(c["size"]),
            str(c.get("fontname", "")),
        )
        for c in page.chars
        if c["text"] not in _SPACES
    ]
    result = _Page(number=number, height=float(page.height), elements=[])
    if not chars:
        return result
    lines = _lines_of(chars)
    line_of = {id(char): index for index, line in enumerate(lines, 1) for char in line}
    ruled = page.filter(_visible)
    settings = {"explicit_horizontal_lines": _open_ends(ruled.edges)}
    tables = [table for table in ruled.find_tables(settings) if _is_data_table(table)]
    in_table: dict[int, tuple[int, int]] = {}  # id(char) -> (table index, cell index)
    for table_index, table in enumerate(tables):
        x0, top, x1, bottom = table.bbox
        cells = table.cells
        xs = _snap(sorted({c[0] for c in cells} | {c[2] for c in cells}))
        ys = _snap(sorted({c[1] for c in cells} | {c[3] for c in cells}))
        slots: dict[tuple[int, int], int] = {}
        for cell_index, cell in enumerate(cells):
            for column in range(_index(xs, cell[0]), _index(xs, cell[2])):
                for row in range(_index(ys, cell[1]), _index(ys, cell[3])):
                    slots.setdefault((row, column), cell_index)
        for char in chars:
            cx, cy = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
            if x0 <= cx <= x1 and top <= cy <= bottom and id(char) not in in_table:
                slot = (bisect.bisect(ys, cy) - 1, bisect.bisect(xs, cx) - 1)
                if slot in slots:
                    in_table[id(char)] = (table_index, slots[slot])
    for table_index, table in enumerate(tables):
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        owned: dict[int, list[_Char]] = {}
        for char in chars:
            where = in_table.get(id(char))
            if where is not None and where[0] == table_index:
                owned.setdefault(where[1], []).append(char)
        read_cells: list[_PdfCell] = []
        for cell_index, (cx0, ctop, cx1, cbottom) in enumerate(table.cells):
            mine = owned.get(cell_index, [])
            first = min((line_of[id(c)] for c in mine), default=0)
            by_line = sorted(mine, key=lambda c: (line_of[id(c)], c.x0))
            text = "".join(c.text for c in by_line)
            box = (float(cx0), float(ctop), float(cx1), float(cbottom))
            read_cells.append(_PdfCell(*box, text=text, at=Position(first, 1, number, box)))
        first_line = min((cell.at.line for cell in read_cells if cell.at.line), default=0)
        at = Position(first_line, 1, number, (x0, top, x1, bottom))
        result.elements.append(_PdfTable(number, x0, top, x1, bottom, read_cells, at, [number]))
    for index, line in enumerate(lines, 1):
        body = [char for char in line if id(char) not in in_table]
        if not body:
            continue
        text = _text_of(body)
        if not text:
            continue
        box = (body[0].x0, min(c.top for c in body), max(c.x1 for c in body), max(c.bottom for c in body))
        size = Counter(round(c.size, 1) for c in body).most_common(1)[0][0]
        font = Counter(c.font for c in body).most_common(1)[0][0]
        result.elements.append(_Run(text, *box, size=size, font=font, at=Position(index, 1, number, box)))
    result.elements.sort(key=lambda element: element.top)
    return result


# ---- page furniture ---------------------------------------------------------------------------------------------


def _remove_furniture(pages: list[_Page], notes: Notes) -> None:
    """Drop page numbers and running headers and footers (lines in a page's top or bottom band)."""

    def banded(page: _Page, run: _Run) -> bool:
        return run.bottom < page.height * _BAND or run.top > page.height * (1 - _BAND)

    repeated = Counter(
        re.sub(r"\d+", "#", element.text)
        for page in pages
        for element in {e.text: e for e in page.elements if isinstance(e, _Run) and banded(page, e)}.values()
    )
    for page in pages:
        kept: list[_Run | _PdfTable] = []
        for element in page.elements:
            if isinstance(element, _Run) and banded(page, element):
                if _PAGE_NUMBER.fullmatch(element.text):
                    notes.noise("page furniture: page number", element.at, element.text)
                    continue
                if len(pages) > 1 and repeated[re.sub(r"\d+", "#", element.text)] >= 2:
                    notes.noise("page furniture: running header or footer", element.at, element.text)
                    continue
            kept.append(element)
        page.elements = kept


# ---- paragraphs --------------------------------------------------------------------------------------------------


def _margins(runs: list[_Run]) -> tuple[float, float]:
    """The body's left and right margins: where most lines start and end."""
    left = Counter(round(run.x0 / 2) * 2 for run in runs).most_common(1)[0][0]
    right_counts = Counter(round(run.x1 / 2) * 2 for run in runs)
    top = right_counts.most_common(1)[0][1]
    threshold = max(min(2, top), top // 3)  # the right edge shared by several full lines, else the rightmost
    right = max(value for value, count in right_counts.items() if count >= threshold)
    return float(left), float(right)


def _continues(previous: _Run, run: _Run, left: float, right: float, same_page: bool) -> bool:
    """Whether *run* continues the paragraph of *previous* (a line broken by the layout, not by the author)."""
    size = max(previous.size, run.size)
    if previous.x1 < right - 1.2 * size:
        return False  # the previous line ends short: a paragraph's last line, a heading, a centred title
    if run.x0 > left + 0.8 * size or abs(previous.size - run.size) > 0.6:
        return False  # a first-line indent, or another size
    if same_page and run.top - previous.bottom > 1.1 * size:
        return False
    if numbered_line(run.text) is None:
        return True
    # a numbered line after a full one: a heading only after a full stop or in another font (a list wrapped in a
    # sentence, ``……；五、存在的主要问题；`` / ``六、其他需要报告的事项。``, goes on)
    return not (previous.text.endswith(_FULL_STOPS) or run.font != previous.font)


def _indent(run: _Run, left: float) -> int:
    """The display width of a line's indentation, as plain text has it (a Chinese character counts 2)."""
    return max(0, round(2 * (run.x0 - left) / run.size)) if run.size else 0


def _join(first: str, second: str) -> str:
    if _ascii_word(first[-1:]) and _ascii_word(second[:1]):
        return first + " " + second
    return first + second


# ---- tables over pages -------------------------------------------------------------------------------------------


def _label(text: str) -> bool:
    """Whether a cell's text is a label (not blank, not a number or a marker such as ``/``)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _numbered(text: str) -> bool:
    return bool(text) and numbered_line(text) is not None


def _align(edges: list[float], value: float) -> float:
    """*value* moved onto the nearest of *edges* when it is within a few points (a table redrawn on the next page)."""
    nearest = min(edges, key=lambda edge: abs(edge - value))
    return nearest if abs(nearest - value) <= 3 * _TOLERANCE else value


def _join_tables(first: _PdfTable, second: _PdfTable, notes: Notes) -> None:
    """Append *second* (the top of the next page) to *first*: drop a repeated header, mend cells cut by the break."""
    cells = second.cells
    rows = _snap(sorted({cell.top for cell in cells}))
    first_rows = _snap(sorted({cell.top for cell in first.cells}))
    for depth in range(min(len(rows), len(first_rows)) - 1, 0, -1):

        def head(table_cells: list[_PdfCell], limit: float, origin: float) -> list[tuple[int, int, str]] | None:
            inside = [c for c in table_cells if c.top < limit - _TOLERANCE]
            if any(c.bottom > limit + _TOLERANCE for c in inside):
                return None
            return sorted((round(c.x0 - origin), round(c.top - origin), c.text) for c in inside)

        mine = head(cells, rows[depth], 0)
        theirs = head(first.cells, first_rows[depth], 0)
        if (
            mine
            and theirs
            and [(x, t) for x, _, t in mine] == [(x, t) for x, _, t in theirs]
            and any(t for _, _, t in mine)
        ):
            notes.recognised(f"table header repeated on page {second.page} dropped", second.at)
            cells = [c for c in cells if c.top >= rows[depth] - _TOLERANCE]
            break
    if not cells:
        return
    edges = sorted({c.x0 for c in first.cells} | {c.x1 for c in first.cells})
    cells = [attrs.evolve(cell, x0=_align(edges, cell.x0), x1=_align(edges, cell.x1)) for cell in cells]
    top = min(cell.top for cell in cells)
    shift = first.bottom - top
    moved = [attrs.evolve(cell, top=cell.top + shift, bottom=cell.bottom + shift) for cell in cells]
    row_bottom = min(cell.bottom for cell in moved if abs(cell.top - first.bottom) <= _TOLERANCE)
    ends = [cell for cell in first.cells if abs(cell.bottom - first.bottom) <= _TOLERANCE]
    kept: list[_PdfCell] = []
    for cell in moved:
        above = next(
            (end for end in ends if abs(end.x0 - cell.x0) <= _TOLERANCE and abs(end.x1 - cell.x1) <= _TOLERANCE),
            None,
        )
        if (
            above is not None
            and abs(cell.top - first.bottom) <= _TOLERANCE
            and _label(above.text)
            and (not cell.text or (cell.bottom > row_bottom + _TOLERANCE and not _numbered(cell.text)))
        ):
            above.bottom = cell.bottom
            above.text += cell.text
            where = cell.at if cell.at.line else second.at
            notes.recognised(f"a merged cell continued on page {second.page}: {above.text}", where, cell.text)
            continue
        kept.append(cell)
    first.cells.extend(kept)
    first.bottom = max(cell.bottom for cell in first.cells)
    first.pages.append(second.page)
    notes.recognised(f"table continued from page {first.page} on page {second.page}", second.at)


def _widen_labels(starts: dict[tuple[int, int], CellItem], width: int, notes: Notes) -> None:
    """An empty cell printed right of a row's label, in the columns that hold only labels, belongs to the label.

    (``（六）其他处理`` drawn over two label columns with a rule between them: the blank is no value of the row.)
    """
    valued = {column for (_, column), cell in starts.items() if cell.text and not _label(cell.text)}
    label_columns = next((column for column in range(width) if column in valued), width)
    for (row, column), cell in sorted(starts.items()):
        if not _label(cell.text):
            continue
        end = column + cell.colspan
        extra = 0
        while end + extra < label_columns and (row, end + extra) in starts:
            beside = starts[(row, end + extra)]
            if beside.text or beside.rowspan != cell.rowspan or beside.colspan != 1:
                break
            extra += 1
        if extra:
            for index in range(end, end + extra):
                del starts[(row, index)]
            starts[(row, column)] = attrs.evolve(cell, colspan=cell.colspan + extra)
            notes.recognised("an empty cell beside a row label read as part of the label", cell.at, cell.text)


def _table_item(table: _PdfTable, notes: Notes) -> TableItem:
    """The table's cells on the grid of all their edges: rows of cells with their spans, as from HTML."""
    xs = _snap(sorted({c.x0 for c in table.cells} | {c.x1 for c in table.cells}))
    ys = _snap(sorted({c.top for c in table.cells} | {c.bottom for c in table.cells}))
    width, height = len(xs) - 1, len(ys) - 1
    taken = [[False] * width for _ in range(height)]
    starts: dict[tuple[int, int], CellItem] = {}
    for cell in sorted(table.cells, key=lambda c: (c.top, c.x0)):
        column, end_column = _index(xs, cell.x0), _index(xs, cell.x1)
        row, end_row = _index(ys, cell.top), _index(ys, cell.bottom)
        if (
            end_column <= column
            or end_row <= row
            or any(taken[r][c] for r in range(row, end_row) for c in range(column, end_column))
        ):
            continue
        for r in range(row, end_row):
            for c in range(column, end_column):
                taken[r][c] = True
        text = normalise("".join(ch for ch in cell.text if ch not in _SPACES))[0]
        starts[(row, column)] = CellItem(text=text, colspan=end_column - column, rowspan=end_row - row, at=cell.at)
    for r in range(height):
        for c in range(width):
            if not taken[r][c]:
                starts[(r, c)] = CellItem(text="", at=table.at)
    _widen_labels(starts, width, notes)
    rows = tuple(tuple(starts[(r, c)] for c in range(width) if (r, c) in starts) for r in range(height))
    return TableItem(rows=tuple(row for row in rows if row), at=table.at)


# ---- the whole ---------------------------------------------------------------------------------------------------


def _flow(pages: list[_Page], notes: Notes) -> list[Item]:
    runs = [element for page in pages for element in page.elements if isinstance(element, _Run)]
    left, right = _margins(runs) if runs else (0.0, 0.0)
    items: list[Line | _PdfTable] = []  # tables are made items at the end, once joined with their continuations
    paragraph: _Run | None = None  # the paragraph being built: its first line, the text so far, its last line's box
    last: _Run | None = None
    table: _PdfTable | None = None
    changed = 0

    def close() -> None:
        nonlocal paragraph, changed
        if paragraph is not None:
            text, count = normalise(paragraph.text)
            changed += count
            items.append(Line(text, paragraph.at, _indent(paragraph, left)))
            paragraph = None

    for page in pages:
        if page.ocr is not None:
            close()
            table = last = None
            items.extend(page.ocr)
            continue
        for position, element in enumerate(page.elements):
            if isinstance(element, _PdfTable):
                close()
                last = None
                if (
                    table is not None
                    and position == 0
                    and table.pages[-1] == page.number - 1
                    and abs(table.x0 - element.x0) <= 3 * _TOLERANCE
                    and abs(table.x1 - element.x1) <= 3 * _TOLERANCE
                ):
                    _join_tables(table, element, notes)
                    continue
                table = element
                items.append(table)
                continue
            table = None
            if (
                paragraph is not None
                and last is not None
                and _continues(last, element, left, right, last.at.page == element.at.page)
            ):
                paragraph = paragraph._replace(text=_join(paragraph.text, element.text))
            else:
                close()
                paragraph = element
            last = element
        if page.elements and isinstance(page.elements[-1], _Run):
            table = None
    close()
    if changed:
        notes.recognised(f"{changed} full-width digits read as ASCII digits", Position(0, 0))
    return [_table_item(item, notes) if isinstance(item, _PdfTable) else item for item in items]


def _load(data: bytes) -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise MissingExtraError("pdf", "pdfplumber", "reading PDF files") from None
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds of its own on a broken or encrypted file
        raise DocumentError([f"not a readable PDF: {type(exc).__name__}: {exc} @ 第1页"], path="第1页") from None


def pdf_items(data: bytes, notes: Notes, *, ocr: OcrHook | None = None) -> list[Item]:
    """The lines and tables of a PDF, page by page, in reading order, with page furniture removed.

    Raises:
        MissingExtraError: pdfplumber is not installed.
        DocumentError: The file is not a readable PDF, or no page has a text layer and no *ocr* is given.
    """
    pages: list[_Page] = []
    pdf = _load(data)
    try:
        try:
            pdf_pages = list(pdf.pages)  # parses the page tree
        except Exception as exc:  # pdfminer raises many kinds of its own on a broken page tree
            raise DocumentError([f"not a readable PDF: {type(exc).__name__}: {exc} @ 第1页"], path="第1页") from None
        for number, page in enumerate(pdf_pages, 1):
            try:
                read = _read_page(page, number)
            except Exception as exc:  # a broken content stream: say which page
                raise DocumentError(
                    [f"page {number} of the PDF cannot be read: {type(exc).__name__}: {exc} @ 第{number}页"],
                    path=f"第{number}页",
                ) from None
            if not read.elements:
                if ocr is None:
                    notes.unrecognised(
                        f"page {number} has no text layer (a scanned page?); pass ocr= to read it",
                        Position(0, 0, number),
                    )
                else:
                    text = ocr(OcrPage(number=number, width=float(page.width), height=float(page.height), page=page))
                    if not isinstance(text, str):
                        raise DocumentError(
                            [f"the OCR gave {type(text).__name__}, not the text of page {number} @ 第{number}页"],
                            path=f"第{number}页",
                        )
                    lines, _ = split_lines(text)
                    read.ocr = [line._replace(at=Position(line.at.line, line.at.column, number)) for line in lines]
                    notes.recognised(f"page {number}: {len(lines)} lines of text from the OCR", Position(0, 0, number))
            page.close()
            pages.append(read)
    finally:
        with contextlib.suppress(Exception):  # closing walks the page tree again, which may be what is broken
            pdf.close()
    if pages and not any(page.elements or page.ocr for page in pages):
        raise DocumentError(
            [
                f"no text layer on any of the {len(pages)} pages: a scanned PDF; read it with an OCR through "
                "read_pdf(..., ocr=...) @ 第1页"
            ],
            path="第1页",
        )
    _remove_furniture(pages, notes)
    return _flow(pages, notes)


def read_pdf(
    pdf: Source, *, source: str | None = None, ocr: OcrHook | None = None, max_bytes: int = MAX_BYTES
) -> ReadResult:
    """Read a report published as a PDF file (the ``pdf`` extra: ``pip install 'govdisclose[pdf]'``).

    The body text comes in reading order without page numbers and running headers, its paragraphs joined across line
    and page breaks; the tables are read from their ruling lines and cells (merged cells kept as spans, a table
    continued on the next page joined) and recognised as the HTML reader's are. Positions in the diagnostics name
    the page (``第3页``), the line on it and the box.

    Args:
        pdf: The file's path, or its bytes.
        source: Where it came from (a path or URL); a URL is kept as the provenance's ``source_url``. Defaults to the
            path.
        ocr: An external OCR for pages without a text layer: called with each such :class:`OcrPage`, returns its
            text. Without it a scanned page is reported, and a PDF with no text at all raises.
        max_bytes: The largest file read (:data:`MAX_BYTES`, 256 MiB, by default).

    Raises:
        MissingExtraError: pdfplumber is not installed.
        SourceError: The path cannot be read.
        DocumentError: The file is not a readable PDF, has no text layer and no *ocr* is given, is too large, or no
            report year can be found in it.

    >>> result = read_pdf("tests/data/corpus/pdf/2024-huaian-shi.pdf")
    >>> result.report.agency.name, result.report.year, result.report.edition.value
    ('淮安市人民政府', 2024, '2021')
    >>> [str(d) for d in result.diagnostics if "page 5" in d.message][:1]
    ['recognised 第5页 1:1 a merged cell continued on page 5: 三、本年度办理结果']
    """
    data, source = source_bytes(pdf, source, "read_pdf", max_bytes)
    notes = Notes()
    items = pdf_items(data, notes, ocr=ocr)
    return read_items(items, notes, source, hashlib.sha256(data).hexdigest())
