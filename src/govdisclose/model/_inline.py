"""Quantities as they are written in the running text of a report.

A paragraph is a sequence of *inline* pieces: plain strings and typed quantities. Each quantity knows how it was written
(qualifier, unit, scale), so joining the pieces gives back the published wording exactly, while checks can still
read the numbers.

>>> from decimal import Decimal
>>> Count(value=1100, unit="人次", qualifier=Qualifier.MORE_THAN).text
'1100余人次'
>>> Amount(value=Decimal("133.9554"), unit=MoneyUnit.WAN_YUAN).text
'133.9554万元'
>>> Compound(parts=(Count(value=189, unit="户"), Count(value=247, unit="人"))).text
'189户247人'
>>> Share(value=Decimal("67.84")).text
'67.84%'
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import ClassVar, Literal

import attrs

from .._errors import ModelError
from ._checks import decimal, finite, int_to_decimal, non_negative, not_blank, typed_fields, whole

__all__ = [
    "Amount",
    "Bound",
    "Compound",
    "Count",
    "Inline",
    "InlineQuantity",
    "MoneyUnit",
    "Qualifier",
    "Scale",
    "Share",
    "plain_text",
]


class Bound(str, enum.Enum):
    """What a qualified figure says about the true value."""

    EXACT = "exact"
    """The figure is the value."""
    LOWER = "lower"
    """The true value is at least the figure (``1100余``, ``逾50万``, ``超过``, ``以上``)."""
    UPPER = "upper"
    """The true value is at most the figure (``近1900``)."""
    APPROXIMATE = "approximate"
    """The true value is near the figure, on either side (``约``, ``左右``)."""


class Qualifier(str, enum.Enum):
    """A word that makes a figure approximate, as written (the enum value is the word itself).

    >>> Qualifier.MORE_THAN.position, Qualifier.MORE_THAN.bound.value
    ('after', 'lower')
    >>> Qualifier.NEARLY.position, Qualifier.NEARLY.bound.value
    ('before', 'upper')
    """

    EXACT = ""
    MORE_THAN = "余"
    MORE = "多"
    AND_ABOVE = "以上"
    AROUND = "左右"
    OVER = "逾"
    NEARLY = "近"
    EXCEEDING = "超过"
    ABOUT = "约"

    @property
    def position(self) -> Literal["before", "after", "none"]:
        """Where the word stands: before the number (``逾50``) or between number and unit (``50余条``)."""
        if self is Qualifier.EXACT:
            return "none"
        if self in (Qualifier.OVER, Qualifier.NEARLY, Qualifier.EXCEEDING, Qualifier.ABOUT):
            return "before"
        return "after"

    @property
    def bound(self) -> Bound:
        """What the figure says about the true value."""
        if self is Qualifier.EXACT:
            return Bound.EXACT
        if self is Qualifier.NEARLY:
            return Bound.UPPER
        if self in (Qualifier.ABOUT, Qualifier.AROUND):
            return Bound.APPROXIMATE
        return Bound.LOWER


class MoneyUnit(str, enum.Enum):
    """The unit of an amount of money."""

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"

    @property
    def factor(self) -> int:
        """How many 元 one unit is."""
        return {"元": 1, "万元": 10_000, "亿元": 100_000_000}[self.value]


class Scale(str, enum.Enum):
    """A large-number unit written after the digits (``17.9亿次``, ``逾50万``)."""

    NONE = ""
    WAN = "万"
    YI = "亿"

    @property
    def exponent(self) -> int:
        """The power of ten the scale stands for (4 for 万, 8 for 亿)."""
        return {"": 0, "万": 4, "亿": 8}[self.value]


def _qualified(qualifier: Qualifier, digits: str, rest: str) -> str:
    if qualifier.position == "before":
        return f"{qualifier.value}{digits}{rest}"
    return f"{digits}{qualifier.value}{rest}"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Count:
    """A whole number of things: ``15条``, ``1100余人次``, ``17.9亿次``.

    Attributes:
        value: The number as an integer (``17.9亿`` is stored as 1790000000 with ``scale=Scale.YI``).
        unit: The counting word, an open vocabulary (条、件、次、人次、人、户、个、份、名、篇 …); ``""`` when the report
            dropped it (``260余``).
        qualifier: ``余``, ``多``, ``逾``, ``近`` … for approximate figures.
        scale: ``万`` or ``亿`` when the number was written with one.
        id: A name for the quantity, unique within its block, so breakdowns and shares can refer to it.
        label: What is counted, in a word (``年度报告``, ``机构职能类``); not rendered, the text around says it.

    >>> Count(value=1790000000, unit="次", scale=Scale.YI).text
    '17.9亿次'
    >>> Count(value=50, unit="名", qualifier=Qualifier.OVER).text
    '逾50名'
    """

    KIND: ClassVar[str] = "count"

    value: int = attrs.field(validator=[whole, non_negative])
    unit: str = ""
    qualifier: Qualifier = Qualifier.EXACT
    scale: Scale = Scale.NONE
    id: str | None = attrs.field(default=None, validator=not_blank)
    label: str | None = attrs.field(default=None, validator=not_blank)

    @property
    def text(self) -> str:
        """The count as written."""
        if self.scale is Scale.NONE:
            digits = str(self.value)
        else:
            digits = format(Decimal(self.value).scaleb(-self.scale.exponent).normalize(), "f")
        return _qualified(self.qualifier, digits + self.scale.value, self.unit)

    @property
    def bound(self) -> Bound:
        """What the written figure says about the true value."""
        return self.qualifier.bound


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Amount:
    """An amount of money, exact as written: ``133.9554万元``, ``0元``.

    Attributes:
        value: The amount in *unit*, a :class:`~decimal.Decimal` keeping every written digit (``2.50`` stays ``2.50``).
        unit: 元, 万元 or 亿元.
        qualifier: As for :class:`Count`.
        id: A name unique within the block.
        label: What the money is (``低保金``); not rendered.

    >>> Amount(value=Decimal("2"), unit=MoneyUnit.WAN_YUAN).yuan
    Decimal('20000')
    """

    KIND: ClassVar[str] = "amount"

    value: Decimal = attrs.field(converter=int_to_decimal, validator=[decimal, non_negative])
    unit: MoneyUnit = MoneyUnit.YUAN
    qualifier: Qualifier = Qualifier.EXACT
    id: str | None = attrs.field(default=None, validator=not_blank)
    label: str | None = attrs.field(default=None, validator=not_blank)

    @property
    def text(self) -> str:
        """The amount as written."""
        return _qualified(self.qualifier, format(self.value, "f"), self.unit.value)

    @property
    def yuan(self) -> Decimal:
        """The amount in 元, computed exactly."""
        return self.value * self.unit.factor

    @property
    def bound(self) -> Bound:
        """What the written figure says about the true value."""
        return self.qualifier.bound


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Share:
    """A percentage as written: ``100%`` in ``占100%``, ``67.84%`` in ``占总体的比例为67.84%``.

    The words around it (``占``) are text. *part* and *whole* name the quantities (by ``id``, in the same block) that
    the share is computed from, when the text says so; checks then compare the printed digits with the counts.

    Attributes:
        value: The percentage, digits as printed (``Decimal("67.84")``).
        part: The ``id`` of the quantity the share is of.
        whole: The ``id`` of the total it is a share of.
        id: A name unique within the block.
        label: What the share is of, in a word; not rendered.
    """

    KIND: ClassVar[str] = "share"

    value: Decimal = attrs.field(converter=int_to_decimal, validator=[decimal, finite])
    part: str | None = attrs.field(default=None, validator=not_blank)
    whole: str | None = attrs.field(default=None, validator=not_blank)
    id: str | None = attrs.field(default=None, validator=not_blank)
    label: str | None = attrs.field(default=None, validator=not_blank)

    @property
    def text(self) -> str:
        """The share as written."""
        return f"{format(self.value, 'f')}%"


def _at_least_two(instance: Compound, attribute: attrs.Attribute[tuple[Count, ...]], value: tuple[Count, ...]) -> None:
    if len(value) < 2:
        raise ModelError(f"'parts' of a compound figure needs at least 2 counts (got {len(value)})", field="parts")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Compound:
    """Several counts of one thing written together: ``189户247人`` (households and persons).

    Attributes:
        parts: The counts in written order.
        id: A name unique within the block.
        label: What is counted (``城乡低保对象``); not rendered.
    """

    KIND: ClassVar[str] = "compound"

    parts: tuple[Count, ...] = attrs.field(validator=_at_least_two)
    id: str | None = attrs.field(default=None, validator=not_blank)
    label: str | None = attrs.field(default=None, validator=not_blank)

    @property
    def text(self) -> str:
        """The figure as written."""
        return "".join(part.text for part in self.parts)


InlineQuantity = Count | Amount | Share | Compound
"""A typed quantity inside running text."""

Inline = str | Count | Amount | Share | Compound
"""One piece of running text: a plain string or a typed quantity."""


def plain_text(content: tuple[Inline, ...]) -> str:
    """Join inline pieces into the text as written.

    >>> plain_text(("共制作政府信息", Count(value=15, unit="条"), "。"))
    '共制作政府信息15条。'
    """
    return "".join(piece if isinstance(piece, str) else piece.text for piece in content)
