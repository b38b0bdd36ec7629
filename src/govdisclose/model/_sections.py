"""Sections: the chapters of a report and their sub-parts, to any depth.

A section stores its heading *without* its ordinal. The ordinal (``一、`` ``（一）`` ``1.`` ``（1）``) is derived
from the section's position among its siblings and its depth when rendering, following GB/T 9704. Where the author
numbered in another style (``(一)`` with ASCII brackets, ``1、``, ``一是``), ``numbering`` records that style so the
text comes back as published; where the published number is not the position (a report that skips a number),
``number`` records it.

>>> Section(heading="概述", part=Part.OVERVIEW).heading
'概述'
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, ClassVar

import attrs

from .._errors import ModelError
from ..zh import OrdinalStyle
from ._blocks import Block
from ._checks import positive, typed_fields

__all__ = ["Part", "Section"]


class Part(str, enum.Enum):
    """The standard parts of a report, a stable identity independent of the heading's wording.

    The first six are the parts of the 2019 and 2021 national formats (and the usual chapters before 2019); the rest are
    chapters common in reports of 2008–2018.
    """

    OVERVIEW = "overview"
    """一、总体情况 (2019+) / 概述 (before 2019)."""
    PROACTIVE = "proactive-disclosure"
    """二、主动公开政府信息情况."""
    APPLICATIONS = "applications"
    """三、收到和处理政府信息公开申请情况 / 依申请公开政府信息情况."""
    REVIEWS_LITIGATION = "reviews-litigation"
    """四、政府信息公开行政复议、行政诉讼情况."""
    PROBLEMS = "problems-improvements"
    """五、存在的主要问题及改进情况."""
    OTHER = "other-matters"
    """六、其他需要报告的事项."""
    FEES = "fees"
    """政府信息公开的收费及减免情况 (before 2019)."""
    CONSULTATIONS = "consultations"
    """政府信息公开咨询情况."""
    RESPONSES = "responses-interpretation"
    """回应解读情况."""
    STAFF_FUNDING = "staff-funding"
    """机构建设和保障经费情况 / 人员和费用支出情况."""
    MEETINGS_TRAINING = "meetings-training"
    """政府信息公开会议和培训情况."""
    COMPLAINTS = "complaints"
    """举报投诉情况."""
    STATISTICS_TABLES = "statistics-tables"
    """附表: the statistics tables attached to a report."""


def _single_line(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if "\n" in value or "\r" in value:
        raise ModelError(f"{attribute.name!r} must be one line (got {value!r})", field=attribute.name, value=value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Section:
    """A chapter or sub-part of a report.

    Attributes:
        heading: The heading text without its ordinal (``主动公开政府信息情况``); may end in ``。`` when the author's
            sub-heading is a sentence.
        part: Which standard part this is, if any.
        numbering: The author's ordinal style; ``None`` means the GB/T 9704 default for the section's depth, and
            ``OrdinalStyle.NONE`` an unnumbered heading.
        number: The published number, when it is not the section's position among its numbered siblings.
        run_in: Whether the first block is printed on the heading's line (``（一）需要说明的其他事项。主动公开……``).
        blocks: The body blocks before any subsection.
        subsections: Sub-parts, in order.
    """

    KIND: ClassVar[str] = "section"

    heading: str = attrs.field(validator=_single_line)
    part: Part | None = None
    numbering: OrdinalStyle | None = None
    number: int | None = attrs.field(default=None, validator=positive)
    run_in: bool = False
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()

    def walk(self, depth: int = 1) -> Iterator[tuple[int, Section]]:
        """Yield ``(depth, section)`` for this section and every subsection, depth first."""
        yield depth, self
        for child in self.subsections:
            yield from child.walk(depth + 1)
