"""Ground truth of the complete corpus reports and the score of the reader against it.

The truth files (``tests/data/truth/*.toml``) were written by hand from the published files in ``tests/data/corpus``
(page images of the PDFs, the markup of the HTML, the crawler texts split where the layout and the sums make the
split unique); each names its source, agency, year and edition, and lists the cells of every official table:

- ``[proactive]`` / ``[applications]`` / ``[reviews]``: tables 二、三、四 of the 2019/2021 formats, one key per official
  row id of the ``definition`` named (``src/govdisclose/model/_tabledefs.py``), the cells in the definition's column
  order; ``absent`` lists rows of the edition that the publication does not print;
- ``[[statistics]]``: a table of a pre-2019 report, rows as published (label, unit, values) with the sums its own
  structure implies (``relations``);
- ``[[known]]``: published sums that do not hold. They are data: :func:`violations` must find exactly these.

A cell is a number (an integer, or a string for money: exact decimals), ``""`` for a cell printed empty, or a marker
string as printed (``/``, ``—``). The score counts a cell right when the reader put the same figure in a *typed* table
(an official table, or a :class:`~govdisclose.model.StatisticsTable` for a pre-2019 report): numbers equal, a blank
read as blank, a marker as the same marker. Used by ``tests/test_read_truth.py`` and ``scripts/read_corpus.py``.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import govdisclose.read
from govdisclose import MissingExtraError
from govdisclose.model import (
    APPLICATIONS_2019,
    APPLICATIONS_2021,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Block,
    Figure,
    OfficialTable,
    ProactiveTable2019,
    ProactiveTable2021,
    Report,
    ReviewsTable,
    StatisticsTable,
    StatRow,
    TableDef,
)
from govdisclose.read import ReadResult, read_html, read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TESTS = Path(__file__).parent
TRUTH = TESTS / "data" / "truth"
CORPUS = TESTS / "data" / "corpus"
FLOORS = TRUTH / "floors.toml"

DEFINITIONS: dict[str, TableDef] = {
    d.id: d for d in (PROACTIVE_2019, PROACTIVE_2021, APPLICATIONS_2019, APPLICATIONS_2021, REVIEWS_LITIGATION)
}
OFFICIAL = ("proactive", "applications", "reviews")
"""The official tables of a truth file, by the key they have there."""
TABLE_TYPES: dict[str, tuple[type[OfficialTable], ...]] = {
    "proactive": (ProactiveTable2019, ProactiveTable2021),
    "applications": (ApplicationsTable2019, ApplicationsTable2021),
    "reviews": (ReviewsTable,),
}
HEAD = ("agency", "year", "edition")
CRAWLER_BODY = "==================== 正文 ===================="
"""The line that ends the crawler header of the archive's ``page.txt`` files; the report starts after it."""


class ReaderMissing(Exception):
    """The reader for this kind of file is not available (yet) in the installed govdisclose."""


@dataclass(frozen=True)
class TruthCell:
    """One expected cell.

    Attributes:
        table: ``proactive``, ``applications``, ``reviews``, or ``statistics[N]``.
        row: The official row id, or the published label of a statistics row.
        column: The column's index in the row.
        where: Row and column labels, for messages.
        expected: The figure as published.
    """

    table: str
    row: str
    column: int
    where: str
    expected: Figure


@dataclass(frozen=True)
class Truth:
    """The truth file of one report."""

    name: str
    source: Path
    agency: str
    year: int
    edition: str
    data: dict[str, Any]

    @property
    def cells(self) -> list[TruthCell]:
        """Every expected cell, table by table."""
        return list(_cells(self.data))

    @property
    def known(self) -> set[tuple[str, str, str]]:
        """The published inconsistencies the file records: ``(table, rule, where)``."""
        return {(k.get("table", _RULE_TABLES[k["rule"]]), k["rule"], k["where"]) for k in self.data.get("known", ())}


_RULE_TABLES = {"R1": "applications", "R3": "applications", "R4": "applications", "R5": "reviews", "sum": "statistics"}


def load(path: Path) -> Truth:
    """The truth file at *path*."""
    with path.open("rb") as file:
        data = tomllib.load(file)
    return Truth(
        name=path.stem,
        source=CORPUS / data["source"],
        agency=data["agency"],
        year=data["year"],
        edition=data["edition"],
        data=data,
    )


def truths() -> list[Truth]:
    """Every truth file, by name."""
    return [load(path) for path in sorted(TRUTH.glob("*.toml")) if path != FLOORS]


def figure(written: int | str) -> Figure:
    """The figure a truth file writes as an integer or a string."""
    return Figure.of(written)


