"""The official tables from flattened text (pipe rows, one cell per line, blank-line cells), HTML and grids."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govdisclose.model import (
    APPLICATIONS_2021,
    NATIONAL_FORM_ROWS,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Edition,
    OfficialTable,
    ProactiveTable2019,
    ProactiveTable2021,
    Report,
    ReviewsTable,
    StatisticsTable,
    Table,
    national_statistics_form,
)
from govdisclose.read import DiagnosticKind, ReadResult, read_html, read_text
from govdisclose.read._diagnostics import Notes, Position
from govdisclose.read._normalise import CellItem, TableItem
from govdisclose.read._tables import TableDraft, read_grid
from truth_score import TRUTH, Truth, load, score

HEAD = "某县教育局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"

PROACTIVE_2021_PIPES = """第二十条第（一）项 | |||
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 1 | 0 | 5 |
行政规范性文件 | 3 | 1 | 12 |
第二十条第（五）项 | |||
信息内容 | 本年处理决定数量 | ||
行政许可 | 268 | ||
第二十条第（六）项 | |||
信息内容 | 本年处理决定数量 | ||
行政处罚 | 2 | ||
行政强制 | 0 | ||
第二十条第（八）项 | |||
信息内容 | 本年收费金额（单位：万元） | ||
行政事业性收费 | 0.092 | ||
"""


def tables(report: Report) -> list[OfficialTable]:
    """The official tables of a report, in order."""
    return [block for _, section in report.walk() for block in section.blocks if isinstance(block, OfficialTable)]


def values(table: OfficialTable, row_id: str) -> list[str]:
    """The cells of a row as printed."""
    row = table.row(row_id)
    assert row is not None, row_id
    return [figure.text for figure in row.values]


def uncertain(result: ReadResult) -> list[str]:
    """The messages of the uncertain diagnostics."""
    return [d.message for d in result.diagnostics if d.kind is DiagnosticKind.UNCERTAIN]


def test_pipe_rows() -> None:
    """One row per line with ``|`` separators and runs of ``|`` for merged cells: a complete 2021 table 二."""
    (table,) = tables(read_text(HEAD + PROACTIVE_2021_PIPES).report)
    assert isinstance(table, ProactiveTable2021)
    assert table.complete
    assert (["1", "0", "5"], ["3", "1", "12"], ["268"], ["0.092"]) == (
        values(table, "rules"),
        values(table, "normative-documents"),
        values(table, "licensing"),
        values(table, "administrative-fees"),
    )


def _one_per_line(text: str, separator: str) -> str:
    cells = [cell.strip() for line in text.splitlines() for cell in line.split("|") if cell.strip()]
    return separator.join(cells) + "\n"


@pytest.mark.parametrize("separator", ["\n", "\n\n", "\n|\n", "\n||||\n"], ids=["lines", "blank", "pipe", "pipes"])
def test_one_cell_per_line(separator: str) -> None:
    """Cells on lines of their own, separated by nothing, blank lines or lines of pipes, give the same table."""
    (expected,) = tables(read_text(HEAD + PROACTIVE_2021_PIPES).report)
    (actual,) = tables(read_text(HEAD + _one_per_line(PROACTIVE_2021_PIPES, separator)).report)
    assert expected == actual


def test_fullwidth_bars_and_digits() -> None:
    """Rows separated by full-width bars ``｜`` with full-width digits are the same table."""
    (expected,) = tables(read_text(HEAD + PROACTIVE_2021_PIPES).report)
    fullwidth = PROACTIVE_2021_PIPES.replace("|", "｜").translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    (actual,) = tables(read_text(HEAD + fullwidth).report)
    assert expected == actual


def test_dropped_empty_cell_leaves_the_row_out() -> None:
    """A row with fewer cells than columns cannot be placed: it is left out, the table incomplete, and said so."""
    text = HEAD + PROACTIVE_2021_PIPES.replace("规章 | 1 | 0 | 5 |", "规章 | 1 | 5 |")
    result = read_text(text)
    (table,) = tables(result.report)
    assert table.row("rules") is None
    assert not table.complete
    assert any("2 values for 3 columns" in message for message in uncertain(result))
    assert any("incomplete" in message for message in uncertain(result))


def test_interior_blank_cell_in_a_pipe_row() -> None:
    """An empty cell between two values of a pipe row is a published blank, kept as one."""
    text = HEAD + PROACTIVE_2021_PIPES.replace("规章 | 1 | 0 | 5 |", "规章 | 1 |  | 5 |")
    (table,) = tables(read_text(text).report)
    assert ["1", "", "5"] == values(table, "rules")
    assert table.get("rules", "repealed").is_blank


def test_local_label_deviations() -> None:
    """``规范性文件`` in a 2021 table and ``第二十条（一）项`` are read, the published label kept."""
    text = HEAD + PROACTIVE_2021_PIPES.replace("行政规范性文件 |", "规范性文件 |").replace(
        "第二十条第（一）项", "第二十条（一）项"
    )
    (table,) = tables(read_text(text).report)
    row = table.row("normative-documents")
    assert row is not None
    assert ("规范性文件", ["3", "1", "12"]) == (row.label, [f.text for f in row.values])


def test_proactive_2019_layout_and_signed_change() -> None:
    """The 2019 layout (本年增/减, the （九） block) is read as ProactiveTable2019, negative changes included."""
    text = (
        "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项\n"
        "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 40 | -3 | 120 |\n"
        "第二十条第(九)项\n信息内容 | 采购项目数量 | 采购总金额 |\n政府集中采购 | 2 | 35.5 |"
    )
    result = read_text(text)
    (table,) = tables(result.report)
    assert isinstance(table, ProactiveTable2019)
    assert (Edition.E2019, ["40", "-3", "120"], ["2", "35.5"]) == (
        result.report.edition,
        values(table, "licensing"),
        values(table, "procurement"),
    )


APPLICATIONS_START = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
商业企业 | 科研企业 | 社会公益组织 | 法律服务机构 | 其他 |
一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
三、本年度办理结果 | （一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
（二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
"""


