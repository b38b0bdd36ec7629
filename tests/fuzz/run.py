"""Fuzz govdisclose's loaders and readers, and check that reading scales linearly.

Usage::

    python tests/fuzz/run.py                       # every target for 30 s each (what CI runs)
    python tests/fuzz/run.py --seconds 600 read_text read_html
    python tests/fuzz/run.py --scaling             # time 1 MB and 10 MB inputs; fail past 12x (linear is 10x)

Each target runs in its own coverage-guided atheris (libFuzzer) process, seeded with the bundled examples in every
format, the seed report and the corpus of real reports (``tests/data``), and a dictionary of the tokens reports are
made of. A target may raise only a ``GovDiscloseError``; anything else, and any input that takes longer than
``--timeout`` seconds, is a failure: libFuzzer writes the input to ``tests/fuzz/crashes/`` and this script exits 1.
Every failure found gets a regression test in ``tests/test_hardening_*.py``.
"""

from __future__ import annotations

import argparse
import gc
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).parent
TESTS = HERE.parent
sys.path.insert(0, str(HERE))

from targets import TARGETS, run_one  # noqa: E402 - the folder is put on the path first

import govdisclose  # noqa: E402
from govdisclose import examples  # noqa: E402

TOKENS = [
    '"kind"',
    '"section"',
    '"paragraph"',
    '"count"',
    '"amount"',
    '"value"',
    '"rows"',
    '"values"',
    '"schema_version"',
    "一、",
    "二、",
    "（一）",
    "(一)",
    "1、",
    "1.",
    "（1）",
    "一是",
    "二是",
    "共",
    "条",
    "件",
    "余",
    "万元",
    "占",
    "%",
    "其中：",
    "年",
    "月",
    "日",
    "索引号：",
    "发布日期：",
    "第二十条第（一）项",
    "本年制发件数",
    "三、本年度办理结果",
    "（七）总计",
    "自然人",
    "行政复议",
    "<table>",
    "<tr>",
    '<td rowspan="22">',
    '<td colspan="3">',
    "</td>",
    "</tr>",
    "</table>",
    "<p>",
    "<br/>",
    "&nbsp;",
    "|",
    "\u3000",
    "２０２０",
    # the bounds of issue 16: huge exponents and spans, long integers, deep dotted keys, explicit YAML tags
    "1e999999999",
    '"colspan"',
    '"rowspan"',
    "99999999999999999999999999999999",
    "0.000000000000000000001",
    "a.a.a.a.a.a.a.a",
    "!!int",
    "!!bool",
    "!!timestamp",
]


def _seeds(target: str) -> Iterator[bytes]:
    """Valid and real inputs for *target*: the bundled examples in every format and the real reports."""
    reports = [examples.load(name) for name in examples.names()]
    data = TESTS / "data"
    hostile = data / "hostile"  # the files of issue 16, each past one bound
    if target == "load_json":
        yield from (examples.text(name).encode() for name in examples.names())
        yield from (path.read_bytes() for path in sorted(hostile.glob("*.json")))
    elif target == "load_toml":
        yield from (govdisclose.to_toml(report).encode() for report in reports)
        yield from (path.read_bytes() for path in sorted(hostile.glob("*.toml")))
    elif target == "load_yaml":
        yield from (govdisclose.to_yaml(report).encode() for report in reports)
        yield from (path.read_bytes() for path in sorted(hostile.glob("*.yaml")))
    elif target == "read_text":
        yield from (str(govdisclose.render(report, to="text")).encode() for report in reports)
        yield from (path.read_bytes() for path in sorted(data.rglob("*.txt")))
    elif target == "read_html":
        yield from (str(govdisclose.render(report, to="html")).encode() for report in reports)
        yield from (path.read_bytes() for path in sorted(data.rglob("*.html")))


def fuzz(target: str, seconds: int, timeout: int, work: Path, seed: int = 0) -> tuple[bool, str]:
    """Fuzz one target; returns whether it stayed clean and libFuzzer's closing line."""
    corpus = work / target
    corpus.mkdir(parents=True, exist_ok=True)
    for index, sample in enumerate(_seeds(target)):
        (corpus / f"seed-{index:03d}").write_bytes(sample)
    dictionary = work / "tokens.dict"
    dictionary.write_text("".join(f'"{_escape(t)}"\n' for t in TOKENS), encoding="utf-8")
    crashes = HERE / "crashes"
    crashes.mkdir(exist_ok=True)
    command = [
        sys.executable,
        str(HERE / "atheris_main.py"),
        target,
        f"-max_total_time={seconds}",
        f"-timeout={timeout}",
        "-rss_limit_mb=4096",
        "-max_len=262144",
        f"-dict={dictionary}",
        f"-artifact_prefix={crashes}/{target}-",
        "-print_final_stats=1",
        f"-seed={seed}",
        str(corpus),
    ]
    finished = subprocess.run(command, capture_output=True, text=True, errors="replace", check=False)
    log = finished.stderr.splitlines()
    runs = next((line for line in reversed(log) if "stat::number_of_executed_units" in line), "")
    summary = f"{target}: {runs.split(':')[-1].strip() or '?'} inputs in {seconds} s"
    if finished.returncode != 0:
        tail = "\n".join(log[-25:])
        return False, f"{summary}: FAILED (exit {finished.returncode})\n{tail}"
    return True, summary + ": clean"