def _cells(data: dict[str, Any]) -> Iterator[TruthCell]:
    for key in OFFICIAL:
        table = data.get(key)
        if table is None:
            continue
        definition = DEFINITIONS[table["definition"]]
        for row_id, values in table.items():
            if row_id in ("definition", "procurement_unit"):
                continue
            row = definition.row(row_id)
            if len(values) != len(row.columns):
                raise ValueError(f"{key}.{row_id}: {len(values)} cells, the definition has {len(row.columns)}")
            for index, (value, column) in enumerate(zip(values, row.columns, strict=True)):
                where = f"{row.label or row_id} × {'/'.join((*column.path, column.label))}"
                yield TruthCell(table=key, row=row_id, column=index, where=where, expected=figure(value))
    for number, table in enumerate(data.get("statistics", ())):
        for row in table["rows"]:
            if len(row["values"]) != len(table["columns"]):
                raise ValueError(f"statistics[{number}] {row['label']}: {len(row['values'])} cells")
            for index, value in enumerate(row["values"]):
                yield TruthCell(
                    table=f"statistics[{number}]",
                    row=row["label"],
                    column=index,
                    where=f"{row['label']} × {table['columns'][index]}",
                    expected=figure(value),
                )


# ---- the tables' own sums -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    """A published sum that does not hold."""

    table: str
    rule: str
    where: str
    detail: str

    @property
    def key(self) -> tuple[str, str, str]:
        """``(table, rule, where)``, as a truth file's ``[[known]]`` entries name it."""
        return (self.table, self.rule, self.where)


def _numbers(values: list[int | str]) -> list[Decimal] | None:
    """The values as numbers, or ``None`` when one is not a number (a sum cannot be checked then)."""
    figures = [figure(v) for v in values]
    if not all(f.is_exact for f in figures):
        return None
    return [f.value for f in figures if f.value is not None]


def violations(truth: Truth) -> list[Violation]:
    """The sums of the official rules (R1, R3, R4, R5 of the spec) and of the statistics relations that fail."""
    found: list[Violation] = []
    applications = truth.data.get("applications")
    if applications is not None:
        rows = {k: _numbers(v) for k, v in applications.items() if k != "definition"}
        columns = [c.id for c in DEFINITIONS[applications["definition"]].columns]
        for row_id, values in rows.items():  # R4: 总计 = the six applicant columns
            if values is not None and sum(values[:6]) != values[6]:
                found.append(
                    Violation("applications", "R4", row_id, f"{' + '.join(map(str, values[:6]))} ≠ 总计 {values[6]}")
                )
        results = [k for k in rows if k.startswith("result.") and k != "result.total"]
        for index, column in enumerate(columns):
            cell = {k: v[index] for k, v in rows.items() if v is not None}
            if {"new", "carried-over", "result.total", "carry-forward"} <= cell.keys():  # R1
                left, right = cell["new"] + cell["carried-over"], cell["result.total"] + cell["carry-forward"]
                if left != right:
                    found.append(Violation("applications", "R1", column, f"一+二 = {left} ≠ 三（七）+四 = {right}"))
            if "result.total" in cell and all(k in cell for k in results):  # R3
                parts = sum(cell[k] for k in results)
                if parts != cell["result.total"]:
                    found.append(
                        Violation(
                            "applications", "R3", column, f"Σ（一）…（六）= {parts} ≠ （七）总计 {cell['result.total']}"
                        )
                    )
    reviews = truth.data.get("reviews")
    if reviews is not None:
        values = _numbers(reviews["cases"])
        if values is not None:
            for start, block in zip(
                (0, 5, 10), ("review", "litigation.direct", "litigation.after-review"), strict=True
            ):
                parts = values[start : start + 4]
                if sum(parts) != values[start + 4]:
                    detail = f"{' + '.join(map(str, parts))} = {sum(parts)} ≠ 总计 {values[start + 4]}"
                    found.append(Violation("reviews", "R5", block, detail))
    for number, table in enumerate(truth.data.get("statistics", ())):
        by_label = {row["label"]: row["values"] for row in table["rows"]}
        for relation in table.get("relations", ()):
            for index, column in enumerate(table["columns"]):
                total = _numbers([by_label[relation["total"]][index]])
                parts = _numbers([by_label[p][index] for p in relation["parts"]])
                if total is not None and parts is not None and sum(parts) != total[0]:
                    found.append(
                        Violation(
                            f"statistics[{number}]",
                            "sum",
                            f"{relation['total']} × {column}",
                            f"Σ parts = {sum(parts)} ≠ {total[0]}",
                        )
                    )
    return found


# ---- reading and scoring ------------------------------------------------------------------------------------------


def report_text(path: Path) -> str:
    """The report text of a corpus ``.txt`` file: after the crawler header, or after a ``---`` corpus header."""
    text = path.read_text(encoding="utf-8")
    head, separator, body = text.partition(CRAWLER_BODY + "\n")
    if separator:
        return body
    head, separator, body = text.partition("\n---\n")
    if separator and head.startswith("source_url:"):
        lines = body.rstrip("\n").split("\n")
        if lines and lines[-1].startswith("[truncated"):
            lines.pop()
        return "\n".join(lines) + "\n"
    return text


