"""A JSON Schema (draft 2020-12) of the document format, generated from the model classes.

Nothing here is written per class: the schema follows the attrs fields and type hints of
:class:`~govdisclose.model.Report` down to the leaves, and the kinds of sections and blocks come from a
:class:`~govdisclose.model.KindRegistry`, so a plugin's kinds are in the schema of the registry they are registered in.
The schema describes what the writers produce and the loader accepts: decimals as strings (or JSON numbers), dates
``YYYY-MM-DD``, times ``HH:MM[:SS]``, enums by value, tagged objects with a constant ``"kind"``, no unknown keys, and
fields with a default left out. The model's invariants that types cannot express (a count is not negative, a table is
rectangular) are checked on load, not by the schema.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from ..model import Amount, Block, Compound, Count, Figure, KindRegistry, Report, Section, Share, default_kinds
from ._converter import SCHEMA_VERSION, _converter_for

__all__ = ["json_schema"]

SCHEMA_ID = f"https://govdisclose.invalid/schema/report-v{SCHEMA_VERSION}.json"
"""The ``$id`` of the schema."""

_QUANTITIES: tuple[type, ...] = (Count, Amount, Share, Compound)
_DECIMAL_PATTERN = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
_ROLE = re.compile(r":\w+:`~?([^`]*)`")
_ATTRIBUTE = re.compile(r"(?P<name>\w+)(?: \([^)]*\))?: (?P<text>.*)")


def _plain(text: str) -> str:
    """Docstring text without its reStructuredText markup: ``:class:`~a.B``` becomes ``B``, double backquotes go."""
    return _ROLE.sub(lambda m: m[1].rpartition(".")[2], text).replace("``", "")


def _summary(cls: type) -> str | None:
    """The first line of *cls*'s own docstring, as plain text."""
    doc = cls.__dict__.get("__doc__")
    return _plain(inspect.cleandoc(doc).split("\n", 1)[0].strip()) or None if doc else None


def _attribute_docs(cls: type) -> dict[str, str]:
    """The descriptions of the ``Attributes:`` section of a Google-style class docstring, by attribute name."""
    doc = cls.__dict__.get("__doc__")
    if not doc:
        return {}
    docs: dict[str, str] = {}
    inside, current = False, None
    for line in inspect.cleandoc(doc).splitlines():
        if line.strip() == "Attributes:":
            inside = True
        elif inside and line.startswith("    ") and not line.startswith("     ") and (m := _ATTRIBUTE.match(line[4:])):
            current = m["name"]
            docs[current] = m["text"].strip()
        elif inside and current is not None and line.startswith("        ") and line.strip():
            docs[current] += " " + line.strip()
        elif inside and line.strip() and not line.startswith(" "):
            break  # the next section
        else:
            current = None
    return docs


