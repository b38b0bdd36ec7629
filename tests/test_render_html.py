from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from decimal import Decimal
from html.parser import HTMLParser
from typing import ClassVar

import attrs
import pytest

from govdisclose import examples
from govdisclose.model import (
    APPLICATIONS_2021,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    Agency,
    Amount,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Attachment,
    Block,
    Cell,
    Compound,
    Count,
    Edition,
    EnumeratedPoints,
    Introduction,
    MoneyUnit,
    NumberedItems,
    OfficialTable,
    Paragraph,
    ProactiveTable2019,
    ProactiveTable2021,
    Publication,
    Qualifier,
    Report,
    ReviewsTable,
    Scale,
    Section,
    Share,
    Signature,
    Statistic,
    StatisticsTable,
    StatPart,
    StatRow,
    Table,
    TableRow,
)
from govdisclose.render import (
    HtmlRenderer,
    RenderContext,
    html_table,
    layout,
    render,
    render_html,
    statistic_text,
)
from govdisclose.render._layout import metadata_lines

VOID = {"meta", "link", "br", "hr", "img", "input", "col", "wbr"}


@attrs.define
class Element:
    """A parsed element: name, attributes in order, children (elements and strings)."""

    name: str
    attributes: dict[str, str | None]
    children: list[Element | str] = attrs.field(factory=list)

    @property
    def text(self) -> str:
        """The text of the element and its descendants."""
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self, name: str | None = None) -> Iterator[Element]:
        """This element and its descendants (named *name*), in document order."""
        if name is None or self.name == name:
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(name)

    def get(self, attribute: str) -> str | None:
        """The value of *attribute*, ``None`` if absent."""
        return self.attributes.get(attribute)


class _Builder(HTMLParser):
    """A strict tree builder: every element must be closed, in order (no implied end tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attributes]
        assert len(names) == len(set(names)), f"duplicate attribute in <{tag}>: {names}"
        element = Element(tag, dict(attributes))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert tag == self.stack[-1].name, f"</{tag}> closes <{self.stack[-1].name}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(document: str) -> _Builder:
    """Parse HTML with the standard library, checking that the tags nest."""
    builder = _Builder()
    builder.feed(document)
    builder.close()
    assert [builder.root] == builder.stack, "unclosed elements"
    return builder


def tree(document: str) -> Element:
    """The parsed document's root."""
    return parse(document).root


# ---- a 2021 report with all three tables ---------------------------------------------------------------------------


def distinct_values(table: type[OfficialTable]) -> dict[str, list[int]]:
    """Every cell a different number, so a swapped row or column cannot go unnoticed."""
    values: dict[str, list[int]] = {}
    counter = 100
    for row in table.DEFINITION.rows:
        values[row.id] = list(range(counter, counter + len(row.columns)))
        counter += len(row.columns)
    return values


def tables_2021() -> tuple[ProactiveTable2021, ApplicationsTable2021, ReviewsTable]:
    """Tables 二, 三 and 四 of a 2021 report, with a decimal fee, a marker, a blank and an approximate cell."""
    proactive_values: dict[str, list[object]] = {k: list(v) for k, v in distinct_values(ProactiveTable2021).items()}
    proactive_values["administrative-fees"] = ["0.092"]
    proactive_values["rules"] = ["/", "", 7]
    proactive_values["coercion"] = ["1100余"]
    proactive = ProactiveTable2021.from_values(proactive_values)
    applications = ApplicationsTable2021.from_values(distinct_values(ApplicationsTable2021))
    reviews = ReviewsTable.from_values(distinct_values(ReviewsTable))
    return proactive, applications, reviews


def report_2021(*blocks: Block) -> Report:
    """A 2021 report whose sections hold *blocks* (the three tables by default)."""
    proactive, applications, reviews = tables_2021()
    return Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="示例县教育局"),
        publication=Publication(index_number="0001/2022-00001", published_on=datetime.date(2022, 1, 25)),
        sections=(
            Section(heading="总体情况", blocks=blocks),
            Section(heading="主动公开政府信息情况", blocks=(proactive,)),
            Section(heading="收到和处理政府信息公开申请情况", blocks=(applications,)),
            Section(heading="政府信息公开行政复议、行政诉讼情况", blocks=(reviews,)),
        ),
        signature=Signature(organ="示例县教育局", date=datetime.date(2022, 1, 20)),
    )


