"""The registry of section and block kinds, keyed by their ``"kind"`` tag.

Serialized documents name each section and block by a stable tag (``"kind": "paragraph"``), never by a Python class
name. A :class:`KindRegistry` maps tags to classes. :data:`default_kinds` holds the core kinds and is what the package's
functions use unless given another registry; tests and embedders can work on a :meth:`~KindRegistry.copy` to stay
isolated.

>>> registry = default_kinds.copy()
>>> registry.block_class("paragraph").__name__
'Paragraph'
>>> "paragraph" in registry.block_kinds()
True
"""

from __future__ import annotations

import re
from typing import TypeVar

import attrs

from .._errors import DuplicateKindError, InvalidKindError
from ._blocks import Block, EnumeratedPoints, NumberedItems, Paragraph, Statistic, Table
from ._sections import Section
from ._tables import (
    ApplicationsTable2019,
    ApplicationsTable2021,
    ProactiveTable2019,
    ProactiveTable2021,
    ReviewsTable,
    StatisticsTable,
)

__all__ = ["KindRegistry", "default_kinds"]

_TAG = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")

B = TypeVar("B", bound=type[Block])
S = TypeVar("S", bound=type[Section])


class KindRegistry:
    """Tags of section and block kinds and the classes behind them, with where each came from."""

    def __init__(self) -> None:
        self._blocks: dict[str, tuple[type[Block], str]] = {}
        self._sections: dict[str, tuple[type[Section], str]] = {}

    def copy(self) -> KindRegistry:
        """An independent registry with the same kinds."""
        other = KindRegistry()
        other._blocks = dict(self._blocks)
        other._sections = dict(self._sections)
        return other

    def register_block(self, cls: B, *, source: str = "core") -> B:
        """Register a block class under its ``KIND`` tag; returns the class, so it works as a decorator.

        Raises:
            InvalidKindError: The class is not an attrs class deriving from :class:`Block`, or its tag is malformed.
            DuplicateKindError: The tag is taken by another class.
        """
        self._check(cls, Block, "block", source)
        self._claim(self._blocks, cls, "block", source)
        return cls

    def register_section(self, cls: S, *, source: str = "core") -> S:
        """Register a section class under its ``KIND`` tag; returns the class, so it works as a decorator.

        Raises:
            InvalidKindError: As for :meth:`register_block`.
            DuplicateKindError: As for :meth:`register_block`.
        """
        self._check(cls, Section, "section", source)
        self._claim(self._sections, cls, "section", source)
        return cls

    def block_class(self, tag: str) -> type[Block] | None:
        """The block class registered under *tag*, or ``None``."""
        entry = self._blocks.get(tag)
        return entry[0] if entry else None

    def section_class(self, tag: str) -> type[Section] | None:
        """The section class registered under *tag*, or ``None``."""
        entry = self._sections.get(tag)
        return entry[0] if entry else None

    def block_kinds(self) -> tuple[str, ...]:
        """The registered block tags, sorted."""
        return tuple(sorted(self._blocks))

    def section_kinds(self) -> tuple[str, ...]:
        """The registered section tags, sorted."""
        return tuple(sorted(self._sections))

    def source(self, category: str, tag: str) -> str | None:
        """Where the kind *tag* of *category* (``"block"`` or ``"section"``) was registered from."""
        table: dict[str, tuple[type, str]] = dict(self._blocks if category == "block" else self._sections)
        entry = table.get(tag)
        return entry[1] if entry else None

    @staticmethod
    def _check(cls: type, base: type, category: str, source: str) -> None:
        name = getattr(cls, "__qualname__", repr(cls))
        if not isinstance(cls, type) or not attrs.has(cls) or "__attrs_attrs__" not in cls.__dict__:
            raise InvalidKindError(
                f"{source}: {name} is not an attrs class; decorate it with @attrs.frozen", source=source
            )
        if not issubclass(cls, base):
            raise InvalidKindError(
                f"{source}: {name} must derive from {base.__name__} to be a {category} kind", source=source
            )
        tag = cls.__dict__.get("KIND")
        if not isinstance(tag, str) or not _TAG.match(tag):
            raise InvalidKindError(
                f"{source}: {name} needs its own KIND tag of lowercase letters, digits, '.', '-' or '_' (got {tag!r})",
                tag=tag if isinstance(tag, str) else None,
                source=source,
            )

    @staticmethod
    def _claim(table: dict[str, tuple[type, str]], cls: type, category: str, source: str) -> None:
        tag: str = cls.KIND  # type: ignore[attr-defined]
        taken = table.get(tag)
        if taken is not None and taken[0] is not cls:
            raise DuplicateKindError(
                f"{source}: {category} kind {tag!r} of {cls.__qualname__} is already registered by {taken[1]} "
                f"for {taken[0].__qualname__}",
                tag=tag,
                source=source,
            )
        table[tag] = (cls, source)


default_kinds = KindRegistry()
"""The registry the package uses by default: the core kinds, and whatever plugins register."""

for _block in (
    Paragraph,
    EnumeratedPoints,
    NumberedItems,
    Statistic,
    Table,
    ProactiveTable2021,
    ApplicationsTable2021,
    ReviewsTable,
    ProactiveTable2019,
    ApplicationsTable2019,
    StatisticsTable,
):
    default_kinds.register_block(_block)
default_kinds.register_section(Section)
