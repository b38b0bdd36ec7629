"""Cells of the official tables by label, id or path of labels; editing tables and reports without rebuilding them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govdisclose import ModelError, examples
from govdisclose.model import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Figure,
    Paragraph,
    Part,
    ProactiveTable2021,
    ReviewsTable,
    TableRow,
    UnknownLabelError,
)
from govdisclose.model._cells import find_column, find_row

DEFINITIONS = [APPLICATIONS_2019, APPLICATIONS_2021, PROACTIVE_2019, PROACTIVE_2021, REVIEWS_LITIGATION]


@pytest.mark.parametrize("definition", DEFINITIONS, ids=lambda d: d.id)
def test_every_row_is_found_by_id_label_and_path(definition: object) -> None:
    """Every official row answers to its id, its exact label and its full path of labels, and to nothing else."""
    for row in definition.rows:  # type: ignore[attr-defined]
        assert row == find_row(definition.rows, row.id)  # type: ignore[attr-defined]
        if row.label:
            assert row == find_row(definition.rows, row.label)  # type: ignore[attr-defined]
            assert row == find_row(definition.rows, (*row.path, row.label))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("（一）予以公开", "result.disclosed"),
        ("(一)予以公开", "result.disclosed"),
        ("予以公开", "result.disclosed"),
        ("部分公开", "result.partial"),
        ("（二）部分公开", "result.partial"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "result.partial"),
        (("（三）不予公开", "1.属于国家秘密"), "result.refused.state-secret"),
        (("不予公开", "属于国家秘密"), "result.refused.state-secret"),
        ('3、危及"三安全一稳定"', "result.refused.three-safeties"),
        (("其他处理", "其他"), "result.other.other"),
        ("总计", "result.total"),
        ("四、结转下年度继续办理", "carry-forward"),
    ],
)
def test_rows_of_table_three_by_label(key: str | tuple[str, ...], expected: str) -> None:
    """Labels are matched exactly, after folding width and punctuation, without ordinals, or as a path."""
    assert expected == find_row(APPLICATIONS_2021.rows, key).id


def test_columns_by_label_and_path() -> None:
    """Columns of table 三 by label; of table 四 by (block, outcome), where a bare outcome is ambiguous."""
    assert "commercial" == find_column(APPLICATIONS_2021.columns, ("法人或其他组织", "商业企业")).id
    assert "natural-person" == find_column(APPLICATIONS_2021.columns, "自然人").id
    assert "review.corrected" == find_column(REVIEWS_LITIGATION.columns, ("行政复议", "结果纠正")).id
    assert "litigation.after-review.total" == find_column(REVIEWS_LITIGATION.columns, ("复议后起诉", "总计")).id
    with pytest.raises(UnknownLabelError, match="ambiguous") as info:
        find_column(REVIEWS_LITIGATION.columns, ("行政诉讼", "总计"))
    assert 2 == len(info.value.candidates)


def test_a_miss_lists_the_nearest_labels_and_ids() -> None:
    """An unknown label is a KeyError naming the table and the nearest valid rows with their ids."""
    table = ApplicationsTable2021.zeros()
    with pytest.raises(KeyError) as info:
        table.get("（一）予以公布", "自然人")
    error = info.value
    assert isinstance(error, UnknownLabelError)
    assert "三、本年度办理结果 / （一）予以公开 (result.disclosed)" == error.candidates[0]
    assert str(error).startswith("no row '（一）予以公布' in applications-2021; nearest: ")
    with pytest.raises(UnknownLabelError, match="no column '法人' in applications-2021"):
        table.get("予以公开", "法人")


def test_a_2021_label_is_not_found_in_the_2019_table() -> None:
    """行政规范性文件 is the 2021 label; the 2019 table calls the row 规范性文件."""
    assert "normative-documents" == find_row(PROACTIVE_2019.rows, "规范性文件").id
    with pytest.raises(UnknownLabelError):
        find_row(PROACTIVE_2021.rows, "规范性文件")


def test_get_and_getitem_by_label() -> None:
    """``get`` and ``table[row, col]`` accept labels; an unpublished official row reads as unknown."""
    table = ApplicationsTable2021.from_values({"new": [3, 1, 0, 0, 0, 0, 4]})
    assert Decimal(4) == table["一、本年新收政府信息公开申请数量", "总计"].value
    assert Decimal(1) == table.get("new", ("法人或其他组织", "商业企业")).value
    assert Figure() == table["予以公开", "自然人"]


def test_with_cells_returns_a_new_table_in_official_order() -> None:
    """Setting cells keeps the original, adds a missing official row in its place, its other cells unknown."""
    table = ApplicationsTable2021.from_values({"new": [1, 0, 0, 0, 0, 0, 1], "carry-forward": [0] * 7})
    changed = table.with_cells({("（七）总计", "总计"): 1, ("予以公开", "自然人"): "1"})
    assert ["new", "carry-forward"] == [row.id for row in table.rows]
    assert ["new", "result.disclosed", "result.total", "carry-forward"] == [row.id for row in changed.rows]
    assert Decimal(1) == changed["予以公开", "自然人"].value
    assert Figure() == changed["予以公开", "总计"]
    assert Decimal(1) == changed.get("result.total", "total").value


def test_with_row_by_list_or_mapping() -> None:
    """A row is set from all its values left to right, or from {column: value}; a wrong count is a ModelError."""
    table = ApplicationsTable2021.zeros()
    by_list = table.with_row("予以公开", [5, 1, 0, 0, 0, 0, 6])
    by_map = table.with_row("予以公开", {"自然人": 5, "商业企业": 1, "总计": 6})
    assert by_list == by_map
    with pytest.raises(ModelError, match="has 7 cells, got 6 values"):
        table.with_row("予以公开", [1] * 6)


def test_table_four_by_block_and_column() -> None:
    """Table 四 has one row: its cells are addressed by (block, outcome)."""
    table = ReviewsTable.zeros().with_cells({("行政复议", "结果纠正"): 2, ("未经复议直接起诉", "总计"): 1})
    assert Decimal(2) == table["行政复议", "结果纠正"].value
    assert Decimal(1) == table.get(("行政诉讼", "未经复议直接起诉", "总计")).value
    assert Decimal(0) == table.get("cases", "review.upheld").value


def test_the_2019_single_other_row() -> None:
    """In the 2019 table （六）其他处理 is a row of its own."""
    table = ApplicationsTable2019.zeros().with_cells({("（六）其他处理", "自然人"): 2})
    assert Decimal(2) == table.get("result.other", "natural-person").value


def test_local_rows_by_id_or_label() -> None:
    """A report's own row is found by its id or label and set with with_row."""
    table = ProactiveTable2021(rows=(TableRow(id="local.x", label="地方规范", values=(1, 2)),))
    assert Decimal(2) == table.with_row("地方规范", [3, 2]).rows[0].values[1].value
    with pytest.raises(UnknownLabelError, match="a local row has no column labels"):
        table.get("地方规范", "本年制发件数")


