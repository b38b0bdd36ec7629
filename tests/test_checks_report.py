import datetime
from decimal import Decimal

import attrs
import pytest

from govdisclose import examples
from govdisclose.checks import CheckResult, Severity, check, default_rules
from govdisclose.model import (
    Agency,
    AgencyLevel,
    AgencyRole,
    Edition,
    Introduction,
    Paragraph,
    Publication,
    Report,
    Section,
    Signature,
    announced_count,
    announced_parts,
)
from test_checks_tables import applications, full_report

SEED = "sanyuan-chengguan-2017"


def run(report: Report, *rule_ids: str) -> CheckResult:
    """Check with only the given rules."""
    return check(report, rules=default_rules.configure(only=set(rule_ids)))


def published(report: Report, day: datetime.date, field: str = "published_on") -> Report:
    """The report with only one publication date, *field* = *day*."""
    return attrs.evolve(report, publication=Publication(**{field: day}))


# ---- publication deadline -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "role", "day", "late"),
    [
        (2022, AgencyRole.DEPARTMENT, datetime.date(2023, 2, 1), 1),
        (2022, AgencyRole.GOVERNMENT, datetime.date(2023, 4, 3), 3),
        (2019, AgencyRole.DEPARTMENT, datetime.date(2020, 2, 10), 10),
        (2017, AgencyRole.DEPARTMENT, datetime.date(2018, 4, 1), 1),
        (2022, None, datetime.date(2023, 4, 1), 1),
    ],
)
def test_deadline_fires_after_the_last_day(year: int, role: AgencyRole | None, day: datetime.date, late: int) -> None:
    """Late by edition and role: departments 1月31日 since the 2019 reports, governments and everyone before 3月31日."""
    report = published(attrs.evolve(full_report(year=year), agency=Agency(name="某机关", role=role)), day)
    (finding,) = run(report, "publication.deadline").findings
    assert ("$.publication.published_on", Decimal(late), day) == (finding.path, finding.difference, finding.actual)
    assert Severity.WARNING == finding.severity


@pytest.mark.parametrize(
    ("year", "role", "day"),
    [
        (2022, AgencyRole.DEPARTMENT, datetime.date(2023, 1, 31)),
        (2022, AgencyRole.GOVERNMENT, datetime.date(2023, 3, 31)),
        (2017, AgencyRole.DEPARTMENT, datetime.date(2018, 3, 31)),
        (2022, None, datetime.date(2023, 3, 1)),
    ],
)
def test_deadline_quiet_on_or_before_the_last_day(year: int, role: AgencyRole | None, day: datetime.date) -> None:
    """Published on the last day (or, for an organ of unknown role, before the later deadline): no finding."""
    report = published(attrs.evolve(full_report(year=year), agency=Agency(name="某机关", role=role)), day)
    assert () == run(report, "publication.deadline").findings


def test_deadline_message_names_the_rule_and_an_unknown_role() -> None:
    """The message gives both dates, the article, and says when the later deadline was assumed."""
    report = published(attrs.evolve(full_report(), agency=Agency(name="某机关")), datetime.date(2023, 4, 2))
    (finding,) = run(report, "publication.deadline").findings
    assert (
        "发布日期2023年4月2日晚于公布期限2023年3月31日（《条例》第四十九条；机关类型不明，按较晚的人民政府期限3月31日计），逾期2天"
    ) == finding.message


def test_deadline_uses_the_date_of_writing_without_a_publication_date() -> None:
    """Without 发布日期, 成文日期 stands in; a State Council department counts as a department."""
    agency = Agency(name="某部", level=AgencyLevel.STATE_COUNCIL_DEPARTMENT)
    report = published(attrs.evolve(full_report(), agency=agency), datetime.date(2023, 2, 3), field="written_on")
    (finding,) = run(report, "publication.deadline").findings
    assert "$.publication.written_on" == finding.path
    assert finding.message.startswith("成文日期2023年2月3日晚于公布期限2023年1月31日")


