"""The PDF reader on the three corpus PDFs (2021-edition reports as published, with all three tables).

Every expected cell below was read by eye from the page images (``pdftoppm -png -r 80``), not from the reader's output.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import govdisclose
from govdisclose import DocumentError, Edition, MissingExtraError, Part
from govdisclose.model import (
    ApplicationsTable2019,
    ApplicationsTable2021,
    OfficialTable,
    ProactiveTable2021,
    Report,
    ReviewsTable,
    Section,
)
from govdisclose.read import OcrPage, ReadResult, read_pdf

pytest.importorskip("pdfplumber")

DATA = Path(__file__).parent / "data"
PDFS = DATA / "corpus" / "pdf"

CASES = {
    "2024-huaian-shi.pdf": ("淮安市人民政府", 2024),
    "2023-huaian-hongze-qu.pdf": ("淮安市洪泽区人民政府", 2023),
    "2024-huaian-hongze-qu.pdf": ("淮安市洪泽区人民政府", 2024),
}

_cache: dict[str, ReadResult] = {}


def _read(name: str) -> ReadResult:
    if name not in _cache:
        _cache[name] = read_pdf(PDFS / name)
    return _cache[name]


def _walk(sections: tuple[Section, ...]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _walk(section.subsections)


def _table(report: Report, kind: type[OfficialTable] | tuple[type[OfficialTable], ...]) -> OfficialTable:
    found = [block for section in _walk(report.sections) for block in section.blocks if isinstance(block, kind)]
    assert 1 == len(found)
    return found[0]


def _values(table: OfficialTable, row_id: str) -> list[Decimal | None]:
    row = table.row(row_id)
    assert row is not None, row_id
    return [figure.value for figure in row.values]


def _d(*values: str) -> list[Decimal | None]:
    return [Decimal(value) for value in values]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_corpus_pdf_reads_with_agency_year_and_edition(name: str) -> None:
    """Each corpus PDF reads without raising, with the agency, year and edition its first page prints."""
    report = _read(name).report
    assert CASES[name] == (report.agency.name, report.year)
    assert Edition.E2021 == report.edition


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_corpus_pdf_has_the_six_parts(name: str) -> None:
    """The six chapters of a 2021-edition report are found, in order, from their numbered headings."""
    report = _read(name).report
    expected = [
        Part.OVERVIEW,
        Part.PROACTIVE,
        Part.APPLICATIONS,
        Part.REVIEWS_LITIGATION,
        Part.PROBLEMS,
        Part.OTHER,
    ]
    assert expected == [section.part for section in report.sections]


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_numbers_are_removed_and_positions_name_the_page(name: str) -> None:
    """Page numbers ``- N -`` (read as ``-N-``) are page furniture, reported with their page; no body text keeps one."""
    result = _read(name)
    numbers = [d for d in result.diagnostics if d.message == "page furniture: page number"]
    assert [f"-{d.page}-" for d in numbers] == [d.text for d in numbers]
    assert len(numbers) >= 5
    assert all(d.page >= 1 for d in result.diagnostics if d.line)


def test_paragraphs_are_joined_across_lines_and_pages() -> None:
    """A paragraph broken over lines (and over pages 5–6) comes back whole, without the line-break spaces."""
    report = _read("2024-huaian-shi.pdf").report
    problems = report.sections[4]
    text = problems.blocks[0].text  # type: ignore[attr-defined]
    assert text.startswith(
        "对照上级新要求和公众新期待，还有一些需要加强和改进的地方。主要表现在：一是政策解读质量仍需提升"
    )
    assert report.introduction is not None
    intro = report.introduction.blocks[0].text  # type: ignore[attr-defined]
    assert "报告所列统计期限自2024年1月1日至2024年12月31日。" in intro


def test_huaian_shi_tables() -> None:
    """淮安市 2024: tables 二 (over pages 3–4), 三 (over pages 4–5, a merged cell cut by the break) and 四."""
    report = _read("2024-huaian-shi.pdf").report
    proactive = _table(report, ProactiveTable2021)
    assert _d("1", "0", "11") == _values(proactive, "rules")
    assert _d("8", "26", "66") == _values(proactive, "normative-documents")
    assert _d("447228") == _values(proactive, "licensing")
    assert _d("3985758") == _values(proactive, "punishment")
    assert _d("88283") == _values(proactive, "coercion")
    assert _d("96171.6") == _values(proactive, "administrative-fees")
    applications = _table(report, ApplicationsTable2021)
    assert applications.complete
    assert _d("3001", "53", "0", "0", "61", "4", "3119") == _values(applications, "new")
    assert _d("1288", "21", "0", "0", "50", "3", "1362") == _values(applications, "result.disclosed")
    assert _d("746", "12", "0", "0", "10", "1", "769") == _values(applications, "result.unable.not-held")
    assert _d("11", "0", "0", "0", "0", "0", "11") == _values(applications, "result.unable.needs-creation")
    assert _d("108", "2", "0", "0", "0", "0", "110") == _values(applications, "result.other.other")
    assert _d("2932", "53", "0", "0", "61", "4", "3050") == _values(applications, "result.total")
    assert _d("103", "0", "0", "0", "0", "0", "103") == _values(applications, "carry-forward")
    reviews = _table(report, ReviewsTable)
    assert _d("72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20") == _values(
        reviews, "cases"
    )
    messages = [str(d) for d in _read("2024-huaian-shi.pdf").diagnostics]
    assert "recognised 第5页 1:1 a merged cell continued on page 5: （四）无法提供" in messages


@pytest.mark.parametrize(
    ("name", "proactive", "new", "total", "reviews"),
    [
        (
            "2023-huaian-hongze-qu.pdf",
            {
                "normative-documents": ("0", "5", "5"),
                "licensing": ("550",),
                "punishment": ("4119",),
                "coercion": ("195",),
                "administrative-fees": ("7730.28",),
            },
            ("21", "0", "0", "0", "0", "0", "21"),
            ("21", "0", "0", "0", "0", "0", "21"),
            ("10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"),
        ),
        (
            "2024-huaian-hongze-qu.pdf",
            {"punishment": ("2776",), "coercion": ("84",), "administrative-fees": ("7545",)},
            ("95", "0", "0", "0", "0", "0", "95"),
            ("95", "0", "0", "0", "0", "0", "95"),
            ("1", "1", "0", "0", "2", "1", "0", "0", "0", "1", "2", "0", "1", "0", "3"),
        ),
    ],
)
def test_hongze_tables(
    name: str,
    proactive: dict[str, tuple[str, ...]],
    new: tuple[str, ...],
    total: tuple[str, ...],
    reviews: tuple[str, ...],
) -> None:
    """洪泽区 2023 and 2024: the three tables, with the single （六）其他处理 row drawn beside an empty cell."""
    report = _read(name).report
    table = _table(report, ProactiveTable2021)
    for row_id, values in proactive.items():
        assert _d(*values) == _values(table, row_id)
    applications = _table(report, (ApplicationsTable2019, ApplicationsTable2021))
    assert applications.complete
    assert _d(*new) == _values(applications, "new")
    # printed with a misprint, 2.其他法律行政止公开, all zeros on the page
    assert _d(*["0"] * 7) == _values(applications, "result.refused.prohibited-by-law")
    assert "2.其他法律行政止公开" == applications.row("result.refused.prohibited-by-law").label  # type: ignore[union-attr]
    assert _d(*total) == _values(applications, "result.total")
    assert _d(*reviews) == _values(_table(report, ReviewsTable), "cases")


def test_a_pdf_without_a_text_layer_is_an_error_and_the_ocr_hook_reads_it(tmp_path: Path) -> None:
    """A page with no text (a scan) raises naming the OCR hook; with ``ocr=`` the hook's text is read instead."""
    pdfplumber = pytest.importorskip("pdfplumber")
    del pdfplumber
    import pypdfium2  # installed with pdfplumber

    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)
    buffer = tmp_path / "scan.pdf"
    document.save(buffer)
    with pytest.raises(DocumentError, match=r"no text layer on any of the 1 pages: a scanned PDF.*ocr=.*@ 第1页"):
        read_pdf(buffer)
    seen: list[tuple[int, bool]] = []

    def ocr(page: OcrPage) -> str:
        seen.append((page.number, page.png(resolution=20).startswith(b"\x89PNG")))
        return "某县教育局2021年政府信息公开工作年度报告\n一、总体情况\n全年共收到申请3件。"

    result = read_pdf(buffer, ocr=ocr)
    assert [(1, True)] == seen
    assert ("某县教育局", 2021) == (result.report.agency.name, result.report.year)
    assert "recognised 第1页 0:0 page 1: 3 lines of text from the OCR" in [str(d) for d in result.diagnostics]


