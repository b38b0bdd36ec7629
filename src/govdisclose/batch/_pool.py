"""A pool of worker processes that outlives the death of one of them.

:class:`concurrent.futures.ProcessPoolExecutor` breaks as a whole when one worker dies (killed by the OOM killer, a
crash in a C extension): every pending task fails and no new one is accepted. :class:`WorkerPool` knows which task each
worker runs, so a worker's death fails that task alone (:class:`WorkerDiedError`) and a new worker takes its place.
Workers ignore SIGINT (a Ctrl-C on a terminal reaches the whole process group: the parent decides what to stop) and
end when the parent goes away.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import multiprocessing
import multiprocessing.connection
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

from ._map import WorkerDiedError

__all__ = ["WorkerDiedError", "WorkerPool"]


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:  # pragma: no cover - a signal number Python has no name for
            return f"killed by signal {-code}"
    return f"exit status {code}"


def _serve(
    connection: multiprocessing.connection.Connection,
    initializer: Callable[..., object] | None,
    initargs: Sequence[Any],
) -> None:
    """A worker's loop: receive a pickled call, run it, send back the pickled outcome, until the parent goes.

    *initializer* runs first, in the thread that then runs every call; when it raises, every call fails with that.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    failed: BaseException | None = None
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:  # every task of this worker reports it
            failed = RuntimeError(f"the worker could not start: {type(exc).__name__}: {exc}")
    while True:
        try:
            message = connection.recv_bytes()
        except (EOFError, OSError):
            return  # the parent closed the pipe, or is gone
        try:
            if failed is not None:
                raise failed
            function, args, kwargs = pickle.loads(message)
            outcome: tuple[bool, Any] = (True, function(*args, **kwargs))
        except BaseException as exc:  # whatever a task raises goes back to its future
            outcome = (False, exc)
        try:
            data = pickle.dumps(outcome)
        except Exception as exc:  # a value or an exception that does not pickle
            data = pickle.dumps((False, RuntimeError(f"cannot send the task's outcome back: {exc}")))
        try:
            connection.send_bytes(data)
        except OSError:
            return


class _Worker:
    def __init__(self, context: Any, initializer: Callable[..., object] | None, initargs: Sequence[Any]) -> None:
        self.connection, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(child, initializer, tuple(initargs)), daemon=True)
        self.process.start()
        child.close()
        self.future: concurrent.futures.Future[Any] | None = None


