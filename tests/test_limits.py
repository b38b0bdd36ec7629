"""The documented limits of loaded documents and read sources: each fires just past its value, and not at it."""

from __future__ import annotations

import inspect
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import govdisclose
from govdisclose import DocumentError, ModelError
from govdisclose.read import read_html, read_text
from govdisclose.read._api import MAX_CHARS
from govdisclose.serialize import (
    DEFAULT_LIMITS,
    DocumentLimits,
    from_json,
    from_toml,
    from_yaml,
    load_report,
    report_from_data,
)
from govdisclose.serialize._files import parse_report
from govdisclose.serialize._json import loads_json
from govdisclose.serialize._limits import describe_size

DOCS = Path(__file__).resolve().parent.parent / "docs"

# Levels: the document (1), "sections" (2), its first section (3), "subsections" (4), the subsection (5).
DEEP_DATA: dict[str, Any] = {
    "schema_version": 1,
    "edition": "2021",
    "year": 2024,
    "agency": {"name": "某县教育局"},
    "sections": [
        {"kind": "section", "heading": "总体情况"},
        {"kind": "section", "heading": "主动公开", "subsections": [{"kind": "section", "heading": "规章"}]},
    ],
}
DEEP_DEPTH = 5
DEEP_PATH = "$.sections[1].subsections[0]"

LOADERS: dict[str, Callable[..., govdisclose.Report]] = {"json": from_json, "toml": from_toml, "yaml": from_yaml}


def _text(fmt: str) -> str:
    """The document of DEEP_DATA in *fmt*, as govdisclose writes it."""
    return govdisclose.serialize.dump_report(report_from_data(DEEP_DATA), fmt)


def test_default_limits_are_the_documented_ones() -> None:
    """64 MiB and 200 levels for documents, 32 million characters for the readers, as the docs say."""
    assert DocumentLimits(max_bytes=64 * 1024 * 1024, max_depth=200) == DEFAULT_LIMITS
    assert DEFAULT_LIMITS == DocumentLimits()
    assert 32_000_000 == MAX_CHARS
    for reader in (read_text, read_html):
        assert MAX_CHARS == inspect.signature(reader).parameters["max_chars"].default
    serialization = (DOCS / "serialization.md").read_text(encoding="utf-8")
    limits_section = serialization.split("## Limits", 1)[1].split("\n## ", 1)[0]
    assert "64 MiB" in limits_section
    assert "200 levels" in limits_section
    assert "32 million characters" in (DOCS / "reading.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", ["max_bytes", "max_depth"])
@pytest.mark.parametrize("value", [0, -1, True, 1.5])
def test_a_limit_is_a_positive_integer(field: str, value: object) -> None:
    """A limit below 1, or not an integer, is refused with a ModelError naming the field."""
    with pytest.raises(ModelError, match=f"'{field}' must be an integer >= 1") as info:
        DocumentLimits(**{field: value})  # type: ignore[arg-type]
    assert field == info.value.field


@pytest.mark.parametrize("fmt", sorted(LOADERS))
@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_size_limit_fires_just_past_it(fmt: str, as_bytes: bool) -> None:
    """A document of exactly max_bytes loads; one byte less of limit refuses it, naming both sizes."""
    text = _text(fmt)
    size = len(text.encode("utf-8"))
    assert size > len(text)  # Chinese text: bytes of UTF-8 are counted, not characters
    document: str | bytes = text.encode("utf-8") if as_bytes else text
    load = LOADERS[fmt]
    assert report_from_data(DEEP_DATA) == load(document, limits=DocumentLimits(max_bytes=size))
    with pytest.raises(DocumentError) as info:
        load(document, limits=DocumentLimits(max_bytes=size - 1))
    assert f"document is {size} bytes; the limit is {size - 1} bytes @ $" == str(info.value)
    assert "$" == info.value.path


@pytest.mark.parametrize("fmt", [*sorted(LOADERS), "data"])
def test_depth_limit_fires_just_past_it(fmt: str) -> None:
    """A document nested exactly max_depth deep loads; one level less of limit refuses it at the deepest path."""

    def load(limits: DocumentLimits) -> govdisclose.Report:
        if fmt == "data":
            return report_from_data(DEEP_DATA, limits=limits)
        return LOADERS[fmt](_text(fmt), limits=limits)

    assert report_from_data(DEEP_DATA) == load(DocumentLimits(max_depth=DEEP_DEPTH))
    with pytest.raises(DocumentError) as info:
        load(DocumentLimits(max_depth=DEEP_DEPTH - 1))
    assert f"document nested deeper than {DEEP_DEPTH - 1} levels @ {DEEP_PATH}" == str(info.value)
    assert DEEP_PATH == info.value.path


def test_depth_limit_of_one_level() -> None:
    """With a limit of 1 the document itself is the only object allowed; the first nested one is named."""
    with pytest.raises(DocumentError) as info:
        from_json(json.dumps(DEEP_DATA), limits=DocumentLimits(max_depth=1))
    assert "document nested deeper than 1 level @ $.agency" == str(info.value)


def test_depth_path_spells_unusual_keys_and_indices() -> None:
    """The path quotes a key that is not an identifier, and gives array indices in brackets."""
    data = {"schema_version": 1, "a b": [0, {"x": [[]]}]}  # levels: {, [, {, [, [
    with pytest.raises(DocumentError) as info:
        report_from_data(data, limits=DocumentLimits(max_depth=4))
    assert 'document nested deeper than 4 levels @ $["a b"][1].x[0]' == str(info.value)


