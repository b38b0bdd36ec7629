"""Running the rules: :func:`check` and its :class:`CheckResult`, with a versioned JSON form.

>>> from govdisclose import examples
>>> result = check(examples.load("sanyuan-chengguan-2017"))
>>> result.ok, result.counts["error"]
(False, 1)
>>> [f.message for f in result.by_rule("breakdown.sum")]
['“制作政府信息”按类型分项之和为17条（1+5+2+9），与总数15条不符（差2条）']
"""

from __future__ import annotations

import decimal
import json
import os
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import attrs

from .._errors import ModelError
from ..model import Explanation, Report
from ._catalog import RuleCatalog, RuleSet
from ._context import CheckContext
from ._coverage import BlankPolicy, ReadCoverage, RuleCoverage, RuleStatus
from ._default import default_rules
from ._findings import Finding, Severity, SourcePosition
from ._numbers import ARITHMETIC
from ._paths import covers, path_key
from ._profile import Profile, load_profile

__all__ = ["FINDINGS_FORMAT", "FINDINGS_VERSION", "CheckResult", "Locatable", "ReadLike", "check"]

FINDINGS_FORMAT = "govdisclose-findings"
"""The ``"format"`` member of the JSON form of a check's result."""

FINDINGS_VERSION = 1
"""The ``"version"`` member of the JSON form; raised when the layout changes incompatibly."""


