"""The reader on real published reports (tests/data/corpus, a copy of the shared corpus): agency, year, edition."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from govdisclose.model import (
    NATIONAL_HEADINGS,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Edition,
    OfficialTable,
    Paragraph,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    Report,
    ReviewsTable,
    StatisticsTable,
)
from govdisclose.read import UNKNOWN_AGENCY, DiagnosticKind, ReadResult, read_html, read_text

CORPUS = Path(__file__).parent / "data" / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt"))
PINGTAN = CORPUS / "2024-pingtan-zonghe-shiyanqu.html"
EDITIONS = {"pre2019": Edition.PRE_2019, "2019": Edition.E2019, "2021": Edition.E2021}
# The agency of this file is inferred by the corpus from the portal column; its text names none ("我局").
NAMELESS = {"2019-xian-yanta-tongjiju.txt"}


def corpus_file(path: Path) -> tuple[dict[str, str], str]:
    """The header of a corpus file (``key: value`` lines before ``---``) and the report text after it.

    The last line ``[truncated: …]`` of a partial copy is not part of the report and is removed.
    """
    header, separator, body = path.read_text(encoding="utf-8").partition("\n---\n")
    assert separator, f"{path.name} has no header"
    fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    lines = body.rstrip("\n").split("\n")
    if lines and lines[-1].startswith("[truncated"):
        lines.pop()
    return fields, "\n".join(lines) + "\n"


def _read(path: Path) -> tuple[dict[str, str], ReadResult]:
    fields, text = corpus_file(path)
    return fields, read_text(text, source=fields.get("source_url"))


def _agency(header: str) -> str:
    """The agency of a header without its note in brackets (``中华人民共和国教育部 (公告由……)``)."""
    return header.split(" (", 1)[0].strip()


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_reads_year_and_edition(path: Path) -> None:
    """The report year and the edition are those of the corpus header."""
    fields, result = _read(path)
    assert (int(fields["report_year"]), EDITIONS[fields["format"]]) == (result.report.year, result.report.edition)


@pytest.mark.parametrize("path", [p for p in TEXTS if p.name not in NAMELESS], ids=lambda p: p.name)
def test_reads_the_agency(path: Path) -> None:
    """The agency read is the header's, or the short form of it that the text itself uses (``唐村镇``, ``司法部``)."""
    fields, result = _read(path)
    name = result.report.agency.name
    assert name in _agency(fields["agency"])
    assert len(name) >= 3


def test_nameless_report_says_so() -> None:
    """A report whose text names no agency gets the placeholder and an ``unrecognised`` diagnostic, not a guess."""
    _, result = _read(CORPUS / "2019-xian-yanta-tongjiju.txt")
    assert UNKNOWN_AGENCY == result.report.agency.name
    assert any(d.kind is DiagnosticKind.UNRECOGNISED and "agency" in d.message for d in result.diagnostics)


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("2015-sanya-haitang-qu.txt", "三亚市海棠区人民政府"),
        ("2016-jiaoyubu.txt", "中华人民共和国教育部"),
        ("2017-beijing-dongzhimen-jd.txt", "北京市东城区东直门街道办事处"),
        ("2017-taizhou-shi.txt", "泰州市人民政府"),
        ("2020-sifabu.txt", "中华人民共和国司法部"),
        ("2021-shijiazhuang-qiaoxi-zhongshan-jd.txt", "石家庄市桥西区中山街道办事处"),
    ],
)
def test_full_agency_name_from_signature_intro_or_title(name: str, agency: str) -> None:
    """Where the signature, the 引言 (``由××编制``, ``现将××……公开如下``) or the title has the full name, it is used."""
    _, result = _read(CORPUS / name)
    assert agency == result.report.agency.name


def _values(table: OfficialTable, row_id: str) -> list[str]:
    row = table.row(row_id)
    assert row is not None, row_id
    return [figure.text for figure in row.values]


