import datetime

import babel
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose.zh import format_date, parse_date

DATE = datetime.date(2018, 1, 30)


@pytest.mark.parametrize(
    ("style", "text"),
    [("official", "2018年1月30日"), ("chinese", "二〇一八年一月三十日"), ("iso", "2018-01-30")],
)
def test_format_date_styles(style: str, text: str) -> None:
    """Each style writes the date in its documented form."""
    assert text == format_date(DATE, style=style)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (datetime.date(2010, 1, 19), "二〇一〇年一月十九日"),
        (datetime.date(2020, 10, 1), "二〇二〇年十月一日"),
        (datetime.date(2021, 11, 20), "二〇二一年十一月二十日"),
        (datetime.date(2000, 12, 31), "二〇〇〇年十二月三十一日"),
    ],
)
def test_format_date_chinese(date: datetime.date, text: str) -> None:
    """The Chinese style writes the year digit by digit and month and day as numerals."""
    assert text == format_date(date, style="chinese")


def test_format_date_official_is_unpadded() -> None:
    """The official style has no zero padding, for any explicit locale."""
    date = datetime.date(2019, 5, 5)
    expected = "2019年5月5日"
    assert expected == format_date(date)
    assert expected == format_date(date, locale=babel.Locale.parse("zh_Hans_CN"))
    assert expected == format_date(date, locale="en_US")


def test_format_date_accepts_datetime() -> None:
    """A datetime is written by its date."""
    expected = "2018-01-30"
    assert expected == format_date(datetime.datetime(2018, 1, 30, 9, 42), style="iso")


def test_format_date_errors() -> None:
    """Unknown styles and locales and non-dates raise errors naming the value."""
    with pytest.raises(ValueError, match="unknown date style 'roman'"):
        format_date(DATE, style="roman")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown locale 'xx_YY'"):
        format_date(DATE, locale="xx_YY")
    with pytest.raises(TypeError, match="'2018-01-30'"):
        format_date("2018-01-30")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2018-01-30", DATE),
        ("2018-1-30", DATE),
        ("2018/01/18", datetime.date(2018, 1, 18)),
        ("2018.01.30", DATE),
        ("2018年1月30日", DATE),
        ("2018年01月30日", DATE),
        ("２０１８年１月３０日", DATE),
        ("２０１８-０１-３０", DATE),
        ("二〇一八年一月三十日", DATE),
        ("二○一○年一月十九日", datetime.date(2010, 1, 19)),
        ("二零二一年十二月三十一日", datetime.date(2021, 12, 31)),
        ("  2018年1月30日\u3000", DATE),
    ],
)
def test_parse_date(text: str, date: datetime.date) -> None:
    """Dates are read from every form found in reports."""
    assert date == parse_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2018",
        "2018-02-30",
        "2018年2月30日",
        "二〇一八年二月三十日",
        "2018-13-01",
        "2018-01/30",
        "2018-01-30 09:42",
        "18-01-30",
        "2018年1月30",
        "二〇一八年十三月一日",
        "二〇一八年一月三十二日",
        "二〇一八年〇一月三十日",
        "二〇一八年一月卅日",
        "二〇一八年一月三十五日",
        "０２０１８-01-30",
    ],
)
def test_parse_date_invalid(text: str) -> None:
    """Malformed or impossible dates raise ValueError quoting the text."""
    with pytest.raises(ValueError, match="invalid date") as info:
        parse_date(text)
    assert repr(text) in str(info.value)


def test_parse_date_rejects_non_str() -> None:
    """Reading a non-string raises TypeError."""
    with pytest.raises(TypeError, match="'text' must be a str"):
        parse_date(DATE)  # type: ignore[arg-type]


@given(
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.sampled_from(["official", "chinese", "iso"]),
)
def test_round_trip(date: datetime.date, style: str) -> None:
    """Every four-digit-year date survives formatting and parsing in every style."""
    assert date == parse_date(format_date(date, style=style))  # type: ignore[arg-type]
