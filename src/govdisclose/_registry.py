"""The one registry type behind every extension point: kinds, rules, renderers, render functions, categories, fields.

A :class:`Registry` maps keys to values and records, in a frozen :class:`RegistryEntry`, where each value came from
(``"core"`` or a plugin's name). Every registry of the package is one, or is made of them, and speaks the same verbs:
:meth:`~Registry.register`, :meth:`~Registry.get` (and ``registry[key]``), ``key in registry``, iteration over the
values, :meth:`~Registry.source`, :meth:`~Registry.copy`, :meth:`~Registry.merge` and :meth:`~Registry.inventory`.
The kind registry, the rule catalog, the renderer registry, the category registry and the metadata-field registry add
only their own validation on top; a second, different value for a taken key raises a :class:`DuplicateError` that
names the registry.

>>> registry = Registry(name="numbers", what="number")
>>> registry.register(1, key="one", source="my-plugin")
1
>>> "one" in registry, registry.get("one"), registry.source("one"), list(registry)
(True, 1, 'my-plugin', [1])
>>> registry.register(2, key="one")
Traceback (most recent call last):
...
govdisclose._errors.DuplicateError: core: number 'one' is already registered by my-plugin
>>> registry.copy(keep=lambda entry: entry.source == "core").keys()
()
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any, ClassVar, Generic, TypeVar

import attrs

from ._errors import DuplicateError, InvalidKindError, RegistryError

__all__ = ["CORE", "Registration", "Registry", "RegistryEntry", "standing_in"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
R = TypeVar("R", bound="Registry[Any, Any]")

CORE = "core"
"""The source of what the package itself registers."""


_STAND_INS: contextvars.ContextVar[Mapping[int, Registry[Any, Any]] | None] = contextvars.ContextVar(
    "govdisclose_registry_stand_ins", default=None
)
"""For the current context: the registry that stands in for a registry (by its ``id``), see :func:`standing_in`."""


@contextlib.contextmanager
def standing_in(pairs: Iterable[tuple[Registry[Any, Any], Registry[Any, Any]]]) -> Iterator[None]:
    """For the block, in this context only: each registry of a pair answers with the entries of the other.

    This is how a plugin host becomes the active one (:func:`govdisclose.plugins.use_host`): the package's default
    registries, which every function uses when given none, answer with that host's entries. A context variable holds
    the pairs, so other threads (which start with a context of their own) and other contexts are not affected.

    >>> mine, theirs = Registry(name="a"), Registry(name="b")
    >>> _ = theirs.register(1, key="one")
    >>> with standing_in([(mine, theirs)]):
    ...     mine.get("one")
    1
    >>> mine.get("one") is None
    True
    """
    stand_ins = dict(_STAND_INS.get() or {})
    for mine, theirs in pairs:
        stand_ins.pop(id(mine), None)
        if theirs is not mine:
            stand_ins[id(mine)] = theirs
    token = _STAND_INS.set(stand_ins)
    try:
        yield
    finally:
        _STAND_INS.reset(token)


def qualified_name(value: object) -> str:
    """``module:qualname`` of a function or class, for messages and listings.

    >>> qualified_name(qualified_name)
    'govdisclose._registry:qualified_name'
    """
    module = getattr(value, "__module__", None)
    name = getattr(value, "__qualname__", None) or repr(value)
    return f"{module}:{name}" if module else name


@attrs.frozen
class RegistryEntry(Generic[K, V]):
    """One registered value, under its key, with where it came from.

    Attributes:
        key: What the value is found by (a kind tag, a rule ID, a format name, a class …).
        value: The registered value.
        source: ``"core"`` or the name of the plugin that registered it.
    """

    key: K
    value: V
    source: str


@attrs.frozen(kw_only=True)
class Registration:
    """One registered thing, for listings such as ``govdisclose kinds``.

    Attributes:
        category: ``section``, ``block``, ``rule``, ``renderer``, ``categories`` (a category list) or ``metadata``.
        name: Its tag, ID, format name, list id or label.
        source: ``core`` or the plugin's name.
        detail: A few words about it (the class, the severity and title, the media type …).
    """

    category: str
    name: str
    source: str
    detail: str


@attrs.define(eq=False)
class Registry(Generic[K, V]):
    """Values by key, each in a :class:`RegistryEntry` with its source; the base of every registry of the package.

    A subclass adds its own validation by overriding :meth:`key_of` (how a value names its key), :meth:`check`
    (what it refuses), :meth:`duplicate` (the message for a taken key) and :meth:`describe` (a listing's detail).

    Attributes:
        name: Which registry this is (``"kinds"``, ``"rules"`` …), carried by the :class:`DuplicateError` it raises.
        what: How messages name one of its keys (``"rule"`` gives ``rule 'x' is already registered by …``).
        category: The category of its rows in :meth:`inventory`.
        sort: Whether :meth:`keys` and :meth:`inventory` sort by key (else they keep registration order).
    """

    error: ClassVar[type[DuplicateError]] = DuplicateError
    """The :class:`DuplicateError` subclass this registry raises (``DuplicateKindError`` for kinds …)."""
    accepts: ClassVar[type | None] = None
    """The type of the values it holds, if it checks it (``Rule`` for the rule catalog)."""
    key_attribute: ClassVar[str | None] = None
    """The attribute of a value that is its key, if values name their key (``"id"`` of a rule)."""

    name: str = "registry"
    what: str = "entry"
    category: str = "entry"
    sort: bool = False
    _own: dict[K, RegistryEntry[K, V]] = attrs.field(init=False, factory=dict, repr=False)

    @property
    def _entries(self) -> dict[K, RegistryEntry[K, V]]:
        """The entries: this registry's own, or those of the registry standing in for it (see :func:`standing_in`)."""
        stand_ins = _STAND_INS.get()
        if stand_ins:
            stand_in = stand_ins.get(id(self))
            if stand_in is not None:
                entries: dict[K, RegistryEntry[K, V]] = stand_in._own
                return entries
        return self._own

    # ---- what a subclass refines -----------------------------------------------------------------------------------

    def key_of(self, value: V) -> K:
        """The key *value* is registered under when none is given: its :attr:`key_attribute`."""
        if self.key_attribute is None:
            raise TypeError(f"{self.name}: give the key to register {value!r} under")
        key: K = getattr(value, self.key_attribute)
        return key

    def check(self, value: V, source: str) -> None:
        """Refuse *value* with a :class:`~govdisclose.RegistryError` naming *source*: one not of :attr:`accepts`."""
        if self.accepts is not None and not isinstance(value, self.accepts):
            raise InvalidKindError(f"{source}: {value!r} is not a {self.accepts.__name__}", source=source)

    def same(self, taken: V, value: V) -> bool:
        """Whether registering *value* where *taken* is registered is a repeat (a no-op), not a clash."""
        return taken is value

    def duplicate(self, key: K, value: V, taken: RegistryEntry[K, V], source: str) -> str:
        """The message of the error for registering *value* under the taken *key*."""
        return f"{source}: {self.what} {key!r} is already registered by {taken.source}"

    def describe(self, value: V) -> str:
        """A few words about *value* for :meth:`inventory`."""
        return getattr(value, "__qualname__", None) or type(value).__name__

    def copy_value(self, value: V, keep: Callable[[RegistryEntry[K, V]], bool] | None) -> V:
        """The value a :meth:`copy` holds for *value*: the value itself, unless it owns registries of its own."""
        return value

    def merge_value(self, mine: V, theirs: V) -> None:
        """Add what *theirs* holds to *mine*, a value under the same key (for values that own registries)."""

    # ---- the verbs -------------------------------------------------------------------------------------------------

    def register(self, value: V, *, key: K | None = None, source: str = CORE) -> V:
        """Add *value* under *key* (by default :meth:`key_of` it); returns the value, so it works as a decorator.

        Registering the same value again under its key changes nothing.

        Raises:
            DuplicateError: Another value has the key (the message names who registered it).
            RegistryError: The registry refuses the value (see the registry's own documentation).
        """
        self.check(value, source)
        name = self.key_of(value) if key is None else key
        taken = self._entries.get(name)
        if taken is not None:
            if self.same(taken.value, value):
                return taken.value
            raise self.error(
                self.duplicate(name, value, taken, source), registry=self.name, tag=str(name), source=source
            )
        self._entries[name] = RegistryEntry(name, value, source)
        return value

    def get(self, key: K) -> V | None:
        """The value registered under *key*, or ``None``."""
        entry = self._entries.get(key)
        return entry.value if entry is not None else None

    def __getitem__(self, key: K) -> V:
        """The value registered under *key*.

        Raises:
            RegistryError: Nothing is registered under *key* (the message lists the known keys); see :meth:`unknown`.
        """
        entry = self._entries.get(key)
        if entry is None:
            raise self.unknown(key)
        return entry.value

    def unknown(self, key: object) -> Exception:
        """The error for a key nothing is registered under: a :class:`~govdisclose.RegistryError` naming the keys."""
        known = ", ".join(str(k) for k in self.keys())
        return RegistryError(f"unknown {self.what} {key!r}; known: {known}", tag=str(key))

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[V]:
        """The registered values, in registration order."""
        return (entry.value for entry in self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> tuple[K, ...]:
        """The keys, sorted if the registry sorts, else in registration order."""
        return tuple(entry.key for entry in self.entries())

    def entries(self) -> tuple[RegistryEntry[K, V], ...]:
        """Every entry, sorted by key if the registry sorts, else in registration order."""
        entries = tuple(self._entries.values())
        return tuple(sorted(entries, key=lambda entry: str(entry.key))) if self.sort else entries

    def source(self, key: K) -> str | None:
        """Where the value under *key* was registered from, or ``None``."""
        entry = self._entries.get(key)
        return entry.source if entry is not None else None

    def copy(self: R, *, keep: Callable[[RegistryEntry[K, V]], bool] | None = None) -> R:
        """An independent registry with the same entries (only those *keep* accepts, if given)."""
        other = attrs.evolve(self)
        for entry in self._entries.values():
            if keep is None or keep(entry):
                other.register(self.copy_value(entry.value, keep), key=entry.key, source=entry.source)
        return other

    def merge(self, other: Registry[K, V]) -> None:
        """Add what *other* has and this registry has not, with the same sources; values under keys both have merge.

        Raises:
            DuplicateError: As for :meth:`register`, when the two registries disagree about a key.
        """
        for entry in other._entries.values():
            mine = self._entries.get(entry.key)
            if mine is None:
                self.register(entry.value, key=entry.key, source=entry.source)
            else:
                self.merge_value(mine.value, entry.value)

    def inventory(self) -> tuple[Registration, ...]:
        """A row for every entry, for listings."""
        return tuple(
            Registration(
                category=self.category, name=str(entry.key), source=entry.source, detail=self.describe(entry.value)
            )
            for entry in self.entries()
        )
