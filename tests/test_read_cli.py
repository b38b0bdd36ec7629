"""``govdisclose read``: the report to standard output, one diagnostic per line to standard error."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclose import examples, from_json, report_to_data
from govdisclose.cli import main
from govdisclose.read import read_file, read_text
from govdisclose.render import render_text

SEED = Path(__file__).parent / "data" / "2017-sanyuan-chengguan.txt"
PINGTAN = Path(__file__).parent / "data" / "corpus" / "2024-pingtan-zonghe-shiyanqu.html"
DIAGNOSTIC = re.compile(r"(recognised|noise|uncertain|unrecognised) \d+:\d+ \S.*")


def test_read_text_file_to_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``read FILE.txt`` prints the report as canonical JSON, equal to what read_text gives."""
    assert 0 == main(["read", str(SEED)])
    captured = capsys.readouterr()
    expected = read_text(SEED.read_text(encoding="utf-8"), source=str(SEED)).report
    assert expected == from_json(captured.out)


def test_diagnostics_go_to_stderr_one_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Every line on standard error is ``kind line:col message``; the seed's page noise is among them."""
    assert 0 == main(["read", str(SEED), "--to", "text"])
    captured = capsys.readouterr()
    *lines, summary = captured.err.splitlines()
    assert lines
    assert all(DIAGNOSTIC.fullmatch(line) for line in lines)
    assert summary.startswith("read: 三元区城关街道办事处 2017 (edition pre-2019): ")
    assert "noise 89:1 page noise: trailing link or column name" in lines
    assert render_text(examples.load("sanyuan-chengguan-2017")).splitlines()[0] == captured.out.splitlines()[0]


def test_read_html_by_suffix(capsys: pytest.CaptureFixture[str]) -> None:
    """A ``.html`` SOURCE is read as HTML: the pingtan page gives its three tables."""
    assert 0 == main(["read", str(PINGTAN)])
    data = json.loads(capsys.readouterr().out)
    kinds = [block["kind"] for section in data["sections"] for block in section.get("blocks", [])]
    assert ["proactive-2021", "applications-2021", "reviews-litigation"] == [
        k for k in kinds if k != "points" and k != "paragraph"
    ]


def test_read_stdin_sniffs_html() -> None:
    """``read -`` reads standard input; text starting with ``<`` is HTML."""
    html = "<h1>某局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文。</p>".encode()
    result = subprocess.run(
        [sys.executable, "-m", "govdisclose", "read", "-", "--to", "text"], input=html, capture_output=True, check=False
    )
    assert 0 == result.returncode
    assert "　　一、总体情况" in result.stdout.decode().splitlines()


def test_read_error_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text without a year, or a missing file, exits 1 with one line naming the source."""
    source = tmp_path / "x.txt"
    source.write_text("一、总体情况\n", encoding="utf-8")
    assert 1 == main(["read", str(source)])
    assert f"govdisclose: error: {source}: no report year" in capsys.readouterr().err
    assert 1 == main(["read", str(tmp_path / "missing.txt")])
    assert "cannot read" in capsys.readouterr().err


# ---- the summary line, --quiet, JSON Lines records, any file type --------------------------------------------------

PDF = Path(__file__).parent / "data" / "corpus" / "pdf" / "2024-huaian-shi.pdf"
PINGTAN_SUMMARY = (
    "read: 平潭综合实验区 2024 (edition 2021): 6/6 parts; tables: proactive-2021 10/10 cells, "
    "applications-2021 175/175 cells, reviews-litigation 15/15 cells; diagnostics: "
)


def test_quiet_prints_only_the_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    """``--quiet``: standard error holds one line, the file's agency, year, edition, parts and table cells read."""
    assert 0 == main(["read", str(PINGTAN), "--quiet"])
    (line,) = capsys.readouterr().err.splitlines()
    # the page's three tables are complete (10, 175 and 15 cells in the 2021 format; tests/data/truth)
    assert line.startswith(PINGTAN_SUMMARY)
    counts = read_file(PINGTAN).diagnostics
    kinds = [sum(1 for d in counts if d.kind.value == kind) for kind in ("recognised", "noise", "uncertain")]
    assert line.endswith(f"{kinds[0]} recognised, {kinds[1]} noise, {kinds[2]} uncertain, 0 unrecognised")


def test_jsonl_records_embed_the_report_and_structured_diagnostics(capsys: pytest.CaptureFixture[str]) -> None:
    """In JSON Lines the report is an object (not a JSON string), each diagnostic an object, the summary an object."""
    assert 0 == main(["read", str(PINGTAN), "--format", "jsonl"])
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    result = read_file(PINGTAN)
    assert report_to_data(result.report) == record["output"]
    first = result.diagnostics[0]
    expected = {
        "kind": first.kind.value,
        "message": first.message,
        "position": {"line": first.line, "column": first.column},
        "text": first.text,
    }
    assert expected == record["diagnostics"][0]
    assert len(result.diagnostics) == len(record["diagnostics"])
    summary = record["summary"]
    assert ("平潭综合实验区", 2024, "2021", [6, 6]) == (
        summary["agency"],
        summary["year"],
        summary["edition"],
        summary["parts"],
    )
    assert {"proactive-2021": [10, 10], "applications-2021": [175, 175], "reviews-litigation": [15, 15]} == summary[
        "tables"
    ]


def test_a_folder_of_pdfs_gives_a_record_each_and_a_doc_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``read DIR --format jsonl``: a record per PDF, and a .doc (OLE) an error record naming the conversion."""
    pytest.importorskip("pdfplumber")
    (tmp_path / "a.pdf").write_bytes(PDF.read_bytes())
    (tmp_path / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert 1 == main(["read", str(tmp_path), "--format", "jsonl", "--quiet"])
    captured = capsys.readouterr()
    pdf, doc = [json.loads(line) for line in captured.out.splitlines()]
    assert (str(tmp_path / "a.pdf"), "淮安市人民政府", 2024) == (
        pdf["source"],
        pdf["output"]["agency"]["name"],
        pdf["output"]["year"],
    )
    assert "diagnostics" not in pdf
    assert doc["error"].startswith("unreadable file type: a Word 97–2003 .doc file (OLE), which is not read: convert")
    assert "soffice --headless --convert-to docx" in doc["error"]


@pytest.mark.parametrize("suffix", [".md", ".htm", ".bin", ""])
def test_any_suffix_is_read_by_its_content(suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The HTML page under any name (.md, .htm, none, .bin) is read as HTML: its content decides."""
    path = tmp_path / f"page{suffix}"
    path.write_bytes(PINGTAN.read_bytes())
    assert 0 == main(["read", str(path), "--quiet"])
    assert capsys.readouterr().err.startswith(PINGTAN_SUMMARY)


def test_an_unreadable_type_is_an_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A PNG named .pdf is an error line with the reason, never silence."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert 1 == main(["read", str(path)])
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"govdisclose: error: {path}: unreadable file type: a PNG image")


def test_check_of_a_published_file_suggests_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``check x.txt`` (a published text, not a report document) says to read it first."""
    path = tmp_path / "x.txt"
    path.write_text("某局2024年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    assert 1 == main(["check", str(path)])
    assert f"{path} is a published report, not a report document: read it with `govdisclose read {path}` first" in (
        capsys.readouterr().err
    )
