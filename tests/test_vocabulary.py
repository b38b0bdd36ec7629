"""The domain vocabulary: one heading → part decision, one announced-parts parser, one label set, one display width.

No second copy of any of them lives elsewhere in the package.
"""

from __future__ import annotations

import ast
import datetime
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import govdisclose
from govdisclose import model, templates, zh
from govdisclose.checks import _rules_report as rules_report
from govdisclose.checks import check
from govdisclose.model import (
    METADATA_TERMS,
    NATIONAL_HEADINGS,
    PART_KEYWORDS,
    Edition,
    Part,
    Publication,
    announced_parts,
    national_title,
    part_name,
    part_of,
    parts_named,
    required_parts,
)
from govdisclose.read import _api as read_api
from govdisclose.read import _structure as structure
from govdisclose.read import read_text
from govdisclose.read._metadata import MetadataBuilder, parse_metadata_line
from govdisclose.render import render_text
from govdisclose.templates import new_report

PACKAGE = Path(govdisclose.__file__).parent
VOCABULARY = PACKAGE / "model" / "_vocabulary.py"
TITLE = "某县人民政府2017年政府信息公开工作年度报告"

# ---- one decision, called by everybody ------------------------------------------------------------------------------


def test_reader_and_checks_call_the_same_part_functions() -> None:
    """The reader tags sections with the vocabulary's part_of and the checks match parts with its parts_named."""
    assert (part_of, parts_named) == (structure.part_of, rules_report.parts_named)
    assert (announced_parts, announced_parts) == (read_api.announced_parts, rules_report.announced_parts)


def test_part_of_is_the_first_part_named_in_keyword_order() -> None:
    """part_of picks, among the parts a heading names, the one PART_KEYWORDS lists first."""
    headings = [
        *(heading for _, heading in NATIONAL_HEADINGS),
        "依申请信息公开收费情况",
        "依申请公开办理和行政复议、申诉、诉讼情况",
        "其他需要报告的事项（信息处理费）",
        "政府信息公开的人员、收费及减免情况",
        "没有关键词的标题",
    ]
    order = [part for part, _ in PART_KEYWORDS]
    for heading in headings:
        named = parts_named(heading)
        assert (min(named, key=order.index) if named else None) == part_of(heading)


def _children(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return list(node.elts)
    if isinstance(node, ast.Dict):
        return [*(key for key in node.keys if key is not None), *node.values]
    if isinstance(node, ast.Call):
        return [*node.args, *(keyword.value for keyword in node.keywords)]
    return []


def _is_part(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Part"


def _strings(node: ast.AST) -> list[str]:
    """A string constant, or the strings of a tuple of them or of a call on them (``re.compile(...)``)."""
    nodes = [node, *_children(node)]
    return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def keyword_tables(source: str) -> list[int]:
    """Lines of *source* where a literal or a call pairs a ``Part`` member with strings that name a part."""
    found = []
    for node in ast.walk(ast.parse(source)):
        children = _children(node)
        if any(map(_is_part, children)) and any(parts_named(text) for child in children for text in _strings(child)):
            found.append(getattr(node, "lineno", 0))
    return found


def test_no_other_module_keeps_a_table_of_part_words() -> None:
    """Only the vocabulary pairs parts with the headings or keywords that name them."""
    elsewhere = {
        str(path.relative_to(PACKAGE)): keyword_tables(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != VOCABULARY
    }
    assert {} == {path: lines for path, lines in elsewhere.items() if lines}


def test_the_scan_finds_the_tables_it_replaced() -> None:
    """The scan recognises a keyword table, a heading table and a part typed with its heading (it can fail)."""
    source = (
        '_KEYWORDS = ((Part.FEES, ("收费", "减免")),)\n'
        '_NAMES = {Part.OVERVIEW: "总体情况"}\n'
        '_PARTS = ((Part.COMPLAINTS, re.compile(r"举报|投诉")),)\n'
        '_part(Part.PROBLEMS, "存在的主要问题及改进情况")\n'
        '("表二", Part.PROACTIVE)\n'
    )
    assert [1, 2, 3, 4] == sorted(keyword_tables(source))


def test_templates_and_tables_take_their_headings_from_the_vocabulary() -> None:
    """The blank report's chapters and the official tables' titles are the vocabulary's headings."""
    blank = new_report(edition="2021", agency="某局", year=2024)
    assert list(NATIONAL_HEADINGS) == [(s.part, s.heading) for s in blank.sections]
    assert "四、政府信息公开行政复议、行政诉讼情况" == national_title(Part.REVIEWS_LITIGATION)
    assert model.PRE_2019_HEADINGS is templates.PRE_2019_HEADINGS


# ---- the disagreements, decided ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("政府信息处理费收取情况", Part.FEES),
        ("整改落实情况", Part.PROBLEMS),
        ("工作中的困难", Part.PROBLEMS),
        ("存在的困难和问题", Part.PROBLEMS),
        ("因政府信息公开申请行政复议、提起行政诉讼的情况", Part.REVIEWS_LITIGATION),
        ("收到的处理政府信息公开申请情况", Part.APPLICATIONS),
    ],
)
def test_reader_and_checks_agree_on_a_chapter(heading: str, part: Part) -> None:
    """A chapter heading the reader and the checks once decided differently gives one part to both."""
    section = read_text(f"{TITLE}\n一、{heading}\n正文。").report.sections[0]
    assert (part, True) == (section.part, part in parts_named(heading))


def test_the_2008_reviews_item_does_not_stand_for_the_applications_part() -> None:
    """``因政府信息公开申请行政复议……`` is about reviews: a report without an applications chapter is told so."""
    blank = new_report(edition="pre-2019", agency="某县人民政府", year=2012)
    without = attrs.evolve(blank, sections=tuple(s for s in blank.sections if s.part is not Part.APPLICATIONS))
    missing = [f.message for f in check(without).findings if f.rule == "part.missing"]
    assert "缺少2008年《条例》第三十二条要求的“依申请公开政府信息和不予公开政府信息的情况”部分" in missing


def test_required_parts_and_their_names_per_edition() -> None:
    """2019/2021: the format's six parts by their headings; before 2019: the six items of the 2008 regulation."""
    assert [part for part, _ in NATIONAL_HEADINGS] == list(required_parts(Edition.E2019))
    assert "政府信息公开的收费及减免情况" == part_name(Part.FEES, Edition.PRE_2019)
    assert ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况") == (
        part_name(Part.PROBLEMS, Edition.E2021),
        part_name(Part.PROBLEMS, Edition.PRE_2019),
    )


