import datetime
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govdisclose import examples, from_json, report_to_data, to_json
from govdisclose.checks import check
from govdisclose.model import (
    APPLICATION_COLUMNS,
    AgencyLevel,
    AgencyRole,
    ApplicationsTable2021,
    Count,
    Edition,
    Paragraph,
    Part,
    Report,
    ReviewsTable,
    Share,
    plain_text,
)

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "samples.md"
SCRIPT = ROOT / "scripts" / "make_samples.py"
SAMPLE = "sample-2021"
FLAWED = "sample-2021-flawed"
SAMPLES = (SAMPLE, FLAWED)

_DOC_LINE = re.compile(r"^\| `(?P<rule>[a-z.-]+)` \| `(?P<path>\$[^`]*)` \|", re.MULTILINE)


def documented_findings() -> list[tuple[str, str]]:
    """The (rule ID, path) of every expected finding of the flawed sample, as docs/samples.md lists them."""
    return [(m["rule"], m["path"]) for m in _DOC_LINE.finditer(DOC.read_text(encoding="utf-8"))]


def table(report: Report, kind: type) -> Any:
    """The first block of *kind* in the report."""
    return next(block for _, section in report.walk() for block in section.blocks if isinstance(block, kind))


def violations(report: Report) -> set[tuple[str, str]]:
    """R1, R3, R4 (table 三) and R5 (table 四) recomputed from the cells: ``(rule, column or row)`` of each failure."""
    applications: ApplicationsTable2021 = table(report, ApplicationsTable2021)
    reviews: ReviewsTable = table(report, ReviewsTable)
    cells = {row.id: [int(figure) for figure in row.values] for row in applications.rows}
    results = [row_id for row_id in cells if row_id.startswith("result.") and row_id != "result.total"]
    found = set()
    for index, column in enumerate(c.id for c in APPLICATION_COLUMNS):
        if (
            cells["new"][index] + cells["carried-over"][index]
            != cells["result.total"][index] + cells["carry-forward"][index]
        ):
            found.add(("R1", column))
        if sum(cells[row_id][index] for row_id in results) != cells["result.total"][index]:
            found.add(("R3", column))
    for row_id, values in cells.items():
        if sum(values[:6]) != values[6]:
            found.add(("R4", row_id))
    (cases,) = reviews.rows
    numbers = [int(figure) for figure in cases.values]
    for block, start in (("review", 0), ("litigation.direct", 5), ("litigation.after-review", 10)):
        if sum(numbers[start : start + 4]) != numbers[start + 4]:
            found.add(("R5", block))
    return found


def narrative_problems(report: Report) -> set[str]:
    """Breakdowns whose parts miss their total, and shares off their counts by more than the printed rounding."""
    found = set()
    for _, section in report.walk():
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            by_id = {q.id: q for q in block.quantities() if q.id is not None}
            for breakdown in block.breakdowns:
                total = by_id[breakdown.total]
                assert isinstance(total, Count)
                parts = [by_id[part] for part in breakdown.parts]
                if sum(part.value for part in parts if isinstance(part, Count)) != total.value:
                    found.add(f"breakdown {breakdown.total}")
            for share in (q for q in block.quantities() if isinstance(q, Share)):
                part, whole = by_id[share.part or ""], by_id[share.whole or ""]
                assert isinstance(part, Count)
                assert isinstance(whole, Count)
                half_digit = Decimal(5).scaleb(share.value.as_tuple().exponent - 1)  # type: ignore[operator]
                if abs(Decimal(part.value) * 100 / whole.value - share.value) > half_digit:
                    found.add(f"share {share.id}")
    return found


def at(data: Any, path: str) -> Any:
    """The value at a document path such as ``$.sections[2].blocks[0].rows[24].values[0]``."""
    for name, index in re.findall(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]", path):
        data = data[name] if name else data[int(index)]
    return data


