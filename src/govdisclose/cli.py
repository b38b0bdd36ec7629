"""The ``govdisclose`` command line: a thin layer over the public API.

Every command that takes a SOURCE accepts a file path (``.json``, ``.toml``, ``.yaml``), ``-`` for standard input, or
``example:NAME`` for a bundled example; ``check``, ``render``, ``convert`` and ``read`` take many SOURCEs and
directories, with ``--jobs N`` worker processes and a progress bar on a terminal. Errors print one line naming the
source and the path of the problem, and exit with status 1 (2 for a usage error); no traceback. With many sources,
a source that fails is reported and the others go on.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import examples
from ._cli_batch import (
    DOCUMENT_SUFFIXES,
    PUBLISHED_SUFFIXES,
    check_task,
    convert_task,
    failure_line,
    jsonl,
    load,
    output_path,
    read_task,
    render_task,
    run_batch,
)
from ._errors import GovDiscloseError, RegistryError
from ._version import __version__
from .batch import Result
from .checks import RuleSet
from .model import AgencyLevel, AgencyRole, Edition
from .plugins import PluginHost, default_host, load_plugins
from .render import default_renderers, display_width, pad, render
from .serialize import FORMATS, dump_report, format_for, json_schema, write_output
from .templates import new_report

__all__ = ["main"]

DEMO_EXAMPLE = "sanyuan-chengguan-2017"


def _add_sources(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("sources", metavar="SOURCE", nargs="+", help=what)
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes for many sources (default 1: this process)"
    )


def _add_outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", default="-", help="output file for one SOURCE (default: standard output)")
    parser.add_argument("--output-dir", metavar="DIR", help="write one file per SOURCE into DIR")
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("plain", "jsonl"),
        default="plain",
        help="jsonl: one JSON record per SOURCE on standard output ({source, output} or {source, error})",
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

    render_cmd = commands.add_parser("render", help="render reports (text, markdown, html, docx …)")
    _add_sources(render_cmd, "report files (.json/.toml/.yaml) or directories of them, - for stdin, or example:NAME")
    render_cmd.add_argument(
        "--from", dest="fmt", choices=FORMATS, help="the SOURCEs' format (default: from the suffix)"
    )
    render_cmd.add_argument(
        "--to", default="text", help=f"output format (default text; known: {', '.join(default_renderers.names())})"
    )
    _add_outputs(render_cmd)

    convert = commands.add_parser("convert", help="convert reports between JSON, TOML and YAML")
    _add_sources(convert, "report files (.json/.toml/.yaml) or directories of them, - for stdin, or example:NAME")
    convert.add_argument("--from", dest="fmt", choices=FORMATS, help="the SOURCEs' format (default: from the suffix)")
    convert.add_argument("--to", required=True, choices=FORMATS, help="document format to write")
    _add_outputs(convert)

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
    _add_sources(check_cmd, "report files (.json/.toml/.yaml) or directories of them, - for stdin, or example:NAME")
    check_cmd.add_argument("--from", dest="fmt", choices=FORMATS, help="the SOURCEs' format (default: from the suffix)")
    check_cmd.add_argument("--previous", metavar="SOURCE", help="last year's report, for the rules across years")
    check_cmd.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text, or JSON Lines: one findings document per source (json is the same)",
    )
    check_cmd.add_argument("--disable", metavar="ID", action="append", default=[], help="a rule not to run")
    check_cmd.add_argument(
        "--severity", metavar="ID=LEVEL", action="append", default=[], help="re-grade a rule (error/warning/info)"
    )
    commands.add_parser("rules", help="list the rules of the check catalog")

    kinds_cmd = commands.add_parser("kinds", help="list the registered kinds, rules, renderers … and their sources")
    kinds_cmd.add_argument("--format", dest="output_format", choices=("text", "json"), default="text")

    read_cmd = commands.add_parser("read", help="read published reports (.txt or .html) into the model")
    _add_sources(read_cmd, ".txt or .html files or directories of them, or - for stdin")
    read_cmd.add_argument("--to", choices=("json", "text"), default="json", help="write the report as (default json)")
    read_cmd.add_argument(
        "--from", dest="fmt", choices=("text", "html"), help="the SOURCEs' kind (default: from the suffix or content)"
    )
    _add_outputs(read_cmd)
    return parser


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


def _rules(args: argparse.Namespace) -> RuleSet:
    """The rules of this run: the host's catalog with ``--disable`` and ``--severity`` applied."""
    levels = dict(item.partition("=")[::2] for item in args.severity)
    if any(not rule_id or not level for rule_id, level in levels.items()):
        raise ValueError("--severity takes ID=LEVEL, e.g. table.incomplete=info")
    host: PluginHost = args.host
    try:
        return host.rules.configure(disable=args.disable, severity=levels)
    except RegistryError as exc:  # a usage error, not a problem of a source
        raise ValueError(str(exc)) from None