def test_applications_rows_by_group() -> None:
    """Row labels under a group label (（三）不予公开 → 1.属于国家秘密) find their rows; 科研企业 is 科研机构."""
    result = read_text("某县教育局2021年政府信息公开工作年度报告\n" + APPLICATIONS_START)
    (table,) = tables(result.report)
    assert ["new", "carried-over", "result.disclosed", "result.partial", "result.refused.state-secret",
            "result.refused.prohibited-by-law"] == [row.id for row in table.rows]  # fmt: skip
    assert "1" == table.get("result.disclosed", "commercial").text
    row = table.row("result.partial")
    assert row is not None
    assert "（二）部分公开" == row.label
    assert any("科研企业" in d.message for d in result.diagnostics if d.kind is DiagnosticKind.RECOGNISED)


def test_applications_edition_from_the_other_rows() -> None:
    """A single （六）其他处理 row is the 2019 layout; its three sub-rows the 2021 layout."""
    one_row = APPLICATIONS_START + "（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    three = APPLICATIONS_START + (
        "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |"
        " 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    )
    (first,) = tables(read_text("某局2020年政府信息公开工作年度报告\n" + one_row).report)
    (second,) = tables(read_text("某局2020年政府信息公开工作年度报告\n" + three).report)
    assert (ApplicationsTable2019, ApplicationsTable2021) == (type(first), type(second))
    assert "1" == second.get("result.other.no-fee", "total").text


def test_reviews_table_one_cell_per_line() -> None:
    """Table 四 with its headings and fifteen values, one cell per line."""
    labels = [
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ]
    labels += ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    numbers = [str(n) for n in (1, 1, 0, 1, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1)]
    text = "某局2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(labels + numbers)
    (table,) = tables(read_text(text).report)
    assert isinstance(table, ReviewsTable)
    assert numbers == values(table, "cases")


def test_label_split_over_lines() -> None:
    """A row label printed over several lines (``三、本`` ``年度办`` ``理结果``) is joined back."""
    text = (
        "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n"
        "三、本\n年度办\n理结果\n（一）予以公开\n2\n1\n0\n0\n0\n0\n3"
    )
    (table,) = tables(read_text(text).report)
    assert ["2", "1", "0", "0", "0", "0", "3"] == values(table, "result.disclosed")


HTML_TABLE = """<p>二、主动公开政府信息情况</p>
<table><tbody>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td><p>信息内容</p></td><td><p>本年</p><p>制发件数</p></td><td>本年废止<br/>件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>&nbsp;0&nbsp;</td><td>0</td><td>0</td></tr>
<tr><td>行政<span>规范性</span>文件</td><td>62</td><td></td><td>440</td></tr>
</tbody></table>"""


def test_html_table_with_split_labels_and_a_blank_cell() -> None:
    """HTML cells: labels over ``<p>``/``<span>``/``<br/>`` joined, ``&nbsp;`` dropped, an empty cell a blank."""
    report = read_html("<h1>某局2024年政府信息公开工作年度报告</h1>" + HTML_TABLE).report
    (table,) = tables(report)
    assert isinstance(table, ProactiveTable2021)
    assert (["0", "0", "0"], ["62", "", "440"]) == (values(table, "rules"), values(table, "normative-documents"))


