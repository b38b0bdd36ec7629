"""The labels of the official tables, as comparison keys.

Which texts are table labels, and which row or column a label names (equal, truncated ``本年新``, or followed by
guidance text), with the local deviations tolerated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ...model import APPLICATIONS_2019, APPLICATIONS_2021, PROACTIVE_2019, PROACTIVE_2021, REVIEWS_LITIGATION, BlocksDef
from .._normalise import key

ITEM: Final = re.compile(r"第二十条第?\(?([一二三四五六七八九十]+)\)?项?")


def label_keys(labels: Iterable[str]) -> frozenset[str]:
    return frozenset(key(label) for label in labels)


def _proactive_columns(definition: BlocksDef) -> frozenset[str]:
    return label_keys(column.label for block in definition.blocks for column in block.columns)


_PRO_2021: Final = _proactive_columns(PROACTIVE_2021)
_PRO_2019: Final = _proactive_columns(PROACTIVE_2019)
ONLY_2021: Final = _PRO_2021 - _PRO_2019
ONLY_2019: Final = _PRO_2019 - _PRO_2021
HEADING: Final = key("信息内容")

APP_COLUMNS: Final = {key(column.label): column.id for column in APPLICATIONS_2021.columns}
APP_COLUMN_DEVIATIONS: Final = {key("科研企业"): "research"}
_APP_HEADERS: Final = label_keys(("申请人情况", "法人或其他组织", APPLICATIONS_2021.corner or ""))
APP_GROUPS: Final = {
    key(label): label for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows) for label in row.path
}
_REVIEW_LABELS: Final = label_keys(
    (*(c.label for c in REVIEWS_LITIGATION.columns), *(p for c in REVIEWS_LITIGATION.columns for p in c.path))
)
APPLICATION_LABELS: Final = {row.id: row.label for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows)}
ROW_DEVIATIONS: Final = {key("规范性文件"): "normative-documents", key("行政规范性文件"): "normative-documents"}

ROW_LABELS: Final = {
    **{key(row.label): row.id for row in (*PROACTIVE_2021.rows, *PROACTIVE_2019.rows)},
    **{key(row.label): row.id for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows)},
    **ROW_DEVIATIONS,
}
"""The labels of the rows of tables 二 and 三 (a row's own cell), with the row ids they name."""

ALL_LABELS: Final = frozenset(
    {
        HEADING,
        *_PRO_2021,
        *_PRO_2019,
        *(key(block.header) for block in (*PROACTIVE_2021.blocks, *PROACTIVE_2019.blocks)),
        *(key(row.label) for row in (*PROACTIVE_2021.rows, *PROACTIVE_2019.rows)),
        *APP_COLUMNS,
        *APP_COLUMN_DEVIATIONS,
        *_APP_HEADERS,
        *APP_GROUPS,
        *(key(row.label) for row in (*APPLICATIONS_2021.rows, *APPLICATIONS_2019.rows)),
        *_REVIEW_LABELS,
        *ROW_DEVIATIONS,
    }
)
_SORTED_LABELS: Final = tuple(sorted(ALL_LABELS))


def known(label_key: str) -> bool:
    """Whether *label_key* is a table label, possibly truncated (a prefix of one) or with guidance text after one."""
    if not label_key:
        return False
    if label_key in ALL_LABELS or ITEM.match(label_key):
        return True
    if len(label_key) >= 2 and has_prefix(label_key):
        return True
    return any(len(label) >= 4 and label_key.startswith(label) for label in _SORTED_LABELS)


def has_prefix(prefix: str) -> bool:
    """Whether some label starts with *prefix* (binary search over the sorted labels)."""
    low, high = 0, len(_SORTED_LABELS)
    while low < high:
        middle = (low + high) // 2
        if _SORTED_LABELS[middle] < prefix:
            low = middle + 1
        else:
            high = middle
    return low < len(_SORTED_LABELS) and _SORTED_LABELS[low].startswith(prefix)


def fits(label_key: str, candidates: Iterable[str]) -> bool:
    """Whether *label_key* is one of *candidates*, truncated, or followed by guidance text."""
    return any(
        label_key == c or (len(label_key) >= 2 and c.startswith(label_key)) or (len(c) >= 4 and label_key.startswith(c))
        for c in candidates
    )


def match_label(label_key: str, candidates: dict[str, str]) -> str | None:
    """The id of the candidate label *label_key* is: equal, truncated (a prefix), or followed by guidance text."""
    if label_key in candidates:
        return candidates[label_key]
    if len(label_key) >= 2:
        ids = {value for candidate, value in candidates.items() if candidate.startswith(label_key)}
        if len(ids) == 1:
            return ids.pop()
    longer = [candidate for candidate in candidates if len(candidate) >= 4 and label_key.startswith(candidate)]
    if longer:
        return candidates[max(longer, key=len)]
    return None


_ORDINAL: Final = re.compile(r"\A(\d{1,2})[.、]")
_MISPRINT_SHARE: Final = 0.6
"""The least share of an official label's characters a misprinted label keeps (in order) to be read as it."""


def _in_order(short: str, long: str) -> bool:
    """Whether the characters of *short* occur in *long* in the same order."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def match_misprint(label_key: str, candidates: dict[str, str]) -> str | None:
    """The id of the one candidate a misprinted numbered label stands for, or ``None``.

    The label must have the candidate's number (``2.``), no other candidate of its group may have it, and its
    characters must be the candidate's in order, missing at most two in five (``2.其他法律行政止公开`` for
    ``2.其他法律行政法规禁止公开``). The caller reports the reading as uncertain.

    >>> match_misprint("2.其他法律行政止公开", {"1.属于国家秘密": "a", "2.其他法律行政法规禁止公开": "b"})
    'b'
    >>> match_misprint("2.完全不同的文字", {"2.其他法律行政法规禁止公开": "b"}) is None
    True
    """
    number = _ORDINAL.match(label_key)
    if number is None:
        return None
    same = [(c, m) for c in candidates if (m := _ORDINAL.match(c)) is not None and m.group(1) == number.group(1)]
    if len(same) != 1:
        return None
    candidate, its_number = same[0]
    printed, official = label_key[number.end() :], candidate[its_number.end() :]
    if len(printed) >= _MISPRINT_SHARE * len(official) and _in_order(printed, official):
        return candidates[candidate]
    return None
