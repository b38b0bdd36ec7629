import datetime
import io
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import ClassVar
from xml.etree import ElementTree

import attrs
import pytest

import govdisclose
from govdisclose import MissingExtraError, examples
from govdisclose.cli import main
from govdisclose.model import (
    Agency,
    ApplicationsTable2021,
    Block,
    Cell,
    Count,
    Edition,
    EnumeratedPoints,
    Introduction,
    NumberedItems,
    OfficialTable,
    Paragraph,
    Part,
    ProactiveTable2021,
    Publication,
    Report,
    ReviewsTable,
    Section,
    Signature,
    Statistic,
    StatPart,
    Table,
    Validity,
)
from govdisclose.render import DOCX_MEDIA_TYPE, DocxContext, DocxRenderer, FontPreset, default_renderers, render_docx
from govdisclose.render._docx import xml_safe
from govdisclose.zh import OrdinalStyle

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLE = "sample-2021"

# Row ids of table 三 in the official order, and the value of each cell: row index * 10 + column index + 1000, so that
# every number is distinct and says where it belongs.
APPLICATION_ROWS = tuple(row.id for row in ApplicationsTable2021.DEFINITION.rows)


def application_values() -> dict[str, list[int]]:
    """Distinct values for every cell of table 三."""
    return {row_id: [1000 + 10 * r + c for c in range(7)] for r, row_id in enumerate(APPLICATION_ROWS)}


def built_report() -> Report:
    """A 2021 report with all three official tables, nested and run-in headings, a signature and metadata."""
    proactive = ProactiveTable2021.from_values(
        {
            "rules": [401, 402, 403],
            "normative-documents": [404, 405, 406],
            "licensing": [407],
            "punishment": [408],
            "coercion": [409],
            "administrative-fees": [Decimal("0.092")],
        }
    )
    applications = ApplicationsTable2021.from_values(application_values())
    reviews = ReviewsTable.from_values({"cases": list(range(301, 316))})
    statistic = Statistic(
        lead=("2021年，",),
        subject="收到政府信息公开申请",
        total=Count(value=12, unit="件"),
        parts=(StatPart(label="当面申请", quantity=Count(value=5, unit="件")),),
    )
    overview = Section(
        heading="总体情况",
        part=Part.OVERVIEW,
        blocks=(Paragraph(content=("2021年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。",)),),
        subsections=(
            Section(
                heading="主动公开情况。",
                run_in=True,
                blocks=(
                    Paragraph(content=("全年主动公开政府信息", Count(value=56, unit="条"), "。")),
                    EnumeratedPoints(points=(("严格责任落实。",), ("拓宽公开渠道。",))),
                ),
            ),
            Section(
                heading="依申请公开情况",
                blocks=(statistic,),
                subsections=(
                    Section(
                        heading="办理程序",
                        blocks=(NumberedItems(items=(("登记。",), ("答复。",)), style=OrdinalStyle.ARABIC_PAREN),),
                        subsections=(Section(heading="第四层", blocks=(Paragraph(content=("细节。",)),)),),
                    ),
                ),
            ),
        ),
    )
    return Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某县教育局"),
        publication=Publication(
            index_number="000000-01-2022-0001",
            document_number="教〔2022〕1号",
            publisher="某县教育局",
            written_on=datetime.date(2022, 1, 20),
            published_on=datetime.date(2022, 1, 25),
            subject="政务公开",
            validity=Validity.VALID,
        ),
        introduction=Introduction(blocks=(Paragraph(content=("本报告由本局编制。",)),)),
        sections=(
            overview,
            Section(heading="主动公开政府信息情况", part=Part.PROACTIVE, blocks=(proactive,)),
            Section(heading="收到和处理政府信息公开申请情况", part=Part.APPLICATIONS, blocks=(applications,)),
            Section(heading="政府信息公开行政复议、行政诉讼情况", part=Part.REVIEWS_LITIGATION, blocks=(reviews,)),
            Section(heading="存在的主要问题及改进情况", part=Part.PROBLEMS, blocks=(Paragraph(content=("无。",)),)),
            Section(heading="其他需要报告的事项", part=Part.OTHER, blocks=(Paragraph(content=("无。",)),)),
        ),
        signature=Signature(organ="某县教育局", date=datetime.date(2018, 1, 30)),
    )


def reports() -> list[Report]:
    """The built report, and the bundled sample-2021 when it exists."""
    found = [built_report()]
    if SAMPLE in examples.names():
        found.append(examples.load(SAMPLE))
    return found


