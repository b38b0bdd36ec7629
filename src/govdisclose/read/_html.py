"""HTML into lines and tables, with the source position of each (libxml2's HTML tokenizer, through lxml).

The page is parsed by lxml (libxml2 2.14's HTML5 tokenizer, in C): its time is linear in the input whatever the input,
where Python's own :mod:`html.parser` is quadratic on unclosed tags (``'<a ' * 35000``: over a minute) and raises
``AssertionError`` on some markup (``<![<!``). Positions: every element keeps its line (libxml2's ``sourceline``) and
the column of its start tag (found by the order of the tags of that name on that line); text takes the position of
the element it is in. The parse stops at libxml2's resource limits (elements nested deeper than 256), which is a
:class:`~govdisclose.DocumentError` naming the line and column, never a silently shortened page.

Block elements (``<p>``, ``<div>``, ``<h1>``–``<h6>``, ``<li>``, ``<br>`` …) end lines; ``<script>``, ``<style>`` and
``<head>`` are skipped; entities (``&nbsp;``) are decoded. Tables keep their cells with ``rowspan``/``colspan``; a
cell's text is joined without spaces, so labels split across ``<p>``, ``<span>`` and ``<br/>`` come back whole. The
machine-readable attributes govdisclose writes on value cells (``data-value``, ``data-marker``, ``data-unknown``) give
their figures exactly where they agree with the cell's visible text; where they do not, the visible text is read and a
diagnostic names the cell (a page showing 268 with ``data-value="999"`` is read as 268).
A metadata ``<dt>``/``<dd>`` pair becomes one ``label：value`` line, and a run-in heading
(``<div class="gd-run-in">``) one line with its paragraph.

>>> items = html_items('<p>一、总体情况&nbsp;</p><table><tr><td rowspan="2">行政<br/>复议</td><td>0</td></tr></table>')
>>> items[0].text, [[c.text for c in row] for row in items[1].rows]
('一、总体情况', [['行政复议', '0']])
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from decimal import Decimal, InvalidOperation
from typing import Final

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no annotations; types-lxml would retype python-docx

from .._errors import DocumentError
from ..model import Figure, Qualifier
from ..zh import from_chinese_numeral
from ._diagnostics import Notes, Position
from ._normalise import CellItem, Item, Line, TableItem, normalise
from ._tables._cells import figure_of

__all__ = ["html_items"]

_BLOCKS: Final = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "address",
        "caption",
        "figcaption",
        "hr",
        "body",
        "main",
        "nav",
        "aside",
        "center",
        "form",
    }
)
_SKIP: Final = frozenset({"script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object"})
_VOID: Final = frozenset({"br", "hr", "img", "input", "meta", "link", "col", "area", "base", "wbr", "source"})
_SPACES: Final = " \t\n\r\f\u3000\xa0"
_INDENT: Final = " \t\r\xa0"


def _without_source_breaks(data: str) -> str:
    r"""Text data without the line breaks of the HTML source and the indentation around them.

    >>> _without_source_breaks("公益\n            组织 ")
    '公益组织 '
    """
    if "\n" not in data:
        return data
    pieces = data.split("\n")
    middle = [piece.strip(_INDENT) for piece in pieces[1:-1]]
    return "".join([pieces[0].rstrip(_INDENT), *middle, pieces[-1].lstrip(_INDENT)])


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), 1000))
    except ValueError:
        return 1


_DATA_VALUE: Final = re.compile(r"[+-]?\d{1,30}(?:\.\d{1,30})?\Z")
"""A ``data-value`` that is a plain decimal (no exponent: ``1e999999999`` would be a billion digits when written)."""


_NUMERAL_MAX: Final = 24
"""The longest visible cell text tried as a Chinese numeral."""


def _attribute_figure(attributes: dict[str, str | None]) -> Figure | None:
    """The figure the ``data-*`` attributes of a value cell give, or ``None`` (none, or not a plain number)."""
    if "data-unknown" in attributes:
        return Figure()
    if "data-marker" in attributes:
        return Figure(marker=attributes["data-marker"] or "")
    value = (attributes.get("data-value") or "").strip()
    if not _DATA_VALUE.match(value):
        return None
    try:
        number = Decimal(value)
        qualifier = Qualifier(attributes.get("data-qualifier") or "")
    except (InvalidOperation, ValueError):
        return None
    return Figure(value=number, qualifier=qualifier)


def _shown(text: str) -> Figure | None:
    """The figure a cell's visible text shows: a number, a marker, a Chinese numeral (``六十二``), or a blank."""
    if not text:
        return Figure(marker="")
    shown = figure_of(text)
    if shown is None and len(text) <= _NUMERAL_MAX:
        try:
            shown = Figure(value=Decimal(from_chinese_numeral(text)))
        except ValueError:
            return None
    return shown


