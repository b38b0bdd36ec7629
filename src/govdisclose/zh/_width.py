"""Display width: how many columns a text takes in a monospaced terminal, where a Chinese character takes two."""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["display_width"]


def display_width(text: str) -> int:
    """The width of *text* in a monospaced terminal: wide and full-width characters count 2.

    >>> display_width("表ab"), display_width("（一）")
    (4, 6)
    """
    if text.isascii():
        return len(text)
    return _wide_width(text)


@functools.lru_cache(maxsize=8192)
def _wide_width(text: str) -> int:
    # Tables repeat their labels and cells in every report, so the widths of texts seen before are remembered.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
