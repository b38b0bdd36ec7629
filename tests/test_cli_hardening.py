"""Batches that lose nothing: hostile sources, unwritable outputs, bad options, signals (issue 16, "Batches")."""

from __future__ import annotations

import json
import os
import pty
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from govdisclose import examples
from govdisclose.cli import main

HOSTILE = Path(__file__).parent / "data" / "hostile"  # copies of ../shared/hostile
needs_hostile = pytest.mark.skipif(not HOSTILE.is_dir(), reason="the hostile inputs are missing")


def cli(*args: str, timeout: float = 30, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The real command line in a fresh interpreter, without plugins."""
    return subprocess.run(
        [sys.executable, "-m", "govdisclose", "--no-plugins", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        **kwargs,  # type: ignore[call-overload]
    )


@needs_hostile
@pytest.mark.parametrize("output_format", ["jsonl", "text"])
def test_a_lone_surrogate_fails_its_source_only(output_format: str) -> None:
    """surrogate.json between two good reports: one error line naming it, both good ones checked, JSON Lines whole."""
    good, bad = str(HOSTILE / "good.json"), str(HOSTILE / "surrogate.json")
    result = cli("check", good, bad, good, "--format", output_format, timeout=2 * 10)
    assert 1 == result.returncode
    message = "cannot write standard output: the output holds a lone surrogate U+D800 at character"
    lines = result.stderr.splitlines()
    assert 1 == len(lines)
    assert lines[0].startswith(f"govdisclose: error: {bad}: {message} ")
    if output_format == "jsonl":
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert [good, bad, good] == [record["source"] for record in records]
        assert ["SourceError"] == [record.get("error_type") for record in records if "error" in record]
        assert [True, True] == [record["ok"] for record in records if "error" not in record]
    else:
        assert result.stdout.endswith("2 reports: 0 errors, 0 warnings, 0 info (0 explained); 1 source failed\n")


@needs_hostile
def test_a_lone_surrogate_in_a_rendered_file_fails_that_file_only(tmp_path: Path) -> None:
    """``render --output-dir``: the surrogate report gets an error line and no file; the good one is written."""
    (tmp_path / "in").mkdir()
    for name in ("good.json", "surrogate.json"):
        (tmp_path / "in" / name).write_bytes((HOSTILE / name).read_bytes())
    result = cli("render", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"), timeout=20)
    assert 1 == result.returncode
    assert ["good.txt"] == sorted(path.name for path in (tmp_path / "out").iterdir())
    assert 1 == len(result.stderr.splitlines())
    assert "surrogate.json: cannot write " in result.stderr


@needs_hostile
def test_colliding_output_names_are_refused_before_any_work(tmp_path: Path) -> None:
    """``a/report.json`` and ``b/report.json`` would both be report.html: a usage error naming both; nothing written."""
    out = tmp_path / "out"
    result = cli("render", str(HOSTILE / "collide"), "--output-dir", str(out), "--to", "html", timeout=20)
    assert 2 == result.returncode
    a, b = HOSTILE / "collide" / "a" / "report.json", HOSTILE / "collide" / "b" / "report.json"
    assert f"govdisclose: error: --output-dir: {a} and {b} would both be written to report.html" in result.stderr
    assert not out.exists()


def test_the_same_stem_in_two_formats_collides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``r.json`` and ``r.yaml`` would both be r.txt: refused (status 2)."""
    (tmp_path / "r.json").write_text(examples.text("sample-2021"), encoding="utf-8")
    (tmp_path / "r.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    assert 2 == main(["--no-plugins", "convert", str(tmp_path), "--to", "toml", "--output-dir", str(tmp_path / "o")])
    assert f"{tmp_path / 'r.json'} and {tmp_path / 'r.yaml'} would both be written to r.toml" in capsys.readouterr().err


def test_an_output_that_cannot_be_written_fails_its_source_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where one output file cannot be written (a directory in its place), that source fails; the others are written."""
    sources = []
    for name in ("a", "b", "c"):
        sources.append(tmp_path / f"{name}.json")
        sources[-1].write_text(examples.text("sample-2021"), encoding="utf-8")
    out = tmp_path / "out"
    (out / "b.txt").mkdir(parents=True)
    assert 1 == main(["--no-plugins", "render", *map(str, sources), "--output-dir", str(out)])
    assert [f"govdisclose: error: {sources[1]}: cannot write {out / 'b.txt'}: Is a directory"] == (
        capsys.readouterr().err.splitlines()
    )
    assert ["a.txt", "b.txt", "c.txt"] == sorted(path.name for path in out.iterdir())
    assert (out / "c.txt").read_text(encoding="utf-8").startswith("示例县教育局")
    assert [] == [path.name for path in out.iterdir() if path.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("value", "message"),
    [("0", "must be at least 1 (got 0)"), ("-5", "must be at least 1 (got -5)"), ("x", "expected a whole number")],
)
def test_jobs_must_be_a_positive_whole_number(value: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``--jobs 0``, ``-5`` or ``x`` is a usage error (status 2) saying what --jobs takes."""
    with pytest.raises(SystemExit) as exited:
        main(["check", "example:sample-2021", "--jobs", value])
    assert 2 == exited.value.code
    assert f"argument -j/--jobs: {message}" in capsys.readouterr().err


def test_output_files_take_the_umask_mode(tmp_path: Path) -> None:
    """Under umask 022 an output file is 0644, also when it replaces a 0600 file (mkstemp's 0600 is not kept)."""
    target = tmp_path / "seed.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    previous = os.umask(0o022)
    try:
        assert 0 == main(["--no-plugins", "render", "example:sanyuan-chengguan-2017", "-o", str(target)])
        assert 0 == main(["--no-plugins", "render", "example:sample-2021", "--output-dir", str(tmp_path / "d")])
    finally:
        os.umask(previous)
    assert 0o644 == stat.S_IMODE(target.stat().st_mode)
    assert 0o644 == stat.S_IMODE((tmp_path / "d" / "sample-2021.txt").stat().st_mode)


def test_read_stops_an_endless_source_at_the_size_limit() -> None:
    """``read /dev/zero`` ends with one line naming the limit, not a MemoryError, within seconds."""
    start = time.monotonic()
    result = cli("read", "/dev/zero", timeout=20)
    assert 1 == result.returncode
    assert result.stderr.startswith("govdisclose: error: /dev/zero: ")
    assert "more than 256 MiB" in result.stderr
    assert 1 == len(result.stderr.splitlines())
    assert 10 > time.monotonic() - start  # a generous bound for a busy machine; the point is that it ends


def test_long_error_messages_are_bounded(tmp_path: Path) -> None:
    """A 3-million-character kind tag gives a message cut at 2,000 characters that says how much was left out."""
    data = json.loads(examples.text("sample-2021"))
    data["sections"][0]["kind"] = "k" * 3_000_000
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("check", str(path))
    assert 1 == result.returncode
    line = result.stderr.rstrip("\n")
    assert "\n" not in line
    assert line.endswith(" more characters)")
    assert 2_100 > len(line)


def _on_a_terminal(*args: str) -> str:
    """What the command line writes to a terminal (a pseudo-terminal on standard output)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "govdisclose", "--no-plugins", *args], stdout=follower, stderr=subprocess.DEVNULL
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_escape_sequences_in_report_text_reach_a_terminal_escaped(tmp_path: Path) -> None:
    r"""An agency name holding ``ESC[2J`` (clear the screen) reaches a terminal as ``\x1b[2J`` (render and check)."""
    data = json.loads(examples.text("sample-2021"))
    data["agency"]["name"] = "示例局\x1b[2J\x07"
    path = tmp_path / "esc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for args in (("render", str(path)), ("check", str(path))):
        shown = _on_a_terminal(*args)
        assert "\x1b" not in shown
        assert "\x07" not in shown
        assert "示例局\\x1b[2J\\x07" in shown
    piped = cli("render", str(path))
    assert "示例局\x1b[2J\x07" in piped.stdout  # a file or a pipe gets the text as it is


def test_a_plugin_that_exits_at_import_is_a_clear_error(tmp_path: Path) -> None:
    """A plugin module calling sys.exit(3) while imported: status 1 and one line, not a silent exit."""
    dist = tmp_path / "exiting_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: exiting-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[govdisclose.plugins]\nexiting = exiting_plugin\n", encoding="utf-8")
    (tmp_path / "exiting_plugin.py").write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "govdisclose", "rules"], capture_output=True, text=True, check=False, env=env, timeout=30
    )
    assert 1 == result.returncode
    assert (
        "govdisclose: error: a plugin called sys.exit(3) while loading; run with --no-plugins to skip plugins\n"
        == result.stderr
    )


def _reports(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = examples.text("sample-2021")
    for index in range(count):
        (folder / f"r{index:04d}.json").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_workers_and_leaves_whole_json_lines(tmp_path: Path, signum: int) -> None:
    """SIGTERM or SIGINT mid-batch: exit 128+N, every line written is whole JSON, and no worker is left running."""
    _reports(tmp_path / "in", 400)
    command = [sys.executable, "-m", "govdisclose", "--no-plugins", "render", str(tmp_path / "in"), "--jobs", "2"]
    with subprocess.Popen([*command, "--format", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()  # the batch is running: the workers have given a result
        workers = psutil.Process(process.pid).children(recursive=True)
        process.send_signal(signum)
        rest = process.stdout.read()  # through the buffered reader of the first line (communicate would skip it)
        errors = process.stderr.read()
        process.wait(timeout=30)
    lines = (first + rest).decode().splitlines()
    assert 128 + signum == process.returncode
    assert 400 > len(lines)
    assert all("output" in json.loads(line) for line in lines)
    assert f"govdisclose: interrupted ({signal.Signals(signum).name})\n" == errors.decode()
    psutil.wait_procs(workers, timeout=10)
    assert [] == [worker.pid for worker in workers if worker.is_running() and worker.status() != psutil.STATUS_ZOMBIE]


def test_sigterm_while_writing_files_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM during ``render --output-dir``: the files written are whole, and no ``.NAME.tmp`` is left behind."""
    _reports(tmp_path / "in", 400)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "govdisclose", "--no-plugins", "render", str(tmp_path / "in"), "--to", "html"]
    with subprocess.Popen([*command, "--output-dir", str(out)], stderr=subprocess.PIPE) as process:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (out.exists() and any(out.iterdir())):
            time.sleep(0.01)
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    assert 128 + signal.SIGTERM == process.returncode
    names = sorted(path.name for path in out.iterdir())
    assert [] == [name for name in names if name.startswith(".")]
    assert 400 > len(names)
    assert all(path.read_text(encoding="utf-8").rstrip().endswith("</html>") for path in out.iterdir())
