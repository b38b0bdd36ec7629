import datetime
from decimal import Decimal

import pytest

from govdisclose import ModelError
from govdisclose.model import (
    Agency,
    Amount,
    Breakdown,
    Cell,
    Compound,
    Count,
    Edition,
    EnumeratedPoints,
    MoneyUnit,
    Paragraph,
    Part,
    Publication,
    Qualifier,
    Report,
    Scale,
    Section,
    Share,
    Table,
)


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (Count(value=15, unit="条"), "15条"),
        (Count(value=1100, unit="人次", qualifier=Qualifier.MORE_THAN), "1100余人次"),
        (Count(value=1600, unit="份", qualifier=Qualifier.MORE), "1600多份"),
        (Count(value=500000, unit="", qualifier=Qualifier.OVER, scale=Scale.WAN), "逾50万"),
        (Count(value=1900, unit="家次", qualifier=Qualifier.NEARLY), "近1900家次"),
        (Count(value=1790000000, unit="次", scale=Scale.YI), "17.9亿次"),
        (Count(value=260, qualifier=Qualifier.MORE_THAN), "260余"),
        (Amount(value=Decimal("133.9554"), unit=MoneyUnit.WAN_YUAN), "133.9554万元"),
        (Amount(value=Decimal("0"), unit=MoneyUnit.YUAN), "0元"),
        (Amount(value=Decimal("2.50"), unit=MoneyUnit.WAN_YUAN), "2.50万元"),
        (Share(value=Decimal("67.84")), "67.84%"),
        (Compound(parts=(Count(value=189, unit="户"), Count(value=247, unit="人"))), "189户247人"),
    ],
)
def test_quantity_text_is_as_written(quantity: object, expected: str) -> None:
    """Every quantity renders back to exactly the published wording."""
    assert expected == quantity.text  # type: ignore[attr-defined]


def test_qualifier_bounds() -> None:
    """Approximate qualifiers say which side of the figure the true value lies."""
    expected = {"余": "lower", "多": "lower", "逾": "lower", "超过": "lower", "以上": "lower", "近": "upper"}
    assert expected == {q.value: q.bound.value for q in Qualifier if q.value in expected}


def test_amount_in_yuan_is_exact() -> None:
    """Converting 万元 to 元 keeps every digit."""
    assert Decimal("1339554.0000") == Amount(value=Decimal("133.9554"), unit=MoneyUnit.WAN_YUAN).yuan


def test_negative_count_is_refused() -> None:
    """A count below zero breaks the model's invariant, and the message names field and value."""
    with pytest.raises(ModelError, match=r"'value' must be >= 0 \(got -3\)"):
        Count(value=-3, unit="条")


def test_non_finite_amount_is_refused() -> None:
    """NaN is not an amount of money."""
    with pytest.raises(ModelError, match="finite"):
        Amount(value=Decimal("NaN"))


def test_compound_needs_two_parts() -> None:
    """A compound figure of one count is just a count."""
    with pytest.raises(ModelError, match="at least 2"):
        Compound(parts=(Count(value=1, unit="户"),))


def test_breakdown_must_refer_to_quantities_in_the_block() -> None:
    """A breakdown naming an id that the paragraph does not have is refused, with the ids it does have."""
    with pytest.raises(ModelError, match=r"'missing'.*ids in the block: t"):
        Paragraph(content=(Count(value=1, id="t"),), breakdowns=(Breakdown(total="t", parts=("missing",)),))


def test_duplicate_quantity_ids_are_refused() -> None:
    """Ids must be unique within a block so that breakdowns are unambiguous."""
    with pytest.raises(ModelError, match="used twice"):
        Paragraph(content=(Count(value=1, id="a"), "，", Count(value=2, id="a")))


def test_ragged_table_is_refused() -> None:
    """A table whose rows have different widths is not a table."""
    with pytest.raises(ModelError, match=r"rows\[1\] has 1 columns, rows\[0\] has 2"):
        Table(rows=((Cell(text="a"), Cell(text="b")), (Cell(text="c"),)))


def test_rowspan_past_the_last_row_is_refused() -> None:
    """A rowspan reaching below the table is refused."""
    with pytest.raises(ModelError, match="below the last row"):
        Table(rows=((Cell(text="a", rowspan=3), Cell(text="b")), (Cell(text="c"),)))