def test_depth_check_walks_without_recursion() -> None:
    """Data nested 100,000 deep is refused by the depth check itself (no RecursionError), at the 201st level."""
    data: list[Any] = []
    for _ in range(100_000):
        data = [data]
    with pytest.raises(DocumentError) as info:
        report_from_data(data)
    assert "$" + "[0]" * 200 == info.value.path
    assert f"document nested deeper than 200 levels @ {info.value.path}" == str(info.value)


def test_loads_json_applies_the_limits() -> None:
    """loads_json, which gives plain data, refuses a document past either limit."""
    text = json.dumps(DEEP_DATA, ensure_ascii=False)
    assert DEEP_DATA == loads_json(text, limits=DocumentLimits(max_depth=DEEP_DEPTH))
    with pytest.raises(DocumentError, match=r"nested deeper than 4 levels @ \$\.sections\[1\]\.subsections\[0\]"):
        loads_json(text, limits=DocumentLimits(max_depth=DEEP_DEPTH - 1))
    with pytest.raises(DocumentError, match="the limit is 10 bytes"):
        loads_json(text, limits=DocumentLimits(max_bytes=10))


def test_json_too_deep_for_the_parser_names_the_limit() -> None:
    """A JSON text nested beyond what the parser can follow is refused with the limit in the message."""
    with pytest.raises(DocumentError) as info:
        from_json("[" * 100_000 + "]" * 100_000)
    assert "document nested too deeply to parse; the limit is 200 levels @ $" == str(info.value)


@pytest.mark.parametrize("fmt", sorted(LOADERS))
def test_parse_report_passes_the_limits_on(fmt: str) -> None:
    """parse_report applies the limits given to it, in every format."""
    with pytest.raises(DocumentError, match=f"nested deeper than {DEEP_DEPTH - 1} levels"):
        parse_report(_text(fmt), fmt, limits=DocumentLimits(max_depth=DEEP_DEPTH - 1))
    with pytest.raises(DocumentError, match="the limit is 10 bytes @"):
        parse_report(_text(fmt).encode("utf-8"), fmt, limits=DocumentLimits(max_bytes=10))


@pytest.mark.parametrize("fmt", sorted(LOADERS))
def test_load_report_refuses_a_file_past_the_size_limit(fmt: str, tmp_path: Path) -> None:
    """A file of exactly max_bytes loads; a larger one is refused with its size as the file system gives it."""
    path = tmp_path / f"report.{fmt}"
    path.write_text(_text(fmt), encoding="utf-8")
    size = path.stat().st_size
    assert report_from_data(DEEP_DATA) == load_report(path, limits=DocumentLimits(max_bytes=size))
    with pytest.raises(DocumentError) as info:
        load_report(path, limits=DocumentLimits(max_bytes=size - 1))
    assert f"document is {size} bytes; the limit is {size - 1} bytes @ $" == str(info.value)
    with pytest.raises(DocumentError, match="nested deeper than 4 levels"):
        load_report(path, limits=DocumentLimits(max_depth=DEEP_DEPTH - 1))


def test_load_report_refuses_standard_input_past_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input is read up to one byte past the limit, and then refused as holding more than the limit."""
    data = json.dumps(DEEP_DATA).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert report_from_data(DEEP_DATA) == load_report("-", limits=DocumentLimits(max_bytes=len(data)))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with pytest.raises(DocumentError) as info:
        load_report("-", limits=DocumentLimits(max_bytes=100))
    assert "document is more than 100 bytes; the limit is 100 bytes @ $" == str(info.value)


def test_the_default_limits_load_the_examples() -> None:
    """Every bundled example is well inside the default limits, through every loader."""
    for name in govdisclose.examples.names():
        report = govdisclose.examples.load(name)
        text = govdisclose.examples.text(name)
        assert report == from_json(text, limits=DEFAULT_LIMITS)
        assert report == from_toml(govdisclose.to_toml(report))
        assert report == from_yaml(govdisclose.to_yaml(report))


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1,023 bytes"),
        (1024, "1 KiB"),
        (1536, "1.5 KiB (1,536 bytes)"),
        (64 * 1024 * 1024, "64 MiB"),
        (64 * 1024 * 1024 + 1, "64.0 MiB (67,108,865 bytes)"),
        (3 * 1024**3, "3 GiB"),
    ],
)
def test_sizes_are_described_exactly(size: int, expected: str) -> None:
    """A size is a whole number of units when it is one, else rounded to a tenth with the exact bytes beside it."""
    assert expected == describe_size(size)


@pytest.mark.parametrize("reader", [read_text, read_html], ids=["text", "html"])
def test_reader_character_limit_fires_just_past_it(reader: Callable[..., Any]) -> None:
    """A source of exactly max_chars characters is read; one character less of limit refuses it, naming both."""
    source = "某局2024年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息10条。"
    if reader is read_html:
        source = f"<p>{source.replace(chr(10), '</p><p>')}</p>"
    length = len(source)
    assert 2024 == reader(source, max_chars=length).report.year
    with pytest.raises(DocumentError) as info:
        reader(source, max_chars=length - 1)
    assert f"source is {length} characters; {reader.__name__} reads at most {length - 1} @ $" == str(info.value)
