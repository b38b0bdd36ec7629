"""The head of a page: portal and crawler chrome before the title, collapsed heads, and where the agency comes from."""

from __future__ import annotations

import datetime

import pytest

from govdisclose.read import read_text

# The head of tests/data/corpus/txt/2013-pingtan-dishuiju.txt as the crawler flattened it: breadcrumb, title, metadata,
# widget words and the title again (split by a space) on the line that carries the whole report.
DISHUIJU = (
    "当前位置： 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区地方税务局2013年信息公开年度报告 "
    "来源：平潭县人民政府 时间：2014-02-25 00:00 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> "
    "平潭综合实验区地方税务局2013年 信息公开年度报告 "
    "根据《中华人民共和国政府信息公开条例》以及《福建省政府信息公开办法》，"
    "特向社会公布2013年度平潭县地税局信息公开年度报告。本报告中所列数据的统计期限自2013年1月1日起至2013年12月31日止。 "
    "一、概述 2013年我局本着政务公开工作尽可能的贴近群众生活的原则，不断完善公开内容。"
    " 二、主动公开政府信息情况 2013年新增主动公开政府信息45条。\n"
)


def _noise(text: str) -> list[str]:
    return [f"{d.column} {d.message}" for d in read_text(text).diagnostics if d.kind.value == "noise"]


def test_collapsed_head_gives_title_and_agency() -> None:
    """The title inside a flattened breadcrumb line is read, and the agency is the title's, not the portal's 来源."""
    report = read_text(DISHUIJU).report
    assert ("平潭综合实验区地方税务局", 2013) == (report.agency.name, report.year)
    assert "平潭综合实验区地方税务局2013年信息公开年度报告" == report.title
    assert (datetime.date(2014, 2, 25), "平潭县人民政府") == (
        report.publication.published_on,
        report.publication.source,
    )


def test_collapsed_head_chrome_is_noise_at_its_column() -> None:
    """Breadcrumb, widget words and the repeated title are reported as noise, each at its own column."""
    assert [
        "1 page noise: breadcrumb",
        "85 page noise: page widgets",
        "119 title repeated in the article",
    ] == _noise(DISHUIJU)


def test_collapsed_head_keeps_the_introduction() -> None:
    """What follows the chrome is the 引言, starting at 根据, and the chapters are read after it."""
    report = read_text(DISHUIJU).report
    assert report.introduction is not None
    assert report.introduction.blocks[0].text.startswith("根据《中华人民共和国政府信息公开条例》")  # type: ignore[union-attr]
    assert ["概述", "主动公开政府信息情况"] == [section.heading for section in report.sections]


def test_title_at_the_start_of_a_collapsed_line() -> None:
    """``平潭综合实验区2018年度…年度报告 根据…`` (2018-pingtan-zonghe-shiyanqu): the title is cut off the line."""
    text = (
        "平潭综合实验区2018年度政府信息公开工作年度报告 "
        "根据《中华人民共和国政府信息公开条例》要求，区管委会办公室编制完成了本报告。本报告所列数据的统计期限自2018年1月1日起至2018年12月31日止。一、概述2018年以来,我区认真贯彻落实《条例》。"
        "二、主动公开政府信息情况2018年全区主动公开政府信息2069条。\n"
    )
    report = read_text(text).report
    assert ("平潭综合实验区", 2018) == (report.agency.name, report.year)


def test_a_line_that_starts_with_text_is_not_cut() -> None:
    """A long line that starts with report text (not chrome, not a title) is left whole."""
    text = (
        "某县教育局2021年政府信息公开工作年度报告\n"
        + "根据《条例》要求编制本报告，" * 12
        + "特此报告。\n一、总体情况\n全年收到申请3件。\n"
    )
    report = read_text(text).report
    assert report.introduction is not None
    assert 1 == len(report.introduction.blocks)


def test_widget_and_crawler_lines_are_noise() -> None:
    """``关怀版 无障碍``, ``智能问答`` and the crawler's body separator before the title are skipped as noise."""
    text = (
        "关怀版 无障碍\n智能问答\n==================== 正文 ====================\n"
        "某县教育局2021年政府信息公开工作年度报告\n一、总体情况\n全年收到申请3件。\n"
    )
    assert [
        "1 page noise: page widgets",
        "1 page noise: page widgets",
        "1 page noise: crawler header",
    ] == _noise(text)
    assert "某县教育局" == read_text(text).report.agency.name


def _agency_notes(text: str) -> tuple[str, list[str]]:
    result = read_text(text)
    notes = [f"{d.kind.value} {d.message}" for d in result.diagnostics if d.message.startswith("agency")]
    return result.report.agency.name, notes


def test_an_office_report_is_not_widened_to_its_government() -> None:
    """A 市政府办公厅 report whose 引言 names the 办公厅 as compiler stays the 办公厅's, not the 市人民政府's."""
    text = (
        "某市人民政府办公厅2020年政府信息公开工作年度报告\n本报告由某市人民政府办公厅编制。\n"
        "一、总体情况\n全年收到申请3件。\n"
    )
    assert (
        "某市人民政府办公厅",
        ["recognised agency '某市人民政府办公厅' from the title (the 引言 names '某市人民政府'; not widened)"],
    ) == _agency_notes(text)


