"""Files into readers: a path or bytes loaded once, and the file type told by content and suffix.

:func:`source_bytes` is how :func:`~govdisclose.read.read_pdf`, :func:`~govdisclose.read.read_docx` and
:func:`~govdisclose.read.read_file` take their source: a path (``str`` or :class:`os.PathLike`) or the bytes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from .._errors import DocumentError, SourceError

__all__ = ["MAX_BYTES", "Source", "source_bytes"]

MAX_BYTES: Final = 256 * 1024 * 1024
"""The largest file the readers of PDF and Word files read by default: 256 MiB."""

Source = str | os.PathLike[str] | bytes
"""A file to read: its path, or its content."""


def source_bytes(value: Source, source: str | None, what: str, max_bytes: int = MAX_BYTES) -> tuple[bytes, str | None]:
    """The content of *value* and the name of where it came from (*source*, else the path).

    Raises:
        SourceError: The path cannot be read.
        DocumentError: *value* is neither a path nor bytes, or is larger than *max_bytes*.
    """
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
    elif isinstance(value, (str, os.PathLike)):
        path = Path(value)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise DocumentError([f"{path} is {size:,} bytes; {what} reads at most {max_bytes:,} @ $"])
            data = path.read_bytes()
        except OSError as exc:
            raise SourceError(f"cannot read {str(path)!r}: {exc.strerror or exc}", source=str(path)) from None
        source = source if source is not None else str(path)
    else:
        raise DocumentError([f"{what} needs a path or bytes, got {type(value).__name__} @ $"])
    if len(data) > max_bytes:
        raise DocumentError([f"source is {len(data):,} bytes; {what} reads at most {max_bytes:,} @ $"])
    return data, source
