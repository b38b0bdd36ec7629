from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest

from govdisclose import examples
from govdisclose.model import (
    APPLICATIONS_2021,
    Agency,
    ApplicationsTable2021,
    Block,
    Cell,
    Count,
    Edition,
    Introduction,
    NumberedItems,
    OfficialTable,
    Paragraph,
    Publication,
    Report,
    ReviewsTable,
    Section,
    Signature,
    Statistic,
    StatPart,
    Table,
    TableRow,
)
from govdisclose.render import (
    MarkdownRenderer,
    RenderContext,
    escape_markdown,
    render,
    render_markdown,
    statistic_text,
)
from govdisclose.render._layout import metadata_lines

markdown_it = pytest.importorskip("markdown_it")

NASTY = "a|b *c* _d_ `e` [f](g) <script>alert(1)</script> &amp; ~~h~~ \\ #i"
LINE_STARTS = ("# 标题", "- 列表", "+ 列表", "1. 列表", "2) 列表", "> 引用", "===", "    缩进", "---")


def commonmark() -> Any:
    """A CommonMark parser with GitHub's pipe tables and strikethrough."""
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])


def cells(markdown: str) -> list[list[str]]:
    """The rows of the first pipe table in *markdown*, as a CommonMark parser reads them (cell text unescaped)."""
    rows: list[list[str]] = []
    in_table = False
    for token in commonmark().parse(markdown):
        if token.type == "table_open":
            if rows:
                break
            in_table = True
        elif token.type == "table_close":
            in_table = False
        elif in_table and token.type == "tr_open":
            rows.append([])
        elif in_table and token.type == "inline":
            rows[-1].append("".join(child.content for child in token.children or ()))
    return rows


def distinct_values(table: type[OfficialTable]) -> dict[str, list[int]]:
    """Every cell a different number."""
    values: dict[str, list[int]] = {}
    counter = 100
    for row in table.DEFINITION.rows:
        values[row.id] = list(range(counter, counter + len(row.columns)))
        counter += len(row.columns)
    return values


def report_with(*blocks: Block, **fields: Any) -> Report:
    """A 2021 report whose one chapter holds *blocks*."""
    return Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="示例县教育局"),
        sections=(Section(heading="总体情况", blocks=blocks),),
        **fields,
    )


def test_render_dispatches_markdown() -> None:
    """``render(report, to="markdown")`` is :func:`render_markdown`."""
    report = examples.load("sample-2021")
    assert render_markdown(report) == render(report, to="markdown")


def test_headings_by_level_with_ordinals() -> None:
    """The title is ``#``, chapters ``##`` and their parts one more ``#`` per level, at most six."""
    deep = Section(heading="d", subsections=(Section(heading="e", subsections=(Section(heading="f"),)),))
    report = Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某局"),
        introduction=Introduction(heading="引言", blocks=(Paragraph(content=("正文。",)),)),
        sections=(Section(heading="a"), Section(heading="b", subsections=(Section(heading="c", subsections=(deep,)),))),
    )
    headings = [line for line in render_markdown(report).splitlines() if line.startswith("#")]
    expected = [
        "# 某局2021年政府信息公开工作年度报告",
        "## 引言",
        "## 一、a",
        "## 二、b",
        "### （一）c",
        "#### 1.d",
        "##### （1）e",
        "###### （1）f",
    ]
    assert expected == headings


def test_metadata_is_a_list_and_signature_closes_the_text() -> None:
    """The metadata block is a bullet list of label：value; the signature and its date are the last paragraphs."""
    publication = Publication(index_number="0001/2022-00001", published_on=datetime.date(2022, 1, 25))
    report = report_with(
        publication=publication, signature=Signature(organ="示例县教育局", date=datetime.date(2022, 1, 20))
    )
    lines = render_markdown(report).splitlines()
    assert [f"- {label}：{value}" for label, value in metadata_lines(publication)] == lines[2:4]
    assert ["示例县教育局", "", "2022年1月20日"] == lines[-3:]


def test_escaped_text_reads_back_as_written() -> None:
    """Markdown metacharacters in report text are escaped: a CommonMark parser gives back the text, no markup."""
    for text in (NASTY, *LINE_STARTS):
        html = commonmark().render(escape_markdown(text))
        tokens = [t.type for t in commonmark().parse(escape_markdown(text))]
        assert ["paragraph_open", "inline", "paragraph_close"] == tokens, text
        children = commonmark().parse(escape_markdown(text))[1].children
        assert [text.strip()] == ["".join(c.content for c in children)], html


