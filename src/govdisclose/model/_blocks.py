"""Body blocks: the pieces a section's text is made of.

Every block class has a ``KIND`` tag, the value of ``"kind"`` in serialized documents. The core kinds are
``paragraph``, ``points``, ``items``, ``statistic`` and ``table``; the official statistics tables and plugins add more
through a :class:`~govdisclose.model.KindRegistry`.

>>> p = Paragraph(content=("全年共制作政府信息", Count(value=15, unit="条", id="total"), "。"))
>>> p.text
'全年共制作政府信息15条。'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Final

import attrs

from .._errors import ModelError
from ..zh import OrdinalStyle
from ._checks import not_blank, positive, typed_fields
from ._inline import Amount, Compound, Count, Inline, InlineQuantity, Share, plain_text

__all__ = [
    "Block",
    "Breakdown",
    "Cell",
    "EnumeratedPoints",
    "NumberedItems",
    "Paragraph",
    "StatPart",
    "Statistic",
    "Table",
    "iter_quantities",
]


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Block:
    """Base class of body blocks. Subclasses set ``KIND`` and are registered by tag."""

    KIND: ClassVar[str] = ""

    def quantities(self) -> Iterator[InlineQuantity]:
        """Yield the typed quantities of the block, in reading order (none by default)."""
        return iter(())


def iter_quantities(content: tuple[Inline, ...]) -> Iterator[InlineQuantity]:
    """Yield the typed quantities of inline content, in order.

    >>> [q.text for q in iter_quantities(("共", Count(value=2, unit="条"), "。"))]
    ['2条']
    """
    for piece in content:
        if not isinstance(piece, str):
            yield piece


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Breakdown:
    """A total and the parts that break it down, named by the ``id`` of quantities in the same block.

    ``共制作政府信息15条，其中：……年度报告1条，工作动态5条……`` is a breakdown of the 15 by type. Checks compare the sum
    of the parts with the total; when *overlapping* is true (the same item may be counted under several parts, as with
    channels ``不同渠道和方式公开相同信息计1条``) the parts may legitimately sum to more.

    Attributes:
        total: The ``id`` of the total.
        parts: The ``id`` of each part, in written order.
        dimension: What the breakdown is by, in a word (``类型``, ``类别``, ``渠道``).
        overlapping: Whether the parts may overlap.
    """

    total: str = attrs.field(validator=not_blank)
    parts: tuple[str, ...]
    dimension: str | None = attrs.field(default=None, validator=not_blank)
    overlapping: bool = False


def _check_references(content_quantities: list[InlineQuantity], breakdowns: tuple[Breakdown, ...]) -> None:
    ids: dict[str, InlineQuantity] = {}
    for quantity in content_quantities:
        for member in (quantity, *(quantity.parts if isinstance(quantity, Compound) else ())):
            if member.id is None:
                continue
            if member.id in ids:
                raise ModelError(
                    f"quantity id {member.id!r} is used twice in one block", field="content", value=member.id
                )
            ids[member.id] = member
    for index, breakdown in enumerate(breakdowns):
        for ref in (breakdown.total, *breakdown.parts):
            if ref not in ids:
                raise ModelError(
                    f"breakdowns[{index}] refers to quantity id {ref!r}, which is not in the block; "
                    f"ids in the block: {', '.join(sorted(ids)) or '(none)'}",
                    field="breakdowns",
                    value=ref,
                )
    for quantity in content_quantities:
        if isinstance(quantity, Share):
            for named in (quantity.part, quantity.whole):
                if named is not None and named not in ids:
                    raise ModelError(
                        f"a share refers to quantity id {named!r}, which is not in the block", field="content"
                    )


def _paragraph_references(instance: Paragraph, attribute: attrs.Attribute[Any], value: tuple[Breakdown, ...]) -> None:
    _check_references(list(iter_quantities(instance.content)), value)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Paragraph(Block):
    """A paragraph of running text with its quantities typed.

    Attributes:
        content: Strings and quantities in reading order; joined they are the paragraph as written.
        breakdowns: Totals and their parts among the paragraph's quantities.
    """

    KIND: ClassVar[str] = "paragraph"

    content: tuple[Inline, ...]
    breakdowns: tuple[Breakdown, ...] = attrs.field(default=(), validator=_paragraph_references)

    @property
    def text(self) -> str:
        """The paragraph as written."""
        return plain_text(self.content)

    def quantities(self) -> Iterator[InlineQuantity]:
        """Yield the paragraph's quantities in order."""
        return iter_quantities(self.content)


