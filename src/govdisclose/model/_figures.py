"""Figures: the value of one published table cell.

A cell of an official table holds a number, a blank, ``/`` or another published marker, or an approximate value — and
these stay distinct: ``0``, blank and ``/`` say different things, and a reader that could not match a flattened cell
to its column says *unknown*, not zero.

>>> Figure.of(3).text, Figure.of("0.092").text, Figure.of("/").text, Figure.of("").is_blank, Figure.of(None).is_known
('3', '0.092', '/', True, False)
>>> Figure.of("1100余").qualifier
<Qualifier.MORE_THAN: '余'>
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from .._errors import ModelError
from ._checks import checks_type
from ._inline import Qualifier

__all__ = ["Figure", "FigureLike", "figures"]

_NUMBER = re.compile(
    r"(?P<before>逾|近|超过|约)?(?P<sign>[+\-−])?(?P<digits>\d+(?:\.\d+)?)(?P<after>余|多|以上|左右)?\Z"
)
_MINUS = "−"  # U+2212, written in some published tables


def _marker(instance: Figure, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise ModelError(
            f"Figure.marker must be str or None (got {type(value).__name__} {value!r:.40})", field="marker", value=value
        )
    if instance.value is not None:
        raise ModelError("a figure holds a number or a marker, not both", field="marker", value=value)
    if _NUMBER.match(value.strip()) and value.strip():
        raise ModelError(f"marker {value!r} is a number; give it as the value", field="marker", value=value)
    if "\n" in value or len(value) > 40:
        raise ModelError(f"marker {value!r} is not a cell marker (one short line)", field="marker", value=value)


@checks_type
def _value(instance: Figure, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    if value is not None and type(value) is not Decimal:
        raise ModelError(
            f"'value' must be a Decimal (got {type(value).__name__} {value!r}); use Figure.of({value!r})",
            field="value",
            value=value,
        )
    if value is not None and not value.is_finite():
        raise ModelError(f"'value' must be a finite number (got {value})", field="value", value=value)
    if not isinstance(instance.qualifier, Qualifier):
        qualifier = instance.qualifier
        raise ModelError(
            f"Figure.qualifier must be Qualifier (got {type(qualifier).__name__} {qualifier!r:.40})",
            field="qualifier",
            value=qualifier,
        )
    if value is None and instance.qualifier is not Qualifier.EXACT:
        raise ModelError("a qualifier needs a number", field="qualifier")


# The commonest object of a report (every table cell): its own validators check every field's type, so it does without
# the generic check of typed_fields and its extra calls on every load.
@attrs.frozen(kw_only=True)
class Figure:
    """The content of one table cell, as published.

    Exactly one of three states: a number (``value``, possibly approximate through ``qualifier``), a published marker
    (``marker``: ``""`` for a blank cell, ``"/"``, ``"—"``, ``"无"`` …), or neither — the cell's content is unknown
    (a reader could not place it).

    Attributes:
        value: The number, exact (a :class:`~decimal.Decimal`; counts are whole numbers).
        marker: The published non-numeric content.
        qualifier: ``余``, ``多``, ``近`` … for an approximate number.
    """

    value: Decimal | None = attrs.field(default=None, validator=_value)
    marker: str | None = attrs.field(default=None, validator=_marker)
    qualifier: Qualifier = Qualifier.EXACT

    @classmethod
    def of(cls, written: FigureLike) -> Figure:
        """A figure from a number, a string as printed in a cell, ``None`` (unknown) or a figure.

        Strings that read as numbers become numbers (``"35"``, ``"-35"``, ``"−35"``, ``"0.092"``, ``"1100余"``);
        any other string is a marker (``""`` is a blank cell).

        >>> Figure.of("−35").value, Figure.of("无").marker, Figure.of(7) == Figure(value=Decimal(7))
        (Decimal('-35'), '无', True)
        """
        if isinstance(written, Figure):
            return written
        if written is None:
            return cls()
        if isinstance(written, bool):
            raise ModelError(f"a figure cannot be a boolean (got {written!r})", field="value", value=written)
        if isinstance(written, (int, Decimal)):
            return cls(value=Decimal(written))
        if isinstance(written, str):
            match = _NUMBER.match(written.strip())
            if match is None or not written.strip():
                return cls(marker=written)
            sign = "-" if match["sign"] in ("-", _MINUS) else ""
            qualifier = Qualifier(match["before"] or match["after"] or "")
            return cls(value=Decimal(sign + match["digits"]), qualifier=qualifier)
        raise ModelError(f"a figure cannot be a {type(written).__name__} (got {written!r})", field="value")

    @property
    def is_known(self) -> bool:
        """Whether the cell's content is known (a number or a marker)."""
        return self.value is not None or self.marker is not None

    @property
    def is_blank(self) -> bool:
        """Whether the cell was published empty."""
        return self.marker == ""

    @property
    def is_number(self) -> bool:
        """Whether the cell holds a number."""
        return self.value is not None

    @property
    def is_exact(self) -> bool:
        """Whether the cell holds an exact number."""
        return self.value is not None and self.qualifier is Qualifier.EXACT

    @property
    def text(self) -> str:
        """The cell as printed (``""`` for a blank or unknown cell).

        >>> Figure.of("1100余").text, Figure.of("近50").text
        ('1100余', '近50')
        """
        if self.value is None:
            return self.marker or ""
        digits = format(self.value, "f")
        if self.qualifier.position == "before":
            return self.qualifier.value + digits
        return digits + self.qualifier.value

    def __int__(self) -> int:
        if self.value is None or self.value != self.value.to_integral_value():
            raise ValueError(f"cell {self.text!r} is not a whole number")
        return int(self.value)


FigureLike = Figure | int | Decimal | str | None
"""What table constructors accept for a cell: a figure, a number, a string as printed, or ``None`` (unknown)."""


def figures(values: Iterable[FigureLike]) -> tuple[Figure, ...]:
    """Convert cell values to figures (the converter of table rows).

    >>> [f.text for f in figures([3, "/", "", "0.5"])]
    ['3', '/', '', '0.5']

    Raises:
        ModelError: *values* is not a sequence of cells (a string or a single number is not).
    """
    if not isinstance(values, (tuple, list)):
        raise ModelError(
            f"'values' must be a list or tuple of cells (got {type(values).__name__} {values!r:.60})",
            field="values",
            value=values,
        )
    return tuple(map(Figure.of, values))
