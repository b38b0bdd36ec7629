import unicodedata
from pathlib import Path

import pytest

from govdisclose import examples
from govdisclose.model import (
    Agency,
    Cell,
    Count,
    Edition,
    Paragraph,
    Report,
    ReviewsTable,
    Section,
    Share,
    Signature,
    Statistic,
    StatPart,
    Table,
    TableRow,
)
from govdisclose.render import render, render_text, text_table
from govdisclose.render._layout import metadata_lines
from govdisclose.zh import OrdinalStyle
from helpers import DATA

SEED = "sanyuan-chengguan-2017"
# Portal furniture in the published seed text that is not part of the report (spec conventions.md §4).
SEED_NOISE = {"附件下载", "扫一扫在手机上查看当前页面", "政策解读"}


def fold(text: str) -> str:
    """Fold full-width/ASCII variants together and drop all whitespace."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def seed_body_lines() -> list[str]:
    """The published seed from its title to the signature date, without the portal's metadata lines and noise."""
    lines = (DATA / "2017-sanyuan-chengguan.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith("年度报告"))
    body = []
    for line in lines[start:]:
        stripped = line.strip()
        if not stripped or stripped in SEED_NOISE or stripped.startswith("来源:"):
            continue
        body.append(fold(stripped))
    return body


def test_rendered_seed_contains_every_sentence_in_order() -> None:
    """Each line of the published seed body appears in the rendered text, in the published order."""
    rendered = fold(render_text(examples.load(SEED)))
    position = 0
    for line in seed_body_lines():
        found = rendered.find(line, position)
        assert found >= 0, f"missing or out of order: {line}"
        position = found + len(line)


def test_rendered_seed_adds_nothing_but_the_metadata_block() -> None:
    """Apart from the seed's own lines, the text holds only the metadata block, which the model adds by design."""
    report = examples.load(SEED)
    rendered = {fold(line) for line in render_text(report).splitlines() if line.strip()}
    metadata = {fold(f"{label}：{value}") for label, value in metadata_lines(report.publication)}
    assert metadata == rendered - set(seed_body_lines())


@pytest.mark.parametrize("name", examples.names())
def test_text_golden(name: str, golden: object) -> None:
    """The text of each bundled example matches its reviewed golden file."""
    golden(f"{name}.txt", render_text(examples.load(name)))  # type: ignore[operator]


def _report(*sections: Section, signature: Signature | None = None) -> Report:
    return Report(edition=Edition.E2021, year=2024, agency=Agency(name="某局"), sections=sections, signature=signature)


def test_default_ordinals_follow_gbt_9704_by_depth() -> None:
    """Without a recorded style, levels are numbered 一、 （一） 1. （1）."""
    deep = Section(heading="d")
    third = Section(heading="c", subsections=(deep,))
    second = Section(heading="b", subsections=(third,))
    text = render_text(_report(Section(heading="甲"), Section(heading="a", subsections=(second,))))
    assert ["　　一、甲", "　　二、a", "　　（一）b", "　　1.c", "　　（1）d"] == text.splitlines()[2:]


def test_recorded_style_and_number_are_kept() -> None:
    """An author's ordinal style and a published number that skips are rendered as published."""
    sections = (
        Section(heading="a", numbering=OrdinalStyle.ARABIC_COMMA),
        Section(heading="b", numbering=OrdinalStyle.ARABIC_COMMA, number=5),
        Section(heading="无序号", numbering=OrdinalStyle.NONE),
    )
    assert ["　　1、a", "　　5、b", "　　无序号"] == render_text(_report(*sections)).splitlines()[2:]


def test_run_in_heading_shares_the_line_with_its_first_paragraph() -> None:
    """A run-in heading is printed on the line of its first paragraph."""
    section = Section(
        heading="说明。", run_in=True, blocks=(Paragraph(content=("第一段。",)), Paragraph(content=("第二段。",)))
    )
    assert ["　　一、说明。第一段。", "　　第二段。"] == render_text(_report(section)).splitlines()[2:]


def test_signature_is_right_aligned_with_official_date() -> None:
    """The signature and its GB/T 9704 date end at the right margin."""
    import datetime

    text = render_text(_report(signature=Signature(organ="某局", date=datetime.date(2025, 1, 5))))
    organ, date = text.splitlines()[-2:]
    assert "某局" == organ.strip()
    assert "2025年1月5日" == date.strip()
    assert 80 == len(organ) + 2  # 76 spaces + two wide characters fill 80 columns


def test_statistic_is_phrased_in_the_standard_way() -> None:
    """A generated statistic reads like a hand-written report sentence."""
    from decimal import Decimal

    stat = Statistic(
        lead=("2024年，",),
        subject="制作政府信息",
        total=Count(value=15, unit="条"),
        parts=(
            StatPart(label="主动公开", quantity=Count(value=15, unit="条"), share=Share(value=Decimal("100"))),
            StatPart(label="依申请公开", quantity=Count(value=0, unit="条"), share=Share(value=Decimal("0"))),
        ),
    )
    text = render_text(_report(Section(heading="a", blocks=(stat,))))
    assert "　　2024年，共制作政府信息15条，其中：主动公开15条，占100%；依申请公开0条，占0%。" == text.splitlines()[3]


def test_generic_table_is_aligned_by_display_width() -> None:
    """Columns line up for Chinese text; merged cells are written once, across the columns they span."""
    lines = text_table(
        (
            (Cell(text="项目", rowspan=2), Cell(text="数量", colspan=2)),
            (Cell(text="本年"), Cell(text="累计")),
            (Cell(text="规章"), Cell(text="3"), Cell(text="149")),
        )
    )
    assert ["| 项目 | 数量        |", "|      | 本年 | 累计 |", "| 规章 | 3    | 149  |"] == lines


def test_table_block_renders_caption() -> None:
    """A table block prints its caption above the grid."""
    table = Table(caption="附表", rows=((Cell(text="a"),),))
    assert ["　　一、s", "附表", "| a |"] == render_text(_report(Section(heading="s", blocks=(table,)))).splitlines()[
        2:
    ]


def test_unknown_format_is_refused() -> None:
    """Asking for an unregistered format names the known ones."""
    with pytest.raises(ValueError, match=r"unknown output format 'pdf'; known formats: .*\btext\b"):
        render(examples.load(SEED), to="pdf")


def test_explanations_are_printed_as_a_note_only_when_asked() -> None:
    """With explanations=True the notes follow the chapters as 说明：1.… 2.…, before the signature; by default not."""
    import attrs

    from govdisclose.model import Explanation

    report = examples.load("sample-2021-flawed")
    notes = (
        Explanation(text="有2件申请为同一申请人重复提交。", rule="breakdown.sum"),
        Explanation(text="收费金额以万元计。", path="$.sections[1]"),
    )
    noted = attrs.evolve(report, explanations=notes)
    plain, explained = render(noted, to="text"), render(noted, to="text", explanations=True)
    assert render(report, to="text") == plain
    lines = str(explained).splitlines()
    at = lines.index("\u3000\u3000说明：")
    assert ["\u3000\u30001.有2件申请为同一申请人重复提交。", "\u3000\u30002.收费金额以万元计。"] == lines[
        at + 1 : at + 3
    ]
    signature = next(i for i, line in enumerate(lines) if line.strip() == "示例县教育局")
    assert signature > at + 2


def test_cli_render_explanations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`govdisclose render --explanations` prints the 说明; without the flag it does not."""
    import attrs

    from govdisclose import to_json
    from govdisclose.cli import main
    from govdisclose.model import Explanation

    noted = attrs.evolve(
        examples.load("sample-2021"), explanations=(Explanation(text="收费金额以万元计。", rule="breakdown.sum"),)
    )
    source = tmp_path / "noted.json"
    source.write_text(to_json(noted), encoding="utf-8")
    assert 0 == main(["render", str(source)])
    assert "说明：" not in capsys.readouterr().out
    assert 0 == main(["render", str(source), "--explanations", "--to", "markdown"])
    assert "说明：\n\n1.收费金额以万元计。" in capsys.readouterr().out


def _terminal_width(text: str) -> int:
    """Columns in a terminal set for Chinese (as GBK text counts them): wide, full-width and ambiguous characters 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def test_text_tables_line_up_with_quotation_marks() -> None:
    """Table 三's label 3.危及“三安全一稳定” (curly quotes, ambiguous width) does not shift its row's columns."""
    text = render_text(examples.load("sample-2021"))
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "（本列数据的勾稽关系为" in line)
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append(line)
    quoted = [line for line in table if "“三安全一稳定”" in line]
    assert quoted
    widths = {_terminal_width(line) for line in table}
    assert 1 == len(widths), "the table's lines are not all as wide"
    rows = table[3:]  # below the three heading rows every row has a rule before each of its eight value columns
    ends = {tuple(_terminal_width(line[:i]) for i, ch in enumerate(line) if ch == "|")[-8:] for line in rows}
    assert 1 == len(ends), "the value columns' rules stand at different columns"


