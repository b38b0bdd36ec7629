"""Renderers: a report as text, Markdown, HTML or Word.

Every renderer implements the small :class:`Renderer` protocol and is looked up by name in a
:class:`RendererRegistry`; :data:`default_renderers` holds the built-in ones.
"""

from ._docx import (
    DOCX_MEDIA_TYPE,
    DocxContext,
    FontPreset,
    docx_block,
    docx_section,
    docx_table,
    render_docx,
    xml_safe,
)
from ._html import (
    HtmlContext,
    html_block,
    html_inline,
    html_section,
    html_stylesheet,
    html_table,
    render_html,
    render_html_fragment,
)
from ._layout import METADATA_LABELS, display_width, metadata_lines, numbered, pad
from ._markdown import (
    MarkdownContext,
    escape_markdown,
    markdown_block,
    markdown_section,
    markdown_table,
    render_markdown,
)
from ._phrasing import statistic_content, statistic_text
from ._registry import Renderer, RendererRegistry, default_renderers, render
from ._tablelayout import Grid, LaidCell, as_cells, layout
from ._text import INDENT, LINE_WIDTH, TextContext, render_text, text_block, text_section, text_table

__all__ = [
    "DOCX_MEDIA_TYPE",
    "INDENT",
    "LINE_WIDTH",
    "METADATA_LABELS",
    "DocxContext",
    "FontPreset",
    "Grid",
    "HtmlContext",
    "LaidCell",
    "MarkdownContext",
    "Renderer",
    "RendererRegistry",
    "TextContext",
    "as_cells",
    "default_renderers",
    "display_width",
    "docx_block",
    "docx_section",
    "docx_table",
    "escape_markdown",
    "html_block",
    "html_inline",
    "html_section",
    "html_stylesheet",
    "html_table",
    "layout",
    "markdown_block",
    "markdown_section",
    "markdown_table",
    "metadata_lines",
    "numbered",
    "pad",
    "render",
    "render_docx",
    "render_html",
    "render_html_fragment",
    "render_markdown",
    "render_text",
    "statistic_content",
    "statistic_text",
    "text_block",
    "text_section",
    "text_table",
    "xml_safe",
]
