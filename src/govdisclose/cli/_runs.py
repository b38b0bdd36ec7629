"""The many-source side of the command line: running a task over the sources, the progress bar, and the one writer.

``check``, ``render``, ``convert`` and ``read`` take any number of files and directories. Each source is one call of a
task through :func:`govdisclose.batch.map`: in this process, or in ``--jobs N`` worker processes. One failing source
is reported and never stops the others. Every output (standard output, JSON Lines, the files of ``--output-dir``) is
written here, in this process, in the order of the sources.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

from .._errors import GovDiscloseError, SourceError
from ..batch import Result, expand_sources, source_stem
from ..batch import map as batch_map
from ..serialize._files import write_output
from ._core import CommandError, Interrupted, bounded, visible, worker_start

if TYPE_CHECKING:
    from ..batch import WorkerPool

__all__ = [
    "DOCUMENT_SUFFIXES",
    "PUBLISHED_SUFFIXES",
    "Progress",
    "add_outputs",
    "add_sources",
    "emit",
    "encoded",
    "failed",
    "failure_line",
    "for_terminal",
    "jobs",
    "jsonl",
    "output_names",
    "produce",
    "report_failure",
    "run_batch",
]

T = TypeVar("T")

DOCUMENT_SUFFIXES = (".json", ".toml", ".yaml", ".yml")
"""What a directory given to check, render or convert contributes: report documents."""
PUBLISHED_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx", ".doc")
"""What a directory given to read contributes: published texts, pages, PDF and Word files (a ``.doc`` gives an error
naming its conversion rather than being passed over; a ``.md`` is read when named, a folder's READMEs are not)."""


def jobs(value: str) -> int:
    """The value of ``--jobs``: a whole number of worker processes, at least 1.

    Raises:
        argparse.ArgumentTypeError: Anything else (argparse makes it a usage error, status 2).
    """
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of worker processes, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {number}); 1 runs in this process")
    return number


