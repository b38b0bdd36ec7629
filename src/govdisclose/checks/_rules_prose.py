"""Rules on running text against the tables: a figure the text states must be the one the table holds.

The most common published error is a figure in the text that the table contradicts (``收到申请71件`` over a table 三
whose 新收 is 70). :mod:`._prose` says what a figure of the text names; this module reads the table cells that hold it
(one or more *readings*: ``收到申请N件`` may count the applications carried over or not) and reports a figure that
fits none of them. Approximate figures are bounds, amounts allow the rounding of their last printed digit, and blank
cells are never taken for 0.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from ..model import (
    Amount,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Edition,
    EnumeratedPoints,
    NumberedItems,
    Paragraph,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    ReviewsTable,
    Section,
    Statistic,
    StatisticsTable,
    part_name,
)
from ._catalog import Rule
from ._context import CheckContext, shared
from ._findings import Finding, Operand
from ._numbers import Interval, bounded, compare, describe, quantity_interval, total
from ._paths import join_path
from ._prose import Statement, meaning, statements
from ._rules_tables import _Cell, _tables, _unique

__all__ = ["RULES", "prose_statements"]

_TEXT_BLOCKS = (Paragraph, EnumeratedPoints, NumberedItems, Statistic)


_TOPICS = (Part.APPLICATIONS, Part.REVIEWS_LITIGATION)
"""Parts whose name tells :func:`meaning` what a figure under them is about, when the heading does not say it."""


def _topic(section: Section | None, edition: Edition) -> str:
    if section is None:
        return ""
    return section.heading + (part_name(section.part, edition) if section.part in _TOPICS else "")


def _build_statements(ctx: CheckContext) -> tuple[tuple[Statement, str | None], ...]:
    return tuple(
        (statement, meaning(statement, ctx.report.year, topic=_topic(site.section, ctx.report.edition)))
        for site in ctx.blocks(*_TEXT_BLOCKS)
        for statement in statements(site.path, site.block)
    )


def prose_statements(ctx: CheckContext) -> tuple[tuple[Statement, str | None], ...]:
    """Every count and amount of the report's running text with what it names, worked out once per check."""
    return shared(ctx, _build_statements)


@attrs.frozen
class _Reading:
    """One way a table holds a figure: the sum of some cells, in 件 or (``money``) in 万元."""

    name: str
    cells: tuple[_Cell, ...]
    money: bool = False

    @property
    def assessable(self) -> bool:
        return all(cell.figure.is_number for cell in self.cells)

    @property
    def interval(self) -> Interval:
        result = total([cell.interval for cell in self.cells])
        if not self.money:
            return result
        factor = Decimal(10_000)
        return Interval(
            None if result.lo is None else result.lo * factor, None if result.hi is None else result.hi * factor
        )

    def words(self) -> str:
        values = "+".join(cell.figure.text for cell in self.cells)
        return f"{self.name}{values}{'万元' if self.money else '件'}"


_TOTAL = "total"
_APPLICATION_READINGS = {
    "new": (("new",), ("new", "carried-over")),
    "carried-over": (("carried-over",),),
    "handled": (("result.total",),),
    "carry-forward": (("carry-forward",),),
}
_ROW_NAMES = {
    "new": "一、本年新收",
    "carried-over": "二、上年结转",
    "result.total": "（七）总计",
    "carry-forward": "四、结转下年度继续办理",
}
_REVIEW_READINGS = {
    "reviews": (("review.total",),),
    "litigation": (
        ("litigation.direct.total", "litigation.after-review.total"),
        ("litigation.direct.total",),
        ("litigation.after-review.total",),
    ),
}
_REVIEW_NAMES = {
    "review.total": "行政复议总计",
    "litigation.direct.total": "未经复议直接起诉总计",
    "litigation.after-review.total": "复议后起诉总计",
}
_NATIONAL_FORM = {
    "new": ("applications.received",),
    "handled": ("applications.closed", "applications.answered"),
    "reviews": ("reviews",),
    "litigation": ("litigation",),
    "issued:normative-documents": ("proactive.items.normative-issued",),
    "interpretations": ("responses.channels.interpretations",),
    "information-fees": ("fees",),
}
_PROACTIVE_COLUMNS_2021 = {"issued": "issued", "repealed": "repealed", "in-force": "in-force"}
_PROACTIVE_COLUMNS_2019 = {"issued": "made"}
_DOCUMENT_ROWS = {"rules": "规章", "normative-documents": "规范性文件"}


