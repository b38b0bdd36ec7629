"""Blank, '/' and "not read" are not 0: blank totals, the blank policy, the reader's coverage, the rules' coverage."""

import decimal
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import truth_score
from govdisclose import ModelError
from govdisclose.checks import (
    BlankPolicy,
    CheckResult,
    Extent,
    ReadCoverage,
    Reading,
    RuleStatus,
    Severity,
    check,
    default_rules,
)
from govdisclose.model import (
    ApplicationsTable2019,
    Edition,
    FigureLike,
    Paragraph,
    Part,
    ProactiveTable2019,
    Report,
    ReviewsTable,
)
from test_checks_tables import APPLICATIONS, applications, cell, full_report

SUM_RULES = ("applications.balance", "applications.results-total", "applications.applicant-total", "reviews.totals")

# Table 三 of /work/shared/corpus/txt/2019-pingtan-zonghe-shiyanqu.txt (平潭综合实验区, 2019 format), read by hand from
# the crawler text: 新收 "230 000023", 上年结转 "0000000", （一）"7000007", （二）"1000001", （四）1 "7000007",
# （四）3 "5000005", （五）2 "3000003", （六）"0 0 0 0 0 00", （七）总计 "23 0 00 0 023", 结转下年 "0 0 00 00 0";
# every other row 0000000. The 自然人 column holds everything: 7 + 1 + 7 + 5 + 3 = 23 = （七）总计.
PINGTAN_2019_NATURAL_PERSON = {
    "new": 23,
    "result.disclosed": 7,
    "result.partial": 1,
    "result.unable.not-held": 7,
    "result.unable.unclear": 5,
    "result.not-processed.repeated": 3,
    "result.total": 23,
}


def pingtan_2019(*, blank_total_column: bool = False) -> ApplicationsTable2019:
    """The real table; with *blank_total_column*, its 总计 column left blank in the 19 result rows.

    That is the pattern of a real 2019-format report (conventions.md: "left its 总计 column blank in 19 rows while
    （七）总计 = 805"): 一、二、（七）总计 and 四 filled in the 总计 column, every result row blank there.
    """
    rows: dict[str, list[FigureLike]] = {}
    for row in ApplicationsTable2019.DEFINITION.rows:
        value = PINGTAN_2019_NATURAL_PERSON.get(row.id, 0)
        total: FigureLike = value
        if blank_total_column and row.id.startswith("result.") and row.id != "result.total":
            total = ""
        rows[row.id] = [value, 0, 0, 0, 0, 0, total]
    return ApplicationsTable2019.from_values(rows)


def report_2019(table: Any) -> Report:
    """A complete 2019-edition report around *table*."""
    zeros = {row.id: [0] * len(row.columns) for row in ProactiveTable2019.DEFINITION.rows}
    return full_report(
        applications=table, proactive=ProactiveTable2019.from_values(zeros), edition=Edition.E2019, year=2019
    )


def run(report: Report, *rules: str, **options: Any) -> CheckResult:
    """Check *report* with only *rules*."""
    return check(report, rules=default_rules.configure(only=set(rules)), **options)


def faults(result: CheckResult) -> list[tuple[str, str]]:
    """(rule, message) of the errors and warnings."""
    return [(f.rule, f.message) for f in result.findings if f.severity is not Severity.INFO]


# ---- blank totals ---------------------------------------------------------------------------------------------------


def test_real_table_is_consistent() -> None:
    """The 2019 平潭 table 三 as published satisfies R1, R3 and R4: no finding at all."""
    assert [] == [(f.rule, f.message) for f in run(report_2019(pingtan_2019()), *SUM_RULES).findings]


