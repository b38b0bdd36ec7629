"""Rules on the statistics tables: the sums R1–R6 of the national formats, cell values, completeness, editions.

How cells that are not plain numbers take part (see ``docs/checks.md``):

- a relation whose total (its result cell) is blank, a marker or unknown is *not assessable*: the rule says so in one
  info per table, naming the cells, and never counts the total as 0;
- a blank addend and the "none" markers (``/``, ``—``, ``无`` …: ``NIL_MARKERS``) count as 0 beside a filled total
  under the lenient blank policy (the default), except when every addend is blank while the total is above 0, or the
  blank addend is itself a total whose own parts are above 0 (a subtotal left blank): then the relation is not
  assessable. Under the strict policy any blank or marker makes the relation not assessable;
  ``table.blank-cells`` lists the blanks once per table (info);
- any other marker, and an unknown cell, is "some number ≥ 0" (any number in a signed column): a sum that involves it
  is flagged only when it is wrong whatever that number is; ``table.cell-value`` / ``table.incomplete`` report them;
- an approximate figure (``12余``) is a bound, never a point.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

import attrs

from ..model import (
    ApplicationsTable2019,
    ApplicationsTable2021,
    ColumnDef,
    Edition,
    Figure,
    GridDef,
    OfficialTable,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    ReviewsTable,
    RowDef,
    StatisticsTable,
    SumRelation,
)
from ._catalog import Rule
from ._context import CheckContext, shared
from ._coverage import BlankPolicy
from ._findings import Finding, Operand
from ._numbers import (
    NIL_MARKERS,
    Gap,
    Interval,
    compare,
    describe,
    figure_interval,
    figure_point,
    figure_text,
    is_nil,
    total,
)
from ._paths import BlockSite, join_path

__all__ = ["RULES"]

_APPLICATIONS = (ApplicationsTable2021, ApplicationsTable2019)
_PROACTIVE = (ProactiveTable2021, ProactiveTable2019)
_OFFICIAL: tuple[type[OfficialTable], ...] = (*_PROACTIVE, *_APPLICATIONS, ReviewsTable)
_UNIT = "件"


def _table_name(table: object) -> str:
    if isinstance(table, _PROACTIVE):
        return "表二"
    if isinstance(table, _APPLICATIONS):
        return "表三"
    if isinstance(table, ReviewsTable):
        return "表四"
    if isinstance(table, StatisticsTable):
        return f"统计表“{table.caption}”" if table.caption else "统计表"
    return "表格"


_TRAILING_NOTE = re.compile(r"（[^（）]*）\Z")


def _row_name(row: RowDef | None, row_id: str) -> str:
    if row is None:
        return row_id
    label = _TRAILING_NOTE.sub("", row.label) if row.label.startswith("（") else row.label
    if len(row.path) >= 2:
        return row.path[-1] + label
    return label


@attrs.frozen(kw_only=True)
class _Cell:
    """One cell of an official table, found by row and column id."""

    path: str
    figure: Figure
    label: str
    kind: str

    @property
    def interval(self) -> Interval:
        return figure_interval(self.figure, "signed" if self.kind == "signed" else "count")

    def operand(self, *, previous: bool = False) -> Operand:
        return Operand(
            path=self.path, text=self.figure.text, value=self.figure.value, label=self.label, previous=previous
        )


_CellAt = tuple[str, str]
"""A cell of an official table by row id and column id."""


@attrs.frozen
class _Table:
    """An official table and its path, with cells by row and column id.

    Attributes:
        path: The table's document path.
        table: The table.
        rows: The index of each published row, by row id.
        points: The cells that stand for one exact number (:func:`figure_point`), by row and column id.
    """

    path: str
    table: OfficialTable
    rows: dict[str, int]
    points: dict[_CellAt, Decimal]
    _cells: dict[_CellAt, _Cell] = attrs.field(init=False, factory=dict, eq=False, repr=False)
    """The cells :meth:`cell` made, by row and column id (the table is shared by every rule of a check run)."""

    @classmethod
    def of(cls, site: BlockSite) -> _Table:
        table = site.block
        assert isinstance(table, OfficialTable)
        definitions = {row.id: row for row in table.DEFINITION.rows}
        rows: dict[str, int] = {}
        points: dict[_CellAt, Decimal] = {}
        for index, row in enumerate(table.rows):
            rows.setdefault(row.id, index)
            definition = definitions.get(row.id)
            if definition is None:
                continue  # a local row: the sum rules do not read it
            for column, figure in zip(definition.columns, row.values, strict=True):
                point = figure_point(figure)
                if point is not None:
                    points[row.id, column.id] = point
        return cls(site.path, table, rows, points)

    def published(self, row_id: str) -> bool:
        """Whether the row *row_id* was published."""
        return row_id in self.rows

    def point(self, at: _CellAt) -> Decimal | None:
        """The number the cell *at* stands for, when it is one exact number, else ``None``."""
        return self.points.get(at)

    def exact_sum(self, cells: Iterable[_CellAt]) -> Decimal | None:
        """The sum of *cells* when each stands for one exact number, else ``None``.

        With :meth:`point` this settles the common case of a sum rule, every cell a number, without intervals or
        paths; the rule falls back on :meth:`cell` and the intervals for anything else.
        """
        result = Decimal(0)
        for at in cells:
            point = self.points.get(at)
            if point is None:
                return None
            result += point
        return result

    def cell(self, row_id: str, column_id: str) -> _Cell:
        """The cell at *row_id*, *column_id* with its path, figure and label, made once per table."""
        made = self._cells.get((row_id, column_id))
        if made is None:
            made = self._cells[row_id, column_id] = self._make_cell(row_id, column_id)
        return made

    def _make_cell(self, row_id: str, column_id: str) -> _Cell:
        definition = self.table.DEFINITION.row(row_id)
        position = next(i for i, c in enumerate(definition.columns) if c.id == column_id)
        column = definition.columns[position]
        row_name = _row_name(definition, row_id) if definition.label else "/".join(column.path)  # table 四: no label
        label = f"{row_name}/{column.label}"
        index = self.rows.get(row_id)
        if index is None:
            return _Cell(path=self.path, figure=Figure(), label=label, kind=column.kind)  # the row was not published
        return _Cell(
            path=join_path(self.path, "rows", index, "values", position),
            figure=self.table.rows[index].values[position],
            label=label,
            kind=column.kind,
        )


def _certainly_equal(left: Decimal | None, right: Decimal | None) -> bool:
    """Whether two exact numbers (:meth:`_Table.point`, :meth:`_Table.exact_sum`) are known and equal: a rule holds."""
    return left is not None and left == right


def _build_tables(ctx: CheckContext) -> tuple[_Table, ...]:
    return tuple(_Table.of(site) for site in ctx.blocks(*_OFFICIAL))


def _build_previous_tables(ctx: CheckContext) -> tuple[_Table, ...]:
    return tuple(_Table.of(site) for site in ctx.previous_blocks(*_OFFICIAL))


def _part_path(ctx: CheckContext, part: Part) -> str:
    """The path of the first section of *part*, or ``$.sections``."""
    return next((path for path, _, section in ctx.sections() if section.part is part), "$.sections")


def _tables(ctx: CheckContext, *types: type[OfficialTable], previous: bool = False) -> list[_Table]:
    """The official tables of the given types (in last year's report with *previous*), indexed once per check.

    In the checked report, each table found is recorded as assessed by the running rule; when none is found and the
    caller's coverage says the table was not read, the rule records that it could not assess it.
    """
    tables = shared(ctx, _build_previous_tables if previous else _build_tables)
    found = [table for table in tables if isinstance(table.table, types)]
    if previous:
        return found
    ctx.assessing(*(table.path for table in found))
    if not found:
        for name, classes, part, _ in _EXPECTED_TABLES:
            if set(types) & set(classes):
                reason = ctx.not_read(part, table=True)
                if reason is not None:
                    ctx.could_not_assess(f"{name}未读取：{reason}", _part_path(ctx, part))
    return found


def _terms(cells: Sequence[_Cell]) -> str:
    return "+".join(figure_text(cell.figure) for cell in cells)


def _unique(paths: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(paths))


# ---- relations with blanks -----------------------------------------------------------------------------------------


def _shown(figure: Figure) -> str:
    """A cell that is not a number, as a message names it: ``空白``, ``未知``, ``“/”``."""
    if not figure.is_known:
        return "未知"
    if figure.is_blank:
        return "空白"
    return f"“{figure.text}”"


def _filled_above_zero(cell: _Cell) -> bool:
    low = cell.interval.lo
    return cell.figure.is_number and low is not None and low > 0


def _left_blank(relations: Iterable[tuple[_Cell, Sequence[_Cell]]]) -> frozenset[str]:
    """The paths of totals that are not numbers although some of their parts are above 0: subtotals left blank."""
    return frozenset(
        total_cell.path
        for total_cell, parts in relations
        if not total_cell.figure.is_number and any(_filled_above_zero(part) for part in parts)
    )


def _blocker(ctx: CheckContext, total_cell: _Cell, parts: Sequence[_Cell], left_blank: frozenset[str]) -> str | None:
    """Why the relation of *total_cell* to *parts* is not assessable, or ``None`` when it is.

    A total that is not a number never is; under the strict policy neither is a part that is not a number; under
    the lenient policy, parts all blank beside a total above 0, or a part that is a subtotal left blank.
    """
    if not total_cell.figure.is_number:
        return f"“{total_cell.label}”为{_shown(total_cell.figure)}"
    if ctx.blanks is BlankPolicy.STRICT:
        blank = next((cell for cell in parts if not cell.figure.is_number), None)
        if blank is not None:
            return f"“{blank.label}”为{_shown(blank.figure)}（严格口径）"
        return None
    if parts and all(is_nil(cell.figure) for cell in parts) and _filled_above_zero(total_cell):
        return f"分项均为空白，而“{total_cell.label}”为{total_cell.figure.text}"
    blank = next((cell for cell in parts if cell.path in left_blank), None)
    if blank is not None:
        return f"“{blank.label}”为{_shown(blank.figure)}，而它的分项之和不为0"
    return None


_Blocked = list[tuple[str, tuple[_Cell, ...]]]
"""Relations of one table that could not be assessed: the reason and the cells involved."""


def _not_assessable(ctx: CheckContext, name: str, blocked: _Blocked) -> Iterator[Finding]:
    """One *not assessable* info for the relations of one table that could not be assessed, naming their cells."""
    if not blocked:
        return
    first = blocked[0][0]
    more = f"等{len(blocked)}处" if len(blocked) > 1 else ""
    cells = [cell for _, involved in blocked for cell in involved]
    yield ctx.not_assessed(
        f"{name}：{first}{more}，“{ctx.rule.title}”无法核对（空白不按0计）",
        paths=_unique(cell.path for cell in cells),
        operands=tuple({cell.path: cell.operand() for cell in cells}.values()),
        reason=f"{name}有{len(blocked)}处总数为空白或标记，或分项未填",
    )


def _sum_gap(total_cell: _Cell, parts: Sequence[_Cell]) -> tuple[Interval, Gap | None]:
    expected = total([cell.interval for cell in parts])
    return expected, compare(total_cell.interval, expected)


def _sum_finding(
    ctx: CheckContext,
    where: str,
    total_cell: _Cell,
    parts: Sequence[_Cell],
    parts_name: str,
    total_name: str,
) -> Finding | None:
    """A finding when *total_cell* certainly differs from the sum of *parts* (an assessable relation)."""
    expected, gap = _sum_gap(total_cell, parts)
    if gap is None:
        return None
    message = (
        f"{where}：{parts_name}之和为{describe(expected, _UNIT)}（{_terms(parts)}），"
        f"{total_name}为{figure_text(total_cell.figure)}{_UNIT if total_cell.figure.is_number else ''}"
        f"（{gap.words(_UNIT)}）"
    )
    cells = (total_cell, *parts)
    return ctx.finding(
        message,
        paths=_unique(cell.path for cell in cells),
        operands=tuple(cell.operand() for cell in cells),
        expected=gap.expected,
        actual=gap.actual,
        difference=gap.difference,
        expected_bound=gap.bound,
    )


# ---- R1, R3, R4 (table 三), R5 (table 四) ----------------------------------------------------------------------------


def _applications(ctx: CheckContext) -> list[_Table]:
    return _tables(ctx, *_APPLICATIONS)


def _result_rows(definition: GridDef) -> list[RowDef]:
    return [row for row in definition.rows if row.id.startswith("result.") and row.id != "result.total"]


def _grid_relations(grid: _Table) -> list[tuple[_Cell, list[_Cell]]]:
    """Every sum relation of a table 三 or 四 as (total cell, part cells): R3 and R4, or R5."""
    definition = grid.table.DEFINITION
    assert isinstance(definition, GridDef)
    relations: list[tuple[_Cell, list[_Cell]]] = []
    if isinstance(grid.table, ReviewsTable):
        for row in definition.rows:
            if grid.published(row.id):
                for _, block_total, block_parts in _review_blocks(definition):
                    parts = [grid.cell(row.id, column.id) for column in block_parts]
                    relations.append((grid.cell(row.id, block_total.id), parts))
        return relations
    result_rows = _result_rows(definition)
    for column in definition.columns:
        parts = [grid.cell(row.id, column.id) for row in result_rows]
        relations.append((grid.cell("result.total", column.id), parts))
    total_column, part_columns = definition.columns[-1], definition.columns[:-1]
    for row in definition.rows:
        if grid.published(row.id):
            parts = [grid.cell(row.id, column.id) for column in part_columns]
            relations.append((grid.cell(row.id, total_column.id), parts))
    return relations


def _build_left_blank(ctx: CheckContext) -> dict[str, frozenset[str]]:
    tables = shared(ctx, _build_tables)
    return {
        grid.path: _left_blank(_grid_relations(grid))
        for grid in tables
        if isinstance(grid.table, (*_APPLICATIONS, ReviewsTable))
    }


def _subtotals_left_blank(ctx: CheckContext, grid: _Table) -> frozenset[str]:
    """The subtotals of *grid* left blank although their parts are above 0, worked out once per check."""
    return shared(ctx, _build_left_blank).get(grid.path, frozenset())


def _balance(ctx: CheckContext) -> Iterator[Finding]:
    for grid in _applications(ctx):
        definition = grid.table.DEFINITION
        assert isinstance(definition, GridDef)
        blocked: _Blocked = []
        for column in definition.columns:
            if _certainly_equal(
                grid.exact_sum([("new", column.id), ("carried-over", column.id)]),
                grid.exact_sum([("result.total", column.id), ("carry-forward", column.id)]),
            ):
                continue
            intake = [grid.cell("new", column.id), grid.cell("carried-over", column.id)]
            outcome = [grid.cell("result.total", column.id), grid.cell("carry-forward", column.id)]
            reason = _blocker(ctx, outcome[0], (*intake, outcome[1]), _subtotals_left_blank(ctx, grid))
            if reason is not None:
                blocked.append((f"“{column.label}”列{reason}", (*intake, *outcome)))
                continue
            left, right = total([c.interval for c in intake]), total([c.interval for c in outcome])
            gap = compare(left, right)
            if gap is None:
                continue
            message = (
                f"表三“{column.label}”列：第一项加第二项之和为{describe(left, _UNIT)}（{_terms(intake)}），"
                f"第三项（七）总计加第四项之和为{describe(right, _UNIT)}（{_terms(outcome)}），两者不等"
                f"（{gap.words(_UNIT)}）"
            )
            cells = (*intake, *outcome)
            yield ctx.finding(
                message,
                paths=_unique(c.path for c in cells),
                operands=tuple(c.operand() for c in cells),
                expected=gap.expected,
                actual=gap.actual,
                difference=gap.difference,
                expected_bound=gap.bound,
            )
        yield from _not_assessable(ctx, "表三", blocked)


def _results_total(ctx: CheckContext) -> Iterator[Finding]:
    for grid in _applications(ctx):
        definition = grid.table.DEFINITION
        assert isinstance(definition, GridDef)
        total_label = definition.row("result.total").label
        result_rows = _result_rows(definition)
        blocked: _Blocked = []
        for column in definition.columns:
            parts_at = [(row.id, column.id) for row in result_rows]
            if _certainly_equal(grid.point(("result.total", column.id)), grid.exact_sum(parts_at)):
                continue
            total_cell, parts = grid.cell("result.total", column.id), [grid.cell(*at) for at in parts_at]
            reason = _blocker(ctx, total_cell, parts, _subtotals_left_blank(ctx, grid))
            if reason is not None:
                blocked.append((reason, (total_cell,)))
                continue
            finding = _sum_finding(
                ctx, f"表三“{column.label}”列", total_cell, parts, "办理结果各项", f"“{total_label}”"
            )
            if finding is not None:
                yield finding
        yield from _not_assessable(ctx, "表三", blocked)


def _applicant_total(ctx: CheckContext) -> Iterator[Finding]:
    for grid in _applications(ctx):
        definition = grid.table.DEFINITION
        assert isinstance(definition, GridDef)
        total_column, part_columns = definition.columns[-1], definition.columns[:-1]
        blocked: _Blocked = []
        for row in definition.rows:
            if not grid.published(row.id):
                continue  # a missing row is table.incomplete's business
            parts_at = [(row.id, column.id) for column in part_columns]
            if _certainly_equal(grid.point((row.id, total_column.id)), grid.exact_sum(parts_at)):
                continue
            total_cell, parts = grid.cell(row.id, total_column.id), [grid.cell(*at) for at in parts_at]
            reason = _blocker(ctx, total_cell, parts, _subtotals_left_blank(ctx, grid))
            if reason is not None:
                blocked.append((reason, (total_cell,)))
                continue
            finding = _sum_finding(
                ctx,
                f"表三“{_row_name(row, row.id)}”行",
                total_cell,
                parts,
                f"{len(parts)}类申请人",
                f"“{total_column.label}”",
            )
            if finding is not None:
                yield finding
        yield from _not_assessable(ctx, "表三", blocked)


def _review_blocks(definition: GridDef) -> list[tuple[str, ColumnDef, list[ColumnDef]]]:
    blocks: dict[tuple[str, ...], list[ColumnDef]] = {}
    for column in definition.columns:
        blocks.setdefault(column.path, []).append(column)
    result = []
    for path, columns in blocks.items():
        name = path[0] + (f"（{'、'.join(path[1:])}）" if len(path) > 1 else "")
        result.append((name, columns[-1], columns[:-1]))
    return result


def _review_totals(ctx: CheckContext) -> Iterator[Finding]:
    for grid in _tables(ctx, ReviewsTable):
        definition = grid.table.DEFINITION
        assert isinstance(definition, GridDef)
        review_blocks = _review_blocks(definition)
        blocked: _Blocked = []
        for row in definition.rows:
            if not grid.published(row.id):
                continue
            for name, total_column, part_columns in review_blocks:
                parts_at = [(row.id, column.id) for column in part_columns]
                if _certainly_equal(grid.point((row.id, total_column.id)), grid.exact_sum(parts_at)):
                    continue
                total_cell, parts = grid.cell(row.id, total_column.id), [grid.cell(*at) for at in parts_at]
                reason = _blocker(ctx, total_cell, parts, _subtotals_left_blank(ctx, grid))
                if reason is not None:
                    blocked.append((reason, (total_cell,)))
                    continue
                finding = _sum_finding(
                    ctx,
                    f"表四“{name}”",
                    total_cell,
                    parts,
                    "、".join(column.label for column in part_columns),
                    f"“{total_column.label}”",
                )
                if finding is not None:
                    yield finding
        yield from _not_assessable(ctx, "表四", blocked)


# ---- across years --------------------------------------------------------------------------------------------------


def _carry_over(ctx: CheckContext) -> Iterator[Finding]:
    current, previous = _applications(ctx), _tables(ctx, *_APPLICATIONS, previous=True)
    if not current or not previous or ctx.previous is None:
        return
    this, last = current[0], previous[0]
    carried_label = this.table.DEFINITION.row("carried-over").label
    forward_label = last.table.DEFINITION.row("carry-forward").label
    blocked: _Blocked = []
    for column in this.table.DEFINITION.rows[0].columns:
        carried, forward = this.cell("carried-over", column.id), last.cell("carry-forward", column.id)
        # both are stated figures, not sums: neither may be taken for 0 when it is blank
        reason = _blocker(ctx, carried, (forward,), frozenset())
        if reason is None and not forward.figure.is_number:
            reason = f"{ctx.previous.year}年报告“{forward.label}”为{_shown(forward.figure)}"
        if reason is not None:
            blocked.append((f"“{column.label}”列{reason}", (carried,)))
            continue
        gap = compare(carried.interval, forward.interval)
        if gap is None:
            continue
        message = (
            f"表三“{column.label}”列：本年“{carried_label}”为{describe(carried.interval, _UNIT)}，"
            f"{ctx.previous.year}年报告“{forward_label}”为{describe(forward.interval, _UNIT)}（{gap.words(_UNIT)}）"
        )
        yield ctx.finding(
            message,
            paths=(carried.path,),
            operands=(carried.operand(), forward.operand(previous=True)),
            expected=gap.expected,
            actual=gap.actual,
            difference=gap.difference,
            expected_bound=gap.bound,
        )
    yield from _not_assessable(ctx, "表三", blocked)


def _in_force(ctx: CheckContext) -> Iterator[Finding]:
    current = _tables(ctx, ProactiveTable2021)
    previous = _tables(ctx, ProactiveTable2021, previous=True)
    if not current or not previous or ctx.previous is None:
        return
    this, last = current[0], previous[0]
    blocked: _Blocked = []
    for row_id in ("rules", "normative-documents"):
        if this.table.row(row_id) is None:
            continue
        label = _row_name(this.table.DEFINITION.row(row_id), row_id)
        before = last.cell(row_id, "in-force")
        issued, repealed = this.cell(row_id, "issued"), this.cell(row_id, "repealed")
        now = this.cell(row_id, "in-force")
        reason = _blocker(ctx, now, (before, issued, repealed), frozenset())
        if reason is None and not before.figure.is_number:
            reason = f"{ctx.previous.year}年报告“{before.label}”为{_shown(before.figure)}"
        if reason is not None:
            blocked.append((reason, (now,)))
            continue
        expected = before.interval + issued.interval - repealed.interval
        gap = compare(now.interval, expected)
        if gap is None:
            continue
        message = (
            f"表二“{label}”：{ctx.previous.year}年现行有效{figure_text(before.figure)}件+本年制发"
            f"{figure_text(issued.figure)}件−本年废止{figure_text(repealed.figure)}件={describe(expected, _UNIT)}，"
            f"本年现行有效为{figure_text(now.figure)}件（{gap.words(_UNIT)}）"
        )
        yield ctx.finding(
            message,
            paths=(now.path, issued.path, repealed.path),
            operands=(now.operand(), before.operand(previous=True), issued.operand(), repealed.operand()),
            expected=gap.expected,
            actual=gap.actual,
            difference=gap.difference,
            expected_bound=gap.bound,
        )
    yield from _not_assessable(ctx, "表二", blocked)


# ---- cells, completeness, editions ---------------------------------------------------------------------------------


@attrs.frozen
class _AnyCell:
    path: str
    figure: Figure
    label: str
    kind: str
    whole: bool


@attrs.frozen
class _TableCells:
    """A table's cells in reading order (official and statistics tables), for the per-cell rules.

    Cell *i* holds ``figures[i]``, is of column kind ``kinds[i]`` and must be a whole number when ``whole[i]``; its path
    and label are worked out by :meth:`cell`, for the cells a finding names.
    """

    path: str
    table: OfficialTable | StatisticsTable
    figures: tuple[Figure, ...]
    kinds: tuple[str, ...]
    whole: tuple[bool, ...]
    places: tuple[tuple[int, int], ...]
    """The row index and position of each cell."""

    @classmethod
    def of(cls, site: BlockSite) -> _TableCells:
        table = site.block
        assert isinstance(table, (OfficialTable, StatisticsTable))
        figures: list[Figure] = []
        kinds: list[str] = []
        whole: list[bool] = []
        places: list[tuple[int, int]] = []
        if isinstance(table, OfficialTable):
            definitions = {row.id: row for row in table.DEFINITION.rows}
            for index, row in enumerate(table.rows):
                row_def = definitions.get(row.id)
                for position, figure in enumerate(row.values):
                    kind = row_def.columns[position].kind if row_def is not None else "count"  # local rows: counts
                    figures.append(figure)
                    kinds.append(kind)
                    whole.append(kind != "amount")
                    places.append((index, position))
        else:
            for index, stat_row in enumerate(table.rows):
                whole_row = stat_row.unit is not None and stat_row.unit != "——" and "元" not in stat_row.unit
                for position, figure in enumerate(stat_row.values):
                    figures.append(figure)
                    kinds.append("count")
                    whole.append(whole_row)
                    places.append((index, position))
        return cls(site.path, table, tuple(figures), tuple(kinds), tuple(whole), tuple(places))

    def cell(self, i: int) -> _AnyCell:
        """Cell *i* with its path and label."""
        index, position = self.places[i]
        path = join_path(self.path, "rows", index, "values", position)
        table = self.table
        if isinstance(table, OfficialTable):
            row = table.rows[index]
            try:
                row_def: RowDef | None = table.DEFINITION.row(row.id)
            except KeyError:
                row_def = None  # a local row, labelled by the report
            column = row_def.columns[position] if row_def is not None else None
            name = row.label or _row_name(row_def, row.id)
            label = f"{name}/{column.label if column is not None else position + 1}"
        else:
            stat_row = table.rows[index]
            column_name = table.columns[position] if position < len(table.columns) else str(position + 1)
            label = f"{stat_row.label}/{column_name}"
        return _AnyCell(path, self.figures[i], label, self.kinds[i], self.whole[i])


def _build_table_cells(ctx: CheckContext) -> tuple[_TableCells, ...]:
    return tuple(_TableCells.of(site) for site in ctx.blocks(*_OFFICIAL, StatisticsTable))


def _all_cells(ctx: CheckContext) -> tuple[_TableCells, ...]:
    """Every table with its cells (official and statistics tables), indexed once per check."""
    return shared(ctx, _build_table_cells)


def _cell_value(ctx: CheckContext) -> Iterator[Finding]:
    for cells in _all_cells(ctx):
        name = _table_name(cells.table)
        markers: dict[str, list[int]] = {}
        for i, figure in enumerate(cells.figures):
            value = figure.value
            if value is None:
                if figure.marker is not None and figure.marker.strip() not in NIL_MARKERS:
                    markers.setdefault(figure.marker, []).append(i)
                continue
            problem = None
            if value < 0 and cells.kinds[i] != "signed":
                problem = "不能为负数"
            elif cells.whole[i] and value != value.to_integral_value():
                problem = "应为整数"
            if problem is not None:
                cell = cells.cell(i)
                yield ctx.finding(
                    f"{name}“{cell.label}”为{cell.figure.text}，{problem}",
                    paths=(cell.path,),
                    operands=(Operand(path=cell.path, text=cell.figure.text, value=value, label=cell.label),),
                    actual=value,
                )
        for marker, places in markers.items():
            marked = [cells.cell(i) for i in places]
            yield ctx.finding(
                f"{name}有{len(marked)}个单元格填写“{marker}”而不是数字（{marked[0].label}等），"
                "涉及这些单元格的求和只能部分核对",
                paths=tuple(cell.path for cell in marked),
                operands=tuple(Operand(path=c.path, text=c.figure.text, label=c.label) for c in marked),
            )


def _blank_cells(ctx: CheckContext) -> Iterator[Finding]:
    how = (
        "凡涉及这些单元格的核对均不进行（严格口径）"
        if ctx.blanks is BlankPolicy.STRICT
        else "作为分项时按0计，作为总数时相应核对不进行"
    )
    for cells in _all_cells(ctx):
        places = [i for i, figure in enumerate(cells.figures) if is_nil(figure)]
        if not places:
            continue
        nil = [cells.cell(i) for i in places]
        shown = "、".join(dict.fromkeys("空白" if c.figure.is_blank else f"“{c.figure.marker}”" for c in nil))
        yield ctx.finding(
            f"{_table_name(cells.table)}有{len(nil)}个单元格为{shown}（{nil[0].label}等），{how}",
            paths=tuple(cell.path for cell in nil),
            operands=tuple(Operand(path=c.path, text=c.figure.text, label=c.label) for c in nil),
        )


def _incomplete(ctx: CheckContext) -> Iterator[Finding]:
    for cells in _all_cells(ctx):
        path, table = cells.path, cells.table
        problems = []
        if isinstance(table, OfficialTable):
            published = {row.id for row in table.rows}
            missing = [row for row in table.DEFINITION.rows if row.id not in published]
            if missing:
                names = "、".join(_row_name(row, row.id) for row in missing[:3]) + ("等" if len(missing) > 3 else "")
                problems.append(f"缺少{len(missing)}行（{names}）")
        unknown = [cells.cell(i) for i, figure in enumerate(cells.figures) if not figure.is_known]
        if unknown:
            problems.append(f"{len(unknown)}个单元格内容未知（{unknown[0].label}等）")
        if not problems:
            continue
        name = _table_name(table)
        part = next((part for _, classes, part, _ in _EXPECTED_TABLES if isinstance(table, classes)), None)
        reason = ctx.not_read(part, table=True) if part is not None else None
        if reason is not None:  # the reader did not read all of it: what it lacks may be in the source
            yield ctx.not_assessed(
                f"{name}{'，'.join(problems)}，但原文未完整读取（{reason}），未核对表格是否完整",
                paths=(path, *(cell.path for cell in unknown)),
                reason=f"{name}未完整读取：{reason}",
            )
            continue
        yield ctx.finding(
            f"{name}不完整：{'，'.join(problems)}；涉及的核对只能部分进行",
            paths=(path, *(cell.path for cell in unknown)),
            operands=tuple(Operand(path=c.path, text="", label=c.label) for c in unknown),
        )


_EXPECTED_TABLES: tuple[tuple[str, tuple[type[OfficialTable], ...], Part, str], ...] = (
    ("表二", _PROACTIVE, Part.PROACTIVE, ProactiveTable2021.DEFINITION.title),
    ("表三", _APPLICATIONS, Part.APPLICATIONS, ApplicationsTable2021.DEFINITION.title),
    ("表四", (ReviewsTable,), Part.REVIEWS_LITIGATION, ReviewsTable.DEFINITION.title),
)


def _missing(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.report.edition is Edition.PRE_2019:
        return
    for name, classes, part, title in _EXPECTED_TABLES:
        where = _part_path(ctx, part)
        if ctx.blocks(*classes):
            ctx.assessing(where)
            continue
        reason = ctx.not_read(part, table=True)
        if reason is not None:
            yield ctx.not_assessed(
                f"{name}（{title}）未读取（{reason}），未核对是否缺少", paths=(where,), reason=f"{name}未读取：{reason}"
            )
            continue
        ctx.assessing(where)
        yield ctx.finding(f"{ctx.report.edition.value}年版报告缺少{name}（{title}）", paths=(where,))


def _edition_mixture(ctx: CheckContext) -> Iterator[Finding]:
    edition = ctx.report.edition
    for site in ctx.blocks(*_OFFICIAL):
        table = site.block
        if isinstance(table, ReviewsTable):
            if edition is Edition.PRE_2019:
                yield ctx.finding("2019年以前的报告中出现了2019年后统一格式的表四", paths=(site.path,))
            continue
        layout = Edition.E2021 if isinstance(table, (ApplicationsTable2021, ProactiveTable2021)) else Edition.E2019
        if layout is edition:
            continue
        detail = "（六）其他处理为一行" if isinstance(table, ApplicationsTable2019) else ""
        detail = "（六）其他处理分为三行" if isinstance(table, ApplicationsTable2021) else detail
        yield ctx.finding(
            f"{edition.value}年版报告中的{_table_name(table)}采用{layout.value}年版格式"
            + (f"（{detail}）" if detail else ""),
            paths=(site.path,),
        )


# ---- generic statistics tables -------------------------------------------------------------------------------------


def _statistics_relations(path: str, table: StatisticsTable) -> Iterator[tuple[SumRelation, list[list[_Cell]]]]:
    """Each declared relation of a statistics table with its cells per value column (the total's first)."""
    index = {row.id: i for i, row in enumerate(table.rows)}
    for relation in table.relations:
        rows = [table.rows[index[row_id]] for row_id in (relation.total, *relation.parts)]
        if any(not row.values for row in rows):
            continue  # a group row has no values to add
        yield (
            relation,
            [
                [
                    _Cell(
                        path=join_path(path, "rows", index[row.id], "values", position),
                        figure=row.values[position],
                        label=f"{row.label}/{column}",
                        kind="count",
                    )
                    for row in rows
                ]
                for position, column in enumerate(table.columns)
            ],
        )


def _statistics_sum(ctx: CheckContext) -> Iterator[Finding]:
    for site in ctx.blocks(StatisticsTable):
        table = site.block
        assert isinstance(table, StatisticsTable)
        ctx.assessing(site.path)
        relations = list(_statistics_relations(site.path, table))
        left_blank = _left_blank((columns[0], columns[1:]) for _, per_column in relations for columns in per_column)
        blocked: _Blocked = []
        for relation, per_column in relations:
            for column, cells in zip(table.columns, per_column, strict=True):
                total_cell, parts = cells[0], cells[1:]
                reason = _blocker(ctx, total_cell, parts, left_blank)
                if reason is not None:
                    blocked.append((reason, (total_cell,)))
                    continue
                expected = total([cell.interval for cell in parts])
                gap = compare(total_cell.interval, expected, shortfall_only=relation.overlapping)
                if gap is None:
                    continue
                total_label = total_cell.label.rsplit("/", 1)[0]
                unit = next((row.unit for row in table.rows if row.id == relation.total), None) or ""
                unit = "" if unit == "——" else unit
                note = "（分项可重复计数，但之和少于总数）" if relation.overlapping else ""
                note += "（此勾稽关系为推定）" if relation.reconstructed else ""
                message = (
                    f"{_table_name(table)}“{column}”列：“{total_label}”的{len(parts)}个分项之和为"
                    f"{describe(expected, unit)}（{_terms(parts)}），总数为{figure_text(total_cell.figure)}"
                    f"{unit if total_cell.figure.is_number else ''}（{gap.words(unit)}）{note}"
                )
                yield ctx.finding(
                    message,
                    paths=tuple(cell.path for cell in cells),
                    operands=tuple(cell.operand() for cell in cells),
                    expected=gap.expected,
                    actual=gap.actual,
                    difference=gap.difference,
                    expected_bound=gap.bound,
                )
        yield from _not_assessable(ctx, _table_name(table), blocked)


RULES = (
    Rule(
        id="applications.balance",
        title="申请情况表收支平衡",
        description=(
            "Table 三, every value column (R1): 一、new applications + 二、carried over from last year must equal "
            "三（七）the total of results + 四、carried forward to next year."
        ),
        severity="error",
        scope="table 三, per value column",
        check=_balance,
    ),
    Rule(
        id="applications.results-total",
        title="办理结果总计",
        description=(
            "Table 三, every value column (R3): （七）总计 must equal the sum of the result rows （一）（二）, "
            "（三）1–8, （四）1–3, （五）1–5 and （六） (one row in the 2019 layout, three in 2021)."
        ),
        severity="error",
        scope="table 三, per value column",
        check=_results_total,
    ),
    Rule(
        id="applications.applicant-total",
        title="申请人合计",
        description=(
            "Table 三, every row (R4): the 总计 column must equal the sum of the six applicant columns "
            "(自然人 and the five kinds of 法人或其他组织)."
        ),
        severity="error",
        scope="table 三, per row",
        check=_applicant_total,
    ),
    Rule(
        id="reviews.totals",
        title="复议诉讼总计",
        description=(
            "Table 四, each of the three blocks (R5): 总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结."
        ),
        severity="error",
        scope="table 四, per block",
        check=_review_totals,
    ),
    Rule(
        id="applications.carry-over",
        title="上年结转衔接",
        description=(
            "Across years, every value column (R6): this year's 二、上年结转 must equal last year's "
            "四、结转下年度继续办理. Needs last year's report with its table 三."
        ),
        severity="error",
        scope="across years, table 三 per value column",
        check=_carry_over,
        needs_previous=True,
    ),
    Rule(
        id="proactive.in-force",
        title="现行有效件数衔接",
        description=(
            "Across years, table 二 (2021 layout), rows 规章 and 行政规范性文件: last year's 现行有效 + this year's "
            "制发 − 废止 should give this year's 现行有效. Only plausible (documents repealed may predate the "
            "count), hence a warning."
        ),
        severity="warning",
        scope="across years, table 二 per row",
        check=_in_force,
        needs_previous=True,
    ),
    Rule(
        id="table.cell-value",
        title="单元格数值异常",
        description=(
            "A cell of a count column holds a negative or fractional number, an amount is negative, or a cell holds "
            "a marker other than blank, '/', a dash or 无 (one finding per table and marker)."
        ),
        severity="warning",
        scope="table cell",
        check=_cell_value,
    ),
    Rule(
        id="table.blank-cells",
        title="空白单元格按0计",
        description=(
            "Blank cells and 'none' markers ('/', dashes, 无) are counted as 0 by the sum rules; one finding per "
            "table lists them."
        ),
        severity="info",
        scope="table",
        check=_blank_cells,
    ),
    Rule(
        id="table.incomplete",
        title="表格不完整",
        description=(
            "An official table lacks rows of its definition, or a table has cells whose content is unknown "
            "(a reader could not place them); sums involving them are checked only as far as possible."
        ),
        severity="warning",
        scope="table",
        check=_incomplete,
    ),
    Rule(
        id="table.missing",
        title="缺少统计表",
        description="A report of the 2019 or 2021 edition lacks one of the three official tables (二、三、四).",
        severity="warning",
        scope="report",
        check=_missing,
    ),
    Rule(
        id="table.edition-mixture",
        title="表格版本混用",
        description=(
            "An official table in the layout of another edition: a 2019-layout table 二 or 三 (one-row （六）) in a "
            "2021-edition report, a 2021 layout in a 2019-edition report, or any national table before 2019."
        ),
        severity="warning",
        scope="table",
        check=_edition_mixture,
    ),
    Rule(
        id="statistics.sum",
        title="统计表勾稽关系",
        description=(
            "A generic statistics table (such as the 2014–2018 national form): each declared sum relation, per value "
            "column. Overlapping relations (channels, '计1条') only flag parts that fall short of the total."
        ),
        severity="error",
        scope="statistics table, per relation and value column",
        check=_statistics_sum,
    ),
)
"""The table rules, in catalog order."""
