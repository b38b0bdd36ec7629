"""Two years of one agency compared: identity, the change of each figure and metric, carry-over, anomalies, reused text.

:func:`compare` takes last year's report and this year's and gives a :class:`Comparison`: per matched figure the change,
per metric the change, and findings — two different agencies or years that are not consecutive (``compare.identity``,
``compare.years``), the checks' rules across years (``applications.carry-over`` …: carry-over consistency), a figure
five times or a fifth of last year's, or zero after a large value (``compare.anomaly``) — and the text reused from last
year: :func:`govdisclose.checks.reused_text`, the package's one text-reuse measure (sentences, boilerplate left out,
years aside), whose share the checks' rule ``copied.text`` also judges against its threshold.

>>> from govdisclose import examples
>>> import attrs
>>> last = examples.load("sample-2021")
>>> this = attrs.evolve(last, year=2022)
>>> result = compare(last, this)
>>> result.same_agency, result.consecutive, len(result.changes)
(True, True, 200)
>>> sorted({f.rule for f in result.findings})
['applications.carry-over', 'copied.tables', 'copied.text', 'proactive.in-force']
>>> len(result.reused.matches) == result.reused.sentences, result.reused_share
(True, Decimal('1'))
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from ..checks import Finding, Operand, Severity, TextReuse, check, default_rules, reused_text
from ..model import KindRegistry, Report, agency_identity, same_agency
from ._metrics import METRICS, Change, Derived, app_cell, cell_index, cell_value, change
from ._rows import FigureRow, ReportRow
from ._walk import facts_of, figure_rows

__all__ = [
    "ANOMALY_FACTOR",
    "LARGE",
    "CarryOver",
    "Comparison",
    "FigureChange",
    "MetricChange",
    "compare",
    "identity_findings",
]

ANOMALY_FACTOR = Decimal(5)
"""A figure at least this many times last year's, or at most its inverse (×5, ×0.2), is an anomaly."""
LARGE = Decimal(10)
"""A ratio counts only when the larger of the two figures is at least this; zero after at least this is an anomaly."""


@attrs.frozen(kw_only=True)
class FigureChange:
    """One figure in both years.

    Attributes:
        table_id: The table (``applications-2021``); last year's may be the 2019 layout of the same table.
        row_id: The row id.
        row_label: The row's label (this year's).
        column_id: The column id.
        column_label: The column's label.
        last: Last year's cell.
        this: This year's cell.
        change: The change (or why there is none: a blank or a marker).
    """

    table_id: str
    row_id: str
    row_label: str | None
    column_id: str
    column_label: str | None
    last: FigureRow
    this: FigureRow
    change: Change


@attrs.frozen(kw_only=True)
class MetricChange:
    """One metric in both years."""

    metric: str
    name: str
    last: Derived
    this: Derived
    change: Change


@attrs.frozen(kw_only=True)
class CarryOver:
    """Last year's 结转下年度继续办理 and this year's 上年结转政府信息公开申请数量 (table 三, 总计): they should agree.

    Attributes:
        last_forward: Last year's applications carried forward.
        this_carried: This year's applications carried over from last year.
    """

    last_forward: Derived
    this_carried: Derived

    @property
    def consistent(self) -> bool | None:
        """Whether the two agree; ``None`` when either is not a number."""
        if self.last_forward.value is None or self.this_carried.value is None:
            return None
        return self.last_forward.value == self.this_carried.value


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


