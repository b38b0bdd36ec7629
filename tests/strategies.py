"""Hypothesis strategies that build valid report models of every core kind."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import strategies as st

from govdisclose.model import (
    Agency,
    AgencyLevel,
    AgencyRole,
    Amount,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Attachment,
    Block,
    Breakdown,
    Cell,
    Compound,
    Count,
    Edition,
    EnumeratedPoints,
    Explanation,
    Introduction,
    MoneyUnit,
    NumberedItems,
    OfficialTable,
    Paragraph,
    Part,
    ProactiveTable2019,
    ProactiveTable2021,
    Provenance,
    Publication,
    Qualifier,
    Report,
    ReviewsTable,
    Scale,
    Section,
    Share,
    Signature,
    Statistic,
    StatisticsTable,
    StatPart,
    StatRow,
    SumRelation,
    Table,
    TableRow,
    Validity,
)
from govdisclose.zh import OrdinalStyle

# Text as reports have it: CJK, ASCII, full-width punctuation, and characters that need escaping in markup.
_ALPHABET = st.sampled_from(list("政府信息公开工作年度报告条件次人户，。；：（）“”、abcXYZ019 <>&\"'/%—"))
text = st.text(_ALPHABET, min_size=1, max_size=20).filter(lambda s: s.strip() != "")
line = text.filter(lambda s: "\n" not in s)
decimals = st.decimals(min_value=0, max_value=Decimal("1e9"), allow_nan=False, allow_infinity=False, places=4)

counts = st.builds(
    Count,
    value=st.integers(min_value=0, max_value=10**12),
    unit=st.sampled_from(["条", "件", "次", "人次", "户", ""]),
    qualifier=st.sampled_from(list(Qualifier)),
    scale=st.sampled_from(list(Scale)),
    label=st.none() | line,
)
amounts = st.builds(
    Amount, value=decimals, unit=st.sampled_from(list(MoneyUnit)), qualifier=st.sampled_from(list(Qualifier))
)
shares = st.builds(Share, value=st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
compounds = st.builds(Compound, parts=st.lists(counts, min_size=2, max_size=3).map(tuple))
quantities = st.one_of(counts, amounts, shares, compounds)
inline = st.lists(st.one_of(text, quantities), min_size=1, max_size=5).map(tuple)


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    """A paragraph; when it has two or more counts, a breakdown of the first by the others."""
    content = list(draw(inline))
    numbered = [i for i, piece in enumerate(content) if isinstance(piece, Count)]
    for n, i in enumerate(numbered):
        piece = content[i]
        assert isinstance(piece, Count)
        content[i] = Count(
            value=piece.value,
            unit=piece.unit,
            qualifier=piece.qualifier,
            scale=piece.scale,
            id=f"q{n}",
            label=piece.label,
        )
    breakdowns: tuple[Breakdown, ...] = ()
    if len(numbered) >= 2:
        breakdowns = (
            Breakdown(
                total="q0",
                parts=tuple(f"q{n}" for n in range(1, len(numbered))),
                dimension=draw(st.none() | line),
                overlapping=draw(st.booleans()),
            ),
        )
    return Paragraph(content=tuple(content), breakdowns=breakdowns)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """A rectangular table whose first row may merge cells."""
    width = draw(st.integers(min_value=1, max_value=4))
    height = draw(st.integers(min_value=1, max_value=4))
    first = draw(st.integers(min_value=1, max_value=width))
    header = (
        Cell(text=draw(line), colspan=first, header=True),
        *(Cell(text=draw(line), header=True) for _ in range(width - first)),
    )
    body = tuple(tuple(Cell(text=draw(st.just("") | line)) for _ in range(width)) for _ in range(height))
    return Table(caption=draw(st.none() | line), rows=(header, *body))


figures = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**9),
    st.sampled_from(["", "/", "—", "无", "12余", "0.092", "近50"]),
    st.none(),
)


@st.composite
def official_tables(draw: st.DrawFn) -> OfficialTable:
    """An official table of any kind with some of its rows published, cells of every kind."""
    cls = draw(
        st.sampled_from(
            [ProactiveTable2021, ApplicationsTable2021, ReviewsTable, ProactiveTable2019, ApplicationsTable2019]
        )
    )
    rows = tuple(
        TableRow(id=row.id, values=tuple(draw(figures) for _ in row.columns))
        for row in cls.DEFINITION.rows
        if draw(st.booleans())
    )
    table: OfficialTable = cls(rows=rows, note=draw(st.none() | line))
    return table


@st.composite
def statistics_tables(draw: st.DrawFn) -> StatisticsTable:
    """A generic statistics table with one or two value columns and a sum relation."""
    width = draw(st.integers(min_value=1, max_value=2))
    count = draw(st.integers(min_value=2, max_value=5))
    rows = tuple(
        StatRow(
            id=f"r{i}",
            label=draw(line),
            values=tuple(draw(figures) for _ in range(width)),
            code=draw(st.none() | st.just(f"{i:02d}")),
            unit=draw(st.none() | st.sampled_from(["条", "件", "——"])),
            level=draw(st.integers(min_value=0, max_value=3)),
        )
        for i in range(count)
    )
    relation = SumRelation(total="r0", parts=tuple(f"r{i}" for i in range(1, count)), overlapping=draw(st.booleans()))
    return StatisticsTable(
        caption=draw(st.none() | line), columns=("本年度", "历年累计")[:width], rows=rows, relations=(relation,)
    )


blocks: st.SearchStrategy[Block] = st.one_of(
    official_tables(),
    statistics_tables(),
    paragraphs(),
    st.builds(EnumeratedPoints, lead=st.just(()) | inline, points=st.lists(inline, min_size=1, max_size=3).map(tuple)),
    st.builds(
        NumberedItems,
        items=st.lists(inline, min_size=1, max_size=3).map(tuple),
        style=st.sampled_from(list(OrdinalStyle)),
        start=st.integers(min_value=1, max_value=5),
    ),
    st.builds(
        Statistic,
        lead=st.just(()) | inline,
        subject=line,
        total=st.one_of(counts, amounts),
        parts=st.lists(
            st.builds(StatPart, label=line, quantity=st.one_of(counts, amounts), share=st.none() | shares), max_size=3
        ).map(tuple),
        overlapping=st.booleans(),
    ),
    tables(),
)

sections = st.recursive(
    st.builds(
        Section,
        heading=line,
        part=st.none() | st.sampled_from(list(Part)),
        numbering=st.none() | st.sampled_from(list(OrdinalStyle)),
        blocks=st.lists(blocks, max_size=2).map(tuple),
    ),
    lambda children: st.builds(
        Section,
        heading=line,
        part=st.none() | st.sampled_from(list(Part)),
        number=st.none() | st.integers(min_value=1, max_value=20),
        run_in=st.booleans(),
        blocks=st.lists(blocks, max_size=2).map(tuple),
        subsections=st.lists(children, max_size=3).map(tuple),
    ),
    max_leaves=6,
)

dates = st.dates(min_value=datetime.date(2008, 1, 1), max_value=datetime.date(2030, 12, 31))

reports = st.builds(
    Report,
    edition=st.sampled_from(list(Edition)),
    year=st.integers(min_value=2008, max_value=2030),
    agency=st.builds(
        Agency,
        name=line,
        level=st.none() | st.sampled_from(list(AgencyLevel)),
        role=st.none() | st.sampled_from(list(AgencyRole)),
        parent=st.none() | line,
    ),
    publication=st.builds(
        Publication,
        index_number=st.none() | line,
        document_number=st.none() | line,
        written_on=st.none() | dates,
        validity=st.none() | st.sampled_from(list(Validity)),
        extra=st.lists(st.tuples(line, line), max_size=2, unique_by=lambda pair: pair[0]).map(tuple),
    ),
    title=st.none() | line,
    introduction=st.none()
    | st.builds(Introduction, heading=st.none() | line, blocks=st.lists(blocks, max_size=2).map(tuple)),
    sections=st.lists(sections, max_size=3).map(tuple),
    signature=st.none() | st.builds(Signature, organ=st.none() | line, date=st.none() | dates),
    attachments=st.lists(st.builds(Attachment, label=line, name=line, description=st.none() | line), max_size=2).map(
        tuple
    ),
    provenance=st.none() | st.builds(Provenance, source_url=st.none() | line, note=st.none() | line),
    explanations=st.lists(
        st.builds(Explanation, text=line, rule=st.just("breakdown.sum"), path=st.none() | st.just("$.sections[0]")),
        max_size=2,
    ).map(tuple),
)


@st.composite
def plugin_sections(draw: st.DrawFn) -> Section:
    """A section of the example plugin (``govdisclose-example-plugin``, imported on first draw) with its table.

    Register the plugin in the registry the round trip uses; this strategy only builds the model.
    """
    from govdisclose_example_plugin import ProposalsSection, ProposalsTable

    table = ProposalsTable(
        rows=tuple(
            TableRow(id=row.id, values=tuple(draw(figures) for _ in row.columns))
            for row in ProposalsTable.DEFINITION.rows
            if draw(st.booleans())
        ),
        note=draw(st.none() | line),
    )
    section: Section = ProposalsSection(
        heading=draw(line),
        part=draw(st.none() | st.sampled_from(list(Part))),
        numbering=draw(st.none() | st.sampled_from(list(OrdinalStyle))),
        run_in=draw(st.booleans()),
        blocks=(*draw(st.lists(blocks, max_size=2)), table),
        subsections=tuple(draw(st.lists(sections, max_size=2))),
        channel=draw(st.none() | line),
        all_on_time=draw(st.none() | st.booleans()),
    )
    return section