def test_deadline_quiet_without_dates() -> None:
    """No publication date and no date of writing: nothing to check."""
    assert () == run(attrs.evolve(full_report(), publication=Publication()), "publication.deadline").findings


# ---- signature ------------------------------------------------------------------------------------------------------


def test_signature_before_year_end_is_an_error() -> None:
    """A 2021 report signed on 2021-01-20 (the year written for the year of signing) is an error."""
    report = attrs.evolve(full_report(year=2021), signature=Signature(date=datetime.date(2021, 1, 20)))
    (finding,) = run(report, "signature.date").findings
    assert ("$.signature.date", Severity.ERROR) == (finding.path, finding.severity)
    assert "落款日期2021年1月20日早于报告年度结束（2021年12月31日），年度报告不能在年度结束前成文" == finding.message
    assert Decimal(-345) == finding.difference


def test_signature_on_or_after_year_end_is_fine() -> None:
    """Signed on 31 December or later, or undated: no finding."""
    for day in (datetime.date(2021, 12, 31), datetime.date(2022, 1, 5)):
        assert () == run(attrs.evolve(full_report(year=2021), signature=Signature(date=day)), "signature.date").findings
    assert () == run(attrs.evolve(full_report(year=2021), signature=Signature(organ="某局")), "signature.date").findings


# ---- the parts announced in the 引言 -------------------------------------------------------------------------------


def test_seed_intro_announces_fees_without_a_chapter() -> None:
    """The seed's 引言 lists 公开收费情况; no chapter covers fees: one info finding at the 引言."""
    (finding,) = run(examples.load(SEED), "intro.announced-parts").findings
    assert ("$.introduction.blocks[0]", Severity.INFO) == (finding.path, finding.severity)
    assert "引言列出“公开收费情况”，正文没有相应部分（政府信息公开的收费及减免情况）" == finding.message


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况、"
            "存在的主要问题及改进情况、其他需要报告的情况六部分内容。",
            (
                *("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议和行政诉讼情况"),
                *("存在的主要问题及改进情况", "其他需要报告的情况"),
            ),
        ),
        (
            "全文包括概述,主动公开政府信息的情况,依申请公开政府信息和不予公开政府信息的情况,政府信息公开的人员、收费及减免情况,"
            "因政府信息公开申请行政复议、提起行政诉讼的情况,政府信息公开工作存在不足及改进措施。",
            (
                *("概述", "主动公开政府信息的情况", "依申请公开政府信息和不予公开政府信息的情况"),
                *("政府信息公开的人员、收费及减免情况", "因政府信息公开申请行政复议、提起行政诉讼的情况"),
                "政府信息公开工作存在不足及改进措施",
            ),
        ),
        (
            "全文包括总体情况、主动公开政府信息情况、政府信息公开工作存在的主要问题及改进情况,以及其他需要报告的事项。",
            ("总体情况", "主动公开政府信息情况", "政府信息公开工作存在的主要问题及改进情况", "其他需要报告的事项"),
        ),
        ("内容包括概述、存在的主要问题及下一步工作等九个部分。", ("概述", "存在的主要问题及下一步工作")),
        (
            "本年报由概述、主动公开情况、依申请公开办理情况、收费及减免情况、行政复议和行政诉讼情况、"
            "存在的主要问题及改进措施等组成。",
            (
                *("概述", "主动公开情况", "依申请公开办理情况", "收费及减免情况", "行政复议和行政诉讼情况"),
                "存在的主要问题及改进措施",
            ),
        ),
        ("本报告由某局编制。", ()),
    ],
)
def test_announced_items_are_read_from_real_openings(text: str, items: tuple[str, ...]) -> None:
    """The chapter lists of real 引言 (corpus openings) split into items by their strongest separator."""
    assert items == announced_parts(text)


