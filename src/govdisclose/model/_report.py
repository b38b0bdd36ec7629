"""The report: metadata, title, 引言, sections, signature, attachments and provenance.

>>> import datetime
>>> r = Report(edition=Edition.PRE_2019, year=2017, agency=Agency(name="三元区城关街道"))
>>> r.display_title
'三元区城关街道2017年政府信息公开工作年度报告'
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .._errors import ModelError
from ._blocks import Block
from ._checks import iso_date, iso_time, not_blank, typed_fields
from ._paths import iter_sections, replace_at
from ._sections import Part, Section

__all__ = [
    "Agency",
    "AgencyLevel",
    "AgencyRole",
    "Attachment",
    "Edition",
    "Explanation",
    "Introduction",
    "Provenance",
    "Publication",
    "Report",
    "Signature",
    "Validity",
]


class Edition(str, enum.Enum):
    """Which format a report follows: the national formats of 2019 and 2021, or the free forms before them."""

    PRE_2019 = "pre-2019"
    """Reports of 2008–2018, under the 2008 regulation; no national format."""
    E2019 = "2019"
    """The trial national format (国办公开办函〔2019〕60号), reports of 2019 and 2020."""
    E2021 = "2021"
    """The national format in force since the 2021 reports (国办公开办函〔2021〕30号)."""

    @classmethod
    def for_year(cls, year: int) -> Edition:
        """The edition a report of *year* is expected to follow.

        >>> Edition.for_year(2020).value
        '2019'
        """
        if year >= 2021:
            return cls.E2021
        if year >= 2019:
            return cls.E2019
        return cls.PRE_2019


class AgencyLevel(str, enum.Enum):
    """The administrative level of the reporting organ."""

    STATE_COUNCIL_DEPARTMENT = "国务院部门"
    PROVINCE = "省"
    CITY = "市"
    COUNTY = "区县"
    TOWNSHIP = "乡镇街道"


class AgencyRole(str, enum.Enum):
    """Whether the organ is a people's government or a department of one (it sets the publication deadline)."""

    GOVERNMENT = "government"
    DEPARTMENT = "department"


class Validity(str, enum.Enum):
    """The 有效性 of a published item."""

    VALID = "有效"
    EXPIRED = "失效"
    REPEALED = "废止"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Agency:
    """The organ whose work the report covers.

    Attributes:
        name: Its name, as the report gives it.
        level: Its administrative level.
        role: Government or department.
        parent: The organ it belongs to (a department's government, a street office's district).
    """

    name: str = attrs.field(validator=not_blank)
    level: AgencyLevel | None = None
    role: AgencyRole | None = None
    parent: str | None = attrs.field(default=None, validator=not_blank)


def _extra_fields(instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]) -> None:
    seen: set[str] = set()
    for label, _ in value:
        if not label.strip():
            raise ModelError("an extra metadata field has a blank label", field="extra")
        if label in seen:
            raise ModelError(f"extra metadata field {label!r} appears twice", field="extra", value=label)
        seen.add(label)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Publication:
    """The publication metadata a portal shows above a report.

    Attributes:
        index_number: 索引号, as published (``000014349/2018-00222``, or a portal's own scheme).
        document_number: 文号, as published (``城街〔2018〕4号``).
        publisher: 发布机构.
        written_on: 成文日期.
        published_on: 发布日期.
        published_at: 发布时间 (time of day), when given.
        subject: 主题分类.
        validity: 有效性.
        source: 来源.
        extra: Further labelled fields of the portal, in order, as ``(label, value)`` pairs.
    """

    index_number: str | None = attrs.field(default=None, validator=not_blank)
    document_number: str | None = attrs.field(default=None, validator=not_blank)
    publisher: str | None = attrs.field(default=None, validator=not_blank)
    written_on: datetime.date | None = attrs.field(default=None, converter=iso_date)
    published_on: datetime.date | None = attrs.field(default=None, converter=iso_date)
    published_at: datetime.time | None = attrs.field(default=None, converter=iso_time)
    subject: str | None = attrs.field(default=None, validator=not_blank)
    validity: Validity | None = None
    source: str | None = attrs.field(default=None, validator=not_blank)
    extra: tuple[tuple[str, str], ...] = attrs.field(default=(), validator=_extra_fields)

    def __attrs_post_init__(self) -> None:
        if self.published_at is not None and self.published_on is None:
            raise ModelError("'published_at' needs 'published_on'", field="published_at", value=self.published_at)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Introduction:
    """The 引言 (preamble) before the first chapter.

    Attributes:
        heading: Its heading as printed (``引言``), or ``None`` (the default) when the report prints none.
        blocks: Its text.
    """

    heading: str | None = attrs.field(default=None, validator=not_blank)
    blocks: tuple[Block, ...] = ()


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Signature:
    """The 署名 and date below the body.

    Attributes:
        organ: The signing organ's name.
        date: The date under it.
    """

    organ: str | None = attrs.field(default=None, validator=not_blank)
    date: datetime.date | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Attachment:
    """An attached table or file (附表, 附件), by name.

    Attributes:
        label: ``附表`` or ``附件`` (or another label as published).
        name: Its name (``政府信息公开情况统计表``).
        description: What it holds, or where it is.
    """

    label: str = attrs.field(default="附件", validator=not_blank)
    name: str = attrs.field(validator=not_blank)
    description: str | None = attrs.field(default=None, validator=not_blank)


