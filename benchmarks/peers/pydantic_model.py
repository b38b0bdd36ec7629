"""The report document as a pydantic v2 model, equivalent to govdisclose's attrs classes and its cattrs converter.

Equivalent means: the same document format (``"kind"`` tags, decimals as strings, ISO dates, ``HH:MM`` times, table
cells as compact numbers or strings), the same strictness (unknown keys refused, no type coercion, frozen models) and
the same validation (not-blank strings, bounds, the cross-field rules of :mod:`._rules`). Table cells become structured
figures (number, marker or unknown, with a qualifier), as :class:`govdisclose.model.Figure` does. Fields at their
default are left out when dumping, as govdisclose does.

``load(text)`` and ``dump(report)`` are what the benchmark times.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, model_serializer, model_validator

from govdisclose.model import (
    AgencyLevel,
    AgencyRole,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Edition,
    MoneyUnit,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    Qualifier,
    ReviewsTable,
    Scale,
    Validity,
)
from govdisclose.zh import OrdinalStyle

from . import _rules


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError(f"must not be blank (got {value!r})")
    return value


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"must be one line (got {value!r})")
    return value


def _finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError(f"must be a finite number (got {value})")
    return value


def _time_text(value: datetime.time) -> str:
    return value.strftime("%H:%M") if value.second == 0 and value.microsecond == 0 else value.isoformat()


NotBlank = Annotated[str, AfterValidator(_not_blank)]
NonNegativeDecimal = Annotated[Decimal, Field(ge=0), AfterValidator(_finite)]
TimeOfDay = Annotated[datetime.time, PlainSerializer(_time_text)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


# ---- quantities in running text ---------------------------------------------------------------------------------


class Count(_Model):
    kind: Literal["count"]
    value: Annotated[int, Field(ge=0)]
    unit: str = ""
    qualifier: Qualifier = Qualifier.EXACT
    scale: Scale = Scale.NONE
    id: NotBlank | None = None
    label: NotBlank | None = None


class Amount(_Model):
    kind: Literal["amount"]
    value: NonNegativeDecimal
    unit: MoneyUnit = MoneyUnit.YUAN
    qualifier: Qualifier = Qualifier.EXACT
    id: NotBlank | None = None
    label: NotBlank | None = None


class Share(_Model):
    kind: Literal["share"]
    value: Annotated[Decimal, AfterValidator(_finite)]
    part: NotBlank | None = None
    whole: NotBlank | None = None
    id: NotBlank | None = None
    label: NotBlank | None = None


class Compound(_Model):
    kind: Literal["compound"]
    parts: Annotated[tuple[Count, ...], Field(min_length=2)]
    id: NotBlank | None = None
    label: NotBlank | None = None


Quantity = Annotated[Count | Amount | Share | Compound, Field(discriminator="kind")]
Inline = str | Quantity
CountOrAmount = Annotated[Count | Amount, Field(discriminator="kind")]


# ---- table cells ------------------------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?P<before>逾|近|超过|约)?(?P<sign>[+\-−])?(?P<digits>\d+(?:\.\d+)?)(?P<after>余|多|以上|左右)?\Z"
)


class Figure(_Model):
    """A cell: a number (with a qualifier), a marker, or unknown; written compactly as a number, a string or null."""

    value: Decimal | None = None
    marker: str | None = None
    qualifier: Qualifier = Qualifier.EXACT

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, data: Any) -> Any:
        if data is None:
            return {}
        if type(data) is int:
            return {"value": Decimal(data)}
        if type(data) is str:
            match = _NUMBER.match(data.strip())
            if match is None or not data.strip():
                return {"marker": data}
            sign = "-" if match["sign"] in ("-", "−") else ""
            return {
                "value": Decimal(sign + match["digits"]),
                "qualifier": Qualifier(match["before"] or match["after"] or ""),
            }
        raise ValueError("expected a number, a string as printed in the cell, or null")

    @model_serializer(mode="plain")
    def _compact(self) -> int | str | None:
        if self.value is None:
            return self.marker
        if self.qualifier is Qualifier.EXACT and self.value.as_tuple().exponent == 0:
            return int(self.value)
        digits = format(self.value, "f")
        if self.qualifier in (Qualifier.OVER, Qualifier.NEARLY, Qualifier.EXCEEDING, Qualifier.ABOUT):
            return self.qualifier.value + digits
        return digits + self.qualifier.value


class TableRow(_Model):
    id: NotBlank
    values: tuple[Figure, ...]
    label: NotBlank | None = None


# ---- blocks -----------------------------------------------------------------------------------------------------


class Breakdown(_Model):
    total: NotBlank
    parts: tuple[str, ...]
    dimension: NotBlank | None = None
    overlapping: bool = False


class Paragraph(_Model):
    kind: Literal["paragraph"]
    content: tuple[Inline, ...]
    breakdowns: tuple[Breakdown, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> Paragraph:
        _rules.check_references(self.content, self.breakdowns)
        return self


class EnumeratedPoints(_Model):
    kind: Literal["points"]
    lead: tuple[Inline, ...] = ()
    points: Annotated[tuple[tuple[Inline, ...], ...], Field(min_length=1)]
    style: OrdinalStyle = OrdinalStyle.CN_SHI


class NumberedItems(_Model):
    kind: Literal["items"]
    items: Annotated[tuple[tuple[Inline, ...], ...], Field(min_length=1)]
    style: OrdinalStyle = OrdinalStyle.ARABIC_DOT
    start: Annotated[int, Field(ge=1)] = 1


class StatPart(_Model):
    label: NotBlank
    quantity: CountOrAmount
    share: Share | None = None


class Statistic(_Model):
    kind: Literal["statistic"]
    lead: tuple[Inline, ...] = ()
    subject: NotBlank
    total: CountOrAmount
    parts: tuple[StatPart, ...] = ()
    overlapping: bool = False


class Cell(_Model):
    text: str = ""
    colspan: Annotated[int, Field(ge=1)] = 1
    rowspan: Annotated[int, Field(ge=1)] = 1
    header: bool = False


class Table(_Model):
    kind: Literal["table"]
    caption: NotBlank | None = None
    rows: tuple[tuple[Cell, ...], ...]

    @model_validator(mode="after")
    def _shape(self) -> Table:
        _rules.check_rectangular(self.rows)
        return self


class _Official(_Model):
    DEFINITION: ClassVar[Any] = None
    rows: tuple[TableRow, ...]
    note: NotBlank | None = None

    @model_validator(mode="after")
    def _rows(self) -> _Official:
        _rules.check_rows(type(self).DEFINITION, self.rows)
        return self


class ProactiveTable2021(_Official):
    DEFINITION: ClassVar[Any] = ProactiveTable2021.DEFINITION
    kind: Literal["proactive-2021"]


class ProactiveTable2019(_Official):
    DEFINITION: ClassVar[Any] = ProactiveTable2019.DEFINITION
    kind: Literal["proactive-2019"]
    procurement_unit: MoneyUnit | None = None


class ApplicationsTable2021(_Official):
    DEFINITION: ClassVar[Any] = ApplicationsTable2021.DEFINITION
    kind: Literal["applications-2021"]


class ApplicationsTable2019(_Official):
    DEFINITION: ClassVar[Any] = ApplicationsTable2019.DEFINITION
    kind: Literal["applications-2019"]


class ReviewsTable(_Official):
    DEFINITION: ClassVar[Any] = ReviewsTable.DEFINITION
    kind: Literal["reviews-litigation"]


class StatRow(_Model):
    id: NotBlank
    label: str
    values: tuple[Figure, ...] = ()
    code: NotBlank | None = None
    unit: NotBlank | None = None
    level: Annotated[int, Field(ge=0)] = 0


class SumRelation(_Model):
    total: NotBlank
    parts: tuple[str, ...]
    overlapping: bool = False
    reconstructed: bool = False


class StatisticsTable(_Model):
    kind: Literal["statistics-table"]
    caption: NotBlank | None = None
    label_heading: str = "统计指标"
    unit_heading: str | None = "单位"
    code_heading: str | None = None
    columns: tuple[str, ...] = ("统计数",)
    rows: tuple[StatRow, ...] = ()
    relations: tuple[SumRelation, ...] = ()
    template: NotBlank | None = None

    @model_validator(mode="after")
    def _consistent(self) -> StatisticsTable:
        _rules.check_statistics(self.columns, self.rows, self.relations)
        return self


Block = Annotated[
    Paragraph
    | EnumeratedPoints
    | NumberedItems
    | Statistic
    | Table
    | ProactiveTable2021
    | ApplicationsTable2021
    | ReviewsTable
    | ProactiveTable2019
    | ApplicationsTable2019
    | StatisticsTable,
    Field(discriminator="kind"),
]


# ---- sections and the report ------------------------------------------------------------------------------------


class Section(_Model):
    kind: Literal["section"]
    heading: Annotated[str, AfterValidator(_one_line)]
    part: Part | None = None
    numbering: OrdinalStyle | None = None
    number: Annotated[int, Field(ge=1)] | None = None
    run_in: bool = False
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()


class Agency(_Model):
    name: NotBlank
    level: AgencyLevel | None = None
    role: AgencyRole | None = None
    parent: NotBlank | None = None


class Publication(_Model):
    index_number: NotBlank | None = None
    document_number: NotBlank | None = None
    publisher: NotBlank | None = None
    written_on: datetime.date | None = None
    published_on: datetime.date | None = None
    published_at: TimeOfDay | None = None
    subject: NotBlank | None = None
    validity: Validity | None = None
    source: NotBlank | None = None
    extra: tuple[tuple[str, str], ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Publication:
        _rules.check_extra(self.extra)
        if self.published_at is not None and self.published_on is None:
            raise ValueError("'published_at' needs 'published_on'")
        return self


class Introduction(_Model):
    heading: NotBlank | None = None
    blocks: tuple[Block, ...] = ()


class Signature(_Model):
    organ: NotBlank | None = None
    date: datetime.date | None = None


class Attachment(_Model):
    label: NotBlank = "附件"
    name: NotBlank
    description: NotBlank | None = None


class Provenance(_Model):
    source_url: NotBlank | None = None
    source_sha256: str | None = None
    retrieved_on: datetime.date | None = None
    note: NotBlank | None = None

    @model_validator(mode="after")
    def _digest(self) -> Provenance:
        _rules.check_sha256(self.source_sha256)
        return self


class Explanation(_Model):
    text: NotBlank
    rule: NotBlank | None = None
    path: str | None = None

    @model_validator(mode="after")
    def _target(self) -> Explanation:
        if self.rule is None and self.path is None:
            raise ValueError("an explanation needs a 'rule', a 'path' or both")
        if self.path is not None and not self.path.startswith("$"):
            raise ValueError(f"'path' must be a document path starting with '$' (got {self.path!r})")
        return self


class Report(_Model):
    schema_version: Literal[1]
    edition: Edition
    year: Annotated[int, Field(ge=2000, le=2200)]
    agency: Agency
    publication: Publication = Publication()
    title: NotBlank | None = None
    introduction: Introduction | None = None
    sections: tuple[Section, ...] = ()
    signature: Signature | None = None
    attachments: tuple[Attachment, ...] = ()
    provenance: Provenance | None = None
    explanations: tuple[Explanation, ...] = ()


def load(text: str | bytes) -> Report:
    """Validate a report document (JSON text)."""
    return Report.model_validate_json(text)


def dump(report: Report) -> str:
    """The report as indented JSON, fields at their default left out."""
    return report.model_dump_json(indent=2, exclude_defaults=True)