def _figure(attributes: dict[str, str | None], text: str, at: Position, notes: Notes | None) -> Figure | None:
    """The exact figure of a cell's ``data-*`` attributes where they agree with its visible *text*, else ``None``.

    The visible text is what a reader of the page sees, so it wins: attributes that say something else (another
    number, a number that is not plain, a marker the text does not show) are reported and left aside.

    >>> _figure({"data-value": "1100", "data-qualifier": "余"}, "1100余", Position(1, 1), None)
    Figure(value=Decimal('1100'), marker=None, qualifier=<Qualifier.MORE_THAN: '余'>)
    >>> notes = Notes()
    >>> _figure({"data-value": "999"}, "268", Position(7, 3), notes) is None, str(notes.result()[0])
    (True, "uncertain 7:3 the cell shows '268' but its data-value says '999'; the visible text is read")
    """
    named = [name for name in ("data-unknown", "data-marker", "data-value") if name in attributes]
    if not named:
        return None
    attribute = _attribute_figure(attributes)
    shown = _shown(text)
    if attribute is not None:
        if attribute.value is None and attribute.marker is None:  # data-unknown: the cell shows nothing or a mark
            if not text or (shown is not None and shown.value is None):
                return attribute
        elif shown is not None and shown.marker == attribute.marker and shown.value == attribute.value:
            return attribute
    if notes is not None:
        said = attributes.get(named[-1]) or ""
        notes.uncertain(
            f"the cell shows {text!r} but its {named[-1]} says {said[:24]!r}; the visible text is read", at, text
        )
    return None


_RIGHT_INDENT: Final = 40
"""The indentation a right-aligned HTML line (``text-align: right``, a signature) is given, as in plain text."""
_RIGHT: Final = re.compile(r"text-align\s?:\s?right")

_LAYOUT_CELL: Final = 120
"""A cell holding more text than this makes its table a layout table (a page laid out in a table), not a data table."""


