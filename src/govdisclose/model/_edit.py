"""Editing a frozen report: replace the value at a document path, and find where a part sits.

Paths read like the JSON document (and like the paths in findings): ``$.sections[1].blocks[0]`` is the first block of
the second chapter, ``$.agency.name`` the agency's name. Every step must name an attrs field or a tuple index that
exists; the new value goes through the classes' own validators, so an edit can never produce an invalid report.

>>> from govdisclose.model import Agency, Edition, Report
>>> r = Report(edition=Edition.E2021, year=2025, agency=Agency(name="某县教育局"))
>>> replace_at(r, "$.agency.name", "某县卫生健康局").agency.name
'某县卫生健康局'
"""

from __future__ import annotations

import re
from typing import Any, Final, TypeVar

import attrs

from .._errors import ModelError

__all__ = ["parse_path", "replace_at"]

_STEP: Final = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_T = TypeVar("_T")


def parse_path(path: str) -> tuple[str | int, ...]:
    """The steps of a document path: field names and tuple indices.

    >>> parse_path("$.sections[2].blocks[0]")
    ('sections', 2, 'blocks', 0)

    Raises:
        ModelError: The path is not of the form ``$.field[index]…``.
    """
    text = path if path.startswith("$") else "$." + path
    steps: list[str | int] = []
    position = 1
    while position < len(text):
        match = _STEP.match(text, position)
        if match is None:
            raise ModelError(
                f"bad path {path!r} at character {position}: expected .field or [index]", field="path", value=path
            )
        steps.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        position = match.end()
    return tuple(steps)


def _replace(node: Any, steps: tuple[str | int, ...], value: object, done: str, path: str) -> Any:
    if not steps:
        return value
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        if not isinstance(node, tuple):
            raise ModelError(f"{done} is not a list, it has no [{step}] (path {path!r})", field="path", value=path)
        if not 0 <= step < len(node):
            raise ModelError(
                f"{done} has {len(node)} items, there is no [{step}] (path {path!r})", field="path", value=path
            )
        items = list(node)
        items[step] = _replace(node[step], rest, value, f"{done}[{step}]", path)
        return tuple(items)
    if not attrs.has(type(node)) or step not in attrs.fields_dict(type(node)):
        names = ", ".join(attrs.fields_dict(type(node))) if attrs.has(type(node)) else "none"
        raise ModelError(
            f"{done} ({type(node).__name__}) has no field {step!r}; its fields: {names} (path {path!r})",
            field="path",
            value=path,
        )
    child = _replace(getattr(node, step), rest, value, f"{done}.{step}", path)
    return attrs.evolve(node, **{step: child})


def replace_at(root: _T, path: str, value: object) -> _T:
    """A copy of *root* with the value at *path* replaced by *value* (validated by the classes it lands in).

    Raises:
        ModelError: The path names no field or index of *root*, or the new value breaks an invariant.
    """
    result: _T = _replace(root, parse_path(path), value, "$", path)
    return result
