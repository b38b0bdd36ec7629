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
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs

from .._errors import DuplicateKindError, InvalidKindError
from .._registry import CORE, Registration, Registry, RegistryEntry
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

__all__ = ["KindRegistry", "KindTable", "default_kinds"]

_TAG = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")

B = TypeVar("B", bound=type[Block])
S = TypeVar("S", bound=type[Section])


@attrs.define(eq=False)
class KindTable(Registry[str, type]):
    """The classes of one category of kinds (blocks or sections) by ``KIND`` tag.

    A :class:`~govdisclose.Registry` that accepts only attrs classes deriving from its *base*, each under its own
    well-formed tag.

    >>> table = KindTable(base=Section, category="section", what="section kind")
    >>> table.register(Section).__name__, table.source("section")
    ('Section', 'core')
    >>> table.register(Paragraph)
    Traceback (most recent call last):
    ...
    govdisclose._errors.InvalidKindError: core: Paragraph must derive from Section to be a section kind
    """

    error = DuplicateKindError

    name: str = "kinds"
    sort: bool = True
    base: type = Block

    def key_of(self, value: type) -> str:
        tag = value.__dict__.get("KIND") if isinstance(value, type) else None
        return tag if isinstance(tag, str) else ""

    def check(self, value: type, source: str) -> None:
        name = getattr(value, "__qualname__", repr(value))
        if isinstance(value, type) and attrs.has(value) and "__attrs_attrs__" not in value.__dict__:
            raise InvalidKindError(  # its own fields would not be attrs fields
                f"{source}: {name} is not an attrs class itself (only a base class is); "
                "decorate it with @attrs.frozen(kw_only=True)",
                source=source,
            )
        if not isinstance(value, type) or not attrs.has(value):
            raise InvalidKindError(
                f"{source}: {name} is not an attrs class; decorate it with @attrs.frozen", source=source
            )
        if not issubclass(value, self.base):
            raise InvalidKindError(
                f"{source}: {name} must derive from {self.base.__name__} to be a {self.category} kind", source=source
            )
        tag = value.__dict__.get("KIND")
        if not isinstance(tag, str) or not _TAG.match(tag):
            raise InvalidKindError(
                f"{source}: {name} needs its own KIND tag of lowercase letters, digits, '.', '-' or '_' (got {tag!r})",
                tag=tag if isinstance(tag, str) else None,
                source=source,
            )

    def duplicate(self, key: str, value: type, taken: RegistryEntry[str, type], source: str) -> str:
        return (
            f"{source}: {self.category} kind {key!r} of {value.__qualname__} is already registered by {taken.source} "
            f"for {taken.value.__qualname__}"
        )


@attrs.define(eq=False)
class KindRegistry:
    """Tags of section and block kinds and the classes behind them, with where each came from.

    Two :class:`KindTable` registries, :attr:`sections` and :attr:`blocks` (a block and a section may share a tag);
    the methods below are the kind-flavoured names of their verbs.
    """

    sections: KindTable = attrs.Factory(lambda: KindTable(base=Section, category="section", what="section kind"))
    blocks: KindTable = attrs.Factory(lambda: KindTable(base=Block, category="block", what="block kind"))

    def registries(self) -> Iterator[KindTable]:
        """The section table, then the block table."""
        yield from (self.sections, self.blocks)

    def copy(self, *, keep: Callable[[RegistryEntry[str, type]], bool] | None = None) -> KindRegistry:
        """An independent registry with the same kinds (only those *keep* accepts, if given)."""
        return KindRegistry(sections=self.sections.copy(keep=keep), blocks=self.blocks.copy(keep=keep))

    def merge(self, other: KindRegistry) -> None:
        """Add the kinds *other* has and this registry has not, with their sources."""
        self.sections.merge(other.sections)
        self.blocks.merge(other.blocks)

    def inventory(self) -> tuple[Registration, ...]:
        """A row for every section kind, then every block kind, each sorted by tag."""
        return self.sections.inventory() + self.blocks.inventory()

    def register_block(self, cls: B, *, source: str = CORE) -> B:
        """Register a block class under its ``KIND`` tag; returns the class, so it works as a decorator.

        Raises:
            InvalidKindError: The class is not an attrs class deriving from :class:`Block`, or its tag is malformed.
            DuplicateKindError: The tag is taken by another class.
        """
        self.blocks.register(cls, source=source)
        return cls

    def register_section(self, cls: S, *, source: str = CORE) -> S:
        """Register a section class under its ``KIND`` tag; returns the class, so it works as a decorator.

        Raises:
            InvalidKindError: As for :meth:`register_block`.
            DuplicateKindError: As for :meth:`register_block`.
        """
        self.sections.register(cls, source=source)
        return cls

    def block_class(self, tag: str) -> type[Block] | None:
        """The block class registered under *tag*, or ``None``."""
        found: Any = self.blocks.get(tag)
        return found  # type: ignore[no-any-return]

    def section_class(self, tag: str) -> type[Section] | None:
        """The section class registered under *tag*, or ``None``."""
        found: Any = self.sections.get(tag)
        return found  # type: ignore[no-any-return]

    def block_kinds(self) -> tuple[str, ...]:
        """The registered block tags, sorted."""
        return self.blocks.keys()

    def section_kinds(self) -> tuple[str, ...]:
        """The registered section tags, sorted."""
        return self.sections.keys()

    def source(self, category: str, tag: str) -> str | None:
        """Where the kind *tag* of *category* (``"block"`` or ``"section"``) was registered from."""
        return (self.blocks if category == "block" else self.sections).source(tag)


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
