"""What a rule sees: the report (and last year's), the blocks with their paths, and a finding factory."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ..model import Block, Bound, Report, Section
from ._findings import Finding, Operand, Severity, Value
from ._paths import BlockSite, iter_blocks, iter_sections

if TYPE_CHECKING:
    from ._catalog import Rule

__all__ = ["CheckContext"]


@attrs.frozen
class _Index:
    blocks: tuple[BlockSite, ...]
    sections: tuple[tuple[str, int, Section], ...]

    @classmethod
    def of(cls, report: Report) -> _Index:
        return cls(blocks=tuple(iter_blocks(report)), sections=tuple(iter_sections(report)))


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
    """

    report: Report
    previous: Report | None
    rule: Rule
    severity: Severity
    _index: _Index = attrs.field(alias="index")
    _previous_index: _Index | None = attrs.field(alias="previous_index")

    @classmethod
    def create(cls, report: Report, previous: Report | None, rule: Rule, severity: Severity) -> CheckContext:
        """A context for *rule* (the block index is shared by :meth:`for_rule` copies)."""
        return cls(
            report=report,
            previous=previous,
            rule=rule,
            severity=severity,
            index=_Index.of(report),
            previous_index=_Index.of(previous) if previous is not None else None,
        )

    def for_rule(self, rule: Rule, severity: Severity) -> CheckContext:
        """The same reports and index, for another rule."""
        return attrs.evolve(self, rule=rule, severity=severity)

    def blocks(self, *types: type[Block]) -> tuple[BlockSite, ...]:
        """The blocks of the report (of the given types, if any) with their paths, in document order."""
        return tuple(site for site in self._index.blocks if not types or isinstance(site.block, types))

    def previous_blocks(self, *types: type[Block]) -> tuple[BlockSite, ...]:
        """As :meth:`blocks`, in last year's report (none when there is no previous report)."""
        if self._previous_index is None:
            return ()
        return tuple(site for site in self._previous_index.blocks if not types or isinstance(site.block, types))

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
    ) -> Finding:
        """A finding of the running rule, at its severity for this check."""
        return Finding(
            rule=self.rule.id,
            severity=self.severity,
            message=message,
            paths=paths,
            operands=operands,
            expected=expected,
            actual=actual,
            difference=difference,
            expected_bound=expected_bound,
        )