def test_html_value_attributes_are_exact() -> None:
    """``data-value``/``data-marker``/``data-unknown`` attributes give the figures exactly, whatever the cell shows."""
    html = HTML_TABLE.replace("<td>62</td>", '<td data-value="62">六十二</td>').replace(
        "<td></td>", '<td data-unknown=""></td>'
    )
    (table,) = tables(read_html("<h1>某局2024年政府信息公开工作年度报告</h1>" + html).report)
    assert "62" == table.get("normative-documents", "issued").text
    assert not table.get("normative-documents", "repealed").is_known


def test_other_tables_are_generic() -> None:
    """A table that is no official table is kept as a generic table (HTML: with its spans), said uncertain."""
    html = (
        "<h1>某局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
        '<table><tr><td rowspan="2">项目</td><td>数量</td></tr><tr><td>3</td></tr></table>'
    )
    result = read_html(html)
    block = result.report.sections[0].blocks[0]
    assert isinstance(block, Table)
    assert (2, 2) == (block.rows[0][0].rowspan, block.width)
    text = "某局2024年政府信息公开工作年度报告\n一、总体情况\n项目 | 数量 |\n网站 | 3 |"
    block = read_text(text).report.sections[0].blocks[0]
    assert isinstance(block, Table)
    assert [["项目", "数量"], ["网站", "3"]] == [[cell.text for cell in row] for row in block.rows]


def test_page_laid_out_in_a_table() -> None:
    """A whole page inside a layout table: its paragraphs are lines, the official table nested in it a table."""
    html = (
        "<html><head><title>x</title><style>p { color: red }</style><script>var a = '一、总体情况';</script></head>"
        "<body><table><tr><td>当前位置：首页 &gt; 政务公开</td></tr><tr><td>"
        "<p>某局2024年政府信息公开工作年度报告</p><p>本报告依据《中华人民共和国政府信息公开条例》编制，"
        "全文包括总体情况、主动公开政府信息情况等六个部分，数据统计期限为2024年1月1日至2024年12月31日。</p>"
        "<p>二、主动公开政府信息情况</p>" + HTML_TABLE.split("\n", 1)[1] + "</td></tr></table></body></html>"
    )
    result = read_html(html)
    report = result.report
    assert ["主动公开政府信息情况"] == [section.heading for section in report.sections]
    (table,) = tables(report)
    assert ["62", "", "440"] == values(table, "normative-documents")
    assert any(d.text.startswith("当前位置") for d in result.diagnostics if d.kind is DiagnosticKind.NOISE)


def test_provincial_guidance_and_extra_rows() -> None:
    """Provincial guidance after labels is tolerated, ``减35`` kept as written, an extra row kept as a local row."""
    text = (
        "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项\n"
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
        "规章（设区的市、自治州人民政府应提供相关数据） | 0 | 0 | 0 |\n"
        "规范性文件 | 2 | 2 | 30 |\n其他主动公开文件（含部门文件） | 5 | 5 | 60 |\n第二十条第(五)项\n"
        "信息内容 | 上一年项目数量（指2019年事项数） | 本年增/减 | 处理决定数量 |\n行政许可 | 40 | 减35 | 120 |"
    )
    result = read_text(text)
    (table,) = tables(result.report)
    assert ["rules", "normative-documents", "local-1", "licensing"] == [row.id for row in table.rows]
    local = table.rows[2]
    assert ("其他主动公开文件（含部门文件）", ["5", "5", "60"]) == (local.label, [f.text for f in local.values])
    change = table.get("licensing", "change")
    assert (None, "减35") == (change.value, change.marker)


# ---- the grid entry (HTML tables, and any reader that finds a grid of cells) ---------------------------------------


def grid(*rows: tuple[str | tuple[str, int], ...]) -> TableItem:
    """A grid of cells as a reader of any source builds it: a text, or ``(text, colspan)``."""
    return TableItem(
        rows=tuple(
            tuple(CellItem(text=c) if isinstance(c, str) else CellItem(text=c[0], colspan=c[1]) for c in row)
            for row in rows
        ),
        at=Position(1, 0),
    )


def test_grid_of_an_official_table() -> None:
    """A grid of block （一） of table 二 gives its rows; a blank cell of the grid is blank, not 0."""
    (draft,) = read_grid(
        grid(
            (("第二十条第（一）项", 4),),
            ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
            ("规章", "1", "0", "5"),
            ("行政规范性文件", "3", "", "12"),
        ),
        Notes(),
    )
    assert isinstance(draft, TableDraft)
    table = draft.build(None)
    assert isinstance(table, ProactiveTable2021)
    assert ["1", "0", "5"] == [f.text for f in table.row("rules").values]
    assert ["3", "", "12"] == [f.text for f in table.row("normative-documents").values]
    assert (Decimal(3), None, "") == (
        table.row("normative-documents").values[0].value,
        table.row("normative-documents").values[1].value,
        table.row("normative-documents").values[1].marker,
    )


