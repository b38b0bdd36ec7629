import attrs
import pytest

from govdisclose.checks import CheckResult, RuleCatalog, Severity, check
from govdisclose.checks._rules_structure import RULES
from govdisclose.model import Edition, Paragraph, Part, Report, Section
from govdisclose.zh import OrdinalStyle
from test_checks_tables import full_report

CATALOG = RuleCatalog()
for _rule in RULES:
    CATALOG.register(_rule)


def run(report: Report) -> CheckResult:
    """Check with the structure rule only."""
    return check(report, rules=CATALOG)


def with_sections(report: Report, *sections: Section) -> Report:
    """The report with these chapters."""
    return attrs.evolve(report, sections=sections)


def test_the_six_parts_in_order_and_numbered_one_to_six_are_quiet() -> None:
    """A 2021 report with its six chapters 一 to 六, and the 2019 edition, give nothing."""
    assert () == run(full_report()).findings
    assert () == run(full_report(edition=Edition.E2019, year=2020)).findings


def test_a_sub_topic_of_the_overview_numbered_as_a_part() -> None:
    """二、主动公开方面 between 总体情况 and the chapter of table 二: the sub-topic, then 三 to 七 shifted by one."""
    report = full_report()
    subtopic = Section(heading="主动公开方面", blocks=(Paragraph(content=("本年度主动公开政府信息120条。",)),))
    shifted = with_sections(report, report.sections[0], subtopic, *report.sections[1:])
    first, second = run(shifted).findings
    assert ("$.sections[1]", Severity.WARNING) == (first.path, first.severity)
    assert first.message.startswith("“二、主动公开方面”是“一、总体情况”的子项，却编为一个部分")
    assert ("$.sections[2]", "$.sections[3]", "$.sections[4]", "$.sections[5]", "$.sections[6]") == second.paths
    assert "“三、主动公开政府信息情况”等5个部分的编号都与统一格式不符（应为“二、”，多一）" == second.message


def test_a_part_that_is_the_overview_s_sub_topic_by_name_only_is_not_one() -> None:
    """The only chapter on 主动公开 (holding table 二) is the part, however it is worded."""
    report = full_report()
    sections = list(report.sections)
    sections[1] = attrs.evolve(sections[1], heading="主动公开情况")
    assert () == run(with_sections(report, *sections)).findings


@pytest.mark.parametrize(("number", "word"), [(3, "重复"), (1, "重新开始")])
def test_repeated_or_restarted_numbers(number: int, word: str) -> None:
    """四 printed as 三 repeats the number before it; printed as 一 it restarts the numbering."""
    report = full_report()
    sections = list(report.sections)
    sections[3] = attrs.evolve(sections[3], number=number)
    findings = run(with_sections(report, *sections)).findings
    repeated = [f for f in findings if "编号" + word in f.message]
    assert 1 == len(repeated)
    assert ("$.sections[3]", "$.sections[2]") == repeated[0].paths
    assert any("与统一格式不符" in f.message for f in findings)  # and 四 to 六 are off their place


def test_repeated_numbers_below_the_chapters() -> None:
    """Sub-headings （一）（二）（二） under 总体情况 repeat a number too."""
    report = full_report()
    topics = tuple(
        Section(heading=h, number=n, blocks=(Paragraph(content=("有关情况。",)),))
        for h, n in (("主动公开方面", None), ("依申请公开方面", None), ("政府信息管理方面", 2))
    )
    sections = list(report.sections)
    sections[0] = attrs.evolve(sections[0], subsections=topics)
    (finding,) = run(with_sections(report, *sections)).findings
    assert ("$.sections[0].subsections[2]", "$.sections[0].subsections[1]") == finding.paths
    assert "标题“（二）政府信息管理方面”的编号重复（前一个同级标题为“（二）依申请公开方面”）" == finding.message


def test_parts_out_of_order() -> None:
    """五 before 四: the 复议诉讼 chapter comes after 存在的主要问题及改进情况."""
    report = full_report()
    s = report.sections
    swapped = with_sections(report, s[0], s[1], s[2], s[4], s[3], s[5])
    order = [f for f in run(swapped).findings if "排在" in f.message]
    assert 1 == len(order)
    assert (
        "“五、政府信息公开行政复议、行政诉讼情况”排在“四、存在的主要问题及改进情况”之后（统一格式中为第四部分，应在其前）"
        == order[0].message
    )


def test_unnumbered_chapters_and_pre_2019_reports_are_not_numbered_against_the_format() -> None:
    """Chapters printed without numbers have no number to compare; before 2019 there is no six-part format."""
    report = full_report()
    plain = tuple(attrs.evolve(s, numbering=OrdinalStyle.NONE) for s in report.sections)
    assert () == run(with_sections(report, *plain)).findings
    old = attrs.evolve(report, edition=Edition.PRE_2019, year=2017)
    s = old.sections
    assert () == run(with_sections(old, s[1], s[0], *s[2:])).findings
    assert Part.OVERVIEW is s[0].part