def table_element(root: Element, kind: str) -> Element:
    """The one ``<table>`` of *kind*."""
    (table,) = [t for t in root.iter("table") if t.get("data-table") == kind]
    return table


def spans(table: Element) -> list[tuple[str, int, int]]:
    """``(text, rowspan, colspan)`` of every heading cell, in document order."""
    return [(th.text, int(th.get("rowspan") or 1), int(th.get("colspan") or 1)) for th in table.iter("th")]


def span_of(table: Element, text: str) -> list[tuple[int, int]]:
    """The spans of every heading cell reading *text*."""
    return [(rowspan, colspan) for label, rowspan, colspan in spans(table) if label == text]


def scraped(root: Element) -> dict[tuple[str, str, str], dict[str, str | None]]:
    """What a scraper reads: the figure attributes of every value cell by (table, row, column)."""
    cells: dict[tuple[str, str, str], dict[str, str | None]] = {}
    for td in root.iter("td"):
        if td.get("data-table") is None:
            continue
        column = td.get("data-col") or f"#{td.get('data-index')}"
        key = (td.get("data-table") or "", td.get("data-row") or "", column)
        assert key not in cells, f"two cells claim {key}"
        cells[key] = {name: value for name, value in td.attributes.items() if name not in ("rowspan", "colspan")}
        cells[key]["#text"] = td.text
    return cells


def test_document_is_html5_in_chinese_and_utf8() -> None:
    """The standalone document has the HTML5 doctype, ``lang="zh-CN"``, a UTF-8 charset and the title."""
    report = report_2021()
    parsed = parse(render_html(report))
    assert "DOCTYPE html" == parsed.doctype
    (document,) = parsed.root.iter("html")
    assert "zh-CN" == document.get("lang")
    assert [{"charset": "utf-8"}] == [m.attributes for m in document.iter("meta") if "charset" in m.attributes]
    assert [report.display_title] == [t.text for t in document.iter("title")]
    assert [report.display_title] == [h.text for h in document.iter("h1")]
    assert 1 == len(list(document.iter("style")))


@pytest.mark.parametrize("name", examples.names())
def test_html5lib_parses_the_document_without_errors(name: str) -> None:
    """A conforming HTML5 parser in strict mode reports no parse error for a bundled example."""
    html5lib = pytest.importorskip("html5lib")
    html5lib.HTMLParser(strict=True).parse(render_html(examples.load(name)))


def test_render_dispatches_html_markdown_and_the_fragment() -> None:
    """``render(to="html")`` is the document and ``to="html-fragment"`` the bare article without a stylesheet."""
    report = report_2021()
    assert render_html(report) == render(report, to="html")
    fragment = render(report, to="html-fragment")
    assert isinstance(fragment, str)
    assert fragment.startswith('<article class="gd-report" lang="zh-CN"')
    assert "<style" not in fragment
    assert [fragment] == [render_html(report, fragment=True, stylesheet=False)]


def test_fragment_with_stylesheet_and_extra_css() -> None:
    """A fragment may carry the stylesheet and the caller's CSS, which cannot close the style element early."""
    fragment = render_html(report_2021(), fragment=True, css='.gd-report { --gd-font-body: "仿宋"; } </style><b>')
    parsed = tree(fragment)
    (style,) = parsed.iter("style")
    assert '--gd-font-body: "仿宋"' in style.text
    assert [] == list(parsed.iter("b"))
    assert ["style", "article"] == [c.name for c in parsed.children if isinstance(c, Element)]


def test_metadata_is_a_definition_list() -> None:
    """The metadata block is a ``<dl>`` of the labels and values of :func:`metadata_lines`."""
    report = report_2021()
    (dl,) = tree(render_html(report)).iter("dl")
    pairs = [(dt.text, dd.text) for dt, dd in zip(dl.iter("dt"), dl.iter("dd"), strict=True)]
    assert list(metadata_lines(report.publication)) == pairs


