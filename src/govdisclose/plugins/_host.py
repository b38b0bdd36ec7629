"""The plugin host: the registries a plugin registers into, and the one call a plugin makes, ``register(host)``.

A :class:`PluginHost` bundles the registries of everything a plugin can add — section and block kinds, rules,
renderers, disclosure-category lists, metadata fields — and records where each came from (``"core"`` or a plugin's
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

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from .._errors import DuplicateKindError, InvalidKindError, PluginError, RegistryError
from ..checks import Rule, RuleCatalog, default_rules, iter_blocks
from ..model import Block, KindRegistry, Report, Section, default_kinds
from ..render import (
    Renderer,
    RendererRegistry,
    default_renderers,
    docx_block,
    docx_section,
    html_block,
    html_section,
    layout,
    markdown_block,
    markdown_section,
    text_block,
    text_section,
)
from ..templates import CategoryList, CategoryRegistry, default_categories
from ._metadata import MetadataField, MetadataFieldRegistry, default_metadata_fields

__all__ = ["RENDER_FORMATS", "LoadedPlugin", "PluginHost", "Registration", "default_host", "rendered_formats"]

B = TypeVar("B", bound=type[Block])
S = TypeVar("S", bound=type[Section])
R = TypeVar("R", bound=Renderer)
F = TypeVar("F", bound=Callable[..., Any])

_DISPATCHERS: dict[str, tuple[Any, Any]] = {
    "text": (text_block, text_section),
    "markdown": (markdown_block, markdown_section),
    "html": (html_block, html_section),
    "docx": (docx_block, docx_section),
    "layout": (layout, None),
}

RENDER_FORMATS: tuple[str, ...] = tuple(_DISPATCHERS)
"""The formats :meth:`PluginHost.render_function` registers for.

