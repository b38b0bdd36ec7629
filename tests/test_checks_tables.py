import datetime
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclose
from govdisclose.checks import CheckResult, Finding, Severity, check, default_rules
from govdisclose.model import (
    APPLICATIONS_2021,
    REVIEWS_LITIGATION,
    Agency,
    AgencyLevel,
    AgencyRole,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Block,
    Bound,
    Edition,
    FigureLike,
    MoneyUnit,
    Paragraph,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    Publication,
    Report,
    ReviewsTable,
    Section,
    Signature,
    StatisticsTable,
    StatRow,
    SumRelation,
    national_statistics_form,
)

PROACTIVE = "$.sections[1].blocks[0]"
APPLICATIONS = "$.sections[2].blocks[0]"
REVIEWS = "$.sections[3].blocks[0]"
COLUMNS = [column.id for column in APPLICATIONS_2021.columns]
ROWS = [row.id for row in APPLICATIONS_2021.rows]


def at(data: Any, path: str) -> Any:
    """The value at a document path such as ``$.sections[2].blocks[0].rows[24].values[0]``."""
    for name, index in re.findall(r"\.([A-Za-z_]\w*)|\[(\d+)\]", path):
        data = data[name] if name else data[int(index)]
    return data


def cell(table_path: str, row: int, column: int) -> str:
    """The path of a table cell."""
    return f"{table_path}.rows[{row}].values[{column}]"


def full_report(
    *,
    applications: Block | None = None,
    reviews: Block | None = None,
    proactive: Block | None = None,
    other: str = "本年度未收取信息处理费。",
    edition: Edition = Edition.E2021,
    year: int = 2022,
    **fields: Any,
) -> Report:
    """A complete report of a county department, published on time; every rule is quiet on it with zero tables."""
    sections = (
        Section(heading="总体情况", part=Part.OVERVIEW, blocks=(Paragraph(content=("本年度，我局推进政务公开。",)),)),
        Section(
            heading="主动公开政府信息情况",
            part=Part.PROACTIVE,
            blocks=(proactive if proactive is not None else ProactiveTable2021.zeros(),),
        ),
        Section(
            heading="收到和处理政府信息公开申请情况",
            part=Part.APPLICATIONS,
            blocks=(applications if applications is not None else ApplicationsTable2021.zeros(),),
        ),
        Section(
            heading="政府信息公开行政复议、行政诉讼情况",
            part=Part.REVIEWS_LITIGATION,
            blocks=(reviews if reviews is not None else ReviewsTable.zeros(),),
        ),
        Section(
            heading="存在的主要问题及改进情况", part=Part.PROBLEMS, blocks=(Paragraph(content=("公开深度不够。",)),)
        ),
        Section(heading="其他需要报告的事项", part=Part.OTHER, blocks=(Paragraph(content=(other,)),)),
    )
    values: dict[str, Any] = {
        "edition": edition,
        "year": year,
        "agency": Agency(name="示例县示例局", level=AgencyLevel.COUNTY, role=AgencyRole.DEPARTMENT),
        "publication": Publication(published_on=datetime.date(year + 1, 1, 20)),
        "sections": sections,
        "signature": Signature(organ="示例县示例局", date=datetime.date(year + 1, 1, 15)),
    }
    values.update(fields)
    return Report(**values)


def applications(changes: Mapping[tuple[str, str], FigureLike] | None = None, cls: type = ApplicationsTable2021) -> Any:
    """A consistent table 三: 自然人 10 new + 2 carried = 9 results (6 disclosed, 1 partial, 2 not held) + 3 forward.

    The 总计 column repeats the 自然人 column; *changes* overrides cells by (row id, column id).
    """
    base = {"new": 10, "carried-over": 2, "result.disclosed": 6, "result.partial": 1, "result.unable.not-held": 2}
    base |= {"result.total": 9, "carry-forward": 3}
    rows: dict[str, list[FigureLike]] = {}
    for row in cls.DEFINITION.rows:
        value = base.get(row.id, 0)
        rows[row.id] = [value, 0, 0, 0, 0, 0, value]
    for (row_id, column_id), value in (changes or {}).items():
        rows[row_id][COLUMNS.index(column_id)] = value
    return cls.from_values(rows)