def _tables(report: Report) -> list[OfficialTable]:
    return [block for _, section in report.walk() for block in section.blocks if isinstance(block, OfficialTable)]


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("2019-xian-yanta-tongjiju.txt", [ProactiveTable2019, ApplicationsTable2019]),
        ("2020-rongchang-hebao-zhen.txt", [ProactiveTable2019]),
        ("2020-weishan-liangcheng-zhen.txt", [ProactiveTable2019, ApplicationsTable2019]),
        ("2021-shijiazhuang-qiaoxi-zhongshan-jd.txt", [ProactiveTable2021, ApplicationsTable2021]),
        ("2022-shanghai-canshishi.txt", [ProactiveTable2021]),
    ],
)
def test_flattened_tables_are_read(name: str, kinds: list[type[OfficialTable]]) -> None:
    """Pipe rows, one cell per line and blank-line separated cells all give the official table of the edition."""
    _, result = _read(CORPUS / name)
    assert kinds == [type(table) for table in _tables(result.report)]


def test_shijiazhuang_proactive_table_values() -> None:
    """Cells separated by lines of pipes: every row of table 二, the local ``规范性文件`` label kept."""
    _, result = _read(CORPUS / "2021-shijiazhuang-qiaoxi-zhongshan-jd.txt")
    table = _tables(result.report)[0]
    assert table.complete
    assert "2910" == table.get("licensing", "decisions").text
    assert "46" == table.get("punishment", "decisions").text
    assert "0.092" == table.get("administrative-fees", "fees").text
    row = table.row("normative-documents")
    assert row is not None
    assert "规范性文件" == row.label


def test_yanta_tables_are_incomplete_and_say_why() -> None:
    """Table 二's （九） block has the wrong columns and table 三 is cut off: rows left out, with diagnostics."""
    _, result = _read(CORPUS / "2019-xian-yanta-tongjiju.txt")
    proactive, applications = _tables(result.report)
    assert proactive.row("procurement") is None
    assert not proactive.complete
    assert ["new", "carried-over", "result.disclosed"] == [row.id for row in applications.rows]
    assert "0" == applications.get("new", "research").text  # the column printed as 科研企业
    messages = [d.message for d in result.diagnostics if d.kind is DiagnosticKind.UNCERTAIN]
    assert any("上一年项目数量" in m and "left out" in m for m in messages)
    assert any("incomplete" in m and "三" in m for m in messages)


def test_weishan_truncated_headers_and_procurement_block() -> None:
    """Truncated column headings (``本年新``) still match; the （九） block is read."""
    _, result = _read(CORPUS / "2020-weishan-liangcheng-zhen.txt")
    proactive = _tables(result.report)[0]
    assert proactive.complete
    assert ["0", "0"] == _values(proactive, "procurement")


def test_noise_is_removed_and_reported() -> None:
    """Breadcrumbs, font widgets, share lines, attachment names and trailing links are noise, not content."""
    _, result = _read(CORPUS / "2020-rongchang-hebao-zhen.txt")
    noise = [d.text for d in result.diagnostics if d.kind is DiagnosticKind.NOISE]
    assert any(text.startswith("当前位置") for text in noise)
    assert any(text.startswith("字体") for text in noise)
    assert any(text.startswith("分享") for text in noise)
    _, result = _read(CORPUS / "2010-zoucheng-tangcun-zhen.txt")
    noise = [d.text for d in result.diagnostics if d.kind is DiagnosticKind.NOISE]
    assert [
        "唐村镇2010年政府信息公开工作年度报告.pdf",
        "唐村镇2010年政府信息公开工作年度报告.docx",
        "政府信息公开年报",
    ] == noise
    texts = [block.text for _, s in result.report.walk() for block in s.blocks if hasattr(block, "text")]
    assert not any(".pdf" in text for text in texts)


def test_title_split_over_two_lines() -> None:
    """``三亚市海棠区人民政府`` + ``2015年政府信息公开工作年度报告`` is one title; the signature is read."""
    _, result = _read(CORPUS / "2015-sanya-haitang-qu.txt")
    report = result.report
    assert (2015, "三亚市海棠区人民政府") == (report.year, report.agency.name)
    assert report.signature is not None
    assert ("三亚市海棠区人民政府", "2015-03-15") == (report.signature.organ, str(report.signature.date))


