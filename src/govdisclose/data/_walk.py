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
    agency_identity,
    plain_text,
)
from ..serialize import to_json
from ._rows import FigureRow, FindingRow, QuantityRow, ReportColumns, ReportRow

__all__ = [
    "FIGURE_COLUMNS",
    "Positions",
    "ReportFacts",
    "facts_of",
    "figure_row",
    "figure_rows",
    "figure_tuples",
    "finding_rows",
    "quantity_rows",
    "report_id",
]

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

FIGURE_COLUMNS: tuple[str, ...] = tuple(field.name for field in attrs.fields(FigureRow))
"""The columns of a figure row, in order: the tuples of :func:`figure_tuples` follow it."""
_TABLE_COLUMNS = ("region", "level", "role", "edition", "table_id", "table_path")
_ROW_COLUMNS = ("row_id", "row_label", "row_group")
_COLUMN_COLUMNS = ("column_id", "column_label", "column_group", "column_kind")
_CELL_COLUMNS = ("value", "text", "unit", "qualifier", "state", "path", "page")
if (
    *attrs.fields_dict(ReportColumns),
    *_TABLE_COLUMNS,
    *_ROW_COLUMNS,
    *_COLUMN_COLUMNS,
    *_CELL_COLUMNS,
) != FIGURE_COLUMNS:  # the walk below puts a cell's values together in this order
    raise AssertionError(f"FigureRow's columns changed: {FIGURE_COLUMNS}")

Positions = Mapping[str, Any]
"""Where the cells were read: document path → :class:`govdisclose.read.Position` (its ``page``), when known."""


def _table_part(facts: ReportFacts, table_id: str, path: str) -> tuple[Any, ...]:
    row = facts.row
    common = tuple(getattr(row, name) for name in attrs.fields_dict(ReportColumns))
    return (*common, row.region, row.level, row.role, row.edition, table_id, path)


def _cell(
    figure: Figure, unit: str | None, path: str, positions: Positions | None, text: str | None = None
) -> tuple[Any, ...]:
    """The last columns of a figure row: value, text, unit, qualifier, state, path, page."""
    at = positions.get(path) if positions is not None else None
    page = getattr(at, "page", 0) or None  # page 0: a source without pages (text, HTML)
    return (
        figure.value,
        figure.text if text is None else text,
        unit,
        _QUALIFIERS[figure.qualifier],
        _state(figure),
        path,
        page,
    )


_NO_COLUMN: tuple[Any, ...] = (None, None, None)  # column_label, column_group, column_kind of a local column


def _official(
    facts: ReportFacts, path: str, table: OfficialTable, positions: Positions | None
) -> Iterator[tuple[Any, ...]]:
    definition = table.DEFINITION
    blocks = (
        {row.id: block.header for block in definition.blocks for row in block.rows}
        if isinstance(definition, BlocksDef)
        else {}
    )
    prefix = _table_part(facts, definition.id, path)
    own = getattr(table, "procurement_unit", None)
    own_unit = own.value if own is not None else None
    for row_index, row in enumerate(table.rows):
        try:
            row_def: RowDef | None = definition.row(row.id)
        except KeyError:  # a local row: its own label, no definition
            row_def = None
        if row_def is not None:
            group = (blocks[row_def.id],) if row_def.id in blocks else row_def.path
            head = (*prefix, row.id, row_def.label, _GROUP.join(group) or None)
            columns = _row_columns(row_def, own_unit)
        else:
            head = (*prefix, row.id, row.label, None)
            columns = ()
        stem = f"{path}.rows[{row_index}].values["  # the path language of join_path, built once per row
        for position, figure in enumerate(row.values):
            if position < len(columns):
                column, unit = columns[position]
            else:
                column, unit = (str(position), *_NO_COLUMN), None
            yield (*head, *column, *_cell(figure, unit, f"{stem}{position}]", positions))


@functools.lru_cache(maxsize=1024)
def _row_columns(row_def: RowDef, own_unit: str | None) -> tuple[tuple[tuple[Any, ...], str | None], ...]:
    """The column part and the unit of each cell of a defined row (the same in every report: computed once)."""
    return tuple(_column_fields(column, own_unit) for column in row_def.columns)


def _column_fields(column: ColumnDef, own_unit: str | None) -> tuple[tuple[Any, ...], str | None]:
    unit = None
    if column.kind == "amount":
        written = _UNIT.search(column.label)
        unit = written.group(1) if written else own_unit
    return (column.id, column.label, _GROUP.join(column.path) or None, column.kind), unit


