"""The bundled example reports, stored as canonical JSON data files inside the package.

>>> "sanyuan-chengguan-2017" in names()
True
>>> load("sanyuan-chengguan-2017").year
2017
"""

from __future__ import annotations

import functools
from importlib import resources

from .._errors import UnknownExampleError
from ..model import Report
from ..serialize import from_json

__all__ = ["load", "names", "text"]

_SUFFIX = ".json"


@functools.cache
def names() -> tuple[str, ...]:
    """The names of the bundled examples, sorted."""
    data = resources.files(__package__).joinpath("data")
    return tuple(sorted(item.name.removesuffix(_SUFFIX) for item in data.iterdir() if item.name.endswith(_SUFFIX)))


def text(name: str) -> str:
    """The canonical JSON text of the example *name*.

    Raises:
        UnknownExampleError: There is no such example (the message lists the known ones).
    """
    if name not in names():
        raise UnknownExampleError(name, names())
    return resources.files(__package__).joinpath("data").joinpath(name + _SUFFIX).read_text(encoding="utf-8")


@functools.cache
def load(name: str) -> Report:
    """The example report *name* (reports are immutable, so the same object is returned each time).

    Raises:
        UnknownExampleError: There is no such example.
    """
    return from_json(text(name))
