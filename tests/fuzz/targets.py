"""Fuzz targets: each takes raw bytes and must raise nothing but a GovDiscloseError.

Run them through ``tests/fuzz/run.py`` (coverage-guided with atheris); they are plain functions, so a failing input
found by the fuzzer can be replayed in a unit test.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from govdisclose import GovDiscloseError, from_json, from_toml, from_yaml


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def load_json(data: bytes) -> None:
    """The canonical JSON loader, on bytes as given."""
    from_json(data)


def load_toml(data: bytes) -> None:
    """The TOML loader, on bytes as given."""
    from_toml(data)


def load_yaml(data: bytes) -> None:
    """The YAML loader, on bytes as given."""
    from_yaml(data)


def read_text(data: bytes) -> None:
    """The reader of published text."""
    from govdisclose.read import read_text as reader

    reader(_text(data))


def read_html(data: bytes) -> None:
    """The reader of published HTML."""
    from govdisclose.read import read_html as reader

    reader(_text(data))


TARGETS: dict[str, Callable[[bytes], None]] = {
    "load_json": load_json,
    "load_toml": load_toml,
    "load_yaml": load_yaml,
    "read_text": read_text,
    "read_html": read_html,
}


def run_one(name: str, data: bytes) -> None:
    """Run target *name* on *data*; a GovDiscloseError is an accepted outcome, anything else propagates."""
    with contextlib.suppress(GovDiscloseError):
        TARGETS[name](data)
