from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose import ModelError, from_json, to_json
from govdisclose.model import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    Agency,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Edition,
    Figure,
    MoneyUnit,
    ProactiveTable2019,
    ProactiveTable2021,
    Qualifier,
    Report,
    ReviewsTable,
    Section,
    StatisticsTable,
    StatRow,
    SumRelation,
    TableRow,
    national_statistics_form,
)
from govdisclose.render import layout


def test_figure_states_stay_distinct() -> None:
    """Zero, blank, '/', unknown and an approximate value are five different figures."""
    figures = [Figure.of(0), Figure.of(""), Figure.of("/"), Figure.of(None), Figure.of("1100余")]
    assert 5 == len(set(figures))
    assert [True, False, False, False, True] == [f.is_number for f in figures]
    assert [True, True, True, False, True] == [f.is_known for f in figures]


@pytest.mark.parametrize(
    ("written", "value", "qualifier"),
    [
        ("35", Decimal(35), Qualifier.EXACT),
        ("-35", Decimal(-35), Qualifier.EXACT),
        ("−35", Decimal(-35), Qualifier.EXACT),
        ("0.092", Decimal("0.092"), Qualifier.EXACT),
        ("1100余", Decimal(1100), Qualifier.MORE_THAN),
        ("近50", Decimal(50), Qualifier.NEARLY),
        (" 12 ", Decimal(12), Qualifier.EXACT),
    ],
)
def test_figures_read_numbers_as_printed(written: str, value: Decimal, qualifier: Qualifier) -> None:
    """Printed numbers, signs (ASCII and U+2212) and qualifiers become exact figures."""
    figure = Figure.of(written)
    assert (value, qualifier) == (figure.value, figure.qualifier)


def test_figure_refuses_both_number_and_marker() -> None:
    """A figure is a number or a marker, never both."""
    with pytest.raises(ModelError, match="not both"):
        Figure(value=Decimal(1), marker="/")


def test_marker_that_is_a_number_is_refused() -> None:
    """A numeric string cannot hide in the marker field."""
    with pytest.raises(ModelError, match="is a number"):
        Figure(marker="12")


def test_official_labels_are_the_spec_strings() -> None:
    """A sample of labels, compared character for character with the spec."""
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" == APPLICATIONS_2021.row("result.partial").label
    assert "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" == (
        APPLICATIONS_2021.row("result.other.no-fee").label
    )
    assert "（六）其他处理" == APPLICATIONS_2019.row("result.other").label
    assert ["本年制发件数", "本年废止件数", "现行有效件数"] == [c.label for c in PROACTIVE_2021.row("rules").columns]
    assert ["上一年项目数量", "本年增/减", "处理决定数量"] == [c.label for c in PROACTIVE_2019.row("licensing").columns]
    assert "本年收费金额（单位：万元）" == PROACTIVE_2021.row("administrative-fees").columns[0].label
    assert 15 == len(REVIEWS_LITIGATION.columns)


def test_row_counts_by_edition() -> None:
    """Table 三 has 25 rows in 2021 and 23 in 2019 (one-row （六）)."""
    assert (25, 23) == (len(APPLICATIONS_2021.rows), len(APPLICATIONS_2019.rows))


def test_wrong_number_of_values_is_refused() -> None:
    """A row with the wrong number of cells is not the official row."""
    with pytest.raises(ModelError, match="row 'new' has 6 values, the official row has 7"):
        ApplicationsTable2021(rows=(TableRow(id="new", values=(0,) * 6),))


def test_rows_out_of_order_are_refused() -> None:
    """Official rows keep the official order."""
    with pytest.raises(ModelError, match="out of the official order"):
        ApplicationsTable2021(rows=(TableRow(id="carried-over", values=(0,) * 7), TableRow(id="new", values=(0,) * 7)))


def test_local_row_needs_a_label() -> None:
    """A row the definition does not have is a local addition and must say what it is."""
    with pytest.raises(ModelError, match="a local row needs its 'label'"):
        ProactiveTable2021(rows=(TableRow(id="local.other-documents", values=(3,)),))
    table = ProactiveTable2021(rows=(TableRow(id="local.other-documents", values=(3,), label="其他主动公开文件"),))
    assert not table.complete


def test_missing_rows_make_a_table_incomplete() -> None:
    """A table with rows left out (a reader could not place them) is kept but not complete."""
    table = ApplicationsTable2021.from_values({"new": [1, 0, 0, 0, 0, 0, 1]})
    assert not table.complete
    assert Figure() == table.get("result.total", "total")
    assert Decimal(1) == table.get("new", "total").value


def test_unknown_row_in_from_values_is_refused() -> None:
    """from_values names the rows the definition lacks."""
    with pytest.raises(ModelError, match="not rows of applications-2021: nope"):
        ApplicationsTable2021.from_values({"nope": [0] * 7})


def _report(*blocks: object) -> Report:
    return Report(
        edition=Edition.E2021, year=2024, agency=Agency(name="x"), sections=(Section(heading="h", blocks=blocks),)
    )