def run(report: Report, *rule_ids: str, previous: Report | None = None) -> CheckResult:
    """Check *report* with only the given rules."""
    return check(report, previous=previous, rules=default_rules.configure(only=set(rule_ids)))


def brief(findings: Sequence[Finding]) -> list[tuple[str, str | None]]:
    """(rule, first path) of each finding."""
    return [(f.rule, f.path) for f in findings]


# ---- the baseline ---------------------------------------------------------------------------------------------------


def test_complete_consistent_report_has_no_finding() -> None:
    """A complete, consistent 2021 report with every table filled in triggers no rule at all."""
    report = full_report(applications=applications())
    result = check(report)
    assert [] == brief(result.findings)
    assert result.ok


# ---- R1 -------------------------------------------------------------------------------------------------------------


def test_balance_fires_per_column_with_the_four_cells() -> None:
    """R1: 11 new + 2 carried ≠ 9 results + 3 forward, in the 自然人 and 总计 columns, with the four cells' paths."""
    report = full_report(applications=applications({("new", "natural-person"): 11, ("new", "total"): 11}))
    findings = run(report, "applications.balance").findings
    assert 2 == len(findings)
    first = findings[0]
    assert (
        "表三“自然人”列：第一项加第二项之和为13件（11+2），第三项（七）总计加第四项之和为12件（9+3），两者不等（差1件）"
        == (first.message)
    )
    assert (
        cell(APPLICATIONS, 0, 0),
        cell(APPLICATIONS, 1, 0),
        cell(APPLICATIONS, 23, 0),
        cell(APPLICATIONS, 24, 0),
    ) == (first.paths)
    data = govdisclose.report_to_data(report)
    assert [11, 2, 9, 3] == [at(data, path) for path in first.paths]
    assert (Decimal(12), Decimal(13), Decimal(1), Bound.EXACT) == (
        first.expected,
        first.actual,
        first.difference,
        first.expected_bound,
    )
    assert [Decimal(11), Decimal(2), Decimal(9), Decimal(3)] == [operand.value for operand in first.operands]
    assert cell(APPLICATIONS, 0, 6) == findings[1].path
    assert Severity.ERROR == first.severity


def test_balance_quiet_when_consistent_or_only_bounded() -> None:
    """R1 holds; an approximate 新收 (10余 ≥ 10) or an unknown cell that could make it hold is no finding."""
    assert () == run(full_report(applications=applications()), "applications.balance").findings
    approximate = applications({("new", "natural-person"): "10余", ("new", "total"): "10余"})
    assert () == run(full_report(applications=approximate), "applications.balance").findings
    unknown = applications({("new", "natural-person"): None, ("new", "total"): None})
    assert () == run(full_report(applications=unknown), "applications.balance").findings


def test_balance_with_bounds_says_at_least() -> None:
    """With 近5 新收 (at most 5), 一+二 is at most 7 against 12: flagged, the difference given as a minimum."""
    table = applications({("new", "natural-person"): "近5", ("new", "total"): 10})
    (finding,) = run(full_report(applications=table), "applications.balance").findings
    assert (
        "表三“自然人”列：第一项加第二项之和为2至7件（近5+2），第三项（七）总计加第四项之和为12件（9+3），两者不等（至少差5件）"
        == (finding.message)
    )
    assert (Decimal(12), Decimal(7), Decimal(5)) == (finding.expected, finding.actual, -finding.difference)


