"""Derived metrics, defined once: each is a ratio of sums of official table cells, with its formula in words.

A metric reads cells of the 2019/2021 tables by row and column id; its formula is written from the official labels of
the definitions, never retyped. A blank cell, a marker (``/``), an unknown or approximate cell, a table the report does
not have, or a zero denominator make the metric *not computable*: its value is ``None`` and its reason says why — never
0. Values are exact :class:`~decimal.Decimal` ratios (0.5, not 50 %) computed to 28 significant digits.

>>> from govdisclose import examples
>>> m = METRICS["substantive-disclosure-rate"]
>>> print(m.formula)
(（一）予以公开 × 总计 + （二）部分公开（区分处理的，只计这一情形，不计其他情形） × 总计) ÷ （七）总计 × 总计
[三、收到和处理政府信息公开申请情况]
>>> result = m.compute(cell_index(examples.load("sample-2021")))  # (11 + 2) / 26
>>> result.value, result.reason
(Decimal('0.5'), None)
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from ..model import APPLICATIONS_2019, APPLICATIONS_2021, REVIEWS_LITIGATION, Report, TableDef
from ._rows import FigureRow
from ._walk import facts_of, figure_rows

__all__ = [
    "METRICS",
    "CellIndex",
    "CellRef",
    "Change",
    "Derived",
    "Metric",
    "cell_index",
    "cell_value",
    "change",
    "not_exact",
]

_CONTEXT = decimal.Context(prec=28)

CellIndex = Mapping[tuple[str, str, str], FigureRow]
"""A report's cells by ``(table definition id, row id, column id)``: what metrics read."""


@attrs.frozen(kw_only=True)
class Derived:
    """A derived value, or why there is none.

    Attributes:
        value: The value, or ``None`` when it cannot be computed.
        reason: Why it cannot be computed (``None`` when it can).
        paths: The document paths of the cells it was computed from (or that stopped it).
    """

    value: Decimal | None
    reason: str | None = None
    paths: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class CellRef:
    """A cell of an official table, in whichever of *tables* the report has (the first one found).

    Attributes:
        tables: The definitions the cell may be in (table 三 of 2021 and of 2019 share their row ids).
        row: The row id.
        column: The column id.
    """

    tables: tuple[TableDef, ...]
    row: str
    column: str

    def __attrs_post_init__(self) -> None:
        for table in self.tables:  # a typo in a metric fails at import, not in a researcher's data
            if self.column not in {c.id for c in table.row(self.row).columns}:
                raise KeyError(f"{table.id} has no column {self.column!r} in row {self.row!r}")

    @property
    def label(self) -> str:
        """The cell in official words: ``row label × column label``, or the column's headings when the row has none.

        >>> CellRef(tables=(APPLICATIONS_2021,), row="new", column="natural-person").label
        '一、本年新收政府信息公开申请数量 × 自然人'
        """
        row = self.tables[0].row(self.row)
        column = next(c for c in row.columns if c.id == self.column)
        if not row.label:
            return " > ".join((*column.path, column.label))
        return f"{row.label} × {column.label}"

    def find(self, cells: CellIndex) -> FigureRow | None:
        """The cell in *cells*, or ``None`` when the report has no such table or row."""
        for table in self.tables:
            row = cells.get((table.id, self.row, self.column))
            if row is not None:
                return row
        return None


_APPLICATIONS = (APPLICATIONS_2021, APPLICATIONS_2019)
_REVIEWS = (REVIEWS_LITIGATION,)


def not_exact(row: FigureRow) -> str | None:
    """Why the cell *row* is no exact number to compute with (``None`` when it is one)."""
    if row.state == "number" and row.qualifier is None:
        return None
    return {"blank": "blank", "marker": f"the marker {row.text!r}", "unknown": "unknown"}.get(
        row.state, f"approximate ({row.text})"
    )


def cell_value(ref: CellRef, cells: CellIndex) -> Derived:
    """One cell as a derived value: its number, or why it has none."""
    return _sum((ref,), cells)


def _sum(refs: tuple[CellRef, ...], cells: CellIndex) -> Derived:
    total = Decimal(0)
    paths: list[str] = []
    for ref in refs:
        row = ref.find(cells)
        if row is None:
            return Derived(value=None, reason=f"the report has no cell {ref.label} of {ref.tables[0].title}")
        paths.append(row.path)
        what = not_exact(row)
        if what is not None:
            return Derived(value=None, reason=f"{ref.label} is {what} @ {row.path}", paths=(row.path,))
        assert row.value is not None
        total = _CONTEXT.add(total, row.value)
    return Derived(value=total, paths=tuple(paths))


def _written(refs: tuple[CellRef, ...]) -> str:
    labels = [ref.label for ref in refs]
    return labels[0] if len(labels) == 1 else "(" + " + ".join(labels) + ")"


