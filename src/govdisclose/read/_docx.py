"""Word ``.docx`` into lines and tables (python-docx, the ``docx`` extra).

The body is walked in document order: each paragraph is a line, with the number Word draws for it (automatic
numbering, ``<w:numPr>``, on the paragraph or its style) written before its text as it is printed (``一、``,
``（一）``, ``1.``); a right-aligned paragraph (a signature) is indented as in plain text. Each table is a grid: a cell
spanning columns (``<w:gridSpan>``) keeps its ``colspan``, a cell merged down the rows (``<w:vMerge>``) its
``rowspan``, and the result is the same table item the HTML reader makes, recognised by the same code. Positions are
``Position(paragraph, 1)``: the 1-based number of the paragraph in the document, paragraphs inside table cells counted.

A Word 97–2003 ``.doc`` file (an OLE compound file) is not read: the error names the conversion to use.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from typing import Any, Final

from .._errors import DocumentError, MissingExtraError
from ..zh import to_chinese_numeral
from ._api import ReadResult, read_items
from ._diagnostics import Notes, Position
from ._files import MAX_BYTES, Source, source_bytes
from ._normalise import CellItem, Item, Line, TableItem, normalise

__all__ = ["OLE_MAGIC", "docx_items", "read_docx"]

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: a Word 97–2003 ``.doc`` (or ``.xls``, ``.ppt``)."""

DOC_CONVERSION: Final = "soffice --headless --convert-to docx FILE.doc"
"""The command that turns a ``.doc`` file into a ``.docx`` file this reader reads (LibreOffice)."""

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RIGHT_INDENT: Final = 40
"""The indentation a right-aligned paragraph (a signature) is given, as the HTML reader gives it."""
_SPACES: Final = " \t\n\r\f\u3000\xa0"


def _attr(element: Any, name: str) -> str | None:
    value = element.get(_W + name) if element is not None else None
    return str(value) if value is not None else None


def _child(element: Any, *path: str) -> Any:
    for name in path:
        if element is None:
            return None
        element = element.find(_W + name)
    return element


def _text(paragraph: Any) -> str:
    """A paragraph's text: runs, tabs as spaces, breaks as line ends; deleted text and field codes left out."""
    pieces: list[str] = []
    for node in paragraph.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "delText", _W + "instrText"):
        tag = node.tag[len(_W) :]
        if tag == "t":
            pieces.append(node.text or "")
        elif tag == "tab":
            pieces.append(" ")
        elif tag in ("br", "cr"):
            pieces.append("\n")
    return "".join(pieces)


_GAP: Final = re.compile(r"[ \t\n\r\f\u3000\xa0]+")


def _squeeze(text: str) -> str:
    """A cell's text in one line: spaces between Chinese characters dropped (padding), others one space.

    >>> _squeeze(" 行政\u3000复议 "), _squeeze("2022年1月25日  09:30")
    ('行政复议', '2022年1月25日 09:30')
    """
    pieces = _GAP.split(text.strip(_SPACES))
    joined = pieces[0]
    for piece in pieces[1:]:
        if not piece:
            continue
        if _cjk(joined[-1:]) and _cjk(piece[:1]):
            joined += piece
        else:
            joined += " " + piece
    return joined


def _cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or ch in "（）《》、，。：；")


# ---- automatic numbering ---------------------------------------------------------------------------------------


def _format(number: int, style: str) -> str:
    """*number* written in a Word numbering format (``decimal``, ``chineseCounting`` …)."""
    if style in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting"):
        return to_chinese_numeral(number)
    if style in ("lowerLetter", "upperLetter") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if style == "upperLetter" else letter
    if style in ("lowerRoman", "upperRoman") and 1 <= number < 40:
        tens, ones = divmod(number, 10)
        units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        roman = "x" * tens + units[ones]
        return roman.upper() if style == "upperRoman" else roman
    if style in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(digit)) for digit in str(number))
    return str(number)