def test_escaped_paragraphs_headings_and_lists_make_no_markup() -> None:
    """A report full of metacharacters renders to headings, paragraphs and lists only, with the text intact."""
    report = Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某局"),
        title="标题" + NASTY,
        publication=Publication(extra=(("栏目" + NASTY, "值"),)),
        sections=(Section(heading=NASTY, blocks=tuple(Paragraph(content=(text,)) for text in (NASTY, *LINE_STARTS))),),
        signature=Signature(organ="- 署名"),
    )
    tokens = commonmark().parse(render_markdown(report))
    kinds = {t.type for t in tokens}
    assert {
        "heading_open",
        "heading_close",
        "inline",
        "paragraph_open",
        "paragraph_close",
        "bullet_list_open",
        "bullet_list_close",
        "list_item_open",
        "list_item_close",
    } == kinds
    inline_kinds = {c.type for t in tokens if t.type == "inline" for c in t.children or ()}
    assert {"text"} == inline_kinds
    texts = ["".join(c.content for c in t.children or ()) for t in tokens if t.type == "inline"]
    assert "标题" + NASTY == texts[0]
    assert "栏目" + NASTY + "：值" == texts[1]
    assert "一、" + NASTY == texts[2]
    assert [NASTY, *(s.strip() for s in LINE_STARTS), "- 署名"] == texts[3:]


def test_application_table_is_flattened_written_once() -> None:
    """Table 三: a spanning cell's text stands once, top left; every value sits in its own column under its label."""
    table = ApplicationsTable2021.from_values(distinct_values(ApplicationsTable2021))
    rows = cells(render_markdown(report_with(table)))
    assert 3 + 25 == len(rows)
    assert {10} == {len(row) for row in rows}
    assert [APPLICATIONS_2021.corner, "", "", "申请人情况", "", "", "", "", "", ""] == rows[0]
    assert ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"] == rows[1]
    assert ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""] == rows[2]
    assert ["三、本年度办理结果"] == [row[0] for row in rows if row[0].startswith("三、")]
    assert 21 == sum(1 for row in rows[6:27] if row[0] == "")  # the 22-row group label is written once
    assert ["（三）不予公开", "", "", "", "", "", "", ""] == [row[1] for row in rows[7:15]]
    for row_def, row in zip(APPLICATIONS_2021.rows, rows[3:], strict=True):
        label = next(text for text in reversed(row[:3]) if text)
        assert row_def.label == label
        assert [str(table.get(row_def.id, c.id).value) for c in row_def.columns] == row[3:]


def test_reviews_and_local_rows_keep_their_columns() -> None:
    """Table 四 keeps fifteen columns; a local row's label with a pipe does not split the row."""
    rows = (
        TableRow(id="cases", values=tuple(range(1, 16))),
        TableRow(id="local.x", label="备注|说明", values=("无",)),
    )
    parsed = cells(render_markdown(report_with(ReviewsTable(rows=rows))))
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9] == parsed[0]
    assert [*outcomes, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""] == parsed[1]
    assert [*[""] * 5, *outcomes, *outcomes] == parsed[2]
    assert [str(n) for n in range(1, 16)] == parsed[3]
    assert ["无", *[""] * 14] == parsed[4]  # table 四 has no label column, so the local label is not shown


def test_generic_table_with_caption_and_escaped_cells() -> None:
    """A generic table prints its caption in bold above it; pipes and stars in cells stay text."""
    table = Table(
        caption="附表*1*",
        rows=(
            (Cell(text="项目", rowspan=2, header=True), Cell(text="数量", colspan=2, header=True)),
            (Cell(text="本年"), Cell(text="累计|合计")),
            (Cell(text="规章"), Cell(text="3"), Cell(text="*149*")),
        ),
    )
    markdown = render_markdown(report_with(table))
    assert [["项目", "数量", ""], ["", "本年", "累计|合计"], ["规章", "3", "*149*"]] == cells(markdown)
    assert "**附表\\*1\\***" in markdown.splitlines()


def test_statistic_and_items_read_as_written() -> None:
    """A statistic is phrased as in the text rendering; numbered items are one paragraph each."""
    statistic = Statistic(
        subject="收到申请",
        total=Count(value=3, unit="件"),
        parts=(StatPart(label="自然人", quantity=Count(value=3, unit="件")),),
    )
    items = NumberedItems(items=(("甲。",), ("乙。",)))
    lines = render_markdown(report_with(statistic, items)).splitlines()
    assert [statistic_text(statistic), "", "1.甲。", "", "2.乙。"] == lines[-5:]


def test_plugin_block_renders_through_its_registered_function() -> None:
    """A block type without a function is a clear error; registering one makes it render."""

    @attrs.frozen(kw_only=True)
    class Motto(Block):
        KIND: ClassVar[str] = "example.motto"
        words: str

    def motto(block: Motto, context: RenderContext) -> list[str]:
        return ["> " + escape_markdown(block.words)]

    report = report_with(Motto(words="公开为常态"))
    with pytest.raises(TypeError, match=r"Markdown renderer has no function for block kind 'example\.motto'"):
        render_markdown(report)
    renderer = MarkdownRenderer()
    renderer.blocks.register(motto, key=Motto)
    assert "> 公开为常态" == str(renderer.render(report)).splitlines()[-1]


@pytest.mark.parametrize("name", examples.names())
def test_markdown_golden(name: str, golden: Callable[[str, str], None]) -> None:
    """The Markdown of each bundled example matches its reviewed golden file."""
    golden(f"{name}.md", render_markdown(examples.load(name)))