def document_xml(data: bytes, part: str = "word/document.xml") -> ElementTree.Element:
    """A part of a .docx, parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ElementTree.fromstring(archive.read(part))


def w(name: str) -> str:
    """A qualified WordprocessingML name."""
    return W + name


def text_of(element: ElementTree.Element) -> str:
    """The text of every w:t under *element*."""
    return "".join(t.text or "" for t in element.iter(w("t")))


def body_paragraphs(root: ElementTree.Element) -> list[ElementTree.Element]:
    """The paragraphs directly in the body (not in tables)."""
    return root.findall(f"{w('body')}/{w('p')}")


def paragraph_with(root: ElementTree.Element, text: str) -> ElementTree.Element:
    """The body paragraph whose text starts with *text*."""
    return next(p for p in body_paragraphs(root) if text_of(p).startswith(text))


def run_fonts(paragraph: ElementTree.Element) -> list[str | None]:
    """The East Asian font of each run of *paragraph*."""
    return [r.find(f"{w('rPr')}/{w('rFonts')}").get(w("eastAsia")) for r in paragraph.iter(w("r"))]  # type: ignore[union-attr]


def expanded(table: ElementTree.Element) -> list[list[tuple[str, ElementTree.Element]]]:
    """The table as a full grid: each position holds the text and the w:tc of the cell covering it."""
    grid: list[list[tuple[str, ElementTree.Element]]] = []
    for r, tr in enumerate(table.findall(w("tr"))):
        row: list[tuple[str, ElementTree.Element]] = []
        for tc in tr.findall(w("tc")):
            properties = tc.find(w("tcPr"))
            span_element = properties.find(w("gridSpan")) if properties is not None else None
            span = int(span_element.get(w("val"), "1")) if span_element is not None else 1
            merge = properties.find(w("vMerge")) if properties is not None else None
            for _ in range(span):
                if merge is not None and merge.get(w("val")) != "restart":
                    row.append(grid[r - 1][len(row)])
                else:
                    row.append((text_of(tc), tc))
        grid.append(row)
    return grid


def tables(root: ElementTree.Element) -> list[ElementTree.Element]:
    """The tables of the body, in order (the first is the metadata block)."""
    return root.findall(f"{w('body')}/{w('tbl')}")


def official_tables(report: Report) -> list[OfficialTable]:
    """The official tables of *report* in document order."""
    return [b for _, s in report.walk() for b in s.blocks if isinstance(b, OfficialTable)]


def test_importing_govdisclose_does_not_import_python_docx() -> None:
    """python-docx is imported only when a Word document is rendered."""
    code = "import sys, govdisclose; govdisclose.render; print('docx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "False" == result.stdout.strip()


def test_missing_python_docx_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without python-docx, rendering a Word document says which extra to install."""
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingExtraError) as caught:
        govdisclose.render(built_report(), to="docx")
    assert ("docx", "docx") == (caught.value.extra, caught.value.package)
    assert "rendering Word documents needs docx; install it with: pip install 'govdisclose[docx]'" == str(caught.value)


def test_docx_is_a_registered_renderer_returning_bytes() -> None:
    """render(report, to="docx") gives the bytes of a Word document with the Word media type."""
    data = govdisclose.render(built_report(), to="docx")
    assert isinstance(data, bytes)
    assert DOCX_MEDIA_TYPE == default_renderers.get("docx").media_type
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/document.xml" in archive.namelist()


def test_page_is_a4_with_the_gbt_9704_margins() -> None:
    """The section is 210 × 297 mm with margins 37/35/28/26 mm, written in twips (1 mm = 1440 / 25.4 twips)."""
    section = document_xml(render_docx(built_report())).find(f"{w('body')}/{w('sectPr')}")
    assert section is not None
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    assert size is not None
    assert margins is not None
    assert ("11906", "16838") == (size.get(w("w")), size.get(w("h")))
    assert {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474"} == {
        side: margins.get(w(side)) for side in ("top", "bottom", "left", "right")
    }


@pytest.mark.parametrize("report", reports(), ids=lambda r: r.display_title)
def test_every_run_sets_the_east_asian_font(report: Report) -> None:
    """Each w:r of the body, tables included, names an East Asian font of the preset."""
    preset = FontPreset()
    allowed = {preset.title, preset.heading1, preset.heading2, preset.heading3, preset.body, preset.table}
    allowed.add(preset.table_header)
    root = document_xml(render_docx(report))
    runs = list(root.iter(w("r")))
    assert len(runs) > 100
    fonts = [r.find(f"{w('rPr')}/{w('rFonts')}") for r in runs]
    assert [] == [f for f in fonts if f is None or f.get(w("eastAsia")) not in allowed]
    assert {"Times New Roman"} == {f.get(w("ascii")) for f in fonts if f is not None}


