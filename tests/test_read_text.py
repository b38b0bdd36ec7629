"""read_text: metadata, titles, signature, headings, blocks, quantities, breakdowns, noise, scripts and errors."""

from __future__ import annotations

import contextlib
import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import DocumentError, GovDiscloseError
from govdisclose.model import (
    NATIONAL_HEADINGS,
    Amount,
    Compound,
    Count,
    Edition,
    EnumeratedPoints,
    MoneyUnit,
    NumberedItems,
    Paragraph,
    Part,
    Qualifier,
    Report,
    Scale,
    Share,
    Statistic,
    Validity,
)
from govdisclose.read import Diagnostic, DiagnosticKind, read_text
from govdisclose.zh import OrdinalStyle

TITLE = "某县教育局2021年政府信息公开工作年度报告"


def report(text: str) -> Report:
    """The report read from *text*."""
    return read_text(text).report


def diagnostics(text: str, kind: DiagnosticKind) -> list[Diagnostic]:
    """The diagnostics of one kind of reading *text*."""
    return [d for d in read_text(text).diagnostics if d.kind is kind]


def paragraph(text: str) -> Paragraph:
    """The first block of the first chapter of a report whose first chapter is *text*."""
    block = report(f"{TITLE}\n一、总体情况\n{text}").sections[0].blocks[0]
    assert isinstance(block, Paragraph)
    return block


def quantities(text: str) -> list[str]:
    """The quantities of one paragraph, as written."""
    return [q.text for q in paragraph(text).quantities()]


# ---- metadata ------------------------------------------------------------------------------------------------------


def test_bulleted_spaced_metadata_and_dropdown_debris() -> None:
    """``• 索 引 号:`` labels; repeated 有效性 lines after the first are dropdown debris, reported as noise."""
    text = (
        "• 索 引 号:XM02100-0101-2019-00001\n  • 发布机构:湖里区人民政府办公室\n  • 有效性:有效\n  • 有效性:失效\n"
        f"{TITLE}\n一、总体情况\n正文。"
    )
    result = read_text(text)
    publication = result.report.publication
    assert ("XM02100-0101-2019-00001", "湖里区人民政府办公室", Validity.VALID) == (
        publication.index_number,
        publication.publisher,
        publication.validity,
    )
    noise = [d for d in result.diagnostics if d.kind is DiagnosticKind.NOISE]
    assert [(4, "有效性:失效")] == [(d.line, d.text) for d in noise]


def test_pipe_metadata_with_empty_values() -> None:
    """Pipe cells alternate labels and values; a label followed by a label has no value (noise, not a field)."""
    text = (
        f"索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 |\n文 号 | 有 效 性 |\n{TITLE}\n一、总体情况\n正。"
    )
    result = read_text(text)
    assert ("014416330/2018-04736", "政府信息公开年报", None, None) == (
        result.report.publication.index_number,
        result.report.publication.subject,
        result.report.publication.document_number,
        result.report.publication.validity,
    )
    assert 2 == len(
        [d for d in result.diagnostics if d.kind is DiagnosticKind.NOISE and "without a value" in d.message]
    )


@pytest.mark.parametrize(
    ("line", "date", "time"),
    [
        ("发布时间:2011-03-14 18:20:44", datetime.date(2011, 3, 14), datetime.time(18, 20, 44)),
        ("发布日期：2023/01/18 11:34:01", datetime.date(2023, 1, 18), datetime.time(11, 34, 1)),
        ("发布时间:2022年01月30日 15:52", datetime.date(2022, 1, 30), datetime.time(15, 52)),
        ("来源:司法部官网 发布时间:2021-01-29 10:52", datetime.date(2021, 1, 29), datetime.time(10, 52)),
        ("日期:2021-01-29", datetime.date(2021, 1, 29), None),
    ],
)
def test_publication_date_forms(line: str, date: datetime.date, time: datetime.time | None) -> None:
    """Dates and times in the forms portals print, several ``label:value`` pairs on one line."""
    publication = report(f"{TITLE}\n{line}\n一、总体情况\n正文。").publication
    assert (date, time) == (publication.published_on, publication.published_at)