def test_grid_of_the_national_form() -> None:
    """A grid ``统计指标 | 单位 | 统计数`` is the 2014 national form; rows not printed are unknown."""
    (draft,) = read_grid(
        grid(
            ("统计指标", "单位", "统计数"),
            ("一、主动公开情况", "——", ""),
            ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "149"),
        ),
        Notes(),
    )
    assert isinstance(draft, TableDraft)
    form = draft.build(None)
    assert isinstance(form, StatisticsTable)
    assert (Decimal(149), False) == (
        form.row("proactive.items").values[0].value,
        form.row("proactive.channels.gazette").values[0].is_known,
    )


def test_grid_of_another_table_is_generic() -> None:
    """A grid that is no official table and no national form is a generic table with its spans."""
    (table,) = read_grid(grid((("联系方式", 2),), ("电话", "0598-1234567")), Notes())
    assert isinstance(table, Table)
    assert [["联系方式"], ["电话", "0598-1234567"]] == [[cell.text for cell in row] for row in table.rows]
    assert 2 == table.rows[0][0].colspan


def test_national_form_rows_are_row_definitions() -> None:
    """The 2014 form is defined with RowDef/ColumnDef: nesting as the path, the 单位 cell as the unit."""
    rows = {row.id: row for row in NATIONAL_FORM_ROWS}
    secret = rows["applications.answered.refused.state-secret"]
    assert ("其中：涉及国家秘密", "件") == (secret.label, secret.unit)
    assert ("三、依申请公开情况", "（三）申请答复数", "4.不同意公开答复数") == secret.path
    assert ((), "——") == (rows["proactive"].columns, rows["proactive"].unit)
    assert ("统计数", "count") == (secret.columns[0].label, secret.columns[0].kind)
    assert ("万元", "amount") == (rows["fees"].unit, rows["fees"].columns[0].kind)
    nested = ("proactive", "proactive.items", "proactive.items.normative", "proactive.items.normative-issued")
    assert [0, 1, 2, 2] == [len(rows[row_id].path) for row_id in nested]
    assert [0, 1, 2, 2] == [national_statistics_form().row(row_id).level for row_id in nested]


# ---- local statistics forms before 2019 ---------------------------------------------------------------------------

CORPUS = Path(__file__).parent / "data" / "corpus"


def statistics(report: Report) -> list[StatisticsTable]:
    """The statistics tables of a report, in order."""
    return [block for _, section in report.walk() for block in section.blocks if isinstance(block, StatisticsTable)]


def test_local_form_of_a_real_html_page() -> None:
    """平潭县 2011 附件1 (指标名称/计量单位/2011年度/历年累计, 17 rows as in its markup) is a statistics table."""
    result = read_html((CORPUS / "html" / "2011-pingtan-xian.html").read_text(encoding="utf-8"))
    (table,) = statistics(result.report)
    headings = (table.label_heading, table.unit_heading, table.columns)
    assert ("指标名称", "计量单位", ("2011年度", "历年累计")) == headings
    assert 17 == len(table.rows)
    first, website = table.rows[0], table.rows[1]
    assert ("主动公开信息数", "条", ["425", "1516"], 0) == (first.label, first.unit, [f.text for f in first.values], 0)
    assert ("其中：1.网站公开", ["418", "1509"], 1) == (website.label, [f.text for f in website.values], website.level)
    assert ("行政申诉数", 0) == (table.rows[-1].label, table.rows[-1].level)
    # 主动公开 = 网站 + 公报 (channels, may overlap), 受理 = its six channels, 答复 = its three kinds
    assert [("主动公开信息数", 2, True), ("受理依申请公开信息总数", 6, False), ("对申请的答复数", 3, False)] == [
        (table.row(r.total).label, len(r.parts), r.overlapping) for r in table.relations
    ]
    assert all(r.reconstructed for r in table.relations)


LOCAL_FORM = """某县2010年政府信息公开工作年度报告
一、概述
本县认真贯彻《条例》。
二、政府信息公开情况统计表
指标名称 | 计量单位 | 代码 | 本期实际 | 本年累计
主动公开信息数 | 条 | 01 | 149 | 300
其中：全文电子化的主动公开信息数 | 条 | 02 | 149 | |
对申请的答复总数 | 件 | 03 | 3件 | 5
其中：1.同意公开答复数 | 件 | 04 | 2 | 3
2.同意部分公开答复数 | 件 | 05 | 0 | 1
3.否决公开答复总数 | 件 | 06 | 1 | 1
其中：（1）“信息不存在”数 | 件 | 07 | 1 | 1
（2）其它原因 | 件 | 08 | 0 | 0
咨询电话接听数 | 人次 | 09 | 若干 | 40
网站专栏页面访问量 | 万元 | 10 | 12人次 | 40
"""


