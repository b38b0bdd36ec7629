"""The words of the domain, written once: parts, their headings and keywords, announced parts, metadata labels.

Each part of a report has its headings per edition and the words that name it in real reports; an 引言 announces the
parts a report contains; portals label the publication metadata in many ways.

The reader, the checks, the blank templates and the renderers all read this module: when two of them need to recognise
the same thing, they call the same function.

Parts and their headings
    :data:`NATIONAL_HEADINGS` are the six parts of the 2019 and 2021 national formats (spec ``format-2021.md`` §1);
    :data:`PRE_2019_HEADINGS` the consensus chapters of reports of 2008–2018 (spec ``pre-2019.md`` §2) and
    :data:`REGULATION_2008_ITEMS` the six items article 32 of the 2008 regulation asks for. :func:`required_parts` and
    :func:`part_name` say which parts an edition requires and what a finding calls each.

Which part a heading names
    :func:`parts_named` is *the* decision text → :class:`~govdisclose.model.Part`: every part one of whose words
    (:data:`PART_KEYWORDS`) the text contains, as a chapter may combine parts (``依申请公开办理和行政复议、申诉、诉讼
    情况``). :func:`part_of` is the one part a chapter heading stands for: the first of those in the order of
    :data:`PART_KEYWORDS`.

>>> part_of("因政府信息公开申请行政复议、提起行政诉讼的情况")
<Part.REVIEWS_LITIGATION: 'reviews-litigation'>
>>> sorted(p.value for p in parts_named("依申请公开办理和行政复议、申诉、诉讼情况"))
['applications', 'reviews-litigation']
>>> announced_parts("本报告共分6个部分：总体情况、主动公开政府信息情况、其他需要报告的事项。本报告所列数据……")
('总体情况', '主动公开政府信息情况', '其他需要报告的事项')
>>> metadata_term("发文字号").label
'文号'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from .._errors import DuplicateKindError, InvalidKindError, ModelError
from .._registry import Registry
from ..zh import OrdinalStyle, format_ordinal, from_chinese_numeral
from ._blocks import Block
from ._checks import not_blank, typed_fields
from ._report import Agency, Edition
from ._sections import Part, Section

__all__ = [
    "ATTACHED_TABLES_HEADING",
    "FEE_HEADING",
    "METADATA_LABELS",
    "METADATA_TERMS",
    "NATIONAL_HEADINGS",
    "OVERVIEW_HEADINGS",
    "PART_KEYWORDS",
    "PRE_2019_HEADINGS",
    "REGULATION_2008_ITEMS",
    "STANDARD_HEADINGS",
    "TITLE_LABELS",
    "MetadataTerm",
    "PartDef",
    "PartRegistry",
    "added_parts",
    "added_parts_named",
    "announced_count",
    "announced_parts",
    "default_parts",
    "metadata_term",
    "national_title",
    "part_name",
    "part_of",
    "parts_named",
    "required_parts",
]

# ---- parts and their headings ---------------------------------------------------------------------------------------

NATIONAL_HEADINGS: Final[tuple[tuple[Part, str], ...]] = (
    (Part.OVERVIEW, "总体情况"),
    (Part.PROACTIVE, "主动公开政府信息情况"),
    (Part.APPLICATIONS, "收到和处理政府信息公开申请情况"),
    (Part.REVIEWS_LITIGATION, "政府信息公开行政复议、行政诉讼情况"),
    (Part.PROBLEMS, "存在的主要问题及改进情况"),
    (Part.OTHER, "其他需要报告的事项"),
)
"""The six parts of the 2019 and 2021 national formats, in order, with their template headings (no ordinal)."""

REGULATION_2008_ITEMS: Final[tuple[tuple[Part, str], ...]] = (
    (Part.PROACTIVE, "主动公开政府信息的情况"),
    (Part.APPLICATIONS, "依申请公开政府信息和不予公开政府信息的情况"),
    (Part.FEES, "政府信息公开的收费及减免情况"),
    (Part.REVIEWS_LITIGATION, "因政府信息公开申请行政复议、提起行政诉讼的情况"),
    (Part.PROBLEMS, "政府信息公开工作存在的主要问题及改进情况"),
    (Part.OTHER, "其他需要报告的事项"),
)
"""The six items a report must contain under article 32 of the 2008 regulation (without its ``行政机关``)."""

_NATIONAL: Final = MappingProxyType(dict(NATIONAL_HEADINGS))
_ITEMS_2008: Final = MappingProxyType(dict(REGULATION_2008_ITEMS))

PRE_2019_HEADINGS: Final[tuple[tuple[Part, str], ...]] = (
    (Part.OVERVIEW, "概述"),
    (Part.PROACTIVE, "主动公开政府信息情况"),
    (Part.APPLICATIONS, "依申请公开政府信息情况"),
    *((part, _ITEMS_2008[part]) for part in (Part.FEES, Part.REVIEWS_LITIGATION, Part.PROBLEMS, Part.OTHER)),
)
"""The consensus chapters of reports of 2008–2018 (spec ``pre-2019.md`` §2), before the 附表."""

ATTACHED_TABLES_HEADING: Final = "附表"
"""The heading of the statistics tables attached to a report (often unnumbered)."""

_FREQUENT_CHAPTERS: Final[tuple[tuple[Part, str], ...]] = (
    (Part.CONSULTATIONS, "政府信息公开咨询情况"),
    (Part.RESPONSES, "回应解读情况"),
    (Part.STAFF_FUNDING, "机构建设和保障经费情况"),
    (Part.MEETINGS_TRAINING, "政府信息公开会议和培训情况"),
    (Part.COMPLAINTS, "举报投诉情况"),
    (Part.STATISTICS_TABLES, "统计表（附表）"),
)
"""The frequent further chapters of reports before 2019, by their usual names."""

OVERVIEW_HEADINGS: Final[tuple[str, ...]] = (
    "主动公开政府信息情况",
    "依申请公开情况",
    "政府信息管理情况",
    "政府信息公开平台建设情况",
    "监督保障情况",
)
"""The five usual sub-parts of 一、总体情况 (2019 and 2021 editions); the format fixes the topics, not the wording."""

FEE_HEADING: Final = "信息处理费收取情况"
"""The sub-part of 六、其他需要报告的事项 that accounts for 信息处理费 (2021 edition, 国办函〔2020〕109号)."""

STANDARD_HEADINGS: Final[tuple[str, ...]] = (
    *dict.fromkeys(
        heading for headings in (NATIONAL_HEADINGS, PRE_2019_HEADINGS, REGULATION_2008_ITEMS) for _, heading in headings
    ),
    "基本情况",
)
"""Chapter headings as reports print them: the national formats, the usual pre-2019 chapters, the 2008 items.

