"""Running text against the tables (prose.tables): real corpus reports with their truth tables; constructed cases."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import truth_score
from govdisclose.checks import CheckContext, CheckResult, check, default_rules
from govdisclose.checks._prose import meaning, statements
from govdisclose.model import (
    Amount,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Count,
    Edition,
    FigureLike,
    MoneyUnit,
    Paragraph,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    Qualifier,
    Report,
    ReviewsTable,
    Section,
    national_statistics_form,
)
from test_checks_tables import APPLICATIONS, applications, cell, full_report

TRUTH = Path(__file__).parent / "data" / "truth"
_CLASSES: dict[str, Any] = {
    "proactive-2021": ProactiveTable2021,
    "proactive-2019": ProactiveTable2019,
    "applications-2021": ApplicationsTable2021,
    "applications-2019": ApplicationsTable2019,
    "reviews-litigation": ReviewsTable,
}
_PARTS = {"proactive": Part.PROACTIVE, "applications": Part.APPLICATIONS, "reviews": Part.REVIEWS_LITIGATION}


def truth_report(name: str) -> Report:
    """A corpus report as the reader reads its text, with the official tables of its truth file put in their parts.

    The crawler texts run table cells together, which the reader cannot split; the truth files hold those tables cell
    by cell, written by hand from the published page. The running text is the reader's.
    """
    truth = truth_score.load(TRUTH / f"{name}.toml")
    report = truth_score.read(truth.source).report
    sections = list(report.sections)
    for key, part in _PARTS.items():
        data = truth.data.get(key)
        if not data:
            continue
        rows = {row: values for row, values in data.items() if row not in ("definition", "absent", "procurement_unit")}
        extra = {"procurement_unit": MoneyUnit(data["procurement_unit"])} if "procurement_unit" in data else {}
        table = _CLASSES[data["definition"]].from_values(rows, **extra)
        index = next((i for i, section in enumerate(sections) if section.part is part), None)
        if index is None:
            sections.append(Section(heading=part.value, part=part, blocks=(table,)))
        else:
            text = tuple(block for block in sections[index].blocks if isinstance(block, Paragraph))
            sections[index] = attrs.evolve(sections[index], blocks=(*text, table))
    return attrs.evolve(report, sections=tuple(sections))


def run(report: Report, *rules: str) -> CheckResult:
    """Check *report* with only *rules* (default: prose.tables)."""
    return check(report, rules=default_rules.configure(only=set(rules or ("prose.tables",))))


def named(report: Report) -> list[tuple[str, str]]:
    """(figure, meaning) of every figure of the running text whose meaning is recognised."""
    rule = default_rules["prose.tables"]
    ctx = CheckContext.create(report, None, rule, rule.severity)
    found = []
    for site in ctx.blocks(Paragraph):
        topic = site.section.heading if site.section is not None else ""
        for statement in statements(site.path, site.block):
            kind = meaning(statement, report.year, topic=topic)
            if kind is not None:
                found.append((statement.quantity.text, kind))
    return found


# ---- real reports: every recognised figure agrees with its table ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "figures"),
    [
        # 本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理 (table 三: 70 | 69 | 1)
        ("2021-pingtan-zonghe-shiyanqu", [("70件", "new"), ("69件", "handled"), ("1件", "carry-forward")]),
        # 共收到政府信息公开申请154件，共办结148件，结转至2026年6件 … 行政复议36起，行政诉讼9起 (表四 36 | 6 + 3)
        (
            "2025-pingtan-zonghe-shiyanqu",
            [
                ("82篇", "interpretations"),
                ("154件", "new"),
                ("148件", "handled"),
                ("6件", "carry-forward"),
                ("36起", "reviews"),
                ("9起", "litigation"),
            ],
        ),
    ],
)
def test_real_prose_agrees_with_its_tables(name: str, figures: list[tuple[str, str]]) -> None:
    """The real figures are recognised, compared with their cells (coverage says so), and none is reported."""
    report = truth_report(name)
    assert figures == named(report)
    result = run(report)
    assert [] == [f.message for f in result.findings]
    assessed = [path for path in result.rule_coverage("prose.tables").on if ".content[" in path]
    assert len([kind for _, kind in figures if kind != "interpretations"]) == len(assessed)


def test_real_city_report_with_carried_over_in_brackets() -> None:
    """淮安市2024: 受理3119件, 答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）, 复议351件, 诉讼46件."""
    report = truth_report("2024-huaian-shi")
    assert [
        ("3119件", "new"),
        ("3050件", "handled"),
        ("34件", "carried-over"),
        ("103件", "carry-forward"),
        ("351件", "reviews"),
        ("46件", "litigation"),
    ] == [(text, kind) for text, kind in named(report) if kind not in ("interpretations", "information-fees")]
    assert [] == [f.message for f in run(report).findings]


def test_part_of_the_organ_is_not_compared() -> None:
    """洪泽区2024: '区政府办代表区政府受理政府信息公开申请17件' is one office's share of the 95: not compared."""
    report = truth_report("2024-huaian-hongze-qu")
    assert "17件" not in [text for text, _ in named(report)]
    assert [] == [f.message for f in run(report).findings]


