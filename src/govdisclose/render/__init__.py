"""Renderers: a report as text, Markdown, HTML, Word or an Excel workbook.

Every renderer implements the small :class:`Renderer` protocol and is looked up by name in a
:class:`RendererRegistry`; :data:`default_renderers` holds the built-in ones. The built-in renderers are
:class:`ReportRenderer` instances (:class:`TextRenderer`, :class:`MarkdownRenderer`, :class:`HtmlRenderer`,
:class:`DocxRenderer`): each walks the report the same way and owns its tables of per-type functions (``blocks``,
``sections``, ``tables``), copied with the registry, so that what a plugin registers in one host stays there.
"""

from ._dispatch import TypeDispatch
from ._docx import DOCX_MEDIA_TYPE, DocxContext, DocxRenderer, FontPreset, docx_table, render_docx
from ._html import HtmlRenderer, html_inline, html_stylesheet, html_table, render_html, render_html_fragment
from ._markdown import MarkdownRenderer, escape_markdown, markdown_table, render_markdown
from ._phrasing import statistic_text
from ._registry import FUNCTION_FORMATS, Renderer, RendererRegistry, default_renderers, render
from ._tablelayout import Grid, LaidCell, layout
from ._text import INDENT, TextRenderer, render_text, text_table
from ._walk import RenderContext, ReportRenderer
from ._xlsx import XLSX_MEDIA_TYPE, XlsxRenderer, build_workbook

__all__ = [
    "DOCX_MEDIA_TYPE",
    "FUNCTION_FORMATS",
    "INDENT",
    "XLSX_MEDIA_TYPE",
    "DocxContext",
    "DocxRenderer",
    "FontPreset",
    "Grid",
    "HtmlRenderer",
    "LaidCell",
    "MarkdownRenderer",
    "RenderContext",
    "Renderer",
    "RendererRegistry",
    "ReportRenderer",
    "TextRenderer",
    "TypeDispatch",
    "XlsxRenderer",
    "build_workbook",
    "default_renderers",
    "docx_table",
    "escape_markdown",
    "html_inline",
    "html_stylesheet",
    "html_table",
    "layout",
    "markdown_table",
    "render",
    "render_docx",
    "render_html",
    "render_html_fragment",
    "render_markdown",
    "render_text",
    "statistic_text",
    "text_table",
]
