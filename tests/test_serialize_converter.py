"""The cattrs converter is the one structuring engine: every load goes through it, and its hooks keep paths exact."""

from __future__ import annotations

import json
from typing import Any

import pytest

import govdisclose
from govdisclose import DocumentError, Figure, Report
from govdisclose.model import default_kinds
from govdisclose.serialize import _converter
from govdisclose.serialize._converter import make_converter

SAMPLE = json.loads(govdisclose.examples.text("sample-2021"))


def _counting_converter(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Install a fresh converter for the default registry that records every document given to its Report hook."""
    converter = make_converter()
    report_hook = converter.get_structure_hook(Report)
    seen: list[object] = []

    def counting(data: Any, cls: type) -> Report:
        seen.append(data)
        result: Report = report_hook(data, cls)
        return result

    converter.register_structure_hook(Report, counting)
    monkeypatch.setattr(_converter, "_default_converter", lambda: converter)
    return seen


def test_valid_documents_are_structured_by_the_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """A valid document, in every format, reaches the converter's Report hook exactly once and loads from there."""
    seen = _counting_converter(monkeypatch)
    report = govdisclose.report_from_data(SAMPLE)
    text = govdisclose.to_json(report)
    assert report == govdisclose.from_json(text)
    assert report == govdisclose.from_toml(govdisclose.to_toml(report))
    assert report == govdisclose.from_yaml(govdisclose.to_yaml(report))
    assert 4 == len(seen)


def test_invalid_documents_are_worded_from_the_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """An invalid document also goes through the converter once, and its error names the path."""
    seen = _counting_converter(monkeypatch)
    data = json.loads(json.dumps(SAMPLE))
    data["sections"][3]["blocks"][0]["kind"] = "poem"
    with pytest.raises(DocumentError, match=r"unknown block kind 'poem'; .* @ \$\.sections\[3\]\.blocks\[0\]\Z"):
        govdisclose.report_from_data(data)
    assert 1 == len(seen)


def test_a_registry_has_a_converter_of_its_own() -> None:
    """Another registry's documents are structured by a converter made for it, once, and kept while it lives."""
    registry = default_kinds.copy()
    assert _converter._converter_for(registry) is _converter._converter_for(registry)
    assert _converter._converter_for(registry) is not _converter._converter_for(None)


def test_equal_cells_share_one_figure() -> None:
    """Table cells written alike load as one cached Figure; a cell written as a number and as a string stay apart."""
    converter = make_converter()
    assert converter.structure(7, Figure) is converter.structure(7, Figure)
    assert Figure.of(7) == converter.structure(7, Figure)
    assert converter.structure("7", Figure) is not converter.structure(7, Figure)
    assert Figure.of("/") == converter.structure("/", Figure)


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        ("items", "-3", "expected an array, got string '-3' @ $.sections[0].blocks[0].items"),
        ("items", ["a"], "expected an array, got string 'a' @ $.sections[0].blocks[0].items[0]"),
        ("items", [["a"], 5, ["b"], True], "expected an array, got int 5 @ $.sections[0].blocks[0].items[1]"),
    ],
)
def test_a_string_is_never_read_as_an_array_of_characters(where: str, value: object, expected: str) -> None:
    """Where an array belongs, a string is refused with its path (it used to load as one item per character)."""
    data = {
        "schema_version": 1,
        "edition": "2021",
        "year": 2024,
        "agency": {"name": "某县教育局"},
        "sections": [{"kind": "section", "heading": "总体情况", "blocks": [{"kind": "items", where: value}]}],
    }
    with pytest.raises(DocumentError) as info:
        govdisclose.report_from_data(data)
    assert expected == info.value.problems[0]


def test_every_problem_of_an_array_is_reported_with_its_index() -> None:
    """Problems in several items of one array are all reported, each at its own index, in order."""
    data = {
        "schema_version": 1,
        "edition": "2021",
        "year": 2024,
        "agency": {"name": "某县教育局"},
        "sections": [
            {"kind": "section", "heading": "总体情况", "blocks": [{"kind": "items", "items": [["a"], 5, ["b"], True]}]}
        ],
    }
    with pytest.raises(DocumentError) as info:
        govdisclose.report_from_data(data)
    assert (
        "expected an array, got int 5 @ $.sections[0].blocks[0].items[1]",
        "expected an array, got boolean True @ $.sections[0].blocks[0].items[3]",
    ) == info.value.problems


def test_an_unknown_key_in_a_tagged_object_is_reported_with_its_other_problems() -> None:
    """An unknown key beside a bad value in one block gives both problems, each with its path."""
    data = json.loads(json.dumps(SAMPLE))
    block = data["sections"][0]["blocks"][0]
    block["zz"] = 1
    block["content"] = 5
    with pytest.raises(DocumentError) as info:
        govdisclose.report_from_data(data)
    assert (
        "expected an array, got int 5 @ $.sections[0].blocks[0].content",
        "unknown field 'zz' @ $.sections[0].blocks[0]",
    ) == info.value.problems


def test_an_object_where_one_belongs_is_named() -> None:
    """A value that is not an object where an untagged object belongs is refused as such, not as 'not iterable'."""
    data = {**SAMPLE, "agency": True}
    with pytest.raises(DocumentError) as info:
        govdisclose.report_from_data(data)
    assert ("expected an object, got boolean True @ $.agency",) == info.value.problems


def test_figures_remembered_when_dumped_keep_their_own_data() -> None:
    """Cells dumped through the remembered figures give each figure its own data, however often it is met."""
    from decimal import Decimal

    from govdisclose.model import Qualifier

    cells = [
        Figure(value=Decimal(3)),
        Figure(value=Decimal("3.0")),
        Figure(value=Decimal(3), qualifier=Qualifier.MORE_THAN),
        Figure(marker="/"),
        Figure(marker=""),
        Figure(),
    ]
    expected = [3, "3.0", "3余", "/", "", None]
    converter = make_converter()
    for _ in range(2):  # the second time from the remembered data
        assert expected == [converter.unstructure(cell, Figure) for cell in cells]
    assert expected == [_converter._unstructure_figure(cell) for cell in cells]
