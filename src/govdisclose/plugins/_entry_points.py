"""The entry points of one group, found as :mod:`importlib.metadata` finds them, without importing it.

``importlib.metadata`` imports ``email``, ``zipfile``, ``csv`` and ``socket`` (about a tenth of the start-up of
``govdisclose check one.json``) to answer a question that needs none of them: which installed distributions declare an
entry point of the group ``govdisclose.plugins``. For the common layout — ``*.dist-info`` and ``*.egg-info``
directories in the folders of :data:`sys.path` — this module reads their ``entry_points.txt`` itself, in the order and
with the precedence ``importlib.metadata`` gives them (the first distribution of a name on the path wins). For anything
else (a zip archive or an ``.egg`` on the path, a finder of distributions of its own on :data:`sys.meta_path`) it asks
``importlib.metadata``.

>>> [entry_point.name for entry_point in entry_points(group="no such group")]
[]
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["EntryPoint", "entry_points"]

_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


class EntryPoint:
    """One entry point: its name, its value (``module:attribute``), and the distribution that declares it.

    Attributes:
        name: The entry point's name.
        value: What it points at, as written (``package.module:function``).
        group: Its group.
        distribution: The declaring distribution's name (``Name`` of its metadata), or ``None`` if not known.
        version: The distribution's version, or ``None``.
    """

    def __init__(
        self, name: str, value: str, group: str, *, distribution: str | None = None, version: str | None = None
    ) -> None:
        self.name = name
        self.value = value
        self.group = group
        self.distribution = distribution
        self.version = version

    def load(self) -> Any:
        """Import the module the value names and return the attribute it names (or the module).

        Raises:
            ValueError: The value is not ``module`` or ``module:attribute``.
        """
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"{self.value!r} is not an entry point value (module or module:attribute)")
        module = importlib.import_module(match.group("module"))
        return functools.reduce(getattr, filter(None, (match.group("attr") or "").split(".")), module)

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


def entry_points(*, group: str) -> list[EntryPoint]:
    """The entry points of *group* of the installed distributions, in the order ``importlib.metadata`` finds them."""
    found = _scan(group)
    if found is not None:
        return found
    import importlib.metadata

    return [
        EntryPoint(
            entry_point.name,
            entry_point.value,
            group,
            distribution=entry_point.dist.metadata["Name"] if entry_point.dist is not None else None,
            version=entry_point.dist.version if entry_point.dist is not None else None,
        )
        for entry_point in importlib.metadata.entry_points(group=group)
    ]


def _normalized(name: str) -> str:
    """A distribution's name as ``importlib.metadata`` compares them (``Foo.Bar-baz`` → ``foo_bar_baz``)."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _scan(group: str) -> list[EntryPoint] | None:
    """The entry points of *group* read from the metadata folders on :data:`sys.path`, or ``None`` to ask importlib."""
    from importlib.machinery import PathFinder

    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return None  # a finder of distributions of its own: only importlib.metadata asks it
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except OSError:
            if os.path.isfile(folder):
                return None  # a zip archive on the path
            continue
        infos: dict[str, list[str]] = {}  # metadata folders by normalized name, in the order of the listing
        for name in names:
            lowered = name.lower()
            if lowered.endswith(".egg"):
                return None  # an egg (a folder or an archive): importlib.metadata knows its layouts
            if lowered.endswith((".dist-info", ".egg-info")):
                infos.setdefault(_normalized(name.rpartition(".")[0].partition("-")[0]), []).append(name)
        for normalized, folders in infos.items():
            for info in folders:
                if normalized in seen:
                    break
                seen.add(normalized)
                found.extend(_declared(os.path.join(folder, info), group))
    return found


def _declared(info: str, group: str) -> Iterator[EntryPoint]:
    """The entry points of *group* in one metadata folder's ``entry_points.txt``, as importlib.metadata reads them."""
    try:
        with open(os.path.join(info, "entry_points.txt"), encoding="utf-8") as stream:
            text = stream.read()
    except OSError:
        return
    section = None
    pairs = []
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group and "=" in line:
            name, value = (part.strip() for part in line.split("=", 1))
            pairs.append((name, value))
    if not pairs:
        return
    distribution, version = _name_and_version(info)
    for name, value in pairs:
        yield EntryPoint(name, value, group, distribution=distribution, version=version)


def _name_and_version(info: str) -> tuple[str | None, str | None]:
    """``Name`` and ``Version`` from the headers of a metadata folder's ``METADATA`` (or ``PKG-INFO``)."""
    fields: dict[str, str] = {}
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(info, file), encoding="utf-8") as stream:
                for line in stream:
                    if not line.strip():
                        break  # the end of the headers
                    key, colon, value = line.partition(":")
                    if colon and key in ("Name", "Version") and key not in fields:
                        fields[key] = value.strip()
        except OSError:
            continue
        break
    return fields.get("Name"), fields.get("Version")