def _readings(ctx: CheckContext, named: str) -> list[_Reading]:
    readings: list[_Reading] = []
    for grid in _tables(ctx, ApplicationsTable2021, ApplicationsTable2019)[:1]:
        for rows in _APPLICATION_READINGS.get(named, ()):
            cells = tuple(grid.cell(row, _TOTAL) for row in rows if grid.published(row))
            if len(cells) == len(rows):
                readings.append(_Reading("表三" + "加".join(f"“{_ROW_NAMES[row]}”" for row in rows), cells))
    for grid in _tables(ctx, ReviewsTable)[:1]:
        if grid.published("cases"):
            for columns in _REVIEW_READINGS.get(named, ()):
                cells = tuple(grid.cell("cases", column) for column in columns)
                readings.append(_Reading("表四" + "加".join(f"“{_REVIEW_NAMES[c]}”" for c in columns), cells))
    kind, _, row = named.partition(":")
    if row in _DOCUMENT_ROWS:
        for grid in _tables(ctx, ProactiveTable2021, ProactiveTable2019)[:1]:
            by_kind = _PROACTIVE_COLUMNS_2021 if isinstance(grid.table, ProactiveTable2021) else _PROACTIVE_COLUMNS_2019
            if kind in by_kind and grid.published(row):
                cell = grid.cell(row, by_kind[kind])
                readings.append(_Reading(f"表二“{cell.label}”", (cell,)))
    if named == "administrative-fees":
        for grid in _tables(ctx, ProactiveTable2021)[:1]:
            if grid.published("administrative-fees"):
                cell = grid.cell("administrative-fees", "fees")
                readings.append(_Reading("表二“行政事业性收费/本年收费金额”", (cell,), money=True))
    for site in ctx.blocks(StatisticsTable):
        table = site.block
        assert isinstance(table, StatisticsTable)
        for row_id in _NATIONAL_FORM.get(named, ()):
            index = next((i for i, r in enumerate(table.rows) if r.id == row_id and r.values), None)
            if index is None:
                continue
            stat_row = table.rows[index]
            cell = _Cell(
                path=join_path(site.path, "rows", index, "values", 0),
                figure=stat_row.values[0],
                label=f"{stat_row.label}/{table.columns[0] if table.columns else 1}",
                kind="amount" if stat_row.unit == "万元" else "count",
            )
            readings.append(_Reading(f"统计表“{stat_row.label}”", (cell,), money=stat_row.unit == "万元"))
    return readings


def _stated(statement: Statement) -> Interval:
    """What the figure of the text allows; an amount in 元, give or take half a unit of its last printed digit."""
    quantity = statement.quantity
    if not isinstance(quantity, Amount):
        return quantity_interval(quantity)
    exponent = min(int(quantity.value.as_tuple().exponent), 0)
    half = Decimal(5).scaleb(exponent - 1) * quantity.unit.factor
    exact = bounded(quantity.yuan, quantity.bound)
    return Interval(None if exact.lo is None else exact.lo - half, None if exact.hi is None else exact.hi + half)


def _operand(statement: Statement) -> Operand:
    quantity = statement.quantity
    value = quantity.value if isinstance(quantity, Amount) else Decimal(quantity.value)
    return Operand(path=statement.path, text=quantity.text, value=value, label=quantity.label)


def _unit(statement: Statement) -> str:
    return "元" if isinstance(statement.quantity, Amount) else "件"


def _prose_tables(ctx: CheckContext) -> Iterator[Finding]:
    for statement, named in prose_statements(ctx):
        if named is None:
            continue
        readings = _readings(ctx, named)
        if not readings:
            continue
        ctx.assessing(statement.path)
        assessable = [reading for reading in readings if reading.assessable]
        blank = [cell for reading in readings if not reading.assessable for cell in reading.cells]
        if not assessable:
            ctx.could_not_assess("表格中对应的单元格为空白或标记", statement.path, *(cell.path for cell in blank))
            continue
        stated = _stated(statement)
        gaps = [compare(stated, reading.interval) for reading in assessable]
        if any(gap is None for gap in gaps):
            continue
        first = gaps[0]
        assert first is not None
        unit = _unit(statement)
        alternatives = "、".join(reading.words() for reading in assessable)
        both = "均" if len(assessable) > 1 else ""
        message = (
            f"正文“{statement.clause}”与{alternatives}{both}不符（{first.words(unit)}）"
            if unit == "件"
            else f"正文“{statement.clause}”（{describe(stated, '元')}）与{alternatives}{both}不符"
        )
        cells = [cell for reading in assessable for cell in reading.cells]
        yield ctx.finding(
            message,
            paths=_unique([statement.path, *(cell.path for cell in cells)]),
            operands=(_operand(statement), *{cell.path: cell.operand() for cell in cells}.values()),
            expected=first.expected,
            actual=first.actual,
            difference=first.difference,
            expected_bound=first.bound,
        )


RULES: Sequence[Rule] = (
    Rule(
        id="prose.tables",
        title="正文数字与统计表",
        description=(
            "A figure of the running text that names a table figure — applications received (with or without those "
            "carried over), carried over, handled, carried forward, 行政复议 and 行政诉讼 totals, 规章 / 规范性文件 "
            "issued, repealed and in force, 政策解读, fees — must be the figure the table holds. Only a figure that "
            "fits none of the readings is reported, with the paths of both the text and the cells; approximate "
            "figures are bounds, amounts allow the rounding of their last printed digit, blank cells are not 0."
        ),
        severity="warning",
        scope="running text and tables 二、三、四 (or the 2014–2018 statistics form)",
        check=_prose_tables,
    ),
)
"""The rules on running text against the tables, in catalog order."""