PINGTAN_2019 = (
    "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、"
    "提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分。"
)
"""The 引言 of 平潭综合实验区2019 (and 2021): items that contain ``、`` and two items joined by ``和``."""
PINGTAN_2018 = (
    "本报告由概述、主动公开政府信息情况、政府信息依申请公开办理情况、因政府信息公开申请行政复议、提起行政诉讼的情况、"
    "政府信息公开工作存在的主要问题及改进措施和政府信息公开情况统计表共六个部分组成。"
)
HULI_2018 = (
    "报告由概述、主动公开政府信息的情况、政府信息依申请公开办理情况、因政府信息公开申请行政复议及提起行政诉讼的情况、"
    "政府信息公开工作存在的主要问题及改进措施、需要说明的事项与附表共六个部分组成。"
)


@pytest.mark.parametrize(
    ("text", "count", "items"),
    [
        (
            PINGTAN_2019,
            6,
            (
                *("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"),
                *("因政府信息公开申请行政复议、提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进情况"),
                "其他需要报告的事项",
            ),
        ),
        (
            PINGTAN_2018,
            6,
            (
                *("概述", "主动公开政府信息情况", "政府信息依申请公开办理情况"),
                *("因政府信息公开申请行政复议、提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进措施"),
                "政府信息公开情况统计表",
            ),
        ),
        (
            HULI_2018,
            6,
            (
                *("概述", "主动公开政府信息的情况", "政府信息依申请公开办理情况"),
                *("因政府信息公开申请行政复议及提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进措施"),
                "需要说明的事项与附表",
            ),
        ),
    ],
)
def test_announced_items_and_their_number_agree_in_real_openings(text: str, count: int, items: tuple[str, ...]) -> None:
    """Real 引言 of 平潭 and 湖里区: split items joined again, joined parts split, as many as the number announced."""
    assert (count, items) == (announced_count(text), announced_parts(text))


def test_announced_count_quiet_on_the_corpus_report_that_agrees() -> None:
    """平潭2019's 引言 announces six parts, lists six and the report has six chapters: nothing to say."""
    assert () == run(_with_intro(full_report(), PINGTAN_2019), "intro.announced-count").findings


def test_announced_count_against_the_list_and_the_chapters() -> None:
    """分为六个部分 with five listed is a warning; five chapters for six announced an info (a chapter may be unread)."""
    text = (
        "本报告共分六个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、"
        "其他需要报告的事项。"
    )
    report = _with_intro(full_report(), text)
    (finding,) = run(report, "intro.announced-count").findings
    assert (Severity.WARNING, "$.introduction.blocks[0]") == (finding.severity, finding.path)
    assert finding.message.startswith("引言称报告共6个部分，但列出5项（总体情况；")
    assert (Decimal(6), Decimal(5)) == (finding.expected, finding.actual)
    fewer = attrs.evolve(report, sections=report.sections[:5])
    _, chapters = run(fewer, "intro.announced-count").findings
    assert (Severity.INFO, "引言称报告共6个部分，正文有5个部分") == (chapters.severity, chapters.message)


def test_announced_count_from_aspects() -> None:
    """``从……等六个方面`` announces a number too; with six chapters it agrees."""
    text = "本报告从总体情况、主动公开、依申请公开、复议诉讼、存在问题、其他事项等六个方面进行报告。"
    assert 6 == announced_count(text)
    assert () == run(_with_intro(full_report(), text), "intro.announced-count").findings


def _with_intro(report: Report, text: str) -> Report:
    return attrs.evolve(report, introduction=Introduction(heading="引言", blocks=(Paragraph(content=(text,)),)))


def test_announced_parts_quiet_when_intro_and_chapters_match() -> None:
    """A 2021 report announcing its six parts, in the corpus's words, has no finding."""
    text = (
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的情况六部分内容。"
    )
    assert () == run(_with_intro(full_report(), text), "intro.announced-parts").findings


def test_announced_parts_flags_a_chapter_not_announced() -> None:
    """A chapter the 引言 does not list is reported at the chapter."""
    text = (
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况。"
    )
    (finding,) = run(_with_intro(full_report(), text), "intro.announced-parts").findings
    assert ("$.sections[5]", "$.introduction.blocks[0]") == finding.paths
    assert "正文“其他需要报告的事项”部分未在引言列出的内容中" == finding.message