def test_blank_total_column_is_not_assessable_never_zero() -> None:
    """总计 blank in the 19 result rows: no error; R4 and R3 in the 总计 column are not assessable, naming the cells."""
    result = run(report_2019(pingtan_2019(blank_total_column=True)), *SUM_RULES)
    assert [] == faults(result)
    applicant = result.by_rule("applications.applicant-total")
    assert 1 == len(applicant)
    (na,) = applicant
    assert (Severity.INFO, False) == (na.severity, na.assessed)
    assert "表三：“（一）予以公开/总计”为空白等19处，“申请人合计”无法核对（空白不按0计）" == na.message
    assert tuple(cell(APPLICATIONS, row, 6) for row in range(2, 21)) == na.paths
    (results,) = result.by_rule("applications.results-total")
    assert "表三：分项均为空白，而“（七）总计/总计”为23，“办理结果总计”无法核对（空白不按0计）" == results.message
    assert (cell(APPLICATIONS, 21, 6),) == results.paths
    assert [] == list(result.by_rule("applications.balance"))  # 23 + 0 = 23 + 0 in every column


def test_subtotal_left_blank_is_not_counted_as_zero() -> None:
    """Only （一）'s 总计 left blank (its 自然人 is 7): R3 in the 总计 column is not assessable, not '差7件'."""
    table = applications({("result.disclosed", "total"): ""})
    result = run(full_report(applications=table), "applications.results-total", "applications.applicant-total")
    assert [] == faults(result)
    (r3,) = result.by_rule("applications.results-total")
    assert "表三：“（一）予以公开/总计”为空白，而它的分项之和不为0，“办理结果总计”无法核对（空白不按0计）" == r3.message


def test_blank_total_is_not_assessable_in_every_sum_rule() -> None:
    """A blank （七）总计 or 复议总计 makes R1, R3 and R5 not assessable (infos), never an error counting it 0."""
    table = applications({("result.total", "natural-person"): ""})
    reviews = ReviewsTable.from_values({"cases": [1, 0, 0, 0, ""] + [0] * 10})
    result = run(full_report(applications=table, reviews=reviews), *SUM_RULES)
    assert [] == faults(result)
    assert {
        "applications.balance": [
            "表三：“自然人”列“（七）总计/自然人”为空白，“申请情况表收支平衡”无法核对（空白不按0计）"
        ],
        "applications.results-total": ["表三：“（七）总计/自然人”为空白，“办理结果总计”无法核对（空白不按0计）"],
        # the blank cell is also an addend of R4 in its row, a subtotal whose own parts (6, 1, 2) are above 0
        "applications.applicant-total": [
            "表三：“（七）总计/自然人”为空白，而它的分项之和不为0，“申请人合计”无法核对（空白不按0计）"
        ],
        "reviews.totals": ["表四：“行政复议/总计”为空白，“复议诉讼总计”无法核对（空白不按0计）"],
    } == {rule: [f.message for f in result.by_rule(rule)] for rule in SUM_RULES}


def test_blank_addends_beside_a_filled_total_count_as_zero_when_lenient() -> None:
    """Lenient (default): a blank 商业企业 addend beside a filled 总计 counts as 0, so a real gap is still an error."""
    table = applications({("result.partial", "commercial"): "", ("result.partial", "total"): 2})
    result = run(full_report(applications=table), "applications.applicant-total")
    assert [
        (
            "applications.applicant-total",
            "表三“（二）部分公开”行：6类申请人之和为1件（1+空白+0+0+0+0），“总计”为2件（差1件）",
        )
    ] == faults(result)


def test_strict_policy_makes_any_blank_not_assessable() -> None:
    """Strict: the same blank addend makes R4 of that row not assessable; the blank-cells info says how blanks count."""
    table = applications({("result.partial", "commercial"): "", ("result.partial", "total"): 2})
    result = run(full_report(applications=table), "applications.applicant-total", "table.blank-cells", blanks="strict")
    assert [] == faults(result)
    assert BlankPolicy.STRICT == result.blanks
    assert [
        "表三有1个单元格为空白（（二）部分公开/商业企业等），凡涉及这些单元格的核对均不进行（严格口径）",
        "表三：“（二）部分公开/商业企业”为空白（严格口径），“申请人合计”无法核对（空白不按0计）",
    ] == [f.message for f in result.findings]


def test_unknown_policy_is_refused() -> None:
    """A blank policy other than lenient or strict is a ModelError naming the value."""
    with pytest.raises(ModelError, match="unknown blank policy 'loose'"):
        check(full_report(), blanks="loose")