def test_widgets_on_a_metadata_line_are_noise() -> None:
    """``浏览次数:`` sharing a line with 时间 and 来源 is noise; the other fields are read."""
    result = read_text(f"{TITLE}\n时间:2021-01-29 18:55      来源:杭州市教育局      浏览次数:\n一、总体情况\n正文。")
    assert "杭州市教育局" == result.report.publication.source
    assert any("浏览次数" in d.message for d in result.diagnostics if d.kind is DiagnosticKind.NOISE)


# ---- title, agency, year, signature ---------------------------------------------------------------------------------


def test_title_without_agency_takes_it_from_the_intro() -> None:
    """A title without the agency keeps the published title; the agency comes from ``由××编制`` in the 引言."""
    r = report("2015年政府信息公开工作年度报告\n本报告由某某县人民政府办公室编制。\n一、概述\n正文。")
    assert ("某某县人民政府", 2015, "2015年政府信息公开工作年度报告") == (r.agency.name, r.year, r.title)


def test_title_without_gongzuo() -> None:
    """``……政府信息公开年度报告`` (without 工作) is a title; it differs from the derived one, so it is kept."""
    r = report("杭州市教育局2020年政府信息公开年度报告\n一、总体情况\n正文。")
    assert ("杭州市教育局", 2020, "杭州市教育局2020年政府信息公开年度报告") == (r.agency.name, r.year, r.title)


def test_agency_from_the_signature() -> None:
    """The signing organ is the agency (its full name), even when the title uses a shorter one."""
    r = report("城关街道2017年政府信息公开工作年度报告\n一、概述\n正文。\n三元区城关街道办事处\n2018年1月30日")
    assert "三元区城关街道办事处" == r.agency.name
    assert r.signature is not None
    assert datetime.date(2018, 1, 30) == r.signature.date


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2018年1月30日", datetime.date(2018, 1, 30)),
        ("二〇一〇年一月十九日", datetime.date(2010, 1, 19)),
        ("二○一○年一月十九日", datetime.date(2010, 1, 19)),
        ("2018-01-30", datetime.date(2018, 1, 30)),
        ("２０１８年１月３０日", datetime.date(2018, 1, 30)),
    ],
)
def test_signature_date_forms(written: str, date: datetime.date) -> None:
    """The signature date in every form of the spec, Chinese numerals and full-width digits included."""
    r = report(f"{TITLE}\n一、总体情况\n正文。\n某县教育局\n{written}")
    assert r.signature is not None
    assert ("某县教育局", date) == (r.signature.organ, r.signature.date)


def test_year_from_the_statistics_period() -> None:
    """Without a title, the year comes from the 引言's statistics period."""
    r = report("依据条例制作本报告。报告中所列数据统计期限为自2024年1月1日至2024年12月31日。\n一、总体情况\n正文。")
    assert 2024 == r.year


def test_no_year_is_an_error() -> None:
    """A text that names no year raises a DocumentError that says so."""
    with pytest.raises(DocumentError, match="no report year"):
        read_text("一、总体情况\n正文。")


def test_not_a_string_is_an_error() -> None:
    """Bytes are refused with a DocumentError (decode them first)."""
    with pytest.raises(DocumentError, match="bytes"):
        read_text(b"abc")  # type: ignore[arg-type]


# ---- the edition --------------------------------------------------------------------------------------------------


def test_edition_is_not_taken_from_a_cited_notice() -> None:
    """A 2021 report that cites the 2019 format's notice is of the 2021 edition (its year; no table says else)."""
    text = "某局2021年政府信息公开工作年度报告\n本报告依据国办公开办函〔2019〕60号编制。\n一、总体情况\n正文。"
    result = read_text(text)
    assert Edition.E2021 == result.report.edition
    assert any(d.message.startswith("edition") for d in result.diagnostics if d.kind is DiagnosticKind.UNCERTAIN)


def test_edition_from_the_table_layout() -> None:
    """A 2021 report with a table 二 in the 2019 layout is read as of the 2019 edition: the table says so."""
    text = (
        "某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | 0 | 0 | 0 |"
    )
    assert Edition.E2019 == report(text).edition


# ---- headings --------------------------------------------------------------------------------------------------------


