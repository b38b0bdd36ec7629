"""``govdisclose fill``: a report filled in from the Excel workbook that ``govdisclose new --to xlsx`` wrote."""

from __future__ import annotations

import argparse

from ..serialize import dump_report
from ..serialize._files import FORMATS, format_for, write_output
from ._core import Run, Session

__all__ = ["fill"]


def fill(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose fill [REPORT] WORKBOOK``: the report with the workbook's numbers and prose."""
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="[REPORT] WORKBOOK",
        help="the filled-in .xlsx; before it, the report it was written from (default: the one kept in the workbook)",
    )
    parser.add_argument("--to", choices=FORMATS, help="document format (default: from the -o suffix; json)")
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..batch import load_source
        from ..workbook import fill as fill_workbook
        from ..workbook import report_of

        if len(options.sources) > 2:
            parser.error("give the workbook, and at most one report before it")
        *report, workbook = options.sources
        base = load_source(report[0], registry=session.host.kinds) if report else report_of(workbook)
        filled = fill_workbook(base, workbook)
        write_output(dump_report(filled, options.to or format_for(options.output)), options.output)
        return 0

    return run
