"""The official tables 二、三、四 from segments: which table, which rows, the edition their layout shows.

Each table read is a draft, built into the model table once the report's edition is known.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import attrs

from ...model import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Block,
    Edition,
    Figure,
    MoneyUnit,
    OfficialTable,
    ProactiveTable2019,
    ProactiveTable2021,
    ReviewsTable,
    RowDef,
    TableRow,
)
from .._diagnostics import Notes, Position
from .._normalise import key
from ._cells import Cell, unit_of
from ._labels import (
    APP_COLUMN_DEVIATIONS,
    APP_COLUMNS,
    APP_GROUPS,
    APPLICATION_LABELS,
    HEADING,
    ITEM,
    ONLY_2019,
    ONLY_2021,
    ROW_DEVIATIONS,
    fits,
    label_keys,
    match_label,
    match_misprint,
)
from ._segments import Segment, figures_for, row_label


@attrs.frozen
class TableDraft:
    """A table read from the source, to be built into a model table when the report's edition is known.

    Attributes:
        kind: ``proactive``, ``applications``, ``reviews`` or ``national`` (the 2014–2018 national form).
        edition_evidence: The edition the table's own layout shows, or ``None`` when it shows none.
        at: Where the table starts.
        build: Builds the model table; takes the report's edition as the fallback when the layout shows none.
        rows_at: Filled by *build*: for each row id of the built table, where its label cell and each of its value
            cells start (what :attr:`~govdisclose.read.ReadResult.positions` gives for rows and cells).
    """

    kind: str
    edition_evidence: Edition | None
    at: Position
    build: Callable[[Edition | None], Block]
    rows_at: dict[str, RowAt] = attrs.field(factory=dict)


RowAt = tuple[Position, tuple[Position, ...]]
"""Where a table row's label starts, and where each of its value cells starts."""


def _row_at(segment: Segment, label: Position, count: int) -> RowAt:
    return label, tuple(cell.at for cell, _ in segment.values[:count])


def _say_left_out(notes: Notes, segment: Segment, what: str, expected: int) -> None:
    count = len(segment.values)
    why = "empty cells dropped?"
    if count < expected and any(len(cell.text) >= expected - count + 1 for cell, _ in segment.values):
        why = "empty cells dropped, or cells run together?"  # ``规范性文件 | 898989``: one cell for three
    notes.uncertain(
        f"table {what}: {count} values for {expected} columns ({why}); row left out, table incomplete",
        segment.at,
        " ".join(cell.text for cell in segment.labels[-1:]) + " " + " ".join(c.text for c, _ in segment.values),
    )


# ---- table 二 ------------------------------------------------------------------------------------------------------


def _item_of(label_key: str) -> str | None:
    match = ITEM.fullmatch(label_key)
    return match.group(1) if match else None