def test_announced_parts_matches_unknown_items_by_heading() -> None:
    """An item naming no standard part matches a chapter with a similar heading; an unmatched one is reported."""
    report = full_report()
    extra = Section(heading="政务公开工作要点落实情况", blocks=(Paragraph(content=("已落实。",)),))
    report = attrs.evolve(report, sections=(*report.sections, extra))
    text = (
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的情况、政府信息公开工作要点落实情况、政府网站年度报表。"
    )
    (finding,) = run(_with_intro(report, text), "intro.announced-parts").findings
    assert "引言列出“政府网站年度报表”，正文找不到相应部分" == finding.message


def test_announced_parts_quiet_without_an_announcement() -> None:
    """A 引言 that lists no parts (or no 引言) gives nothing to compare."""
    assert () == run(_with_intro(full_report(), "本报告由某局编制。"), "intro.announced-parts").findings
    assert () == run(full_report(), "intro.announced-parts").findings


# ---- mandatory parts ------------------------------------------------------------------------------------------------


def test_seed_lacks_the_fee_part_of_the_2008_regulation() -> None:
    """Article 32 of the 2008 regulation requires 收费及减免情况; the seed has no such part."""
    (finding,) = run(examples.load(SEED), "part.missing").findings
    assert ("$.sections", "缺少2008年《条例》第三十二条要求的“政府信息公开的收费及减免情况”部分") == (
        finding.path,
        finding.message,
    )


def test_empty_part_is_reported_at_its_section() -> None:
    """五 with its heading kept and its text removed is empty."""
    report = full_report()
    sections = list(report.sections)
    sections[4] = attrs.evolve(sections[4], blocks=())
    (finding,) = run(attrs.evolve(report, sections=tuple(sections)), "part.missing").findings
    assert "$.sections[4]" == finding.path
    assert (
        "“存在的主要问题及改进情况”部分没有内容（2021年版统一格式要求报告存在的主要问题及改进情况）" == finding.message
    )


def test_missing_part_found_by_heading_when_untagged() -> None:
    """Sections without part tags count by their headings; a report lacking 四 entirely is reported."""
    report = full_report()
    untagged = tuple(attrs.evolve(section, part=None) for section in report.sections)
    assert () == run(attrs.evolve(report, sections=untagged), "part.missing").findings
    without = untagged[:3] + untagged[4:]
    (finding,) = run(attrs.evolve(report, sections=without), "part.missing").findings
    assert "缺少2021年版统一格式要求的“政府信息公开行政复议、行政诉讼情况”部分" == finding.message


def test_parts_present_in_subsections_count() -> None:
    """A part held by a subsection (附表 under 六, fees under 三) counts as present."""
    report = Report(
        edition=Edition.PRE_2019,
        year=2015,
        agency=Agency(name="某区"),
        sections=(
            Section(heading="主动公开政府信息情况", blocks=(Paragraph(content=("共10条。",)),)),
            Section(
                heading="依申请公开政府信息情况",
                subsections=(Section(heading="收费及减免情况", blocks=(Paragraph(content=("未收费。",)),)),),
                blocks=(Paragraph(content=("未收到申请。",)),),
            ),
            Section(heading="行政复议和行政诉讼情况", blocks=(Paragraph(content=("无。",)),)),
            Section(heading="存在的主要问题及改进措施", blocks=(Paragraph(content=("人员不足。",)),)),
            Section(heading="其他需要报告的事项", blocks=(Paragraph(content=("无。",)),)),
        ),
    )
    assert () == run(report, "part.missing").findings


def _report_2008(*chapters: tuple[str, str]) -> Report:
    """A pre-2019 report of the given chapters, each ``(heading, text)``."""
    return Report(
        edition=Edition.PRE_2019,
        year=2011,
        agency=Agency(name="某县人民政府"),
        sections=tuple(Section(heading=h, blocks=(Paragraph(content=(t,)),)) for h, t in chapters),
    )