class _Lines:
    """Where text goes: a buffer of the current line, and the items made so far."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.text: list[str] = []
        self.at: Position | None = None
        self.right = False  # the current line is right-aligned (a signature)

    def data(self, data: str, at: Position) -> None:
        if self.at is None and data.strip(_SPACES):
            self.at = at
        self.text.append(_without_source_breaks(data))

    def flush(self) -> None:
        text = "".join(self.text)
        self.text = []
        at, self.at = self.at, None
        if at is None:
            return
        for content in text.split("\n"):
            content = content.strip(_SPACES)
            if content:
                self.items.append(Line(content, at, _RIGHT_INDENT if self.right else 0))


class _CellState(_Lines):
    def __init__(self, attributes: dict[str, str | None], at: Position, header: bool) -> None:
        super().__init__()
        self.attributes = attributes
        self.cell_at = at
        self.header = header
        self.joined: list[str] = []
        self.nested = False


def _cell_item(cell: _CellState, notes: Notes | None) -> CellItem:
    text = normalise("".join(ch for ch in "".join(cell.joined) if ch not in _SPACES))[0]
    return CellItem(
        text=text,
        colspan=_span(cell.attributes.get("colspan")),
        rowspan=_span(cell.attributes.get("rowspan")),
        header=cell.header,
        figure=_figure(cell.attributes, text, cell.cell_at, notes),
        at=cell.cell_at,
        unit=cell.attributes.get("data-unit"),
    )


class _TableState:
    def __init__(self, at: Position, kind: str | None) -> None:
        self.at = at
        self.kind = kind
        self.rows: list[list[_CellState]] = []
        self.row: list[_CellState] | None = None
        self.cell: _CellState | None = None

    def end_cell(self) -> None:
        if self.cell is not None:
            self.cell.flush()
            if self.row is None:
                self.row = []
            self.row.append(self.cell)
            self.cell = None

    def end_row(self) -> None:
        self.end_cell()
        if self.row:
            self.rows.append(self.row)
        self.row = None

    def result(self, notes: Notes | None) -> list[Item]:
        """The table as a :class:`TableItem`; a layout table (long text, nested tables) as its cells' lines."""
        self.end_row()
        cells = [cell for row in self.rows for cell in row]
        layout = any(cell.nested or len("".join(cell.joined)) > _LAYOUT_CELL for cell in cells)
        if layout:
            return [item for cell in cells for item in cell.items]
        rows = tuple(tuple(_cell_item(cell, notes) for cell in row) for row in self.rows)
        return [TableItem(rows=rows, at=self.at, kind=self.kind)] if rows else []