def _proactive(segments: list[Segment], notes: Notes, at: Position, leftover: list[Cell]) -> TableDraft:
    evidence_2021 = evidence_2019 = 0
    blocks: list[tuple[str | None, list[Cell], Segment]] = []
    item: str | None = None
    columns: list[Cell] = []
    for segment in segments:
        row_cell = row_label(segment)
        for cell in segment.labels[: segment.labels.index(row_cell)] if row_cell is not None else ():
            label_key = cell.key
            found = _item_of(label_key)
            if found is not None:
                item, columns = found, []
            elif label_key.startswith("第二十条"):
                item, columns = None, []
                notes.uncertain("table 二: block header not recognised (truncated?)", cell.at, cell.text)
            elif label_key != HEADING:
                columns.append(cell)
                if label_key in ONLY_2021 or any(c.startswith(label_key) for c in ONLY_2021 if len(label_key) >= 3):
                    evidence_2021 += 1
                elif label_key in ONLY_2019 or any(c.startswith(label_key) for c in ONLY_2019 if len(label_key) >= 3):
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

    rows_at: dict[str, RowAt] = {}

    def build(edition: Edition | None) -> OfficialTable:
        rows_at.clear()
        chosen = evidence or edition or Edition.E2021
        definition = PROACTIVE_2019 if chosen is Edition.E2019 else PROACTIVE_2021
        cls: type[OfficialTable] = ProactiveTable2019 if chosen is Edition.E2019 else ProactiveTable2021
        rows: dict[str, TableRow] = {}
        local_rows: list[tuple[str | None, TableRow]] = []  # local rows after the official row they follow
        local = 0
        previous: str | None = None
        for block_item, block_columns, segment in blocks:
            block = next((b for b in definition.blocks if _item_of(key(b.header)) == block_item), None)
            row_cell = row_label(segment, notes)
            if block is None or row_cell is None:
                notes.uncertain("table 二: values outside a known block; left out", segment.at)
                continue
            official = {key(row.label): row.id for row in block.rows}
            row_id = match_label(_without_note(row_cell.key), official) or _deviation(row_cell.key, block.rows)
            if row_id is None:
                published = tuple(figure for _, figure in segment.values if figure.marker != "")
                if published and len(published) <= definition.width:
                    local += 1
                    local_rows.append((previous, TableRow(id=f"local-{local}", values=published, label=row_cell.text)))
                    rows_at[f"local-{local}"] = (row_cell.at, ())
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
            wrong = [c for c in block_columns if not fits(c.key, official_columns)]
            if wrong:
                notes.uncertain(
                    f"table 二 {block.header}: column {wrong[0].text!r} is not a column of this block in the "
                    f"{chosen.value} format; row {row_def.label!r} left out",
                    wrong[0].at,
                    wrong[0].text,
                )
                continue
            figures = figures_for(segment, len(row_def.columns))
            if figures is None:
                _say_left_out(notes, segment, f"二 row {row_def.label!r}", len(row_def.columns))
                continue
            clash = _unit_clash(segment, row_def, chosen)
            if clash is not None:
                notes.uncertain(f"table 二 row {row_def.label!r}: {clash}; row left out", row_cell.at, row_cell.text)
                continue
            label = row_cell.text if key(row_cell.text) != key(row_def.label) else None
            if label is not None:
                notes.recognised(f"table 二: {row_cell.text!r} read as {row_def.label!r} (a local label)", row_cell.at)
            rows[row_id] = TableRow(id=row_id, values=figures, label=label)
            rows_at[row_id] = _row_at(segment, row_cell.at, len(figures))
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

    return TableDraft(kind="proactive", edition_evidence=evidence, at=at, build=build, rows_at=rows_at)


def _procurement_unit(blocks: list[tuple[str | None, list[Cell], Segment]]) -> MoneyUnit | None:
    """The unit of the procurement amount: from the cell's ``data-unit``, or named in the column heading."""
    for item, columns, segment in blocks:
        if item == "九":
            for cell, _ in segment.values:
                unit = unit_of(cell)
                if unit in _MONEY:
                    return MoneyUnit(unit)
            for cell in columns:
                if "万元" in cell.text:
                    return MoneyUnit.WAN_YUAN
                if "元" in cell.text:
                    return MoneyUnit.YUAN
    return None


_MONEY: Final = frozenset(unit.value for unit in MoneyUnit)
_FEES_2021: Final = MoneyUnit.WAN_YUAN.value  # 本年收费金额（单位：万元）


def _unit_clash(segment: Segment, row: RowDef, edition: Edition) -> str | None:
    """Why a unit printed inside the row's cells contradicts its columns (money in a count, 元 under 万元), or ``None``.

    A counting word (``3件``) says what the column says already; an amount's 元 or 万元 is kept as the procurement
    unit of a 2019 table. The 2021 fee column is in 万元 by its heading: an amount in 元 there would need rescaling.
    """
    cells = [cell for cell, _ in segment.values]
    while len(cells) > len(row.columns) and not cells[0].text.strip():  # label columns left empty before the values
        cells = cells[1:]
    for cell, column in zip(cells, row.columns, strict=False):
        unit = unit_of(cell)
        if unit is None or cell.unit is not None:
            continue
        amount = column.kind == "amount"
        if unit in _MONEY and not amount:
            return f"{cell.text!r} is money in a column of counts"
        if unit not in _MONEY and amount:
            return f"{cell.text!r} is a count in a column of money"
        if unit in _MONEY and edition is Edition.E2021 and unit != _FEES_2021:
            return f"{cell.text!r} is in {unit}, the column in {_FEES_2021}"
    return None


