"""Addressing the cells of an official table by their official labels, their ids, or a path of group labels.

A developer filling a report knows the labels printed on the form, not the ids of the definition. A *row key* or
*column key* is any of:

- the id of the definition (``result.disclosed``, ``natural-person``);
- the official label, exactly (``（一）予以公开``) or after folding width and punctuation (``(一)予以公开``);
- the label without its ordinal or without a bracketed note, or both (``予以公开``, ``（二）部分公开``, ``部分公开``),
  when that is unique;
- a tuple of labels read from the outside in (``("（三）不予公开", "属于国家秘密")``, ``("未经复议直接起诉",
  "总计")``): each label matches one level of the group path, in order, ending with the row's or column's own label.

A key that matches nothing, or more than one row or column, raises :class:`UnknownLabelError`, which lists the nearest
valid labels and ids.

>>> from govdisclose.model import APPLICATIONS_2021
>>> find_row(APPLICATIONS_2021.rows, "予以公开").id
'result.disclosed'
>>> find_row(APPLICATIONS_2021.rows, ("不予公开", "属于国家秘密")).id
'result.refused.state-secret'
>>> find_column(APPLICATIONS_2021.columns, "商业企业").id
'commercial'
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Final, Protocol, TypeVar

from .._errors import GovDiscloseError

__all__ = ["CellKey", "Key", "UnknownLabelError", "find_column", "find_row", "fold_label"]

Key = str | tuple[str, ...]
"""A row or column key: an id, a label, or a path of labels from the outside in."""

CellKey = tuple[Key, Key]
"""A cell's key: ``(row key, column key)``."""

_PUNCTUATION: Final = frozenset("PSZ")  # Unicode categories folded away: punctuation, symbols, separators
_ORDINAL: Final = re.compile(r"^(?:[(（]?[一二三四五六七八九十]+[)）、.．]?|[(（]?\d+[)）、.．]?)")
_NOTE: Final = re.compile(r"[(（][^()（）]*[)）]$")
_NEAREST: Final = 6


class UnknownLabelError(GovDiscloseError, KeyError):
    """A row or column key matches no row or column of a table, or more than one.

    Attributes:
        key: The key as given.
        table: The id of the table definition.
        axis: ``"row"`` or ``"column"``.
        candidates: The nearest valid labels and ids, best first (or the ambiguous matches).
    """

    def __init__(self, message: str, *, key: Key, table: str, axis: str, candidates: Sequence[str]) -> None:
        super().__init__(message)
        self.key = key
        self.table = table
        self.axis = axis
        self.candidates = tuple(candidates)

    def __str__(self) -> str:
        # KeyError's own __str__ quotes its argument; the message is meant to be read as it is.
        return str(self.args[0])


class _Labelled(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def path(self) -> tuple[str, ...]: ...


_L = TypeVar("_L", bound=_Labelled)


@functools.lru_cache(maxsize=2048)
def fold_label(text: str) -> str:
    r"""A label folded for lookup: width folded (NFKC), punctuation, symbols and spaces removed.

    >>> fold_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    '二部分公开区分处理的只计这一情形不计其他情形'
    >>> fold_label("3.危及“三安全一稳定”") == fold_label("3、危及\"三安全一稳定\"")
    True
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in _PUNCTUATION)


@functools.lru_cache(maxsize=2048)
def _forms(label: str) -> frozenset[str]:
    """The folded forms a label answers to: whole, without its ordinal, and without a trailing note too."""
    text = unicodedata.normalize("NFKC", label).strip()
    bare = _ORDINAL.sub("", text, count=1)
    forms = {fold_label(text), fold_label(bare), fold_label(_NOTE.sub("", text)), fold_label(_NOTE.sub("", bare))}
    forms.discard("")
    return frozenset(forms)


def _answers(label: str, key: str) -> bool:
    return key == label or fold_label(key) in _forms(label)


def _matches(item: _Labelled, key: Key) -> bool:
    if isinstance(key, str):
        return key == item.id or _answers(item.label, key)
    levels = (*item.path, item.label)
    if not key or len(key) > len(levels):
        return False
    # The labels of the key match levels of the path in order, the last one the item's own label.
    if not _answers(levels[-1], key[-1]):
        return False
    position = 0
    for part in key[:-1]:
        while position < len(levels) - 1 and not _answers(levels[position], part):
            position += 1
        if position >= len(levels) - 1:
            return False
        position += 1
    return True


def _describe(item: _Labelled) -> str:
    label = " / ".join((*item.path, item.label)) if item.label else " / ".join(item.path)
    return f"{label} ({item.id})" if label else item.id


def _find(items: Sequence[_L], key: Key, *, table: str, axis: str) -> _L:
    if not isinstance(key, (str, tuple)) or (isinstance(key, tuple) and not all(isinstance(k, str) for k in key)):
        raise UnknownLabelError(
            f"a {axis} key is an id, a label or a tuple of labels (got {type(key).__name__} {key!r}) in {table}",
            key=key,
            table=table,
            axis=axis,
            candidates=(),
        )
    by_id = [item for item in items if item.id == key]
    found = by_id or [item for item in items if _matches(item, key)]
    if len(found) == 1:
        return found[0]
    if found:
        names = [_describe(item) for item in found]
        raise UnknownLabelError(
            f"{axis} {key!r} is ambiguous in {table}: it matches {'; '.join(names)} — give the group too, "
            f"as a tuple of labels, or the id",
            key=key,
            table=table,
            axis=axis,
            candidates=names,
        )
    wanted = fold_label(key if isinstance(key, str) else "".join(key))
    scored = sorted(
        items,
        key=lambda item: (
            -max(
                difflib.SequenceMatcher(None, wanted, form).ratio()
                for form in (*_forms(item.label or item.id), item.id)
            )
        ),
    )
    names = [_describe(item) for item in scored[:_NEAREST]]
    raise UnknownLabelError(
        f"no {axis} {key!r} in {table}; nearest: {'; '.join(names)}",
        key=key,
        table=table,
        axis=axis,
        candidates=names,
    )


def find_row(rows: Sequence[_L], key: Key, *, table: str = "the table") -> _L:
    """The one row that *key* names.

    Raises:
        UnknownLabelError: No row, or several, match; the message lists the nearest labels and ids.

    >>> from govdisclose.model import PROACTIVE_2021
    >>> find_row(PROACTIVE_2021.rows, "规范性文件", table="proactive-2021")
    Traceback (most recent call last):
    ...
    govdisclose.model._cells.UnknownLabelError: no row '规范性文件' in proactive-2021; nearest: 行政规范性文件 ...
    """
    return _find(rows, key, table=table, axis="row")


def find_column(columns: Sequence[_L], key: Key, *, table: str = "the table") -> _L:
    """The one column that *key* names.

    Raises:
        UnknownLabelError: No column, or several, match; the message lists them.

    >>> from govdisclose.model import REVIEWS_LITIGATION
    >>> find_column(REVIEWS_LITIGATION.columns, ("行政复议", "结果维持")).id
    'review.upheld'
    >>> find_column(REVIEWS_LITIGATION.columns, "总计")
    Traceback (most recent call last):
    ...
    govdisclose.model._cells.UnknownLabelError: column '总计' is ambiguous in the table: it matches ...
    """
    return _find(columns, key, table=table, axis="column")