def test_heading_tree_and_numbering_styles() -> None:
    """``一、`` → ``(一)`` (ASCII brackets recorded) → ``1、`` (recorded) → ``（1）`` (the default of level 4)."""
    text = (
        f"{TITLE}\n一、总体情况\n(一)主动公开\n1、加强解读\n（1）一项\n正文。\n(二)依申请公开\n正文。\n"
        "二、主动公开政府信息情况\n正文。"
    )
    r = report(text)
    overview = r.sections[0]
    assert [(None, Part.OVERVIEW), (None, Part.PROACTIVE)] == [(s.numbering, s.part) for s in r.sections]
    assert [OrdinalStyle.CN_PAREN_ASCII, OrdinalStyle.CN_PAREN_ASCII] == [s.numbering for s in overview.subsections]
    item = overview.subsections[0].subsections[0]
    assert (OrdinalStyle.ARABIC_COMMA, "加强解读") == (item.numbering, item.heading)
    assert (None, "一项") == (item.subsections[0].numbering, item.subsections[0].heading)


def test_mixed_brackets_are_one_level() -> None:
    """``(一)`` and ``（二）`` in one report are siblings, each keeping its own style."""
    r = report(f"{TITLE}\n一、总体情况\n(一)甲\n正文。\n（二）乙\n正文。")
    assert [("甲", OrdinalStyle.CN_PAREN_ASCII), ("乙", None)] == [
        (s.heading, s.numbering) for s in r.sections[0].subsections
    ]


def test_run_in_heading() -> None:
    """A sentence ending in ``。`` with text after it on the line is a run-in heading."""
    r = report(f"{TITLE}\n六、其他需要报告的事项\n（一）需要说明的事项。本年度无收费。\n（二）附表")
    first, second = r.sections[0].subsections
    assert ("需要说明的事项。", True, "本年度无收费。") == (first.heading, first.run_in, first.blocks[0].text)  # type: ignore[attr-defined]
    assert ("附表", False, Part.STATISTICS_TABLES) == (second.heading, second.run_in, second.part)


def test_whole_sentence_heading_on_its_own_line() -> None:
    """``1、通过各种平台公开政府信息。`` alone on its line is a heading ending in ``。``, not run in."""
    r = report(f"{TITLE}\n一、总体情况\n1、通过各种平台公开政府信息。\n在网站公示。")
    section = r.sections[0].subsections[0]
    assert ("通过各种平台公开政府信息。", False) == (section.heading, section.run_in)


def test_numbered_list_versus_sections() -> None:
    """Consecutive numbered lines that each hold text are a list; numbered titles followed by text are sections."""
    text = (
        f"{TITLE}\n一、总体情况\n我们做到三个更加：\n1、内容更加充实。对公开的范围作了明确。\n"
        "2、时间更加及时。做到定期公开。\n二、主动公开政府信息情况\n1、加强解读\n正文甲。\n2、推进公开\n正文乙。"
    )
    r = report(text)
    items = r.sections[0].blocks[1]
    assert isinstance(items, NumberedItems)
    assert (OrdinalStyle.ARABIC_COMMA, 1, 2) == (items.style, items.start, len(items.items))
    assert ["加强解读", "推进公开"] == [s.heading for s in r.sections[1].subsections]


def test_yishi_headings_and_points() -> None:
    """``一是……。`` alone before its text is a heading; ``一是……二是……`` in a line is enumerated points."""
    text = (
        f"{TITLE}\n五、存在的主要问题及改进情况\n今后：一是加强领导；二是加强培训。\n"
        "一是严格责任落实。\n列入议事日程。\n二是拓宽渠道。\n充分利用公示栏。"
    )
    section = report(text).sections[0]
    points = section.blocks[0]
    assert isinstance(points, EnumeratedPoints)
    assert ("今后：", ("加强领导；",), ("加强培训。",)) == (points.lead[0], points.points[0], points.points[1])
    assert [("严格责任落实。", OrdinalStyle.CN_SHI), ("拓宽渠道。", OrdinalStyle.CN_SHI)] == [
        (s.heading, s.numbering) for s in section.subsections
    ]


def test_yishi_inside_a_word_is_not_a_point() -> None:
    """``统一是`` does not start a point: the line stays a paragraph."""
    assert "统一是前提，二是后话。" == paragraph("统一是前提，二是后话。").text


