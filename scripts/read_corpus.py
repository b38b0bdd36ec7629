"""Read every report of a folder and print, per file, what the reader recognised, then a summary line.

usage:
    python scripts/read_corpus.py [FOLDER] [--diagnostics] [--truth | --no-truth] [--mismatches N]

FOLDER holds ``.txt``, ``.html`` and ``.pdf`` files, also in subfolders (default: ``tests/data/corpus``;
``../shared/corpus`` works too). A corpus ``.txt`` file may start with a header of ``key: value`` lines ended by
``---`` (``source_url``, ``agency``, ``report_year``, ``format`` …): the header is not part of the report and is
stripped, and so is a last line ``[truncated: …]``; when the header names agency, year and format, the line says
whether the reader agrees (``ok``; a text that names no agency agrees when the reader says so) or not (``DIFF``). A
crawler text of the 平潭 archive (``txt/``) is read after its line ``==== 正文 ====``. PDFs are read once
``govdisclose.read.read_pdf`` exists; until then they are listed as skipped. With ``--diagnostics`` every uncertain and
unrecognised diagnostic is printed too.

Per file: agency, year, edition, headings, quantities, tables (``name:rows/official rows``, ``StatisticsTable:rows``),
diagnostics (recognised/noise/uncertain/unrecognised). The exit status is 1 when a file makes the reader raise or
disagree with its header.

Truth (default when ``tests/data/truth`` has files; ``--no-truth`` turns it off): for every file that has a truth file
(matched by file name), the cell score against it — cells right / cells expected, blanks kept blank, agency/year/edition
— with the first mismatches and their row × column labels, then the total.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from govdisclose import GovDiscloseError
from govdisclose.model import OfficialTable, Report, StatisticsTable, Table
from govdisclose.read import UNKNOWN_AGENCY, ReadResult
from truth_score import ReaderMissing, Score, Truth, read, score, truths

EDITIONS = {"pre2019": "pre-2019", "2019": "2019", "2021": "2021"}
SUFFIXES = (".txt", ".html", ".htm", ".pdf")


def split_header(text: str) -> dict[str, str]:
    """The corpus header of a ``.txt`` file (``key: value`` lines before ``---``), empty when there is none."""
    head, separator, _ = text.partition("\n---\n")
    if separator and head.startswith("source_url:"):
        return dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    return {}


def summary(report: Report) -> tuple[int, int, list[str]]:
    """Headings, quantities and tables of a report."""
    headings = sum(1 for _ in report.walk())
    blocks = [block for _, section in report.walk() for block in section.blocks]
    if report.introduction is not None:
        blocks.extend(report.introduction.blocks)
    quantities = sum(1 for block in blocks for _ in block.quantities())
    tables = [
        f"{type(b).__name__}:{len(b.rows)}/{len(b.DEFINITION.rows)}"
        if isinstance(b, OfficialTable)
        else (f"StatisticsTable:{len(b.rows)}" if isinstance(b, StatisticsTable) else "Table")
        for b in blocks
        if isinstance(b, (OfficialTable, StatisticsTable, Table))
    ]
    return headings, quantities, tables


def agrees(header: dict[str, str], report: Report) -> bool | None:
    """Whether the report agrees with the header's agency, year and format (``None`` without a header)."""
    if not {"agency", "report_year", "format"} <= header.keys():
        return None
    agency = header["agency"].split(" (", 1)[0]
    return (
        (report.agency.name in agency or report.agency.name == UNKNOWN_AGENCY)
        and str(report.year) == header["report_year"]
        and report.edition.value == EDITIONS.get(header["format"], header["format"])
    )


def read_file(path: Path) -> tuple[dict[str, str], ReadResult]:
    """The corpus header of a file (if any) and what the reader makes of it."""
    header = split_header(path.read_text(encoding="utf-8")) if path.suffix.lower() == ".txt" else {}
    return header, read(path)


def print_scores(scores: list[Score], mismatches: int) -> None:
    """The cell score of every file with a truth file, then the total."""
    print("cell score against tests/data/truth:")
    for one in scores:
        print(one.line(mismatches))
    right, expected = sum(s.right for s in scores), sum(s.expected for s in scores)
    blanks, kept = sum(s.blanks for s in scores), sum(s.blanks_kept for s in scores)
    share = f"{right / expected:.1%}" if expected else "-"
    print(f"total: cells {right}/{expected} ({share}), blanks kept {kept}/{blanks}, {len(scores)} files scored")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="tests/data/corpus", type=Path)
    parser.add_argument("--diagnostics", action="store_true", help="print uncertain and unrecognised diagnostics")
    parser.add_argument(
        "--truth", action=argparse.BooleanOptionalAction, default=None, help="score cells against the truth files"
    )
    parser.add_argument("--mismatches", type=int, default=3, help="mismatches printed per file (default 3)")
    args = parser.parse_args(argv)
    by_name: dict[str, Truth] = {t.source.name: t for t in truths()} if args.truth is not False else {}
    paths = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in SUFFIXES)
    totals: Counter[str] = Counter()
    scores: list[Score] = []
    failed = 0
    for path in paths:
        try:
            header, result = read_file(path)
        except ReaderMissing as exc:
            print(f"{path.name}: SKIPPED {exc}")
            if path.name in by_name:
                scores.append(score(by_name[path.name], None, unread=str(exc)))
            continue
        except GovDiscloseError as exc:
            print(f"{path.name}: ERROR {exc}")
            failed += 1
            continue
        report = result.report
        headings, quantities, tables = summary(report)
        kinds = Counter(d.kind.value for d in result.diagnostics)
        verdict = {None: "", True: " ok", False: " DIFF"}[agrees(header, report)]
        failed += verdict == " DIFF"
        print(
            f"{path.name}: {report.agency.name} {report.year} {report.edition.value}; {headings} headings, "
            f"{quantities} quantities, tables [{', '.join(tables)}]; diagnostics "
            f"{kinds['recognised']}/{kinds['noise']}/{kinds['uncertain']}/{kinds['unrecognised']}{verdict}"
        )
        if args.diagnostics:
            for diagnostic in result.diagnostics:
                if diagnostic.kind.value in ("uncertain", "unrecognised"):
                    print(f"    {diagnostic}  «{diagnostic.text}»" if diagnostic.text else f"    {diagnostic}")
        totals.update({"files": 1, "headings": headings, "quantities": quantities, "tables": len(tables)})
        totals.update(kinds)
        if path.name in by_name:
            scores.append(score(by_name[path.name], result))
    print(
        f"{totals['files']} files read, {failed} failed or disagreeing; {totals['headings']} headings, "
        f"{totals['quantities']} quantities, {totals['tables']} tables; diagnostics {totals['recognised']} "
        f"recognised, {totals['noise']} noise, {totals['uncertain']} uncertain, {totals['unrecognised']} unrecognised"
    )
    if scores or args.truth:
        print_scores(scores, args.mismatches)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
