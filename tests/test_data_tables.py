from decimal import Decimal
from pathlib import Path

import pytest

import govdisclose
from govdisclose import examples
from govdisclose.data import (
    DataError,
    FigureRow,
    columns,
    figures,
    findings,
    key_figures,
    quantities,
    report_id,
    reports_table,
)
from govdisclose.model import (
    Agency,
    ApplicationsTable2021,
    Cell,
    Compound,
    Count,
    Edition,
    Paragraph,
    Report,
    Section,
    Table,
    national_statistics_form,
)
from govdisclose.plugins import PluginHost

SAMPLE = examples.load("sample-2021")
CORPUS = Path(__file__).parent / "data" / "corpus"


def _report(*blocks: object, year: int = 2021, edition: Edition = Edition.E2021) -> Report:
    return Report(
        edition=edition,
        year=year,
        agency=Agency(name="某县教育局", parent="某市某县人民政府"),
        sections=(Section(heading="收到和处理政府信息公开申请情况", blocks=blocks),),  # type: ignore[arg-type]
    )


def _cell(rows: list[FigureRow], row_id: str, column_id: str) -> FigureRow:
    return next(r for r in rows if r.row_id == row_id and r.column_id == column_id)


def test_every_cell_of_the_official_tables_is_a_row() -> None:
    """Tables 二, 三 and 四 of a 2021 report give 10 + 25 × 7 + 15 = 200 rows, each a number."""
    rows = list(figures([SAMPLE]))
    assert 200 == len(rows)
    assert {"number"} == {r.state for r in rows}
    assert {"proactive-2021": 10, "applications-2021": 175, "reviews-litigation": 15} == {
        table: sum(r.table_id == table for r in rows) for table in {r.table_id for r in rows}
    }


def test_an_official_cell_has_its_official_labels_and_path() -> None:
    """（一）予以公开 × 自然人 of the sample is 9, with the labels of the spec and its document path."""
    cell = _cell(list(figures(SAMPLE)), "result.disclosed", "natural-person")
    assert ("（一）予以公开", "三、本年度办理结果", "自然人", "申请人情况") == (
        cell.row_label,
        cell.row_group,
        cell.column_label,
        cell.column_group,
    )
    assert (Decimal(9), "9", "$.sections[2].blocks[0].rows[2].values[0]") == (cell.value, cell.text, cell.path)
    assert ("示例县教育局", "示例县教育局", "示例县", 2021, "2021") == (
        cell.agency,
        cell.agency_key,
        cell.region,
        cell.year,
        cell.edition,
    )


def test_table_two_rows_carry_their_block_and_the_fee_unit() -> None:
    """Table 二 rows are grouped by their 第二十条 block; the fee column's unit is read from its heading: 万元."""
    rows = list(figures(SAMPLE))
    fees = _cell(rows, "administrative-fees", "fees")
    assert ("第二十条第（八）项", "万元", "amount") == (fees.row_group, fees.unit, fees.column_kind)
    assert "第二十条第（一）项" == _cell(rows, "rules", "issued").row_group


def test_blank_marker_unknown_and_approximate_cells_stay_distinct() -> None:
    """A blank, a '/', an unknown cell and 3余 are four states; none of them is a 0."""
    table = ApplicationsTable2021.from_values({"new": ["", "/", None, 0, 2, "3余", 6]})
    rows = list(figures(_report(table)))
    assert [("blank", None, ""), ("marker", None, "/"), ("unknown", None, ""), ("number", Decimal(0), "0")] == [
        (r.state, r.value, r.text) for r in rows[:4]
    ]
    approximate = rows[5]
    assert ("number", Decimal(3), "余", "3余") == (
        approximate.state,
        approximate.value,
        approximate.qualifier,
        approximate.text,
    )


def test_the_national_form_gives_one_row_per_value_row() -> None:
    """The 2014 national form has 65 rows of which 7 are groups: 58 cells, grouped, with their units."""
    form = national_statistics_form({"applications.received": [4]})
    rows = list(figures(_report(form, year=2017, edition=Edition.PRE_2019)))
    assert 58 == len(rows)
    received = _cell(rows, "applications.received", "0")
    assert ("national-2014", "（一）收到申请数", "三、依申请公开情况", "统计数", "件", Decimal(4)) == (
        received.table_id,
        received.row_label,
        received.row_group,
        received.column_label,
        received.unit,
        received.value,
    )
    assert 57 == sum(r.state == "unknown" for r in rows)


def test_a_generic_table_gives_its_body_cells_with_their_headings() -> None:
    """A generic table's body cells (not the label column) carry the row label and the heading above them."""
    table = Table(
        rows=(
            (Cell(text="项目", header=True), Cell(text="数量", header=True)),
            (Cell(text="收到申请"), Cell(text="3")),
            (Cell(text="办结"), Cell(text="/")),
        )
    )
    rows = list(figures(_report(table, year=2016, edition=Edition.PRE_2019)))
    assert [("收到申请", "数量", Decimal(3), "number"), ("办结", "数量", None, "marker")] == [
        (r.row_label, r.column_label, r.value, r.state) for r in rows
    ]
    assert "$.sections[0].blocks[0].rows[1][1]" == rows[0].path


