r"""The official tables (二、三、四) from flattened text and from HTML, mapped to the table classes of the model.

A table is first cut into *cells* — pipe-separated cells of a row (``规章 | 0 | 0 | 0 |``), one cell per line, cells
separated by blank lines or by lines of pipes, or the cells of an HTML ``<tr>`` — and the cells into *segments*: the
labels read so far and the values after them (``第二十条第（一）项``, ``信息内容``, ``本年制发件数`` … ``规章`` →
``0 0 0``). The last label of a segment names its row; the labels before it are headers and groups. Labels are
compared through :func:`~govdisclose.read._normalise.key` and may be truncated (``本年新``), carry guidance text, or
deviate locally (``规范性文件`` in a 2021 table, ``科研企业``, ``第二十条（一）项``).

A row whose number of values is not its number of columns is left out and said so — empty cells dropped by the
flattening cannot be put back in their columns, and the reader does not guess — so the table is not
:attr:`~govdisclose.model.OfficialTable.complete`. A pipe row keeps its interior empty cells (blank cells); trailing
empty cells are padding, unless the exact HTML grid says otherwise.

The edition of table 二 shows in its column headings (``本年制发件数`` is 2021, ``本年新制作数量`` 2019); that of
table 三 in its （六）其他处理 rows.

>>> from govdisclose.read._normalise import split_lines
>>> from govdisclose.read._diagnostics import Notes
>>> text = "第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
>>> lines, _ = split_lines(text + "规章 | 0 | 0 | 1")
>>> end, drafts = read_text_tables(lines, 0, Notes())
>>> end, drafts[0].edition_evidence, drafts[0].build(None).row("rules").values[2].value
(3, <Edition.E2021: '2021'>, Decimal('1'))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Final, NamedTuple

import attrs

from .._errors import ModelError
from ..model import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    NATIONAL_FORM_ROWS,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Block,
    BlocksDef,
    Cell,
    Edition,
    Figure,
    MoneyUnit,
    OfficialTable,
    ProactiveTable2019,
    ProactiveTable2021,
    ReviewsTable,
    RowDef,
    StatisticsTable,
    Table,
    TableRow,
    national_statistics_form,
)
from ..zh import display_width, parse_ordinal
from ._diagnostics import Notes, Position
from ._noise import noise_kind
from ._normalise import Line, TableItem, key

__all__ = [
    "TableDraft",
    "generic_html_table",
    "generic_text_table",
    "is_pipe_row",
    "national_html_form",
    "national_text_form",
    "read_html_table",
    "read_text_tables",
    "starts_table",
]

_MARKERS: Final = frozenset({"/", "／", "-", "－", "—", "——", "无", "×", "―"})
_ITEM: Final = re.compile(r"第二十条第?\(?([一二三四五六七八九十]+)\)?项?")
_KEY_MAX_UNKNOWN: Final = 12


# ---- label vocabularies ------------------------------------------------------------------------------------------


def _keys(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(key(label) for label in labels)


def _proactive_columns(definition: BlocksDef) -> frozenset[str]:
    return _keys(column.label for block in definition.blocks for column in block.columns)


_PRO_2021: Final = _proactive_columns(PROACTIVE_2021)
_PRO_2019: Final = _proactive_columns(PROACTIVE_2019)
_ONLY_2021: Final = _PRO_2021 - _PRO_2019
_ONLY_2019: Final = _PRO_2019 - _PRO_2021
_HEADING: Final = key("信息内容")

_APP_COLUMNS: Final = {key(column.label): column.id for column in APPLICATIONS_2021.columns}
_APP_COLUMN_DEVIATIONS: Final = {key("科研企业"): "research"}
_APP_HEADERS: Final = _keys(("申请人情况", "法人或其他组织", APPLICATIONS_2021.corner or ""))
_APP_GROUPS: Final = {
    key(label): label for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows) for label in row.path
}
_REVIEW_LABELS: Final = _keys(
    (*(c.label for c in REVIEWS_LITIGATION.columns), *(p for c in REVIEWS_LITIGATION.columns for p in c.path))
)
_APPLICATION_LABELS: Final = {row.id: row.label for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows)}
_ROW_DEVIATIONS: Final = {key("规范性文件"): "normative-documents", key("行政规范性文件"): "normative-documents"}

_ALL_LABELS: Final = frozenset(
    {
        _HEADING,
        *_PRO_2021,
        *_PRO_2019,
        *(key(block.header) for block in (*PROACTIVE_2021.blocks, *PROACTIVE_2019.blocks)),
        *(key(row.label) for row in (*PROACTIVE_2021.rows, *PROACTIVE_2019.rows)),
        *_APP_COLUMNS,
        *_APP_COLUMN_DEVIATIONS,
        *_APP_HEADERS,
        *_APP_GROUPS,
        *(key(row.label) for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows)),
        *_REVIEW_LABELS,
        *_ROW_DEVIATIONS,
    }
)
_SORTED_LABELS: Final = tuple(sorted(_ALL_LABELS))


def _known(label_key: str) -> bool:
    """Whether *label_key* is a table label, possibly truncated (a prefix of one) or with guidance text after one."""
    if not label_key:
        return False
    if label_key in _ALL_LABELS or _ITEM.match(label_key):
        return True
    if len(label_key) >= 2 and _has_prefix(label_key):
        return True
    return any(len(label) >= 4 and label_key.startswith(label) for label in _SORTED_LABELS)


def _has_prefix(prefix: str) -> bool:
    """Whether some label starts with *prefix* (binary search over the sorted labels)."""
    low, high = 0, len(_SORTED_LABELS)
    while low < high:
        middle = (low + high) // 2
        if _SORTED_LABELS[middle] < prefix:
            low = middle + 1
        else:
            high = middle
    return low < len(_SORTED_LABELS) and _SORTED_LABELS[low].startswith(prefix)


def _fits(label_key: str, candidates: Iterable[str]) -> bool:
    """Whether *label_key* is one of *candidates*, truncated, or followed by guidance text."""
    return any(
        label_key == c or (len(label_key) >= 2 and c.startswith(label_key)) or (len(c) >= 4 and label_key.startswith(c))
        for c in candidates
    )


def _match(label_key: str, candidates: dict[str, str]) -> str | None:
    """The id of the candidate label *label_key* is: equal, truncated (a prefix), or followed by guidance text."""
    if label_key in candidates:
        return candidates[label_key]
    if len(label_key) >= 2:
        ids = {value for candidate, value in candidates.items() if candidate.startswith(label_key)}
        if len(ids) == 1:
            return ids.pop()
    longer = [candidate for candidate in candidates if len(candidate) >= 4 and label_key.startswith(candidate)]
    if longer:
        return candidates[max(longer, key=len)]
    return None


# ---- cells and segments -------------------------------------------------------------------------------------------


class _Cell(NamedTuple):
    text: str
    at: Position
    figure: Figure | None = None  # exact figure from HTML data attributes
    unit: str | None = None  # data-unit of an HTML value cell

    @property
    def key(self) -> str:
        return key(self.text)


def _value(cell: _Cell, positional: bool) -> Figure | None:
    """The figure of a value cell, or ``None`` when the cell is a label."""
    if cell.figure is not None:
        return cell.figure
    text = cell.text.strip()
    if not text:
        return _BLANK if positional else None
    return _figure_of(text)


_BLANK: Final = Figure(marker="")
_CHANGE: Final = re.compile(r"[增减]\d{1,9}")
_NUMERIC_START: Final = re.compile(r"(?:逾|近|超过|约)?[+\-−]?\d")
_NUMBER_MAX: Final = 24


@functools.lru_cache(maxsize=4096)
def _figure_of(text: str) -> Figure | None:
    """The figure a non-empty cell text is (a number or a marker), or ``None`` for a label (figures are immutable)."""
    if text in _MARKERS or _CHANGE.fullmatch(text):
        return Figure(marker=text)
    if len(text) > _NUMBER_MAX or not _NUMERIC_START.match(text):
        return None
    figure = Figure.of(text)
    return figure if figure.value is not None else None


@attrs.frozen
class _Segment:
    labels: tuple[_Cell, ...]
    values: tuple[tuple[_Cell, Figure], ...]
    positional: bool
    exact: bool  # an HTML grid: trailing empty cells are cells, not padding
    at: Position


class _Segmenter:
    """Cuts rows of cells into segments: the labels so far, then the values after them."""

    def __init__(self) -> None:
        self.segments: list[_Segment] = []
        self.labels: list[_Cell] = []
        self.loose: list[tuple[_Cell, Figure]] = []

    def _close_loose(self) -> None:
        if self.loose:
            self.segments.append(_Segment(tuple(self.labels), tuple(self.loose), False, False, self.loose[0][0].at))
            self.labels = []
            self.loose = []

    def row(self, cells: list[_Cell], *, exact: bool) -> None:
        """A row of cells whose positions are known (a pipe row, an HTML row)."""
        self._close_loose()
        last_label = -1
        for index, cell in enumerate(cells):
            if cell.text.strip() and _value(cell, True) is None:
                last_label = index
        for cell in cells[: last_label + 1]:
            if cell.text.strip():
                self.labels.append(cell)
        values = cells[last_label + 1 :]
        if last_label < 0:  # a row of values only: drop the empty cells before the first value
            while values and not values[0].text.strip() and values[0].figure is None:
                values = values[1:]
        if any(cell.text.strip() or cell.figure is not None for cell in values):
            figures = [(cell, _value(cell, True) or Figure(marker="")) for cell in values]
            self.segments.append(_Segment(tuple(self.labels), tuple(figures), True, exact, values[0].at))
            self.labels = []

    def cell(self, cell: _Cell) -> None:
        """A cell on a line of its own."""
        figure = _value(cell, False)
        if figure is not None:
            self.loose.append((cell, figure))
            return
        self._close_loose()
        self.labels.append(cell)

    def finish(self) -> tuple[list[_Segment], list[_Cell]]:
        """The segments, and the labels left without values (a truncated table's last headings)."""
        self._close_loose()
        return self.segments, self.labels


def _join_split_labels(cells: list[_Cell]) -> list[_Cell]:
    """Join cells that are pieces of one label split over lines (``三、本`` ``年度办`` ``理结果``)."""
    joined: list[_Cell] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        combined = cell
        stop = index + 1
        if _value(cell, False) is None and key(cell.text) not in _ALL_LABELS:
            probe = key(cell.text)
            end = stop
            while end < len(cells) and _value(cells[end], False) is None and _has_prefix(probe + key(cells[end].text)):
                probe += key(cells[end].text)
                end += 1
                if probe in _ALL_LABELS:
                    combined = _Cell("".join(c.text for c in cells[index:end]), cell.at)
                    stop = end
        joined.append(combined)
        index = stop
    return joined


# ---- drafts: what was read, built into a model table once the edition is known ----------------------------------


@attrs.frozen
class TableDraft:
    """A table read from the source, to be built into a model table when the report's edition is known.

    Attributes:
        kind: ``proactive``, ``applications``, ``reviews`` or ``national`` (the 2014–2018 national form).
        edition_evidence: The edition the table's own layout shows, or ``None`` when it shows none.
        at: Where the table starts.
        build: Builds the model table; takes the report's edition as the fallback when the layout shows none.
    """

    kind: str
    edition_evidence: Edition | None
    at: Position
    build: Callable[[Edition | None], Block]


def _figures_for(segment: _Segment, expected: int) -> tuple[Figure, ...] | None:
    """The segment's values for a row of *expected* cells, or ``None`` when they cannot be placed."""
    figures = [figure for _, figure in segment.values]
    if not segment.positional:
        return tuple(figures) if len(figures) == expected else None
    trimmed = list(figures)
    while trimmed and trimmed[-1].marker == "" and not segment.exact:
        trimmed.pop()
    if len(trimmed) == expected:
        return tuple(trimmed)
    if len(figures) >= expected and all(f.marker == "" for f in figures[expected:]):
        anchored = segment.exact or (figures[expected - 1].marker != "" if expected else True)
        if anchored:
            return tuple(figures[:expected])
    return None


def _say_left_out(notes: Notes, segment: _Segment, what: str, expected: int) -> None:
    count = len(segment.values)
    notes.uncertain(
        f"table {what}: {count} values for {expected} columns (empty cells dropped?); row left out, table incomplete",
        segment.at,
        " ".join(cell.text for cell in segment.labels[-1:]) + " " + " ".join(c.text for c, _ in segment.values),
    )


# ---- table 二 ------------------------------------------------------------------------------------------------------


def _item_of(label_key: str) -> str | None:
    match = _ITEM.fullmatch(label_key)
    return match.group(1) if match else None


def _proactive(segments: list[_Segment], notes: Notes, at: Position, leftover: list[_Cell]) -> TableDraft:
    evidence_2021 = evidence_2019 = 0
    blocks: list[tuple[str | None, list[_Cell], _Segment]] = []
    item: str | None = None
    columns: list[_Cell] = []
    for segment in segments:
        for cell in segment.labels[:-1]:
            label_key = cell.key
            found = _item_of(label_key)
            if found is not None:
                item, columns = found, []
            elif label_key.startswith("第二十条"):
                item, columns = None, []
                notes.uncertain("table 二: block header not recognised (truncated?)", cell.at, cell.text)
            elif label_key != _HEADING:
                columns.append(cell)
                if label_key in _ONLY_2021 or any(c.startswith(label_key) for c in _ONLY_2021 if len(label_key) >= 3):
                    evidence_2021 += 1
                elif label_key in _ONLY_2019 or any(c.startswith(label_key) for c in _ONLY_2019 if len(label_key) >= 3):
                    evidence_2019 += 1
        blocks.append((item, list(columns), segment))
    if any(_item_of(cell.key) == "九" for segment in segments for cell in segment.labels):
        evidence_2019 += 1
    evidence = None
    if evidence_2021 > evidence_2019:
        evidence = Edition.E2021
    elif evidence_2019 > evidence_2021:
        evidence = Edition.E2019
    if leftover:
        notes.uncertain("table 二 ends in headings without values (truncated?)", leftover[0].at, leftover[0].text)

    def build(edition: Edition | None) -> OfficialTable:
        chosen = evidence or edition or Edition.E2021
        definition = PROACTIVE_2019 if chosen is Edition.E2019 else PROACTIVE_2021
        cls: type[OfficialTable] = ProactiveTable2019 if chosen is Edition.E2019 else ProactiveTable2021
        rows: dict[str, TableRow] = {}
        local_rows: list[tuple[str | None, TableRow]] = []  # local rows after the official row they follow
        local = 0
        previous: str | None = None
        for block_item, block_columns, segment in blocks:
            block = next((b for b in definition.blocks if _item_of(key(b.header)) == block_item), None)
            row_cell = segment.labels[-1] if segment.labels else None
            if block is None or row_cell is None:
                notes.uncertain("table 二: values outside a known block; left out", segment.at)
                continue
            official = {key(row.label): row.id for row in block.rows}
            row_id = _match(_without_note(row_cell.key), official) or _deviation(row_cell.key, block.rows)
            if row_id is None:
                published = tuple(figure for _, figure in segment.values if figure.marker != "")
                if published and len(published) <= definition.width:
                    local += 1
                    local_rows.append((previous, TableRow(id=f"local-{local}", values=published, label=row_cell.text)))
                    notes.uncertain(
                        f"table 二: row {row_cell.text!r} is no official row; kept as a local row", row_cell.at
                    )
                else:
                    notes.uncertain(
                        f"table 二: row {row_cell.text!r} not in block {block.header}; left out", row_cell.at
                    )
                continue
            previous = row_id
            row_def = next(row for row in block.rows if row.id == row_id)
            official_columns = [key(c.label) for c in block.columns]
            wrong = [c for c in block_columns if not _fits(c.key, official_columns)]
            if wrong:
                notes.uncertain(
                    f"table 二 {block.header}: column {wrong[0].text!r} is not a column of this block in the "
                    f"{chosen.value} format; row {row_def.label!r} left out",
                    wrong[0].at,
                    wrong[0].text,
                )
                continue
            figures = _figures_for(segment, len(row_def.columns))
            if figures is None:
                _say_left_out(notes, segment, f"二 row {row_def.label!r}", len(row_def.columns))
                continue
            label = row_cell.text if key(row_cell.text) != key(row_def.label) else None
            if label is not None:
                notes.recognised(f"table 二: {row_cell.text!r} read as {row_def.label!r} (a local label)", row_cell.at)
            rows[row_id] = TableRow(id=row_id, values=figures, label=label)
        ordered = [row for after, row in local_rows if after is None]
        for row_def in definition.rows:
            if row_def.id in rows:
                ordered.append(rows[row_def.id])
            ordered.extend(row for after, row in local_rows if after == row_def.id)
        table = cls(rows=tuple(ordered))
        if isinstance(table, ProactiveTable2019):
            table = attrs.evolve(table, procurement_unit=_procurement_unit(blocks))
        _say_incomplete(notes, table, "二", at)
        return table

    return TableDraft(kind="proactive", edition_evidence=evidence, at=at, build=build)


def _procurement_unit(blocks: list[tuple[str | None, list[_Cell], _Segment]]) -> MoneyUnit | None:
    """The unit of the procurement amount: from the cell's ``data-unit``, or named in the column heading."""
    for item, columns, segment in blocks:
        if item == "九":
            for cell, _ in segment.values:
                if cell.unit in ("元", "万元", "亿元"):
                    return MoneyUnit(cell.unit)
            for cell in columns:
                if "万元" in cell.text:
                    return MoneyUnit.WAN_YUAN
                if "元" in cell.text:
                    return MoneyUnit.YUAN
    return None


def _without_note(label_key: str) -> str:
    """A label without a note in brackets after it: ``规章(设区的市……应提供相关数据)`` → ``规章``."""
    position = label_key.find("(", 2)
    return label_key[:position] if position > 0 else label_key


def _deviation(label_key: str, rows: tuple[RowDef, ...]) -> str | None:
    row_id = _ROW_DEVIATIONS.get(label_key)
    return row_id if row_id is not None and any(row.id == row_id for row in rows) else None


def _say_incomplete(notes: Notes, table: OfficialTable, name: str, at: Position) -> None:
    if table.complete:
        notes.recognised(f"table {name}: {type(table).__name__}, complete", at)
    else:
        present = len(table.rows)
        total = len(table.DEFINITION.rows)
        notes.uncertain(f"table {name}: {type(table).__name__} incomplete ({present} of {total} rows read)", at)


# ---- table 三 ------------------------------------------------------------------------------------------------------


def _applications(segments: list[_Segment], notes: Notes, at: Position, leftover: list[_Cell]) -> TableDraft:
    rows_2021 = {key(row.label): row.id for row in APPLICATIONS_2021.rows if not row.path or len(row.path) == 1}
    grouped: dict[str, dict[str, str]] = {}
    for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows):
        if len(row.path) == 2:
            grouped.setdefault(key(row.path[1]), {})[key(row.label)] = row.id
    top = {**rows_2021, key("（六）其他处理"): "result.other"}
    read: dict[str, tuple[tuple[Figure, ...], str | None]] = {}
    evidence: Edition | None = None
    group: str | None = None
    for segment in segments:
        for cell in segment.labels[:-1]:
            if cell.key in _APP_COLUMN_DEVIATIONS:
                notes.recognised(f"table 三: column {cell.text!r} read as 科研机构 (a local label)", cell.at)
            group_label = _APP_GROUPS.get(cell.key) or (
                _match(cell.key, dict(_APP_GROUPS)) if cell.key not in _APP_COLUMNS else None
            )
            if group_label is not None and group_label.startswith("（"):
                group = key(group_label)
            elif group_label is not None:
                group = None
        if not segment.labels:
            notes.uncertain("table 三: values without a row label; left out", segment.at)
            continue
        row_cell = segment.labels[-1]
        row_id: str | None = None
        if group is not None and group in grouped:
            row_id = _match(row_cell.key, grouped[group])
        if row_id is None:
            row_id = _match(row_cell.key, top)
            if row_id is not None:
                group = None
        if row_id is None:
            notes.uncertain(f"table 三: row {row_cell.text!r} not recognised; left out", row_cell.at, row_cell.text)
            continue
        if row_id.startswith("result.other."):
            evidence = Edition.E2021
        elif row_id == "result.other":
            evidence = Edition.E2019
        figures = _figures_for(segment, len(APPLICATIONS_2021.columns))
        if figures is None:
            _say_left_out(notes, segment, f"三 row {row_cell.text!r}", len(APPLICATIONS_2021.columns))
            continue
        label = row_cell.text if row_cell.key != key(_APPLICATION_LABELS[row_id]) else None
        read[row_id] = (figures, label)
    if leftover:
        notes.uncertain("table 三 ends in labels without values (truncated?)", leftover[0].at, leftover[0].text)

    def build(edition: Edition | None) -> OfficialTable:
        chosen = evidence or edition or Edition.E2021
        cls: type[OfficialTable] = ApplicationsTable2019 if chosen is Edition.E2019 else ApplicationsTable2021
        ids = [row.id for row in cls.DEFINITION.rows]
        for row_id in read:
            if row_id not in ids:
                notes.uncertain(f"table 三: row {row_id!r} does not fit the {chosen.value} layout; left out", at)
        table = cls(rows=tuple(TableRow(id=i, values=read[i][0], label=read[i][1]) for i in ids if i in read))
        _say_incomplete(notes, table, "三", at)
        return table

    return TableDraft(kind="applications", edition_evidence=evidence, at=at, build=build)