class _Numbering:
    """The numbers Word draws before numbered paragraphs: counters per list and level, as Word keeps them."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> level -> (format, text, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(_W + "abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for level in node.findall(_W + "lvl"):
                start = _attr(_child(level, "start"), "val") or "1"
                levels[int(_attr(level, "ilvl") or "0")] = (
                    _attr(_child(level, "numFmt"), "val") or "decimal",
                    _attr(_child(level, "lvlText"), "val") or "",
                    int(start) if start.isdigit() else 1,
                )
            abstract[_attr(node, "abstractNumId") or ""] = levels
        for node in root.findall(_W + "num"):
            number_id = _attr(node, "numId") or ""
            abstract_id = _attr(_child(node, "abstractNumId"), "val") or ""
            self.levels[number_id] = abstract.get(abstract_id, {})
            self.abstract_of[number_id] = abstract_id

    def label(self, number_id: str, level: int) -> str:
        """The label of the next paragraph of list *number_id* at *level* (``""`` for a bullet or no list)."""
        levels = self.levels.get(number_id)
        if not levels or level not in levels or number_id == "0":
            return ""
        key = self.abstract_of.get(number_id, number_id)
        counters = self.counters.setdefault(key, [0] * 9)
        if not 0 <= level < 9:
            return ""
        style, text, start = levels[level]
        counters[level] = start if counters[level] == 0 else counters[level] + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        if style in ("bullet", "none"):
            return ""
        label = text
        for index in range(level, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder in label:
                shown = counters[index] or levels.get(index, (style, "", 1))[2]
                label = label.replace(placeholder, _format(shown, levels.get(index, (style, "", 1))[0]))
        return label


def _numbering_of(paragraph: Any, styles: dict[str, Any]) -> tuple[str, int] | None:
    """The list and level of a paragraph: its own ``<w:numPr>``, else its style's."""
    properties = _child(paragraph, "pPr")
    numbering = _child(properties, "numPr")
    style_id = _attr(_child(properties, "pStyle"), "val")
    seen = 0
    while numbering is None and style_id is not None and style_id in styles and seen < 10:
        style = styles[style_id]
        numbering = _child(style, "pPr", "numPr")
        style_id = _attr(_child(style, "basedOn"), "val")
        seen += 1
    if numbering is None:
        return None
    number_id = _attr(_child(numbering, "numId"), "val")
    level = _attr(_child(numbering, "ilvl"), "val") or "0"
    if number_id is None:
        return None
    return number_id, int(level) if level.isdigit() else 0


# ---- tables ----------------------------------------------------------------------------------------------------


class _Walk:
    def __init__(self, document: Any) -> None:
        self.paragraphs = 0
        self.numbering = _Numbering(document)
        self.styles: dict[str, Any] = {}
        try:
            for style in document.styles.element.findall(_W + "style"):
                self.styles[_attr(style, "styleId") or ""] = style
        except (KeyError, NotImplementedError, AttributeError):
            pass

    def paragraph(self, paragraph: Any) -> tuple[str, Position, bool]:
        """The paragraph's printed text (its automatic number first), its position, and whether it is right-aligned."""
        self.paragraphs += 1
        at = Position(self.paragraphs, 1)
        text = _text(paragraph)
        numbered = _numbering_of(paragraph, self.styles)
        if numbered is not None and text.strip(_SPACES):
            text = self.numbering.label(*numbered) + text.lstrip(_SPACES)
        alignment = _attr(_child(paragraph, "pPr", "jc"), "val")
        return text, at, alignment in ("right", "end")

    def table(self, table: Any) -> TableItem | None:
        """The table as rows of cells with their spans; covered grid positions are not repeated (as in HTML)."""
        rows: list[list[CellItem]] = []
        open_cells: dict[int, tuple[int, int]] = {}  # grid column -> (row index, cell index) of a vertical merge
        at: Position | None = None
        for row_node in table.findall(_W + "tr"):
            row: list[CellItem] = []
            column = 0
            before = _attr(_child(row_node, "trPr", "gridBefore"), "val")
            for _ in range(int(before) if before and before.isdigit() else 0):
                row.append(CellItem(text="", at=Position(self.paragraphs + 1, 1)))
                column += 1
            for cell_node in row_node.findall(_W + "tc"):
                properties = _child(cell_node, "tcPr")
                span_text = _attr(_child(properties, "gridSpan"), "val")
                span = max(1, min(int(span_text), 1000)) if span_text and span_text.isdigit() else 1
                merge = _child(properties, "vMerge")
                texts: list[str] = []
                first: Position | None = None
                for paragraph in cell_node.iter(_W + "p"):
                    text, position, _ = self.paragraph(paragraph)
                    first = first or position
                    texts.append(text)
                first = first or Position(self.paragraphs, 1)
                at = at or first
                continued = merge is not None and (_attr(merge, "val") or "continue") == "continue"
                if continued and column in open_cells:
                    row_index, cell_index = open_cells[column]
                    above = rows[row_index][cell_index]
                    rows[row_index][cell_index] = CellItem(
                        text=above.text, colspan=above.colspan, rowspan=above.rowspan + 1, at=above.at
                    )
                    column += span
                    continue
                joined = _squeeze(normalise("".join(texts))[0])
                row.append(CellItem(text=joined, colspan=span, at=first))
                for covered in range(column, column + span):
                    open_cells.pop(covered, None)
                if merge is not None:
                    open_cells[column] = (len(rows), len(row) - 1)
                column += span
            rows.append(row)
        kept = tuple(tuple(row) for row in rows if row)
        return TableItem(rows=kept, at=at or Position(self.paragraphs, 1)) if kept else None

    def items(self, body: Any) -> Iterator[Item]:
        for node in body:
            tag = node.tag[len(_W) :] if isinstance(node.tag, str) and node.tag.startswith(_W) else ""
            if tag == "p":
                text, at, right = self.paragraph(node)
                for piece in normalise(text)[0].split("\n"):
                    piece = piece.strip(_SPACES)
                    if piece:
                        yield Line(piece, at, _RIGHT_INDENT if right else 0)
            elif tag == "tbl":
                table = self.table(node)
                if table is not None:
                    yield table
            elif tag == "sdt":  # a content control: its content is body
                content = _child(node, "sdtContent")
                if content is not None:
                    yield from self.items(content)


