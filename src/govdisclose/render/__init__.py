"""Renderers: a report to text (and, with later formats, Markdown, HTML and Word).

Every renderer implements the small :class:`Renderer` protocol and is looked up by name in a
:class:`RendererRegistry`; :data:`default_renderers` holds the built-in ones.
"""

from ._layout import METADATA_LABELS, display_width, metadata_lines, numbered, pad
from ._phrasing import statistic_text
from ._registry import Renderer, RendererRegistry, default_renderers, render
from ._tablelayout import Grid, LaidCell, as_cells, layout
from ._text import INDENT, LINE_WIDTH, TextContext, render_text, text_block, text_section, text_table

__all__ = [
    "INDENT",
    "LINE_WIDTH",
    "METADATA_LABELS",
    "Grid",
    "LaidCell",
    "Renderer",
    "RendererRegistry",
    "TextContext",
    "as_cells",
    "default_renderers",
    "display_width",
    "layout",
    "metadata_lines",
    "numbered",
    "pad",
    "render",
    "render_text",
    "statistic_text",
    "text_block",
    "text_section",
    "text_table",
]