def _points_not_empty(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    if not value:
        raise ModelError(f"{attribute.name!r} must not be empty", field=attribute.name)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class EnumeratedPoints(Block):
    """Points enumerated inside one paragraph: ``一是……二是……三是……``.

    Attributes:
        lead: Text before the first point (may be empty).
        points: The text of each point, without its ordinal.
        style: The ordinal style, ``一是`` by default.

    >>> EnumeratedPoints(points=(("严格责任落实。",), ("拓宽公开渠道。",))).text
    '一是严格责任落实。二是拓宽公开渠道。'
    """

    KIND: ClassVar[str] = "points"

    lead: tuple[Inline, ...] = ()
    points: tuple[tuple[Inline, ...], ...] = attrs.field(validator=_points_not_empty)
    style: OrdinalStyle = OrdinalStyle.CN_SHI

    @property
    def text(self) -> str:
        """The paragraph as written."""
        from ..zh import format_ordinal

        return plain_text(self.lead) + "".join(
            format_ordinal(number, self.style) + plain_text(point) for number, point in enumerate(self.points, 1)
        )

    def quantities(self) -> Iterator[InlineQuantity]:
        """Yield the quantities of the lead and the points in order."""
        yield from iter_quantities(self.lead)
        for point in self.points:
            yield from iter_quantities(point)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class NumberedItems(Block):
    """A numbered list, one item per line: ``1、公开的内容更加充实。……``.

    Attributes:
        items: The text of each item, without its ordinal.
        style: The ordinal style (``1.`` by default; ``1、`` and ``（1）`` are common).
        start: The number of the first item.
    """

    KIND: ClassVar[str] = "items"

    items: tuple[tuple[Inline, ...], ...] = attrs.field(validator=_points_not_empty)
    style: OrdinalStyle = OrdinalStyle.ARABIC_DOT
    start: int = attrs.field(default=1, validator=positive)

    def quantities(self) -> Iterator[InlineQuantity]:
        """Yield the quantities of every item in order."""
        for item in self.items:
            yield from iter_quantities(item)


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class StatPart:
    """One labelled part of a :class:`Statistic`.

    Attributes:
        label: What the part is (``主动公开``, ``机构职能类``).
        quantity: Its count or amount.
        share: Its share of the total as published, if the report states one.
    """

    label: str = attrs.field(validator=not_blank)
    quantity: Count | Amount
    share: Share | None = None


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Statistic(Block):
    """A statistic stated from data: a total and its labelled parts.

    Unlike a :class:`Paragraph`, whose wording is kept as published, a statistic is *generated*: renderers write it in
    the standard phrasing of these reports (``共制作政府信息15条，其中：主动公开15条，占100%。``).

    Attributes:
        lead: Text before the statistic (``2017年，``).
        subject: What is counted, as a verb phrase (``制作政府信息``).
        total: The total.
        parts: The parts, in order.
        overlapping: Whether the parts may overlap (then they may sum to more than the total).
    """

    KIND: ClassVar[str] = "statistic"

    lead: tuple[Inline, ...] = ()
    subject: str = attrs.field(validator=not_blank)
    total: Count | Amount
    parts: tuple[StatPart, ...] = ()
    overlapping: bool = False

    def quantities(self) -> Iterator[InlineQuantity]:
        """Yield the total, then each part's quantity and share."""
        yield from iter_quantities(self.lead)
        yield self.total
        for part in self.parts:
            yield part.quantity
            if part.share is not None:
                yield part.share


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Cell:
    """One cell of a generic table, as published.

    Attributes:
        text: The cell's text (``""`` for an empty cell).
        colspan: Columns the cell spans.
        rowspan: Rows the cell spans.
        header: Whether it is a header cell.
    """

    text: str = ""
    colspan: int = attrs.field(default=1, validator=[positive, lambda i, a, v: _span(a.name, v)])
    rowspan: int = attrs.field(default=1, validator=[positive, lambda i, a, v: _span(a.name, v)])
    header: bool = False


MAX_SPAN: Final = 100
"""The most columns or rows a cell of a generic table may span, and the most columns such a table may have."""


def _span(name: str, value: int) -> None:
    if value > MAX_SPAN:
        raise ModelError(f"{name!r} must be at most {MAX_SPAN} (got {value})", field=name, value=value)


def _rectangular(instance: Table, attribute: attrs.Attribute[Any], rows: tuple[tuple[Cell, ...], ...]) -> None:
    width: int | None = None
    carried: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for r, row in enumerate(rows):
        column = 0
        occupied = {c for c, left in carried.items() if left > 0}
        for cell in row:
            while column in occupied:
                column += 1
            for c in range(column, column + cell.colspan):
                if c in occupied:
                    raise ModelError(
                        f"rows[{r}]: a cell overlaps a cell spanning from above at column {c}", field="rows"
                    )
                if cell.rowspan > 1:
                    carried[c] = cell.rowspan
            column += cell.colspan
            if column > MAX_SPAN:
                raise ModelError(
                    f"rows[{r}] has more than {MAX_SPAN} columns; a table has at most {MAX_SPAN}", field="rows"
                )
        while column in occupied:
            column += 1
        if width is None:
            width = column
        elif column != width:
            raise ModelError(f"rows[{r}] has {column} columns, rows[0] has {width}", field="rows", value=column)
        carried = {c: left - 1 for c, left in carried.items() if left - 1 > 0}
    if carried:
        raise ModelError("a rowspan reaches below the last row", field="rows")


@attrs.frozen(kw_only=True, field_transformer=typed_fields)
class Table(Block):
    """A generic table with merged cells, for tables that have no typed model.

    Rows list their cells left to right, leaving out positions covered by a cell spanning from an earlier row (as in
    HTML). The table must be rectangular.

    Attributes:
        caption: The table's title, if any.
        rows: The rows of cells.

    >>> t = Table(rows=((Cell(text="项目", rowspan=2, header=True), Cell(text="数量", header=True)), (Cell(text="3"),)))
    >>> t.width
    2
    """

    KIND: ClassVar[str] = "table"

    caption: str | None = attrs.field(default=None, validator=not_blank)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(validator=_rectangular)

    @property
    def width(self) -> int:
        """The number of columns."""
        return sum(cell.colspan for cell in self.rows[0]) if self.rows else 0
