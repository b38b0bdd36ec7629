"""Last year's report: whether it is the organ's report of the year before, and the text copied from it.

:func:`reused_text` splits the running text of both years into sentences (at ``。！？；``), leaves out boilerplate — the
sentences every report has in nearly the same words (the regulation it is written under, the statistics period, where
the electronic version is, whom to ask) and sentences too short to say anything of their own — and finds this year's
sentences that are in last year's report. A sentence that differs only in its years (``2022年`` for ``2021年``) is the
same sentence: a year updated is not a sentence rewritten. The share is in characters of this year's sentences.

It is the one text-reuse measure of the package: ``copied.text`` reports it against a threshold, and
:func:`govdisclose.data.compare` can give it beside the figures.

>>> from govdisclose.model import Agency, Edition, Paragraph, Report, Section
>>> def report(year, *texts):
...     return Report(edition=Edition.E2021, year=year, agency=Agency(name="某局"), sections=(
...         Section(heading="总体情况", blocks=tuple(Paragraph(content=(t,)) for t in texts)),))
>>> last = report(2021, "2021年，我局认真贯彻落实政务公开工作要求。全年主动公开政府信息120条，较上年有所增加。")
>>> this = report(2022, "2022年，我局认真贯彻落实政务公开工作要求。全年主动公开政府信息135条，公开质量稳步提升。")
>>> reuse = reused_text(last, this)
>>> [m.text for m in reuse.matches], reuse.share == Decimal(22) / Decimal(22 + 23)  # 22 of 45 characters
(['2022年，我局认真贯彻落实政务公开工作要求'], True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from ..model import (
    EnumeratedPoints,
    NumberedItems,
    Paragraph,
    Report,
    Statistic,
    agency_identity,
    iter_blocks,
    plain_text,
    same_agency,
)
from ._catalog import Rule
from ._context import CheckContext
from ._findings import Finding, Operand
from ._prose import runs
from ._rules_tables import _OFFICIAL, _table_name, _tables

__all__ = ["BOILERPLATE", "MIN_SENTENCE", "RULES", "ReusedSentence", "TextReuse", "reused_text", "sentences"]

MIN_SENTENCE = 12
"""Sentences shorter than this many characters (``无。``, ``具体如下：``) are not counted, in either year."""

BOILERPLATE = re.compile(
    r"政府信息公开条例|统计期限|统计时限|统计时间|电子版|下载|如对本?(年度)?报告|联系电话|联系方式|通讯地址|邮政编码"
    r"|本报告(包括|由|共分|分为|全文)|全文包括|所列数据"
)
"""Words of the sentences every report has in nearly the same words: the regulation and format it is written under, the
statistics period, where its electronic version is and whom to ask. Such a sentence is not a sign of copying."""

_STOPS = re.compile(r"[。！？!?；;]")
_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")
_TEXT_BLOCKS = (Paragraph, EnumeratedPoints, NumberedItems, Statistic)


@attrs.frozen(kw_only=True)
class ReusedSentence:
    """A sentence of this year's report that is in last year's.

    Attributes:
        path: Where it is in this year's report (the run of text that holds it).
        previous_path: Where it is in last year's report.
        text: The sentence as this year's report prints it.
    """

    path: str
    previous_path: str
    text: str


@attrs.frozen(kw_only=True)
class TextReuse:
    """How much of this year's running text is last year's.

    Attributes:
        matches: This year's sentences found in last year's report, in reading order.
        sentences: How many sentences of this year's text were compared (boilerplate and short ones left out).
        characters: Their characters.
        reused_characters: The characters of the sentences found in last year's report.
    """

    matches: tuple[ReusedSentence, ...]
    sentences: int
    characters: int
    reused_characters: int

    @property
    def share(self) -> Decimal | None:
        """The share of this year's compared text (in characters) found in last year's, ``None`` without text."""
        return Decimal(self.reused_characters) / Decimal(self.characters) if self.characters else None


def sentences(report: Report) -> Iterator[tuple[str, str]]:
    """``(path, sentence)`` of the running text of *report*, without boilerplate, short sentences and spaces."""
    for site in iter_blocks(report):
        if not isinstance(site.block, _TEXT_BLOCKS):
            continue
        for path, content in runs(site.path, site.block):
            for sentence in _STOPS.split(_SPACE.sub("", plain_text(content))):
                if len(sentence) >= MIN_SENTENCE and not BOILERPLATE.search(sentence):
                    yield path, sentence


def _key(sentence: str) -> str:
    return _YEAR.sub("Y", sentence)


def reused_text(last: Report, this: Report) -> TextReuse:
    """This year's sentences that are in last year's report (years aside), and their share of this year's text."""
    before: dict[str, str] = {}
    for path, sentence in sentences(last):
        before.setdefault(_key(sentence), path)
    matches = []
    count = characters = reused = 0
    for path, sentence in sentences(this):
        count += 1
        characters += len(sentence)
        previous = before.get(_key(sentence))
        if previous is not None:
            reused += len(sentence)
            matches.append(ReusedSentence(path=path, previous_path=previous, text=sentence))
    return TextReuse(matches=tuple(matches), sentences=count, characters=characters, reused_characters=reused)


