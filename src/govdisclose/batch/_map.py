"""Apply a function to many sources, in this process or on any :class:`concurrent.futures.Executor`.

:func:`map` is the engine of batch work (``govdisclose check DIR --jobs 4``, or a Dask cluster): it runs a picklable
top-level function on each source and yields one :class:`Result` per source, holding the value or the error, so that
one bad file never stops the rest. Sources are submitted through a sliding window, so a million of them never become a
million pending futures, and results come back in the order of the sources or as they complete.
"""

from __future__ import annotations

import collections
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

if TYPE_CHECKING:  # imported when an executor is used: a batch in this process needs neither
    import concurrent.futures

__all__ = ["Result", "WorkerDiedError", "map"]

S = TypeVar("S")
T = TypeVar("T")


class WorkerDiedError(Exception):
    """The worker process running a task ended before the task returned (killed, out of memory, crashed)."""


@attrs.frozen(kw_only=True)
class Result(Generic[T]):
    """What came of one source: its value, or the error it raised.

    Results carry the error as text, never the exception itself, so they cross process and machine boundaries whatever
    the exception was.

    Attributes:
        index: The position of the source among the sources (from 0).
        source: The source as given (a path is turned into its string with :func:`os.fspath`).
        value: What the function returned, or ``None`` if it failed.
        error: The error's one-line message (as govdisclose errors word it: ``cannot read x.json: …``), or ``None``.
        error_type: The class name of the exception (``DocumentError``, ``SourceError`` …), or ``None``.
        duration: Seconds the function ran, measured where it ran.
    """

    index: int
    source: str
    value: T | None = None
    error: str | None = None
    error_type: str | None = None
    duration: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the function returned (rather than raised)."""
        return self.error_type is None


def _source_name(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return str(os.fspath(source))
    return repr(source)


def _message(exc: BaseException) -> str:
    text = str(exc).strip()
    if not text:
        return type(exc).__name__
    return " ".join(text.splitlines()) if "\n" in text else text


def _call(func: Callable[[S], T], index: int, source: S) -> Result[T]:
    """Run *func* on one source, catching what it raises (runs where the executor runs it)."""
    start = time.perf_counter()
    try:
        value = func(source)
    except Exception as exc:
        return Result(
            index=index,
            source=_source_name(source),
            error=_message(exc),
            error_type=type(exc).__name__,
            duration=time.perf_counter() - start,
        )
    return Result(index=index, source=_source_name(source), value=value, duration=time.perf_counter() - start)


def _call_chunk(func: Callable[[S], T], chunk: Sequence[tuple[int, S]]) -> list[Result[T]]:
    """Run *func* on a chunk of ``(index, source)`` pairs: one task per chunk, one result per source."""
    return [_call(func, index, source) for index, source in chunk]


def _failed_chunk(chunk: Sequence[tuple[int, object]], exc: BaseException) -> list[Result[T]]:
    """Results for a chunk whose task failed as a whole (the worker died, the value could not be pickled …)."""
    return [
        Result(index=index, source=_source_name(source), error=_message(exc), error_type=type(exc).__name__)
        for index, source in chunk
    ]


def map(
    func: Callable[[S], T],
    sources: Iterable[S],
    *,
    executor: concurrent.futures.Executor | None = None,
    ordered: bool = True,
    window: int = 64,
    chunksize: int = 1,
    progress: Callable[[Result[T]], object] | None = None,
) -> Iterator[Result[T]]:
    """Apply *func* to every source and yield a :class:`Result` for each, whatever happens to the others.

    With no *executor*, sources are processed one after the other in this process. With one — a
    :class:`~concurrent.futures.ProcessPoolExecutor` for several cores, or ``client.get_executor()`` of a Dask
    distributed cluster — they run there; *func* must then be picklable (a top-level function, or a
    :func:`functools.partial` of one) and so must its values. Exceptions raised by *func* become failed results. A task
    that fails as a whole in the executor (a value that cannot be pickled, a broken process pool) fails each source of
    its chunk; a chunk whose worker died (:class:`~govdisclose.batch.WorkerDiedError`, from a
    :class:`~govdisclose.batch.WorkerPool`) runs again one source per task, so that only the source that kills its
    worker fails. Only a failure to submit (a shut-down executor, a broken process pool) stops the batch.

    Sources are read lazily and at most *window* tasks are in flight, so memory stays bounded however many sources
    there are.

    Args:
        func: What to do with one source.
        sources: The sources (paths, names …), in order.
        executor: Where to run *func*; ``None`` for this process.
        ordered: Yield results in the order of *sources* (``True``) or as they complete (``False``).
        window: Tasks in flight at most (with an executor).
        chunksize: Sources per task (with an executor); more than 1 saves the per-task overhead of small jobs.
        progress: Called with each result just before it is yielded (a progress bar, a log line).

    Yields:
        One result per source.

    Raises:
        ValueError: *window* or *chunksize* is less than 1.

    >>> results = list(map(int, ["1", "x", "3"]))
    >>> [r.value for r in results]
    [1, None, 3]
    >>> results[1].error_type, results[1].error
    ('ValueError', "invalid literal for int() with base 10: 'x'")
    """
    if window < 1:
        raise ValueError(f"'window' must be >= 1 (got {window})")
    if chunksize < 1:
        raise ValueError(f"'chunksize' must be >= 1 (got {chunksize})")
    if executor is None:
        results: Iterator[Result[T]] = (_call(func, index, source) for index, source in enumerate(sources))
    elif ordered:
        results = _ordered(func, sources, executor, window, chunksize)
    else:
        results = _as_completed(func, sources, executor, window, chunksize)
    for result in results:
        if progress is not None:
            progress(result)
        yield result


def _chunks(sources: Iterable[S], chunksize: int) -> Iterator[list[tuple[int, S]]]:
    numbered = enumerate(sources)
    while chunk := list(itertools.islice(numbered, chunksize)):
        yield chunk


def _outcome(
    future: concurrent.futures.Future[list[Result[T]]],
    chunk: list[tuple[int, S]],
    func: Callable[[S], T],
    executor: concurrent.futures.Executor,
) -> list[Result[T]]:
    try:
        return future.result()
    except WorkerDiedError as exc:
        if len(chunk) == 1:
            return _failed_chunk(chunk, exc)
        # Which source took its worker down is not known: each runs again alone, so that only that one fails.
        alone = [(executor.submit(_call_chunk, func, [item]), [item]) for item in chunk]
        return [result for single, item in alone for result in _outcome(single, item, func, executor)]
    except Exception as exc:  # CancelledError included
        return _failed_chunk(chunk, exc)


def _ordered(
    func: Callable[[S], T], sources: Iterable[S], executor: concurrent.futures.Executor, window: int, chunksize: int
) -> Iterator[Result[T]]:
    pending: collections.deque[tuple[concurrent.futures.Future[list[Result[T]]], list[tuple[int, S]]]]
    pending = collections.deque()
    chunks = _chunks(sources, chunksize)
    try:
        for chunk in chunks:
            pending.append((executor.submit(_call_chunk, func, chunk), chunk))
            if len(pending) >= window:
                yield from _outcome(*pending.popleft(), func, executor)
        while pending:
            yield from _outcome(*pending.popleft(), func, executor)
    finally:  # the consumer stopped early (or an error): don't leave queued work behind
        for future, _ in pending:
            future.cancel()


def _as_completed(
    func: Callable[[S], T], sources: Iterable[S], executor: concurrent.futures.Executor, window: int, chunksize: int
) -> Iterator[Result[T]]:
    from concurrent import futures

    pending: dict[concurrent.futures.Future[list[Result[T]]], list[tuple[int, S]]] = {}
    chunks = _chunks(sources, chunksize)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending[executor.submit(_call_chunk, func, chunk)] = chunk
            if not pending:
                return
            done, _ = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
            for future in done:
                yield from _outcome(future, pending.pop(future), func, executor)
    finally:
        for future in pending:
            future.cancel()