# ---- table 四 ------------------------------------------------------------------------------------------------------


def _reviews(segments: list[_Segment], notes: Notes, at: Position, leftover: list[_Cell]) -> TableDraft:
    width = len(REVIEWS_LITIGATION.columns)
    figures: tuple[Figure, ...] | None = None
    for segment in segments:
        found = _figures_for(segment, width)
        if found is None or figures is not None:
            _say_left_out(notes, segment, "四", width)
            continue
        figures = found
    if leftover and figures is None:
        notes.uncertain("table 四 ends in headings without values (truncated?)", leftover[0].at, leftover[0].text)

    def build(edition: Edition | None) -> OfficialTable:
        rows = (TableRow(id="cases", values=figures),) if figures is not None else ()
        table = ReviewsTable(rows=rows)
        _say_incomplete(notes, table, "四", at)
        return table

    return TableDraft(kind="reviews", edition_evidence=None, at=at, build=build)


# ---- which table -------------------------------------------------------------------------------------------------


_APPLICATION_STARTS: Final = _keys(("申请人情况", "自然人", "一、本年新收政府信息公开申请数量"))
_REVIEW_STARTS: Final = _keys(("行政复议", "行政诉讼"))
_CORNER_START: Final = key("（本列数据的勾稽关系")


def _kind_of(cell: _Cell) -> str | None:
    label_key = cell.key
    if label_key.startswith("第二十条"):
        return "proactive"
    if label_key in _APPLICATION_STARTS or label_key.startswith(_CORNER_START):
        return "applications"
    if label_key in _REVIEW_STARTS:
        return "reviews"
    return None