def _statistics(
    facts: ReportFacts, path: str, table: StatisticsTable, positions: Positions | None
) -> Iterator[tuple[Any, ...]]:
    prefix = _table_part(facts, table.template or table.KIND, path)
    groups: list[str] = []
    for row_index, row in enumerate(table.rows):
        del groups[row.level :]
        if not row.values:
            groups.append(row.label)
            continue
        head = (*prefix, row.id, row.label, _GROUP.join(groups) or None)
        for position, figure in enumerate(row.values):
            column = (str(position), table.columns[position], None, None)
            cell_path = join_path(path, "rows", row_index, "values", position)
            yield (*head, *column, *_cell(figure, row.unit, cell_path, positions))


def _generic_figure(text: str) -> Figure:
    try:
        return Figure.of(text)
    except ModelError:  # a long or multi-line text cell: published content that is no number
        return Figure(marker=text[:40])


def _generic(facts: ReportFacts, path: str, table: Table, positions: Positions | None) -> Iterator[tuple[Any, ...]]:
    """Cells of a generic table: every cell but header cells and the first cell of a row (its label)."""
    prefix = _table_part(facts, table.KIND, path)
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
        head = (*prefix, str(row_index), row[0].text if row else None, None)
        for cell_index, start in placed[1:]:
            cell = row[cell_index]
            if cell.header:
                continue
            label = _GROUP.join(dict.fromkeys(headings.get(start, ()))) or None
            cell_path = join_path(path, "rows", row_index, cell_index)
            yield (
                *head,
                str(start),
                label,
                None,
                None,
                *_cell(_generic_figure(cell.text), None, cell_path, positions, cell.text),
            )


def figure_tuples(report: Report, facts: ReportFacts, positions: Positions | None = None) -> Iterator[tuple[Any, ...]]:
    """The figure rows of *report* as tuples in :data:`FIGURE_COLUMNS` order (what the writers take).

    Args:
        report: The report.
        facts: Its facts.
        positions: Where each cell was read (document path → a position with a ``page``), for the ``page`` column of
            a report read from a published file.
    """
    for site in iter_blocks(report):
        block = site.block
        if isinstance(block, OfficialTable):
            yield from _official(facts, site.path, block, positions)
        elif isinstance(block, StatisticsTable):
            yield from _statistics(facts, site.path, block, positions)
        elif isinstance(block, Table):
            yield from _generic(facts, site.path, block, positions)


def figure_row(values: tuple[Any, ...]) -> FigureRow:
    """The :class:`FigureRow` of a tuple of :func:`figure_tuples`."""
    return FigureRow(**dict(zip(FIGURE_COLUMNS, values, strict=True)))


def figure_rows(report: Report, facts: ReportFacts, positions: Positions | None = None) -> Iterator[FigureRow]:
    """One row per cell of every statistics table of *report*: official, plugin, national-form, generic."""
    return map(figure_row, figure_tuples(report, facts, positions))


_STEP = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")


def _context(block: object, relative: str, joined: dict[int, tuple[str, list[int]]]) -> str | None:
    """The text around the quantity at *relative* (a path below the block), if it sits in running text.

    *joined* keeps, per run of inline pieces, its text and where each piece starts: a block's run is joined once,
    however many quantities it holds.
    """
    steps = [(name, int(index) if index else None) for name, index in _STEP.findall(relative)]
    parent: Any = block
    for name, index in steps[:-1]:
        parent = getattr(parent, name) if name else parent[index]
    name, index = steps[-1]
    if name or index is None or not isinstance(parent, tuple):
        return None
    if id(parent) not in joined:
        pieces: tuple[Inline, ...] = parent
        texts = [plain_text((piece,)) for piece in pieces]
        starts = [0]
        for text in texts:
            starts.append(starts[-1] + len(text))
        joined[id(parent)] = ("".join(texts), starts)
    text, starts = joined[id(parent)]
    start, end = starts[index], starts[index + 1]
    return text[max(0, start - _CONTEXT) : end + _CONTEXT]


def quantity_rows(report: Report, facts: ReportFacts) -> Iterator[QuantityRow]:
    """One row per quantity in the running text of *report* (a compound figure gives one row per count)."""
    for site in iter_blocks(report):
        section = site.section
        joined: dict[int, tuple[str, list[int]]] = {}  # the block's runs of text, joined once
        for quantity_site in iter_quantities(site.path, site.block):
            quantity = quantity_site.quantity
            context = _context(site.block, quantity_site.path[len(site.path) :], joined)
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
