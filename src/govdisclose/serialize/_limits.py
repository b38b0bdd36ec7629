"""The documented limits of a loaded document: its size, and how deeply its objects and arrays nest.

A document past a limit is refused with a one-line :class:`~govdisclose.DocumentError` naming the limit and the value
(and, for nesting, the path where the document goes too deep), before the parser or the converter spend time or memory
on it. Both checks take time linear in the document and use no recursion.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from .._errors import DocumentError, ModelError

__all__ = [
    "DEFAULT_LIMITS",
    "DocumentLimits",
    "check_depth",
    "check_size",
    "find_first",
    "may_nest_deeper",
    "parse_decimal",
]

_KIB: Final = 1024
_MIB: Final = 1024 * _KIB
_GIB: Final = 1024 * _MIB


def _at_least_one(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise ModelError(
            f"{attribute.name!r} must be an integer >= 1 (got {value!r})", field=attribute.name, value=value
        )


@attrs.frozen(kw_only=True)
class DocumentLimits:
    """How large and how deeply nested a document may be to be loaded.

    Attributes:
        max_bytes: The largest document, in bytes (of its UTF-8 text when given as a ``str``): 64 MiB by default (the
            bundled examples are 18 to 33 KB of JSON). It applies to JSON, TOML and YAML text and to files; plain data
            given to :func:`~govdisclose.serialize.report_from_data` has no size to check.
        max_depth: The deepest nesting of objects (mappings) and arrays (lists): the document itself is level 1, each
            object or array inside another one more level. 200 by default; the bundled examples nest 10 to 13 levels
            deep (``$.sections[0].subsections[0].blocks[0].content[0]`` is level 9), each level of subsections adds 2.

    >>> DocumentLimits()
    DocumentLimits(max_bytes=67108864, max_depth=200)
    >>> DocumentLimits(max_depth=0)
    Traceback (most recent call last):
      ...
    govdisclose._errors.ModelError: 'max_depth' must be an integer >= 1 (got 0)
    """

    max_bytes: int = attrs.field(default=64 * _MIB, validator=_at_least_one)
    max_depth: int = attrs.field(default=200, validator=_at_least_one)


DEFAULT_LIMITS: Final = DocumentLimits()
"""The limits every loader applies unless given others: 64 MiB and 200 levels of nesting."""


def parse_decimal(written: str) -> Decimal:
    """A number as a JSON or TOML parser reads it, exactly; one past the range of any decimal is refused.

    Raises:
        DocumentError: The exponent is past what a decimal can hold (``1e9999999999999999999``).
    """
    try:
        return Decimal(written)
    except InvalidOperation:
        shown = written if len(written) <= 40 else written[:37] + "..."
        raise DocumentError([f"number {shown} is far past the bounds of a report's numbers @ $"]) from None


def describe_size(size: int) -> str:
    """A size in bytes as people read it, exact where it is a whole number of units.

    >>> describe_size(64 * 1024 * 1024), describe_size(73_610_035), describe_size(100), describe_size(1)
    ('64 MiB', '70.2 MiB (73,610,035 bytes)', '100 bytes', '1 byte')
    """
    for unit, factor in (("GiB", _GIB), ("MiB", _MIB), ("KiB", _KIB)):
        if size >= factor:
            whole, rest = divmod(size, factor)
            return f"{whole} {unit}" if rest == 0 else f"{size / factor:.1f} {unit} ({size:,} bytes)"
    return "1 byte" if size == 1 else f"{size:,} bytes"


def _utf8_size(text: str) -> int:
    """The length of *text* in UTF-8, encoded a megabyte at a time (a lone surrogate counts its three bytes)."""
    if text.isascii():
        return len(text)
    step = _MIB
    return sum(len(text[start : start + step].encode("utf-8", "surrogatepass")) for start in range(0, len(text), step))


def check_size(document: str | bytes, limits: DocumentLimits) -> None:
    """Refuse *document* if it is larger than ``limits.max_bytes``.

    Raises:
        DocumentError: The document is too large; the message gives its size and the limit.

    >>> check_size("{}", DocumentLimits(max_bytes=2))
    >>> check_size("{ }", DocumentLimits(max_bytes=2))
    Traceback (most recent call last):
      ...
    govdisclose._errors.DocumentError: document is 3 bytes; the limit is 2 bytes @ $
    """
    limit = limits.max_bytes
    if isinstance(document, str):
        if len(document) * 4 <= limit:  # no character takes more than 4 bytes in UTF-8
            return
        size = _utf8_size(document)
    else:
        size = len(document)
    if size > limit:
        raise too_large(describe_size(size), limit)


def too_large(size: str, limit: int) -> DocumentError:
    """The error for a document of *size* (as described) past the byte limit *limit*."""
    return DocumentError([f"document is {size}; the limit is {describe_size(limit)} @ $"])


def may_nest_deeper(text: str | bytes, limits: DocumentLimits) -> bool:
    """Whether JSON *text* may nest deeper than ``limits.max_depth``: at most as deep as it has ``{`` and ``[``.

    A quick bound (the count runs at the speed of ``str.count``) that spares most reports the walk of
    :func:`check_depth`; it counts brackets inside strings too, so it may say yes when the answer is no, never the
    reverse.
    """
    if isinstance(text, str):
        return text.count("{") + text.count("[") > limits.max_depth
    return text.count(b"{") + text.count(b"[") > limits.max_depth


# Exactly these types, as parsers make them (a type() lookup in a set is much faster than isinstance).
_CONTAINERS: Final = frozenset({dict, list, tuple})


def check_depth(data: object, limits: DocumentLimits) -> None:
    """Refuse plain *data* if its objects and arrays (dicts, lists, tuples) nest deeper than ``limits.max_depth``.

    The data is walked level by level in loops (no recursion, so any depth is safe) in time linear in its size.

    Raises:
        DocumentError: The data nests too deeply; the message gives the limit and the path of the first object or
            array (in document order) one level past it.

    >>> data = {"sections": [{"heading": "a"}, {"heading": "b", "subsections": []}]}  # levels: {, [, {, [
    >>> check_depth(data, DocumentLimits(max_depth=4))
    >>> check_depth(data, DocumentLimits(max_depth=3))
    Traceback (most recent call last):
      ...
    govdisclose._errors.DocumentError: document nested deeper than 3 levels @ $.sections[1].subsections
    """
    containers = _CONTAINERS  # a local name: the comprehension below runs once per value of the document
    level: list[Any] = [data] if type(data) in containers else []
    depth = 0
    while level:
        depth += 1
        if depth > limits.max_depth:
            path = _path_at_depth(data, depth)
            levels = "level" if limits.max_depth == 1 else "levels"
            raise DocumentError([f"document nested deeper than {limits.max_depth} {levels} @ {path}"], path=path)
        level = [
            value
            for container in level
            for value in (container.values() if type(container) is dict else container)
            if type(value) in containers
        ]


# A path is kept as links (parent link, key or index) while searching, and spelt out only for the container found.
_Link = tuple["_Link | None", object]


def _path_at_depth(data: object, depth: int) -> str:
    """The path of the first object or array, in document order, at *depth* (the document itself is at 1)."""
    stack: list[tuple[object, int, _Link | None]] = [(data, 1, None)]
    while stack:
        value, level, link = stack.pop()
        if level == depth:
            return _spell(link)
        items = value.items() if type(value) is dict else enumerate(value)  # type: ignore[arg-type]
        inner = [(item, level + 1, (link, key)) for key, item in items if type(item) in _CONTAINERS]
        stack.extend(reversed(inner))  # popped first to last: document order
    return "$"  # pragma: no cover - check_depth found a container at that depth


def find_first(data: object, wanted: Callable[[object], bool]) -> tuple[Any, str] | None:
    """The first value (in document order) for which *wanted* is true, with its path; None if there is none.

    The data is walked in a loop (no recursion), so any depth is safe.
    """
    stack: list[tuple[object, _Link | None]] = [(data, None)]
    while stack:
        value, link = stack.pop()
        if wanted(value):
            return value, _spell(link)
        if type(value) in _CONTAINERS:
            container: Any = value
            items = container.items() if type(container) is dict else enumerate(container)
            stack.extend(reversed([(item, (link, key)) for key, item in items]))
    return None


def _spell(link: _Link | None) -> str:
    steps: list[str] = []
    while link is not None:
        link, key = link
        if type(key) is int:
            steps.append(f"[{key}]")
        elif isinstance(key, str) and key.isidentifier():
            steps.append(f".{key}")
        elif isinstance(key, str):
            steps.append(f"[{json.dumps(key, ensure_ascii=False)}]")
        else:  # a YAML mapping may have keys of other types
            steps.append(f"[{key!r}]")
    return "$" + "".join(reversed(steps))
