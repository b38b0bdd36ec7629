"""The reader against the hand-written ground truth of every complete report in tests/data/corpus.

The truth files (``tests/data/truth/*.toml``, see :mod:`truth_score`) hold every cell of every official table, read by
hand from the published files. Here they are checked by the tables' own sums, and the reader is scored against them
with a per-file floor (``floors.toml``): a ratchet at the score the reader reached when it was last raised, so that
reading never gets worse unnoticed. The goal of issue 12 is 98 % of the cells of every file.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from govdisclose.model import Figure
from truth_score import (
    CORPUS,
    DEFINITIONS,
    OFFICIAL,
    ReaderMissing,
    Truth,
    floors,
    read,
    same,
    score,
    truths,
    violations,
)

TRUTHS = truths()
IDS = [truth.name for truth in TRUTHS]
COMPLETE = [
    CORPUS / "2024-pingtan-zonghe-shiyanqu.html",
    *sorted((CORPUS / "pdf").glob("*.pdf")),
    *sorted((CORPUS / "html").glob("*.html")),
    *sorted((CORPUS / "txt").glob("*.txt")),
]


def test_every_complete_report_has_its_truth() -> None:
    """The 3 PDFs, 2 HTML pages and 6 crawler texts of the corpus each have one truth file naming them."""
    assert (3, 2, 6) == (
        sum(p.suffix == ".pdf" for p in COMPLETE),
        sum(p.suffix == ".html" for p in COMPLETE),
        sum(p.suffix == ".txt" for p in COMPLETE),
    )
    assert sorted(COMPLETE) == sorted(truth.source for truth in TRUTHS)


def test_every_truth_has_a_floor() -> None:
    """The ratchet names exactly the truth files."""
    assert sorted(IDS) == sorted(floors())


@pytest.mark.parametrize("truth", TRUTHS, ids=IDS)
def test_truth_has_every_official_row(truth: Truth) -> None:
    """Each official table lists every row of its definition, with as many cells as the row has columns.

    Rows of the edition that the publication leaves out (a single （六）其他处理 row in a 2021 table) are named in
    ``absent`` and recorded under the definition of the layout actually printed.
    """
    for key in OFFICIAL:
        table = truth.data.get(key)
        if table is None:
            continue
        definition = DEFINITIONS[table["definition"]]
        assert [row.id for row in definition.rows] == [k for k in table if k not in ("definition", "procurement_unit")]
    assert truth.cells or truth.name == "2013-pingtan-dishuiju"  # the one complete report without a table
    for absent in truth.data.get("absent", ()):
        assert absent.startswith("result.other.")
        assert "applications-2019" == truth.data["applications"]["definition"]


@pytest.mark.parametrize("truth", TRUTHS, ids=IDS)
def test_truth_satisfies_its_sums_or_lists_the_published_errors(truth: Truth) -> None:
    """R1, R3, R4, R5 and the statistics sums hold, except exactly the published inconsistencies under ``known``."""
    assert truth.known == {violation.key for violation in violations(truth)}


def test_sums_are_checked() -> None:
    """A changed cell breaks the sums it is part of: the check of the truth files can fail."""
    truth = next(t for t in TRUTHS if t.name == "2024-huaian-shi")
    applications = {**truth.data["applications"], "result.partial": [448, 7, 0, 0, 0, 0, 454]}
    broken = dataclasses.replace(truth, data={**truth.data, "applications": applications})
    assert {("applications", "R4", "result.partial"), ("applications", "R3", "natural-person")} == {
        v.key for v in violations(broken)
    }


def test_the_known_inconsistencies() -> None:
    """The published wrong sums of the corpus: table 四 of 洪泽区 2023 prints 总计 0 under 10 + 1 and under 5."""
    found = {(t.name, v.where, v.detail) for t in TRUTHS for v in violations(t)}
    assert {
        ("2023-huaian-hongze-qu", "review", "10 + 1 + 0 + 0 = 11 ≠ 总计 0"),
        ("2023-huaian-hongze-qu", "litigation.after-review", "5 + 0 + 0 + 0 = 5 ≠ 总计 0"),
    } == found


@pytest.mark.parametrize(
    ("expected", "got", "right"),
    [
        ("3", "3", True),
        ("96171.6", "96171.60", True),
        ("0", "", False),
        ("", "0", False),
        ("", "", True),
        ("/", "/", True),
        ("/", "0", False),
        ("35", "35余", False),
    ],
)
def test_a_cell_is_right_only_as_published(expected: str, got: str, right: bool) -> None:
    """Numbers compare by value; blank, ``/`` and 0 are three different things; an approximate number is not exact."""
    assert right == same(Figure.of(expected), Figure.of(got))


@pytest.mark.parametrize("truth", TRUTHS, ids=IDS)
def test_reader_keeps_its_floor(truth: Truth) -> None:
    """The reader gets at least the floor's number of truth cells right (printed per file with ``-s``)."""
    try:
        result = read(truth.source)
    except ReaderMissing as exc:
        pytest.skip(f"{truth.source.name}: {exc}")
    scored = score(truth, result)
    print(scored.line())
    assert scored.right >= floors()[truth.name], scored.line(10)


