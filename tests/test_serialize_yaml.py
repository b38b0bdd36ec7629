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
from govdisclose.serialize import from_yaml, to_json, to_yaml
from govdisclose.templates import new_report
from strategies import reports

HEAD = "schema_version: 1\nedition: '2021'\nyear: 2024\nagency: {name: 某县教育局}\n"
BLOCK = "sections:\n- kind: section\n  heading: 概述\n  blocks:\n  - kind: paragraph\n    content: "


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
        from_yaml(text)
    return info.value


@pytest.mark.parametrize("name", examples.names())
def test_examples_round_trip_exactly(name: str) -> None:
    """Every bundled example comes back from YAML as the very same canonical JSON."""
    assert examples.text(name) == to_json(from_yaml(to_yaml(examples.load(name))))


@given(
    amount=st.decimals(min_value=0, max_value=Decimal("1e29"), allow_nan=False, allow_infinity=False, places=4),
    share=st.decimals(
        min_value=Decimal("-1e29"), max_value=Decimal("1e29"), allow_nan=False, allow_infinity=False, places=4
    ),
)
@settings(max_examples=200, deadline=None)
def test_decimals_round_trip_exactly(amount: Decimal, share: Decimal) -> None:
    """Decimals come back from YAML digit for digit, trailing zeros and exponents included."""
    report = _report("支出", Amount(value=amount), "，占", Share(value=share), "。")
    back = from_yaml(to_yaml(report))
    assert to_json(report) == to_json(back)
    assert report == back


@given(st.text(min_size=1), st.text())
@settings(max_examples=300, deadline=None)
def test_any_text_round_trips(text: str, unit: str) -> None:
    """Any string comes back from YAML unchanged, including ones YAML would read as numbers, dates or booleans."""
    report = _report(text, Count(value=1, unit=unit))
    assert report == from_yaml(to_yaml(report))


@pytest.mark.parametrize(
    "text", ["\x85", "a\u2028b", "x\r\ny", "2018-01-30", "10:30", "010", "no", "1.5", "~", "<<", "="]
)
def test_tricky_strings_round_trip(text: str) -> None:
    """Strings YAML 1.1 might turn into something else (NEL, dates, sexagesimals, octals, booleans …) survive."""
    report = _report(text)
    assert report == from_yaml(to_yaml(report))


def test_introduction_heading_round_trips() -> None:
    """An introduction with an explicit heading and one without both survive YAML."""
    for heading in (None, "引言"):
        report = Report(
            edition=Edition.E2021, year=2024, agency=Agency(name="x"), introduction=Introduction(heading=heading)
        )
        assert report == from_yaml(to_yaml(report))


def test_chinese_is_written_as_is() -> None:
    """Chinese text is written as characters, not escapes, and keys keep the model's order."""
    expected = "schema_version: 1\nedition: '2021'\nyear: 2024\nagency:\n  name: 某县教育局\nsections:\n"
    assert expected == to_yaml(_report("x"))[: len(expected)]


def test_bytes_are_accepted() -> None:
    """UTF-8 bytes (with or without a BOM) load like text."""
    text = to_yaml(examples.load("sanyuan-chengguan-2017"))
    assert from_yaml(text) == from_yaml(b"\xef\xbb\xbf" + text.encode())


def test_unquoted_dates_and_times_are_read() -> None:
    """Hand-written unquoted dates and times are read as strings and parsed where the model has dates and times."""
    publication = from_yaml(HEAD + "publication: {published_on: 2018-01-30, published_at: 10:30}\n").publication
    assert datetime.date(2018, 1, 30) == publication.published_on
    assert datetime.time(10, 30) == publication.published_at


def test_unquoted_date_in_a_string_field_stays_text() -> None:
    """An unquoted date where text belongs is the text as written, not a date object."""
    assert "2018-01-30" == from_yaml(HEAD + "title: 2018-01-30\n").title


def test_floats_are_read_exactly() -> None:
    """A YAML float where a decimal belongs is read as the exact decimal written."""
    amount = from_yaml(HEAD + BLOCK + "[{kind: amount, value: 0.10}]\n").sections[0].blocks[0].content[0]  # type: ignore[attr-defined]
    assert Decimal("0.10").as_tuple() == amount.value.as_tuple()


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "!!float nan"])
def test_nan_and_infinity_are_refused(value: str) -> None:
    """NaN and infinities are refused where they are written."""
    assert f"{value.removeprefix('!!float ')} is not a number a report can hold at line 10 column 37 @ $" == str(
        _error(HEAD + BLOCK + f"[{{kind: amount, value: {value}}}]\n")
    )


