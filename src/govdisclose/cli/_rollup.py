"""``govdisclose rollup PARENT CHILD…``: a region's children summed against its parent (:func:`.data.rollup`)."""

from __future__ import annotations

import argparse
import os

from .._errors import GovDiscloseError
from ..serialize._files import FORMATS, write_output
from ._core import CommandError, Run, Session

__all__ = ["rollup"]


def rollup(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose rollup PARENT CHILD… [--to text|json] [-o FILE]``; findings are info and warnings: exit 0."""
    parser.add_argument(
        "parent", metavar="PARENT", help="the region's report (a document, published file, example:NAME)"
    )
    parser.add_argument(
        "children", metavar="CHILD", nargs="+", help="the reports of the organs under it, or directories of them"
    )
    parser.add_argument("--from", dest="fmt", choices=FORMATS, help="the documents' format (default: from the suffix)")
    parser.add_argument("--to", dest="output_format", choices=("text", "json"), default="text")
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..batch import expand_sources
        from ..data._export import SOURCE_SUFFIXES, load_any
        from ..data._rollup import rollup as rollup_reports

        registry = session.host.kinds

        def is_parent(source: str) -> bool:  # a folder of the region's reports may hold the parent's too
            files = os.path.isfile(source) and os.path.isfile(options.parent)
            return files and os.path.samefile(source, options.parent)

        children = expand_sources(options.children, suffixes=SOURCE_SUFFIXES)
        sources = [options.parent, *(source for source in children if not is_parent(source))]
        if len(sources) < 2:
            raise CommandError("no child report: name the reports of the organs under PARENT", status=2)
        reports = []
        for source in sources:
            try:
                reports.append(load_any(source, fmt=options.fmt, registry=registry))
            except GovDiscloseError as exc:
                raise CommandError(f"{source}: {exc}") from None
        result = rollup_reports(reports[0], reports[1:], registry=registry, sources=sources)
        write_output(result.to_json() + "\n" if options.output_format == "json" else result.to_text(), options.output)
        return 0

    return run
