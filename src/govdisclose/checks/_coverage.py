"""What was read, how blanks count, and what each rule could assess.

Three ideas live here:

- :class:`ReadCoverage` is what a caller (a reader) says about its reading: for each part of the report and each
  official table, whether it was read completely, partly or not at all, and why. A part or table that is absent from
  the report *and* was not read is "not assessed", never "missing".
- :class:`BlankPolicy` says how a blank cell (or ``/``, ``—``, ``无``) that is an addend of a sum counts: as 0 beside a
  filled total (``lenient``, the default) or as "cannot tell" (``strict``). A blank *total* is never 0: the relation is
  not assessable whatever the policy.
- :class:`RuleCoverage` is what :func:`~govdisclose.checks.check` reports back per rule: what it ran on, and what it
  could not assess.

>>> from govdisclose.model import Part
>>> coverage = ReadCoverage.cut_off("原文在第二部分后截断")
>>> coverage.table(Part.APPLICATIONS).extent.value, coverage.table(Part.APPLICATIONS).reason
('not-read', '原文在第二部分后截断')
>>> coverage = ReadCoverage(tables=((Part.PROACTIVE, Reading(extent="complete")),), rest=coverage.rest)
>>> coverage.table(Part.PROACTIVE).read, coverage.part(Part.OTHER).read
(True, False)
"""

from __future__ import annotations

import enum

import attrs

from ..model import Extent, ReadCoverage, Reading

__all__ = ["BlankPolicy", "Extent", "ReadCoverage", "Reading", "RuleCoverage", "RuleStatus"]


class BlankPolicy(str, enum.Enum):
    """How blank and "none" cells (``""``, ``/``, ``—``, ``无`` …) take part in a sum as *addends*.

    Whatever the policy, a relation whose total (result cell) is blank or a marker is not assessable.
    """

    LENIENT = "lenient"
    """A blank addend beside a filled total counts as 0 (how agencies mostly use blanks); except when every addend is
    blank while the total is above 0 (the parts were not filled in), or when the blank addend is itself the total of
    other cells that are above 0 (a subtotal left blank): then the relation is not assessable."""
    STRICT = "strict"
    """Any blank or marker among the cells of a relation makes it not assessable."""


class RuleStatus(str, enum.Enum):
    """What became of one rule in a check."""

    RAN = "ran"
    """It ran and assessed everything it looked for."""
    PARTIAL = "partial"
    """It ran, and some relations or parts could not be assessed (blank totals, parts not read)."""
    NOT_ASSESSED = "not-assessed"
    """It ran and could assess nothing it looked for."""
    SKIPPED = "skipped"
    """It did not run (it needs last year's report, or the profile leaves it out for this agency)."""


@attrs.frozen(kw_only=True)
class RuleCoverage:
    """What one rule ran on in a check, and what it could not assess.

    Attributes:
        rule: The rule's ID.
        status: Ran, partly, assessed nothing, or skipped.
        on: The paths of what it assessed (tables, sections) when the rule says; empty for the report as a whole.
        not_assessed: The paths of what it could not assess (blank totals, the part where a table that was not read
            belongs).
        reasons: Why, in words, one per distinct reason.
    """

    rule: str
    status: RuleStatus = attrs.field(converter=RuleStatus)
    on: tuple[str, ...] = ()
    not_assessed: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    def to_data(self) -> dict[str, object]:
        """The rule's coverage as JSON-ready data."""
        return {
            "rule": self.rule,
            "status": self.status.value,
            "on": list(self.on),
            "not_assessed": list(self.not_assessed),
            "reasons": list(self.reasons),
        }
