"""Reading and writing report documents by source name: a file path, or ``-`` for the standard streams.

The format comes from the file's suffix (``.json``, ``.toml``, ``.yaml``/``.yml``) unless given; standard input is JSON
unless told otherwise. Files are written atomically: the document goes to a temporary file beside the target, which then
replaces it, so a failure never leaves a half-written file behind.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._errors import DocumentError, SourceError
from ..model import KindRegistry, Report
from ._limits import DEFAULT_LIMITS, DocumentLimits, describe_size, too_large

__all__ = ["FORMATS", "dump_report", "format_for", "load_report", "parse_report", "read_source", "write_output"]

FORMATS = ("json", "toml", "yaml")
"""The document formats reports can be stored in."""

_SUFFIXES = {".json": "json", ".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}
_PUBLISHED = frozenset({".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".doc"})
"""Suffixes of published reports (what ``govdisclose read`` reads): a document that fails to load says to read it."""


def format_for(source: str | os.PathLike[str], default: str = "json") -> str:
    """The document format of *source*, from its suffix.

    >>> format_for("report.yml"), format_for("-"), format_for("data.txt", default="toml")
    ('yaml', 'json', 'toml')
    """
    return _SUFFIXES.get(Path(os.fspath(source)).suffix.lower(), default)


def read_source(source: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """The bytes of *source*: a file, or ``-`` for standard input.

    Args:
        source: A path, or ``-``.
        max_bytes: The most bytes to read; a larger source is refused without being read whole. No limit if None.

    Raises:
        SourceError: The file cannot be read.
        DocumentError: The source holds more than *max_bytes*.
    """
    name = os.fspath(source)
    size: int | None = None
    if name == "-":
        data = sys.stdin.buffer.read() if max_bytes is None else sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            with open(name, "rb") as stream:
                data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
                size = os.fstat(stream.fileno()).st_size
        except OSError as exc:
            raise SourceError(f"cannot read {name}: {exc.strerror or exc}", source=name) from None
    if max_bytes is not None and len(data) > max_bytes:
        # A regular file tells its size; a stream (standard input, a pipe) only that it holds more than the limit.
        described = describe_size(size) if size is not None and size > max_bytes else None
        raise too_large(described or f"more than {describe_size(max_bytes)}", max_bytes)
    return data


def _codec(fmt: str, direction: str) -> Callable[..., Any]:
    """The ``from_*`` or ``to_*`` function of a format, imported on first use (TOML and YAML are optional)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown document format {fmt!r}; known formats: {', '.join(FORMATS)}")
    module = importlib.import_module(f"{__package__}._{fmt}")
    function: Callable[..., Any] = getattr(module, f"{direction}_{fmt}")
    return function


def parse_report(
    data: bytes | str,
    fmt: str = "json",
    *,
    registry: KindRegistry | None = None,
    limits: DocumentLimits | None = None,
) -> Report:
    """A report from the text of a document in format *fmt*.

    Args:
        data: The document's text, or its bytes.
        fmt: ``json``, ``toml`` or ``yaml``.
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.
        limits: How large and how deeply nested the document may be; :data:`~govdisclose.serialize.DEFAULT_LIMITS`
            by default.

    Raises:
        DocumentError: The document is not valid, or past a limit (the message names the path of the problem).
    """
    report: Report = _codec(fmt, "from")(data, registry=registry, limits=limits)
    return report


def dump_report(report: Report, fmt: str = "json", *, registry: KindRegistry | None = None) -> str:
    """The text of *report* as a document in format *fmt* (``json``, ``toml`` or ``yaml``)."""
    text: str = _codec(fmt, "to")(report, registry=registry)
    return text


def load_report(
    source: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    registry: KindRegistry | None = None,
    limits: DocumentLimits | None = None,
) -> Report:
    """Load a report from a file, or from standard input when *source* is ``-``.

    Args:
        source: A path, or ``-``.
        fmt: ``json``, ``toml`` or ``yaml``; by default from the file's suffix (standard input: JSON).
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.
        limits: How large and how deeply nested the document may be; :data:`~govdisclose.serialize.DEFAULT_LIMITS`
            by default. A file past the size limit is refused without being read whole.

    Raises:
        SourceError: The source cannot be read.
        DocumentError: It is not a valid document, or past a limit.
    """
    name = os.fspath(source)
    limits = DEFAULT_LIMITS if limits is None else limits
    data = read_source(name, max_bytes=limits.max_bytes)
    try:
        return parse_report(data, fmt or format_for(name), registry=registry, limits=limits)
    except DocumentError as exc:
        suffix = Path(name).suffix.lower()
        if fmt is not None or suffix not in _PUBLISHED:
            raise
        hint = f"{name} is a published report, not a report document: read it with `govdisclose read {name}` first"
        raise DocumentError([f"{hint} ({exc.problems[0]})", *exc.problems[1:]], path=exc.path) from None


def _file_mode() -> int:
    """The mode a new file gets from the process's umask (``0o644`` under the usual ``022``)."""
    global _MODE
    if _MODE is None:
        mask = os.umask(0o022)  # reading the umask means setting it; it is put back at once
        os.umask(mask)
        _MODE = 0o666 & ~mask
    return _MODE


_MODE: int | None = None


def _write_stdout(payload: bytes) -> None:
    """Write all of *payload* to standard output.

    Straight to the file descriptor where there is one: a :class:`io.BufferedWriter` drops the rest of a write that a
    signal interrupts part-way when the signal handler returns normally (as the command line's does, to finish an
    output before it stops), so JSON Lines would lose the end of a record.
    """
    sys.stdout.flush()  # text written by print() goes first
    stream = sys.stdout.buffer
    stream.flush()
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's capture): its own write is all there is
        stream.write(payload)
        stream.flush()
        return
    view = memoryview(payload)
    while view:
        view = view[os.write(descriptor, view) :]


def write_output(data: str | bytes, target: str | os.PathLike[str]) -> None:
    """Write *data* to *target* atomically, or to standard output when *target* is ``-``.

    The data goes to a temporary file beside the target, is flushed to the disk (``fsync``) and then replaces the
    target, so that a failure or a crash never leaves a half-written file. The file gets the mode a new file gets
    from the umask (``0o644`` usually), as ``open`` would give it, whether or not it replaces another.

    Raises:
        SourceError: The file cannot be written (nothing is left behind).
    """
    name = os.fspath(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if name == "-":
        _write_stdout(payload)
        return
    import tempfile  # only for writing files: not imported by a command that reads and prints

    path = Path(name)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as exc:
        raise SourceError(f"cannot write {name}: {exc.strerror or exc}", source=name) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), _file_mode())  # mkstemp makes it 0600: only its owner could read it
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise SourceError(f"cannot write {name}: {exc.strerror or exc}", source=name) from None
        raise
