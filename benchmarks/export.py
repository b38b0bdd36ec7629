"""Export at scale: `govdisclose.data.export(..., to="parquet")` against loading and checking the same reports.

    uv run python benchmarks/export.py                 # 10,000 reports (and 1,000 for the memory comparison)
    uv run python benchmarks/export.py --count 2000    # quicker

Generates N report files (as benchmarks/scale.py does: the two full 2021 samples alternately, each under its own
agency name), then runs, each in a fresh interpreter and in one process: (a) load and check every report, the work of
`govdisclose check`; (b) export every report to Parquet, which loads, checks and also makes every table's rows, the
report ids (SHA-256 of the canonical JSON) and the Arrow batches, and writes the parts. It prints the wall and CPU
seconds of each, the ratio export ÷ (load + check) — the target is at most 1.3 — and each child's peak resident
memory, for N and for N/10: a peak that does not grow with N shows the export streams. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scale import generate  # the one generator of benchmark reports, beside this script


def _child(mode: str, folder: Path, out: Path) -> None:
    """Run one measurement in this (fresh) process and print its JSON line."""
    from govdisclose.batch import expand_sources, load_source
    from govdisclose.checks import check
    from govdisclose.data import export

    sources = list(expand_sources([folder]))
    start, cpu = time.perf_counter(), time.process_time()
    if mode == "check":
        for source in sources:
            check(load_source(source))
    else:
        summary = export(sources, to="parquet", out=out)
        assert summary.reports == len(sources), summary
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"wall": wall, "cpu": used, "peak": peak, "reports": len(sources)}))


def _measure(mode: str, folder: Path, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(folder), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the {mode} run failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="reports (default 10,000)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "OUT"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        mode, folder, out = options.child
        _child(mode, Path(folder), Path(out))
        return 0
    with tempfile.TemporaryDirectory(prefix="govdisclose-export-") as workspace:
        root = Path(workspace)
        counts = sorted({max(1, options.count // 10), options.count})
        for count in counts:
            folder = root / f"n{count}"
            generate(folder, count)
            check_run = _measure("check", folder, root / "unused")
            export_run = _measure("export", folder, root / f"parquet-{count}")
            size = sum(p.stat().st_size for p in (root / f"parquet-{count}").rglob("*.parquet"))
            print(
                f"N={count:>6,}: load+check {check_run['wall']:7.2f} s wall {check_run['cpu']:7.2f} s CPU, "
                f"peak {check_run['peak'] / 2**20:5.0f} MiB | export to Parquet {export_run['wall']:7.2f} s wall "
                f"{export_run['cpu']:7.2f} s CPU, peak {export_run['peak'] / 2**20:5.0f} MiB, "
                f"{size / 2**20:.1f} MiB of Parquet"
            )
            print(
                f"          export ÷ (load + check): {export_run['wall'] / check_run['wall']:.2f}× wall, "
                f"{export_run['cpu'] / check_run['cpu']:.2f}× CPU (target ≤ 1.3×)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