def read(path: Path) -> ReadResult:
    """Read a corpus file with the reader for its kind.

    Raises:
        ReaderMissing: A PDF, and ``read_pdf`` or its ``pdf`` extra is not installed.
    """
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return read_html(path.read_text(encoding="utf-8"), source=str(path))
    if suffix == ".pdf":
        read_pdf = getattr(govdisclose.read, "read_pdf", None)
        if read_pdf is None:
            raise ReaderMissing("govdisclose.read has no read_pdf")
        try:
            result: ReadResult = read_pdf(path)
        except MissingExtraError as exc:
            raise ReaderMissing(str(exc)) from exc
        return result
    text = path.read_text(encoding="utf-8")
    source = text.partition("\n")[0].removeprefix("source_url: ") if text.startswith("source_url: ") else str(path)
    return read_text(report_text(path), source=source)


def _blocks(report: Report) -> Iterator[Block]:
    if report.introduction is not None:
        yield from report.introduction.blocks
    for _, section in report.walk():
        yield from section.blocks


def _normal(label: str) -> str:
    """A label compared loosely: NFKC, no spaces, no leading ``其中:``."""
    text = "".join(unicodedata.normalize("NFKC", label).split())
    return text.removeprefix("其中:")


def same(expected: Figure, got: Figure) -> bool:
    """Whether *got* is the published figure: the same exact number, or the same marker (a blank is ``""``)."""
    if expected.value is not None:
        return got.value == expected.value and got.qualifier is expected.qualifier
    return got.value is None and got.marker == expected.marker


@dataclass(frozen=True)
class Mismatch:
    """A truth cell the reader did not get right."""

    cell: TruthCell
    got: Figure | None
    why: str = "not read"

    def __str__(self) -> str:
        got = self.why if self.got is None else (repr(self.got.marker) if self.got.value is None else self.got.text)
        return f"{self.cell.table} {self.cell.where}: expected {self.cell.expected.text or repr('')}, got {got}"


@dataclass
class Score:
    """How many truth cells of one report the reader got right."""

    name: str
    expected: int = 0
    right: int = 0
    blanks: int = 0
    blanks_kept: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    head: str = ""

    @property
    def ratio(self) -> float:
        """Cells right / cells expected (1.0 when nothing is expected)."""
        return self.right / self.expected if self.expected else 1.0

    def line(self, mismatches: int = 3) -> str:
        """One line per file, then the first *mismatches* mismatches indented."""
        blanks = f", blanks kept {self.blanks_kept}/{self.blanks}" if self.blanks else ""
        lines = [f"{self.name}: cells {self.right}/{self.expected} ({self.ratio:.1%}){blanks}; {self.head}"]
        lines.extend(f"    {m}" for m in self.mismatches[:mismatches])
        if len(self.mismatches) > mismatches:
            lines.append(f"    … {len(self.mismatches) - mismatches} more")
        return "\n".join(lines)


def score(truth: Truth, result: ReadResult | None, *, unread: str = "") -> Score:
    """Compare every truth cell with what the reader put in the report's typed tables.

    With *result* ``None`` (the file could not be read, for the reason *unread*) every cell counts as not read.
    """
    official: dict[str, OfficialTable] = {}
    statistics: list[StatRow] = []
    result_score = Score(name=truth.name, head=f"not read: {unread}")
    if result is not None:
        report = result.report
        blocks = list(_blocks(report))
        for key, types in TABLE_TYPES.items():
            table = next((b for b in blocks if isinstance(b, types)), None)
            if table is not None:
                official[key] = table
        statistics = [row for b in blocks if isinstance(b, StatisticsTable) for row in b.rows]
        head_ok = (
            (report.agency.name in truth.agency or truth.agency in report.agency.name),
            report.year == truth.year,
            report.edition.value == {"pre2019": "pre-2019"}.get(truth.edition, truth.edition),
        )
        result_score.head = (
            " ".join(f"{label} {'ok' if ok else 'DIFF'}" for label, ok in zip(HEAD, head_ok, strict=True))
            + f" ({report.agency.name} {report.year} {report.edition.value})"
        )
    for cell in truth.cells:
        got: Figure | None = None
        why = "file not read" if result is None else "no such typed table read"
        if cell.table in official:
            row = official[cell.table].row(cell.row)
            why = "row not read" if row is None else "cell not read"
            if row is not None and cell.column < len(row.values):
                got = row.values[cell.column]
        elif statistics:
            row_read = next((r for r in statistics if _normal(r.label) == _normal(cell.row)), None)
            why = "row not read" if row_read is None else "cell not read"
            if row_read is not None and cell.column < len(row_read.values):
                got = row_read.values[cell.column]
        result_score.expected += 1
        blank = cell.expected.is_blank
        result_score.blanks += blank
        if got is not None and same(cell.expected, got):
            result_score.right += 1
            result_score.blanks_kept += blank
        else:
            result_score.mismatches.append(Mismatch(cell, got, why))
    return result_score


def floors() -> dict[str, int]:
    """The ratchet: per file, the cells right the reader reached when the floor was last raised."""
    with FLOORS.open("rb") as file:
        return {name: int(value) for name, value in tomllib.load(file).items()}
