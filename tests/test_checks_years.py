"""Years: stale years in title, 引言 and statistics period; partial periods; table 二 across and within years."""

from pathlib import Path
from typing import Any

import pytest

import truth_score
from govdisclose.checks import CheckResult, check, default_rules
from govdisclose.model import (
    Edition,
    FigureLike,
    Introduction,
    MoneyUnit,
    Paragraph,
    ProactiveTable2019,
    ProactiveTable2021,
    Report,
)
from govdisclose.read import read_text
from test_checks_tables import full_report

CORPUS = Path(__file__).parent / "data" / "corpus"
YEAR_RULES = ("year.stale", "year.partial-period")


def run(report: Report, *rules: str, previous: Report | None = None) -> CheckResult:
    """Check *report* with only *rules*."""
    return check(report, previous=previous, rules=default_rules.configure(only=set(rules)))


def messages(result: CheckResult) -> list[tuple[str, str]]:
    """(rule, message) of every finding."""
    return [(f.rule, f.message) for f in result.findings]


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.rglob("*.txt")), ids=lambda p: p.name)
def test_corpus_periods_are_of_the_report_year(path: Path) -> None:
    """No real corpus text names a stale year (every period is of the report's year)."""
    report = truth_score.read(path).report
    assert [] == [m for m in messages(run(report, *YEAR_RULES)) if m[0] == "year.stale"]


def test_real_partial_period_is_an_info() -> None:
    """平潭国资局2019: '统计期限为2019年9月1日至2019年12月31日' (set up in the reform) is a partial year."""
    report = truth_score.read(CORPUS / "txt" / "2019-pingtan-guoziju.txt").report
    assert [
        (
            "year.partial-period",
            "统计期限“统计期限为2019年9月1日至2019年12月31日”不是整个年度（122天），各项数据只反映这一期间，"
            "与上年、下年比较时应注意",
        )
    ] == messages(run(report, *YEAR_RULES))


def test_period_left_from_last_year_is_stale() -> None:
    """The real 2021 平潭 text with its period sentence left at 2020 (a slip of the kind) is a warning."""
    text = truth_score.report_text(CORPUS / "txt" / "2021-pingtan-zonghe-shiyanqu.txt")
    assert "统计期限自2021年1月1日起至2021年12月31日止" in text
    stale = text.replace("统计期限自2021年1月1日起至2021年12月31日止", "统计期限自2020年1月1日起至2020年12月31日止")
    result = run(read_text(stale).report, "year.stale")
    assert [
        (
            "year.stale",
            "统计期限“统计期限自2020年1月1日起至2020年12月31日”不在报告年度2021年内（报告年度是统计的年度，不是发布的年度）",
        )
    ] == messages(result)
    assert [("year.stale", "$.introduction.blocks[0].content")] == [(f.rule, f.path) for f in result.findings]


def test_title_and_report_sentence_with_another_year() -> None:
    """A title and a '现将…年度…报告' sentence naming 2021 in a report on 2022 are stale; 2022 is not."""
    intro = Introduction(blocks=(Paragraph(content=("现将2021年度政府信息公开工作年度报告公布如下。",)),))
    report = full_report(title="示例县示例局2021年政府信息公开工作年度报告", introduction=intro)
    assert [
        ("year.stale", "标题“示例县示例局2021年政府信息公开工作年度报告”中的年份2021与报告年度2022年不符"),
        ("year.stale", "引言“现将2021年度政府信息公开工作年度报告”中的年份2021与报告年度2022年不符"),
    ] == messages(run(report, "year.stale"))
    fine = Introduction(blocks=(Paragraph(content=("现将2022年度政府信息公开工作年度报告公布如下。",)),))
    assert [] == messages(run(full_report(title="示例县示例局2022年度报告", introduction=fine), "year.stale"))


def table2_2019(**rows: list[FigureLike]) -> Any:
    """A 2019-layout table 二 of zeros with some rows set."""
    values: dict[str, list[FigureLike]] = {row.id: [0] * len(row.columns) for row in ProactiveTable2019.DEFINITION.rows}
    return ProactiveTable2019.from_values(values | rows, procurement_unit=MoneyUnit.YUAN)


def test_items_carried_across_years_2019_layout() -> None:
    """2019 平潭 (行政许可 396 | 0 | 181, 行政处罚 2648 | 0 | 430) then 2020: 上一年项目数量 must be 396 and 2648."""
    last = full_report(
        year=2019, edition=Edition.E2019, proactive=table2_2019(licensing=[396, 0, 181], punishment=[2648, 0, 430])
    )
    this = full_report(
        year=2020, edition=Edition.E2019, proactive=table2_2019(licensing=[396, 5, 200], punishment=[2600, 0, 400])
    )
    assert [
        (
            "proactive.items-carried",
            "表二“行政处罚”：2019年报告上一年项目数量2648加本年增/减0为2648，本年“上一年项目数量”为2600（差48）",
        )
    ] == messages(run(this, "proactive.items-carried", previous=last))
    blank = full_report(
        year=2020, edition=Edition.E2019, proactive=table2_2019(licensing=["", 5, 200], punishment=[2648, 0, 400])
    )
    (na,) = run(blank, "proactive.items-carried", previous=last).findings
    assert (False, "表二：“行政许可/上一年项目数量”为空白，“上一年项目数量衔接”无法核对（空白不按0计）") == (
        na.assessed,
        na.message,
    )


def test_in_force_not_below_issued_minus_repealed() -> None:
    """2021 layout: 2025 平潭 58 | 45 | 546 holds; 10 | 1 | 5 (5 < 10 − 1) is a warning."""
    rows = {row.id: [0] * len(row.columns) for row in ProactiveTable2021.DEFINITION.rows}
    real = ProactiveTable2021.from_values(rows | {"normative-documents": [58, 45, 546]})
    assert [] == messages(run(full_report(proactive=real), "proactive.in-force-bound"))
    wrong = ProactiveTable2021.from_values(rows | {"normative-documents": [10, 1, 5]})
    assert [
        ("proactive.in-force-bound", "表二“行政规范性文件”：现行有效5件少于本年制发10件减本年废止1件（9件）")
    ] == messages(run(full_report(proactive=wrong), "proactive.in-force-bound"))