class _Reader:
    """Turns the events of a walk over the parsed page (start tag, text, end tag) into lines and tables."""

    def __init__(self, notes: Notes | None) -> None:
        self.notes = notes
        self.page = _Lines()
        self.tables: list[_TableState] = []
        self.skip = 0
        self.together: list[int] = []  # depths of open run-in elements: their heading and text make one line
        self.right: list[int] = []  # depths of open right-aligned elements
        self.depth = 0
        self.at = Position(1, 1)  # the position of the element being walked

    def _position(self) -> Position:
        return self.at

    @property
    def sink(self) -> _Lines:
        """Where text goes now: the open cell of the innermost table, or the page."""
        cell = self.tables[-1].cell if self.tables else None
        return cell if cell is not None else self.page

    def handle_starttag(self, tag: str, attributes: dict[str, str | None]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag not in _VOID:
            self.depth += 1
        if tag == "table":
            self.sink.flush()
            self.tables.append(_TableState(self._position(), attributes.get("data-table")))
            return
        table = self.tables[-1] if self.tables else None
        if table is not None and tag == "tr":
            table.end_row()
            table.row = []
            return
        if table is not None and tag in ("td", "th"):
            table.end_cell()
            table.cell = _CellState(attributes, self._position(), tag == "th")
            return
        classes = (attributes.get("class") or "").split()
        if tag not in _VOID and (
            "gd-signature" in classes
            or attributes.get("align") == "right"
            or _RIGHT.search(attributes.get("style") or "")
        ):
            self.sink.flush()
            self.right.append(self.depth)
            self.sink.right = True
        if "gd-run-in" in classes:
            self.sink.flush()
            self.together.append(self.depth)
            return
        if tag == "br":
            self.sink.text.append("\n")
            return
        if tag == "dd":
            self.sink.text.append("：")
            return
        if tag in _BLOCKS and not self.together:
            self.sink.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag not in _VOID:
            if self.together and self.together[-1] == self.depth:
                self.together.pop()
                self.sink.flush()
            if self.right and self.right[-1] == self.depth:
                self.right.pop()
                self.sink.flush()
                self.sink.right = bool(self.right)
            self.depth -= 1
        if tag == "table" and self.tables:
            items = self.tables.pop().result(self.notes)
            parent = self.tables[-1].cell if self.tables else None
            if parent is not None:
                parent.flush()
                parent.items.extend(items)
                parent.nested = True
            else:
                self.page.items.extend(items)
            return
        table = self.tables[-1] if self.tables else None
        if table is not None and tag in ("td", "th"):
            table.end_cell()
            return
        if table is not None and tag == "tr":
            table.end_row()
            return
        if tag in _BLOCKS and tag != "dt" and not self.together:
            self.sink.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        table = self.tables[-1] if self.tables else None
        if table is not None:
            if table.cell is None:
                return  # text between cells is not content
            table.cell.joined.append(data)
        self.sink.data(data, self._position())

    def close(self) -> None:
        while self.tables:
            items = self.tables.pop().result(self.notes)
            (self.tables[-1].cell if self.tables and self.tables[-1].cell else self.page).items.extend(items)
        self.page.flush()


_START_TAG: Final = re.compile(r"<([A-Za-z][^\s/>]*)")


def _columns(html: str) -> dict[tuple[int, str], deque[int]]:
    """The 1-based columns of the start tags on each line, by line and tag name, in order (one pass)."""
    columns: dict[tuple[int, str], deque[int]] = defaultdict(deque)
    line, line_start, scanned = 1, 0, 0
    for match in _START_TAG.finditer(html):
        start = match.start()
        breaks = html.count("\n", scanned, start)  # each character is counted once: linear
        if breaks:
            line += breaks
            line_start = html.rindex("\n", scanned, start) + 1
        scanned = start
        columns[(line, match.group(1).lower())].append(start - line_start + 1)
    return columns


def _parse(html: str) -> etree._Element | None:
    """The parsed page, or ``None`` for a page without elements.

    Raises:
        DocumentError: libxml2 stopped at one of its limits (nesting deeper than 256 elements, a text node of more
            than 10 million characters), naming where.
    """
    parser = etree.HTMLParser(
        encoding="utf-8", recover=True, no_network=True, remove_blank_text=False, remove_comments=True
    )
    try:  # as UTF-8 bytes: the text is decoded already, so a declared charset (<meta>, <?xml?>) is not applied again
        root = etree.fromstring(html.encode("utf-8", "replace"), parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise DocumentError([f"unreadable HTML: {str(exc)[:200]} @ $"]) from None
    for error in parser.error_log:
        if error.level_name == "FATAL":
            raise DocumentError(
                [f"unreadable HTML at line {error.line}, column {error.column}: {error.message[:200]} @ $"]
            )
    return root


def _attributes(element: etree._Element) -> dict[str, str | None]:
    return {str(name): str(value) for name, value in element.attrib.items()}


def html_items(html: str, notes: Notes | None = None) -> list[Item]:
    """The lines and tables of an HTML document or fragment, in document order.

    Raises:
        DocumentError: The HTML is beyond the parser's limits (see the module's docstring).
    """
    reader = _Reader(notes)
    root = _parse(html) if html.strip() else None
    if root is not None:
        columns = _columns(html)
        position: dict[etree._Element, Position] = {}
        for event, element in etree.iterwalk(root, events=("start", "end")):
            tag = element.tag
            if not isinstance(tag, str):  # a processing instruction or entity
                continue
            tag = tag.lower()
            if event == "start":
                line = element.sourceline or (reader.at.line if reader.at else 1)
                queue = columns.get((line, tag))
                at = Position(line, queue.popleft() if queue else 1)
                position[element] = at
                reader.at = at
                reader.handle_starttag(tag, _attributes(element))
                if element.text:
                    reader.handle_data(element.text)
            else:
                reader.at = position.pop(element, reader.at)
                reader.handle_endtag(tag)
                if element.tail:
                    reader.handle_data(element.tail)
    reader.close()
    items: list[Item] = []
    for item in reader.page.items:
        if isinstance(item, Line):
            text = normalise(item.text)[0].strip(_SPACES)
            if text:
                items.append(Line(text, item.at, item.indent))
        else:
            items.append(item)
    return items
