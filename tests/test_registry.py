from typing import ClassVar

import attrs
import pytest

from govdisclose import DuplicateError, DuplicateKindError, DuplicateRuleError, Registry, RegistryEntry, RegistryError
from govdisclose.checks import RuleCatalog, default_rules
from govdisclose.model import Block, KindRegistry, Paragraph, default_kinds
from govdisclose.plugins import PluginHost, Registration
from govdisclose.render import RendererRegistry, ReportRenderer, TextRenderer, default_renderers
from govdisclose.templates import CategoryList, CategoryRegistry, default_categories


def numbers() -> Registry[str, int]:
    """A small registry of numbers, one of them from a plugin."""
    registry: Registry[str, int] = Registry(name="numbers", what="number", category="number")
    registry.register(1, key="one")
    registry.register(2, key="two", source="plugin-a")
    return registry


def tables(name: str) -> tuple[object, ...]:
    """The function tables of the default renderer *name*."""
    renderer = default_renderers[name]
    assert isinstance(renderer, ReportRenderer)
    return (renderer.blocks, renderer.sections, renderer.tables)


def test_the_verbs() -> None:
    """register, get, [], in, iteration, len, keys, entries and source say what was registered and by whom."""
    registry = numbers()
    assert (1, None) == (registry.get("one"), registry.get("three"))
    assert 2 == registry["two"]
    assert ("one" in registry, "three" in registry) == (True, False)
    assert [1, 2] == list(registry)
    assert 2 == len(registry)
    assert ("one", "two") == registry.keys()
    assert (RegistryEntry("one", 1, "core"), RegistryEntry("two", 2, "plugin-a")) == registry.entries()
    assert ("core", "plugin-a", None) == (registry.source("one"), registry.source("two"), registry.source("x"))


def test_an_unknown_key_lists_the_known_ones() -> None:
    """registry[key] of an unknown key raises RegistryError naming the key and the known keys."""
    with pytest.raises(RegistryError) as info:
        numbers()["three"]
    assert "unknown number 'three'; known: one, two" == str(info.value)


def test_the_same_value_again_is_no_clash_another_is() -> None:
    """Registering the same value under its key is a no-op; another value is a DuplicateError naming the registry."""
    registry = numbers()
    assert 2 == registry.register(2, key="two", source="plugin-b")
    assert "plugin-a" == registry.source("two")
    with pytest.raises(DuplicateError) as info:
        registry.register(3, key="two", source="plugin-b")
    assert "plugin-b: number 'two' is already registered by plugin-a" == str(info.value)
    assert ("numbers", "two", "plugin-b") == (info.value.registry, info.value.tag, info.value.source)


def test_copy_is_independent_and_can_keep_only_some() -> None:
    """A copy holds the same entries and changes apart from the original; keep= filters the entries."""
    registry = numbers()
    copy = registry.copy()
    copy.register(3, key="three")
    assert ("one", "two") == registry.keys()
    assert ("one", "two", "three") == copy.keys()
    assert ("one",) == registry.copy(keep=lambda entry: entry.source == "core").keys()


def test_merge_adds_what_is_missing_with_its_source() -> None:
    """A merge adds the other's entries that are missing, keeping their sources, and leaves the others."""
    registry = numbers()
    other: Registry[str, int] = Registry(name="numbers", what="number")
    other.register(2, key="two", source="plugin-a")
    other.register(3, key="three", source="plugin-c")
    registry.merge(other)
    assert ("one", "two", "three") == registry.keys()
    assert "plugin-c" == registry.source("three")
    clash: Registry[str, int] = Registry(name="numbers", what="number")
    clash.register(5, key="one", source="plugin-d")
    registry.merge(clash)  # a key both have keeps this registry's value
    assert 1 == registry["one"]


def test_inventory_rows() -> None:
    """The inventory gives one Registration per entry, in registration order (sorted when the registry sorts)."""
    assert (
        Registration(category="number", name="one", source="core", detail="int"),
        Registration(category="number", name="two", source="plugin-a", detail="int"),
    ) == numbers().inventory()
    registry: Registry[str, int] = Registry(name="numbers", what="number", sort=True)
    registry.register(2, key="b")
    registry.register(1, key="a")
    assert ("a", "b") == registry.keys()


def test_every_registry_of_the_package_is_one() -> None:
    """The rule, renderer and category registries are Registry subclasses; the kind registry is two."""
    for registry in (default_rules, default_renderers, default_categories):
        assert isinstance(registry, Registry)
    assert all(isinstance(table, Registry) for table in default_kinds.registries())
    assert {"kinds", "rules", "renderers", "categories"} == {
        default_kinds.blocks.name,
        default_rules.name,
        default_renderers.name,
        default_categories.name,
    }
    assert all(isinstance(table, Registry) for name in default_renderers.names() for table in tables(name))


@attrs.frozen(kw_only=True)
class DupParagraph(Block):
    """A block class claiming the core tag ``paragraph``."""

    KIND: ClassVar[str] = "paragraph"


def test_each_registry_raises_its_member_of_the_duplicate_family() -> None:
    """Duplicates raise DuplicateKindError or DuplicateRuleError, both DuplicateError, with the registry named."""
    rule = next(iter(default_rules))
    rules = RuleCatalog()
    rules.register(rule)
    with pytest.raises(DuplicateRuleError) as rule_info:
        rules.register(attrs.evolve(rule))
    kinds = KindRegistry()
    kinds.register_block(Paragraph)
    with pytest.raises(DuplicateKindError) as kind_info:
        kinds.register_block(DupParagraph)
    categories = CategoryRegistry()
    categories.add(CategoryList(id="x", name="甲", categories=("甲类",)))
    with pytest.raises(DuplicateKindError) as category_info:
        categories.add(CategoryList(id="x", name="乙", categories=("乙类",)))
    renderers = RendererRegistry()
    renderers.register(default_renderers["text"])
    with pytest.raises(DuplicateKindError) as renderer_info:
        renderers.register(default_renderers["markdown"], key="text")
    text = TextRenderer()
    with pytest.raises(DuplicateKindError) as function_info:
        text.blocks.register(lambda block, context: [], key=Paragraph)
    infos = (rule_info, kind_info, category_info, renderer_info, function_info)
    assert ["rules", "kinds", "categories", "renderers", "text blocks"] == [info.value.registry for info in infos]
    assert all(isinstance(info.value, DuplicateError) for info in infos)


def test_a_plugin_error_keeps_the_registry_it_came_from() -> None:
    """A duplicate inside a plugin's register() is re-raised with the plugin's name, still naming the registry."""
    host = PluginHost.isolated()
    rule = next(iter(default_rules))
    with pytest.raises(DuplicateRuleError) as info:
        host.load("plugin-dup", lambda h: h.rule(attrs.evolve(rule)))
    assert str(info.value).startswith("plugin 'plugin-dup' (")
    assert ("rules", "plugin-dup") == (info.value.registry, info.value.source)
