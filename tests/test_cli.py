import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclose import examples
from govdisclose.cli import COMMANDS, Command, main
from govdisclose.model import default_kinds
from govdisclose.render import render_text


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the real command line in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "govdisclose", *args], input=stdin, capture_output=True, check=False)


def test_demo_prints_the_seed_report() -> None:
    """``govdisclose demo`` prints the bundled seed as Chinese text."""
    result = run("demo")
    assert 0 == result.returncode
    assert render_text(examples.load("sanyuan-chengguan-2017")) == result.stdout.decode()


def test_convert_then_render_equals_demo() -> None:
    """``convert example:… --to json | render - --to text`` prints what ``demo`` prints."""
    converted = run("convert", "example:sanyuan-chengguan-2017", "--to", "json")
    assert 0 == converted.returncode
    rendered = run("render", "-", "--to", "text", stdin=converted.stdout)
    assert 0 == rendered.returncode
    assert run("demo").stdout == rendered.stdout


def test_examples_lists_names_and_titles(capsys: pytest.CaptureFixture[str]) -> None:
    """``govdisclose examples`` lists every bundled example with its title."""
    assert 0 == main(["examples"])
    lines = capsys.readouterr().out.splitlines()
    assert list(examples.names()) == [line.split("\t")[0] for line in lines]


@pytest.mark.parametrize("fmt", ["json", "toml", "yaml"])
def test_convert_round_trips_through_files(tmp_path: Path, fmt: str) -> None:
    """Converting to a file and rendering that file gives the seed's text again."""
    target = tmp_path / f"seed.{fmt}"
    assert 0 == main(["convert", "example:sanyuan-chengguan-2017", "--to", fmt, "-o", str(target)])
    out = tmp_path / "seed.txt"
    assert 0 == main(["render", str(target), "-o", str(out)])
    assert render_text(examples.load("sanyuan-chengguan-2017")) == out.read_text(encoding="utf-8")


def test_schema_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    """``govdisclose schema`` prints a JSON Schema document."""
    assert 0 == main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]


def _bad(tmp_path: Path, mutate: object) -> Path:
    data = json.loads(examples.text("sanyuan-chengguan-2017"))
    mutate(data)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["sections"][1]["subsections"][0]["blocks"][0]["content"].__setitem__(
                1, {"kind": "count", "value": "x"}
            ),
            "expected an integer, got string 'x' @ $.sections[1].subsections[0].blocks[0].content[1].value",
        ),
        (
            lambda d: d["sections"][3]["blocks"][0].__setitem__("kind", "x"),
            f"unknown block kind 'x'; known kinds: {', '.join(default_kinds.block_kinds())} @ $.sections[3].blocks[0]",
        ),
        (
            lambda d: d["sections"][1]["subsections"][0]["blocks"][0]["content"][1].__setitem__("value", -3),
            "'value' must be >= 0 (got -3) @ $.sections[1].subsections[0].blocks[0].content[1].value",
        ),
    ],
)
def test_bad_input_gives_one_line_and_nonzero_exit(tmp_path: Path, mutate: object, message: str) -> None:
    """A bad document exits non-zero with one line naming the file and the path, and no traceback."""
    path = _bad(tmp_path, mutate)
    result = run("--no-plugins", "render", str(path))
    assert 1 == result.returncode
    assert f"govdisclose: error: {path}: {message}\n" == result.stderr.decode()
    assert b"" == result.stdout


def test_missing_file(tmp_path: Path) -> None:
    """A file that does not exist is reported in one line."""
    result = run("render", str(tmp_path / "nope.json"))
    assert 1 == result.returncode
    assert "No such file or directory" in result.stderr.decode()
    assert 1 == len(result.stderr.splitlines())


def test_unknown_example(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown example name lists the known ones."""
    assert 1 == main(["render", "example:nope"])
    assert "no bundled example 'nope'; known examples: " in capsys.readouterr().err


def test_unknown_output_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unregistered --to format exits with 2 and names the known formats."""
    assert 2 == main(["render", "example:sanyuan-chengguan-2017", "--to", "pdf"])
    assert "unknown output format 'pdf'" in capsys.readouterr().err


def test_failed_render_leaves_no_file(tmp_path: Path) -> None:
    """When loading fails, the output file is not created."""
    target = tmp_path / "out.txt"
    assert 1 == main(["render", str(tmp_path / "missing.json"), "-o", str(target)])
    assert not target.exists()
    assert [] == list(tmp_path.iterdir())


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_every_command_of_the_table_configures_its_parser(command: Command) -> None:
    """Each line of the command table names an importable configure that adds options and returns the work."""
    parser = argparse.ArgumentParser(prog=f"govdisclose {command.name}")
    run = command.load()(parser)
    assert callable(run)
    assert command.name in parser.format_help()


def test_a_command_imports_only_what_it_uses() -> None:
    """``check`` imports neither the other subcommands' modules nor the readers; ``examples`` loads no plugins."""
    code = (
        "import sys\n"
        "from govdisclose.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('govdisclose.'))), file=sys.stderr)\n"
    )
    checked = subprocess.run(
        [sys.executable, "-c", code, "check", "example:sample-2021"], capture_output=True, text=True, check=True
    )
    modules = set(checked.stderr.split())
    assert {"govdisclose.cli._check", "govdisclose.checks"} <= modules
    assert set() == modules & {"govdisclose.cli._documents", "govdisclose.cli._info", "govdisclose.read"}
    listed = subprocess.run([sys.executable, "-c", code, "examples"], capture_output=True, text=True, check=True)
    assert "govdisclose.plugins" not in listed.stderr.split()


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A word that is no subcommand exits 2 with argparse's message listing the subcommands."""
    with pytest.raises(SystemExit) as exited:
        main(["nope"])
    assert 2 == exited.value.code
    assert "invalid choice: 'nope'" in capsys.readouterr().err