# ---- announced parts -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (  # corpus html/2024-pingtan-zonghe-shiyanqu.html, txt/2025-pingtan-zonghe-shiyanqu.txt
            "本报告共分6个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据统计期限为……",
            (
                *("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"),
                *("政府信息公开行政复议和行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"),
            ),
        ),
        (  # corpus 2018-xiamen-huli-qu.txt
            "报告由概述、主动公开政府信息的情况、政府信息依申请公开办理情况、因政府信息公开申请行政复议及提起行政诉讼的情况、"
            "政府信息公开工作存在的主要问题及改进措施、需要说明的事项与附表共六个部分组成。",
            (
                *("概述", "主动公开政府信息的情况", "政府信息依申请公开办理情况"),
                "因政府信息公开申请行政复议及提起行政诉讼的情况",
                *("政府信息公开工作存在的主要问题及改进措施", "需要说明的事项与附表"),
            ),
        ),
        ("本报告由概述、主动公开情况、依申请公开情况等三个部分组成。", ("概述", "主动公开情况", "依申请公开情况")),
        ("全年主动公开信息包括机构职能类、规划计划类。", ()),
    ],
)
def test_announced_parts_of_real_openings(text: str, items: tuple[str, ...]) -> None:
    """``共分N个部分：``, ``由……共N个部分组成`` and ``包括`` lists; a list not about the report is no announcement."""
    assert items == announced_parts(text)


def test_reader_reports_the_parts_the_checks_compare() -> None:
    """The reader's diagnostic lists the same items the check compares with the chapters."""
    text = "全文包括概述,主动公开政府信息的情况,政府信息公开的人员、收费及减免情况。"
    result = read_text(f"{TITLE}\n{text}\n一、概述\n正文。")
    assert any(
        "引言 announces 3 parts: 概述；主动公开政府信息的情况；政府信息公开的人员、收费及减免情况" == d.message
        for d in result.diagnostics
    )


# ---- metadata labels -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("term", METADATA_TERMS, ids=lambda t: t.label)
def test_the_reader_reads_every_label_and_alias(term: model.MetadataTerm) -> None:
    """Each label and alias of a metadata field is read into that field (or kept as an extra under its label)."""
    for label in term.labels:
        (field,) = parse_metadata_line(f"{label}：有效" if term.attribute == "validity" else f"{label}：2018-01-30")
        builder = MetadataBuilder()
        builder.add(field)
        publication = builder.publication()
        if term.attribute is None:
            assert ((label, "2018-01-30"),) == publication.extra
        else:
            assert getattr(publication, term.attribute) is not None
            assert () == publication.extra


def test_renderer_labels_are_the_vocabulary_labels_and_read_back() -> None:
    """Text rendered with the typed fields' labels (METADATA_LABELS) reads back into the same typed fields."""
    publication = Publication(
        index_number="000014349/2018-00222",
        document_number="城街〔2018〕4号",
        written_on=datetime.date(2018, 1, 30),
        source="三元区城关街道",
    )
    blank = attrs.evolve(new_report(edition="2021", agency="某局", year=2017), publication=publication)
    assert publication == read_text(render_text(blank)).report.publication


# ---- display width and metadata labels, written once ----------------------------------------------------------------


def _modules_using(predicate: Callable[[ast.AST], bool]) -> list[str]:
    return sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if any(predicate(node) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
    )


def test_display_width_is_measured_in_one_place() -> None:
    """Only zh measures the width of East Asian characters; renderers and the reader call zh.display_width."""
    assert ["zh/_width.py"] == _modules_using(lambda n: isinstance(n, ast.Attribute) and n.attr == "east_asian_width")
    assert (2, 6, 3) == (zh.display_width("表"), zh.display_width("（一）"), zh.display_width("a表"))


def test_metadata_labels_are_typed_in_one_place() -> None:
    """Only the vocabulary keeps a table of metadata labels: no other module spells three of them."""
    labels = {label for term in METADATA_TERMS for label in term.labels}

    def spelled(path: Path) -> set[str]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in labels}

    tables = [str(path.relative_to(PACKAGE)) for path in sorted(PACKAGE.rglob("*.py")) if len(spelled(path)) >= 3]
    assert ["model/_vocabulary.py"] == tables
