"""Sources: what a user names (a file, a directory, ``-``, ``example:NAME``) and the reports they hold.

This is the one place that knows the forms a source takes: :func:`expand_sources` turns what a user typed into sources,
:func:`load_source` loads the report of one, and :func:`source_stem` names its output. The command line, the batch tasks
and the benchmarks all go through these.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..model import KindRegistry, Report
from ..serialize import load_report

__all__ = ["DEFAULT_SUFFIXES", "EXAMPLE_PREFIX", "example_name", "expand_sources", "load_source", "source_stem"]

DEFAULT_SUFFIXES: tuple[str, ...] = (".json", ".toml", ".yaml", ".yml")
"""The suffixes :func:`expand_sources` picks up in directories: the report document formats."""

EXAMPLE_PREFIX = "example:"
"""The prefix of a source naming a bundled example: ``example:sample-2021``."""

STDIN = "-"
"""The source (and target) that stands for the standard streams."""


def example_name(source: str | os.PathLike[str]) -> str | None:
    """The bundled example *source* names (``example:NAME``), or ``None`` when it names none.

    >>> example_name("example:sample-2021"), example_name("reports/sample-2021.json")
    ('sample-2021', None)
    """
    name = os.fspath(source)
    return name.removeprefix(EXAMPLE_PREFIX) if name.startswith(EXAMPLE_PREFIX) else None


def source_stem(source: str | os.PathLike[str]) -> str:
    """The name an output for *source* takes, before its suffix: the file's stem, the example's name, or ``stdin``.

    >>> source_stem("reports/2024/r.json"), source_stem("example:sample-2021"), source_stem("-")
    ('r', 'sample-2021', 'stdin')
    """
    example = example_name(source)
    if example is not None:
        return example or "stdin"
    name = os.fspath(source)
    return "stdin" if name == STDIN else (Path(name).stem or "stdin")


def load_source(
    source: str | os.PathLike[str], *, fmt: str | None = None, registry: KindRegistry | None = None
) -> Report:
    """The report in *source*: a document file (``.json``, ``.toml``, ``.yaml``), ``-`` or ``example:NAME``.

    Args:
        source: Where the report is.
        fmt: The document format of a file or of standard input (``json``, ``toml``, ``yaml``); by default from the
            file's suffix (standard input: JSON). Not used for a bundled example.
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.

    Raises:
        SourceError: The file cannot be read.
        DocumentError: It is not a valid report document.
        UnknownExampleError: No bundled example has that name.

    >>> load_source("example:sanyuan-chengguan-2017").year
    2017
    """
    example = example_name(source)
    if example is not None:
        from .. import examples  # the bundled data is loaded only when a source names it

        return examples.load(example)
    return load_report(source, fmt=fmt, registry=registry)


def expand_sources(
    paths: Iterable[str | os.PathLike[str]],
    *,
    suffixes: Sequence[str] = DEFAULT_SUFFIXES,
    hidden: bool = False,
) -> Iterator[str]:
    """Yield the sources named by *paths*: files as given, directories as the report files under them.

    A directory is walked recursively in sorted order (so a batch is the same on every machine), keeping files whose
    suffix is one of *suffixes* (case-insensitive), skipping names that start with ``.`` unless *hidden*, and not
    following links to directories. A file named explicitly is kept whatever its suffix; ``-`` (standard input),
    ``example:NAME`` and paths that do not exist are passed on as they are, so that the task reports them as a failed
    source rather than the expansion failing.

    >>> list(expand_sources(["example:sample-2021", "missing.json"]))
    ['example:sample-2021', 'missing.json']
    """
    wanted = tuple(suffix.lower() for suffix in suffixes)
    for path in paths:
        name = os.fspath(path)
        if name == STDIN or example_name(name) is not None or not os.path.isdir(name):
            yield name
            continue
        yield from _walk(Path(name), wanted, hidden)


def _walk(directory: Path, suffixes: tuple[str, ...], hidden: bool) -> Iterator[str]:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        yield str(directory)  # unreadable: the task will say why
        return
    for entry in entries:
        if not hidden and entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):  # a link to a directory could loop: not followed
            yield from _walk(Path(entry.path), suffixes, hidden)
        elif entry.name.lower().endswith(suffixes):
            yield entry.path
