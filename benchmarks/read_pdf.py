"""Per-page time of ``read_pdf`` against the PDF libraries' own plain text extraction of the same pages.

Run ``uv run python benchmarks/read_pdf.py [PDF ...]`` (by default the corpus PDFs in ``tests/data/corpus/pdf``).
For each file it prints the best of a few runs, per page, of:

- ``read_pdf`` (pdfplumber underneath: characters, ruling lines, tables, then the report's structure);
- pdfplumber's own ``page.extract_text()`` of every page (the plain text extraction of the chosen library);
- pypdfium2's ``get_text_range()`` of every page (the C library the choice was measured against; text only);

and the ratio of ``read_pdf`` to pdfplumber's plain text (target: at most 1.5). docs/reading.md explains the choice.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2

from govdisclose.read import read_pdf

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus" / "pdf"
RUNS = 5


def best_ms(work: Callable[[], object]) -> float:
    """The best wall time of a few runs, in milliseconds."""
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def plumber_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def pdfium_text(path: Path) -> list[str]:
    document = pypdfium2.PdfDocument(path)
    try:
        return [document[index].get_textpage().get_text_range() for index in range(len(document))]
    finally:
        document.close()


def main(paths: list[Path]) -> None:
    ratios = []
    for path in paths:
        pages = len(pdfium_text(path))
        ours = best_ms(lambda path=path: read_pdf(path)) / pages
        plumber = best_ms(lambda path=path: plumber_text(path)) / pages
        pdfium = best_ms(lambda path=path: pdfium_text(path)) / pages
        ratios.append(ours / plumber)
        print(
            f"{path.name}: {pages} pages; per page read_pdf {ours:.1f} ms, pdfplumber extract_text {plumber:.1f} ms, "
            f"pypdfium2 get_text_range {pdfium:.2f} ms; ratio read_pdf/pdfplumber {ours / plumber:.2f}",
            flush=True,
        )
    if ratios:
        print(f"worst ratio read_pdf/pdfplumber text: {max(ratios):.2f} (target <= 1.5)")


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]] or sorted(CORPUS.glob("*.pdf")))
