"""``govdisclose read``: the report to standard output, one diagnostic per line to standard error."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclose import examples, from_json
from govdisclose.cli import main
from govdisclose.read import read_text
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
    lines = captured.err.splitlines()
    assert lines
    assert all(DIAGNOSTIC.fullmatch(line) for line in lines)
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
