"""The official statistics tables of the 2019 and 2021 formats, and the generic statistics table of earlier reports.

Tables are body blocks: they sit in the section they belong to (二、三、四 of the national formats; the 附表 of a
pre-2019 report). Each official table class stores the cells *as published*, one :class:`TableRow` per row id of its
definition (:mod:`govdisclose.model._tabledefs`); group subtotals such as all of （三）不予公开 are derived by the
checks, never stored.

>>> t = ApplicationsTable2021.zeros()
>>> t.get("result.total", "total")
Figure(value=Decimal('0'), marker=None, qualifier=<Qualifier.EXACT: ''>)
>>> len(t.rows), t.complete
(25, True)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, TypeVar

import attrs

from .._errors import ModelError
from ._blocks import Block
from ._cells import CellKey, Key, UnknownLabelError, find_column, find_row
from ._checks import not_blank, typed_fields
from ._figures import Figure, FigureLike, figures
from ._inline import MoneyUnit
from ._tabledefs import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    ColumnDef,
    RowDef,
    TableDef,
)

__all__ = [
    "ApplicationsTable2019",
    "ApplicationsTable2021",
    "OfficialTable",
    "ProactiveTable2019",
    "ProactiveTable2021",
    "ReviewsTable",
    "StatRow",
    "StatisticsTable",
    "SumRelation",
    "TableRow",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class TableRow:
    """The published cells of one row.

    Attributes:
        id: The row id of the table's definition, or an id of the report's own for a local row.
        values: The cells, left to right (numbers, strings as printed, or ``None`` for unknown are accepted).
        label: The label as published, when it deviates from the official one (``规范性文件`` in a 2021 table), and
            always for a local row.
    """

    id: str = attrs.field(validator=not_blank)
    values: tuple[Figure, ...] = attrs.field(converter=figures)
    label: str | None = attrs.field(default=None, validator=not_blank)


_T = TypeVar("_T", bound="OfficialTable")


def _check_rows(instance: OfficialTable, attribute: attrs.Attribute[Any], rows: tuple[TableRow, ...]) -> None:
    definition = instance.DEFINITION
    order = {row.id: index for index, row in enumerate(definition.rows)}
    last = -1
    seen: set[str] = set()
    for index, row in enumerate(rows):
        if row.id in seen:
            raise ModelError(f"rows[{index}]: row {row.id!r} appears twice", field="rows", value=row.id)
        seen.add(row.id)
        position = order.get(row.id)
        if position is None:
            if row.label is None:
                raise ModelError(
                    f"rows[{index}]: {row.id!r} is not a row of {definition.id}; a local row needs its 'label'",
                    field="rows",
                    value=row.id,
                )
            if not row.values:
                raise ModelError(f"rows[{index}]: a local row needs at least one value", field="rows", value=row.id)
            continue
        if position < last:
            raise ModelError(f"rows[{index}]: row {row.id!r} is out of the official order", field="rows", value=row.id)
        last = position
        expected = len(definition.rows[position].columns)
        if len(row.values) != expected:
            raise ModelError(
                f"rows[{index}]: row {row.id!r} has {len(row.values)} values, the official row has {expected}",
                field="rows",
                value=row.id,
            )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class OfficialTable(Block):
    """Base of the official tables: published rows keyed by the row ids of a definition.

    Rows may be missing (a reader could not recover them: the table is then not :attr:`complete`), and a report may add
    local rows with their own labels; definition rows keep the official order.

    Attributes:
        rows: The published rows.
        note: Text printed with the table (a unit note, a footnote), if any.
    """

    DEFINITION: ClassVar[TableDef]

    rows: tuple[TableRow, ...] = attrs.field(validator=_check_rows)
    note: str | None = attrs.field(default=None, validator=not_blank)

    @classmethod
    def filled(cls, value: FigureLike, **fields: Any) -> Any:
        """A complete table with *value* in every cell (``0`` for a blank report ready to fill)."""
        rows = tuple(TableRow(id=row.id, values=(value,) * len(row.columns)) for row in cls.DEFINITION.rows)
        return cls(rows=rows, **fields)

    @classmethod
    def zeros(cls, **fields: Any) -> Any:
        """A complete table of zeros."""
        return cls.filled(0, **fields)

    @classmethod
    def from_values(cls, values: Mapping[str, Sequence[FigureLike]], **fields: Any) -> Any:
        """A table from ``{row_id: [cells…]}``, rows in the official order; rows not given are left out.

        Raises:
            ModelError: A row id is not in the definition (local rows need a label: build :class:`TableRow` s).
        """
        unknown = set(values) - {row.id for row in cls.DEFINITION.rows}
        if unknown:
            raise ModelError(f"not rows of {cls.DEFINITION.id}: {', '.join(sorted(unknown))}", field="rows")
        rows = tuple(TableRow(id=row.id, values=values[row.id]) for row in cls.DEFINITION.rows if row.id in values)
        return cls(rows=rows, **fields)

    def row(self, row_id: str) -> TableRow | None:
        """The published row *row_id*, or ``None``."""
        return next((row for row in self.rows if row.id == row_id), None)

    def _locate_row(self, row: Key) -> RowDef | TableRow:
        """The definition row, or the published local row, that *row* names."""
        definition = self.DEFINITION
        try:
            return find_row(definition.rows, row, table=definition.id)
        except UnknownLabelError:
            local = [
                r for r in self.rows if r.label is not None and row in (r.id, r.label) and r.id not in _ids(definition)
            ]
            if len(local) == 1:
                return local[0]
            raise

    def _locate(self, row: Key, column: Key | None) -> tuple[RowDef | TableRow, int]:
        """The row (a definition row, or a published local row) and the column index that a key names."""
        definition = self.DEFINITION
        only = definition.rows[0] if len(definition.rows) == 1 else None
        if only is not None and (column is None or not _names_row(only, row)):
            # A one-row table (table 四) is addressed by its columns alone: ("行政复议", "结果维持").
            key = row if column is None else (*_as_tuple(row), *_as_tuple(column))
            return only, only.columns.index(find_column(only.columns, key, table=definition.id))
        target = None if column is None else self._locate_row(row)
        if column is None or isinstance(target, TableRow):
            problem = (
                "give a row and a column" if column is None else "a local row has no column labels: use with_row()"
            )
            raise UnknownLabelError(
                f"{problem} ({definition.id}, row {row!r})",
                key=row if column is None else column,
                table=definition.id,
                axis="column",
                candidates=(),
            )
        assert target is not None
        return target, target.columns.index(find_column(target.columns, column, table=definition.id))

    def get(self, row: Key, column: Key | None = None) -> Figure:
        """The cell that *row* × *column* name; an unknown figure when the row was not published.

        *row* and *column* are ids, official labels (exact, or unique after folding width and punctuation, with or
        without their ordinals) or tuples of group labels (see :mod:`govdisclose.model._cells`). Table 四 has one
        row: its cells are addressed by column alone, e.g. ``("行政复议", "结果维持")``.

        Raises:
            UnknownLabelError: A key names no row or column, or several (a ``KeyError``; the message lists the
                nearest labels and ids).

        >>> t = ApplicationsTable2021.zeros().with_cells({("（一）予以公开", "自然人"): 12})
        >>> t.get("（一）予以公开", "自然人"), t["予以公开", "natural-person"].value
        (Figure(value=Decimal('12'), marker=None, qualifier=<Qualifier.EXACT: ''>), Decimal('12'))
        >>> ReviewsTable.zeros().with_cells({("行政复议", "结果纠正"): 2})["行政复议", "结果纠正"].value
        Decimal('2')
        """
        target, index = self._locate(row, column)
        published = target if isinstance(target, TableRow) else self.row(target.id)
        return published.values[index] if published is not None else Figure()

    def __getitem__(self, key: CellKey | Key) -> Figure:
        """``table[row, column]``; for table 四 also ``table["行政复议", "结果维持"]`` (see :meth:`get`)."""
        if isinstance(key, tuple) and len(key) == 2 and len(self.DEFINITION.rows) != 1:
            row, column = key
            return self.get(row, column)
        return self.get(_flatten(key))

    def with_cells(self: _T, cells: Mapping[CellKey, FigureLike]) -> _T:
        """A copy of the table with the given cells set: ``{(row, column): value, …}``.

        Keys are as for :meth:`get`; values as a :class:`TableRow` accepts them (numbers, strings as printed, ``None``
        for unknown). An official row that was not published is added in its place, its other cells unknown.

        >>> t = ApplicationsTable2021.from_values({"new": [1, 0, 0, 0, 0, 0, 1]})
        >>> t2 = t.with_cells({("二、上年结转政府信息公开申请数量", "总计"): 3})
        >>> [row.id for row in t2.rows], t2.get("carried-over", "total").value, t2.get("carried-over", "自然人")
        (['new', 'carried-over'], Decimal('3'), Figure(value=None, marker=None, qualifier=<Qualifier.EXACT: ''>))
        """
        changes: dict[str, dict[int, FigureLike]] = {}
        templates: dict[str, RowDef | TableRow] = {}
        for key, value in cells.items():
            if not (isinstance(key, tuple) and len(key) == 2):
                raise UnknownLabelError(
                    f"a cell key is (row, column) (got {key!r}) in {self.DEFINITION.id}",
                    key=str(key),
                    table=self.DEFINITION.id,
                    axis="row",
                    candidates=(),
                )
            target, index = self._locate(key[0], key[1])
            changes.setdefault(target.id, {})[index] = value
            templates[target.id] = target
        return self._with_rows(changes, templates)

    def with_row(self: _T, row: Key, values: Sequence[FigureLike] | Mapping[Key, FigureLike]) -> _T:
        """A copy of the table with one row's cells set: every value left to right, or ``{column: value}``.

        >>> t = ApplicationsTable2021.zeros().with_row("（一）予以公开", [5, 1, 0, 0, 0, 0, 6])
        >>> [f.value for f in t.row("result.disclosed").values][-1]
        Decimal('6')
        >>> ApplicationsTable2021.zeros().with_row("予以公开", [1, 2])
        Traceback (most recent call last):
        ...
        govdisclose._errors.ModelError: row 'result.disclosed' of applications-2021 has 7 cells, got 2 values
        """
        target = self._locate_row(row)
        if isinstance(values, Mapping):
            return self.with_cells({(row, column): value for column, value in values.items()})
        width = len(target.values) if isinstance(target, TableRow) else len(target.columns)
        if len(values) != width:
            raise ModelError(
                f"row {target.id!r} of {self.DEFINITION.id} has {width} cells, got {len(values)} values",
                field="rows",
                value=target.id,
            )
        return self._with_rows({target.id: dict(enumerate(values))}, {target.id: target})

    def _with_rows(
        self: _T, changes: Mapping[str, Mapping[int, FigureLike]], templates: Mapping[str, RowDef | TableRow]
    ) -> _T:
        order = {definition.id: position for position, definition in enumerate(self.DEFINITION.rows)}
        rows: list[TableRow] = []
        for published in self.rows:
            change = changes.get(published.id)
            if change:
                values: list[FigureLike] = list(published.values)
                for index, value in change.items():
                    values[index] = value
                published = attrs.evolve(published, values=values)
            rows.append(published)
        present = {published.id for published in rows}
        for row_id, change in changes.items():
            if row_id in present:
                continue
            template = templates[row_id]
            assert isinstance(template, RowDef)
            new_values: list[FigureLike] = [None] * len(template.columns)
            for index, value in change.items():
                new_values[index] = value
            new_row = TableRow(id=row_id, values=new_values)
            position = order[row_id]
            at = next((i for i, r in enumerate(rows) if order.get(r.id, -1) > position), len(rows))
            rows.insert(at, new_row)
        return attrs.evolve(self, rows=tuple(rows))

    def cells(self) -> Iterator[tuple[RowDef | None, ColumnDef | None, int, Figure]]:
        """Yield ``(row definition, column definition, row index, figure)`` for every published cell.

        Local rows have no definitions (``None``).
        """
        for index, row in enumerate(self.rows):
            try:
                definition_row: RowDef | None = self.DEFINITION.row(row.id)
            except KeyError:
                definition_row = None
            for position, figure in enumerate(row.values):
                column = definition_row.columns[position] if definition_row is not None else None
                yield definition_row, column, index, figure

    @property
    def complete(self) -> bool:
        """Whether every official row was published and every cell is known."""
        published = {row.id: row for row in self.rows}
        return all(
            row.id in published and all(figure.is_known for figure in published[row.id].values)
            for row in self.DEFINITION.rows
        )


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ProactiveTable2021(OfficialTable):
    """Table 二 of the 2021 format (规章、行政规范性文件、行政许可、行政处罚、行政强制、行政事业性收费).

    The fee cell is an amount in 万元 as written (``0.092``), never rescaled.
    """

    KIND: ClassVar[str] = "proactive-2021"
    DEFINITION: ClassVar[TableDef] = PROACTIVE_2021


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ProactiveTable2019(OfficialTable):
    """Table 二 of the 2019 format, with signed ``本年增/减`` cells and the （九）procurement block.

    Attributes:
        procurement_unit: The unit of ``采购总金额``, which the template leaves open: 元 or 万元 as the report used
            them, ``None`` when the report gives none.
    """

    KIND: ClassVar[str] = "proactive-2019"
    DEFINITION: ClassVar[TableDef] = PROACTIVE_2019

    procurement_unit: MoneyUnit | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ApplicationsTable2021(OfficialTable):
    """Table 三 of the 2021 format: 7 applicant columns × 25 rows, （六）其他处理 in three sub-rows."""

    KIND: ClassVar[str] = "applications-2021"
    DEFINITION: ClassVar[TableDef] = APPLICATIONS_2021


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ApplicationsTable2019(OfficialTable):
    """Table 三 of the 2019 format: （六）其他处理 is one row with values.

    Some 2021-edition reports still print this layout; keep it as published (checks report the mixture).
    """

    KIND: ClassVar[str] = "applications-2019"
    DEFINITION: ClassVar[TableDef] = APPLICATIONS_2019


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReviewsTable(OfficialTable):
    """Table 四 (both formats): administrative review and litigation outcomes, fifteen cells in one row."""

    KIND: ClassVar[str] = "reviews-litigation"
    DEFINITION: ClassVar[TableDef] = REVIEWS_LITIGATION


def _ids(definition: TableDef) -> frozenset[str]:
    return frozenset(row.id for row in definition.rows)


def _as_tuple(key: Key) -> tuple[str, ...]:
    return (key,) if isinstance(key, str) else key


def _flatten(key: CellKey | Key) -> Key:
    if isinstance(key, str):
        return key
    return tuple(part for piece in key for part in _as_tuple(piece))


def _names_row(row: RowDef, key: Key) -> bool:
    return key == row.id or (bool(row.label) and key == row.label)


# ---- the generic statistics table of reports before 2019 ------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class StatRow:
    """A row of a generic statistics table.

    Attributes:
        id: A stable id, unique within the table (relations refer to it).
        label: The row's label as published (``（一）收到申请数``).
        values: One figure per value column.
        code: The row code some local forms print (``01``).
        unit: The unit column (``条``, ``件``, ``——`` for group rows).
        level: Nesting depth for display (0 = top).
    """

    id: str = attrs.field(validator=not_blank)
    label: str
    values: tuple[Figure, ...] = attrs.field(converter=figures, default=())
    code: str | None = attrs.field(default=None, validator=not_blank)
    unit: str | None = attrs.field(default=None, validator=not_blank)
    level: int = attrs.field(default=0, validator=attrs.validators.ge(0))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class SumRelation:
    """A declared sum: the *total* row equals the sum of the *parts* rows, in every value column.

    Attributes:
        total: The id of the total row.
        parts: The ids of the part rows.
        overlapping: Whether an item may be counted in several parts (``不同渠道和方式公开相同信息计1条``): then the
            parts may sum to more than the total, and only a shortfall is suspicious.
        reconstructed: Whether the relation is inferred rather than printed in the form.
    """

    total: str = attrs.field(validator=not_blank)
    parts: tuple[str, ...]
    overlapping: bool = False
    reconstructed: bool = False


def _check_statistics(instance: StatisticsTable, attribute: attrs.Attribute[Any], rows: tuple[StatRow, ...]) -> None:
    seen: set[str] = set()
    for index, row in enumerate(rows):
        if row.id in seen:
            raise ModelError(f"rows[{index}]: row id {row.id!r} appears twice", field="rows", value=row.id)
        seen.add(row.id)
        if row.values and len(row.values) != len(instance.columns):
            raise ModelError(
                f"rows[{index}]: {len(row.values)} values for {len(instance.columns)} value columns",
                field="rows",
                value=row.id,
            )
    for index, relation in enumerate(instance.relations):
        for ref in (relation.total, *relation.parts):
            if ref not in seen:
                raise ModelError(f"relations[{index}] refers to row {ref!r}, which the table lacks", field="relations")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class StatisticsTable(Block):
    """A statistics table of free rows: the 2014–2018 national form, or the local forms of earlier years.

    Rows without values are group rows (``一、主动公开情况  ——``).

    Attributes:
        caption: The table's title (``政府信息公开情况统计表``).
        label_heading: Heading of the label column (``统计指标``, ``指标名称``).
        unit_heading: Heading of the unit column, or ``None`` when the table has none.
        code_heading: Heading of the code column (``代码``), or ``None``.
        columns: Headings of the value columns (``统计数``; ``本年度``, ``历年累计``).
        rows: The rows, top to bottom.
        relations: Declared sums between rows.
        template: The id of the form the table follows (``national-2014``), if any.
    """

    KIND: ClassVar[str] = "statistics-table"

    caption: str | None = attrs.field(default=None, validator=not_blank)
    label_heading: str = "统计指标"
    unit_heading: str | None = "单位"
    code_heading: str | None = None
    columns: tuple[str, ...] = ("统计数",)
    rows: tuple[StatRow, ...] = attrs.field(default=(), validator=_check_statistics)
    relations: tuple[SumRelation, ...] = ()
    template: str | None = attrs.field(default=None, validator=not_blank)

    def row(self, row_id: str) -> StatRow | None:
        """The row *row_id*, or ``None``."""
        return next((row for row in self.rows if row.id == row_id), None)
