"""JSON: the canonical text form of a report.

The canonical JSON is UTF-8 text with Chinese written as is (not escapes), two-space indentation, arrays of plain
values (a table row's cells, a breakdown's parts) on one line, keys in model order with ``schema_version`` first, and a
final newline, so that the same report always gives the same bytes.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from .._errors import DocumentError
from ..model import KindRegistry, Report
from ._converter import report_from_data, report_to_data

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
    text = json.dumps(report_to_data(report, registry=registry), ensure_ascii=False, indent=2)
    return _SCALAR_ARRAY.sub(_one_line, text) + "\n"


# An indented array whose items are all numbers, null, booleans or strings (no objects or arrays inside).
_SCALAR = r'(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|null|true|false|"(?:[^"\\\n]|\\.)*")'
_SCALAR_ARRAY = re.compile(r"\[\n(?:[ ]+" + _SCALAR + r",\n)*[ ]+" + _SCALAR + r"\n[ ]*\]")


def _one_line(match: re.Match[str]) -> str:
    # JSON strings never hold a raw newline, so each middle line is exactly one item (with its separator).
    items = match.group(0).split("\n")[1:-1]
    return "[" + ", ".join(item.strip().removesuffix(",") for item in items) + "]"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DocumentError([f"duplicate key {key!r} in one object @ $"])
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise DocumentError([f"{name} is not a number a report can hold @ $"])


def loads_json(text: str | bytes) -> Any:
    """Parse JSON text into plain data: decimals stay exact, ``NaN``/``Infinity`` and duplicate keys are refused.

    Raises:
        DocumentError: The text is not valid JSON (the message gives line and column).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError([f"not UTF-8 text (byte {exc.start}) @ $"]) from None
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_no_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise DocumentError([f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno} @ $"]) from None
    except RecursionError:
        raise DocumentError(["document nested too deeply @ $"]) from None


def from_json(text: str | bytes, *, registry: KindRegistry | None = None) -> Report:
    """Load a report from JSON text.

    Raises:
        DocumentError: The text is not a valid report document; the message names the path of the first problem.

    >>> from_json('{"schema_version": 1, "edition": "2021", "year": 2024, "agency": {"name": "某县教育局"}}').year
    2024
    >>> from_json('{"schema_version": 1, "edition": "2021", "year": "2024", "agency": {"name": "x"}}')
    Traceback (most recent call last):
      ...
    govdisclose._errors.DocumentError: expected an integer, got string '2024' @ $.year
    """
    return report_from_data(loads_json(text), registry=registry)
