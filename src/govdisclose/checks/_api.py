"""Running the rules: :func:`check` and its :class:`CheckResult`, with a versioned JSON form.

>>> from govdisclose import examples
>>> result = check(examples.load("sanyuan-chengguan-2017"))
>>> result.ok, result.counts["error"]
(False, 1)
>>> [f.message for f in result.by_rule("breakdown.sum")]
['“制作政府信息”按类型分项之和为17条（1+5+2+9），与总数15条不符（差2条）']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import attrs

from .._errors import ModelError
from ..model import Explanation, Report
from ._catalog import RuleCatalog, RuleSet
from ._context import CheckContext
from ._default import default_rules
from ._findings import Finding, Severity
from ._paths import covers, path_key

__all__ = ["FINDINGS_FORMAT", "FINDINGS_VERSION", "CheckResult", "check"]

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
    """

    report: Report = attrs.field(repr=False)
    previous: Report | None = attrs.field(default=None, repr=False)
    findings: tuple[Finding, ...] = ()
    rules: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()

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
    def summary(self) -> str:
        """One line: ``1 error, 2 warnings, 1 info (0 explained)``."""
        counts = self.counts
        return (
            f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
            f"{_plural(counts['info'], 'info')} ({counts['explained']} explained)"
        )

    def to_text(self) -> str:
        """One line per finding, ``severity rule-id path message``; explained ones end with ``（已说明：…）``.

        The path is the finding's first; the line says how many more it has (``(+4)``).
        """
        lines = []
        for finding in self.findings:
            path = finding.path or "$"
            more = f" (+{len(finding.paths) - 1})" if len(finding.paths) > 1 else ""
            note = f" （已说明：{finding.explained_by}）" if finding.explained_by is not None else ""
            lines.append(f"{finding.severity.value:<7} {finding.rule} {path}{more} {finding.message}{note}")
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


def check(report: Report, *, previous: Report | None = None, rules: RuleCatalog | RuleSet | None = None) -> CheckResult:
    """Run the rules on *report* and collect their findings.

    Args:
        report: The report to check.
        previous: Last year's report of the same organ, for the rules across years (``applications.carry-over``,
            ``proactive.in-force``); without it those rules are skipped.
        rules: A catalog (every rule at its default severity), a :class:`RuleSet` from ``configure`` (rules disabled or
            re-graded), or ``None`` for :data:`default_rules`.

    Returns:
        The findings, each marked explained when one of ``report.explanations`` covers it (same rule or none; a path
        that is a prefix of one of the finding's paths, or none).

    Raises:
        ModelError: *previous* is not the report of the year before.
    """
    if previous is not None and previous.year != report.year - 1:
        raise ModelError(
            f"'previous' must be the report on {report.year - 1} (got a report on {previous.year})",
            field="previous",
            value=previous.year,
        )
    selection = (rules if rules is not None else default_rules).configure()
    findings: list[Finding] = []
    ran: list[str] = []
    skipped: list[str] = []
    context: CheckContext | None = None
    for rule, severity in selection:
        if rule.needs_previous and previous is None:
            skipped.append(rule.id)
            continue
        ran.append(rule.id)
        if context is None:
            context = CheckContext.create(report, previous, rule, severity)
        else:
            context = context.for_rule(rule, severity)
        for finding in rule.check(context):
            normalized = attrs.evolve(finding, rule=rule.id, severity=severity)
            findings.append(attrs.evolve(normalized, explained_by=_explained_by(normalized, report.explanations)))
    findings.sort(key=_position)
    return CheckResult(
        report=report, previous=previous, findings=tuple(findings), rules=tuple(ran), skipped=tuple(skipped)
    )