def test_skipped_number_is_kept_and_flagged() -> None:
    """A chapter numbered 三 after 一 keeps its number, and the reader says it expected 二."""
    result = read_text(f"{TITLE}\n一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n正文。")
    assert [None, 3] == [s.number for s in result.report.sections]
    assert any("expected" in d.message for d in result.diagnostics if d.kind is DiagnosticKind.UNCERTAIN)


def test_intro_with_and_without_heading() -> None:
    """``引言`` before the text is the 引言's heading; text before the first chapter is the 引言 either way."""
    with_heading = report(f"{TITLE}\n引 言\n本报告依据条例编制。\n一、总体情况\n正文。").introduction
    without = report(f"{TITLE}\n本报告依据条例编制。\n一、总体情况\n正文。").introduction
    assert with_heading is not None
    assert without is not None
    assert ("引 言", None) == (with_heading.heading, without.heading)
    assert with_heading.blocks == without.blocks


def test_announced_parts_of_the_intro() -> None:
    """The parts an 引言 announces are reported (the model has no field for them; the checks compare them)."""
    text = f"{TITLE}\n本报告由概述、主动公开情况、依申请公开情况等三个部分组成。\n一、概述\n正文。"
    recognised = [d.message for d in diagnostics(text, DiagnosticKind.RECOGNISED)]
    assert "引言 announces 3 parts: 概述；主动公开情况；依申请公开情况" in recognised


def test_collapsed_body_is_split_at_its_chapters() -> None:
    """A body collapsed onto one line is split at ``一、`` ``二、`` and ``（一）``, and the reader says so."""
    text = (
        f"{TITLE}\n一、总体情况 2021年，我局认真贯彻条例。（一）主动公开方面。全年主动公开信息10条。"
        "二、主动公开政府信息情况 全年制发规章0件。"
    )
    result = read_text(text)
    r = result.report
    assert ["总体情况", "主动公开政府信息情况"] == [s.heading for s in r.sections]
    assert ["主动公开方面。"] == [s.heading for s in r.sections[0].subsections]
    assert any("collapsed" in d.message for d in result.diagnostics if d.kind is DiagnosticKind.UNCERTAIN)


# The way a PDF-to-Markdown tool writes a 2021-format report: ``#`` headings, bold run-in sub-headings, a pipe table.
MARKDOWN = """# 某市人民政府办公室2023年政府信息公开工作年度报告

## 一、总体情况

2023年，某市人民政府办公室认真贯彻落实《中华人民共和国政府信息公开条例》。

### （一）主动公开情况。

全年主动公开政府信息1200条。

### （二）精细化建设公开平台。

优化政府网站栏目设置，完善政策文件库。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 5 | 1 | 40 |

## 三、收到和处理政府信息公开申请情况

本年度共收到申请12件。

## 四、政府信息公开行政复议、行政诉讼情况

本年度无行政复议和行政诉讼。

## 五、存在的主要问题及改进情况

一是公开质量有待提高；二是解读形式不够丰富。

## 六、其他需要报告的事项

本年度未收取信息处理费。
"""


def test_markdown_headings_give_all_six_parts() -> None:
    """``## 一、…`` headings are headings (their ``##`` is markup): a Markdown report gets its six parts in order."""
    r = report(MARKDOWN)
    assert [part for part, _ in NATIONAL_HEADINGS] == [s.part for s in r.sections]
    assert "某市人民政府办公室2023年政府信息公开工作年度报告" == r.title or r.title is None
    assert ("某市人民政府办公室", 2023) == (r.agency.name, r.year)


def test_markdown_sub_heading_does_not_swallow_the_rest() -> None:
    """``### （二）精细化建设公开平台。`` holds its own paragraph only; the next ``##`` chapter is at the top."""
    overview = report(MARKDOWN).sections[0]
    assert ["主动公开情况。", "精细化建设公开平台。"] == [s.heading for s in overview.subsections]
    assert ["优化政府网站栏目设置，完善政策文件库。"] == [b.text for b in overview.subsections[1].blocks]  # type: ignore[union-attr]