def test_real_disagreement_names_both_paths() -> None:
    """2021 平潭 with its table's 新收 total misprinted as 71: the text's 70件 fits neither reading; both paths."""
    report = truth_report("2021-pingtan-zonghe-shiyanqu")
    index = next(i for i, s in enumerate(report.sections) if s.part is Part.APPLICATIONS)
    table = report.sections[index].blocks[-1]
    assert isinstance(table, ApplicationsTable2021)
    rows = {row.id: list(row.values) for row in table.rows}
    rows["new"][6] = 71  # type: ignore[call-overload]
    sections = list(report.sections)
    sections[index] = attrs.evolve(sections[index], blocks=(*sections[index].blocks[:-1], table.from_values(rows)))
    (finding,) = run(attrs.evolve(report, sections=tuple(sections))).findings
    assert (
        "正文“本年度全区共收到70件申请”与表三“一、本年新收”71件、表三“一、本年新收”加“二、上年结转”71+0件均不符（差1件）"
        == finding.message
    )
    table_path = f"$.sections[{index}].blocks[{len(sections[index].blocks) - 1}]"
    assert "$.sections[0].subsections[1].blocks[0].content[1]" == finding.paths[0]
    assert (cell(table_path, 0, 6), cell(table_path, 1, 6)) == finding.paths[1:]
    assert (Decimal(71), Decimal(70), Decimal(-1)) == (finding.expected, finding.actual, finding.difference)


# ---- constructed cases ---------------------------------------------------------------------------------------------


def said(*content: Any, **fields: Any) -> Report:
    """A complete 2021 report whose 总体情况 says *content*; table 三: 10 new + 2 carried = 9 handled + 3 forward."""
    report = full_report(applications=applications(), **fields)
    sections = list(report.sections)
    sections[0] = Section(heading="依申请公开情况", part=Part.OVERVIEW, blocks=(Paragraph(content=content),))
    return attrs.evolve(report, sections=tuple(sections))


def n(value: int, unit: str = "件", **fields: Any) -> Count:
    """A count of the text."""
    return Count(value=value, unit=unit, **fields)


@pytest.mark.parametrize("received", [10, 12])
def test_received_may_or_may_not_include_carried_over(received: int) -> None:
    """'收到申请N件' fits 新收 (10) and 新收 + 上年结转 (12): neither is reported."""
    assert () == run(said("本年度共收到政府信息公开申请", n(received), "。")).findings


def test_received_fitting_neither_reading_is_reported() -> None:
    """'收到申请11件' fits neither 10 nor 12: one warning naming both readings."""
    (finding,) = run(said("本年度共收到政府信息公开申请", n(11), "。")).findings
    assert (
        "正文“本年度共收到政府信息公开申请11件”与表三“一、本年新收”10件、表三“一、本年新收”加“二、上年结转”10+2件均不符"
        "（差1件）"
    ) == finding.message
    assert ("$.sections[0].blocks[0].content[1]", cell(APPLICATIONS, 0, 6), cell(APPLICATIONS, 1, 6)) == finding.paths


def test_each_application_figure_against_its_row() -> None:
    """Handled, carried over and carried forward are compared with （七）总计, 上年结转 and 结转下年度."""
    report = said(
        "全年收到政府信息公开申请", n(10), "，上年结转", n(2), "，办结", n(8), "，", n(3), "结转下年度继续办理。"
    )
    (finding,) = run(report).findings
    assert "正文“办结8件”与表三“（七）总计”9件不符（差1件）" == finding.message