def _open(data: bytes) -> Any:
    if data.startswith(OLE_MAGIC):
        raise DocumentError(
            [
                "a Word 97–2003 .doc file (OLE), which is not read: convert it with "
                f"`{DOC_CONVERSION}` and read the .docx @ $"
            ]
        )
    try:
        import docx
    except ImportError:
        raise MissingExtraError("docx", "docx", "reading Word files") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, XML and package errors of several kinds
        raise DocumentError([f"not a readable Word .docx file: {type(exc).__name__}: {exc} @ $"]) from None


def docx_items(data: bytes) -> list[Item]:
    """The lines and tables of a ``.docx`` file's body, in document order.

    Raises:
        MissingExtraError: python-docx is not installed.
        DocumentError: The file is a ``.doc`` or not a readable ``.docx``.
    """
    document = _open(data)
    return list(_Walk(document).items(document.element.body))


def read_docx(docx: Source, *, source: str | None = None, max_bytes: int = MAX_BYTES) -> ReadResult:
    """Read a report published as a Word ``.docx`` file (the ``docx`` extra: ``pip install 'govdisclose[docx]'``).

    Paragraphs keep the numbers Word draws for them; tables keep their merged cells (``gridSpan``, ``vMerge``) and
    are recognised as the HTML reader's are. Positions in the diagnostics are paragraph numbers.

    Args:
        docx: The file's path, or its bytes.
        source: Where it came from (a path or URL); a URL is kept as the provenance's ``source_url``. Defaults to the
            path.
        max_bytes: The largest file read (:data:`MAX_BYTES`, 256 MiB, by default).

    Raises:
        MissingExtraError: python-docx is not installed.
        SourceError: The path cannot be read.
        DocumentError: The file is a Word 97–2003 ``.doc`` (the message names the conversion), is not a readable
            ``.docx``, is too large, or no report year can be found in it.

    >>> import govdisclose
    >>> data = govdisclose.render(govdisclose.examples.load("sample-2021"), to="docx")
    >>> report = read_docx(data).report
    >>> report.year, report.edition.value
    (2021, '2021')
    >>> try:
    ...     read_docx(OLE_MAGIC + bytes(504))
    ... except DocumentError as error:
    ...     print(str(error)[:60])
    a Word 97–2003 .doc file (OLE), which is not read: convert i
    """
    data, source = source_bytes(docx, source, "read_docx", max_bytes)
    items = docx_items(data)
    notes = Notes()
    return read_items(items, notes, source, hashlib.sha256(data).hexdigest())
