"""Disclosure categories: the lists reports count 主动公开 information by, as an open vocabulary.

There is no national list of categories (spec ``pre-2019.md`` §3). Reports count their proactively disclosed information
by category (``机构职能类信息3条``) and sometimes by type (``年度报告1条，工作动态5条``); regional templates fixed lists
for a while, and everything else is free. So any string is a category; a :class:`CategoryList` records a known list
(the Beijing template of 2008–2011, the lists of the seed report), and a :class:`CategoryRegistry` holds the known
lists, so that :func:`normalize_category` can map a label as written to the known category it names.

>>> default_categories.get("beijing-2008").categories
('机构职能类', '法规文件类', '规划计划类', '业务动态类')
>>> normalize_category("机构职能类信息")
'机构职能类'
>>> normalize_category("防汛抗旱")
'防汛抗旱'
>>> normalize_category("教育招生类信息")  # not a known category: kept as written
'教育招生类信息'
"""

from __future__ import annotations

from typing import Any

import attrs

from .._errors import DuplicateKindError, ModelError
from .._registry import CORE, Registry

__all__ = ["CategoryList", "CategoryRegistry", "default_categories", "normalize_category"]


def _text(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ModelError(f"{attribute.name!r} must not be blank", field=attribute.name, value=value)


def _categories(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        raise ModelError("'categories' must not be empty", field="categories")
    seen: set[str] = set()
    for name in value:
        if not name.strip() or name != name.strip():
            raise ModelError(f"category {name!r} is blank or has surrounding spaces", field="categories", value=name)
        if name in seen:
            raise ModelError(f"category {name!r} appears twice", field="categories", value=name)
        seen.add(name)


def _years(instance: object, attribute: attrs.Attribute[Any], value: tuple[int, int] | None) -> None:
    if value is not None and (len(value) != 2 or value[0] > value[1]):
        raise ModelError(
            f"'years' must be (first, last) with first <= last (got {value!r})", field="years", value=value
        )


@attrs.frozen(kw_only=True)
class CategoryList:
    """A known list of disclosure categories, as a template or a report used it.

    Attributes:
        id: A stable id, unique in its registry (``beijing-2008``).
        name: What the list is, in words.
        region: Where it was used (``北京``), or ``None`` when not regional.
        years: The report years it is known for, ``(first, last)`` inclusive, or ``None``.
        categories: The category names, in the list's order, as the list writes them (``机构职能类``).
        dimension: What the list classifies by, in a word, as in :class:`~govdisclose.model.Breakdown`: ``类别``
            (category, the default) or ``类型`` (type of item: 年度报告, 工作动态 …).
        note: Anything else about the list (a count kept beside it, where it was read).

    >>> CategoryList(id="x", name="某模板", categories=("甲类", "甲类"))
    Traceback (most recent call last):
    ...
    govdisclose._errors.ModelError: category '甲类' appears twice
    """

    id: str = attrs.field(validator=_text)
    name: str = attrs.field(validator=_text)
    region: str | None = attrs.field(default=None, validator=_text)
    years: tuple[int, int] | None = attrs.field(default=None, validator=_years)
    categories: tuple[str, ...] = attrs.field(validator=_categories)
    dimension: str = attrs.field(default="类别", validator=_text)
    note: str | None = attrs.field(default=None, validator=_text)


_SUFFIXES = ("的信息", "信息")
"""Words a report appends to a category name (``机构职能类信息``); stripped when what remains is a known category."""


@attrs.define(eq=False)
class CategoryRegistry(Registry[str, CategoryList]):
    """Known category lists by id, in the order they were added; an integrator adds the lists of its region.

    A :class:`~govdisclose.Registry` of :class:`CategoryList` values.

    >>> registry = CategoryRegistry()
    >>> registry.add(CategoryList(id="demo", name="演示", categories=("教育招生类",)))
    >>> registry.normalize("教育招生类信息")
    '教育招生类'
    >>> registry.add(CategoryList(id="demo", name="again", categories=("x",)))
    Traceback (most recent call last):
    ...
    govdisclose._errors.DuplicateKindError: core: a category list with id 'demo' is already registered by core
    """

    error = DuplicateKindError
    accepts = CategoryList
    key_attribute = "id"

    name: str = "categories"
    what: str = "a category list with id"
    category: str = "categories"

    def same(self, taken: CategoryList, value: CategoryList) -> bool:
        return False  # an id names one list: adding a list under a taken id is always a mistake

    def describe(self, value: CategoryList) -> str:
        return f"{value.name} ({len(value.categories)})"

    def add(self, category_list: CategoryList, *, source: str = CORE) -> None:
        """Add *category_list* under its id (:meth:`register` under the name this registry always had).

        Raises:
            DuplicateKindError: A list with that id is already registered.
        """
        self.register(category_list, source=source)

    def ids(self) -> tuple[str, ...]:
        """The ids of the registered lists, sorted."""
        return tuple(sorted(self.keys()))

    def lists(self) -> tuple[CategoryList, ...]:
        """The registered lists, in the order they were added."""
        return tuple(self)

    def known(self) -> frozenset[str]:
        """Every category name of every registered list."""
        return frozenset(name for category_list in self for name in category_list.categories)

    def lists_with(self, category: str) -> tuple[CategoryList, ...]:
        """The registered lists that contain *category* (as the lists write it), in the order they were added.

        >>> [c.id for c in default_categories.lists_with("规划计划类")]
        ['beijing-2008', 'fujian-2017']
        """
        return tuple(category_list for category_list in self if category in category_list.categories)

    def normalize(self, label: str) -> str:
        """The known category *label* names, or *label* itself (without surrounding spaces) when it names none.

        A label names a known category when it is one, or is one followed by ``信息`` / ``的信息``. Unknown labels
        are kept: categories are an open vocabulary.
        """
        text = label.strip()
        known = self.known()
        if text in known:
            return text
        for suffix in _SUFFIXES:
            stem = text.removesuffix(suffix)
            if stem != text and stem in known:
                return stem
        return text


def normalize_category(label: str, *, registry: CategoryRegistry | None = None) -> str:
    """The known category *label* names (``机构职能类信息`` → ``机构职能类``), or the label itself.

    Args:
        label: A category as a report writes it.
        registry: The known lists; :data:`default_categories` when not given.

    >>> normalize_category(" 安全生产、应急管理类信息 ")
    '安全生产、应急管理类'
    >>> normalize_category("业务动态类的信息")
    '业务动态类'
    """
    return (registry if registry is not None else default_categories).normalize(label)


default_categories = CategoryRegistry()
"""The registry :func:`normalize_category` uses by default: the lists known from the spec; add your own."""

for _list in (
    CategoryList(
        id="beijing-2008",
        name="北京市政府信息公开工作年度报告模板（主动公开信息类别）",
        region="北京",
        years=(2008, 2011),
        categories=("机构职能类", "法规文件类", "规划计划类", "业务动态类"),
        note="the template counts 重点领域公开政府信息数 separately, beside the four categories",
    ),
    CategoryList(
        id="fujian-2017",
        name="福建省报告的主动公开信息类别（种子报告：三元区城关街道2017年报告）",
        region="福建",
        years=(2017, 2017),
        categories=("机构职能类", "规划计划类", "民政扶贫救灾社会保障就业类", "科教文体卫生类", "安全生产、应急管理类"),
        note="read in the seed report, which writes each with 信息 (机构职能类信息3条)",
    ),
    CategoryList(
        id="fujian-2017-types",
        name="福建省报告的主动公开信息类型（种子报告：三元区城关街道2017年报告）",
        region="福建",
        years=(2017, 2017),
        categories=("年度报告", "工作动态", "防汛抗旱", "安全生产"),
        dimension="类型",
        note="a second breakdown of the same total by type of item, beside the breakdown by category",
    ),
):
    default_categories.add(_list)
