"""The cross-field rules of the report model, written once for the peer models (pydantic, msgspec).

govdisclose's attrs classes check these in validators; an equivalent peer model must check them too, or it would be
timed doing less work. The functions read attributes only, so they work on pydantic models and msgspec Structs alike,
and raise ``ValueError``.
"""

from __future__ import annotations

from typing import Any


def check_references(content: tuple[Any, ...], breakdowns: tuple[Any, ...]) -> None:
    """Quantity ids are unique in a block; breakdowns and shares refer to ids of the block."""
    ids: dict[str, Any] = {}
    quantities = [piece for piece in content if not isinstance(piece, str)]
    for quantity in quantities:
        members = (quantity, *getattr(quantity, "parts", ()))  # a compound figure's counts carry ids too
        for member in members:
            if member.id is None:
                continue
            if member.id in ids:
                raise ValueError(f"quantity id {member.id!r} is used twice in one block")
            ids[member.id] = member
    for index, breakdown in enumerate(breakdowns):
        for ref in (breakdown.total, *breakdown.parts):
            if ref not in ids:
                raise ValueError(f"breakdowns[{index}] refers to quantity id {ref!r}, which is not in the block")
    for quantity in quantities:
        if hasattr(quantity, "whole"):  # a share
            for named in (quantity.part, quantity.whole):
                if named is not None and named not in ids:
                    raise ValueError(f"a share refers to quantity id {named!r}, which is not in the block")


def check_rows(definition: Any, rows: tuple[Any, ...]) -> None:
    """The rows of an official table follow its definition: known ids in order, the right number of values."""
    order = {row.id: index for index, row in enumerate(definition.rows)}
    last = -1
    seen: set[str] = set()
    for index, row in enumerate(rows):
        if row.id in seen:
            raise ValueError(f"rows[{index}]: row {row.id!r} appears twice")
        seen.add(row.id)
        position = order.get(row.id)
        if position is None:
            if row.label is None or not row.values:
                raise ValueError(f"rows[{index}]: a local row needs a label and values")
            continue
        if position < last:
            raise ValueError(f"rows[{index}]: row {row.id!r} is out of the official order")
        last = position
        if len(row.values) != len(definition.rows[position].columns):
            raise ValueError(f"rows[{index}]: row {row.id!r} has the wrong number of values")


def check_rectangular(rows: tuple[tuple[Any, ...], ...]) -> None:
    """A generic table is rectangular once row and column spans are placed."""
    width: int | None = None
    carried: dict[int, int] = {}
    for r, row in enumerate(rows):
        column = 0
        occupied = {c for c, left in carried.items() if left > 0}
        for cell in row:
            while column in occupied:
                column += 1
            for c in range(column, column + cell.colspan):
                if c in occupied:
                    raise ValueError(f"rows[{r}]: a cell overlaps a cell spanning from above at column {c}")
                if cell.rowspan > 1:
                    carried[c] = cell.rowspan
            column += cell.colspan
        while column in occupied:
            column += 1
        if width is None:
            width = column
        elif column != width:
            raise ValueError(f"rows[{r}] has {column} columns, rows[0] has {width}")
        carried = {c: left - 1 for c, left in carried.items() if left - 1 > 0}
    if carried:
        raise ValueError("a rowspan reaches below the last row")


def check_statistics(columns: tuple[str, ...], rows: tuple[Any, ...], relations: tuple[Any, ...]) -> None:
    """Row ids are unique, rows have one value per column, relations name rows of the table."""
    seen: set[str] = set()
    for index, row in enumerate(rows):
        if row.id in seen:
            raise ValueError(f"rows[{index}]: row id {row.id!r} appears twice")
        seen.add(row.id)
        if row.values and len(row.values) != len(columns):
            raise ValueError(f"rows[{index}]: {len(row.values)} values for {len(columns)} value columns")
    for index, relation in enumerate(relations):
        for ref in (relation.total, *relation.parts):
            if ref not in seen:
                raise ValueError(f"relations[{index}] refers to row {ref!r}, which the table lacks")


def check_extra(extra: tuple[tuple[str, str], ...]) -> None:
    """Extra metadata labels are not blank and appear once."""
    seen: set[str] = set()
    for label, _ in extra:
        if not label.strip():
            raise ValueError("an extra metadata field has a blank label")
        if label in seen:
            raise ValueError(f"extra metadata field {label!r} appears twice")
        seen.add(label)


def check_sha256(value: str | None) -> None:
    """A SHA-256 digest is 64 lowercase hex digits."""
    if value is not None and (len(value) != 64 or any(c not in "0123456789abcdef" for c in value)):
        raise ValueError(f"'source_sha256' must be 64 lowercase hex digits (got {value!r})")
