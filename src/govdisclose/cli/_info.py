"""The commands of one output: ``demo``, ``examples``, ``schema``, ``new`` and ``kinds``."""

from __future__ import annotations

import argparse
import json
import sys

from .. import examples as bundled
from ..model import AgencyLevel, AgencyRole, Edition
from ..serialize._files import FORMATS, write_output
from ._core import CommandError, Run, Session

__all__ = ["demo", "examples", "kinds", "new", "schema"]

DEMO_EXAMPLE = "sanyuan-chengguan-2017"


def demo(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose demo``: the bundled seed report as Chinese text."""

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..render import render

        write_output(str(render(bundled.load(DEMO_EXAMPLE), to="text")), "-")
        return 0

    return run


def examples(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose examples``: the bundled examples with their titles."""

    def run(options: argparse.Namespace, session: Session) -> int:
        lines = [f"{name}\t{bundled.load(name).display_title}" for name in bundled.names()]
        write_output("\n".join(lines) + "\n", "-")
        return 0

    return run


def schema(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose schema``: the JSON Schema of the document format (with the plugins' kinds)."""
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..serialize import json_schema

        document = json_schema(registry=session.host.kinds)
        write_output(json.dumps(document, ensure_ascii=False, indent=2) + "\n", options.output)
        return 0

    return run


def new(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose new``: a blank report of an edition, ready to fill."""
    parser.add_argument("--edition", required=True, choices=[e.value for e in Edition], help="the report format")
    parser.add_argument("--agency", required=True, help="the reporting organ's name")
    parser.add_argument("--year", required=True, type=int, help="the year reported on")
    parser.add_argument("--level", choices=[level.value for level in AgencyLevel], help="the agency's level")
    parser.add_argument("--role", choices=[role.value for role in AgencyRole], help="government or department")
    parser.add_argument(
        "--to",
        choices=(*FORMATS, "xlsx"),
        help="document format, or xlsx for an Excel workbook to fill in (default: from the -o suffix; json)",
    )
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..serialize import dump_report
        from ..serialize._files import format_for
        from ..templates import new_report

        blank = new_report(
            edition=options.edition,
            agency=options.agency,
            year=options.year,
            level=options.level,
            role=options.role,
            parts=session.host.parts if session.plugins else None,  # the parts the installed plugins add
        )
        to = options.to or ("xlsx" if str(options.output).lower().endswith(".xlsx") else format_for(options.output))
        if to == "xlsx":
            from ..workbook import to_workbook

            if options.output == "-" and sys.stdout.isatty():
                raise CommandError("refusing to write an Excel workbook to a terminal; give -o FILE.xlsx", status=2)
            write_output(to_workbook(blank), options.output)
        else:
            write_output(dump_report(blank, to, registry=session.kinds), options.output)
        return 0

    return run


def kinds(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose kinds``: every registration with its source, then the plugins loaded."""
    parser.add_argument("--format", dest="output_format", choices=("text", "json"), default="text")

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..render._layout import pad
        from ..zh import display_width

        host = session.host
        entries = host.inventory()
        if options.output_format == "json":
            data = {
                "plugins": [
                    {"name": p.name, "value": p.value, "distribution": p.distribution, "version": p.version}
                    for p in host.plugins
                ],
                "registrations": [
                    {"category": e.category, "name": e.name, "source": e.source, "detail": e.detail} for e in entries
                ],
            }
            write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "-")
            return 0
        rows = [("WHAT", "NAME", "SOURCE", "DETAIL"), *((e.category, e.name, e.source, e.detail) for e in entries)]
        widths = [max(display_width(row[i]) for row in rows) for i in range(3)]
        lines = ["  ".join([*(pad(row[i], widths[i]) for i in range(3)), row[3]]).rstrip() for row in rows]
        lines.append("")
        lines.extend(f"plugin {p.name} = {p.value} ({p.origin})" for p in host.plugins)
        if not host.plugins:
            lines.append("no plugins loaded")
        write_output("\n".join(lines) + "\n", "-")
        return 0

    return run
