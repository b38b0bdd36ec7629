"""Breakdown phrases: ``共N条，其中：A x条、B y条`` — a total and the parts that break it down.

The total is the count just before ``其中`` in the same sentence (or the single count of the sentence before
``。其中``); the parts are the counts of the same unit after it, up to the end of the sentence. Parts separated by
``；`` into groups of several parts are separate breakdowns of the same total (``主动公开15条，占100%；年度报告1条，
工作动态5条……``); a group of one part is a breakdown only when it carries its share of the total. One part alone
is a highlight (``其中业务动态类信息386条``), not a breakdown. ``（含A x件，B y件）`` after a count breaks that count
down. The parts overlap when the text counts the same item under several of them (``计1条``) or the parts are
channels (网站、微博、微信 …). Shares (``占x%``) name the count they follow and the total of its breakdown.

>>> from govdisclose.read._quantities import scan
>>> text = "共制作政府信息15条，其中：主动公开15条，占100%；年度报告1条，工作动态5条。"
>>> found = scan(text)
>>> [(b.total, b.parts) for b in find(text, found).breakdowns]
[(0, (1,)), (0, (3, 4))]
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from ..model import Count, Share
from ._quantities import Found

__all__ = ["Found", "Links", "RawBreakdown", "find"]

_SENTENCE_END: Final = "。！？!?"
_GROUP: Final = "；;"
_SEPARATORS: Final = "，,、；;：:（(）)。"
_WINDOW: Final = 400
_TOTAL_GAP: Final = 24
_LABEL: Final = 20
_CHANNELS: Final = re.compile(
    r"网站|网|微博|微信|公众号|客户端|公报|报纸|报刊|电视|广播|公开栏|新媒体|APP|短信|热线|政务号"
)
_COUNT_LIKE: Final = re.compile(r"\d+(?:\.\d+)? ?[余多]? ?(?:条|件|次|人|户|个|份|名|篇|期|场|家|项)")
_RULE_OF_ONE: Final = re.compile(r"(?<![共合总累统])计1(?:条|次|件|个)")
_LEADING: Final = ("其中", "共计", "合计", "累计", "总计", "共", "另有", "包括", "含")


@attrs.frozen
class RawBreakdown:
    """A breakdown by index into the found quantities."""

    total: int
    parts: tuple[int, ...]
    overlapping: bool = False
    channels: bool = False


@attrs.frozen
class Links:
    """What :func:`find` recognised: breakdowns, shares' part and whole, and labels of the quantities concerned."""

    breakdowns: tuple[RawBreakdown, ...] = ()
    shares: tuple[tuple[int, int | None, int | None], ...] = ()
    labels: tuple[tuple[int, str], ...] = ()
    uncertain: tuple[tuple[int, str], ...] = ()


def _label(text: str, end: int, floor: int) -> str | None:
    """The words before a quantity back to the previous separator: ``年度报告`` in ``，年度报告1条``."""
    start = end
    while start > floor and text[start - 1] not in _SEPARATORS and end - start < _LABEL:
        start -= 1
    if start > floor and text[start - 1] not in _SEPARATORS:
        return None
    words = text[start:end].strip()
    for lead in _LEADING:
        if words.startswith(lead):
            words = words[len(lead) :].lstrip("：:，, ")
            break
    words = words.removesuffix("共计").removesuffix("共")
    return words or None


def _part_label(text: str, start: int, end: int) -> str | None:
    """The words between the previous quantity (or 其中) and a part.

    ``安全生产、应急管理类信息`` in ``……1条；安全生产、应急管理类信息9条``.
    """
    words = text[start:end].strip(_SEPARATORS + " ")
    if words.startswith("占"):  # the rest of a share's clause
        return None
    if not words or len(words) > _LABEL:
        return _label(text, end, start)
    return words


def _sentence_start(text: str, position: int) -> int:
    floor = max(0, position - _WINDOW)
    return max(floor, *(text.rfind(ch, floor, position) + 1 for ch in _SENTENCE_END))


def _unit(quantity: object) -> str | None:
    return quantity.unit if isinstance(quantity, Count) else None


def find(text: str, found: list[Found]) -> Links:
    """Breakdowns, share links and labels among the quantities *found* in *text* (indices into *found*)."""
    breakdowns: list[RawBreakdown] = []
    shares: dict[int, tuple[int | None, int | None]] = {}
    labels: dict[int, str] = {}
    uncertain: list[tuple[int, str]] = []
    starts = [start for start, _, _ in found]
    # shares: the count before them
    for index, (start, _, quantity) in enumerate(found):
        if isinstance(quantity, Share) and index:
            previous_end = found[index - 1][1]
            gap = text[previous_end:start]
            if len(gap) <= 12 and "占" in gap and not any(ch in gap for ch in _SENTENCE_END + _GROUP):
                shares[index] = (index - 1, None)
    position = text.find("其中")
    while position >= 0:
        _breakdown_at(text, found, starts, position, breakdowns, shares, labels, uncertain)
        position = text.find("其中", position + 2)
    for index, (_, end, quantity) in enumerate(found):
        if isinstance(quantity, Count) and text.startswith(("（含", "(含"), end):
            _included(text, found, index, breakdowns, labels)
    return Links(
        breakdowns=tuple(breakdowns),
        shares=tuple((index, part, whole) for index, (part, whole) in sorted(shares.items())),
        labels=tuple(sorted(labels.items())),
        uncertain=tuple(uncertain),
    )


