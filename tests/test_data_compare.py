import json
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import Element

import attrs
import pytest

import data_html as html_dom
from govdisclose import Figure, examples, to_json
from govdisclose.cli import main
from govdisclose.data import compare, identity_findings
from govdisclose.model import Paragraph, Report

SAMPLE = examples.load("sample-2021")
LICENSING = "$.sections[1].blocks[0].rows[2].values[0]"  # 行政许可 × 本年处理决定数量: 268 in the sample
NEW_TOTAL = "$.sections[2].blocks[0].rows[0].values[6]"  # 本年新收 × 总计: 25 in the sample
_RUN = "$.sections[0].blocks[0].content"  # the run of text of a paragraph (reused_text gives runs)


def _next_year(report: Report = SAMPLE, **changes: object) -> Report:
    return attrs.evolve(report, year=report.year + 1, **changes)  # type: ignore[arg-type]


def test_another_agency_and_a_gap_of_years_are_warnings() -> None:
    """示例县公安局 2019 as last year of 示例县教育局 2021: an identity warning and a years warning."""
    last = attrs.evolve(SAMPLE, year=2019, agency=attrs.evolve(SAMPLE.agency, name="示例县公安局"))
    found = identity_findings(last, SAMPLE)
    assert [("compare.identity", "warning"), ("compare.years", "warning")] == [
        (f.rule, f.severity.value) for f in found
    ]
    assert "上年报告为2019年度，本年报告为2021年度，不是相邻年度" == found[1].message
    result = compare(last, SAMPLE)
    assert (False, False) == (result.same_agency, result.consecutive)


def test_the_long_and_short_name_of_one_agency_are_the_same_agency() -> None:
    """淮安市洪泽区人民政府 last year and 洪泽区人民政府 (parent 淮安市人民政府) this year: no identity warning."""
    last = attrs.evolve(SAMPLE, year=2020, agency=attrs.evolve(SAMPLE.agency, name="淮安市洪泽区人民政府", parent=None))
    this = attrs.evolve(SAMPLE, agency=attrs.evolve(SAMPLE.agency, name="洪泽区人民政府", parent="淮安市人民政府"))
    assert () == identity_findings(last, this)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (0, "行政许可 × 本年处理决定数量本年为0，上年为268"),  # zero after a large value
        (53, "行政许可 × 本年处理决定数量本年为53，上年为268（0.20倍）"),  # 53 × 5 = 265 <= 268
        (1340, "行政许可 × 本年处理决定数量本年为1340，上年为268（5.00倍）"),  # 268 × 5
        (54, None),  # 54 × 5 = 270 > 268: not a fifth
        (1339, None),
    ],
)
def test_anomalies_are_five_times_a_fifth_or_zero_after_large(now: int, expected: str | None) -> None:
    """A figure ×5, ×0.2 or 0 after a large value is an anomaly; just inside the bounds it is not."""
    this = _next_year().replace(LICENSING, Figure.of(now))
    anomalies = [f.message for f in compare(SAMPLE, this).findings if f.rule == "compare.anomaly"]
    assert ([expected] if expected else []) == anomalies


def test_small_figures_are_no_anomaly() -> None:
    """From 1 to 5 is five times, but both are small (under 10): no anomaly."""
    last = SAMPLE.replace(LICENSING, Figure.of(1))
    this = _next_year(last).replace(LICENSING, Figure.of(5))
    assert [] == [f for f in compare(last, this).findings if f.rule == "compare.anomaly"]


def test_every_figure_has_its_change() -> None:
    """268 → 300 is +32 and +32/268; the 200 cells of the sample are matched."""
    this = _next_year().replace(LICENSING, Figure.of(300))
    result = compare(SAMPLE, this)
    licensing = next(c for c in result.changes if c.this.path == LICENSING)
    assert 200 == len(result.changes)
    assert (Decimal(32), Decimal(32) / Decimal(268)) == (licensing.change.absolute, licensing.change.relative)


def test_carry_over_is_checked_with_the_rules_across_years() -> None:
    """This year's 上年结转 2 against last year's 结转下年度 1: the checks' carry-over rule reports it."""
    result = compare(SAMPLE, _next_year())
    carry = [f for f in result.findings if f.rule == "applications.carry-over"]
    assert 2 == len(carry)  # the 自然人 and 总计 columns (2 against 1 in each)
    assert all("本年“二、上年结转政府信息公开申请数量”为2件" in f.message for f in carry)


