"""The many-source side of the command line: running a task over the sources, the progress bar, and the one writer.

``check``, ``render``, ``convert`` and ``read`` take any number of files and directories. Each source is one call of a
task through :func:`govdisclose.batch.map`: in this process, or in ``--jobs N`` worker processes. One failing source
is reported and never stops the others. Every output (standard output, JSON Lines, the files of ``--output-dir``) is
written here, in this process, in the order of the sources.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

from .._errors import GovDiscloseError
from ..batch import Result, expand_sources, source_stem
from ..batch import map as batch_map
from ..serialize._files import write_output
from ._core import CommandError

__all__ = [
    "DOCUMENT_SUFFIXES",
    "PUBLISHED_SUFFIXES",
    "Progress",
    "add_outputs",
    "add_sources",
    "failure_record",
    "jsonl",
    "produce",
    "report_failure",
    "run_batch",
]

T = TypeVar("T")

DOCUMENT_SUFFIXES = (".json", ".toml", ".yaml", ".yml")
"""What a directory given to check, render or convert contributes: report documents."""
PUBLISHED_SUFFIXES = (".txt", ".html", ".htm")
"""What a directory given to read contributes: published texts and pages."""


def add_sources(parser: argparse.ArgumentParser, what: str) -> None:
    """The SOURCE arguments and ``--jobs`` of a command that takes many sources."""
    parser.add_argument("sources", metavar="SOURCE", nargs="+", help=what)
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes for many sources (default 1: this process)"
    )


def add_outputs(parser: argparse.ArgumentParser) -> None:
    """``-o``, ``--output-dir`` and ``--format`` of a command that produces one output per source."""
    parser.add_argument("-o", "--output", default="-", help="output file for one SOURCE (default: standard output)")
    parser.add_argument("--output-dir", metavar="DIR", help="write one file per SOURCE into DIR")
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("plain", "jsonl"),
        default="plain",
        help="jsonl: one JSON record per SOURCE on standard output ({source, output} or {source, error})",
    )


class Progress:
    """A one-line progress bar on a terminal; silent when the stream is not one (piped, redirected, in CI)."""

    def __init__(self, total: int, *, stream: IO[str] | None = None, interval: float = 0.1) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = total > 1 and self.stream.isatty()
        self.interval = interval
        self.done = 0
        self.failed = 0
        self._shown = 0.0

    def __call__(self, result: Result[Any]) -> None:
        self.done += 1
        self.failed += 0 if result.ok else 1
        now = time.monotonic()
        if self.enabled and (now - self._shown >= self.interval or self.done == self.total):
            self._shown = now
            share = self.done / self.total
            bar = "#" * int(share * 30)
            failed = f", {self.failed} failed" if self.failed else ""
            self.stream.write(f"\r[{bar:<30}] {self.done}/{self.total} ({share:.0%}){failed}")
            self.stream.flush()

    def clear(self) -> None:
        """Erase the bar's line, so that a message can take it (the bar comes back with the next result)."""
        if self.enabled and self.done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def run_batch(
    task: Callable[[str], T], sources: Sequence[str], *, jobs: int, suffixes: Sequence[str]
) -> Iterator[Result[T]]:
    """Run *task* over the expanded *sources*, in order, in this process or *jobs* worker processes."""
    expanded = list(expand_sources(sources, suffixes=suffixes))
    progress = Progress(len(expanded))
    executor: concurrent.futures.Executor | None = None
    if jobs > 1 and len(expanded) > 1:
        executor = concurrent.futures.ProcessPoolExecutor(max_workers=jobs)
    try:
        chunksize = max(1, min(16, len(expanded) // (jobs * 8) or 1))
        for result in batch_map(task, expanded, executor=executor, chunksize=chunksize):
            if not result.ok:
                progress.clear()  # the caller reports the failure on the bar's line
            yield result
            progress(result)
    finally:
        progress.close()
        if executor is not None:
            executor.shutdown(cancel_futures=True)


def report_failure(source: str, error: str | None) -> None:
    """The one line on standard error for a source that failed."""
    print(f"govdisclose: error: {source}: {error}", file=sys.stderr)


def jsonl(record: dict[str, Any]) -> str:
    """One JSON Lines record."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def failure_record(result: Result[Any]) -> dict[str, Any]:
    """The JSON Lines record of a source that failed."""
    return {"source": result.source, "error": result.error, "error_type": result.error_type}


def _split(value: Any) -> tuple[str | bytes, tuple[str, ...]]:
    """A task's output and its diagnostics (only ``read`` has diagnostics)."""
    if isinstance(value, tuple):
        document, diagnostics = value
        return document, diagnostics
    return value, ()


def produce(options: argparse.Namespace, task: Callable[[str], Any], *, suffixes: Sequence[str], suffix: str) -> int:
    """Run a producing task (render, convert, read) over the sources and write its outputs.

    One source with neither ``--output-dir`` nor ``--format jsonl`` is the one-document mode: its output goes to
    ``-o`` (standard output by default) and its diagnostics to standard error. Otherwise each output goes to a file of
    ``--output-dir`` or a JSON Lines record, in the order of the sources.

    Returns:
        The exit status: 0, or 1 when a source failed.
    """
    many = options.output_dir or options.output_format == "jsonl"
    if not many and (len(options.sources) > 1 or any(os.path.isdir(source) for source in options.sources)):
        raise CommandError("several sources need --output-dir DIR or --format jsonl", status=2)
    if not many:
        result = next(batch_map(task, options.sources[:1]))
        if not result.ok:
            report_failure(result.source, result.error)
            return 1
        document, diagnostics = _split(result.value)
        for line in diagnostics:
            print(line, file=sys.stderr)
        if isinstance(document, bytes) and options.output == "-" and sys.stdout.isatty():
            raise CommandError(
                f"--to {options.to} writes a binary file; give one with -o FILE or redirect standard output", status=2
            )
        try:
            write_output(document, options.output)
        except GovDiscloseError as exc:
            report_failure(result.source, str(exc))
            return 1
        return 0
    clean = True
    for result in run_batch(task, options.sources, jobs=options.jobs, suffixes=suffixes):
        if not result.ok:
            clean = False
            report_failure(result.source, result.error)
            if options.output_format == "jsonl":
                write_output(jsonl(failure_record(result)), "-")
            continue
        document, diagnostics = _split(result.value)
        if options.output_dir:
            Path(options.output_dir).mkdir(parents=True, exist_ok=True)
            write_output(document, Path(options.output_dir) / f"{source_stem(result.source)}.{suffix}")
            for line in diagnostics:
                print(f"{result.source}: {line}", file=sys.stderr)
        elif isinstance(document, bytes):
            raise CommandError(
                f"--to {options.to} is binary; write it with --output-dir DIR, not --format jsonl", status=2
            )
        else:
            record = {"source": result.source, "output": document}
            write_output(jsonl({**record, "diagnostics": list(diagnostics)} if diagnostics else record), "-")
    return 0 if clean else 1
