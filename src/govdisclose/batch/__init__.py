"""Batch work: one function over many report files, in this process, on several cores, or on a cluster.

:func:`map` takes any :class:`concurrent.futures.Executor`, so the same call runs sequentially, on a
:class:`~concurrent.futures.ProcessPoolExecutor`, or on a Dask cluster through ``client.get_executor()``. Each source
gives a :class:`Result` with its value or its error: one bad file never stops the batch.

>>> from govdisclose import batch
>>> [(r.source, r.ok) for r in batch.map(batch.load_source, ["example:sample-2021", "missing.json"])]
[('example:sample-2021', True), ('missing.json', False)]
"""

from typing import TYPE_CHECKING

from ._map import Result, WorkerDiedError, map
from ._sources import DEFAULT_SUFFIXES, EXAMPLE_PREFIX, example_name, expand_sources, load_source, source_stem
from ._tasks import check_file, check_summary, convert_file, render_file

if TYPE_CHECKING:
    from ._pool import WorkerPool


def __getattr__(name: str) -> object:
    """:class:`WorkerPool` on first use: ``import govdisclose.batch`` does not import multiprocessing."""
    if name == "WorkerPool":
        from ._pool import WorkerPool

        return WorkerPool
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_SUFFIXES",
    "EXAMPLE_PREFIX",
    "Result",
    "WorkerDiedError",
    "WorkerPool",
    "check_file",
    "check_summary",
    "convert_file",
    "example_name",
    "expand_sources",
    "load_source",
    "map",
    "render_file",
    "source_stem",
]