def test_footer_page_numbers_set_the_east_asian_font_too() -> None:
    """The page-number runs of both footers name 宋体 in the East Asian slot, around a PAGE field."""
    data = render_docx(built_report())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        footers = [name for name in archive.namelist() if name.startswith("word/footer")]
    assert 2 == len(footers)
    for name in footers:
        root = document_xml(data, name)
        assert {"宋体"} == {r.find(f"{w('rPr')}/{w('rFonts')}").get(w("eastAsia")) for r in root.iter(w("r"))}  # type: ignore[union-attr]
        assert " PAGE " == "".join(t.text or "" for t in root.iter(w("instrText")))
        assert "— 1 —" == text_of(root)


def test_body_paragraphs_have_fixed_28_point_lines_and_a_two_character_indent() -> None:
    """Body text: 3号 (sz 32 half-points) 仿宋_GB2312, w:line 560 exact, first line indented two characters.

    A character is 16 pt drawn 0.25 pt closer (28 to the line): two are 31.5 pt, 630 twips.
    """
    root = document_xml(render_docx(built_report()))
    paragraph = paragraph_with(root, "2021年，本局认真贯彻落实")
    spacing = paragraph.find(f"{w('pPr')}/{w('spacing')}")
    indent = paragraph.find(f"{w('pPr')}/{w('ind')}")
    assert spacing is not None
    assert indent is not None
    assert ("560", "exact") == (spacing.get(w("line")), spacing.get(w("lineRule")))
    assert "630" == indent.get(w("firstLine"))
    assert ["仿宋_GB2312"] == run_fonts(paragraph)
    assert {"32"} == {sz.get(w("val")) for sz in paragraph.iter(w("sz"))}
    jc = paragraph.find(f"{w('pPr')}/{w('jc')}")
    assert jc is not None
    assert "both" == jc.get(w("val"))


def test_title_is_centred_in_2hao_xiaobiaosong() -> None:
    """The title paragraph is centred, 22 pt (sz 44), in 方正小标宋简体."""
    root = document_xml(render_docx(built_report()))
    title = paragraph_with(root, "某县教育局2021年政府信息公开工作年度报告")
    jc = title.find(f"{w('pPr')}/{w('jc')}")
    assert jc is not None
    assert "center" == jc.get(w("val"))
    assert ["方正小标宋简体"] == run_fonts(title)
    assert {"44"} == {sz.get(w("val")) for sz in title.iter(w("sz"))}


def test_a_long_title_breaks_before_the_year() -> None:
    """A title longer than 19 characters is set on two lines: the agency, then the year and the rest."""
    title = paragraph_with(document_xml(render_docx(built_report())), "某县教育局")
    run = title.find(w("r"))
    assert run is not None
    assert [w("rPr"), w("t"), w("br"), w("t")] == [child.tag for child in run]
    assert ["某县教育局", "2021年政府信息公开工作年度报告"] == [t.text for t in run.iter(w("t"))]
    short = attrs.evolve(built_report(), agency=Agency(name="某局"))
    assert [] == list(paragraph_with(document_xml(render_docx(short)), "某局2021年").iter(w("br")))


def test_metadata_block_is_a_table_before_the_title() -> None:
    """The first body element is the metadata table, with labels and values as the text renderer writes them."""
    root = document_xml(render_docx(built_report()))
    body = root.find(w("body"))
    assert body is not None
    first = body[0]
    assert w("tbl") == first.tag
    texts = [text for row in expanded(first) for text, _ in row]
    assert ["索引号", "000000-01-2022-0001", "文号", "教〔2022〕1号"] == texts[:4]
    assert {"成文日期", "2022年1月20日", "发布日期", "2022年1月25日", "有效性", "有效"} <= set(texts)


def test_headings_carry_ordinals_and_the_fonts_of_their_level() -> None:
    """一、 in 黑体, （一） in 楷体_GB2312, 1. and （1） in 仿宋_GB2312, all 3号 and indented like the body."""
    root = document_xml(render_docx(built_report()))
    expected = {
        "一、总体情况": "黑体",
        "（二）依申请公开情况": "楷体_GB2312",
        "1.办理程序": "仿宋_GB2312",
        "（1）第四层": "仿宋_GB2312",
    }
    for text, font in expected.items():
        paragraph = paragraph_with(root, text)
        assert text == text_of(paragraph)
        assert [font] == run_fonts(paragraph)
        assert {"32"} == {sz.get(w("val")) for sz in paragraph.iter(w("sz"))}
        indent = paragraph.find(f"{w('pPr')}/{w('ind')}")
        assert indent is not None
        assert "630" == indent.get(w("firstLine"))
    levels = [paragraph_with(root, text).find(f"{w('pPr')}/{w('outlineLvl')}") for text in expected]
    assert ["0", "1", "2", "3"] == [level.get(w("val")) for level in levels]  # type: ignore[union-attr]


