"""Arrow: the schema of a row class, and rows into record batches (pyarrow is the extra ``arrow``).

Exact decimals are Arrow ``decimal128(38, 10)``: every figure of a report fits (a value with more than 10 decimal
places or 28 integer digits is refused with its path, never rounded).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from .._errors import GovDiscloseError, MissingExtraError
from ._rows import Column

__all__ = ["DECIMAL_PRECISION", "DECIMAL_SCALE", "DataError", "checked_decimal", "require", "schema", "to_batch"]

DECIMAL_PRECISION = 38
"""Digits of the exact decimal columns (Arrow ``decimal128``, DuckDB ``DECIMAL``)."""
DECIMAL_SCALE = 10
"""Decimal places of the exact decimal columns."""

_LIMIT = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)


class DataError(GovDiscloseError, ValueError):
    """A value cannot be written to a data table exactly, or a table cannot be produced.

    Attributes:
        path: The document path of the value, when there is one.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


def require(module: str, extra: str, purpose: str) -> Any:
    """Import an optional dependency, or raise :class:`MissingExtraError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(extra, module.split(".")[0], purpose) from None


def _arrow_type(pa: Any, column: Column) -> Any:
    return {
        "string": pa.string(),
        "int": pa.int64(),
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "bool": pa.bool_(),
        "date": pa.date32(),
    }[column.type]


def schema(columns: Sequence[Column]) -> Any:
    """The Arrow schema of *columns*, each field carrying its description as metadata."""
    pa = require("pyarrow", "arrow", "Arrow tables")
    return pa.schema(
        [pa.field(c.name, _arrow_type(pa, c), metadata={"description": c.doc}) for c in columns]  # nullable
    )


def checked_decimal(value: Decimal, where: str) -> Decimal:
    """*value* if it fits the decimal columns exactly; a :class:`DataError` naming *where* otherwise."""
    exponent = value.as_tuple().exponent
    if (isinstance(exponent, int) and exponent < -DECIMAL_SCALE) or abs(value) >= _LIMIT:
        raise DataError(
            f"{value} does not fit an exact decimal column (at most {DECIMAL_SCALE} decimal places and "
            f"{DECIMAL_PRECISION - DECIMAL_SCALE} integer digits) @ {where}",
            path=where,
        )
    return value


def to_batch(columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, arrow_schema: Any = None) -> Any:
    """An Arrow record batch of *rows* (tuples in column order); *arrow_schema* is :func:`schema` of *columns*.

    Raises:
        DataError: A decimal does not fit the decimal columns exactly (naming the value's document path).
    """
    pa = require("pyarrow", "arrow", "Arrow tables")
    arrow_schema = arrow_schema if arrow_schema is not None else schema(columns)
    rows = rows if isinstance(rows, list) else list(rows)
    data: list[Any] = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    arrays = []
    for index, (values, field) in enumerate(zip(data, arrow_schema, strict=True)):
        try:
            arrays.append(pa.array(values, type=field.type))
        except pa.ArrowInvalid:  # Arrow refuses a decimal it would round or cut: say which, and where
            if columns[index].type != "decimal":
                raise
            _refuse(columns, rows, index)
            raise
    return pa.RecordBatch.from_arrays(arrays, schema=arrow_schema)


def _refuse(columns: Sequence[Column], rows: Sequence[Sequence[Any]], index: int) -> None:
    """Raise the :class:`DataError` of the first value of column *index* that does not fit."""
    path_at = next((i for i, c in enumerate(columns) if c.name == "path"), None)
    for row in rows:
        value = row[index]
        if value is not None:
            checked_decimal(value, row[path_at] if path_at is not None else columns[index].name)