def test_markdown_headings_without_ordinals_nest_by_level() -> None:
    """Unnumbered ``##`` headings are chapters, ``###`` headings their sections; ``**…**`` around a line is markup."""
    text = (
        f"{TITLE}\n## 总体情况\n### 主动公开方面\n全年主动公开10条。\n### 依申请公开方面\n全年收到申请3件。\n"
        "**二、主动公开政府信息情况**\n无。\n## 收到和处理政府信息公开申请情况\n无。"
    )
    r = report(text)
    assert ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"] == [s.heading for s in r.sections]
    assert ["主动公开方面", "依申请公开方面"] == [s.heading for s in r.sections[0].subsections]
    assert (Part.OVERVIEW, Part.PROACTIVE, Part.APPLICATIONS) == tuple(s.part for s in r.sections)


def test_markdown_heading_column_is_after_the_markup() -> None:
    """The position of a Markdown heading is where its text starts, after ``## ``."""
    result = read_text(f"{TITLE}\n## 一、总体情况\n正文。")
    assert any(d.line == 2 and d.column == 4 and "heading level 1" in d.message for d in result.diagnostics)


# A table 三 whose layout was lost (PDF text): its labels broken over lines, no values next to them.
BROKEN_LABELS = f"""{TITLE}
一、总体情况
2021年，全年共收到申请3件。
二、主动公开政府信息情况
本年度主动公开政府信息120条。
三、收到和处理政府信息公开申请情况
三、本年度办
理结果
（三）不
予公开
1.属于国家秘密
（六）其
他处理
四、政府信息公开行政复议、行政诉讼情况
本年度无。
"""


def test_table_label_fragments_never_become_headings() -> None:
    """``三、本年度办`` ``（三）不`` ``（六）其`` are pieces of table 三's labels: text of the chapter, each said."""
    result = read_text(BROKEN_LABELS)
    r = result.report
    assert [part for part, _ in NATIONAL_HEADINGS[:4]] == [s.part for s in r.sections]
    assert not r.sections[2].subsections
    assert ["三、本年度办", "理结果", "（三）不", "予公开", "1.属于国家秘密", "（六）其", "他处理"] == [
        b.text
        for b in r.sections[2].blocks  # type: ignore[union-attr]
    ]
    said = [d.line for d in result.diagnostics if "label of table 三" in d.message]
    assert [7, 9, 11, 12] == said


# ---- quantities --------------------------------------------------------------------------------------------------


def test_counts_with_units_and_qualifiers() -> None:
    """Counts keep their unit and qualifier (余、多、逾、近、超过) and write back exactly."""
    text = "现场接待1100余人次，发放1600多份，粉丝逾50万，近1900家次媒体，超过30篇，点击量达17.9亿次。"
    content = paragraph(text).content
    counts = [piece for piece in content if isinstance(piece, Count)]
    assert [
        (1100, "人次", Qualifier.MORE_THAN, Scale.NONE),
        (1600, "份", Qualifier.MORE, Scale.NONE),
        (500000, "", Qualifier.OVER, Scale.WAN),
        (1900, "家次", Qualifier.NEARLY, Scale.NONE),
        (30, "篇", Qualifier.EXCEEDING, Scale.NONE),
        (1790000000, "次", Qualifier.EXACT, Scale.YI),
    ] == [(c.value, c.unit, c.qualifier, c.scale) for c in counts]
    assert text == paragraph(text).text


def test_money_shares_and_compounds() -> None:
    """``133.9554万元`` and ``2元`` are amounts; ``占100%`` a share; ``189户247人`` one compound figure."""
    block = paragraph("低保对象189户247人，发放低保金133.9554万元、救助金2元；主动公开15条，占100%。")
    typed = [piece for piece in block.content if not isinstance(piece, str)]
    assert isinstance(typed[0], Compound)
    assert [(189, "户"), (247, "人")] == [(c.value, c.unit) for c in typed[0].parts]
    assert [Amount, Amount, Count, Share] == [type(piece) for piece in typed[1:]]
    assert (Decimal("133.9554"), MoneyUnit.WAN_YUAN) == (typed[1].value, typed[1].unit)  # type: ignore[union-attr]
    share = typed[4]
    assert isinstance(share, Share)
    assert (Decimal(100), typed[3].id) == (share.value, share.part)


@pytest.mark.parametrize(
    "text",
    [
        "2017年1月1日至2017年12月31日",
        "地址:新市南路206号4幢1层;电话:0598—8393319",
        "在第3次会议上",
        "均在20个工作日内答复",
        "索引号sm02401-3000-2018-00001",
        "较上年上升29.3%",
        "不同渠道和方式公开相同信息计1条",
        "城街〔2018〕4号",
    ],
)
def test_numbers_that_are_not_quantities(text: str) -> None:
    """Dates, addresses, ordinals, durations, identifiers, changes and counting rules are not quantities."""
    assert [] == quantities(text)