_START: Final = re.compile(
    r"[|\s]{0,8}(?:第\s?二\s?十|[（(]\s?本\s?列|申\s?请\s?人|自\s?然\s?人|一\s?、\s?本\s?年|行\s?政\s?[复诉])"
)
_READERS: Final = {"proactive": _proactive, "applications": _applications, "reviews": _reviews}


def _drafts(segments: list[_Segment], leftover: list[_Cell], notes: Notes) -> list[TableDraft]:
    """Split the segments into tables where a table's first label appears, and read each."""
    tables: list[tuple[str, list[_Segment]]] = []
    for segment in segments:
        kind = next((k for k in (_kind_of(cell) for cell in segment.labels) if k is not None), None)
        if kind is not None and (not tables or tables[-1][0] != kind):
            tables.append((kind, [segment]))
        elif tables:
            tables[-1][1].append(segment)
        else:
            notes.uncertain("table values before any table heading; left out", segment.at)
    if not tables and leftover:
        kind = next((k for k in (_kind_of(cell) for cell in leftover) if k is not None), None)
        if kind is not None:
            tables.append((kind, []))
    drafts = []
    for index, (kind, members) in enumerate(tables):
        rest = leftover if index == len(tables) - 1 else []
        at = members[0].labels[0].at if members and members[0].labels else (rest[0].at if rest else Position(0, 0))
        drafts.append(_READERS[kind](members, notes, at, rest))
    return drafts