def test_headings_follow_depth_with_ordinals() -> None:
    """Chapters are ``<h2>``, their parts ``<h3>`` and so on, each with its GB/T 9704 ordinal in a span."""
    deep = Section(heading="d", subsections=(Section(heading="e", subsections=(Section(heading="f"),)),))
    third = Section(heading="c", subsections=(deep,))
    report = Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某局"),
        sections=(Section(heading="a"), Section(heading="b", subsections=(Section(heading="x"), third))),
    )
    root = tree(render_html(report))
    headings = [(e.name, e.text) for e in root.iter() if e.name in {"h1", "h2", "h3", "h4", "h5", "h6"}]
    expected = [
        ("h1", report.display_title),
        ("h2", "一、a"),
        ("h2", "二、b"),
        ("h3", "（一）x"),
        ("h3", "（二）c"),
        ("h4", "1.d"),
        ("h5", "（1）e"),
        ("h6", "（1）f"),  # a fifth level takes the last heading element, and keeps the fourth level's style
    ]
    assert expected == headings
    assert ["一、", "二、", "（一）", "（二）", "1.", "（1）", "（1）"] == [
        s.text for s in root.iter("span") if s.get("class") == "gd-ordinal"
    ]


def test_application_table_2021_has_the_spec_spans() -> None:
    """Table 三 (2021): corner 3×3, 申请人情况 over 7, 法人或其他组织 over 5, the 22-row 三、本年度办理结果 …."""
    table = table_element(tree(render_html(report_2021())), "applications-2021")
    assert [(3, 3)] == span_of(table, APPLICATIONS_2021.corner or "")
    assert [(1, 7)] == span_of(table, "申请人情况")
    assert [(1, 5)] == span_of(table, "法人或其他组织")
    assert [(2, 1)] == span_of(table, "自然人")
    assert [(2, 1)] == span_of(table, "总计")
    for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"):
        assert [(1, 1)] == span_of(table, label)
    assert [(22, 1)] == span_of(table, "三、本年度办理结果")
    assert [(8, 1)] == span_of(table, "（三）不予公开")
    assert [(3, 1)] == span_of(table, "（四）无法提供")
    assert [(5, 1)] == span_of(table, "（五）不予处理")
    assert [(3, 1)] == span_of(table, "（六）其他处理")
    assert [(1, 3)] == span_of(table, "一、本年新收政府信息公开申请数量")
    assert [(1, 3)] == span_of(table, "二、上年结转政府信息公开申请数量")
    assert [(1, 3)] == span_of(table, "四、结转下年度继续办理")
    assert [(1, 2)] == span_of(table, "（一）予以公开")
    assert [(1, 2)] == span_of(table, "（七）总计")
    assert [(1, 1)] == span_of(table, "1.属于国家秘密")
    (thead,) = table.iter("thead")
    (tbody,) = table.iter("tbody")
    assert (3, 25) == (len(list(thead.iter("tr"))), len(list(tbody.iter("tr"))))


def test_application_table_2019_has_the_20_row_results_group() -> None:
    """Table 三 (2019): 三、本年度办理结果 spans 20 rows and （六）其他处理 is one row with values."""
    table = ApplicationsTable2019.from_values(distinct_values(ApplicationsTable2019))
    report = attrs.evolve(report_2021(table), edition=Edition.E2019, year=2019)
    element = table_element(tree(render_html(report)), "applications-2019")
    assert [(20, 1)] == span_of(element, "三、本年度办理结果")
    assert [(1, 2)] == span_of(element, "（六）其他处理")
    label = next(th for th in element.iter("th") if th.text == "（六）其他处理")
    assert "result.other" == label.get("data-row")


def test_every_official_label_is_a_heading_cell_with_its_row_id() -> None:
    """Each row label of tables 二 and 三 is a ``<th scope="row">`` carrying the row id; column labels are headings."""
    root = tree(render_html(report_2021()))
    for definition in (APPLICATIONS_2021, PROACTIVE_2021):
        table = table_element(root, definition.id)
        labels = {
            th.get("data-row"): th.text for th in table.iter("th") if th.get("scope") == "row" and th.get("data-row")
        }
        assert {row.id: row.label for row in definition.rows} == labels
        headings = {th.text for th in table.iter("th")}
        assert {column.label for row in definition.rows for column in row.columns} <= headings
    for block in PROACTIVE_2021.blocks:
        assert [(1, 4)] == span_of(table_element(root, "proactive-2021"), block.header)