class _Builder:
    """Walks the model's types and collects the ``$defs``."""

    def __init__(self, kinds: KindRegistry) -> None:
        self.kinds = kinds
        self.converter = _converter_for(kinds)
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[object, str] = {}

    def name(self, key: object, wanted: str) -> tuple[str, bool]:
        """The ``$defs`` name for *key*, and whether it is new."""
        if key in self.names:
            return self.names[key], False
        name, n = wanted, 1
        while name in self.defs:
            n += 1
            name = f"{wanted}{n}"
        self.names[key] = name
        self.defs[name] = {}  # reserved now, filled in by the caller (classes may refer to themselves)
        return name, True

    def schema(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of type *tp*."""
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is Decimal:
            return self.decimal()
        if tp is Figure:
            return self.figure()
        if tp is datetime.date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if tp is datetime.time:
            return {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2})?$"}
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            choices = [self.schema(arg) for arg in args if arg is not type(None)]
            return choices[0] if len(choices) == 1 else {"oneOf": choices}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.schema(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.schema(arg) for arg in args],
                "minItems": len(args),
                "maxItems": len(args),
            }
        if origin is typing.Literal:
            return {"enum": list(args)}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.enumeration(tp)
        if isinstance(tp, type) and issubclass(tp, (Block, Section)):
            return self.registered(tp)
        if isinstance(tp, type) and attrs.has(tp):
            return self.reference(tp)
        raise TypeError(f"no JSON Schema for type {tp!r}")

    def figure(self) -> dict[str, Any]:
        name, new = self.name(Figure, "figure")
        if new:
            self.defs[name] = {
                "description": "A table cell as published: an integer, a string as printed (a decimal such as "
                '"0.092", an approximate value such as "1100余", a marker such as "/" or "" for blank), or null when '
                "the cell's content is unknown.",
                "type": ["integer", "number", "string", "null"],
            }
        return {"$ref": f"#/$defs/{name}"}

    def decimal(self) -> dict[str, Any]:
        name, new = self.name(Decimal, "decimal")
        if new:
            self.defs[name] = {
                "description": 'An exact decimal number, written as a string such as "133.9554" (a JSON number is '
                "also read, exactly).",
                "anyOf": [{"type": "string", "pattern": _DECIMAL_PATTERN}, {"type": "number"}],
            }
        return {"$ref": f"#/$defs/{name}"}

    def enumeration(self, cls: type[enum.Enum]) -> dict[str, Any]:
        name, new = self.name(cls, cls.__name__)
        if new:
            self.defs[name] = {"enum": [member.value for member in cls]}
            if summary := _summary(cls):
                self.defs[name] = {"description": summary, **self.defs[name]}
        return {"$ref": f"#/$defs/{name}"}

    def registered(self, declared: type) -> dict[str, Any]:
        """One of the registered section or block classes that derive from *declared*."""
        found: list[type] = []
        if issubclass(declared, Section):
            category = "section"
            found.extend(self.kinds.section_class(tag) or Section for tag in self.kinds.section_kinds())
        else:
            category = "block"
            found.extend(self.kinds.block_class(tag) or Block for tag in self.kinds.block_kinds())
        choices = [self.reference(cls) for cls in found if issubclass(cls, declared)]
        if declared not in (Block, Section):
            return {"oneOf": choices}
        name, new = self.name((category, declared), category)
        if new:
            self.defs[name] = {"description": f"Any registered {category} kind.", "oneOf": choices}
        return {"$ref": f"#/$defs/{name}"}

    def reference(self, cls: type) -> dict[str, Any]:
        name, new = self.name(cls, cls.__name__)
        if new:
            self.defs[name] = self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type) -> dict[str, Any]:
        """The schema of an attrs class: its fields, plus a constant ``kind`` for tagged classes."""
        hints = typing.get_type_hints(cls)
        docs = _attribute_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if issubclass(cls, (Block, Section, *_QUANTITIES)):
            properties["kind"] = {"const": cls.KIND}  # type: ignore[attr-defined]
            required.append("kind")
        for field in attrs.fields(cls):
            if not field.init:
                continue
            hint = hints[field.name]
            prop = self.schema(hint)
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif field.default is not None and type(None) in typing.get_args(hint):
                prop = {"anyOf": [prop, {"type": "null"}]}  # None is not the default, so it is written as null
            if field.name in docs:
                prop = {"description": _plain(docs[field.name]), **prop}
            default = field.default
            if default is not attrs.NOTHING and default is not None and not isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                prop["default"] = self.converter.unstructure(default, unstructure_as=hint)
            properties[field.name] = prop
        schema: dict[str, Any] = {"type": "object"}
        if summary := _summary(cls):
            schema["description"] = summary
        schema.update(properties=properties, required=required, additionalProperties=False)
        return schema


def json_schema(*, registry: KindRegistry | None = None) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of report documents, with the section and block kinds of *registry*.

    Args:
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.

    >>> schema = json_schema()
    >>> schema["$schema"], schema["properties"]["schema_version"]
    ('https://json-schema.org/draft/2020-12/schema', {'const': 1})
    >>> {"$ref": "#/$defs/Paragraph"} in schema["$defs"]["block"]["oneOf"]
    True
    >>> schema["$defs"]["Count"]["properties"]["kind"]
    {'const': 'count'}
    """
    builder = _Builder(default_kinds if registry is None else registry)
    report = builder.object(Report)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "govdisclose report document",
        "description": report.get("description", "A report."),
        "type": "object",
        "properties": {"schema_version": {"const": SCHEMA_VERSION}, **report["properties"]},
        "required": ["schema_version", *report["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }
