"""The walk over a report, written once, and the per-type function tables every renderer owns.

A :class:`ReportRenderer` holds three :class:`TypeDispatch` tables of its own — ``blocks``, ``sections`` and
``tables`` (the merged-cell layout of a table block) — and walks a report in one order: title → metadata → 引言 →
sections → signature → attachments (a format may reorder the parts: Word puts the metadata block above the title and
the attachments before the signature, as GB/T 9704 does). Each format supplies the pieces: how a title, a metadata
block, a heading … look. Copying a renderer copies its tables, so what is registered on one renderer (through
:meth:`~govdisclose.plugins.PluginHost.render_function` or ``renderer.blocks.register``) changes no other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Generic, Protocol, TypeVar, cast

import attrs

from .._registry import RegistryEntry
from ..model import Attachment, Block, Explanation, Introduction, NumberedItems, Paragraph, Report, Section, Signature
from ._dispatch import TypeDispatch
from ._layout import metadata_lines, numbered
from ._tablelayout import CORE_LAYOUTS, Grid

__all__ = ["RenderContext", "ReportRenderer"]

C = TypeVar("C", bound="_Context")
P = TypeVar("P")  # what a block or section function gives: lines, a string of HTML, nothing (Word writes)
T = TypeVar("T", bound="ReportRenderer[Any, Any]")


class _Context(Protocol):
    """What the walk reads of a context: the depth of the section being drawn (an attrs class, to evolve)."""

    @property
    def depth(self) -> int: ...  # pragma: no cover - protocol


@attrs.frozen(kw_only=True)
class RenderContext:
    """What a render function may need besides the block or section: the report, the renderer, the section depth.

    Attributes:
        report: The report being rendered.
        renderer: The renderer drawing it; ``context.renderer.block(block, context)`` draws another block.
        depth: The depth of the section being drawn (1 for ``一、``).
    """

    report: Report
    renderer: ReportRenderer[Any, Any]
    depth: int = 1


@attrs.define(eq=False)
class ReportRenderer(Generic[C, P]):
    """A renderer that walks a report and draws each block and section with the functions of its own tables.

    A format subclasses it and supplies the pieces (:meth:`context`, :meth:`title`, :meth:`metadata`,
    :meth:`introduction`, :meth:`signature`, :meth:`attachments`, :meth:`lines`, :meth:`finish`) and its core
    functions (:attr:`BLOCKS`, :attr:`SECTIONS`); :meth:`render` is the walk, the same for every format.

    Attributes:
        name: The format's name, as given to ``render(..., to=name)``.
        media_type: The media type of the output.
        format: The set of render functions it uses (``html`` for both ``html`` and ``html-fragment``): what
            :meth:`~govdisclose.plugins.PluginHost.render_function` registers for.
        blocks: Functions ``(block, context) -> piece`` by block class.
        sections: Functions ``(section, ordinal, context) -> piece`` by section class.
        tables: Functions ``(table) -> Grid`` by table class: the merged-cell layout every format draws.
        explanations: Print the report's explanations of findings as a 说明 after the chapters.
        with_metadata: Draw the portal's metadata block (索引号, 发布机构 …); without it the document starts with its
            title (Word puts the block on page 1, above the title).
    """

    PARTS: ClassVar[tuple[str, ...]] = (
        "title",
        "metadata",
        "introduction",
        "sections",
        "explanations",
        "signature",
        "attachments",
    )
    """The order of the walk."""
    BLOCKS: ClassVar[tuple[tuple[type, Callable[..., Any]], ...]] = ()
    """The format's core block functions, registered in every new renderer."""
    SECTIONS: ClassVar[tuple[tuple[type, Callable[..., Any]], ...]] = ()
    """The format's core section functions."""
    LABEL: ClassVar[str] = "a"
    """How messages name the renderer (``the text renderer has no function …``)."""

    name: str
    media_type: str
    format: str
    blocks: TypeDispatch = attrs.field(default=None, kw_only=True)
    sections: TypeDispatch = attrs.field(default=None, kw_only=True)
    tables: TypeDispatch = attrs.field(default=None, kw_only=True)
    explanations: bool = attrs.field(default=False, kw_only=True)
    with_metadata: bool = attrs.field(default=True, kw_only=True)

    def __attrs_post_init__(self) -> None:
        for attribute, core in (("blocks", self.BLOCKS), ("sections", self.SECTIONS), ("tables", CORE_LAYOUTS)):
            if getattr(self, attribute) is None:
                table = TypeDispatch(name=f"{self.format} {attribute}", what=self.format)
                for cls, function in core:
                    table.register(function, key=cls)
                setattr(self, attribute, table)

    def copy(self: T, *, keep: Callable[[RegistryEntry[Any, Any]], bool] | None = None) -> T:
        """The same renderer with copies of its tables (only the functions *keep* accepts, if given)."""
        return attrs.evolve(
            self,
            blocks=self.blocks.copy(keep=keep),
            sections=self.sections.copy(keep=keep),
            tables=self.tables.copy(keep=keep),
        )

    def merge(self, other: ReportRenderer[Any, Any]) -> None:
        """Add the functions of *other*'s tables that this renderer's tables lack."""
        self.blocks.merge(other.blocks)
        self.sections.merge(other.sections)
        self.tables.merge(other.tables)

    # ---- the walk --------------------------------------------------------------------------------------------------

    def render(self, report: Report) -> str | bytes:
        """The document for *report*: its parts in the order of :attr:`PARTS`, each drawn by this format."""
        context = self.context(report)
        out: list[str] = []
        for part in self.PARTS:
            if part == "title":
                out.extend(self.title(context))
            elif part == "metadata":
                if self.with_metadata:
                    out.extend(self.metadata(context, tuple(metadata_lines(report.publication))))
            elif part == "introduction":
                if report.introduction is not None:
                    out.extend(self.introduction(context, report.introduction))
            elif part == "sections":
                for ordinal, section in numbered(report.sections, 1):
                    out.extend(self.lines(self.section(section, ordinal, context)))
            elif part == "explanations":
                if self.explanations and report.explanations:
                    out.extend(self.explained(context, report.explanations))
            elif part == "signature":
                if report.signature is not None:
                    out.extend(self.signature(context, report.signature))
            elif part == "attachments":
                out.extend(self.attachments(context, report.attachments))
        return self.finish(context, out)

    def explained(self, context: C, explanations: tuple[Explanation, ...]) -> list[str]:
        """说明: the report's explanations after the chapters, as a paragraph ``说明：`` and a numbered list.

        They are drawn with this format's own paragraph and list functions, so they look like the rest of the report.
        """
        note = (Paragraph(content=("说明：",)), NumberedItems(items=tuple((e.text,) for e in explanations)))
        return self.body(context, note)

    def body(self, context: C, blocks: tuple[Block, ...]) -> list[str]:
        """Blocks outside a section, one after another (a format that separates blocks overrides this)."""
        return [line for block in blocks for line in self.lines(self.block(block, context))]

    def block(self, block: Block, context: C) -> P:
        """Draw *block* with the function registered for its class.

        Raises:
            TypeError: No function draws the block's class (the message names the kind and the renderer).
        """
        function = self.blocks.find(type(block))
        if function is None:
            raise TypeError(
                f"the {self.LABEL} renderer has no function for block kind {block.KIND!r} ({type(block).__name__}); "
                f"register one with host.render_function({self.format!r}, …)"
            )
        result: P = function(block, context)
        return result

    def section(self, section: Section, ordinal: str, context: C) -> P:
        """Draw *section* (and its subsections) with the function registered for its class."""
        function = self.sections.find(type(section))
        assert function is not None, "every renderer draws Section"
        result: P = function(section, ordinal, context)
        return result

    def subsections(self, section: Section, context: C) -> Iterator[P]:
        """Draw the subsections of *section*, one level deeper, each with its ordinal."""
        inner = attrs.evolve(context, depth=context.depth + 1)  # type: ignore[misc]  # every context is attrs
        for ordinal, child in numbered(section.subsections, context.depth + 1):
            yield self.section(child, ordinal, inner)

    def layout(self, table: Block) -> Grid:
        """The merged-cell grid of a table block, from the function registered for its class.

        Raises:
            TypeError: No layout is registered for the block's class.
        """
        function = self.tables.find(type(table))
        if function is None:
            raise TypeError(f"no table layout for block kind {table.KIND!r} ({type(table).__name__})")
        grid: Grid = function(table)
        return grid

    # ---- the pieces a format supplies --------------------------------------------------------------------------------

    def context(self, report: Report) -> C:
        """The context of a walk over *report*: a :class:`RenderContext`, unless the format needs more."""
        return cast(C, RenderContext(report=report, renderer=self))

    def title(self, context: C) -> Iterable[str]:
        """The title."""
        raise NotImplementedError

    def metadata(self, context: C, pairs: tuple[tuple[str, str], ...]) -> Iterable[str]:
        """The metadata block: ``(label, value)`` pairs, maybe none."""
        raise NotImplementedError

    def introduction(self, context: C, introduction: Introduction) -> Iterable[str]:
        """The 引言."""
        raise NotImplementedError

    def signature(self, context: C, signature: Signature) -> Iterable[str]:
        """The signature."""
        raise NotImplementedError

    def attachments(self, context: C, attachments: tuple[Attachment, ...]) -> Iterable[str]:
        """The attachments, maybe none."""
        raise NotImplementedError

    def lines(self, piece: P) -> Iterable[str]:
        """The output lines of what a section function gave: the piece itself, for formats whose pieces are lines."""
        return cast(Iterable[str], piece)

    def finish(self, context: C, lines: list[str]) -> str | bytes:
        """The document, from the lines of the walk: the lines, each ending with a newline."""
        return "\n".join(lines) + "\n"