def test_balance_unknown_cell_still_flags_what_is_certain() -> None:
    """An unknown 新收 is at least 0; with 20 carried over the intake is at least 20, certainly above 12."""
    table = applications({("new", "natural-person"): None, ("carried-over", "natural-person"): 20})
    (finding,) = run(full_report(applications=table), "applications.balance").findings
    assert finding.message.endswith(
        "第一项加第二项之和为至少20件（未知+20），第三项（七）总计加第四项之和为12件（9+3），两者不等（至少差8件）"
    )
    assert Bound.EXACT == finding.expected_bound


# ---- R3 -------------------------------------------------------------------------------------------------------------


def test_results_total_fires_per_column() -> None:
    """R3: 7 disclosed + 1 partial + 2 not held = 10 ≠ （七）总计 9, in the 自然人 and 总计 columns."""
    table = applications({("result.disclosed", "natural-person"): 7, ("result.disclosed", "total"): 7})
    findings = run(full_report(applications=table), "applications.results-total").findings
    assert [cell(APPLICATIONS, 23, 0), cell(APPLICATIONS, 23, 6)] == [f.path for f in findings]
    assert findings[0].message.startswith("表三“自然人”列：办理结果各项之和为10件（7+1+0")
    assert findings[0].message.endswith("“（七）总计”为9件（差1件）")
    assert 22 == len(findings[0].paths)  # the total and the 21 result rows of the 2021 layout
    assert Decimal(-1) == findings[0].difference


def test_results_total_quiet_when_consistent_2019_layout_included() -> None:
    """R3 holds in both layouts; in the 2019 layout （六）其他处理 is a single summand."""
    assert () == run(full_report(applications=applications()), "applications.results-total").findings
    table = applications(
        {("result.other", "natural-person"): 1, ("result.other", "total"): 1, ("result.disclosed", "natural-person"): 5}
        | {("result.disclosed", "total"): 5},
        cls=ApplicationsTable2019,
    )
    report = full_report(applications=table, edition=Edition.E2019, year=2020)
    assert () == run(report, "applications.results-total").findings
    broken = applications({("result.other", "natural-person"): 2}, cls=ApplicationsTable2019)
    findings = run(full_report(applications=broken, edition=Edition.E2019, year=2020), "applications.results-total")
    assert [cell(APPLICATIONS, 21, 0)] == [f.path for f in findings.findings]
    assert 20 == len(findings.findings[0].paths)  # the total and the 19 result rows of the 2019 layout


# ---- R4 -------------------------------------------------------------------------------------------------------------


def test_applicant_total_fires_per_row() -> None:
    """R4: the 总计 of （一）予以公开 says 5 while the applicants add up to 6."""
    table = applications({("result.disclosed", "total"): 5})
    (finding,) = run(full_report(applications=table), "applications.applicant-total").findings
    assert "表三“（一）予以公开”行：6类申请人之和为6件（6+0+0+0+0+0），“总计”为5件（差1件）" == finding.message
    assert (cell(APPLICATIONS, 2, 6), *(cell(APPLICATIONS, 2, i) for i in range(6))) == finding.paths


def test_applicant_total_names_group_rows_and_strips_the_note() -> None:
    """Rows of a group carry the group's label; （二）部分公开's parenthetical note is left out of the message."""
    table = applications({("result.partial", "commercial"): 1, ("result.refused.state-secret", "research"): 1})
    findings = run(full_report(applications=table), "applications.applicant-total").findings
    assert [
        "表三“（二）部分公开”行：6类申请人之和为2件（1+1+0+0+0+0），“总计”为1件（差1件）",
        "表三“（三）不予公开1.属于国家秘密”行：6类申请人之和为1件（0+0+1+0+0+0），“总计”为0件（差1件）",
    ] == [f.message for f in findings]


def test_applicant_total_quiet_when_consistent() -> None:
    """R4 holds in every row of the consistent table."""
    assert () == run(full_report(applications=applications()), "applications.applicant-total").findings


# ---- R5 -------------------------------------------------------------------------------------------------------------