def _failed(result: Result[Any]) -> None:
    print(f"govdisclose: error: {result.source}: {result.error}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    """``govdisclose check``: text (findings grouped per source, then a summary) or JSON Lines (one per source)."""
    rules = _rules(args)
    previous = None
    if args.previous:
        args.source = args.previous  # main() names the source in the one-line error
        previous = load(args.previous, args.fmt, args.host.kinds)
        args.source = None
    task = functools.partial(check_task, fmt=args.fmt, registry=args.host.kinds, rules=rules, previous=previous)
    totals = {"error": 0, "warning": 0, "info": 0, "explained": 0}
    reports = failures = 0
    clean = True
    for result in run_batch(task, args.sources, jobs=args.jobs, suffixes=DOCUMENT_SUFFIXES):
        if not result.ok:
            failures += 1
            clean = False
            _failed(result)
            if args.output_format != "text":
                write_output(jsonl(failure_line(result)), "-")
            continue
        value = result.value
        assert value is not None
        reports += 1
        clean = clean and value["ok"]
        for key in totals:
            totals[key] += value["counts"][key]
        if args.output_format == "text":
            write_output(f"{result.source} ({value['title']})\n{value['text']}", "-")
        else:
            write_output(jsonl(value["data"]), "-")
    if args.output_format == "text":
        plural = "s" * (reports != 1)
        summary = (
            f"{reports} report{plural}: {totals['error']} error{'s' * (totals['error'] != 1)}, "
            f"{totals['warning']} warning{'s' * (totals['warning'] != 1)}, {totals['info']} info "
            f"({totals['explained']} explained)"
        )
        write_output(summary + (f"; {failures} source{'s' * (failures != 1)} failed" if failures else "") + "\n", "-")
    return 0 if clean else 1


def _single(args: argparse.Namespace) -> bool:
    """Whether a render/convert/read call is about one source written to -o (the one-document mode)."""
    if args.output_dir or args.output_format == "jsonl":
        return False
    many = len(args.sources) > 1 or any(os.path.isdir(source) for source in args.sources)
    if many:
        raise ValueError("several sources need --output-dir DIR or --format jsonl")
    return True


def _produce(args: argparse.Namespace, task: Callable[[str], Any], suffixes: Sequence[str], suffix: str) -> int:
    """Run a producing task (render, convert, read) over the sources and write its outputs."""
    if _single(args):
        args.source = args.sources[0]
        output = task(args.source)
        document, diagnostics = output if isinstance(output, tuple) else (output, ())
        for line in diagnostics:
            print(line, file=sys.stderr)
        if isinstance(document, bytes) and args.output == "-" and sys.stdout.isatty():
            raise ValueError(f"--to {args.to} writes a binary file; give one with -o FILE or redirect standard output")
        write_output(document, args.output)
        return 0
    clean = True
    for result in run_batch(task, args.sources, jobs=args.jobs, suffixes=suffixes):
        if not result.ok:
            clean = False
            _failed(result)
            if args.output_format == "jsonl":
                write_output(jsonl(failure_line(result)), "-")
            continue
        document, diagnostics = result.value if isinstance(result.value, tuple) else (result.value, ())
        if args.output_dir:
            Path(args.output_dir).mkdir(parents=True, exist_ok=True)
            write_output(document, output_path(args.output_dir, result.source, suffix))
            for line in diagnostics:
                print(f"{result.source}: {line}", file=sys.stderr)
        elif isinstance(document, bytes):
            raise ValueError(f"--to {args.to} is binary; write it with --output-dir DIR, not --format jsonl")
        else:
            record = {"source": result.source, "output": document}
            write_output(jsonl({**record, "diagnostics": list(diagnostics)} if diagnostics else record), "-")
    return 0 if clean else 1


def _render(args: argparse.Namespace) -> int:
    """``govdisclose render``: one report to ``-o``, or many to ``--output-dir``/JSON Lines."""
    renderer = args.host.renderers.get(args.to)  # an unknown format is a usage error before any work
    if _single(args):
        args.source = args.sources[0]
        report = load(args.source, args.fmt, args.host.kinds)
        gaps = args.host.unrendered_in(report, args.to)
        if gaps:  # a plugin's block kind that this format cannot draw: one line, not a traceback
            path, tag = gaps[0]
            source = args.host.kinds.source("block", tag)
            raise RegistryError(f"{source} registers no {args.to} function for block kind {tag!r} @ {path}", tag=tag)
        document = render(report, to=args.to, renderers=args.host.renderers)
        if isinstance(document, bytes) and args.output == "-" and sys.stdout.isatty():
            raise ValueError(f"--to {args.to} writes a binary file; give one with -o FILE or redirect standard output")
        write_output(document, args.output)
        return 0
    task = functools.partial(
        render_task, fmt=args.fmt, registry=args.host.kinds, to=args.to, renderers=args.host.renderers
    )
    suffix = {"text": "txt", "markdown": "md", "html-fragment": "html"}.get(renderer.name, renderer.name)
    return _produce(args, task, DOCUMENT_SUFFIXES, suffix)


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        write_output(str(render(examples.load(DEMO_EXAMPLE), to="text")), "-")
    elif args.command == "examples":
        lines = [f"{name}\t{examples.load(name).display_title}" for name in examples.names()]
        write_output("\n".join(lines) + "\n", "-")
    elif args.command == "render":
        return _render(args)
    elif args.command == "convert":
        task = functools.partial(convert_task, fmt=args.fmt, registry=args.host.kinds, to=args.to)
        return _produce(args, task, DOCUMENT_SUFFIXES, args.to)
    elif args.command == "schema":
        schema = json_schema(registry=args.host.kinds)
        write_output(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", args.output)
    elif args.command == "new":
        blank = new_report(edition=args.edition, agency=args.agency, year=args.year, level=args.level, role=args.role)
        write_output(dump_report(blank, args.to or format_for(args.output)), args.output)
    elif args.command == "check":
        return _check(args)
    elif args.command == "read":
        return _produce(args, functools.partial(read_task, kind=args.fmt, to=args.to), PUBLISHED_SUFFIXES, args.to)
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