def test_a_2008_item_reported_in_another_chapter_is_not_missing() -> None:
    """平潭县2011 has no 复议诉讼 chapter; its 依申请公开 chapter says 未收到……行政复议申请: an info, not a warning."""
    report = _report_2008(
        ("主动公开政府信息情况", "主动公开政府信息425条。"),
        ("政府信息依申请公开工作情况", "2011年全县未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。"),
        ("政府信息公开的收费及减免情况", "未收费。"),
        ("政府信息公开工作存在的主要问题及改进情况", "人员不足。"),
        ("其他需要报告的事项", "无。"),
    )
    (finding,) = run(report, "part.missing").findings
    assert (Severity.INFO, "$.sections[1].blocks[0]") == (finding.severity, finding.path)
    assert "没有单独的“因政府信息公开申请行政复议、提起行政诉讼的情况”部分，相关情况在其他部分中报告" == finding.message


def test_words_on_other_fees_or_a_note_on_counting_are_not_a_fee_report() -> None:
    """行政事业性收费信息3条 (a kind of information), 减免税, a note that fees are counted since 2008: no fee report."""
    report = _report_2008(
        ("主动公开政府信息情况", "公开行政事业性收费信息3条。办理下岗失业人员减免税共计91件。"),
        ("政府信息依申请公开工作情况", "未收到申请。未发生政府信息公开行政复议、行政诉讼。"),
        ("政府信息公开工作存在的主要问题及改进情况", "人员不足。"),
        ("其他需要报告的事项", "政府信息公开收费情况从2008年开始统计。"),
    )
    (finding,) = [f for f in run(report, "part.missing").findings if f.severity is Severity.WARNING]
    assert "缺少2008年《条例》第三十二条要求的“政府信息公开的收费及减免情况”部分" == finding.message


def test_a_generic_2008_chapter_on_what_was_published_is_the_proactive_item() -> None:
    """邹城市唐村镇2010: 二、政府信息公开情况 — 通过门户网站公开各类信息46条 — is the 主动公开 item."""
    report = _report_2008(
        ("概述", "2010年我镇信息公开工作取得了新的进展。"),
        ("政府信息公开情况", "2010年,我镇通过门户网站公开各类信息46条。"),
        ("政府信息依申请公开办理情况", "2010年度我镇没有接到群众主动要求公开政府信息的申请。"),
        ("依申请信息公开收费情况", "2010年度,我镇政府信息公开没有收费。"),
        ("复议、诉讼和申诉情况", "未发生行政复议案、行政诉讼案。"),
        ("存在的主要问题及改进措施", "人员不足。"),
    )
    (finding,) = run(report, "part.missing").findings  # only that 其他需要报告的事项 is not there
    assert Severity.INFO == finding.severity
    expected = "没有“其他需要报告的事项”部分（2008年《条例》第三十二条第六项；没有其他事项时常不列此部分）"
    assert expected == finding.message


def test_other_matters_lowered_on_purpose_stay_info_when_the_rule_is_regraded() -> None:
    """A caller who grades part.missing as error still gets the pre-2019 其他需要报告的事项 as an info."""
    report = _report_2008(
        ("主动公开政府信息情况", "公开信息46条。"),
        ("政府信息依申请公开办理情况", "未收到申请。"),
        ("收费情况", "没有收费。"),
        ("复议、诉讼情况", "无复议、诉讼。"),
        ("存在的主要问题及改进措施", "人员不足。"),
    )
    rules = default_rules.configure(only={"part.missing"}, severity={"part.missing": "error"})
    (finding,) = check(report, rules=rules).findings
    assert Severity.INFO == finding.severity


def test_a_heading_that_holds_its_text_is_not_an_empty_part() -> None:
    """平潭2025 as read: 六's heading holds 其他需要报告的事项2025年，无收取信息处理费情况。 — the part has content."""
    report = full_report()
    sections = list(report.sections)
    sections[5] = attrs.evolve(sections[5], heading="其他需要报告的事项2025年，无收取信息处理费情况。", blocks=())
    sections[2] = attrs.evolve(sections[2], heading="政府信息依申请公开工作情况2018年未收到有关政府信息公开申请。")
    assert () == run(attrs.evolve(report, sections=tuple(sections)), "part.missing").findings