def add_sources(parser: argparse.ArgumentParser, what: str) -> None:
    """The SOURCE arguments and ``--jobs`` of a command that takes many sources."""
    parser.add_argument("sources", metavar="SOURCE", nargs="+", help=what)
    parser.add_argument(
        "-j", "--jobs", type=jobs, default=1, help="worker processes for many sources (default 1: this process)"
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


class _Signals:
    """While a batch runs, SIGINT and SIGTERM raise :class:`Interrupted`, deferred while an output is being written."""

    def __init__(self) -> None:
        self.writing = False
        self.pending: int | None = None
        self._saved: dict[int, Any] = {}

    def _handle(self, signum: int, frame: object) -> None:
        if self.writing:
            self.pending = signum
        else:
            raise Interrupted(signum)

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._saved[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)
        self._saved.clear()


_SIGNALS = _Signals()


def encoded(text: str, target: str | os.PathLike[str] = "-") -> bytes:
    """*text* as the UTF-8 bytes an output is written as (by a worker process, so that the parent only writes them).

    Raises:
        SourceError: The text holds what UTF-8 cannot encode (a lone surrogate), said with its position and where the
            output was going.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        where = "standard output" if os.fspath(target) == "-" else os.fspath(target)
        character = text[exc.start]
        raise SourceError(
            f"cannot write {where}: the output holds a lone surrogate U+{ord(character):04X} at character "
            f"{exc.start}, which UTF-8 cannot encode",
            source=where,
        ) from None


def emit(data: str | bytes, target: str | os.PathLike[str] = "-") -> None:
    """Write one output whole (to a file, or ``-`` for standard output); a signal waits until it is written.

    Raises:
        SourceError: It cannot be written: the file system refuses, or the text holds what UTF-8 cannot encode (a lone
            surrogate), which is said with its position.
    """
    if isinstance(data, str):
        data = encoded(data, target)
    _SIGNALS.writing = True
    try:
        write_output(data, target)
    finally:
        _SIGNALS.writing = False
        pending, _SIGNALS.pending = _SIGNALS.pending, None
        if pending is not None:
            raise Interrupted(pending)


def _pool(task: Callable[[str], Any], jobs: int) -> WorkerPool:
    """*jobs* workers whose fork server has already imported what the task needs (it is imported here by now)."""
    from ..batch import WorkerPool

    module = getattr(getattr(task, "func", task), "__module__", "")
    loaded = {name for name in sys.modules if name.startswith("govdisclose.") and not name.endswith("__main__")}
    initializer, initargs = worker_start()  # the workers load and activate the plugins when this command has them
    preload = sorted(loaded | ({module} if module.startswith("govdisclose.") else set()))
    return WorkerPool(jobs, preload=preload, initializer=initializer, initargs=initargs)


def run_batch(
    task: Callable[[str], T], sources: Sequence[str], *, jobs: int, suffixes: Sequence[str]
) -> Iterator[Result[T]]:
    """Run *task* over the expanded *sources*, in order, in this process or *jobs* worker processes.

    The sources are walked twice, once to count them and once to run them, so that the parent holds neither the list
    of sources nor more than a window of results: its memory does not grow with the size of the batch. SIGINT and
    SIGTERM stop the workers and end the run between two outputs (:class:`Interrupted`).
    """
    total = sum(1 for _ in expand_sources(sources, suffixes=suffixes))
    progress = Progress(total)
    with _SIGNALS:
        pool = _pool(task, jobs) if jobs > 1 and total > 1 else None
        finished = False
        try:
            chunksize = max(1, min(32, total // (jobs * 8)))
            results = batch_map(
                task, expand_sources(sources, suffixes=suffixes), executor=pool, chunksize=chunksize, window=4 * jobs
            )
            for result in results:
                if not result.ok:
                    progress.clear()  # the caller reports the failure on the bar's line
                yield result
                progress(result)
            finished = True
        finally:
            progress.close()
            if pool is not None:
                if finished:
                    pool.shutdown()
                else:  # interrupted, or the consumer stopped: the work in flight is not wanted
                    pool.terminate()


def report_failure(source: str, error: str | None) -> None:
    """The one line on standard error for a source that failed (bounded in length, control characters escaped)."""
    print(f"govdisclose: error: {visible(bounded(f'{source}: {error}'))}", file=sys.stderr)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def jsonl(record: dict[str, Any]) -> str:
    """One JSON Lines record (UTF-8 characters as they are; :func:`emit` refuses one holding a lone surrogate)."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def failure_line(result: Result[Any]) -> str:
    """The JSON Lines record of a source that failed, always writable.

    A lone surrogate (from a file name that is not UTF-8, or a report's text in the message) is written as its JSON
    escape.
    """
    record = {"source": result.source, "error": result.error, "error_type": result.error_type}
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", jsonl(record))


def failed(result: Result[T], exc: GovDiscloseError) -> Result[T]:
    """*result* as failed by *exc*: what a source whose output could not be written becomes."""
    return Result(index=result.index, source=result.source, error=str(exc), error_type=type(exc).__name__)


def _split(value: Any) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    """A task's output, its diagnostics and further fields of its JSON Lines record (only ``read`` has these two).

    A task that gives JSON Lines objects (``read --format jsonl``) returns its output and diagnostics as JSON-ready
    data, which the record embeds as they are.
    """
    if isinstance(value, tuple):
        document, diagnostics, *extra = value
        return document, diagnostics, (extra[0] if extra else {})
    return value, (), {}


def for_terminal(document: str | bytes, target: str) -> str | bytes:
    """What goes to *target*: on a terminal, text with its control characters escaped (no raw escape sequences)."""
    if isinstance(document, str) and target == "-" and sys.stdout.isatty():
        return visible(document)
    return document


def output_names(sources: Sequence[str], suffixes: Sequence[str], suffix: str) -> None:
    """Refuse, before any work, sources whose outputs in ``--output-dir`` would have the same name.

    The output of ``a/report.json`` is ``report.SUFFIX``; so is that of ``b/report.json``, and of ``a/report.yaml``.
    Writing both would silently keep only the last.

    Raises:
        CommandError: Two sources share a name (a usage error naming both and the output).
    """
    seen: dict[str, str] = {}
    for source in expand_sources(sources, suffixes=suffixes):
        name = f"{source_stem(source)}.{suffix}"
        other = seen.setdefault(name, source)
        if other != source:
            raise CommandError(
                f"--output-dir: {other} and {source} would both be written to {name}; "
                "rename one, or run them into separate directories",
                status=2,
            )


def produce(options: argparse.Namespace, task: Callable[[str], Any], *, suffixes: Sequence[str], suffix: str) -> int:
    """Run a producing task (render, convert, read) over the sources and write its outputs.

    One source with neither ``--output-dir`` nor ``--format jsonl`` is the one-document mode: its output goes to
    ``-o`` (standard output by default) and its diagnostics to standard error. Otherwise each output goes to a file of
    ``--output-dir`` or a JSON Lines record, in the order of the sources. An output that cannot be written fails its
    source only.

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
        document, diagnostics, _ = _split(result.value)
        for line in diagnostics:
            print(visible(line), file=sys.stderr)
        if isinstance(document, bytes) and options.output == "-" and sys.stdout.isatty():
            raise CommandError(
                f"--to {options.to} writes a binary file; give one with -o FILE or redirect standard output", status=2
            )
        try:
            emit(for_terminal(document, options.output), options.output)
        except GovDiscloseError as exc:
            report_failure(result.source, str(exc))
            return 1
        return 0
    if options.output_dir:
        output_names(options.sources, suffixes, suffix)
        try:
            Path(options.output_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"cannot make --output-dir {options.output_dir}: {exc.strerror or exc}") from None
    clean = True
    for result in run_batch(task, options.sources, jobs=options.jobs, suffixes=suffixes):
        if result.ok:
            document, diagnostics, extra = _split(result.value)
            try:
                if options.output_dir:
                    emit(document, Path(options.output_dir) / f"{source_stem(result.source)}.{suffix}")
                    for line in diagnostics:
                        print(visible(f"{result.source}: {line}"), file=sys.stderr)
                    continue
                if isinstance(document, bytes):
                    raise CommandError(
                        f"--to {options.to} is binary; write it with --output-dir DIR, not --format jsonl", status=2
                    )
                record = {"source": result.source, "output": document, **extra}
                emit(jsonl({**record, "diagnostics": list(diagnostics)} if diagnostics else record))
                continue
            except SourceError as exc:  # this output cannot be written: its source fails, the others go on
                result = failed(result, exc)
        clean = False
        report_failure(result.source, result.error)
        if options.output_format == "jsonl":
            emit(failure_line(result))
    return 0 if clean else 1
