"""Batches at scale: in-process checking against `govdisclose check --jobs K` and `batch.map` on a Dask cluster.

    uv run python benchmarks/scale.py                 # 10,000 reports
    uv run python benchmarks/scale.py --count 2000    # quicker
    uv run python benchmarks/scale.py --no-dask       # without the Dask cluster

One run prints, on N generated report files: the in-process cost of loading and checking one report; the wall time of
`govdisclose check DIR --jobs K --format jsonl` for K = 1 … the core count; the same work through `batch.map` on a
local `dask.distributed` cluster of K single-threaded worker processes; each one's speed-up and efficiency
(throughput ÷ (K × in-process throughput)); the peak memory of the parent and of the workers; the parent's peak at
N/10 (flat in N means the same); and the start-up of `govdisclose check one.json` against `python -c pass` and
`python -c "import attrs, cattrs"`. CPU seconds of every process involved are printed beside the wall times: on a
machine shared with other work, the wall times measure the neighbours too, the CPU times far less. The command line
runs with `--no-plugins`, so that it uses the same registries as the in-process loop (a development environment has
the example plugin installed). The last line says which targets are met. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import psutil

from govdisclose import batch, examples
from govdisclose.checks import check
from govdisclose.serialize import load_report

JOBS_ONE_TARGET = 1.2  # --jobs 1 at most 1.2x the in-process time
JOBS_EFFICIENCY_TARGET = 0.85
DASK_EFFICIENCY_TARGET = 0.75
STARTUP_TARGET_MS = 150.0
SAMPLES = ("sample-2021", "sample-2021-flawed")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()} ({platform.python_implementation()})"


def load_note() -> str:
    one, five, _ = os.getloadavg()
    cores = os.cpu_count() or 1
    busy = " (the machine is busy: other work competes for the cores)" if one > 0.5 * cores else ""
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {cores} cores{busy}"


def generate(folder: Path, count: int) -> list[Path]:
    """Write *count* report files: the two full 2021 samples, alternately, each under its own agency name."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(examples.text(name), examples.load(name).agency.name) for name in SAMPLES]
    paths = []
    for index in range(count):
        text, agency = texts[index % 2]
        path = folder / f"r{index:06d}.json"
        path.write_text(text.replace(agency, f"{agency}{index}"), encoding="utf-8")
        paths.append(path)
    return paths


class PeakMemory:
    """Samples the resident memory of a process and of its descendants (the workers) until stopped."""

    def __init__(self, pid: int, *, interval: float = 0.02) -> None:
        self.process = psutil.Process(pid)
        self.interval = interval
        self.parent = 0
        self.worker = 0
        self._cpu: dict[int, float] = {}
        self._own = 0.0
        self.first = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        """Note the memory and CPU time of the process and its descendants now."""
        with contextlib.suppress(psutil.Error):
            self.parent = max(self.parent, self.process.memory_info().rss)
            self._cpu[self.process.pid] = sum(self.process.cpu_times()[:2])
            for child in self.process.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    self.worker = max(self.worker, child.memory_info().rss)
                    times = child.cpu_times()
                    self._cpu[child.pid] = times.user + times.system

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)
        self._own = time.thread_time()  # this sampler's own CPU time (psutil's reads are not free)

    @property
    def cpu(self) -> float:
        """CPU seconds of the process and its descendants, as last sampled (a process's last 20 ms may be missed).

        When the process sampled is this one (the Dask client and scheduler), the sampler's own CPU time is left out.
        """
        own = self._own if self.process.pid == os.getpid() else 0.0
        return sum(self._cpu.values()) - own

    @property
    def parent_cpu(self) -> float:
        """CPU seconds of the process itself (all its threads), as last sampled."""
        return self._cpu.get(self.process.pid, 0.0)

    def __enter__(self) -> PeakMemory:
        self.sample()
        self.first = sum(self._cpu.values())
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def in_process(paths: Sequence[Path]) -> tuple[float, float]:
    """Wall and CPU seconds to load and check every report in this process (a worker's work, without any batch)."""
    for path in paths[:20]:  # warm-up: lazy imports, first-use caches
        check(load_report(path))
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        check(load_report(path))
    return time.perf_counter() - start, time.process_time() - cpu


_LOOP = """
import sys, time
from govdisclose.checks import check
from govdisclose.serialize import load_report
paths = sys.stdin.read().split("\\n")
for path in paths[:20]:
    check(load_report(path))
start = time.process_time()
for path in paths:
    check(load_report(path))
print(time.process_time() - start)
"""


