"""HTML: a standalone HTML5 document, or a fragment to embed in a portal page.

The report becomes an ``<article class="gd-report">``: the title as ``<h1>``, the portal's metadata as a ``<dl>``,
chapters as nested ``<section>`` elements with ``<h2>``–``<h6>`` headings carrying their ordinals, paragraphs with
typed quantities as ``<data>`` elements, the official tables with the merged layout of :func:`layout`, and the
signature. Every value cell of a table carries ``data-table``, ``data-row``, ``data-col`` and ``data-value`` (or
``data-marker``), so a scraper reads the numbers back without guessing. Every piece of report text is escaped, in
element content and in attribute values alike: no report can inject markup or script.

A plugin renders its own block type with a function that returns escaped HTML, registered with
``host.render_function("html", MyBlock, function)`` (for the ``html`` and the ``html-fragment`` renderer)::

    def my_block_html(block: MyBlock, context: RenderContext) -> str:
        return "<p>" + html.escape(block.text, quote=True) + "</p>"
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import cast

import attrs

from ..model import (
    Amount,
    Attachment,
    Compound,
    Count,
    EnumeratedPoints,
    Figure,
    Inline,
    Introduction,
    NumberedItems,
    OfficialTable,
    Paragraph,
    ProactiveTable2019,
    Qualifier,
    Report,
    Scale,
    Section,
    Share,
    Signature,
    Statistic,
    StatisticsTable,
    Table,
)
from ..zh import format_date, format_ordinal
from ._dispatch import by_annotation
from ._phrasing import statistic_content
from ._tablelayout import Grid, heading_rows, label_columns, placed
from ._walk import RenderContext, ReportRenderer

__all__ = ["HtmlRenderer", "html_inline", "html_stylesheet", "html_table", "render_html", "render_html_fragment"]


_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9-]*")
_STICKY_LABELS = 3
"""Tables with up to this many label columns keep them in view while the values scroll sideways on a phone."""
_WIDE_COLUMNS = 8
"""A table of this many columns or more cannot fit a phone's width: it says that it scrolls sideways."""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _attributes(pairs: Iterable[tuple[str, str | int | None]]) -> str:
    """`` name="value"`` for each pair whose value is not ``None``; names are the renderer's own, values escaped."""
    return "".join(f' {name}="{_escape(str(value))}"' for name, value in pairs if value is not None)


@functools.cache
def html_stylesheet() -> str:
    """The stylesheet of rendered reports (screen and print, GB/T 9704 in spirit), every rule under ``.gd-report``.

    Put it in your page's ``<head>`` once when you embed fragments rendered with ``stylesheet=False``.

    >>> "size: A4" in html_stylesheet() and "margin: 37mm 26mm 35mm 28mm" in html_stylesheet()
    True
    """
    return resources.files(__package__).joinpath("_html.css").read_text(encoding="utf-8")


# ---- inline pieces -------------------------------------------------------------------------------------------------


def _string(piece: str) -> str:
    return _escape(piece)


def _qualified(qualifier: Qualifier) -> list[tuple[str, str | int | None]]:
    if qualifier is Qualifier.EXACT:
        return []
    return [("data-qualifier", qualifier.value), ("data-bound", qualifier.bound.value)]


def _named(quantity: Count | Amount | Share | Compound) -> list[tuple[str, str | int | None]]:
    return [("data-id", quantity.id), ("data-label", quantity.label)]


def _count(piece: Count) -> str:
    pairs: list[tuple[str, str | int | None]] = [
        ("class", "gd-quantity"),
        ("data-quantity", "count"),
        ("value", piece.value),
        ("data-unit", piece.unit or None),
        *_qualified(piece.qualifier),
        ("data-scale", piece.scale.value if piece.scale is not Scale.NONE else None),
        *_named(piece),
    ]
    return f"<data{_attributes(pairs)}>{_escape(piece.text)}</data>"


def _amount(piece: Amount) -> str:
    pairs: list[tuple[str, str | int | None]] = [
        ("class", "gd-quantity"),
        ("data-quantity", "amount"),
        ("value", format(piece.value, "f")),
        ("data-unit", piece.unit.value),
        *_qualified(piece.qualifier),
        *_named(piece),
    ]
    return f"<data{_attributes(pairs)}>{_escape(piece.text)}</data>"


def _share(piece: Share) -> str:
    pairs: list[tuple[str, str | int | None]] = [
        ("class", "gd-quantity"),
        ("data-quantity", "share"),
        ("value", format(piece.value, "f")),
        ("data-unit", "%"),
        ("data-part", piece.part),
        ("data-whole", piece.whole),
        *_named(piece),
    ]
    return f"<data{_attributes(pairs)}>{_escape(piece.text)}</data>"