def _total_before(text: str, found: list[Found], starts: list[int], position: int) -> int | None:
    """The index of the total of the ``其中`` at *position*, or ``None``."""
    index = bisect.bisect_left(starts, position) - 1
    if index < 0 or not isinstance(found[index][2], Count):
        return None
    gap = text[found[index][1] : position]
    if len(gap) > _TOTAL_GAP or any(ch in gap for ch in _GROUP):
        return None
    stripped = gap.rstrip("，,：: ")
    if any(ch in stripped[:-1] for ch in _SENTENCE_END):
        return None
    return index


def _breakdown_at(
    text: str,
    found: list[Found],
    starts: list[int],
    position: int,
    breakdowns: list[RawBreakdown],
    shares: dict[int, tuple[int | None, int | None]],
    labels: dict[int, str],
    uncertain: list[tuple[int, str]],
) -> None:
    total = _total_before(text, found, starts, position)
    if total is None:
        return
    total_start, total_end, total_quantity = found[total]
    gap = text[total_end:position]
    if gap.strip() and gap.rstrip()[-1] in _SENTENCE_END:
        sentence = text[_sentence_start(text, total_start) : total_end]
        if len(_COUNT_LIKE.findall(sentence)) != 1:
            uncertain.append((total, "其中 after a sentence that lists several counts: no breakdown read"))
            return
    stop = min(len(text), position + _WINDOW)
    for end_char in _SENTENCE_END:
        found_end = text.find(end_char, position, stop)
        if found_end >= 0:
            stop = found_end
    nested = text.find("其中", position + 2, stop)
    if nested >= 0:
        stop = nested
    unit = _unit(total_quantity)
    groups: list[list[int]] = [[]]
    previous_end = position + 2
    for index in range(total + 1, len(found)):
        start, end, quantity = found[index]
        if start >= stop:
            break
        if any(ch in _GROUP for ch in text[previous_end:start]) and groups[-1]:
            groups.append([])
        if isinstance(quantity, Count) and quantity.unit == unit:
            groups[-1].append(index)
            previous_end = end
    parts = [index for group in groups for index in group]
    if not parts:
        return
    for part in parts:  # a share right after a part is its share of the total
        following = part + 1
        if following in shares and shares[following][0] == part:
            shares[following] = (part, total)
    names = {total: _label(text, found[total][0], 0)}
    for index in parts:
        names[index] = _part_label(text, found[index - 1][1] if index - 1 > total else position + 2, found[index][0])
    channels = sum(1 for index in parts if _CHANNELS.search(names[index] or "")) >= 2
    opening = _sentence_start(text, total_start)
    overlapping = channels or (
        text.find("计1", opening, stop) >= 0 and _RULE_OF_ONE.search(text, opening, stop) is not None
    )
    shared = {part for part in parts if shares.get(part + 1) == (part, total)}
    if all(len(group) == 1 for group in groups if group):
        chosen = [parts] if len(parts) >= 2 else []
    else:
        chosen = [group for group in groups if len(group) >= 2 or (len(group) == 1 and group[0] in shared)]
    for group in chosen:
        breakdowns.append(RawBreakdown(total, tuple(group), overlapping, channels))
        for index in (total, *group):
            label = names[index]
            if label is not None:
                labels.setdefault(index, label)


def _included(
    text: str, found: list[Found], total: int, breakdowns: list[RawBreakdown], labels: dict[int, str]
) -> None:
    """``规章18件（含新制定4件，修改14件）``: the counts inside the bracket break the count before it down."""
    _, end, quantity = found[total]
    limit = min(len(text), end + _WINDOW)
    close = min((i for i in (text.find("）", end, limit), text.find(")", end, limit)) if i >= 0), default=-1)
    if close < 0:
        return
    unit = _unit(quantity)
    parts = []
    for index in range(total + 1, len(found)):
        if found[index][1] > close:
            break
        if isinstance(found[index][2], Count) and _unit(found[index][2]) == unit:
            parts.append(index)
    if len(parts) >= 2:
        for index in parts:
            label = _label(text, found[index][0], end)
            if label is not None:
                labels.setdefault(index, label)
        breakdowns.append(RawBreakdown(total, tuple(parts)))
