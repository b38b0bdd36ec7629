"""Agency identity: one normalised key for the names one organ goes by across years and portals.

Reports name their organ in several ways — ``中华人民共和国教育部`` and ``教育部``; ``洪泽区人民政府``,
``洪泽区政府`` and ``淮安市洪泽区人民政府``; ``东直门街道办事处`` and ``东直门街道``. :func:`agency_identity` applies
the rules of :data:`AGENCY_KEY_RULES` in order, splits the leading region names off (``淮安市`` ``洪泽区``), and
completes them with the report's region (the regions of the agency's ``parent``), so that the short and the long form of
one name give one key:

>>> agency_key("洪泽区人民政府", parent="淮安市人民政府"), agency_key("淮安市洪泽区人民政府")
('淮安市洪泽区', '淮安市洪泽区')
>>> agency_key("中华人民共和国教育部") == agency_key("教育部") == "教育部"
True

A government's key is its region (``淮安市洪泽区``); a department's is its region and its own name
(``淮安市洪泽区教育局``). When a report gives no region, its key is shorter; :func:`same_agency` counts two identities
as one organ when their own names agree and one region chain ends the other (``洪泽区`` and ``淮安市洪泽区``). An
*overrides* mapping (name or key → key) settles what the rules cannot (a renamed organ, a merger).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from ._checks import typed_fields
from ._report import Agency, Report

__all__ = ["AGENCY_KEY_RULES", "AgencyIdentity", "KeyRule", "agency_identity", "agency_key", "same_agency"]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class KeyRule:
    """One rewriting step of the agency key.

    Attributes:
        pattern: A regular expression, applied to the whole name.
        replacement: What a match becomes (``re.sub`` syntax).
        reason: Why, in a sentence (the documented rule table).
    """

    pattern: str
    replacement: str
    reason: str


AGENCY_KEY_RULES: tuple[KeyRule, ...] = (
    KeyRule(pattern=r"[\s\u3000]+", replacement="", reason="spaces (ASCII, full-width) are layout, not name"),
    KeyRule(
        pattern=r"^中华人民共和国",
        replacement="",
        reason="the state's name before a ministry: 中华人民共和国教育部 is 教育部",
    ),
    KeyRule(
        pattern=r"街道办事处",
        replacement="街道",
        reason="a street office is named by its street: 东直门街道办事处 is 东直门街道",
    ),
    KeyRule(
        pattern=r"人民政府",
        replacement="政府",
        reason="人民政府 and 政府 are one word in names: 洪泽区人民政府办公室 is 洪泽区政府办公室",
    ),
)
"""The rewriting rules of :func:`agency_identity`, applied in order before the regions are split off.

After them, leading region names are split off: a name of two to eight characters ending in 省, 自治区, 市, 自治州, 州,
地区, 盟, 区, 县, 旗, 镇, 乡 or 街道, or one character and 县 or 市 — but not one starting 国家, 中央 or 全国, nor
one running through 住房和城乡, words of organs' names. A name that is then only ``政府`` is the government of its
region, keyed by the region alone.
"""

_REGION = re.compile(
    r"(?!国家|中央|全国)(?:[^\s](?:县|市)"
    r"|(?:(?!住房和城乡)[^\s]){2,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|地区|盟|区|县|旗|镇|乡|街道))"
)
_GOVERNMENT = "政府"


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class AgencyIdentity:
    """Who an agency is: its region chain and its own name, normalised.

    Attributes:
        regions: The region names from the largest down (``("淮安市", "洪泽区")``); empty for a ministry.
        organ: The organ's own name below its region (``教育局``); ``""`` for the region's government.
    """

    regions: tuple[str, ...]
    organ: str

    @property
    def key(self) -> str:
        """The key: the regions and the organ's name written together (``淮安市洪泽区教育局``)."""
        return "".join(self.regions) + self.organ

    @property
    def region(self) -> str | None:
        """The region written out (``淮安市洪泽区``), or ``None`` when the name has none."""
        return "".join(self.regions) or None


def _normalise(name: str) -> str:
    for rule in AGENCY_KEY_RULES:
        name = re.sub(rule.pattern, rule.replacement, name)
    return name


def _split(name: str) -> tuple[tuple[str, ...], str]:
    """The leading region names of a normalised name, and the rest."""
    regions: list[str] = []
    rest = name
    while match := _REGION.match(rest):
        regions.append(match.group())
        rest = rest[match.end() :]
    if rest == _GOVERNMENT:
        rest = ""
    return tuple(regions), rest


def _complete(regions: tuple[str, ...], context: tuple[str, ...]) -> tuple[str, ...]:
    """*regions* with the larger regions of *context* put before them (``洪泽区`` in ``淮安市`` → 淮安市, 洪泽区)."""
    if not context:
        return regions
    if not regions:
        return context
    if regions[0] in context:  # the name starts inside the context: keep the context down to there
        return context[: context.index(regions[0])] + regions
    return context + regions


def agency_identity(
    agency: Agency | str,
    *,
    parent: str | None = None,
    region: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> AgencyIdentity:
    """The identity of *agency*, completed with the region of its *parent* (or an explicit *region*).

    Args:
        agency: The agency, or its name.
        parent: The organ it belongs to (default: ``agency.parent``); only its regions are used.
        region: The report's region, when known otherwise (``淮安市``); taken before *parent*.
        overrides: ``{name or key: key}``: a name (as published) or a computed key mapped to the key to use.

    >>> agency_identity("淮安市洪泽区教育局")
    AgencyIdentity(regions=('淮安市', '洪泽区'), organ='教育局')
    >>> agency_identity("东直门街道办事处", region="北京市东城区").key
    '北京市东城区东直门街道'
    """
    name = agency if isinstance(agency, str) else agency.name
    if parent is None and isinstance(agency, Agency):
        parent = agency.parent
    if overrides and name in overrides:
        return AgencyIdentity(regions=(), organ=overrides[name])
    regions, organ = _split(_normalise(name))
    context = _split(_normalise(region))[0] if region else ()
    if parent:
        parent_regions = _split(_normalise(parent))[0]
        context = _complete(parent_regions, context) if context else parent_regions
    identity = AgencyIdentity(regions=_complete(regions, context), organ=organ)
    if overrides and identity.key in overrides:
        return AgencyIdentity(regions=(), organ=overrides[identity.key])
    return identity


def agency_key(
    agency: Agency | Report | str,
    *,
    parent: str | None = None,
    region: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> str:
    """The normalised key of an agency (or of a report's agency): see :func:`agency_identity`.

    >>> agency_key("洪泽区政府", parent="淮安市人民政府") == agency_key("淮安市洪泽区人民政府")
    True
    """
    if isinstance(agency, Report):
        agency = agency.agency
    return agency_identity(agency, parent=parent, region=region, overrides=overrides).key


def same_agency(first: AgencyIdentity, second: AgencyIdentity) -> bool:
    """Whether two identities are one organ: the same own name, and one region chain the end of the other.

    >>> same_agency(agency_identity("洪泽区人民政府"), agency_identity("淮安市洪泽区人民政府"))
    True
    >>> same_agency(agency_identity("鼓楼区人民政府", parent="南京市人民政府"), agency_identity("福州市鼓楼区人民政府"))
    False
    """
    if first.organ != second.organ:
        return False
    shorter, longer = sorted((first.regions, second.regions), key=len)
    if not shorter:
        return not longer
    return longer[len(longer) - len(shorter) :] == shorter
