import concurrent.futures
import functools
import itertools
import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import govdisclose
from govdisclose import batch

CORRUPT = '{"schema_version": 1, "edition": "2021", "year": 2021, "agency": {"name": "坏文件"}'  # no closing brace
# The parser wants a ',' or '}' just past the last character.
CORRUPT_ERROR = f"not valid JSON: Expecting ',' delimiter at line 1 column {len(CORRUPT) + 1} @ $"


def write_reports(directory: Path, count: int) -> list[Path]:
    """Write *count* variants of the bundled 2021 example (each agency named apart) and one corrupt file."""
    report = govdisclose.examples.load("sample-2021")
    paths = []
    for number in range(count):
        variant = attrs.evolve(report, agency=attrs.evolve(report.agency, name=f"示例县第{number}局"))
        path = directory / f"report-{number:04d}.json"
        path.write_text(govdisclose.to_json(variant), encoding="utf-8")
        paths.append(path)
    corrupt = directory / "report-corrupt.json"
    corrupt.write_text(CORRUPT, encoding="utf-8")
    paths.insert(count // 2, corrupt)
    return paths


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """200 generated report files with one corrupt file in the middle."""
    return write_reports(tmp_path_factory.mktemp("batch"), 200)


def spawn_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """A process pool that spawns fresh interpreters (no fork of a process that may hold threads)."""
    return concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def assert_batch_of_reports(paths: list[Path], results: list[batch.Result[Any]]) -> None:
    """Every file has a result; the corrupt one failed with its message; every other one loaded and was checked."""
    assert sorted(str(p) for p in paths) == sorted(r.source for r in results)
    failed = [r for r in results if not r.ok]
    assert [str(paths[len(paths) // 2])] == [r.source for r in failed]
    assert ("DocumentError", CORRUPT_ERROR) == (failed[0].error_type, failed[0].error)
    assert failed[0].value is None
    titles = {r.value["report"]["agency"] for r in results if r.ok}
    assert {f"示例县第{n}局" for n in range(len(paths) - 1)} == titles


def test_corrupt_message_is_the_loaders_message() -> None:
    """The expected message of the corrupt file is what loading it directly raises."""
    with pytest.raises(govdisclose.DocumentError) as caught:
        govdisclose.from_json(CORRUPT)
    assert CORRUPT_ERROR == str(caught.value)


def test_sequential_batch_reports_the_corrupt_file_and_goes_on(reports: list[Path]) -> None:
    """Without an executor every source is processed in order, and the corrupt one is a failed result."""
    results = list(batch.map(batch.check_summary, reports))
    assert list(range(len(reports))) == [r.index for r in results]
    assert [str(p) for p in reports] == [r.source for r in results]
    assert_batch_of_reports(reports, results)


@pytest.mark.parametrize("ordered", [True, False], ids=["ordered", "as-completed"])
def test_process_pool_batch(reports: list[Path], ordered: bool) -> None:
    """With two processes all 201 files are processed and the corrupt one is reported, in order or as completed."""
    with spawn_pool(2) as pool:
        results = list(batch.map(batch.check_summary, reports, executor=pool, ordered=ordered, chunksize=8))
    assert_batch_of_reports(reports, results)
    if ordered:
        assert list(range(len(reports))) == [r.index for r in results]
    assert all(r.duration > 0 for r in results)


def test_dask_distributed_batch(reports: list[Path]) -> None:
    """The same call runs on a Dask cluster through client.get_executor()."""
    distributed = pytest.importorskip(
        "distributed", reason="Dask is not installed (the optional test group 'dask': dask[distributed])"
    )
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = list(batch.map(batch.check_summary, reports, executor=client.get_executor(), window=16))
    assert list(range(len(reports))) == [r.index for r in results]
    assert_batch_of_reports(reports, results)


def test_progress_is_called_once_per_result_before_it_is_yielded() -> None:
    """The progress hook sees each result just before the caller does."""
    seen: list[int] = []
    for result in batch.map(int, ["1", "2", "x"], progress=lambda r: seen.append(r.index)):
        assert result.index == seen[-1]
    assert [0, 1, 2] == seen


def test_errors_are_messages_with_the_exception_type() -> None:
    """A govdisclose error keeps its one-line message; an error without a message is named by its type."""

    def fail(source: str) -> None:
        if source == "empty":
            raise KeyError
        raise govdisclose.SourceError(f"cannot read {source}: No such file or directory", source=source)

    results = list(batch.map(fail, ["a.json", "empty"]))
    assert ("SourceError", "cannot read a.json: No such file or directory") == (
        results[0].error_type,
        results[0].error,
    )
    assert ("KeyError", "KeyError") == (results[1].error_type, results[1].error)


def test_missing_and_example_sources() -> None:
    """load_source reads example:NAME, and a missing file fails with a SourceError naming it."""
    results = list(batch.map(batch.load_source, ["example:sample-2021", "no/such/report.json"]))
    assert govdisclose.examples.load("sample-2021") == results[0].value
    assert "SourceError" == results[1].error_type
    assert results[1].error is not None
    assert results[1].error.startswith("cannot read no/such/report.json: ")


def test_render_and_convert_tasks_with_options_pickle(reports: list[Path]) -> None:
    """Tasks bound with functools.partial run in another process and give the same output as in this one."""
    sources = [str(reports[0]), "example:sanyuan-chengguan-2017"]
    task = functools.partial(batch.render_file, to="text")
    with spawn_pool(1) as pool:
        remote = [r.value for r in batch.map(task, sources, executor=pool)]
    assert [batch.render_file(s) for s in sources] == remote
    assert [govdisclose.examples.text("sanyuan-chengguan-2017")] == [
        r.value for r in batch.map(batch.convert_file, ["example:sanyuan-chengguan-2017"])
    ]


class CountingExecutor(concurrent.futures.ThreadPoolExecutor):
    """A thread pool that records the most tasks it ever had in flight.

    A task stops counting when its function returns, in the worker thread, before the future is given the result.
    (Counting it down in a done callback would be too late: the future wakes its waiters before it runs its
    callbacks, so ``map`` could take the result and submit the next task while the finished one still counted.)
    """

    def __init__(self, workers: int) -> None:
        super().__init__(max_workers=workers)
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most = 0
        self.submitted = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        """Submit as the thread pool does, counting the task until its function returns."""
        with self.lock:
            self.in_flight += 1
            self.submitted += 1
            self.most = max(self.most, self.in_flight)
        return super().submit(self._counted, fn, *args, **kwargs)

    def _counted(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        finally:
            with self.lock:
                self.in_flight -= 1


GATE = threading.Event()


def gated(value: int) -> int:
    """Return *value*; source 0 first waits for the test to open the gate."""
    if value == 0:
        GATE.wait(timeout=30)  # a safety net only: the test opens the gate
    return value


@pytest.mark.parametrize("ordered", [True, False], ids=["ordered", "as-completed"])
def test_window_bounds_tasks_in_flight_and_sources_are_read_lazily(ordered: bool) -> None:
    """At most `window` tasks wait, endless sources are read only as needed, and a slow source holds back no other."""
    GATE.clear()
    with CountingExecutor(4) as executor:
        results = batch.map(gated, itertools.count(), executor=executor, ordered=ordered, window=5)
        if ordered:
            GATE.set()  # in order, source 0 must come first: let it finish
        first = next(results)
        GATE.set()  # as completed, source 0 was held back until another source came out first
        taken = [first, *itertools.islice(results, 29)]
        # As completed, source 0 comes out once its thread wakes, however many results the others give meanwhile.
        while 0 not in (r.value for r in taken):
            taken.append(next(results))
        results.close()
    assert 5 >= executor.most
    assert len(taken) + 5 >= executor.submitted
    values = [r.value for r in taken]
    if ordered:
        assert list(range(30)) == values
    else:
        assert 0 != values[0]
        assert 0 in values


def test_chunks_keep_one_result_per_source_in_order() -> None:
    """With several sources per task the results are still one per source, in order."""
    with concurrent.futures.ThreadPoolExecutor(3) as executor:
        results = list(batch.map(gated, range(1, 24), executor=executor, chunksize=4, window=2))
    assert list(range(1, 24)) == [r.value for r in results]
    assert list(range(23)) == [r.index for r in results]


class FailingExecutor(concurrent.futures.Executor):
    """Runs tasks at once, except that the task holding source 3 fails as a whole (as a dead worker would)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        """Run the task now, or fail it if it holds source 3."""
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        chunk = args[1]
        if any(source == 3 for _, source in chunk):
            future.set_exception(concurrent.futures.process.BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(*args, **kwargs))
        return future


def test_a_task_failing_as_a_whole_fails_its_sources_only() -> None:
    """When the executor loses a task, each source of that chunk is a failed result and the rest go on."""
    results = list(batch.map(str, range(8), executor=FailingExecutor(), chunksize=2))
    assert ["0", "1", None, None, "4", "5", "6", "7"] == [r.value for r in results]
    assert [("BrokenProcessPool", "a worker died")] * 2 == [(r.error_type, r.error) for r in results[2:4]]


def test_results_pickle() -> None:
    """Results cross process boundaries."""
    result = next(batch.map(int, ["x"]))
    assert result == pickle.loads(pickle.dumps(result))
    assert not result.ok


@pytest.mark.parametrize(("option", "value"), [("window", 0), ("chunksize", 0)])
def test_window_and_chunksize_must_be_positive(option: str, value: int) -> None:
    """A window or chunk size below 1 is refused when iteration starts."""
    with pytest.raises(ValueError, match=f"'{option}' must be >= 1"):
        next(batch.map(int, ["1"], executor=FailingExecutor(), **{option: value}))


def tree(root: Path) -> None:
    """Make a directory tree with reports, other files, hidden entries and a nested directory."""
    (root / "b").mkdir()
    (root / "b" / "z.yaml").write_text("")
    (root / "b" / "a.JSON").write_text("")
    (root / "a.toml").write_text("")
    (root / "notes.txt").write_text("")
    (root / ".hidden.json").write_text("")
    (root / ".git").mkdir()
    (root / ".git" / "x.json").write_text("")
    (root / "c.yml").write_text("")


def test_expand_sources_walks_directories_in_sorted_order(tmp_path: Path) -> None:
    """Directories give their report files recursively and sorted; explicit files and odd names pass as given."""
    tree(tmp_path)
    found = list(batch.expand_sources([tmp_path, tmp_path / "notes.txt", "-", "example:x", tmp_path / "gone.json"]))
    expected = [
        str(tmp_path / "a.toml"),
        str(tmp_path / "b" / "a.JSON"),
        str(tmp_path / "b" / "z.yaml"),
        str(tmp_path / "c.yml"),
        str(tmp_path / "notes.txt"),
        "-",
        "example:x",
        str(tmp_path / "gone.json"),
    ]
    assert expected == found


def test_expand_sources_options(tmp_path: Path) -> None:
    """Suffixes can be narrowed, and hidden entries included."""
    tree(tmp_path)
    found = list(batch.expand_sources([tmp_path], suffixes=(".json",), hidden=True))
    assert [str(tmp_path / ".git" / "x.json"), str(tmp_path / ".hidden.json"), str(tmp_path / "b" / "a.JSON")] == found


def generated(count: int) -> Iterator[str]:
    """Sources that are made on demand (to show they are not all read up front)."""
    yield from (str(number) for number in range(count))


def test_sequential_map_is_lazy() -> None:
    """Without an executor, a source is processed only when its result is asked for."""
    calls: list[str] = []

    def record(source: str) -> str:
        calls.append(source)
        return source

    results = batch.map(record, generated(1000))
    assert [] == calls
    assert ["0", "1"] == [r.value for r in itertools.islice(results, 2)]
    assert ["0", "1"] == calls


def die_on(value: int) -> int:
    """Return *value*; for 13 the worker process kills itself, as the OOM killer would."""
    if value == 13:
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def test_a_killed_worker_fails_only_its_source_and_the_pool_goes_on() -> None:
    """A worker's SIGKILL fails the one source that caused it; its chunk's others rerun; a new worker takes over."""
    with batch.WorkerPool(2) as pool:
        results = list(batch.map(die_on, range(40), executor=pool, chunksize=4))
        replaced = pool.replaced
    assert [value for value in range(40) if value != 13] == [r.value for r in results if r.ok]
    assert [(13, "WorkerDiedError", "the worker process died (killed by SIGKILL)")] == [
        (r.index, r.error_type, r.error) for r in results if not r.ok
    ]
    assert 2 == replaced  # once with its chunk of four, once alone


def test_worker_pool_sends_exceptions_back_and_refuses_work_after_shutdown() -> None:
    """A task's exception reaches its future; submitting after shutdown raises."""
    pool = batch.WorkerPool(1)
    with pytest.raises(ValueError, match="invalid literal"):
        pool.submit(int, "x").result(timeout=60)
    pool.shutdown()
    with pytest.raises(RuntimeError, match="after shutdown"):
        pool.submit(int, "1")


def test_worker_pool_needs_a_worker() -> None:
    """Fewer than one worker is refused."""
    with pytest.raises(ValueError, match="'workers' must be >= 1"):
        batch.WorkerPool(0)


_STARTED: list[str] = []


def start_with(word: str) -> None:
    """A worker initializer: remember *word* in the worker process."""
    if word == "fail":
        raise OSError("no such plugin")
    _STARTED.append(word)


def started(_: object) -> list[str]:
    """What the worker's initializer remembered."""
    return list(_STARTED)


def test_worker_pool_initializer_runs_once_per_worker_before_its_tasks() -> None:
    """Each worker runs the initializer once, before its first call; one that raises fails every call with its error."""
    with batch.WorkerPool(2, initializer=start_with, initargs=("ready",)) as pool:
        assert [["ready"]] * 6 == [pool.submit(started, i).result(timeout=120) for i in range(6)]
    assert [] == _STARTED  # not in this process
    failing = pytest.raises(RuntimeError, match=r"the worker could not start: OSError: no such plugin")
    with batch.WorkerPool(1, initializer=start_with, initargs=("fail",)) as pool, failing:
        pool.submit(started, 0).result(timeout=120)