def test_reviews_table_has_fifteen_columns_under_two_levels() -> None:
    """Table 四: 行政复议 over 5, 行政诉讼 over 10, its two blocks over 5 each, the review outcomes over two rows."""
    table = table_element(tree(render_html(report_2021())), "reviews-litigation")
    assert [(1, 5)] == span_of(table, "行政复议")
    assert [(1, 10)] == span_of(table, "行政诉讼")
    assert [(1, 5)] == span_of(table, "未经复议直接起诉")
    assert [(1, 5)] == span_of(table, "复议后起诉")
    assert [(2, 1), (1, 1), (1, 1)] == span_of(table, "结果维持")
    assert [(2, 1), (1, 1), (1, 1)] == span_of(table, "总计")
    rows = list(table.iter("tr"))
    assert [2, 7, 10, 15] == [len([c for c in r.children if isinstance(c, Element)]) for r in rows]
    assert [c.label for c in REVIEWS_LITIGATION.columns[:5]] == [th.text for th in rows[1].iter("th")][:5]


def test_value_attributes_give_back_every_number() -> None:
    """The ``data-*`` attributes of the value cells reproduce every cell of the model exactly, markers included."""
    report = report_2021()
    cells = scraped(tree(render_html(report)))
    expected: dict[tuple[str, str, str], dict[str, str | None]] = {}
    for section in report.sections[1:]:
        (table,) = section.blocks
        assert isinstance(table, OfficialTable)
        for _, column, row_index, figure in table.cells():
            assert column is not None
            key = (table.KIND, table.rows[row_index].id, column.id)
            attributes: dict[str, str | None] = {"data-table": key[0], "data-row": key[1], "data-col": key[2]}
            if figure.value is not None:
                attributes["data-value"] = str(figure.value)
                if figure.qualifier is not Qualifier.EXACT:
                    attributes["data-qualifier"] = figure.qualifier.value
                    attributes["data-bound"] = figure.qualifier.bound.value
            else:
                attributes["data-marker"] = figure.marker
            attributes["#text"] = figure.text
            expected[key] = attributes
    assert (3 + 3 + 1 + 1 + 1 + 1) + 25 * 7 + 15 == len(expected)
    assert expected == cells
    assert {"data-value": "0.092"}.items() <= cells[("proactive-2021", "administrative-fees", "fees")].items()
    assert ("/", "") == (
        cells[("proactive-2021", "rules", "issued")]["data-marker"],
        cells[("proactive-2021", "rules", "repealed")]["data-marker"],
    )


@pytest.mark.parametrize("name", examples.names())
def test_bundled_examples_give_back_every_number(name: str) -> None:
    """In every bundled example, each numeric cell of each official table is read back exactly from the HTML."""
    report = examples.load(name)
    cells = scraped(tree(render_html(report)))
    expected: dict[tuple[str, str, str], str] = {}
    for _, section in report.walk():
        for table in section.blocks:
            if not isinstance(table, OfficialTable):
                continue
            official = {row.id: row for row in table.DEFINITION.rows}
            for row in table.rows:
                for position, figure in enumerate(row.values):
                    column = official[row.id].columns[position].id if row.id in official else f"#{position}"
                    if figure.value is not None:
                        expected[(table.KIND, row.id, column)] = str(figure.value)
    assert expected == {
        key: attributes["data-value"] for key, attributes in cells.items() if "data-value" in attributes
    }
    if name == "sample-2021":
        assert 10 + 25 * 7 + 15 == len(expected)