def test_run_in_heading_shares_the_paragraph_with_its_first_paragraph() -> None:
    """（一）主动公开情况。 and its first paragraph are one w:p: the heading run in 楷体, the text in 仿宋."""
    root = document_xml(render_docx(built_report()))
    paragraph = paragraph_with(root, "（一）主动公开情况。")
    assert "（一）主动公开情况。全年主动公开政府信息56条。" == text_of(paragraph)
    assert ["楷体_GB2312", "仿宋_GB2312"] == run_fonts(paragraph)
    following = body_paragraphs(root)[body_paragraphs(root).index(paragraph) + 1]
    assert "一是严格责任落实。二是拓宽公开渠道。" == text_of(following)


def test_numbered_items_and_statistics_are_body_paragraphs() -> None:
    """Numbered items get their ordinals; a statistic is written in the standard phrasing."""
    root = document_xml(render_docx(built_report()))
    texts = [text_of(p) for p in body_paragraphs(root)]
    assert "（1）登记。" in texts
    assert "（2）答复。" in texts
    assert "2021年，共收到政府信息公开申请12件，其中：当面申请5件。" in texts


def table_with(root: ElementTree.Element, text: str) -> ElementTree.Element:
    """The body table that has a cell reading *text*."""
    return next(t for t in tables(root) if any(text_of(tc) == text for tc in t.iter(w("tc"))))


@pytest.mark.parametrize("report", reports(), ids=lambda r: r.display_title)
def test_applications_table_has_the_official_merges(report: Report) -> None:
    """Table 三: 申请人情况 spans 7 columns, 三、本年度办理结果 is merged down 22 rows, the corner 3 × 3."""
    root = document_xml(render_docx(report))
    table = table_with(root, "申请人情况")
    grid = expanded(table)
    assert 28 == len(grid)
    assert {10} == {len(row) for row in grid}
    cells = {text: tc for row in grid for text, tc in row}
    span = cells["申请人情况"].find(f"{w('tcPr')}/{w('gridSpan')}")
    assert span is not None
    assert "7" == span.get(w("val"))
    results = cells["三、本年度办理结果"]
    assert 22 == sum(1 for row in grid if row[0][1] is results)
    merges = [tr.findall(w("tc"))[0].find(f"{w('tcPr')}/{w('vMerge')}") for tr in table.findall(w("tr"))[5:27]]
    assert ["restart"] + [None] * 21 == [m.get(w("val")) if m is not None else "missing" for m in merges]
    corner = [row[0][1] for row in grid[:3]] + [row[2][1] for row in grid[:3]]
    assert 1 == len({id(tc) for tc in corner})
    assert {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3} == {
        text: sum(1 for row in grid if row[1][0] == text)
        for text in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")
    }


@pytest.mark.parametrize("report", reports(), ids=lambda r: r.display_title)
def test_reviews_table_has_fifteen_columns_under_two_header_levels(report: Report) -> None:
    """Table 四: 行政复议 spans 5 columns, 行政诉讼 10, its two blocks 5 each; 结果维持 merged down two rows."""
    root = document_xml(render_docx(report))
    table = table_with(root, "行政诉讼")
    grid = expanded(table)
    assert [15] * 4 == [len(row) for row in grid]
    spans = {
        text_of(tc): tc.find(f"{w('tcPr')}/{w('gridSpan')}").get(w("val"))  # type: ignore[union-attr]
        for tc in table.iter(w("tc"))
        if tc.find(f"{w('tcPr')}/{w('gridSpan')}") is not None
    }
    assert {"行政复议": "5", "行政诉讼": "10", "未经复议直接起诉": "5", "复议后起诉": "5"} == spans
    assert grid[1][0][1] is grid[2][0][1]
    assert "结果维持" == grid[1][0][0]
    assert 5 == sum(
        1 for tc in table.iter(w("tc")) if tc.find(f"{w('tcPr')}/{w('vMerge')}") is not None and text_of(tc) == ""
    )


def test_every_number_of_tables_3_and_4_is_in_its_cell() -> None:
    """Each value of table 三 sits in its row (after the three header rows) and column; table 四's in its last row."""
    root = document_xml(render_docx(built_report()))
    applications, reviews = (expanded(t) for t in tables(root)[2:4])
    for r, row_id in enumerate(APPLICATION_ROWS):
        assert [str(v) for v in application_values()[row_id]] == [text for text, _ in applications[3 + r][3:]]
    assert [str(v) for v in range(301, 316)] == [text for text, _ in reviews[3]]


@pytest.mark.parametrize("report", reports(), ids=lambda r: r.display_title)
def test_every_number_of_the_model_is_in_the_table_cells(report: Report) -> None:
    """The figures of each official table, as written, are the texts of its Word table's value cells (as a multiset)."""
    root = document_xml(render_docx(report))
    official = official_tables(report)
    word_tables = tables(root)[-len(official) :]
    for table, word_table in zip(official, word_tables, strict=True):
        written = Counter(text_of(tc) for tc in word_table.iter(w("tc")))
        expected = Counter(figure.text for row in table.rows for figure in row.values)
        assert Counter() == expected - written


