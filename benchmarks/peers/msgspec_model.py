"""The report document as msgspec Structs, and the way from them to govdisclose's own attrs classes and back.

msgspec can decode JSON into attrs classes directly (``msgspec.json.decode(text, type=Agency)``, validators run), but
not into govdisclose's model as a whole: a field typed with a base class (``tuple[Block, ...]``) decodes as that base
class, since msgspec's tagged unions (``"kind"``) work for Structs only; unions of several object types
(``str | Count | Amount | Share | Compound``) are refused; attrs field converters (a table row's cells become
:class:`~govdisclose.model.Figure` objects) are not run; and times must carry seconds. So the msgspec peer is two steps:

1. :func:`decode`: msgspec decodes and validates the JSON into Structs mirroring the model (tagged unions on ``"kind"``,
   the same strictness, not-blank strings and bounds as constraints, the cross-field rules of :mod:`._rules` in
   ``__post_init__``). Table cells stay the compact JSON values (number, string or null). This is the floor: the
   fastest a validated load can be in Python.
2. :func:`to_attrs`: the Structs become the same attrs classes govdisclose returns, built with their validators. Step 1
   plus step 2 is "msgspec decoding into the same attrs classes", the fair floor for govdisclose's ``from_json``.

Dumping goes the other way (:func:`from_attrs`, then :func:`encode`).
"""

from __future__ import annotations

import datetime
import functools
import typing
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

import msgspec
from msgspec import Meta, Struct

import govdisclose.model as m
from govdisclose.model import (
    AgencyLevel,
    AgencyRole,
    Edition,
    MoneyUnit,
    Part,
    Qualifier,
    Scale,
    Validity,
)
from govdisclose.zh import OrdinalStyle

from . import _rules

NotBlank = Annotated[str, Meta(pattern=r"\S")]
NonNegative = Annotated[int, Meta(ge=0)]
Positive = Annotated[int, Meta(ge=1)]
Cell_ = int | str | None  # a table cell as written in the document


