"""Rules on the report as a whole: deadlines, the signature date, the parts announced and present, the fee account.

Parts are recognised by the :class:`~govdisclose.model.Part` a section carries and by the parts its heading names
(:func:`govdisclose.model.parts_named`, the reader's own decision), so reports read from text without part tags are
checked as well; the parts an 引言 announces are read by :func:`govdisclose.model.announced_parts`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..model import (
    AgencyLevel,
    AgencyRole,
    ApplicationsTable2021,
    Block,
    Edition,
    EnumeratedPoints,
    NumberedItems,
    Paragraph,
    Part,
    Section,
    Statistic,
    StatisticsTable,
    Table,
    added_parts,
    announced_count,
    announced_parts,
    part_name,
    parts_named,
    plain_text,
    required_parts,
)
from ..zh import format_date
from ._catalog import Rule
from ._context import CheckContext, shared
from ._findings import Finding, Operand, Severity
from ._numbers import figure_interval
from ._paths import join_path

__all__ = ["RULES"]

# ---- publication deadline and signature date ------------------------------------------------------------------------

_REVISED_REGULATION_FIRST_YEAR = 2019
"""Reports on 2019 and later years fall due after the revised regulation took effect (2019-05-15)."""


def _deadline(report_year: int, role: AgencyRole | None) -> tuple[datetime.date, str]:
    """The last publication day and the reason, in Chinese."""
    year = report_year + 1
    if report_year < _REVISED_REGULATION_FIRST_YEAR:
        return datetime.date(year, 3, 31), "2008年《条例》第三十一条：各级行政机关3月31日前"
    if role is AgencyRole.DEPARTMENT:
        return datetime.date(year, 1, 31), "《条例》第四十九条：县级以上人民政府部门1月31日前"
    if role is AgencyRole.GOVERNMENT:
        return datetime.date(year, 3, 31), "《条例》第四十九条：人民政府3月31日前"
    return datetime.date(year, 3, 31), "《条例》第四十九条；机关类型不明，按较晚的人民政府期限3月31日计"


def _publication_deadline(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    publication = report.publication
    if publication.published_on is not None:
        date, field, what = publication.published_on, "published_on", "发布日期"
    elif publication.written_on is not None:
        date, field, what = publication.written_on, "written_on", "成文日期"
    else:
        return
    role = report.agency.role
    if role is None and report.agency.level is AgencyLevel.STATE_COUNCIL_DEPARTMENT:
        role = AgencyRole.DEPARTMENT
    deadline, why = _deadline(report.year, role)
    custom = ctx.param("department" if role is AgencyRole.DEPARTMENT else "government")  # a profile's deadline
    if isinstance(custom, str) and report.year >= _REVISED_REGULATION_FIRST_YEAR:
        month, day = (int(part) for part in custom.split("-"))
        name = ctx.profile.name if ctx.profile is not None else ""
        deadline, why = datetime.date(report.year + 1, month, day), f"检查口径“{name}”：{month}月{day}日前"
    if date <= deadline:
        return
    late = (date - deadline).days
    path = join_path("$", "publication", field)
    yield ctx.finding(
        f"{what}{format_date(date)}晚于公布期限{format_date(deadline)}（{why}），逾期{late}天",
        paths=(path,),
        operands=(Operand(path=path, text=date.isoformat(), value=date, label=what),),
        expected=deadline,
        actual=date,
        difference=Decimal(late),
    )


def _signature_date(ctx: CheckContext) -> Iterator[Finding]:
    signature = ctx.report.signature
    if signature is None or signature.date is None:
        return
    end = datetime.date(ctx.report.year, 12, 31)
    if signature.date >= end:
        return
    path = "$.signature.date"
    early = (end - signature.date).days
    yield ctx.finding(
        f"落款日期{format_date(signature.date)}早于报告年度结束（{format_date(end)}），年度报告不能在年度结束前成文",
        paths=(path,),
        operands=(Operand(path=path, text=signature.date.isoformat(), value=signature.date, label="落款日期"),),
        expected=end,
        actual=signature.date,
        difference=Decimal(-early),
    )


# ---- parts by keyword -----------------------------------------------------------------------------------------------


def _section_parts(section: Section) -> frozenset[Part]:
    named = parts_named(section.heading)
    return named | {section.part} if section.part is not None else named


def _build_sections_with_parts(ctx: CheckContext) -> tuple[tuple[str, int, Section, frozenset[Part]], ...]:
    return tuple((path, depth, section, _section_parts(section)) for path, depth, section in ctx.sections())


def _sections_with_parts(ctx: CheckContext) -> tuple[tuple[str, int, Section, frozenset[Part]], ...]:
    """``(path, depth, section, parts)`` of every section, depth first, with the parts it stands for.

    Worked out once per check: the rules on parts ask about every section.
    """
    return shared(ctx, _build_sections_with_parts)


def _bigrams(text: str) -> set[str]:
    cleaned = re.sub(r"[\s，、。；：:;,.（）()“”\"政府信息公开工作的情况]", "", text)
    return {cleaned[i : i + 2] for i in range(len(cleaned) - 1)}


def _similar(a: str, b: str) -> bool:
    """Whether two headings share most of their character pairs.

    Punctuation and the characters of the words every heading has (政府信息公开工作的情况) are left out first.
    """
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return False
    return 2 * len(x & y) / (len(x) + len(y)) >= 0.5


# ---- the parts announced in the 引言 --------------------------------------------------------------------------------


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, EnumeratedPoints):
        return block.text
    if isinstance(block, NumberedItems):
        return "".join(plain_text(item) for item in block.items)
    if isinstance(block, Statistic):
        return plain_text(block.lead) + block.subject + "".join(part.label for part in block.parts)
    if isinstance(block, Table):
        return "".join(cell.text for row in block.rows for cell in row)
    if isinstance(block, StatisticsTable):
        return (block.caption or "") + "".join(row.label for row in block.rows)
    return ""


def _announced_parts(ctx: CheckContext) -> Iterator[Finding]:
    introduction = ctx.report.introduction
    if introduction is None:
        return
    found = None
    for index, block in enumerate(introduction.blocks):
        items = announced_parts(_block_text(block))
        if items:
            found = join_path("$", "introduction", "blocks", index), items
            break
    if found is None:
        return
    path, items = found
    sections = _sections_with_parts(ctx)
    present: set[Part] = set()
    for _, _, _, parts in sections:
        present |= parts
    headings = [section.heading for _, _, section, _ in sections]
    announced: set[Part] = set()
    for item in items:
        named = parts_named(item)
        announced |= named
        missing = named - present
        if named and not missing:
            continue
        if any(_similar(item, heading) for heading in headings):
            continue
        if named:
            detail = "、".join(part_name(part, ctx.report.edition) for part in sorted(missing, key=_part_order))
            message = f"引言列出“{item}”，正文没有相应部分（{detail}）"
        else:
            message = f"引言列出“{item}”，正文找不到相应部分"
        yield ctx.finding(message, paths=(path,))
    for section_path, depth, section, parts in sections:
        if depth != 1:
            continue
        if parts & announced or any(_similar(item, section.heading) for item in items):
            continue
        yield ctx.finding(f"正文“{section.heading}”部分未在引言列出的内容中", paths=(section_path, path))


def _announced_count(ctx: CheckContext) -> Iterator[Finding]:
    introduction = ctx.report.introduction
    if introduction is None:
        return
    for index, block in enumerate(introduction.blocks):
        text = _block_text(block)
        count = announced_count(text)
        if count is None:
            continue
        path = join_path("$", "introduction", "blocks", index)
        items = announced_parts(text)
        if items and len(items) != count:
            listed = "；".join(items)
            yield ctx.finding(
                f"引言称报告共{count}个部分，但列出{len(items)}项（{listed}）",
                paths=(path,),
                expected=Decimal(count),
                actual=Decimal(len(items)),
                difference=Decimal(len(items) - count),
            )
        chapters = [section_path for section_path, depth, _ in ctx.sections() if depth == 1]
        unread = ctx.coverage is not None and any(ctx.not_read(part) for part in required_parts(ctx.report.edition))
        if len(chapters) != count and not unread:
            yield ctx.finding(
                f"引言称报告共{count}个部分，正文有{len(chapters)}个部分",
                paths=(path, "$.sections"),
                expected=Decimal(count),
                actual=Decimal(len(chapters)),
                difference=Decimal(len(chapters) - count),
                severity=Severity.INFO,  # a chapter or attached table the reader did not read would also do this
            )
        return


def _part_order(part: Part) -> int:
    return list(Part).index(part)


# ---- mandatory parts ------------------------------------------------------------------------------------------------

_BASIS = {
    Edition.E2021: "2021年版统一格式",
    Edition.E2019: "2019年版统一格式",
    Edition.PRE_2019: "2008年《条例》第三十二条",
}


_HOLDS_TEXT = re.compile(r"[，,。；;]")
_DIGIT = re.compile(r"\d")


def _has_content(section: Section) -> bool:
    if _HOLDS_TEXT.search(section.heading.rstrip("。")) or (
        section.heading.endswith("。") and _DIGIT.search(section.heading)
    ):
        return True  # the heading holds a sentence: the body was printed (or read) on the heading's line
    if any(
        _block_text(block).strip() or not isinstance(block, (Paragraph, EnumeratedPoints)) for block in section.blocks
    ):
        return True
    return any(_has_content(child) for child in section.subsections)


_GENERIC_PROACTIVE = re.compile(r"(政府)?信息公开(工作)?(的)?情况")
"""A pre-2019 chapter headed only ``政府信息公开情况`` (邹城市唐村镇2010: ``通过门户网站公开各类信息46条``) reports what
was published: the 主动公开 item of the 2008 regulation, when no other chapter is."""


def _holders(
    ctx: CheckContext, part: Part, sections: tuple[tuple[str, int, Section, frozenset[Part]], ...]
) -> list[tuple[str, Section]]:
    holders = [(path, section) for path, _, section, parts in sections if part in parts]
    if not holders and part is Part.PROACTIVE and ctx.report.edition is Edition.PRE_2019:
        holders = [
            (path, section)
            for path, depth, section, parts in sections
            if depth == 1 and not parts and _GENERIC_PROACTIVE.fullmatch(section.heading.rstrip("。"))
        ]
    return holders


_CONTENT_PARTS = (Part.FEES, Part.REVIEWS_LITIGATION)
"""Items of the 2008 regulation that are figures a report may give outside a chapter of their own: in another chapter's
sentence on disclosure (平潭县2011: ``未收到有关政府信息公开行政复议申请`` under 依申请公开), or in the statistics
table (行政复议数). A sentence names them by the vocabulary's words (:func:`~govdisclose.model.parts_named`); it must be
on 信息公开 or 申请 and state a figure or a "none"."""
_NOT_DISCLOSURE_FEES = re.compile(r"行政事业性收费|减免税")
"""Words that name fees or reductions other than those of disclosure (``行政事业性收费信息3条``, ``减免税共计91件``)."""
_ON_DISCLOSURE = re.compile(r"信息公开|依申请|申请")
_STATED = re.compile(r"无|没有|未|\d+(\.\d+)?\s*(件|起|宗|次|元|万元)")
"""A sentence that states the fact: a figure or a "none" (``未收到……行政复议申请``), not a note that the figures
are counted since 2008 (三元区城关街道2017)."""
_SENTENCES = re.compile(r"[^。；;！？!?]+")


def _reported_elsewhere(ctx: CheckContext, part: Part) -> str | None:
    """The path of the first block of a chapter that reports *part* in a pre-2019 report without its chapter."""
    if ctx.report.edition is not Edition.PRE_2019 or part not in _CONTENT_PARTS:
        return None
    for site in ctx.blocks():
        if site.section is None:
            continue
        if isinstance(site.block, StatisticsTable):
            if any(part in parts_named(_NOT_DISCLOSURE_FEES.sub("", row.label)) for row in site.block.rows):
                return site.path
            continue
        for sentence in _SENTENCES.findall(_NOT_DISCLOSURE_FEES.sub("", _block_text(site.block))):
            if part in parts_named(sentence) and _ON_DISCLOSURE.search(sentence) and _STATED.search(sentence):
                return site.path
    return None


def _part_missing(ctx: CheckContext) -> Iterator[Finding]:
    edition = ctx.report.edition
    sections = _sections_with_parts(ctx)
    for part in required_parts(edition):
        holders = _holders(ctx, part, sections)
        name = part_name(part, edition)
        if not holders:
            reason = ctx.not_read(part)
            if reason is not None:  # absent from what was read is not missing from the report
                yield ctx.not_assessed(f"“{name}”部分未读取（{reason}），未核对是否缺少", paths=("$.sections",))
                continue
            told = _reported_elsewhere(ctx, part)
            if told is not None:  # 2008: the regulation asks for the content, not for a chapter of its own
                yield ctx.finding(
                    f"没有单独的“{name}”部分，相关情况在其他部分中报告",
                    paths=(told, "$.sections"),
                    severity=Severity.INFO,
                )
                continue
            if part is Part.OTHER and edition is Edition.PRE_2019:
                # 第三十二条（六） asks for other matters only when there are some; reports without any leave it out
                yield ctx.finding(
                    f"没有“{name}”部分（{_BASIS[edition]}第六项；没有其他事项时常不列此部分）",
                    paths=("$.sections",),
                    severity=Severity.INFO,
                )
                continue
            yield ctx.finding(f"缺少{_BASIS[edition]}要求的“{name}”部分", paths=("$.sections",))
        elif not any(_has_content(section) for _, section in holders):
            path, section = holders[0]
            yield ctx.finding(f"“{section.heading}”部分没有内容（{_BASIS[edition]}要求报告{name}）", paths=(path,))
    chosen = ctx.profile.parts if ctx.profile is not None else None  # None: the default host's
    for added in added_parts(edition, ctx.report.agency, parts=chosen):  # the parts plugins add, where they bind
        holders = [(path, section) for path, _, section, _ in sections if added.stands_for(section)]
        if not holders:
            yield ctx.finding(f"缺少{added.basis}要求的“{added.heading}”部分", paths=("$.sections",))
        elif not any(_has_content(section) for _, section in holders):
            path, section = holders[0]
            yield ctx.finding(f"“{section.heading}”部分没有内容（{added.basis}要求报告{added.heading}）", paths=(path,))


# ---- fees in the 2021 edition ---------------------------------------------------------------------------------------

_FEE_ACCOUNT = ("信息处理费", "处理费")


def _section_text(section: Section) -> Iterable[str]:
    yield section.heading
    for block in section.blocks:
        yield _block_text(block)
    for child in section.subsections:
        yield from _section_text(child)


def _fees_unreported(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.report.edition is not Edition.E2021:
        return
    charged: list[Operand] = []
    for site in ctx.blocks(ApplicationsTable2021):
        table = site.block
        assert isinstance(table, ApplicationsTable2021)
        index = next((i for i, row in enumerate(table.rows) if row.id == "result.other.no-fee"), None)
        if index is None:
            continue
        row = table.rows[index]
        columns = table.DEFINITION.row("result.other.no-fee").columns
        for position, figure in enumerate(row.values):
            low = figure_interval(figure).lo
            if low is not None and low > 0:
                charged.append(
                    Operand(
                        path=join_path(site.path, "rows", index, "values", position),
                        text=figure.text,
                        value=figure.value,
                        label=f"（六）其他处理2./{columns[position].label}",
                    )
                )
        break
    if not charged:
        return
    other = next(((path, s) for path, _, s in ctx.sections() if s.part is Part.OTHER), None)
    if other is not None and any(word in text for text in _section_text(other[1]) for word in _FEE_ACCOUNT):
        return
    shown = charged[-1]  # the 总计 column when it is positive, else the last applicant column that is
    where = "，且没有“其他需要报告的事项”部分" if other is None else "，但“其他需要报告的事项”中没有信息处理费情况"
    yield ctx.finding(
        f"表三“（六）其他处理2.”（逾期未缴纳信息处理费）为{shown.text}件{where}",
        paths=(*(operand.path for operand in charged), *((other[0],) if other is not None else ())),
        operands=tuple(charged),
    )


# ---- 考核、评议、追究 in a government's report ----------------------------------------------------------------------

_ASSESSMENT = (("工作考核", ("考核",)), ("社会评议", ("评议",)), ("责任追究", ("追究", "问责")))
"""What 《条例》第五十条第四项 asks of a government's report, and the words that show each is reported."""


