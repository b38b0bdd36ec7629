"""Word (``.docx``): a report laid out after GB/T 9704-2012 《党政机关公文格式》, with python-docx.

Needs the ``docx`` extra (``pip install 'govdisclose[docx]'``); importing govdisclose does not import python-docx, and
:func:`render_docx` raises :class:`~govdisclose.MissingExtraError` naming the extra when it is missing.

The layout:

- A4 (210 × 297 mm), margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm type area);
- the metadata block (索引号, 发布机构 …) as a small table above the title;
- the title in 2号 (22 pt) 小标宋, centred, then a blank line;
- body text in 3号 (16 pt) 仿宋, justified, each paragraph indented two characters (32 pt), lines exactly 28 pt apart;
- headings in 3号 with their ordinals (``一、`` ``（一）`` ``1.`` ``（1）`` or the author's style): level 1 黑体,
  level 2 楷体, levels 3 and below 仿宋; a run-in heading shares its paragraph with the text of its first paragraph;
- tables with real merged cells (the grid of :func:`~govdisclose.render.layout`), text in 五号 (10.5 pt) 仿宋, headings
  in 黑体;
- the signature and its date right-aligned as GB/T 9704 places them on a document without a seal (the organ two
  characters from the right margin, the date starting two characters right of the organ's first character);
- page numbers ``— 1 —`` in 4号 宋体, odd pages on the right and even pages on the left.

Every run sets the East Asian font slot (``w:eastAsia``) as well as the Latin one, so Word and WPS do not fall back to
the theme font for Chinese text. Fonts come from a :class:`FontPreset`. Characters that XML cannot hold (control
characters other than tab, line feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF) are dropped.

A plugin renders its own block type with a function that writes into the document, registered with
``host.render_function("docx", MyBlock, function)``::

    def my_block_docx(block: MyBlock, context: DocxContext) -> None:
        context.write(context.body_paragraph(), block.text)
"""

from __future__ import annotations

import datetime
import html
import io
import re
from typing import TYPE_CHECKING, Any, cast

import attrs

from .._errors import MissingExtraError, ModelError
from ..model import (
    Attachment,
    EnumeratedPoints,
    Introduction,
    NumberedItems,
    OfficialTable,
    Paragraph,
    Report,
    Section,
    Signature,
    Statistic,
    StatisticsTable,
    Table,
    plain_text,
)
from ..zh import display_width, format_date, format_ordinal
from ._dispatch import by_annotation
from ._phrasing import statistic_text
from ._tablelayout import Grid, heading_rows, placed
from ._walk import ReportRenderer

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph
    from docx.text.run import Run as DocxRun

__all__ = ["DOCX_MEDIA_TYPE", "DocxContext", "DocxRenderer", "FontPreset", "docx_table", "render_docx", "xml_safe"]

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
"""The media type of a Word document."""

# Sizes in points: 2号 22, 3号 16, 4号 14, 五号 10.5.
_TITLE_SIZE = 22.0
_BODY_SIZE = 16.0
_PAGE_NUMBER_SIZE = 14.0
_TABLE_SIZE = 10.5
_LINE = 28.0  # the fixed line pitch of body text: 22 lines in the type area
_TABLE_LINE = 14.0  # 五号 table text on exact 14-pt lines, whatever the font's own line height
_TITLE_LINE = 35.0  # a 2号 title needs more than 28 pt, or its glyphs are clipped

# Millimetres.
_PAGE_WIDTH, _PAGE_HEIGHT = 210, 297
_TOP, _BOTTOM, _LEFT, _RIGHT = 37, 35, 28, 26
_FOOTER_DISTANCE = 22  # puts the page number about 7 mm below the type area
_TEXT_WIDTH = _PAGE_WIDTH - _LEFT - _RIGHT
# The 156 mm line holds 27.6 characters of 16 pt: drawn 0.25 pt closer (w:spacing, in twentieths of a point),
# 28 fit (GB/T 9704: 28 characters × 22 lines), 15.75 pt apart; indents and the signature's offsets count in that pitch.
_CHAR_SPACING = -5
_PITCH = _BODY_SIZE + _CHAR_SPACING / 20
_INDENT = 2 * _PITCH  # two characters
_CELL_MARGIN = 1.0  # left and right, so that two 五号 characters fit in the narrow columns of table 四
_CELL_SLACK = 0.5  # borders and rounding
_CHAR_MM = _TABLE_SIZE * 25.4 / 72  # the width of one 五号 character
_GROUP_CHARS = 7.0  # an inner merged label (（三）不予公开) on one line
_TITLE_CHARS = 19  # 2号 characters on a line of the type area: 20 in theory, one kept in hand for wide digits