def test_octal_looking_number_is_not_octal() -> None:
    """``010`` is not read as octal 8: where a count belongs it is refused as a string."""
    error = _error(HEAD + BLOCK + "[{kind: count, value: 010}]\n")
    assert "expected an integer, got string '010' @ $.sections[0].blocks[0].content[0].value" == str(error)


def test_wrong_type_deep_inside_names_the_path() -> None:
    """A string where a count belongs is refused with the full path."""
    error = _error(HEAD + BLOCK + "[共, {kind: count, value: '3'}]\n")
    assert "expected an integer, got string '3' @ $.sections[0].blocks[0].content[1].value" == str(error)
    assert "$.sections[0].blocks[0].content[1].value" == error.path


def test_unknown_kind_lists_the_known_ones() -> None:
    """An unknown block kind is named with the known kinds and the path."""
    with pytest.raises(UnknownKindError) as info:
        from_yaml(HEAD + "sections:\n- kind: section\n  heading: 概述\n  blocks:\n  - kind: poem\n")
    assert "poem" == info.value.kind
    assert str(info.value).endswith("@ $.sections[0].blocks[0]")


def test_syntax_error_gives_line_and_column() -> None:
    """Text that is not YAML is refused in one line with the position (worded by LibYAML where PyYAML has it)."""
    yaml = pytest.importorskip("yaml")
    problem = (
        "did not find expected ',' or ']'" if yaml.__with_libyaml__ else "expected ',' or ']', but got '<stream end>'"
    )
    message = f"not valid YAML: while parsing a flow sequence {problem} at line 6 column 1 @ $"
    assert message == str(_error(HEAD + "title: [a\n"))


def test_duplicate_key_is_refused() -> None:
    """A key given twice in one mapping is refused, not silently overwritten."""
    assert "duplicate key 'year' in one mapping at line 5 column 1 @ $" == str(_error(HEAD + "year: 2025\n"))


def test_nested_duplicate_key_is_refused() -> None:
    """Duplicate keys are refused at any depth."""
    assert "duplicate key 'name' in one mapping at line 4 column 23 @ $" == str(
        _error(HEAD.replace("{name: 某县教育局}", "{name: 某县教育局, name: x}"))
    )


def test_aliases_are_refused() -> None:
    """Aliases are refused, so a small document cannot expand into a huge one."""
    laughs = "a: &a [lol, lol]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert "YAML aliases are not allowed (*a) at line 2 column 8 @ $" == str(_error(laughs))


def test_python_tags_are_refused() -> None:
    """Only safe YAML is read: a tag naming Python code is refused."""
    assert str(_error(HEAD + "title: !!python/object/apply:os.system [ls]\n")).startswith(
        "not valid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply"
    )


def test_several_documents_are_refused() -> None:
    """A stream of several documents is not one report."""
    assert str(_error(HEAD + "---\n" + HEAD)).startswith("not valid YAML: expected a single document in the stream")


def test_merge_key_is_not_special() -> None:
    """``<<`` is an ordinary (and so unknown) key, not a merge."""
    assert "unknown field '<<' @ $" == str(_error(HEAD + "<<: {title: x}\n"))


def test_empty_document_is_refused() -> None:
    """An empty document is not a report."""
    assert "expected an object, got null @ $" == str(_error(""))


@attrs.frozen(kw_only=True)
class Note(Block):
    """A note, as a plugin would add it."""

    KIND: ClassVar[str] = "test.note"

    text: str
    amount: Amount | None = None


def test_plugin_block_round_trips_with_its_registry() -> None:
    """A block kind registered in a registry copy is written and read through YAML with that registry."""
    registry = default_kinds.copy()
    registry.register_block(Note, source="test")
    report = Report(
        edition=Edition.E2021,
        year=2024,
        agency=Agency(name="x"),
        sections=(Section(heading="h", blocks=(Note(text="注", amount=Amount(value=Decimal("1.50"))),)),),
    )
    assert report == from_yaml(to_yaml(report, registry=registry), registry=registry)
    with pytest.raises(UnknownKindError):
        from_yaml(to_yaml(report, registry=registry))