def test_a_file_that_is_not_a_pdf_is_a_document_error() -> None:
    """Bytes that are no PDF raise a DocumentError saying so, not a pdfminer traceback."""
    with pytest.raises(DocumentError, match="not a readable PDF"):
        read_pdf(b"%PDF-1.4\nthis is no PDF at all")


def test_read_pdf_names_the_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pdfplumber, reading a PDF raises MissingExtraError naming the ``pdf`` extra."""
    import sys

    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(MissingExtraError, match=r"govdisclose\[pdf\]"):
        read_pdf(PDFS / "2024-huaian-shi.pdf")


def _official(report: Report) -> list[OfficialTable]:
    return [block for section in _walk(report.sections) for block in section.blocks if isinstance(block, OfficialTable)]


def test_a_pdf_printed_by_libreoffice_reads_back_as_the_report() -> None:
    """The example rendered to Word and printed by LibreOffice reads back: head, 引言, chapters and the three tables."""
    original = govdisclose.examples.load("sample-2021")
    result = read_pdf(DATA / "pdf" / "sample-2021-header.pdf")
    report = result.report
    assert (original.agency.name, original.year, original.edition) == (report.agency.name, report.year, report.edition)
    assert original.introduction == report.introduction  # one paragraph, though a line in it starts with 六、
    assert [s.heading for s in _walk(original.sections)] == [s.heading for s in _walk(report.sections)]
    assert original.signature == report.signature
    assert _official(original) == _official(report)


def test_running_headers_and_page_numbers_are_removed() -> None:
    """The header LibreOffice prints on odd pages and the ``— N —`` footers are page furniture, by page."""
    result = read_pdf(DATA / "pdf" / "sample-2021-header.pdf")
    headers = [d.page for d in result.diagnostics if d.message == "page furniture: running header or footer"]
    numbers = [(d.page, d.text) for d in result.diagnostics if d.message == "page furniture: page number"]
    assert [1, 3, 5] == headers
    assert [(page, f"—{page}—") for page in range(1, 7)] == numbers


def test_every_item_keeps_its_page_and_box() -> None:
    """Each line and table read from a PDF knows its page and its box, inside the page (A4: 595 × 842 points)."""
    from govdisclose.read._diagnostics import Notes
    from govdisclose.read._normalise import CellItem, TableItem
    from govdisclose.read._pdf import pdf_items

    items = pdf_items((PDFS / "2024-huaian-shi.pdf").read_bytes(), Notes())
    positions = [item.at for item in items]
    cells: list[CellItem] = [cell for item in items if isinstance(item, TableItem) for row in item.rows for cell in row]
    positions += [cell.at for cell in cells if cell.text]
    assert all(1 <= at.page <= 6 and at.box is not None for at in positions)
    assert all(0 <= at.box[0] < at.box[2] <= 595 and 0 <= at.box[1] < at.box[3] <= 842 for at in positions if at.box)
    assert [3, 4, 5] == sorted({item.at.page for item in items if isinstance(item, TableItem)})


def test_a_page_without_text_among_pages_with_text_is_reported(tmp_path: Path) -> None:
    """A scanned (textless) page inside a PDF with text is an ``unrecognised`` diagnostic naming its page."""
    import pypdfium2

    document = pypdfium2.PdfDocument(PDFS / "2024-huaian-shi.pdf")
    document.new_page(595, 842)  # page 7, no text
    path = tmp_path / "with-scan.pdf"
    document.save(path)
    document.close()
    result = read_pdf(path)
    assert "淮安市人民政府" == result.report.agency.name
    assert "unrecognised 第7页 0:0 page 7 has no text layer (a scanned page?); pass ocr= to read it" in [
        str(d) for d in result.diagnostics
    ]


def test_a_table_over_two_pages_with_its_header_repeated_is_one_table() -> None:
    """A table that breaks over a page with its header row repeated reads as one table, the repeat dropped."""
    from govdisclose.model import Table

    result = read_pdf(DATA / "pdf" / "long-table.pdf")
    tables = [b for b in result.report.sections[0].blocks if isinstance(b, Table)]
    assert 1 == len(tables)
    rows = [[cell.text for cell in row] for row in tables[0].rows]
    assert [["序号", "公开事项", "条数"]] + [[str(n), f"第{n}类信息", str(3 * n)] for n in range(1, 81)] == rows
    messages = [str(d) for d in result.diagnostics]
    assert "recognised 第2页 1:1 table header repeated on page 2 dropped" in messages
    assert ["总体情况", "主动公开政府信息情况"] == [s.heading for s in result.report.sections]


def test_a_broken_page_tree_is_a_document_error() -> None:
    """A PDF whose pages have no MediaBox (a damaged file) raises DocumentError, not pdfplumber's TypeError."""
    data = (DATA / "pdf" / "long-table.pdf").read_bytes().replace(b"/MediaBox", b"/MediaBxx")
    with pytest.raises(DocumentError, match="not a readable PDF: TypeError"):
        read_pdf(data)


def test_an_ocr_that_gives_no_text_is_a_document_error(tmp_path: Path) -> None:
    """An OCR hook returning something other than text raises, naming the page."""
    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    document.save(path)
    with pytest.raises(DocumentError, match=r"the OCR gave NoneType, not the text of page 1 @ 第1页"):
        read_pdf(path, ocr=lambda page: None)  # type: ignore[arg-type,return-value]
