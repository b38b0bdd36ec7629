"""The renderer protocol, the registry of renderers by name, and :func:`render`."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import attrs

from .._errors import DuplicateKindError, InvalidKindError
from .._registry import Registry
from ..model import Report
from ._docx import DOCX_MEDIA_TYPE, render_docx
from ._html import render_html, render_html_fragment
from ._markdown import render_markdown
from ._text import render_text

__all__ = ["Renderer", "RendererRegistry", "default_renderers", "render"]


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


@attrs.frozen
class _FunctionRenderer:
    name: str
    media_type: str
    function: object

    def render(self, report: Report) -> str | bytes:
        result = self.function(report)  # type: ignore[operator]
        if not isinstance(result, (str, bytes)):  # pragma: no cover - guards third-party functions
            raise TypeError(f"renderer {self.name!r} returned {type(result).__name__}, not str or bytes")
        return result


@attrs.define(eq=False)
class RendererRegistry(Registry[str, Renderer]):
    """Renderers by format name, with where each came from: a :class:`~govdisclose.Registry` of renderers."""

    error = DuplicateKindError

    name: str = "renderers"
    what: str = "a renderer named"
    category: str = "renderer"
    sort: bool = True

    def key_of(self, value: Renderer) -> str:
        return value.name

    def check(self, value: Renderer, source: str) -> None:
        if not isinstance(value, Renderer):
            raise InvalidKindError(
                f"{source}: {value!r} is not a renderer (it needs name, media_type and render(report))",
                source=source,
            )

    def describe(self, value: Renderer) -> str:
        return value.media_type

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
default_renderers.register(_FunctionRenderer("text", "text/plain; charset=utf-8", render_text))
default_renderers.register(_FunctionRenderer("docx", DOCX_MEDIA_TYPE, render_docx))
default_renderers.register(_FunctionRenderer("markdown", "text/markdown; charset=utf-8", render_markdown))
default_renderers.register(_FunctionRenderer("html", "text/html; charset=utf-8", render_html))
default_renderers.register(_FunctionRenderer("html-fragment", "text/html; charset=utf-8", render_html_fragment))


def render(report: Report, *, to: str = "text", renderers: RendererRegistry | None = None) -> str | bytes:
    """Render *report* in the format *to*: ``"text"``, ``"markdown"``, ``"html"``, ``"html-fragment"`` ….

    Raises:
        ValueError: *to* is not a registered format.

    >>> from govdisclose.model import Agency, Edition, Report
    >>> render(Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局")), to="text").splitlines()
    ['某县教育局2024年政府信息公开工作年度报告', '']
    """
    return (renderers if renderers is not None else default_renderers)[to].render(report)
