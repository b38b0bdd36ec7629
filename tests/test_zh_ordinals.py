import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose.zh import OrdinalStyle, default_ordinal_style, format_ordinal, parse_ordinal

EXPECTED_VALUES = {
    "CN_COMMA": "一、",
    "CN_PAREN": "\uff08一\uff09",
    "CN_PAREN_ASCII": "(一)",
    "ARABIC_DOT": "1.",
    "ARABIC_COMMA": "1、",
    "ARABIC_FULLSTOP": "1\uff0e",
    "ARABIC_PAREN": "（1）",
    "ARABIC_PAREN_ASCII": "(1)",
    "CN_SHI": "一是",
    "NONE": "",
}


def test_style_values_are_stable() -> None:
    """Each style's value is its documented, JSON-friendly string."""
    expected = EXPECTED_VALUES
    assert expected == {member.name: member.value for member in OrdinalStyle}


def test_style_is_str() -> None:
    """Styles are strings whose str() is their value."""
    assert isinstance(OrdinalStyle.CN_PAREN, str)
    expected = "（一）"
    assert expected == str(OrdinalStyle.CN_PAREN)
    assert OrdinalStyle.CN_PAREN is OrdinalStyle("（一）")


@pytest.mark.parametrize("style", list(OrdinalStyle))
def test_first_ordinal_is_the_value(style: OrdinalStyle) -> None:
    """The first ordinal of every style is the style's value."""
    assert style.value == format_ordinal(1, style)


@pytest.mark.parametrize(
    ("number", "style", "text"),
    [
        (3, "（一）", "（三）"),
        (12, "一、", "十二、"),
        (10, OrdinalStyle.CN_COMMA, "十、"),
        (21, OrdinalStyle.CN_PAREN_ASCII, "(二十一)"),
        (2, "1.", "2."),
        (12, "1、", "12、"),
        (3, "1．", "3．"),
        (4, "（1）", "（4）"),
        (5, "(1)", "(5)"),
        (2, "一是", "二是"),
        (7, OrdinalStyle.NONE, ""),
    ],
)
def test_format_ordinal(number: int, style: OrdinalStyle | str, text: str) -> None:
    """Ordinals are written in the requested style."""
    assert text == format_ordinal(number, style)


def test_format_ordinal_errors() -> None:
    """Bad numbers and unknown styles raise errors naming the value."""
    with pytest.raises(ValueError, match=r">= 1 \(got 0\)"):
        format_ordinal(0, "一、")
    with pytest.raises(TypeError, match="True"):
        format_ordinal(True, "一、")
    with pytest.raises(ValueError, match="unknown ordinal style '一，'"):
        format_ordinal(1, "一，")


@pytest.mark.parametrize(
    ("level", "style"),
    [
        (1, OrdinalStyle.CN_COMMA),
        (2, OrdinalStyle.CN_PAREN),
        (3, OrdinalStyle.ARABIC_DOT),
        (4, OrdinalStyle.ARABIC_PAREN),
        (5, OrdinalStyle.ARABIC_PAREN),
        (9, OrdinalStyle.ARABIC_PAREN),
    ],
)
def test_default_ordinal_style(level: int, style: OrdinalStyle) -> None:
    """Levels follow GB/T 9704; levels deeper than 4 keep （1）."""
    assert style == default_ordinal_style(level)


def test_default_ordinal_style_errors() -> None:
    """Levels below 1 and non-integers are refused."""
    with pytest.raises(ValueError, match=r"got 0"):
        default_ordinal_style(0)
    with pytest.raises(TypeError, match="'2'"):
        default_ordinal_style("2")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("（三）以政务公开助力调结构", (OrdinalStyle.CN_PAREN, 3, "以政务公开助力调结构")),
        ("(一)xx", (OrdinalStyle.CN_PAREN_ASCII, 1, "xx")),
        ("（一)混用括号", (OrdinalStyle.CN_PAREN, 1, "混用括号")),
        ("1、加强", (OrdinalStyle.ARABIC_COMMA, 1, "加强")),
        ("12.xx", (OrdinalStyle.ARABIC_DOT, 12, "xx")),
        ("3. 加强组织领导", (OrdinalStyle.ARABIC_DOT, 3, "加强组织领导")),
        ("2．主动公开", (OrdinalStyle.ARABIC_FULLSTOP, 2, "主动公开")),
        ("１２、全角数字", (OrdinalStyle.ARABIC_COMMA, 12, "全角数字")),
        ("（4）依申请公开", (OrdinalStyle.ARABIC_PAREN, 4, "依申请公开")),
        ("(5)xx", (OrdinalStyle.ARABIC_PAREN_ASCII, 5, "xx")),
        ("二是拓宽", (OrdinalStyle.CN_SHI, 2, "拓宽")),
        ("十一是", (OrdinalStyle.CN_SHI, 11, "")),
        ("一、概述", (OrdinalStyle.CN_COMMA, 1, "概述")),
        ("十二、 其他需要报告的事项", (OrdinalStyle.CN_COMMA, 12, "其他需要报告的事项")),
        ("\u3000\u3000（一）总体情况。", (OrdinalStyle.CN_PAREN, 1, "总体情况。")),
        ("（ 二 ）　重点领域", (OrdinalStyle.CN_PAREN, 2, "重点领域")),
    ],
)
def test_parse_ordinal(line: str, expected: tuple[OrdinalStyle, int, str]) -> None:
    """A leading ordinal is recognised with its style, number and the rest of the line."""
    assert expected == parse_ordinal(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "概述",
        "2017年，我局认真贯彻",
        "2017、2018年数据",
        "1.5万元",
        "2018.01.30",
        "十九大以来",
        "统一是前提",
        "0、无",
        "01、前导零",
        "〇、零",
        "两、二",
        "（零）",
        "（）空",
        "一二三四五六七、太长",
        "一 、有空格",
    ],
)
def test_parse_ordinal_none(line: str) -> None:
    """Lines that do not start with an ordinal give None."""
    assert parse_ordinal(line) is None


@given(
    st.integers(min_value=1, max_value=999), st.sampled_from([s for s in OrdinalStyle if s is not OrdinalStyle.NONE])
)
def test_format_then_parse(number: int, style: OrdinalStyle) -> None:
    """Every formatted ordinal is parsed back to its style and number."""
    assert (style, number, "正文") == parse_ordinal(format_ordinal(number, style) + "正文")


def test_parse_ordinal_long_line_is_fast() -> None:
    """A very long line without an ordinal is handled (only a short prefix is examined)."""
    assert parse_ordinal("一" * 1_000_000 + "、") is None
    assert parse_ordinal("(" + "1" * 1_000_000) is None
