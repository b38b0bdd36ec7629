"""``read_file``: any file type, told by its content (then its suffix), read by the right reader."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import govdisclose
from govdisclose import DocumentError
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
