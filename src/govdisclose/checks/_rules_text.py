"""Rules on the numbers of running text: breakdowns of a total, and printed shares.

A :class:`~govdisclose.model.Breakdown` of a paragraph, or a :class:`~govdisclose.model.Statistic`, says that parts add
up to a total. Approximate figures are bounds (``1100余`` is at least 1100), so a breakdown is flagged only when no true
values could make it add up; overlapping breakdowns (an item counted under several parts) are flagged only when the
parts fall short of the total.

A :class:`~govdisclose.model.Share` that names its part and whole is compared with part ÷ whole × 100: it is right
within half a unit of its last printed digit (``67.84%`` ±0.005), a rounding slip within one unit (``share.rounding``,
info), and wrong beyond that (``share.value``, warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import attrs

from ..model import Amount, Bound, Breakdown, Count, Inline, Paragraph, Share, Statistic
from ._catalog import Rule
from ._context import CheckContext, shared
from ._findings import Finding, Operand
from ._numbers import Interval, bounded, compare, describe, number, quantity_interval, total
from ._paths import QuantitySite, join_path, quantity_index
from ._prose import runs

__all__ = ["RULES"]

_CHANNELS = "渠道"
"""The dimension of a breakdown by publication channel (网站、公报、微信 …): the same item on several channels."""


@attrs.frozen
class _Figure:
    """A count or amount of the text, with its path, as one operand of a sum."""

    path: str
    quantity: Count | Amount

    def interval(self, common_unit: bool) -> Interval:
        if isinstance(self.quantity, Amount) and common_unit:
            return bounded(self.quantity.value, self.quantity.bound)  # in the unit the figures share
        return quantity_interval(self.quantity)

    @property
    def term(self) -> str:
        text = self.quantity.text
        unit = self.quantity.unit if isinstance(self.quantity, Count) else self.quantity.unit.value
        return text.removesuffix(unit) if unit else text

    def operand(self) -> Operand:
        value = Decimal(self.quantity.value) if isinstance(self.quantity, Count) else self.quantity.value
        return Operand(path=self.path, text=self.quantity.text, value=value, label=self.quantity.label)


def _figure(site: QuantitySite | None) -> _Figure | None:
    if site is None or not isinstance(site.quantity, (Count, Amount)):
        return None
    return _Figure(site.path, site.quantity)


def _unit(figures: Sequence[_Figure]) -> tuple[str, bool]:
    """The unit to describe sums in, and whether amounts share one unit (then sums stay in it)."""
    first = figures[0].quantity
    if isinstance(first, Count):
        return first.unit, False
    units = {f.quantity.unit for f in figures if isinstance(f.quantity, Amount)}
    if len(units) == 1:
        return first.unit.value, True
    return "元", False


_NOT_A_PART = re.compile(r"另有|另外|此外")
"""Words after which a figure is *beside* the total, not part of it: ``答复3050件（含上年度结转34件，另有103件
顺延到下年度）``."""
_LIST_END = "。！？!?；;）)"
_BARE_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*(?:年|月|日|号|%|％))")
"""A number without a unit, as in ``不予公开信息数1402``: a part the reader could not take as a count."""


@attrs.frozen
class _Wording:
    """What the words of a paragraph say about one of its breakdowns.

    Attributes:
        parts: The parts the words support (those after ``另有`` are left out).
        complete: Whether the list is all there: every declared part is one, the list ends before its sentence or
            bracket does with no unit-less number after its last part, and it is not cut off at the paragraph's end.
    """

    parts: tuple[str, ...]
    complete: bool


def _piece_text(piece: Inline) -> str:
    return piece if isinstance(piece, str) else "\x00"


def _wording(paragraph: Paragraph, breakdown: Breakdown) -> _Wording:
    """The parts of *breakdown* its paragraph's words support, and whether the list is complete.

    >>> q = [Count(value=v, unit="件", id=f"q{i}") for i, v in enumerate((3050, 34, 103))]
    >>> text = Paragraph(content=("答复", q[0], "（含上年度结转申请", q[1], "，另有", q[2], "顺延到下年度答复）。"))
    >>> _wording(text, Breakdown(total="q0", parts=("q1", "q2")))
    _Wording(parts=('q1',), complete=False)
    """
    at = {piece.id: i for i, piece in enumerate(paragraph.content) if not isinstance(piece, str) and piece.id}
    if breakdown.total not in at or any(ref not in at for ref in breakdown.parts):
        return _Wording(breakdown.parts, True)  # a part inside a compound figure: nothing to read around it
    start, content = at[breakdown.total], paragraph.content
    kept: list[str] = []
    for ref in breakdown.parts:
        if _NOT_A_PART.search("".join(_piece_text(piece) for piece in content[start + 1 : at[ref]])):
            break
        kept.append(ref)
    last = at[kept[-1]] if kept else start
    tail = "".join(_piece_text(piece) for piece in content[last + 1 :])
    stops = [i for i in (tail.find(stop) for stop in _LIST_END) if i >= 0]
    rest = tail[: min(stops)] if stops else tail
    complete = len(kept) == len(breakdown.parts) and bool(stops) and not _BARE_NUMBER.search(rest)
    return _Wording(tuple(kept), complete)


def _breakdown_finding(
    ctx: CheckContext,
    whole: _Figure,
    parts: Sequence[_Figure],
    *,
    label: str | None,
    dimension: str | None,
    overlapping: bool,
    complete: bool = True,
) -> Finding | None:
    figures = (whole, *parts)
    if not parts or len({type(f.quantity) for f in figures}) != 1:
        return None  # counts and amounts do not add up to each other
    unit, common = _unit(figures)
    subject = f"“{label}”" if label else ""
    by = f"按{dimension}" if dimension else ""
    if overlapping:
        for part in parts:  # an item counted under several parts is still one of the total's
            gap = compare(whole.interval(common), part.interval(common), excess_only=True)
            if gap is not None:
                name = f"“{part.quantity.label}”" if part.quantity.label else "一个分项"
                return ctx.finding(
                    f"{subject}{by}分项可重复计数，但{name}{part.quantity.text}多于总数{whole.quantity.text}"
                    f"（{gap.words(unit)}）",
                    paths=(whole.path, part.path),
                    operands=(whole.operand(), part.operand()),
                    expected=gap.expected,
                    actual=gap.actual,
                    difference=gap.difference,
                    expected_bound=gap.bound,
                )
        if dimension == _CHANNELS or not complete:
            return None  # channels need not all be listed: each is at most the total, their sum says nothing
    expected = total([part.interval(common) for part in parts])
    gap = compare(whole.interval(common), expected, shortfall_only=overlapping, excess_only=not complete)
    if gap is None:
        return None
    terms = "+".join(part.term for part in parts)
    if overlapping:
        message = (
            f"{subject}{by}分项可重复计数，但分项之和{describe(expected, unit)}（{terms}）仍少于总数"
            f"{whole.quantity.text}（{gap.words(unit)}）"
        )
    else:
        message = (
            f"{subject}{by}分项之和为{describe(expected, unit)}（{terms}），与总数{whole.quantity.text}不符"
            f"（{gap.words(unit)}）"
        )
    return ctx.finding(
        message,
        paths=tuple(f.path for f in figures),
        operands=tuple(f.operand() for f in figures),
        expected=gap.expected,
        actual=gap.actual,
        difference=gap.difference,
        expected_bound=gap.bound,
    )


def _breakdown_sum(ctx: CheckContext) -> Iterator[Finding]:
    for site in ctx.blocks(Paragraph, Statistic):
        block = site.block
        if isinstance(block, Paragraph):
            if not block.breakdowns:
                continue
            index = quantity_index(site.path, block)
            for breakdown in block.breakdowns:
                wording = _wording(block, breakdown)
                whole = _figure(index.get(breakdown.total))
                parts = [_figure(index.get(ref)) for ref in wording.parts]
                if whole is None or any(part is None for part in parts):
                    continue  # a share or a compound figure is not a summand
                finding = _breakdown_finding(
                    ctx,
                    whole,
                    [part for part in parts if part is not None],
                    label=whole.quantity.label,
                    dimension=breakdown.dimension,
                    overlapping=breakdown.overlapping,
                    complete=wording.complete,
                )
                if finding is not None:
                    yield finding
        elif isinstance(block, Statistic) and block.parts:
            whole = _Figure(join_path(site.path, "total"), block.total)
            summands = [
                _Figure(join_path(site.path, "parts", i, "quantity"), part.quantity)
                for i, part in enumerate(block.parts)
            ]
            finding = _breakdown_finding(
                ctx, whole, summands, label=block.subject, dimension=None, overlapping=block.overlapping
            )
            if finding is not None:
                yield finding


# ---- shares --------------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _ShareCheck:
    """A printed share with the figures it is computed from, and how far off it is."""

    path: str
    share: Share
    part: _Figure
    whole: _Figure
    exact: Fraction
    unit: Fraction

    @property
    def off(self) -> Fraction:
        return abs(Fraction(self.share.value) - self.exact)

    @property
    def exponent(self) -> int:
        return min(int(self.share.value.as_tuple().exponent), 0)

    def rounded(self, extra: int = 0) -> Decimal:
        """The exact share rounded half up to the printed digits (plus *extra* digits)."""
        value = Decimal(self.exact.numerator) / Decimal(self.exact.denominator)
        return value.quantize(Decimal(1).scaleb(self.exponent - extra), rounding=ROUND_HALF_UP)


def _share_checks(ctx: CheckContext) -> tuple[_ShareCheck, ...]:
    """The printed shares that can be checked, with their figures; worked out once per check (two rules read them)."""
    return shared(ctx, _build_share_checks)


def _build_share_checks(ctx: CheckContext) -> tuple[_ShareCheck, ...]:
    return tuple(_iter_share_checks(ctx))


def _iter_share_checks(ctx: CheckContext) -> Iterator[_ShareCheck]:
    for site in ctx.blocks():
        block = site.block
        candidates: list[tuple[str, Share, _Figure | None, _Figure | None]] = []
        index: dict[str, QuantitySite] | None = None  # the block's quantities by id, once a share needs them
        named = [  # the shares of running text (those naming their part and whole are taken here)
            (join_path(base, position), piece)
            for base, content in runs(site.path, block)
            for position, piece in enumerate(content)
            if isinstance(piece, Share)
        ]
        if isinstance(block, Statistic):  # and those of a statistic's parts
            named.extend(
                (join_path(site.path, "parts", i, "share"), stat_part.share)
                for i, stat_part in enumerate(block.parts)
                if stat_part.share is not None
            )
        for path, quantity in named:
            if quantity.part is None or quantity.whole is None:
                continue
            if index is None:
                index = quantity_index(site.path, block)
            candidates.append((path, quantity, _figure(index.get(quantity.part)), _figure(index.get(quantity.whole))))
        if isinstance(block, Statistic):
            whole = _Figure(join_path(site.path, "total"), block.total)
            for i, stat_part in enumerate(block.parts):
                share = stat_part.share
                if share is None or share.part is not None or share.whole is not None:
                    continue  # shares naming their figures were taken above
                part = _Figure(join_path(site.path, "parts", i, "quantity"), stat_part.quantity)
                candidates.append((join_path(site.path, "parts", i, "share"), share, part, whole))
        for path, share, part_figure, whole_figure in candidates:
            if part_figure is None or whole_figure is None:
                continue
            if part_figure.quantity.bound is not Bound.EXACT or whole_figure.quantity.bound is not Bound.EXACT:
                continue  # an approximate figure gives no exact share to compare with
            common = isinstance(part_figure.quantity, Amount) and isinstance(whole_figure.quantity, Amount)
            part_value = part_figure.interval(common and part_figure.quantity.unit == whole_figure.quantity.unit)
            whole_value = whole_figure.interval(common and part_figure.quantity.unit == whole_figure.quantity.unit)
            if part_value.lo is None or whole_value.lo is None or not part_value.is_exact or not whole_value.is_exact:
                continue
            if whole_value.lo == 0:
                continue
            exact = Fraction(part_value.lo) * 100 / Fraction(whole_value.lo)
            exponent = min(int(share.value.as_tuple().exponent), 0)
            yield _ShareCheck(
                path=path,
                share=share,
                part=part_figure,
                whole=whole_figure,
                exact=exact,
                unit=Fraction(Decimal(1).scaleb(exponent)),
            )


def _share_finding(ctx: CheckContext, check: _ShareCheck, slip: bool) -> Finding:
    share, part = check.share, check.part
    label = share.label or part.quantity.label
    subject = f"“{label}”占比" if label else "占比"
    computed = check.rounded(2)
    approx = "" if Fraction(computed) == check.exact else "约"
    should = check.rounded()
    difference = share.value - should
    tail = "，属末位舍入误差" if slip else ""
    message = (
        f"{subject}印为{share.text}，按{part.quantity.text}÷{check.whole.quantity.text}计算为{approx}"
        f"{number(computed)}%，应为{format(should, 'f')}%（差{number(abs(difference))}个百分点{tail}）"
    )
    return ctx.finding(
        message,
        paths=(check.path, part.path, check.whole.path),
        operands=(
            Operand(path=check.path, text=share.text, value=share.value, label=share.label),
            part.operand(),
            check.whole.operand(),
        ),
        expected=should,
        actual=share.value,
        difference=difference,
    )


def _tolerance(ctx: CheckContext) -> Fraction:
    """The rule's ``tolerance`` parameter: units of a share's last printed digit (1 unless a profile says)."""
    value = ctx.param("tolerance")
    return Fraction(value) if isinstance(value, Decimal) else Fraction(1)


def _share_value(ctx: CheckContext) -> Iterator[Finding]:
    tolerance = _tolerance(ctx)
    for check in _share_checks(ctx):
        if check.off > check.unit * tolerance:
            yield _share_finding(ctx, check, slip=False)


def _share_rounding(ctx: CheckContext) -> Iterator[Finding]:
    tolerance = _tolerance(ctx)
    for check in _share_checks(ctx):
        if check.unit / 2 < check.off <= check.unit * tolerance:
            yield _share_finding(ctx, check, slip=True)


RULES = (
    Rule(
        id="breakdown.sum",
        title="分项之和与总数",
        description=(
            "A breakdown in the text (a paragraph's declared breakdowns, a statistic's parts): the parts must add "
            "up to the total. Approximate figures are bounds ('1100余' is at least 1100) and only a certain "
            "disagreement is reported; overlapping breakdowns are flagged only when the parts fall short or one part "
            "exceeds the total, channels only for a channel above the total. What follows 另有 is not a part; a "
            "list that goes on with a number without a unit, or ends its paragraph without a stop, is checked only "
            "for parts above the total."
        ),
        severity="error",
        scope="paragraph or statistic",
        check=_breakdown_sum,
    ),
    Rule(
        id="share.value",
        title="占比与数值不符",
        description=(
            "A printed share that names its part and whole differs from part ÷ whole × 100 by more than one unit "
            "of its last printed digit ('67.84%': more than 0.01). Parameter: tolerance (units, default 1)."
        ),
        severity="warning",
        scope="share in the text",
        check=_share_value,
    ),
    Rule(
        id="share.rounding",
        title="占比末位舍入误差",
        description=(
            "A printed share is off by more than half a unit but at most one unit of its last printed digit: a "
            "rounding slip such as truncating 67.835 to 67.83. Parameter: tolerance (units, default 1)."
        ),
        severity="info",
        scope="share in the text",
        check=_share_rounding,
    ),
)
"""The rules on running text, in catalog order."""
