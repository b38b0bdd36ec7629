from decimal import Decimal

import pytest

from govdisclose import examples
from govdisclose.data import METRICS, CellRef, Change, Derived, cell_index, change, key_figures
from govdisclose.model import (
    APPLICATIONS_2021,
    Agency,
    ApplicationsTable2021,
    Edition,
    Report,
    ReviewsTable,
    Section,
)

SAMPLE = examples.load("sample-2021")


def _report(*blocks: object) -> Report:
    return Report(
        edition=Edition.E2021,
        year=2021,
        agency=Agency(name="某县教育局"),
        sections=(Section(heading="统计", blocks=blocks),),  # type: ignore[arg-type]
    )


def _values(**rows: list[object]) -> ApplicationsTable2021:
    """Table 三 from keyword rows: ``result_partial`` is row ``result.partial``, ``carried_over`` ``carried-over``."""
    ids = {row.id.replace(".", "_").replace("-", "_"): row.id for row in APPLICATIONS_2021.rows}
    return ApplicationsTable2021.from_values({ids[key]: value for key, value in rows.items()})


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("substantive-disclosure-rate", Decimal(13) / Decimal(26)),  # (予以公开 11 + 部分公开 2) / 总计 26
        ("carry-over-rate", Decimal(1) / Decimal(27)),  # 结转下年度 1 / (新收 25 + 上年结转 2)
        ("review-correction-rate", Decimal(1) / Decimal(2)),  # 复议纠正 1 / (维持 1 + 纠正 1 + 其他 0)
        ("litigation-loss-rate", Decimal(0)),  # 诉讼纠正 0 + 0 / (直接起诉 1 + 0 + 0, 复议后 0 + 0 + 0)
        ("share-natural-person", Decimal(21) / Decimal(25)),  # 自然人 21 / 新收 25
        ("share-organisations", Decimal(4) / Decimal(25)),  # 商业企业 2 + 法律服务机构 1 + 其他 1 / 新收 25
    ],
)
def test_metrics_of_the_sample_agree_with_the_hand_computation(metric: str, expected: Decimal) -> None:
    """Each metric of the 2021 sample equals its formula worked by hand from the sample's table cells."""
    result = METRICS[metric].compute(cell_index(SAMPLE))
    assert (expected, None) == (result.value, result.reason)


def test_a_blank_operand_makes_a_metric_not_computable_not_zero() -> None:
    """A blank 部分公开 total gives None and a reason naming the cell and its path, never 0."""
    table = _values(result_disclosed=[0] * 7, result_partial=[0] * 6 + [""], result_total=[0] * 6 + [4])
    result = METRICS["substantive-disclosure-rate"].compute(cell_index(_report(table)))
    assert result.value is None
    cell = "（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 总计"
    assert f"{cell} is blank @ $.sections[0].blocks[0].rows[1].values[6]" == result.reason


def test_a_marker_and_an_approximate_operand_are_not_computable() -> None:
    """'/' and 3余 in an operand say so in the reason."""
    marker = _values(new=[0] * 6 + ["/"], carried_over=[0] * 7, carry_forward=[0] * 7)
    assert "the marker '/'" in (METRICS["carry-over-rate"].compute(cell_index(_report(marker))).reason or "")
    approximate = _values(new=[0] * 6 + ["3余"], carried_over=[0] * 7, carry_forward=[0] * 7)
    assert "approximate (3余)" in (METRICS["carry-over-rate"].compute(cell_index(_report(approximate))).reason or "")


def test_a_zero_denominator_is_not_computable() -> None:
    """No review concluded: 复议纠错率 has no value, and the reason says the denominator is 0."""
    reviews = ReviewsTable.from_values({"cases": [0] * 15})
    result = METRICS["review-correction-rate"].compute(cell_index(_report(reviews)))
    assert (None, "(行政复议 > 结果维持 + 行政复议 > 结果纠正 + 行政复议 > 其他结果) is 0") == (
        result.value,
        result.reason,
    )


def test_a_missing_table_is_not_computable() -> None:
    """A pre-2019 report has no table 三: the metric says which cell it lacks."""
    result = METRICS["share-natural-person"].compute(cell_index(examples.load("sanyuan-chengguan-2017")))
    assert result.value is None
    assert result.reason is not None
    assert result.reason.startswith("the report has no cell 一、本年新收政府信息公开申请数量 × 自然人")


def test_a_cell_reference_is_checked_against_its_definition() -> None:
    """A metric naming a column the table lacks fails when it is defined."""
    with pytest.raises(KeyError, match="no column 'nobody'"):
        CellRef(tables=(APPLICATIONS_2021,), row="new", column="nobody")


def test_year_over_year_change() -> None:
    """From 20 to 25 is +5 and +25 %; from a not computable metric there is no change, with the reason."""
    assert Change(absolute=Decimal(5), relative=Decimal("0.25")) == change(Decimal(25), Decimal(20))
    missing = change(Decimal(25), Derived(value=None, reason="（七）总计 × 总计 is blank"))
    assert (None, None, "last year: （七）总计 × 总计 is blank") == (missing.absolute, missing.relative, missing.reason)


def test_key_figures_round_metrics_to_ten_places() -> None:
    """The key figures hold 1/27 rounded half-even to 10 decimal places, and the published cells exactly."""
    row = next(iter(key_figures(SAMPLE)))
    assert Decimal("0.0370370370") == row.get("carry_over_rate")
    assert (Decimal(25), Decimal(268)) == (row.get("applications_new"), row.get("licensing_decisions"))
    with pytest.raises(KeyError):
        row.get("no_such_indicator")
