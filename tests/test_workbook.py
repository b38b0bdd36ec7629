"""Excel fill-in workbooks: written from a report, filled in, read back exactly; every problem names sheet and cell."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govdisclose import examples, from_json, to_json
from govdisclose.model import Figure, OfficialTable, Paragraph, Part, Report
from govdisclose.templates import new_report
from govdisclose.workbook import fill, to_workbook
from govdisclose.workbook._fill import WorkbookError


def _edit(data: bytes, changes: dict[tuple[str, str], object]) -> bytes:
    book = load_workbook(io.BytesIO(data))
    for (sheet, cell), value in changes.items():
        book[sheet][cell].value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _applications(report: Report) -> OfficialTable:
    table = report.part(Part.APPLICATIONS).blocks[0]  # type: ignore[union-attr]
    assert isinstance(table, OfficialTable)
    return table


def test_round_trip_keeps_numbers_markers_blanks_and_unknowns() -> None:
    """A report with a marker, a blank and an unknown cell comes back equal from its own workbook."""
    report = examples.load("sample-2021")
    table = _applications(report).with_cells(
        {("予以公开", "科研机构"): "/", ("予以公开", "法律服务机构"): "", ("部分公开", "其他"): None}
    )
    report = report.with_part(Part.APPLICATIONS, blocks=[table])
    assert report == fill(report, to_workbook(report))


def test_round_trip_of_every_bundled_example_and_edition() -> None:
    """Each bundled example and each edition's blank report survives the workbook unchanged (national form included)."""
    reports = [examples.load(name) for name in examples.names()]
    reports += [
        new_report(edition=e, agency="某县教育局", year=2016 if e == "pre-2019" else 2020)
        for e in ("pre-2019", "2019", "2021")
    ]
    for report in reports:
        assert report == fill(report, to_workbook(report))


def test_a_number_typed_in_lands_in_its_cell() -> None:
    """表三!D6 is (new, natural-person): title and note above row 3, three header rows, three label columns."""
    blank = new_report(edition="2021", agency="某县教育局", year=2025)
    filled = fill(blank, _edit(to_workbook(blank), {("表三", "D6"): 12, ("表三", "J6"): "12"}))
    table = _applications(filled)
    assert (Decimal(12), Decimal(12)) == (table.get("new", "natural-person").value, table.get("new", "total").value)
    assert Decimal(0) == table.get("new", "commercial").value


def test_an_emptied_cell_is_blank_not_zero() -> None:
    """A cell the office leaves empty is a published blank, never 0."""
    blank = new_report(edition="2021", agency="某县教育局", year=2025)
    table = _applications(fill(blank, _edit(to_workbook(blank), {("表三", "J6"): None})))
    assert Figure(marker="") == table.get("new", "total")


def test_every_problem_is_named_by_sheet_and_cell() -> None:
    """Words, fractions of a count and negative counts are reported together, each with its sheet and cell."""
    blank = new_report(edition="2021", agency="某县教育局", year=2025)
    data = _edit(to_workbook(blank), {("表三", "D6"): "十二", ("表三", "E6"): 2.5, ("表三", "F6"): -1})
    with pytest.raises(WorkbookError) as info:
        fill(blank, data)
    assert [
        "表三!D6: '十二' is not a number (write a number, “/”, or leave the cell empty)",
        "表三!E6: 2.5 is not a whole number",
        "表三!F6: -1 is negative",
    ] == list(info.value.problems)


def test_a_workbook_of_another_report_is_refused() -> None:
    """Filling a 2017 report from a 2021 workbook names the table that is not there."""
    data = to_workbook(new_report(edition="2021", agency="某县教育局", year=2025))
    with pytest.raises(WorkbookError, match=r"^正文!A2: written for another report|table at \$\.sections"):
        fill(examples.load("sanyuan-chengguan-2017"), data)


def test_not_a_workbook(tmp_path: Path) -> None:
    """Bytes that are not a workbook are one WorkbookError; a file that is not one is named in it."""
    with pytest.raises(WorkbookError, match=r"^not an Excel workbook"):
        fill(examples.load("sample-2021"), b"PK\x03\x04 not really")
    (tmp_path / "r.json").write_text("{}", encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"r\.json: not an Excel workbook \(\.xlsx\)"):
        fill(examples.load("sample-2021"), tmp_path / "r.json")


def test_prose_written_in_the_sheet_becomes_paragraphs() -> None:
    """Text typed into the 正文 sheet becomes the section's paragraphs, one per line; tables are kept."""
    blank = new_report(edition="2021", agency="某县教育局", year=2025)
    book = load_workbook(io.BytesIO(to_workbook(blank)))
    rows = {row[0].value: row[2] for row in book["正文"].iter_rows(min_row=2)}
    rows["$.sections[0].subsections[0]"].value = "本年度主动公开信息120条。\n其中政策解读5条。"
    rows["$.sections[2]"].value = "本年度收到申请12件。"
    out = io.BytesIO()
    book.save(out)
    filled = fill(blank, out.getvalue())
    overview = filled.part(Part.OVERVIEW)
    assert overview is not None
    assert ("本年度主动公开信息120条。", "其中政策解读5条。") == tuple(
        b.text for b in overview.subsections[0].blocks if isinstance(b, Paragraph)
    )
    applications = filled.part(Part.APPLICATIONS)
    assert applications is not None
    assert ["Paragraph", "ApplicationsTable2021"] == [type(b).__name__ for b in applications.blocks]