def test_report_replace_and_with_part() -> None:
    """A report is edited by document path or by part; a bad path names what exists there."""
    report = examples.load("sample-2021")
    renamed = report.replace("$.agency.name", "某县卫生健康局")
    assert ("某县卫生健康局", report.agency.name != "某县卫生健康局") == (renamed.agency.name, True)
    with pytest.raises(ModelError, match=r"\$\.agency \(Agency\) has no field 'nmae'; its fields: name, level"):
        report.replace("$.agency.nmae", "x")
    with pytest.raises(ModelError, match=r"\$\.sections has \d+ items, there is no \[99\]"):
        report.replace("$.sections[99].heading", "x")
    with pytest.raises(ModelError, match="'heading' must be one line"):
        report.replace("$.sections[0].heading", "a\nb")
    paragraph = Paragraph(content=("本年度无其他需要报告的事项。",))
    edited = report.with_part(Part.OTHER, blocks=[paragraph])
    assert (paragraph,) == edited.part(Part.OTHER).blocks  # type: ignore[union-attr]
    assert report.part(Part.OVERVIEW) == edited.part(Part.OVERVIEW)


def test_with_part_of_a_missing_part() -> None:
    """Editing a part the report lacks is a ModelError listing the parts it has."""
    report = examples.load("sanyuan-chengguan-2017")
    with pytest.raises(ModelError, match="no section for part 'fees'; its parts: overview, proactive-disclosure"):
        report.with_part(Part.FEES, blocks=[])