# ---- both samples ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_loads_and_round_trips_exactly(name: str) -> None:
    """The bundled JSON loads, and writing the report again gives the same bytes."""
    assert name in examples.names()
    report = examples.load(name)
    assert examples.text(name) == to_json(report)
    assert report == from_json(to_json(report))


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_says_it_is_constructed(name: str) -> None:
    """The provenance note says the sample is constructed, not a published report; the agency is fictional."""
    report = examples.load(name)
    assert report.provenance is not None
    assert report.provenance.note is not None
    assert report.provenance.note.startswith("constructed example, not a published report")
    assert report.provenance.source_url is None
    assert report.agency.name.startswith("示例县")


def test_generator_builds_the_committed_files() -> None:
    """scripts/make_samples.py --check finds the committed JSON identical to what it builds."""
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False)
    assert (0, "") == (result.returncode, result.stderr)


def test_documented_errors_are_the_generators() -> None:
    """The table of deliberate errors in docs/samples.md is the one the generator prints."""
    result = subprocess.run([sys.executable, str(SCRIPT), "--table"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() in DOC.read_text(encoding="utf-8")


# ---- sample-2021: consistent everywhere -----------------------------------------------------------------------------


def test_sample_is_a_complete_2021_county_department_report() -> None:
    """sample-2021 is a 2021-edition report of a county department with the six parts, each with content."""
    report = examples.load(SAMPLE)
    assert (Edition.E2021, 2021) == (report.edition, report.year)
    assert (AgencyLevel.COUNTY, AgencyRole.DEPARTMENT) == (report.agency.level, report.agency.role)
    parts = [s.part for s in report.sections]
    assert [
        Part.OVERVIEW,
        Part.PROACTIVE,
        Part.APPLICATIONS,
        Part.REVIEWS_LITIGATION,
        Part.PROBLEMS,
        Part.OTHER,
    ] == parts
    for _, section in report.walk():
        assert section.blocks or section.subsections, section.heading
    overview = report.part(Part.OVERVIEW)
    assert overview is not None
    assert 5 == len(overview.subsections)
    assert table(report, ApplicationsTable2021).complete


def test_sample_tables_satisfy_r1_r3_r4_r5() -> None:
    """Table 三 balances per column (R1) and sums its results (R3) and applicants (R4); table 四 holds R5."""
    assert set() == violations(examples.load(SAMPLE))


def test_sample_tables_are_not_trivial() -> None:
    """Several applicant columns of table 三 and every block of table 四 hold non-zero numbers."""
    report = examples.load(SAMPLE)
    applications: ApplicationsTable2021 = table(report, ApplicationsTable2021)
    busy = [c.id for c in APPLICATION_COLUMNS[:6] if int(applications.get("new", c.id)) > 0]
    assert ["natural-person", "commercial", "legal-services", "other"] == busy
    reviews: ReviewsTable = table(report, ReviewsTable)
    totals = [
        int(reviews.get("cases", f"{block}.total"))
        for block in ("review", "litigation.direct", "litigation.after-review")
    ]
    assert [3, 1, 1] == totals


def test_sample_breakdowns_and_shares_agree_with_their_counts() -> None:
    """Each narrative breakdown adds up, and each share is its part over its whole, in the printed digits."""
    report = examples.load(SAMPLE)
    breakdowns = [
        b for _, s in report.walk() for block in s.blocks if isinstance(block, Paragraph) for b in block.breakdowns
    ]
    shares = [q for _, s in report.walk() for block in s.blocks for q in block.quantities() if isinstance(q, Share)]
    assert 3 == len(breakdowns)
    assert ["84"] == [format(share.value, "f") for share in shares]
    assert set() == narrative_problems(report)


def test_sample_narrative_matches_its_tables() -> None:
    """The prose of 总体情况（二） repeats table 三's received, closed and carried-forward totals."""
    report = examples.load(SAMPLE)
    applications: ApplicationsTable2021 = table(report, ApplicationsTable2021)
    overview = report.part(Part.OVERVIEW)
    assert overview is not None
    counts = {
        q.id: q.value
        for block in overview.subsections[1].blocks
        for q in block.quantities()
        if isinstance(q, Count) and q.id
    }
    assert int(applications.get("new", "total")) == counts["new"]
    assert int(applications.get("new", "natural-person")) == counts["natural-person"]
    assert int(applications.get("result.total", "total")) == counts["closed"]
    assert int(applications.get("result.disclosed", "total")) == counts["disclosed"]


def test_sample_dates_meet_the_deadline_and_follow_the_year() -> None:
    """Published by 1月31日 of the next year (a department), signed after the report year ends."""
    report = examples.load(SAMPLE)
    assert report.publication.published_on is not None
    assert report.signature is not None
    assert report.signature.date is not None
    assert report.publication.published_on <= datetime.date(report.year + 1, 1, 31)
    assert report.signature.date > datetime.date(report.year, 12, 31)
    assert report.signature.organ == report.agency.name


def test_sample_accounts_for_the_fee_its_table_reports() -> None:
    """Table 三 row （六）2 counts one application dropped for an unpaid fee, and 六 has the 信息处理费 account."""
    report = examples.load(SAMPLE)
    assert 1 == int(table(report, ApplicationsTable2021).get("result.other.no-fee", "total"))
    other = report.part(Part.OTHER)
    assert other is not None
    fee_text = "".join(plain_text(b.content) for _, s in other.walk() for b in s.blocks if isinstance(b, Paragraph))
    assert "信息处理费" in fee_text


def test_sample_index_number_has_a_valid_credit_code() -> None:
    """The 索引号's front part is an 18-character 统一社会信用代码 whose GB 32100 check character is right."""
    report = examples.load(SAMPLE)
    assert report.publication.index_number is not None
    code, back = report.publication.index_number.split("/")
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(char) * weight for char, weight in zip(code, weights, strict=False))
    assert (18, alphabet[(31 - total % 31) % 31]) == (len(code), code[-1])
    assert re.fullmatch(r"2022-\d{5}", back)


# ---- sample-2021-flawed: the documented errors ----------------------------------------------------------------------


def test_flawed_tables_break_exactly_the_designed_relations() -> None:
    """The two table-三 edits and the table-四 edit break R1, R3, R4 and R5 exactly where docs/samples.md says."""
    expected = {
        ("R1", "natural-person"),
        ("R4", "carry-forward"),
        ("R3", "total"),
        ("R4", "result.unable.not-held"),
        ("R5", "review"),
    }
    assert expected == violations(examples.load(FLAWED))


def test_flawed_narrative_has_one_wrong_breakdown_and_one_wrong_share() -> None:
    """The category breakdown of 总体情况（一） and the share in 总体情况（二） are wrong; the rest still agrees."""
    assert {"breakdown proactive-total", "share natural-person-share"} == narrative_problems(examples.load(FLAWED))


def test_every_documented_path_points_at_a_change() -> None:
    """Each documented finding's path exists in both samples and holds something the flawed sample changed."""
    documented = documented_findings()
    assert 11 == len(documented)
    sample, flawed = (report_to_data(examples.load(name)) for name in SAMPLES)
    for rule, path in documented:
        assert at(sample, path) != at(flawed, path), (rule, path)


def test_documented_rules_cover_the_main_rules() -> None:
    """The flawed sample exercises every rule the issue asks for."""
    rules = {rule for rule, _ in documented_findings()}
    assert {
        "applications.balance",
        "applications.results-total",
        "applications.applicant-total",
        "reviews.totals",
        "breakdown.sum",
        "share.value",
        "publication.deadline",
        "signature.date",
        "fees.unreported",
        "part.missing",
    } == rules


# ---- with the checks ------------------------------------------------------------------------------------------------


def _check() -> Any:
    return check


def test_checks_find_nothing_in_the_sample() -> None:
    """No rule of the catalog fires on sample-2021."""
    result = _check()(examples.load(SAMPLE))
    assert [] == [(f.rule, f.paths) for f in result.findings]


def test_checks_find_exactly_the_documented_errors_in_the_flawed_sample() -> None:
    """check(sample-2021-flawed) reports every documented (rule, path) once, and nothing else."""
    findings = list(_check()(examples.load(FLAWED)).findings)
    unmatched = list(findings)
    for rule, path in documented_findings():
        matches = [f for f in unmatched if f.rule == rule and path in f.paths]
        assert 1 == len(matches), (rule, path, [(f.rule, f.paths) for f in matches])
        unmatched.remove(matches[0])
    assert [] == [(f.rule, f.paths, f.message) for f in unmatched]