def _compound(piece: Compound) -> str:
    pairs: list[tuple[str, str | int | None]] = [
        ("class", "gd-quantity"),
        ("data-quantity", "compound"),
        *_named(piece),
    ]
    return f"<span{_attributes(pairs)}>{''.join(html_inline(part) for part in piece.parts)}</span>"


_INLINE = {str: _string, Count: _count, Amount: _amount, Share: _share, Compound: _compound}


def html_inline(piece: Inline, context: object = None) -> str:
    """The HTML of one inline piece: a string escaped, a typed quantity as a ``<data>`` element.

    The element's ``value`` is the exact number (the whole count for ``17.9亿次``); ``data-unit``, ``data-qualifier``
    and ``data-bound`` (``余`` → ``lower``), ``data-scale``, ``data-id`` and ``data-label`` say the rest. *context*
    is not needed, and accepted for the signature of render functions.

    >>> html_inline(Count(value=15, unit="条"))
    '<data class="gd-quantity" data-quantity="count" value="15" data-unit="条">15条</data>'
    >>> html_inline("<b>")
    '&lt;b&gt;'
    """
    function = _INLINE.get(type(piece))
    if function is None:
        raise TypeError(f"the HTML renderer has no function for inline piece {type(piece).__name__}")
    text: str = function(piece)  # type: ignore[operator]
    return text


def _inlines(content: tuple[Inline, ...], context: RenderContext) -> str:
    return "".join(html_inline(piece) for piece in content)


def _ordinal(text: str) -> str:
    return f'<span class="gd-ordinal">{_escape(text)}</span>' if text else ""


# ---- blocks --------------------------------------------------------------------------------------------------------


def _paragraph(block: Paragraph, context: RenderContext) -> str:
    return f"<p>{_inlines(block.content, context)}</p>"


def _points(block: EnumeratedPoints, context: RenderContext) -> str:
    points = "".join(
        f'<span class="gd-point">{_ordinal(format_ordinal(number, block.style))}{_inlines(point, context)}</span>'
        for number, point in enumerate(block.points, 1)
    )
    return f'<p class="gd-points">{_inlines(block.lead, context)}{points}</p>'


def _items(block: NumberedItems, context: RenderContext) -> str:
    items = "".join(
        f"<li>{_ordinal(format_ordinal(number, block.style))}{_inlines(item, context)}</li>\n"
        for number, item in enumerate(block.items, block.start)
    )
    start = _attributes([("start", block.start if block.start != 1 else None)])
    return f'<ol class="gd-items"{start}>\n{items}</ol>'


def _statistic(block: Statistic, context: RenderContext) -> str:
    return f'<p class="gd-statistic">{_inlines(statistic_content(block), context)}</p>'


def _figure_attributes(figure: Figure) -> list[tuple[str, str | int | None]]:
    if figure.value is not None:
        return [("data-value", format(figure.value, "f")), *_qualified(figure.qualifier)]
    if figure.marker is not None:
        return [("data-marker", figure.marker)]
    return [("data-unknown", "")]