def test_missing_pyyaml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without PyYAML, writing and reading YAML say which extra to install."""
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(MissingExtraError) as info:
        to_yaml(examples.load("sanyuan-chengguan-2017"))
    assert "yaml" == info.value.extra
    assert "writing YAML needs yaml; install it with: pip install 'govdisclose[yaml]'" == str(info.value)
    with pytest.raises(MissingExtraError) as info:
        from_yaml(HEAD)
    assert "reading YAML needs yaml; install it with: pip install 'govdisclose[yaml]'" == str(info.value)


def test_importing_govdisclose_does_not_import_yaml() -> None:
    """The base install works without the yaml extra: PyYAML is imported only when YAML is read or written."""
    code = "import sys, govdisclose; print('yaml' in sys.modules)"
    assert (
        "False"
        == subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    )


# ---- the labels of table rows and cells, as comments ----------------------------------------------------------------


@pytest.mark.parametrize("edition", list(Edition))
def test_every_blank_round_trips_with_its_labels(edition: Edition) -> None:
    """The blank of every edition, labels and all, loads back as the very same report."""
    blank = new_report(edition=edition, agency="某县教育局", year=2024)
    assert blank == from_yaml(to_yaml(blank))
    assert to_json(blank) == to_json(from_yaml(to_yaml(blank, labels=False)))


def test_table_three_carries_its_row_and_column_labels() -> None:
    """Every cell of table 三 (25 rows × 7) has its column's label; every row its label (spec format-2021.md §3)."""
    text = to_yaml(new_report(edition="2021", agency="某县教育局", year=2024))
    rows = [line for line in text.splitlines() if re.match(r"\s*- id: (new|carried-over|result\.|carry-forward)", line)]
    assert 25 == len(rows)
    assert "    - id: result.refused.state-secret  # 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密" in rows
    cells = [line for line in text.splitlines() if re.match(r"\s*- 0  # 申请人情况 / ", line)]
    assert 25 * 7 == len(cells)
    assert "      - 0  # 申请人情况 / 法人或其他组织 / 商业企业" == cells[1]


def test_a_cell_is_filled_by_its_label_in_an_editor() -> None:
    """Changing the line labelled 商业企业 under 二、上年结转 fills exactly that cell."""
    lines = to_yaml(new_report(edition="2021", agency="某县教育局", year=2024)).splitlines()
    row = next(i for i, line in enumerate(lines) if "# 二、上年结转政府信息公开申请数量" in line)
    cell = next(i for i in range(row, len(lines)) if lines[i].endswith("# 申请人情况 / 法人或其他组织 / 商业企业"))
    lines[cell] = lines[cell].replace("- 0", "- 3")
    table = from_yaml("\n".join(lines)).part(Part.APPLICATIONS).blocks[0]
    assert "3" == table.get("carried-over", "commercial").text
    assert sum(figure.value for row in table.rows for figure in row.values) == 3


@given(reports)
@settings(max_examples=60, deadline=None)
def test_any_report_round_trips_with_labels(report: Report) -> None:
    """Any report, its official tables labelled, loads back from YAML as the same canonical JSON."""
    assert to_json(report) == to_json(from_yaml(to_yaml(report)))


def test_samples_round_trip_with_labels() -> None:
    """The samples with tables load back exactly, and their table rows are labelled."""
    for name in examples.names():
        text = to_yaml(examples.load(name))
        assert examples.text(name) == to_json(from_yaml(text))
    assert "- id: result.disclosed  # 三、本年度办理结果 / （一）予以公开" in to_yaml(examples.load("sample-2021"))


def test_a_plugin_table_is_labelled_from_its_own_definition() -> None:
    """A plugin's official table gets the labels of its own definition (the example plugin's 办理结果 / 已办结)."""
    from govdisclose_example_plugin import ProposalsTable

    registry = default_kinds.copy()
    registry.register_block(ProposalsTable, source="test")
    table = ProposalsTable.from_values({"npc": [45, 45, 40]})
    report = Report(
        edition=Edition.E2021, year=2024, agency=Agency(name="x"), sections=(Section(heading="h", blocks=(table,)),)
    )
    text = to_yaml(report, registry=registry)
    assert "- id: npc  # 人大代表建议" in text
    assert "- 45  # 办理结果 / 已办结" in text
    assert report == from_yaml(text, registry=registry)


def test_a_local_row_label_with_odd_characters_is_a_safe_comment() -> None:
    """A local row's label holding a line break, a bell or a line separator is commented on one line; it loads."""
    from govdisclose.model import ApplicationsTable2021, TableRow

    table = ApplicationsTable2021(rows=(TableRow(id="local.x", values=(1,), label="本地\n行\x07\u2028说明"),))
    report = Report(
        edition=Edition.E2021, year=2024, agency=Agency(name="x"), sections=(Section(heading="h", blocks=(table,)),)
    )
    text = to_yaml(report)
    assert "    - id: local.x  # 本地 行 说明" in text.splitlines()
    assert report == from_yaml(text)
