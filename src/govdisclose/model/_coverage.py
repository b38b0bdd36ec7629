"""What a reader read of its source: :class:`ReadCoverage`, part by part and table by table.

It lives in the model because both sides use it: a reader (:mod:`govdisclose.read`) states it, the checks
(:mod:`govdisclose.checks`, which re-exports these names) take it into account, and neither imports the other.

>>> coverage = ReadCoverage.cut_off("原文在第二部分后截断")
>>> coverage.table(Part.APPLICATIONS).extent.value
'not-read'
"""

from __future__ import annotations

import enum

import attrs

from ._checks import typed_fields
from ._sections import Part

__all__ = ["Extent", "ReadCoverage", "Reading"]


class Extent(str, enum.Enum):
    """How much of a part or table a reader read."""

    COMPLETE = "complete"
    """Read to the end: what is not in the report is not in the source either."""
    PARTIAL = "partial"
    """Read in part (some rows or cells could not be placed)."""
    NOT_READ = "not-read"
    """Not read: the source was cut off, or the reader could not recognise it."""


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Reading:
    """How one part or table was read.

    Attributes:
        extent: Complete, partial or not read.
        reason: Why it was not read completely, in words (``原文在第二部分后截断``).
    """

    extent: Extent = attrs.field(converter=Extent)
    reason: str | None = None

    @property
    def read(self) -> bool:
        """Whether it was read completely."""
        return self.extent is Extent.COMPLETE


_COMPLETE = Reading(extent=Extent.COMPLETE)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class ReadCoverage:
    """What a reader read of a source, part by part and table by table.

    Tables are named by the part they belong to: :attr:`~govdisclose.model.Part.PROACTIVE` for table 二,
    ``APPLICATIONS`` for 三, ``REVIEWS_LITIGATION`` for 四. Whatever is not listed has the reading :attr:`rest`.
    A report built in code, or loaded from a document, has no coverage: everything counts as read.

    Attributes:
        parts: ``(part, reading)`` pairs.
        tables: ``(part, reading)`` pairs for the official tables.
        rest: The reading of every part and table not listed (complete unless the source was cut off).
    """

    parts: tuple[tuple[Part, Reading], ...] = ()
    tables: tuple[tuple[Part, Reading], ...] = ()
    rest: Reading = _COMPLETE

    @classmethod
    def complete(cls) -> ReadCoverage:
        """Everything read."""
        return cls()

    @classmethod
    def cut_off(cls, reason: str) -> ReadCoverage:
        """A source that ends early: whatever is not in the report was not read (``reason`` says why)."""
        return cls(rest=Reading(extent=Extent.NOT_READ, reason=reason))

    def part(self, part: Part) -> Reading:
        """How the part *part* was read."""
        return next((reading for listed, reading in self.parts if listed is part), self.rest)

    def table(self, part: Part) -> Reading:
        """How the official table of the part *part* was read."""
        return next((reading for listed, reading in self.tables if listed is part), self.rest)
