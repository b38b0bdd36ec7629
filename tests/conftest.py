"""Shared fixtures: the golden-file check."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from helpers import GOLDEN


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """Compare text with a golden file; ``GOVDISCLOSE_UPDATE_GOLDEN=1`` rewrites the file instead (review the diff)."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if os.environ.get("GOVDISCLOSE_UPDATE_GOLDEN") == "1":
            path.write_text(actual, encoding="utf-8")
        expected = path.read_text(encoding="utf-8")
        assert expected == actual

    return check