``text``, ``markdown``, ``html`` (used by the ``html`` and ``html-fragment`` renderers) and ``docx`` are the
per-format functions of the renderers (:func:`~govdisclose.render.text_block` / ``text_section`` …); ``layout`` is
the merged-cell grid of a table block (:func:`~govdisclose.render.layout`) that every format draws.
"""

_BLOCK_FORMATS = ("text", "markdown", "html", "docx")


@attrs.frozen(kw_only=True)
class LoadedPlugin:
    """A plugin a host has loaded.

    Attributes:
        name: The plugin's name: its entry point's name (``npc-proposals``), the ``source`` of what it registered.
        value: What was loaded: the entry point's value (``govdisclose_example_plugin:register``).
        distribution: The distribution that provides it (``govdisclose-example-plugin``), if known.
        version: That distribution's version, if known.
    """

    name: str
    value: str
    distribution: str | None = None
    version: str | None = None

    @property
    def origin(self) -> str:
        """Where the plugin comes from, in words: ``govdisclose-example-plugin 0.1.0`` or the value loaded.

        >>> LoadedPlugin(name="x", value="x_plugin:register").origin
        'x_plugin:register'
        """
        if self.distribution is None:
            return self.value
        return f"{self.distribution} {self.version}" if self.version else self.distribution


@attrs.frozen(kw_only=True)
class Registration:
    """One registered thing, for listings such as ``govdisclose kinds``.

    Attributes:
        category: ``section``, ``block``, ``rule``, ``renderer``, ``categories`` (a category list) or ``metadata``.
        name: Its tag, ID, format name, list id or label.
        source: ``core`` or the plugin's name.
        detail: A few words about it (the class, the severity and title, the media type …).
    """

    category: str
    name: str
    source: str
    detail: str


@attrs.define
class _State:
    """What the views of one host share besides the registries: the plugins loaded and the render functions."""

    loaded: dict[str, LoadedPlugin] = attrs.Factory(dict)
    render_functions: dict[tuple[str, type], tuple[Callable[..., Any], str]] = attrs.Factory(dict)
    staged: bool = False

    def copy(self, *, staged: bool) -> _State:
        return _State(dict(self.loaded), dict(self.render_functions), staged)


def _dispatcher(fmt: str, cls: type, source: str) -> Any:
    pair = _DISPATCHERS.get(fmt)
    if pair is None:
        raise RegistryError(
            f"{source}: unknown render format {fmt!r}; known formats: {', '.join(RENDER_FORMATS)}", source=source
        )
    dispatcher = pair[1] if isinstance(cls, type) and issubclass(cls, Section) else pair[0]
    if dispatcher is None:
        raise InvalidKindError(
            f"{source}: {cls.__qualname__} is a section; a {fmt} function is for blocks", source=source
        )
    return dispatcher


def rendered_formats(cls: type[Block] | type[Section]) -> tuple[str, ...]:
    """The formats of :data:`RENDER_FORMATS` (but ``layout``) that have a function for *cls*.

    A section always renders (the base section function draws its heading, blocks and subsections); a block renders
    in a format when a function is registered for its class or a base class other than
    :class:`~govdisclose.model.Block`.

    >>> from govdisclose.model import Paragraph
    >>> rendered_formats(Paragraph)
    ('text', 'markdown', 'html', 'docx')
    """
    if issubclass(cls, Section):
        return _BLOCK_FORMATS
    return tuple(
        fmt for fmt in _BLOCK_FORMATS if _DISPATCHERS[fmt][0].dispatch(cls) is not _DISPATCHERS[fmt][0].dispatch(Block)
    )


def _attrs_itself(cls: object, source: str) -> None:
    """Refuse a subclass of an attrs class that is not decorated itself: its own fields would not be attrs fields."""
    if isinstance(cls, type) and attrs.has(cls) and "__attrs_attrs__" not in cls.__dict__:
        raise InvalidKindError(
            f"{source}: {cls.__qualname__} is not an attrs class itself (only a base class is); "
            "decorate it with @attrs.frozen(kw_only=True)",
            source=source,
        )


def _qualified(function: object) -> str:
    module = getattr(function, "__module__", None)
    name = getattr(function, "__qualname__", None) or repr(function)
    return f"{module}:{name}" if module else name


class PluginHost:
    """The registries plugins register into, each registration recorded with its source.

    A plugin's ``register(host)`` calls :meth:`section`, :meth:`block`, :meth:`rule`, :meth:`renderer`,
    :meth:`categories`, :meth:`metadata_field` and :meth:`render_function`; each validates what it is given and
    raises a :class:`~govdisclose.RegistryError` subclass that names the plugin and the problem.

    Render functions are the exception to isolation: the renderers dispatch with module-level
    :func:`functools.singledispatch` functions, so :meth:`render_function` registers on those, for every host. It
    only accepts the plugin's own kinds (never a core class), and refuses a second, different function for the same
    class and format, so what one plugin registers cannot change how anything else renders.

    Args:
        kinds: The section and block kinds.
        rules: The rule catalog.
        renderers: The renderers by format name.
        category_lists: The disclosure-category lists.
        metadata_fields: The metadata fields.
        source: Who registers through this host: ``"core"``, or a plugin's name (see :meth:`for_plugin`).
    """

    def __init__(
        self,
        *,
        kinds: KindRegistry,
        rules: RuleCatalog,
        renderers: RendererRegistry,
        category_lists: CategoryRegistry,
        metadata_fields: MetadataFieldRegistry,
        source: str = "core",
        _state: _State | None = None,
    ) -> None:
        self._kinds = kinds
        self._rules = rules
        self._renderers = renderers
        self._category_lists = category_lists
        self._metadata_fields = metadata_fields
        self._source = source
        self._state = _state if _state is not None else _State()

    # ---- construction ----------------------------------------------------------------------------------------------

    @classmethod
    def isolated(cls) -> PluginHost:
        """A host over new registries holding only the core registrations of the default ones.

        What is registered through it (and plugins loaded into it) stays in it — but for render functions, which are
        global (see the class docstring).
        """
        kinds = KindRegistry()
        for tag in default_kinds.section_kinds():
            section = default_kinds.section_class(tag)
            if section is not None and default_kinds.source("section", tag) == "core":
                kinds.register_section(section)
        for tag in default_kinds.block_kinds():
            block = default_kinds.block_class(tag)
            if block is not None and default_kinds.source("block", tag) == "core":
                kinds.register_block(block)
        rules = RuleCatalog()
        for rule in default_rules:
            if default_rules.source(rule.id) == "core":
                rules.register(rule)
        renderers = RendererRegistry()
        for name in default_renderers.names():
            if default_renderers.source(name) == "core":
                renderers.register(default_renderers.get(name))
        category_lists = CategoryRegistry()
        for category_list in default_categories.lists():
            if default_categories.source(category_list.id) == "core":
                category_lists.add(category_list)
        metadata_fields = MetadataFieldRegistry()
        for field in default_metadata_fields.fields():
            if default_metadata_fields.source(field.label) == "core":
                metadata_fields.add(field)
        return cls(
            kinds=kinds,
            rules=rules,
            renderers=renderers,
            category_lists=category_lists,
            metadata_fields=metadata_fields,
        )

    def copy(self) -> PluginHost:
        """An independent host with copies of this host's registries, and the same plugins recorded as loaded."""
        return PluginHost(
            kinds=self._kinds.copy(),
            rules=self._rules.copy(),
            renderers=self._renderers.copy(),
            category_lists=self._category_lists.copy(),
            metadata_fields=self._metadata_fields.copy(),
            source=self._source,
            _state=self._state.copy(staged=False),
        )

    def for_plugin(self, name: str) -> PluginHost:
        """A view of this host (the same registries) that registers everything with *name* as its source."""
        if not isinstance(name, str) or not name.strip():
            raise PluginError(f"a plugin needs a name (got {name!r})", source=str(name))
        return PluginHost(
            kinds=self._kinds,
            rules=self._rules,
            renderers=self._renderers,
            category_lists=self._category_lists,
            metadata_fields=self._metadata_fields,
            source=name,
            _state=self._state,
        )

    # ---- what it holds ---------------------------------------------------------------------------------------------

    @property
    def kinds(self) -> KindRegistry:
        """The section and block kinds (pass as ``registry=`` to the loaders and :func:`~govdisclose.json_schema`)."""
        return self._kinds

    @property
    def rules(self) -> RuleCatalog:
        """The rule catalog (pass as ``rules=`` to :func:`~govdisclose.check`)."""
        return self._rules

    @property
    def renderers(self) -> RendererRegistry:
        """The renderers (pass as ``renderers=`` to :func:`~govdisclose.render`)."""
        return self._renderers

    @property
    def category_lists(self) -> CategoryRegistry:
        """The disclosure-category lists (``registry=`` of :func:`~govdisclose.templates.normalize_category`)."""
        return self._category_lists

    @property
    def metadata_fields(self) -> MetadataFieldRegistry:
        """The metadata fields."""
        return self._metadata_fields

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
        _attrs_itself(cls, self._source)
        return self._kinds.register_section(cls, source=self._source)

    def block(self, cls: B) -> B:
        """Register a block class (an attrs subclass of :class:`~govdisclose.model.Block` with a ``KIND`` tag).

        Returns the class. An :class:`~govdisclose.model.OfficialTable` subclass with a ``DEFINITION`` of its own gets
        the merged table layout in every format; any other block needs :meth:`render_function` for each format.

        Raises:
            InvalidKindError: Not an attrs class (decorated itself) deriving from Block, or no tag of its own.
            DuplicateKindError: The tag is taken.
        """
        _attrs_itself(cls, self._source)
        return self._kinds.register_block(cls, source=self._source)

    def rule(self, rule: Rule) -> Rule:
        """Add a rule to the catalog; returns it.

        Raises:
            InvalidKindError: Not a :class:`~govdisclose.checks.Rule`.
            DuplicateRuleError: Its ID is taken.
        """
        if not isinstance(rule, Rule):
            raise InvalidKindError(f"{self._source}: {rule!r} is not a Rule", source=self._source)
        return self._rules.register(rule, source=self._source)

    def renderer(self, renderer: R) -> R:
        """Add a renderer (a ``name``, a ``media_type`` and ``render(report)``); returns it.

        Raises:
            InvalidKindError: It does not implement the :class:`~govdisclose.render.Renderer` protocol.
            DuplicateKindError: A renderer has that name.
        """
        if not isinstance(renderer, Renderer):
            raise InvalidKindError(
                f"{self._source}: {renderer!r} is not a renderer (it needs name, media_type and render(report))",
                source=self._source,
            )
        self._renderers.register(renderer, source=self._source)
        return renderer

    def categories(self, category_list: CategoryList) -> CategoryList:
        """Add a list of disclosure categories; returns it.

        Raises:
            InvalidKindError: Not a :class:`~govdisclose.templates.CategoryList`.
            RegistryError: A list with its id is registered.
        """
        if not isinstance(category_list, CategoryList):
            raise InvalidKindError(f"{self._source}: {category_list!r} is not a CategoryList", source=self._source)
        self._category_lists.add(category_list, source=self._source)
        return category_list

    def metadata_field(self, field: MetadataField) -> MetadataField:
        """Add a metadata field; returns it.

        Raises:
            InvalidKindError: Not a :class:`MetadataField`.
            DuplicateKindError: Its label or an alias names a field already.
        """
        if not isinstance(field, MetadataField):
            raise InvalidKindError(f"{self._source}: {field!r} is not a MetadataField", source=self._source)
        return self._metadata_fields.add(field, source=self._source)

    def render_function(self, fmt: str, cls: type, function: F) -> F:
        """Register *function* to render the plugin's kind *cls* in the format *fmt*; returns the function.

        The function has the signature of the format's dispatcher: ``(block, context)`` for a block
        (:func:`~govdisclose.render.html_block` …), ``(section, ordinal, context)`` for a section
        (:func:`~govdisclose.render.html_section` …), ``(table) -> Grid`` for ``layout``. Registering the same
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
        dispatcher = _dispatcher(fmt, cls, source)
        tag = getattr(cls, "KIND", None)
        category = "section" if issubclass(cls, Section) else "block"
        registered = self._kinds.section_class if category == "section" else self._kinds.block_class
        if not isinstance(tag, str) or registered(tag) is not cls:
            raise InvalidKindError(
                f"{source}: {getattr(cls, '__qualname__', cls)!r} is not a {category} kind of this host; "
                f"register it with host.{category}() first",
                tag=tag if isinstance(tag, str) else None,
                source=source,
            )
        owner = self._kinds.source(category, tag)
        if owner == "core":
            raise RegistryError(
                f"{source}: the {fmt} rendering of the core {category} kind {tag!r} cannot be replaced by a plugin; "
                "add a renderer of your own with host.renderer()",
                tag=tag,
                source=source,
            )
        if not callable(function):
            raise InvalidKindError(f"{source}: the {fmt} function for {tag!r} is not callable", tag=tag, source=source)
        key = (fmt, cls)
        mine = self._state.render_functions.get(key)
        taken = mine[0] if mine is not None else dispatcher.registry.get(cls)
        if taken is not None and taken is not function:
            by = f", registered by {mine[1]}" if mine is not None else ""
            raise DuplicateKindError(
                f"{source}: {fmt} {category} kind {tag!r} already has a render function ({_qualified(taken)}{by})",
                tag=tag,
                source=source,
            )
        self._state.render_functions[key] = (function, source)
        if not self._state.staged:
            dispatcher.register(cls, function)
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
        registered joins this host, and its render functions are registered on the renderers. When it raises, this
        host is left as it was.

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
            name=name, value=value or _qualified(register), distribution=distribution, version=version
        )
        loaded = self._state.loaded.get(name)
        if loaded is not None:
            if (loaded.value, loaded.distribution) == (plugin.value, plugin.distribution):
                return loaded
            raise PluginError(
                f"plugin {name!r} ({plugin.origin}): a plugin of that name is loaded already, from {loaded.origin}",
                source=name,
            )
        staged = PluginHost(
            kinds=self._kinds.copy(),
            rules=self._rules.copy(),
            renderers=self._renderers.copy(),
            category_lists=self._category_lists.copy(),
            metadata_fields=self._metadata_fields.copy(),
            source=name,
            _state=self._state.copy(staged=True),
        )
        where = f"plugin {name!r} ({plugin.origin})"
        try:
            register(staged)
        except RegistryError as exc:
            message = str(exc).removeprefix(f"{name}: ")
            raise type(exc)(f"{where}: {message}", tag=exc.tag, source=name) from exc
        except Exception as exc:
            raise PluginError(f"{where}: register() failed: {type(exc).__name__}: {exc}", source=name) from exc
        self._commit(staged)
        self._state.loaded[name] = plugin
        return plugin

    def _commit(self, staged: PluginHost) -> None:
        """Add what *staged* has and this host has not, with the same sources."""
        kinds = staged.kinds
        for tag in kinds.section_kinds():
            section = kinds.section_class(tag)
            if section is not None and self._kinds.section_class(tag) is None:
                self._kinds.register_section(section, source=kinds.source("section", tag) or staged.source)
        for tag in kinds.block_kinds():
            block = kinds.block_class(tag)
            if block is not None and self._kinds.block_class(tag) is None:
                self._kinds.register_block(block, source=kinds.source("block", tag) or staged.source)
        for rule in staged.rules:
            if rule.id not in self._rules:
                self._rules.register(rule, source=staged.rules.source(rule.id) or staged.source)
        for name in staged.renderers.names():
            if name not in self._renderers.names():
                self._renderers.register(
                    staged.renderers.get(name), source=staged.renderers.source(name) or staged.source
                )
        for category_list in staged.category_lists.lists():
            if self._category_lists.get(category_list.id) is None:
                self._category_lists.add(
                    category_list, source=staged.category_lists.source(category_list.id) or staged.source
                )
        for field in staged.metadata_fields.fields():
            if self._metadata_fields.get(field.label) is None:
                self._metadata_fields.add(field, source=staged.metadata_fields.source(field.label) or staged.source)
        for (fmt, cls), (function, source) in staged._state.render_functions.items():
            if (fmt, cls) not in self._state.render_functions:
                self._state.render_functions[(fmt, cls)] = (function, source)
                _dispatcher(fmt, cls, source).register(cls, function)

    # ---- listings --------------------------------------------------------------------------------------------------

    def unrendered(self) -> tuple[tuple[str, str], ...]:
        """``(block kind, format)`` for every block kind of a plugin that a format has no function for.

        Rendering a report with such a block in that format raises :class:`TypeError` naming the kind and the format.
        """
        gaps: list[tuple[str, str]] = []
        for tag in self._kinds.block_kinds():
            cls = self._kinds.block_class(tag)
            if cls is None or self._kinds.source("block", tag) == "core":
                continue
            formats = rendered_formats(cls)
            gaps.extend((tag, fmt) for fmt in _BLOCK_FORMATS if fmt not in formats)
        return tuple(gaps)

    def unrendered_in(self, report: Report, to: str) -> tuple[tuple[str, str], ...]:
        """``(path, block kind)`` of every block of *report* that the core renderer *to* has no function for.

        ``html-fragment`` uses the functions of ``html``; a renderer that is not one of the core formats draws what it
        draws, and gives ``()``.
        """
        fmt = "html" if to == "html-fragment" else to
        if fmt not in _BLOCK_FORMATS:
            return ()
        return tuple(
            (site.path, site.block.KIND)
            for site in iter_blocks(report)
            if fmt not in rendered_formats(type(site.block))
        )

    def inventory(self) -> tuple[Registration, ...]:
        """Everything registered in this host, with where it comes from.

        Sections, blocks, rules, renderers, category lists and metadata fields, in that order; kinds and renderers
        sorted by name, the others in the order they were registered.
        """
        entries: list[Registration] = []
        kinds = self._kinds
        for tag in kinds.section_kinds():
            section = kinds.section_class(tag)
            assert section is not None
            entries.append(
                Registration(
                    category="section", name=tag, source=kinds.source("section", tag) or "", detail=section.__qualname__
                )
            )
        for tag in kinds.block_kinds():
            block = kinds.block_class(tag)
            assert block is not None
            formats = rendered_formats(block)
            missing = [fmt for fmt in _BLOCK_FORMATS if fmt not in formats]
            detail = block.__qualname__ + (f"; no {', '.join(missing)} rendering" if missing else "")
            entries.append(
                Registration(category="block", name=tag, source=kinds.source("block", tag) or "", detail=detail)
            )
        for rule in self._rules:
            entries.append(
                Registration(
                    category="rule",
                    name=rule.id,
                    source=self._rules.source(rule.id) or "",
                    detail=f"{rule.severity.value} {rule.title}",
                )
            )
        for name in self._renderers.names():
            entries.append(
                Registration(
                    category="renderer",
                    name=name,
                    source=self._renderers.source(name) or "",
                    detail=self._renderers.get(name).media_type,
                )
            )
        for category_list in self._category_lists.lists():
            entries.append(
                Registration(
                    category="categories",
                    name=category_list.id,
                    source=self._category_lists.source(category_list.id) or "",
                    detail=f"{category_list.name} ({len(category_list.categories)})",
                )
            )
        for field in self._metadata_fields.fields():
            also = f"; also {'、'.join(field.aliases)}" if field.aliases else ""
            entries.append(
                Registration(
                    category="metadata",
                    name=field.label,
                    source=self._metadata_fields.source(field.label) or "",
                    detail=field.description + also,
                )
            )
        return tuple(entries)


@functools.cache
def default_host() -> PluginHost:
    """The host over the package's default registries (``default_kinds``, ``default_rules`` …); always the same one.

    Plugins loaded into it (``load_plugins()`` without a host) are used by every function of the package that is not
    given registries of its own.
    """
    return PluginHost(
        kinds=default_kinds,
        rules=default_rules,
        renderers=default_renderers,
        category_lists=default_categories,
        metadata_fields=default_metadata_fields,
    )
