import re
from decimal import Decimal
from typing import Any

import attrs
import pytest

import govdisclose
from govdisclose import examples
from govdisclose.checks import CheckResult, Severity, check, default_rules
from govdisclose.model import (
    Agency,
    Amount,
    Bound,
    Breakdown,
    Count,
    Edition,
    Inline,
    MoneyUnit,
    Paragraph,
    Qualifier,
    Report,
    Scale,
    Section,
    Share,
    Statistic,
    StatPart,
)

BLOCK = "$.sections[0].blocks[0]"


def at(data: Any, path: str) -> Any:
    """The value at a document path."""
    for name, index in re.findall(r"\.([A-Za-z_]\w*)|\[(\d+)\]", path):
        data = data[name] if name else data[int(index)]
    return data


def report_of(*blocks: Any) -> Report:
    """A pre-2019 report with one chapter holding *blocks*."""
    return Report(
        edition=Edition.PRE_2019,
        year=2017,
        agency=Agency(name="某街道"),
        sections=(Section(heading="主动公开政府信息情况", blocks=blocks),),
    )


def breakdown(total: Inline, *parts: Inline, overlapping: bool = False, dimension: str | None = "类别") -> Paragraph:
    """A paragraph ``共{total}，其中：{part}、{part}…`` whose first quantity is broken down by the others."""
    content: list[Inline] = ["共", total, "，其中："]
    for part in parts:
        content += [part, "、"]
    content[-1] = "。"
    ids = [q.id for q in (total, *parts) if not isinstance(q, str)]
    assert all(ids)
    return Paragraph(
        content=tuple(content),
        breakdowns=(
            Breakdown(
                total=str(ids[0]), parts=tuple(str(i) for i in ids[1:]), dimension=dimension, overlapping=overlapping
            ),
        ),
    )


def count(value: int, name: str, qualifier: Qualifier = Qualifier.EXACT, unit: str = "条") -> Count:
    """A count with an id."""
    return Count(value=value, unit=unit, qualifier=qualifier, id=name)


def run(report: Report, *rule_ids: str) -> CheckResult:
    """Check with only the given rules."""
    return check(report, rules=default_rules.configure(only=set(rule_ids)))


# ---- the seed -------------------------------------------------------------------------------------------------------


def test_seed_by_type_breakdown_is_flagged_with_its_five_quantities() -> None:
    """The seed's 1 + 5 + 2 + 9 = 17 against 15 is an error naming the total and the four parts."""
    report = examples.load("sanyuan-chengguan-2017")
    (finding,) = run(report, "breakdown.sum").findings
    base = "$.sections[1].subsections[0].blocks[0].content"
    assert tuple(f"{base}[{i}]" for i in (1, 7, 9, 11, 13)) == finding.paths
    assert "“制作政府信息”按类型分项之和为17条（1+5+2+9），与总数15条不符（差2条）" == finding.message
    data = govdisclose.report_to_data(report)
    assert [15, 1, 5, 2, 9] == [at(data, path)["value"] for path in finding.paths]
    assert (Decimal(17), Decimal(15), Decimal(-2), Severity.ERROR) == (
        finding.expected,
        finding.actual,
        finding.difference,
        finding.severity,
    )
    assert ["制作政府信息", "年度报告", "工作动态", "防汛抗旱", "安全生产"] == [o.label for o in finding.operands]


def test_seed_by_category_breakdown_is_not_flagged() -> None:
    """The seed's 3 + 1 + 1 + 1 + 9 = 15 by category holds: no finding points into that paragraph."""
    findings = check(examples.load("sanyuan-chengguan-2017")).findings
    assert not any(path.startswith("$.sections[1].subsections[1]") for f in findings for path in f.paths)


# ---- exact and approximate figures ----------------------------------------------------------------------------------


def test_breakdown_quiet_when_parts_add_up() -> None:
    """3 + 1 + 11 = 15: no finding."""
    paragraph = breakdown(count(15, "t"), count(3, "a"), count(1, "b"), count(11, "c"))
    assert () == run(report_of(paragraph), "breakdown.sum").findings


def test_approximate_total_is_a_lower_bound() -> None:
    """1100余人次 against 300 + 400 = 700 is certainly wrong by at least 400; against 700 + 500 it may be right."""
    wrong = breakdown(
        count(1100, "t", Qualifier.MORE_THAN, "人次"), count(300, "a", unit="人次"), count(400, "b", unit="人次")
    )
    (finding,) = run(report_of(wrong), "breakdown.sum").findings
    assert "按类别分项之和为700人次（300+400），与总数1100余人次不符（至少差400人次）" == finding.message
    assert (Decimal(700), Decimal(1100), Decimal(400), Bound.EXACT) == (
        finding.expected,
        finding.actual,
        finding.difference,
        finding.expected_bound,
    )
    fine = breakdown(count(1100, "t", Qualifier.MORE_THAN), count(700, "a"), count(500, "b"))
    assert () == run(report_of(fine), "breakdown.sum").findings


