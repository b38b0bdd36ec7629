"""The rows of the data tables: one frozen record class per table, each column documented once.

Every column is an attrs field whose metadata holds its description; :func:`columns` lists them with their types, and
the Arrow schema, the CSV header, the spreadsheet header and the DuckDB table are all derived from that one list.

>>> [c.name for c in columns(FindingRow)][:4]
['report_id', 'source', 'agency', 'agency_key']
>>> next(c for c in columns(FigureRow) if c.name == "value").type
'decimal'
"""

from __future__ import annotations

import datetime
import functools
import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal

import attrs

__all__ = [
    "Column",
    "FigureRow",
    "FindingRow",
    "QuantityRow",
    "ReportColumns",
    "ReportRow",
    "columns",
    "row_values",
]

ColumnType = Literal["string", "int", "decimal", "bool", "date"]


def _doc(text: str) -> dict[str, str]:
    """The metadata of a column's field: its description."""
    return {"doc": text}


@attrs.frozen(kw_only=True)
class Column:
    """One column of a data table.

    Attributes:
        name: The column's name (a Python identifier, the same in every output format).
        type: ``string``, ``int``, ``decimal`` (exact: Arrow ``decimal128(38, 10)``, DuckDB ``DECIMAL(38,10)``),
            ``bool`` or ``date``.
        doc: What it holds.
    """

    name: str
    type: ColumnType
    doc: str


_TYPES: dict[object, ColumnType] = {
    str: "string",
    int: "int",
    Decimal: "decimal",
    bool: "bool",
    datetime.date: "date",
}


def columns(row_type: type) -> tuple[Column, ...]:
    """The columns of a row class, in order (a field marked ``expand`` stands for the columns its callable gives)."""
    resolved = attrs.resolve_types(row_type)
    found: list[Column] = []
    for field in attrs.fields(resolved):
        if "expand" in field.metadata:
            found.extend(field.metadata["expand"]())
            continue
        args = [a for a in getattr(field.type, "__args__", (field.type,)) if a is not type(None)]
        found.append(Column(name=field.name, type=_TYPES[args[0]], doc=field.metadata["doc"]))
    return tuple(found)


@functools.cache
def _getter(row_type: type) -> tuple[Callable[[Any], tuple[Any, ...]], int | None]:
    """A function giving a row's field values as a tuple, and the position of its ``expand`` field (if any)."""
    fields = attrs.fields(row_type)
    expand = next((i for i, f in enumerate(fields) if "expand" in f.metadata), None)
    return operator.attrgetter(*(f.name for f in fields)), expand


def row_values(row: Any) -> tuple[Any, ...]:
    """The values of a row in column order (an ``expand`` field's tuple spread out)."""
    row_type: Any = type(row)
    getter, expand = _getter(row_type)
    values: tuple[Any, ...] = getter(row)
    if expand is None:
        return values
    return (*values[:expand], *values[expand], *values[expand + 1 :])


# ---- the columns every per-report table starts with ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ReportColumns:
    """The columns every per-report table starts with."""

    report_id: str = attrs.field(
        metadata=_doc("SHA-256 of the report's canonical JSON (lowercase hex): the same report, the same id")
    )
    source: str | None = attrs.field(metadata=_doc("where the report came from (a file, example:NAME), if known"))
    agency: str = attrs.field(metadata=_doc("the agency's name as the report gives it"))
    agency_key: str = attrs.field(metadata=_doc("the normalised agency key (docs/data.md, Agency identity)"))
    year: int = attrs.field(metadata=_doc("the year reported on"))


@attrs.frozen(kw_only=True)
class ReportRow(ReportColumns):
    """One row per report: who, when, which format, where from (the ``reports`` table)."""

    region: str | None = attrs.field(
        metadata=_doc("the agency's region chain (淮安市洪泽区), from its name and parent")
    )
    level: str | None = attrs.field(
        metadata=_doc("the agency's administrative level (国务院部门, 省, 市, 区县, 乡镇街道)")
    )
    role: str | None = attrs.field(metadata=_doc("government or department"))
    parent: str | None = attrs.field(metadata=_doc("the organ the agency belongs to, as given"))
    edition: str = attrs.field(metadata=_doc("the format followed: pre-2019, 2019 or 2021"))
    title: str = attrs.field(metadata=_doc("the report's title (the published one, or the derived default)"))
    published_on: datetime.date | None = attrs.field(metadata=_doc("发布日期 of the portal's metadata"))
    source_url: str | None = attrs.field(metadata=_doc("the address the text was obtained at (provenance)"))