def test_proactive_table_blocks_span_the_width() -> None:
    """Table 二: each block header spans all four columns; the 行政许可 value spans columns 2–4."""
    root = document_xml(render_docx(built_report()))
    grid = expanded(tables(root)[1])
    headers = [row[0][0] for row in grid if len({id(tc) for _, tc in row}) == 1]
    assert ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"] == headers
    licensing = next(row for row in grid if row[0][0] == "行政许可")
    assert ["407"] * 3 == [text for text, _ in licensing[1:]]
    fees = next(row for row in grid if row[0][0] == "行政事业性收费")
    assert "0.092" == fees[1][0]


def test_table_text_is_wuhao_with_headings_in_heiti() -> None:
    """Table cells are 10.5 pt (sz 21); column headings in 黑体, labels and values in 仿宋_GB2312."""
    root = document_xml(render_docx(built_report()))
    grid = expanded(tables(root)[3])
    header, value = grid[0][0][1], grid[3][0][1]
    assert ["黑体"] == run_fonts(header)
    assert ["仿宋_GB2312"] == run_fonts(value)
    assert {"21"} == {sz.get(w("val")) for table in tables(root)[1:] for sz in table.iter(w("sz"))}
    label = next(
        tc for row in expanded(tables(root)[2]) for text, tc in row if text == "一、本年新收政府信息公开申请数量"
    )
    assert ["仿宋_GB2312"] == run_fonts(label)


def test_tables_fit_the_type_area() -> None:
    """Every table's columns add up to the 156-mm type area (8844 twips), give or take rounding."""
    root = document_xml(render_docx(built_report()))
    for table in tables(root):
        columns = [int(c.get(w("w"), "0")) for c in table.iter(w("gridCol"))]
        assert abs(sum(columns) - round(156 * 1440 / 25.4)) <= len(columns)


def test_signature_and_date_are_placed_after_gbt_9704() -> None:
    """The organ is right-aligned; the date (2018年1月30日) starts two characters right of the organ's first one."""
    root = document_xml(render_docx(built_report()))
    paragraphs = body_paragraphs(root)
    organ, date = paragraphs[-2], paragraphs[-1]
    assert ("某县教育局", "2018年1月30日") == (text_of(organ), text_of(date))
    alignments = [p.find(f"{w('pPr')}/{w('jc')}").get(w("val")) for p in (organ, date)]  # type: ignore[union-attr]
    assert ["right", "left"] == alignments
    # GB/T 9704 without a seal: 某县教育局 is 5 characters, 2018年1月30日 is 3 + 7 half-width digits = 6.5: the date is
    # longer, so it keeps 2 characters from the margin and the organ moves to 6.5 + 4 - 5 = 5.5 characters. A character
    # is 15.75 pt: the organ's right indent is 5.5 × 15.75 = 86.625 pt (1732.5 twips); its first character stands at
    # 156 mm (442.205 pt) - (5.5 + 5) × 15.75 pt, and the date 2 characters right of it, at 308.330 pt (6166.6 twips).
    organ_indent = organ.find(f"{w('pPr')}/{w('ind')}")
    date_indent = date.find(f"{w('pPr')}/{w('ind')}")
    assert organ_indent is not None
    assert date_indent is not None
    assert abs(1732.5 - int(organ_indent.get(w("right"), "0"))) <= 1
    assert abs(6166.6 - int(date_indent.get(w("left"), "0"))) <= 1
    # No room between digits and characters in the date, which Word would add and the count leaves out.
    assert ["0", "0"] == [date.find(f"{w('pPr')}/{w(name)}").get(w("val")) for name in ("autoSpaceDE", "autoSpaceDN")]  # type: ignore[union-attr]


# Child order of property elements in ECMA-376 Part 1 (CT_PPr, CT_RPr, CT_TblPr, CT_TcPr, CT_SectPr); Word refuses a
# document whose properties are out of order even where LibreOffice accepts it.
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings",
}


def test_properties_follow_the_schema_order() -> None:
    """In every property element of the body, the children come in the order the OOXML schema prescribes."""
    root = document_xml(render_docx(built_report()))
    checked = 0
    for name, order in SCHEMA_ORDER.items():
        ranks = {tag: rank for rank, tag in enumerate(order.split())}
        if name == "sectPr":
            ranks["footerReference"] = ranks["headerReference"]  # the references may interleave
        for element in root.iter(w(name)):
            tags = [child.tag.removeprefix(W) for child in element]
            assert set(tags) <= set(ranks), f"{name}: unknown {set(tags) - set(ranks)}"
            assert sorted(tags, key=ranks.__getitem__) == tags
            checked += 1
    assert checked > 500