def _escape(token: str) -> str:
    return "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else _hex(ch) for ch in token)


def _hex(ch: str) -> str:
    return "".join(f"\\x{byte:02X}" for byte in ch.encode())


class _Timeout(Exception):
    pass


def _timed(function: Callable[[], None], limit: int) -> float:
    def alarm(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(limit)
    gc.collect()
    gc.disable()  # as timeit does: compare the reader's own work, not when the collector happens to run
    start = time.process_time()  # CPU time: other work on the machine does not count
    try:
        function()
    finally:
        elapsed = time.process_time() - start
        gc.enable()
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return elapsed


SCALING_LIMIT = 12.0
"""The most 10 MB of input may take against 1 MB: linear growth is 10×, and issue 17 allows 12×."""


def scaling(limit: int) -> bool:
    """Read 1 MB and 10 MB inputs; the 10 MB one must take at most 12× the 1 MB one, and finish in time.

    Linear growth gives 10×, n·log n about 13×, quadratic 100×; allocation over millions of objects adds a little to
    large inputs, a backtracking regular expression or a copy per item met adds orders of magnitude. Times are CPU
    times with the garbage collector paused (as ``timeit`` does), so other work on the machine and the collector's
    schedule do not count; each is the best of several runs (3 of the 1 MB input, 2 of the 10 MB one), since a busy
    machine still disturbs CPU time a little (caches shared with other processes).
    """
    data = TESTS / "data"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(data.rglob("*.txt")))
    html = "\n".join(p.read_text(encoding="utf-8") for p in sorted(data.rglob("*.html")))
    noisy = re.sub(r"\d", "9", text)  # long runs of digits and headings, a classic backtracking trap
    inputs = {"read_text": text + noisy, "read_html": html, "load_json": None}
    ok = True
    for target, unit in inputs.items():
        if target == "load_json":
            block = examples.text("sample-2021")
            small, large = _json_of_size(block, 1), _json_of_size(block, 10)
        else:
            assert unit is not None
            small = (unit * (1_000_000 // len(unit.encode()) + 1)).encode()[:1_000_000]
            large = (unit * (10_000_000 // len(unit.encode()) + 1)).encode()[:10_000_000]
        try:
            run_one(target, small[:10_000])  # warm up: imports, caches
            first = min(_timed(lambda s=small, t=target: run_one(t, s), limit) for _ in range(3))
            second = min(_timed(lambda s=large, t=target: run_one(t, s), limit) for _ in range(2))
        except _Timeout:
            print(f"scaling {target}: FAILED, an input took more than {limit} s")
            ok = False
            continue
        ratio = second / first if first else float("inf")
        linear = ratio <= SCALING_LIMIT
        ok = ok and linear
        verdict = "linear" if linear else f"SUPER-LINEAR: more than {SCALING_LIMIT:.0f}x"
        print(f"scaling {target}: 1 MB {first:.2f} s, 10 MB {second:.2f} s, ratio {ratio:.1f} ({verdict})", flush=True)
    return ok


def _json_of_size(document: str, megabytes: int) -> bytes:
    """A valid report document of about *megabytes* MB: the sample's sections repeated."""
    import json

    data = json.loads(document)
    sections = data["sections"]
    size = len(document.encode())
    data["sections"] = sections * max(1, megabytes * 1_000_000 // size)
    return json.dumps(data, ensure_ascii=False).encode()


def main() -> int:
    """Run the fuzz targets (or the scaling check) and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=f"targets (default: all of {', '.join(TARGETS)})")
    parser.add_argument("--seconds", type=int, default=30, help="fuzzing time per target (default 30)")
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="libFuzzer's random seed (default 0: a new one each run)")
    parser.add_argument("--scaling", action="store_true", help="only run the 1 MB / 10 MB scaling check")
    parser.add_argument("--scaling-limit", type=int, default=120, help="seconds a 10 MB input may take (default 120)")
    args = parser.parse_args()
    unknown = set(args.targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}; known: {', '.join(TARGETS)}")
    if args.scaling:
        return 0 if scaling(args.scaling_limit) else 1
    clean = True
    with tempfile.TemporaryDirectory(prefix="govdisclose-fuzz-") as work:
        for target in args.targets or list(TARGETS):
            ok, summary = fuzz(target, args.seconds, args.timeout, Path(work), args.seed)
            print(summary, flush=True)
            clean = clean and ok
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