# The elements that follow w:tblW in w:tblPr (ECMA-376 CT_TblPr), for inserting in schema order.
_AFTER_TBLW = (
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)

# The elements that follow w:spacing in w:rPr (ECMA-376 CT_RPr), for inserting in schema order.
_AFTER_SPACING = (
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)

# The elements that follow w:autoSpaceDN in w:pPr (ECMA-376 CT_PPrBase).
_AFTER_AUTOSPACE = (
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _font_name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip() or _NOT_XML.search(value):
        raise ModelError(
            f"font {attribute.name!r} must be a font name (got {value!r})", field=attribute.name, value=value
        )


@attrs.frozen(kw_only=True)
class FontPreset:
    """The fonts of a Word document, by role; each name is written as is into the East Asian slot of its runs.

    The default (:meth:`gb2312`) names the fonts of the GB/T 9704 templates that government offices use; where a font
    is not installed, Word and WPS substitute one. :meth:`windows` names fonts that every Chinese Windows and WPS
    installation has. Make your own with ``FontPreset(body="…")`` or ``attrs.evolve(FontPreset.windows(), …)``.

    Attributes:
        title: The title (小标宋).
        heading1: Level-1 headings ``一、`` (黑体).
        heading2: Level-2 headings ``（一）`` (楷体).
        heading3: Level-3 and deeper headings ``1.`` ``（1）`` (仿宋).
        body: Body text (仿宋).
        table: Table cells (仿宋).
        table_header: Table headings and the labels of the metadata block (黑体).
        page_number: Page numbers (宋体).
        latin: Latin letters and digits in every role.
        title_bold: Whether the title is set bold (for presets whose title font is a regular 宋体).

    >>> FontPreset().body, FontPreset.windows().body
    ('仿宋_GB2312', '仿宋')
    """

    title: str = attrs.field(default="方正小标宋简体", validator=_font_name)
    heading1: str = attrs.field(default="黑体", validator=_font_name)
    heading2: str = attrs.field(default="楷体_GB2312", validator=_font_name)
    heading3: str = attrs.field(default="仿宋_GB2312", validator=_font_name)
    body: str = attrs.field(default="仿宋_GB2312", validator=_font_name)
    table: str = attrs.field(default="仿宋_GB2312", validator=_font_name)
    table_header: str = attrs.field(default="黑体", validator=_font_name)
    page_number: str = attrs.field(default="宋体", validator=_font_name)
    latin: str = attrs.field(default="Times New Roman", validator=_font_name)
    title_bold: bool = False

    @classmethod
    def gb2312(cls) -> FontPreset:
        """The fonts of the government templates: 方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312 (the default)."""
        return cls()

    @classmethod
    def windows(cls) -> FontPreset:
        """Fonts every Chinese Windows and WPS has: 宋体 (bold) for the title, 黑体, 楷体, 仿宋.

        >>> FontPreset.windows().heading2
        '楷体'
        """
        return cls(
            title="宋体",
            heading1="黑体",
            heading2="楷体",
            heading3="仿宋",
            body="仿宋",
            table="仿宋",
            table_header="黑体",
            page_number="宋体",
            title_bold=True,
        )

    def heading(self, depth: int) -> str:
        """The font of a heading at *depth* (1 for ``一、``).

        >>> FontPreset().heading(1), FontPreset().heading(2), FontPreset().heading(4)
        ('黑体', '楷体_GB2312', '仿宋_GB2312')
        """
        return self.heading1 if depth <= 1 else self.heading2 if depth == 2 else self.heading3


def xml_safe(text: str) -> str:
    r"""*text* without the characters XML 1.0 cannot hold (tab, line feed and carriage return are kept).

    >>> xml_safe("公开\x00\x1b[31m信息\t")
    '公开[31m信息\t'
    """
    return _NOT_XML.sub("", text)


@attrs.define(kw_only=True)
class DocxContext:
    """What a Word render function needs: the document being built, the report, the renderer, the fonts, the depth.

    The context is mutable render state: :attr:`run_in` holds a run-in heading's paragraph until the first block of
    its section takes it with :meth:`body_paragraph`.

    Attributes:
        document: The python-docx document being written.
        report: The report being rendered.
        renderer: The renderer drawing it; ``context.renderer.block(block, context)`` draws another block.
        fonts: The font preset.
        depth: The depth of the section being rendered (1 for ``一、``).
        run_in: A run-in heading's paragraph waiting for the text of its section's first paragraph.
    """

    document: DocxDocument
    report: Report
    renderer: DocxRenderer
    fonts: FontPreset = FontPreset()
    depth: int = 1
    run_in: DocxParagraph | None = None

    def write(
        self,
        paragraph: DocxParagraph,
        text: str,
        *,
        font: str | None = None,
        size: float = _BODY_SIZE,
        bold: bool = False,
    ) -> DocxRun:
        """Add a run of *text* to *paragraph* in *font* (default: the body font), with ``w:eastAsia`` set."""
        return _run(paragraph, text, font=font or self.fonts.body, latin=self.fonts.latin, size=size, bold=bold)

    def body_paragraph(self) -> DocxParagraph:
        """A new body paragraph (indented, justified, 28-pt lines), or the waiting run-in heading's paragraph."""
        if self.run_in is not None:
            paragraph, self.run_in = self.run_in, None
            return paragraph
        paragraph = self.document.add_paragraph()
        _format(paragraph, indent=_INDENT)
        return paragraph

    def end_run_in(self) -> None:
        """Leave a waiting run-in heading on its own line (before a table, say)."""
        self.run_in = None


def _import_docx() -> Any:
    try:
        import docx
    except ImportError:
        raise MissingExtraError("docx", "docx", "rendering Word documents") from None
    return docx


def _run(paragraph: DocxParagraph, text: str, *, font: str, latin: str, size: float, bold: bool = False) -> DocxRun:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(xml_safe(text))
    run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if size == _BODY_SIZE:  # 28 characters a line
        spacing = OxmlElement("w:spacing", {qn("w:val"): str(_CHAR_SPACING)})
        run._r.get_or_add_rPr().insert_element_before(spacing, *_AFTER_SPACING)
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:hint"), "eastAsia")  # quotation marks and the like in the Chinese font
    return run


def _format(
    paragraph: DocxParagraph,
    *,
    indent: float = 0.0,
    line: float | None = _LINE,
    align: str = "justify",
    right: float = 0.0,
) -> None:
    """Fixed line pitch (or single spacing when *line* is None), no space around, a first-line indent in points."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(line) if line is not None else 1.0
    fmt.first_line_indent = Pt(indent)
    if right:
        fmt.right_indent = Pt(right)
    fmt.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]


def _outline_level(paragraph: DocxParagraph, depth: int) -> None:
    """Mark a heading for Word's navigation pane without using the theme-styled built-in heading styles."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:outlineLvl", {qn("w:val"): str(min(depth, 9) - 1)})
    paragraph._p.get_or_add_pPr().insert_element_before(element, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr")


def _paragraph(block: Paragraph | EnumeratedPoints, context: DocxContext) -> None:
    context.write(context.body_paragraph(), block.text)


def _items(block: NumberedItems, context: DocxContext) -> None:
    for number, item in enumerate(block.items, block.start):
        context.write(context.body_paragraph(), format_ordinal(number, block.style) + plain_text(item))


def _statistic(block: Statistic, context: DocxContext) -> None:
    context.write(context.body_paragraph(), statistic_text(block))


def _cell_width(chars: float) -> float:
    """The width in millimetres of a cell holding *chars* 五号 characters on a line."""
    return _CHAR_MM * chars + 2 * _CELL_MARGIN + _CELL_SLACK


def _column_widths(grid: Grid, firsts: list[list[int]], width: int) -> list[float]:
    """Column widths in millimetres that fill the type area's width, after what the cells hold.

    Every column first gets its least width: its numbers on one line, two characters of a heading or label (the
    outermost label standing over many rows, ``三、本年度办理结果``, is written two characters a line, as the official
    form prints it), an inner merged label (``（三）不予公开``) on one line of up to seven characters. What is left goes
    first to row labels and body text, up to fourteen characters (a label that wraps makes every value of its row
    taller), then to column headings, up to four characters (they sit in a few rows and may wrap), each in proportion
    to what it lacks; anything still left stretches all columns.
    """
    least = [1.0] * width
    labels = [0.0] * width  # characters wanted by row labels and body text
    headings = [0.0] * width  # characters wanted by column headings
    head = heading_rows(grid)
    for r, (row, row_firsts) in enumerate(zip(grid, firsts, strict=True)):
        for cell, first in zip(row, row_firsts, strict=True):
            if cell.colspan != 1:
                continue
            chars = display_width(cell.text) / 2 + cell.level
            if cell.figure is not None:
                least[first] = max(least[first], min(chars, 8.0))
            elif cell.header and cell.rowspan >= 3 and first == 0:  # 三、本年度办理结果: two characters a line
                least[first] = max(least[first], min(chars, 2.0))
            elif cell.header and cell.rowspan > 1 and r >= head:  # （三）不予公开: one line
                least[first] = max(least[first], min(chars, _GROUP_CHARS))
            elif cell.header and cell.row_id is None:
                least[first] = max(least[first], min(chars, 2.0))
                headings[first] = max(headings[first], min(chars, 4.0))
            else:
                least[first] = max(least[first], min(chars, 2.0))
                labels[first] = max(labels[first], min(chars, 14.0))
    widths = [_cell_width(c) for c in least]
    for wanted in (labels, headings):
        lacking = [max(0.0, _cell_width(c) - w) if c else 0.0 for c, w in zip(wanted, widths, strict=True)]
        rest, total = _TEXT_WIDTH - sum(widths), sum(lacking)
        if rest > 0 and total > 0:
            share = min(1.0, rest / total)
            widths = [w + x * share for w, x in zip(widths, lacking, strict=True)]
    return [_TEXT_WIDTH * w / sum(widths) for w in widths]


def _table_properties(table: DocxTable, widths: list[float]) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, mm in zip(table.columns, widths, strict=True):
        column.width = Mm(mm)
    # Word refuses a file whose table properties are out of the schema's order: insert before the successors.
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblW")) + tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    total = OxmlElement("w:tblW", {qn("w:w"): str(round(Mm(sum(widths)).twips)), qn("w:type"): "dxa"})
    tbl_pr.insert_element_before(total, *_AFTER_TBLW)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(OxmlElement(f"w:{side}", {qn("w:w"): str(round(Mm(_CELL_MARGIN).twips)), qn("w:type"): "dxa"}))
    tbl_pr.insert_element_before(margins, *_AFTER_TBLW[_AFTER_TBLW.index("w:tblCellMar") + 1 :])


def docx_table(context: DocxContext, grid: Grid, caption: str | None = None) -> DocxTable:
    """Add the laid-out *grid* as a Word table with merged cells (``w:gridSpan``, ``w:vMerge``) and return it.

    Headings are set in the table-heading font, values and labels in the table font, both 五号; value cells and
    column headings are centred, row labels left-aligned (statistics-table labels indented by their level).
    """
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt

    context.end_run_in()
    if caption:
        paragraph = context.document.add_paragraph()
        _format(paragraph, align="center")
        paragraph.paragraph_format.keep_with_next = True
        context.write(paragraph, caption, font=context.fonts.table_header)
    firsts, width = placed(grid)
    widths = _column_widths(grid, firsts, width)
    table: DocxTable = context.document.add_table(rows=len(grid), cols=width)
    _table_properties(table, widths)
    unmerged = [row.cells for row in table.rows]  # taken once: table.cell() walks the whole table at every call
    for r, (row, row_firsts) in enumerate(zip(grid, firsts, strict=True)):
        for cell, first in zip(row, row_firsts, strict=True):
            target = unmerged[r][first]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(unmerged[r + cell.rowspan - 1][first + cell.colspan - 1])
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = target.paragraphs[0]
            label = cell.header and cell.row_id is not None
            _format(paragraph, line=_TABLE_LINE, align="left" if label else "center")
            if r + cell.rowspan < len(grid):  # keeps the table on one page, with its heading, where it fits
                paragraph.paragraph_format.keep_with_next = True
            if cell.level:
                paragraph.paragraph_format.left_indent = Pt(_TABLE_SIZE * cell.level)
            if cell.text:
                font = context.fonts.table_header if cell.header and not label else context.fonts.table
                context.write(paragraph, cell.text, font=font, size=_TABLE_SIZE)
    for tr in table._tbl.tr_lst:  # every cell, merged continuations included, gets the width of its grid columns
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Mm(sum(widths[column : column + span]))
            column += span
    headers = heading_rows(grid)
    for index, tr in enumerate(table._tbl.tr_lst):
        properties = tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index < headers:
            properties.append(OxmlElement("w:tblHeader"))
    return table


def _note(context: DocxContext, text: str) -> None:
    paragraph = context.document.add_paragraph()
    _format(paragraph, line=None, align="left")
    context.write(paragraph, text, font=context.fonts.table, size=_TABLE_SIZE)


def _table(block: Table, context: DocxContext) -> None:
    if block.rows:
        docx_table(context, context.renderer.layout(block), block.caption)
    elif block.caption:
        context.end_run_in()
        paragraph = context.document.add_paragraph()
        _format(paragraph, align="center")
        context.write(paragraph, block.caption, font=context.fonts.table_header)


def _official_table(block: OfficialTable, context: DocxContext) -> None:
    docx_table(context, context.renderer.layout(block))
    if block.note:
        _note(context, block.note)


def _statistics_table(block: StatisticsTable, context: DocxContext) -> None:
    docx_table(context, context.renderer.layout(block), block.caption)


def _heading(context: DocxContext, text: str, *, run_in: bool) -> DocxParagraph:
    paragraph = context.document.add_paragraph()
    _format(paragraph, indent=_INDENT)
    if not run_in:
        paragraph.paragraph_format.keep_with_next = True
    _outline_level(paragraph, context.depth)
    context.write(paragraph, text, font=context.fonts.heading(context.depth))
    return paragraph


def _section(section: Section, ordinal: str, context: DocxContext) -> None:
    """Add a section, its blocks and its subsections; a run-in heading waits for its first paragraph's text."""
    renderer = context.renderer
    paragraph = _heading(context, ordinal + section.heading, run_in=section.run_in)
    context.run_in = paragraph if section.run_in else None
    for block in section.blocks:
        renderer.block(block, context)
    context.end_run_in()
    for _ in renderer.subsections(section, context):
        pass


def _page_setup(document: DocxDocument, fonts: FontPreset) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(_PAGE_WIDTH), Mm(_PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Mm(_TOP), Mm(_BOTTOM)
    section.left_margin, section.right_margin = Mm(_LEFT), Mm(_RIGHT)
    section.footer_distance = Mm(_FOOTER_DISTANCE)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        grid.set(qn("w:linePitch"), str(round(Pt(_LINE).twips)))
    # Defaults for text without runs (empty paragraphs, cells): the body font and size, Chinese language.
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        defaults.getparent().remove(defaults)
    run_defaults = OxmlElement("w:rPr")
    run_defaults.append(
        OxmlElement(
            "w:rFonts",
            {
                qn("w:ascii"): fonts.latin,
                qn("w:hAnsi"): fonts.latin,
                qn("w:eastAsia"): fonts.body,
                qn("w:cs"): fonts.latin,
            },
        )
    )
    run_defaults.append(OxmlElement("w:sz", {qn("w:val"): str(round(_BODY_SIZE * 2))}))
    run_defaults.append(OxmlElement("w:szCs", {qn("w:val"): str(round(_BODY_SIZE * 2))}))
    run_defaults.append(OxmlElement("w:lang", {qn("w:val"): "en-US", qn("w:eastAsia"): "zh-CN"}))
    wrapper = OxmlElement("w:rPrDefault")
    wrapper.append(run_defaults)
    doc_defaults = OxmlElement("w:docDefaults")
    doc_defaults.append(wrapper)
    styles.insert(0, doc_defaults)
    normal = document.styles["Normal"]
    normal_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        normal_fonts.attrib.pop(qn(attribute), None)
    normal_fonts.set(qn("w:ascii"), fonts.latin)
    normal_fonts.set(qn("w:hAnsi"), fonts.latin)
    normal_fonts.set(qn("w:eastAsia"), fonts.body)
    normal.font.size = Pt(_BODY_SIZE)
    normal.paragraph_format.space_after = Pt(0)


def _page_numbers(document: DocxDocument, fonts: FontPreset) -> None:
    """``— 1 —`` below the type area: right on odd pages, left on even pages, one character in from the margin."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        _format(paragraph, line=None, align=align)
        if align == "right":
            paragraph.paragraph_format.right_indent = Pt(_PAGE_NUMBER_SIZE)
        else:
            paragraph.paragraph_format.left_indent = Pt(_PAGE_NUMBER_SIZE)

        def add(text: str, paragraph: DocxParagraph = paragraph) -> DocxRun:
            return _run(paragraph, text, font=fonts.page_number, latin=fonts.page_number, size=_PAGE_NUMBER_SIZE)

        add("— ")
        add("")._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"}))
        instruction = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
        instruction.text = " PAGE "
        add("")._r.append(instruction)
        add("")._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))
        add("1")
        add("")._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))
        add(" —")


def _metadata(context: DocxContext, pairs: tuple[tuple[str, str], ...]) -> None:
    """The metadata block as a four-column table: label, value, label, value."""
    from docx.shared import Mm

    grid = []
    for index in range(0, len(pairs), 2):
        row = []
        for number, (label, value) in enumerate(pairs[index : index + 2]):
            last = index + number == len(pairs) - 1 and number == 0
            row.append((label, value, 3 if last else 1))
        grid.append(row)
    table = context.document.add_table(rows=len(grid), cols=4)
    widths = [22.0, 56.0, 22.0, 56.0]
    _table_properties(table, widths)
    for r, row in enumerate(grid):
        for number, (label, value, span) in enumerate(row):
            label_cell = table.cell(r, 2 * number)
            value_cell = table.cell(r, 2 * number + 1)
            if span > 1:
                value_cell = value_cell.merge(table.cell(r, 3))
            for cell, text, font in (
                (label_cell, label, context.fonts.table_header),
                (value_cell, value, context.fonts.table),
            ):
                paragraph = cell.paragraphs[0]
                _format(paragraph, line=None, align="left")
                context.write(paragraph, text, font=font, size=_TABLE_SIZE)
    for tr in table._tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            tc.width = Mm(sum(widths[column : column + tc.grid_span]))
            column += tc.grid_span


def _signature(context: DocxContext, signature: Signature) -> None:
    """The organ and the date as GB/T 9704 (7.3.5.2) places them when no seal is affixed, after a blank line.

    The organ is set right-aligned, the date from the left at its place: Word, WPS and LibreOffice differ in the room
    they leave between digits and Chinese characters (LibreOffice ignores ``w:autoSpaceDN``), which would move a
    right-aligned date by up to a character.
    """
    from docx.shared import Mm, Pt

    if not (signature.organ or signature.date):
        return
    organ = signature.organ or ""
    date = format_date(signature.date) if signature.date else ""
    organ_chars, date_chars = display_width(organ) / 2, display_width(date) / 2
    if not organ or not date:
        organ_right = date_right = 2.0
    elif organ_chars - date_chars >= 2:  # the date starts two characters right of the organ's first character
        organ_right, date_right = 2.0, organ_chars - date_chars
    else:  # a long date keeps two characters from the margin, and the organ moves left
        date_right = 2.0
        organ_right = date_chars + 4 - organ_chars
    _format(context.document.add_paragraph())
    if organ:
        paragraph = context.document.add_paragraph()
        _format(paragraph, align="right", right=organ_right * _PITCH)
        context.write(paragraph, organ)
    if date:
        paragraph = context.document.add_paragraph()
        if organ:  # set from the left, at the organ's first character plus two: right however wide the digits are
            _format(paragraph, align="left")
            start = Mm(_TEXT_WIDTH).pt - (organ_right + organ_chars - 2) * _PITCH
            paragraph.paragraph_format.left_indent = Pt(start)
        else:
            _format(paragraph, align="right", right=date_right * _PITCH)
        _no_autospace(paragraph)
        context.write(paragraph, date)


def _no_autospace(paragraph: DocxParagraph) -> None:
    """No extra space between digits and Chinese characters in *paragraph*.

    Word and LibreOffice put a quarter of a character between ``2022`` and ``年`` by default: five such gaps make the
    date of the signature one character longer than counted, and it would start one character off.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    for name in ("w:autoSpaceDE", "w:autoSpaceDN"):
        properties.insert_element_before(OxmlElement(name, {qn("w:val"): "0"}), *_AFTER_AUTOSPACE)


def _report_time(report: Report) -> datetime.datetime:
    """When the report was made: its signature's date, else the date it was written or published, else now (UTC)."""
    publication = report.publication
    for day in (report.signature.date if report.signature else None, publication.written_on, publication.published_on):
        if day is not None:
            return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.timezone.utc)
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def _properties(document: DocxDocument, report: Report) -> None:
    """The file's properties, the report's own instead of those of python-docx's template (2013, ``python-docx``)."""
    properties = document.core_properties
    made = _report_time(report)
    properties.title = xml_safe(report.display_title)
    properties.subject = "政府信息公开工作年度报告"
    properties.author = xml_safe(report.publication.publisher or report.agency.name)
    properties.last_modified_by = xml_safe(report.agency.name)
    properties.comments = ""
    properties.keywords = f"政府信息公开,{report.year}年度"
    properties.category = "政府信息公开"
    properties.language = "zh-CN"
    properties.created = properties.modified = made
    properties.revision = 1
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":  # "Microsoft Macintosh Word", the template's
            part._blob = re.sub(
                rb"<Application>[^<]*</Application>", b"<Application>govdisclose</Application>", part.blob
            )


def _chinese_theme(document: DocxDocument, fonts: FontPreset) -> None:
    """Chinese, not the template's Japanese, as the theme's East Asian language, and the preset's fonts in the theme.

    Text that names no font (none of ours) and Word's own dialogs fall back to the theme: its East Asian fonts become
    the preset's heading and body fonts, and ``w:themeFontLang`` says ``zh-CN``.
    """
    from docx.oxml.ns import qn

    language = document.settings.element.find(qn("w:themeFontLang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")
    for part in document.part.package.iter_parts():
        if part.partname == "/word/theme/theme1.xml":
            blob = part.blob.decode("utf-8")
            for scheme, font in (("majorFont", fonts.heading1), ("minorFont", fonts.body)):
                start = blob.index(f"<a:{scheme}>")
                end = blob.index(f"</a:{scheme}>", start)
                typeface = html.escape(font, quote=True)
                inner = re.sub(r'<a:ea typeface="[^"]*"/>', f'<a:ea typeface="{typeface}"/>', blob[start:end], count=1)
                inner = re.sub(r'<a:font script="Jpan" typeface="[^"]*"/>', "", inner)
                blob = blob[:start] + inner + blob[end:]
            part._blob = blob.encode("utf-8")


def _title_lines(report: Report) -> str:
    r"""The title, broken before the year when it does not fit on one line (``某县教育局`` / ``2021年政府信息……``).

    >>> from govdisclose.model import Agency, Edition
    >>> _title_lines(Report(edition=Edition.E2021, year=2021, agency=Agency(name="某县教育局")))
    '某县教育局\n2021年政府信息公开工作年度报告'
    >>> _title_lines(Report(edition=Edition.E2021, year=2021, agency=Agency(name="某局")))
    '某局2021年政府信息公开工作年度报告'
    """
    title = report.display_title
    at = title.find(f"{report.year}年")
    if display_width(title) / 2 <= _TITLE_CHARS or at <= 0 or "\n" in title:
        return title
    return title[:at] + "\n" + title[at:]


@attrs.define(eq=False)
class DocxRenderer(ReportRenderer[DocxContext, None]):
    """Word: block and section functions write into the document of the context.

    The walk puts the metadata block above the title and the attachments before the signature, as GB/T 9704 does.

    Attributes:
        fonts: The font preset (default :class:`FontPreset`).
    """

    PARTS = ("metadata", "title", "introduction", "sections", "explanations", "attachments", "signature")
    BLOCKS = by_annotation(_paragraph, _items, _statistic, _table, _official_table, _statistics_table)
    SECTIONS = by_annotation(_section)
    LABEL = "Word"

    name: str = "docx"
    media_type: str = DOCX_MEDIA_TYPE
    format: str = "docx"
    fonts: FontPreset | None = attrs.field(default=None, kw_only=True)

    def context(self, report: Report) -> DocxContext:
        docx = _import_docx()
        document = docx.Document()
        preset = self.fonts if self.fonts is not None else FontPreset()
        _page_setup(document, preset)
        _page_numbers(document, preset)
        _properties(document, report)
        _chinese_theme(document, preset)
        return DocxContext(document=document, report=report, renderer=self, fonts=preset)

    def metadata(self, context: DocxContext, pairs: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
        if pairs:
            _metadata(context, pairs)
            _format(context.document.add_paragraph())
        return ()

    def title(self, context: DocxContext) -> tuple[str, ...]:
        title = context.document.add_paragraph()
        _format(title, line=_TITLE_LINE, align="center")
        fonts = context.fonts
        context.write(title, _title_lines(context.report), font=fonts.title, size=_TITLE_SIZE, bold=fonts.title_bold)
        _format(context.document.add_paragraph())
        return ()

    def introduction(self, context: DocxContext, introduction: Introduction) -> tuple[str, ...]:
        if introduction.heading is not None:
            _heading(context, introduction.heading, run_in=False)
        for block in introduction.blocks:
            self.block(block, context)
        context.end_run_in()
        return ()

    def attachments(self, context: DocxContext, attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
        if attachments:
            _format(context.document.add_paragraph())
        for attachment in attachments:
            described = f"（{attachment.description}）" if attachment.description else ""
            context.write(context.body_paragraph(), f"{attachment.label}：{attachment.name}{described}")
        return ()

    def signature(self, context: DocxContext, signature: Signature) -> tuple[str, ...]:
        _signature(context, signature)
        return ()

    def lines(self, piece: None) -> tuple[str, ...]:
        return ()

    def finish(self, context: DocxContext, lines: list[str]) -> bytes:
        document = context.document
        if document.element.body[-2].tag.endswith(
            "}tbl"
        ):  # Word wants a paragraph after a final table (before w:sectPr)
            _format(document.add_paragraph())
        stream = io.BytesIO()
        document.save(stream)
        return stream.getvalue()


DOCX = DocxRenderer()
"""The Word renderer of :data:`~govdisclose.render.default_renderers`."""


def render_docx(report: Report, *, fonts: FontPreset | None = None) -> bytes:
    """The report as a Word document (``.docx``) laid out after GB/T 9704, in *fonts* (default :class:`FontPreset`).

    Raises:
        MissingExtraError: python-docx is not installed (``pip install 'govdisclose[docx]'``).

    >>> import govdisclose
    >>> data = render_docx(govdisclose.examples.load("sanyuan-chengguan-2017"))
    >>> data[:2]
    b'PK'
    """
    renderer = DOCX if fonts is None else attrs.evolve(DOCX, fonts=fonts)
    return cast(bytes, renderer.render(report))
