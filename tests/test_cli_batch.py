import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclose import check, examples, from_json, to_json
from govdisclose.batch import Result
from govdisclose.cli import main
from govdisclose.cli._runs import Progress
from helpers import DATA


def _reports(folder: Path, count: int) -> list[Path]:
    """Write *count* reports (the two samples, alternately) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name = ("sample-2021", "sample-2021-flawed")[index % 2]
        path = folder / f"r{index:04d}.json"
        path.write_text(examples.text(name), encoding="utf-8")
        paths.append(path)
    return paths


def test_check_directory_with_jobs_reports_a_corrupt_file_and_goes_on(tmp_path: Path) -> None:
    """``check DIR --jobs 2 --format jsonl``: one record per file; the corrupt one is an error record, not a stop."""
    _reports(tmp_path / "in", 40)
    (tmp_path / "in" / "r0017.json").write_text('{"schema_version": 1, "year": ', encoding="utf-8")
    command = [sys.executable, "-m", "govdisclose", "--no-plugins", "check", str(tmp_path / "in")]
    result = subprocess.run([*command, "--jobs", "2", "--format", "jsonl"], capture_output=True, text=True, check=False)
    assert 1 == result.returncode
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [str(tmp_path / "in" / f"r{i:04d}.json") for i in range(40)] == [r["source"] for r in records]
    broken = records[17]
    assert "DocumentError" == broken["error_type"]
    assert broken["error"].startswith("not valid JSON")
    flawed = [r for i, r in enumerate(records) if i % 2 == 1 and i != 17]
    assert all(not r["ok"] for r in flawed)
    assert all(r["ok"] for i, r in enumerate(records) if i % 2 == 0)
    assert [f"govdisclose: error: {tmp_path / 'in' / 'r0017.json'}: {broken['error']}"] == result.stderr.splitlines()


def test_check_text_summary_counts_every_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The text form ends with one summary over all sources."""
    _reports(tmp_path, 4)
    assert 1 == main(["--no-plugins", "check", str(tmp_path)])
    flawed = examples.load("sample-2021-flawed")
    errors = 2 * check(flawed).counts["error"]
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"4 reports: {errors} errors, ")


def test_render_many_to_a_directory(tmp_path: Path) -> None:
    """``render A B --output-dir D --to html`` writes D/A.html and D/B.html."""
    sources = _reports(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert 0 == main(["--no-plugins", "render", *map(str, sources), "--to", "html", "--output-dir", str(out)])
    assert ["r0000.html", "r0001.html"] == sorted(p.name for p in out.iterdir())
    assert (out / "r0000.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_convert_many_as_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``convert … --format jsonl`` gives one {source, output} record per source, in order."""
    sources = _reports(tmp_path, 3)
    assert 0 == main(["--no-plugins", "convert", str(tmp_path), "--to", "json", "--format", "jsonl"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [str(p) for p in sources] == [r["source"] for r in records]
    assert examples.load("sample-2021") == from_json(records[0]["output"])


def test_read_a_directory_of_published_texts(capsys: pytest.CaptureFixture[str]) -> None:
    """``read DIR --format jsonl`` reads every .txt, .html, .pdf and .docx under DIR, with its diagnostics."""
    folder = DATA / "corpus"
    expected = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".html", ".pdf", ".docx"))
    assert 0 == main(["read", str(folder), "--format", "jsonl", "--jobs", "2"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [str(p) for p in expected] == [r["source"] for r in records]
    assert all("output" in r for r in records)


def test_several_sources_need_a_destination(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Several sources without --output-dir or --format jsonl are a usage error (status 2)."""
    sources = _reports(tmp_path, 2)
    assert 2 == main(["--no-plugins", "render", *map(str, sources)])
    assert "several sources need --output-dir DIR or --format jsonl" in capsys.readouterr().err


def test_binary_output_cannot_go_to_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """DOCX is bytes: JSON Lines cannot carry it, and the message says to use --output-dir."""
    sources = _reports(tmp_path, 2)
    assert 2 == main(["--no-plugins", "render", *map(str, sources), "--to", "docx", "--format", "jsonl"])
    assert "--output-dir" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    """The bar writes to a terminal and stays silent when the stream is piped."""
    ok: Result[int] = Result(index=0, source="a", value=1, error=None, error_type=None, duration=0.0)
    failed: Result[int] = Result(index=1, source="b", value=None, error="x", error_type="E", duration=0.0)
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = Progress(2, stream=stream, interval=0)
        bar(ok)
        bar.clear()
        bar(failed)
        bar.close()
    assert "] 1/2 (50%)\r\x1b[K\r[" in terminal.getvalue()
    assert terminal.getvalue().endswith("] 2/2 (100%), 1 failed\n")
    assert "" == pipe.getvalue()


def test_single_source_keeps_the_one_document_mode(tmp_path: Path) -> None:
    """One SOURCE with -o writes exactly that file, as before batches existed."""
    report = examples.load("sample-2021")
    source = tmp_path / "one.json"
    source.write_text(to_json(report), encoding="utf-8")
    assert 0 == main(["--no-plugins", "convert", str(source), "--to", "yaml", "-o", str(tmp_path / "one.yaml")])
    assert (tmp_path / "one.yaml").read_text(encoding="utf-8").startswith("schema_version: 1")
