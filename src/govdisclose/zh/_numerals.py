"""Chinese numerals as written in reports: 二十三, 一百零五, 十亿零一, and the digit-by-digit year form 二〇一八.

Babel has no Chinese numeral spell-out, so this module writes them itself. Only non-negative integers below
10**16 (一亿亿) are supported: that covers every count and amount found in a report, with the 万/亿 grouping used in
mainland Chinese (一万亿 = 10**12, 一万零一亿 = 10001 * 10**8).
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = [
    "MAX_NUMERAL",
    "digits_to_chinese",
    "from_chinese_numeral",
    "normalize_digits",
    "to_chinese_numeral",
]

MAX_NUMERAL: Final = 10**16 - 1
"""The largest integer :func:`to_chinese_numeral` spells, 10**16 - 1 (九千九百九十九万……九千九百九十九)."""

_DIGITS: Final = "零一二三四五六七八九"
_ZERO_CHARS: Final = ("零", "〇", "○")
_SMALL_UNITS: Final = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
_BIG_UNITS: Final = ((10**8, "亿"), (10**4, "万"))

_DIGIT_VALUES: Final = {"零": 0, "〇": 0, "○": 0, **{ch: i for i, ch in enumerate(_DIGITS) if i}, "两": 2}
_SMALL_UNIT_VALUES: Final = {"十": 10, "百": 100, "千": 1000}
_NUMERAL_CHARS: Final = frozenset(_DIGIT_VALUES) | frozenset(_SMALL_UNIT_VALUES) | {"万", "亿"}
_CANON_TABLE: Final = str.maketrans({"〇": "零", "○": "零", "两": "二"})

_FULLWIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")
_ASCII_DIGITS: Final = frozenset("0123456789")


def check_int(n: object, *, name: str = "n", minimum: int = 0) -> int:
    """Return ``n`` if it is an ``int`` (not ``bool``) of at least *minimum*, else raise TypeError or ValueError."""
    if isinstance(n, bool) or not isinstance(n, int):
        msg = f"{name!r} must be an int, got {type(n).__name__} {n!r}"
        raise TypeError(msg)
    if n < minimum:
        msg = f"{name!r} must be >= {minimum} (got {n})"
        raise ValueError(msg)
    return n


def _check_zero(zero: str) -> str:
    """Return ``zero`` if it is one of the accepted zero characters, else raise ``ValueError``."""
    if zero not in _ZERO_CHARS:
        msg = f"unknown zero character {zero!r}; expected one of {', '.join(map(repr, _ZERO_CHARS))}"
        raise ValueError(msg)
    return zero


def _spell_section(n: int) -> str:
    """Spell ``0 < n < 10000`` with 千/百/十, a single 零 for each run of inner zeros and 一十 kept."""
    parts: list[str] = []
    pending_zero = False
    for value, unit in _SMALL_UNITS:
        digit, n = divmod(n, value)
        if digit:
            if pending_zero:
                parts.append("零")
                pending_zero = False
            parts.append(_DIGITS[digit] + unit)
        elif parts:
            pending_zero = True
    return "".join(parts)


def _spell(n: int) -> str:
    """Spell ``0 < n < 10**16`` with 万/亿 groups; a leading 一十 is kept (the caller shortens it)."""
    for size, unit in _BIG_UNITS:
        if n >= size:
            high, low = divmod(n, size)
            text = _spell(high) + unit
            if low:
                if low < size // 10:
                    text += "零"
                text += _spell(low)
            return text
    return _spell_section(n)


def to_chinese_numeral(n: int, *, style: Literal["lower"] = "lower", zero: str = "零") -> str:
    """Spell a non-negative integer in simplified Chinese numerals, as written in reports.

    A number that starts with 一十 is written 十 (``10`` → 十, ``15`` → 十五, ``100000`` → 十万), but 一十 is kept
    inside a number (``110`` → 一百一十, ``100010`` → 十万零一十). Each run of zeros inside the number is written
    as one 零, including across 万 and 亿 groups (``100010000`` → 一亿零一万).

    Args:
        n: The number, ``0 <= n <= MAX_NUMERAL`` (``10**16 - 1``).
        style: ``"lower"``, the ordinary numerals (一二三); the only style so far.
        zero: The character written for zero: ``"零"`` (default), ``"〇"`` or ``"○"``.

    Returns:
        The numeral, e.g. ``"二十三"``.

    Raises:
        TypeError: If ``n`` is not an ``int`` (``bool`` is refused too).
        ValueError: If ``n`` is negative or too large, or ``style`` or ``zero`` is unknown.

    Examples:
        >>> to_chinese_numeral(23)
        '二十三'
        >>> to_chinese_numeral(105)
        '一百零五'
        >>> to_chinese_numeral(100010000)
        '一亿零一万'
        >>> to_chinese_numeral(1000000001)
        '十亿零一'
    """
    check_int(n)
    if style != "lower":
        msg = f"unknown numeral style {style!r}; known styles: 'lower'"
        raise ValueError(msg)
    _check_zero(zero)
    if n > MAX_NUMERAL:
        msg = f"{n} is too large for a Chinese numeral (must be <= {MAX_NUMERAL})"
        raise ValueError(msg)
    if n == 0:
        return zero
    text = _spell(n)
    if text.startswith("一十"):
        text = text[1:]
    return text.replace("零", zero)


def _canon(text: str) -> str:
    """Map the accepted variants of a numeral onto one form: 〇/○ → 零, 两 → 二, 一十 → 十."""
    return text.translate(_CANON_TABLE).replace("一十", "十")


def from_chinese_numeral(text: str) -> int:
    """Read a simplified Chinese numeral back into an ``int``; the inverse of :func:`to_chinese_numeral`.

    Accepts 零, 〇 and ○ for zero, 两 for 2 before a unit (两百, 两千, 两万, 两亿), and 一十 or 十 for ten anywhere
    (十五, 一十五, 一百十, 一千零十). Anything else must be spelled as :func:`to_chinese_numeral` spells it; colloquial
    abbreviations such as 一百五 (150) are refused rather than guessed. Surrounding whitespace is not stripped.

    Args:
        text: The numeral, e.g. ``"一百零五"``.

    Returns:
        The number.

    Raises:
        TypeError: If ``text`` is not a ``str``.
        ValueError: If ``text`` is not a well-formed numeral below 10**16; the message quotes ``text``.

    Examples:
        >>> from_chinese_numeral("一百零五")
        105
        >>> from_chinese_numeral("两千〇一十")
        2010
        >>> from_chinese_numeral("一百五")
        Traceback (most recent call last):
        ...
        ValueError: invalid Chinese numeral '一百五'
    """
    if not isinstance(text, str):
        msg = f"'text' must be a str, got {type(text).__name__} {text!r}"
        raise TypeError(msg)
    if not text or not _NUMERAL_CHARS.issuperset(text):
        msg = f"invalid Chinese numeral {text!r}"
        raise ValueError(msg)
    committed = 0  # the 亿 part, already multiplied out
    wan = 0  # the 万 part below 亿, already multiplied out
    section = 0  # the part below 万
    digit = 0  # the digit waiting for its unit
    for index, ch in enumerate(text):
        if ch in _DIGIT_VALUES:
            if ch == "两" and text[index + 1 : index + 2] not in ("百", "千", "万", "亿"):
                msg = f"invalid Chinese numeral {text!r}"
                raise ValueError(msg)
            digit = _DIGIT_VALUES[ch]
        elif ch in _SMALL_UNIT_VALUES:
            section += (digit or 1) * _SMALL_UNIT_VALUES[ch]
            digit = 0
        elif ch == "万":
            wan = (section + digit) * 10**4
            section = digit = 0
        else:  # 亿
            committed = (committed + wan + section + digit) * 10**8
            wan = section = digit = 0
    value = committed + wan + section + digit
    if value > MAX_NUMERAL or _canon(text) != _canon(to_chinese_numeral(value)):
        msg = f"invalid Chinese numeral {text!r}"
        raise ValueError(msg)
    return value


def normalize_digits(text: str) -> str:
    """Replace full-width digits ``０``–``９`` with ASCII ``0``–``9``; everything else is left alone.

    Args:
        text: Any text.

    Returns:
        The text with ASCII digits.

    Examples:
        >>> normalize_digits("２０２０年共受理１２件")
        '2020年共受理12件'
    """
    return text.translate(_FULLWIDTH_DIGITS)


def digits_to_chinese(value: int | str, *, zero: str = "〇") -> str:
    """Write a number digit by digit in Chinese numerals, the form used for years (2018 → 二〇一八).

    Args:
        value: A non-negative ``int``, or a string of ASCII or full-width digits (leading zeros are kept).
        zero: The character written for zero: ``"〇"`` (default), ``"○"`` or ``"零"``.

    Returns:
        One Chinese numeral per digit.

    Raises:
        TypeError: If ``value`` is neither ``int`` nor ``str`` (``bool`` is refused).
        ValueError: If ``value`` is negative, is not all digits, or ``zero`` is unknown.

    Examples:
        >>> digits_to_chinese(2018)
        '二〇一八'
        >>> digits_to_chinese("２０１０", zero="○")
        '二○一○'
    """
    _check_zero(zero)
    if isinstance(value, str):
        digits = normalize_digits(value)
        if not digits or not _ASCII_DIGITS.issuperset(digits):
            msg = f"expected a string of digits, got {value!r}"
            raise ValueError(msg)
    else:
        digits = str(check_int(value, name="value"))
    return "".join(zero if ch == "0" else _DIGITS[int(ch)] for ch in digits)


def _chinese_digits_to_str(text: str) -> str:
    """Read a digit-by-digit Chinese numeral (二〇一八) into ASCII digits ("2018"); raise ``ValueError`` otherwise."""
    out: list[str] = []
    for ch in text:
        value = _DIGIT_VALUES.get(ch)
        if value is None or ch == "两":
            msg = f"invalid digit-by-digit Chinese numeral {text!r}"
            raise ValueError(msg)
        out.append(str(value))
    if not out:
        msg = f"invalid digit-by-digit Chinese numeral {text!r}"
        raise ValueError(msg)
    return "".join(out)
