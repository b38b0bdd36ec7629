"""Read every report of a folder, check it, and print its error and warning findings, then the totals.

usage:
    python scripts/check_corpus.py [FOLDER] [--no-coverage] [--blanks lenient|strict] [--info]

FOLDER holds ``.txt``, ``.html`` and ``.pdf`` files, also in subfolders (default: ``tests/data/corpus``, the
repository's copy of the shared corpus). Files are read
as ``scripts/read_corpus.py`` reads them. A corpus text that ends with ``[truncated: …]`` holds only the opening of its
report: unless ``--no-coverage`` is given, it is checked with ``ReadCoverage.cut_off`` (what is absent was not read),
which is what a reader that knows the source was cut off tells the checks. ``--info`` prints the infos too.

This is how the findings on the corpus are measured before and after a change to the rules; each error and warning it
prints is then verified by hand against the published text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from govdisclose import GovDiscloseError
from govdisclose.checks import ReadCoverage, check
from truth_score import ReaderMissing, read

SUFFIXES = (".txt", ".html", ".htm", ".pdf")
CUT_OFF = "原文只收录了报告开头（[truncated]）"


def _cut_off(path: Path) -> bool:
    if path.suffix.lower() != ".txt":
        return False
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return bool(lines) and lines[-1].startswith("[truncated")


def main(argv: list[str] | None = None) -> int:
    """Check every report of the folder; print findings per file and the totals."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
    parser.add_argument("folder", nargs="?", default=str(corpus))
    parser.add_argument("--no-coverage", action="store_true", help="check cut-off texts as if they were whole")
    parser.add_argument("--blanks", choices=("lenient", "strict"), default="lenient")
    parser.add_argument("--info", action="store_true", help="print infos too")
    args = parser.parse_args(argv)
    totals: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for path in sorted(p for p in Path(args.folder).rglob("*") if p.suffix.lower() in SUFFIXES):
        try:
            result = read(path)
        except (GovDiscloseError, ReaderMissing) as exc:
            print(f"== {path.name}: not read ({exc})")
            continue
        coverage = ReadCoverage.cut_off(CUT_OFF) if _cut_off(path) and not args.no_coverage else None
        checked = check(result, coverage=coverage, blanks=args.blanks)  # the reader's own coverage when it has one
        print(f"== {path.name}{' (opening only)' if coverage is not None else ''}: {checked.summary}")
        for finding in checked.findings:
            if finding.severity.value == "info" and not args.info:
                continue
            totals[finding.severity.value] += 1
            by_rule[f"{finding.severity.value} {finding.rule}"] += 1
            print(f"  {finding.severity.value:<7} {finding.rule} {finding.path or '$'} {finding.message}")
    print(f"total: {totals['error']} errors, {totals['warning']} warnings")
    for key, count in sorted(by_rule.items()):
        print(f"  {count:>3} {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
