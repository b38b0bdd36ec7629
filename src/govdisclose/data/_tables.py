"""The data tables of many reports, each a lazy :class:`Rows` to iterate or to turn into Arrow, pandas or polars.

:func:`figures`, :func:`quantities`, :func:`findings`, :func:`reports_table` and :func:`key_figures` take reports
(or ``(source, report)`` pairs) and read them as their rows are read.

>>> from govdisclose import examples
>>> rows = figures([examples.load("sample-2021")])
>>> cell = next(r for r in rows if r.row_id == "result.disclosed" and r.column_id == "total")
>>> cell.table_id, cell.row_label, cell.column_label, cell.value, cell.state
('applications-2021', '（一）予以公开', '总计', Decimal('11'), 'number')
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

from ..checks import RuleCatalog, RuleSet, check
from ..model import KindRegistry, Report
from ._arrow import DataError, require, schema, to_batch
from ._keyfigures import KeyFiguresRow, key_figures_row
from ._rows import Column, FigureRow, FindingRow, QuantityRow, ReportRow, columns, row_values
from ._walk import ReportFacts, facts_of, figure_rows, figure_tuples, finding_rows, quantity_rows

__all__ = [
    "ReportInput",
    "Rows",
    "figures",
    "findings",
    "key_figures",
    "quantities",
    "reports_table",
]

R = TypeVar("R")

ReportInput = Report | tuple[str, Report]
"""A report, or ``(source, report)`` to fill the ``source`` column."""

BATCH_ROWS = 65_536
"""Rows per Arrow record batch."""


class Rows(Generic[R]):
    """A data table whose rows are made, report by report, as they are read.

    Iterate it for the row records (no extra needed), or convert it with :meth:`to_arrow` (extra ``arrow``),
    :meth:`to_pandas` or :meth:`to_polars`. Built on a one-shot iterator of reports, it can be read once; built on a
    list, as often as wanted.

    Attributes:
        name: The table's name (``figures``).
        columns: Its columns, in order, with their descriptions.
    """

    def __init__(
        self,
        name: str,
        row_type: type,
        produce: Callable[[], Iterator[R]],
        *,
        once: bool,
        produce_tuples: Callable[[], Iterator[tuple[Any, ...]]] | None = None,
    ) -> None:
        self.name = name
        self.row_type = row_type
        self.columns: tuple[Column, ...] = columns(row_type)
        self._produce = produce
        self._produce_tuples = produce_tuples
        self._once = once
        self._used = False

    def __repr__(self) -> str:
        return f"<Rows {self.name}: {', '.join(c.name for c in self.columns)}>"

    def _start(self) -> None:
        if self._once and self._used:
            raise DataError(f"the {self.name} rows of a one-shot iterator of reports were read already; pass a list")
        self._used = True

    def __iter__(self) -> Iterator[R]:
        self._start()
        return self._produce()

    def tuples(self) -> Iterator[tuple[Any, ...]]:
        """The rows as tuples in column order."""
        if self._produce_tuples is not None:  # made as tuples in the first place
            self._start()
            return self._produce_tuples()
        return (row_values(row) for row in self)

    def to_batches(self, size: int = BATCH_ROWS) -> Iterator[Any]:
        """Arrow record batches of at most *size* rows (extra ``arrow``)."""
        arrow_schema = schema(self.columns)
        tuples = self.tuples()
        while chunk := list(itertools.islice(tuples, size)):
            yield to_batch(self.columns, chunk, arrow_schema=arrow_schema)

    def to_arrow(self) -> Any:
        """A :class:`pyarrow.Table` (extra ``arrow``); decimals stay exact (``decimal128(38, 10)``)."""
        pa = require("pyarrow", "arrow", "Arrow tables")
        return pa.Table.from_batches(list(self.to_batches()), schema=schema(self.columns))

    def to_pandas(self, *, exact: bool = True) -> Any:
        """A pandas DataFrame through Arrow.

        Args:
            exact: Keep decimal columns as :class:`~decimal.Decimal` objects (``True``), or make them ``float64`` for
                plotting and fast arithmetic (``False``: counts stay exact, amounts become the nearest float).
        """
        require("pandas", "arrow", "DataFrames")
        return _floats(self.to_arrow(), exact).to_pandas()

    def to_polars(self, *, exact: bool = True) -> Any:
        """A polars DataFrame through Arrow (decimals as polars ``Decimal``, or ``Float64`` when not *exact*)."""
        polars = require("polars", "arrow", "polars DataFrames")
        return polars.from_arrow(_floats(self.to_arrow(), exact))


def _floats(table: Any, exact: bool) -> Any:
    """*table* with its decimal columns cast to float64 unless *exact*."""
    if exact:
        return table
    pa = require("pyarrow", "arrow", "Arrow tables")
    fields = [
        pa.field(f.name, pa.float64(), metadata=f.metadata) if pa.types.is_decimal(f.type) else f for f in table.schema
    ]
    return table.cast(pa.schema(fields))


def _sourced(item: ReportInput) -> tuple[str | None, Report]:
    if isinstance(item, Report):
        return None, item
    source, report = item
    return source, report


def _each(
    reports: Iterable[ReportInput], registry: KindRegistry | None, overrides: Mapping[str, str] | None
) -> Iterator[tuple[Report, ReportFacts]]:
    for item in reports:
        source, report = _sourced(item)
        yield report, facts_of(report, source=source, registry=registry, overrides=overrides)


def _rows(
    name: str,
    row_type: type,
    reports: Iterable[ReportInput] | Report,
    make: Callable[[Report, ReportFacts], Iterable[R]],
    registry: KindRegistry | None,
    overrides: Mapping[str, str] | None,
    make_tuples: Callable[[Report, ReportFacts], Iterable[tuple[Any, ...]]] | None = None,
) -> Rows[R]:
    source: Iterable[ReportInput] = [reports] if isinstance(reports, Report) else reports
    once = iter(source) is source

    def produce() -> Iterator[R]:
        for report, facts in _each(source, registry, overrides):
            yield from make(report, facts)

    def produce_tuples() -> Iterator[tuple[Any, ...]]:
        assert make_tuples is not None
        for report, facts in _each(source, registry, overrides):
            yield from make_tuples(report, facts)

    return Rows(name, row_type, produce, once=once, produce_tuples=produce_tuples if make_tuples else None)


def figures(
    reports: Iterable[ReportInput] | Report,
    *,
    registry: KindRegistry | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Rows[FigureRow]:
    """One row per cell of every statistics table of *reports* (see :class:`FigureRow` for the columns).

    Args:
        reports: Reports, or ``(source, report)`` pairs; read lazily.
        registry: The kind registry of plugin kinds in the reports (for the canonical JSON of the report id).
        overrides: Agency key overrides (see :func:`agency_key`).
    """
    return _rows("figures", FigureRow, reports, figure_rows, registry, overrides, figure_tuples)


def quantities(
    reports: Iterable[ReportInput] | Report,
    *,
    registry: KindRegistry | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Rows[QuantityRow]:
    """One row per quantity written in the running text of *reports*, with its context and path."""
    return _rows("quantities", QuantityRow, reports, quantity_rows, registry, overrides)


def findings(
    reports: Iterable[ReportInput] | Report,
    *,
    rules: RuleCatalog | RuleSet | None = None,
    registry: KindRegistry | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Rows[FindingRow]:
    """One row per finding of the checks (*rules*, default :data:`~govdisclose.checks.default_rules`) on *reports*."""
    return _rows(
        "findings",
        FindingRow,
        reports,
        lambda report, facts: finding_rows(check(report, rules=rules), facts),
        registry,
        overrides,
    )


def reports_table(
    reports: Iterable[ReportInput] | Report,
    *,
    registry: KindRegistry | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Rows[ReportRow]:
    """One row per report: id, source, agency and its key, region, level, year, edition, title."""
    return _rows("reports", ReportRow, reports, lambda report, facts: (facts.row,), registry, overrides)


def key_figures(
    reports: Iterable[ReportInput] | Report,
    *,
    registry: KindRegistry | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Rows[KeyFiguresRow]:
    """One wide row per report: the cells of :data:`KEY_FIGURES` and the :data:`METRICS`, one column each."""
    return _rows(
        "key_figures",
        KeyFiguresRow,
        reports,
        lambda report, facts: (key_figures_row(report, facts),),
        registry,
        overrides,
    )
