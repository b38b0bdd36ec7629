"""Official tables run together on one line (crawler text): cut into rows, split only where the split is unique."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from govdisclose.model import ApplicationsTable2019, OfficialTable, ProactiveTable2019, ReviewsTable, StatisticsTable
from govdisclose.read import read_text
from govdisclose.read._diagnostics import Notes
from govdisclose.read._normalise import START, Line
from govdisclose.read._tables import unrun_tables

CORPUS = Path(__file__).parent / "data" / "corpus" / "txt"


def _tables(path: Path) -> dict[type, OfficialTable]:
    report = read_text(path.read_text(encoding="utf-8")).report
    return {
        type(block): block
        for _, section in report.walk()
        for block in section.blocks
        if isinstance(block, OfficialTable)
    }


def _values(table: OfficialTable, row_id: str) -> tuple[Decimal | str | None, ...]:
    row = next(row for row in table.rows if row.id == row_id)
    return tuple(figure.value if figure.value is not None else figure.marker for figure in row.values)


def test_run_on_row_split_by_the_applicant_sum() -> None:
    """`230 000023` in table 三 is 23 | 0 | 0 | 0 | 0 | 0 | 23: the only split whose 总计 is the sum of the six."""
    text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人"
    text += "一、本年新收政府信息公开申请数量230 000023"
    pieces = unrun_tables(Line(text, START), Notes())
    assert pieces is not None
    assert "一、本年新收政府信息公开申请数量 | 23 | 0 | 0 | 0 | 0 | 0 | 23" == pieces[-1][0].text


def test_ambiguous_run_on_row_is_left_out_and_named() -> None:
    """`规范性文件898989` has ten splits into three cells and no sum to choose: the row is not read, and said so."""
    notes = Notes()
    text = "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件898989"
    pieces = unrun_tables(Line(text, START), notes)
    assert pieces is not None
    assert ["规章 | 0 | 0 | 0", "规范性文件 | 898989"] == [line.text for line, _ in pieces[-2:]]
    messages = [d.message for d in notes.result() if d.kind.value == "uncertain"]
    assert any("'规范性文件'" in m and "not guessed" in m for m in messages)


def test_crawler_text_2019_tables_read() -> None:
    """The crawler text of 平潭综合实验区 2019 (tables on one line) gives tables 二、三、四, worked out by hand."""
    tables = _tables(CORPUS / "2019-pingtan-zonghe-shiyanqu.txt")
    proactive = tables[ProactiveTable2019]
    assert (Decimal(0), Decimal(0), Decimal(0)) == _values(proactive, "rules")
    assert "normative-documents" not in {row.id for row in proactive.rows}  # 898989: ambiguous, not guessed
    applications = tables[ApplicationsTable2019]
    assert tuple(Decimal(v) for v in (23, 0, 0, 0, 0, 0, 23)) == _values(applications, "new")
    assert tuple(Decimal(v) for v in (7, 0, 0, 0, 0, 0, 7)) == _values(applications, "result.unable.not-held")
    assert (Decimal(0),) * 15 == _values(tables[ReviewsTable], "cases")


def test_chapters_counted_on_across_the_tables() -> None:
    """The chapters between and after the run-together tables (三、四、五、六) are still read as chapters."""
    report = read_text((CORPUS / "2021-pingtan-zonghe-shiyanqu.txt").read_text(encoding="utf-8")).report
    headings = [section.heading for section in report.sections]
    assert 6 == len(headings)
    assert headings[2].startswith("收到和处理政府信息公开申请情况")


def test_rows_decided_by_the_column_sums_of_table_3() -> None:
    """平潭 2021: `270020130` and `220000325` split two ways each; only 27|0|0|2|0|1|30 with 22|0|0|0|0|3|25 add up."""
    tables = _tables(CORPUS / "2021-pingtan-zonghe-shiyanqu.txt")
    applications = next(t for t in tables.values() if "result.total" in {row.id for row in t.rows})
    assert tuple(Decimal(v) for v in (27, 0, 0, 2, 0, 1, 30)) == _values(applications, "result.disclosed")
    assert tuple(Decimal(v) for v in (22, 0, 0, 0, 0, 3, 25)) == _values(applications, "result.unable.not-held")
    assert tuple(Decimal(v) for v in (63, 0, 0, 2, 0, 4, 69)) == _values(applications, "result.total")


def test_crawler_text_2018_local_form_read() -> None:
    """平潭综合实验区 2018: the local form on one line (``主动公开文件数条206912106其中：1.…``) gives its 15 rows.

    ``206912106`` splits into 2018年度 | 历年累计 three ways with no leading zero and 累计 ≥ 年度 (20 | 6912106,
    206 | 912106, 2069 | 12106); the text before the table states ``主动公开政府信息2069条``, which picks 2069 | 12106.
    """
    result = read_text((CORPUS / "2018-pingtan-zonghe-shiyanqu.txt").read_text(encoding="utf-8"))
    (table,) = [b for _, s in result.report.walk() for b in s.blocks if isinstance(b, StatisticsTable)]
    assert ("2018年度", "历年累计") == table.columns
    assert 15 == len(table.rows)
    rows = {row.label: row for row in table.rows}
    assert [Decimal(2069), Decimal(12106)] == [f.value for f in rows["主动公开文件数"].values]
    assert [Decimal(2069), Decimal(12106)] == [f.value for f in rows["其中：1.政府网站公开数"].values]
    assert ("件", [Decimal(0), Decimal(0)]) == (rows["行政诉讼数"].unit, [f.value for f in rows["行政诉讼数"].values])
    assert "2.政府公报公开数" in rows  # the ordinal 2 was cut off the digits before it (2069121062.政府公报…)
    assert any("the text states (2069条)" in d.message for d in result.diagnostics)


def test_run_on_local_form_without_evidence_is_left_out() -> None:
    """With no text stating the figure, ``206912106`` keeps its digits in one cell: the row is left out, and said so."""
    notes = Notes()
    text = "六、政府信息公开情况统计表指标名称计量单位2018年度历年累计主动公开文件数条206912106行政复议数件00"
    pieces = unrun_tables(Line(text, START), notes)
    assert pieces is not None
    assert [
        "指标名称 | 计量单位 | 2018年度 | 历年累计",
        "主动公开文件数 | 条 | 206912106",
        "行政复议数 | 件 | 0 | 0",
    ] == [line.text for line, table in pieces if table]
    assert any("3 splits into 2 cells fit; row left out, not guessed" in d.message for d in notes.result())


def test_run_on_local_form_stops_at_a_row_it_cannot_cut_and_says_so() -> None:
    """A row whose label holds digits (``免予公开范围1–6``) ends the cut; the rows from there are named as not read."""
    notes = Notes()
    text = "指标名称计量单位2012年度历年累计申请总数件33其中：1.当面申请数件22（5）–（10）“免予公开范围1–6”数件00"
    pieces = unrun_tables(Line(text, START), notes)
    assert pieces is not None
    assert [
        "指标名称 | 计量单位 | 2012年度 | 历年累计",
        "申请总数 | 件 | 3 | 3",
        "其中：1.当面申请数 | 件 | 2 | 2",
    ] == [line.text for line, table in pieces if table]
    assert any("the rows from here are not read" in d.message for d in notes.result())
