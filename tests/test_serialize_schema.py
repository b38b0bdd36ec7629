import json
from decimal import Decimal
from typing import Any, ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import given, settings

from govdisclose import examples
from govdisclose.model import (
    Agency,
    Amount,
    Block,
    Edition,
    Introduction,
    Paragraph,
    Report,
    Section,
    default_kinds,
)
from govdisclose.serialize import SCHEMA_VERSION, json_schema, to_json
from strategies import reports

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _seed_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(examples.text("sanyuan-chengguan-2017"))
    return data


def _first_paragraph(data: dict[str, Any]) -> dict[str, Any]:
    paragraph: dict[str, Any] = data["sections"][0]["blocks"][0]
    return paragraph


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The generated schema is itself valid under the draft 2020-12 metaschema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert "https://json-schema.org/draft/2020-12/schema" == SCHEMA["$schema"]


def test_schema_is_plain_json() -> None:
    """The schema is plain data that survives a JSON round trip unchanged."""
    assert SCHEMA == json.loads(json.dumps(SCHEMA, ensure_ascii=False))


def test_top_level_requires_the_schema_version() -> None:
    """``schema_version`` is required at the top, with the current version as its only value."""
    assert {"const": SCHEMA_VERSION} == SCHEMA["properties"]["schema_version"]
    assert ["schema_version", "edition", "year", "agency"] == SCHEMA["required"]
    assert False is SCHEMA["additionalProperties"]


@pytest.mark.parametrize("name", examples.names())
def test_every_example_is_valid(name: str) -> None:
    """Every bundled example's canonical JSON is valid under the schema."""
    VALIDATOR.validate(json.loads(to_json(examples.load(name))))


@given(reports)
@settings(max_examples=100, deadline=None)
def test_generated_reports_are_valid(report: Report) -> None:
    """The JSON of any valid report, of every core kind, is valid under the schema."""
    VALIDATOR.validate(json.loads(to_json(report)))


def test_null_where_it_is_not_the_default_is_valid() -> None:
    """An introduction without heading is written as null, and the schema accepts it there."""
    report = Report(edition=Edition.E2021, year=2024, agency=Agency(name="x"), introduction=Introduction(heading=None))
    VALIDATOR.validate(json.loads(to_json(report)))


def test_unknown_kind_is_invalid() -> None:
    """A block of an unregistered kind is refused."""
    data = _seed_data()
    _first_paragraph(data)["kind"] = "poem"
    assert False is VALIDATOR.is_valid(data)


def test_extra_key_is_invalid() -> None:
    """A key the model does not have is refused, at the top and deep inside."""
    top = _seed_data()
    top["author"] = "x"
    deep = _seed_data()
    _first_paragraph(deep)["style"] = "bold"
    assert (False, False) == (VALIDATOR.is_valid(top), VALIDATOR.is_valid(deep))


def test_string_where_an_integer_belongs_is_invalid() -> None:
    """A year written as a string is refused."""
    data = _seed_data()
    data["year"] = "2017"
    assert False is VALIDATOR.is_valid(data)


def test_missing_required_field_is_invalid() -> None:
    """A paragraph without content is refused."""
    data = _seed_data()
    del _first_paragraph(data)["content"]
    assert False is VALIDATOR.is_valid(data)


def test_wrong_schema_version_is_invalid() -> None:
    """Another schema version is refused."""
    data = _seed_data()
    data["schema_version"] = SCHEMA_VERSION + 1
    assert False is VALIDATOR.is_valid(data)


@pytest.mark.parametrize(
    ("value", "valid"),
    [("133.9554", True), ("-1e3", True), (".5", True), (2.5, True), (3, True), ("1,000", False), ("NaN", False)],
)
def test_decimals_are_strings_or_numbers(value: object, valid: bool) -> None:
    """A decimal is a decimal literal in a string, or a JSON number; anything else is refused."""
    data = _seed_data()
    _first_paragraph(data)["content"] = ["支出", {"kind": "amount", "value": value}]
    assert valid is VALIDATOR.is_valid(data)


@pytest.mark.parametrize(("value", "valid"), [("2018-01-30", True), ("2018-1-30", False), ("2018年1月30日", False)])
def test_dates_are_iso(value: str, valid: bool) -> None:
    """Dates are written YYYY-MM-DD."""
    data = _seed_data()
    data["publication"]["written_on"] = value
    assert valid is VALIDATOR.is_valid(data)


def test_enums_list_their_values() -> None:
    """An enum field allows exactly the enum's values."""
    assert ["pre-2019", "2019", "2021"] == SCHEMA["$defs"]["Edition"]["enum"]


def test_tagged_classes_have_a_constant_kind() -> None:
    """Sections, blocks and quantities require their ``kind`` tag, with its one value."""
    assert [{"const": "section"}, {"const": "paragraph"}, {"const": "count"}] == [
        SCHEMA["$defs"][name]["properties"]["kind"] for name in ("Section", "Paragraph", "Count")
    ]
    assert "kind" in SCHEMA["$defs"]["Amount"]["required"]


def test_inline_content_is_text_or_a_quantity() -> None:
    """Inline content is a string or one of the quantity objects."""
    items = SCHEMA["$defs"]["Paragraph"]["properties"]["content"]["items"]
    expected = [{"type": "string"}, *({"$ref": f"#/$defs/{n}"} for n in ("Count", "Amount", "Share", "Compound"))]
    assert expected == items["oneOf"]


def test_descriptions_come_from_docstrings() -> None:
    """Classes and fields are described by the first line of their docstrings and their ``Attributes`` entries."""
    count = SCHEMA["$defs"]["Count"]
    assert "A whole number of things: 15条, 1100余人次, 17.9亿次." == count["description"]
    assert count["properties"]["unit"]["description"].startswith("The counting word, an open vocabulary")


@attrs.frozen(kw_only=True)
class Note(Block):
    """A note, as a plugin would add it."""

    KIND: ClassVar[str] = "test.note"

    text: str
    amount: Amount | None = None
    pages: tuple[int, int] | None = None


def test_plugin_block_is_in_its_registrys_schema() -> None:
    """A block kind registered in a registry copy is in the schema made from that registry, and only there."""
    registry = default_kinds.copy()
    registry.register_block(Note, source="test")
    schema = json_schema(registry=registry)
    jsonschema.Draft202012Validator.check_schema(schema)
    report = Report(
        edition=Edition.E2021,
        year=2024,
        agency=Agency(name="x"),
        sections=(
            Section(
                heading="h", blocks=(Paragraph(content=("x",)), Note(text="注", amount=Amount(value=Decimal("1.5"))))
            ),
        ),
    )
    data = json.loads(to_json(report, registry=registry))
    assert {"$ref": "#/$defs/Note"} in schema["$defs"]["block"]["oneOf"]
    assert (True, False) == (jsonschema.Draft202012Validator(schema).is_valid(data), VALIDATOR.is_valid(data))
    note = data["sections"][0]["blocks"][1]
    note["pages"] = [1, 2, 3]
    assert False is jsonschema.Draft202012Validator(schema).is_valid(data)
    assert {"test.note"} == {schema["$defs"]["Note"]["properties"]["kind"]["const"]}


def test_default_registry_is_not_changed() -> None:
    """Making a schema from a registry copy leaves the default schema as it was."""
    registry = default_kinds.copy()
    registry.register_block(Note, source="test")
    json_schema(registry=registry)
    assert SCHEMA == json_schema()