def test_approximate_part_makes_the_sum_a_bound() -> None:
    """10 + 5余 may be 15; 10 + 6余 is at least 16 and exceeds 15."""
    assert (
        ()
        == run(
            report_of(breakdown(count(15, "t"), count(10, "a"), count(5, "b", Qualifier.MORE_THAN))), "breakdown.sum"
        ).findings
    )
    over = breakdown(count(15, "t"), count(10, "a"), count(6, "b", Qualifier.MORE_THAN))
    (finding,) = run(report_of(over), "breakdown.sum").findings
    assert "按类别分项之和为至少16条（10+6余），与总数15条不符（至少差1条）" == finding.message
    assert Bound.LOWER == finding.expected_bound


def test_nearly_is_an_upper_bound() -> None:
    """近20 (at most 20) against parts of 25 is certainly wrong; against 18 it may be right."""
    over = breakdown(count(20, "t", Qualifier.NEARLY), count(20, "a"), count(5, "b"))
    assert ["breakdown.sum"] == [f.rule for f in run(report_of(over), "breakdown.sum").findings]
    fine = breakdown(count(20, "t", Qualifier.NEARLY), count(10, "a"), count(8, "b"))
    assert () == run(report_of(fine), "breakdown.sum").findings


def test_about_figures_are_never_certainly_wrong() -> None:
    """约 leaves the true value open on both sides: no finding either way."""
    paragraph = breakdown(count(100, "t", Qualifier.ABOUT), count(300, "a"))
    assert () == run(report_of(paragraph), "breakdown.sum").findings


def test_scaled_counts_allow_their_rounding() -> None:
    """17.9亿次 stands for 17.85–17.95亿: parts of 17.87亿 fit, 18亿 do not."""
    total = Count(value=1_790_000_000, unit="次", scale=Scale.YI, id="t")
    fits = breakdown(total, Count(value=1_000_000_000, unit="次", id="a"), Count(value=787_000_000, unit="次", id="b"))
    assert () == run(report_of(fits), "breakdown.sum").findings
    off = breakdown(total, Count(value=1_000_000_000, unit="次", id="a"), Count(value=800_000_000, unit="次", id="b"))
    (finding,) = run(report_of(off), "breakdown.sum").findings
    assert Decimal(1_795_000_000) == finding.actual
    assert Decimal(-5_000_000) == finding.difference


# ---- overlap, money, statistics -------------------------------------------------------------------------------------


def test_overlapping_breakdown_flags_only_a_shortfall() -> None:
    """Items counted under several types (计1条) may sum to more: 6 + 6 for 10 is fine; 3 + 3 falls short by 4."""
    assert (
        ()
        == run(
            report_of(breakdown(count(10, "t"), count(6, "a"), count(6, "b"), overlapping=True)), "breakdown.sum"
        ).findings
    )
    short = breakdown(count(10, "t"), count(3, "a"), count(3, "b"), overlapping=True)
    (finding,) = run(report_of(short), "breakdown.sum").findings
    assert "按类别分项可重复计数，但分项之和6条（3+3）仍少于总数10条（差4条）" == finding.message


def test_channels_are_each_at_most_their_total_and_not_summed() -> None:
    """Channels (网站、微信 …) share one total: 3 + 3 of 10 says nothing (not all are listed); 12 of 10 is wrong."""
    few = breakdown(count(10, "t"), count(3, "a"), count(3, "b"), overlapping=True, dimension="渠道")
    assert () == run(report_of(few), "breakdown.sum").findings
    website = Count(value=12, unit="条", id="a", label="政府网站")
    over = breakdown(count(10, "t"), website, count(3, "b"), overlapping=True, dimension="渠道")
    (finding,) = run(report_of(over), "breakdown.sum").findings
    assert "按渠道分项可重复计数，但“政府网站”12条多于总数10条（差2条）" == finding.message
    assert (f"{BLOCK}.content[1]", f"{BLOCK}.content[3]") == finding.paths
    assert (Decimal(12), Decimal(10), Decimal(-2)) == (finding.expected, finding.actual, finding.difference)


