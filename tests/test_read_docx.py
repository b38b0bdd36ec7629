"""The Word reader: the project's own DOCX renderings and a Word file LibreOffice made from a corpus report."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import govdisclose
from govdisclose import DocumentError, Edition, Part, SourceError
from govdisclose.model import OfficialTable, Report, Section
from govdisclose.read import read_docx, read_html
from govdisclose.read._docx import docx_items
from govdisclose.read._normalise import Line, TableItem

docx = pytest.importorskip("docx")

DATA = Path(__file__).parent / "data"
PINGTAN_DOCX = DATA / "docx" / "2024-pingtan-zonghe-shiyanqu.docx"
PINGTAN_HTML = DATA / "corpus" / "2024-pingtan-zonghe-shiyanqu.html"


def _tables(report: Report) -> list[OfficialTable]:
    def walk(sections: tuple[Section, ...]) -> Iterator[OfficialTable]:
        for section in sections:
            yield from (block for block in section.blocks if isinstance(block, OfficialTable))
            yield from walk(section.subsections)

    return list(walk(report.sections))


@pytest.mark.parametrize("name", ["sample-2021", "sample-2021-flawed", "sanyuan-chengguan-2017"])
def test_a_rendered_example_reads_back(name: str) -> None:
    """A bundled example rendered to DOCX reads back with its agency, year, edition, parts and official tables."""
    original = govdisclose.examples.load(name)
    report = read_docx(govdisclose.render(original, to="docx")).report
    assert (original.agency.name, original.year, original.edition) == (report.agency.name, report.year, report.edition)
    assert [s.heading for s in original.sections] == [s.heading for s in report.sections]
    assert _tables(original) == _tables(report)
    assert original.publication == report.publication


def test_a_word_file_made_by_libreoffice_reads_as_its_html() -> None:
    """LibreOffice's .docx of the 平潭 2024 portal page gives the same report head, parts and tables as the HTML."""
    from_word = read_docx(PINGTAN_DOCX).report
    from_html = read_html(PINGTAN_HTML.read_text(encoding="utf-8")).report
    assert ("平潭综合实验区", 2024, Edition.E2021) == (from_word.agency.name, from_word.year, from_word.edition)
    assert [
        Part.OVERVIEW,
        Part.PROACTIVE,
        Part.APPLICATIONS,
        Part.REVIEWS_LITIGATION,
        Part.PROBLEMS,
        Part.OTHER,
    ] == [s.part for s in from_word.sections]
    tables = _tables(from_word)
    assert 3 == len(tables)
    assert all(table.complete for table in tables)
    assert _tables(from_html) == tables


def test_merged_cells_come_from_grid_span_and_vmerge() -> None:
    """The LibreOffice file marks merges with gridSpan and vMerge, and the reader turns them into spans."""
    with zipfile.ZipFile(PINGTAN_DOCX) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "w:gridSpan" in xml
    assert "w:vMerge" in xml
    tables = [item for item in docx_items(PINGTAN_DOCX.read_bytes()) if isinstance(item, TableItem)]
    applications = tables[1]
    first = applications.rows[0][0]
    assert (3, 3) == (first.colspan, first.rowspan)  # the （本列数据的勾稽关系……） corner of table 三
    spans = {cell.text[:6]: cell.rowspan for row in applications.rows for cell in row if cell.rowspan > 1}
    # the rowspans of the label cells in the source HTML: 22, 8, 3, 5, 3
    assert 22 == spans["三、本年度办"]
    assert (8, 3, 5, 3) == (spans["（三）不予公"], spans["（四）无法提"], spans["（五）不予处"], spans["（六）其他处"])


def test_automatic_numbering_is_written_before_the_text() -> None:
    """Paragraphs numbered by Word (a list style, no number in the text) get their printed number."""
    document = docx.Document()
    document.add_paragraph("某县教育局2021年政府信息公开工作年度报告")
    for text in ("加强组织领导。", "完善公开制度。"):
        document.add_paragraph(text, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = [item.text for item in docx_items(buffer.getvalue()) if isinstance(item, Line)]
    assert ["某县教育局2021年政府信息公开工作年度报告", "1.加强组织领导。", "2.完善公开制度。"] == lines


def test_a_doc_file_is_an_error_naming_the_conversion() -> None:
    """A Word 97–2003 .doc (OLE magic bytes) raises, naming the LibreOffice command that converts it."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016)
    with pytest.raises(DocumentError, match=r"\.doc file \(OLE\).*soffice --headless --convert-to docx"):
        read_docx(ole)


def test_bytes_that_are_no_docx_are_a_document_error() -> None:
    """A zip without a Word document, or no zip at all, is a DocumentError saying it is not a readable .docx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    for data in (buffer.getvalue(), b"not a zip"):
        with pytest.raises(DocumentError, match=r"not a readable Word \.docx file"):
            read_docx(data)


def test_a_missing_file_is_a_source_error(tmp_path: Path) -> None:
    """A path that does not exist raises SourceError naming it."""
    with pytest.raises(SourceError, match=r"cannot read .*missing\.docx"):
        read_docx(tmp_path / "missing.docx")


def test_chinese_automatic_numbering_with_levels() -> None:
    """Word's own 一、 / （一） numbering (chineseCounting) is printed, sub-levels restarting under each chapter."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("某县教育局2021年政府信息公开工作年度报告")
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
            "</w:lvl></w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [
        (0, "总体情况"),
        (1, "主动公开情况"),
        (1, "依申请公开情况"),
        (0, "主动公开政府信息情况"),
        (1, "规章"),
    ]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    buffer = io.BytesIO()
    document.save(buffer)
    lines = [item.text for item in docx_items(buffer.getvalue()) if isinstance(item, Line)]
    assert [
        "某县教育局2021年政府信息公开工作年度报告",
        "一、总体情况",
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "二、主动公开政府信息情况",
        "（一）规章",
    ] == lines