def side_by_side(paths: Sequence[Path], processes: int, env: dict[str, str]) -> float:
    """CPU seconds of *processes* in-process loops run at once, each over its share of *paths* (no batch at all).

    On a machine whose cores are shared (by these loops, or by other work) a process needs more CPU time for the same
    work than alone: caches and memory bandwidth are shared. This is the CPU a batch on that many cores cannot avoid;
    what a batch uses beyond it is its own overhead.
    """
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _LOOP], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        for _ in range(processes)
    ]
    for index, child in enumerate(children):
        assert child.stdin is not None
        child.stdin.write("\n".join(str(path) for path in paths[index::processes]))
        child.stdin.close()
    total = 0.0
    for child in children:
        assert child.stdout is not None
        total += float(child.stdout.read().strip().splitlines()[-1])
        child.wait()
    return total


_REPLAY = """
import concurrent.futures, os, pickle, sys, time
from govdisclose.batch import _map
from govdisclose.cli import _runs, main

class Replay(concurrent.futures.Executor):
    # The workers' side is run once per kind of chunk; then each chunk's outcome is unpickled, as from a worker.
    outcomes = {}

    def submit(self, fn, *args, **kwargs):
        task, chunk = args
        key = (len(chunk), chunk[0][0] % 2)
        if key not in self.outcomes:
            self.outcomes[key] = pickle.dumps(fn(*args, **kwargs))
        future = concurrent.futures.Future()
        results = pickle.loads(self.outcomes[key])
        future.set_result([_map.Result(index=i, source=s, value=r.value) for (i, s), r in zip(chunk, results)])
        return future

_runs._pool = lambda task, jobs: Replay()
folder, count = sys.argv[1], int(sys.argv[2])
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
command = ["--no-plugins", "check", folder, "--jobs", "2", "--format", "jsonl"]
main(command)  # the replayed outcomes are made here
best = []
for _ in range(3):
    start = time.process_time()
    main(command)
    best.append(time.process_time() - start)
print(min(best) / count, file=sys.stderr)
"""


def parent_alone(folder: Path, count: int, env: dict[str, str]) -> float:
    """CPU seconds per report of the parent of `check --jobs 2 --format jsonl` alone, best of 3.

    The workers are replaced by an executor that replays their pickled outcomes (made once per kind of chunk), so
    what is measured is the parent's own work: walking the sources, submitting chunks, unpickling the outcomes,
    writing the outputs in order, the progress count and the summary. A wall-clock run cannot separate it from the
    workers' work on a busy machine; this can.
    """
    done = subprocess.run(
        [sys.executable, "-c", _REPLAY, str(folder), str(count)], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stderr.strip().splitlines()[-1])


def cpu_note(memory: PeakMemory, count: int, base_cpu: float, floor_cpu: float) -> str:
    """The CPU side of a batch run: the total against in-process, the parent's share, and the overhead."""
    parent = memory.parent_cpu
    rest = memory.cpu - parent
    return (
        f"CPU {memory.cpu:.2f} s, {memory.cpu / base_cpu:.2f}x in-process CPU (CPU efficiency "
        f"{base_cpu / memory.cpu:.2f}; {memory.cpu / floor_cpu:.2f}x the loops side by side); parent "
        f"{parent / count * 1e6:,.0f} µs per report, workers {rest / count * 1e6:,.0f} µs per report "
        "(start-ups included)"
    )


def cli_command() -> list[str]:
    """The installed `govdisclose` script beside this interpreter, or `python -m govdisclose`."""
    script = Path(sys.executable).with_name("govdisclose")
    return [str(script)] if script.exists() else [sys.executable, "-m", "govdisclose"]