def test_local_form_in_pipe_rows_with_codes_and_nesting() -> None:
    """A form with a code column: rows as published, a blank cell blank, a unit inside a cell read, nesting levels."""
    result = read_text(LOCAL_FORM)
    (table,) = statistics(result.report)
    assert ("代码", ("本期实际", "本年累计")) == (table.code_heading, table.columns)
    by_code = {row.code: row for row in table.rows}
    assert ["149", ""] == [f.text for f in by_code["02"].values]  # printed empty: blank, not 0
    assert (Decimal(3), "件") == (by_code["03"].values[0].value, by_code["03"].unit)  # `3件` under 件
    assert [0, 1, 0, 1, 1, 1, 2, 2] == [by_code[f"0{n}"].level for n in range(1, 9)]
    assert ("01", ("02",)) == (table.relations[0].total, table.relations[0].parts)
    assert ("06", ("07", "08")) == (table.relations[2].total, table.relations[2].parts)


def test_local_form_rows_that_do_not_fit_are_left_out_and_named() -> None:
    """A value cell that is no figure, or a unit inside a cell that contradicts the unit column: the row is not read."""
    result = read_text(LOCAL_FORM)
    (table,) = statistics(result.report)
    assert {"09", "10"}.isdisjoint(row.code for row in table.rows)
    messages = uncertain(result)
    assert any("'咨询电话接听数'" in m and "'若干'" in m and "not guessed" in m for m in messages)
    assert any("'网站专栏页面访问量'" in m and "'12人次' under the unit 万元" in m for m in messages)
    assert any("8 rows read, 2 left out" in m for m in messages)


def test_grid_of_a_local_form_with_a_merged_group_row() -> None:
    """A grid whose group row spans label and unit: the row is a group row (no values), the others are read."""
    (draft,) = read_grid(
        grid(
            ("统计指标", "单位", "2012年度"),
            (("依申请公开情况", 3),),
            ("申请总数", "件", "4"),
        ),
        Notes(),
    )
    assert isinstance(draft, TableDraft)
    table = draft.build(None)
    assert isinstance(table, StatisticsTable)
    assert [("依申请公开情况", ()), ("申请总数", ("4",))] == [
        (row.label, tuple(f.text for f in row.values)) for row in table.rows
    ]


def test_units_inside_cells() -> None:
    """A unit inside a cell: ``251000元`` read with 元 as the procurement unit, ``3件`` as 3; a clash is said.

    Money in a count column, or 元 in the 2021 fee column (万元), leaves the row out with the reason.
    """
    text_2019 = (
        "某县2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（九）项 | |\n信息内容 | 采购项目数量 | 采购总金额\n政府集中采购 | 3件 | 251000元\n"
    )
    (table,) = tables(read_text(text_2019).report)
    assert isinstance(table, ProactiveTable2019)
    assert (["3", "251000"], "元") == (values(table, "procurement"), table.procurement_unit)
    text_2021 = HEAD + PROACTIVE_2021_PIPES.replace("| 1 | 0 | 5 |", "| 1 | 0 | 5元 |").replace("0.092", "920元")
    result = read_text(text_2021)
    (table,) = tables(result.report)
    assert {"rules", "administrative-fees"}.isdisjoint(row.id for row in table.rows)
    messages = uncertain(result)
    assert any("'5元' is money in a column of counts" in m for m in messages)
    assert any("'920元' is in 元, the column in 万元" in m for m in messages)


# ---- Markdown pipe tables, as PDF-to-Markdown tools write them ---------------------------------------------------
#
# The three tables of 淮安市 2024 (tests/data/truth/2024-huaian-shi.toml, read by hand from the PDF) printed the ways
# such tools print a PDF table: a `|---|` separator after the first row; a merged cell left empty in the columns and
# rows it covers (`plain`, `compact`) or repeated in each of them (`repeated`); the empty cells of the first row named
# `Col2`, `Col3` … and wrapped headings kept with `<br>` (`compact`); headings wrapped onto a second row of the table
# (`wrapped`: `|信息内容|本年制发|` over `||件数|`, `|商业企|` over `|业|`).

MD_STYLES = ("plain", "compact", "repeated", "wrapped")


def _md_line(cells: list[str], style: str) -> str:
    return "|" + "|".join(cells) + "|" if style == "compact" else "| " + " | ".join(cells) + " |"


def _md_first(cells: list[str], style: str) -> list[str]:
    return [c or f"Col{i}" for i, c in enumerate(cells, 1)] if style == "compact" else cells


