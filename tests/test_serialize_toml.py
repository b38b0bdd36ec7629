import datetime
import re
import subprocess
import sys
from decimal import Decimal
from typing import ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import DocumentError, MissingExtraError, UnknownKindError, examples
from govdisclose.model import (
    Agency,
    Amount,
    Block,
    Count,
    Edition,
    Introduction,
    Paragraph,
    Part,
    Report,
    Section,
    Share,
    default_kinds,
)
from govdisclose.serialize import from_toml, to_json, to_toml
from govdisclose.templates import new_report
from strategies import reports

HEAD = 'schema_version = 1\nedition = "2021"\nyear = 2024\nagency = {name = "某县教育局"}\n'
SECTION = '\n[[sections]]\nkind = "section"\nheading = "概述"\n\n[[sections.blocks]]\n'


def _report(*content: object) -> Report:
    paragraph = Paragraph(content=content)  # type: ignore[arg-type]
    return Report(
        edition=Edition.E2021,
        year=2024,
        agency=Agency(name="某县教育局"),
        sections=(Section(heading="概述", blocks=(paragraph,)),),
    )


def _error(text: str) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        from_toml(text)
    return info.value


@pytest.mark.parametrize("name", examples.names())
def test_examples_round_trip_exactly(name: str) -> None:
    """Every bundled example comes back from TOML as the very same canonical JSON."""
    assert examples.text(name) == to_json(from_toml(to_toml(examples.load(name))))


@given(
    amount=st.decimals(min_value=0, max_value=Decimal("1e29"), allow_nan=False, allow_infinity=False, places=4),
    share=st.decimals(
        min_value=Decimal("-1e29"), max_value=Decimal("1e29"), allow_nan=False, allow_infinity=False, places=4
    ),
)
@settings(max_examples=200, deadline=None)
def test_decimals_round_trip_exactly(amount: Decimal, share: Decimal) -> None:
    """Decimals come back from TOML digit for digit, trailing zeros and exponents included."""
    report = _report("支出", Amount(value=amount), "，占", Share(value=share), "。")
    back = from_toml(to_toml(report))
    assert to_json(report) == to_json(back)
    assert report == back


@given(st.text(min_size=1), st.text())
@settings(max_examples=200, deadline=None)
def test_any_text_round_trips(text: str, unit: str) -> None:
    """Any string, control characters and line breaks included, comes back from TOML unchanged."""
    report = _report(text, Count(value=1, unit=unit))
    assert report == from_toml(to_toml(report))


def test_decimals_are_written_as_strings() -> None:
    """Money is written as a TOML string, so no TOML reader can round it."""
    assert 'value = "133.9554"' in to_toml(examples.load("sanyuan-chengguan-2017"))


def test_mixed_content_is_an_inline_array() -> None:
    """Inline content mixing strings and quantities is written as one mixed TOML array and read back."""
    report = _report("共", Count(value=3, unit="条"), "。")
    text = to_toml(report)
    assert 'content = [\n    "共",\n    { kind = "count", value = 3, unit = "条" },\n    "。",\n]' in text
    assert report == from_toml(text)


def test_bytes_are_accepted() -> None:
    """UTF-8 bytes (with or without a BOM) load like text."""
    text = to_toml(examples.load("sanyuan-chengguan-2017"))
    assert from_toml(text) == from_toml(b"\xef\xbb\xbf" + text.encode())


def test_invalid_utf8() -> None:
    """Bytes that are not UTF-8 are refused with the offset."""
    assert "not UTF-8 text (byte 0) @ $" == str(_error(b"\xff"))  # type: ignore[arg-type]


def test_native_dates_and_times_are_accepted() -> None:
    """TOML's own dates and times are read where the model has a date or a time."""
    text = HEAD + "\n[publication]\nwritten_on = 2018-01-30\npublished_on = 2018-01-30\npublished_at = 09:42:00\n"
    publication = from_toml(text).publication
    assert datetime.date(2018, 1, 30) == publication.published_on
    assert datetime.time(9, 42) == publication.published_at


def test_datetime_where_a_date_belongs_is_refused() -> None:
    """A TOML date-time is not a date: it is refused with the path."""
    error = _error(HEAD + "\n[publication]\nwritten_on = 2018-01-30T08:00:00\n")
    assert "$.publication.written_on" == error.path
    assert str(error).startswith("expected a date written YYYY-MM-DD, got datetime")


