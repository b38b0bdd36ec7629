import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose.zh import (
    MAX_NUMERAL,
    digits_to_chinese,
    from_chinese_numeral,
    normalize_digits,
    to_chinese_numeral,
)

KNOWN_SPELLINGS = [
    (0, "零"),
    (1, "一"),
    (2, "二"),
    (10, "十"),
    (11, "十一"),
    (19, "十九"),
    (20, "二十"),
    (23, "二十三"),
    (100, "一百"),
    (101, "一百零一"),
    (105, "一百零五"),
    (110, "一百一十"),
    (111, "一百一十一"),
    (1000, "一千"),
    (1001, "一千零一"),
    (1010, "一千零一十"),
    (1100, "一千一百"),
    (10000, "一万"),
    (10001, "一万零一"),
    (10010, "一万零一十"),
    (10100, "一万零一百"),
    (11000, "一万一千"),
    (100000, "十万"),
    (100010, "十万零一十"),
    (100100, "十万零一百"),
    (120000, "十二万"),
    (1000000, "一百万"),
    (1010000, "一百零一万"),
    (1001000, "一百万一千"),
    (10000000, "一千万"),
    (10000100, "一千万零一百"),
    (100000000, "一亿"),
    (100000001, "一亿零一"),
    (100010000, "一亿零一万"),
    (110000000, "一亿一千万"),
    (1000000001, "十亿零一"),
    (1010101010, "十亿一千零一十万一千零一十"),
    (10**12, "一万亿"),
    (10**12 + 10**8, "一万零一亿"),
    (123456789012, "一千二百三十四亿五千六百七十八万九千零一十二"),
    (MAX_NUMERAL, "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九"),
]


@pytest.mark.parametrize(("number", "text"), KNOWN_SPELLINGS)
def test_known_spellings(number: int, text: str) -> None:
    """Numbers are spelled as reports spell them."""
    assert text == to_chinese_numeral(number)


@pytest.mark.parametrize(("number", "text"), KNOWN_SPELLINGS)
def test_known_spellings_read_back(number: int, text: str) -> None:
    """Known spellings are read back to their numbers."""
    assert number == from_chinese_numeral(text)


def test_round_trip_exhaustive_below_100001() -> None:
    """Every number from 0 to 100000 survives spelling and reading back."""
    expected: list[int] = []
    assert expected == [n for n in range(100_001) if from_chinese_numeral(to_chinese_numeral(n)) != n]


def test_spelling_shape_exhaustive_below_100001() -> None:
    """No spelling has a doubled or trailing 零, and only 10-19 and 十万-十九万 start with 十."""
    expected: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    for n in range(1, 100_001):
        text = to_chinese_numeral(n)
        if "零零" in text or text.endswith("零") or text.startswith(("一十", "零")):
            bad.append((n, text))
        starts_with_ten = 10 <= n <= 19 or 100_000 <= n <= 199_999
        if text.startswith("十") != starts_with_ten:
            bad.append((n, text))
    assert expected == bad


@given(st.integers(min_value=0, max_value=MAX_NUMERAL))
def test_round_trip_property(n: int) -> None:
    """Any number below 10**16 survives spelling and reading back."""
    assert n == from_chinese_numeral(to_chinese_numeral(n))


@given(st.integers(min_value=0, max_value=MAX_NUMERAL), st.sampled_from(["零", "〇", "○"]))
def test_round_trip_with_other_zero(n: int, zero: str) -> None:
    """Spellings with 〇 or ○ for zero read back too."""
    assert n == from_chinese_numeral(to_chinese_numeral(n, zero=zero))


def test_zero_character() -> None:
    """The zero character is configurable."""
    expected = "一百〇五"
    assert expected == to_chinese_numeral(105, zero="〇")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("〇", 0),
        ("○", 0),
        ("两百", 200),
        ("两千〇一十", 2010),
        ("两万", 20000),
        ("两亿", 200000000),
        ("一十", 10),
        ("一十五", 15),
        ("一百十", 110),
        ("一千零十", 1010),
        ("十万零十", 100010),
    ],
)
def test_accepted_variants(text: str, number: int) -> None:
    """Variant spellings (〇/○, 两, 十 for 一十) are read."""
    assert number == from_chinese_numeral(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "一百五",
        "一千五",
        "零零",
        "零一",
        "一零",
        "十两",
        "两",
        "两十",
        "百",
        "一一",
        "二十零",
        "万",
        "一万万",
        "一亿亿",
        "12",
        "一百 零五",
        " 一",
        "负一",
        "二十三个",
    ],
)
def test_invalid_numerals(text: str) -> None:
    """Malformed numerals raise ValueError quoting the text."""
    with pytest.raises(ValueError, match="invalid Chinese numeral") as info:
        from_chinese_numeral(text)
    assert repr(text) in str(info.value)


def test_from_chinese_numeral_rejects_non_str() -> None:
    """Reading a non-string raises TypeError."""
    with pytest.raises(TypeError, match="'text' must be a str"):
        from_chinese_numeral(12)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "message"), [(-1, r"must be >= 0 \(got -1\)"), (10**16, "10000000000000000")])
def test_out_of_range(value: int, message: str) -> None:
    """Negative and too large numbers raise ValueError naming the value."""
    with pytest.raises(ValueError, match=message):
        to_chinese_numeral(value)


@pytest.mark.parametrize("value", [True, 1.0, "1", None])
def test_non_int(value: object) -> None:
    """Non-integers, bool included, raise TypeError naming the value."""
    with pytest.raises(TypeError, match="must be an int") as info:
        to_chinese_numeral(value)  # type: ignore[arg-type]
    assert repr(value) in str(info.value)


def test_unknown_style_and_zero() -> None:
    """An unknown style or zero character raises ValueError naming it."""
    with pytest.raises(ValueError, match="'upper'"):
        to_chinese_numeral(1, style="upper")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'0'"):
        to_chinese_numeral(0, zero="0")


@pytest.mark.parametrize(
    ("value", "zero", "text"),
    [
        (2018, "〇", "二〇一八"),
        (2010, "○", "二○一○"),
        (0, "〇", "〇"),
        ("2018", "〇", "二〇一八"),
        ("２０２０", "〇", "二〇二〇"),
        ("05", "零", "零五"),
    ],
)
def test_digits_to_chinese(value: int | str, zero: str, text: str) -> None:
    """Numbers are written digit by digit, the form used for years."""
    assert text == digits_to_chinese(value, zero=zero)


def test_digits_to_chinese_default_zero() -> None:
    """The default zero of the digit-by-digit form is 〇."""
    expected = "二〇〇八"
    assert expected == digits_to_chinese(2008)


@pytest.mark.parametrize("value", ["", "20a8", "-1", "1.5", -1])
def test_digits_to_chinese_invalid(value: int | str) -> None:
    """Non-digit strings and negative numbers raise ValueError naming the value."""
    with pytest.raises(ValueError, match=r"must be >= 0|expected a string of digits") as info:
        digits_to_chinese(value)
    assert (repr(value) if isinstance(value, str) else str(value)) in str(info.value)


def test_normalize_digits() -> None:
    """Full-width digits become ASCII; other text is kept."""
    expected = "0123456789 年（一）"
    assert expected == normalize_digits("０１２３４５６７８９ 年（一）")
