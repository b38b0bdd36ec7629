"""The many-source side of the command line: tasks that run in worker processes, the progress bar, the outputs.

``check``, ``render``, ``convert`` and ``read`` take any number of files and directories. Each source is one task of
:func:`govdisclose.batch.map`: in this process, or in ``--jobs N`` worker processes. One failing source is reported
and never stops the others. The tasks are top-level functions (bound with :func:`functools.partial`) so that they
pickle into the workers.
"""

from __future__ import annotations

import concurrent.futures
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

from . import examples
from ._errors import SourceError
from .batch import Result, expand_sources
from .batch import map as batch_map
from .checks import RuleSet, check
from .model import KindRegistry, Report
from .read import read_html, read_text
from .render import RendererRegistry, render
from .serialize import dump_report, load_report, read_source

__all__ = [
    "DOCUMENT_SUFFIXES",
    "PUBLISHED_SUFFIXES",
    "Progress",
    "check_task",
    "convert_task",
    "load",
    "read_task",
    "render_task",
    "run_batch",
]

T = TypeVar("T")

DOCUMENT_SUFFIXES = (".json", ".toml", ".yaml", ".yml")
"""What a directory given to check, render or convert contributes: report documents."""
PUBLISHED_SUFFIXES = (".txt", ".html", ".htm")
"""What a directory given to read contributes: published texts and pages."""


def load(source: str, fmt: str | None, registry: KindRegistry | None) -> Report:
    """A report from a document file, ``-`` or ``example:NAME``."""
    if source.startswith("example:"):
        return examples.load(source.removeprefix("example:"))
    return load_report(source, fmt=fmt, registry=registry)


def check_task(
    source: str, *, fmt: str | None, registry: KindRegistry | None, rules: RuleSet, previous: Report | None
) -> dict[str, Any]:
    """Check one source; returns what the outputs need (small to send back from a worker)."""
    result = check(load(source, fmt, registry), previous=previous, rules=rules)
    return {
        "data": result.to_data(source=source),
        "text": result.to_text(),
        "title": result.report.display_title,
        "counts": dict(result.counts),
        "ok": result.ok,
    }


def render_task(
    source: str, *, fmt: str | None, registry: KindRegistry | None, to: str, renderers: RendererRegistry
) -> str | bytes:
    """Render one source."""
    return render(load(source, fmt, registry), to=to, renderers=renderers)


def convert_task(source: str, *, fmt: str | None, registry: KindRegistry | None, to: str) -> str:
    """Convert one source to the document format *to*."""
    return dump_report(load(source, fmt, registry), to, registry=registry)


def read_task(source: str, *, kind: str | None, to: str) -> tuple[str, tuple[str, ...]]:
    """Read one published text or page; returns the output and the diagnostics, one line each."""
    data = read_source(source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot read {source}: not UTF-8 ({exc.reason})", source=source) from None
    if kind is None:
        by_suffix = "html" if source.lower().endswith((".html", ".htm")) else None
        kind = by_suffix or ("html" if text.lstrip()[:1] == "<" else "text")
    result = (read_html if kind == "html" else read_text)(text, source=None if source == "-" else source)
    output = dump_report(result.report, "json") if to == "json" else str(render(result.report))
    return output, tuple(str(diagnostic) for diagnostic in result.diagnostics)


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


def failure_line(result: Result[Any]) -> dict[str, Any]:
    """The JSON Lines record of a failed source."""
    return {"source": result.source, "error": result.error, "error_type": result.error_type}


def output_path(directory: str, source: str, suffix: str) -> Path:
    """Where the output for *source* goes in *directory*: its name with the format's suffix."""
    name = source.removeprefix("example:") if source.startswith("example:") else Path(source).stem
    return Path(directory) / f"{name or 'stdin'}.{suffix}"


def jsonl(record: dict[str, Any]) -> str:
    """One JSON Lines record."""
    return json.dumps(record, ensure_ascii=False) + "\n"