def _md_cover(text: str, style: str) -> str:
    """What a tool writes in a position covered by a merged cell."""
    return text if style == "repeated" else ""


def _md_wrap(text: str, style: str, at: int) -> str:
    return text[:at] + "<br>" + text[at:] if style == "compact" and len(text) > at else text


def _md_headings(first: list[str], style: str, at: int) -> list[list[str]]:
    """A row of headings, or two rows when the style wraps headings longer than *at* onto the next row."""
    if style != "wrapped":
        return [[_md_wrap(text, style, at) for text in first]]
    return [[text[:at] for text in first], [text[at:] for text in first]]


def _md_proactive(data: dict[str, Any], style: str) -> list[str]:
    lines = []
    for index, block in enumerate(PROACTIVE_2021.blocks):
        header = [block.header, *[_md_cover(block.header, style)] * 3]
        lines.append(_md_line(_md_first(header, style) if index == 0 else header, style))
        if index == 0:
            lines.append(_md_line(["---"] * 4, style))
        labels = [c.label for c in block.columns]
        labels += [_md_cover(labels[-1], style)] * (3 - len(labels))
        for row in _md_headings(["信息内容", *labels], style, 4):
            lines.append(_md_line(row, style))
        for row in block.rows:
            cells = [str(v) for v in data[row.id]]
            lines.append(_md_line([row.label, *cells, *[_md_cover(cells[-1], style)] * (3 - len(cells))], style))
    return lines


def _md_applications(data: dict[str, Any], style: str) -> list[str]:
    corner, cover = APPLICATIONS_2021.corner or "", _md_cover(APPLICATIONS_2021.corner or "", style)
    first = [corner, cover, cover, "申请人情况", *[_md_cover("申请人情况", style)] * 6]
    lines = [_md_line(_md_first(first, style), style), _md_line(["---"] * 10, style)]
    org = "法人或其他组织"
    lines.append(_md_line([cover] * 3 + ["自然人", org, *[_md_cover(org, style)] * 4, "总计"], style))
    kinds = [column.label for column in APPLICATIONS_2021.columns[1:6]]
    for row in _md_headings(kinds, style, 3):
        wrap = row is not None and row[0] == kinds[0][3:]
        ends = ["", ""] if wrap else [_md_cover("自然人", style), _md_cover("总计", style)]
        lines.append(_md_line([*(([""] * 3) if wrap else [cover] * 3), ends[0], *row, ends[1]], style))
    previous: tuple[str, ...] = ()
    for definition in APPLICATIONS_2021.rows:
        labels = [*definition.path, definition.label]
        cells = [
            _md_cover(label, style)
            if depth < len(definition.path) and previous[depth : depth + 1] == (label,)
            else label
            for depth, label in enumerate(labels)
        ]
        cells += [_md_cover(labels[-1], style)] * (3 - len(cells))
        previous = definition.path
        lines.append(_md_line(cells + [str(v) for v in data[definition.id]], style))
    return lines


def _md_reviews(data: dict[str, Any], style: str) -> list[str]:
    columns = REVIEWS_LITIGATION.columns
    top = [
        c.path[0] if i == 0 or columns[i - 1].path[0] != c.path[0] else _md_cover(c.path[0], style)
        for i, c in enumerate(columns)
    ]
    middle = [c.path[1] if len(c.path) > 1 else _md_cover(c.label, style) for c in columns]
    middle = [m if i == 0 or middle[i - 1] != m else _md_cover(m, style) for i, m in enumerate(middle)]
    return [
        _md_line(_md_first(top, style), style),
        _md_line(["---"] * 15, style),
        _md_line(middle, style),
        _md_line([c.label for c in columns], style),
        _md_line([str(v) for v in data["cases"]], style),
    ]


def markdown_report(truth: Truth, style: str) -> str:
    """The report's three tables as a PDF-to-Markdown tool writes them, under the official chapter headings."""
    return "\n".join(
        [
            "淮安市人民政府2024年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "",
            *_md_proactive(truth.data["proactive"], style),
            "",
            "三、收到和处理政府信息公开申请情况",
            "",
            *_md_applications(truth.data["applications"], style),
            "",
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            *_md_reviews(truth.data["reviews"], style),
            "",
        ]
    )


@pytest.mark.parametrize("style", MD_STYLES)
def test_markdown_pipe_tables_are_official_tables(style: str) -> None:
    """Tables 二、三、四 of a real report written as Markdown pipe tables are read cell for cell (200 of 200)."""
    truth = load(TRUTH / "2024-huaian-shi.toml")
    scored = score(truth, read_text(markdown_report(truth, style)))
    assert (200, 200) == (scored.right, scored.expected), scored.line(5)


