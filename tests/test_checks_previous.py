from decimal import Decimal
from pathlib import Path

import attrs

import truth_score
from govdisclose.checks import CheckResult, check, default_rules, reused_text
from govdisclose.model import (
    ApplicationsTable2021,
    Paragraph,
    Report,
)
from test_checks_tables import applications, full_report


def run(report: Report, previous: Report, *rule_ids: str) -> CheckResult:
    """Check with only the given rules."""
    return check(report, previous=previous, rules=default_rules.configure(only=set(rule_ids)))


def with_overview(report: Report, *texts: str) -> Report:
    """The report with its 总体情况 holding *texts*, one paragraph each."""
    overview = attrs.evolve(report.sections[0], blocks=tuple(Paragraph(content=(text,)) for text in texts))
    return attrs.evolve(report, sections=(overview, *report.sections[1:]))


# Sentences of 平潭综合实验区's 总体情况 of 2021 (the second and third are also in its 2025 report, word for word).
SAME = (
    "我区认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署",
    "严格落实政府信息公开工作制度，持续深化重点领域信息公开",
    "进一步加强政策解读和回应关切，不断提升政务公开质量和实效",
)


def test_text_copied_from_last_year_above_the_threshold() -> None:
    """Three of four sentences as last year's (years aside): 78.6 % of the characters, above 50 %: a warning."""
    last = with_overview(full_report(year=2021), "2021年，" + "。".join(SAME) + "。全年主动公开政府信息2599条。")
    this = with_overview(full_report(), "2022年，" + "。".join(SAME) + "。全年主动公开政府信息3100条，较上年增加。")
    (finding,) = run(this, last, "copied.text").findings
    reuse = reused_text(last, this)
    assert (4, 3) == (reuse.sentences, len(reuse.matches))
    characters = sum(len(s) for s in ("2022年，" + SAME[0], SAME[1], SAME[2]))
    assert Decimal(characters) / Decimal(characters + len("全年主动公开政府信息3100条，较上年增加")) == reuse.share
    assert "$.sections[0].blocks[0].content" == finding.path
    assert finding.message.startswith("正文4句中有3句与2021年报告相同（年份除外），按字数占")
    assert (Decimal(50), (reuse.share * 100).quantize(Decimal("0.1"))) == (finding.expected, finding.actual)


def test_text_copied_below_the_threshold_or_boilerplate_is_quiet() -> None:
    """One sentence in three (34 % of the characters) is no copy; regulation, period, contact sentences never count."""
    boilerplate = (
        "本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的格式要求编制。"
        "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问，请与区政务公开办联系。"
    )
    last = with_overview(full_report(year=2021), boilerplate, SAME[0] + "。")
    this = with_overview(
        full_report(),
        boilerplate.replace("2021", "2022"),
        SAME[0] + "。全年新制发行政规范性文件69件，现行有效665件，均已在政府门户网站公开。"
        "依申请公开办理工作进一步规范，全年办结率达到百分之百。",
    )
    reuse = reused_text(last, this)
    assert (3, 1) == (reuse.sentences, len(reuse.matches))
    assert () == run(this, last, "copied.text").findings


def test_threshold_is_a_profile_parameter() -> None:
    """A reviewer who counts 30 % as copied sets it in a profile: 47.1 % is then a copy."""
    from govdisclose.checks import Profile

    last = with_overview(full_report(year=2021), SAME[0] + "。全年主动公开政府信息2599条。")
    this = with_overview(
        full_report(), SAME[0] + "。全年主动公开政府信息3100条，较上年增加501条，涵盖重点领域各类信息。"
    )
    assert () == run(this, last, "copied.text").findings  # 32 of 68 characters: 47.1 %
    strict = Profile(name="某市", only=("copied.text",), parameters=(("copied.text", "threshold", Decimal(30)),))
    (finding,) = check(this, previous=last, profile=strict).findings
    assert "按字数占47.1%，达到30%的判断标准" in finding.message


def test_a_table_identical_to_last_year_s() -> None:
    """Table 三 of 2022 cell for cell the one of 2021 (with figures above 0): a warning; the same zeros are not."""
    filled = applications()  # 10 new, 2 carried over, 9 handled, 3 carried forward
    last, this = full_report(year=2021, applications=filled), full_report(applications=filled)
    (finding,) = run(this, last, "copied.tables").findings
    assert "$.sections[2].blocks[0]" == finding.path
    assert finding.message.startswith("表三与2021年报告的表三完全相同（")
    assert finding.operands[0].previous
    assert () == run(full_report(), full_report(year=2021), "copied.tables").findings
    assert isinstance(filled, ApplicationsTable2021)


def test_hongze_2024_against_2023_reuses_three_sentences_and_is_no_copy() -> None:
    """淮安市洪泽区 2024 and 2023 (the corpus PDFs) share three sentences (found in both files' text): no copy."""
    corpus = Path(__file__).parent / "data" / "corpus" / "pdf"
    last = truth_score.read(corpus / "2023-huaian-hongze-qu.pdf").report
    this = truth_score.read(corpus / "2024-huaian-hongze-qu.pdf").report
    reuse = reused_text(last, this)
    assert [
        "主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息",
        "扎实推进依申请公开工作，全面梳理和优化工作流程、健全工作机制、强化部门协同配合，全面提升政府信息依申请公开规范化、专业化水平",
        "2024年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元",
    ] == [match.text for match in reuse.matches]
    assert reuse.share is not None
    assert reuse.share < Decimal("0.5")
    assert () == run(this, last, "copied.text", "copied.tables", "previous.identity").findings