def _without_note(label_key: str) -> str:
    """A label without a note in brackets after it: ``规章(设区的市……应提供相关数据)`` → ``规章``."""
    position = label_key.find("(", 2)
    return label_key[:position] if position > 0 else label_key


def _deviation(label_key: str, rows: tuple[RowDef, ...]) -> str | None:
    row_id = ROW_DEVIATIONS.get(label_key)
    return row_id if row_id is not None and any(row.id == row_id for row in rows) else None


def _say_incomplete(notes: Notes, table: OfficialTable, name: str, at: Position) -> None:
    if table.complete:
        notes.recognised(f"table {name}: {type(table).__name__}, complete", at)
    else:
        present = len(table.rows)
        total = len(table.DEFINITION.rows)
        notes.uncertain(f"table {name}: {type(table).__name__} incomplete ({present} of {total} rows read)", at)


# ---- table 三 ------------------------------------------------------------------------------------------------------


def _unique_grouped() -> dict[str, str]:
    """The labels of the rows of table 三 in groups that name one row across all groups (``1.属于国家秘密``)."""
    seen: dict[str, set[str]] = {}
    for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows):
        if len(row.path) == 2:
            seen.setdefault(key(row.label), set()).add(row.id)
    return {label: ids.pop() for label, ids in seen.items() if len(ids) == 1}


_UNIQUE_GROUPED: Final = _unique_grouped()
_GROUP_OF: Final = {
    row.id: key(row.path[1]) for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows) if len(row.path) == 2
}


def _applications(segments: list[Segment], notes: Notes, at: Position, leftover: list[Cell]) -> TableDraft:
    rows_2021 = {key(row.label): row.id for row in APPLICATIONS_2021.rows if not row.path or len(row.path) == 1}
    grouped: dict[str, dict[str, str]] = {}
    for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows):
        if len(row.path) == 2:
            grouped.setdefault(key(row.path[1]), {})[key(row.label)] = row.id
    top = {**rows_2021, key("（六）其他处理"): "result.other"}
    read: dict[str, tuple[tuple[Figure, ...], str | None]] = {}
    rows_at: dict[str, RowAt] = {}
    evidence: Edition | None = None
    group: str | None = None
    for segment in segments:
        for cell in segment.labels[:-1]:
            if cell.key in APP_COLUMN_DEVIATIONS:
                notes.recognised(f"table 三: column {cell.text!r} read as 科研机构 (a local label)", cell.at)
            group_label = APP_GROUPS.get(cell.key) or (
                match_label(cell.key, dict(APP_GROUPS)) if cell.key not in APP_COLUMNS else None
            )
            if group_label is not None and group_label.startswith("（"):
                group = key(group_label)
            # 三、本年度办理结果 opens no group of its own: printed down a merged cell in PDF text, it lands between
            # the rows of a group, which go on after it
        if not segment.labels:
            notes.uncertain("table 三: values without a row label; left out", segment.at)
            continue
        row_cell = row_label(segment, notes) or segment.labels[-1]
        row_id: str | None = None
        if group is not None and group in grouped:
            row_id = match_label(row_cell.key, grouped[group])
            if row_id is None:
                row_id = match_misprint(row_cell.key, grouped[group])
                if row_id is not None:
                    official = APPLICATION_LABELS[row_id]
                    notes.uncertain(
                        f"table 三: row {row_cell.text!r} read as {official!r} (its number, its characters in order)",
                        row_cell.at,
                        row_cell.text,
                    )
        if row_id is None:
            row_id = match_label(row_cell.key, top)
            if row_id is not None:
                group = None
        if row_id is None:  # its group not printed before it (a merged cell printed lower down): its own label
            row_id = match_label(row_cell.key, _UNIQUE_GROUPED)
            if row_id is not None:
                group = _GROUP_OF[row_id]  # the rows after it are in its group until another is named
                notes.uncertain(
                    f"table 三: row {row_cell.text!r} read by its label alone (group not seen)", row_cell.at
                )
        if row_id is None:
            notes.uncertain(f"table 三: row {row_cell.text!r} not recognised; left out", row_cell.at, row_cell.text)
            continue
        if row_id.startswith("result.other."):
            evidence = Edition.E2021
        elif row_id == "result.other":
            evidence = Edition.E2019
        figures = figures_for(segment, len(APPLICATIONS_2021.columns))
        if figures is None:
            _say_left_out(notes, segment, f"三 row {row_cell.text!r}", len(APPLICATIONS_2021.columns))
            continue
        label = row_cell.text if row_cell.key != key(APPLICATION_LABELS[row_id]) else None
        read[row_id] = (figures, label)
        rows_at[row_id] = _row_at(segment, row_cell.at, len(figures))
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

    return TableDraft(kind="applications", edition_evidence=evidence, at=at, build=build, rows_at=rows_at)