def _two_years_of_text() -> tuple[Report, Report]:
    """The sample with its running text replaced: one sentence kept (its year updated), one rewritten, boilerplate.

    The sample's other running text (its introduction, the sub-sections of parts 一 and 六) is left out.
    """

    def text(report: Report, year: int, count: int, rest: str) -> Report:
        overview = Paragraph(
            content=(f"{year}年，我局认真贯彻落实政务公开工作要求。全年主动公开政府信息{count}条，{rest}。",)
        )
        boilerplate = Paragraph(content=(f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",))
        sections = list(report.sections)
        sections[0] = attrs.evolve(sections[0], blocks=(overview,), subsections=())
        sections[4] = attrs.evolve(sections[4], blocks=(boilerplate,))
        sections[5] = attrs.evolve(sections[5], subsections=())
        return attrs.evolve(report, year=year, sections=tuple(sections), introduction=None)

    return text(SAMPLE, 2021, 120, "较上年有所增加"), text(SAMPLE, 2022, 135, "公开质量稳步提升")


def test_reused_text_is_the_checks_measure() -> None:
    """Compare gives the checks' reused_text: one sentence of two kept (years aside), boilerplate left out."""
    last, this = _two_years_of_text()
    result = compare(last, this)
    # 2022年，我局认真贯彻落实政务公开工作要求: 5 + 1 + 16 = 22 characters;
    # 全年主动公开政府信息135条，公开质量稳步提升: 10 + 4 + 1 + 8 = 23
    assert (2, 45, 22) == (result.reused.sentences, result.reused.characters, result.reused.reused_characters)
    assert ["2022年，我局认真贯彻落实政务公开工作要求"] == [m.text for m in result.reused.matches]
    assert Decimal(22) / Decimal(45) == result.reused_share
    assert not [f for f in result.findings if f.rule == "copied.text"]  # 48.9 % is under the threshold of 50 %
    data = json.loads(result.to_json())
    assert (45, 22) == (data["reused"]["characters"], data["reused"]["reused_characters"])
    assert ["2022年，我局认真贯彻落实政务公开工作要求"] == [m["text"] for m in data["reused"]["matches"]]
    assert "text reused from last year: 22 of 45 characters (49%), 1 of 2 sentences" in result.to_text()
    rows = html_dom.rows(html_dom.section(_page(result.to_html()), "文字重复"))
    assert [["2022年，我局认真贯彻落实政务公开工作要求", _RUN, _RUN]] == rows


def test_an_unchanged_text_is_all_reused_and_copied_text_warns() -> None:
    """The sample a year on, word for word: the share is 1, and the checks' copied.text finding is among compare's."""
    result = compare(SAMPLE, _next_year())
    assert Decimal(1) == result.reused_share
    assert len(result.reused.matches) == result.reused.sentences > 0
    assert ["copied.text"] == [f.rule for f in result.findings if f.rule.startswith(("copied.text", "compare.text"))]


def test_json_and_text_outputs() -> None:
    """The JSON form carries the metrics and changes as exact strings; the text form lists what changed."""
    this = _next_year().replace(LICENSING, Figure.of(300))
    result = compare(SAMPLE, this)
    data = json.loads(result.to_json())
    assert ("govdisclose-comparison", 1, "0.5", "0.5") == (
        data["format"],
        data["version"],
        data["metrics"][0]["last"],
        data["metrics"][0]["this"],
    )
    assert "  proactive-2021 行政许可 × 本年处理决定数量: 268 → 300 (+32)" in result.to_text().splitlines()


def test_compare_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Govdisclose compare prints the text page, or JSON, and exits 1 on an error finding (the carry-over)."""
    last, this = tmp_path / "2021.json", tmp_path / "2022.json"
    last.write_text(to_json(SAMPLE), encoding="utf-8")
    this.write_text(to_json(_next_year()), encoding="utf-8")
    assert 1 == main(["compare", str(last), str(this)])
    assert capsys.readouterr().out.startswith("last: 示例县教育局 2021 (示例县教育局)\nthis: 示例县教育局 2022")
    assert 1 == main(["compare", str(last), str(this), "--format", "json"])
    assert 2022 == json.loads(capsys.readouterr().out)["this"]["year"]


def test_check_previous_warns_about_another_agency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Check --previous with another agency's report of the year before says so, once (the checks' rule)."""
    other = attrs.evolve(SAMPLE, year=2020, agency=attrs.evolve(SAMPLE.agency, name="示例县公安局"))
    previous = tmp_path / "other-2020.json"
    previous.write_text(to_json(other), encoding="utf-8")
    main(["check", "example:sample-2021", "--previous", str(previous)])
    out = capsys.readouterr().out
    assert (
        "warning previous.identity $.agency.name 上年报告的机构“示例县公安局”与本年报告的机构“示例县教育局”不是同一机构"
        in out
    )
    assert 1 == out.count("不是同一机构")


def _page(result_html: str) -> Element:
    assert [] == list(html_dom.external(result_html))
    return html_dom.parse(result_html)


def test_html_page_draws_each_key_figure_of_both_years() -> None:
    """New applications 25 → 50: two bars, 50 the full 260 units, 25 half of it (each figure on its own scale)."""
    this = _next_year().replace(NEW_TOTAL, Figure.of(50))
    tree = _page(compare(SAMPLE, this).to_html())
    found = html_dom.bars(html_dom.section(tree, "主要数字"))
    assert ("一、本年新收政府信息公开申请数量 × 总计 2021年: 25", "25", "130.0") == found[0]  # 260 × 25 / 50
    assert ("一、本年新收政府信息公开申请数量 × 总计 2022年: 50", "50", "260.0") == found[1]
    # 行政许可 268 → 0: one bar of 268 and none for 0 (a zero is drawn as no length, its figure printed)
    licensing = [bar for bar in found if bar[0].startswith("行政许可 × 本年处理决定数量")]
    assert [("行政许可 × 本年处理决定数量 2021年: 268", "268", "260.0")] == licensing[:1]


def test_html_page_lists_changes_anomalies_carry_over_metrics_and_reuse() -> None:
    """Every section of the page carries the numbers worked out from the two reports."""
    this = _next_year().replace(LICENSING, Figure.of(0))
    tree = _page(compare(SAMPLE, this).to_html())
    changes = html_dom.rows(html_dom.section(tree, "逐项变化"))
    assert [["proactive-2021", "行政许可 × 本年处理决定数量", "268", "0", "-268", "-100.00%"]] == changes
    anomalies = html_dom.text(html_dom.section(tree, "异常")[0])
    assert "行政许可 × 本年处理决定数量本年为0，上年为268" in anomalies
    carry = html_dom.section(tree, "结转")
    # last year's 结转下年度继续办理 总计 is 1, this year's 上年结转 总计 is 2 (the sample's table 三)
    assert [["2021年 结转下年度继续办理", "1"], ["2022年 上年结转政府信息公开申请数量", "2"]] == html_dom.rows(carry)
    assert "结转：不一致" in "".join(html_dom.text(e) for e in carry)
    metrics = html_dom.rows(html_dom.section(tree, "指标"))
    assert ["实质公开率", "50.00%", "50.00%", "0.00", ""] == metrics[0]  # (11 + 2) / 26 both years
    # 自然人申请占比 21 / 25 = 84.00%; bars on one scale where 0.84 is the largest ratio: the full 260 units
    metric_bars = html_dom.bars(html_dom.section(tree, "指标"))
    assert ("自然人申请占比 2021年: 84.00%", "0.84", "260.0") == metric_bars[8]
    reuse = html_dom.bars(html_dom.section(tree, "文字重复"))
    assert [("本年正文与上年报告相同的比例（按字数）：100.00%: 100.00%", "1", "260.0")] == reuse


def test_compare_command_writes_the_html_page(tmp_path: Path) -> None:
    """Govdisclose compare --to html writes one page with its charts (one year twice: a warning, no error: exit 0)."""
    out = tmp_path / "compare.html"
    assert 0 == main(["compare", "example:sample-2021", "example:sample-2021", "--to", "html", "-o", str(out)])
    tree = _page(out.read_text(encoding="utf-8"))
    assert 3 == len(list(tree.iter(f"{html_dom.SVG}svg")))
    assert "示例县教育局 2021—2021年度报告对比" == html_dom.text(tree.find(".//h1"))
