"""Quantities in running text: counts with their units and qualifiers, money, shares and compound figures.

Only Arabic numerals are read (Chinese numerals in running text are words: ``三个更加``). A number is a quantity when
a counting word follows it (``15条``, ``1100余人次``, ``17.9亿次``, ``近1900家次``), when it is money
(``133.9554万元``), or a share introduced by 占 (``占100%``); ``189户247人`` is one compound figure. Years, dates,
addresses (``206号``), ordinals (``第3次``), durations (``20个工作日``) and identifiers (``sm02401``) are not. Every
quantity is checked to write back exactly as published, or it stays text.

>>> [q.text for _, _, q in scan("低保对象189户247人，发放低保金133.9554万元；接待1100余人次，占100%。")]
['189户247人', '133.9554万元', '1100余人次', '100%']
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from ..model import Amount, Compound, Count, Inline, InlineQuantity, MoneyUnit, Qualifier, Scale, Share
from ..model._decimal import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS

__all__ = ["UNITS", "Found", "build_content", "scan"]

UNITS: Final = (
    "人次",
    "家次",
    "件次",
    "条次",
    "个次",
    "户次",
    "场次",
    "批次",
    "条",
    "件",
    "次",
    "人",
    "户",
    "个",
    "份",
    "名",
    "篇",
    "期",
    "场",
    "家",
    "项",
    "批",
    "起",
    "本",
    "册",
    "张",
    "位",
    "封",
    "套",
    "所",
    "台",
    "块",
    "幅",
    "栏",
    "类",
    "卷",
    "页",
    "组",
    "轮",
    "例",
    "宗",
    "座",
    "部",
    "处",
)
"""Counting words recognised after a number, longest first where one is a prefix of another."""

_UNITS_BY_LENGTH: Final = tuple(sorted(UNITS, key=len, reverse=True))
_UNITS_BY_FIRST: Final = {
    first: tuple(unit for unit in _UNITS_BY_LENGTH if unit[0] == first) for first in {unit[0] for unit in UNITS}
}
_AFTER_GE: Final = ("个工作日", "个月", "个小时", "个百分点", "个季度", "个星期", "个年度", "个工作", "个自然日")
_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")
_BEFORE_BLOCKERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:#@~+=第")
_PUNCTUATION: Final = frozenset("，,。；;：:、）)】」』”\"'！!？?…—- \t\u3000")
_SHARE_LOOKBACK: Final = 14
_SHARE_STOPS: Final = frozenset("，,。；;：:、（()）")

_BEFORE: Final = {"逾": Qualifier.OVER, "近": Qualifier.NEARLY, "约": Qualifier.ABOUT}
_AFTER: Final = {"余": Qualifier.MORE_THAN, "多": Qualifier.MORE}
_NOT_QUANTITY: Final = frozenset("年月日号时分秒-/:：.·—~～")
Found = tuple[int, int, InlineQuantity]
"""A quantity and the span of text it was read from."""


def _before_qualifier(text: str, start: int) -> tuple[Qualifier, int]:
    if not start:
        return Qualifier.EXACT, start
    qualifier = _BEFORE.get(text[start - 1])
    if qualifier is not None:
        return qualifier, start - 1
    if start >= 2 and text[start - 2 : start] == "超过":
        return Qualifier.EXCEEDING, start - 2
    return Qualifier.EXACT, start


def _rule_of_one(text: str, start: int, digits: str) -> bool:
    """``不同渠道和方式公开相同信息计1条``: a counting rule, not a count."""
    return (
        digits == "1"
        and start >= 1
        and text[start - 1] == "计"
        and text[max(0, start - 2) : start]
        not in (
            "共计",
            "合计",
            "总计",
            "累计",
            "统计",
        )
    )


def _count_at(text: str, start: int, end: int, digits: str) -> tuple[int, int, Count | Amount] | None:
    """The count or amount of the number ``text[start:end]`` with its span, or ``None``."""
    before, first = _before_qualifier(text, start)
    position = end
    scale = Scale.NONE
    if not (text.startswith("万元", position) or text.startswith("亿元", position)) and text[
        position : position + 1
    ] in (
        "万",
        "亿",
    ):
        scale = Scale(text[position])
        position += 1
    after = _AFTER.get(text[position : position + 1], Qualifier.EXACT)
    if after is not Qualifier.EXACT:
        position += 1
    if before is not Qualifier.EXACT and after is not Qualifier.EXACT:
        return None
    qualifier = before if before is not Qualifier.EXACT else after
    if scale is Scale.NONE:
        for money in (MoneyUnit.WAN_YUAN, MoneyUnit.YI_YUAN, MoneyUnit.YUAN):
            if text.startswith(money.value, position):
                amount = Amount(value=Decimal(digits), unit=money, qualifier=qualifier)
                return first, position + len(money.value), amount
    unit = next((u for u in _UNITS_BY_FIRST.get(text[position : position + 1], ()) if text.startswith(u, position)), "")
    if unit == "个" and any(text.startswith(word, position) for word in _AFTER_GE):
        return None
    if not unit and scale is Scale.NONE:
        following = text[position : position + 1]
        if qualifier is Qualifier.EXACT or (following and following not in _PUNCTUATION):
            return None
    number = Decimal(digits).scaleb(scale.exponent)
    if number != number.to_integral_value():
        return None
    count = Count(value=int(number), unit=unit, qualifier=qualifier, scale=scale)
    return first, position + len(unit), count


def _share_at(text: str, start: int, end: int, digits: str) -> Share | None:
    if not text.startswith("%", end):
        return None
    lookback = text[max(0, start - _SHARE_LOOKBACK) : start]
    position = lookback.rfind("占")
    if position < 0 or any(ch in _SHARE_STOPS for ch in lookback[position:]):
        return None
    return Share(value=Decimal(digits))


def _blocked(text: str, start: int, digits: str) -> bool:
    """Whether the number at *start* is part of an identifier, an ordinal, a date or a grouped number."""
    if start:
        previous = text[start - 1]
        if previous in _BEFORE_BLOCKERS:
            return True
        if previous in ",，" and text[start - 2 : start - 1].isdigit():
            return True
    return len(digits) > 1 and digits[0] == "0" and digits[1] != "."


def _too_long(digits: str) -> bool:
    """Whether a number has more digits than a report's number may (it is kept as text, not read as a quantity).

    >>> _too_long("1" * 31), _too_long("12.5")
    (True, False)
    """
    whole, _, fraction = digits.partition(".")
    return len(whole.lstrip("0")) > MAX_INTEGER_DIGITS or len(fraction) > MAX_FRACTION_DIGITS


def scan(text: str) -> list[Found]:
    """Every quantity of *text* with its span, in order; compound figures (``189户247人``) merged."""
    found: list[Found] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if text[end : end + 1] in _NOT_QUANTITY:
            continue
        digits = match.group()
        if _blocked(text, start, digits) or (found and start < found[-1][1]) or _too_long(digits):
            continue
        share = _share_at(text, start, end, digits)
        if share is not None:
            if share.text == text[start : end + 1]:
                found.append((start, end + 1, share))
            continue
        if _rule_of_one(text, start, digits):
            continue
        read = _count_at(text, start, end, digits)
        if read is not None and read[2].text == text[read[0] : read[1]]:
            found.append(read)
    return _compounds(found)


def _joinable(quantity: InlineQuantity) -> Count | None:
    if isinstance(quantity, Count) and quantity.qualifier is Qualifier.EXACT and quantity.scale is Scale.NONE:
        return quantity if quantity.unit else None
    return None


def _compounds(found: list[Found]) -> list[Found]:
    """Adjacent exact counts of different units (``189户247人``) as one compound figure."""
    merged: list[Found] = []
    index = 0
    while index < len(found):
        start, end, quantity = found[index]
        parts = [quantity] if _joinable(quantity) else []
        stop = index + 1
        while parts and stop < len(found) and found[stop][0] == end:
            following = _joinable(found[stop][2])
            if following is None or any(following.unit == part.unit for part in parts):  # type: ignore[union-attr]
                break
            parts.append(following)
            end = found[stop][1]
            stop += 1
        if len(parts) >= 2:
            merged.append((start, end, Compound(parts=tuple(p for p in parts if isinstance(p, Count)))))
            index = stop
        else:
            merged.append(found[index])
            index += 1
    return merged


def build_content(text: str, found: list[Found], start: int = 0, end: int | None = None) -> tuple[Inline, ...]:
    """Inline content for ``text[start:end]``: the strings between the quantities, and the quantities.

    >>> [piece if isinstance(piece, str) else piece.value for piece in build_content("共15条。", scan("共15条。"))]
    ['共', 15, '。']
    """
    stop = len(text) if end is None else end
    pieces: list[Inline] = []
    position = start
    for first, last, quantity in found:
        if first < start or last > stop:
            continue
        if first > position:
            pieces.append(text[position:first])
        pieces.append(quantity)
        position = last
    if position < stop:
        pieces.append(text[position:stop])
    return tuple(pieces)