def test_merged_table_is_accepted() -> None:
    """Rowspans and colspans that tile the grid make a valid table of the right width."""
    table = Table(
        rows=(
            (Cell(text="a", rowspan=2), Cell(text="b", colspan=2)),
            (Cell(text="c"), Cell(text="d")),
        )
    )
    assert 3 == table.width


def test_points_need_at_least_one_point() -> None:
    """An enumeration without points is refused."""
    with pytest.raises(ModelError, match="'points' must not be empty"):
        EnumeratedPoints(points=())


def test_heading_must_be_one_line() -> None:
    """Headings cannot contain line breaks."""
    with pytest.raises(ModelError, match="one line"):
        Section(heading="a\nb")


def test_title_is_derived_unless_given() -> None:
    """The default title is agency + year + the standard words; a published title overrides it."""
    report = Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"))
    assert "某县教育局2024年政府信息公开工作年度报告" == report.display_title
    assert (
        "关于公布年报的通知"
        == Report(edition=Edition.E2021, year=2024, agency=Agency(name="x"), title="关于公布年报的通知").display_title
    )


def test_published_time_needs_a_date() -> None:
    """A time of day without its date is meaningless."""
    with pytest.raises(ModelError, match="'published_at' needs 'published_on'"):
        Publication(published_at=datetime.time(9, 42))


def test_edition_for_year() -> None:
    """Years map to the format in force for them."""
    assert [Edition.PRE_2019, Edition.E2019, Edition.E2019, Edition.E2021] == [
        Edition.for_year(y) for y in (2018, 2019, 2020, 2021)
    ]


def test_part_lookup_finds_nested_sections() -> None:
    """``Report.part`` finds a standard part at any depth."""
    inner = Section(heading="附表", part=Part.STATISTICS_TABLES)
    report = Report(
        edition=Edition.PRE_2019,
        year=2017,
        agency=Agency(name="x"),
        sections=(Section(heading="其他", subsections=(inner,)),),
    )
    assert inner is report.part(Part.STATISTICS_TABLES)
    assert report.part(Part.FEES) is None


def test_year_out_of_range_is_refused() -> None:
    """A report year outside any plausible range is an error, not data."""
    with pytest.raises(ModelError, match="'year'"):
        Report(edition=Edition.E2021, year=21, agency=Agency(name="x"))


def test_registry_refuses_a_class_that_is_not_attrs() -> None:
    """Registering a plain class names the source and says what to do."""
    from govdisclose import InvalidKindError
    from govdisclose.model import default_kinds

    registry = default_kinds.copy()
    with pytest.raises(InvalidKindError, match=r"plugin-a: int is not an attrs class"):
        registry.register_block(int, source="plugin-a")  # type: ignore[type-var]
    with pytest.raises(InvalidKindError, match="needs its own KIND tag"):
        registry.register_block(Paragraph.__mro__[1], source="plugin-a")  # Block itself has no tag


def test_registry_refuses_a_taken_tag() -> None:
    """A second class under a taken tag is a DuplicateKindError naming both sides."""
    import attrs

    from govdisclose import DuplicateKindError
    from govdisclose.model import Block, default_kinds

    @attrs.frozen(kw_only=True)
    class Impostor(Block):
        KIND = "paragraph"

    with pytest.raises(
        DuplicateKindError, match=r"plugin-b: block kind 'paragraph' of .*Impostor is already registered by core"
    ):
        default_kinds.copy().register_block(Impostor, source="plugin-b")


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Count(value=2.5, unit="条"), "'value' must be a whole number (got float 2.5)"),
        (lambda: Count(value=True, unit="条"), "'value' must be a whole number (got bool True)"),
        (lambda: Amount(value=2.5), "'value' must be a Decimal (got float 2.5); write Decimal('2.5') to keep it exact"),
        (lambda: Share(value=0.5), "'value' must be a Decimal (got float 0.5)"),
    ],
)
def test_wrong_python_types_are_model_errors(build: object, message: str) -> None:
    """A float or bool where the model wants an int or a Decimal is a clear ModelError, not an AttributeError."""
    with pytest.raises(ModelError) as info:
        build()  # type: ignore[operator]
    assert str(info.value).startswith(message)