def test_title_inside_a_notice_and_pipe_metadata() -> None:
    """The title inside ``……关于……年度报告的公告``; pipe-separated metadata with ``label:`` cells."""
    _, result = _read(CORPUS / "2016-jiaoyubu.txt")
    report = result.report
    assert "2016年教育部政府信息公开工作年度报告" == report.title
    publication = report.publication
    assert ("360A01-99-2017-0003-1", "教办厅〔2017〕2号", "教育部办公厅", "其他") == (
        publication.index_number,
        publication.document_number,
        publication.publisher,
        publication.subject,
    )
    assert "2017-03-30" == str(publication.written_on)


def test_pingtan_html_tables() -> None:
    """The pingtan HTML (INDEX.md: 平潭综合实验区, 2024, 2021 edition): all three tables, labels split across tags."""
    result = read_html(PINGTAN.read_text(encoding="utf-8"))
    report = result.report
    assert ("平潭综合实验区", 2024, Edition.E2021) == (report.agency.name, report.year, report.edition)
    proactive, applications, reviews = _tables(report)
    assert (ProactiveTable2021, ApplicationsTable2021, ReviewsTable) == (
        type(proactive),
        type(applications),
        type(reviews),
    )
    assert [True, True, True] == [proactive.complete, applications.complete, reviews.complete]
    assert ["62", "33", "440"] == _values(proactive, "normative-documents")
    assert "18651.06" == proactive.get("administrative-fees", "fees").text
    assert ["217", "1", "0", "0", "0", "0", "218"] == _values(applications, "new")
    assert ["1", "1", "0", "0", "0", "0", "2"] == _values(applications, "result.other.other")
    assert ["2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0", "19"] == _values(reviews, "cases")


def test_pingtan_html_structure() -> None:
    """Run-in sub-headings inside one ``<p>``, the six parts, and the 一是…二是… of part 五."""
    report = read_html(PINGTAN.read_text(encoding="utf-8")).report
    assert [
        Part.OVERVIEW,
        Part.PROACTIVE,
        Part.APPLICATIONS,
        Part.REVIEWS_LITIGATION,
        Part.PROBLEMS,
        Part.OTHER,
    ] == [section.part for section in report.sections]
    overview = report.sections[0]
    assert ["主动公开方面。", "依申请公开方面。", "政府信息管理方面。", "信息公开平台建设方面。", "监督保障方面。"] == [
        s.heading for s in overview.subsections
    ]
    assert all(s.run_in for s in overview.subsections)
    assert "points" == report.sections[4].blocks[0].KIND


@pytest.mark.parametrize("path", [*TEXTS, PINGTAN], ids=lambda p: p.name)
def test_every_diagnostic_has_a_position(path: Path) -> None:
    """Each diagnostic about a piece of text points into the source (whole-source ones are at 0:0)."""
    if path.suffix == ".html":
        result = read_html(path.read_text(encoding="utf-8"))
    else:
        _, result = _read(path)
    for diagnostic in result.diagnostics:
        assert min(diagnostic.line, diagnostic.column) >= 0
        if diagnostic.text:
            assert diagnostic.line >= 1


# ---- crawler texts: the whole body collapsed onto one line (tests/data/corpus/txt) ---------------------------------

CRAWLED = CORPUS / "txt"


def _crawled(name: str) -> ReadResult:
    """A crawler text read as a whole (its crawler header is page noise for the reader)."""
    return read_text((CRAWLED / name).read_text(encoding="utf-8"), source=name)


