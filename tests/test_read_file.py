"""``read_file``: any file type, told by its content (then its suffix), read by the right reader."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

import govdisclose
from govdisclose import DocumentError
from govdisclose.model import Extent, Part
from govdisclose.read import read_docx, read_file, read_html, read_pdf, read_text
from govdisclose.read._files import file_kind

DATA = Path(__file__).parent / "data"
TEXT = DATA / "corpus" / "2020-sifabu.txt"
HTML = DATA / "corpus" / "2024-pingtan-zonghe-shiyanqu.html"
PDF = DATA / "corpus" / "pdf" / "2024-huaian-shi.pdf"


def test_a_pdf_file_is_read_as_pdf() -> None:
    """A PDF path gives what read_pdf gives, the path kept as the source."""
    pytest.importorskip("pdfplumber")
    assert read_pdf(PDF).report == read_file(PDF).report


def test_a_docx_is_told_by_its_zip_content_even_without_a_suffix(tmp_path: Path) -> None:
    """A .docx saved without a suffix is still a Word file (a zip holding word/document.xml)."""
    pytest.importorskip("docx")
    data = govdisclose.render(govdisclose.examples.load("sample-2021"), to="docx")
    path = tmp_path / "download"
    path.write_bytes(data)
    assert "docx" == file_kind(data, str(path))
    assert read_docx(data).report == read_file(path).report


def test_html_and_text_files_go_to_their_readers() -> None:
    """A corpus .html and .txt file read as read_html and read_text read their text."""
    html = HTML.read_text(encoding="utf-8")
    assert read_html(html).report == read_file(HTML).report
    text = TEXT.read_text(encoding="utf-8")
    assert read_text(text).report == read_file(TEXT).report


def test_gb18030_text_is_decoded_and_said(tmp_path: Path) -> None:
    """A text file in GB18030 (not UTF-8) is read, with a diagnostic naming the encoding."""
    text = TEXT.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("gb18030"))
    result = read_file(path)
    assert read_text(text).report.sections == result.report.sections
    assert "recognised 0:0 the file is gb18030 text, not UTF-8" == str(result.diagnostics[0])


def test_content_wins_over_the_suffix_with_a_diagnostic(tmp_path: Path) -> None:
    """HTML saved as .txt is read as HTML, and an uncertain diagnostic says the suffix disagreed."""
    path = tmp_path / "page.txt"
    path.write_bytes(HTML.read_bytes())
    result = read_file(path)
    assert read_html(HTML.read_text(encoding="utf-8")).report.sections == result.report.sections
    assert "uncertain 0:0 the file's suffix says text, its content is html; read as html" == str(result.diagnostics[0])


def _zip(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "a PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), r"\.doc file \(OLE\).*soffice --headless --convert-to docx"),
        (_zip("xl/workbook.xml"), r"an Excel workbook \(\.xlsx\)"),
        (_zip("notes.txt"), "a zip archive without a Word document"),
        (b"\x00\x01\x02binary", "binary data of no known document type"),
        (b"\xff\xfe\xfa", "not UTF-16 text"),
        (b"\x81\x30", "neither UTF-8 nor GB18030 text"),
    ],
)
def test_an_unreadable_type_is_an_error_with_the_reason(data: bytes, reason: str) -> None:
    """Images, .doc, spreadsheets, other archives, binary data and undecodable text raise, saying what the file is."""
    with pytest.raises(DocumentError, match=reason):
        read_file(data)


def test_a_pdf_header_after_junk_is_still_a_pdf() -> None:
    """``%PDF-`` within the first kilobyte marks a PDF (readers accept leading junk), whatever the suffix."""
    assert "pdf" == file_kind(b"\r\n\r\n%PDF-1.7\n", "x.html")


# ---- hostile inputs (issue 16): each a one-line GovDiscloseError or a correct result ------------------------------

HOSTILE = DATA / "hostile"
TITLE = "<h1>某局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>全年主动公开信息10条。</p>"


@pytest.mark.parametrize("name", ["ms.html", "charref.html", "quad.html"])
def test_hostile_markup_without_a_report_is_a_one_line_error(name: str) -> None:
    """``<![<!``, a 5,000-digit character reference and ``'<a ' * 35000`` hold no report: a one-line DocumentError."""
    with pytest.raises(DocumentError) as caught:
        read_file(HOSTILE / name)
    assert "no report year found in the text (no title, 引言 or dated paragraph names one) @ $.year" == str(
        caught.value
    )


def test_hostile_markup_inside_a_report_leaves_the_report_whole() -> None:
    """The same markup after a report: the report reads as without it; the huge reference is U+FFFD (as HTML5 says)."""
    plain = read_html(TITLE).report
    for name in ("ms.html", "quad.html"):
        assert plain.sections == read_html(TITLE + (HOSTILE / name).read_text(encoding="utf-8")).report.sections
    reference = read_html(TITLE + (HOSTILE / "charref.html").read_text(encoding="utf-8")).report
    assert "\ufffd" == reference.sections[0].blocks[-1].text  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "attribute"), [("datavalue_override.html", "999"), ("datavalue_bomb.html", "1e999999999")]
)
def test_the_visible_cell_wins_over_its_data_value(name: str, attribute: str) -> None:
    """A cell showing 268 with another data-value is read as 268, and an uncertain diagnostic names the cell."""
    path = HOSTILE / name
    result = read_file(path)
    proactive = result.report.sections[1].blocks[0]
    assert "268" == proactive.get("licensing", "decisions").text  # type: ignore[attr-defined]
    (note,) = [d for d in result.diagnostics if "data-value" in d.message]
    line = path.read_text(encoding="utf-8").split("\n")[note.line - 1]
    assert line[note.column - 1 :].startswith('<td colspan="3" data-table="proactive-2021" data-row="licensing"')
    expected = f"the cell shows '268' but its data-value says {attribute[:24]!r}; the visible text is read"
    assert ("uncertain", expected) == (note.kind.value, note.message)


def test_a_count_of_4301_digits_stays_text() -> None:
    """A 4,301-digit number is no count a report may hold: the paragraph keeps it as text, with no quantity."""
    result = read_file(HOSTILE / "count4301.txt")
    (paragraph,) = result.report.sections[0].blocks
    digits = (HOSTILE / "count4301.txt").read_text(encoding="utf-8").split("\n")[2]
    assert digits == paragraph.text  # type: ignore[attr-defined]
    assert [] == list(paragraph.quantities())


def test_html_nested_past_the_parser_limit_is_an_error_naming_where() -> None:
    """Elements nested deeper than libxml2's 256: a DocumentError with line and column, not a page cut short."""
    with pytest.raises(DocumentError) as caught:
        read_html(TITLE + "<div>" * 300 + "x")
    assert str(caught.value).startswith("unreadable HTML at line 1, column ")
    assert "Excessive depth in document: 256" in str(caught.value)


@pytest.mark.parametrize("charset", ["gbk", "gb2312", "gb18030"])
def test_a_gbk_page_is_read_by_its_declared_charset(charset: str, tmp_path: Path) -> None:
    """An HTML page in GBK (its <meta> says gbk, gb2312 or gb18030) reads as the same page in UTF-8, said so."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    page = f"<html><head>{meta}</head><body>{TITLE}</body></html>"
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk"))
    result = read_file(path)
    assert read_html(page).report.sections == result.report.sections
    assert "recognised 0:0 the file is gb18030 text, not UTF-8" == str(result.diagnostics[0])


def test_a_big5_page_is_read_by_its_declared_charset() -> None:
    """A page declaring big5 is decoded as Big5 (not refused, not read as GB18030 mojibake)."""
    page = '<meta charset="big5"><h1>某局2024年政府資訊公開工作年度報告</h1><p>一、總體情況</p>'
    result = read_file(page.encode("big5"))
    assert "某局2024年政府資訊公開工作年度報告" == result.report.display_title


# ---- HTML tables as portals publish them: Word-exported markup, blank rows ----------------------------------------

BLANK_ROWS = (
    "result.refused.state-secret",
    "result.refused.prohibited-by-law",
    "result.refused.three-safeties",
    "result.refused.third-party",
    "result.unable.not-held",
    "result.unable.needs-creation",
    "result.unable.unclear",
    "result.other.no-fee",
)


def _word_cell(match: re.Match[str]) -> str:
    """A cell as Word's "save as web page" writes it: its text in a paragraph, split over spans, with ``<o:p>``."""
    tag, attributes, text = match.group(1), match.group(2), match.group(3)
    half = len(text) // 2
    spans = f"<span lang=EN-US>{text[:half]}</span><span style='font-family:宋体'>{text[half:]}</span>"
    return f"<{tag}{attributes}><p class=MsoNormal align=center>{spans or '&nbsp;'}<o:p></o:p></p></{tag}>"


def _word_page(report: govdisclose.Report, blank: tuple[str, ...]) -> str:
    """The report's HTML with Word-exported cells, no data-* attributes, and the rows *blank* printed empty."""
    html = govdisclose.render(report, to="html")
    for row_id in blank:  # every value cell of the row empty
        html = re.sub(rf'(<td[^>]*data-row="{re.escape(row_id)}"[^>]*>)[^<]*(</td>)', r"\1\2", html)
    html = re.sub(r' data-(?:value|marker|unknown|qualifier|unit)="[^"]*"', "", html)
    return re.sub(r"<(td|th)([^>]*)>([^<]*)</\1>", _word_cell, html)


def test_html_blank_rows_and_cells_stay_blank_in_word_exported_markup() -> None:
    """Table 三 in Word's markup with 8 rows printed blank (56 empty cells): every row read, its cells blank, not 0."""
    # as in a real 2019 report that lost those 8 rows; every other cell as published, and the table counts as read
    report = govdisclose.examples.load("sample-2021")
    result = read_html(_word_page(report, BLANK_ROWS))
    published = report.part(Part.APPLICATIONS).blocks[0]  # type: ignore[union-attr]
    read = result.report.part(Part.APPLICATIONS).blocks[0]  # type: ignore[union-attr]
    assert [row.id for row in published.rows] == [row.id for row in read.rows]
    blanks = [figure for row_id in BLANK_ROWS for figure in read.row(row_id).values]
    assert 56 == len(blanks)
    assert all(figure.is_blank and figure.value is None for figure in blanks)
    others = [(row.id, [f.text for f in row.values]) for row in read.rows if row.id not in BLANK_ROWS]
    assert [(row.id, [f.text for f in row.values]) for row in published.rows if row.id not in BLANK_ROWS] == others
    assert Extent.COMPLETE == result.coverage.table(Part.APPLICATIONS).extent
    proactive = report.part(Part.PROACTIVE)
    assert proactive is not None
    assert proactive.blocks == result.report.part(Part.PROACTIVE).blocks  # type: ignore[union-attr]
