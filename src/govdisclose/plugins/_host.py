"""The plugin host: the registries a plugin registers into, and the one call a plugin makes, ``register(host)``.

A :class:`PluginHost` bundles the registries of everything a plugin can add — section and block kinds, rules,
renderers, disclosure-category lists, parts of reports — and records where each came from (``"core"`` or a plugin's
name). :func:`default_host` is the host over the package's default registries (what :func:`govdisclose.render`,
:func:`govdisclose.check` and the loaders use unless given others); :meth:`PluginHost.isolated` gives a host over fresh
copies holding only the core registrations, for tests.

A plugin is loaded with :meth:`PluginHost.load` (or discovered through entry points by
:func:`~govdisclose.plugins.load_plugins`): its ``register`` runs against a staged copy of the registries, and what it
registered joins the host only when it returns without error — a plugin that fails leaves the host as it was.

>>> import attrs
>>> from typing import ClassVar
>>> from govdisclose.model import Section
>>> @attrs.frozen(kw_only=True)
... class HostDocSection(Section):
...     KIND: ClassVar[str] = "hostdoc.section"
>>> host = PluginHost.isolated()
>>> plugin = host.load("hostdoc", lambda h: h.section(HostDocSection))
>>> host.kinds.section_class("hostdoc.section").__name__, host.kinds.source("section", "hostdoc.section")
('HostDocSection', 'hostdoc')
>>> host.load("hostdoc", lambda h: h.section(HostDocSection)) is plugin  # loaded once per host
True
>>> PluginHost.isolated().kinds.section_class("hostdoc.section") is None  # other hosts are untouched
True
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import functools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs

from .._errors import InvalidKindError, PluginError, RegistryError
from .._registry import CORE, Registration, Registry, RegistryEntry, qualified_name, standing_in
from ..checks import Rule, RuleCatalog, default_rules
from ..model import Block, KindRegistry, PartDef, PartRegistry, Report, Section, default_kinds, default_parts
from ..render import FUNCTION_FORMATS, Renderer, RendererRegistry, default_renderers
from ..templates import CategoryList, CategoryRegistry, default_categories
from ._plugin import LoadedPlugin

__all__ = [
    "RENDER_FORMATS",
    "LoadedPlugin",
    "PluginHost",
    "Registration",
    "default_host",
    "rendered_formats",
    "use_host",
]

B = TypeVar("B", bound=type[Block])
S = TypeVar("S", bound=type[Section])
R = TypeVar("R", bound=Renderer)
F = TypeVar("F", bound=Callable[..., Any])

RENDER_FORMATS: tuple[str, ...] = FUNCTION_FORMATS
"""The formats :meth:`PluginHost.render_function` registers for: ``text``, ``markdown``, ``html``, ``docx`` and
``layout`` (see :meth:`~govdisclose.render.RendererRegistry.register_function`)."""

_BLOCK_FORMATS = tuple(fmt for fmt in FUNCTION_FORMATS if fmt != "layout")


def _is_core(entry: RegistryEntry[Any, Any]) -> bool:
    return entry.source == CORE


@attrs.frozen
class _Registries:
    """The registries of a host, in listing order; each verb of a host over all of them is one loop here."""

    kinds: KindRegistry
    rules: RuleCatalog
    renderers: RendererRegistry
    category_lists: CategoryRegistry
    parts: PartRegistry

    def __iter__(self) -> Iterator[Any]:  # each a Registry, or the KindRegistry of two: the same verbs
        return iter(attrs.astuple(self, recurse=False))

    def copy(self, *, keep: Callable[[RegistryEntry[Any, Any]], bool] | None = None) -> _Registries:
        return _Registries(*(registry.copy(keep=keep) for registry in self))

    def merge(self, other: _Registries) -> None:
        for mine, theirs in zip(self, other, strict=True):
            mine.merge(theirs)

    def inventory(self) -> tuple[Registration, ...]:
        return tuple(row for registry in self for row in registry.inventory())

    def tables(self) -> Iterator[Registry[Any, Any]]:
        """Every :class:`~govdisclose.Registry` of them (the kinds as their two tables), in listing order."""
        for registry in self:
            yield from registry.registries() if isinstance(registry, KindRegistry) else (registry,)


@attrs.define
class _State:
    """What the views of one host share besides the registries: the plugins loaded."""

    loaded: dict[str, LoadedPlugin] = attrs.Factory(dict)

    def copy(self) -> _State:
        return _State(dict(self.loaded))


def rendered_formats(cls: type[Block] | type[Section], renderers: RendererRegistry | None = None) -> tuple[str, ...]:
    """The formats of :data:`RENDER_FORMATS` (but ``layout``) that draw *cls* in *renderers* (default: the defaults).

    >>> from govdisclose.model import Paragraph
    >>> rendered_formats(Paragraph)
    ('text', 'markdown', 'html', 'docx')
    """
    return (default_renderers if renderers is None else renderers).drawn_in(cls)


class PluginHost:
    """The registries plugins register into, each registration recorded with its source.

    A plugin's ``register(host)`` calls :meth:`section`, :meth:`block`, :meth:`rule`, :meth:`renderer`,
    :meth:`categories`, :meth:`part` and :meth:`render_function`; each validates what it is given and
    raises a :class:`~govdisclose.RegistryError` subclass that names the plugin and the problem.

    Every registration stays in the host's registries, render functions included: they are registered on the
    function tables of the host's own renderers. :meth:`render_function` only accepts the plugin's own kinds (never
    a core class), and refuses a second, different function for the same class and format.

    Args:
        kinds: The section and block kinds.
        rules: The rule catalog.
        renderers: The renderers by format name.
        category_lists: The disclosure-category lists.
        parts: The parts plugins add to reports (a new, empty registry if not given).
        source: Who registers through this host: ``"core"``, or a plugin's name (see :meth:`for_plugin`).
    """

    def __init__(
        self,
        *,
        kinds: KindRegistry,
        rules: RuleCatalog,
        renderers: RendererRegistry,
        category_lists: CategoryRegistry,
        parts: PartRegistry | None = None,
        source: str = CORE,
        _state: _State | None = None,
    ) -> None:
        self._registries = _Registries(
            kinds, rules, renderers, category_lists, PartRegistry() if parts is None else parts
        )
        self._source = source
        self._state = _state if _state is not None else _State()

    def _with(self, registries: _Registries, *, source: str, state: _State) -> PluginHost:
        return PluginHost(**attrs.asdict(registries, recurse=False), source=source, _state=state)

    # ---- construction ----------------------------------------------------------------------------------------------

    @classmethod
    def isolated(cls) -> PluginHost:
        """A host over new registries holding only the core registrations of the default ones.

        What is registered through it (and plugins loaded into it) stays in it, render functions included.
        """
        default = default_host()
        return default._with(default._registries.copy(keep=_is_core), source=CORE, state=_State())

    def copy(self) -> PluginHost:
        """An independent host with copies of this host's registries, and the same plugins recorded as loaded."""
        return self._with(self._registries.copy(), source=self._source, state=self._state.copy())

    def for_plugin(self, name: str) -> PluginHost:
        """A view of this host (the same registries) that registers everything with *name* as its source."""
        if not isinstance(name, str) or not name.strip():
            raise PluginError(f"a plugin needs a name (got {name!r})", source=str(name))
        return self._with(self._registries, source=name, state=self._state)

    # ---- what it holds ---------------------------------------------------------------------------------------------

    @property
    def kinds(self) -> KindRegistry:
        """The section and block kinds (pass as ``registry=`` to the loaders and :func:`~govdisclose.json_schema`)."""
        return self._registries.kinds

    @property
    def rules(self) -> RuleCatalog:
        """The rule catalog (pass as ``rules=`` to :func:`~govdisclose.check`)."""
        return self._registries.rules

    @property
    def renderers(self) -> RendererRegistry:
        """The renderers (pass as ``renderers=`` to :func:`~govdisclose.render`)."""
        return self._registries.renderers

    @property
    def category_lists(self) -> CategoryRegistry:
        """The disclosure-category lists (``registry=`` of :func:`~govdisclose.templates.normalize_category`)."""
        return self._registries.category_lists

    @property
    def parts(self) -> PartRegistry:
        """The parts plugins added (``parts=`` of :func:`~govdisclose.templates.new_report`).

        The check ``part.missing`` reads those of the default host.
        """
        return self._registries.parts

    @property
    def source(self) -> str:
        """Who registers through this host: ``"core"`` or a plugin's name."""
        return self._source

    @property
    def plugins(self) -> tuple[LoadedPlugin, ...]:
        """The plugins loaded into this host, in the order they were loaded."""
        return tuple(self._state.loaded.values())

    # ---- registration ----------------------------------------------------------------------------------------------

    def section(self, cls: S) -> S:
        """Register a section class (an attrs subclass of :class:`~govdisclose.model.Section` with a ``KIND`` tag).

        Returns the class, so it works as a decorator.

        Raises:
            InvalidKindError: Not an attrs class (decorated itself) deriving from Section, or no tag of its own.
            DuplicateKindError: The tag is taken.
        """
        return self.kinds.register_section(cls, source=self._source)

    def block(self, cls: B) -> B:
        """Register a block class (an attrs subclass of :class:`~govdisclose.model.Block` with a ``KIND`` tag).

        Returns the class. An :class:`~govdisclose.model.OfficialTable` subclass with a ``DEFINITION`` of its own gets
        the merged table layout in every format; any other block needs :meth:`render_function` for each format.

        Raises:
            InvalidKindError: Not an attrs class (decorated itself) deriving from Block, or no tag of its own.
            DuplicateKindError: The tag is taken.
        """
        return self.kinds.register_block(cls, source=self._source)

    def rule(self, rule: Rule) -> Rule:
        """Add a rule to the catalog; returns it.

        Raises:
            InvalidKindError: Not a :class:`~govdisclose.checks.Rule`.
            DuplicateRuleError: Its ID is taken.
        """
        return self.rules.register(rule, source=self._source)

    def renderer(self, renderer: R) -> R:
        """Add a renderer (a ``name``, a ``media_type`` and ``render(report)``); returns it.

        Raises:
            InvalidKindError: It does not implement the :class:`~govdisclose.render.Renderer` protocol.
            DuplicateKindError: A renderer has that name.
        """
        self.renderers.register(renderer, source=self._source)
        return renderer

    def categories(self, category_list: CategoryList) -> CategoryList:
        """Add a list of disclosure categories; returns it.

        Raises:
            InvalidKindError: Not a :class:`~govdisclose.templates.CategoryList`.
            DuplicateKindError: A list with its id is registered.
        """
        return self.category_lists.register(category_list, source=self._source)

    def part(self, definition: PartDef) -> PartDef:
        """Add a part to reports (a province's mandatory chapter: heading, place, template, whom it binds); returns it.

        Blank reports (:func:`~govdisclose.templates.new_report`) then have it where it applies, the check
        ``part.missing`` asks for it there, and the reader's chapters with its heading stand for it.

        Raises:
            InvalidKindError: Not a :class:`~govdisclose.model.PartDef`, or placed after a part not registered.
            DuplicateKindError: A part with its id is registered.
        """
        return self.parts.register(definition, source=self._source)

    def render_function(self, fmt: str, cls: type, function: F) -> F:
        """Register *function* to render the plugin's kind *cls* in the format *fmt*; returns the function.

        The function has the signature of the format's dispatcher: ``(block, context)`` for a block
        (see :class:`~govdisclose.render.ReportRenderer`), ``(section, ordinal, context)`` for a section,
        ``(table) -> Grid`` for ``layout``. Registering the same
        function again is a no-op.

        Args:
            fmt: One of :data:`RENDER_FORMATS`.
            cls: A block or section class registered in this host by a plugin (not a core class).
            function: The render function.

        Raises:
            RegistryError: *fmt* is not a known format, or *cls* is a core kind.
            InvalidKindError: *cls* is not a kind registered in this host, or *function* is not callable.
            DuplicateKindError: Another function renders *cls* in *fmt* already.
        """
        source = self._source
        category = "section" if isinstance(cls, type) and issubclass(cls, Section) else "block"
        tag = getattr(cls, "KIND", None)
        registered = self.kinds.section_class if category == "section" else self.kinds.block_class
        if not isinstance(tag, str) or registered(tag) is not cls:
            raise InvalidKindError(
                f"{source}: {getattr(cls, '__qualname__', cls)!r} is not a {category} kind of this host; "
                f"register it with host.{category}() first",
                tag=tag if isinstance(tag, str) else None,
                source=source,
            )
        if self.kinds.source(category, tag) == CORE:
            raise RegistryError(
                f"{source}: the {fmt} rendering of the core {category} kind {tag!r} cannot be replaced by a plugin; "
                "add a renderer of your own with host.renderer()",
                tag=tag,
                source=source,
            )
        if not callable(function):
            raise InvalidKindError(f"{source}: the {fmt} function for {tag!r} is not callable", tag=tag, source=source)
        self.renderers.register_function(fmt, cls, function, source=source)
        return function

    # ---- plugins ---------------------------------------------------------------------------------------------------

    def load(
        self,
        name: str,
        register: Callable[[PluginHost], object],
        *,
        value: str | None = None,
        distribution: str | None = None,
        version: str | None = None,
    ) -> LoadedPlugin:
        """Run a plugin's *register* against this host, all or nothing; a plugin is loaded once per host.

        *register* runs against a staged copy of the registries (as the plugin *name*); when it returns, what it
        registered joins this host (render functions join the tables of this host's renderers). When it raises,
        this host is left as it was.

        Args:
            name: The plugin's name (the source of its registrations).
            register: The plugin's ``register(host)``.
            value: What was loaded, for listings (default: *register*'s qualified name).
            distribution: The distribution that provides the plugin, if known.
            version: Its version.

        Returns:
            The loaded plugin; the one loaded before, if a plugin of that name and value is loaded already.

        Raises:
            DuplicateKindError, InvalidKindError, DuplicateRuleError, RegistryError: What the plugin registers is
                refused; the message starts ``plugin 'NAME' (DISTRIBUTION VERSION):``.
            PluginError: A different plugin of that name is loaded, or *register* raised anything else.
        """
        plugin = LoadedPlugin(
            name=name, value=value or qualified_name(register), distribution=distribution, version=version
        )
        loaded = self._state.loaded.get(name)
        if loaded is not None:
            if (loaded.value, loaded.distribution) == (plugin.value, plugin.distribution):
                return loaded
            raise PluginError(
                f"plugin {name!r} ({plugin.origin}): a plugin of that name is loaded already, from {loaded.origin}",
                source=name,
            )
        staged = self._with(self._registries.copy(), source=name, state=self._state.copy())
        where = f"plugin {name!r} ({plugin.origin})"
        try:
            register(staged)
        except RegistryError as exc:
            renamed = copy.copy(exc)
            renamed.args = (f"{where}: {str(exc).removeprefix(f'{name}: ')}",)
            renamed.source = name
            raise renamed from exc
        except Exception as exc:
            raise PluginError(f"{where}: register() failed: {type(exc).__name__}: {exc}", source=name) from exc
        self._registries.merge(staged._registries)
        self._state.loaded[name] = plugin
        return plugin

    # ---- listings --------------------------------------------------------------------------------------------------

    def unrendered(self) -> tuple[tuple[str, str], ...]:
        """``(block kind, format)`` for every block kind of a plugin that a format has no function for.

        Rendering a report with such a block in that format raises :class:`TypeError` naming the kind and the format.
        """
        gaps: list[tuple[str, str]] = []
        for tag in self.kinds.block_kinds():
            cls = self.kinds.block_class(tag)
            if cls is None or self.kinds.source("block", tag) == "core":
                continue
            formats = rendered_formats(cls, self.renderers)
            gaps.extend((tag, fmt) for fmt in _BLOCK_FORMATS if fmt not in formats)
        return tuple(gaps)

    def unrendered_in(self, report: Report, to: str) -> tuple[tuple[str, str], ...]:
        """``(path, block kind)`` of every block of *report* that the core renderer *to* has no function for.

        A renderer that is not a :class:`~govdisclose.render.ReportRenderer` draws what it draws, and gives ``()``.
        """
        return self.renderers.undrawn(report, to)

    def inventory(self) -> tuple[Registration, ...]:
        """Everything registered in this host, with where it comes from.

        Sections, blocks, rules, renderers, category lists and parts, in that order; kinds and renderers
        sorted by name, the others in the order they were registered. A block's detail says the formats it does not
        render in.
        """
        rows = []
        for row in self._registries.inventory():
            block = self.kinds.block_class(row.name) if row.category == "block" else None
            formats = rendered_formats(block, self.renderers) if block else _BLOCK_FORMATS
            missing = [fmt for fmt in _BLOCK_FORMATS if fmt not in formats]
            detail = f"{row.detail}; no {', '.join(missing)} rendering" if missing else row.detail
            rows.append(attrs.evolve(row, detail=detail))
        return tuple(rows)