class _S(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class _Tagged(_S, tag_field="kind"):
    pass


class Count(_Tagged, tag="count", kw_only=True):
    value: NonNegative
    unit: str = ""
    qualifier: Qualifier = Qualifier.EXACT
    scale: Scale = Scale.NONE
    id: NotBlank | None = None
    label: NotBlank | None = None


class Amount(_Tagged, tag="amount", kw_only=True):
    value: Decimal
    unit: MoneyUnit = MoneyUnit.YUAN
    qualifier: Qualifier = Qualifier.EXACT
    id: NotBlank | None = None
    label: NotBlank | None = None

    def __post_init__(self) -> None:
        if not self.value.is_finite() or self.value < 0:
            raise ValueError(f"'value' must be a finite number >= 0 (got {self.value})")


class Share(_Tagged, tag="share", kw_only=True):
    value: Decimal
    part: NotBlank | None = None
    whole: NotBlank | None = None
    id: NotBlank | None = None
    label: NotBlank | None = None

    def __post_init__(self) -> None:
        if not self.value.is_finite():
            raise ValueError(f"'value' must be a finite number (got {self.value})")


class Compound(_Tagged, tag="compound", kw_only=True):
    parts: Annotated[tuple[Count, ...], Meta(min_length=2)]
    id: NotBlank | None = None
    label: NotBlank | None = None


Inline = str | Count | Amount | Share | Compound


class Breakdown(_S, kw_only=True):
    total: NotBlank
    parts: tuple[str, ...]
    dimension: NotBlank | None = None
    overlapping: bool = False


class Paragraph(_Tagged, tag="paragraph", kw_only=True):
    content: tuple[Inline, ...]
    breakdowns: tuple[Breakdown, ...] = ()

    def __post_init__(self) -> None:
        _rules.check_references(self.content, self.breakdowns)


class EnumeratedPoints(_Tagged, tag="points", kw_only=True):
    lead: tuple[Inline, ...] = ()
    points: Annotated[tuple[tuple[Inline, ...], ...], Meta(min_length=1)]
    style: OrdinalStyle = OrdinalStyle.CN_SHI


class NumberedItems(_Tagged, tag="items", kw_only=True):
    items: Annotated[tuple[tuple[Inline, ...], ...], Meta(min_length=1)]
    style: OrdinalStyle = OrdinalStyle.ARABIC_DOT
    start: Positive = 1


class StatPart(_S, kw_only=True):
    label: NotBlank
    quantity: Count | Amount
    share: Share | None = None


class Statistic(_Tagged, tag="statistic", kw_only=True):
    lead: tuple[Inline, ...] = ()
    subject: NotBlank
    total: Count | Amount
    parts: tuple[StatPart, ...] = ()
    overlapping: bool = False


class Cell(_S, kw_only=True):
    text: str = ""
    colspan: Positive = 1
    rowspan: Positive = 1
    header: bool = False


class Table(_Tagged, tag="table", kw_only=True):
    caption: NotBlank | None = None
    rows: tuple[tuple[Cell, ...], ...]

    def __post_init__(self) -> None:
        _rules.check_rectangular(self.rows)


class TableRow(_S, kw_only=True):
    id: NotBlank
    values: tuple[Cell_, ...]
    label: NotBlank | None = None


class _Official(_Tagged, kw_only=True):
    DEFINITION: ClassVar[Any] = None
    rows: tuple[TableRow, ...]
    note: NotBlank | None = None

    def __post_init__(self) -> None:
        _rules.check_rows(self.DEFINITION, self.rows)


class ProactiveTable2021(_Official, tag="proactive-2021", kw_only=True):
    DEFINITION: ClassVar[Any] = m.ProactiveTable2021.DEFINITION


class ProactiveTable2019(_Official, tag="proactive-2019", kw_only=True):
    DEFINITION: ClassVar[Any] = m.ProactiveTable2019.DEFINITION
    procurement_unit: MoneyUnit | None = None


class ApplicationsTable2021(_Official, tag="applications-2021", kw_only=True):
    DEFINITION: ClassVar[Any] = m.ApplicationsTable2021.DEFINITION


class ApplicationsTable2019(_Official, tag="applications-2019", kw_only=True):
    DEFINITION: ClassVar[Any] = m.ApplicationsTable2019.DEFINITION


class ReviewsTable(_Official, tag="reviews-litigation", kw_only=True):
    DEFINITION: ClassVar[Any] = m.ReviewsTable.DEFINITION


class StatRow(_S, kw_only=True):
    id: NotBlank
    label: str
    values: tuple[Cell_, ...] = ()
    code: NotBlank | None = None
    unit: NotBlank | None = None
    level: NonNegative = 0


class SumRelation(_S, kw_only=True):
    total: NotBlank
    parts: tuple[str, ...]
    overlapping: bool = False
    reconstructed: bool = False


class StatisticsTable(_Tagged, tag="statistics-table", kw_only=True):
    caption: NotBlank | None = None
    label_heading: str = "统计指标"
    unit_heading: str | None = "单位"
    code_heading: str | None = None
    columns: tuple[str, ...] = ("统计数",)
    rows: tuple[StatRow, ...] = ()
    relations: tuple[SumRelation, ...] = ()
    template: NotBlank | None = None

    def __post_init__(self) -> None:
        _rules.check_statistics(self.columns, self.rows, self.relations)


Block = (
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
    | StatisticsTable
)


class Section(_Tagged, tag="section", kw_only=True):
    heading: Annotated[str, Meta(pattern=r"\A[^\r\n]*\Z")]
    part: Part | None = None
    numbering: OrdinalStyle | None = None
    number: Positive | None = None
    run_in: bool = False
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()


class Agency(_S, kw_only=True):
    name: NotBlank
    level: AgencyLevel | None = None
    role: AgencyRole | None = None
    parent: NotBlank | None = None


class Publication(_S, kw_only=True):
    index_number: NotBlank | None = None
    document_number: NotBlank | None = None
    publisher: NotBlank | None = None
    written_on: datetime.date | None = None
    published_on: datetime.date | None = None
    published_at: Annotated[str, Meta(pattern=r"\A\d{2}:\d{2}(:\d{2})?\Z")] | None = None  # msgspec wants seconds
    subject: NotBlank | None = None
    validity: Validity | None = None
    source: NotBlank | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        _rules.check_extra(self.extra)
        if self.published_at is not None and self.published_on is None:
            raise ValueError("'published_at' needs 'published_on'")


class Introduction(_S, kw_only=True):
    heading: NotBlank | None = None
    blocks: tuple[Block, ...] = ()


class Signature(_S, kw_only=True):
    organ: NotBlank | None = None
    date: datetime.date | None = None


class Attachment(_S, kw_only=True):
    label: NotBlank = "附件"
    name: NotBlank
    description: NotBlank | None = None


class Provenance(_S, kw_only=True):
    source_url: NotBlank | None = None
    source_sha256: Annotated[str, Meta(pattern=r"\A[0-9a-f]{64}\Z")] | None = None
    retrieved_on: datetime.date | None = None
    note: NotBlank | None = None


class Explanation(_S, kw_only=True):
    text: NotBlank
    rule: NotBlank | None = None
    path: Annotated[str, Meta(pattern=r"\A\$")] | None = None

    def __post_init__(self) -> None:
        if self.rule is None and self.path is None:
            raise ValueError("an explanation needs a 'rule', a 'path' or both")


class Report(_S, kw_only=True):
    schema_version: Literal[1]
    edition: Edition
    year: Annotated[int, Meta(ge=2000, le=2200)]
    agency: Agency
    publication: Publication = Publication()
    title: NotBlank | None = None
    introduction: Introduction | None = None
    sections: tuple[Section, ...] = ()
    signature: Signature | None = None
    attachments: tuple[Attachment, ...] = ()
    provenance: Provenance | None = None
    explanations: tuple[Explanation, ...] = ()


_decoder = msgspec.json.Decoder(Report)
_encoder = msgspec.json.Encoder()


def decode(text: str | bytes) -> Report:
    """Decode and validate a report document into Structs."""
    return _decoder.decode(text)


def encode(report: Report) -> bytes:
    """The Structs as indented JSON, fields at their default left out."""
    return msgspec.json.format(_encoder.encode(report), indent=2)


# ---- Structs <-> govdisclose's attrs classes ----------------------------------------------------------------------

_TO_ATTRS: dict[type, type] = {
    cls: getattr(m, cls.__name__)
    for cls in (
        Count, Amount, Share, Compound, Breakdown, Paragraph, EnumeratedPoints, NumberedItems, StatPart, Statistic,
        Cell, Table, TableRow, ProactiveTable2021, ProactiveTable2019, ApplicationsTable2021, ApplicationsTable2019,
        ReviewsTable, StatRow, SumRelation, StatisticsTable, Section, Agency, Publication, Introduction, Signature,
        Attachment, Provenance, Explanation,
    )
}  # fmt: skip
_FROM_ATTRS = {attrs_cls: struct_cls for struct_cls, attrs_cls in _TO_ATTRS.items()}
_FIELDS = {cls: cls.__struct_fields__ for cls in (*_TO_ATTRS, Report)}


def _holds_structs(tp: Any) -> bool:
    if isinstance(tp, type):
        return issubclass(tp, Struct)
    return any(_holds_structs(arg) for arg in typing.get_args(tp))


# Per Struct class: its fields, each with whether it holds Structs to convert (else the value is passed on as is).
_PLAN = {
    cls: tuple(
        (name, _holds_structs(hint)) for name, hint in typing.get_type_hints(cls).items() if name in _FIELDS[cls]
    )
    for cls in _FIELDS
}


def _to_attrs(value: Any) -> Any:
    cls = type(value)
    if cls is tuple:
        return tuple([_to_attrs(item) for item in value])
    target = _TO_ATTRS.get(cls)
    if target is None:
        return value
    kwargs = {name: _to_attrs(getattr(value, name)) if deep else getattr(value, name) for name, deep in _PLAN[cls]}
    if cls is TableRow or cls is StatRow:
        kwargs["values"] = tuple([_figure(cell) for cell in value.values])
    if cls is Publication and value.published_at is not None:
        kwargs["published_at"] = datetime.time.fromisoformat(value.published_at)
    return target(**kwargs)  # TableRow and StatRow turn their cells into Figures with the model's own converter


@functools.lru_cache(maxsize=4096, typed=True)
def _figure(cell: Cell_) -> m.Figure:
    # Equal cells share one immutable Figure, as govdisclose's loader does.
    return m.Figure.of(cell)


def to_attrs(report: Report) -> m.Report:
    """The same :class:`govdisclose.model.Report` that ``govdisclose.from_json`` gives, built from the Structs."""
    fields = {name: _to_attrs(getattr(report, name)) for name, _ in _PLAN[Report] if name != "schema_version"}
    return m.Report(**fields)


def _cell(figure: m.Figure) -> Cell_:
    if figure.value is None:
        return figure.marker
    if figure.qualifier is Qualifier.EXACT and figure.value.as_tuple().exponent == 0:
        return int(figure.value)
    return figure.text


_DEFAULTS = {
    cls: {f.name: f.default for f in msgspec.structs.fields(cls) if f.default is not msgspec.NODEFAULT}
    for cls in _FIELDS
}


def _from_attrs(value: Any) -> Any:
    cls = type(value)
    if cls is tuple:
        return tuple([_from_attrs(item) for item in value])
    if cls is m.Figure:
        return _cell(value)
    target = _FROM_ATTRS.get(cls)
    if target is None:
        return value
    defaults = _DEFAULTS[target]
    kwargs = {}
    for name in _FIELDS[target]:
        field_value = _from_attrs(getattr(value, name))
        if name not in defaults or field_value != defaults[name]:  # omit_defaults tests identity, not equality
            kwargs[name] = field_value
    if cls is m.Publication and value.published_at is not None:
        at = value.published_at
        kwargs["published_at"] = at.strftime("%H:%M") if not at.second else at.isoformat()
    return target(**kwargs)


def from_attrs(report: m.Report) -> Report:
    """The Structs of a govdisclose report (the way back, for dumping)."""
    defaults = _DEFAULTS[Report]
    fields = {}
    for name in _FIELDS[Report]:
        if name != "schema_version":
            field_value = _from_attrs(getattr(report, name))
            if name not in defaults or field_value != defaults[name]:
                fields[name] = field_value
    return Report(schema_version=1, **fields)
