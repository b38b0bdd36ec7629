"""How the benchmarks measure: best-of-N timing after a warm-up, import time in fresh interpreters, and memory."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from typing import Any


def best_us(func: Callable[[], object], *, quick: bool) -> float:
    """The time of one call of *func* in µs: the minimum over several repeats of a batch of calls.

    The batch is sized (as ``timeit`` does) so that one repeat lasts at least 20 ms (5 ms with *quick*); the first
    calls are a warm-up and not counted. The minimum is the least disturbed measurement, as ``timeit`` advises. The
    clock is the CPU time of this process, which other work on the machine (a CI runner's neighbours) disturbs far
    less than wall time; every peer runs in this process and single-threaded, so it measures them alike.
    """
    for _ in range(3):
        func()
    floor = 0.005 if quick else 0.02
    number = 1
    while True:
        elapsed = _batch(func, number)
        if elapsed >= floor:
            break
        number *= 2 if elapsed * 10 > floor else 10
    best = elapsed / number
    for _ in range(3 if quick else 7):
        best = min(best, _batch(func, number) / number)
    return best * 1e6


def _batch(func: Callable[[], object], number: int) -> float:
    gc_was_enabled = gc.isenabled()
    gc.disable()  # as timeit does: a collection in the middle of one repeat is noise
    try:
        start = time.process_time()
        for _ in range(number):
            func()
        return time.process_time() - start
    finally:
        if gc_was_enabled:
            gc.enable()


def import_us(statement: str, *, runs: int, bytecode: bool = True) -> float:
    """The best wall time of *statement* (imports) in µs, each run in a fresh interpreter (``python -c``).

    Only the statement is timed, inside the child, so interpreter start-up is not counted. With *bytecode* the
    children cache compiled modules (in a private directory, ``PYTHONPYCACHEPREFIX``, so no ``__pycache__`` lands in
    the source tree) and an untimed first run fills the cache: an installed package always has its bytecode. Without
    it (``PYTHONDONTWRITEBYTECODE=1``, as some CI machines set) every module of a source checkout is compiled on every
    import.
    """
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="govdisclose-bench-") as cache:
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
            subprocess.run([sys.executable, "-c", statement], env=env, capture_output=True, check=True)
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        times = []
        for _ in range(runs):
            done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
            times.append(float(done.stdout.strip().splitlines()[-1]))
    return min(times) * 1e6


def in_fresh_interpreter(code: str) -> Any:
    """Run *code* in a fresh interpreter; it prints one JSON value last, which is returned."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def kib_per_copy(load: Callable[[], object], *, copies: int) -> float:
    """The memory one loaded object holds, in KiB: *copies* are loaded and kept, and traced memory is divided."""
    load()  # caches, interned strings and lazily built code are not part of one copy
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [load() for _ in range(copies)]
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return (after - before) / copies / 1024
