"""What a published figure says about the true number, as an interval, and sums that only flag certain errors.

An exact figure is a point; ``1100余`` is ``[1100, ∞)``; ``近1900`` is ``[0, 1900]``; ``约50`` says nothing certain;
an unknown cell of a count column is ``[0, ∞)`` (counts are not negative). Two sides of a rule disagree *certainly*
only when their intervals do not meet, and that is all the sum rules report.

>>> total = Interval.exact(Decimal(15))
>>> parts = Interval.exact(Decimal(1)) + Interval.exact(Decimal(5)) + Interval.at_least(Decimal(11))
>>> gap = compare(total, parts)
>>> gap.expected, gap.bound.value, gap.difference
(Decimal('17'), 'lower', Decimal('-2'))
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Literal

import attrs

from ..model import Amount, Bound, Count, Figure, Qualifier, Scale

__all__ = [
    "ARITHMETIC",
    "NIL_MARKERS",
    "Gap",
    "Interval",
    "bounded",
    "compare",
    "describe",
    "figure_interval",
    "figure_point",
    "figure_text",
    "is_nil",
    "number",
    "quantity_interval",
    "total",
]

NIL_MARKERS = frozenset({"", "/", "／", "-", "－", "—", "——", "--", "无", "空"})
"""Cell markers that say "none" (a blank, ``/``, a dash, ``无``): the lenient blank policy counts such addends as 0."""

ARITHMETIC = decimal.Context(
    prec=60,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""The decimal context the rules compute in, whatever the host set (``getcontext().prec = 3`` would round sums):
60 digits hold any published figure and their sums exactly. Replaced by the library-wide context once there is one."""

ColumnKind = Literal["count", "signed", "amount"]


@attrs.frozen
class Interval:
    """The numbers a figure allows: ``lo`` to ``hi``, ``None`` meaning unbounded on that side."""

    lo: Decimal | None
    hi: Decimal | None

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        """The single number *value*."""
        return cls(value, value)

    @classmethod
    def at_least(cls, value: Decimal) -> Interval:
        """*value* or more."""
        return cls(value, None)

    @property
    def is_exact(self) -> bool:
        """Whether the interval is one number."""
        return self.lo is not None and self.lo == self.hi

    def __add__(self, other: Interval) -> Interval:
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi)

    def __neg__(self) -> Interval:
        return Interval(None if self.hi is None else -self.hi, None if self.lo is None else -self.lo)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)


def total(intervals: list[Interval]) -> Interval:
    """The sum of *intervals* (``0`` for none)."""
    result = Interval.exact(Decimal(0))
    for interval in intervals:
        result = result + interval
    return result


def bounded(value: Decimal, bound: Bound, floor: Decimal | None = Decimal(0)) -> Interval:
    """What a figure with *bound* allows; *floor* is the least possible value (``None``: none)."""
    if bound is Bound.EXACT:
        return Interval.exact(value)
    if bound is Bound.LOWER:
        return Interval(value, None)
    if bound is Bound.UPPER:
        return Interval(floor, value)
    return Interval(floor, None)


def figure_interval(figure: Figure, kind: ColumnKind = "count") -> Interval:
    """What a table cell allows: numbers by their qualifier, "none" markers as 0, other markers and unknowns as open.

    Counts and amounts are not negative, so an unknown one is at least 0; a signed change (``本年增/减``) is open.

    >>> [describe(figure_interval(Figure.of(cell))) for cell in ("/", "12余", "近50", None, "不详")]
    ['0', '至少12', '0至50', '至少0', '至少0']
    """
    floor = None if kind == "signed" else Decimal(0)
    if figure.value is not None:
        return bounded(figure.value, figure.qualifier.bound, floor)
    if figure.marker is not None and figure.marker.strip() in NIL_MARKERS:
        return Interval.exact(Decimal(0))
    return Interval(floor, None)


_EXACT_QUALIFIERS = tuple(qualifier for qualifier in Qualifier if qualifier.bound is Bound.EXACT)
"""The qualifiers of exact figures, worked out once (asking an enum member its ``bound`` cell by cell is slow)."""


def figure_point(figure: Figure) -> Decimal | None:
    """The one exact number a table cell states, else ``None`` (blanks and markers state no number).

    Sums of such points settle the common case of the sum rules without intervals; a blank or a marker sends a rule
    to its slower path, where the blank policy decides.

    >>> [figure_point(Figure.of(cell)) for cell in (7, "/", "12余", "不详", None)]
    [Decimal('7'), None, None, None, None]
    """
    if figure.value is not None and figure.qualifier in _EXACT_QUALIFIERS:
        return figure.value
    return None


def is_nil(figure: Figure) -> bool:
    """Whether a cell is blank or holds a "none" marker (``/``, a dash, ``无``: :data:`NIL_MARKERS`).

    >>> [is_nil(Figure.of(cell)) for cell in ("", "/", "不详", 0, None)]
    [True, True, False, False, False]
    """
    return figure.value is None and figure.marker is not None and figure.marker.strip() in NIL_MARKERS


