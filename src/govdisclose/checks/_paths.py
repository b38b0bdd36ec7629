"""Document paths: where a cell or a quantity sits in the serialized report (the walk itself is the model's).

Paths are built from the model's structure — field names and tuple indices — and read exactly like the JSON document
that :func:`govdisclose.report_to_data` writes: ``$.sections[1].subsections[0].blocks[0].content[5]`` is the sixth
inline piece of the first block of the first sub-part of the second chapter; ``$.sections[2].blocks[0].rows[24]
.values[6]`` is a table cell. The checks never import the serializer; the test suite holds the two together.

>>> join_path("$", "sections", 2, "blocks", 0, "rows", 24, "values", 6)
'$.sections[2].blocks[0].rows[24].values[6]'
>>> covers("$.sections[1]", "$.sections[1].blocks[0]"), covers("$.sections[1]", "$.sections[10]")
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..model import (
    Amount,
    Block,
    BlockSite,
    Compound,
    Count,
    EnumeratedPoints,
    InlineQuantity,
    Introduction,
    NumberedItems,
    OfficialTable,
    Paragraph,
    Publication,
    Report,
    Section,
    Share,
    Signature,
    Statistic,
    StatisticsTable,
    StatPart,
    StatRow,
    TableRow,
    blocks_in,
    iter_blocks,
    iter_sections,
    join_path,
    parse_path,
)

__all__ = [
    "BlockSite",
    "QuantitySite",
    "blocks_in",
    "covers",
    "iter_blocks",
    "iter_quantities",
    "iter_sections",
    "join_path",
    "path_key",
    "quantity_index",
]


def covers(prefix: str, path: str) -> bool:
    """Whether *path* is *prefix* or lies below it (``$.sections[1]`` covers ``$.sections[1].blocks[0]``)."""
    return path == prefix or (path.startswith(prefix) and path[len(prefix)] in ".[")


def _field_order() -> dict[str, int]:
    order: dict[str, int] = {}
    for cls in (
        Report,
        Publication,
        Introduction,
        Section,
        Signature,
        Paragraph,
        EnumeratedPoints,
        NumberedItems,
        Statistic,
        StatPart,
        Compound,
        OfficialTable,
        TableRow,
        StatisticsTable,
        StatRow,
    ):
        for field in attrs.fields(cls):
            order.setdefault(field.name, len(order))
    return order


_FIELD_ORDER = _field_order()
_UNKNOWN_FIELD = len(_FIELD_ORDER)


def path_key(path: str) -> tuple[tuple[int, str], ...]:
    """A sort key that orders paths as their targets appear in the document.

    Fields sort in the order of the model's attributes (``publication`` before ``sections`` before ``signature``),
    indices numerically, and a path before the paths below it.

    >>> sorted(["$.signature.date", "$.sections[10]", "$.sections[2].blocks[0]", "$.sections[2]"], key=path_key)
    ['$.sections[2]', '$.sections[2].blocks[0]', '$.sections[10]', '$.signature.date']
    """
    key: list[tuple[int, str]] = []
    for step in parse_path(path):
        if isinstance(step, int):
            key.append((step, ""))
        else:
            key.append((_FIELD_ORDER.get(step, _UNKNOWN_FIELD), step))
    return tuple(key)


@attrs.frozen(kw_only=True)
class QuantitySite:
    """A typed quantity of running text and its document path."""

    path: str
    quantity: InlineQuantity


def _inline_sites(base: str, content: tuple[object, ...]) -> Iterator[QuantitySite]:
    for index, piece in enumerate(content):
        if isinstance(piece, (Count, Amount, Share, Compound)):
            yield QuantitySite(path=join_path(base, index), quantity=piece)


def iter_quantities(path: str, block: Block) -> Iterator[QuantitySite]:
    """Yield the quantities of the block at *path* with their paths, in reading order.

    Compound figures are yielded whole; their counts are reachable through :func:`quantity_index`.
    """
    if isinstance(block, Paragraph):
        yield from _inline_sites(join_path(path, "content"), block.content)
    elif isinstance(block, EnumeratedPoints):
        yield from _inline_sites(join_path(path, "lead"), block.lead)
        for index, point in enumerate(block.points):
            yield from _inline_sites(join_path(path, "points", index), point)
    elif isinstance(block, NumberedItems):
        for index, item in enumerate(block.items):
            yield from _inline_sites(join_path(path, "items", index), item)
    elif isinstance(block, Statistic):
        yield from _inline_sites(join_path(path, "lead"), block.lead)
        yield QuantitySite(path=join_path(path, "total"), quantity=block.total)
        for index, part in enumerate(block.parts):
            yield QuantitySite(path=join_path(path, "parts", index, "quantity"), quantity=part.quantity)
            if part.share is not None:
                yield QuantitySite(path=join_path(path, "parts", index, "share"), quantity=part.share)


def quantity_index(path: str, block: Block) -> dict[str, QuantitySite]:
    """The quantities of a block by ``id``, including the counts inside compound figures (the first of an id wins)."""
    index: dict[str, QuantitySite] = {}
    for site in iter_quantities(path, block):
        quantity = site.quantity
        if quantity.id is not None:
            index.setdefault(quantity.id, site)
        if isinstance(quantity, Compound):
            for position, member in enumerate(quantity.parts):
                if member.id is not None:
                    index.setdefault(
                        member.id, QuantitySite(path=join_path(site.path, "parts", position), quantity=member)
                    )
    return index