def test_unknown_and_local_cells_are_marked() -> None:
    """An unknown cell says ``data-unknown``; a local row's cells carry their position, as no column id fits them."""
    rows = (
        TableRow(id="cases", values=(1, None, *range(13))),
        TableRow(id="local.note", label="备注", values=("无", 2)),
    )
    report = Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某局"),
        sections=(Section(heading="政府信息公开行政复议、行政诉讼情况", blocks=(ReviewsTable(rows=rows),)),),
    )
    root = tree(render_html(report))
    element = table_element(root, "reviews-litigation")
    unknown = [td for td in element.iter("td") if "data-unknown" in td.attributes]
    assert [("cases", "review.corrected", "")] == [(td.get("data-row"), td.get("data-col"), td.text) for td in unknown]
    local = [td for td in element.iter("td") if td.get("data-row") == "local.note"]
    assert [("0", "无", None), ("1", None, "2")] == [
        (td.get("data-index"), td.get("data-marker"), td.get("data-value")) for td in local
    ]
    assert "14" == local[1].get("colspan")


def test_procurement_unit_is_written_on_the_amount_cells() -> None:
    """The 2019 table 二 tells the unit of its procurement amount, which the template leaves open."""
    values: dict[str, list[object]] = {row.id: [1] * len(row.columns) for row in ProactiveTable2019.DEFINITION.rows}
    values["procurement"] = [3, "12.5"]
    table = ProactiveTable2019.from_values(values, procurement_unit=MoneyUnit.WAN_YUAN)
    cells = scraped(tree(render_html(report_2021(table))))
    assert {"data-value": "12.5", "data-unit": "万元"}.items() <= cells[
        ("proactive-2019", "procurement", "amount")
    ].items()


def test_cell_attribute_names_are_checked() -> None:
    """Extra cell attributes must have plain names: a name cannot smuggle markup in."""
    with pytest.raises(ValueError, match="not a lowercase attribute name"):
        html_table(layout(ReviewsTable.zeros()), cell_attributes={"review.upheld": {'x" onclick="y': "1"}})


def test_statistics_table_cells_carry_row_and_column() -> None:
    """A generic statistics table's value cells are addressed by row id and ``c0``, ``c1`` …; levels are attributes."""
    table = StatisticsTable(
        caption="统计表",
        columns=("本年度", "累计"),
        rows=(
            StatRow(id="g", label="一、主动公开"),
            StatRow(id="total", label="主动公开数", unit="条", values=(15, 149), level=1),
        ),
    )
    root = tree(render_html(report_2021(table)))
    element = table_element(root, "statistics-table")
    assert ["统计表"] == [c.text for c in element.iter("caption")]
    cells = scraped(root)
    assert "149" == cells[("statistics-table", "total", "c1")]["data-value"]
    assert ["1"] == [th.get("data-level") for th in element.iter("th") if th.get("data-row") == "total"]


def test_quantities_are_data_elements_with_exact_values() -> None:
    """Typed quantities in running text carry their exact value, unit, qualifier and scale."""
    paragraph = Paragraph(
        content=(
            "接待",
            Count(value=1100, unit="人次", qualifier=Qualifier.MORE_THAN, id="visits"),
            "，访问",
            Count(value=1790000000, unit="次", scale=Scale.YI),
            "，发放",
            Amount(value=Decimal("133.9554"), unit=MoneyUnit.WAN_YUAN),
            "，占",
            Share(value=Decimal("67.84")),
            "，低保",
            Compound(parts=(Count(value=189, unit="户"), Count(value=247, unit="人"))),
            "。",
        )
    )
    root = tree(render_html(report_2021(paragraph)))
    (p,) = [p for p in root.iter("p") if p.text.startswith("接待")]
    assert paragraph.text == p.text
    data = [
        (d.get("value"), d.get("data-quantity"), d.get("data-unit"), d.get("data-qualifier"), d.get("data-scale"))
        for d in p.iter("data")
    ]
    assert [
        ("1100", "count", "人次", "余", None),
        ("1790000000", "count", "次", None, "亿"),
        ("133.9554", "amount", "万元", None, None),
        ("67.84", "share", "%", None, None),
        ("189", "count", "户", None, None),
        ("247", "count", "人", None, None),
    ] == data
    assert ["visits"] == [d.get("data-id") for d in p.iter("data") if d.get("data-id")]
    assert ["compound"] == [s.get("data-quantity") for s in p.iter("span") if s.get("data-quantity")]


