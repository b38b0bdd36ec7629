import json
from typing import Any

import pytest
from hypothesis import given, settings

import govdisclose
from govdisclose import DocumentError, UnknownKindError, examples, from_json, report_from_data, to_json
from govdisclose.model import Report, default_kinds
from strategies import reports


def _seed_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(examples.text("sanyuan-chengguan-2017"))
    return data


@pytest.mark.parametrize("name", examples.names())
def test_examples_round_trip_exactly(name: str) -> None:
    """Every bundled example loads and dumps back to the very same canonical JSON."""
    text = examples.text(name)
    assert text == to_json(from_json(text))


@given(reports)
@settings(max_examples=150, deadline=None)
def test_generated_reports_round_trip(report: Report) -> None:
    """Any valid report survives JSON unchanged."""
    assert report == from_json(to_json(report))


def test_bytes_are_accepted() -> None:
    """UTF-8 bytes (with or without a BOM) load like text."""
    text = examples.text("sanyuan-chengguan-2017")
    assert from_json(text) == from_json(b"\xef\xbb\xbf" + text.encode())


def test_decimals_are_written_as_strings() -> None:
    """Money keeps every digit in JSON, as a string no parser can round."""
    assert '"value": "133.9554"' in examples.text("sanyuan-chengguan-2017")


def _error(data: dict[str, Any]) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        from_json(json.dumps(data, ensure_ascii=False))
    return info.value


def test_wrong_type_deep_inside_names_the_path() -> None:
    """A string where a count belongs is refused with the full path of the cell."""
    data = _seed_data()
    data["sections"][1]["subsections"][0]["blocks"][0]["content"][1]["value"] = "15"
    error = _error(data)
    assert "expected an integer, got string '15' @ $.sections[1].subsections[0].blocks[0].content[1].value" == str(
        error
    )
    assert "$.sections[1].subsections[0].blocks[0].content[1].value" == error.path


def test_negative_count_names_the_field() -> None:
    """A negative count is refused with the model's message and the path of the field."""
    data = _seed_data()
    data["sections"][1]["subsections"][0]["blocks"][0]["content"][1]["value"] = -3
    assert "'value' must be >= 0 (got -3) @ $.sections[1].subsections[0].blocks[0].content[1].value" == str(
        _error(data)
    )


def test_unknown_block_kind_lists_the_known_ones() -> None:
    """An unknown block kind is named, with the known kinds and the path."""
    data = _seed_data()
    data["sections"][0]["blocks"][0]["kind"] = "poem"
    error = _error(data)
    assert isinstance(error, UnknownKindError)
    assert (
        f"unknown block kind 'poem'; known kinds: {', '.join(default_kinds.block_kinds())} @ $.sections[0].blocks[0]"
        == str(error)
    )
    assert "poem" == error.kind


def test_unknown_section_kind() -> None:
    """A section with an unknown kind says so, not 'required field missing'."""
    data = _seed_data()
    data["sections"][2]["kind"] = "x"
    assert "unknown section kind 'x'; known kinds: section @ $.sections[2]" == str(_error(data))


def test_missing_kind() -> None:
    """A block without its kind tag is refused at the key."""
    data = _seed_data()
    del data["sections"][0]["blocks"][0]["kind"]
    assert "required field missing @ $.sections[0].blocks[0].kind" == str(_error(data))


def test_unknown_key_is_refused() -> None:
    """Keys the model does not know are refused rather than dropped."""
    data = _seed_data()
    data["agency"]["nickname"] = "城关"
    assert "unknown field 'nickname' @ $.agency" == str(_error(data))


def test_bad_enum_value_lists_the_allowed_ones() -> None:
    """An unknown edition names the editions there are."""
    data = _seed_data()
    data["edition"] = "2018"
    assert "expected one of 'pre-2019', '2019', '2021'; got '2018' @ $.edition" == str(_error(data))


def test_impossible_date() -> None:
    """A date that does not exist is refused with its path."""
    data = _seed_data()
    data["signature"]["date"] = "2018-02-30"
    assert "no such date '2018-02-30' @ $.signature.date" == str(_error(data))


def test_several_problems_are_all_kept() -> None:
    """The message gives the first problem and the count; the error keeps them all."""
    data = _seed_data()
    data["year"] = "2017"
    data["agency"]["level"] = "村"
    error = _error(data)
    assert 2 == len(error.problems)
    assert str(error).endswith("(and 1 more problem)")


def test_schema_version_is_required_and_checked() -> None:
    """Documents without a schema_version, or from a future version, are refused."""
    data = _seed_data()
    data["schema_version"] = 99
    assert "unsupported schema_version 99; this govdisclose reads 1 @ $.schema_version" == str(_error(data))
    del data["schema_version"]
    assert "required field missing @ $.schema_version" == str(_error(data))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema_version": 1, "year": NaN}', "NaN is not a number a report can hold @ $"),
        ('{"schema_version": 1, "schema_version": 1}', "duplicate key 'schema_version' in one object @ $"),
        (
            '{"schema_version": 1,',
            "not valid JSON: Expecting property name enclosed in double quotes at line 1 column 22 @ $",
        ),
        ("[1, 2]", "expected an object, got array @ $"),
    ],
)
def test_malformed_json(text: str, message: str) -> None:
    """Malformed JSON gives a one-line DocumentError, never a raw parser exception."""
    with pytest.raises(DocumentError) as info:
        from_json(text)
    assert message == str(info.value)


def test_invalid_utf8() -> None:
    """Bytes that are not UTF-8 are refused with a DocumentError."""
    with pytest.raises(DocumentError, match="not UTF-8"):
        from_json(b'{"a": "\xff"}')


def test_deep_nesting_is_refused_cleanly() -> None:
    """A maliciously deep document is a DocumentError, not a RecursionError."""
    with pytest.raises(DocumentError, match="nested too deeply"):
        from_json("[" * 100_000 + "]" * 100_000)


def test_json_decimal_numbers_are_read_exactly() -> None:
    """A decimal written as a JSON number is read exactly, not through a float."""
    data = _seed_data()
    amount = data["sections"][0]["subsections"][3]["subsections"][0]["blocks"][0]["content"][3]
    assert "amount" == amount["kind"]
    text = json.dumps(data, ensure_ascii=False).replace('"133.9554"', "133.9554")
    assert from_json(text) == govdisclose.examples.load("sanyuan-chengguan-2017")


def test_dict_form_round_trips() -> None:
    """The plain-data form round-trips like JSON and starts with the schema version."""
    report = examples.load("sanyuan-chengguan-2017")
    data = govdisclose.report_to_data(report)
    assert "schema_version" == next(iter(data))
    assert report == report_from_data(data)
