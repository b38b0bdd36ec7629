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
from ._errors import GovDiscloseError, RegistryError, SourceError
from ._version import __version__
from .checks import check
from .model import AgencyLevel, AgencyRole, Edition, Report
from .plugins import PluginHost, default_host, load_plugins
from .read import read_html, read_text
from .render import default_renderers, display_width, pad, render
from .serialize import FORMATS, dump_report, format_for, json_schema, load_report, read_source, write_output
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
    parser.add_argument(
        "--no-plugins", action="store_true", help="do not load the installed plugins (entry points govdisclose.plugins)"
    )
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

    kinds_cmd = commands.add_parser("kinds", help="list the registered kinds, rules, renderers … and their sources")
    kinds_cmd.add_argument("--format", dest="output_format", choices=("text", "json"), default="text")

    read_cmd = commands.add_parser("read", help="read a published report (.txt or .html) into the model")
    read_cmd.add_argument("source", metavar="SOURCE", help="a .txt or .html file, or - for stdin")
    read_cmd.add_argument("--to", choices=("json", "text"), default="json", help="write the report as (default json)")
    read_cmd.add_argument(
        "--from", dest="fmt", choices=("text", "html"), help="the SOURCE's kind (default: from its suffix or content)"
    )
    return parser


def _load(source: str, fmt: str | None, host: PluginHost) -> Report:
    """A report from a file, ``-`` or ``example:NAME``."""
    if source.startswith("example:"):
        return examples.load(source.removeprefix("example:"))
    return load_report(source, fmt=fmt, registry=host.kinds)


def _plugin_host(no_plugins: bool) -> PluginHost:
    """The registries of this run: the defaults, and a copy of them with the installed plugins when there are any.

    Plugins load into a copy, so that running :func:`main` in a process leaves the default registries as they were.
    """
    if no_plugins:
        return default_host()
    host = default_host().copy()
    return host if load_plugins(host) else default_host()


def _kinds(host: PluginHost, output_format: str) -> str:
    """``govdisclose kinds``: every registration with its source, then the plugins loaded."""
    entries = host.inventory()
    if output_format == "json":
        data = {
            "plugins": [
                {"name": p.name, "value": p.value, "distribution": p.distribution, "version": p.version}
                for p in host.plugins
            ],
            "registrations": [
                {"category": e.category, "name": e.name, "source": e.source, "detail": e.detail} for e in entries
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    rows = [("WHAT", "NAME", "SOURCE", "DETAIL"), *((e.category, e.name, e.source, e.detail) for e in entries)]
    widths = [max(display_width(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join([*(pad(row[i], widths[i]) for i in range(3)), row[3]]).rstrip() for row in rows]
    lines.append("")
    lines.extend(f"plugin {p.name} = {p.value} ({p.origin})" for p in host.plugins)
    if not host.plugins:
        lines.append("no plugins loaded")
    return "\n".join(lines) + "\n"


def _check(args: argparse.Namespace) -> int:
    """``govdisclose check``: text (a line per finding, grouped per source) or JSON Lines (a document per source)."""
    levels = dict(item.partition("=")[::2] for item in args.severity)
    if any(not rule_id or not level for rule_id, level in levels.items()):
        raise ValueError("--severity takes ID=LEVEL, e.g. table.incomplete=info")
    try:
        rules = args.host.rules.configure(disable=args.disable, severity=levels)
    except RegistryError as exc:  # a usage error, not a problem of a source
        raise ValueError(str(exc)) from None
    loaded = []
    for source in (*args.sources, *((args.previous,) if args.previous else ())):
        args.source = source  # main() names the source in the one-line error
        loaded.append(_load(source, args.fmt, args.host))
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


def _read(args: argparse.Namespace) -> int:
    """``govdisclose read``: the report to standard output, one diagnostic per line to standard error."""
    data = read_source(args.source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot read {args.source}: not UTF-8 ({exc.reason})", source=args.source) from None
    kind = args.fmt or ("html" if args.source.lower().endswith((".html", ".htm")) else None)
    if kind is None:
        kind = "html" if text.lstrip()[:1] == "<" else "text"
    reader = read_html if kind == "html" else read_text
    result = reader(text, source=None if args.source == "-" else args.source)
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    write_output(dump_report(result.report, "json") if args.to == "json" else str(render(result.report)), "-")
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        write_output(str(render(examples.load(DEMO_EXAMPLE), to="text")), "-")
    elif args.command == "examples":
        lines = [f"{name}\t{examples.load(name).display_title}" for name in examples.names()]
        write_output("\n".join(lines) + "\n", "-")
    elif args.command == "render":
        report = _load(args.source, args.fmt, args.host)
        gaps = args.host.unrendered_in(report, args.to)
        if gaps:  # a plugin's block kind that this format cannot draw: one line, not a traceback
            path, tag = gaps[0]
            source = args.host.kinds.source("block", tag)
            raise RegistryError(f"{source} registers no {args.to} function for block kind {tag!r} @ {path}", tag=tag)
        document = render(report, to=args.to, renderers=args.host.renderers)
        if isinstance(document, bytes) and args.output == "-" and sys.stdout.isatty():
            raise ValueError(f"--to {args.to} writes a binary file; give one with -o FILE or redirect standard output")
        write_output(document, args.output)
    elif args.command == "convert":
        report = _load(args.source, args.fmt, args.host)
        write_output(dump_report(report, args.to, registry=args.host.kinds), args.output)
    elif args.command == "schema":
        schema = json_schema(registry=args.host.kinds)
        write_output(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    elif args.command == "new":
        blank = new_report(edition=args.edition, agency=args.agency, year=args.year, level=args.level, role=args.role)
        write_output(dump_report(blank, args.to or format_for(args.output)), args.output)
    elif args.command == "check":
        return _check(args)
    elif args.command == "read":
        return _read(args)
    elif args.command == "rules":
        lines = [f"{rule.id}\t{rule.severity.value}\t{rule.scope}\t{rule.title}" for rule in args.host.rules]
        write_output("\n".join(lines) + "\n", "-")
    elif args.command == "kinds":
        write_output(_kinds(args.host, args.output_format), "-")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit status."""
    args = _parser().parse_args(argv)
    try:
        args.host = _plugin_host(args.no_plugins)
    except GovDiscloseError as exc:  # a broken plugin: say which, and how to run without plugins
        print(f"govdisclose: error: {exc}; run with --no-plugins to skip plugins", file=sys.stderr)
        return 1
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