def test_statistic_reads_in_the_standard_phrasing_with_marked_figures() -> None:
    """A generated statistic reads as the text renderer phrases it, its figures marked up."""
    statistic = Statistic(
        lead=("2021年，",),
        subject="制作政府信息",
        total=Count(value=15, unit="条"),
        parts=(StatPart(label="主动公开", quantity=Count(value=15, unit="条"), share=Share(value=Decimal("100"))),),
    )
    root = tree(render_html(report_2021(statistic)))
    (p,) = [p for p in root.iter("p") if p.get("class") == "gd-statistic"]
    assert statistic_text(statistic) == p.text
    assert ["15", "15", "100"] == [d.get("value") for d in p.iter("data")]


def test_points_items_run_in_signature_and_attachments() -> None:
    """Enumerated points keep their 一是, items their ordinals, a run-in heading its line; the signature is dated."""
    run_in = Section(
        heading="需要说明的事项。",
        run_in=True,
        blocks=(Paragraph(content=("本年度无收费。",)), Paragraph(content=("第二段。",))),
    )
    report = attrs.evolve(
        report_2021(
            EnumeratedPoints(lead=("措施：",), points=(("甲。",), ("乙。",))),
            NumberedItems(items=(("丙。",), ("丁。",)), start=3),
        ),
        introduction=Introduction(heading="引言", blocks=(Paragraph(content=("引言正文。",)),)),
        attachments=(Attachment(label="附表", name="统计表", description="见下"),),
    )
    report = attrs.evolve(report, sections=(*report.sections, Section(heading="其他", subsections=(run_in,))))
    root = tree(render_html(report))
    assert ["措施：一是甲。二是乙。"] == [p.text for p in root.iter("p") if p.get("class") == "gd-points"]
    (items,) = root.iter("ol")
    assert ("3", ["3.丙。", "4.丁。"]) == (items.get("start"), [li.text for li in items.iter("li")])
    (line,) = [d for d in root.iter("div") if d.get("class") == "gd-run-in"]
    assert ["h3", "p"] == [c.name for c in line.children if isinstance(c, Element)]
    assert "（一）需要说明的事项。本年度无收费。" == line.text
    (introduction,) = [s for s in root.iter("section") if s.get("class") == "gd-introduction"]
    assert "引言" == next(introduction.iter("h2")).text
    (footer,) = root.iter("footer")
    assert ["示例县教育局", "2022年1月20日"] == [p.text for p in footer.iter("p")]
    assert ["2022-01-20"] == [t.get("datetime") for t in footer.iter("time")]
    assert ["附表：统计表（见下）"] == [li.text for ul in root.iter("ul") for li in ul.iter("li")]


PAYLOAD = '<script>alert(1)</script>" onmouseover="x'
MARKER_PAYLOAD = '"><script>x</script>'  # a cell marker is at most 40 characters


