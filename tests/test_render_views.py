"""The HTML as a reader sees it: laid out by headless Chromium on a phone and printed to PDF.

Layout facts are read from the DOM of the page Chromium laid out (a script measures and writes its findings into the
page, which ``--dump-dom`` gives back); printing goes through ``--print-to-pdf`` and poppler's ``pdftotext``. The tests
skip where Chromium or poppler is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from govdisclose import examples, render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not on PATH")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not on PATH")

PHONE = 390
"""The width of a phone's screen in CSS pixels (an iPhone 12–15)."""

# Runs in the page that frames the report at the phone's width; reads the report's DOM and writes JSON into a <pre>.
_MEASURE = """
const frame = document.getElementById("report");
frame.addEventListener("load", () => {
  const d = frame.contentDocument, view = d.defaultView;
  const lines = (element) => {
    const range = d.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height};
  };
  const tables = {};
  for (const wrap of d.querySelectorAll(".gd-table-wrap")) {
    const table = wrap.querySelector("table");
    const labels = [...table.querySelectorAll("th.gd-label")].map((th) => ({text: th.textContent, lines: lines(th)}));
    const before = view.getComputedStyle(wrap, "::before").content;
    const found = {
      wrap: box(wrap), table: box(table), scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth,
      hint: before, labels, tfoot: table.tFoot ? view.getComputedStyle(table.tFoot).display : null,
    };
    wrap.scrollLeft = wrap.scrollWidth;  // scrolled to the far right: which labels and headings are in view
    found.scrolled = {
      wrap: box(wrap),
      labels: [...table.querySelectorAll("tbody th.gd-label")].map((th) => ({text: th.textContent, ...box(th)})),
      headings: [...table.querySelectorAll("thead th")].map((th) => ({text: th.textContent, ...box(th)})),
    };
    wrap.scrollLeft = 0;
    tables[table.dataset.table] = found;
  }
  const title = [];  // the title's lines: each character placed by the top of its box
  const walker = d.createTreeWalker(d.querySelector("h1"), NodeFilter.SHOW_TEXT);
  let top = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = d.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const at = Math.round(range.getBoundingClientRect().top);
      if (top === null || Math.abs(at - top) > 4) { title.push(""); top = at; }
      title[title.length - 1] += node.data[i];
    }
  }
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({
    width: view.innerWidth, pageWidth: d.documentElement.scrollWidth, tables, title,
  });
  document.body.append(out);
});
"""


