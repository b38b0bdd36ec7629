"""JSON: the canonical text form of a report.

The canonical JSON is UTF-8 text with Chinese written as is (not escapes), two-space indentation, arrays of plain
values (a table row's cells, a breakdown's parts) on one line, keys in model order with ``schema_version`` first, and a
final newline, so that the same report always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

from .._errors import DocumentError
from ..model import KindRegistry, Report
from ..model._decimal import MAX_INTEGER_DIGITS
from ._converter import report_from_checked, report_to_data
from ._limits import DEFAULT_LIMITS, DocumentLimits, check_depth, check_size, find_first, may_nest_deeper, parse_decimal

__all__ = ["from_json", "loads_json", "to_json"]


def to_json(report: Report, *, registry: KindRegistry | None = None) -> str:
    """The canonical JSON text of *report*.

    >>> from govdisclose.model import Agency, Edition, Report
    >>> print(to_json(Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"))), end="")
    {
      "schema_version": 1,
      "edition": "2021",
      "year": 2024,
      "agency": {
        "name": "某县教育局"
      }
    }
    """
    data = report_to_data(report, registry=registry)
    try:
        pieces: list[str] = []
        _write(data, pieces, "\n")
        return "".join(pieces) + "\n"
    except _Unsupported:  # a value only the json module knows how to write (or to refuse): the reference way
        return _canonical(data) + "\n"


def _canonical(data: Any) -> str:
    """The canonical layout by its definition: ``json.dumps`` with an indent of 2, then scalar arrays on one line."""
    return _SCALAR_ARRAY.sub(_one_line, json.dumps(data, ensure_ascii=False, indent=2))


class _Unsupported(Exception):
    """A value that :func:`_write` leaves to :func:`_canonical`."""


_INDENT = "  "
_LITERALS = {True: "true", False: "false", None: "null"}


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if kind is bool or value is None:
        return _LITERALS[value]
    raise _Unsupported


def _write(value: Any, pieces: list[str], newline: str) -> None:
    """Append the canonical JSON of *value* to *pieces*, as :func:`_canonical` lays it out, only faster.

    *newline* is a line break followed by the indentation of the line *value* starts on. Strings, integers, booleans
    and null are written as ``json.dumps`` writes them; anything else (floats, str or int subclasses, non-string keys)
    raises :class:`_Unsupported`. Keys are encoded once and kept (a report repeats a few dozen keys many times), and
    the values of an object that need no line of their own are written without a call.
    """
    kind = type(value)
    if kind is dict:
        if not value:
            pieces.append("{}")
            return
        inner = newline + _INDENT
        separator = "{" + inner
        keys = _KEYS
        append = pieces.append
        for key, item in value.items():
            written = keys.get(key)
            if written is None:
                written = _key(key)
            item_kind = type(item)
            if item_kind is str:  # the commonest values, written here rather than by another call
                append(separator + written + encode_basestring(item))
            elif item_kind is int:
                append(separator + written + int.__repr__(item))
            elif item_kind is list and item and all(map(_IS_SCALAR_TYPE, map(type, item))):
                append(separator + written + _one_line_array(item))
            else:
                append(separator + written)
                _write(item, pieces, inner)
            separator = "," + inner
        append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            pieces.append("[]")
        elif all(map(_IS_SCALAR_TYPE, map(type, value))):
            pieces.append(_one_line_array(value))  # the C encoder writes "[1, 2, \"x\"]" exactly so
        else:
            inner = newline + _INDENT
            separator = "[" + inner
            append = pieces.append
            for item in value:
                if type(item) is str:  # running text's words between its quantities: written here, not by a call
                    append(separator + encode_basestring(item))
                else:
                    append(separator)
                    _write(item, pieces, inner)
                separator = "," + inner
            append(newline + "]")
    else:
        pieces.append(_scalar(value))


# The encoded keys of objects, "\"name\": ": the keys of the document format, and at most a few thousand others (a
# plugin's), so that documents with many distinct keys cannot grow the table without bound.
_KEYS: dict[str, str] = {}
_KEEP_KEYS = 4096


def _key(key: object) -> str:
    if type(key) is not str:
        raise _Unsupported
    written = encode_basestring(key) + ": "
    if len(_KEYS) < _KEEP_KEYS:
        _KEYS[key] = written
    return written


_SCALAR_TYPES = frozenset({str, int, bool, type(None)})
_IS_SCALAR_TYPE = _SCALAR_TYPES.__contains__  # mapped over an array's item types: no Python frame per item


def _make_one_line_array() -> Callable[[Any], str]:
    """The C encoder, made once (``JSONEncoder.encode`` makes it on every call), or the Python one where absent."""
    from json.encoder import c_make_encoder  # type: ignore[attr-defined]

    if c_make_encoder is None:  # pragma: no cover - CPython has the C encoder
        return json.JSONEncoder(ensure_ascii=False).encode
    encoder = c_make_encoder(None, None, encode_basestring, None, ": ", ", ", False, False, True)
    return lambda value: "".join(encoder(value, 0))


_one_line_array = _make_one_line_array()


# An indented array whose items are all numbers, null, booleans or strings (no objects or arrays inside).
_SCALAR = r'(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|null|true|false|"(?:[^"\\\n]|\\.)*")'
_SCALAR_ARRAY = re.compile(r"\[\n(?:[ ]+" + _SCALAR + r",\n)*[ ]+" + _SCALAR + r"\n[ ]*\]")


def _one_line(match: re.Match[str]) -> str:
    # JSON strings never hold a raw newline, so each middle line is exactly one item (with its separator).
    items = match.group(0).split("\n")[1:-1]
    return "[" + ", ".join(item.strip().removesuffix(",") for item in items) + "]"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # some key came twice: name the first repeat
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DocumentError([f"duplicate key {key!r} in one object @ $"])
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise DocumentError([f"{name} is not a number a report can hold @ $"])


class _LongInteger:
    """An integer too long for ``int()``, kept by its number of digits while its path is looked for."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _parse_int(written: str) -> int | _LongInteger:
    digits = len(written.lstrip("-"))
    return _LongInteger(digits) if digits > MAX_INTEGER_DIGITS else int(written)


def _long_integer(text: str) -> DocumentError:
    """The error for a JSON text holding an integer too long to read, naming the path of the first one."""
    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=parse_decimal, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:  # past the long integer, the text is not JSON either: that is said instead
        return DocumentError([f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno} @ $"])
    except RecursionError:
        data = None  # too deep to walk: the integer is named without its path
    found = find_first(data, lambda value: isinstance(value, _LongInteger))
    digits = found[0].digits if found else 0
    path = found[1] if found else "$"
    return DocumentError(
        [f"an integer of {digits:,} digits; a report's numbers have at most {MAX_INTEGER_DIGITS} digits @ {path}"],
        path=path,
    )


def loads_json(text: str | bytes, *, limits: DocumentLimits | None = None) -> Any:
    """Parse JSON text into plain data: decimals stay exact, ``NaN``/``Infinity`` and duplicate keys are refused.

    Args:
        text: The JSON text, or its UTF-8 bytes (a byte order mark is allowed).
        limits: How large and how deeply nested the text may be; :data:`~govdisclose.serialize.DEFAULT_LIMITS` by
            default.

    Raises:
        DocumentError: The text is not valid JSON (the message gives line and column), or is past a limit.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    check_size(text, limits)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError([f"not UTF-8 text (byte {exc.start}) @ $"]) from None
    try:
        data = json.loads(
            text, parse_float=parse_decimal, parse_constant=_no_constant, object_pairs_hook=_no_duplicates
        )
    except json.JSONDecodeError as exc:
        raise DocumentError([f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno} @ $"]) from None
    except DocumentError:  # a duplicate key or a constant, refused by the hooks
        raise
    except ValueError:  # an integer past Python's limit on the digits of int() (4,300)
        raise _long_integer(text) from None
    except RecursionError:
        raise DocumentError(
            [f"document nested too deeply to parse; the limit is {limits.max_depth} levels @ $"]
        ) from None
    if may_nest_deeper(text, limits):
        check_depth(data, limits)
    return data


def from_json(
    text: str | bytes, *, registry: KindRegistry | None = None, limits: DocumentLimits | None = None
) -> Report:
    """Load a report from JSON text.

    Args:
        text: The JSON text, or its UTF-8 bytes.
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.
        limits: How large and how deeply nested the document may be; :data:`~govdisclose.serialize.DEFAULT_LIMITS`
            (64 MiB, 200 levels) by default.

    Raises:
        DocumentError: The text is not a valid report document, or is past a limit; the message names the path of the
            first problem.

    >>> from_json('{"schema_version": 1, "edition": "2021", "year": 2024, "agency": {"name": "某县教育局"}}').year
    2024
    >>> from_json('{"schema_version": 1, "edition": "2021", "year": "2024", "agency": {"name": "x"}}')
    Traceback (most recent call last):
      ...
    govdisclose._errors.DocumentError: expected an integer, got string '2024' @ $.year
    >>> from_json('{"schema_version": 1, "edition": "2021", "year": 2024, "agency": {"name": "x"}}',
    ...           limits=DocumentLimits(max_depth=1))
    Traceback (most recent call last):
      ...
    govdisclose._errors.DocumentError: document nested deeper than 1 level @ $.agency
    """
    return report_from_checked(loads_json(text, limits=limits), registry=registry)