# ---- from text ---------------------------------------------------------------------------------------------------


def _pipe_cells(line: Line) -> list[_Cell]:
    parts = line.text.split("|")
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    cells = []
    column = line.at.column
    for part in parts:
        cells.append(_Cell(part.strip(), Position(line.at.line, column)))
        column += len(part) + 1
    return cells


def starts_table(text: str) -> bool:
    """Whether a line starts an official table (``第二十条第（一）项``, the 三 corner, ``行政复议`` …)."""
    if not _START.match(text):
        return False
    first = next((part.strip() for part in text.split("|") if part.strip()), "")
    return _kind_of(_Cell(first, Position(0, 0))) is not None


def _line_kind(line: Line, cells: list[_Cell] | None = None) -> str:
    """``pipes``, ``row``, ``value``, ``label``, ``unknown`` or ``stop`` for a line inside a table region."""
    text = line.text
    if not text.replace("|", "").strip():
        return "pipes"
    if "|" in text:
        cells = cells if cells is not None else _pipe_cells(line)
        if any(_known(cell.key) or _value(cell, False) is not None for cell in cells if cell.text):
            return "row"
        return "stop"
    cell = _Cell(text, line.at)
    if _value(cell, False) is not None:
        return "value"
    label_key = cell.key
    if _known(label_key):
        return "label"
    if noise_kind(text) is not None or parse_ordinal(text) is not None or len(label_key) > _KEY_MAX_UNKNOWN:
        return "stop"
    return "unknown"


