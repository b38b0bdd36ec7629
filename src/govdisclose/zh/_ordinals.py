"""Heading ordinals: GB/T 9704-2012 levels (一、 → （一） → 1. → （1）) and the variants found in real reports.

GB/T 9704 fixes four heading levels; reports also use ``(一)``, ``1、``, ``1．``, ``(1)`` and the in-paragraph
enumeration ``一是……二是……``. A model keeps the style the author chose, so each variant is its own
:class:`OrdinalStyle`.
"""

from __future__ import annotations

import enum
import re
from typing import Final

from ._numerals import check_int, from_chinese_numeral, normalize_digits, to_chinese_numeral

__all__ = ["OrdinalStyle", "default_ordinal_style", "format_ordinal", "parse_ordinal"]


class OrdinalStyle(str, enum.Enum):
    """How a heading or an enumerated item is numbered; each value is the style's first ordinal.

    The values are stable strings, safe to store in JSON. ``str(style)`` is the value.

    Examples:
        >>> OrdinalStyle("（一）") is OrdinalStyle.CN_PAREN
        True
        >>> str(OrdinalStyle.ARABIC_DOT)
        '1.'
    """

    CN_COMMA = "一、"
    """GB/T 9704 level 1: Chinese numeral and 、."""
    CN_PAREN = "（一）"
    """GB/T 9704 level 2: Chinese numeral in full-width parentheses (U+FF08, U+FF09)."""
    CN_PAREN_ASCII = "(一)"
    """Chinese numeral in ASCII parentheses, a common level-2 variant."""
    ARABIC_DOT = "1."
    """GB/T 9704 level 3: Arabic numeral and ASCII full stop, no space."""
    ARABIC_COMMA = "1、"
    """Arabic numeral and 、, a common level-3 variant."""
    ARABIC_FULLSTOP = "1．"
    """Arabic numeral and full-width full stop (U+FF0E)."""
    ARABIC_PAREN = "（1）"
    """GB/T 9704 level 4: Arabic numeral in full-width parentheses."""
    ARABIC_PAREN_ASCII = "(1)"
    """Arabic numeral in ASCII parentheses."""
    CN_SHI = "一是"
    """In-paragraph enumeration: 一是……二是……."""
    NONE = ""
    """No ordinal."""

    def __str__(self) -> str:
        return self.value


_DEFAULT_STYLES: Final = (
    OrdinalStyle.CN_COMMA,
    OrdinalStyle.CN_PAREN,
    OrdinalStyle.ARABIC_DOT,
    OrdinalStyle.ARABIC_PAREN,
)

# Each style as (prefix, suffix, numeral kind) around the number.
_PARTS: Final[dict[OrdinalStyle, tuple[str, str, bool]]] = {
    OrdinalStyle.CN_COMMA: ("", "、", True),
    OrdinalStyle.CN_PAREN: ("（", "）", True),
    OrdinalStyle.CN_PAREN_ASCII: ("(", ")", True),
    OrdinalStyle.ARABIC_DOT: ("", ".", False),
    OrdinalStyle.ARABIC_COMMA: ("", "、", False),
    OrdinalStyle.ARABIC_FULLSTOP: ("", "．", False),
    OrdinalStyle.ARABIC_PAREN: ("（", "）", False),
    OrdinalStyle.ARABIC_PAREN_ASCII: ("(", ")", False),
    OrdinalStyle.CN_SHI: ("", "是", True),
}

# Bounded quantifiers only, so matching is linear in the length of the line (in fact constant: only a short
# prefix is ever examined). Arabic ordinals have 1-3 digits without a leading zero, so that years
# (2017、2018年) are not taken for ordinals; Chinese ordinals are at most 6 characters (九百九十九).
_ARABIC: Final = r"[1-9１-９][0-9０-９]{0,2}"
_CHINESE: Final = r"[〇○零一二两三四五六七八九十百千]{1,6}"
_SPACE: Final = r"[ \t\u3000]*"
_PAREN_RE: Final = re.compile(rf"([（(]){_SPACE}(?:(?P<arabic>{_ARABIC})|(?P<chinese>{_CHINESE})){_SPACE}[）)]{_SPACE}")
_ARABIC_RE: Final = re.compile(rf"(?P<arabic>{_ARABIC})(?P<sep>[.．、])(?![0-9０-９]){_SPACE}")
_CHINESE_RE: Final = re.compile(rf"(?P<chinese>{_CHINESE})(?P<sep>[、是]){_SPACE}")
_ARABIC_SEPARATORS: Final = {
    ".": OrdinalStyle.ARABIC_DOT,
    "．": OrdinalStyle.ARABIC_FULLSTOP,
    "、": OrdinalStyle.ARABIC_COMMA,
}


