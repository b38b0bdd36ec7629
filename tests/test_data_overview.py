from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import data_html as html_dom
from govdisclose import Figure, check, examples, to_json
from govdisclose.cli import main
from govdisclose.data import Overview, overview, overview_entry

SAMPLE = examples.load("sample-2021")
NEW_TOTAL = "$.sections[2].blocks[0].rows[0].values[6]"  # 一、本年新收 × 总计: 25 in the sample
CORPUS = Path(__file__).parent / "data" / "corpus" / "txt" / "2019-pingtan-zonghe-shiyanqu.txt"


def _folder(tmp_path: Path) -> Path:
    """The sample as 2021 and 2022 (2022: 50 new applications, its row no longer adding up), and the 2017 example."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a-2021.json").write_text(to_json(SAMPLE), encoding="utf-8")
    later = attrs.evolve(SAMPLE, year=2022).replace(NEW_TOTAL, Figure.of(50))
    (folder / "a-2022.json").write_text(to_json(later), encoding="utf-8")
    (folder / "b-2017.json").write_text(to_json(examples.load("sanyuan-chengguan-2017")), encoding="utf-8")
    return folder


def test_an_entry_counts_the_findings_of_the_checks() -> None:
    """The flawed sample's errors, warnings and infos are counted as the checks report them."""
    report = examples.load("sample-2021-flawed")
    found = [f.severity.value for f in check(report).findings]
    entry = overview_entry(report)
    assert (found.count("error"), found.count("warning"), found.count("info")) == (
        entry.errors,
        entry.warnings,
        entry.infos,
    )
    assert entry.errors > 0


def test_a_folder_gives_one_row_per_agency_and_year(tmp_path: Path) -> None:
    """Three reports of two agencies, sorted by agency key and year; a report given twice counts once."""
    folder = _folder(tmp_path)
    page = overview([folder, folder / "a-2021.json"])
    assert 1 == page.duplicates
    assert [("三明市三元区城关街道", 2017), ("示例县教育局", 2021), ("示例县教育局", 2022)] == [
        (e.report.agency_key, e.report.year) for e in page._sorted()
    ]
    lines = page.to_text().splitlines()
    assert "3 reports of 2 agencies, 2017–2022; findings:" in lines[0]
    new = [line.split("applications_new ")[1].split(",")[0] for line in lines if "applications_new" in line]
    assert ["—", "25", "50"] == new  # the 2017 report has no table 三: not computable, never 0


def test_the_html_page_tabulates_and_charts_the_main_indicators(tmp_path: Path) -> None:
    """Bars: 50 new applications the full 260 units, 25 half; 实质公开率 (11 + 2) / 26 = 0.5 on a scale of 1."""
    html = overview([_folder(tmp_path)]).to_html()
    assert [] == list(html_dom.external(html))
    tree = html_dom.parse(html)
    charts = html_dom.section(tree, "主要指标")
    found = html_dom.bars(charts)
    assert ("示例县教育局 2021: 25", "25", "130.0") in found
    assert ("示例县教育局 2022: 50", "50", "260.0") in found
    assert ("示例县教育局 2021: 50.00%", "0.5000000000", "130.0") in found  # 260 × 0.5 (key figures: 10 places)
    captions = [html_dom.text(c) for c in tree.iter("figcaption")]
    assert "一、本年新收政府信息公开申请数量 × 总计（2份报告）" in captions
    rows = html_dom.rows(html_dom.section(tree, "报告"))
    assert ["三元区城关街道办事处", "2017", "pre-2019"] == rows[0][:3]  # the name as the report gives it
    assert ["—"] * 5 == rows[0][6:]
    assert ["25", "26", "50.00%", "3", "1"] == rows[1][6:]  # the sample's table 三 and 四
    errors_2022 = int(rows[2][3])
    assert errors_2022 > 0  # 50 new applications, its row still adding up to 25


def test_a_published_file_is_read_through_the_reader(tmp_path: Path) -> None:
    """The 2019 Pingtan report (text): 23 new, 7 + 1 of 23 disclosed — 34.78 %, its truth file's figures."""
    page = overview([CORPUS])
    entry = page.entries[0]
    assert (Decimal(23), Decimal(23)) == (
        entry.key_figures.get("applications_new"),
        entry.key_figures.get("applications_closed"),
    )
    assert Decimal("0.3478260870") == entry.key_figures.get("substantive_disclosure_rate")  # 8 / 23


def test_summary_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Govdisclose summary DIR --to html writes the page; a broken source is an error line, listed, exit 1."""
    folder = _folder(tmp_path)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "summary.html"
    assert 1 == main(["summary", str(folder), "--to", "html", "-o", str(out)])
    err = capsys.readouterr().err
    assert "broken.json" in err
    assert "summarised 3 reports; 1 source failed" in err
    tree = html_dom.parse(out.read_text(encoding="utf-8"))
    assert "broken.json" in html_dom.text(html_dom.section(tree, "未能读取")[0])
    assert 0 == main(["summary", str(folder / "a-2021.json")])
    assert capsys.readouterr().out.startswith("1 report of 1 agency, 2021; findings:")


def test_an_empty_overview_is_a_page() -> None:
    """No report: a page that says so."""
    assert "<p>没有报告；检查发现：错误0，警告0，提示0。</p>" in Overview(entries=()).to_html()