def _sha256(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and (len(value) != 64 or any(c not in "0123456789abcdef" for c in value)):
        raise ModelError(f"'source_sha256' must be 64 lowercase hex digits (got {value!r})", field="source_sha256")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Provenance:
    """Where the report's text came from.

    Attributes:
        source_url: The address it was published or copied at.
        source_sha256: SHA-256 of the source text (UTF-8), lowercase hex.
        retrieved_on: When it was obtained.
        note: Anything a researcher should know about the copy.
    """

    source_url: str | None = attrs.field(default=None, validator=not_blank)
    source_sha256: str | None = attrs.field(default=None, validator=_sha256)
    retrieved_on: datetime.date | None = None
    note: str | None = attrs.field(default=None, validator=not_blank)


def _explanation_target(instance: Explanation, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if instance.rule is None and instance.path is None:
        raise ModelError("an explanation needs a 'rule', a 'path' or both", field="rule")
    if instance.path is not None and not instance.path.startswith("$"):
        raise ModelError(f"'path' must be a document path starting with '$' (got {instance.path!r})", field="path")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Explanation:
    """A note that explains a finding: ``the channel counts overlap``, ``the fee was waived``.

    A finding is *explained* when the note names its rule (or none) and its path covers one of the finding's paths
    (or no path is given). Explained findings are still reported, marked as explained; they do not make a check fail.

    Attributes:
        text: The explanation.
        rule: The rule ID it concerns (``breakdown.sum``), or ``None`` for any rule.
        path: The document path it concerns (``$.sections[1]`` covers everything below it), or ``None`` for anywhere.
    """

    text: str = attrs.field(validator=not_blank)
    rule: str | None = attrs.field(default=None, validator=not_blank)
    path: str | None = attrs.field(default=None, validator=_explanation_target)


def _agency(value: Agency | str) -> Agency:
    """An agency's name given alone stands for ``Agency(name=…)``."""
    return Agency(name=value) if isinstance(value, str) else value


def _year(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 2000 <= value <= 2200:
        raise ModelError(f"'year' must be between 2000 and 2200 (got {value})", field="year", value=value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Report:
    """A 政府信息公开工作年度报告.

    Attributes:
        edition: The format it follows.
        year: The year it reports on (not the year it was published).
        agency: The reporting organ.
        publication: The portal's metadata block.
        title: The title as published, when it is not the derived default (see :attr:`display_title`).
        introduction: The 引言.
        sections: The chapters in order.
        signature: 署名 and date.
        attachments: Attached tables and files by name.
        provenance: Where the text came from.
        explanations: Notes that explain findings of the checks.
    """

    edition: Edition
    year: int = attrs.field(validator=_year)
    agency: Agency = attrs.field(converter=_agency)
    publication: Publication = Publication()
    title: str | None = attrs.field(default=None, validator=not_blank)
    introduction: Introduction | None = None
    sections: tuple[Section, ...] = ()
    signature: Signature | None = None
    attachments: tuple[Attachment, ...] = ()
    provenance: Provenance | None = None
    explanations: tuple[Explanation, ...] = ()

    @property
    def display_title(self) -> str:
        """The title: the published one, or ``{agency}{year}年政府信息公开工作年度报告``."""
        return self.title if self.title is not None else f"{self.agency.name}{self.year}年政府信息公开工作年度报告"

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Yield ``(depth, section)`` for every section of the report, depth first (chapters have depth 1)."""
        for section in self.sections:
            yield from section.walk()

    def part(self, part: Part) -> Section | None:
        """The first section (at any depth) that is the standard *part*, or ``None``."""
        return next((s for _, s in self.walk() if s.part is part), None)

    def replace(self, path: str, value: object) -> Report:
        """A copy with the value at a document *path* replaced (``$.sections[1].blocks[0]``, ``$.agency.name``).

        The new value is validated where it lands.

        Raises:
            ModelError: The path names nothing in the report, or the value breaks an invariant.

        >>> from govdisclose import examples
        >>> r = examples.load("sample-2021").replace("$.signature.organ", "某县教育局办公室")
        >>> r.signature.organ
        '某县教育局办公室'
        """
        return replace_at(self, path, value)

    def part_path(self, part: Part) -> str | None:
        """The document path of the first section that is the standard *part*, or ``None``.

        >>> from govdisclose import examples
        >>> examples.load("sample-2021").part_path(Part.APPLICATIONS)
        '$.sections[2]'
        """
        return next((path for path, _, section in iter_sections(self) if section.part is part), None)

    def with_part(
        self,
        part: Part,
        *,
        blocks: Sequence[Block] | None = None,
        subsections: Sequence[Section] | None = None,
        heading: str | None = None,
    ) -> Report:
        """A copy with the standard *part*'s blocks, subsections or heading replaced (what is not given is kept).

        Raises:
            ModelError: The report has no section for *part* (the message lists the parts it has).

        >>> from govdisclose import examples
        >>> from govdisclose.model import Paragraph
        >>> none = Paragraph(content=("本年度无其他需要报告的事项。",))
        >>> r = examples.load("sample-2021").with_part(Part.OTHER, blocks=[none])
        >>> r.part(Part.OTHER).blocks[0].text
        '本年度无其他需要报告的事项。'
        """
        path = self.part_path(part)
        if path is None:
            present = ", ".join(s.part.value for _, s in self.walk() if s.part is not None) or "none"
            raise ModelError(f"the report has no section for part {part.value!r}; its parts: {present}", field="part")
        section = self.part(part)
        assert section is not None
        changes: dict[str, Any] = {}
        if blocks is not None:
            changes["blocks"] = tuple(blocks)
        if subsections is not None:
            changes["subsections"] = tuple(subsections)
        if heading is not None:
            changes["heading"] = heading
        return replace_at(self, path, attrs.evolve(section, **changes))