def test_approximate_and_blank() -> None:
    """'10余件' fits 12 (at least 10); a blank 新收 and 上年结转 are not compared (no finding; coverage says so)."""
    assert () == run(said("共收到政府信息公开申请", n(10, qualifier=Qualifier.MORE_THAN), "。")).findings
    blank = full_report(applications=applications({("new", "total"): "", ("carried-over", "total"): ""}))
    sections = list(blank.sections)
    sections[0] = Section(heading="概述", blocks=(Paragraph(content=("共收到政府信息公开申请", n(10), "。")),))
    result = run(attrs.evolve(blank, sections=tuple(sections)))
    assert () == result.findings
    assert ("表格中对应的单元格为空白或标记",) == result.rule_coverage("prose.tables").reasons


@pytest.mark.parametrize(
    "content",
    [
        ("共收到政府信息公开申请", n(10), "，较上年增加", n(5), "。"),  # compared with last year: 5 is not compared
        ("2021年共收到政府信息公开申请", n(7), "。"),  # another year's figure
        ("申请人共", n(30), "人，收到信访件", n(4), "。"),  # not applications for disclosure
    ],
)
def test_figures_not_named_with_certainty_are_left_alone(content: tuple[Any, ...]) -> None:
    """Comparisons, other years' figures and figures that are not about applications are not compared."""
    assert () == run(said(*content)).findings


def test_reviews_and_litigation() -> None:
    """'行政复议N起，行政诉讼M起' against 表四: 复议总计, and the two 诉讼 totals (either or their sum)."""
    reviews = ReviewsTable.from_values({"cases": [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]})  # 2021 平潭
    ok = said("因政府信息公开引发行政复议", n(3, "起"), "，行政诉讼", n(12, "起"), "。", reviews=reviews)
    assert () == run(ok).findings
    wrong = said("因政府信息公开引发行政复议", n(4, "起"), "，行政诉讼", n(12, "起"), "。", reviews=reviews)
    assert ["正文“因政府信息公开引发行政复议4起”与表四“行政复议总计”3件不符（差1件）"] == [
        f.message for f in run(wrong).findings
    ]


def test_documents_issued_repealed_in_force() -> None:
    """制发 / 废止 / 现行有效 行政规范性文件 against table 二's row (2021 平潭: 69 | 3 | 665)."""
    rows: dict[str, list[FigureLike]] = {row.id: [0] * len(row.columns) for row in ProactiveTable2021.DEFINITION.rows}
    rows["normative-documents"] = [69, 3, 665]
    proactive = ProactiveTable2021.from_values(rows)
    text = ("全年制发行政规范性文件", n(69), "，废止", n(3), "，现行有效", n(664), "。")
    (finding,) = run(said(*text, proactive=proactive)).findings
    assert "正文“现行有效664件”与表二“行政规范性文件/现行有效件数”665件不符（差1件）" == finding.message


def test_administrative_fee_amount_allows_rounding() -> None:
    """'行政事业性收费24252.31万元' fits 24252.311082 万元 (rounded); 24252.5万元 does not."""
    rows: dict[str, list[FigureLike]] = {row.id: [0] * len(row.columns) for row in ProactiveTable2021.DEFINITION.rows}
    rows["administrative-fees"] = ["24252.311082"]
    proactive = ProactiveTable2021.from_values(rows)
    fee = Amount(value=Decimal("24252.31"), unit=MoneyUnit.WAN_YUAN)
    assert () == run(said("全年收取行政事业性收费", fee, "。", proactive=proactive)).findings
    wrong = Amount(value=Decimal("24252.5"), unit=MoneyUnit.WAN_YUAN)
    (finding,) = run(said("全年收取行政事业性收费", wrong, "。", proactive=proactive)).findings
    assert (
        "正文“全年收取行政事业性收费24252.5万元”（242524500至242525500元）与表二“行政事业性收费/本年收费金额”"
        "24252.311082万元不符"
    ) == finding.message


def test_national_form_before_2019() -> None:
    """A 2016 report: '收到申请N件' and '政策解读稿件N篇' against the 2014–2018 form's rows."""
    form = national_statistics_form({"applications.received": [4], "responses.channels.interpretations": [6]}, fill=0)
    report = Report(
        edition=Edition.PRE_2019,
        year=2016,
        agency=full_report().agency,
        sections=(
            Section(
                heading="依申请公开情况",
                blocks=(Paragraph(content=("全年共收到政府信息公开申请", n(5), "，发布政策解读", n(6, "篇"), "。")),),
            ),
            Section(heading="附表", part=Part.STATISTICS_TABLES, blocks=(form,)),
        ),
    )
    assert ["正文“全年共收到政府信息公开申请5件”与统计表“（一）收到申请数”4件不符（差1件）"] == [
        f.message for f in run(report).findings
    ]
