r"""Normalisation: the source in lines with positions, full-width digits read as ASCII, Traditional script simplified.

Published text mixes full-width and ASCII digits and punctuation. The reader keeps the punctuation as published (the
model stores what was published) but reads full-width digits, ``％`` and the table bar ``｜`` as ASCII, so that
``２０２０年`` and ``2020年`` are one year, and says how many digits it changed in a diagnostic. Labels are compared
through :func:`key`, which folds the remaining width differences, spaces and quotes away. Markdown markup (``## ``,
``**…**``) is taken off a line and its heading level kept. A Traditional-script source is recognised through its
Simplified conversion (:func:`simplify`, the ``hant`` extra) and the report keeps the published characters.

>>> [(line.text, line.at.line) for line in split_lines("标题\n\n\u3000\u3000正文２０２０年")[0]]
[('标题', 1), ('正文2020年', 3)]
>>> key("第二十条第(一)项") == key("第二十条第（一）项")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Final, NamedTuple, TypeVar, cast

import attrs

from ..model import Figure
from ._diagnostics import START, Notes, Position

__all__ = [
    "CellItem",
    "Item",
    "Line",
    "Published",
    "TableItem",
    "fold_width",
    "key",
    "markdown_markup",
    "normalise",
    "simplify",
    "split_lines",
]

_WIDTH: Final[dict[str, str]] = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "％": "%",
    "｜": "|",
    "\xa0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\ufeff": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\r": "",
}


def _replacement(match: re.Match[str]) -> str:
    return _WIDTH[match.group()]


_FULLWIDTH_DIGITS: Final = re.compile("[０-９％]")
_ODD: Final = re.compile("[０-９％｜\xa0\u2002\u2003\u2009\ufeff\u200b\u200c\u200d\r]")
_SPACES: Final = " \t\u3000"

# Characters written only in Traditional script (their Simplified forms differ); a mainland report has none of them.
_TRADITIONAL: Final = frozenset(
    "報計畫與開資訊們個這國區會發經處錄門關機務義條來為時說對應總號請辦縣鎮屬體數據網構類項過還實點議轉審結歷訴複執"
    "權視規範環衛醫療護險兒統檢綜導員產業設財費稅質強於會們從價傳僅優兩凍刪劃劑動勞勢區協單衛廠廢廣張彈"
)
_KEY_DROP: Final = str.maketrans(dict.fromkeys(" \t\n\r\f\v\u3000\xa0\"'“”‘’|"))
_DIGIT_COMMA: Final = re.compile(r"(?<=\d)、")
_TRADITIONAL_RE: Final = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")
_TRADITIONAL_MIN: Final = 2
_T = TypeVar("_T")
_PIECE_MIN: Final = 4
_JOINED_MAX: Final = 120
_CURSOR_MIN: Final = 8
"""Distinct Traditional-only characters needed to flag a text (one may be part of a name)."""


class Line(NamedTuple):
    """One non-empty line of the source (a tuple: one is made for every line).

    Attributes:
        text: The line without its indentation and trailing spaces, full-width digits read as ASCII.
        at: Where the text starts in the source.
        indent: The display width of the indentation (an ideographic space counts 2): right-aligned lines
            (a signature) have a wide one.
        blank_before: Whether an empty line precedes it.
        heading: The level of a Markdown heading (``## 一、总体情况`` is 2, its ``## `` not in *text*); 0 for a line
            that is no Markdown heading.
    """

    text: str
    at: Position
    indent: int = 0
    blank_before: bool = False
    heading: int = 0


@attrs.frozen
class CellItem:
    """One cell of an HTML table.

    Attributes:
        text: The cell's text, whitespace removed (labels split over ``<p>``, ``<span>`` and ``<br>`` are joined).
        colspan: Columns spanned.
        rowspan: Rows spanned.
        header: Whether it is a ``<th>``.
        figure: The exact figure from ``data-value``/``data-marker``/``data-unknown`` attributes, when present.
        at: Where the cell starts in the source.
        unit: The ``data-unit`` attribute of a value cell (the unit of a procurement amount), when present.
    """

    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    figure: Figure | None = None
    at: Position = START
    unit: str | None = None


@attrs.frozen
class TableItem:
    """A table of an HTML source: its rows of cells, as published (covered positions are not repeated)."""

    rows: tuple[tuple[CellItem, ...], ...]
    at: Position
    kind: str | None = None


Item = Line | TableItem
"""What a source is read into before its structure is recognised: lines of text, and tables from HTML."""


def normalise(text: str) -> tuple[str, int]:
    """The text with full-width digits and ``％`` as ASCII, odd spaces as spaces, and how many digits were changed.

    >>> normalise("２０１８年１月")
    ('2018年1月', 5)
    """
    if _ODD.search(text) is None:
        return text, 0
    changed = len(_FULLWIDTH_DIGITS.findall(text))
    return _ODD.sub(_replacement, text), changed


def _indent_width(prefix: str) -> int:
    return sum(2 if ch == "\u3000" else 1 for ch in prefix)


def split_lines(text: str, *, first_line: int = 1) -> tuple[list[Line], int]:
    """The non-empty lines of *text* with their positions, and the number of full-width digits read as ASCII."""
    normalised, changed = normalise(text)
    lines: list[Line] = []
    blank = False
    for number, raw in enumerate(normalised.split("\n"), first_line):
        stripped = raw.lstrip(_SPACES)
        content = stripped.rstrip()
        if not content:
            blank = True
            continue
        indent = len(raw) - len(stripped)
        level, column = 0, indent + 1
        if content[0] in "#*":
            level, content, offset = markdown_markup(content)
            column += offset
        lines.append(Line(content, Position(number, column), _indent_width(raw[:indent]), blank, level))
        blank = False
    return lines, changed


_MD_HEADING: Final = re.compile(r"(#{1,6})[ \t]+(?=\S)")
_MD_STRONG: Final = re.compile(r"(\*\*|__)(?P<text>[^*_].*?)\1\Z")


def markdown_markup(text: str) -> tuple[int, str, int]:
    """The Markdown heading level of a line, its text without the markup, and where that text starts in the line.

    A PDF-to-Markdown tool writes headings as ``## 一、总体情况`` and bold lines as ``**（三）精细化建设公开平台。**``;
    the ``#`` and ``**`` are markup, not published text. A line without such markup comes back as it is, level 0.

    >>> markdown_markup("## 一、总体情况"), markdown_markup("**（三）精细化建设公开平台。**")
    ((2, '一、总体情况', 3), (0, '（三）精细化建设公开平台。', 2))
    >>> markdown_markup("#1号文件")
    (0, '#1号文件', 0)
    """
    level, offset = 0, 0
    heading = _MD_HEADING.match(text)
    if heading is not None:
        level, offset = len(heading.group(1)), heading.end()
        text = text[offset:].rstrip("# \t") or text[offset:]
    strong = _MD_STRONG.match(text)
    if strong is not None and strong["text"].strip():
        text, offset = strong["text"].strip(), offset + len(strong.group(1))
    return level, text, offset


@functools.lru_cache(maxsize=4096)
def key(text: str) -> str:
    r"""A comparison key for labels: width folded (NFKC), spaces and quotes removed, ``1、`` read as ``1.``.

    >>> key("3.危及“三安全一稳定”") == key("3、危及\"三安全一稳定\"")
    True
    """
    folded = unicodedata.normalize("NFKC", text).translate(_KEY_DROP)
    return _DIGIT_COMMA.sub(".", folded) if "、" in folded else folded


def _traditional(items: Sequence[Item]) -> tuple[list[str], Line | None]:
    """The distinct Traditional-only characters of the lines, in order, and the first line that has one."""
    found: dict[str, None] = {}
    first: Line | None = None
    for item in items:
        if not isinstance(item, Line):
            continue
        for match in _TRADITIONAL_RE.finditer(item.text):
            if first is None:
                first = item
            found[match.group()] = None
    return list(found), first


@functools.cache
def _t2s() -> Callable[[str], str] | None:
    """OpenCC's Traditional-to-Simplified conversion (the ``hant`` extra), or ``None`` when it is not installed."""
    try:
        import opencc
    except ImportError:
        return None
    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


def _same_length(convert: Callable[[str], str], text: str) -> str:
    """*text* in Simplified, of the same length (a phrase converted to another length goes character by character)."""
    simplified = convert(text)
    if len(simplified) == len(text):
        return simplified
    return "".join(each if len(each := convert(ch)) == 1 else ch for ch in text)


class Published:
    r"""Gives back the published (Traditional) characters of texts read from their Simplified conversion.

    The conversion keeps every line's length, so a text found in the converted source has its published form at the
    same place; a text joined from two pieces of the source (a title over two lines) is given back piece by piece. Texts
    that are not the source's (the agency placeholder, official labels of the model) stay as they are.

    >>> Published("總體情況\n年度報告", "总体情况\n年度报告").text("总体情况年度报告")
    '總體情況年度報告'
    """

    def __init__(self, original: str, converted: str) -> None:
        self._notes = Notes()
        self._cursor = 0
        self.original = original
        self.converted = converted
        pairs = zip(converted, original, strict=True)
        self.changed = frozenset(simple for simple, written in pairs if simple != written)

    def _find(self, text: str) -> int:
        """Where *text* is in the converted source, or -1.

        Searched on from the last long text found (the model's texts come mostly in the source's order), then from
        the start.
        """
        index = self.converted.find(text, self._cursor)
        if index < 0:
            index = self.converted.find(text)
        if index >= 0 and len(text) >= _CURSOR_MIN:
            self._cursor = index + len(text)
        return index

    def text(self, text: str) -> str:
        """The published form of *text*, a text of the converted source."""
        if text.isascii() or self.changed.isdisjoint(text):
            return text
        index = self._find(text)
        if index >= 0:
            return self.original[index : index + len(text)]
        return self._joined(text) if len(text) <= _JOINED_MAX else text

    def _joined(self, text: str) -> str:
        """A text joined from two pieces of the source of at least four characters each, in its published form.

        A text that is not (the agency placeholder) stays as it is.
        """
        for cut in range(_PIECE_MIN, len(text) - _PIECE_MIN + 1):
            first = self.converted.find(text[:cut])
            if first < 0:
                break
            second = self.converted.find(text[cut:])
            if second >= 0:
                return self.original[first : first + cut] + self.original[second : second + len(text) - cut]
        return text

    def restore(self, value: _T, notes: Notes) -> _T:
        """*value* (a report, any attrs object or tuple) with every text in its published form.

        A part the model refuses in its published form (a text it checks against its own vocabulary) keeps its
        Simplified reading, and *notes* says so.
        """
        self._notes = notes
        return cast("_T", self._restore(value))

    def _restore(self, value: Any) -> Any:
        if type(value) is str:
            return self.text(value)
        if type(value) is tuple:
            items = tuple(self._restore(each) for each in value)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        if attrs.has(type(value)):
            changes = {}
            for field in attrs.fields(type(value)):
                if not field.init:
                    continue
                old = getattr(value, field.name)
                new = self._restore(old)
                if new is not old and new != old:
                    changes[field.alias or field.name] = new
            if changes:
                try:
                    return attrs.evolve(value, **changes)
                except (ValueError, TypeError) as exc:
                    self._notes.uncertain(
                        f"a {type(value).__name__} kept in its Simplified reading (its published form: {exc})", START
                    )
                    return value
        return value


def simplify(items: list[Item], notes: Notes) -> tuple[list[Item], Published | None]:
    r"""A Traditional-script source converted to Simplified for recognition, and what gives back its characters.

    Labels, headings and units are recognised in Simplified (``總體情況`` is ``总体情况``); the report keeps what
    was published through :meth:`Published.restore`. A Simplified source comes back unchanged (``None``); without
    the ``hant`` extra (OpenCC) a Traditional one is read as written, with a diagnostic saying what to install.

    >>> lines, _ = split_lines("某縣2020年政府資訊公開工作年度報告\n一、總體情況")
    >>> items, published = simplify(list(lines), Notes())
    >>> [item.text for item in items], published.text("总体情况")
    (['某县2020年政府资讯公开工作年度报告', '一、总体情况'], '總體情況')
    """
    found, first = _traditional(items)
    if first is None or len(found) < _TRADITIONAL_MIN:
        return items, None
    characters = "、".join(found[:8])
    convert = _t2s()
    if convert is None:
        notes.uncertain(
            f"Traditional-script characters ({characters}) read as written: headings, labels and figures may be "
            "missed; install the hant extra (pip install 'govdisclose[hant]', OpenCC) to read them",
            first.at,
            first.text,
        )
        return items, None
    originals: list[str] = []
    converted: list[str] = []
    result: list[Item] = []
    for item in items:
        if isinstance(item, Line):
            text = _same_length(convert, item.text)
            originals.append(item.text)
            converted.append(text)
            result.append(item._replace(text=text))
            continue
        rows = []
        for row in item.rows:
            cells = []
            for cell in row:
                text = _same_length(convert, cell.text)
                originals.append(cell.text)
                converted.append(text)
                cells.append(attrs.evolve(cell, text=text))
            rows.append(tuple(cells))
        result.append(attrs.evolve(item, rows=tuple(rows)))
    notes.recognised(
        f"Traditional script ({characters}) read through its Simplified conversion (OpenCC t2s); "
        "the report keeps the published characters",
        first.at,
        first.text,
    )
    return result, Published("\n".join(originals), "\n".join(converted))


def fold_width(text: str) -> str:
    """NFKC width folding only (``（一）`` → ``(一)``), keeping spaces.

    >>> fold_width("（一）２")
    '(一)2'
    """
    return unicodedata.normalize("NFKC", text)