# ---- fees -----------------------------------------------------------------------------------------------------------


def _fee_report(other: str) -> Report:
    table = applications({("result.other.no-fee", "natural-person"): 1, ("result.other.no-fee", "total"): 1})
    return full_report(applications=table, other=other)


def test_fees_unreported_when_applications_dropped_for_fees_and_no_account() -> None:
    """（六）2 holds 1 and 六 says nothing of 信息处理费: a warning naming the cells and part 六."""
    (finding,) = run(_fee_report("本年度无其他需要报告的事项。"), "fees.unreported").findings
    cells = ("$.sections[2].blocks[0].rows[21].values[0]", "$.sections[2].blocks[0].rows[21].values[6]")
    assert (*cells, "$.sections[5]") == finding.paths
    assert "表三“（六）其他处理2.”（逾期未缴纳信息处理费）为1件，但“其他需要报告的事项”中没有信息处理费情况" == (
        finding.message
    )


def test_fees_reported_or_not_charged_is_quiet() -> None:
    """An account of 信息处理费 in 六, or no application dropped for fees, or an older edition: no finding."""
    assert () == run(_fee_report("本年度发出收费通知1件，未实际收取信息处理费。"), "fees.unreported").findings
    assert () == run(full_report(other="本年度无其他需要报告的事项。"), "fees.unreported").findings
    older = attrs.evolve(_fee_report("无。"), edition=Edition.E2019, year=2020)
    assert () == run(older, "fees.unreported").findings


def test_fees_unreported_without_part_six() -> None:
    """Without 六 at all, the finding says so and points at the cells."""
    report = _fee_report("无。")
    report = attrs.evolve(report, sections=report.sections[:5])
    (finding,) = run(report, "fees.unreported").findings
    assert finding.message.endswith("为1件，且没有“其他需要报告的事项”部分")
    assert all(path.startswith("$.sections[2].blocks[0].rows[21]") for path in finding.paths)


# ---- 考核、评议、追究 in a government's report ----------------------------------------------------------------------

GOVERNMENT = Agency(name="示例县人民政府", level=AgencyLevel.COUNTY, role=AgencyRole.GOVERNMENT)


def test_government_report_without_assessment_results_is_flagged() -> None:
    """A government's 2021 report that never mentions 考核, 评议 or 追究 names all three, at its overview."""
    (finding,) = run(full_report(agency=GOVERNMENT), "government.assessment").findings
    assert ("government.assessment", Severity.WARNING, ("$.sections[0]",)) == (
        finding.rule,
        finding.severity,
        finding.paths,
    )
    assert finding.message.endswith("报告中未见工作考核、社会评议、责任追究结果")


def test_government_report_names_only_what_is_missing() -> None:
    """A report that gives 考核 and 问责 but no 评议 is told only about 社会评议."""
    report = full_report(agency=GOVERNMENT, other="本年度政务公开纳入绩效考核，无问责情况。")
    (finding,) = run(report, "government.assessment").findings
    assert finding.message.endswith("报告中未见社会评议结果")


@pytest.mark.parametrize(
    "report",
    [
        full_report(agency=GOVERNMENT, other="纳入年度考核，开展社会评议，未发生责任追究。"),
        full_report(),  # a department: not asked
        full_report(agency=Agency(name="示例县人民政府")),  # role unknown: not checked
        full_report(agency=GOVERNMENT, edition=Edition.PRE_2019, year=2017),  # the 2008 regulation did not ask
    ],
    ids=["reported", "department", "unknown-role", "pre-2019"],
)
def test_government_assessment_quiet(report: Report) -> None:
    """The rule is quiet when the results are reported, or when the report is not a government's under the 2019 rule."""
    assert () == run(report, "government.assessment").findings
