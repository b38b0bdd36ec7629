"""``govdisclose export``: the data tables of many reports into CSV, Parquet, Excel or DuckDB."""

from __future__ import annotations

import argparse
import functools
import sys

from .._errors import GovDiscloseError
from ._core import CommandError, Run, Session
from ._runs import add_sources, report_failure, run_batch

__all__ = ["export"]


def export(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose export SOURCE… --to FORMAT -o OUT``: streaming, with ``--jobs``, a progress bar and error lines."""
    from ..data._export import BATCH_REPORTS, EXPORT_FORMATS

    add_sources(parser, "report documents, published files (.txt .html .pdf .docx) or directories of them")
    parser.add_argument("--to", required=True, choices=EXPORT_FORMATS, help="the output format")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="a directory (csv, parquet) or a file (xlsx, duckdb); a DuckDB file is updated in place",
    )
    parser.add_argument(
        "--batch", type=int, default=BATCH_REPORTS, help=f"reports written together (default {BATCH_REPORTS})"
    )

    def run(options: argparse.Namespace, session: Session) -> int:
        from ..data._export import SOURCE_SUFFIXES, Exporter, export_source, iter_results

        if options.batch < 1:
            raise CommandError("--batch must be at least 1", status=2)
        task = functools.partial(export_source, registry=session.host.kinds, rules=session.host.rules)
        try:
            exporter = Exporter(options.to, options.output, batch=options.batch)
        except GovDiscloseError as exc:
            raise CommandError(str(exc)) from None
        failures = 0
        try:
            results = run_batch(task, options.sources, jobs=options.jobs, suffixes=SOURCE_SUFFIXES)
            for result in iter_results(results, exporter):
                if not result.ok:
                    failures += 1
                    report_failure(result.source, result.error)
        finally:
            exporter.close()
        rows = ", ".join(f"{name} {count}" for name, count in exporter.rows.items())
        duplicates = f", {exporter.duplicates} duplicate{'s' * (exporter.duplicates != 1)} skipped"
        failed = f"; {failures} source{'s' * (failures != 1)} failed" if failures else ""
        print(
            f"exported {exporter.reports} report{'s' * (exporter.reports != 1)}"
            f"{duplicates if exporter.duplicates else ''} to {options.output} ({rows} rows){failed}",
            file=sys.stderr,
        )
        return 1 if failures else 0

    return run
