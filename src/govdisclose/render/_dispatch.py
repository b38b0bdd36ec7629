"""Functions by the class they draw: the per-type tables a renderer owns (in place of module-level dispatch).

>>> from govdisclose.model import Paragraph, Section
>>> table = TypeDispatch(name="text blocks", what="text")
>>> _ = table.register(lambda block, context: ["p"], key=Paragraph)
>>> table.find(Paragraph)(None, None), table.find(Section)
(['p'], None)
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from typing import Any

import attrs

from .._errors import DuplicateKindError
from .._registry import CORE, Registry, RegistryEntry, qualified_name
from ..model import Section

__all__ = ["TypeDispatch", "by_annotation"]


def by_annotation(*functions: Callable[..., Any]) -> tuple[tuple[type, Callable[..., Any]], ...]:
    """``(class, function)`` for each class a function's first parameter is annotated with (``A | B``: both).

    How a format names its core functions once, each with the classes it draws, for its renderers' tables.

    >>> from govdisclose.model import EnumeratedPoints, Paragraph
    >>> def text_of(block: Paragraph | EnumeratedPoints, context: object) -> str:
    ...     return block.text
    >>> [cls.__name__ for cls, _ in by_annotation(text_of)]
    ['Paragraph', 'EnumeratedPoints']
    """
    pairs: list[tuple[type, Callable[..., Any]]] = []
    for function in functions:
        first = next(iter(inspect.signature(function).parameters))
        hint = typing.get_type_hints(function)[first]
        pairs.extend((cls, function) for cls in (typing.get_args(hint) or (hint,)))
    return tuple(pairs)


@attrs.define(eq=False)
class TypeDispatch(Registry[type, Callable[..., Any]]):
    """Functions by the class they draw, found for a class or its nearest registered base (as method lookup does).

    A :class:`~govdisclose.Registry` keyed by class: ``register(function, key=cls)``, and :meth:`find` for the
    function of a class.
    """

    error = DuplicateKindError

    name: str = "functions"
    what: str = "function for"
    _found: dict[type, Callable[..., Any] | None] = attrs.field(init=False, factory=dict, repr=False)

    def check(self, value: Callable[..., Any], source: str) -> None:
        if not callable(value):
            raise TypeError(f"{source}: {value!r} is not callable")

    def register(self, value: Callable[..., Any], *, key: type | None = None, source: str = CORE) -> Callable[..., Any]:
        """Add the function *value* for the class *key*; returns the function."""
        self._found.clear()
        return super().register(value, key=key, source=source)

    def duplicate(self, key: type, value: object, taken: RegistryEntry[type, Callable[..., Any]], source: str) -> str:
        kind = getattr(key, "KIND", key.__qualname__)
        category = "section" if issubclass(key, Section) else "block"
        return (
            f"{source}: {self.what} {category} kind {kind!r} already has a render function "
            f"({qualified_name(taken.value)}, registered by {taken.source})"
        )

    def describe(self, value: Callable[..., Any]) -> str:
        return qualified_name(value)

    def find(self, cls: type) -> Callable[..., Any] | None:
        """The function registered for *cls* or its nearest base class, or ``None``."""
        try:
            return self._found[cls]
        except KeyError:
            found = next((self.get(base) for base in cls.__mro__ if base in self), None)
            self._found[cls] = found
            return found
