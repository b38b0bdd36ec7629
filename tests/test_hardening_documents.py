"""Mutated documents: every serializer refuses bad input with a GovDiscloseError that names a path, or loads it."""

from __future__ import annotations

import copy
import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclose
from govdisclose import DocumentError, examples

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
            parent[path[-1]] = draw(st.sampled_from(HOSTILE))
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["zz", "kind", "value", "schema_version"]))] = draw(st.sampled_from(HOSTILE))
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