def cli_check(folder: Path, jobs: int, count: int, env: dict[str, str]) -> tuple[float, PeakMemory]:
    """Wall seconds and peak memory of `govdisclose check FOLDER --jobs J --format jsonl` (output to a file)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            [*cli_command(), "--no-plugins", "check", str(folder), "--jobs", str(jobs), "--format", "jsonl"],
            stdout=output,
            stderr=subprocess.PIPE,
            env=env,
        )
        with PeakMemory(process.pid) as memory:
            _, errors = process.communicate()
        elapsed = time.perf_counter() - start
        output.seek(0)
        lines = sum(1 for _ in output)
    if process.returncode not in (0, 1) or lines != count:
        raise SystemExit(f"check --jobs {jobs}: status {process.returncode}, {lines} records of {count}: {errors!r}")
    return elapsed, memory


def dask_check(paths: Sequence[Path], workers: int) -> tuple[float, float, int, int, float, float] | str:
    """Seconds to start a local cluster, seconds of `batch.map(check_summary, …)` on it, peak memory, CPU seconds.

    The last value is the CPU time the cluster spends per second while idle (scheduler, nannies and workers: event
    loops, heartbeats, system monitors), measured over 3 s with no task: a cost per second, not per report, so it
    grows with the wall time of the run (on a busy machine, many times what an idle one would spend).
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        return "dask.distributed is not installed (the dask dependency group)"
    import dask

    start = time.perf_counter()
    with (
        # The workers' statistical profiler samples every task's stack 100 times a second: a diagnostic for
        # interactive work, turned off for a batch (docs/performance.md).
        dask.config.set({"distributed.worker.profile.enabled": False}),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(functools.partial(batch.check_summary, "example:sample-2021"))  # workers import and warm up
        started = time.perf_counter() - start
        sources = [str(path) for path in paths]
        executor = client.get_executor()
        with PeakMemory(os.getpid()) as idle:
            rest = time.perf_counter()
            time.sleep(3)
            rest = time.perf_counter() - rest
        with PeakMemory(os.getpid()) as before:
            pass
        with PeakMemory(os.getpid()) as memory:
            begin = time.perf_counter()
            failed = 0
            for result in batch.map(batch.check_summary, sources, executor=executor, chunksize=64, window=4 * workers):
                failed += not result.ok
            elapsed = time.perf_counter() - begin
        if failed:
            raise SystemExit(f"dask: {failed} sources failed")
    idle_rate = (idle.cpu - idle.first) / rest
    return started, elapsed, memory.parent, memory.worker, memory.cpu - before.cpu, idle_rate


def best_wall(command: Sequence[str], env: dict[str, str], runs: int) -> float:
    """The best wall time of *command* in ms over *runs* runs (after one untimed run that compiles the bytecode)."""
    subprocess.run(command, env=env, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def startup(one: Path, env: dict[str, str], runs: int) -> dict[str, float]:
    """Best wall times (ms) of the interpreter alone, of importing attrs and cattrs, and of `govdisclose check`."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        'python -c "import attrs, cattrs"': [sys.executable, "-c", "import attrs, cattrs"],
        "govdisclose check one.json": [*cli_command(), "check", str(one)],
        "govdisclose --no-plugins check one.json": [*cli_command(), "--no-plugins", "check", str(one)],
    }
    return {name: best_wall(command, env, runs) for name, command in commands.items()}


@contextlib.contextmanager
def workspace(keep: str | None) -> Iterator[Path]:
    if keep:
        yield Path(keep)
        return
    folder = Path(tempfile.mkdtemp(prefix="govdisclose-scale-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="reports to generate (default 10,000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="the most worker processes")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask cluster")
    parser.add_argument("--startup-runs", type=int, default=20, help="runs of each start-up command (best is kept)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    options = parser.parse_args(argv)
    if options.count < 10:
        parser.error("--count must be at least 10")
    say: Callable[[str], None] = functools.partial(print, flush=True)
    say(f"machine: {machine()}")
    say(f"before: {load_note()}")
    results: dict[str, bool] = {}
    cpu_results: dict[str, bool] = {}  # the same targets by CPU time (see cpu_note)
    with workspace(options.keep) as folder:
        paths = generate(folder / "all", options.count)
        tenth = folder / "tenth"
        tenth.mkdir(exist_ok=True)
        for path in paths[: options.count // 10]:
            with contextlib.suppress(FileExistsError):
                os.link(path, tenth / path.name)
        size = sum(path.stat().st_size for path in paths[:2]) / 2
        say(f"data: {options.count:,} generated reports (the two 2021 samples alternately, ~{size:,.0f} B each)")

        base, base_cpu = in_process(paths)
        per_report = base / len(paths)
        say(
            f"in-process load+check: {per_report * 1e6:,.0f} µs per report, {len(paths) / base:,.0f} reports/s "
            f"(CPU {base_cpu / len(paths) * 1e6:,.0f} µs per report)"
        )

        env = dict(os.environ)
        cache = tempfile.mkdtemp(prefix="govdisclose-pyc-")
        env["PYTHONPYCACHEPREFIX"] = cache  # bytecode compiled, as an installed package has it
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([*cli_command(), "check", str(paths[0])], env=env, capture_output=True, check=False)

        floors = {1: base_cpu}
        for jobs in range(2, options.jobs + 1):
            floors[jobs] = side_by_side(paths, jobs, env)
            say(
                f"{jobs} in-process loops side by side (no batch): CPU {floors[jobs] / len(paths) * 1e6:,.0f} µs per "
                f"report, {floors[jobs] / base_cpu:.2f}x one loop alone (the cores' and caches' sharing)"
            )

        alone = parent_alone(folder / "all", options.count, env)
        say(
            f"parent alone (check --jobs 2, workers replayed): CPU {alone * 1e6:,.1f} µs per report, "
            f"{alone / (base_cpu / len(paths)):.2%} of in-process load+check"
        )

        for jobs in range(1, options.jobs + 1):
            elapsed, memory = cli_check(folder / "all", jobs, options.count, env)
            speedup = base / elapsed
            efficiency = speedup / jobs
            cpu_efficiency = base_cpu / memory.cpu
            say(
                f"check --jobs {jobs}: {elapsed:.2f} s, {options.count / elapsed:,.0f} reports/s, "
                f"{elapsed / base:.2f}x in-process, speed-up {speedup:.2f}, efficiency {efficiency:.2f}; "
                f"peak memory parent {mib(memory.parent)}, worker {mib(memory.worker) if jobs > 1 else '-'}; "
                + cpu_note(memory, options.count, base_cpu, floors[jobs])
            )
            if jobs == 1:
                results[f"--jobs 1 within {JOBS_ONE_TARGET}x of in-process"] = elapsed / base <= JOBS_ONE_TARGET
                cpu_results["--jobs 1"] = memory.cpu / base_cpu <= JOBS_ONE_TARGET
            if jobs == options.jobs and jobs > 1:
                results[f"--jobs {jobs} efficiency >= {JOBS_EFFICIENCY_TARGET}"] = efficiency >= JOBS_EFFICIENCY_TARGET
                cpu_results[f"--jobs {jobs}"] = cpu_efficiency >= JOBS_EFFICIENCY_TARGET
                _, small = cli_check(tenth, jobs, options.count // 10, env)
                flat = memory.parent <= small.parent * 1.1 + 8 * 2**20
                say(
                    f"parent peak memory: {mib(small.parent)} at {options.count // 10:,} reports, "
                    f"{mib(memory.parent)} at {options.count:,}"
                )
                results["parent memory flat in N"] = flat

        if options.no_dask:
            say("dask: skipped (--no-dask)")
        else:
            outcome = dask_check(paths, options.jobs)
            if isinstance(outcome, str):
                say(f"dask: skipped: {outcome}")
            else:
                started, elapsed, parent, worker, cpu, idle_rate = outcome
                speedup = base / elapsed
                efficiency = speedup / options.jobs
                say(
                    f"dask batch.map, {options.jobs} workers: {elapsed:.2f} s (cluster start {started:.1f} s, not "
                    f"counted), {options.count / elapsed:,.0f} reports/s, speed-up {speedup:.2f}, efficiency "
                    f"{efficiency:.2f}; peak memory client {mib(parent)}, worker {mib(worker)}; CPU {cpu:.2f} s, "
                    f"{cpu / base_cpu:.2f}x in-process CPU (CPU efficiency {base_cpu / cpu:.2f}; "
                    f"{cpu / floors[options.jobs]:.2f}x the loops side by side)"
                )
                tax = idle_rate * elapsed
                say(
                    f"dask idle: the cluster uses {idle_rate:.1%} of a core per second doing nothing, {tax:.2f} s of "
                    f"this run's CPU; without it, CPU efficiency {base_cpu / max(cpu - tax, 1e-9):.2f}"
                )
                results[f"dask efficiency >= {DASK_EFFICIENCY_TARGET}"] = efficiency >= DASK_EFFICIENCY_TARGET
                cpu_results["dask"] = base_cpu / cpu >= DASK_EFFICIENCY_TARGET

        times = startup(paths[0], env, options.startup_runs)
        python, imports = times["python -c pass"], times['python -c "import attrs, cattrs"']
        for name, ms in times.items():
            say(
                f"start-up: {name} {ms:.0f} ms ({ms / python:.1f}x python -c pass, "
                f"{ms / imports:.2f}x import attrs, cattrs)"
            )
        results[f"check one.json <= {STARTUP_TARGET_MS:.0f} ms"] = (
            times["govdisclose check one.json"] <= STARTUP_TARGET_MS
        )
        shutil.rmtree(cache, ignore_errors=True)
    say(f"after: {load_note()}")
    say("targets: " + "; ".join(f"{name} {'met' if met else 'NOT met'}" for name, met in results.items()))
    say(
        "by CPU time (in-process CPU ÷ the run's CPU, what the wall-clock ratio would be if every process had a core "
        "whenever it could run): "
        + "; ".join(f"{name} {'met' if met else 'NOT met'}" for name, met in cpu_results.items())
    )
    say(json.dumps({"targets_met": all(results.values())}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
