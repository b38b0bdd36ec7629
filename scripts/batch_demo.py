"""Generate many report files (and one corrupt one) for trying the batch command line.

    python scripts/batch_demo.py DIR [--count 10000]
    govdisclose check DIR --jobs 2 --format jsonl > findings.jsonl

The reports are the bundled 2021 samples with the agency and year varied and, in every third one, a table cell
changed, so the checks have something to find; file ``corrupt-0000.json`` is not a valid document.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import attrs

from govdisclose import ApplicationsTable2021, Figure, TableRow, examples, to_json
from govdisclose.model import Report, Section


def _perturbed(report: Report, rng: random.Random) -> Report:
    """The report with one cell of table 三 (new applications, one applicant column) raised by 1 to 3."""
    sections = list(report.sections)
    for index, section in enumerate(sections):
        blocks = list(section.blocks)
        for position, block in enumerate(blocks):
            if isinstance(block, ApplicationsTable2021):
                rows = list(block.rows)
                row = rows[0]
                values = list(row.values)
                column = rng.randrange(6)
                values[column] = Figure.of((values[column].value or 0) + rng.randint(1, 3))
                rows[0] = TableRow(id=row.id, values=tuple(values), label=row.label)
                blocks[position] = attrs.evolve(block, rows=tuple(rows))
                sections[index] = Section(**{**attrs.asdict(section, recurse=False), "blocks": tuple(blocks)})
                return attrs.evolve(report, sections=tuple(sections))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.directory.mkdir(parents=True, exist_ok=True)
    base = examples.load("sample-2021")
    for index in range(args.count):
        report = attrs.evolve(base, agency=attrs.evolve(base.agency, name=f"示例县第{index + 1}局"), title=None)
        if index % 3 == 2:
            report = _perturbed(report, rng)
        (args.directory / f"report-{index:05d}.json").write_text(to_json(report), encoding="utf-8")
    (args.directory / "corrupt-0000.json").write_text('{"schema_version": 1, "edition": "2021", "year": ', "utf-8")
    print(f"wrote {args.count} reports and 1 corrupt file to {args.directory}")


if __name__ == "__main__":
    main()