@attrs.frozen(kw_only=True)
class Metric:
    """A ratio of two sums of official cells.

    Attributes:
        id: Stable id (``substantive-disclosure-rate``), the column name's source in the key figures.
        name: The Chinese name (``实质公开率``).
        numerator: The cells added above the line.
        denominator: The cells added below it.
    """

    id: str
    name: str
    numerator: tuple[CellRef, ...]
    denominator: tuple[CellRef, ...]

    @property
    def formula(self) -> str:
        """The formula in the official labels of the cells, and the table they are in."""
        where = self.numerator[0].tables[0].title
        return f"{_written(self.numerator)} ÷ {_written(self.denominator)}\n[{where}]"

    def compute(self, cells: CellIndex) -> Derived:
        """The metric for one report's cells (see :func:`cell_index`)."""
        above = _sum(self.numerator, cells)
        if above.value is None:
            return above
        below = _sum(self.denominator, cells)
        if below.value is None:
            return below
        paths = above.paths + below.paths
        if below.value == 0:
            return Derived(value=None, reason=f"{_written(self.denominator)} is 0", paths=paths)
        return Derived(value=_CONTEXT.divide(above.value, below.value), paths=paths)


def cell_index(source: Report | Iterable[FigureRow]) -> dict[tuple[str, str, str], FigureRow]:
    """One report's cells by ``(table, row id, column id)``: from the report, or from its figure rows.

    When a report has a table twice, the first one counts.
    """
    if isinstance(source, Report):
        source = figure_rows(source, facts_of(source))
    index: dict[tuple[str, str, str], FigureRow] = {}
    for row in source:
        index.setdefault((row.table_id, row.row_id, row.column_id), row)
    return index


def app_cell(row: str, column: str = "total") -> CellRef:
    """A cell of table 三 (2021 or 2019 layout); the 总计 column by default."""
    return CellRef(tables=_APPLICATIONS, row=row, column=column)


def review_cell(column: str) -> CellRef:
    """A cell of table 四, by column id."""
    return CellRef(tables=_REVIEWS, row="cases", column=column)


_ORGANISATIONS = ("commercial", "research", "public-interest", "legal-services", "other")
_CONCLUDED = ("upheld", "corrected", "other")
_LITIGATION = ("direct", "after-review")

_METRICS = (
    Metric(
        id="substantive-disclosure-rate",
        name="实质公开率",
        numerator=(app_cell("result.disclosed"), app_cell("result.partial")),
        denominator=(app_cell("result.total"),),
    ),
    Metric(
        id="carry-over-rate",
        name="结转率",
        numerator=(app_cell("carry-forward"),),
        denominator=(app_cell("new"), app_cell("carried-over")),
    ),
    Metric(
        id="review-correction-rate",
        name="复议纠错率",
        numerator=(review_cell("review.corrected"),),
        denominator=tuple(review_cell(f"review.{outcome}") for outcome in _CONCLUDED),
    ),
    Metric(
        id="litigation-loss-rate",
        name="诉讼败诉率",
        numerator=tuple(review_cell(f"litigation.{way}.corrected") for way in _LITIGATION),
        denominator=tuple(review_cell(f"litigation.{way}.{outcome}") for way in _LITIGATION for outcome in _CONCLUDED),
    ),
    Metric(
        id="share-natural-person",
        name="自然人申请占比",
        numerator=(app_cell("new", "natural-person"),),
        denominator=(app_cell("new"),),
    ),
    Metric(
        id="share-organisations",
        name="法人或其他组织申请占比",
        numerator=tuple(app_cell("new", column) for column in _ORGANISATIONS),
        denominator=(app_cell("new"),),
    ),
)

METRICS: dict[str, Metric] = {metric.id: metric for metric in _METRICS}
"""The metrics by id, in the documented order."""


@attrs.frozen(kw_only=True)
class Change:
    """A change from last year to this year.

    Attributes:
        absolute: ``this - last``, or ``None``.
        relative: ``(this - last) / last`` (0.25 for +25 %), or ``None``.
        reason: Why a part is missing (``None`` when both are there).
    """

    absolute: Decimal | None
    relative: Decimal | None
    reason: str | None = None


def change(this: Decimal | Derived | None, last: Decimal | Derived | None) -> Change:
    """The year-over-year change of a figure or a metric.

    >>> change(Decimal(15), Decimal(12))
    Change(absolute=Decimal('3'), relative=Decimal('0.25'), reason=None)
    >>> change(Decimal(3), Decimal(0)).reason
    'last year is 0: no relative change'
    >>> change(Decimal(3), Derived(value=None, reason="（七）总计 is blank")).reason
    'last year: （七）总计 is blank'
    """
    values: list[Decimal] = []
    for name, value in (("this year", this), ("last year", last)):
        if isinstance(value, Derived):
            if value.value is None:
                return Change(absolute=None, relative=None, reason=f"{name}: {value.reason}")
            value = value.value
        if value is None:
            return Change(absolute=None, relative=None, reason=f"{name} is not known")
        values.append(value)
    now, before = values
    absolute = _CONTEXT.subtract(now, before)
    if before == 0:
        return Change(absolute=absolute, relative=None, reason="last year is 0: no relative change")
    return Change(absolute=absolute, relative=_CONTEXT.divide(absolute, before))