def test_review_totals_fire_per_block() -> None:
    """R5: 行政复议 1+1+0+1 = 3 ≠ 4, and 复议后起诉 0+0+0+0 ≠ 1, each reported with its five cells."""
    values = [1, 1, 0, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    reviews = ReviewsTable.from_values({"cases": values})
    findings = run(full_report(reviews=reviews), "reviews.totals").findings
    assert [
        "表四“行政复议”：结果维持、结果纠正、其他结果、尚未审结之和为3件（1+1+0+1），“总计”为4件（差1件）",
        "表四“行政诉讼（复议后起诉）”：结果维持、结果纠正、其他结果、尚未审结之和为0件（0+0+0+0），“总计”为1件（差1件）",
    ] == [f.message for f in findings]
    assert (cell(REVIEWS, 0, 4), *(cell(REVIEWS, 0, i) for i in range(4))) == findings[0].paths
    assert cell(REVIEWS, 0, 14) == findings[1].path


def test_review_totals_quiet_when_consistent() -> None:
    """R5 holds when every block's 总计 is the sum of its four outcomes."""
    reviews = ReviewsTable.from_values({"cases": [1, 1, 0, 1, 3, 0, 1, 0, 0, 1, 2, 0, 0, 0, 2]})
    assert () == run(full_report(reviews=reviews), "reviews.totals").findings


# ---- across years ---------------------------------------------------------------------------------------------------


def test_carry_over_fires_against_last_years_table() -> None:
    """R6: this year's 上年结转 2 ≠ last year's 结转下年度 3 (自然人); the operand from last year is marked previous."""
    forward = applications({("carry-forward", "natural-person"): 3, ("carry-forward", "total"): 3})
    current = full_report(applications=applications())
    findings = run(current, "applications.carry-over", previous=full_report(year=2021, applications=forward)).findings
    assert [cell(APPLICATIONS, 1, 0), cell(APPLICATIONS, 1, 6)] == [f.path for f in findings]
    finding = findings[0]
    assert (
        "表三“自然人”列：本年“二、上年结转政府信息公开申请数量”为2件，2021年报告“四、结转下年度继续办理”为3件（差1件）"
        == (finding.message)
    )
    assert (cell(APPLICATIONS, 1, 0),) == finding.paths
    assert [(cell(APPLICATIONS, 1, 0), False), (cell(APPLICATIONS, 24, 0), True)] == [
        (operand.path, operand.previous) for operand in finding.operands
    ]
    assert {"report": "previous"}.items() <= finding.to_data()["operands"][1].items()


def test_carry_over_quiet_when_it_matches_and_skipped_without_previous() -> None:
    """R6 holds when last year carried 2 forward; without last year's report the rule is skipped, not passed."""
    forward = applications({("carry-forward", "natural-person"): 2, ("carry-forward", "total"): 2})
    previous = full_report(year=2021, applications=forward)
    current = full_report(applications=applications())
    assert () == run(current, "applications.carry-over", previous=previous).findings
    alone = run(current, "applications.carry-over")
    assert ("applications.carry-over",) == alone.skipped
    assert () == alone.rules


def test_previous_of_another_year_skips_the_rules_across_years() -> None:
    """A 'previous' report of another year: the rules across years are skipped, previous.identity warns."""
    result = check(full_report(), previous=full_report(year=2020))
    assert "applications.carry-over" in result.skipped
    (finding,) = result.findings
    assert ("previous.identity", "$.year") == (finding.rule, finding.path)
    assert "上年报告为2020年度，本年报告为2022年度，不是相邻年度；跨年度核对未进行" == finding.message
    assert ("上年报告为2020年度，不是2021年度",) == result.rule_coverage("applications.carry-over").reasons


def test_in_force_warns_when_the_stock_does_not_follow() -> None:
    """Last year 5 规章 in force + 2 issued − 1 repealed = 6, but 7 are in force: a warning."""
    previous = full_report(year=2021, proactive=ProactiveTable2021.from_values(_proactive(0, 0, 5)))
    current = full_report(proactive=ProactiveTable2021.from_values(_proactive(2, 1, 7)))
    (finding,) = run(current, "proactive.in-force", previous=previous).findings
    assert "表二“规章”：2021年现行有效5件+本年制发2件−本年废止1件=6件，本年现行有效为7件（差1件）" == finding.message
    assert Severity.WARNING == finding.severity
    assert (cell(PROACTIVE, 0, 2), cell(PROACTIVE, 0, 0), cell(PROACTIVE, 0, 1)) == finding.paths


def test_in_force_quiet_when_the_stock_follows() -> None:
    """5 + 2 − 1 = 6 in force: no finding."""
    previous = full_report(year=2021, proactive=ProactiveTable2021.from_values(_proactive(0, 0, 5)))
    current = full_report(proactive=ProactiveTable2021.from_values(_proactive(2, 1, 6)))
    assert () == run(current, "proactive.in-force", previous=previous).findings


def _proactive(issued: int, repealed: int, in_force: int) -> dict[str, list[FigureLike]]:
    return {
        "rules": [issued, repealed, in_force],
        "normative-documents": [0, 0, 0],
        "licensing": [0],
        "punishment": [0],
        "coercion": [0],
        "administrative-fees": ["0"],
    }


# ---- cells ----------------------------------------------------------------------------------------------------------


def test_cell_value_flags_negative_fractional_and_markers() -> None:
    """A negative and a fractional count are flagged one by one; cells marked 不详 once for the table."""
    table = applications(
        {
            ("result.refused.inquiry", "commercial"): -3,
            ("result.refused.inquiry", "research"): "2.5",
            ("result.unable.unclear", "other"): "不详",
            ("result.unable.unclear", "total"): "不详",
        }
    )
    findings = run(full_report(applications=table), "table.cell-value").findings
    assert [
        (cell(APPLICATIONS, 11, 1), "表三“（三）不予公开8.属于行政查询事项/商业企业”为-3，不能为负数"),
        (cell(APPLICATIONS, 11, 2), "表三“（三）不予公开8.属于行政查询事项/科研机构”为2.5，应为整数"),
        (
            cell(APPLICATIONS, 14, 5),
            "表三有2个单元格填写“不详”而不是数字（（四）无法提供3.补正后申请内容仍不明确/其他等），涉及这些单元格的求和只能部分核对",
        ),
    ] == [(f.path, f.message) for f in findings]
    assert (cell(APPLICATIONS, 14, 5), cell(APPLICATIONS, 14, 6)) == findings[2].paths


def test_cell_value_quiet_for_amounts_signed_changes_and_none_markers() -> None:
    """A fee of 0.092万元, a signed change of −35 and a '/' cell are all proper."""
    proactive = ProactiveTable2021.from_values(_proactive(0, 0, 0) | {"administrative-fees": ["0.092"]})
    report = full_report(proactive=proactive, applications=applications({("result.refused.inquiry", "other"): "/"}))
    assert () == run(report, "table.cell-value").findings
    rows = {row.id: [0] * len(row.columns) for row in ProactiveTable2019.DEFINITION.rows}
    rows["licensing"] = [1215, -35, 1180]
    table_2019 = ProactiveTable2019.from_values(rows, procurement_unit=MoneyUnit.YUAN)
    assert () == run(full_report(proactive=table_2019, edition=Edition.E2019, year=2020), "table.cell-value").findings


def test_blank_cells_are_counted_as_zero_and_said_once() -> None:
    """A blank addend counts as 0 (R3 holds), a '/' total makes its R4 not assessable; one info lists the blanks."""
    table = applications({("result.refused.inquiry", "commercial"): "", ("result.refused.inquiry", "total"): "/"})
    report = full_report(applications=table)
    findings = run(report, "table.blank-cells", "applications.applicant-total", "applications.results-total").findings
    assert [
        (
            "table.blank-cells",
            "表三有2个单元格为空白、“/”（（三）不予公开8.属于行政查询事项/商业企业等），"
            "作为分项时按0计，作为总数时相应核对不进行",
            Severity.INFO,
            True,
        ),
        (
            "applications.applicant-total",
            "表三：“（三）不予公开8.属于行政查询事项/总计”为“/”，“申请人合计”无法核对（空白不按0计）",
            Severity.INFO,
            False,
        ),
    ] == [(f.rule, f.message, f.severity, f.assessed) for f in findings]
    assert (cell(APPLICATIONS, 11, 1), cell(APPLICATIONS, 11, 6)) == findings[0].paths


def test_blank_cells_quiet_when_every_cell_is_a_number() -> None:
    """A table of numbers has no blank cells to mention."""
    assert () == run(full_report(applications=applications()), "table.blank-cells").findings


def test_incomplete_reports_missing_rows_and_unknown_cells() -> None:
    """A table 三 without two rows and with an unknown cell is reported once, with the unknown cell's path."""
    rows = {row.id: [0] * 7 for row in APPLICATIONS_2021.rows if row.id not in {"result.partial", "carry-forward"}}
    rows["new"] = [None, 0, 0, 0, 0, 0, 0]
    (finding,) = run(full_report(applications=ApplicationsTable2021.from_values(rows)), "table.incomplete").findings
    assert (
        "表三不完整：缺少2行（（二）部分公开、四、结转下年度继续办理），1个单元格内容未知（一、本年新收政府信息公开申请数量/自然人等）；"
        "涉及的核对只能部分进行"
    ) == finding.message
    assert (APPLICATIONS, cell(APPLICATIONS, 0, 0)) == finding.paths


def test_incomplete_quiet_for_complete_tables() -> None:
    """Complete official tables are not incomplete."""
    assert () == run(full_report(applications=applications()), "table.incomplete").findings


def test_missing_table_is_reported_at_its_part() -> None:
    """A 2021 report whose 四 holds only prose lacks table 四; the finding points at the part."""
    report = full_report(reviews=Paragraph(content=("本年度未发生行政复议、行政诉讼。",)))
    (finding,) = run(report, "table.missing").findings
    assert ("$.sections[3]", "2021年版报告缺少表四（四、政府信息公开行政复议、行政诉讼情况）") == (
        finding.path,
        finding.message,
    )


def test_missing_table_quiet_with_all_tables_and_before_2019() -> None:
    """Every table present, or a pre-2019 report (no national tables then): nothing missing."""
    assert () == run(full_report(), "table.missing").findings
    old = Report(edition=Edition.PRE_2019, year=2017, agency=Agency(name="某街道"))
    assert () == run(old, "table.missing").findings


def test_edition_mixture_flags_a_2019_layout_in_a_2021_report() -> None:
    """A one-row （六） table 三 in a 2021-edition report is a mixture."""
    report = full_report(applications=applications(cls=ApplicationsTable2019))
    (finding,) = run(report, "table.edition-mixture").findings
    assert (APPLICATIONS, "2021年版报告中的表三采用2019年版格式（（六）其他处理为一行）") == (
        finding.path,
        finding.message,
    )


def test_edition_mixture_quiet_when_layouts_match() -> None:
    """2021 tables in a 2021 report, 2019 tables in a 2019 report: no mixture."""
    assert () == run(full_report(), "table.edition-mixture").findings
    report = full_report(
        applications=applications(cls=ApplicationsTable2019),
        proactive=ProactiveTable2019.zeros(),
        edition=Edition.E2019,
        year=2020,
    )
    assert () == run(report, "table.edition-mixture").findings


# ---- statistics tables ----------------------------------------------------------------------------------------------


def _old_report(table: StatisticsTable) -> Report:
    return Report(
        edition=Edition.PRE_2019,
        year=2016,
        agency=Agency(name="某区政府"),
        sections=(Section(heading="附表", part=Part.STATISTICS_TABLES, blocks=(table,)),),
    )


def test_statistics_sum_flags_a_declared_relation() -> None:
    """National form: 收到申请数 4 against 1+1+1 by channel; reported as reconstructed, with every cell's path."""
    form = national_statistics_form(
        {
            "applications.received": [4],
            "applications.received.in-person": [1],
            "applications.received.fax": [1],
            "applications.received.online": [1],
            "applications.received.letter": [""],
        },
        fill=0,
    )
    report = _old_report(form)
    (finding,) = run(report, "statistics.sum").findings
    assert (
        "统计表“政府信息公开情况统计表”“统计数”列：“（一）收到申请数”的4个分项之和为3件（1+1+1+空白），总数为4件（差1件）"
        "（此勾稽关系为推定）"
    ) == finding.message
    data = govdisclose.report_to_data(report)
    assert [4, 1, 1, 1, ""] == [at(data, path) for path in finding.paths]


def test_statistics_sum_overlapping_flags_only_a_shortfall() -> None:
    """Channels may count an item twice: 6+6 against 10 items is fine, 3+3 is short."""
    rows = (
        StatRow(id="items", label="主动公开政府信息数", values=(10,), unit="条"),
        StatRow(id="web", label="政府网站", values=(6,), unit="条"),
        StatRow(id="wx", label="政务微信", values=(6,), unit="条"),
    )
    relation = SumRelation(total="items", parts=("web", "wx"), overlapping=True)
    table = StatisticsTable(caption="统计表", rows=rows, relations=(relation,))
    assert () == run(_old_report(table), "statistics.sum").findings
    short = attrs.evolve(table, rows=(rows[0], attrs.evolve(rows[1], values=(3,)), attrs.evolve(rows[2], values=(3,))))
    (finding,) = run(_old_report(short), "statistics.sum").findings
    assert finding.message.endswith("分项之和为6条（3+3），总数为10条（差4条）（分项可重复计数，但之和少于总数）")


def test_statistics_sum_quiet_when_consistent_or_unknown() -> None:
    """A consistent relation, or one with unknown parts that could make it hold, is no error; unknown totals: n/a."""
    consistent = national_statistics_form({"reviews": [2], "reviews.upheld": [1], "reviews.other": [1]}, fill=0)
    assert () == run(_old_report(consistent), "statistics.sum").findings
    unknown = national_statistics_form({"applications.received": [4]})
    findings = run(_old_report(unknown), "statistics.sum").findings
    assert [] == [f for f in findings if f.assessed]
    assert [False] == [f.assessed for f in findings]  # the relations whose unknown total cannot be assessed


# ---- random consistent tables, one cell perturbed -------------------------------------------------------------------


@st.composite
def consistent_applications(draw: st.DrawFn) -> dict[str, list[int]]:
    """Cells of a 2021 table 三 that satisfy R1, R3 and R4."""
    results = [row for row in ROWS if row.startswith("result.") and row != "result.total"]
    values = {row: [0] * 7 for row in ROWS}
    small = st.integers(min_value=0, max_value=40)
    for column in range(6):
        for row in results:
            values[row][column] = draw(small)
        settled = sum(values[row][column] for row in results)
        forward = draw(small)
        carried = draw(st.integers(min_value=0, max_value=settled + forward))
        values["result.total"][column] = settled
        values["carry-forward"][column] = forward
        values["carried-over"][column] = carried
        values["new"][column] = settled + forward - carried
    for row in ROWS:
        values[row][6] = sum(values[row][:6])
    return values


@st.composite
def consistent_reviews(draw: st.DrawFn) -> list[int]:
    """The fifteen cells of a table 四 whose three blocks add up."""
    cells: list[int] = []
    for _ in range(3):
        outcomes = draw(st.lists(st.integers(min_value=0, max_value=30), min_size=4, max_size=4))
        cells += [*outcomes, sum(outcomes)]
    return cells


def _perturbed(value: int, delta: int) -> int:
    return value + delta if value - delta < 0 else value - delta


@settings(max_examples=60, deadline=None)
@given(consistent_applications(), consistent_reviews())
def test_random_consistent_tables_give_no_finding(values: dict[str, list[int]], reviews: list[int]) -> None:
    """Random tables 三 and 四 that satisfy R1–R5, in an otherwise complete report: every rule is quiet.

    Except other.explained, which asks the text to say what any 其他 result above 0 was (this text does not).
    """
    table = ApplicationsTable2021.from_values(values)
    report = full_report(applications=table, reviews=ReviewsTable.from_values({"cases": reviews}))
    assert [] == brief(check(report, rules=default_rules.configure(disable={"other.explained"})).findings)


@settings(max_examples=150, deadline=None)
@given(
    consistent_applications(),
    st.sampled_from(ROWS),
    st.integers(min_value=0, max_value=6),
    st.integers(min_value=1, max_value=9),
)
def test_perturbed_application_cell_fires_the_rules_through_it(
    values: dict[str, list[int]], row: str, column: int, delta: int
) -> None:
    """One cell changed: exactly the sum rules that involve it fire, once each, every finding naming that cell."""
    original = values[row][column]
    values[row][column] = _perturbed(original, delta)
    report = full_report(applications=ApplicationsTable2021.from_values(values))
    path = cell(APPLICATIONS, ROWS.index(row), column)
    expected = {"applications.applicant-total"}
    if row in {"new", "carried-over", "carry-forward", "result.total"}:
        expected.add("applications.balance")
    if row.startswith("result."):
        expected.add("applications.results-total")
    findings = check(report, rules=default_rules.configure(disable={"other.explained"})).findings  # 其他 unexplained
    assert sorted(expected) == sorted(f.rule for f in findings)
    assert all(path in f.paths for f in findings)
    by_rule = {f.rule: f for f in findings}
    assert cell(APPLICATIONS, ROWS.index(row), 6) in by_rule["applications.applicant-total"].paths
    assert values[row][column] == at(govdisclose.report_to_data(report), path)
    assert abs(by_rule["applications.applicant-total"].difference or 0) == delta


@settings(max_examples=60, deadline=None)
@given(consistent_reviews(), st.integers(min_value=0, max_value=14), st.integers(min_value=1, max_value=9))
def test_perturbed_review_cell_fires_its_block(cells: list[int], position: int, delta: int) -> None:
    """One cell of table 四 changed: reviews.totals fires once, for the block of that cell, naming the cell."""
    cells[position] = _perturbed(cells[position], delta)
    report = full_report(reviews=ReviewsTable.from_values({"cases": cells}))
    (finding,) = check(report, rules=default_rules.configure(disable={"other.explained"})).findings
    assert "reviews.totals" == finding.rule
    assert cell(REVIEWS, 0, position) in finding.paths
    block = REVIEWS_LITIGATION.columns[position].path
    assert block[-1] in finding.message
    assert abs(finding.difference or 0) == delta


def test_cell_value_in_statistics_tables_follows_the_unit() -> None:
    """In a statistics table a 件 row must hold whole numbers, a 万元 row may hold decimals; neither may be negative."""
    form = national_statistics_form(
        {"applications.received": ["2.5"], "fees": ["0.5"], "organisation.funding": [-1]}, fill=0
    )
    findings = run(_old_report(form), "table.cell-value").findings
    assert [
        (
            "$.sections[0].blocks[0].rows[21].values[0]",
            "统计表“政府信息公开情况统计表”“（一）收到申请数/统计数”为2.5，应为整数",
        ),
        (
            "$.sections[0].blocks[0].rows[60].values[0]",
            "统计表“政府信息公开情况统计表”“（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）"
            "/统计数”为-1，不能为负数",
        ),
    ] == [(f.path, f.message) for f in findings]
