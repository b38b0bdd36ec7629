"""Mutated documents: every serializer refuses bad input with a GovDiscloseError that names a path, or loads it."""

from __future__ import annotations

import copy
import decimal
import json
import math
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclose
from govdisclose import DocumentError, examples
from govdisclose.model._decimal import decimal_context

DATA = {name: json.loads(examples.text(name)) for name in examples.names()}

# Replacement values that break types, ranges and invariants.
HOSTILE: list[Any] = [
    None,
    True,
    -1,
    -(10**30),
    10**400,
    1.5,
    math.inf,
    "",
    "abc",
    "-3",
    "NaN",
    "\x00\x1b\u202e",
    "2018-02-30",
    [],
    [1, "x"],
    {},
    {"kind": "poem"},
    {"kind": None},
]


def _locations(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON-like document."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_locations(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_locations(value, (*path, index)))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A bundled example with one to three values replaced, removed, or joined by an extra key."""
    document = copy.deepcopy(DATA[draw(st.sampled_from(sorted(DATA)))])
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        locations = [p for p in _locations(document) if p]
        path = draw(st.sampled_from(locations))
        parent = _parent(document, path)
        action = draw(st.sampled_from(["replace", "remove", "extra"]))
        if action == "replace":
            parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(HOSTILE)))
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            # A copy: the hostile values are shared by every example, and a later step may descend into this one.
            key = draw(st.sampled_from(["zz", "kind", "value", "schema_version"]))
            parent[key] = copy.deepcopy(draw(st.sampled_from(HOSTILE)))
    return document


def _problems(load: Any, payload: Any) -> tuple[str, ...]:
    """The problems a loader reports for *payload* (none when it loads); anything but a DocumentError propagates."""
    try:
        load(payload)
    except DocumentError as error:
        return (str(error), *error.problems)
    return ()


def _assert_clean(load: Any, payload: Any) -> None:
    for problem in _problems(load, payload):
        assert " @ $" in problem, problem
        assert "\n" not in problem, problem


@given(mutated())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_data_is_refused_with_a_path(document: dict[str, Any]) -> None:
    """report_from_data either loads a mutated document or raises a DocumentError naming the path."""
    _assert_clean(govdisclose.report_from_data, document)


@given(mutated())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_json_is_refused_with_a_path(document: dict[str, Any]) -> None:
    """from_json on the JSON text of a mutated document fails only with a path-named DocumentError."""
    try:
        text = json.dumps(document, ensure_ascii=False, allow_nan=True)
    except ValueError:  # pragma: no cover - integers beyond the float range still dump
        return
    _assert_clean(govdisclose.from_json, text)


@given(mutated())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_yaml_is_refused_with_a_path(document: dict[str, Any]) -> None:
    """from_yaml on a mutated document fails only with a path-named DocumentError."""
    yaml = pytest.importorskip("yaml")
    try:
        text = yaml.safe_dump(document, allow_unicode=True)
    except yaml.YAMLError:  # pragma: no cover
        return
    _assert_clean(govdisclose.from_yaml, text)


@given(st.binary(max_size=200) | st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_random_bytes_are_refused_cleanly(payload: bytes | str) -> None:
    """Arbitrary bytes or text never make a loader raise anything but a DocumentError."""
    for load in (govdisclose.from_json, govdisclose.from_toml, govdisclose.from_yaml):
        _assert_clean(load, payload)


@pytest.mark.parametrize("payload", [b"\x00", "a: \x07", b"\xff", "\ufffe"])
def test_yaml_reader_errors_are_document_errors(payload: bytes | str) -> None:
    """Regression: characters YAML's reader refuses raised PyYAML's ReaderError instead of a DocumentError."""
    with pytest.raises(DocumentError, match=r"^not valid YAML: .* @ \$$"):
        govdisclose.from_yaml(payload)


# ---- the hostile files of issue 16: each ends in a one-line DocumentError naming the bound and the path -------------

HOSTILE_FILES = Path(__file__).parent / "data" / "hostile"
DIGITS_BEFORE = "has more than 30 digits before the decimal point"


def _refusal(name: str) -> DocumentError:
    """The DocumentError that loading the hostile file *name* raises (in the format of its suffix)."""
    with pytest.raises(DocumentError) as info:
        govdisclose.load_report(HOSTILE_FILES / name)
    assert "\n" not in str(info.value)
    return info.value


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("amount_bomb.json", f"number 1E+999999999 {DIGITS_BEFORE} @ $.sections[0].blocks[0].content[1].value"),
        ("cell_overflow.json", f"number 1E+999999999 {DIGITS_BEFORE} @ $.sections[0].blocks[0].rows[0].values[0]"),
        (
            "colspan_hang.json",
            "'colspan' must be at most 100 (got 1000000000000000000) @ $.sections[0].blocks[0].rows[0][0].colspan",
        ),
        ("colspan_docx.json", "'colspan' must be at most 100 (got 30000) @ $.sections[0].blocks[0].rows[0][0].colspan"),
        (
            "share_invalid.json",
            "number 0.9999999999999999999999999 has 25 digits after the decimal point (at most 20)"
            " @ $.sections[0].blocks[0].content[2].value",
        ),
        ("dotted.toml", "a dotted key at line 1 nests deeper than 200 levels @ $"),
        ("bigint.json", "an integer of 5,000 digits; a report's numbers have at most 30 digits @ $.year"),
        (
            "bigint.toml",
            "an integer of more than 4,300 digits at line 3; a report's numbers have at most 30 digits @ $",
        ),
        ("yaml_bool.yaml", "not valid YAML: cannot read 'maybe' as bool at line 3 column 7 @ $"),
        ("yaml_int.yaml", "not valid YAML: cannot read 'abc' as int at line 3 column 7 @ $"),
        ("yaml_ts.yaml", "not valid YAML: cannot read '2018-13-45' as timestamp at line 3 column 7 @ $"),
    ],
)
def test_hostile_file_is_refused_naming_the_bound(name: str, expected: str) -> None:
    """Each hostile file of issue 16 is refused at load with one line naming the bound and where it was passed."""
    assert expected == str(_refusal(name))


