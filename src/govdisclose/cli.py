"""The ``govdisclose`` command line: a thin layer over the public API.

Every command that takes a SOURCE accepts a file path (``.json``, ``.toml``, ``.yaml``), ``-`` for standard input, or
``example:NAME`` for a bundled example. Errors print one line naming the source and the path of the problem, and exit
with status 1 (2 for a usage error); no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import examples
from ._errors import GovDiscloseError, RegistryError
from ._version import __version__
from .checks import check, default_rules
from .model import AgencyLevel, AgencyRole, Edition, Report
from .render import default_renderers, render
from .serialize import FORMATS, dump_report, format_for, json_schema, load_report, write_output
from .templates import new_report

__all__ = ["main"]

DEMO_EXAMPLE = "sanyuan-chengguan-2017"


def _add_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source", metavar="SOURCE", help="a report file (.json/.toml/.yaml), - for stdin, or example:NAME"
    )
    parser.add_argument(
        "--from", dest="fmt", choices=FORMATS, help="the SOURCE's format (default: from its suffix; json)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govdisclose", description="Model, check and render 政府信息公开工作年度报告 (annual reports)."
    )
    parser.add_argument("--version", action="version", version=f"govdisclose {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("demo", help="print the bundled seed report as Chinese text")
    commands.add_parser("examples", help="list the bundled examples")

    render_cmd = commands.add_parser("render", help="render a report (text …)")
    _add_source(render_cmd)
    render_cmd.add_argument(
        "--to", default="text", help=f"output format (default text; known: {', '.join(default_renderers.names())})"
    )
    render_cmd.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    convert = commands.add_parser("convert", help="convert a report between JSON, TOML and YAML")
    _add_source(convert)
    convert.add_argument("--to", required=True, choices=FORMATS, help="document format to write")
    convert.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    schema = commands.add_parser("schema", help="print the JSON Schema of the report document format")
    schema.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    new = commands.add_parser("new", help="write a blank report of an edition, ready to fill")
    new.add_argument("--edition", required=True, choices=[e.value for e in Edition], help="the report format")
    new.add_argument("--agency", required=True, help="the reporting organ's name")
    new.add_argument("--year", required=True, type=int, help="the year reported on")
    new.add_argument("--level", choices=[level.value for level in AgencyLevel], help="the agency's level")
    new.add_argument("--role", choices=[role.value for role in AgencyRole], help="government or department")
    new.add_argument("--to", choices=FORMATS, help="document format (default: from the -o suffix; json)")
    new.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    check_cmd = commands.add_parser("check", help="check reports against the rule catalog (exit 1 on an error)")
    check_cmd.add_argument(
        "sources", metavar="SOURCE", nargs="+", help="report files (.json/.toml/.yaml), - for stdin, or example:NAME"
    )
    check_cmd.add_argument("--from", dest="fmt", choices=FORMATS, help="the SOURCEs' format (default: from the suffix)")
    check_cmd.add_argument("--previous", metavar="SOURCE", help="last year's report, for the rules across years")
    check_cmd.add_argument("--format", dest="output_format", choices=("text", "json"), default="text")
    check_cmd.add_argument("--disable", metavar="ID", action="append", default=[], help="a rule not to run")
    check_cmd.add_argument(
        "--severity", metavar="ID=LEVEL", action="append", default=[], help="re-grade a rule (error/warning/info)"
    )
    commands.add_parser("rules", help="list the rules of the check catalog")
    return parser


def _load(source: str, fmt: str | None) -> Report:
    """A report from a file, ``-`` or ``example:NAME``."""
    if source.startswith("example:"):
        return examples.load(source.removeprefix("example:"))
    return load_report(source, fmt=fmt)


def _check(args: argparse.Namespace) -> int:
    """``govdisclose check``: text (a line per finding, grouped per source) or JSON Lines (a document per source)."""
    levels = dict(item.partition("=")[::2] for item in args.severity)
    if any(not rule_id or not level for rule_id, level in levels.items()):
        raise ValueError("--severity takes ID=LEVEL, e.g. table.incomplete=info")
    try:
        rules = default_rules.configure(disable=args.disable, severity=levels)
    except RegistryError as exc:  # a usage error, not a problem of a source
        raise ValueError(str(exc)) from None
    loaded = []
    for source in (*args.sources, *((args.previous,) if args.previous else ())):
        args.source = source  # main() names the source in the one-line error
        loaded.append(_load(source, args.fmt))
    previous = loaded.pop() if args.previous else None
    results = []
    for source, report in zip(args.sources, loaded, strict=True):
        args.source = source
        results.append((source, check(report, previous=previous, rules=rules)))
    args.source = None
    if args.output_format == "json":
        write_output("".join(result.to_json(source=source, indent=None) + "\n" for source, result in results), "-")
    else:
        groups = [f"{source} ({result.report.display_title})\n{result.to_text()}" for source, result in results]
        totals = {key: sum(result.counts[key] for _, result in results) for key in ("error", "warning", "explained")}
        summary = (
            f"{len(results)} report{'s' * (len(results) > 1)}: {totals['error']} error{'s' * (totals['error'] != 1)}, "
            f"{totals['warning']} warning{'s' * (totals['warning'] != 1)}, "
            f"{sum(result.counts['info'] for _, result in results)} info ({totals['explained']} explained)"
        )
        write_output("\n".join(groups) + summary + "\n", "-")
    return 0 if all(result.ok for _, result in results) else 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        write_output(str(render(examples.load(DEMO_EXAMPLE), to="text")), "-")
    elif args.command == "examples":
        lines = [f"{name}\t{examples.load(name).display_title}" for name in examples.names()]
        write_output("\n".join(lines) + "\n", "-")
    elif args.command == "render":
        report = _load(args.source, args.fmt)
        document = render(report, to=args.to)
        if isinstance(document, bytes) and args.output == "-" and sys.stdout.isatty():
            raise ValueError(f"--to {args.to} writes a binary file; give one with -o FILE or redirect standard output")
        write_output(document, args.output)
    elif args.command == "convert":
        report = _load(args.source, args.fmt)
        write_output(dump_report(report, args.to), args.output)
    elif args.command == "schema":
        write_output(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", args.output)
    elif args.command == "new":
        blank = new_report(edition=args.edition, agency=args.agency, year=args.year, level=args.level, role=args.role)
        write_output(dump_report(blank, args.to or format_for(args.output)), args.output)
    elif args.command == "check":
        return _check(args)
    elif args.command == "rules":
        lines = [f"{rule.id}\t{rule.severity.value}\t{rule.scope}\t{rule.title}" for rule in default_rules]
        write_output("\n".join(lines) + "\n", "-")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except GovDiscloseError as exc:
        where = getattr(args, "source", None)
        print(f"govdisclose: error: {where + ': ' if where else ''}{exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # an unknown output format and the like: a usage problem
        print(f"govdisclose: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return 130