A reader splits a heading from the text run on after it with these (a body collapsed onto one line).
"""

_NAMES: Final = MappingProxyType({**_NATIONAL, Part.FEES: _ITEMS_2008[Part.FEES], **dict(_FREQUENT_CHAPTERS)})
_NAMES_2008: Final = MappingProxyType({**_NAMES, Part.OVERVIEW: "概述", **_ITEMS_2008})
_REQUIRED: Final[Mapping[Edition, tuple[Part, ...]]] = MappingProxyType(
    {
        Edition.E2021: tuple(part for part, _ in NATIONAL_HEADINGS),
        Edition.E2019: tuple(part for part, _ in NATIONAL_HEADINGS),
        Edition.PRE_2019: tuple(part for part, _ in REGULATION_2008_ITEMS),
    }
)


def national_title(part: Part) -> str:
    """The heading of one of the six parts of the national formats, with its ordinal.

    >>> national_title(Part.PROACTIVE)
    '二、主动公开政府信息情况'
    """
    number = next(index for index, (each, _) in enumerate(NATIONAL_HEADINGS, 1) if each is part)
    return format_ordinal(number, OrdinalStyle.CN_COMMA) + _NATIONAL[part]


def required_parts(edition: Edition) -> tuple[Part, ...]:
    """The parts a report of *edition* must have: the format's six, or before 2019 the 2008 regulation's six items.

    >>> [p.value for p in required_parts(Edition.PRE_2019)][:3]
    ['proactive-disclosure', 'applications', 'fees']
    """
    return _REQUIRED[edition]


def part_name(part: Part, edition: Edition) -> str:
    """What a report of *edition* calls *part*: its heading in the national format, the 2008 item before 2019.

    >>> part_name(Part.APPLICATIONS, Edition.E2021), part_name(Part.APPLICATIONS, Edition.PRE_2019)
    ('收到和处理政府信息公开申请情况', '依申请公开政府信息和不予公开政府信息的情况')
    """
    return (_NAMES_2008 if edition is Edition.PRE_2019 else _NAMES)[part]


# ---- which part a heading names -------------------------------------------------------------------------------------

PART_KEYWORDS: Final[tuple[tuple[Part, tuple[str, ...]], ...]] = (
    (Part.OTHER, ("其他需要", "其它需要", "需要报告", "需要说明", "其他事项", "其它事项", "相关说明")),
    (Part.REVIEWS_LITIGATION, ("复议", "诉讼", "申诉")),
    (Part.PROBLEMS, ("问题", "改进", "不足", "困难", "整改")),
    (Part.FEES, ("收费", "减免", "处理费")),
    (Part.STAFF_FUNDING, ("人员", "经费", "收支", "机构建设")),
    (Part.CONSULTATIONS, ("咨询",)),
    (Part.RESPONSES, ("回应", "解读")),
    (Part.MEETINGS_TRAINING, ("会议", "培训")),
    (Part.COMPLAINTS, ("举报", "投诉")),
    (
        Part.APPLICATIONS,
        ("依申请", "收到和处理", "处理政府信息公开申请", "不予公开", "申请公开", "公开申请(?!行政复议)"),
    ),
    (Part.PROACTIVE, ("主动公开",)),
    (Part.OVERVIEW, ("概述", "概况", "总体情况", "基本情况")),
    (Part.STATISTICS_TABLES, ("附表", "统计表")),
)
"""The words that name each part in real reports (regular expressions, most of them plain words), in the order
:func:`part_of` tries them.