def html_table(
    grid: Grid,
    *,
    kind: str | None = None,
    caption: str | None = None,
    cell_attributes: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """A laid-out table as an HTML ``<table>`` (in a scrolling wrapper), with the spans of the grid.

    Heading cells become ``<th>`` (``scope="col"``/``"colgroup"`` in heading rows, ``scope="row"`` beside values),
    and each value cell — a cell with a figure — a ``<td>`` with ``data-table`` (*kind*), ``data-row``, ``data-col``
    (``data-index``, the position in the row, for a local row whose cells have no column), and ``data-value`` with the
    exact number (plus ``data-qualifier`` and ``data-bound`` when approximate), ``data-marker`` with a published marker
    (``""`` for a blank cell), or ``data-unknown`` when the content is unknown.

    Args:
        grid: The cells, from :func:`layout`.
        kind: The table's kind tag, written as ``data-table``.
        caption: The table's caption.
        cell_attributes: Further attributes of value cells by column id (``{"amount": {"data-unit": "万元"}}``); the
            names must be lowercase attribute names (``data-…``), the values are escaped.

    Raises:
        ValueError: A name in *cell_attributes* is not a plain attribute name.

    >>> from govdisclose.model import ReviewsTable
    >>> from govdisclose.render import layout
    >>> print(html_table(layout(ReviewsTable.zeros()), kind="reviews-litigation").splitlines()[3])
    <tr><th scope="colgroup" colspan="5">行政复议</th><th scope="colgroup" colspan="10">行政诉讼</th></tr>
    """
    head = heading_rows(grid)
    firsts, width = placed(grid)
    labels = label_columns(grid)
    sticky = 0 < labels <= _STICKY_LABELS
    extra = cell_attributes or {}
    for names in extra.values():
        for name in names:
            if not _ATTRIBUTE_NAME.fullmatch(name):
                raise ValueError(f"cell attribute name {name!r} is not a lowercase attribute name")
    wrap = "gd-table-wrap gd-table-wide" if width >= _WIDE_COLUMNS else "gd-table-wrap"
    table_class = f"gd-table gd-labels-{labels}" if sticky else "gd-table"
    lines = [f'<div class="{wrap}">\n<table{_attributes([("class", table_class), ("data-table", kind)])}>']
    if caption:
        lines.append(f"<caption>{_escape(caption)}</caption>")
    for index, (row, starts) in enumerate(zip(grid, firsts, strict=True)):
        if index == 0 and head:
            lines.append("<thead>")
        if index == head:
            lines.append("<tbody>")
        heading = all(cell.header and cell.row_id is None for cell in row)
        cells: list[str] = []
        position = 0
        for cell, first in zip(row, starts, strict=True):
            spans = [("rowspan", cell.rowspan if cell.rowspan > 1 else None)]
            spans.append(("colspan", cell.colspan if cell.colspan > 1 else None))
            if cell.header:
                scope = ("colgroup" if cell.colspan > 1 else "col") if heading else "row"
                label = sticky and first + cell.colspan <= labels
                pairs = [
                    ("class", f"gd-label gd-label-{first}" if label else None),
                    ("scope", scope),
                    *spans,
                    ("data-row", cell.row_id),
                    ("data-level", cell.level or None),
                ]
                cells.append(f"<th{_attributes(pairs)}>{_escape(cell.text)}</th>")
            elif cell.figure is not None:
                where: list[tuple[str, str | int | None]] = [("data-col", cell.column_id)]
                if cell.column_id is None:
                    where = [("data-index", position)]
                position += 1
                pairs = [
                    *spans,
                    ("data-table", kind),
                    ("data-row", cell.row_id),
                    *where,
                    *_figure_attributes(cell.figure),
                    *sorted(extra.get(cell.column_id or "", {}).items()),
                ]
                shown = "" if cell.figure.value is None and cell.figure.marker is None else cell.text
                cells.append(f"<td{_attributes(pairs)}>{_escape(shown)}</td>")  # unknown: ？ by the stylesheet
            else:
                cells.append(f"<td{_attributes(spans)}>{_escape(cell.text)}</td>")
        lines.append(f"<tr>{''.join(cells)}</tr>")
        if index + 1 == head:
            lines.append("</thead>")
    if len(grid) > head:
        lines.append("</tbody>")
    if any(cell.rowspan > 1 for row in grid[head:] for cell in row):
        lines.append(f'<tfoot class="gd-table-rule" aria-hidden="true"><tr><td colspan="{width}"></td></tr></tfoot>')
    lines.append("</table>\n</div>")
    return "\n".join(lines)


def _table(block: Table, context: RenderContext) -> str:
    return html_table(context.renderer.layout(block), kind=block.KIND, caption=block.caption)


def _with_note(table: str, note: str | None) -> str:
    return f'{table}\n<p class="gd-table-note">{_escape(note)}</p>' if note else table


def _official_table(block: OfficialTable, context: RenderContext) -> str:
    return _with_note(html_table(context.renderer.layout(block), kind=block.KIND), block.note)


def _proactive_2019(block: ProactiveTable2019, context: RenderContext) -> str:
    unit = {"amount": {"data-unit": block.procurement_unit.value}} if block.procurement_unit else None
    return _with_note(html_table(context.renderer.layout(block), kind=block.KIND, cell_attributes=unit), block.note)


def _statistics_table(block: StatisticsTable, context: RenderContext) -> str:
    return html_table(context.renderer.layout(block), kind=block.KIND, caption=block.caption)


# ---- sections and the report ---------------------------------------------------------------------------------------

_RUN_IN_BLOCKS = (Paragraph, EnumeratedPoints, Statistic)


def _heading(level: int, ordinal: str, text: str) -> str:
    tag = f"h{min(level, 6)}"
    return f"<{tag}>{_ordinal(ordinal)}{_escape(text)}</{tag}>"


def _section(section: Section, ordinal: str, context: RenderContext) -> str:
    """A section and its subsections as a ``<section>``: heading ``<h2>`` at depth 1, ``<h3>`` at depth 2 … ``<h6>``.

    A run-in heading (``run_in``) shares a ``<div class="gd-run-in">`` with its first paragraph.
    """
    renderer = context.renderer
    pairs: list[tuple[str, str | int | None]] = [
        ("class", "gd-section"),
        ("data-depth", context.depth),
        ("data-part", section.part.value if section.part else None),
    ]
    lines = [f"<section{_attributes(pairs)}>"]
    heading = _heading(context.depth + 1, ordinal, section.heading)
    blocks = list(section.blocks)
    if section.run_in and blocks and isinstance(blocks[0], _RUN_IN_BLOCKS):
        lines.append(f'<div class="gd-run-in">{heading}{renderer.block(blocks.pop(0), context)}</div>')
    else:
        lines.append(heading)
    lines.extend(renderer.block(block, context) for block in blocks)
    lines.extend(renderer.subsections(section, context))
    lines.append("</section>")
    return "\n".join(lines)


_TITLE_BREAKS = re.compile(r"(\d{4}年度?|(?:工作)?年度报告$)")
"""Where a title may break: before and after the year, before ``年度报告``."""


def _title(report: Report) -> str:
    """The title, split after the organ's name when it starts with it, so that a two-line title breaks there.

    Elsewhere a line breaks only before or after the year or before ``年度报告`` (``<wbr>``; the stylesheet keeps
    words whole with ``word-break: keep-all``), never inside ``政府信息公开`` or the organ's name.

    >>> from govdisclose.model import Agency, Edition
    >>> print(_title(Report(edition=Edition.PRE_2019, year=2017, agency=Agency(name="某街道"))))
    <span class="gd-title-part">某街道</span><span class="gd-title-part">2017年<wbr>政府信息公开<wbr>工作年度报告</span>
    """
    title, organ = report.display_title, report.agency.name
    if not title.startswith(organ) or title == organ:
        return _broken(title)
    parts = (organ, title[len(organ) :])
    return "".join(f'<span class="gd-title-part">{_broken(part)}</span>' for part in parts)


def _broken(text: str) -> str:
    """*text* escaped, with ``<wbr>`` where :data:`_TITLE_BREAKS` allows a break.

    >>> _broken("某局2017年政府信息公开工作年度报告")
    '某局<wbr>2017年<wbr>政府信息公开<wbr>工作年度报告'
    """
    pieces = [piece for piece in _TITLE_BREAKS.split(text) if piece]
    return "<wbr>".join(_escape(piece) for piece in pieces)


@attrs.define(eq=False)
class HtmlRenderer(ReportRenderer[RenderContext, str]):
    """HTML: block and section functions give escaped HTML; the report is an ``<article>``, in a document or alone.

    Attributes:
        fragment: Give only the ``<article class="gd-report">`` element, to embed in a page.
        stylesheet: Include :func:`html_stylesheet` in a ``<style>`` element.
        css: More CSS to append to the stylesheet.
    """

    BLOCKS = by_annotation(
        _paragraph, _points, _items, _statistic, _table, _official_table, _proactive_2019, _statistics_table
    )
    SECTIONS = by_annotation(_section)
    LABEL = "HTML"

    name: str = "html"
    media_type: str = "text/html; charset=utf-8"
    format: str = "html"
    fragment: bool = attrs.field(default=False, kw_only=True)
    stylesheet: bool = attrs.field(default=True, kw_only=True)
    css: str | None = attrs.field(default=None, kw_only=True)

    def title(self, context: RenderContext) -> list[str]:
        report = context.report
        pairs: list[tuple[str, str | int | None]] = [
            ("class", "gd-report"),
            ("lang", "zh-CN"),
            ("data-edition", report.edition.value),
            ("data-year", report.year),
        ]
        lines = [
            f"<article{_attributes(pairs)}>",
            '<header class="gd-header">',
            f'<h1 class="gd-title">{_title(report)}</h1>',
        ]
        return lines if self.with_metadata else [*lines, "</header>"]  # else the metadata block ends the header

    def metadata(self, context: RenderContext, pairs: tuple[tuple[str, str], ...]) -> list[str]:
        """The metadata as a ``<dl>``, and the end of the ``<header>`` that holds it and the title."""
        if not pairs:
            return ["</header>"]
        items = [f"<div><dt>{_escape(label)}</dt><dd>{_escape(value)}</dd></div>" for label, value in pairs]
        return ['<dl class="gd-metadata">', *items, "</dl>", "</header>"]

    def introduction(self, context: RenderContext, introduction: Introduction) -> list[str]:
        if introduction.heading is None and not introduction.blocks:
            return []
        tag = "section" if introduction.heading is not None else "div"  # a section without a heading is a div
        lines = [f'<{tag} class="gd-introduction">']
        if introduction.heading is not None:
            lines.append(_heading(2, "", introduction.heading))
        lines.extend(self.block(block, context) for block in introduction.blocks)
        return [*lines, f"</{tag}>"]

    def signature(self, context: RenderContext, signature: Signature) -> list[str]:
        if not (signature.organ or signature.date):
            return []
        lines = ['<footer class="gd-signature">']
        if signature.organ:
            lines.append(f'<p class="gd-signature-organ">{_escape(signature.organ)}</p>')
        if signature.date:
            date = f'<time datetime="{signature.date.isoformat()}">{_escape(format_date(signature.date))}</time>'
            lines.append(f'<p class="gd-signature-date">{date}</p>')
        return [*lines, "</footer>"]

    def attachments(self, context: RenderContext, attachments: tuple[Attachment, ...]) -> list[str]:
        if not attachments:
            return []
        lines = ['<ul class="gd-attachments">']
        for attachment in attachments:
            described = f"（{_escape(attachment.description)}）" if attachment.description else ""
            label = f'<span class="gd-attachment-label">{_escape(attachment.label)}</span>'
            lines.append(f"<li>{label}：{_escape(attachment.name)}{described}</li>")
        return [*lines, "</ul>"]

    def lines(self, piece: str) -> list[str]:
        return [piece]

    def finish(self, context: RenderContext, lines: list[str]) -> str:
        style = ""
        if self.stylesheet or self.css:
            text = (html_stylesheet() if self.stylesheet else "") + (self.css or "")
            # "</" could end the element early; CSS reads "<\/" as "</".
            text = text.rstrip().replace("</", "<\\/")
            style = f"<style>\n{text}\n</style>\n"
        article = "\n".join([*lines, "</article>"]) + "\n"
        if self.fragment:
            return style + article
        return (
            "<!DOCTYPE html>\n"
            '<html lang="zh-CN" class="gd-document">\n'
            "<head>\n"
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="govdisclose">\n'
            f"<title>{_escape(context.report.display_title)}</title>\n"
            f"{style}"
            "</head>\n"
            "<body>\n"
            f"{article}"
            "</body>\n"
            "</html>\n"
        )


HTML = HtmlRenderer()
"""The ``html`` renderer of :data:`~govdisclose.render.default_renderers`."""

HTML_FRAGMENT = HtmlRenderer(name="html-fragment", fragment=True, stylesheet=False)
"""The ``html-fragment`` renderer of :data:`~govdisclose.render.default_renderers`: the article alone, unstyled."""


def render_html(report: Report, *, fragment: bool = False, stylesheet: bool = True, css: str | None = None) -> str:
    """The report as HTML: a standalone HTML5 document, or with *fragment* only its ``<article>``.

    A title that starts with the organ's name is set in two ``span.gd-title-part``, so that, when it takes two lines,
    it breaks after the name.

    Args:
        report: The report.
        fragment: Give only the ``<article class="gd-report">`` element, to embed in a page.
        stylesheet: Include :func:`html_stylesheet` in a ``<style>`` element (in ``<head>`` of a document; before
            the article of a fragment). Pages that embed several reports put it in their ``<head>`` once instead
            and render with ``stylesheet=False``.
        css: More CSS to append to the stylesheet (``.gd-report { --gd-font-body: "仿宋", serif; }``). It is the
            caller's own text, written as given but for ``</``, escaped so that it cannot close the element.

    >>> from govdisclose.model import Agency, Edition
    >>> r = Report(edition=Edition.E2021, year=2024, agency=Agency(name="某局"), title="2024年度政府信息公开工作报告")
    >>> print(render_html(r, fragment=True, stylesheet=False))
    <article class="gd-report" lang="zh-CN" data-edition="2021" data-year="2024">
    <header class="gd-header">
    <h1 class="gd-title">2024年度<wbr>政府信息公开工作报告</h1>
    </header>
    </article>
    <BLANKLINE>
    >>> render_html(r).splitlines()[:2]
    ['<!DOCTYPE html>', '<html lang="zh-CN" class="gd-document">']
    """
    options = (fragment, stylesheet, css)
    renderer = (
        HTML
        if options == (False, True, None)
        else attrs.evolve(HTML, fragment=fragment, stylesheet=stylesheet, css=css)
    )
    return cast(str, renderer.render(report))


def render_html_fragment(report: Report) -> str:
    """The report's ``<article>`` alone, without a stylesheet: what ``render(report, to="html-fragment")`` gives."""
    return cast(str, HTML_FRAGMENT.render(report))