def read_text_tables(lines: Sequence[Line | TableItem], start: int, notes: Notes) -> tuple[int, list[TableDraft]]:
    """Read the table region that starts at ``lines[start]``: the index after it, and the tables read."""
    segmenter = _Segmenter()
    index = start
    loose: list[_Cell] = []
    while index < len(lines):
        line = lines[index]
        if not isinstance(line, Line):
            break
        cells = _pipe_cells(line) if "|" in line.text else None
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
            for cell in _join_split_labels(loose):
                segmenter.cell(cell)
            loose = []
            if kind == "row" and cells is not None:
                segmenter.row(cells, exact=False)
        else:
            loose.append(_Cell(line.text, line.at))
        index += 1
    for cell in _join_split_labels(loose):
        segmenter.cell(cell)
    segments, leftover = segmenter.finish()
    return index, _drafts(segments, leftover, notes)


# ---- from HTML ---------------------------------------------------------------------------------------------------


def read_html_table(item: TableItem, notes: Notes) -> list[TableDraft]:
    """Read an HTML table; an empty list when it is not an official table."""
    segmenter = _Segmenter()
    first_labels = [cell for row in item.rows for cell in row if cell.text][:3]
    if not any(_kind_of(_Cell(cell.text, cell.at)) for cell in first_labels):
        return []
    for row in item.rows:
        segmenter.row([_Cell(cell.text, cell.at, cell.figure, cell.unit) for cell in row], exact=True)
    segments, leftover = segmenter.finish()
    return _drafts(segments, leftover, notes)