@functools.cache
def _package_host() -> PluginHost:
    """The host over the package's default registries (``default_kinds``, ``default_rules`` …)."""
    return PluginHost(
        kinds=default_kinds,
        rules=default_rules,
        renderers=default_renderers,
        category_lists=default_categories,
        parts=default_parts,
    )


_ACTIVE: contextvars.ContextVar[PluginHost | None] = contextvars.ContextVar("govdisclose_active_host", default=None)


def default_host() -> PluginHost:
    """The active host: the one over the package's default registries, unless :func:`use_host` activated another.

    Plugins loaded into it (``load_plugins()`` without a host) are used by every function of the package that is not
    given registries of its own.

    >>> default_host() is default_host()
    True
    """
    active = _ACTIVE.get()
    return _package_host() if active is None else active


@contextlib.contextmanager
def use_host(host: PluginHost) -> Iterator[PluginHost]:
    """Make *host* the active one for the block: what every function given no registries of its own uses.

    While it is active, :func:`default_host` is *host*, and the package's default registries
    (:data:`~govdisclose.model.default_kinds`, :data:`~govdisclose.checks.default_rules`,
    :data:`~govdisclose.model.default_parts` …) answer with its entries, so the readers read its plugins' tables, the
    check ``part.missing`` asks for its parts and :func:`~govdisclose.templates.new_report` adds them. Registering into
    a default registry in the block registers into *host*. Afterwards everything is as before.

    The activation belongs to the current context (a :mod:`contextvars` variable): another thread starts without it
    (run its work in the block with ``contextvars.copy_context().run``, or activate the host there too), and
    concurrent activations in different threads or asyncio tasks do not see each other. The command line activates
    the host of its plugins while a command runs, and in its worker processes.

    >>> from govdisclose.model import default_kinds
    >>> host = PluginHost.isolated()
    >>> @host.block
    ... @attrs.frozen(kw_only=True)
    ... class UseHostDocBlock(Block):
    ...     KIND: ClassVar[str] = "usehostdoc.block"
    >>> with use_host(host) as active:
    ...     active is default_host() is host, default_kinds.block_class("usehostdoc.block") is UseHostDocBlock
    (True, True)
    >>> default_host() is host, default_kinds.block_class("usehostdoc.block")
    (False, None)
    """
    package = _package_host()
    token = _ACTIVE.set(host)
    try:
        with standing_in(zip(package._registries.tables(), host._registries.tables(), strict=True)):
            yield host
    finally:
        _ACTIVE.reset(token)