The order settles headings that contain words of two parts: ``其他需要报告的事项（信息处理费）`` is the other-matters
part (其他需要 before 处理费), ``依申请信息公开收费情况`` is about fees, ``依申请公开工作中的问题`` about problems. The
2008 item ``因政府信息公开申请行政复议、提起行政诉讼的情况`` names reviews only.
"""

_PATTERNS: Final = tuple((part, re.compile("|".join(words))) for part, words in PART_KEYWORDS)
_ATTACHED_TABLES: Final = re.compile(r"附表|(?:情况)?统计表")


def parts_named(text: str) -> frozenset[Part]:
    """Every standard part whose words (:data:`PART_KEYWORDS`) a heading or an announced item contains.

    A chapter may combine parts (``依申请公开办理和行政复议、申诉、诉讼情况``), so a text may name several.

    >>> sorted(p.value for p in parts_named("政府信息公开的人员、收费及减免情况"))
    ['fees', 'staff-funding']
    >>> parts_named("因政府信息公开申请行政复议、提起行政诉讼的情况") == {Part.REVIEWS_LITIGATION}
    True
    """
    return frozenset(part for part, pattern in _PATTERNS if pattern.search(text))


def part_of(heading: str, *, depth: int = 1) -> Part | None:
    """The standard part a chapter heading stands for, or ``None``.

    That is the first of :func:`parts_named` in the order of :data:`PART_KEYWORDS`. Below the chapters (*depth* > 1)
    only the attached tables are a part.

    >>> part_of("存在的困难和问题"), part_of("政府信息处理费收取情况"), part_of("上年度问题整改落实情况")
    (<Part.PROBLEMS: 'problems-improvements'>, <Part.FEES: 'fees'>, <Part.PROBLEMS: 'problems-improvements'>)
    >>> part_of("信息处理费收取情况", depth=2), part_of("附表", depth=2)
    (None, <Part.STATISTICS_TABLES: 'statistics-tables'>)
    """
    if depth > 1:
        return Part.STATISTICS_TABLES if _ATTACHED_TABLES.fullmatch(heading.rstrip("。")) else None
    named = parts_named(heading)
    return next((part for part, _ in PART_KEYWORDS if part in named), None)


# ---- parts that plugins add -----------------------------------------------------------------------------------------


def _part_id(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", value) or "." not in value:
        raise ModelError(
            f"a part's id is a lowercase tag with its plugin's prefix, such as 'example.npc-proposals' (got {value!r})",
            field=attribute.name,
            value=value,
        )


def _words(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for word in value:
        try:
            re.compile(word)
        except re.error as exc:
            raise ModelError(f"keyword {word!r} is not a regular expression: {exc}", field=attribute.name) from None


def _callable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        raise ModelError(f"{attribute.name!r} must be callable or None (got {value!r})", field=attribute.name)


def _section_kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not (isinstance(value, type) and issubclass(value, Section)):
        raise ModelError(f"'section' must be Section or a subclass of it (got {value!r})", field=attribute.name)


@functools.lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(words))


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class PartDef:
    """A part of a report that a plugin adds: a province's mandatory chapter, with its heading, place and template.

    Registered in a :class:`PartRegistry` (a plugin calls ``host.part(PartDef(...))``), it is honoured by
    :func:`~govdisclose.templates.new_report` (the part is in every blank it :meth:`applies_to`, at its place, with its
    template blocks), by the reader (its heading is one of :func:`added_parts_named`; a table of the plugin is read
    by its labels) and by the check ``part.missing`` (a report it applies to must have it, with content).

    Attributes:
        id: A stable tag with the plugin's prefix (``example.npc-proposals``).
        heading: The heading of the part in a blank report, without its ordinal.
        basis: What requires the part, as a finding names it (``示例省年度报告模板``).
        after: The part it follows in a blank report: a standard :class:`~govdisclose.model.Part`, or the id of
            another registered part. Parts of the report after it move down one place.
        keywords: Regular expressions naming the part in a heading, as real reports word it; by default the heading.
        editions: The editions whose reports have the part.
        scope: Which organs must report it (``AgencyScope(region="示例省").matches`` from
            :mod:`govdisclose.checks`, or any ``(agency) -> bool``); ``None``: every organ.
        section: The section kind of the part in a blank report (a plugin's :class:`~govdisclose.model.Section`
            subclass, or ``Section``). A section of that kind stands for the part whatever its heading.
        template: Makes the blocks of the part in a blank report (a zero table, say); ``None``: no blocks (a prose
            part, still to be written).

    >>> from govdisclose.model import Agency, Edition
    >>> mine = PartDef(id="doc.hotline", heading="政务公开热线运行情况", basis="某市模板", after=Part.PROBLEMS,
    ...                keywords=("热线",), editions=(Edition.E2021,))
    >>> mine.names("二、政务公开热线工作"), mine.applies_to(Edition.E2019, Agency(name="某市某局"))
    (True, False)
    """

    id: str = attrs.field(validator=_part_id)
    heading: str = attrs.field(validator=not_blank)
    basis: str = attrs.field(validator=not_blank)
    after: Part | str
    keywords: tuple[str, ...] = attrs.field(default=(), validator=_words)
    editions: tuple[Edition, ...] = (Edition.E2019, Edition.E2021)
    scope: Callable[[Agency], bool] | None = attrs.field(default=None, eq=False, validator=_callable)
    section: type[Section] = attrs.field(default=Section, validator=_section_kind)
    template: Callable[[], tuple[Block, ...]] | None = attrs.field(default=None, eq=False, validator=_callable)

    def names(self, heading: str) -> bool:
        """Whether *heading* names this part (one of its :attr:`keywords` is in it; by default its heading)."""
        return _any_of(self.keywords or (re.escape(self.heading),)).search(heading) is not None

    def stands_for(self, section: Section) -> bool:
        """Whether *section* is this part: a section of its own kind, or one whose heading names it."""
        return (self.section is not Section and isinstance(section, self.section)) or self.names(section.heading)

    def applies_to(self, edition: Edition, agency: Agency) -> bool:
        """Whether a report of *edition* by *agency* must have the part."""
        return edition in self.editions and (self.scope is None or bool(self.scope(agency)))

    def blocks(self) -> tuple[Block, ...]:
        """The blocks of the part in a blank report."""
        return () if self.template is None else tuple(self.template())


@attrs.define(eq=False)
class PartRegistry(Registry[str, PartDef]):
    """The parts plugins add, by id (the core's parts are :class:`~govdisclose.model.Part`), in registration order.

    A :class:`~govdisclose.Registry` of :class:`PartDef` values; ``host.part(definition)`` registers one.
    """

    error = DuplicateKindError
    accepts = PartDef
    key_attribute = "id"

    name: str = "parts"
    what: str = "part"
    category: str = "part"

    def check(self, value: PartDef, source: str) -> None:
        """Refuse what is not a :class:`PartDef`, and a part placed after a part nobody registered."""
        super().check(value, source)
        if not isinstance(value.after, Part) and value.after not in self:
            known = ", ".join(self.keys()) or "none"
            raise InvalidKindError(
                f"{source}: part {value.id!r} is placed after {value.after!r}, which is no registered part "
                f"(registered: {known}); give a Part or register that part first",
                tag=value.id,
                source=source,
            )

    def describe(self, value: PartDef) -> str:
        """The heading and what requires it."""
        return f"{value.heading} ({value.basis})"


default_parts: Final = PartRegistry()
"""The parts plugins have added to the default host (empty until plugins are loaded)."""


def added_parts(edition: Edition, agency: Agency, *, parts: Iterable[PartDef] | None = None) -> tuple[PartDef, ...]:
    """The added parts a report of *edition* by *agency* must have, besides :func:`required_parts`.

    *parts* are the parts to consider (a :class:`PartRegistry`, or a profile's own); :data:`default_parts` by default.

    >>> from govdisclose.model import Agency
    >>> added_parts(Edition.E2021, Agency(name="某县教育局"))  # no plugin has added a part here
    ()
    """
    return tuple(part for part in (default_parts if parts is None else parts) if part.applies_to(edition, agency))


def added_parts_named(heading: str, *, parts: Iterable[PartDef] | None = None) -> tuple[PartDef, ...]:
    """The registered parts a heading names (their keywords), as :func:`parts_named` is for the standard ones."""
    return tuple(part for part in (default_parts if parts is None else parts) if part.names(heading))


# ---- the parts an 引言 announces ------------------------------------------------------------------------------------

_SUBJECT: Final = r"(?:主要内容|全文|本年报|本报告|报告|年报|内容)"
_COUNT: Final = r"[一二三四五六七八九十两\d]+个?"
_ANNOUNCEMENT: Final = re.compile(
    _SUBJECT + r"[^。]{0,6}?包括[:：]?(?P<list>[^。]+)"
    r"|" + _SUBJECT + r"[^。，,]{0,4}?由(?P<made_of>[^。]+?)[等共]{0,2}(?:" + _COUNT + r"部分)?组成"
    r"|" + _SUBJECT + r"[^。，,]{0,4}?(?:共分为|共分|分为|分成)(?:" + _COUNT + r"部分)?[:：](?P<divided>[^。]+)"
)
_TAIL: Final = re.compile(r"[等共]{0,2}(?:" + _COUNT + r")?(?:部分|方面)(?:内容)?(?:组成)?\s*\Z|等\s*\Z")
_AND: Final = re.compile(r"[,，]?以及")
_SEPARATORS: Final = (re.compile(r"[;；]"), re.compile(r"[,，]"), re.compile(r"、"))


def announced_parts(text: str) -> tuple[str, ...]:
    """The parts an 引言 announces, in order; empty when it announces none.

    Three phrasings: ``全文包括……六部分内容`` / ``主要内容包括：……；……``, ``本年报由……等组成``, and
    ``本报告共分6个部分：……``. The list is split at its strongest separator: ``；`` before ``，`` before ``、`` (items
    themselves often contain ``、``, as in ``因政府信息公开申请行政复议、提起行政诉讼的情况``). Then two pieces
    that name the same part, the first not ending like an item (``因……行政复议``、``提起行政诉讼的情况``), are one
    item, and an item that joins two parts with ``和``/``及`` (``……改进情况和其他需要报告的事项``) is two.

    >>> announced_parts("全文包括总体情况、主动公开政府信息情况、其他需要报告的事项六部分内容。")
    ('总体情况', '主动公开政府信息情况', '其他需要报告的事项')
    >>> announced_parts("主要内容包括:概述;公开收费情况;存在主要问题和整改措施。")
    ('概述', '公开收费情况', '存在主要问题和整改措施')
    >>> announced_parts("本年报由概述、收费及减免情况、存在的主要问题及改进措施等组成。")
    ('概述', '收费及减免情况', '存在的主要问题及改进措施')
    >>> announced_parts("本报告包括因申请行政复议、提起行政诉讼的情况、主要问题及改进情况和其他需要报告的事项。")
    ('因申请行政复议、提起行政诉讼的情况', '主要问题及改进情况', '其他需要报告的事项')
    >>> announced_parts("报告由概述、需要说明的事项与附表共两个部分组成。")
    ('概述', '需要说明的事项与附表')
    >>> announced_parts("本报告由某局编制。")
    ()
    """
    match = _ANNOUNCEMENT.search(text)
    if match is None:
        return ()
    listed = _TAIL.sub("", (match["list"] or match["made_of"] or match["divided"]).strip())
    listed = _AND.sub("；" if re.search(r"[;；]", listed) else "、", listed)
    pattern = next((pattern for pattern in _SEPARATORS if pattern.search(listed)), None)
    items = pattern.split(listed) if pattern is not None else [listed]
    cleaned = [item for item in (_TAIL.sub("", item.strip()).strip() for item in items) if item]
    joiner = "、" if pattern is not None and pattern.pattern == "、" else ""
    joined = _join_pieces(cleaned, joiner)
    split = _split_joined(joined)
    if len(split) != len(joined) and announced_count(text) == len(joined):
        return tuple(joined)  # ``需要说明的事项与附表共六个部分``: the author counts the joined item as one
    return tuple(split)


_ITEM_END: Final = re.compile(r"(情况|措施|事项|概述|概况|问题|工作|统计表|附表|内容|说明)\Z")
_JOINED: Final = re.compile(r"(?<=情况|措施|事项)(?:和|及|与)")


def _join_pieces(items: list[str], joiner: str) -> list[str]:
    """Pieces of one item the separator cut apart: ``因……行政复议`` and ``提起行政诉讼的情况`` both name 复议诉讼."""
    joined: list[str] = []
    for item in items:
        if (
            joined
            and not _ITEM_END.search(joined[-1])
            and parts_named(joined[-1])
            and (parts_named(joined[-1]) == parts_named(item))
        ):
            joined[-1] += joiner + item
        else:
            joined.append(item)
    return joined


def _split_joined(items: list[str]) -> list[str]:
    """Items that join two parts: ``存在的主要问题及改进情况和其他需要报告的事项`` is two items."""
    result: list[str] = []
    for item in items:
        pieces = _JOINED.split(item)
        named = [parts_named(piece) for piece in pieces]
        if len(pieces) == 2 and all(named) and named[0] != named[1]:
            result.extend(pieces)
        else:
            result.append(item)
    return result


_ANNOUNCED_COUNT: Final = re.compile(
    r"(?:共|等|分为|分成|共分)\s*(?P<count>[一二三四五六七八九十两]|\d{1,2})\s*个?\s*(?:部分|方面)"
)
_FROM_ASPECTS: Final = re.compile(_SUBJECT + r"[^。]{0,6}?从[^。]{2,300}?等[一二三四五六七八九十两\d]{1,2}个?方面")


def announced_count(text: str) -> int | None:
    """How many parts an 引言 says the report has (``共六个部分``, ``分为6个部分``, ``从……等六个方面``), or ``None``.

    >>> announced_count("本报告包括总体情况、主动公开政府信息情况……和其他需要报告的事项等六个部分。")
    6
    >>> announced_count("本报告共分6个部分：总体情况、主动公开政府信息情况……")
    6
    >>> announced_count("本报告从总体情况、主动公开、依申请公开等三个方面进行报告。")
    3
    >>> announced_count("本报告由某局编制。") is None
    True
    """
    match = _ANNOUNCEMENT.search(text) or _FROM_ASPECTS.search(text)
    if match is None:
        return None
    sentence_end = text.find("。", match.start())
    span = text[match.start() : sentence_end if sentence_end >= 0 else len(text)]
    count = _ANNOUNCED_COUNT.search(span)
    if count is None:
        return None
    word = count["count"]
    return int(word) if word.isdigit() else from_chinese_numeral(word.replace("两", "二"))


# ---- publication metadata -------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class MetadataTerm:
    """A field of the metadata block portals print above a report, with the other spellings of its label.

    Attributes:
        label: The label the field is rendered with (``索引号``).
        aliases: The other labels portals print for it (``信息索引``), spaces between characters left out.
        attribute: The :class:`~govdisclose.model.Publication` attribute it fills, or ``None`` for a field kept, under
            the label as printed, in ``Publication.extra``.
    """

    label: str
    aliases: tuple[str, ...] = ()
    attribute: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The label and its aliases."""
        return (self.label, *self.aliases)


_TITLE: Final = MetadataTerm(label="名称", aliases=("标题", "信息名称"))

METADATA_TERMS: Final[tuple[MetadataTerm, ...]] = (
    MetadataTerm(label="索引号", aliases=("信息索引", "索取号"), attribute="index_number"),
    MetadataTerm(label="文号", aliases=("发文字号", "备注/文号", "发布文号"), attribute="document_number"),
    MetadataTerm(label="发布机构", aliases=("发文机关", "发布单位", "发文机构", "发文单位"), attribute="publisher"),
    MetadataTerm(label="成文日期", aliases=("生成日期", "公文生成日期", "发文日期"), attribute="written_on"),
    MetadataTerm(
        label="发布日期", aliases=("发布时间", "公开日期", "公开时间", "时间", "日期"), attribute="published_on"
    ),
    MetadataTerm(label="主题分类", aliases=("分类", "组配分类", "信息类别", "主题词"), attribute="subject"),
    MetadataTerm(label="有效性", aliases=("时效", "时效性", "有效性/截止日期"), attribute="validity"),
    MetadataTerm(label="来源", aliases=("信息来源", "文章来源"), attribute="source"),
    _TITLE,
    *(
        MetadataTerm(label=label)
        for label in (
            *("内容概述", "关键词", "体裁分类", "公开方式", "公开范围", "公开时限"),
            *("所属机构", "信息格式", "载体类型", "更新时间"),
        )
    ),
)
"""The metadata fields portals print (spec ``conventions.md`` §2): the typed fields of
:class:`~govdisclose.model.Publication` first, in the order they are rendered, then fields kept as extra fields."""

METADATA_LABELS: Final[tuple[tuple[str, str], ...]] = tuple(
    (term.attribute, term.label) for term in METADATA_TERMS if term.attribute is not None
)
"""``(attribute, label)`` of each typed metadata field, in the order they are rendered."""

TITLE_LABELS: Final = frozenset(_TITLE.labels)
"""Labels whose value is the title of the published item."""

_TERMS: Final = MappingProxyType({name: term for term in METADATA_TERMS for name in term.labels})


def metadata_term(label: str) -> MetadataTerm | None:
    """The metadata field *label* (or an alias of it, spaces left out) names, or ``None``.

    >>> metadata_term("发文字号").attribute, metadata_term("信息名称").label, metadata_term("浏览次数")
    ('document_number', '名称', None)
    """
    return _TERMS.get(label)
