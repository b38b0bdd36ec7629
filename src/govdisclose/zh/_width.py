"""Display width: how many columns a text takes in a monospaced terminal, where a Chinese character takes two."""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["display_width"]


def display_width(text: str) -> int:
    """The width of *text* in a monospaced terminal set for Chinese: wide, full-width and ambiguous characters count 2.

    Ambiguous characters (East Asian Width ``A``: the quotation marks ``“”‘’``, ``…``, ``—``, ``×``, ``①`` …) are wide
    in Chinese fonts and terminals, and in the GBK text that plain-text reports come from; combining marks and
    zero-width characters take no column.

    >>> display_width("表ab"), display_width("（一）"), display_width("危及“三安全一稳定”")
    (4, 6, 20)
    """
    if text.isascii():
        return len(text)
    return _wide_width(text)


@functools.lru_cache(maxsize=8192)
def _wide_width(text: str) -> int:
    # Tables repeat their labels and cells in every report, so the widths of texts seen before are remembered.
    return sum(_character_width(ch) for ch in text)


def _character_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1
