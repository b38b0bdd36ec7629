"""The ``govdisclose`` command line: a thin layer over the public API and :mod:`govdisclose.batch`.

Every command that takes a SOURCE accepts a file path (``.json``, ``.toml``, ``.yaml``), ``-`` for standard input, or
``example:NAME`` for a bundled example; ``check``, ``render``, ``convert`` and ``read`` take many SOURCEs and
directories, with ``--jobs N`` worker processes and a progress bar on a terminal. Errors print one line naming the
source and the path of the problem, and exit with status 1 (2 for a usage error); no traceback. With many sources,
a source that fails is reported and the others go on.

The subcommands are the lines of :data:`COMMANDS`. Each lives in a module of its own, imported only when it runs, as a
``configure(parser) -> run`` function (see :mod:`govdisclose.cli._core`); adding a subcommand is one line here.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence

from .._errors import GovDiscloseError
from .._version import __version__
from ._core import Command, CommandError, Interrupted, Run, Session, bounded, visible

__all__ = ["COMMANDS", "Command", "CommandError", "Session", "main"]

COMMANDS: tuple[Command, ...] = (
    Command("demo", "print the bundled seed report as Chinese text", "govdisclose.cli._info:demo"),
    Command("examples", "list the bundled examples", "govdisclose.cli._info:examples"),
    Command("render", "render reports (text, markdown, html, docx …)", "govdisclose.cli._documents:render"),
    Command("convert", "convert reports between JSON, TOML and YAML", "govdisclose.cli._documents:convert"),
    Command("schema", "print the JSON Schema of the report document format", "govdisclose.cli._info:schema"),
    Command("new", "write a blank report of an edition, ready to fill", "govdisclose.cli._info:new"),
    Command("fill", "fill a report from an Excel workbook written by new --to xlsx", "govdisclose.cli._workbook:fill"),
    Command("check", "check reports against the rule catalog (exit 1 on an error)", "govdisclose.cli._check:check"),
    Command("rules", "list the rules of the check catalog", "govdisclose.cli._check:rules"),
    Command("kinds", "list the registered kinds, rules, renderers … and their sources", "govdisclose.cli._info:kinds"),
    Command("read", "read published reports (PDF, Word, HTML, text) into the model", "govdisclose.cli._documents:read"),
    Command(
        "export", "export the figures of many reports to csv, parquet, xlsx or duckdb", "govdisclose.cli._data:export"
    ),
    Command("compare", "compare last year's report of an agency with this year's", "govdisclose.cli._compare:compare"),
    Command("rollup", "sum a region's children reports and compare with its own", "govdisclose.cli._rollup:rollup"),
    Command(
        "summary", "an overview of a folder of reports (text, or html with charts)", "govdisclose.cli._summary:summary"
    ),
)
"""The subcommands, in the order ``govdisclose --help`` lists them."""


def _parser(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, Run | None]:
    """The parser, with the options of the one subcommand *argv* names (the others are not even imported)."""
    parser = argparse.ArgumentParser(
        prog="govdisclose", description="Model, check and render 政府信息公开工作年度报告 (annual reports)."
    )
    parser.add_argument("--version", action="version", version=f"govdisclose {__version__}")
    parser.add_argument(
        "--no-plugins", action="store_true", help="do not load the installed plugins (entry points govdisclose.plugins)"
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # The global options take no value, so the first word that is not an option names the subcommand.
    named = next((word for word in argv if not word.startswith("-")), None)
    run: Run | None = None
    for command in COMMANDS:
        subparser = subparsers.add_parser(command.name, help=command.help)
        if command.name == named:
            run = command.load()(subparser)
    return parser, run


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser, run = _parser(words)
    args = parser.parse_args(words)
    assert run is not None  # parse_args exits unless a subcommand was named
    try:
        with Session(plugins=not args.no_plugins).active() as session:  # its plugins, once loaded, are the active host
            return run(args, session)
    except CommandError as exc:
        print(f"govdisclose: error: {visible(bounded(str(exc)))}", file=sys.stderr)
        return exc.status
    except GovDiscloseError as exc:  # what is not about one source: a blank report's invalid year, an output file
        print(f"govdisclose: error: {visible(bounded(str(exc)))}", file=sys.stderr)
        return 1
    except Interrupted as exc:  # SIGINT or SIGTERM during a batch: the workers are stopped, every output is whole
        print(f"govdisclose: interrupted ({signal.Signals(exc.signum).name})", file=sys.stderr)
        return 128 + exc.signum
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return 130
