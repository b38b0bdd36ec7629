r"""Official tables flattened onto one line with their cells run together (crawler text of a portal page).

A crawler that drops the markup of a page writes ``规章000规范性文件898989第二十条第（五）项…`` on one line: the labels
are still there, the cells of a row are not separated (or only sometimes, by a space). Such a run is cut back into
lines — a label on a line of its own, a row as ``label | cell | cell`` — which the reader of text tables then reads.

The cells of a row are split only where the split is unique: the number of cells is the row's official width, no
cell has a leading zero, and where the layout has sums (each row of table 三: 总计 = the six applicant columns;
table 四: each 总计 = its four results) the split must satisfy them. Where no split or more than one fits, the row
keeps its digits in one cell, so the row is left out and the table incomplete, with a diagnostic naming the row:
never a guess.

>>> from govdisclose.read._diagnostics import Notes
>>> from govdisclose.read._normalise import Line, START
>>> notes = Notes()
>>> text = "二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量"
>>> text += "规章000规范性文件898989"
>>> pieces = unrun_tables(Line(text, START), notes)
>>> pieces[0][0].text, pieces[0][1], [line.text for line, _ in pieces[-3:]]
('二、主动公开政府信息情况', False, ['对外公开总数量', '规章 | 0 | 0 | 0', '规范性文件 | 898989'])
>>> [d.message for d in notes.result() if d.kind.value == "uncertain"][-2]
"table 二 row '规范性文件': cells run together ('898989'); 10 splits into 3 cells fit; row left out, not guessed"
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

from ...model import APPLICATIONS_2021, PROACTIVE_2019, PROACTIVE_2021, REVIEWS_LITIGATION
from .._diagnostics import Notes, Position
from .._normalise import Line, key
from ._cells import CELL_UNITS, Cell
from ._labels import _PRO_2019, _PRO_2021, ALL_LABELS, HEADING, ITEM
from ._official import kind_of

_MIN_LABELS: Final = 3
_MAX_SPLITS: Final = 500
_CELL_MAX: Final = 16  # characters of one number cell (a money amount with decimals)
_UNIT: Final = re.compile(r"(万元|亿元|元)\s*$")
_VALUE_GAP: Final = re.compile(r"(?:[\d.\s]|万元|亿元|元|[/／—－-])*")
_NUMBER: Final = re.compile(r"0|0\.\d+|[1-9]\d*(?:\.\d+)?")
_NOTE: Final = re.compile(r"[(](?![一二三四五六七八九十]{1,3}[)])[^()]{2,80}[)]")
_COLUMNS: Final = _PRO_2021 | _PRO_2019


@functools.cache
def _labels_pattern() -> re.Pattern[str]:
    labels = sorted((label for label in ALL_LABELS if len(label) >= 2), key=len, reverse=True)
    return re.compile("|".join(re.escape(label) for label in labels))


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text as label keys compare it, with the index in *text* of every character kept."""
    chars: list[str] = []
    source: list[int] = []
    for index, char in enumerate(text):
        for folded in key(char):
            chars.append(folded)
            source.append(index)
    normal = "".join(chars)
    normal = re.sub(r"(?<=\d)、", ".", normal)
    return normal, source


def _tokens(text: str) -> list[tuple[int, int]]:
    """The labels of the official tables in *text*: their spans in *text* (a guidance note in brackets included)."""
    normal, source = _normalised(text)
    spans: list[tuple[int, int]] = []
    for match in _labels_pattern().finditer(normal):
        end = match.end()
        note = _NOTE.match(normal, end)
        if note is not None:
            end = note.end()
        spans.append((source[match.start()], source[end] if end < len(source) else len(text)))
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # a note swallowed the next label: keep the first span
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end))
    return merged


