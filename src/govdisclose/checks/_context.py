"""What a rule sees: the report (and last year's), the blocks with their paths, and a finding factory.

Work that several rules need (the cells of a table, the parts each section stands for) is done once per check run with
:func:`shared`, whose results live as long as the run's contexts.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar, cast

import attrs

from ..model import Block, Bound, Part, Report, Section
from ._coverage import BlankPolicy, Extent, ReadCoverage
from ._findings import Finding, Operand, Severity, Value
from ._paths import BlockSite, blocks_in, iter_sections
from ._profile import PARAMETERS, Profile

if TYPE_CHECKING:
    from ._catalog import Rule

__all__ = ["CheckContext", "shared"]

_T = TypeVar("_T")


@attrs.frozen
class _Index:
    blocks: tuple[BlockSite, ...]
    sections: tuple[tuple[str, int, Section], ...]
    derived: dict[Callable[[CheckContext], object], object] = attrs.field(factory=dict, eq=False)
    by_type: dict[tuple[type[Block], ...], tuple[BlockSite, ...]] = attrs.field(factory=dict, eq=False)

    def of_types(self, types: tuple[type[Block], ...]) -> tuple[BlockSite, ...]:
        """The blocks of the given types (all with none), filtered once per run for each choice of types."""
        if not types:
            return self.blocks
        found = self.by_type.get(types)
        if found is None:
            found = self.by_type[types] = tuple(site for site in self.blocks if isinstance(site.block, types))
        return found

    @classmethod
    def of(cls, report: Report) -> _Index:
        sections = tuple(iter_sections(report))
        return cls(blocks=tuple(blocks_in(report, sections)), sections=sections)


@attrs.define
class _Record:
    """What the running rule says it assessed, and what it could not (filled while it runs)."""

    declared: bool = False
    """Whether the rule said what it runs on (else it ran on the report as a whole)."""
    on: list[str] = attrs.field(factory=list)
    not_assessed: list[str] = attrs.field(factory=list)
    reasons: list[str] = attrs.field(factory=list)
    lowered: set[int] = attrs.field(factory=set)
    """The ``id()`` of the findings the rule made below its severity on purpose (``finding(..., severity=…)``)."""


@attrs.frozen(kw_only=True)
class CheckContext:
    """The input of one rule's check function.

    A rule yields :class:`Finding` s made with :meth:`finding`, which fills in the rule's ID and the severity in
    force for this check.

    Attributes:
        report: The report under check.
        previous: Last year's report of the same organ, when the caller gave one.
        rule: The rule being run.
        severity: The rule's severity in this check.
        blanks: How blank addends count in sums (:class:`BlankPolicy`).
        coverage: What the reader read, when the caller said (``None``: everything in the report was read).
        profile: The profile of this check, if any (its parameters are read with :meth:`param`).
    """

    report: Report
    previous: Report | None
    rule: Rule
    severity: Severity
    _index: _Index = attrs.field(alias="index")
    _previous_index: _Index | None = attrs.field(alias="previous_index")
    blanks: BlankPolicy = BlankPolicy.LENIENT
    coverage: ReadCoverage | None = None
    profile: Profile | None = None
    _record: _Record = attrs.field(alias="record", factory=_Record, eq=False, repr=False)

    @classmethod
    def create(
        cls,
        report: Report,
        previous: Report | None,
        rule: Rule,
        severity: Severity,
        *,
        blanks: BlankPolicy = BlankPolicy.LENIENT,
        coverage: ReadCoverage | None = None,
        profile: Profile | None = None,
    ) -> CheckContext:
        """A context for *rule* (the block index is shared by :meth:`for_rule` copies)."""
        return cls(
            report=report,
            previous=previous,
            rule=rule,
            severity=severity,
            index=_Index.of(report),
            previous_index=_Index.of(previous) if previous is not None else None,
            blanks=blanks,
            coverage=coverage,
            profile=profile,
        )

    def for_rule(self, rule: Rule, severity: Severity) -> CheckContext:
        """The same reports, index, policy and coverage, for another rule (with a record of its own)."""
        return CheckContext(
            report=self.report,
            previous=self.previous,
            rule=rule,
            severity=severity,
            index=self._index,
            previous_index=self._previous_index,
            blanks=self.blanks,
            coverage=self.coverage,
            profile=self.profile,
        )

    def param(self, name: str) -> str | Decimal | None:
        """The value of the running rule's parameter *name*: the profile's, else its declared default.

        Raises:
            KeyError: The rule declares no such parameter (see ``PARAMETERS``).
        """
        declared = PARAMETERS.get(self.rule.id, {})
        if name not in declared:
            raise KeyError(f"rule {self.rule.id!r} declares no parameter {name!r}")
        if self.profile is not None:
            return self.profile.parameter(self.rule.id, name)
        return declared[name].default

    def assessing(self, *paths: str) -> None:
        """Record that the running rule assesses what lies at *paths* (a table, a section), for the coverage.

        A rule that calls this (even with no paths) and assesses nothing it looks for is reported ``not-assessed``;
        one that never calls it counts as run on the report as a whole.
        """
        self._record.declared = True
        self._record.on.extend(path for path in paths if path not in self._record.on)

    def could_not_assess(self, reason: str, *paths: str) -> None:
        """Record that the running rule could not assess what lies at *paths*, and why (no finding is made)."""
        self._record.not_assessed.extend(path for path in paths if path not in self._record.not_assessed)
        if reason not in self._record.reasons:
            self._record.reasons.append(reason)

    def not_read(self, part: Part, *, table: bool = False) -> str | None:
        """Why the part *part* (its official table with *table*) was not read completely, or ``None`` if it was.

        Without coverage from the caller everything counts as read.
        """
        if self.coverage is None:
            return None
        reading = self.coverage.table(part) if table else self.coverage.part(part)
        if reading.read:
            return None
        return reading.reason or ("未读取" if reading.extent is Extent.NOT_READ else "只读取了一部分")

    def not_assessed(
        self, message: str, *, paths: tuple[str, ...] = (), operands: tuple[Operand, ...] = (), reason: str = ""
    ) -> Finding:
        """A *not assessable* finding of the running rule (always an info), recorded in the coverage.

        Args:
            message: What could not be assessed and why, naming the cells.
            paths: The cells or places involved.
            operands: The published figures involved.
            reason: A short reason for the coverage (the message when empty).
        """
        self.could_not_assess(reason or message, *paths)
        return Finding(
            rule=self.rule.id,
            severity=Severity.INFO,
            message=message,
            paths=paths,
            operands=operands,
            assessed=False,
        )

    def blocks(self, *types: type[Block]) -> tuple[BlockSite, ...]:
        """The blocks of the report (of the given types, if any) with their paths, in document order."""
        return self._index.of_types(types)

    def previous_blocks(self, *types: type[Block]) -> tuple[BlockSite, ...]:
        """As :meth:`blocks`, in last year's report (none when there is no previous report)."""
        if self._previous_index is None:
            return ()
        return self._previous_index.of_types(types)

    def sections(self) -> tuple[tuple[str, int, Section], ...]:
        """``(path, depth, section)`` of every section, depth first (chapters have depth 1)."""
        return self._index.sections

    def finding(
        self,
        message: str,
        *,
        paths: tuple[str, ...] = (),
        operands: tuple[Operand, ...] = (),
        expected: Value | None = None,
        actual: Value | None = None,
        difference: Decimal | None = None,
        expected_bound: Bound = Bound.EXACT,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of the running rule, at its severity for this check.

        *severity* lowers it for a case the rule knows to be only worth knowing (never above the severity in force):
        ``part.missing`` gives an info, not a warning, for a pre-2019 report without 其他需要报告的事项.
        """
        level = self.severity if severity is None or severity >= self.severity else severity
        finding = Finding(
            rule=self.rule.id,
            severity=level,
            message=message,
            paths=paths,
            operands=operands,
            expected=expected,
            actual=actual,
            difference=difference,
            expected_bound=expected_bound,
        )
        if level is not self.severity:
            self._record.lowered.add(id(finding))
        return finding


def shared(ctx: CheckContext, build: Callable[[CheckContext], _T]) -> _T:
    """``build(ctx)``, worked out once per check run and shared by every rule of that run.

    *build* must depend on the reports only, never on the rule or severity of *ctx*.

    >>> from govdisclose import examples
    >>> from govdisclose.checks import default_rules
    >>> rule = default_rules["part.missing"]
    >>> ctx = CheckContext.create(examples.load("sample-2021"), None, rule, rule.severity)
    >>> def chapters(ctx: CheckContext) -> list[str]:
    ...     return [section.heading for _, depth, section in ctx.sections() if depth == 1]
    >>> shared(ctx, chapters)[:2], shared(ctx.for_rule(rule, rule.severity), chapters) is shared(ctx, chapters)
    (['总体情况', '主动公开政府信息情况'], True)
    """
    derived = ctx._index.derived
    if build not in derived:
        derived[build] = build(ctx)
    return cast(_T, derived[build])
