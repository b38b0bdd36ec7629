"""The decimal arithmetic of govdisclose: one local context, and the bounds of a number in a report.

Decimal arithmetic follows the *current* context of the thread, which a host application may have changed
(``decimal.getcontext().prec = 3`` makes ``1000 + 1 == 1000``). Every computation on report figures is therefore done
inside :func:`decimal_context`, a local context of the library's own, whatever the host has set:

>>> import decimal
>>> decimal.getcontext().prec = 3
>>> with decimal_context():
...     decimal.Decimal(1000) + 1
Decimal('1001')
>>> decimal.getcontext().prec = 28

Its precision, :data:`DECIMAL_PRECISION` (100 digits), holds every sum of the numbers a document may carry exactly: a
number has at most :data:`MAX_INTEGER_DIGITS` (30) digits before the point and :data:`MAX_FRACTION_DIGITS` (20) after
it (:func:`check_magnitude`), so more than 10^49 of them add up without rounding. Operations that would lose a digit
silently in the default context (an overflow, an invalid operation, a division by zero) raise instead.
"""

from __future__ import annotations

import decimal
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import Final

from .._errors import ModelError

__all__ = [
    "DECIMAL_PRECISION",
    "MAX_FRACTION_DIGITS",
    "MAX_INTEGER_DIGITS",
    "check_magnitude",
    "decimal_context",
]

DECIMAL_PRECISION: Final = 100
"""Significant digits of the library's decimal context."""

MAX_INTEGER_DIGITS: Final = 30
"""The most digits a number of a report may have before the decimal point (less than 10^30)."""

MAX_FRACTION_DIGITS: Final = 20
"""The most digits a number of a report may have after the decimal point."""

_CONTEXT: Final = decimal.Context(
    prec=DECIMAL_PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=999_999,
    Emin=-999_999,
    capitals=1,
    clamp=0,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def decimal_context() -> AbstractContextManager[decimal.Context]:
    """The library's own local decimal context, to use in a ``with`` statement; the host's settings do not count."""
    return decimal.localcontext(_CONTEXT)


def check_magnitude(value: Decimal | int) -> None:
    """Refuse a number with more digits before or after the decimal point than a report's numbers may have.

    Raises:
        ModelError: The number is past a bound; the message names the bound.

    >>> check_magnitude(Decimal("133.9554")); check_magnitude(10**29)
    >>> check_magnitude(Decimal("1e999999999"))
    Traceback (most recent call last):
      ...
    govdisclose._errors.ModelError: number 1E+999999999 has more than 30 digits before the decimal point
    >>> check_magnitude(Decimal("0.999999999999999999999"))
    Traceback (most recent call last):
      ...
    govdisclose._errors.ModelError: number 0.999999999999999999999 has 21 digits after the decimal point (at most 20)
    """
    if isinstance(value, int):
        if -_INTEGER_BOUND < value < _INTEGER_BOUND:
            return
        raise ModelError(f"number {_shown(value)} has {_INTEGER_RULE}", value=value)
    if not value.is_finite():
        raise ModelError(f"number {value} is not finite", value=value)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite decimal has an integer exponent
    if value and value.adjusted() >= MAX_INTEGER_DIGITS:
        raise ModelError(f"number {_shown(value)} has {_INTEGER_RULE}", value=value)
    if -exponent > MAX_FRACTION_DIGITS:
        raise ModelError(
            f"number {_shown(value)} has {-exponent} digits after the decimal point (at most {MAX_FRACTION_DIGITS})",
            value=value,
        )


_INTEGER_BOUND: Final = 10**MAX_INTEGER_DIGITS
_INTEGER_RULE: Final = f"more than {MAX_INTEGER_DIGITS} digits before the decimal point"


def _shown(value: Decimal | int) -> str:
    """The number as written when it is short, else how long it is (``str`` of a huge int is refused by Python)."""
    if isinstance(value, int) and abs(value) >= 10**40:
        return f"with about {int(value.bit_length() * 0.30103) + 1:,} digits"
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."
