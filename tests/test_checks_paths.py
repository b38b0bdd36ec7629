import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings

import govdisclose
from govdisclose import examples
from govdisclose.checks import check, covers, iter_blocks, iter_quantities, join_path, path_key
from govdisclose.model import (
    Agency,
    Compound,
    Count,
    Edition,
    EnumeratedPoints,
    Introduction,
    NumberedItems,
    Paragraph,
    Report,
    Section,
    Share,
    Statistic,
    StatPart,
)
from strategies import reports


def at(data: Any, path: str) -> Any:
    """The value at a document path such as ``$.sections[2].blocks[0].rows[24].values[0]``."""
    assert path.startswith("$")
    for name, index in re.findall(r"\.([A-Za-z_]\w*)|\[(\d+)\]", path):
        data = data[name] if name else data[int(index)]
    return data


def test_join_path_writes_fields_and_indices() -> None:
    """Field names are joined with dots, indices in brackets, as in JSONPath."""
    assert "$.sections[1].subsections[0].blocks[0].content[5]" == join_path(
        "$", "sections", 1, "subsections", 0, "blocks", 0, "content", 5
    )


def test_covers_respects_step_boundaries() -> None:
    """A prefix covers itself and what lies below it, not a sibling whose index starts with the same digits."""
    assert covers("$.sections[1]", "$.sections[1]")
    assert covers("$.sections[1]", "$.sections[1].blocks[0]")
    assert covers("$.sections[1]", "$.sections[1][0]")
    assert not covers("$.sections[1]", "$.sections[10]")
    assert not covers("$.sections[1].blocks", "$.sections[1].blocks_extra")


def test_path_key_orders_as_the_document_reads() -> None:
    """Metadata before the 引言 before the chapters before the signature; indices numerically; parents first."""
    paths = [
        "$.signature.date",
        "$.sections[10].blocks[0]",
        "$.sections[2].blocks[0].rows[10].values[0]",
        "$.sections[2].blocks[0].rows[9].values[6]",
        "$.sections[2]",
        "$.introduction.blocks[0]",
        "$.publication.published_on",
        "$.sections[2].subsections[0]",
    ]
    assert [
        "$.publication.published_on",
        "$.introduction.blocks[0]",
        "$.sections[2]",
        "$.sections[2].blocks[0].rows[9].values[6]",
        "$.sections[2].blocks[0].rows[10].values[0]",
        "$.sections[2].subsections[0]",
        "$.sections[10].blocks[0]",
        "$.signature.date",
    ] == sorted(paths, key=path_key)


@pytest.mark.parametrize("name", examples.names())
def test_block_paths_point_at_the_serialized_blocks(name: str) -> None:
    """Every block path of a bundled example leads, in report_to_data's document, to a block of the same kind."""
    report = examples.load(name)
    data = govdisclose.report_to_data(report)
    sites = list(iter_blocks(report))
    assert sites
    for site in sites:
        assert site.block.KIND == at(data, site.path)["kind"]


def _serialized_value(quantity: object) -> object:
    if isinstance(quantity, Count):
        return quantity.value
    if isinstance(quantity, Share):
        return format(quantity.value, "f")
    return None


@pytest.mark.parametrize("name", examples.names())
def test_quantity_paths_point_at_the_serialized_quantities(name: str) -> None:
    """Every quantity path of a bundled example leads to a serialized quantity of the same kind and value."""
    report = examples.load(name)
    data = govdisclose.report_to_data(report)
    checked = 0
    for site in iter_blocks(report):
        for quantity_site in iter_quantities(site.path, site.block):
            serialized = at(data, quantity_site.path)
            assert quantity_site.quantity.KIND == serialized["kind"]
            if isinstance(quantity_site.quantity, (Count, Share)):
                assert _serialized_value(quantity_site.quantity) == serialized["value"]
            checked += 1
    assert checked > 0


def test_paths_inside_every_block_shape() -> None:
    """Quantities in the lead and points of 一是…二是…, numbered items, statistics and compounds have exact paths."""
    report = Report(
        edition=Edition.PRE_2019,
        year=2017,
        agency=Agency(name="某局"),
        introduction=Introduction(blocks=(Paragraph(content=("共", Count(value=1, unit="条"), "。")),)),
        sections=(
            Section(
                heading="概述",
                blocks=(
                    EnumeratedPoints(lead=("共", Count(value=2, unit="条")), points=(("甲", Count(value=3)),)),
                    NumberedItems(items=(("乙",), ("丙", Count(value=4)))),
                ),
                subsections=(
                    Section(
                        heading="细目",
                        blocks=(
                            Statistic(
                                subject="制作政府信息",
                                total=Count(value=5, unit="条"),
                                parts=(
                                    StatPart(
                                        label="主动公开",
                                        quantity=Count(value=5, unit="条"),
                                        share=Share(value=Decimal(100)),
                                    ),
                                ),
                            ),
                            Paragraph(
                                content=(
                                    "低保对象",
                                    Compound(parts=(Count(value=6, unit="户", id="h"), Count(value=7, unit="人"))),
                                )
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    data = govdisclose.report_to_data(report)
    found = {
        quantity_site.path: quantity_site.quantity
        for site in iter_blocks(report)
        for quantity_site in iter_quantities(site.path, site.block)
    }
    assert [
        "$.introduction.blocks[0].content[1]",
        "$.sections[0].blocks[0].lead[1]",
        "$.sections[0].blocks[0].points[0][1]",
        "$.sections[0].blocks[1].items[1][1]",
        "$.sections[0].subsections[0].blocks[0].total",
        "$.sections[0].subsections[0].blocks[0].parts[0].quantity",
        "$.sections[0].subsections[0].blocks[0].parts[0].share",
        "$.sections[0].subsections[0].blocks[1].content[1]",
    ] == list(found)
    for path, quantity in found.items():
        assert quantity.KIND == at(data, path)["kind"]
    assert 6 == at(data, "$.sections[0].subsections[0].blocks[1].content[1].parts[0]")["value"]


@settings(max_examples=60, deadline=None)
@given(reports)
def test_every_finding_path_resolves_in_the_document(report: Report) -> None:
    """On any valid report, check() runs, and each path of each finding exists in the serialized document."""
    result = check(report)
    data = govdisclose.report_to_data(report)
    for finding in result.findings:
        for path in finding.paths:
            if path == "$.sections" and "sections" not in data:
                continue  # a missing part is reported at the (empty, hence omitted) list of chapters
            at(data, path)