def test_amounts_add_in_their_unit_and_across_units() -> None:
    """133.9554万元 = 100万元 + 33.9554万元; 1万元 = 5000元 + 5000元; 100万元 + 33.9万元 is 0.0554万元 short."""

    def amount(value: str, name: str, unit: MoneyUnit = MoneyUnit.WAN_YUAN) -> Amount:
        return Amount(value=Decimal(value), unit=unit, id=name)

    same = breakdown(amount("133.9554", "t"), amount("100", "a"), amount("33.9554", "b"))
    mixed = breakdown(amount("1", "t"), amount("5000", "a", MoneyUnit.YUAN), amount("5000", "b", MoneyUnit.YUAN))
    assert () == run(report_of(same, mixed), "breakdown.sum").findings
    short = breakdown(amount("133.9554", "t"), amount("100", "a"), amount("33.9", "b"))
    (finding,) = run(report_of(short), "breakdown.sum").findings
    assert "按类别分项之和为133.9万元（100+33.9），与总数133.9554万元不符（差0.0554万元）" == finding.message


def test_counts_and_amounts_are_not_added() -> None:
    """A breakdown mixing a count and an amount is not a sum the rule can check."""
    paragraph = breakdown(count(5, "t"), Amount(value=Decimal(9), unit=MoneyUnit.YUAN, id="a"))
    assert () == run(report_of(paragraph), "breakdown.sum").findings


def test_statistic_blocks_are_breakdowns() -> None:
    """A Statistic whose parts miss its total is flagged at .total and .parts[i].quantity; one that adds up is not."""
    wrong = Statistic(
        subject="制作政府信息",
        total=Count(value=15, unit="条"),
        parts=(
            StatPart(label="主动公开", quantity=Count(value=10, unit="条")),
            StatPart(label="依申请公开", quantity=Count(value=4, unit="条")),
        ),
    )
    right = Statistic(
        subject="制作政府信息",
        total=Count(value=15, unit="条"),
        parts=(StatPart(label="主动公开", quantity=Count(value=15, unit="条")),),
    )
    (finding,) = run(report_of(wrong, right), "breakdown.sum").findings
    assert (f"{BLOCK}.total", f"{BLOCK}.parts[0].quantity", f"{BLOCK}.parts[1].quantity") == finding.paths
    assert "“制作政府信息”分项之和为14条（10+4），与总数15条不符（差1条）" == finding.message


# ---- shares ---------------------------------------------------------------------------------------------------------


def share_paragraph(printed: str, part: int, whole: int) -> Paragraph:
    """A paragraph ``共{whole}条，其中主动公开{part}条，占{printed}%。`` with the share's part and whole named."""
    return Paragraph(
        content=(
            "共",
            Count(value=whole, unit="条", id="w"),
            "，其中主动公开",
            Count(value=part, unit="条", id="p", label="主动公开"),
            "，占",
            Share(value=Decimal(printed), part="p", whole="w"),
            "。",
        )
    )


@pytest.mark.parametrize(
    ("printed", "part", "whole"),
    [("100", 15, 15), ("67.84", 6784, 10000), ("33.33", 1, 3), ("66.67", 2, 3), ("67", 2, 3), ("0.5", 1, 200)],
)
def test_share_within_half_a_unit_is_quiet(printed: str, part: int, whole: int) -> None:
    """A share within half a unit of its last printed digit of part ÷ whole × 100 is right."""
    assert () == run(report_of(share_paragraph(printed, part, whole)), "share.value", "share.rounding").findings


def test_share_off_by_a_rounding_slip_is_info() -> None:
    """1 of 3 printed 33.34% (33.333… rounds to 33.33): a rounding slip, share.rounding, info."""
    (finding,) = run(report_of(share_paragraph("33.34", 1, 3)), "share.value", "share.rounding").findings
    assert ("share.rounding", Severity.INFO) == (finding.rule, finding.severity)
    assert (
        "“主动公开”占比印为33.34%，按1条÷3条计算为约33.3333%，应为33.33%（差0.01个百分点，属末位舍入误差）"
        == finding.message
    )
    assert (f"{BLOCK}.content[5]", f"{BLOCK}.content[3]", f"{BLOCK}.content[1]") == finding.paths
    assert (Decimal("33.33"), Decimal("33.34"), Decimal("0.01")) == (
        finding.expected,
        finding.actual,
        finding.difference,
    )