def quantity_interval(quantity: Count | Amount) -> Interval:
    """What a figure of running text allows; amounts in 元.

    A count written with 万 or 亿 (``17.9亿次``) is rounded to its last printed digit, so it allows half a unit of that
    digit either side; amounts are taken as exact as written.

    >>> quantity_interval(Count(value=1790000000, unit="次", scale=Scale.YI))
    Interval(lo=Decimal('1785000000'), hi=Decimal('1795000000'))
    """
    if isinstance(quantity, Amount):
        return bounded(quantity.yuan, quantity.bound, Decimal(0))
    interval = bounded(Decimal(quantity.value), quantity.bound, Decimal(0))
    if quantity.scale is Scale.NONE:
        return interval
    printed = Decimal(quantity.value).scaleb(-quantity.scale.exponent).normalize()
    exponent = min(int(printed.as_tuple().exponent), 0) + quantity.scale.exponent
    half = Decimal(5).scaleb(exponent - 1)
    return Interval(
        None if interval.lo is None else max(interval.lo - half, Decimal(0)),
        None if interval.hi is None else interval.hi + half,
    )


def number(value: Decimal) -> str:
    """A number as it is written in messages: no exponent, no trailing ``.0``.

    >>> number(Decimal("17.00")), number(Decimal("0.092")), number(Decimal("1E+3"))
    ('17', '0.092', '1000')
    """
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def describe(interval: Interval, unit: str = "") -> str:
    """An interval in words: ``17条``, ``至少17条``, ``至多17条``, ``15至17条``, ``不确定``.

    >>> describe(Interval(Decimal(17), None), "条"), describe(Interval(Decimal(3), Decimal(5)), "件")
    ('至少17条', '3至5件')
    """
    lo, hi = interval.lo, interval.hi
    if lo is not None and hi is not None:
        return f"{number(lo)}{unit}" if lo == hi else f"{number(lo)}至{number(hi)}{unit}"
    if lo is not None:
        return f"至少{number(lo)}{unit}"
    if hi is not None:
        return f"至多{number(hi)}{unit}"
    return "不确定"


def figure_text(figure: Figure) -> str:
    """A cell as it reads in a message: its printed text, ``空白`` for a blank, ``未知`` for an unknown cell."""
    if not figure.is_known:
        return "未知"
    if figure.is_blank:
        return "空白"
    return figure.text


@attrs.frozen(kw_only=True)
class Gap:
    """A certain disagreement between a published figure and what the rule derives.

    Attributes:
        expected: The end of the derived interval nearest the published one.
        bound: ``EXACT`` when the derived value is exact, ``LOWER`` ("at least") or ``UPPER`` ("at most").
        actual: The end of the published interval nearest the derived one.
        difference: ``actual - expected``, the smallest difference that is certain.
        exact: Whether both sides are exact numbers, so the difference is exactly ``difference``.
    """

    expected: Decimal
    bound: Bound
    actual: Decimal
    difference: Decimal
    exact: bool

    def words(self, unit: str = "") -> str:
        """``差2条`` or, when only a minimum is certain, ``至少差2条``."""
        amount = f"{number(abs(self.difference))}{unit}"
        return f"差{amount}" if self.exact else f"至少差{amount}"


def compare(
    actual: Interval, expected: Interval, *, shortfall_only: bool = False, excess_only: bool = False
) -> Gap | None:
    """How *actual* (a published figure) certainly disagrees with *expected* (derived), or ``None``.

    With *shortfall_only* (overlapping parts may count an item twice) only ``expected`` below ``actual`` counts: the
    parts falling short of the total. With *excess_only* (the parts may be only some of the total's: a list that
    goes on with figures not read, or is cut off) only ``expected`` above ``actual`` counts.

    >>> compare(Interval.exact(Decimal(15)), Interval.exact(Decimal(15))) is None
    True
    >>> compare(Interval.exact(Decimal(15)), Interval.exact(Decimal(17)), shortfall_only=True) is None
    True
    >>> compare(Interval.exact(Decimal(15)), Interval.exact(Decimal(13)), excess_only=True) is None
    True
    """
    exact = actual.is_exact and expected.is_exact
    if not shortfall_only and actual.hi is not None and expected.lo is not None and actual.hi < expected.lo:
        bound = Bound.EXACT if expected.is_exact else Bound.LOWER
        return Gap(expected=expected.lo, bound=bound, actual=actual.hi, difference=actual.hi - expected.lo, exact=exact)
    if not excess_only and expected.hi is not None and actual.lo is not None and expected.hi < actual.lo:
        bound = Bound.EXACT if expected.is_exact else Bound.UPPER
        return Gap(expected=expected.hi, bound=bound, actual=actual.lo, difference=actual.lo - expected.hi, exact=exact)
    return None
