"""HTML into lines and tables, with the source position of each (Python's own :mod:`html.parser`, no dependencies).

Block elements (``<p>``, ``<div>``, ``<h1>``–``<h6>``, ``<li>``, ``<br>`` …) end lines; ``<script>``, ``<style>`` and
``<head>`` are skipped; entities (``&nbsp;``) are decoded. Tables keep their cells with ``rowspan``/``colspan``; a
cell's text is joined without spaces, so labels split across ``<p>``, ``<span>`` and ``<br/>`` come back whole. The
machine-readable attributes govdisclose writes on value cells (``data-value``, ``data-marker``, ``data-unknown``) give
their figures exactly. A metadata ``<dt>``/``<dd>`` pair becomes one ``label：value`` line, and a run-in heading
(``<div class="gd-run-in">``) one line with its paragraph.

>>> items = html_items('<p>一、总体情况&nbsp;</p><table><tr><td rowspan="2">行政<br/>复议</td><td>0</td></tr></table>')
>>> items[0].text, [[c.text for c in row] for row in items[1].rows]
('一、总体情况', [['行政复议', '0']])
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from typing import Final

from ..model import Figure, Qualifier
from ._diagnostics import Position
from ._normalise import CellItem, Item, Line, TableItem, normalise

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


def _figure(attributes: dict[str, str | None]) -> Figure | None:
    if "data-unknown" in attributes:
        return Figure()
    if "data-marker" in attributes:
        return Figure(marker=attributes["data-marker"] or "")
    value = attributes.get("data-value")
    if value is None:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    try:
        qualifier = Qualifier(attributes.get("data-qualifier") or "")
    except ValueError:
        qualifier = Qualifier.EXACT
    return Figure(value=number, qualifier=qualifier) if number.is_finite() else None


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
            self.at = Position(at.line, at.column + len(data) - len(data.lstrip(_SPACES)))
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

    def result(self) -> list[Item]:
        """The table as a :class:`TableItem`; a layout table (long text, nested tables) as its cells' lines."""
        self.end_row()
        cells = [cell for row in self.rows for cell in row]
        layout = any(cell.nested or len("".join(cell.joined)) > _LAYOUT_CELL for cell in cells)
        if layout:
            return [item for cell in cells for item in cell.items]
        rows = tuple(
            tuple(
                CellItem(
                    text=normalise("".join(ch for ch in "".join(cell.joined) if ch not in _SPACES))[0],
                    colspan=_span(cell.attributes.get("colspan")),
                    rowspan=_span(cell.attributes.get("rowspan")),
                    header=cell.header,
                    figure=_figure(cell.attributes),
                    at=cell.cell_at,
                    unit=cell.attributes.get("data-unit"),
                )
                for cell in row
            )
            for row in self.rows
        )
        return [TableItem(rows=rows, at=self.at, kind=self.kind)] if rows else []


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Lines()
        self.tables: list[_TableState] = []
        self.skip = 0
        self.together: list[int] = []  # depths of open run-in elements: their heading and text make one line
        self.right: list[int] = []  # depths of open right-aligned elements
        self.depth = 0

    def _position(self) -> Position:
        line, offset = self.getpos()
        return Position(line, offset + 1)

    @property
    def sink(self) -> _Lines:
        """Where text goes now: the open cell of the innermost table, or the page."""
        cell = self.tables[-1].cell if self.tables else None
        return cell if cell is not None else self.page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
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
            items = self.tables.pop().result()
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
        super().close()
        while self.tables:
            items = self.tables.pop().result()
            (self.tables[-1].cell if self.tables and self.tables[-1].cell else self.page).items.extend(items)
        self.page.flush()


def html_items(html: str) -> list[Item]:
    """The lines and tables of an HTML document or fragment, in document order."""
    reader = _Reader()
    reader.feed(html)
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