def test_characters_xml_forbids_are_dropped() -> None:
    """Control characters in the title, metadata, text and table cells neither corrupt the file nor survive."""
    report = Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某局\x01"),
        publication=Publication(publisher="某局\x1b"),
        sections=(
            Section(
                heading="总体\x0c情况",
                blocks=(
                    Paragraph(content=("公开\x00信息\ufffe。\ud800",)),
                    Table(rows=((Cell(text="项目\x08"), Cell(text="数\x1f量")),)),
                ),
            ),
        ),
        signature=Signature(organ="某局\x07"),
    )
    root = document_xml(render_docx(report))
    texts = [text_of(p) for p in root.iter(w("p"))]
    assert ["发布机构", "某局", "某局2021年政府信息公开工作年度报告", "一、总体情况", "公开信息。"] == [
        t for t in texts if t
    ][:5]
    assert ["项目", "数量", "某局"] == [t for t in texts if t][5:]
    assert "公开\t信息\n" == xml_safe("公开\t信息\n")


def test_line_breaks_in_text_become_word_line_breaks() -> None:
    """A newline inside a paragraph is a w:br, not a lost character."""
    report = attrs.evolve(
        built_report(), sections=(Section(heading="甲", blocks=(Paragraph(content=("一行\n二行",)),)),)
    )
    paragraph = paragraph_with(document_xml(render_docx(report)), "一行")
    assert 1 == len(list(paragraph.iter(w("br"))))


def test_windows_preset_uses_fonts_every_windows_has() -> None:
    """FontPreset.windows(): 仿宋 body, 楷体 level 2, a bold 宋体 title."""
    root = document_xml(render_docx(built_report(), fonts=FontPreset.windows()))
    assert ["仿宋"] == run_fonts(paragraph_with(root, "2021年，本局认真贯彻落实"))
    assert ["楷体"] == run_fonts(paragraph_with(root, "（二）依申请公开情况"))
    title = paragraph_with(root, "某县教育局2021年政府信息公开工作年度报告")
    assert ["宋体"] == run_fonts(title)
    assert 1 == len(list(title.iter(w("b"))))


def test_a_custom_preset_changes_only_what_it_names() -> None:
    """attrs.evolve on a preset changes one role; the others keep the preset's fonts."""
    preset = attrs.evolve(FontPreset(), body="思源宋体", latin="Arial")
    root = document_xml(render_docx(built_report(), fonts=preset))
    body = paragraph_with(root, "2021年，本局认真贯彻落实")
    assert ["思源宋体"] == run_fonts(body)
    assert ["黑体"] == run_fonts(paragraph_with(root, "一、总体情况"))
    assert {"Arial"} == {f.get(w("ascii")) for f in root.iter(w("rFonts"))}


def test_fonts_of_the_style_defaults_follow_the_preset() -> None:
    """Empty paragraphs inherit the preset's body font from docDefaults and Normal, not the theme font."""
    data = render_docx(built_report(), fonts=FontPreset.windows())
    styles = document_xml(data, "word/styles.xml")
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert defaults is not None
    assert "仿宋" == defaults.get(w("eastAsia"))
    normal = next(s for s in styles.iter(w("style")) if s.get(w("styleId")) == "Normal")
    fonts = normal.find(f"{w('rPr')}/{w('rFonts')}")
    assert fonts is not None
    assert ("仿宋", None) == (fonts.get(w("eastAsia")), fonts.get(w("eastAsiaTheme")))


@attrs.frozen(kw_only=True)
class Motto(Block):
    """A plugin's block type."""

    KIND: ClassVar[str] = "example.motto"
    words: str


def _motto(block: Motto, context: DocxContext) -> None:
    context.write(context.body_paragraph(), "【" + block.words + "】", font=context.fonts.heading1)


def test_a_plugin_block_renders_through_its_registered_function() -> None:
    """A renderer draws a block with the function of its own table; a plugin's function writes its own paragraph."""
    renderer = DocxRenderer()
    renderer.blocks.register(_motto, key=Motto, source="test")
    report = attrs.evolve(built_report(), sections=(Section(heading="甲", blocks=(Motto(words="公开为常态"),)),))
    paragraph = paragraph_with(document_xml(renderer.render(report)), "【公开为常态】")  # type: ignore[arg-type]
    assert ["黑体"] == run_fonts(paragraph)
    with pytest.raises(TypeError, match=r"the Word renderer has no function for block kind 'example\.motto'"):
        render_docx(report)  # the default renderer is another renderer, with tables of its own


def test_a_block_type_without_a_function_is_a_type_error() -> None:
    """An unregistered block type names its kind."""

    @attrs.frozen(kw_only=True)
    class Unknown(Block):
        KIND: ClassVar[str] = "example.unknown"

    report = attrs.evolve(built_report(), sections=(Section(heading="甲", blocks=(Unknown(),)),))
    with pytest.raises(TypeError, match=r"no function for block kind 'example\.unknown'"):
        render_docx(report)