@attrs.frozen(kw_only=True)
class Comparison:
    """What :func:`compare` found.

    Attributes:
        last: Last year's report (its row of the reports table).
        this: This year's report.
        same_agency: Whether the two reports are of one agency (:func:`same_agency`).
        consecutive: Whether *this* is the year after *last*.
        changes: The figures found in both reports, in this year's order.
        metrics: The metrics in both years.
        findings: Identity, the checks' rules across years (carry-over, ``copied.text`` …) and anomaly findings
            (paths of last year's report are marked ``previous`` in the operands).
        reused: This year's sentences found in last year's report (:func:`govdisclose.checks.reused_text`).
        carry_over: The applications last year carried forward and this year carried over.
    """

    last: ReportRow
    this: ReportRow
    same_agency: bool
    consecutive: bool
    changes: tuple[FigureChange, ...]
    metrics: tuple[MetricChange, ...]
    findings: tuple[Finding, ...]
    reused: TextReuse
    carry_over: CarryOver

    @property
    def reused_share(self) -> Decimal | None:
        """The share of this year's compared text (in characters) that is last year's (``reused.share``)."""
        return self.reused.share

    def to_data(self) -> dict[str, Any]:
        """The comparison as JSON-ready data (numbers as exact decimal strings)."""

        def report(row: ReportRow) -> dict[str, Any]:
            return {"agency": row.agency, "agency_key": row.agency_key, "year": row.year, "report_id": row.report_id}

        return {
            "format": "govdisclose-comparison",
            "version": 1,
            "last": report(self.last),
            "this": report(self.this),
            "same_agency": self.same_agency,
            "consecutive": self.consecutive,
            "reused_share": _text(self.reused_share),
            "reused": {
                "sentences": self.reused.sentences,
                "characters": self.reused.characters,
                "reused_characters": self.reused.reused_characters,
                "matches": [
                    {"path": m.path, "previous_path": m.previous_path, "text": m.text} for m in self.reused.matches
                ],
            },
            "carry_over": {
                "last_forward": _text(self.carry_over.last_forward.value),
                "this_carried": _text(self.carry_over.this_carried.value),
                "consistent": self.carry_over.consistent,
            },
            "findings": [finding.to_data() for finding in self.findings],
            "metrics": [
                {
                    "metric": m.metric,
                    "name": m.name,
                    "last": _text(m.last.value),
                    "this": _text(m.this.value),
                    "absolute": _text(m.change.absolute),
                    "relative": _text(m.change.relative),
                    "reason": m.change.reason,
                }
                for m in self.metrics
            ],
            "changes": [
                {
                    "table": c.table_id,
                    "row": c.row_id,
                    "row_label": c.row_label,
                    "column": c.column_id,
                    "column_label": c.column_label,
                    "last": c.last.text,
                    "this": c.this.text,
                    "absolute": _text(c.change.absolute),
                    "relative": _text(c.change.relative),
                    "path": c.this.path,
                }
                for c in self.changes
            ],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_data` as JSON text."""
        return json.dumps(self.to_data(), ensure_ascii=False, indent=indent)

    def to_html(self) -> str:
        """One self-contained HTML page with inline SVG charts (see :func:`comparison_html`)."""
        from ._compare_page import comparison_html

        return comparison_html(self)

    def to_text(self) -> str:
        """A plain-text page: the two reports, the findings, the metrics, and the figures that changed."""
        lines = [
            f"last: {self.last.agency} {self.last.year} ({self.last.agency_key})",
            f"this: {self.this.agency} {self.this.year} ({self.this.agency_key})",
            "",
            "findings:" if self.findings else "findings: none",
        ]
        lines += [f"  {f.severity.value:<7} {f.rule} {f.path or '$'} {f.message}" for f in self.findings]
        lines += ["", "metrics (last → this, change):"]
        for m in self.metrics:
            values = f"{_text(m.last.value) or '—'} → {_text(m.this.value) or '—'}"
            note = f" ({m.change.reason})" if m.change.reason is not None else ""
            lines.append(f"  {m.name} ({m.metric}): {values}{note}")
        changed = [c for c in self.changes if c.change.absolute not in (None, Decimal(0))]
        lines += ["", f"figures changed: {len(changed)} of {len(self.changes)}"]
        for c in changed:
            lines.append(
                f"  {c.table_id} {c.row_label or c.row_id} × {c.column_label or c.column_id}: "
                f"{c.last.text} → {c.this.text} ({'+' if c.change.absolute and c.change.absolute > 0 else ''}"
                f"{_text(c.change.absolute)})"
            )
        if self.reused_share is not None:
            reused = self.reused
            lines += [
                "",
                f"text reused from last year: {reused.reused_characters} of {reused.characters} characters "
                f"({self.reused_share:.0%}), {len(reused.matches)} of {reused.sentences} sentences "
                "(years aside, boilerplate left out)",
            ]
            lines += [f"  {m.path} {m.text}" for m in reused.matches]
        return "\n".join(lines) + "\n"


def identity_findings(last: Report, this: Report, *, overrides: Mapping[str, str] | None = None) -> tuple[Finding, ...]:
    """Warnings when *last* is not of the agency of *this*, or not of the year before.

    >>> from govdisclose import examples
    >>> import attrs
    >>> this = examples.load("sample-2021")
    >>> last = attrs.evolve(this, year=2020, agency=attrs.evolve(this.agency, name="示例县公安局"))
    >>> [f.rule for f in identity_findings(last, this)]
    ['compare.identity']
    """
    found = []
    before = agency_identity(last.agency, overrides=overrides)
    now = agency_identity(this.agency, overrides=overrides)
    if not same_agency(before, now):
        found.append(
            Finding(
                rule="compare.identity",
                severity=Severity.WARNING,
                message=(
                    f"上年报告的机构“{last.agency.name}”与本年报告的机构“{this.agency.name}”不是同一机构"
                    f"（机构键{before.key}与{now.key}不同）"
                ),
                paths=("$.agency.name",),
                operands=(
                    Operand(path="$.agency.name", text=last.agency.name, previous=True),
                    Operand(path="$.agency.name", text=this.agency.name),
                ),
            )
        )
    if last.year != this.year - 1:
        found.append(
            Finding(
                rule="compare.years",
                severity=Severity.WARNING,
                message=f"上年报告为{last.year}年度，本年报告为{this.year}年度，不是相邻年度",
                paths=("$.year",),
                operands=(
                    Operand(path="$.year", text=str(last.year), value=Decimal(last.year), previous=True),
                    Operand(path="$.year", text=str(this.year), value=Decimal(this.year)),
                ),
                expected=Decimal(this.year - 1),
                actual=Decimal(last.year),
                difference=Decimal(last.year - this.year + 1),
            )
        )
    return tuple(found)


def _family(table_id: str) -> str:
    """Tables whose layouts share ids across editions (``applications-2019`` and ``-2021``) match each other."""
    return re.sub(r"-(2019|2021)$", "", table_id)


def _anomaly(change: FigureChange) -> Finding | None:
    before, now = change.last.value, change.this.value
    if before is None or now is None or change.last.qualifier or change.this.qualifier:
        return None
    what = f"{change.row_label or change.row_id} × {change.column_label or change.column_id}"
    if now == 0 and before >= LARGE:
        message = f"{what}本年为0，上年为{change.last.text}"
    elif (
        before > 0
        and now > 0
        and max(before, now) >= LARGE
        and (now >= before * ANOMALY_FACTOR or now * ANOMALY_FACTOR <= before)
    ):
        message = f"{what}本年为{change.this.text}，上年为{change.last.text}（{now / before:.2f}倍）"
    else:
        return None
    return Finding(
        rule="compare.anomaly",
        severity=Severity.WARNING,
        message=message,
        paths=(change.this.path,),
        operands=(
            Operand(path=change.last.path, text=change.last.text, value=before, previous=True),
            Operand(path=change.this.path, text=change.this.text, value=now),
        ),
    )


def compare(
    last: Report,
    this: Report,
    *,
    registry: KindRegistry | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Comparison:
    """Compare last year's report with this year's (see the module's description)."""
    last_facts = facts_of(last, registry=registry, overrides=overrides)
    this_facts = facts_of(this, registry=registry, overrides=overrides)
    findings = list(identity_findings(last, this, overrides=overrides))
    before_rows = list(figure_rows(last, last_facts))
    now_rows = list(figure_rows(this, this_facts))
    before: dict[tuple[str, str, str], FigureRow] = {}
    for row in before_rows:
        before.setdefault((_family(row.table_id), row.row_id, row.column_id), row)
    changes = []
    for row in now_rows:
        match = before.get((_family(row.table_id), row.row_id, row.column_id))
        if match is None:
            continue
        item = FigureChange(
            table_id=row.table_id,
            row_id=row.row_id,
            row_label=row.row_label,
            column_id=row.column_id,
            column_label=row.column_label,
            last=match,
            this=row,
            change=change(row.value, match.value),
        )
        changes.append(item)
        anomaly = _anomaly(item)
        if anomaly is not None:
            findings.append(anomaly)
    if last.year == this.year - 1:  # the checks' rules across years: carry-over consistency
        # previous.identity leaves out: identity_findings said it above, with the caller's overrides
        across = default_rules.configure(
            only=[rule.id for rule in default_rules if rule.needs_previous and rule.id != "previous.identity"]
        )
        findings.extend(check(this, previous=last, rules=across).findings)
    before_cells, now_cells = cell_index(before_rows), cell_index(now_rows)
    metrics = []
    for metric in METRICS.values():
        old, new = metric.compute(before_cells), metric.compute(now_cells)
        metrics.append(MetricChange(metric=metric.id, name=metric.name, last=old, this=new, change=change(new, old)))
    return Comparison(
        last=last_facts.row,
        this=this_facts.row,
        same_agency=not any(f.rule == "compare.identity" for f in findings),
        consecutive=last.year == this.year - 1,
        changes=tuple(changes),
        metrics=tuple(metrics),
        findings=tuple(findings),
        reused=reused_text(last, this),
        carry_over=CarryOver(
            last_forward=cell_value(app_cell("carry-forward"), before_cells),
            this_carried=cell_value(app_cell("carried-over"), now_cells),
        ),
    )