def _coerce_style(style: OrdinalStyle | str) -> OrdinalStyle:
    """Return ``style`` as an :class:`OrdinalStyle`, accepting its value; raise ``ValueError`` if unknown."""
    try:
        return OrdinalStyle(style)
    except ValueError:
        known = ", ".join(repr(member.value) for member in OrdinalStyle)
        msg = f"unknown ordinal style {style!r}; known styles: {known}"
        raise ValueError(msg) from None


def format_ordinal(number: int, style: OrdinalStyle | str) -> str:
    """Write the ``number``-th ordinal (1-based) in ``style``.

    Args:
        number: The position, starting at 1.
        style: An :class:`OrdinalStyle` or its value, e.g. ``"（一）"``.

    Returns:
        The ordinal, e.g. ``"（三）"``; ``""`` for :attr:`OrdinalStyle.NONE`.

    Raises:
        TypeError: If ``number`` is not an ``int`` (``bool`` is refused).
        ValueError: If ``number`` is less than 1 or ``style`` is unknown.

    Examples:
        >>> format_ordinal(3, "（一）")
        '（三）'
        >>> format_ordinal(12, OrdinalStyle.CN_COMMA)
        '十二、'
        >>> format_ordinal(2, "一是")
        '二是'
        >>> format_ordinal(2, "1.")
        '2.'
    """
    check_int(number, name="number", minimum=1)
    resolved = _coerce_style(style)
    if resolved is OrdinalStyle.NONE:
        return ""
    prefix, suffix, chinese = _PARTS[resolved]
    numeral = to_chinese_numeral(number) if chinese else str(number)
    return f"{prefix}{numeral}{suffix}"


def default_ordinal_style(level: int) -> OrdinalStyle:
    """The GB/T 9704 ordinal style of a heading level: 1 → 一、, 2 → （一）, 3 → 1., 4 → （1）.

    GB/T 9704 defines four levels only; deeper levels (5 and more) keep :attr:`OrdinalStyle.ARABIC_PAREN`.

    Args:
        level: The heading level, starting at 1.

    Returns:
        The default style of that level.

    Raises:
        TypeError: If ``level`` is not an ``int`` (``bool`` is refused).
        ValueError: If ``level`` is less than 1.

    Examples:
        >>> default_ordinal_style(2)
        <OrdinalStyle.CN_PAREN: '（一）'>
        >>> default_ordinal_style(5)
        <OrdinalStyle.ARABIC_PAREN: '（1）'>
    """
    check_int(level, name="level", minimum=1)
    return _DEFAULT_STYLES[min(level, len(_DEFAULT_STYLES)) - 1]


def parse_ordinal(text: str) -> tuple[OrdinalStyle, int, str] | None:
    """Recognise the ordinal at the start of a line.

    Leading whitespace (including the ideographic space U+3000 that indents paragraphs) is skipped, and so is
    whitespace after the ordinal. Full-width and ASCII brackets are accepted, mixed too (the opening bracket
    decides between :attr:`~OrdinalStyle.CN_PAREN` and :attr:`~OrdinalStyle.CN_PAREN_ASCII`); so are full-width
    digits. Arabic ordinals have one to three digits and no leading zero, and a full stop must not be followed by a
    digit, so ``2017年``, ``2017、2018年`` and ``1.5万元`` are not ordinals; nor is ``十九大`` (no 、 or 是).

    Args:
        text: A line of text.

    Returns:
        ``(style, number, rest)`` with the rest of the line after the ordinal, or ``None`` when the line does not
        start with an ordinal.

    Examples:
        >>> parse_ordinal("（三）以政务公开助力调结构")
        (<OrdinalStyle.CN_PAREN: '（一）'>, 3, '以政务公开助力调结构')
        >>> parse_ordinal("12. 加强组织领导")
        (<OrdinalStyle.ARABIC_DOT: '1.'>, 12, '加强组织领导')
        >>> parse_ordinal("1.5万元") is None
        True
    """
    line = text.lstrip()
    match = _PAREN_RE.match(line)
    if match:
        ascii_paren = match.group(1) == "("
        if match.group("arabic"):
            style = OrdinalStyle.ARABIC_PAREN_ASCII if ascii_paren else OrdinalStyle.ARABIC_PAREN
        else:
            style = OrdinalStyle.CN_PAREN_ASCII if ascii_paren else OrdinalStyle.CN_PAREN
    elif match := _ARABIC_RE.match(line):
        style = _ARABIC_SEPARATORS[match.group("sep")]
    elif match := _CHINESE_RE.match(line):
        style = OrdinalStyle.CN_COMMA if match.group("sep") == "、" else OrdinalStyle.CN_SHI
    else:
        return None
    arabic = match.groupdict().get("arabic")
    if arabic:
        number = int(normalize_digits(arabic))
    else:
        try:
            number = from_chinese_numeral(match.group("chinese"))
        except ValueError:
            return None
        if number < 1:
            return None
    return style, number, line[match.end() :]
