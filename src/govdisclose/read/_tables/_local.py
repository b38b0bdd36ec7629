r"""Local statistics forms of reports before 2019: ``指标名称 | 计量单位 | [代码] | 2011年度 | 历年累计``.

Before the national form of 2014 (and beside it) provinces and cities printed their own tables (the "Shanghai family"
of the spec's ``pre-2019.md`` §4.2): a label column, a unit column, sometimes a code column, then one or more value
columns (``2011年度`` / ``历年累计``, ``本期实际`` / ``本年累计``). They have no fixed list of rows, so a row is read
as published — label, unit, every value column — into a :class:`~govdisclose.model.StatisticsTable`. A row whose cells
do not fit the header (a value cell that is no figure, a unit cell that is no unit, too few or too many cells) is left
out with a diagnostic naming it, never guessed.

The nesting the labels print (``其中：1.网站公开``, ``2.政府公报公开``) gives each row its level and the sums the table
implies: a row with ``其中`` rows under it is their total. These relations are marked *reconstructed* (the form does
not print them); the parts of a 主动公开 total are channels and may overlap (a piece of information published on the
website and in the gazette counts once in the total), as in the national form.

>>> from govdisclose.read._diagnostics import Notes
>>> rows = [["指标名称", "计量单位", "2011年度", "历年累计"], ["主动公开信息数", "条", "425", "1516"],
...         ["其中：1.网站公开", "条", "418", "1509"], ["2.政府公报公开", "条", "7", "7"]]
>>> cells = [[Cell(text, Position(line, 1)) for text in row] for line, row in enumerate(rows, 1)]
>>> table = local_form(cells, Notes(), Position(1, 1)).build(None)
>>> [(row.label, row.unit, [f.text for f in row.values], row.level) for row in table.rows][1]
('其中：1.网站公开', '条', ['418', '1509'], 1)
>>> table.relations[0].total, table.relations[0].parts, table.relations[0].overlapping
('row-1', ('row-2', 'row-3'), True)
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ...model import Edition, Figure, StatisticsTable, StatRow, SumRelation
from .._diagnostics import Notes, Position
from .._normalise import key
from ._cells import CELL_UNITS, MARKERS, Cell, unit_of, value_of
from ._labels import label_keys
from ._official import TableDraft

LABEL_HEADINGS: Final = label_keys(("指标名称", "统计指标", "指标", "项目", "统计项目", "项目名称"))
UNIT_HEADINGS: Final = label_keys(("计量单位", "单位"))
CODE_HEADINGS: Final = label_keys(("代码", "序号"))
_UNITS: Final = frozenset(CELL_UNITS)
_GROUP_UNITS: Final = MARKERS | {""}
_SUB: Final = re.compile(r"其中[:：]?")
_ORDINAL: Final = re.compile(r"\A(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）])")
_PROACTIVE: Final = key("主动公开")


def is_header(cells: list[Cell]) -> bool:
    """Whether a row is the header of a local form: a label heading, a unit heading, maybe a code, value headings."""
    keys = [cell.key for cell in cells]
    if len(keys) < 3 or keys[0] not in LABEL_HEADINGS or keys[1] not in UNIT_HEADINGS:
        return False
    values = keys[3:] if keys[2] in CODE_HEADINGS else keys[2:]
    return bool(values) and all(values) and all(value_of(cell, True) is None for cell in cells[-len(values) :])


def _family(text: str) -> str:
    """The ordinal family a label starts with: ``1.`` → ``.``, ``（1）`` → ``()``; ``""`` without one."""
    match = _ORDINAL.match(text)
    if match is None:
        return ""
    return "()" if match.group().startswith(("（", "(")) else "."


class _Nesting:
    """The level of each row from its label: ``其中`` opens a level under the row before, an ordinal stays in it."""

    def __init__(self) -> None:
        self.families: list[str] = []  # the ordinal family of each open level below 0

    def level(self, label: str) -> int:
        text = label.strip()
        sub = _SUB.match(text)
        if sub is not None:
            self.families.append(_family(text[sub.end() :]))
            return len(self.families)
        family = _family(text)
        if family and family in self.families:
            depth = len(self.families) - self.families[::-1].index(family)
            del self.families[depth:]
            return depth
        self.families = []
        return 0


def _relations(rows: list[StatRow]) -> tuple[SumRelation, ...]:
    """The sums the nesting implies: each row with rows one level below it directly after it is their total."""
    relations = []
    for index, row in enumerate(rows):
        parts = []
        for below in rows[index + 1 :]:
            if below.level <= row.level:
                break
            if below.level == row.level + 1:
                parts.append(below.id)
        if parts and row.values:
            overlapping = key(row.label).startswith(_PROACTIVE)
            relations.append(SumRelation(total=row.id, parts=tuple(parts), overlapping=overlapping, reconstructed=True))
    return tuple(relations)


def local_form(rows: list[list[Cell]], notes: Notes, at: Position) -> TableDraft | None:
    """A local statistics form from rows of cells (the header first), or ``None`` when the header is not one."""
    if len(rows) < 2 or not is_header(rows[0]):
        return None
    header = rows[0]
    code = header[2].key in CODE_HEADINGS
    first_value = 3 if code else 2
    columns = tuple(cell.text.strip() for cell in header[first_value:])
    width = len(header)
    read: list[StatRow] = []
    nesting = _Nesting()
    left_out = 0
    for number, row in enumerate(rows[1:], 1):
        if not any(cell.text.strip() for cell in row):
            continue
        problem, stat = _row(row, number, width, first_value, code)
        if stat is None:
            left_out += 1
            notes.uncertain(f"statistics table: row {row[0].text!r} {problem}; left out, not guessed", row[0].at)
            continue
        read.append(attrs.evolve(stat, level=nesting.level(stat.label)))
    if not read:
        return None
    if len({row.id for row in read}) != len(read):  # printed codes that repeat: the rows' numbers are the ids
        read = [attrs.evolve(row, id=f"row-{number}") for number, row in enumerate(read, 1)]
    table = StatisticsTable(
        label_heading=header[0].text.strip(),
        unit_heading=header[1].text.strip(),
        code_heading=header[2].text.strip() if code else None,
        columns=columns,
        rows=tuple(read),
        relations=_relations(read),
    )
    shape = " | ".join(cell.text.strip() for cell in header)
    if left_out:
        notes.uncertain(f"a local statistics form ({shape}): {len(read)} rows read, {left_out} left out", at)
    else:
        notes.recognised(f"a local statistics form ({shape}): {len(read)} rows", at)

    def build(edition: Edition | None) -> StatisticsTable:
        return table

    return TableDraft(kind="statistics", edition_evidence=None, at=at, build=build)


def _row(row: list[Cell], number: int, width: int, first_value: int, code: bool) -> tuple[str, StatRow | None]:
    """A row of the form, or why it is not one."""
    if len(row) != width:
        return f"has {len(row)} cells for {width} columns", None
    label = row[0].text.strip()
    if not label or value_of(row[0], False) is not None:
        return "has no label", None
    unit = row[1].text.strip()
    if unit not in _UNITS and unit not in _GROUP_UNITS:
        return f"has {unit!r} in the unit column", None
    values: list[Figure] = []
    for cell in row[first_value:]:
        figure = value_of(cell, True)
        if figure is None:
            return f"has {cell.text.strip()!r} in a value column", None
        printed = unit_of(cell)
        if printed is not None and unit and printed != unit:
            return f"has {cell.text.strip()!r} under the unit {unit}", None
        unit = unit or printed or ""
        values.append(figure)
    row_code = row[2].text.strip() if code else ""
    # a group row prints a label and no unit (``——`` or nothing); a row with a unit and empty cells is a blank row
    group = unit in _GROUP_UNITS and all(figure.marker in _GROUP_UNITS for figure in values)
    stat = StatRow(
        id=row_code or f"row-{number}",
        label=label,
        values=() if group else tuple(values),
        code=row_code or None,
        unit=unit or None,
    )
    return "", stat
