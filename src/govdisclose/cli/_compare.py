"""``govdisclose compare LAST THIS``: two years of one agency (:func:`govdisclose.data.compare`)."""

from __future__ import annotations

import argparse

from .._errors import GovDiscloseError
from ..serialize._files import FORMATS, write_output
from ._core import CommandError, Run, Session

__all__ = ["compare"]


def compare(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose compare LAST THIS [--to text|json|html] [-o FILE]``; exit 1 when a finding is an error."""
    parser.add_argument("last", metavar="LAST", help="last year's report (a document, published file or example:NAME)")
    parser.add_argument("this", metavar="THIS", help="this year's report")
    parser.add_argument("--from", dest="fmt", choices=FORMATS, help="the documents' format (default: from the suffix)")
    parser.add_argument(
        "--to",
        "--format",
        dest="output_format",
        choices=("text", "json", "html"),
        default="text",
        help="text (default), json, or html: one self-contained page with charts",
    )
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..data._compare import compare as compare_reports
        from ..data._export import load_any

        registry = session.host.kinds
        reports = []
        for source in (options.last, options.this):
            try:
                reports.append(load_any(source, fmt=options.fmt, registry=registry))
            except GovDiscloseError as exc:
                raise CommandError(f"{source}: {exc}") from None
        result = compare_reports(reports[0], reports[1], registry=registry)
        text = {"json": lambda: result.to_json() + "\n", "html": result.to_html, "text": result.to_text}[
            options.output_format
        ]()
        write_output(text, options.output)
        return 1 if any(f.severity.value == "error" for f in result.findings) else 0

    return run