def test_carry_over_blank_is_not_zero() -> None:
    """R6: a blank 上年结转 against last year's 3 is not assessable, not '差3件'."""
    forward = {("carry-forward", "natural-person"): 2, ("carry-forward", "total"): 2}
    last = full_report(year=2021, applications=applications(forward))
    this = full_report(applications=applications({("carried-over", "natural-person"): ""}))
    result = run(this, "applications.carry-over", previous=last)
    assert [] == faults(result)
    (na,) = result.by_rule("applications.carry-over")
    assert "表三：“自然人”列“二、上年结转政府信息公开申请数量/自然人”为空白，“上年结转衔接”无法核对（空白不按0计）" == (
        na.message
    )


# ---- what the reader did not read -----------------------------------------------------------------------------------


def _without(report: Report, part: Part) -> Report:
    """*report* without the sections of *part*."""
    return attrs.evolve(report, sections=tuple(s for s in report.sections if s.part is not part))


def test_table_not_read_is_not_assessed_not_missing() -> None:
    """Table 三's part absent from a cut-off reading: no 'missing' warning, an info saying it was not read."""
    report = _without(full_report(), Part.APPLICATIONS)
    assert {"table.missing", "part.missing"} == {rule for rule, _ in faults(check(report))}
    result = check(report, coverage=ReadCoverage.cut_off("原文只有开头部分"))
    assert [] == faults(result)
    assert [
        ("part.missing", "“收到和处理政府信息公开申请情况”部分未读取（原文只有开头部分），未核对是否缺少"),
        ("table.missing", "表三（三、收到和处理政府信息公开申请情况）未读取（原文只有开头部分），未核对是否缺少"),
    ] == sorted((f.rule, f.message) for f in result.not_assessed)
    assert RuleStatus.NOT_ASSESSED == result.rule_coverage("applications.balance").status
    assert ("表三未读取：原文只有开头部分",) == result.rule_coverage("applications.balance").reasons


def test_coverage_by_part_and_table() -> None:
    """A table read completely and absent is missing; one listed as not read is not assessed."""
    report = _without(_without(full_report(), Part.APPLICATIONS), Part.REVIEWS_LITIGATION)
    coverage = ReadCoverage(
        tables=((Part.REVIEWS_LITIGATION, Reading(extent=Extent.NOT_READ, reason="表格单元格粘连，无法拆分")),),
        parts=((Part.REVIEWS_LITIGATION, Reading(extent="partial")),),
    )
    result = check(report, coverage=coverage)
    assert [
        ("part.missing", "缺少2021年版统一格式要求的“收到和处理政府信息公开申请情况”部分"),
        ("table.missing", "2021年版报告缺少表三（三、收到和处理政府信息公开申请情况）"),
    ] == sorted(faults(result))
    assert [
        ("part.missing", "“政府信息公开行政复议、行政诉讼情况”部分未读取（只读取了一部分），未核对是否缺少"),
        (
            "table.missing",
            "表四（四、政府信息公开行政复议、行政诉讼情况）未读取（表格单元格粘连，无法拆分），未核对是否缺少",
        ),
    ] == sorted((f.rule, f.message) for f in result.not_assessed)


@attrs.frozen
class _ReadResult:
    """What a reader returns: the report and what it read."""

    report: Report
    coverage: ReadCoverage


def test_check_accepts_a_readers_result() -> None:
    """check(result) takes the report and the coverage of a reader's result; an explicit coverage= wins."""
    report = _without(full_report(), Part.APPLICATIONS)
    result = check(_ReadResult(report, ReadCoverage.cut_off("截断")))
    assert [] == faults(result)
    assert result.read == ReadCoverage.cut_off("截断")
    assert {"part.missing", "table.missing"} == {
        r for r, _ in faults(check(_ReadResult(report, ReadCoverage.cut_off("截断")), coverage=ReadCoverage()))
    }
    with pytest.raises(ModelError, match="takes a Report or a reader's result"):
        check(object())  # type: ignore[arg-type]


# ---- what the rules ran on ------------------------------------------------------------------------------------------