def test_share_off_by_more_is_a_warning() -> None:
    """6784 of 10000 printed 67.80%: off by 0.04 points, share.value, warning."""
    (finding,) = run(report_of(share_paragraph("67.80", 6784, 10000)), "share.value", "share.rounding").findings
    assert ("share.value", Severity.WARNING) == (finding.rule, finding.severity)
    assert "“主动公开”占比印为67.80%，按6784条÷10000条计算为67.84%，应为67.84%（差0.04个百分点）" == finding.message


def test_share_without_a_checkable_base_is_quiet() -> None:
    """A share of an empty whole, or of an approximate count, gives nothing exact to compare with."""
    zero = share_paragraph("0", 0, 0)
    approximate = Paragraph(
        content=(
            Count(value=100, unit="条", qualifier=Qualifier.MORE_THAN, id="w"),
            Count(value=50, unit="条", id="p"),
            Share(value=Decimal(10), part="p", whole="w"),
        )
    )
    assert () == run(report_of(zero, approximate), "share.value", "share.rounding").findings


def test_statistic_shares_are_of_the_total() -> None:
    """In a Statistic, a part's share is of the statistic's total: 15 of 20 printed 70% is a warning, 75% is right."""

    def statistic(printed: str) -> Statistic:
        part = StatPart(label="主动公开", quantity=Count(value=15, unit="条"), share=Share(value=Decimal(printed)))
        return Statistic(subject="制作政府信息", total=Count(value=20, unit="条"), parts=(part,))

    assert () == run(report_of(statistic("75")), "share.value").findings
    (finding,) = run(report_of(statistic("70")), "share.value").findings
    assert (f"{BLOCK}.parts[0].share", f"{BLOCK}.parts[0].quantity", f"{BLOCK}.total") == finding.paths


# ---- what the words say about a breakdown ---------------------------------------------------------------------------


def test_what_follows_another_is_not_a_part() -> None:
    """淮安市2024: 答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）— 103 is beside the 3050, not in it."""
    answered, carried, deferred = count(3050, "q2", unit="件"), count(34, "q3", unit="件"), count(103, "q4", unit="件")
    text = Paragraph(
        content=("2024年，全市共受理政府信息公开申请", count(3119, "q1", unit="件"), "，答复", answered,
                 "（含上年度结转申请", carried, "，另有", deferred, "顺延到下年度答复），均在法定期限内予以答复。"),
        breakdowns=(Breakdown(total="q2", parts=("q3", "q4")),),
    )  # fmt: skip
    assert () == run(report_of(text), "breakdown.sum").findings
    bigger = count(4000, "q3", unit="件")
    too_many = attrs.evolve(text, content=tuple(bigger if p is carried else p for p in text.content))
    (finding,) = run(report_of(too_many), "breakdown.sum").findings  # the one part left may still exceed the total
    assert "分项之和为4000件（4000），与总数3050件不符（差950件）" == finding.message


def test_a_list_that_goes_on_with_a_number_without_unit_is_not_complete() -> None:
    """平潭县2011: 总数1873条，其中主动公开425条，依申请46条，不予公开信息数1402 — no unit: only an excess is sure."""
    parts = (count(425, "q2"), count(46, "q3"))
    text = Paragraph(
        content=("2011年制作、获取政府信息总数", count(1873, "q1"), "，其中主动公开政府信息", parts[0],
                 "，作为依申请公开信息数", parts[1], "，不予公开信息数1402。主动公开的政府信息……"),
        breakdowns=(Breakdown(total="q1", parts=("q2", "q3")),),
    )  # fmt: skip
    assert () == run(report_of(text), "breakdown.sum").findings
    over = attrs.evolve(text, content=tuple(count(1900, "q2") if p is parts[0] else p for p in text.content))
    (finding,) = run(report_of(over), "breakdown.sum").findings
    assert "分项之和为1946条（1900+46），与总数1873条不符（差73条）" == finding.message


def test_an_unterminated_list_at_the_end_of_a_paragraph_is_not_a_breakdown() -> None:
    """A list cut off at the end of its text (no stop after its last part) may lack parts: no shortfall is reported."""
    cut = Paragraph(
        content=("我镇通过门户网站公开各类信息", count(46, "t"), "。其中工作动态类", count(36, "a"), "；计划总结类",
                 count(7, "b")),
        breakdowns=(Breakdown(total="t", parts=("a", "b")),),
    )  # fmt: skip
    assert () == run(report_of(cut), "breakdown.sum").findings
    ended = attrs.evolve(cut, content=(*cut.content, "。"))
    (finding,) = run(report_of(ended), "breakdown.sum").findings
    assert "分项之和为43条（36+7），与总数46条不符（差3条）" == finding.message