# ---- table 四 ------------------------------------------------------------------------------------------------------


def _reviews(segments: list[Segment], notes: Notes, at: Position, leftover: list[Cell]) -> TableDraft:
    width = len(REVIEWS_LITIGATION.columns)
    figures: tuple[Figure, ...] | None = None
    rows_at: dict[str, RowAt] = {}
    for segment in segments:
        found = figures_for(segment, width)
        if found is None or figures is not None:
            _say_left_out(notes, segment, "四", width)
            continue
        figures = found
        rows_at["cases"] = _row_at(segment, segment.at, width)
    if leftover and figures is None:
        notes.uncertain("table 四 ends in headings without values (truncated?)", leftover[0].at, leftover[0].text)

    def build(edition: Edition | None) -> OfficialTable:
        rows = (TableRow(id="cases", values=figures),) if figures is not None else ()
        table = ReviewsTable(rows=rows)
        _say_incomplete(notes, table, "四", at)
        return table

    return TableDraft(kind="reviews", edition_evidence=None, at=at, build=build, rows_at=rows_at)


# ---- which table -------------------------------------------------------------------------------------------------


_APPLICATION_STARTS: Final = label_keys(("申请人情况", "自然人", "一、本年新收政府信息公开申请数量"))
_REVIEW_STARTS: Final = label_keys(("行政复议", "行政诉讼"))
_CORNER_START: Final = key("（本列数据的勾稽关系")


def kind_of(cell: Cell) -> str | None:
    label_key = cell.key
    if label_key.startswith("第二十条"):
        return "proactive"
    if label_key in _APPLICATION_STARTS or label_key.startswith(_CORNER_START):
        return "applications"
    if label_key in _REVIEW_STARTS:
        return "reviews"
    return None


_READERS: Final = {"proactive": _proactive, "applications": _applications, "reviews": _reviews}


def drafts_of(segments: list[Segment], leftover: list[Cell], notes: Notes) -> list[TableDraft]:
    """Split the segments into tables where a table's first label appears, and read each."""
    tables: list[tuple[str, list[Segment]]] = []
    for segment in segments:
        kind = next((k for k in (kind_of(cell) for cell in segment.labels) if k is not None), None)
        if kind is not None and (not tables or tables[-1][0] != kind):
            tables.append((kind, [segment]))
        elif tables:
            tables[-1][1].append(segment)
        else:
            notes.uncertain("table values before any table heading; left out", segment.at)
    if not tables and leftover:
        kind = next((k for k in (kind_of(cell) for cell in leftover) if k is not None), None)
        if kind is not None:
            tables.append((kind, []))
    drafts = []
    for index, (kind, members) in enumerate(tables):
        rest = leftover if index == len(tables) - 1 else []
        at = members[0].labels[0].at if members and members[0].labels else (rest[0].at if rest else Position(0, 0))
        drafts.append(_READERS[kind](members, notes, at, rest))
    return drafts
