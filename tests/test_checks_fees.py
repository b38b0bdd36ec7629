"""信息处理费 (fees.notices, fees.collected) and results counted as 其他 (other.explained)."""

from decimal import Decimal
from typing import Any

import attrs

from govdisclose.checks import CheckResult, check, default_rules
from govdisclose.model import (
    Amount,
    Count,
    Paragraph,
    Part,
    Report,
    Section,
    StatisticsTable,
    StatRow,
)
from test_checks_prose import truth_report
from test_checks_tables import applications, full_report

FEE_RULES = ("fees.notices", "fees.collected")


def run(report: Report, *rules: str) -> CheckResult:
    """Check *report* with only *rules*."""
    return check(report, rules=default_rules.configure(only=set(rules)))


def messages(result: CheckResult) -> list[str]:
    """The messages of the findings."""
    return [f.message for f in result.findings]


def with_other(report: Report, *content: Any) -> Report:
    """*report* with 六、其他需要报告的事项 saying *content*."""
    sections = [s for s in report.sections if s.part is not Part.OTHER]
    other = Section(heading="其他需要报告的事项", part=Part.OTHER, blocks=(Paragraph(content=content),))
    return attrs.evolve(report, sections=(*sections, other))


def n(value: int, unit: str = "件") -> Count:
    """A count of the text."""
    return Count(value=value, unit=unit)


# ---- fee notices against （六）2 ------------------------------------------------------------------------------------


def test_real_report_without_notice_count_is_not_compared() -> None:
    """平潭2025 (（六）2 = 2) says nothing of notices: nothing to compare (fees.unreported is another rule)."""
    assert [] == messages(run(truth_report("2025-pingtan-zonghe-shiyanqu"), *FEE_RULES))


def test_fewer_notices_than_applications_dropped_for_non_payment() -> None:
    """平潭2025's table (（六）2 = 2) with '共发出收费通知1件': each of the 2 needed a notice first."""
    report = with_other(truth_report("2025-pingtan-zonghe-shiyanqu"), "全年共发出收费通知", n(1), "。")
    (finding,) = run(report, "fees.notices").findings
    assert (
        "正文“全年共发出收费通知1件”，少于表三“（六）其他处理2.”（逾期未缴纳信息处理费、不再处理）的2件（2件）："
        "每件因未缴费不再处理的申请都应先有收费通知"
    ) == finding.message
    assert (Decimal(2), Decimal(1)) == (finding.expected, finding.actual)
    assert 2 == len(finding.paths)


def test_notices_must_cover_dropped_and_paid() -> None:
    """3 notices, 1 paid, 2 dropped: fine; 2 notices, 1 paid, 2 dropped: one notice short."""
    report = truth_report("2025-pingtan-zonghe-shiyanqu")
    fine = with_other(
        report, "发出收费通知", n(3), "，申请人已缴费", n(1), "，收取信息处理费", Amount(value=Decimal(100)), "。"
    )
    assert [] == messages(run(fine, *FEE_RULES))
    short = with_other(report, "发出收费通知", n(2), "，申请人已缴费", n(1), "。")
    assert [
        "正文“发出收费通知2件”，少于表三“（六）其他处理2.”（逾期未缴纳信息处理费、不再处理）的2件与已缴费的1件之和（3件）："
        "每件因未缴费不再处理的申请都应先有收费通知"
    ] == messages(run(short, "fees.notices"))


def test_blank_dropped_row_is_not_assessable() -> None:
    """A blank （六）2 beside a stated notice count is not assessable, never taken for 0."""
    report = with_other(
        full_report(applications=applications({("result.other.no-fee", "total"): ""})), "发出收费通知", n(1), "。"
    )
    (finding,) = run(report, "fees.notices").findings
    assert (
        False,
        "表三“（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请/总计”为空白，收费通知件数无法核对",
    ) == (
        finding.assessed,
        finding.message,
    )


# ---- collected against notified ------------------------------------------------------------------------------------


def test_collected_more_than_notified() -> None:
    """'收费通知金额300元，实际收取信息处理费400元' is a warning; 300 and 300 is not."""
    wrong = with_other(
        full_report(),
        "发出收费通知金额",
        Amount(value=Decimal(300)),
        "，实际收取信息处理费",
        Amount(value=Decimal(400)),
        "。",
    )
    assert ["正文“实际收取信息处理费400元”多于“发出收费通知金额300元”：收取的信息处理费不能多于收费通知的"] == messages(
        run(wrong, "fees.collected")
    )
    fine = with_other(
        full_report(),
        "发出收费通知金额",
        Amount(value=Decimal(300)),
        "，实际收取信息处理费",
        Amount(value=Decimal(300)),
        "。",
    )
    assert [] == messages(run(fine, "fees.collected"))


def test_statistics_table_with_both_rows() -> None:
    """A local table with 发出收费通知金额 and 实际收取金额 rows: collected above notified is reported per column."""
    table = StatisticsTable(
        caption="信息处理费收取情况",
        columns=("金额",),
        rows=(
            StatRow(id="sent", label="发出收费通知金额", values=(300,), unit="元"),
            StatRow(id="got", label="实际收取金额", values=(500,), unit="元"),
        ),
    )
    report = with_other(full_report(), "详见下表。")
    sections = list(report.sections)
    sections[-1] = attrs.evolve(sections[-1], blocks=(*sections[-1].blocks, table))
    assert ["统计表“实际收取金额/金额”为500，多于“发出收费通知金额/金额”300"] == messages(
        run(attrs.evolve(report, sections=tuple(sections)), "fees.collected")
    )


# ---- other results explained ---------------------------------------------------------------------------------------


def test_real_unexplained_other_results() -> None:
    """淮安市2024: 其他处理3.其他 110, 复议其他结果 178 … and no sentence says what they were (info)."""
    (finding,) = run(truth_report("2024-huaian-shi"), "other.explained").findings
    assert (
        "表三“（六）其他处理3.其他”110件、表四行政复议“其他结果”178件、表四未经复议直接起诉“其他结果”8件、"
        "表四复议后起诉“其他结果”1件，正文未说明这些“其他”是什么情形（如申请人撤回申请、终止审理等）"
    ) == finding.message
    assert "info" == finding.severity.value


def test_explained_other_results_are_quiet() -> None:
    """The same report with a sentence saying what the other results were: nothing reported."""
    report = with_other(truth_report("2024-huaian-shi"), "其他处理主要是申请人撤回申请；复议其他结果主要为终止审理。")
    assert [] == messages(run(report, "other.explained"))
