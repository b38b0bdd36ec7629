"""Read every report of a folder and print, per file, what the reader recognised, then a summary line.

usage:
    python scripts/read_corpus.py [FOLDER] [--diagnostics]

FOLDER holds ``.txt`` and ``.html`` files (default: ``tests/data/corpus``; ``../shared/corpus`` works too, with its
``html/`` subfolder). A corpus ``.txt`` file may start with a header of ``key: value`` lines ended by ``---``
(``source_url``, ``agency``, ``report_year``, ``format`` …): the header is not part of the report and is stripped, and
so is a last line ``[truncated: …]``; when the header names agency, year and format, the line says whether the reader
agrees (``ok``; a text that names no agency agrees when the reader says so) or not (``DIFF``). With ``--diagnostics``
every uncertain and unrecognised diagnostic is printed too.

Per file: agency, year, edition, headings, quantities, tables (``name:rows/official rows``), diagnostics
(recognised/noise/uncertain/unrecognised). The exit status is 1 when a file makes the reader raise or disagree with
its header.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from govdisclose import GovDiscloseError
from govdisclose.model import OfficialTable, Report, Table
from govdisclose.read import UNKNOWN_AGENCY, ReadResult, read_html, read_text

EDITIONS = {"pre2019": "pre-2019", "2019": "2019", "2021": "2021"}


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The corpus header (empty when there is none) and the report text, without a ``[truncated: …]`` last line."""
    header: dict[str, str] = {}
    head, separator, body = text.partition("\n---\n")
    if separator and head.startswith("source_url:"):
        header = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        text = body
    lines = text.rstrip("\n").split("\n")
    if lines and lines[-1].startswith("[truncated"):
        lines.pop()
    return header, "\n".join(lines) + "\n"


def summary(report: Report) -> tuple[int, int, list[str]]:
    """Headings, quantities and tables of a report."""
    headings = sum(1 for _ in report.walk())
    blocks = [block for _, section in report.walk() for block in section.blocks]
    if report.introduction is not None:
        blocks.extend(report.introduction.blocks)
    quantities = sum(1 for block in blocks for _ in block.quantities())
    tables = [
        f"{type(b).__name__}:{len(b.rows)}/{len(b.DEFINITION.rows)}" if isinstance(b, OfficialTable) else "Table"
        for b in blocks
        if isinstance(b, (OfficialTable, Table))
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


def read(path: Path) -> tuple[dict[str, str], ReadResult]:
    """Read one file by its suffix."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".html", ".htm"):
        return {}, read_html(text, source=str(path))
    header, body = split_header(text)
    return header, read_text(body, source=header.get("source_url", str(path)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="tests/data/corpus", type=Path)
    parser.add_argument("--diagnostics", action="store_true", help="print uncertain and unrecognised diagnostics")
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in (".txt", ".html", ".htm"))
    totals: Counter[str] = Counter()
    failed = 0
    for path in paths:
        try:
            header, result = read(path)
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
    print(
        f"{totals['files']} files read, {failed} failed or disagreeing; {totals['headings']} headings, "
        f"{totals['quantities']} quantities, {totals['tables']} tables; diagnostics {totals['recognised']} "
        f"recognised, {totals['noise']} noise, {totals['uncertain']} uncertain, {totals['unrecognised']} unrecognised"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