def test_markdown_shapes_of_the_test_tables() -> None:
    """The reconstructions print what the tools print: a separator, ColN names, <br>, wrapped and repeated cells."""
    truth = load(TRUTH / "2024-huaian-shi.toml")
    compact, repeated, wrapped = (markdown_report(truth, s).splitlines() for s in ("compact", "repeated", "wrapped"))
    assert "|第二十条第（一）项|Col2|Col3|Col4|" == compact[3]
    assert "|---|---|---|---|" == compact[4]
    assert "|信息内容|本年制发<br>件数|本年废止<br>件数|现行有效<br>件数|" == compact[5]
    assert "| 行政许可 | 447228 | 447228 | 447228 |" in repeated
    assert ["| 信息内容 | 本年制发 | 本年废止 | 现行有效 |", "|  | 件数 | 件数 | 件数 |"] == wrapped[5:7]
    assert "|  |  |  |  | 商业企 | 科研机 | 社会公 | 法律服 | 其他 |  |" in wrapped
    assert "|  |  |  |  | 业 | 构 | 益组织 | 务机构 |  |  |" in wrapped
    assert "|  |  | 2.其他法律行政法规禁止公开 | 30 | 1 | 0 | 0 | 0 | 0 | 31 |" in wrapped


def test_markdown_row_with_a_blank_cell_keeps_it_blank() -> None:
    """A value cell left empty in a Markdown row is a blank cell of that column, not 0 and not dropped."""
    text = HEAD + "|第二十条第（一）项||||\n|---|---|---|---|\n|信息内容|本年制发件数|本年废止件数|现行有效件数|\n"
    text += "|规章|1||5|\n|行政规范性文件|3|1||\n"
    (table,) = tables(read_text(text).report)
    assert (["1", "", "5"], ["3", "1", ""]) == (values(table, "rules"), values(table, "normative-documents"))


def test_one_cell_per_line_with_trailing_bars() -> None:
    """One cell per line, each ended by ``|`` (a table tool's line-by-line output): the same table as pipe rows."""
    text = HEAD + "".join(f"{cell} |\n" for cell in _one_per_line(PROACTIVE_2021_PIPES, "\n").split("\n") if cell)
    (table,) = tables(read_text(text).report)
    assert table.complete
    assert (["1", "0", "5"], ["0.092"]) == (values(table, "rules"), values(table, "administrative-fees"))


def test_grid_row_blank_in_every_cell_is_kept_blank() -> None:
    """A grid row printed with its label and every value cell empty is a row of blanks: not dropped, not 0."""
    (draft,) = read_grid(
        grid(
            (("第二十条第（一）项", 4),),
            ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
            ("规章", "", "", ""),
            ("行政规范性文件", "3", "", "12"),
        ),
        Notes(),
    )
    assert isinstance(draft, TableDraft)
    table = draft.build(None)
    assert isinstance(table, ProactiveTable2021)
    assert (["", "", ""], ["3", "", "12"]) == (values(table, "rules"), values(table, "normative-documents"))
    assert all(figure.is_blank for figure in table.row("rules").values)


def test_html_row_blank_in_every_cell_reaches_the_table() -> None:
    """Through read_html: a <tr> with its label and empty <td>s is a row of blanks in table 二."""
    html = (
        "<h1>某县2021年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p><table>"
        "<tr><td colspan='4'>第二十条第（一）项</td></tr>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td></td><td>&nbsp;</td><td></td></tr>"
        "<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr></table>"
    )
    (table,) = tables(read_html(html).report)
    assert ["", "", ""] == values(table, "rules")


def test_label_pieces_of_merged_cells_between_a_row_and_its_values() -> None:
    """Table 三 as one-cell-per-line PDF text with its merged group labels broken into pieces: every row is read.

    The pieces land around a row's label (``（三）不`` ``1.属于国家秘密`` ``予公开`` ``2 0 …``): the later piece is
    joined back onto the earlier one, never read as the row.
    """
    truth = load(TRUTH / "2024-huaian-shi.toml")
    data = truth.data["applications"]
    broken = {
        "（三）不予公开": ("（三）不", "予公开"),
        "（四）无法提供": ("（四）无", "法提供"),
        "（六）其他处理": ("（六）其", "他处理"),
    }
    lines = [
        "三、收到和处理政府信息公开申请情况",
        APPLICATIONS_2021.corner or "",
        "申请人情况",
        "自然人",
        "法人或其他组织",
    ]
    lines += [column.label for column in APPLICATIONS_2021.columns[1:]]
    group = ""
    for row in APPLICATIONS_2021.rows:
        values_of_row = [str(v) for v in data[row.id]]
        if len(row.path) == 2 and row.path[1] != group:
            group = row.path[1]
            first, rest = broken.get(group, (group, ""))
            lines += [first, row.label, *([rest] if rest else []), *values_of_row]
            continue
        if len(row.path) < 2:
            group = ""
        lines += [*([row.path[0]] if row.id == "result.disclosed" else []), row.label, *values_of_row]
    result = read_text("淮安市人民政府2024年政府信息公开工作年度报告\n" + "\n".join(lines) + "\n")
    (table,) = tables(result.report)
    assert isinstance(table, ApplicationsTable2021)
    assert table.complete
    assert {row.id: [str(v) for v in data[row.id]] for row in APPLICATIONS_2021.rows} == {
        row.id: [f.text for f in row.values] for row in table.rows
    }
    assert not any("not recognised" in m or "left out" in m for m in uncertain(result))  # 予公开 rejoined （三）不