def _identity(ctx: CheckContext) -> Iterator[Finding]:
    previous, report = ctx.previous, ctx.report
    assert previous is not None  # the rule needs last year's report
    before, now = agency_identity(previous.agency), agency_identity(report.agency)
    if not same_agency(before, now):
        yield ctx.finding(
            f"上年报告的机构“{previous.agency.name}”与本年报告的机构“{report.agency.name}”不是同一机构"
            f"（机构键{before.key}与{now.key}不同）",
            paths=("$.agency.name",),
            operands=(
                Operand(path="$.agency.name", text=previous.agency.name, previous=True),
                Operand(path="$.agency.name", text=report.agency.name),
            ),
        )
    if previous.year != report.year - 1:
        yield ctx.finding(
            f"上年报告为{previous.year}年度，本年报告为{report.year}年度，不是相邻年度；跨年度核对未进行",
            paths=("$.year",),
            operands=(
                Operand(path="$.year", text=str(previous.year), value=Decimal(previous.year), previous=True),
                Operand(path="$.year", text=str(report.year), value=Decimal(report.year)),
            ),
            expected=Decimal(report.year - 1),
            actual=Decimal(previous.year),
            difference=Decimal(previous.year - report.year + 1),
        )


def _copied_text(ctx: CheckContext) -> Iterator[Finding]:
    previous = ctx.previous
    assert previous is not None  # the rule needs last year's report
    reuse = reused_text(previous, ctx.report)
    threshold = ctx.param("threshold")
    assert isinstance(threshold, Decimal)
    if reuse.share is None or reuse.share * 100 < threshold:
        return
    percent = (reuse.share * 100).quantize(Decimal("0.1"))
    paths = tuple(dict.fromkeys(match.path for match in reuse.matches))
    yield ctx.finding(
        f"正文{reuse.sentences}句中有{len(reuse.matches)}句与{previous.year}年报告相同（年份除外），按字数占"
        f"{percent}%，达到{threshold}%的判断标准（套话、统计期限等固定表述不计）",
        paths=paths,
        operands=tuple(
            Operand(path=match.previous_path, text=match.text, previous=True) for match in reuse.matches[:20]
        ),
        expected=threshold,
        actual=percent,
        difference=percent - threshold,
    )


def _family(table: object) -> str:
    return _table_name(table)  # 表二, 表三, 表四: the layouts of 2019 and 2021 are the same table


def _copied_tables(ctx: CheckContext) -> Iterator[Finding]:
    previous = ctx.previous
    assert previous is not None  # the rule needs last year's report
    before = {_family(table.table): table for table in _tables(ctx, *_OFFICIAL, previous=True)}
    for table in _tables(ctx, *_OFFICIAL):
        name = _family(table.table)
        last = before.get(name)
        if last is None or type(last.table) is not type(table.table):
            continue
        cells = [(row.id, tuple(figure.text for figure in row.values)) for row in table.table.rows]
        if cells != [(row.id, tuple(figure.text for figure in row.values)) for row in last.table.rows]:
            continue
        filled = sum(1 for value in table.points.values() if value != 0)
        if not filled:
            continue  # nothing happened in either year (no 复议, no 诉讼): the same zeros are no copy
        yield ctx.finding(
            f"{name}与{previous.year}年报告的{name}完全相同（{sum(len(v) for _, v in cells)}个单元格，"
            f"其中{filled}个不为0），可能沿用了上年数据",
            paths=(table.path,),
            operands=(Operand(path=last.path, text=name, previous=True),),
        )


RULES = (
    Rule(
        id="previous.identity",
        title="上年报告的机构和年度",
        description=(
            "Last year's report given for the rules across years is of another organ (by the agency key of "
            "govdisclose.model.agency_identity: 中华人民共和国教育部 and 教育部 are one organ) or of another year. "
            "Of another year, the rules across years are skipped, and this rule says why."
        ),
        severity="warning",
        scope="across years, report",
        check=_identity,
        needs_previous=True,
    ),
    Rule(
        id="copied.text",
        title="正文沿用上年报告",
        description=(
            "The share of this year's running text (in characters of its sentences, boilerplate and sentences under "
            "12 characters left out, years aside) that is word for word in last year's report reaches the threshold "
            "(parameter threshold, percent, default 50)."
        ),
        severity="warning",
        scope="across years, running text",
        check=_copied_text,
        needs_previous=True,
    ),
    Rule(
        id="copied.tables",
        title="统计表沿用上年数据",
        description=(
            "An official table (二, 三 or 四) is cell for cell the one of last year's report, in the same layout, "
            "and has figures above 0 (the same zeros in a year without 复议 or 诉讼 are no copy)."
        ),
        severity="warning",
        scope="across years, tables 二、三、四",
        check=_copied_tables,
        needs_previous=True,
    ),
)
"""The rules on last year's report, in catalog order."""
