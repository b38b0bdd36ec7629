"""Dates as written in reports: GB/T 9704 ``2018年1月30日``, the older ``二〇一八年一月三十日`` and ISO ``2018-01-30``.

The locale is always explicit (default ``zh_CN``) and never read from the environment, so a report renders the same
everywhere.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import TYPE_CHECKING, Final, Literal

from ._numerals import (
    _chinese_digits_to_str,
    digits_to_chinese,
    from_chinese_numeral,
    normalize_digits,
    to_chinese_numeral,
)

if TYPE_CHECKING:
    import babel

__all__ = ["format_date", "parse_date"]

# babel is imported on the first date written in the official style, not with the package: ``import govdisclose``
# stays quick and loads no locale data until something is rendered.

_OFFICIAL_PATTERN: Final = "y年M月d日"
_STYLES: Final = ("official", "chinese", "iso")

_NUMERIC_RE: Final = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
_OFFICIAL_RE: Final = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")
_CHINESE_RE: Final = re.compile(
    r"([〇○零一二三四五六七八九]{4})年([〇○零一二三四五六七八九十]{1,3})月([〇○零一二三四五六七八九十]{1,3})日"
)


def format_date(
    d: datetime.date,
    *,
    style: Literal["official", "chinese", "iso"] = "official",
    locale: babel.Locale | str = "zh_CN",
) -> str:
    """Write a date the way a report does.

    Styles:

    - ``"official"``: GB/T 9704, Arabic numerals, year in full, no zero padding: ``2018年1月30日``
      (formatted by babel with the explicit pattern ``y年M月d日``).
    - ``"chinese"``: the older form, year digit by digit with 〇, month and day as numerals: ``二〇一八年一月三十日``.
    - ``"iso"``: ``2018-01-30``.

    A :class:`datetime.datetime` is accepted; only its date is written.

    Args:
        d: The date.
        style: One of ``"official"``, ``"chinese"`` and ``"iso"``.
        locale: A :class:`babel.Locale` or a locale identifier such as ``"zh_CN"``; used by the ``"official"`` style.

    Returns:
        The date as text.

    Raises:
        TypeError: If ``d`` is not a :class:`datetime.date`.
        ValueError: If ``style`` or ``locale`` is unknown.

    Examples:
        >>> import datetime
        >>> format_date(datetime.date(2018, 1, 30))
        '2018年1月30日'
        >>> format_date(datetime.date(2010, 1, 19), style="chinese")
        '二〇一〇年一月十九日'
        >>> format_date(datetime.date(2018, 1, 30), style="iso")
        '2018-01-30'
    """
    if not isinstance(d, datetime.date):
        msg = f"'d' must be a datetime.date, got {type(d).__name__} {d!r}"
        raise TypeError(msg)
    parsed_locale = _parse_locale(locale)
    if style == "official":
        import babel.dates

        return babel.dates.format_date(d, _OFFICIAL_PATTERN, locale=parsed_locale)
    if style == "chinese":
        return f"{digits_to_chinese(d.year)}年{to_chinese_numeral(d.month)}月{to_chinese_numeral(d.day)}日"
    if style == "iso":
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    known = ", ".join(map(repr, _STYLES))
    msg = f"unknown date style {style!r}; known styles: {known}"
    raise ValueError(msg)


def _parse_locale(locale: babel.Locale | str) -> babel.Locale:
    """Return ``locale`` as a :class:`babel.Locale`; raise ``ValueError`` naming it if it is unknown."""
    import babel

    if isinstance(locale, babel.Locale):
        return locale
    if type(locale) is str:
        return _parse_locale_name(locale)
    return _parse_locale_uncached(locale)


def _parse_locale_uncached(locale: str) -> babel.Locale:
    import babel

    try:
        return babel.Locale.parse(locale)
    except (babel.UnknownLocaleError, ValueError) as exc:
        msg = f"unknown locale {locale!r}: {exc}"
        raise ValueError(msg) from None


# Parsing a locale name is slow next to writing a date; a parsed Locale is used read-only, so one serves every call.
_parse_locale_name = functools.lru_cache(maxsize=64)(_parse_locale_uncached)


def _chinese_part(text: str, whole: str) -> int:
    """Read a month or day written as a Chinese numeral; raise ``ValueError`` naming ``whole`` otherwise."""
    try:
        return from_chinese_numeral(text)
    except ValueError:
        msg = f"invalid date {whole!r}"
        raise ValueError(msg) from None


def parse_date(text: str) -> datetime.date:
    """Read a date written in any of the forms found in reports and on government portals.

    Accepted (surrounding whitespace is ignored, full-width digits are read as ASCII):

    - ``2018-01-30``, ``2018-1-30``, ``2018/01/18``, ``2018.01.30`` (one separator throughout);
    - ``2018年1月30日``, ``2018年01月30日``, ``２０１８年１月３０日``;
    - ``二〇一八年一月三十日``, ``二○一○年一月十九日`` (year digit by digit with 〇, ○ or 零).

    A time of day (``2018-01-30 09:42``) is not accepted.

    Args:
        text: The date as text.

    Returns:
        The date.

    Raises:
        TypeError: If ``text`` is not a ``str``.
        ValueError: If ``text`` is not a date in an accepted form or names an impossible day (``2018-02-30``);
            the message quotes ``text``.

    Examples:
        >>> parse_date("2018年1月30日")
        datetime.date(2018, 1, 30)
        >>> parse_date("二○一○年一月十九日")
        datetime.date(2010, 1, 19)
        >>> parse_date("2018-02-30")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: invalid date '2018-02-30': ...
    """
    if not isinstance(text, str):
        msg = f"'text' must be a str, got {type(text).__name__} {text!r}"
        raise TypeError(msg)
    candidate = normalize_digits(text.strip())
    if match := _NUMERIC_RE.fullmatch(candidate):
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    elif match := _OFFICIAL_RE.fullmatch(candidate):
        year, month, day = (int(group) for group in match.groups())
    elif match := _CHINESE_RE.fullmatch(candidate):
        year = int(_chinese_digits_to_str(match.group(1)))
        month = _chinese_part(match.group(2), text)
        day = _chinese_part(match.group(3), text)
    else:
        msg = f"invalid date {text!r}"
        raise ValueError(msg)
    try:
        return datetime.date(year, month, day)
    except ValueError as exc:
        msg = f"invalid date {text!r}: {exc}"
        raise ValueError(msg) from None