def _government_assessment(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    if report.edition is Edition.PRE_2019 or report.agency.role is not AgencyRole.GOVERNMENT:
        return
    texts = [_block_text(block) for block in (report.introduction.blocks if report.introduction else ())]
    texts.extend(text for section in report.sections for text in _section_text(section))
    whole = "".join(texts)
    missing = [name for name, words in _ASSESSMENT if not any(word in whole for word in words)]
    if not missing:
        return
    overview = next((path for path, depth, s in ctx.sections() if depth == 1 and s.part is Part.OVERVIEW), None)
    yield ctx.finding(
        "各级人民政府的年度报告应当包括工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项），"
        f"报告中未见{'、'.join(missing)}结果",
        paths=(overview or "$.sections",),
    )


RULES = (
    Rule(
        id="publication.deadline",
        title="公布期限",
        description=(
            "The publication date (发布日期, else 成文日期) is after the deadline of the year following the report "
            "year: 1月31日 for departments and 3月31日 for governments (revised regulation, reports of 2019 on); "
            "3月31日 for all before. When the organ's role is unknown the later deadline is used, and the message "
            "says so. Parameters: department and government (MM-DD), a profile's own deadlines."
        ),
        severity="warning",
        scope="report metadata",
        check=_publication_deadline,
    ),
    Rule(
        id="signature.date",
        title="落款日期",
        description="The signature is dated before the last day of the report year (31 December).",
        severity="error",
        scope="report signature",
        check=_signature_date,
    ),
    Rule(
        id="intro.announced-parts",
        title="引言所列内容与正文",
        description=(
            "The parts the 引言 announces ('主要内容包括：……' / '全文包括……六部分内容') against the chapters "
            "present, matched by part and heading keywords: an announced part without a chapter, and a chapter "
            "the 引言 does not announce."
        ),
        severity="info",
        scope="引言 and chapters",
        check=_announced_parts,
    ),
    Rule(
        id="intro.announced-count",
        title="引言所称部分数",
        description=(
            "The number of parts the 引言 announces ('共六个部分', '分为6个部分', '从……等六个方面') against the "
            "items it lists (a warning) and against the chapters (an info: a chapter not read would also do it)."
        ),
        severity="warning",
        scope="引言 and chapters",
        check=_announced_count,
    ),
    Rule(
        id="part.missing",
        title="缺少必备部分",
        description=(
            "A mandatory part is missing or empty: the six parts of the 2019 and 2021 editions; before 2019 the "
            "six items of the 2008 regulation's article 32 (主动公开, 依申请公开, 收费及减免, 复议诉讼, 问题及改进, "
            "其他); and the parts plugins add (PartDef) where they apply."
        ),
        severity="warning",
        scope="report",
        check=_part_missing,
    ),
    Rule(
        id="fees.unreported",
        title="信息处理费未报告",
        description=(
            "2021 edition: table 三 row （六）2 (applications dropped because the applicant did not pay the "
            "information processing fee) is above 0, so fee notices were sent, but 六、其他需要报告的事项 gives no "
            "信息处理费 account."
        ),
        severity="warning",
        scope="table 三 and part 六",
        check=_fees_unreported,
    ),
    Rule(
        id="government.assessment",
        title="考核评议追究结果",
        description=(
            "2019 and 2021 editions, a people's government's report (agency role government): 《条例》第五十条第四项 "
            "asks for the results of 工作考核、社会评议和责任追究; the report's text mentions none of the words for "
            "one of them (考核; 评议; 追究 or 问责). Departments are not asked; an unknown role is not checked."
        ),
        severity="warning",
        scope="report",
        check=_government_assessment,
    ),
)
"""The report-level rules, in catalog order."""