def test_labels_are_locked_values_open_and_merged_as_published() -> None:
    """表三: the sheet is protected, labels locked, values unlocked; 三、本年度办理结果 spans its 22 result rows."""
    book = load_workbook(io.BytesIO(to_workbook(examples.load("sample-2021"))))
    sheet = book["表三"]
    assert sheet.protection.sheet
    assert (True, False) == (sheet["A6"].protection.locked, sheet["D6"].protection.locked)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # rows 3-5: the header; 6-7: 一 and 二; 三、本年度办理结果 covers rows 8..29 (22 result rows with （七）总计)
    assert "A8:A29" in merged
    assert "三、本年度办理结果" == sheet["A8"].value
    assert "四、结转下年度继续办理" == sheet["A30"].value
    assert ["表二", "表三", "表四"] == [n for n in book.sheetnames if n.startswith("表")]
    assert "veryHidden" == book["_govdisclose"].sheet_state


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_office() is None or shutil.which("pdftotext") is None, reason="needs LibreOffice and pdftotext")
def test_libreoffice_opens_the_workbook(tmp_path: Path) -> None:
    """LibreOffice Calc opens the workbook and prints the official labels and the published numbers of table 三."""
    source = tmp_path / "report.xlsx"
    source.write_bytes(to_workbook(examples.load("sample-2021")))
    command = [_office(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "本年新收政府信息公开申请数量" in re.sub(r"\s", "", text)
    assert "结果维持" in text


def test_report_of_gives_back_the_report_written() -> None:
    """The workbook keeps the report it was written from; a workbook not written by govdisclose is refused."""
    from openpyxl import Workbook

    from govdisclose.workbook import report_of

    report = examples.load("sample-2021")
    assert report == report_of(to_workbook(report))
    plain = io.BytesIO()
    Workbook().save(plain)
    with pytest.raises(WorkbookError, match="it was not written by govdisclose"):
        report_of(plain.getvalue())


def test_cli_new_to_xlsx_then_fill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`govdisclose new -o blank.xlsx`, an office's numbers typed in, `govdisclose fill blank.xlsx` gives the report."""
    from govdisclose.cli import main

    workbook = tmp_path / "blank.xlsx"
    args = ["new", "--edition", "2021", "--agency", "某县教育局", "--year", "2025", "-o", str(workbook)]
    assert 0 == main(args)
    workbook.write_bytes(_edit(workbook.read_bytes(), {("表三", "D6"): 7, ("表三", "J6"): 7}))
    assert 0 == main(["fill", str(workbook), "-o", str(tmp_path / "report.json")])
    table = _applications(from_json((tmp_path / "report.json").read_text(encoding="utf-8")))
    assert (Decimal(7), Decimal(7)) == (table.get("new", "自然人").value, table.get("new", "总计").value)
    workbook.write_bytes(_edit(workbook.read_bytes(), {("表三", "D6"): "七"}))
    assert 1 == main(["fill", str(workbook)])
    assert "govdisclose: error: 表三!D6: '七' is not a number" in capsys.readouterr().err


def test_cli_fill_with_the_report_given(tmp_path: Path) -> None:
    """`govdisclose fill REPORT WORKBOOK` fills the given report document."""
    from govdisclose.cli import main

    blank = new_report(edition="2019", agency="某县教育局", year=2020)
    (tmp_path / "blank.json").write_text(to_json(blank), encoding="utf-8")
    (tmp_path / "blank.xlsx").write_bytes(_edit(to_workbook(blank), {("表三", "J6"): 3}))
    assert 0 == main(
        ["fill", str(tmp_path / "blank.json"), str(tmp_path / "blank.xlsx"), "-o", str(tmp_path / "r.json")]
    )
    table = _applications(from_json((tmp_path / "r.json").read_text(encoding="utf-8")))
    assert Decimal(3) == table.get("new", "total").value


def test_render_to_xlsx_exports_the_tables(tmp_path: Path) -> None:
    """`render --to xlsx` writes the same sheets without the kept report; fill with the report reads it back."""
    from govdisclose import render
    from govdisclose.cli import main
    from govdisclose.workbook import report_of

    report = examples.load("sample-2021")
    data = render(report, to="xlsx")
    assert isinstance(data, bytes)
    assert report == fill(report, data)
    with pytest.raises(WorkbookError, match="no sheet '_report'"):
        report_of(data)
    assert 0 == main(["render", "example:sample-2021", "--to", "xlsx", "-o", str(tmp_path / "r.xlsx")])
    assert ["正文", "表二", "表三", "表四"] == load_workbook(tmp_path / "r.xlsx").sheetnames[:4]


def test_long_labels_get_tall_rows_and_sheets_print_one_page_wide() -> None:
    """The （六） labels wrap, so their rows are taller than one line; each sheet prints landscape, one page wide."""
    book = load_workbook(io.BytesIO(to_workbook(examples.load("sample-2021"))))
    sheet = book["表三"]
    row = next(
        r for r in range(1, sheet.max_row + 1) if str(sheet.cell(row=r, column=3).value).startswith("1.申请人无正当")
    )
    assert sheet.row_dimensions[row].height > 14
    assert ("landscape", 1, 0) == (
        sheet.page_setup.orientation,
        sheet.page_setup.fitToWidth,
        sheet.page_setup.fitToHeight,
    )
