"""Blank reports: every required part of an edition, with the template headings and zero tables, ready to fill.

A blank report is a report of the model like any other: it serializes, renders and can be checked. Its prose parts have
headings and no blocks (nothing is written yet; the ``part.missing`` check reports each of them as empty until they are
filled), its official tables hold ``0`` in every cell, its signature names the agency and has no date, and its
publication metadata is empty.

>>> r = new_report(edition="2021", agency="示例县教育局", year=2024, level="区县", role="department")
>>> [s.heading for s in r.sections]
['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况',
 '存在的主要问题及改进情况', '其他需要报告的事项']
>>> [s.heading for s in r.part(Part.OVERVIEW).subsections]
['主动公开政府信息情况', '依申请公开情况', '政府信息管理情况', '政府信息公开平台建设情况', '监督保障情况']
>>> r.part(Part.APPLICATIONS).blocks[0].get("result.total", "total").text
'0'
>>> r.agency.role.value, r.signature.organ, r.signature.date
('department', '示例县教育局', None)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Protocol, TypeVar

import attrs

from .._errors import ModelError
from ..model import (
    ATTACHED_TABLES_HEADING,
    FEE_HEADING,
    NATIONAL_HEADINGS,
    OVERVIEW_HEADINGS,
    PRE_2019_HEADINGS,
    Agency,
    AgencyLevel,
    AgencyRole,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Block,
    Edition,
    Introduction,
    Part,
    PartDef,
    ProactiveTable2019,
    ProactiveTable2021,
    Report,
    ReviewsTable,
    Section,
    Signature,
    default_parts,
    national_statistics_form,
)
from ..zh import OrdinalStyle

__all__ = [
    "FEE_HEADING",
    "NATIONAL_FORM_FIRST_YEAR",
    "OVERVIEW_HEADINGS",
    "PRE_2019_HEADINGS",
    "new_report",
]

NATIONAL_FORM_FIRST_YEAR = 2014
"""The first report year of the national statistics form (国办发〔2014〕32号); earlier reports used local forms."""

E = TypeVar("E", bound=enum.Enum)


def _enum(cls: type[E], value: E | str | None, field: str) -> E | None:
    """*value* as a member of *cls*: a member, its value (``区县``) or its name (``COUNTY``, any case)."""
    if value is None or isinstance(value, cls):
        return value
    if isinstance(value, str):
        for member in cls:
            if value in (member.value, member.name) or value.upper() == member.name:
                return member
    known = ", ".join(str(member.value) for member in cls)
    raise ModelError(f"unknown {field} {value!r}; known: {known}", field=field, value=value)


def _agency(agency: Agency | str, level: AgencyLevel | str | None, role: AgencyRole | str | None) -> Agency:
    parsed_level = _enum(AgencyLevel, level, "level")
    parsed_role = _enum(AgencyRole, role, "role")
    if isinstance(agency, str):
        return Agency(name=agency, level=parsed_level, role=parsed_role)
    if not isinstance(agency, Agency):
        raise ModelError(
            f"'agency' must be an Agency or a name (got {type(agency).__name__})", field="agency", value=agency
        )
    if parsed_level is not None:
        agency = attrs.evolve(agency, level=parsed_level)
    if parsed_role is not None:
        agency = attrs.evolve(agency, role=parsed_role)
    return agency


def _part(part: Part, heading: str, *blocks: Block, subsections: tuple[Section, ...] = ()) -> Section:
    return Section(heading=heading, part=part, blocks=blocks, subsections=subsections)


def _national_format(edition: Edition) -> tuple[Section, ...]:
    if edition is Edition.E2021:
        tables: dict[Part, Block] = {
            Part.PROACTIVE: ProactiveTable2021.zeros(),
            Part.APPLICATIONS: ApplicationsTable2021.zeros(),
        }
        other: tuple[Section, ...] = (Section(heading=FEE_HEADING),)
    else:
        tables = {Part.PROACTIVE: ProactiveTable2019.zeros(), Part.APPLICATIONS: ApplicationsTable2019.zeros()}
        other = ()
    tables[Part.REVIEWS_LITIGATION] = ReviewsTable.zeros()
    subsections = {
        Part.OVERVIEW: tuple(Section(heading=heading) for heading in OVERVIEW_HEADINGS),
        Part.OTHER: other,
    }
    return tuple(
        _part(part, heading, *((tables[part],) if part in tables else ()), subsections=subsections.get(part, ()))
        for part, heading in NATIONAL_HEADINGS
    )


def _pre_2019(year: int) -> tuple[Section, ...]:
    chapters = tuple(_part(part, heading) for part, heading in PRE_2019_HEADINGS)
    if year < NATIONAL_FORM_FIRST_YEAR:
        return chapters
    attached = Section(
        heading=ATTACHED_TABLES_HEADING,
        part=Part.STATISTICS_TABLES,
        numbering=OrdinalStyle.NONE,
        blocks=(national_statistics_form(fill=0),),
    )
    return (*chapters, attached)


class PartsProfile(Protocol):
    """What :func:`new_report` reads of a check profile: the added parts it asks for (``None``: the default's)."""

    @property
    def parts(self) -> tuple[PartDef, ...] | None: ...  # pragma: no cover - a protocol


def _with_added_parts(
    sections: tuple[Section, ...], edition: Edition, agency: Agency, parts: tuple[PartDef, ...], include: Iterable[str]
) -> tuple[Section, ...]:
    """*sections* with the registered parts that apply (or are included), each after the part it names.

    A part placed after a part the blank has not (a standard part of another edition) goes last.
    """
    wanted = set(include) if not isinstance(include, str) else {include}
    ids = [definition.id for definition in parts]
    unknown = sorted(wanted - set(ids))
    if unknown:
        known = ", ".join(ids) or "none"
        raise ModelError(f"no registered part {unknown[0]!r}; registered: {known}", field="include", value=unknown[0])
    placed: list[tuple[Part | str | None, Section]] = [(section.part, section) for section in sections]
    for definition in parts:
        if definition.id not in wanted and not definition.applies_to(edition, agency):
            continue
        section = definition.section(heading=definition.heading, blocks=definition.blocks())
        after = next((i for i, (key, _) in enumerate(placed) if key == definition.after), None)
        if after is None:
            after = len(placed) - 1
            if placed and placed[-1][0] is Part.STATISTICS_TABLES:  # the 附表 stays last
                after -= 1
        placed.insert(after + 1, (definition.id, section))
    return tuple(section for _, section in placed)


def new_report(
    *,
    edition: Edition | str,
    agency: Agency | str,
    year: int,
    level: AgencyLevel | str | None = None,
    role: AgencyRole | str | None = None,
    parts: Iterable[PartDef] | None = None,
    include: Iterable[str] = (),
    profile: PartsProfile | None = None,
) -> Report:
    """A blank report of *edition* for *agency* and *year*, with every required part, ready to fill.

    - 2019 and 2021 editions: the six parts of the national format with their template headings and :class:`Part`;
      一、总体情况 with its five usual sub-parts (:data:`OVERVIEW_HEADINGS`); 二、三、四 holding that edition's
      official tables filled with ``0``; in the 2021 edition, 六 with a :data:`FEE_HEADING` sub-part.
    - pre-2019: the consensus chapters (:data:`PRE_2019_HEADINGS`) after an empty ``引言``, and, for report years from
      2014 (:data:`NATIONAL_FORM_FIRST_YEAR`), an unnumbered ``附表`` holding the national form
      (``政府信息公开情况统计表``) with ``0`` in every value row. Earlier reports used local forms: add a
      :class:`~govdisclose.model.StatisticsTable` of your own.

    Parts that plugins add (:class:`~govdisclose.model.PartDef`, registered in *parts*) are in the blank when they
    apply to its edition and agency (a province's part for the organs of that province), or when *include* names
    them: each after the part its definition names, with its heading and its template blocks.

    Prose parts have no blocks. The signature names the agency and has no date; publication metadata is empty. Any
    edition is allowed for any year the model accepts (a 2021-format report of 2020 is plausible, and so is a late
    pre-2019-style one): the arguments are validated for their types and values only.

    Args:
        edition: ``"2021"``, ``"2019"``, ``"pre-2019"`` or an :class:`~govdisclose.model.Edition`.
        agency: The reporting organ, or its name.
        year: The year reported on.
        level: The agency's level, as an :class:`~govdisclose.model.AgencyLevel` or its value (``区县``) or name
            (``county``); replaces the level of an :class:`~govdisclose.model.Agency` given as *agency*.
        role: ``department`` or ``government`` (or an :class:`~govdisclose.model.AgencyRole`); replaces the role of
            a given agency likewise.
        parts: The parts plugins added (a :class:`~govdisclose.model.PartRegistry` such as ``host.parts``, or
            :class:`~govdisclose.model.PartDef` values); by default the profile's, else
            :data:`~govdisclose.model.default_parts` (the default host's).
        include: Ids of those parts to add whether or not they apply to the agency.
        profile: A check profile (:class:`~govdisclose.checks.Profile`) whose ``parts`` the blank should have, as
            ``check(report, profile=profile)`` asks for them.

    Raises:
        ModelError: An argument has the wrong type or an unknown value (the message lists the known ones), or the
            year is outside what the model accepts, or *include* names a part that is not registered.

    >>> pre = new_report(edition="pre-2019", agency="某街道办事处", year=2016)
    >>> [s.heading for s in pre.sections][-2:]
    ['其他需要报告的事项', '附表']
    >>> pre.introduction.heading, pre.sections[-1].blocks[0].row("applications.received").values[0].text
    ('引言', '0')
    >>> new_report(edition="2022", agency="某局", year=2024)
    Traceback (most recent call last):
    ...
    govdisclose._errors.ModelError: unknown edition '2022'; known: pre-2019, 2019, 2021
    """
    parsed = _enum(Edition, edition, "edition")
    if parsed is None:
        raise ModelError("'edition' is required; known: pre-2019, 2019, 2021", field="edition")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ModelError(f"'year' must be an integer (got {year!r})", field="year", value=year)
    organ = _agency(agency, level, role)
    if parsed is Edition.PRE_2019:
        sections, introduction = _pre_2019(year), Introduction(heading="引言")
    else:
        sections, introduction = _national_format(parsed), None
    if parts is None:
        parts = profile.parts if profile is not None and profile.parts is not None else default_parts
    sections = _with_added_parts(sections, parsed, organ, tuple(parts), include)
    return Report(
        edition=parsed,
        year=year,
        agency=organ,
        introduction=introduction,
        sections=sections,
        signature=Signature(organ=organ.name),
    )