@pytest.mark.parametrize(
    ("name", "heading", "body"),
    [
        # ……改进措施。六、其他需要报告的事项2025年，无收取信息处理费情况。 (the last words of the page)
        ("2025-pingtan-zonghe-shiyanqu.txt", "其他需要报告的事项", "2025年，无收取信息处理费情况。"),
        # ……零投诉。 五、申请行政复议、提起行政诉讼和申诉的情况 2013年，我局收到以有关政府信息公开行政复议0件。 六、……
        (
            "2013-pingtan-dishuiju.txt",
            "申请行政复议、提起行政诉讼和申诉的情况",
            "2013年，我局收到以有关政府信息公开行政复议0件。",
        ),
        # ……即时回应。三、政府信息依申请公开工作情况2018年未收到有关政府信息公开申请。四、……
        ("2018-pingtan-zonghe-shiyanqu.txt", "政府信息依申请公开工作情况", "2018年未收到有关政府信息公开申请。"),
    ],
)
def test_collapsed_heading_does_not_swallow_its_text(name: str, heading: str, body: str) -> None:
    """A chapter heading run on into its text (no stop, a year or a space after it) keeps the text as its body."""
    section = next(s for s in _crawled(name).report.sections if s.heading == heading)
    assert [body] == [block.text for block in section.blocks]  # type: ignore[union-attr]


@pytest.mark.parametrize("path", sorted(CRAWLED.glob("*.txt")), ids=lambda p: p.name)
def test_collapsed_chapters_have_short_headings_and_a_body(path: Path) -> None:
    """Every chapter of a collapsed crawler text is a heading without a sentence in it, and has text or subsections."""
    report = _crawled(path.name).report
    assert 6 == len(report.sections)
    for section in report.sections:
        assert section.blocks or section.subsections, section.heading
        assert "，" not in section.heading, section.heading
        assert len(section.heading) <= 30, section.heading


def test_collapsed_sub_headings_are_split_after_words() -> None:
    """``二、主动公开政府信息情况 （一）公开的主要内容 2013年新增…`` and ``…情况（一）…`` give their sub-headings."""
    sections = {s.heading: s for s in _crawled("2013-pingtan-dishuiju.txt").report.sections}
    assert ["公开的主要内容", "公开形式"] == [s.heading for s in sections["主动公开政府信息情况"].subsections]
    assert ["工作人员情况", "政府信息公开事务支出情况"] == [
        s.heading for s in sections["工作人员及信息公开事务支出情况"].subsections
    ]
    problems = _crawled("2019-pingtan-guoziju.txt").report.sections[4]
    assert "存在的主要问题及改进情况" == problems.heading
    assert 2 == len(problems.subsections)


def test_table_run_into_a_paragraph_is_said() -> None:
    """The 2018 statistics table flattened after its heading (``…统计表指标名称计量单位2018年度…``) is read as a table.

    (It was diagnosed as a table run into the text until the table reader cut such a run into rows.)
    """
    result = _crawled("2018-pingtan-zonghe-shiyanqu.txt")
    last = result.report.sections[-1]
    assert "政府信息公开情况统计表" == last.heading
    (table,) = [block for block in last.blocks if isinstance(block, StatisticsTable)]
    assert 15 == len(table.rows)
    assert not [d for d in result.diagnostics if "statistics table run into the text" in d.message]


# ---- Traditional script: a Traditional conversion of a complete corpus report ------------------------------------


def _traditional(name: str) -> tuple[str, str]:
    """The Simplified crawler text *name* and its Traditional conversion (OpenCC ``s2t``, the ``hant`` extra)."""
    opencc = pytest.importorskip("opencc")
    simplified = (CRAWLED / name).read_text(encoding="utf-8")
    return simplified, opencc.OpenCC("s2t").convert(simplified)


def test_traditional_report_reads_its_figures() -> None:
    """Every official table cell of the Traditional 2025 report is read as from the Simplified (against the truth)."""
    from truth_score import load, score

    simplified, traditional = _traditional("2025-pingtan-zonghe-shiyanqu.txt")
    truth = load(Path(__file__).parent / "data" / "truth" / "2025-pingtan-zonghe-shiyanqu.toml")
    expected = score(truth, read_text(simplified))
    got = score(truth, read_text(traditional))
    assert (expected.expected, expected.right) == (got.expected, got.right)
    assert got.right >= 197  # the Simplified reading's figure (scripts/read_corpus.py)