def test_tables_round_trip_through_json() -> None:
    """Every official table, with numbers, markers, blanks, unknowns and decimals, survives JSON exactly."""
    report = _report(
        ProactiveTable2021.from_values(
            {"rules": [1, "/", ""], "licensing": [None], "administrative-fees": ["0.092"]}, note="单位：件"
        ),
        ApplicationsTable2021.zeros(),
        ApplicationsTable2019.filled("/"),
        ReviewsTable.zeros(),
        ProactiveTable2019.from_values({"licensing": [1215, -35, 1180]}, procurement_unit=MoneyUnit.YUAN),
        national_statistics_form({"applications.received": ["4"]}),
    )
    text = to_json(report)
    assert report == from_json(text)
    assert '"values": [1, "/", ""]' in text
    assert '"values": ["0.092"]' in text


@given(
    st.lists(
        st.one_of(st.integers(-(10**9), 10**9), st.sampled_from(["", "/", "—", "无", None, "12余", "0.50"])),
        min_size=7,
        max_size=7,
    )
)
def test_any_row_of_figures_round_trips(values: list[object]) -> None:
    """Cells of every kind survive the JSON form unchanged."""
    report = _report(ApplicationsTable2021(rows=(TableRow(id="new", values=values),)))  # type: ignore[arg-type]
    assert report == from_json(to_json(report))


def test_statistics_table_relations_must_name_rows() -> None:
    """A declared sum must refer to rows the table has."""
    with pytest.raises(ModelError, match="refers to row 'b'"):
        StatisticsTable(
            rows=(StatRow(id="a", label="A", values=(1,)),), relations=(SumRelation(total="a", parts=("b",)),)
        )


def test_national_form_has_the_reconstructed_structure() -> None:
    """The national form carries its group rows, units and overlapping channel relation."""
    form = national_statistics_form(fill=0)
    assert "——" == form.row("proactive").unit
    assert () == form.row("proactive").values
    channels = next(r for r in form.relations if r.total == "proactive.items")
    assert channels.overlapping
    with pytest.raises(KeyError, match="not rows of the national form: nope"):
        national_statistics_form({"nope": [1]})


def _spans(table: object) -> dict[str, tuple[int, int]]:
    return {c.text: (c.rowspan, c.colspan) for row in layout(table) for c in row if c.header}  # type: ignore[arg-type]


def test_applications_layout_matches_the_spec() -> None:
    """Table 三's header and label cells have the rowspans and colspans of format-2021.md §3."""
    spans = _spans(ApplicationsTable2021.zeros())
    assert (3, 3) == spans["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    assert (1, 7) == spans["申请人情况"]
    assert (2, 1) == spans["自然人"]
    assert (1, 5) == spans["法人或其他组织"]
    assert (2, 1) == spans["总计"]
    assert (1, 1) == spans["商业企业"]
    assert (1, 3) == spans["一、本年新收政府信息公开申请数量"]
    assert (22, 1) == spans["三、本年度办理结果"]
    assert (1, 2) == spans["（一）予以公开"]
    assert (8, 1) == spans["（三）不予公开"]
    assert (3, 1) == spans["（四）无法提供"]
    assert (5, 1) == spans["（五）不予处理"]
    assert (3, 1) == spans["（六）其他处理"]
    assert (1, 2) == spans["（七）总计"]
    assert (1, 3) == spans["四、结转下年度继续办理"]


def test_applications_2019_layout_has_twenty_result_rows() -> None:
    """In the 2019 format （六）其他处理 is one row, so the result rowspan is 20."""
    spans = _spans(ApplicationsTable2019.zeros())
    assert (20, 1) == spans["三、本年度办理结果"]
    assert (1, 2) == spans["（六）其他处理"]


def test_reviews_layout_matches_the_spec() -> None:
    """Table 四: 15 columns under two header levels, no label column."""
    grid = layout(ReviewsTable.zeros())
    assert [("行政复议", 1, 5), ("行政诉讼", 1, 10)] == [(c.text, c.rowspan, c.colspan) for c in grid[0]]
    assert [("结果维持", 2, 1)] * 1 == [(c.text, c.rowspan, c.colspan) for c in grid[1]][:1]
    assert [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)] == [
        (c.text, c.rowspan, c.colspan) for c in grid[1] if c.colspan > 1
    ]
    assert 10 == len(grid[2])
    assert 15 == len(grid[3])


def test_proactive_layout_stretches_single_value_columns() -> None:
    """In table 二 the value cell of blocks （五）（六）（八） spans columns 2–4."""
    grid = layout(ProactiveTable2021.zeros())
    assert [("第二十条第（一）项", 4)] == [(c.text, c.colspan) for c in grid[0]]
    licensing = next(row for row in grid if row[0].text == "行政许可")
    assert [1, 3] == [c.colspan for c in licensing]
    assert ("licensing", "decisions") == (licensing[1].row_id, licensing[1].column_id)


def test_layout_gives_every_value_cell_its_ids() -> None:
    """Each value cell of the layout carries row id, column id and the published figure."""
    table = ApplicationsTable2021.from_values({"new": [1, 2, 3, 4, 5, 6, 21]})
    cells = {(c.row_id, c.column_id): c.figure for row in layout(table) for c in row if c.column_id}
    assert Decimal(21) == cells[("new", "total")].value  # type: ignore[union-attr]
    assert Figure() == cells[("carry-forward", "total")]


def test_figure_with_an_int_value_points_to_figure_of() -> None:
    """Regression: Figure(value=3) crashed with AttributeError inside the validator; now a ModelError with a hint."""
    with pytest.raises(ModelError, match=r"'value' must be a Decimal \(got int 3\); use Figure.of\(3\)"):
        Figure(value=3)  # type: ignore[arg-type]