# ---- tables that are not official: generic tables ----------------------------------------------------------------


def is_pipe_row(text: str) -> bool:
    """Whether a line is a row of pipe-separated cells (at least two cells with text)."""
    return text.count("|") >= 2 and sum(1 for part in text.split("|") if part.strip()) >= 2


def generic_text_table(lines: list[Line], notes: Notes) -> Table | None:
    """A table of pipe rows that is no official table, as a generic :class:`~govdisclose.model.Table`.

    Rows aligned on one grid (as govdisclose writes them) give back their column spans; other rows are padded to the
    widest. Row spans and header cells cannot be told from text.
    """
    raw = [[cell.text for cell in _pipe_cells(line)] for line in lines]
    aligned = len({display_width(line.text) for line in lines}) == 1 and all(
        line.text.startswith("|") for line in lines
    )
    rows: list[tuple[Cell, ...]] = []
    if aligned:
        boundaries: set[int] = set()
        for line in lines:
            position = 0
            for ch in line.text:
                if ch == "|":
                    boundaries.add(position)
                position += display_width(ch)
        ordered = sorted(boundaries)
        for line in lines:
            cells = []
            position = 0
            start = 0
            text = ""
            for ch in line.text:
                if ch == "|":
                    if position:
                        span = sum(1 for b in ordered if start < b <= position)
                        cells.append(Cell(text=text.strip(), colspan=max(span, 1)))
                    start, text = position, ""
                else:
                    text += ch
                position += display_width(ch)
            rows.append(tuple(cells))
    else:
        width = max(len(cells) for cells in raw)
        rows = [tuple(Cell(text=t) for t in cells) + (Cell(),) * (width - len(cells)) for cells in raw]
    try:
        table = Table(rows=tuple(rows))
    except ModelError:
        notes.uncertain("a table whose rows do not line up; kept as paragraphs", lines[0].at)
        return None
    notes.uncertain("a table that is no official table: read as a generic table (row spans not recovered)", lines[0].at)
    return table