def test_a_generic_government_is_not_an_agency() -> None:
    """``由市政府办公厅编制`` names no particular organ: the agency is the title's ``某市政府办公厅``."""
    text = "某市政府办公厅2020年政府信息公开工作年度报告\n本报告由市政府办公厅编制。\n一、总体情况\n全年收到申请3件。\n"
    assert ("某市政府办公厅", ["recognised agency '某市政府办公厅' from the title"]) == _agency_notes(text)


def test_a_legal_affairs_office_is_not_read_as_the_government() -> None:
    """法制办 report, no title agency: ``区政府`` is no agency; the 法制办 of the first paragraph is (uncertain)."""
    text = (
        "2015年政府信息公开工作年度报告\n本报告由区政府办公室编制。\n一、概述\n"
        "2015年，区政府法制办认真贯彻落实《条例》，全年收到申请3件。\n"
    )
    assert (
        "区政府法制办",
        ["uncertain agency '区政府法制办' taken from the first paragraph"],
    ) == _agency_notes(text)


def test_an_office_standing_for_its_government_is_said() -> None:
    """``由两城镇人民政府党政办公室编制`` (2020-weishan-liangcheng-zhen): the government; the office is named."""
    text = (
        "2020年政府信息公开工作年度报告\n本报告是根据《条例》要求，由两城镇人民政府党政办公室编制。\n"
        "一、总体情况\n全年收到申请3件。\n"
    )
    assert (
        "两城镇人民政府",
        ["recognised agency '两城镇人民政府' from the 引言 (its office '两城镇人民政府党政办公室' standing for it)"],
    ) == _agency_notes(text)


def test_a_year_only_in_the_first_paragraph_is_read_uncertain() -> None:
    """``2019年我局……`` with no year in the title: a report of 2019 with an uncertain diagnostic, not a refusal."""
    result = read_text("政府信息公开工作年度报告\n一、概述\n2019年我局认真贯彻落实《条例》，全年收到申请3件。\n")
    assert 2019 == result.report.year
    assert ["uncertain report year 2019 taken from the first paragraph"] == [
        f"{d.kind.value} {d.message}" for d in result.diagnostics if d.message.startswith("report year")
    ]


# A portal page as a browser's "copy all" gives it: accessibility and language toggles, the site's assistant, a
# breadcrumb with 您当前的位置, then the title split after the agency and the metadata line.
PORTAL_HEAD = (
    "关怀版 无障碍 繁體 English\n智能问答\n您当前的位置：首页 > 政务公开 > 政府信息公开年报\n"
    "某市人民政府办公厅\n2023年政府信息公开工作年度报告\n发布时间：2024-01-20\n"
    "一、总体情况\n2023年，市政府办公厅全年主动公开政府信息1200条。\n"
)


def test_portal_chrome_before_the_title_is_noise() -> None:
    """Widget, assistant and breadcrumb lines before the title are skipped, each reported as noise on its line."""
    assert [
        "1 page noise: page widgets",
        "2 page noise: page widgets",
        "3 page noise: breadcrumb",
    ] == [f"{d.line} {d.message}" for d in read_text(PORTAL_HEAD).diagnostics if d.kind.value == "noise"]


def test_title_split_after_the_agency_behind_chrome_is_joined() -> None:
    """The two title lines after the chrome are one title, and the agency is the 办公厅 it names, not widened."""
    result = read_text(PORTAL_HEAD)
    report = result.report
    assert ("某市人民政府办公厅", 2023) == (report.agency.name, report.year)
    assert ["总体情况"] == [section.heading for section in report.sections]
    assert report.introduction is None
    assert any(d.message == "title over two lines" and d.line == 4 for d in result.diagnostics)


@pytest.mark.parametrize(
    ("first", "second", "agency", "year"),
    [
        ("平潭综合实验区地方税务局2013年", "信息公开年度报告", "平潭综合实验区地方税务局", 2013),  # after the year
        ("某市人民政府办公厅2019年政府信息", "公开工作年度报告", "某市人民政府办公厅", 2019),  # inside the words
    ],
    ids=["after-the-year", "inside-the-words"],
)
def test_title_split_elsewhere_is_joined(first: str, second: str, agency: str, year: int) -> None:
    """A title split after its year or inside its words is one title too: agency and year from it."""
    result = read_text(f"{first}\n{second}\n一、概述\n全年主动公开信息10条。\n")
    assert (agency, year) == (result.report.agency.name, result.report.year)
    assert any("title over two lines" == d.message and 1 == d.line for d in result.diagnostics)
    assert ["概述"] == [section.heading for section in result.report.sections]


def test_a_nameless_report_says_how_it_names_itself() -> None:
    """``我局`` and the 统计法 (2019-xian-yanta-tongjiju) are no agency name; the diagnostic says what the text has."""
    result = read_text("一、总体情况\n2019年,我局认真贯彻《中华人民共和国统计法》。\n")
    assert [
        "unrecognised no agency named in the text (the text calls its author 我局 and cites 《中华人民共和国统计法》); "
        "the agency is （未识别的机关）"
    ] == [f"{d.kind.value} {d.message}" for d in result.diagnostics if "agency" in d.message]
