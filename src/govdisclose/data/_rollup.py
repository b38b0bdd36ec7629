"""A region rolled up: the figures of its children's reports summed and set against the parent's report.

:func:`rollup` takes the report of a government (the parent: 洪泽区人民政府) and the reports of the organs under it
(its departments, its towns) of the same year, adds up each cell of the official tables over the children and compares
the sum with the parent's cell. Nothing here is an error — a roll-up is information:

- ``rollup.own-level`` (info), once, when every figure of the parent that is not the children's sum is smaller than
  it: the parent reports 本级 only — many governments' reports cover their own organ, not the region, and the finding
  says so;
- ``rollup.sum`` (warning) for each cell where the parent is smaller than the children's sum while other cells are
  larger (neither 本级 only nor the whole region), and (info, once) for the cells where the parent is larger (it adds
  its own organ, or children not given);
- ``rollup.years`` (warning): a child of another year; ``rollup.region`` (warning): a child whose region is not within
  the parent's, or the parent itself given as a child.

A cell is summed only when it is an exact number in every child that has the table (a blank, a marker, an approximate
1100余 stop it: its reason says which, at which path); children without the table do not count.

>>> from govdisclose import examples
>>> import attrs
>>> parent = examples.load("sample-2021")
>>> child = attrs.evolve(parent, agency=attrs.evolve(parent.agency, name="示例县公安局"))
>>> result = rollup(parent, [child, child])
>>> licensing = next(c for c in result.cells if c.path == "$.sections[1].blocks[0].rows[2].values[0]")
>>> licensing.parent.value, licensing.children_sum, licensing.difference  # 268 against 268 + 268
(Decimal('268'), Decimal('536'), Decimal('-268'))
>>> [f.rule for f in result.findings]
['rollup.own-level']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from ..checks import Finding, Operand, Severity
from ..model import KindRegistry, Report, agency_identity
from ._compare import _family, _text
from ._metrics import not_exact
from ._rows import FigureRow, ReportRow
from ._walk import facts_of, figure_rows

__all__ = ["Rollup", "RollupCell", "rollup"]


@attrs.frozen(kw_only=True)
class RollupCell:
    """One cell of an official table: the parent's figure and the children's sum.

    Attributes:
        table_id: The parent's table (``applications-2021``); children's 2019 tables of the same kind count too.
        row_id: The row id.
        row_label: The row's official label.
        column_id: The column id.
        column_label: The column's official heading.
        path: The cell's path in the parent's report.
        parent: The parent's cell.
        children_sum: The sum over the children that have the table, or ``None`` (see *reason*).
        children: How many children have the table.
        reason: Why there is no sum (a child's blank, marker or approximate figure, with its source and path).
    """

    table_id: str
    row_id: str
    row_label: str | None
    column_id: str
    column_label: str | None
    path: str
    parent: FigureRow
    children_sum: Decimal | None
    children: int
    reason: str | None = None

    @property
    def difference(self) -> Decimal | None:
        """The parent's figure minus the children's sum, when both are exact numbers."""
        if self.children_sum is None or self.parent.value is None or self.parent.state != "number":
            return None
        if self.parent.qualifier is not None:
            return None
        return self.parent.value - self.children_sum

    @property
    def what(self) -> str:
        """The cell in words: row label × column label."""
        return f"{self.row_label or self.row_id} × {self.column_label or self.column_id}"


@attrs.frozen(kw_only=True)
class Rollup:
    """What :func:`rollup` found.

    Attributes:
        parent: The parent's report (its row of the reports table).
        children: The children's reports, in the order given.
        cells: Every cell of the parent's official tables that at least one child has.
        findings: ``rollup.*`` findings (info and warning only).
    """

    parent: ReportRow
    children: tuple[ReportRow, ...]
    cells: tuple[RollupCell, ...]
    findings: tuple[Finding, ...]

    def to_data(self) -> dict[str, Any]:
        """The roll-up as JSON-ready data (numbers as exact decimal strings)."""

        def report(row: ReportRow) -> dict[str, Any]:
            return {
                "agency": row.agency,
                "agency_key": row.agency_key,
                "year": row.year,
                "source": row.source,
                "report_id": row.report_id,
            }

        return {
            "format": "govdisclose-rollup",
            "version": 1,
            "parent": report(self.parent),
            "children": [report(row) for row in self.children],
            "findings": [finding.to_data() for finding in self.findings],
            "cells": [
                {
                    "table": c.table_id,
                    "row": c.row_id,
                    "row_label": c.row_label,
                    "column": c.column_id,
                    "column_label": c.column_label,
                    "path": c.path,
                    "parent": c.parent.text,
                    "children_sum": _text(c.children_sum),
                    "children": c.children,
                    "difference": _text(c.difference),
                    "reason": c.reason,
                }
                for c in self.cells
            ],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_data` as JSON text."""
        return json.dumps(self.to_data(), ensure_ascii=False, indent=indent)

    def to_text(self) -> str:
        """A plain-text page: the reports, the findings, and the cells where the parent is not the children's sum."""
        lines = [f"parent: {self.parent.agency} {self.parent.year} ({self.parent.agency_key})"]
        lines += [f"child:  {row.agency} {row.year} ({row.agency_key})" for row in self.children]
        lines += ["", "findings:" if self.findings else "findings: none"]
        lines += [f"  {f.severity.value:<7} {f.rule} {f.path or '$'} {f.message}" for f in self.findings]
        summed = [c for c in self.cells if c.difference is not None]
        differing = [c for c in summed if c.difference != 0]
        lines += [
            "",
            f"cells summed: {len(summed)} of {len(self.cells)}; parent differs from the sum: {len(differing)}",
        ]
        for c in differing:
            lines.append(
                f"  {c.table_id} {c.what}: parent {c.parent.text}, children {_text(c.children_sum)} "
                f"({'+' if c.difference and c.difference > 0 else ''}{_text(c.difference)})"
            )
        return "\n".join(lines) + "\n"


_OWN_LEVEL = "许多政府的年度报告只报本级（本机关）的情况，不汇总下级"


def _cells(report: Report, facts: Any) -> dict[tuple[str, str, str], FigureRow]:
    """The cells of the official (and plugin) tables of *report*, by table family, row id and column id."""
    cells: dict[tuple[str, str, str], FigureRow] = {}
    for row in figure_rows(report, facts):
        if row.column_kind is not None:  # a cell of a table definition: comparable across reports
            cells.setdefault((_family(row.table_id), row.row_id, row.column_id), row)
    return cells


def _identity_findings(
    parent: Report, children: Sequence[Report], overrides: Mapping[str, str] | None
) -> list[Finding]:
    found: list[Finding] = []
    top = agency_identity(parent.agency, overrides=overrides)
    for index, child in enumerate(children):
        where = f"children[{index}]"
        if child.year != parent.year:
            found.append(
                Finding(
                    rule="rollup.years",
                    severity=Severity.WARNING,
                    message=f"下级报告“{child.agency.name}”为{child.year}年度，上级报告为{parent.year}年度",
                    paths=("$.year",),
                    operands=(Operand(path="$.year", text=f"{where}: {child.year}", value=Decimal(child.year)),),
                )
            )
        below = agency_identity(child.agency, overrides=overrides)
        if below.key == top.key:
            message = f"下级报告“{child.agency.name}”与上级报告是同一机构（机构键{top.key}）"
        elif top.regions and top.regions[-1] not in below.regions and below.regions:
            message = f"下级报告“{child.agency.name}”的地区（{below.region}）不在上级报告的地区（{top.region}）之内"
        else:
            continue
        found.append(
            Finding(
                rule="rollup.region",
                severity=Severity.WARNING,
                message=message,
                paths=("$.agency.name",),
                operands=(Operand(path="$.agency.name", text=f"{where}: {child.agency.name}"),),
            )
        )
    return found


def _sum_finding(cell: RollupCell, note: str) -> Finding:
    """The warning for a cell where the parent is smaller than the children's sum."""
    assert cell.difference is not None
    assert cell.children_sum is not None
    return Finding(
        rule="rollup.sum",
        severity=Severity.WARNING,
        message=(
            f"{cell.what}：上级报告为{cell.parent.text}，小于{cell.children}份下级报告之和"
            f"{_text(cell.children_sum)}（差{_text(abs(cell.difference))}）{note}"
        ),
        paths=(cell.path,),
        operands=(Operand(path=cell.path, text=cell.parent.text, value=cell.parent.value),),
        expected=cell.children_sum,
        actual=cell.parent.value,
        difference=cell.difference,
    )


def rollup(
    parent: Report,
    children: Iterable[Report],
    *,
    registry: KindRegistry | None = None,
    overrides: Mapping[str, str] | None = None,
    sources: Sequence[str | None] | None = None,
) -> Rollup:
    """Sum the figures of *children* and compare them with *parent* (see the module's description).

    Args:
        parent: The report of the region's government (or of any organ whose report should cover the children).
        children: The reports of the organs under it, of the same year.
        registry: Kinds of plugin sections and tables.
        overrides: Agency key overrides.
        sources: Where the parent and each child came from (``[parent, child, …]``), for the reports' rows.
    """
    kids = list(children)
    names = list(sources) if sources is not None else [None] * (len(kids) + 1)
    parent_facts = facts_of(parent, source=names[0], registry=registry, overrides=overrides)
    child_facts = [
        facts_of(child, source=name, registry=registry, overrides=overrides)
        for child, name in zip(kids, names[1:], strict=True)
    ]
    child_cells = [_cells(child, facts) for child, facts in zip(kids, child_facts, strict=True)]
    cells: list[RollupCell] = []
    for key, row in _cells(parent, parent_facts).items():
        present = [(facts, found[key]) for facts, found in zip(child_facts, child_cells, strict=True) if key in found]
        if not present:
            continue
        total: Decimal | None = Decimal(0)
        reason = None
        for facts, child_row in present:
            why = not_exact(child_row)
            if why is not None:
                total, reason = None, f"{facts.row.agency}: {why} @ {child_row.path}"
                break
            assert total is not None
            assert child_row.value is not None
            total += child_row.value
        cells.append(
            RollupCell(
                table_id=row.table_id,
                row_id=row.row_id,
                row_label=row.row_label,
                column_id=row.column_id,
                column_label=row.column_label,
                path=row.path,
                parent=row,
                children_sum=total,
                children=len(present),
                reason=reason,
            )
        )
    findings = _identity_findings(parent, kids, overrides)
    differing = [c for c in cells if c.difference is not None and c.difference != 0]
    smaller = [c for c in differing if c.difference is not None and c.difference < 0]
    larger = [c for c in differing if c.difference is not None and c.difference > 0]
    if smaller and not larger:
        findings.append(
            Finding(
                rule="rollup.own-level",
                severity=Severity.INFO,
                message=(
                    f"上级报告有{len(smaller)}项数字小于下级报告之和，没有一项大于：这份报告看来只报本级（本机关）"
                    f"的情况，如{smaller[0].what}为{smaller[0].parent.text}，下级之和为"
                    f"{_text(smaller[0].children_sum)}。{_OWN_LEVEL}"
                ),
                paths=tuple(c.path for c in smaller),
            )
        )
    elif smaller:  # larger in some cells, smaller in others
        note = f"；上级报告的数字有的大于、有的小于下级之和，既不像只报本级，也不像全地区汇总（{_OWN_LEVEL}）"
        findings.extend(_sum_finding(c, note) for c in smaller)
    if larger:
        findings.append(
            Finding(
                rule="rollup.sum",
                severity=Severity.INFO,
                message=(
                    f"上级报告有{len(larger)}项数字大于下级报告之和（含本机关或未给出的下级），如{larger[0].what}为"
                    f"{larger[0].parent.text}，下级之和为{_text(larger[0].children_sum)}"
                ),
                paths=tuple(c.path for c in larger),
            )
        )
    return Rollup(
        parent=parent_facts.row,
        children=tuple(facts.row for facts in child_facts),
        cells=tuple(cells),
        findings=tuple(findings),
    )