def generic_html_table(item: TableItem, notes: Notes) -> Table | None:
    """An HTML table that is no official table, as a generic :class:`~govdisclose.model.Table` with its spans."""
    rows = tuple(
        tuple(Cell(text=cell.text, colspan=cell.colspan, rowspan=cell.rowspan, header=cell.header) for cell in row)
        for row in item.rows
    )
    try:
        table = Table(rows=rows)
    except ModelError as error:
        notes.unrecognised(f"a table that is no official table and not rectangular ({error}); left out", item.at)
        return None
    notes.uncertain("a table that is no official table: read as a generic table", item.at)
    return table


# ---- the 2014–2018 national statistics form ---------------------------------------------------------------------

_NATIONAL_HEADER: Final = (key("统计指标"), key("单位"), key("统计数"))
_NATIONAL_KEYS: Final = tuple(key(label) for _, _, label, _ in NATIONAL_FORM_ROWS)
_GROUP_UNIT: Final = "——"


def national_form(rows: list[list[_Cell]], notes: Notes, at: Position) -> TableDraft | None:
    """The 2014–2018 national form (``统计指标 | 单位 | 统计数``), when every row is one of its rows; else ``None``.

    Rows not printed are unknown cells of the form (it is then incomplete); a row that is no row of the form makes the
    table a generic one.
    """
    if len(rows) < 2 or tuple(cell.key for cell in rows[0][:3]) != _NATIONAL_HEADER or len(rows[0]) != 3:
        return None
    values: dict[str, tuple[Figure, ...]] = {}
    cursor = 0  # rows are matched in order: two groups share labels (（二）被依法纠错数 under 复议 and 诉讼)
    for row in rows[1:]:
        if len(row) != 3:
            return None
        label, _, value = row
        position = next((i for i in range(cursor, len(_NATIONAL_KEYS)) if _NATIONAL_KEYS[i] == label.key), None)
        if position is None:
            return None
        cursor = position + 1
        row_id, _, _, official_unit = NATIONAL_FORM_ROWS[position]
        if official_unit == _GROUP_UNIT:
            continue
        figure = _value(value, True)
        if figure is None:
            return None
        values[row_id] = (figure,)
    table = national_statistics_form(values)
    missing = sum(1 for row in table.rows if row.values and not row.values[0].is_known)
    if missing:
        notes.uncertain(f"the national statistics form: {missing} rows not printed (unknown)", at)
    else:
        notes.recognised("the national statistics form of 2014–2018 (国办发〔2014〕32号)", at)

    def build(edition: Edition | None) -> StatisticsTable:
        return table

    return TableDraft(kind="national", edition_evidence=Edition.PRE_2019, at=at, build=build)


def national_text_form(lines: list[Line], notes: Notes) -> TableDraft | None:
    """The national form from pipe rows."""
    return national_form([_pipe_cells(line) for line in lines], notes, lines[0].at)


def national_html_form(item: TableItem, notes: Notes) -> TableDraft | None:
    """The national form from an HTML table (no spans: one cell per column)."""
    if any(cell.colspan > 1 or cell.rowspan > 1 for row in item.rows for cell in row):
        return None
    rows = [[_Cell(cell.text, cell.at, cell.figure) for cell in row] for row in item.rows]
    return national_form(rows, notes, item.at)