def test_a_plugin_table_is_walked_through_its_own_definition() -> None:
    """The example plugin's table gives its rows under the plugin's labels (report id with the plugin's kinds)."""
    from govdisclose_example_plugin import ProposalsTable, register

    host = PluginHost.isolated()
    host.load("npc-proposals", register)
    rows = list(figures(_report(ProposalsTable.from_values({"npc": [45, 45, 40]})), registry=host.kinds))
    assert [
        ("人大代表建议", "办理件数", Decimal(45)),
        ("人大代表建议", "已办结", Decimal(45)),
        ("人大代表建议", "已公开", Decimal(40)),
    ] == [(r.row_label, r.column_label, r.value) for r in rows]
    assert {"example.proposals"} == {r.table_id for r in rows}


def test_the_report_id_is_the_hash_of_the_canonical_json() -> None:
    """Equal reports have one id; a changed cell changes it."""
    import hashlib

    assert hashlib.sha256(govdisclose.to_json(SAMPLE).encode()).hexdigest() == report_id(SAMPLE)
    assert report_id(examples.load("sample-2021")) == report_id(SAMPLE)
    assert report_id(examples.load("sample-2021-flawed")) != report_id(SAMPLE)


def test_quantities_of_running_text_have_context_and_path() -> None:
    """三元区城关街道's 133.9554万元 is an amount in 万元 with the text around it; compound counts give a row each."""
    rows = list(quantities(examples.load("sanyuan-chengguan-2017")))
    amount = next(r for r in rows if r.text == "133.9554万元")
    assert ("amount", Decimal("133.9554"), "万元") == (amount.kind, amount.value, amount.unit)
    assert "累计发放低保金133.9554万元;特困供养对象5户5人" in amount.context
    assert "推进扶贫脱贫和社会救助信息公开" == amount.section
    compound = _report(
        Paragraph(content=("救助", Compound(parts=(Count(value=189, unit="户"), Count(value=247, unit="人"))), "。"))
    )
    parts = list(quantities(compound))
    assert [
        ("189户", "户", "$.sections[0].blocks[0].content[1].parts[0]"),
        ("247人", "人", "$.sections[0].blocks[0].content[1].parts[1]"),
    ] == [(r.text, r.unit, r.path) for r in parts]
    assert {"救助189户247人。"} == {r.context for r in parts}


def test_findings_table_has_one_row_per_finding() -> None:
    """The seed report's breakdown error is a row with expected 17 and actual 15 (1+5+2+9 against 15)."""
    report = examples.load("sanyuan-chengguan-2017")
    rows = [r for r in findings([("example:sanyuan-chengguan-2017", report)]) if r.rule == "breakdown.sum"]
    assert [("error", "17", "15", Decimal(-2), "example:sanyuan-chengguan-2017")] == [
        (r.severity, r.expected, r.actual, r.difference, r.source) for r in rows
    ]


def test_reports_table_and_key_figures_have_one_row_per_report() -> None:
    """Three reports, three rows in each; the pre-2019 report's indicators are empty with a reason."""
    reports = [examples.load(name) for name in examples.names()]
    assert 3 == len(list(reports_table(reports)))
    rows = list(key_figures(reports))
    assert 3 == len(rows)
    pre = rows[2]
    assert pre.get("applications_new") is None
    assert pre.not_computable is not None
    assert "applications_new: the report has no cell" in pre.not_computable


def test_a_one_shot_iterator_is_read_once() -> None:
    """Rows over a generator can be read once; a second read is an error, not an empty table."""
    rows = figures(r for r in [SAMPLE])
    assert 200 == len(list(rows))
    with pytest.raises(DataError, match="read already"):
        list(rows)


def test_arrow_table_has_the_documented_columns_and_exact_values() -> None:
    """to_arrow has the columns of FigureRow with their descriptions, and 0.092 stays 0.092."""
    table = ApplicationsTable2021.from_values({"new": [1, 0, 0, 0, 0, 0, 1]})
    from govdisclose.model import ProactiveTable2021

    proactive = ProactiveTable2021.from_values({"administrative-fees": ["0.092"]})
    arrow = figures(_report(table, proactive)).to_arrow()
    assert [c.name for c in columns(FigureRow)] == arrow.schema.names
    assert b"the number, exact" in arrow.schema.field("value").metadata[b"description"]
    values = arrow.column("value").to_pylist()
    assert Decimal("0.092") == values[-1]
    frame = figures(_report(table, proactive)).to_pandas(exact=False)
    assert [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.092] == frame["value"].tolist()


def test_a_value_beyond_the_decimal_columns_is_refused_with_its_path() -> None:
    """A cell with 11 decimal places cannot go into decimal128(38, 10): the error names its path."""
    from govdisclose.model import ProactiveTable2021

    proactive = ProactiveTable2021.from_values({"administrative-fees": ["0.00000000001"]})
    with pytest.raises(DataError, match=r"@ \$\.sections\[0\]\.blocks\[0\]\.rows\[0\]\.values\[0\]"):
        figures(_report(proactive)).to_arrow()


def test_the_page_column_comes_from_the_positions_of_a_read() -> None:
    """A cell read on page 3 of a PDF has page 3; a position of page 0 (text, HTML) or none leaves it empty."""
    from govdisclose.data import report_tables
    from govdisclose.read import Position

    report = examples.load("sample-2021")
    licensing = "$.sections[1].blocks[0].rows[2].values[0]"
    punishment = "$.sections[1].blocks[0].rows[3].values[0]"
    positions = {licensing: Position(12, 5, 3), punishment: Position(40, 1)}
    figures_table = dict(report_tables(report, positions=positions).tables)["figures"]
    names = [c.name for c in columns(FigureRow)]
    pages = {row[names.index("path")]: row[names.index("page")] for row in figures_table}
    assert (3, None) == (pages[licensing], pages[punishment])
    assert {None} == {page for path, page in pages.items() if path != licensing}