def test_money_is_exact() -> None:
    """Money cells are exact decimals as printed (万元 with six decimals, 元 with two)."""
    cells = {(t.name, c.row): c.expected.value for t in TRUTHS for c in t.cells if c.table == "proactive"}
    assert Decimal("24252.311082") == cells[("2021-pingtan-zonghe-shiyanqu", "administrative-fees")]
    assert Decimal("75394432.52") in {v for (n, _), v in cells.items() if n == "2019-pingtan-zonghe-shiyanqu"}


def test_sources_exist() -> None:
    """Every truth file's source is a file of the corpus copy in the repository (tests do not use ../shared)."""
    assert all(Path(truth.source).is_file() for truth in TRUTHS)


def test_score_counts_and_names_a_wrong_cell() -> None:
    """A truth cell the reader did not read as published is counted wrong and named by its row × column labels."""
    truth = next(t for t in TRUTHS if t.name == "2024-pingtan-zonghe-shiyanqu")
    reviews = {**truth.data["reviews"], "cases": [2, 1, 3, 1, 7, 0, 0, 0, 0, "", 13, 2, 4, 0, 19]}
    changed = dataclasses.replace(truth, data={**truth.data, "reviews": reviews})
    scored = score(changed, read(truth.source))
    assert (199, 200, 1, 0) == (scored.right, scored.expected, scored.blanks, scored.blanks_kept)
    assert ["reviews cases × 行政诉讼/未经复议直接起诉/总计: expected '', got 0"] == [str(m) for m in scored.mismatches]


def test_carried_over_equals_last_years_carry_forward() -> None:
    """R6 across the corpus: 二、上年结转 of a year is 四、结转下年度继续办理 of the same agency's year before."""
    by_key = {(t.agency, t.year): t for t in TRUTHS if "applications" in t.data}
    pairs = [(by_key[(a, y - 1)], t) for (a, y), t in by_key.items() if (a, y - 1) in by_key]
    assert [
        ("2023-huaian-hongze-qu", "2024-huaian-hongze-qu"),
        ("2024-pingtan-zonghe-shiyanqu", "2025-pingtan-zonghe-shiyanqu"),
    ] == sorted((before.name, after.name) for before, after in pairs)
    for before, after in pairs:
        assert before.data["applications"]["carry-forward"] == after.data["applications"]["carried-over"]


@pytest.mark.parametrize("truth", TRUTHS, ids=IDS)
def test_reader_gets_agency_year_and_edition(truth: Truth) -> None:
    """The agency (the truth's name or the short form the text uses), the year and the edition are read right."""
    try:
        result = read(truth.source)
    except ReaderMissing as exc:
        pytest.skip(f"{truth.source.name}: {exc}")
    assert "agency ok year ok edition ok" == score(truth, result).head.split(" (")[0]