def test_blank_slash_zero_and_unknown_cells_look_different() -> None:
    """A blank cell is empty, / and 0 are written, an unknown cell shows ？ — in text, Markdown, HTML and Word."""
    import io
    import zipfile

    from govdisclose.render import render
    from govdisclose.render._tablelayout import UNKNOWN

    row = TableRow(id="cases", values=("", "/", 0, None, *range(11)))
    report = Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某局"),
        sections=(Section(heading="政府信息公开行政复议、行政诉讼情况", blocks=(ReviewsTable(rows=(row,)),)),),
    )
    assert "？" == UNKNOWN
    line = next(line for line in render_text(report).splitlines() if line.startswith("| ") and "/" in line)
    assert ["", "/", "0", "？"] == [cell.strip() for cell in line.strip("|").split("|")][:4]
    markdown = str(render(report, to="markdown"))
    line = next(line for line in markdown.splitlines() if line.startswith("| ") and "/" in line)
    assert ["", "/", "0", "？"] == [cell.strip() for cell in line.strip("|").split("|")][:4]
    html = str(render(report, to="html"))
    assert (
        '<td data-table="reviews-litigation" data-row="cases" data-col="review.corrected" data-marker="/">/</td>'
        in html
    )
    assert (
        '<td data-table="reviews-litigation" data-row="cases" data-col="review.pending" data-unknown=""></td>' in html
    )
    assert '<td data-table="reviews-litigation" data-row="cases" data-col="review.upheld" data-marker=""></td>' in html
    data = render(report, to="docx")
    assert isinstance(data, bytes)
    assert "<w:t>？</w:t>" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
