"""The exceptions govdisclose raises.

Every exception is a :class:`GovDiscloseError`, and each subclass also inherits the builtin exception a caller would
naturally catch, so ``except ValueError`` keeps working for code that does not know this package::

    GovDiscloseError
    ├── ModelError (ValueError)              a value breaks an invariant of the model
    ├── DocumentError (ValueError)           a serialized document cannot be loaded; names the JSON path
    │   └── UnknownKindError                 a "kind" tag that no registry knows
    ├── RegistryError (ValueError)           something cannot be registered; names the plugin (``source``)
    │   ├── DuplicateError                   a key of a registry is taken; names the registry (``registry``)
    │   │   ├── DuplicateKindError           a kind tag, renderer name, render function, category list id or label
    │   │   └── DuplicateRuleError           a rule ID is taken
    │   ├── InvalidKindError (TypeError)     a class that is not an attrs class of the right base, or a bad tag
    │   └── PluginError                      a plugin cannot be loaded or its registration fails
    ├── UnknownExampleError (KeyError)       no bundled example of that name
    ├── MissingExtraError (ImportError)      an optional dependency is not installed
    └── SourceError (OSError)                a source (file, standard input) cannot be read or written

Errors keep the offending input as attributes, and their messages name where and what, e.g.
``unknown block kind 'x'; known kinds: items, paragraph … @ $.sections[1].blocks[0]``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "DocumentError",
    "DuplicateError",
    "DuplicateKindError",
    "DuplicateRuleError",
    "GovDiscloseError",
    "InvalidKindError",
    "MissingExtraError",
    "ModelError",
    "PluginError",
    "RegistryError",
    "SourceError",
    "UnknownExampleError",
    "UnknownKindError",
]


class GovDiscloseError(Exception):
    """Base class of every error raised by govdisclose."""


class ModelError(GovDiscloseError, ValueError):
    """A value breaks an invariant of the report model (a negative count, a ragged table …).

    Attributes:
        field: The name of the offending field, if known.
        value: The offending value.
    """

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


class DocumentError(GovDiscloseError, ValueError):
    """A serialized document (JSON, TOML, YAML or a dict) cannot be turned into a model.

    The message is one line: the first problem with its path, and how many more there are. All problems are kept.

    Attributes:
        problems: Every problem found, each as ``"<what> @ <path>"``.
        path: The JSON path of the first problem, such as ``$.sections[1].blocks[0]``.
    """

    def __init__(self, problems: Sequence[str], *, path: str = "$") -> None:
        self.problems = tuple(problems) or ("invalid document @ $",)
        self.path = path
        first = self.problems[0]
        more = len(self.problems) - 1
        super().__init__(first if more == 0 else f"{first} (and {more} more problem{'s' if more > 1 else ''})")


class UnknownKindError(DocumentError):
    """A ``"kind"`` tag that the registry in use does not know.

    Attributes:
        category: ``"section"``, ``"block"`` or ``"inline"``.
        kind: The unknown tag.
        known: The tags that are known, sorted.
    """

    def __init__(self, category: str, kind: object, known: Sequence[str], *, path: str = "$") -> None:
        self.category = category
        self.kind = kind
        self.known = tuple(known)
        super().__init__(
            [f"unknown {category} kind {kind!r}; known kinds: {', '.join(self.known)} @ {path}"], path=path
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (self.__class__, (self.category, self.kind, self.known), {"path": self.path})


class RegistryError(GovDiscloseError, ValueError):
    """A kind, rule or renderer cannot be registered.

    Attributes:
        tag: The tag (kind, rule ID …) that was being registered.
        source: Where the registration came from (``"core"`` or a plugin name).
    """

    def __init__(self, message: str, *, tag: str | None = None, source: str | None = None) -> None:
        super().__init__(message)
        self.tag = tag
        self.source = source


class DuplicateError(RegistryError):
    """A key of a registry (a kind tag, a rule ID, a format name …) is taken by another value.

    Attributes:
        registry: Which registry refused it: ``kinds``, ``rules``, ``renderers``, ``categories``, ``metadata`` or
            the render functions of a format (``text blocks`` …).
    """

    def __init__(
        self, message: str, *, registry: str | None = None, tag: str | None = None, source: str | None = None
    ) -> None:
        super().__init__(message, tag=tag, source=source)
        self.registry = registry


class DuplicateKindError(DuplicateError):
    """A kind tag, renderer name, render function, category list id or metadata label is already registered."""


class InvalidKindError(RegistryError, TypeError):
    """A class cannot be a kind: it is not an attrs class, does not derive from the right base, or has a bad tag."""


class DuplicateRuleError(DuplicateError):
    """A rule ID is already registered."""


class PluginError(RegistryError):
    """A plugin cannot be loaded, or its registration fails.

    Attributes:
        source: The plugin's name (the entry point's name).
    """


class UnknownExampleError(GovDiscloseError, KeyError):
    """No bundled example has this name.

    Attributes:
        name: The name asked for.
        known: The names of the bundled examples.
    """

    def __init__(self, name: str, known: Sequence[str]) -> None:
        super().__init__(name)
        self.name = name
        self.known = tuple(known)

    def __str__(self) -> str:
        return f"no bundled example {self.name!r}; known examples: {', '.join(self.known)}"


class MissingExtraError(GovDiscloseError, ImportError):
    """An optional dependency is needed and missing.

    Attributes:
        extra: The extra to install, as in ``pip install 'govdisclose[yaml]'``.
        package: The missing import.
    """

    def __init__(self, extra: str, package: str, purpose: str) -> None:
        super().__init__(f"{purpose} needs {package}; install it with: pip install 'govdisclose[{extra}]'")
        self.extra = extra
        self.package = package


class SourceError(GovDiscloseError, OSError):
    """A source (a file, standard input, an ``example:`` name) cannot be read, or an output cannot be written.

    Attributes:
        source: The source as given by the caller.
    """

    def __init__(self, message: str, *, source: str) -> None:
        super().__init__(message)
        self.source = source