def test_floats_are_read_exactly() -> None:
    """A TOML float where a decimal belongs is read as the exact decimal written."""
    report = from_toml(HEAD + SECTION + 'kind = "paragraph"\ncontent = [{kind = "amount", value = 0.10}]\n')
    amount = report.sections[0].blocks[0].content[0]  # type: ignore[attr-defined]
    assert Decimal("0.10").as_tuple() == amount.value.as_tuple()


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_nan_and_infinity_are_refused(value: str) -> None:
    """NaN and infinities are refused with the path of the value."""
    error = _error(HEAD + SECTION + f'kind = "paragraph"\ncontent = [{{kind = "amount", value = {value}}}]\n')
    assert "$.sections[0].blocks[0].content[0].value" == error.path
    assert str(error).startswith("expected a finite decimal number")


def test_wrong_type_deep_inside_names_the_path() -> None:
    """A string where a count belongs is refused with the full path."""
    error = _error(HEAD + SECTION + 'kind = "paragraph"\ncontent = ["共", {kind = "count", value = "3"}]\n')
    assert "expected an integer, got string '3' @ $.sections[0].blocks[0].content[1].value" == str(error)


def test_unknown_kind_lists_the_known_ones() -> None:
    """An unknown block kind is named with the known kinds and the path."""
    with pytest.raises(UnknownKindError) as info:
        from_toml(HEAD + SECTION + 'kind = "poem"\n')
    assert "poem" == info.value.kind
    assert str(info.value).endswith("@ $.sections[0].blocks[0]")


def test_syntax_error_gives_line_and_column() -> None:
    """Text that is not TOML is refused in one line with the position."""
    message = str(_error("year =\n"))
    assert re.fullmatch(r"not valid TOML: [^\n]+ \(at line 1, column \d+\) @ \$", message), message


def test_duplicate_key_is_refused() -> None:
    """A key given twice is a TOML error, not a silent overwrite."""
    message = str(_error(HEAD + "year = 2025\n"))
    assert re.fullmatch(r"not valid TOML: Cannot overwrite a value \(at line 5, column \d+\) @ \$", message), message


@attrs.frozen(kw_only=True)
class Note(Block):
    """A note, as a plugin would add it."""

    KIND: ClassVar[str] = "test.note"

    text: str
    amount: Amount | None = None
    signed: str | None = "办公室"


def test_none_that_is_not_the_default_cannot_be_written() -> None:
    """A None whose field defaults to something else needs a null, which TOML lacks: it is refused, not lost."""
    registry = default_kinds.copy()
    registry.register_block(Note, source="test")
    report = Report(
        edition=Edition.E2021,
        year=2024,
        agency=Agency(name="x"),
        sections=(Section(heading="h", blocks=(Note(text="注", signed=None),)),),
    )
    with pytest.raises(DocumentError) as info:
        to_toml(report, registry=registry)
    assert "TOML has no null, and None is not this field's default @ $.sections[0].blocks[0].signed" == str(info.value)
    assert "$.sections[0].blocks[0].signed" == info.value.path


def test_introduction_without_heading_round_trips() -> None:
    """An introduction printed without a heading is the default and needs no null."""
    report = Report(edition=Edition.E2021, year=2024, agency=Agency(name="x"), introduction=Introduction(heading=None))
    assert report == from_toml(to_toml(report))


def test_plugin_block_round_trips_with_its_registry() -> None:
    """A block kind registered in a registry copy is written and read through TOML with that registry."""
    registry = default_kinds.copy()
    registry.register_block(Note, source="test")
    report = Report(
        edition=Edition.E2021,
        year=2024,
        agency=Agency(name="x"),
        sections=(Section(heading="h", blocks=(Note(text="注", amount=Amount(value=Decimal("1.50"))),)),),
    )
    assert report == from_toml(to_toml(report, registry=registry), registry=registry)
    with pytest.raises(UnknownKindError):
        from_toml(to_toml(report, registry=registry))