def test_rule_coverage_in_python_text_and_json() -> None:
    """Each rule says what it ran on; partly assessed and skipped rules show in the text with coverage and in JSON."""
    report = report_2019(pingtan_2019(blank_total_column=True))
    result = check(report)
    applicant = result.rule_coverage("applications.applicant-total")
    assert (RuleStatus.PARTIAL, (APPLICATIONS,)) == (applicant.status, applicant.on)
    assert 19 == len(applicant.not_assessed)
    assert RuleStatus.RAN == result.rule_coverage("applications.balance").status
    assert RuleStatus.SKIPPED == result.rule_coverage("applications.carry-over").status
    text = result.to_text(coverage=True)
    assert "partial applications.applicant-total 表三有19处总数为空白或标记，或分项未填\n" in text
    assert "skipped applications.carry-over 需要上一年度报告\n" in text
    assert "partial" not in result.to_text()
    data = json.loads(result.to_json())
    assert "lenient" == data["blanks"]
    entry = next(e for e in data["coverage"] if e["rule"] == "applications.applicant-total")
    assert ("partial", [APPLICATIONS]) == (entry["status"], entry["on"])
    assert [False] == [f["assessed"] for f in data["findings"] if f["rule"] == "applications.applicant-total"]


def test_not_read_rule_prints_na_line() -> None:
    """A rule that could assess nothing (its table not read) prints an n/a line in the plain text."""
    report = _without(full_report(), Part.REVIEWS_LITIGATION)
    text = check(report, coverage=ReadCoverage.cut_off("截断")).to_text()
    assert "n/a     reviews.totals 表四未读取：截断\n" in text


def test_paragraph_instead_of_table_is_still_missing_when_read() -> None:
    """A part read completely whose table is a paragraph: table.missing stays a warning (coverage complete)."""
    report = full_report(reviews=Paragraph(content=("本年度未发生行政复议、行政诉讼。",)))
    result = check(report, coverage=ReadCoverage.complete())
    assert [("table.missing", "2021年版报告缺少表四（四、政府信息公开行政复议、行政诉讼情况）")] == faults(result)


# ---- the host's decimal context ------------------------------------------------------------------------------------


def test_host_decimal_context_does_not_change_the_sums() -> None:
    """With the host's precision at 3 digits, R1 on 14069 + 560 = 13810 + 819 still holds and a 1-off still shows."""
    real = {("new", "total"): 14069, ("carried-over", "total"): 560}  # format-2021.md's real 总计 column
    real |= {("result.total", "total"): 13810, ("carry-forward", "total"): 819}
    off = real | {("carry-forward", "total"): 820}
    with decimal.localcontext() as host:
        host.prec = 3
        assert [] == [
            f.message
            for f in run(full_report(applications=applications(real)), "applications.balance").findings
            if "总计" in f.message
        ]
        findings = run(full_report(applications=applications(off)), "applications.balance").findings
    assert [
        "表三“总计”列：第一项加第二项之和为14629件（14069+560），第三项（七）总计加第四项之和为14630件（13810+820），两者不等（差1件）"
    ] == [f.message for f in findings if "“总计”列" in f.message]


def test_table_cut_off_with_its_source_is_not_incomplete() -> None:
    """西安雁塔统计局2019 (an opening, cut inside table 三): its missing rows are not assessed, not 'incomplete'."""
    report = truth_score.read(Path(__file__).parent / "data" / "corpus" / "2019-xian-yanta-tongjiju.txt").report
    assert ["table.incomplete", "table.incomplete"] == [
        f.rule for f in faults_of(check(report)) if f.rule == "table.incomplete"
    ]
    result = check(report, coverage=ReadCoverage.cut_off("原文只有开头部分"))
    assert [] == faults_of(result)
    assert [
        "表三缺少20行（（二）部分公开、（三）不予公开1.属于国家秘密、（三）不予公开2.其他法律行政法规禁止公开等），"
        "但原文未完整读取（原文只有开头部分），未核对表格是否完整"
    ] == [f.message for f in result.by_rule("table.incomplete") if f.message.startswith("表三")]


def faults_of(result: CheckResult) -> list[Any]:
    """The errors and warnings of a result."""
    return [f for f in result.findings if f.severity is not Severity.INFO]
