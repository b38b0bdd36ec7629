"""``govdisclose summary SOURCE…``: an overview of a folder of reports (:func:`govdisclose.data.overview`)."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..serialize._files import write_output
from ._core import Run, Session
from ._runs import add_sources, report_failure, run_batch

if TYPE_CHECKING:
    from ..batch import Result
    from ..data import OverviewEntry

__all__ = ["summary"]


def summary(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose summary SOURCE… [--to text|html] [-o FILE]``: with ``--jobs``, a progress bar and error lines."""
    add_sources(parser, "report documents, published files (.txt .html .pdf .docx) or directories of them")
    parser.add_argument(
        "--to",
        dest="output_format",
        choices=("text", "html"),
        default="text",
        help="text (default), or html: one self-contained page with charts",
    )
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..data._export import SOURCE_SUFFIXES
        from ..data._overview import collect, overview_source

        task = functools.partial(overview_source, registry=session.host.kinds, rules=session.host.rules)

        def reported() -> Iterator[Result[OverviewEntry]]:
            for result in run_batch(task, options.sources, jobs=options.jobs, suffixes=SOURCE_SUFFIXES):
                if not result.ok:
                    report_failure(result.source, result.error)
                yield result

        page = collect(reported())
        write_output(page.to_html() if options.output_format == "html" else page.to_text(), options.output)
        failed = f"; {len(page.failed)} source{'s' * (len(page.failed) != 1)} failed" if page.failed else ""
        print(f"summarised {len(page.entries)} report{'s' * (len(page.entries) != 1)}{failed}", file=sys.stderr)
        return 1 if page.failed else 0

    return run