def test_missing_tomli_w_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without tomli-w, writing TOML says which extra to install."""
    monkeypatch.setitem(sys.modules, "tomli_w", None)
    with pytest.raises(MissingExtraError) as info:
        to_toml(examples.load("sanyuan-chengguan-2017"))
    assert "toml" == info.value.extra
    assert "writing TOML needs tomli_w; install it with: pip install 'govdisclose[toml]'" == str(info.value)


def test_importing_govdisclose_does_not_import_tomli_w() -> None:
    """The base install works without the toml extra: tomli_w is imported only when writing TOML."""
    code = "import sys, govdisclose; print('tomli_w' in sys.modules)"
    assert (
        "False"
        == subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    )


# ---- the labels of table rows and cells, as comments ----------------------------------------------------------------


@pytest.mark.parametrize("edition", list(Edition))
def test_every_blank_round_trips_with_its_labels(edition: Edition) -> None:
    """The blank of every edition, labels and all, loads back as the very same report, laid out as without them."""
    blank = new_report(edition=edition, agency="某县教育局", year=2024)
    labelled, plain = to_toml(blank), to_toml(blank, labels=False)
    assert blank == from_toml(labelled) == from_toml(plain)
    assert [line.split("  #")[0] for line in labelled.splitlines()] == plain.splitlines()


def test_table_three_carries_its_row_and_column_labels() -> None:
    """Every cell of table 三 (25 rows × 7) has its column's label; every row its label (spec format-2021.md §3)."""
    text = to_toml(new_report(edition="2021", agency="某县教育局", year=2024))
    assert (
        'id = "result.refused.state-secret"  # 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密'
        in text.splitlines()
    )
    cells = [line for line in text.splitlines() if re.match(r"    0,  # 申请人情况 / ", line)]
    assert 25 * 7 == len(cells)
    assert "    0,  # 申请人情况 / 法人或其他组织 / 商业企业" == cells[1]
    assert 'id = "cases"  # 四、政府信息公开行政复议、行政诉讼情况' in text.splitlines()
    assert "    0,  # 行政诉讼 / 复议后起诉 / 总计" in text.splitlines()


def test_a_cell_is_filled_by_its_label_in_an_editor() -> None:
    """Changing the line labelled 商业企业 under 二、上年结转 fills exactly that cell."""
    lines = to_toml(new_report(edition="2021", agency="某县教育局", year=2024)).splitlines()
    row = next(i for i, line in enumerate(lines) if "# 二、上年结转政府信息公开申请数量" in line)
    cell = next(i for i in range(row, len(lines)) if lines[i].endswith("# 申请人情况 / 法人或其他组织 / 商业企业"))
    lines[cell] = lines[cell].replace("0,", "3,")
    table = from_toml("\n".join(lines)).part(Part.APPLICATIONS).blocks[0]
    assert "3" == table.get("carried-over", "commercial").text
    assert 3 == sum(figure.value for row in table.rows for figure in row.values)


@given(reports)
@settings(max_examples=60, deadline=None)
def test_any_report_round_trips_with_labels(report: Report) -> None:
    """Any report TOML can hold loads back, labels and all, as the same canonical JSON; one it cannot is refused."""
    try:
        plain = to_toml(report, labels=False)
    except DocumentError:
        with pytest.raises(DocumentError):
            to_toml(report)
        return
    labelled = to_toml(report)
    assert to_json(report) == to_json(from_toml(labelled)) == to_json(from_toml(plain))


def test_samples_round_trip_with_labels() -> None:
    """The samples with tables load back exactly, and their table rows are labelled."""
    for name in examples.names():
        assert examples.text(name) == to_json(from_toml(to_toml(examples.load(name))))
    assert 'id = "result.disclosed"  # 三、本年度办理结果 / （一）予以公开' in to_toml(examples.load("sample-2021"))


def test_a_local_row_label_with_odd_characters_is_a_safe_comment() -> None:
    """A local row's label holding a line break, a bell or a line separator is commented on one line; it loads."""
    from govdisclose.model import ApplicationsTable2021, TableRow

    table = ApplicationsTable2021(rows=(TableRow(id="local.x", values=(1,), label="本地\n行\x07\u2028说明"),))
    report = Report(
        edition=Edition.E2021, year=2024, agency=Agency(name="x"), sections=(Section(heading="h", blocks=(table,)),)
    )
    text = to_toml(report)
    assert 'id = "local.x"  # 本地 行 说明' in text.splitlines()
    assert report == from_toml(text)