def test_traditional_report_has_its_parts_and_no_false_missing_part() -> None:
    """Read through the conversion, the Traditional report has its six parts and no part.missing finding."""
    from govdisclose.checks import check

    _, traditional = _traditional("2025-pingtan-zonghe-shiyanqu.txt")
    result = read_text(traditional)
    report = result.report
    assert (2025, Edition.E2021) == (report.year, report.edition)
    assert [part for part in Part if part in {s.part for s in report.sections}] == [
        s.part for s in report.sections if s.part is not None
    ]
    assert 6 == len({s.part for s in report.sections if s.part is not None})
    assert [] == [f for f in check(report).findings if f.rule == "part.missing"]
    assert any("Traditional script" in d.message and "OpenCC" in d.message for d in result.diagnostics)


def test_traditional_report_keeps_the_published_characters() -> None:
    """Headings, paragraphs, title and agency are the published Traditional characters, found in the source."""
    _, traditional = _traditional("2025-pingtan-zonghe-shiyanqu.txt")
    report = read_text(traditional).report
    assert "平潭綜合實驗區" == report.agency.name
    assert report.title is not None
    assert report.title.endswith("年度報告")
    texts = [report.title]
    for section in report.sections:
        texts.append(section.heading)
        texts.extend(block.text for block in section.blocks if isinstance(block, Paragraph))
    assert "總體情況" == report.sections[0].heading
    for text in texts:
        assert text in traditional, text


def test_traditional_without_the_extra_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without OpenCC a Traditional text is read as written, and a diagnostic names the extra to install."""
    import govdisclose.read._normalise as normalise

    monkeypatch.setattr(normalise, "_t2s", lambda: None)
    text = "某縣2020年政府資訊公開工作年度報告\n一、總體情況\n本年度計畫公開資訊10條。"
    result = read_text(text)
    assert 2020 == result.report.year
    said = [d for d in result.diagnostics if "govdisclose[hant]" in d.message]
    assert 1 == len(said)
    assert DiagnosticKind.UNCERTAIN is said[0].kind
    assert "總體情況" == result.report.sections[0].heading


# ---- PDF-extracted text: labels of table 三 broken over lines and followed by their values -------------------------


def test_pdf_text_table_labels_never_become_headings() -> None:
    """Labels of table 三 in the plain text of a real PDF never open sections: six chapters, five sub-headings.

    The text of 2024-huaian-shi.pdf (pdfplumber) has the labels as lines of their own (``（六）其``,
    ``一、本年新收政府信息公开申请数量 3001 53 …``, ``（四）无 1.本机关不掌握相关政府信息 746 …``).
    """
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(CORPUS / "pdf" / "2024-huaian-shi.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "（六）其" in text.split("\n")  # the fragment really is a line of its own
    result = read_text(text)
    report = result.report
    assert [part for part, _ in NATIONAL_HEADINGS] == [section.part for section in report.sections]
    assert [5, 0, 0, 0, 0, 0] == [len(section.subsections) for section in report.sections]
    applications = [b for _, s in report.walk() for b in s.blocks if isinstance(b, ApplicationsTable2021)]
    assert applications  # the labels are read as rows of table 三
    assert len(applications[0].rows) >= 15


def test_collapsed_tail_gives_the_signature() -> None:
    """A signature run on after the last sentence of a collapsed body is read; the portal's fields after it are noise.

    2019-pingtan-guoziju ends ``……其他需要报告的事项无。 平潭综合实验区国有资产管理局 2020年1月7日 来源：… 附件下载``.
    """
    result = _crawled("2019-pingtan-guoziju.txt")
    report = result.report
    assert ["无。"] == [block.text for block in report.sections[-1].blocks]  # type: ignore[union-attr]
    signature = report.signature
    assert signature is not None
    assert ("平潭综合实验区国有资产管理局", datetime.date(2020, 1, 7)) == (signature.organ, signature.date)
    noise = [d.message for d in result.diagnostics if d.kind is DiagnosticKind.NOISE]
    assert ["page noise: portal source field", "page noise: attachment list"] == noise[-2:]