def measure(html: str, folder: Path, width: int = PHONE) -> dict[str, Any]:
    """Lay *html* out at *width* CSS pixels in Chromium and return what :data:`_MEASURE` found.

    Headless Chromium's window is at least 500 pixels wide, so the report is framed at *width* in a wider page; the
    frame's viewport is *width* wide, as a phone's is, and media queries see that width.
    """
    (folder / "report.html").write_text(html, encoding="utf-8")
    frame = f'<iframe id="report" src="report.html" style="width:{width}px;height:20000px;border:0"></iframe>'
    page = f"<!DOCTYPE html><html><body style='margin:0'>{frame}<script>{_MEASURE}</script></body></html>"
    (folder / "measure.html").write_text(page, encoding="utf-8")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"]
    command += ["--virtual-time-budget=5000", "--dump-dom", str(folder / "measure.html")]
    dom = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found is not None, "the measuring script did not run"
    result: dict[str, Any] = json.loads(found.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    return result


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """sample-2021 laid out on a 390-pixel phone."""
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not on PATH")
    html = render(examples.load("sample-2021"), to="html")
    assert isinstance(html, str)
    return measure(html, tmp_path_factory.mktemp("phone"))


@needs_chromium
def test_phone_page_does_not_scroll_sideways(phone: dict[str, Any]) -> None:
    """On a 390-pixel phone the page is as wide as the screen: wide tables scroll inside their wrapper."""
    assert PHONE == phone["width"]
    assert phone["pageWidth"] <= PHONE
    table = phone["tables"]["applications-2021"]
    assert table["scrollWidth"] > table["clientWidth"]  # table 三 is wider than the screen and scrolls


@needs_chromium
def test_phone_table_3_labels_keep_readable_lines(phone: dict[str, Any]) -> None:
    """Table 三's labels take a few lines, not 17 of two characters: （三）不予公开 two lines at most, any label six."""
    table = phone["tables"]["applications-2021"]
    lines = {label["text"]: label["lines"] for label in table["labels"]}
    for group in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
        assert lines[group] <= 2, (group, lines[group])
    assert lines["1.属于国家秘密"] == 1
    # the longest label, 37 characters, in a 7.5em column of 五号 (seven characters a line); 三、本年度办理结果 stands
    # one character a line over 22 rows, as the printed form writes it
    del lines["三、本年度办理结果"]
    assert max(lines.values()) <= 6, max(lines.items(), key=lambda item: item[1])
    # 25 rows of one to six lines: well under the 3,100 pixels of two characters a line
    assert table["table"]["height"] < 2000


@needs_chromium
def test_phone_wide_tables_say_they_scroll(phone: dict[str, Any]) -> None:
    """Tables 三 and 四 (eight columns or more) show a hint above them; table 二 (four columns) does not."""
    for kind in ("applications-2021", "reviews-litigation"):
        assert "滑动" in phone["tables"][kind]["hint"], kind
    assert "滑动" not in phone["tables"]["proactive-2021"]["hint"]


@needs_chromium
def test_phone_labels_stay_in_view_while_the_values_scroll(phone: dict[str, Any]) -> None:
    """Scrolled to the far right, table 三's row labels are still at the left edge and 其他, 总计 are in view."""
    scrolled = phone["tables"]["applications-2021"]["scrolled"]
    wrap = scrolled["wrap"]
    labels = {label["text"]: label for label in scrolled["labels"]}
    for text in ("一、本年新收政府信息公开申请数量", "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"):
        label = labels[text]
        assert wrap["left"] - 1 <= label["left"], text
        assert label["right"] <= wrap["right"], text
    headings = {heading["text"]: heading for heading in scrolled["headings"]}
    for text in ("其他", "总计"):
        assert wrap["left"] <= headings[text]["left"], text
        assert headings[text]["right"] <= wrap["right"] + 1, text
    # the sticky labels (three columns, 14.75em) leave room for values: 总计 is not under them
    inner = max(label["right"] for label in scrolled["labels"])
    assert headings["总计"]["left"] >= inner - 1


@needs_chromium
def test_rule_under_a_table_with_merged_labels_shows_only_in_print(phone: dict[str, Any]) -> None:
    """The footer row that closes merged cells at a page break is not shown on screen."""
    assert "none" == phone["tables"]["applications-2021"]["tfoot"]
    assert phone["tables"]["reviews-litigation"]["tfoot"] is None


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """sample-2021 printed from Chromium to A4: the text of each page."""
    if CHROMIUM is None or shutil.which("pdftotext") is None:
        pytest.skip("headless Chromium or poppler's pdftotext is missing")
    folder = tmp_path_factory.mktemp("print")
    html = render(examples.load("sample-2021"), to="html")
    assert isinstance(html, str)
    (folder / "report.html").write_text(html, encoding="utf-8")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    command += [f"--print-to-pdf={folder / 'report.pdf'}", str(folder / "report.html")]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    text = subprocess.run(
        ["pdftotext", "-layout", str(folder / "report.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


@needs_chromium
@needs_poppler
def test_print_repeats_no_wrong_header_over_table_2(printed: list[str]) -> None:
    """Table 二's blocks each have their own headings: the first block's never repeats above another block."""
    text = "\n".join(printed)
    assert 1 == text.count("第二十条第（一）项")
    assert 1 == text.count("本年制发件数")


@needs_chromium
@needs_poppler
def test_print_keeps_table_3_headings_with_its_rows(printed: list[str]) -> None:
    """Every page with rows of table 三 has its headings, and every page with its headings has rows."""
    rows = ("一、本年新收政府信息公开申请数量", "1.属于国家秘密", "（四）无法提供", "（七）总计", "3.其他")
    pages = [page for page in printed if "申请人情况" in page or any(row in page for row in rows)]
    assert pages
    for page in pages:
        assert "申请人情况" in page
        assert "法人或其他组织" in page
        assert any(row in page for row in rows) or "1.本机关不掌握相关政府信息" in page
    # and the table does not start on a page it leaves mostly blank: it takes at most two pages
    assert len(pages) <= 2


@needs_chromium
@needs_poppler
def test_print_has_no_page_left_mostly_blank_before_a_table(printed: list[str]) -> None:
    """Before the last page, every page is filled at least halfway (table 三 once left 55–70 % of a page blank)."""
    for number, page in enumerate(printed[:-1], 1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert len(lines) >= 15, (number, len(lines))


@needs_chromium
def test_phone_title_breaks_between_words(tmp_path: Path) -> None:
    """On a phone the seed's title breaks after the organ, the year or before 年度报告, never inside 政府信息公开."""
    html = render(examples.load("sanyuan-chengguan-2017"), to="html")
    assert isinstance(html, str)
    lines = measure(html, tmp_path)["title"]
    assert "三元区城关街道2017年政府信息公开工作年度报告" == "".join(lines)
    assert len(lines) >= 2  # 22 pt characters: the title does not fit one line of a phone
    pieces = ("三元区城关街道", "2017年", "政府信息公开", "工作年度报告")
    allowed = {sum(len(piece) for piece in pieces[:n]) for n in range(len(pieces) + 1)}
    breaks = {sum(len(line) for line in lines[:n]) for n in range(len(lines) + 1)}
    assert breaks <= allowed, lines
