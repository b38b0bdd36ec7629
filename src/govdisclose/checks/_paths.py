"""Document paths: where a cell or a quantity sits in the serialized report.

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

import re
from collections.abc import Iterable, Iterator

import attrs

from ..model import (
    Amount,
    Block,
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

_TOKEN = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def join_path(base: str, *steps: str | int) -> str:
    """Extend *base* by field names (``str``) and tuple indices (``int``).

    >>> join_path("$.sections[0]", "subsections", 1, "heading")
    '$.sections[0].subsections[1].heading'
    """
    parts = [base]
    for step in steps:
        parts.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(parts)


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
    for match in _TOKEN.finditer(path):
        name, index = match.groups()
        if index is not None:
            key.append((int(index), ""))
        else:
            key.append((_FIELD_ORDER.get(name, _UNKNOWN_FIELD), name))
    return tuple(key)


def iter_sections(report: Report) -> Iterator[tuple[str, int, Section]]:
    """Yield ``(path, depth, section)`` for every section, depth first; chapters have depth 1."""

    def walk(path: str, depth: int, section: Section) -> Iterator[tuple[str, int, Section]]:
        yield path, depth, section
        for index, child in enumerate(section.subsections):
            yield from walk(join_path(path, "subsections", index), depth + 1, child)

    for index, section in enumerate(report.sections):
        yield from walk(join_path("$", "sections", index), 1, section)


@attrs.frozen(kw_only=True)
class BlockSite:
    """A block and where it sits.

    Attributes:
        path: The block's document path.
        block: The block.
        section: The section that holds it, or ``None`` for a block of the 引言.
        section_path: The path of that section (``$.introduction`` for the 引言).
    """

    path: str
    block: Block
    section: Section | None
    section_path: str


def iter_blocks(report: Report) -> Iterator[BlockSite]:
    """Yield every block of the report in document order: the 引言's, then each section's before its subsections'."""
    return blocks_in(report, iter_sections(report))


def blocks_in(report: Report, sections: Iterable[tuple[str, int, Section]]) -> Iterator[BlockSite]:
    """As :func:`iter_blocks`, given the report's *sections* as :func:`iter_sections` yields them (walked once)."""
    if report.introduction is not None:
        for index, block in enumerate(report.introduction.blocks):
            yield BlockSite(
                path=join_path("$", "introduction", "blocks", index),
                block=block,
                section=None,
                section_path="$.introduction",
            )
    for path, _, section in sections:
        for index, block in enumerate(section.blocks):
            yield BlockSite(path=join_path(path, "blocks", index), block=block, section=section, section_path=path)


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