# ---- text laid out in columns (pdftotext -layout) -----------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
@pytest.mark.parametrize(("name", "floor"), [("2024-huaian-shi", 200), ("2023-huaian-hongze-qu", 186)])
def test_pdftotext_layout_text_of_the_corpus_pdfs(name: str, floor: int) -> None:
    """The text ``pdftotext -layout`` makes of a corpus PDF gives its tables, scored against the hand-written truth.

    Cells stand apart by runs of spaces, page numbers fall between rows, and the labels of merged cells are broken
    down the page (``三、`` ``本`` ``年`` …, ``（三）不`` … ``予公开``) between the rows of their group.
    """
    truth = load(TRUTH / f"{name}.toml")
    done = subprocess.run(["pdftotext", "-layout", str(truth.source), "-"], capture_output=True, check=True)
    scored = score(truth, read_text(done.stdout.decode("utf-8")))
    assert scored.right >= floor, scored.line(10)


def test_spaced_rows_and_a_page_number_inside_a_table() -> None:
    """Rows laid out by runs of spaces are rows of cells; a page number between them (``-3-``) is page noise."""
    text = HEAD + "第二十条 第（一）项\n信息内容      本年制发件数     本年废止件数   现行有效件数\n"
    text += (
        "规章            1          0        11\n                  -3-\n行政规范性文件       8          26       66\n"
    )
    result = read_text(text)
    (table,) = tables(result.report)
    assert (["1", "0", "11"], ["8", "26", "66"]) == (values(table, "rules"), values(table, "normative-documents"))
    assert any(d.message == "page number inside a table" for d in result.diagnostics)


def test_single_spaced_rows_with_pieces_of_a_merged_label() -> None:
    """Cells one space apart (pdfplumber's text): the words before the trailing figures are the label.

    Pieces of a merged label printed down the page in front of it (``三 2.其他法律…``) stay apart from it.
    """
    text = "某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
    text += "（三）不予公开\n1.属于国家秘密 1 0 0 0 0 0 1\n三 2.其他法律行政法规禁止公开 2 0 0 0 0 0 2\n"
    text += "、 3.危及“三安全一稳定” 0 0 0 0 0 0 0\n"
    (table,) = tables(read_text(text).report)
    assert (["1", "0", "0", "0", "0", "0", "1"], ["2", "0", "0", "0", "0", "0", "2"], ["0"] * 7) == (
        values(table, "result.refused.state-secret"),
        values(table, "result.refused.prohibited-by-law"),
        values(table, "result.refused.three-safeties"),
    )


@pytest.mark.parametrize(("name", "floor"), [("2024-huaian-shi", 157), ("2023-huaian-hongze-qu", 129)])
def test_pdfplumber_text_of_the_corpus_pdfs(name: str, floor: int) -> None:
    """The plain text pdfplumber makes of a corpus PDF: the cells read, as a ratchet against the hand-written truth.

    Cells stand one space apart; some values are printed before their labels, and those are not placed.
    """
    pdfplumber = pytest.importorskip("pdfplumber")
    truth = load(TRUTH / f"{name}.toml")
    with pdfplumber.open(truth.source) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    scored = score(truth, read_text(text))
    assert scored.right >= floor, scored.line(10)


def test_a_piece_that_joins_no_label_is_skipped_before_the_values() -> None:
    """A piece of a label printed down a merged cell (``理``) between a row's label and its values is skipped.

    The row keeps its label, and the skipped piece is said.
    """
    text = "某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n（三）不予公开\n"
    text += "1.属于国家秘密\n理\n1\n0\n0\n0\n0\n0\n1\n"
    result = read_text(text)
    (table,) = tables(result.report)
    assert ["1", "0", "0", "0", "0", "0", "1"] == values(table, "result.refused.state-secret")
    assert any("label pieces '理' after row '1.属于国家秘密' skipped" in m for m in uncertain(result))