def test_the_hostile_files_are_what_the_messages_say() -> None:
    """The figures the messages quote are those of the files: 5,000 digits, 25 decimals, 40,000 dots on line 1."""
    assert [5000] == [len(run) for run in re.findall(r"\d{31,}", (HOSTILE_FILES / "bigint.json").read_text())]
    toml_lines = (HOSTILE_FILES / "bigint.toml").read_text().splitlines()
    assert toml_lines[2].startswith("year = 9")
    assert 5000 == len(toml_lines[2].removeprefix("year = "))
    assert "0." + "9" * 25 in (HOSTILE_FILES / "share_invalid.json").read_text()
    assert 40_000 == (HOSTILE_FILES / "dotted.toml").read_text().splitlines()[0].count(".")


def test_a_sum_past_28_digits_loads_exactly() -> None:
    """10^28 + 1 and a total of 10^28 load digit for digit; in the library's context their sum is not the total."""
    report = govdisclose.load_report(HOSTILE_FILES / "sum28.json")
    row = report.sections[0].blocks[0].rows[0]  # type: ignore[attr-defined]
    assert Decimal(10**28) == row.values[0].value
    assert Decimal(10**28) == row.values[4].value
    previous = decimal.getcontext().prec
    decimal.getcontext().prec = 3  # what a host application might have set
    try:
        with decimal_context():
            assert Decimal(10**28 + 1) == row.values[0].value + row.values[1].value
    finally:
        decimal.getcontext().prec = previous


def test_a_host_decimal_context_changes_nothing() -> None:
    """With the host's decimal precision at 3, a report loads and dumps exactly as with the default context."""
    text = (HOSTILE_FILES / "good.json").read_text(encoding="utf-8")
    expected = govdisclose.to_json(govdisclose.from_json(text))
    previous = decimal.getcontext().prec
    decimal.getcontext().prec = 3
    try:
        assert expected == govdisclose.to_json(govdisclose.from_json(text))
    finally:
        decimal.getcontext().prec = previous


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"1e29"', None),
        ('"1e30"', f"number 1E+30 {DIGITS_BEFORE}"),
        ('"0.00000000000000000001"', None),
        ('"0.000000000000000000001"', "number 1E-21 has 21 digits after the decimal point (at most 20)"),
    ],
)
def test_the_number_bounds_fire_just_past_their_value(value: str, expected: str | None) -> None:
    """An amount of 30 integer digits or 20 decimals loads; one more digit is refused, naming the bound and path."""
    text = (
        '{"schema_version": 1, "edition": "2021", "year": 2024, "agency": {"name": "某局"}, "sections": [{"kind": '
        '"section", "heading": "总体情况", "blocks": [{"kind": "paragraph", "content": [{"kind": "amount", "value": '
        + value
        + "}]}]}]}"
    )
    if expected is None:
        assert Decimal(json.loads(value)) == govdisclose.from_json(text).sections[0].blocks[0].content[0].value  # type: ignore[attr-defined]
    else:
        with pytest.raises(DocumentError) as info:
            govdisclose.from_json(text)
        assert f"{expected} @ $.sections[0].blocks[0].content[0].value" == str(info.value)


def test_a_long_integer_before_a_syntax_error_is_a_document_error() -> None:
    """Found by fuzzing: a 4,301-digit integer, then broken JSON, is refused as not JSON (not a JSONDecodeError)."""
    message = str(_refusal("fuzz_long_integer_then_syntax.json"))
    assert message.startswith("not valid JSON: Expecting ',' delimiter at line 1 column ")
    assert message.endswith(" @ $")


@pytest.mark.parametrize(
    ("load", "text"),
    [
        (govdisclose.from_json, '{"schema_version": 1, "year": 1e9999999999999999999}'),
        (govdisclose.from_toml, "schema_version = 1\nyear = 1e9999999999999999999\n"),
    ],
)
def test_an_exponent_past_any_decimal_is_a_document_error(load: Any, text: str) -> None:
    """Found by fuzzing: an exponent no decimal can hold is refused at parse (it raised decimal.InvalidOperation)."""
    with pytest.raises(DocumentError) as info:
        load(text)
    assert "number 1e9999999999999999999 is far past the bounds of a report's numbers @ $" == str(info.value)
    assert DocumentError is type(_refusal("fuzz_huge_exponent.json"))


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (" !!int", "not valid YAML: cannot read '' as int at line 1 column 2 @ $"),
        ("year: !!int", "not valid YAML: cannot read '' as int at line 1 column 7 @ $"),
        ("!!timestamp", "not valid YAML: cannot read '' as timestamp at line 1 column 1 @ $"),
        ("!!bool", "not valid YAML: cannot read '' as bool at line 1 column 1 @ $"),
    ],
)
def test_an_empty_tagged_yaml_scalar_is_a_document_error(payload: str, message: str) -> None:
    """Regression (found by fuzzing): an empty `!!int` raised IndexError, an empty `!!timestamp` AttributeError."""
    with pytest.raises(DocumentError) as info:
        govdisclose.from_yaml(payload)
    assert message == str(info.value)