# ---- breakdowns ------------------------------------------------------------------------------------------------------


def test_breakdown_groups() -> None:
    """Groups of several parts separated by ``；`` are breakdowns of the same total; a part with its share is one."""
    block = paragraph("共制作政府信息15条，其中：主动公开15条，占100%；年度报告1条，工作动态5条，安全生产9条。")
    total = block.content[1]
    assert isinstance(total, Count)
    assert [(total.id, 1), (total.id, 3)] == [(b.total, len(b.parts)) for b in block.breakdowns]


def test_breakdown_by_category_with_semicolons() -> None:
    """Single parts separated by ``；`` are one breakdown; a part's label keeps its 、 (安全生产、应急管理类信息)."""
    block = paragraph(
        "主动公开政府信息共15条，其中：机构职能类信息3条；规划计划类信息1条；安全生产、应急管理类信息11条。"
    )
    (breakdown,) = block.breakdowns
    labels = {q.id: q.label for q in block.quantities()}
    assert ["机构职能类信息", "规划计划类信息", "安全生产、应急管理类信息"] == [labels[p] for p in breakdown.parts]


def test_highlight_is_not_a_breakdown() -> None:
    """``其中`` with one part is a highlight: its share names part and whole, but there is no breakdown."""
    block = paragraph("我街道主动公开信息569条，其中业务动态类信息386条，占总体的比例为67.84%。")
    share = block.content[-2]
    assert isinstance(share, Share)
    assert ((), block.content[3].id, block.content[1].id) == (block.breakdowns, share.part, share.whole)  # type: ignore[union-attr]


def test_overlapping_breakdowns() -> None:
    """Channels overlap, and so do parts of a total counted ``计1条``."""
    channels = paragraph("全年公开信息100条，其中政府网站80条，政务微博60条，政务微信50条。")
    counted = paragraph("主动公开信息100条（不同渠道和方式公开相同信息计1条），其中文件30条，动态90条。")
    assert [(True, "渠道")] == [(b.overlapping, b.dimension) for b in channels.breakdowns]
    assert [True] == [b.overlapping for b in counted.breakdowns]


def test_list_before_qizhong_is_not_a_total() -> None:
    """``发布会54 场、通气会14场。其中……`` is not a breakdown of 14: the reader says it did not read one."""
    text = "全年共举行新闻发布会54 场、新闻通气会14场。其中，新闻发布会包括系列8场、例行新闻发布会30场。"
    result = read_text(f"{TITLE}\n一、总体情况\n{text}")
    block = result.report.sections[0].blocks[0]
    assert isinstance(block, Paragraph)
    assert () == block.breakdowns
    assert any("其中" in d.message for d in result.diagnostics if d.kind is DiagnosticKind.UNCERTAIN)


def test_included_parts_in_brackets() -> None:
    """``规章18件（含新制定4件，修改14件）`` breaks the 18 down."""
    block = paragraph("全市共主动公开新增规章18件（含新制定4件，修改14件）、行政规范性文件707件。")
    (breakdown,) = block.breakdowns
    assert 2 == len(breakdown.parts)


def test_statistic_phrasing_reads_as_a_statistic() -> None:
    """A paragraph in exactly the standard phrasing of a statistic is a statistic; any other wording a paragraph."""
    block = (
        report(f"{TITLE}\n一、总体情况\n2021年，共收到申请25件，其中：自然人21件，法人或其他组织4件。")
        .sections[0]
        .blocks[0]
    )
    assert isinstance(block, Statistic)
    assert ("收到申请", ["自然人", "法人或其他组织"]) == (block.subject, [p.label for p in block.parts])
    assert isinstance(paragraph("2021年，共收到申请25件，其中自然人21件，法人或其他组织4件。"), Paragraph)