class WorkerPool(concurrent.futures.Executor):
    """*workers* processes running submitted calls; one worker's death fails only the call it was running.

    Calls and their results travel pickled, as with :class:`~concurrent.futures.ProcessPoolExecutor`. Workers start
    from a clean interpreter (the ``forkserver`` start method where there is one, else ``spawn``), never as a fork of
    a threaded parent; *preload* names modules the fork server imports once, so that the workers start with them.
    Each worker calls *initializer* (a picklable function) with *initargs* before its first call, as with
    :class:`~concurrent.futures.ProcessPoolExecutor` (the command line activates its plugins' host there); a worker
    whose initializer raises fails every call it gets with that error.

    >>> import operator
    >>> with WorkerPool(2) as pool:
    ...     pool.submit(operator.add, 2, 3).result()
    5
    """

    def __init__(
        self,
        workers: int,
        *,
        preload: Sequence[str] = (),
        initializer: Callable[..., object] | None = None,
        initargs: Sequence[Any] = (),
    ) -> None:
        if workers < 1:
            raise ValueError(f"'workers' must be >= 1 (got {workers})")
        methods = multiprocessing.get_all_start_methods()
        self._context: Any = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if preload and "forkserver" in methods:
            self._context.set_forkserver_preload(list(preload))
        self._lock = threading.Lock()
        self._queue: collections.deque[tuple[concurrent.futures.Future[Any], Callable[..., Any], Any, Any]]
        self._queue = collections.deque()
        self._closing = False
        self._wake_reader, self._wake_writer = self._context.Pipe(duplex=False)
        self._start = (initializer, tuple(initargs))
        self._workers = [_Worker(self._context, *self._start) for _ in range(workers)]
        self.replaced = 0
        """How many workers died and were replaced."""
        self._thread = threading.Thread(target=self._manage, name="govdisclose-worker-pool", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        """Schedule ``fn(*args, **kwargs)`` in a worker process."""
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        with self._lock:
            if self._closing:
                raise RuntimeError("cannot schedule new futures after shutdown")
            self._queue.append((future, fn, args, kwargs))
        self._wake()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Accept no more calls; let the workers finish the queued ones (or cancel them) and end."""
        with self._lock:
            self._closing = True
            if cancel_futures:
                while self._queue:
                    self._queue.popleft()[0].cancel()
        self._wake()
        if wait:
            self._thread.join()

    def terminate(self) -> None:
        """Stop now: cancel the queued calls, end the workers (running calls are lost) and wait for them to go."""
        with self._lock:
            self._closing = True
            while self._queue:
                self._queue.popleft()[0].cancel()
            workers = list(self._workers)
        for worker in workers:
            if worker.process.is_alive():
                worker.process.terminate()
        self._wake()
        self._thread.join()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # the manager has ended and closed it
            self._wake_writer.send_bytes(b"")

    def _assign(self) -> None:
        """Give queued calls to idle workers."""
        for worker in self._workers:
            if worker.future is not None:
                continue
            while True:
                with self._lock:
                    if not self._queue:
                        return
                    future, fn, args, kwargs = self._queue.popleft()
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    worker.connection.send_bytes(pickle.dumps((fn, args, kwargs)))
                except Exception as exc:  # the call does not pickle: its future fails, the worker stays idle
                    future.set_exception(exc)
                    continue
                worker.future = future
                break

    def _receive(self, worker: _Worker) -> None:
        try:
            ok, value = pickle.loads(worker.connection.recv_bytes())
        except (EOFError, OSError):
            return  # the worker is going away: its sentinel will say so
        except Exception as exc:  # pragma: no cover - an outcome that cannot be unpickled here
            ok, value = False, RuntimeError(f"cannot read the task's outcome: {exc}")
        future, worker.future = worker.future, None
        if future is not None:
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _bury(self, worker: _Worker) -> None:
        """A worker ended: put a new worker in its place unless the pool is done, then fail the call it was running."""
        worker.process.join()
        worker.connection.close()
        index = self._workers.index(worker)
        with self._lock:
            done = self._closing and not self._queue
        if done:
            del self._workers[index]
        else:  # replaced before its call fails, so that whoever sees the failure sees the new worker counted
            self._workers[index] = _Worker(self._context, *self._start)
            self.replaced += 1
        if worker.future is not None:
            worker.future.set_exception(
                WorkerDiedError(f"the worker process died ({_describe_exit(worker.process.exitcode)})")
            )
            worker.future = None

    def _manage(self) -> None:
        try:
            while True:
                self._assign()
                with self._lock:
                    idle = not self._queue and all(worker.future is None for worker in self._workers)
                    if self._closing and idle:
                        break
                waits: list[Any] = [self._wake_reader]
                for worker in self._workers:
                    waits.append(worker.process.sentinel)
                    if worker.future is not None:
                        waits.append(worker.connection)
                ready = multiprocessing.connection.wait(waits)
                if self._wake_reader in ready:
                    while self._wake_reader.poll():
                        self._wake_reader.recv_bytes()
                for worker in list(self._workers):
                    if worker.connection in ready:
                        self._receive(worker)
                for worker in list(self._workers):
                    if worker.process.sentinel in ready:
                        self._bury(worker)
        finally:
            for worker in self._workers:
                worker.connection.close()  # the worker reads the end of its pipe and returns
            for worker in self._workers:
                worker.process.join(timeout=5)
                if worker.process.is_alive():  # pragma: no cover - a call that does not end
                    worker.process.kill()
                    worker.process.join()
            self._workers = []
            self._wake_reader.close()
            self._wake_writer.close()


def default_preload(task: object) -> list[str]:
    """The modules a pool's fork server should import for *task*: its own, and the package's already imported."""
    module = getattr(getattr(task, "func", task), "__module__", None)
    loaded = sorted(name for name in sys.modules if name.startswith("govdisclose.") and name != "govdisclose.__main__")
    return [*loaded, *([module] if module and module != "__main__" and module not in loaded else [])]
