"""The key figures: one wide row per report, the standard cells and the metrics as columns.

The columns are listed once, in :data:`KEY_FIGURES` (cells) and :data:`~govdisclose.data.METRICS` (ratios); an empty
indicator says why in the row's ``not_computable`` column. Published cells are exact; the metrics, derived values, are
rounded half-even to 10 decimal places to fit the decimal columns (``Metric.compute`` gives 28 significant digits).

>>> from govdisclose import examples
>>> from govdisclose.data import key_figures
>>> row = next(iter(key_figures(examples.load("sample-2021"))))
>>> row.get("applications_new"), row.get("substantive_disclosure_rate"), row.not_computable
(Decimal('25'), Decimal('0.5000000000'), None)
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import attrs

from ..model import PROACTIVE_2019, PROACTIVE_2021, Report
from ._arrow import DECIMAL_SCALE
from ._metrics import METRICS, CellIndex, CellRef, Derived, app_cell, cell_index, cell_value, review_cell
from ._rows import Column, FigureRow, ReportColumns, _doc
from ._walk import FIGURE_COLUMNS, ReportFacts, figure_row, figure_rows

__all__ = ["KEY_FIGURES", "KeyFigure", "KeyFiguresRow", "indicator_columns", "key_cells", "key_figures_row"]


@attrs.frozen(kw_only=True)
class KeyFigure:
    """A published cell shown as a column of the key figures.

    Attributes:
        column: The column's name.
        cell: The cell it shows.
    """

    column: str
    cell: CellRef


def _proactive(row: str, column: str, *tables: object) -> CellRef:
    return CellRef(tables=tables or (PROACTIVE_2021, PROACTIVE_2019), row=row, column=column)  # type: ignore[arg-type]


KEY_FIGURES: tuple[KeyFigure, ...] = (
    KeyFigure(column="applications_new", cell=app_cell("new")),
    KeyFigure(column="applications_carried_over", cell=app_cell("carried-over")),
    KeyFigure(column="applications_disclosed", cell=app_cell("result.disclosed")),
    KeyFigure(column="applications_partial", cell=app_cell("result.partial")),
    KeyFigure(column="applications_closed", cell=app_cell("result.total")),
    KeyFigure(column="applications_carried_forward", cell=app_cell("carry-forward")),
    KeyFigure(column="applications_new_natural_person", cell=app_cell("new", "natural-person")),
    KeyFigure(column="reviews_total", cell=review_cell("review.total")),
    KeyFigure(column="reviews_corrected", cell=review_cell("review.corrected")),
    KeyFigure(column="litigation_direct_total", cell=review_cell("litigation.direct.total")),
    KeyFigure(column="litigation_after_review_total", cell=review_cell("litigation.after-review.total")),
    KeyFigure(column="licensing_decisions", cell=_proactive("licensing", "decisions")),
    KeyFigure(column="punishment_decisions", cell=_proactive("punishment", "decisions")),
    KeyFigure(column="administrative_fees", cell=_proactive("administrative-fees", "fees", PROACTIVE_2021)),
)
"""The published cells of the key figures, in column order (the metrics follow them)."""


def _metric_column(metric_id: str) -> str:
    return metric_id.replace("-", "_")


def indicator_columns() -> tuple[Column, ...]:
    """The indicator columns of the key figures: the cells of :data:`KEY_FIGURES`, then the metrics."""
    cells = tuple(
        Column(name=k.column, type="decimal", doc=f"{k.cell.label} [{k.cell.tables[0].id}]") for k in KEY_FIGURES
    )
    metrics = tuple(
        Column(name=_metric_column(m.id), type="decimal", doc=f"{m.name} = {m.formula}") for m in METRICS.values()
    )
    return cells + metrics


@attrs.frozen(kw_only=True)
class KeyFiguresRow(ReportColumns):
    """The key figures of one report (the ``key_figures`` table)."""

    edition: str = attrs.field(metadata=_doc("the format followed"))
    level: str | None = attrs.field(metadata=_doc("the agency's administrative level"))
    region: str | None = attrs.field(metadata=_doc("the agency's region chain"))
    indicators: tuple[Decimal | None, ...] = attrs.field(metadata={"expand": indicator_columns, "doc": ""})
    not_computable: str | None = attrs.field(metadata=_doc("why indicators are empty: 'column: reason' joined by '; '"))

    def get(self, column: str) -> Decimal | None:
        """The indicator *column*.

        Raises:
            KeyError: No such indicator.
        """
        names = [c.name for c in indicator_columns()]
        return self.indicators[names.index(column)] if column in names else _missing(column)


_CELL_COLUMNS = frozenset(k.column for k in KEY_FIGURES)
_PLACES = Decimal(1).scaleb(-DECIMAL_SCALE)


def _ratio(value: Decimal) -> Decimal:
    """A metric for the table: rounded half-even to the decimal columns' places (a derived value, not a figure)."""
    return value.quantize(_PLACES, rounding=ROUND_HALF_EVEN)


def _missing(column: str) -> Decimal | None:
    raise KeyError(column)


def _needed() -> frozenset[tuple[str, str, str]]:
    refs = [k.cell for k in KEY_FIGURES] + [ref for m in METRICS.values() for ref in (*m.numerator, *m.denominator)]
    return frozenset((table.id, ref.row, ref.column) for ref in refs for table in ref.tables)


_NEEDED = _needed()
_TABLE, _ROW, _COLUMN = (FIGURE_COLUMNS.index(name) for name in ("table_id", "row_id", "column_id"))


def key_cells(figures: Iterable[tuple[Any, ...]]) -> dict[tuple[str, str, str], FigureRow]:
    """The cells the key figures read, from figure tuples (:func:`figure_tuples`): only those become rows."""
    index: dict[tuple[str, str, str], FigureRow] = {}
    for values in figures:
        key = (values[_TABLE], values[_ROW], values[_COLUMN])
        if key in _NEEDED and key not in index:
            index[key] = figure_row(values)
    return index


def key_figures_row(
    report: Report,
    facts: ReportFacts,
    figures: Iterable[FigureRow] | None = None,
    *,
    cells: CellIndex | None = None,
) -> KeyFiguresRow:
    """The key figures of *report* (from its *figures* rows, or the *cells* of :func:`key_cells`, when made already)."""
    if cells is None:
        cells = cell_index(figures if figures is not None else figure_rows(report, facts))
    values: list[Decimal | None] = []
    reasons: list[str] = []
    derived: list[tuple[str, Derived]] = [(k.column, cell_value(k.cell, cells)) for k in KEY_FIGURES]
    derived += [(_metric_column(m.id), m.compute(cells)) for m in METRICS.values()]
    for column, result in derived:
        values.append(result.value if result.value is None or column in _CELL_COLUMNS else _ratio(result.value))
        if result.value is None:
            reasons.append(f"{column}: {result.reason}")
    return KeyFiguresRow(
        **facts.common,
        edition=facts.row.edition,
        level=facts.row.level,
        region=facts.row.region,
        indicators=tuple(values),
        not_computable="; ".join(reasons) or None,
    )
