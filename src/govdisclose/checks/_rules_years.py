"""Rules on years: the statistics period and the years a report names, and the year-to-year links of table 二.

A report is on one year, the statistics year (``Report.year``), not the year it was published. Its title, its
引言 (``现将2019年度政府信息公开工作年度报告公布如下``) and its statistics period (``统计期限自2019年1月1日起至
2019年12月31日止``) must name that year; a year left from last year's report is a common slip. Table 二 of the
2019 layout carries each item count from year to year (上一年项目数量, 本年增/减); the 2021 layout's 现行有效 cannot
be smaller than what was issued and not repealed this year.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from ..model import ProactiveTable2019, ProactiveTable2021, plain_text
from ._catalog import Rule
from ._context import CheckContext
from ._findings import Finding
from ._numbers import Interval, compare, describe, figure_text
from ._paths import join_path
from ._prose import runs
from ._rules_tables import _Blocked, _blocker, _not_assessable, _shown, _tables, _unique

__all__ = ["RULES", "statistics_period"]

_DATE = r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_PERIOD = re.compile(
    r"统计(?:期限|时限|时间|区间|期间|周期|范围)[^。；\d]{0,8}?"
    + _DATE
    + r"[^。；\d]{0,4}?(?:至|到|—|～|~|-)\s*"
    + _DATE
)
_REPORT_OF = re.compile(
    r"(?:现将|本报告为|这是)[^。；]{0,30}?(\d{4})\s*年度?[^。；]{0,20}?(?:政务公开|信息公开)[^。；]{0,10}?报告"
)
_TITLE_YEAR = re.compile(r"(\d{4})\s*年度?")


@attrs.frozen
class _Period:
    path: str
    text: str
    start: datetime.date
    end: datetime.date


def _date(year: str | None, month: str, day: str, default_year: int) -> datetime.date | None:
    try:
        return datetime.date(int(year) if year else default_year, int(month), int(day))
    except ValueError:
        return None


def _texts(ctx: CheckContext) -> Iterator[tuple[str, str]]:
    """``(path, text)`` of each run of the 引言."""
    report = ctx.report
    if report.introduction is None:
        return
    for index, block in enumerate(report.introduction.blocks):
        for base, content in runs(join_path("$", "introduction", "blocks", index), block):
            yield base, plain_text(content)


def statistics_period(ctx: CheckContext) -> _Period | None:
    """The statistics period the 引言 states, or ``None`` (a period with no year at its start is not read)."""
    for path, text in _texts(ctx):
        match = _PERIOD.search(text)
        if match is None or match.group(1) is None:
            continue
        start = _date(match.group(1), match.group(2), match.group(3), ctx.report.year)
        if start is None:
            continue
        end = _date(match.group(4), match.group(5), match.group(6), start.year)
        if end is not None:
            return _Period(path, match.group(0), start, end)
    return None


def _stale_year(ctx: CheckContext) -> Iterator[Finding]:
    year = ctx.report.year
    title = ctx.report.title
    if title is not None:
        match = _TITLE_YEAR.search(title)
        if match is not None and int(match.group(1)) != year:
            yield ctx.finding(
                f"标题“{title}”中的年份{match.group(1)}与报告年度{year}年不符", paths=("$.title",), actual=Decimal(year)
            )
    period = statistics_period(ctx)
    if period is not None and (period.start.year != year or period.end.year != year):
        yield ctx.finding(
            f"统计期限“{period.text}”不在报告年度{year}年内（报告年度是统计的年度，不是发布的年度）",
            paths=(period.path,),
        )
    for path, text in _texts(ctx):
        for match in _REPORT_OF.finditer(text):
            if int(match.group(1)) != year:
                yield ctx.finding(
                    f"引言“{match.group(0)}”中的年份{match.group(1)}与报告年度{year}年不符", paths=(path,)
                )


def _partial_period(ctx: CheckContext) -> Iterator[Finding]:
    period = statistics_period(ctx)
    if period is None or period.start.year != period.end.year or period.start.year != ctx.report.year:
        return
    if (period.start.month, period.start.day, period.end.month, period.end.day) != (1, 1, 12, 31):
        days = (period.end - period.start).days + 1
        yield ctx.finding(
            f"统计期限“{period.text}”不是整个年度（{days}天），各项数据只反映这一期间，与上年、下年比较时应注意",
            paths=(period.path,),
        )


# ---- table 二 across years (2019 layout) and within one year (2021 layout) ---------------------------------------

_CARRIED_ROWS = ("licensing", "other-services", "punishment", "coercion", "administrative-fees")


def _items_carried(ctx: CheckContext) -> Iterator[Finding]:
    current, previous = _tables(ctx, ProactiveTable2019), _tables(ctx, ProactiveTable2019, previous=True)
    if not current or not previous or ctx.previous is None:
        return
    this, last = current[0], previous[0]
    blocked: _Blocked = []
    for row_id in _CARRIED_ROWS:
        if not this.published(row_id) or not last.published(row_id):
            continue
        now = this.cell(row_id, "previous")
        before, change = last.cell(row_id, "previous"), last.cell(row_id, "change")
        reason = _blocker(ctx, now, (before, change), frozenset())
        if reason is None and not (before.figure.is_number and change.figure.is_number):
            blank = before if not before.figure.is_number else change
            reason = f"{ctx.previous.year}年报告“{blank.label}”为{_shown(blank.figure)}"
        if reason is not None:
            blocked.append((reason, (now,)))
            continue
        expected = before.interval + change.interval
        gap = compare(now.interval, expected)
        if gap is None:
            continue
        label = now.label.rsplit("/", 1)[0]
        yield ctx.finding(
            f"表二“{label}”：{ctx.previous.year}年报告上一年项目数量{figure_text(before.figure)}"
            f"加本年增/减{figure_text(change.figure)}为{describe(expected)}，本年“上一年项目数量”为"
            f"{figure_text(now.figure)}（{gap.words()}）",
            paths=(now.path,),
            operands=(now.operand(), before.operand(previous=True), change.operand(previous=True)),
            expected=gap.expected,
            actual=gap.actual,
            difference=gap.difference,
            expected_bound=gap.bound,
        )
    yield from _not_assessable(ctx, "表二", blocked)


def _in_force_bound(ctx: CheckContext) -> Iterator[Finding]:
    for grid in _tables(ctx, ProactiveTable2021):
        blocked: _Blocked = []
        for row_id in ("rules", "normative-documents"):
            if not grid.published(row_id):
                continue
            issued, repealed, now = (grid.cell(row_id, column) for column in ("issued", "repealed", "in-force"))
            reason = _blocker(ctx, now, (issued, repealed), frozenset())
            if reason is None and not (issued.figure.is_number and repealed.figure.is_number):
                reason = "本年制发或本年废止不是数字"
            if reason is not None:
                blocked.append((reason, (now,)))
                continue
            least = issued.interval - repealed.interval
            floor = Interval(least.lo, None)
            gap = compare(now.interval, floor)
            if gap is None:
                continue
            label = now.label.rsplit("/", 1)[0]
            yield ctx.finding(
                f"表二“{label}”：现行有效{figure_text(now.figure)}件少于本年制发{figure_text(issued.figure)}件"
                f"减本年废止{figure_text(repealed.figure)}件（{describe(least, '件')}）",
                paths=_unique((now.path, issued.path, repealed.path)),
                operands=(now.operand(), issued.operand(), repealed.operand()),
                expected=gap.expected,
                actual=gap.actual,
                difference=gap.difference,
                expected_bound=gap.bound,
            )
        yield from _not_assessable(ctx, "表二", blocked)


RULES = (
    Rule(
        id="year.stale",
        title="年份与报告年度不符",
        description=(
            "The title, the 引言's 'report on year N' sentence (现将N年度…报告) or the statistics period names a year "
            "other than the report year, the year the statistics are of (not the year of publication): a year left "
            "over from last year's report."
        ),
        severity="warning",
        scope="title, 引言 and statistics period",
        check=_stale_year,
    ),
    Rule(
        id="year.partial-period",
        title="统计期限不是整年",
        description=(
            "The statistics period the 引言 states lies within the report year but is not 1 January to 31 December "
            "(an organ set up or reformed during the year): its figures cover only that part of the year."
        ),
        severity="info",
        scope="statistics period",
        check=_partial_period,
    ),
    Rule(
        id="proactive.items-carried",
        title="上一年项目数量衔接",
        description=(
            "Across years, table 二 of the 2019 layout, rows 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, "
            "行政事业性收费: this year's 上一年项目数量 should be last year's 上一年项目数量 plus last year's "
            "本年增/减. Needs last year's report in the 2019 layout; a plausibility check, hence a warning."
        ),
        severity="warning",
        scope="across years, table 二 (2019 layout) per row",
        check=_items_carried,
        needs_previous=True,
    ),
    Rule(
        id="proactive.in-force-bound",
        title="现行有效不少于本年制发减废止",
        description=(
            "Table 二 of the 2021 layout, rows 规章 and 行政规范性文件: 现行有效 should not be smaller than 本年制发 "
            "minus 本年废止 (what was issued this year and not repealed is still in force). Repealed documents may "
            "be older ones, so only this lower bound holds; a warning."
        ),
        severity="warning",
        scope="table 二 (2021 layout) per row",
        check=_in_force_bound,
    ),
)
"""The rules on years, in catalog order."""