@attrs.frozen(kw_only=True)
class FigureRow(ReportColumns):
    """One cell of a statistics table (the ``figures`` table).

    Official tables are walked through their definitions, so ``row_label`` and ``column_label`` are the official
    labels; a local row (one the report added) has its published label and no group.
    """

    region: str | None = attrs.field(metadata=_doc("the agency's region chain"))
    level: str | None = attrs.field(metadata=_doc("the agency's administrative level"))
    role: str | None = attrs.field(metadata=_doc("government or department"))
    edition: str = attrs.field(metadata=_doc("the format followed: pre-2019, 2019 or 2021"))
    table_id: str = attrs.field(
        metadata=_doc(
            "which table: the definition id of an official or plugin table (applications-2021), the form of a "
            "statistics table (national-2014) or statistics-table, or table for a generic table"
        )
    )
    table_path: str = attrs.field(metadata=_doc("the document path of the table block"))
    row_id: str = attrs.field(
        metadata=_doc("the row id of the definition (result.disclosed), or the table's own row id or index")
    )
    row_label: str | None = attrs.field(
        metadata=_doc("the row's official label (（一）予以公开); a local row's published label")
    )
    row_group: str | None = attrs.field(
        metadata=_doc("the group labels to the row's left, outermost first, joined by ' > '")
    )
    column_id: str = attrs.field(
        metadata=_doc("the column id of the definition (natural-person), or the column's index")
    )
    column_label: str | None = attrs.field(metadata=_doc("the column's official heading (自然人)"))
    column_group: str | None = attrs.field(metadata=_doc("the group headings above the column, joined by ' > '"))
    column_kind: str | None = attrs.field(metadata=_doc("count, signed or amount (official columns); None elsewhere"))
    value: Decimal | None = attrs.field(
        metadata=_doc("the number, exact; None for a blank, a marker or an unknown cell — never 0")
    )
    text: str = attrs.field(metadata=_doc("the cell as printed (1100余, /); '' for a blank or unknown cell"))
    unit: str | None = attrs.field(metadata=_doc("the unit where the table gives one (万元, 件)"))
    qualifier: str | None = attrs.field(metadata=_doc("余, 多, 近 … for an approximate number; None when exact"))
    state: str = attrs.field(metadata=_doc("number, blank, marker or unknown (a reader could not place the cell)"))
    path: str = attrs.field(metadata=_doc("the cell's document path ($.sections[2].blocks[0].rows[24].values[6])"))
    page: int | None = attrs.field(metadata=_doc("the page of the published source the cell was read from, when known"))


@attrs.frozen(kw_only=True)
class QuantityRow(ReportColumns):
    """One quantity written in running text (the ``quantities`` table)."""

    kind: str = attrs.field(
        metadata=_doc("count, amount or share; a count inside a compound figure (189户247人) is a count")
    )
    value: Decimal = attrs.field(
        metadata=_doc(
            "the number as stored: a count in units (17.9亿 is 1790000000), an amount in its unit, a share in %"
        )
    )
    text: str = attrs.field(metadata=_doc("the quantity as written (1100余人次, 133.9554万元, 67.84%)"))
    unit: str | None = attrs.field(metadata=_doc("the counting word or money unit (条, 人次, 万元); None for a share"))
    qualifier: str | None = attrs.field(metadata=_doc("余, 多, 逾, 近 … for an approximate figure; None when exact"))
    label: str | None = attrs.field(metadata=_doc("what is counted, when the document names it"))
    quantity_id: str | None = attrs.field(metadata=_doc("the quantity's id within its block, when it has one"))
    section: str | None = attrs.field(metadata=_doc("the heading of the section that holds it"))
    part: str | None = attrs.field(
        metadata=_doc("the standard part of that section (applications, overview …), when known")
    )
    context: str = attrs.field(
        metadata=_doc("the running text around the quantity (up to 40 characters on either side)")
    )
    path: str = attrs.field(metadata=_doc("the quantity's document path"))


@attrs.frozen(kw_only=True)
class FindingRow(ReportColumns):
    """One finding of the checks (the ``findings`` table)."""

    number: int = attrs.field(metadata=_doc("the finding's position among the report's findings, from 0"))
    rule: str = attrs.field(metadata=_doc("the rule's ID (breakdown.sum)"))
    severity: str = attrs.field(metadata=_doc("error, warning or info"))
    message: str = attrs.field(metadata=_doc("the finding in Chinese, with the numbers"))
    path: str | None = attrs.field(metadata=_doc("the most telling document path"))
    paths: str = attrs.field(metadata=_doc("every document path involved, separated by spaces"))
    expected: str | None = attrs.field(metadata=_doc("what the rule derives (an exact number or an ISO date), as text"))
    actual: str | None = attrs.field(metadata=_doc("the published figure under check, as text"))
    difference: Decimal | None = attrs.field(metadata=_doc("actual - expected (days for dates)"))
    expected_bound: str = attrs.field(metadata=_doc("exact, lower, upper or approximate: how expected is bounded"))
    explained_by: str | None = attrs.field(metadata=_doc("the report's explanation covering the finding, if any"))
