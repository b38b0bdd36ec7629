"""Field validators shared by the model classes.

They raise :class:`~govdisclose.ModelError` with messages that name the field and the value, such as
``'value' must be >= 0 (got -3)``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from .._errors import ModelError


def whole(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but an ``int`` (a ``bool`` is not a count)."""
    if type(value) is not int and not (isinstance(value, int) and not isinstance(value, bool)):
        raise ModelError(
            f"{attribute.name!r} must be a whole number (got {type(value).__name__} {value!r})",
            field=attribute.name,
            value=value,
        )


def decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a :class:`~decimal.Decimal` (``None`` is allowed where the type allows it).

    A float is not exact (``0.1`` is not one tenth), and an int would hide where a decimal was meant, so both are
    refused with a hint: write ``Decimal("2.5")``.
    """
    if value is not None and type(value) is not Decimal:
        raise ModelError(
            f"{attribute.name!r} must be a Decimal (got {type(value).__name__} {value!r}); "
            f"write Decimal({str(value)!r}) to keep it exact",
            field=attribute.name,
            value=value,
        )


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: int | Decimal) -> None:
    """Refuse a negative number, and a number that is not finite."""
    if isinstance(value, Decimal) and not value.is_finite():
        raise ModelError(f"{attribute.name!r} must be a finite number (got {value})", field=attribute.name, value=value)
    if value < 0:
        raise ModelError(f"{attribute.name!r} must be >= 0 (got {value})", field=attribute.name, value=value)


def finite(instance: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    """Refuse NaN and infinities in a decimal."""
    if value is not None and not value.is_finite():
        raise ModelError(f"{attribute.name!r} must be a finite number (got {value})", field=attribute.name, value=value)


def not_blank(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Refuse an empty or all-whitespace string (``None`` is allowed where the type allows it)."""
    if value is not None and not value.strip():
        raise ModelError(f"{attribute.name!r} must not be blank (got {value!r})", field=attribute.name, value=value)


def positive(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Refuse zero and negative numbers (``None`` is allowed where the type allows it)."""
    if value is not None and value < 1:
        raise ModelError(f"{attribute.name!r} must be >= 1 (got {value})", field=attribute.name, value=value)