def _regions(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of labels joined only by values, each from a table's first label: (start, end, values after it)."""
    tokens = _tokens(text)
    regions: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for index, (start, end) in enumerate(tokens):
        if not current and kind_of(Cell(text[start:end], Position(0, 0))) is None:
            continue
        following = tokens[index + 1][0] if index + 1 < len(tokens) else len(text)
        gap = text[end:following]
        value = _VALUE_GAP.match(gap)
        values = value.group() if value is not None else ""
        current.append((start, end, values))
        if len(values) < len(gap):  # text that is no value: the run ends here
            if len(current) >= _MIN_LABELS and any(v.strip() for _, _, v in current):
                regions.append(current)
            current = []
    if len(current) >= _MIN_LABELS and any(v.strip() for _, _, v in current):
        regions.append(current)
    return regions


def _splits(values: str, width: int) -> list[tuple[str, ...]] | None:
    """The ways to read the run *values* as *width* cells (a space always separates cells); ``None`` if too many.

    Depth first over the digits, a branch dropped as soon as the cells left cannot fill the digits and runs left, so
    the work is bounded by the number of splits found (at most ``_MAX_SPLITS``) times the length of the run.

    >>> for cells in _splits("230 000023", 7):
    ...     print(cells)
    ('2', '30', '0', '0', '0', '0', '23')
    ('23', '0', '0', '0', '0', '0', '23')
    ('230', '0', '0', '0', '0', '2', '3')
    """
    chunks = values.split()
    found: list[tuple[str, ...]] = []
    cells: list[str] = []

    def walk(chunk: int, at: int) -> bool:
        if chunk == len(chunks):
            if len(cells) == width:
                found.append(tuple(cells))
            return len(found) <= _MAX_SPLITS
        text = chunks[chunk]
        rest = sum(len(c) for c in chunks[chunk + 1 :])
        for end in range(at + 1, min(len(text), at + _CELL_MAX) + 1):
            number = text[at:end]
            if not _NUMBER.fullmatch(number):
                continue
            cells.append(number)
            left = width - len(cells)
            after = (len(text) - end) + rest  # digits left
            runs = (1 if end < len(text) else 0) + len(chunks) - chunk - 1  # runs left to fill
            ok = True
            if runs <= left <= after <= left * _CELL_MAX:
                ok = walk(chunk, end) if end < len(text) else walk(chunk + 1, 0)
            cells.pop()
            if not ok:
                return False
        return True

    if len(chunks) > width or sum(map(len, chunks)) > width * _CELL_MAX:
        return []
    if not walk(0, 0):
        return None
    return found


def _sums(total_at: Sequence[int]) -> Callable[[tuple[str, ...]], bool]:
    """A test that each cell at *total_at* is the sum of the four or six cells before it up to the previous total."""

    def holds(cells: tuple[str, ...]) -> bool:
        first = 0
        for at in total_at:
            if Decimal(cells[at]) != sum((Decimal(c) for c in cells[first:at]), Decimal(0)):
                return False
            first = at + 1
        return True

    return holds


_APPLICATIONS_SUM: Final = _sums((len(APPLICATIONS_2021.columns) - 1,))
_REVIEWS_SUM: Final = _sums((4, 9, 14))


class _Layout:
    """Which official table and block the run is in, hence each row's width and the sums its cells obey."""

    def __init__(self) -> None:
        self.kind: str | None = None
        self.item: str | None = None
        self.columns: list[str] = []

    def label(self, label_key: str) -> None:
        kind = kind_of(Cell(label_key, Position(0, 0)))
        if kind is not None and (kind != self.kind or kind == "proactive"):
            self.kind = kind
        item = ITEM.fullmatch(label_key)
        if item is not None:
            self.item, self.columns = item.group(1), []
        elif self.kind == "proactive" and label_key in _COLUMNS:
            self.columns.append(label_key)

    def width(self) -> tuple[int, Callable[[tuple[str, ...]], bool] | None] | None:
        if self.kind == "applications":
            return len(APPLICATIONS_2021.columns), _APPLICATIONS_SUM
        if self.kind == "reviews":
            return len(REVIEWS_LITIGATION.columns), _REVIEWS_SUM
        if self.kind == "proactive" and self.item is not None:
            for definition in (PROACTIVE_2021, PROACTIVE_2019):
                for block in definition.blocks:
                    header = ITEM.fullmatch(key(block.header))
                    if header is not None and header.group(1) == self.item:
                        printed = [c for c in self.columns if c != HEADING]
                        if printed == [key(c.label) for c in block.columns]:
                            return len(block.columns), None
        return None


_NAMES: Final = {"proactive": "二", "applications": "三", "reviews": "四"}


class _Row:
    """A row of the run: its label, its run of values and the splits of it that fit the row's layout."""

    def __init__(self, label: str, values: str, layout: _Layout, at: Position) -> None:
        self.label, self.values, self.at = label, values, at
        self.name = _NAMES.get(layout.kind or "", "?")
        self.unit = _UNIT.search(values)
        self.digits = values[: self.unit.start()] if self.unit else values
        self.shape = layout.width()
        self.fitting: list[tuple[str, ...]] | None = None
        self.chosen_by = ""
        if self.shape is not None:
            width, rule = self.shape
            splits = _splits(self.digits, width)
            self.fitting = [cells for cells in splits if rule is None or rule(cells)] if splits is not None else None

    def numbers(self) -> tuple[Decimal, ...] | None:
        """The cells of a row whose split is unique, as numbers."""
        if self.fitting is None or len(self.fitting) != 1:
            return None
        return tuple(Decimal(cell) for cell in self.fitting[0])

    def text(self, notes: Notes) -> str:
        """The row as a pipe row: its cells when the split is unique, else its digits in one cell, said so."""
        if self.shape is None:
            notes.uncertain(
                f"table {self.name} row {self.label!r}: cells run together ({self.values.strip()!r}) in a layout not"
                " recognised; row left out",
                self.at,
            )
            return f"{self.label} | {''.join(self.digits.split())}"
        width = self.shape[0]
        if self.fitting is not None and len(self.fitting) == 1:
            cells = list(self.fitting[0])
            if self.unit is not None:
                cells[-1] += self.unit.group(1)
            if self.chosen_by:
                notes.uncertain(
                    f"table {self.name} row {self.label!r}: cells run together ({self.values.strip()!r}); the one"
                    f" split of several that {self.chosen_by} is read",
                    self.at,
                )
            return " | ".join((self.label, *cells))
        count = "too many" if self.fitting is None else str(len(self.fitting))
        notes.uncertain(
            f"table {self.name} row {self.label!r}: cells run together ({self.values.strip()!r}); {count} splits into"
            f" {width} cells fit; row left out, not guessed",
            self.at,
        )
        joined = "".join(self.digits.split())
        return f"{self.label} | {joined} | {joined}" if width == 1 else f"{self.label} | {joined}"


_RESULTS: Final = key("三、本年度办理结果")
_TOTAL: Final = key("（七）总计")
_NEW: Final = key("一、本年新收政府信息公开申请数量")
_CARRIED: Final = key("二、上年结转政府信息公开申请数量")
_FORWARD: Final = key("四、结转下年度继续办理")
_MAX_COMBINATIONS: Final = 10_000


def _by_column_sums(rows: list[tuple[str, _Row | None]]) -> None:
    """Table 三: rows with several splits, decided when one combination alone makes the column sums hold.

    The sums: （七）总计 = the sum of the results (三), and 一 + 二 = （七）总计 + 四, in every column.
    """
    keys = [label_key for label_key, _ in rows]
    if _RESULTS not in keys or _TOTAL not in keys or keys.index(_RESULTS) > keys.index(_TOTAL):
        return
    first, last = keys.index(_RESULTS), keys.index(_TOTAL)
    results = [row for _, row in rows[first:last] if row is not None]
    total = rows[last][1]
    outer = {k: row for k, row in rows if row is not None and k in (_NEW, _CARRIED, _FORWARD)}
    members = [*results, *([total] if total is not None else []), *outer.values()]
    open_rows = [row for row in members if row.numbers() is None]
    if total is None or not open_rows or any(not row.fitting for row in open_rows):
        return
    count = 1
    for row in open_rows:
        count *= len(row.fitting or ())
    if count > _MAX_COMBINATIONS:
        return
    chosen: list[tuple[tuple[str, ...], ...]] = []
    for combination in itertools.product(*(row.fitting or () for row in open_rows)):
        numbers = {id(row): tuple(Decimal(c) for c in cells) for row, cells in zip(open_rows, combination, strict=True)}

        def of(row: _Row, numbers: dict[int, tuple[Decimal, ...]] = numbers) -> tuple[Decimal, ...]:
            return numbers.get(id(row)) or row.numbers() or ()

        summed = [sum(column, Decimal(0)) for column in zip(*(of(row) for row in results), strict=True)]
        holds = summed == list(of(total))
        if holds and len(outer) == 3:
            new, carried, forward = (of(outer[k]) for k in (_NEW, _CARRIED, _FORWARD))
            holds = all(a + b == t + f for a, b, t, f in zip(new, carried, of(total), forward, strict=True))
        if holds:
            chosen.append(combination)
            if len(chosen) > 1:
                return
    if len(chosen) == 1:
        for row, cells in zip(open_rows, chosen[0], strict=True):
            row.fitting = [cells]
            row.chosen_by = "makes the column sums of table 三 hold"


def unrun_tables(line: Line, notes: Notes) -> list[tuple[Line, bool]] | None:
    """The line cut into text and table lines (``True``) where it holds tables run together, else ``None``.

    The tables are the official tables 二、三、四 and the local statistics forms of reports before 2019
    (:func:`_local_runs`).
    """
    text = line.text
    official = "第二十条" in text or "申请人" in text or "行政复议" in text
    cuts: list[tuple[int, int, list[tuple[int, str]]]] = []  # start, end, the table's lines with their offsets
    if official:
        cuts.extend(_official_cuts(line, notes))
    if _LOCAL_HEAD_WORD in text:
        cuts.extend(cut for cut in _local_runs(line, notes) if not any(c[0] < cut[1] and cut[0] < c[1] for c in cuts))
    if not cuts:
        return None
    pieces: list[tuple[Line, bool]] = []

    def piece(content: str, at: int, table: bool) -> None:
        content = content.strip()
        if content:
            pieces.append((Line(content, Position(line.at.line, line.at.column + at), line.indent), table))

    done = 0
    for start, end, rows in sorted(cuts):
        piece(text[done:start], done, False)
        for at, row in rows:
            piece(row, at, True)
        done = end
    piece(text[done:], done, False)
    return pieces


def _official_cuts(line: Line, notes: Notes) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """The official tables run together on the line: each region's span and its rows as pipe rows."""
    text = line.text
    cuts = []
    for region in _regions(text):
        layout = _Layout()
        rows: list[tuple[str, _Row | None]] = []
        for start, end, values in region:
            label = text[start:end].strip()
            layout.label(key(label))
            at = Position(line.at.line, line.at.column + start)
            rows.append((key(label), _Row(label, values, layout, at) if values.strip() else None))
        if layout.kind == "applications":
            _by_column_sums(rows)
        lines = [
            (start, row.text(notes) if row is not None else text[start:end].strip())
            for (start, end, _), (_, row) in zip(region, rows, strict=True)
        ]
        last_start, last_end, last_values = region[-1]
        notes.uncertain(
            "official table run together on one line: cut into rows by its labels",
            Position(line.at.line, line.at.column + last_start),
        )
        cuts.append((region[0][0], last_end + len(last_values), lines))
    return cuts


# ---- local statistics forms before 2019 ------------------------------------------------------------------------


_LOCAL_HEAD_WORD: Final = "计量单位"
_VALUE_HEADING: Final = r"(?:\d{4}年度?|本期实际|本年累计|历年累计|本年度|上年度|统计数|累计数?)"
_LOCAL_HEAD: Final = re.compile(
    r"(指标名称|统计指标)\s*(计量单位|单位)\s*(代码\s*)?((?:" + _VALUE_HEADING + r"\s*){1,4})"
)
_LABEL_START: Final = r"(?:其中[:：]?)?(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）])?"
_LOCAL_ROW: Final = re.compile(
    r"\s*(?P<label>"
    + _LABEL_START
    + r"[^\d。，；;,!！?？]{1,40}?)\s*(?P<unit>"
    + "|".join(map(re.escape, CELL_UNITS))
    + r")(?P<values>[\d\s]*\d)"
)
_REST: Final = 40
_UNIT_AND_DIGIT: Final = re.compile("(?:" + "|".join(map(re.escape, CELL_UNITS)) + r")\d")
_ROW_ORDINAL: Final = re.compile(r"(?:其中[:：]?)?(\d{1,2})[.、．]")
_CLAUSE: Final = re.compile(r"[^。，；;,！!？?]{0,40}\Z")


def _local_runs(line: Line, notes: Notes) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """Local statistics forms run together on the line (``指标名称计量单位2018年度历年累计主动公开文件数条206912106…``).

    After the header, a row is a label, a unit and the digits of its value cells. The digits end where the next
    label's ordinal starts (``…条2069121062.政府公报…``: the row after ``1.`` is ``2.``). They are split into the value
    columns only where the split is unique: no cell with a leading zero, a 累计 column not below the year's. When
    several splits remain, the one whose first cell the text before the table states in a clause sharing two
    characters with the row's label (``主动公开政府信息2069条``) is read, said so; else the row keeps its digits in one
    cell and is left out by the form's reader, said so.
    """
    text = line.text
    cuts = []
    for head in _LOCAL_HEAD.finditer(text):
        columns = re.findall(_VALUE_HEADING, head.group(4))
        header = [head.group(1), head.group(2), *([head.group(3).strip()] if head.group(3) else []), *columns]
        rows: list[tuple[int, str]] = [(head.start(), " | ".join(header))]
        position = head.end()
        ordinal: int | None = None
        while True:
            match = _LOCAL_ROW.match(text, position)
            if match is None:
                break
            label, unit, digits = match.group("label").strip(), match.group("unit"), match.group("values")
            found = _ROW_ORDINAL.match(label)
            ordinal = int(found.group(1)) if found else (None if not label.startswith("其中") else ordinal)
            end = match.end()
            if ordinal is not None and re.match(r"[.、．]\D", text[end : end + 2]):
                following = str(ordinal + 1)  # the digits end in the next row's ordinal
                if not digits.endswith(following):
                    break
                digits, end = digits[: -len(following)], end - len(following)
            at = Position(line.at.line, line.at.column + match.start("label"))
            cells = _local_cells(label, unit, digits, columns, text[: head.start()], at, notes)
            rows.append((match.start("label"), " | ".join((label, unit, *cells))))
            position = end
        if len(rows) > 1:
            notes.uncertain(
                "statistics table run together on one line: cut into rows by its units",
                Position(line.at.line, line.at.column + head.start()),
            )
            rest = text[position : position + _REST]
            if _UNIT_AND_DIGIT.search(rest):  # more rows follow that are no label, unit and digits
                notes.uncertain(
                    "statistics table run together: the rows from here are not read (no label, unit and digits)",
                    Position(line.at.line, line.at.column + position),
                    rest,
                )
            cuts.append((head.start(), position, rows))
    return cuts


def _local_cells(
    label: str, unit: str, digits: str, columns: list[str], prose: str, at: Position, notes: Notes
) -> tuple[str, ...]:
    """The value cells of a run-together row of a local form: split where unique, else the digits in one cell."""
    splits = _splits(digits, len(columns)) or []
    cumulative = [i for i, column in enumerate(columns) if "累计" in column]
    fitting = [
        cells
        for cells in splits
        if all(Decimal(cells[i]) >= Decimal(cells[j]) for i in cumulative for j in range(i) if j not in cumulative)
    ]
    if len(fitting) == 1:
        return fitting[0]
    stated = [cells for cells in fitting if _stated(cells[0], unit, label, prose)]
    joined = "".join(digits.split())
    if len(stated) == 1:
        notes.uncertain(
            f"statistics table row {label!r}: cells run together ({joined!r}); the one split of {len(fitting)} whose"
            f" {columns[0]} figure the text states ({stated[0][0]}{unit}) is read",
            at,
        )
        return stated[0]
    notes.uncertain(
        f"statistics table row {label!r}: cells run together ({joined!r}); {len(fitting)} splits into {len(columns)}"
        " cells fit; row left out, not guessed",
        at,
    )
    return (joined,)


_SHARED: Final = 2
"""Characters in a row the clause stating a figure must share with the row's label (``主动公开``)."""


def _stated(number: str, unit: str, label: str, prose: str) -> bool:
    """Whether the text states *number* *unit* in a clause that shares two characters in a row with *label*."""
    words = key(label)
    for match in re.finditer(r"(?<![\d.])" + re.escape(number) + re.escape(unit), prose):
        clause = _CLAUSE.search(prose, 0, match.start())
        before = clause.group() if clause is not None else ""
        if any(words[i : i + _SHARED] in before for i in range(len(words) - _SHARED + 1)):
            return True
    return False