def _report_data(report: Report) -> dict[str, Any]:
    return {
        "title": report.display_title,
        "agency": report.agency.name,
        "year": report.year,
        "edition": report.edition.value,
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


@attrs.frozen(kw_only=True)
class CheckResult:
    """What :func:`check` found in one report.

    Attributes:
        report: The report checked.
        previous: Last year's report, when one was given.
        findings: Every finding, ordered by document position (the first path in document order), then rule ID.
        rules: The IDs of the rules that ran, in catalog order.
        skipped: The IDs of rules that did not run because they need last year's report.
        coverage: Per rule, in catalog order: what it ran on and what it could not assess (:class:`RuleCoverage`).
        blanks: The policy blank addends were counted under.
        read: What the caller said was read of the report (``None``: everything).
    """

    report: Report = attrs.field(repr=False)
    previous: Report | None = attrs.field(default=None, repr=False)
    findings: tuple[Finding, ...] = ()
    rules: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    coverage: tuple[RuleCoverage, ...] = ()
    blanks: BlankPolicy = BlankPolicy.LENIENT
    read: ReadCoverage | None = attrs.field(default=None, repr=False)

    @property
    def counts(self) -> dict[str, int]:
        """How many findings of each severity (explained ones included), and how many are explained."""
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        counts["explained"] = sum(finding.explained for finding in self.findings)
        return counts

    @property
    def unexplained(self) -> tuple[Finding, ...]:
        """The findings no explanation of the report covers."""
        return tuple(finding for finding in self.findings if not finding.explained)

    @property
    def ok(self) -> bool:
        """Whether no unexplained error remains."""
        return not any(finding.severity is Severity.ERROR for finding in self.unexplained)

    def by_rule(self, rule_id: str) -> tuple[Finding, ...]:
        """The findings of one rule."""
        return tuple(finding for finding in self.findings if finding.rule == rule_id)

    @property
    def not_assessed(self) -> tuple[Finding, ...]:
        """The *not assessable* findings: relations and parts a rule could not assess (blank totals, parts not read)."""
        return tuple(finding for finding in self.findings if not finding.assessed)

    def rule_coverage(self, rule_id: str) -> RuleCoverage:
        """What the rule *rule_id* ran on and could not assess.

        Raises:
            KeyError: The rule was not selected for this check.
        """
        for entry in self.coverage:
            if entry.rule == rule_id:
                return entry
        raise KeyError(rule_id)

    @property
    def summary(self) -> str:
        """One line: ``1 error, 2 warnings, 1 info (0 explained)``."""
        counts = self.counts
        return (
            f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
            f"{_plural(counts['info'], 'info')} ({counts['explained']} explained)"
        )

    def to_text(self, *, coverage: bool = False) -> str:
        """One line per finding, ``severity rule-id path message``; explained ones end with ``（已说明：…）``.

        The path is the finding's first; the line says how many more it has (``(+4)``), and ends with the source
        position of the first value that has one (``[第3页 第12行]``) when positions were given. Then one line per
        rule that assessed nothing it looked for (``n/a     rule-id reason``); with *coverage* also one per rule
        skipped or only partly assessed (``skipped`` / ``partial``).
        """
        lines = []
        for finding in self.findings:
            path = finding.path or "$"
            more = f" (+{len(finding.paths) - 1})" if len(finding.paths) > 1 else ""
            note = f" （已说明：{finding.explained_by}）" if finding.explained_by is not None else ""
            where = f" [{finding.positions[0]}]" if finding.positions else ""
            lines.append(f"{finding.severity.value:<7} {finding.rule} {path}{more} {finding.message}{note}{where}")
        shown = {RuleStatus.NOT_ASSESSED: "n/a"}
        if coverage:
            shown |= {RuleStatus.SKIPPED: "skipped", RuleStatus.PARTIAL: "partial"}
        for entry in self.coverage:
            if entry.status in shown:
                reasons = "；".join(entry.reasons)
                lines.append(f"{shown[entry.status]:<7} {entry.rule} {reasons}".rstrip())
        return "".join(line + "\n" for line in lines)

    def to_data(self, *, source: str | None = None) -> dict[str, Any]:
        """The result as JSON-ready data: the versioned ``govdisclose-findings`` document of ``docs/checks.md``.

        Args:
            source: Where the report came from (a file name, ``example:NAME``), recorded as ``"source"`` if given.
        """
        data: dict[str, Any] = {"format": FINDINGS_FORMAT, "version": FINDINGS_VERSION}
        if source is not None:
            data["source"] = source
        data["report"] = _report_data(self.report)
        data["previous"] = _report_data(self.previous) if self.previous is not None else None
        data["ok"] = self.ok
        data["counts"] = self.counts
        data["rules"] = list(self.rules)
        data["skipped"] = list(self.skipped)
        data["findings"] = [finding.to_data() for finding in self.findings]
        data["blanks"] = self.blanks.value
        data["coverage"] = [entry.to_data() for entry in self.coverage]
        return data

    def to_json(self, *, source: str | None = None, indent: int | None = 2) -> str:
        """:meth:`to_data` as JSON text (UTF-8 characters kept, not escaped)."""
        return json.dumps(self.to_data(source=source), ensure_ascii=False, indent=indent)


def _explained_by(finding: Finding, explanations: Iterable[Explanation]) -> str | None:
    for explanation in explanations:
        if explanation.rule is not None and explanation.rule != finding.rule:
            continue
        if explanation.path is not None and not any(covers(explanation.path, path) for path in finding.paths):
            continue
        return explanation.text
    return None


def _position(finding: Finding) -> tuple[tuple[tuple[int, str], ...], str]:
    keys = [path_key(path) for path in finding.paths]
    return (min(keys) if keys else ()), finding.rule


class Locatable(Protocol):
    """A source position as a reader gives it (``govdisclose.read.Position``): a line, a column and a page."""

    @property
    def line(self) -> int:
        """The 1-based line (of its page)."""
        ...

    @property
    def column(self) -> int:
        """The 1-based column."""
        ...

    @property
    def page(self) -> int:
        """The 1-based page of a paged source, 0 otherwise."""
        ...


def _parent(path: str) -> str | None:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 1 else None


def _locate(path: str, positions: Mapping[str, Locatable]) -> SourcePosition | None:
    """The position of the value at *path*: its own, else that of the nearest element holding it (a cell's row)."""
    step: str | None = path
    while step is not None:
        found = positions.get(step)
        if found is not None:
            return SourcePosition(path=path, line=found.line, column=found.column, page=found.page)
        step = _parent(step)
    return None


def _positions(finding: Finding, positions: Mapping[str, Locatable] | None) -> Finding:
    if not positions:
        return finding
    located = (_locate(path, positions) for path in finding.paths)
    return attrs.evolve(finding, positions=tuple(position for position in located if position is not None))


class ReadLike(Protocol):
    """What :func:`check` accepts besides a report: a reader's result, with the report and optionally its coverage."""

    @property
    def report(self) -> Report:
        """The report read."""
        ...


def _unwrap(source: Report | ReadLike) -> tuple[Report, ReadCoverage | None, Mapping[str, Locatable] | None]:
    if isinstance(source, Report):
        return source, None, None
    report = getattr(source, "report", None)
    if not isinstance(report, Report):
        raise ModelError(
            f"check() takes a Report or a reader's result with a 'report' (got {type(source).__name__})",
            field="report",
            value=type(source).__name__,
        )
    coverage = getattr(source, "coverage", None)
    positions = getattr(source, "positions", None)
    return (
        report,
        coverage if isinstance(coverage, ReadCoverage) else None,
        positions if isinstance(positions, Mapping) else None,
    )


def _rule_coverage(rule_id: str, ctx: CheckContext) -> RuleCoverage:
    record = ctx._record
    status = RuleStatus.RAN
    if record.not_assessed or record.reasons:
        status = RuleStatus.PARTIAL if record.on or not record.declared else RuleStatus.NOT_ASSESSED
    return RuleCoverage(
        rule=rule_id,
        status=status,
        on=tuple(record.on),
        not_assessed=tuple(record.not_assessed),
        reasons=tuple(record.reasons),
    )


_NEEDS_PREVIOUS = "需要上一年度报告"
IDENTITY_RULE = "previous.identity"
"""The rule that says last year's report is another organ's or year's; it runs when the others across years do not."""


def check(
    report: Report | ReadLike,
    *,
    previous: Report | ReadLike | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    coverage: ReadCoverage | None = None,
    blanks: BlankPolicy | str | None = None,
    profile: Profile | str | os.PathLike[str] | None = None,
    positions: Mapping[str, Locatable] | None = None,
) -> CheckResult:
    """Run the rules on *report* and collect their findings.

    Args:
        report: The report to check, or a reader's result (anything with a ``report``; its ``coverage`` is used when
            it is a :class:`ReadCoverage` and *coverage* is not given).
        previous: Last year's report of the same organ (or its reader's result), for the rules across years
            (``applications.carry-over``, ``proactive.in-force``); without it those rules are skipped.
        rules: A catalog (every rule at its default severity), a :class:`RuleSet` from ``configure`` (rules disabled or
            re-graded), or ``None`` for :data:`default_rules`.
        coverage: What the reader read: a part or table that is absent and was not read is "not assessed", not
            "missing". ``None``: everything in the report counts as read.
        blanks: How blank addends count (``"lenient"`` or ``"strict"``; see :class:`BlankPolicy`); ``None``: the
            profile's, else lenient.
        profile: A :class:`Profile` (or the path of its TOML file): it narrows and re-grades *rules*, sets the
            rules' parameters and the blank policy, and limits scoped rules to the organs in their scope (others
            are skipped, and the coverage says why).
        positions: Where the elements of the report stand in its source, by document path (a reader's
            ``ReadResult.positions``; taken from *report* when it is a reader's result that has them): each finding
            carries the position (page, line) of the values it names, or of the nearest element that holds them.

    Returns:
        The findings, each marked explained when one of ``report.explanations`` covers it (same rule or none; a path
        that is a prefix of one of the finding's paths, or none), and the coverage of every selected rule.

    When *previous* is not the report of the year before, the rules across years are skipped (the coverage says why)
    and ``previous.identity`` warns; it warns too when *previous* is another organ's report.

    Raises:
        ModelError: *report* is not a report, or *blanks* is not a policy.
        DocumentError: The profile file is not a valid profile.
        RegistryError: The profile names a rule that is not in *rules*.
    """
    report, read, located = _unwrap(report)
    if coverage is None:
        coverage = read
    if positions is None:
        positions = located
    if previous is not None:
        previous, _, _ = _unwrap(previous)
    other_year = None
    if previous is not None and previous.year != report.year - 1:
        other_year = f"上年报告为{previous.year}年度，不是{report.year - 1}年度"
    if isinstance(profile, (str, os.PathLike)):
        profile = load_profile(profile)
    if blanks is None:
        blanks = profile.blanks if profile is not None and profile.blanks is not None else BlankPolicy.LENIENT
    try:
        policy = BlankPolicy(blanks)
    except ValueError:
        raise ModelError(
            f"unknown blank policy {blanks!r}; use 'lenient' or 'strict'", field="blanks", value=blanks
        ) from None
    selection = (rules if rules is not None else default_rules).configure()
    if profile is not None:
        selection = profile.select(selection)
    findings: list[Finding] = []
    ran: list[str] = []
    skipped: list[str] = []
    covered: list[RuleCoverage] = []
    context: CheckContext | None = None
    for rule, severity in selection:
        if rule.needs_previous and (previous is None or (other_year and rule.id != IDENTITY_RULE)):
            skipped.append(rule.id)
            reason = _NEEDS_PREVIOUS if previous is None else other_year or _NEEDS_PREVIOUS
            covered.append(RuleCoverage(rule=rule.id, status=RuleStatus.SKIPPED, reasons=(reason,)))
            continue
        scope = profile.scope(rule.id) if profile is not None else None
        if scope is None and rule.agencies is not None:
            scope, by = rule.agencies, f"规则“{rule.id}”"
        else:
            by = f"检查口径“{profile.name if profile else ''}”"
        if scope is not None and not scope.matches(report.agency):
            reason = f"{by}限于{scope.words()}的机关"
            covered.append(RuleCoverage(rule=rule.id, status=RuleStatus.SKIPPED, reasons=(reason,)))
            continue
        ran.append(rule.id)
        if context is None:
            context = CheckContext.create(
                report, previous, rule, severity, blanks=policy, coverage=coverage, profile=profile
            )
        else:
            context = context.for_rule(rule, severity)
        with decimal.localcontext(ARITHMETIC):  # the host's decimal context (precision, traps) cannot change a sum
            produced = list(rule.check(context))
        for finding in produced:
            lowered = id(finding) in context._record.lowered  # made below the rule's severity on purpose
            level = Severity.INFO if not finding.assessed else finding.severity if lowered else severity
            normalized = attrs.evolve(finding, rule=rule.id, severity=level)
            explained = attrs.evolve(normalized, explained_by=_explained_by(normalized, report.explanations))
            findings.append(_positions(explained, positions))
        covered.append(_rule_coverage(rule.id, context))
    findings.sort(key=_position)
    return CheckResult(
        report=report,
        previous=previous,
        findings=tuple(findings),
        rules=tuple(ran),
        skipped=tuple(skipped),
        coverage=tuple(covered),
        blanks=policy,
        read=coverage,
    )