# ---- noise, scripts, odd input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "当前位置：首页 > 政务公开 > 年报",
        "字体：【大 中 小】",
        "打印",
        "【打印】【关闭】",
        "分享：",
        "浏览次数：1234",
        "扫一扫在手机上查看当前页面",
        "附件下载",
        "相关附件：",
        "某局2021年报告.docx",
    ],
)
def test_page_noise_anywhere(line: str) -> None:
    """Page furniture is removed wherever it is, and reported as noise with its position."""
    text = f"{TITLE}\n一、总体情况\n正文甲。\n{line}\n正文乙。"
    result = read_text(text)
    assert ["正文甲。", "正文乙。"] == [b.text for b in result.report.sections[0].blocks]  # type: ignore[attr-defined]
    assert [(4, line)] == [(d.line, d.text) for d in result.diagnostics if d.kind is DiagnosticKind.NOISE]


def test_trailing_policy_interpretation_link() -> None:
    """A trailing ``政策解读`` link is noise; the same words inside the text are not."""
    result = read_text(f"{TITLE}\n一、总体情况\n开展政策解读。\n政策解读")
    assert ["开展政策解读。"] == [b.text for b in result.report.sections[0].blocks]  # type: ignore[attr-defined]


def test_fullwidth_digits() -> None:
    """Full-width digits are read as ASCII (the year, counts), and a diagnostic says how many were changed."""
    result = read_text("某局２０２０年政府信息公开工作年度报告\n一、总体情况\n全年公开信息１５条。")
    assert 2020 == result.report.year
    assert ["15条"] == [q.text for q in result.report.sections[0].blocks[0].quantities()]
    assert any("6 full-width digits" in d.message for d in result.diagnostics)


def test_traditional_script_is_read_through_its_conversion() -> None:
    """A Traditional-script text (報告, 總體情況) is recognised in Simplified and keeps its published characters."""
    pytest.importorskip("opencc")
    text = "某縣2020年政府資訊公開工作年度報告\n一、總體情況\n本年度計畫公開資訊10條。"
    result = read_text(text)
    r = result.report
    assert ("某縣", 2020) == (r.agency.name, r.year)
    assert ("總體情況", Part.OVERVIEW) == (r.sections[0].heading, r.sections[0].part)
    assert "本年度計畫公開資訊10條。" == r.sections[0].blocks[0].text  # type: ignore[union-attr]
    assert any("Traditional script" in d.message for d in result.diagnostics if d.kind is DiagnosticKind.RECOGNISED)
    assert not any("Traditional" in d.message for d in read_text(f"{TITLE}\n一、总体情况\n正文。").diagnostics)


def test_diagnostics_are_sorted_and_printable() -> None:
    """Diagnostics come sorted by position and print as ``kind line:col message``."""
    result = read_text(f"当前位置：首页\n{TITLE}\n一、总体情况\n正文。")
    positions = [(d.line, d.column) for d in result.diagnostics]
    assert sorted(positions) == positions
    assert "noise 1:1 page noise: breadcrumb" == str(next(d for d in result.diagnostics if d.kind.value == "noise"))


_PIECES = [
    "一、",
    "（一）",
    "1、",
    "一是",
    "二是",
    "其中",
    "共计",
    "|",
    "\n",
    "2021年",
    "第二十条第（一）项",
    "信息内容",
]
_ALPHABET = st.sampled_from(
    [*"一二三四五六七八九十、（）()1234567890.|：:，。；其中共是条件余万元%占年月日第\n \u3000報計", *_PIECES]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_never_raises_anything_but_govdisclose_errors(body: str) -> None:
    """Whatever the text, the reader returns a result or raises a GovDiscloseError (no year) — nothing else."""
    try:
        result = read_text(f"{TITLE}\n{body}")
    except GovDiscloseError:  # pragma: no cover - the title names the year, so this is not expected
        raise
    assert 2021 == result.report.year
    with contextlib.suppress(GovDiscloseError):  # a body without a year may raise, and nothing else
        read_text(body)


@pytest.mark.parametrize(
    "piece",
    [" " * 50 + "x", "1" * 30 + "条", "其中", "一是二是", "|0", "（一）", "、" * 10, "共计1条其中" * 3],
)
def test_large_pathological_input_is_read(piece: str) -> None:
    """A 300 kB line made of one repeated piece is read (in linear time: docs/reading.md, benchmarks)."""
    text = TITLE + "\n一、总体情况\n" + piece * (300_000 // len(piece))
    assert 2021 == read_text(text).report.year