def hostile_report(say: Callable[[str], str], mark: Callable[[str], str], *, titled: bool = True) -> Report:
    """A report whose every text goes through *say* (or *mark* for cell markers): identity for the benign twin."""
    applications = ApplicationsTable2021.from_values(distinct_values(ApplicationsTable2021))
    local = TableRow(id=say("local"), label=say("本地行"), values=(mark("备注"), 1))
    applications = attrs.evolve(applications, rows=(*applications.rows, local), note=say("注"))
    generic = Table(
        caption=say("附表"),
        rows=(
            (Cell(text=say("项目"), header=True), Cell(text=say("数量"), header=True)),
            (Cell(text=say("规章")), Cell(text="3")),
        ),
    )
    statistics = StatisticsTable(
        caption=say("统计表"),
        label_heading=say("指标"),
        unit_heading=say("单位"),
        columns=(say("本年"),),
        rows=(StatRow(id=say("r"), label=say("主动公开"), unit=say("条"), values=(mark("无"),)),),
    )
    paragraph = Paragraph(
        content=(
            say("正文"),
            Count(value=3, unit=say("件"), id=say("c"), label=say("申请")),
            Share(value=Decimal(1), part=say("c"), id=say("s")),
            Amount(value=Decimal(2), id=say("a"), label=say("费用")),
            Compound(parts=(Count(value=1, unit=say("户")), Count(value=2, unit=say("人"))), id=say("p")),
        )
    )
    statistic = Statistic(
        lead=(say("前言"),),
        subject=say("收到申请"),
        total=Count(value=3, unit=say("件")),
        parts=(StatPart(label=say("自然人"), quantity=Count(value=3, unit=say("件"))),),
    )
    blocks: tuple[Block, ...] = (
        paragraph,
        statistic,
        EnumeratedPoints(lead=(say("引"),), points=((say("甲"),),)),
        NumberedItems(items=((say("乙"),),)),
        generic,
        statistics,
        applications,
    )
    return Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name=say("某局")),
        title=say("标题") if titled else None,
        publication=Publication(
            index_number=say("索引"),
            publisher=say("机构"),
            subject=say("主题"),
            extra=((say("栏目"), say("值")),),
        ),
        introduction=Introduction(heading=say("引言"), blocks=(Paragraph(content=(say("引言正文"),)),)),
        sections=(
            Section(heading=say("总体情况"), blocks=blocks),
            Section(heading=say("说明"), run_in=True, blocks=(Paragraph(content=(say("段"),)),)),
        ),
        signature=Signature(organ=say("署名"), date=datetime.date(2022, 1, 20)),
        attachments=(Attachment(label=say("附件"), name=say("名称"), description=say("说明")),),
    )


def shape(element: Element) -> set[tuple[str, str]]:
    """Every (element name, attribute name) pair in a tree, with ``""`` for the element itself."""
    return {(e.name, a) for e in element.iter() for a in ("", *e.attributes)}


@pytest.mark.parametrize(("fragment", "titled"), [(False, True), (True, True), (False, False)])
def test_report_text_cannot_inject_markup(fragment: bool, titled: bool) -> None:
    """Script tags and attribute breakouts in every report text render inert: no element or attribute is added."""
    benign = tree(render_html(hostile_report(lambda s: s, lambda s: s, titled=titled), fragment=fragment))
    report = hostile_report(lambda s: s + PAYLOAD, lambda s: s + MARKER_PAYLOAD, titled=titled)
    hostile = tree(render_html(report, fragment=fragment))
    assert shape(benign) == shape(hostile)
    assert [] == list(hostile.iter("script"))
    assert not any(name.startswith("on") for _, name in shape(hostile))
    article = next(hostile.iter("article"))
    assert article.text.count(PAYLOAD) >= 30  # the payload is kept as text, not dropped
    assert article.text.count(MARKER_PAYLOAD) == 2
    values = [v for e in hostile.iter() for v in e.attributes.values() if v and PAYLOAD in v]
    assert len(values) >= 10  # … and as attribute values (ids, units, labels, markers, row ids)


def test_plugin_block_renders_through_its_registered_function() -> None:
    """A block type without a function is a clear error; registering one makes it render."""

    @attrs.frozen(kw_only=True)
    class Motto(Block):
        KIND: ClassVar[str] = "example.motto"
        words: str

    def motto(block: Motto, context: RenderContext) -> str:
        return f'<p class="motto">{block.words}</p>'

    report = report_2021(Motto(words="公开为常态"))
    with pytest.raises(TypeError, match=r"no function for block kind 'example\.motto'"):
        render_html(report)
    renderer = HtmlRenderer()
    renderer.blocks.register(motto, key=Motto)
    page = str(renderer.render(report))
    assert ["公开为常态"] == [p.text for p in tree(page).iter("p") if p.get("class") == "motto"]
    with pytest.raises(TypeError, match=r"no function for block kind 'example\.motto'"):
        render_html(report)  # the function is the renderer's own: the default renderer still lacks it


@pytest.mark.parametrize("name", examples.names())
def test_html_golden(name: str, golden: Callable[[str, str], None]) -> None:
    """The HTML of each bundled example matches its reviewed golden file (the stylesheet is reviewed in its file)."""
    golden(f"{name}.html", render_html(examples.load(name), stylesheet=False))