def test_a_report_ending_with_a_table_ends_with_a_paragraph() -> None:
    """Word needs a paragraph after a final table; the renderer adds an empty one."""
    report = Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某局"),
        sections=(Section(heading="甲", blocks=(ReviewsTable.zeros(),)),),
    )
    body = document_xml(render_docx(report)).find(w("body"))
    assert body is not None
    assert [w("tbl"), w("p"), w("sectPr")] == [child.tag for child in body][-3:]


def test_cli_writes_a_word_file(tmp_path: Path) -> None:
    """The command `render SOURCE --to docx -o OUT.docx` writes the document."""
    out = tmp_path / "out.docx"
    assert 0 == main(["render", "example:sanyuan-chengguan-2017", "--to", "docx", "-o", str(out)])
    root = document_xml(out.read_bytes())
    assert any(text_of(p) == "三元区城关街道2017年政府信息公开工作年度报告" for p in root.iter(w("p")))


def test_cli_refuses_to_write_a_word_file_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Binary output to a terminal is a usage error asking for -o."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert 2 == main(["render", "example:sanyuan-chengguan-2017", "--to", "docx"])
    assert "-o" in capsys.readouterr().err


def test_cli_writes_a_word_file_to_piped_standard_output(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    """When standard output is not a terminal, the bytes go there."""
    assert 0 == main(["render", "example:sanyuan-chengguan-2017", "--to", "docx"])
    assert capfdbinary.readouterr().out.startswith(b"PK")


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_office() is None, reason="LibreOffice (soffice/libreoffice) is not on PATH")
def test_libreoffice_converts_the_document_to_pdf(tmp_path: Path) -> None:
    """LibreOffice opens the document and converts it to a PDF of at least three pages (the tables alone fill two)."""
    report = examples.load(SAMPLE) if SAMPLE in examples.names() else built_report()
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(report))
    profile = tmp_path / "profile"
    command = [_office(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= 3


def test_explanations_are_written_in_word_too() -> None:
    """Word draws the 说明 like the other formats when asked, and not otherwise."""
    import zipfile

    import attrs

    from govdisclose.model import Explanation
    from govdisclose.render import render

    why = Explanation(text="收费金额以万元计。", rule="breakdown.sum")
    noted = attrs.evolve(examples.load("sample-2021"), explanations=(why,))

    def text(data: str | bytes) -> str:
        assert isinstance(data, bytes)
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")

    assert "收费金额以万元计。" not in text(render(noted, to="docx"))
    written = text(render(noted, to="docx", explanations=True))
    assert written.index("说明：") < written.index("收费金额以万元计。")


def test_every_renderer_walks_every_part() -> None:
    """A format may reorder the parts of the walk but not drop one (Word once left out the 说明)."""
    from govdisclose.render import ReportRenderer, default_renderers

    for renderer in default_renderers:
        if isinstance(renderer, ReportRenderer):
            assert sorted(ReportRenderer.PARTS) == sorted(renderer.PARTS), renderer.name


def _column_widths_mm(table: ElementTree.Element) -> list[float]:
    return [int(col.get(w("w"), "0")) / 1440 * 25.4 for col in table.iter(w("gridCol"))]


def test_table_3_inner_group_labels_have_room_for_one_line() -> None:
    """（三）不予公开 (seven 五号 characters) fits one line of its column; 三、本年度办理结果 keeps two a line."""
    root = document_xml(render_docx(examples.load(SAMPLE)))
    table = next(t for t in tables(root) if "（三）不予公开" in text_of(t))
    widths = _column_widths_mm(table)
    character = 10.5 * 25.4 / 72  # a 五号 character, in millimetres
    margins = 2 * 1.0  # the cell's left and right margins
    # the second column holds （三）不予公开 … （六）其他处理: seven characters and the margins
    assert widths[1] >= 7 * character + margins
    # the first column, under 三、本年度办理结果, is two characters wide, not seven
    assert 2 * character + margins <= widths[0] < 3 * character + margins
    # and the table still fits the 156 mm type area
    assert abs(156 - sum(widths)) < 0.5


def test_body_runs_are_drawn_28_characters_to_the_line() -> None:
    """Every 3号 run is drawn 0.25 pt closer (w:spacing -5 twentieths): 28 characters fit the 156 mm line, 29 do not."""
    root = document_xml(render_docx(examples.load(SAMPLE)))
    body_runs = [r for r in root.iter(w("r")) if r.find(f"{w('rPr')}/{w('sz')}").get(w("val")) == "32"]  # type: ignore[union-attr]
    assert body_runs
    assert {"-5"} == {r.find(f"{w('rPr')}/{w('spacing')}").get(w("val")) for r in body_runs}  # type: ignore[union-attr]
    line = 156 / 25.4 * 72  # points
    pitch = 16 - 5 / 20
    assert 28 * pitch <= line < 29 * pitch
    table_runs = [r for r in root.iter(w("r")) if r.find(f"{w('rPr')}/{w('sz')}").get(w("val")) == "21"]  # type: ignore[union-attr]
    assert table_runs
    assert all(r.find(f"{w('rPr')}/{w('spacing')}") is None for r in table_runs)


def test_file_properties_are_the_reports_not_the_templates() -> None:
    """Title, author, dates and language are the report's; nothing is left of python-docx's template (2013, ja-JP)."""
    data = render_docx(examples.load(SAMPLE))
    archive = zipfile.ZipFile(io.BytesIO(data))
    core = archive.read("docProps/core.xml").decode("utf-8")
    assert "<dc:title>示例县教育局2021年政府信息公开工作年度报告</dc:title>" in core
    assert "<dc:creator>示例县教育局</dc:creator>" in core
    assert "<dc:language>zh-CN</dc:language>" in core
    # sample-2021 is signed on 2022年1月20日
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2022-01-20T00:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-01-20T00:00:00Z</dcterms:modified>' in core
    for part in ("docProps/core.xml", "docProps/app.xml", "word/settings.xml", "word/theme/theme1.xml"):
        text = archive.read(part).decode("utf-8")
        for template in ("python-docx", "2013-12-23", "ja-JP", "Jpan", "Macintosh"):
            assert template not in text, (part, template)
    settings = archive.read("word/settings.xml").decode("utf-8")
    assert re.search(r'<w:themeFontLang [^>]*w:eastAsia="zh-CN"', settings)
    theme = archive.read("word/theme/theme1.xml").decode("utf-8")
    assert ['<a:ea typeface="黑体"/>', '<a:ea typeface="仿宋_GB2312"/>'] == re.findall(r"<a:ea [^>]*/>", theme)


def test_a_report_without_dates_is_created_now() -> None:
    """Without a signature date or a publication date the file's creation time is the time of rendering."""
    report = Report(edition=Edition.E2021, year=2024, agency=Agency(name="某局"))
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    core = zipfile.ZipFile(io.BytesIO(render_docx(report))).read("docProps/core.xml").decode("utf-8")
    created = re.search(r"<dcterms:created[^>]*>([^<]+)<", core)
    assert created is not None
    assert before <= datetime.datetime.fromisoformat(created.group(1).replace("Z", "+00:00"))


def test_the_metadata_table_can_be_left_out() -> None:
    """With_metadata=False: no metadata table on page 1, the document starts with its title."""
    report = examples.load(SAMPLE)
    with_table = document_xml(render_docx(report))
    without = document_xml(DocxRenderer(with_metadata=False).render(report))  # type: ignore[arg-type]
    assert "索引号" in text_of(tables(with_table)[0])
    assert all("索引号" not in text_of(t) for t in tables(without))
    first = next(iter(without.find(w("body"))))  # type: ignore[arg-type]
    assert w("p") == first.tag
    assert text_of(first).startswith("示例县教育局")


def test_cli_chooses_the_font_preset_and_leaves_the_metadata_out(tmp_path: Path) -> None:
    """`render --to docx --font-preset windows --no-metadata` writes 仿宋 and 宋体 and no metadata table."""
    out = tmp_path / "out.docx"
    command = ["render", "example:sample-2021", "--to", "docx", "--font-preset", "windows", "--no-metadata"]
    assert 0 == main([*command, "-o", str(out)])
    root = document_xml(out.read_bytes())
    fonts = {f.get(w("eastAsia")) for f in root.iter(w("rFonts"))}
    assert {"仿宋", "宋体", "黑体", "楷体"} <= fonts
    assert "仿宋_GB2312" not in fonts
    assert all("索引号" not in text_of(t) for t in tables(root))


def test_cli_refuses_a_font_preset_for_another_format(capsys: pytest.CaptureFixture[str]) -> None:
    """--font-preset is for Word: with --to html it is a usage error naming the option."""
    assert 2 == main(["render", "example:sample-2021", "--to", "html", "--font-preset", "windows"])
    assert "--font-preset" in capsys.readouterr().err


@pytest.mark.skipif(
    _office() is None or shutil.which("pdftotext") is None, reason="LibreOffice or poppler's pdftotext is missing"
)
def test_libreoffice_sets_the_inner_labels_of_table_3_on_one_line(tmp_path: Path) -> None:
    """In the PDF LibreOffice makes, （三）不予公开 … （六）其他处理 each stand whole on one line of table 三."""
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(examples.load(SAMPLE)))
    profile = tmp_path / "profile"
    command = [_office(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = text.splitlines()
    for label in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
        assert any(label in line for line in lines), label
    assert not any(line.strip().startswith("）") for line in lines)  # no closing bracket starts a line
