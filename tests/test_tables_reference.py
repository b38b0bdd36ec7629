"""The generated reference page of the official tables lists every row and column with its id and exact label."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from govdisclose.model import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    national_statistics_form,
)

_EXT = Path(__file__).parents[1] / "docs" / "_ext" / "tables_reference.py"


def _page() -> str:
    spec = importlib.util.spec_from_file_location("tables_reference", _EXT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.page()
    return text


def test_every_row_and_column_is_listed() -> None:
    """Each row and column of each definition has a line with its id in backticks and its exact label."""
    page = _page().splitlines()
    missing = []
    for definition in (PROACTIVE_2021, APPLICATIONS_2021, REVIEWS_LITIGATION, PROACTIVE_2019, APPLICATIONS_2019):
        for row in definition.rows:
            if row.label and not any(f"| `{row.id}` | {row.label} |" in line for line in page):
                missing.append(row.id)
            for column in row.columns:
                if not any(f"| `{column.id}` | {column.label} |" in line for line in page):
                    missing.append(f"{row.id}/{column.id}")
    for stat in national_statistics_form().rows:
        if not any(line.startswith(f"| `{stat.id}` | {stat.label} |") for line in page):
            missing.append(stat.id)
    assert [] == missing
