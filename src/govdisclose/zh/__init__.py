"""Chinese-locale helpers: numerals, heading ordinals, dates and display widths as written in government reports.

This subpackage is a leaf: it depends on the standard library and babel only.
"""

from ._dates import format_date, parse_date
from ._numerals import MAX_NUMERAL, digits_to_chinese, from_chinese_numeral, normalize_digits, to_chinese_numeral
from ._ordinals import OrdinalStyle, default_ordinal_style, format_ordinal, parse_ordinal
from ._width import display_width

__all__ = [
    "MAX_NUMERAL",
    "OrdinalStyle",
    "default_ordinal_style",
    "digits_to_chinese",
    "display_width",
    "format_date",
    "format_ordinal",
    "from_chinese_numeral",
    "normalize_digits",
    "parse_date",
    "parse_ordinal",
    "to_chinese_numeral",
]
