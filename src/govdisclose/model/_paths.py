"""Document paths: where a thing sits in a report, the walk over its sections and blocks, and editing by path.

Paths are built from the model's structure — field names and tuple indices — and read exactly like the JSON document
that :func:`govdisclose.report_to_data` writes (and like the paths of findings): ``$.sections[1].blocks[0]`` is the
first block of the second chapter, ``$.sections[2].blocks[0].rows[24].values[6]`` a table cell, ``$.agency.name`` the
agency's name. This module is the one walk over a report's sections and blocks that the other packages use.

>>> join_path("$", "sections", 2, "blocks", 0, "rows", 24, "values", 6)
'$.sections[2].blocks[0].rows[24].values[6]'

Editing by path: every step must name an attrs field or a tuple index that exists; the new value goes through the
classes' own validators, so an edit never produces an invalid report.

>>> from govdisclose.model import Agency, Edition, Report
>>> r = Report(edition=Edition.E2021, year=2025, agency=Agency(name="某县教育局"))
>>> replace_at(r, "$.agency.name", "某县卫生健康局").agency.name
'某县卫生健康局'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from .._errors import ModelError
from ._blocks import Block
from ._sections import Section

if TYPE_CHECKING:
    from ._report import Report

__all__ = [
    "BlockSite",
    "blocks_in",
    "iter_blocks",
    "iter_sections",
    "join_path",
    "parse_path",
    "replace_at",
    "value_at",
]

_STEP: Final = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_T = TypeVar("_T")


def join_path(base: str, *steps: str | int) -> str:
    """Extend *base* by field names (``str``) and tuple indices (``int``).

    >>> join_path("$.sections[0]", "subsections", 1, "heading")
    '$.sections[0].subsections[1].heading'
    """
    parts = [base]
    for step in steps:
        parts.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(parts)


def iter_sections(report: Report) -> Iterator[tuple[str, int, Section]]:
    """Yield ``(path, depth, section)`` for every section, depth first; chapters have depth 1."""

    def walk(path: str, depth: int, section: Section) -> Iterator[tuple[str, int, Section]]:
        yield path, depth, section
        for index, child in enumerate(section.subsections):
            yield from walk(join_path(path, "subsections", index), depth + 1, child)

    for index, section in enumerate(report.sections):
        yield from walk(join_path("$", "sections", index), 1, section)


@attrs.frozen(kw_only=True)
class BlockSite:
    """A block and where it sits.

    Attributes:
        path: The block's document path.
        block: The block.
        section: The section that holds it, or ``None`` for a block of the 引言.
        section_path: The path of that section (``$.introduction`` for the 引言).
    """

    path: str
    block: Block
    section: Section | None
    section_path: str


def iter_blocks(report: Report) -> Iterator[BlockSite]:
    """Yield every block of the report in document order: the 引言's, then each section's before its subsections'."""
    return blocks_in(report, iter_sections(report))


def blocks_in(report: Report, sections: Iterable[tuple[str, int, Section]]) -> Iterator[BlockSite]:
    """As :func:`iter_blocks`, given the report's *sections* as :func:`iter_sections` yields them (walked once)."""
    if report.introduction is not None:
        for index, block in enumerate(report.introduction.blocks):
            yield BlockSite(
                path=join_path("$", "introduction", "blocks", index),
                block=block,
                section=None,
                section_path="$.introduction",
            )
    for path, _, section in sections:
        for index, block in enumerate(section.blocks):
            yield BlockSite(path=join_path(path, "blocks", index), block=block, section=section, section_path=path)


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


def _child(node: Any, step: str | int, done: str, path: str) -> Any:
    """The item or field *step* of *node* (which sits at *done*), or a ModelError saying what is there instead."""
    if isinstance(step, int):
        if not isinstance(node, tuple):
            raise ModelError(f"{done} is not a list, it has no [{step}] (path {path!r})", field="path", value=path)
        if not 0 <= step < len(node):
            raise ModelError(
                f"{done} has {len(node)} items, there is no [{step}] (path {path!r})", field="path", value=path
            )
        return node[step]
    if not attrs.has(type(node)) or step not in attrs.fields_dict(type(node)):
        names = ", ".join(attrs.fields_dict(type(node))) if attrs.has(type(node)) else "none"
        raise ModelError(
            f"{done} ({type(node).__name__}) has no field {step!r}; its fields: {names} (path {path!r})",
            field="path",
            value=path,
        )
    return getattr(node, step)


def value_at(root: object, path: str) -> Any:
    """The value at a document *path* of *root*.

    Raises:
        ModelError: The path names no field or index of *root*.

    >>> from govdisclose import examples
    >>> value_at(examples.load("sample-2021"), "$.sections[2].blocks[0]").KIND
    'applications-2021'
    """
    node: Any = root
    done = "$"
    for step in parse_path(path):
        node = _child(node, step, done, path)
        done = join_path(done, step)
    return node


def _replace(node: Any, steps: tuple[str | int, ...], value: object, done: str, path: str) -> Any:
    if not steps:
        return value
    step, rest = steps[0], steps[1:]
    child = _replace(_child(node, step, done, path), rest, value, join_path(done, step), path)
    if isinstance(step, int):
        items = list(node)
        items[step] = child
        return tuple(items)
    return attrs.evolve(node, **{step: child})


def replace_at(root: _T, path: str, value: object) -> _T:
    """A copy of *root* with the value at *path* replaced by *value* (validated by the classes it lands in).

    Raises:
        ModelError: The path names no field or index of *root*, or the new value breaks an invariant.
    """
    result: _T = _replace(root, parse_path(path), value, "$", path)
    return result
