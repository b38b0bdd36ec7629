"""Rules on the 信息处理费 and on results counted as "other".

《政府信息公开信息处理费管理办法》(国办函〔2020〕109号) lets an organ charge a fee for applications beyond a set number
or volume; it sends a fee notice, and an applicant who does not pay within 20 working days is deemed to abandon the
application — the applications of table 三 row （六）2 of the 2021 format. So every such application had a notice:
the notices a report states are at least that row (plus the fees it says were paid), and what was collected is at most
what was notified.

Results counted as 其他 (table 三 （六）3.其他 of 2021, the single （六）其他处理 row of 2019, 表四's 其他结果) say
nothing by themselves; a report that has them and never says what they were leaves its reader guessing (an info).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from ..model import (
    Amount,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Count,
    ReviewsTable,
    StatisticsTable,
    plain_text,
)
from ._catalog import Rule
from ._context import CheckContext
from ._findings import Finding, Operand
from ._numbers import Interval, compare, describe, quantity_interval, total
from ._paths import join_path
from ._prose import Statement, runs
from ._rules_prose import prose_statements
from ._rules_tables import _Cell, _shown, _tables, _unique

__all__ = ["RULES"]

_NOTICE = re.compile(r"(收费|缴费)(通知|告知)")
_PAID = re.compile(r"(已|按时|按期|如期)?(缴纳|缴费|交费)")
_NOT_PAID = re.compile(r"未|逾期|不再|放弃")
_COLLECTED = re.compile(r"(实际收取|实收|已收取|收取|收缴)")
_COUNT_UNITS = ("件", "份", "次", "个", "人", "名", "人次", "笔")


def _fee_statements(ctx: CheckContext) -> list[Statement]:
    """The figures of sentences about the 信息处理费 (or a fee notice)."""
    return [
        statement
        for statement, _ in prose_statements(ctx)
        if "处理费" in statement.sentence or _NOTICE.search(statement.sentence) or "缴费" in statement.sentence
    ]


def _counts(statements: Sequence[Statement], words: re.Pattern[str], *, paid: bool = False) -> list[Statement]:
    found = []
    for statement in statements:
        quantity = statement.quantity
        if not isinstance(quantity, Count) or quantity.unit not in _COUNT_UNITS:
            continue
        clause = statement.before + statement.after
        if not words.search(clause):
            continue
        if paid and (_NOT_PAID.search(clause) or _NOTICE.search(clause)):
            continue
        found.append(statement)
    return found


def _stated(statement: Statement) -> Operand:
    quantity = statement.quantity
    value = quantity.value if isinstance(quantity, Amount) else Decimal(quantity.value)
    return Operand(path=statement.path, text=quantity.text, value=value, label=quantity.label)


def _dropped(ctx: CheckContext) -> _Cell | None:
    for grid in _tables(ctx, ApplicationsTable2021)[:1]:
        if grid.published("result.other.no-fee"):
            return grid.cell("result.other.no-fee", "total")
    return None


def _fee_notices(ctx: CheckContext) -> Iterator[Finding]:
    dropped = _dropped(ctx)
    if dropped is None:
        return
    statements = _fee_statements(ctx)
    notices = _counts(statements, _NOTICE)
    if not notices:
        return
    if not dropped.figure.is_number:
        yield ctx.not_assessed(
            f"表三“{dropped.label}”为{_shown(dropped.figure)}，收费通知件数无法核对",
            paths=(dropped.path, notices[0].path),
            reason="表三（六）2为空白或标记",
        )
        return
    paid = _counts(statements, _PAID, paid=True)
    least = total([dropped.interval, *(_interval(s) for s in paid[:1])])
    for notice in notices:
        gap = compare(_interval(notice), least)
        if gap is None or gap.difference >= 0:
            continue
        also = f"与已缴费的{paid[0].quantity.text}之和" if paid else ""
        yield ctx.finding(
            f"正文“{notice.clause}”，少于表三“（六）其他处理2.”（逾期未缴纳信息处理费、不再处理）的"
            f"{dropped.figure.text}件{also}（{describe(least, '件')}）：每件因未缴费不再处理的申请都应先有收费通知",
            paths=_unique([notice.path, dropped.path, *(s.path for s in paid[:1])]),
            operands=(_stated(notice), dropped.operand(), *(_stated(s) for s in paid[:1])),
            expected=gap.expected,
            actual=gap.actual,
            difference=gap.difference,
            expected_bound=gap.bound,
        )


def _interval(statement: Statement) -> Interval:
    quantity = statement.quantity
    assert isinstance(quantity, (Count, Amount))
    return quantity_interval(quantity)


def _amounts(statements: Sequence[Statement], words: re.Pattern[str]) -> list[Statement]:
    return [
        s
        for s in statements
        if isinstance(s.quantity, Amount) and words.search(s.before + s.after) and not _NOT_PAID.search(s.before)
    ]


def _fees_collected(ctx: CheckContext) -> Iterator[Finding]:
    statements = _fee_statements(ctx)
    notified_amounts = _amounts(statements, re.compile(r"通知|应收|应缴"))
    collected_amounts = [s for s in _amounts(statements, _COLLECTED) if s not in notified_amounts]
    pairs = [(collected_amounts[:1], notified_amounts[:1])]
    notices = _counts(statements, _NOTICE)
    paid = [s for s in _counts(statements, _PAID, paid=True) if s not in notices]
    pairs.append((paid[:1], notices[:1]))
    for collected, notified in pairs:
        if not collected or not notified:
            continue
        got, sent = collected[0], notified[0]
        gap = compare(_interval(got), Interval(None, _interval(sent).hi))
        if gap is None:
            continue
        yield ctx.finding(
            f"正文“{got.clause}”多于“{sent.clause}”：收取的信息处理费不能多于收费通知的",
            paths=(got.path, sent.path),
            operands=(_stated(got), _stated(sent)),
            expected=gap.expected,
            actual=gap.actual,
            difference=gap.difference,
            expected_bound=gap.bound,
        )
    for site in ctx.blocks(StatisticsTable):
        table = site.block
        assert isinstance(table, StatisticsTable)
        rows = [(i, row) for i, row in enumerate(table.rows) if row.values]
        sent_rows = [(i, r) for i, r in rows if _NOTICE.search(r.label) or ("通知" in r.label and "费" in r.label)]
        got_rows = [(i, r) for i, r in rows if re.search(r"实际收取|实收|已收取", r.label)]
        for (si, sent_row), (gi, got_row) in zip(sent_rows, got_rows, strict=False):
            if sent_row.unit != got_row.unit:
                continue
            for position, column in enumerate(table.columns):
                sent_cell = _Cell(
                    path=join_path(site.path, "rows", si, "values", position),
                    figure=sent_row.values[position],
                    label=f"{sent_row.label}/{column}",
                    kind="count",
                )
                got_cell = _Cell(
                    path=join_path(site.path, "rows", gi, "values", position),
                    figure=got_row.values[position],
                    label=f"{got_row.label}/{column}",
                    kind="count",
                )
                if not (sent_cell.figure.is_number and got_cell.figure.is_number):
                    continue
                gap = compare(got_cell.interval, Interval(None, sent_cell.interval.hi))
                if gap is None:
                    continue
                yield ctx.finding(
                    f"统计表“{got_cell.label}”为{got_cell.figure.text}，多于“{sent_cell.label}”{sent_cell.figure.text}",
                    paths=(got_cell.path, sent_cell.path),
                    operands=(got_cell.operand(), sent_cell.operand()),
                    expected=gap.expected,
                    actual=gap.actual,
                    difference=gap.difference,
                )


# ---- results counted as "other" -----------------------------------------------------------------------------------

_OTHER_NAMED = re.compile(r"其他(处理|结果|情形|情况)")
_EXPLAINED = re.compile(r"撤回|撤诉|撤销申请|驳回|终止|不予受理|和解|调解|主要是|主要为|包括|系|是指|原因|因为|属于")
_OTHER_CELLS = (
    (ApplicationsTable2021, "result.other.other", "total", "表三“（六）其他处理3.其他”"),
    (ApplicationsTable2019, "result.other", "total", "表三“（六）其他处理”"),
    (ReviewsTable, "cases", "review.other", "表四行政复议“其他结果”"),
    (ReviewsTable, "cases", "litigation.direct.other", "表四未经复议直接起诉“其他结果”"),
    (ReviewsTable, "cases", "litigation.after-review.other", "表四复议后起诉“其他结果”"),
)


def _explained_in_text(ctx: CheckContext) -> bool:
    sentences = {statement.sentence for statement, _ in prose_statements(ctx)}
    for site in ctx.blocks():
        for _, content in runs(site.path, site.block):
            sentences.update(re.split(r"[。；;]", plain_text(content)))
    return any(_OTHER_NAMED.search(s) and _EXPLAINED.search(s) for s in sentences)


def _other_explained(ctx: CheckContext) -> Iterator[Finding]:
    above: list[tuple[str, _Cell]] = []
    for cls, row, column, name in _OTHER_CELLS:
        for grid in _tables(ctx, cls)[:1]:
            if not grid.published(row):
                continue
            cell = grid.cell(row, column)
            low = cell.interval.lo
            if cell.figure.is_number and low is not None and low > 0:
                above.append((name, cell))
    if not above or _explained_in_text(ctx):
        return
    named = "、".join(f"{name}{cell.figure.text}件" for name, cell in above)
    yield ctx.finding(
        f"{named}，正文未说明这些“其他”是什么情形（如申请人撤回申请、终止审理等）",
        paths=tuple(cell.path for _, cell in above),
        operands=tuple(cell.operand() for _, cell in above),
    )


RULES = (
    Rule(
        id="fees.notices",
        title="收费通知不少于逾期未缴费件数",
        description=(
            "2021 edition: every application of table 三 row （六）2 (dropped because the applicant did not pay the "
            "信息处理费 notified, 国办函〔2020〕109号) had a fee notice, so the fee notices the text states must be at "
            "least that row, plus the notices paid when the text gives them."
        ),
        severity="warning",
        scope="table 三 row （六）2 and the text on 信息处理费",
        check=_fee_notices,
    ),
    Rule(
        id="fees.collected",
        title="实收信息处理费不多于通知",
        description=(
            "The 信息处理费 collected cannot exceed what was notified: an amount collected against the amount "
            "notified, fees paid against notices sent, in the text or in a statistics table that has both rows."
        ),
        severity="warning",
        scope="text on 信息处理费, statistics tables",
        check=_fees_collected,
    ),
    Rule(
        id="other.explained",
        title="其他情形未说明",
        description=(
            "Table 三 （六）3.其他 (2021) or （六）其他处理 (2019), or a 其他结果 of table 四, is above 0 and no "
            "sentence of the text says what those were (a sentence naming 其他处理/其他结果/其他情形 with an "
            "explanation such as 撤回, 终止, 主要是, 包括)."
        ),
        severity="info",
        scope="tables 三 and 四, and the text",
        check=_other_explained,
    ),
)
"""The rules on fees and on "other" results, in catalog order."""
