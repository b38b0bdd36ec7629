"""The renderer protocol, the registry of renderers by name, and :func:`render`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

import attrs

from .._errors import DuplicateKindError, InvalidKindError, RegistryError
from .._registry import CORE, Registry, RegistryEntry
from ..model import Report, Section, iter_blocks
from ._docx import DOCX
from ._html import HTML, HTML_FRAGMENT
from ._markdown import MARKDOWN
from ._text import TEXT
from ._walk import ReportRenderer
from ._xlsx import XLSX

__all__ = ["FUNCTION_FORMATS", "Renderer", "RendererRegistry", "default_renderers", "render"]

FUNCTION_FORMATS: tuple[str, ...] = ("text", "markdown", "html", "docx", "layout")
"""The sets of per-type render functions: those of the core formats (``html`` serves the ``html`` and
``html-fragment`` renderers), and ``layout``, the merged-cell grid of a table block that every format draws."""


@runtime_checkable
class Renderer(Protocol):
    """Something that turns a report into a document of one format."""

    @property
    def name(self) -> str:
        """The format's name, as given to ``render(..., to=name)``."""
        ...  # pragma: no cover - protocol

    @property
    def media_type(self) -> str:
        """The media type of the output (``text/plain; charset=utf-8`` …)."""
        ...  # pragma: no cover - protocol

    def render(self, report: Report) -> str | bytes:
        """The document for *report*."""
        ...  # pragma: no cover - protocol


@attrs.define(eq=False)
class RendererRegistry(Registry[str, Renderer]):
    """Renderers by format name, with where each came from: a :class:`~govdisclose.Registry` of renderers."""

    error = DuplicateKindError

    name: str = "renderers"
    what: str = "a renderer named"
    category: str = "renderer"
    sort: bool = True

    key_attribute = "name"

    def check(self, value: Renderer, source: str) -> None:
        if not isinstance(value, Renderer):
            raise InvalidKindError(
                f"{source}: {value!r} is not a renderer (it needs name, media_type and render(report))",
                source=source,
            )

    def describe(self, value: Renderer) -> str:
        return value.media_type

    def copy_value(self, value: Renderer, keep: Callable[[RegistryEntry[Any, Any]], bool] | None) -> Renderer:
        """A renderer that owns function tables is copied with them: what is registered on the copy stays there."""
        return value.copy(keep=keep) if isinstance(value, ReportRenderer) else value

    def merge_value(self, mine: Renderer, theirs: Renderer) -> None:
        if isinstance(mine, ReportRenderer) and isinstance(theirs, ReportRenderer):
            mine.merge(theirs)

    def formats(self, fmt: str) -> tuple[ReportRenderer[Any, Any], ...]:
        """The renderers that draw with the functions of *fmt* (``html``: the ``html`` and ``html-fragment`` ones)."""
        return tuple(r for r in self if isinstance(r, ReportRenderer) and (fmt == "layout" or r.format == fmt))

    def register_function(self, fmt: str, cls: type, function: Callable[..., Any], *, source: str = CORE) -> None:
        """Register *function* for the block or section class *cls* on every renderer of *fmt*.

        ``layout`` functions (``(table) -> Grid``) join the ``tables`` of every renderer; the others join the
        ``blocks`` or ``sections`` of the renderers of that format.

        Raises:
            RegistryError: *fmt* is not one of :data:`FUNCTION_FORMATS`.
            InvalidKindError: *cls* is a section and *fmt* is ``layout``.
            DuplicateKindError: Another function draws *cls* in *fmt* already.
        """
        if fmt not in FUNCTION_FORMATS:
            raise RegistryError(
                f"{source}: unknown render format {fmt!r}; known formats: {', '.join(FUNCTION_FORMATS)}", source=source
            )
        section = issubclass(cls, Section)
        if fmt == "layout" and section:
            raise InvalidKindError(f"{source}: {cls.__qualname__} is a section; a layout function is for blocks")
        for renderer in self.formats(fmt):
            table = renderer.tables if fmt == "layout" else renderer.sections if section else renderer.blocks
            table.register(function, key=cls, source=source)

    def undrawn(self, report: Report, name: str) -> tuple[tuple[str, str], ...]:
        """``(path, block kind)`` of every block of *report* the renderer *name* has no function for.

        A renderer that is not a :class:`ReportRenderer` (or no renderer of that name) gives ``()``.

        >>> from govdisclose.model import Agency, Edition
        >>> default_renderers.undrawn(Report(edition=Edition.E2021, year=2024, agency=Agency(name="某局")), "text")
        ()
        """
        renderer = self._entries.get(name)
        if renderer is None or not isinstance(renderer.value, ReportRenderer):
            return ()
        blocks = renderer.value.blocks
        return tuple(
            (site.path, site.block.KIND) for site in iter_blocks(report) if blocks.find(type(site.block)) is None
        )

    def drawn_in(self, cls: type) -> tuple[str, ...]:
        """The formats of the core renderers (``text``, ``markdown``, ``html``, ``docx``) that draw the class *cls*.

        A section always renders (the base section function draws its heading, blocks and subsections); a block
        renders where a renderer of the format has a function for its class or a base class.

        >>> from govdisclose.model import Paragraph
        >>> default_renderers.drawn_in(Paragraph)
        ('text', 'markdown', 'html', 'docx')
        """
        formats = FUNCTION_FORMATS[:-1]
        if issubclass(cls, Section):
            return formats
        return tuple(fmt for fmt in formats if any(r.blocks.find(cls) is not None for r in self.formats(fmt)))

    def unknown(self, key: object) -> Exception:
        # a plain ValueError, as it always was: the command line reports it as a usage error
        return ValueError(f"unknown output format {key!r}; known formats: {', '.join(self.keys())}")

    def get(self, name: str) -> Renderer:
        """The renderer called *name*; unlike the ``get`` of other registries, an unknown name is an error.

        Raises:
            ValueError: No renderer has that name (the message lists the known ones).
        """
        return self[name]

    def names(self) -> tuple[str, ...]:
        """The registered format names, sorted."""
        return self.keys()


default_renderers = RendererRegistry()
"""The renderers :func:`render` uses by default."""
for _renderer in (TEXT, DOCX, MARKDOWN, HTML, HTML_FRAGMENT, XLSX):
    default_renderers.register(_renderer)


def render(
    report: Report, *, to: str = "text", renderers: RendererRegistry | None = None, explanations: bool = False
) -> str | bytes:
    """Render *report* in the format *to*: ``"text"``, ``"markdown"``, ``"html"``, ``"html-fragment"`` ….

    With *explanations*, the report's notes that explain findings are printed after the chapters, as a 说明.

    Raises:
        ValueError: *to* is not a registered format.

    >>> from govdisclose.model import Agency, Edition, Explanation, Report
    >>> report = Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"))
    >>> render(report, to="text").splitlines()
    ['某县教育局2024年政府信息公开工作年度报告', '']
    >>> why = Explanation(text="主动公开渠道有交叉，不可相加。", rule="breakdown.sum")
    >>> noted = attrs.evolve(report, explanations=(why,))
    >>> render(noted, to="text", explanations=True).splitlines()[2:]
    ['\u3000\u3000说明：', '\u3000\u30001.主动公开渠道有交叉，不可相加。']
    """
    renderer = (renderers if renderers is not None else default_renderers)[to]
    if explanations and isinstance(renderer, ReportRenderer):
        renderer = attrs.evolve(renderer, explanations=True)
    return renderer.render(report)
