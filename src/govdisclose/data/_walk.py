"""The walk over one report that makes the rows of every data table.

Tables are found with the checks' block walk (:func:`govdisclose.checks.iter_blocks`, which gives the document paths),
official and plugin tables are read through their own definitions (:attr:`OfficialTable.DEFINITION`), and quantities
through :func:`govdisclose.checks.iter_quantities`; nothing here knows a label of its own.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from .._errors import ModelError
from ..checks import CheckResult, iter_blocks, iter_quantities, join_path
from ..model import (
    BlocksDef,
    ColumnDef,
    Compound,
    Count,
    Figure,
    Inline,
    KindRegistry,
    OfficialTable,
    Qualifier,
    Report,
    RowDef,
    Share,
    Statistic,
    StatisticsTable,
    Table,
    plain_text,
)
from ..serialize import to_json
from ._identity import agency_identity
from ._rows import FigureRow, FindingRow, QuantityRow, ReportColumns, ReportRow

__all__ = ["ReportFacts", "facts_of", "figure_rows", "finding_rows", "quantity_rows", "report_id"]

_GROUP = " > "
_CONTEXT = 40
_UNIT = re.compile(r"单位[:：]\s*([^）)]+)")


def report_id(report: Report, *, registry: KindRegistry | None = None) -> str:
    """The report's id: SHA-256 of its canonical JSON (:func:`govdisclose.to_json`), lowercase hex.

    >>> from govdisclose import examples
    >>> len(report_id(examples.load("sample-2021")))
    64
    """
    return hashlib.sha256(to_json(report, registry=registry).encode("utf-8")).hexdigest()


@attrs.frozen(kw_only=True)
class ReportFacts:
    """What every row of one report repeats: its id, source and agency, computed once per report."""

    row: ReportRow

    @property
    def common(self) -> dict[str, Any]:
        """The leading columns of every per-report table."""
        return {field.name: getattr(self.row, field.name) for field in attrs.fields(ReportColumns)}


def facts_of(
    report: Report,
    *,
    source: str | None = None,
    registry: KindRegistry | None = None,
    overrides: Mapping[str, str] | None = None,
) -> ReportFacts:
    """The facts of *report*: its :class:`ReportRow`."""
    agency = report.agency
    identity = agency_identity(agency, overrides=overrides)
    provenance = report.provenance
    return ReportFacts(
        row=ReportRow(
            report_id=report_id(report, registry=registry),
            source=source,
            agency=agency.name,
            agency_key=identity.key,
            year=report.year,
            region=identity.region,
            level=agency.level.value if agency.level is not None else None,
            role=agency.role.value if agency.role is not None else None,
            parent=agency.parent,
            edition=report.edition.value,
            title=report.display_title,
            published_on=report.publication.published_on,
            source_url=provenance.source_url if provenance is not None else None,
        )
    )


def _state(figure: Figure) -> str:
    if figure.value is not None:
        return "number"
    if figure.marker is None:
        return "unknown"
    return "blank" if figure.marker == "" else "marker"


_QUALIFIERS = {qualifier: qualifier.value or None for qualifier in Qualifier}


def _figure_fields(figure: Figure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "text": figure.text,
        "qualifier": _QUALIFIERS[figure.qualifier],
        "state": _state(figure),
    }


def _official(facts: ReportFacts, path: str, table: OfficialTable) -> Iterator[FigureRow]:
    definition = table.DEFINITION
    blocks = (
        {row.id: block.header for block in definition.blocks for row in block.rows}
        if isinstance(definition, BlocksDef)
        else {}
    )
    common = {**facts.common, "region": facts.row.region, "level": facts.row.level, "role": facts.row.role}
    common.update(edition=facts.row.edition, table_id=definition.id, table_path=path, page=None)
    own = getattr(table, "procurement_unit", None)
    for row_index, row in enumerate(table.rows):
        try:
            row_def: RowDef | None = definition.row(row.id)
        except KeyError:  # a local row: its own label, no definition
            row_def = None
        row_fields: dict[str, Any]
        if row_def is not None:
            group = (blocks[row_def.id],) if row_def.id in blocks else row_def.path
            row_fields = {"row_id": row.id, "row_label": row_def.label, "row_group": _GROUP.join(group) or None}
        else:
            row_fields = {"row_id": row.id, "row_label": row.label, "row_group": None}
        stem = f"{path}.rows[{row_index}].values["  # the path language of join_path, built once per row
        for position, figure in enumerate(row.values):
            column = row_def.columns[position] if row_def is not None else None
            if column is None:
                column_fields = _LOCAL_COLUMN | {"column_id": str(position)}
            else:
                column_fields = _column_fields(column, own.value if own is not None else None)
            yield FigureRow(
                **common,
                **row_fields,
                **column_fields,
                path=f"{stem}{position}]",
                **_figure_fields(figure),
            )


_LOCAL_COLUMN: dict[str, Any] = {"column_label": None, "column_group": None, "column_kind": None, "unit": None}


@functools.lru_cache(maxsize=1024)
def _column_fields(column: ColumnDef, own_unit: str | None) -> dict[str, Any]:
    """The columns of a figure row that come from its column definition (the same for every row: computed once)."""
    unit = None
    if column.kind == "amount":
        written = _UNIT.search(column.label)
        unit = written.group(1) if written else own_unit
    return {
        "column_id": column.id,
        "column_label": column.label,
        "column_group": _GROUP.join(column.path) or None,
        "column_kind": column.kind,
        "unit": unit,
    }


def _statistics(facts: ReportFacts, path: str, table: StatisticsTable) -> Iterator[FigureRow]:
    common = {**facts.common, "region": facts.row.region, "level": facts.row.level, "role": facts.row.role}
    common.update(edition=facts.row.edition, table_id=table.template or table.KIND, table_path=path, page=None)
    groups: list[str] = []
    for row_index, row in enumerate(table.rows):
        del groups[row.level :]
        if not row.values:
            groups.append(row.label)
            continue
        for position, figure in enumerate(row.values):
            yield FigureRow(
                **common,
                row_id=row.id,
                row_label=row.label,
                row_group=_GROUP.join(groups) or None,
                column_id=str(position),
                column_label=table.columns[position],
                column_group=None,
                column_kind=None,
                unit=row.unit,
                path=join_path(path, "rows", row_index, "values", position),
                **_figure_fields(figure),
            )


def _generic_figure(text: str) -> Figure:
    try:
        return Figure.of(text)
    except ModelError:  # a long or multi-line text cell: published content that is no number
        return Figure(marker=text[:40])


def _generic(facts: ReportFacts, path: str, table: Table) -> Iterator[FigureRow]:
    """Cells of a generic table: every cell but header cells and the first cell of a row (its label)."""
    common = {**facts.common, "region": facts.row.region, "level": facts.row.level, "role": facts.row.role}
    common.update(edition=facts.row.edition, table_id=table.KIND, table_path=path, page=None, column_kind=None)
    headings: dict[int, list[str]] = {}
    covered: dict[int, int] = {}  # column -> rows still covered from above
    for row_index, row in enumerate(table.rows):
        column = 0
        placed: list[tuple[int, int]] = []
        occupied = {c for c, left in covered.items() if left > 0}
        for cell_index, cell in enumerate(row):
            while column in occupied:
                column += 1
            placed.append((cell_index, column))
            for c in range(column, column + cell.colspan):
                if cell.rowspan > 1:
                    covered[c] = cell.rowspan
            column += cell.colspan
        covered = {c: left - 1 for c, left in covered.items() if left - 1 > 0}
        if all(cell.header for cell in row):
            for cell_index, start in placed:
                cell = row[cell_index]
                for c in range(start, start + cell.colspan):
                    headings.setdefault(c, []).append(cell.text)
            continue
        label = row[0].text if row else None
        for cell_index, start in placed[1:]:
            cell = row[cell_index]
            if cell.header:
                continue
            figure = _generic_figure(cell.text)
            yield FigureRow(
                **common,
                row_id=str(row_index),
                row_label=label,
                row_group=None,
                column_id=str(start),
                column_label=_GROUP.join(dict.fromkeys(headings.get(start, ()))) or None,
                column_group=None,
                unit=None,
                path=join_path(path, "rows", row_index, cell_index),
                **{**_figure_fields(figure), "text": cell.text},
            )


def figure_rows(report: Report, facts: ReportFacts) -> Iterator[FigureRow]:
    """One row per cell of every statistics table of *report*: official, plugin, national-form, generic."""
    for site in iter_blocks(report):
        block = site.block
        if isinstance(block, OfficialTable):
            yield from _official(facts, site.path, block)
        elif isinstance(block, StatisticsTable):
            yield from _statistics(facts, site.path, block)
        elif isinstance(block, Table):
            yield from _generic(facts, site.path, block)


_STEP = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")


def _context(block: object, relative: str) -> str | None:
    """The text around the quantity at *relative* (a path below the block), if it sits in running text."""
    steps = [(name, int(index) if index else None) for name, index in _STEP.findall(relative)]
    parent: Any = block
    for name, index in steps[:-1]:
        parent = getattr(parent, name) if name else parent[index]
    name, index = steps[-1]
    if name or index is None or not isinstance(parent, tuple):
        return None
    pieces: tuple[Inline, ...] = parent
    before = plain_text(pieces[:index])[-_CONTEXT:]
    after = plain_text(pieces[index + 1 :])[:_CONTEXT]
    return before + plain_text(pieces[index : index + 1]) + after


def quantity_rows(report: Report, facts: ReportFacts) -> Iterator[QuantityRow]:
    """One row per quantity in the running text of *report* (a compound figure gives one row per count)."""
    for site in iter_blocks(report):
        section = site.section
        for quantity_site in iter_quantities(site.path, site.block):
            quantity = quantity_site.quantity
            context = _context(site.block, quantity_site.path[len(site.path) :])
            if context is None and isinstance(site.block, Statistic):
                context = plain_text(site.block.lead) + site.block.subject
            members = (
                [(join_path(quantity_site.path, "parts", i), part) for i, part in enumerate(quantity.parts)]
                if isinstance(quantity, Compound)
                else [(quantity_site.path, quantity)]
            )
            for path, member in members:
                if isinstance(member, Share):
                    unit, qualifier = None, None
                else:
                    unit = member.unit if isinstance(member, Count) else member.unit.value
                    qualifier = member.qualifier.value or None
                yield QuantityRow(
                    **facts.common,
                    kind=member.KIND,
                    value=Decimal(member.value),
                    text=member.text,
                    unit=unit or None,
                    qualifier=qualifier,
                    label=member.label,
                    quantity_id=member.id,
                    section=section.heading if section is not None else None,
                    part=section.part.value if section is not None and section.part is not None else None,
                    context=context or member.text,
                    path=path,
                )


def finding_rows(result: CheckResult, facts: ReportFacts) -> Iterator[FindingRow]:
    """One row per finding of a check of the report."""
    for number, finding in enumerate(result.findings):
        data = finding.to_data()
        yield FindingRow(
            **facts.common,
            number=number,
            rule=finding.rule,
            severity=finding.severity.value,
            message=finding.message,
            path=finding.path,
            paths=" ".join(finding.paths),
            expected=data["expected"],
            actual=data["actual"],
            difference=finding.difference,
            expected_bound=finding.expected_bound.value,
            explained_by=finding.explained_by,
        )
