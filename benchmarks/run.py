"""Benchmarks of govdisclose against the alternatives, in one run on the same data.

Run ``uv run python benchmarks/run.py`` (``--quick`` for a run of well under a minute). Every comparison prints one line
``NAME: govdisclose A µs, PEER B µs, ratio A/B``; memory lines give KiB. The peers (pydantic v2, msgspec, Jinja2) are
benchmark-only dependencies. Before timing, each peer's output is checked against govdisclose's (the same report, the
same JSON data, the same text), so that no line compares unequal work. docs/performance.md explains the peers and holds
the latest table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import best_us, import_us, in_fresh_interpreter, kib_per_copy

import govdisclose

PREFERRED = "sample-2021"
FALLBACK = "sanyuan-chengguan-2017"

# Targets of issues 7 and 17, measured here and never asserted.
IMPORT_TARGET_US = 150_000
CHECK_RENDER_TARGET_US = 2_000


def line(name: str, ours: float, peer_name: str, theirs: float, unit: str = "µs") -> float:
    """Print one comparison line and return the ratio."""
    ratio = ours / theirs
    print(
        f"{name}: govdisclose {_number(ours)} {unit}, {peer_name} {_number(theirs)} {unit}, ratio {ratio:.2f}",
        flush=True,
    )
    return ratio


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def skipped(name: str, why: str) -> None:
    print(f"{name}: skipped: {why}", flush=True)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()} ({platform.python_implementation()})"


def _require_same(what: str, ours: object, theirs: object) -> None:
    if ours != theirs:
        raise SystemExit(f"benchmark setup: {what} differs between govdisclose and its peer; fix the peer first")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and copies: a run well under a minute")
    parser.add_argument("--example", help=f"the bundled example to measure (default {PREFERRED})")
    args = parser.parse_args(argv)
    quick = args.quick

    from peers import jinja_text, msgspec_model, pydantic_model

    name = args.example or PREFERRED
    if name not in govdisclose.examples.names():
        print(f"note: example {name!r} is not bundled; measuring {FALLBACK!r} instead", flush=True)
        name = FALLBACK
    text = govdisclose.examples.text(name)
    report = govdisclose.from_json(text)
    print(f"data: {name} ({len(text.encode()):,} bytes of JSON); {'quick' if quick else 'full'} run", flush=True)
    print(f"machine: {machine()}", flush=True)

    # ---- the peers do the same work -------------------------------------------------------------------------------
    document = json.loads(text)
    p_report = pydantic_model.load(text)
    _require_same("the JSON data dumped by pydantic", document, json.loads(pydantic_model.dump(p_report)))
    m_structs = msgspec_model.decode(text)
    _require_same("the report loaded through msgspec", report, msgspec_model.to_attrs(m_structs))
    _require_same("the JSON data dumped by msgspec", document, json.loads(msgspec_model.encode(m_structs)))
    _require_same(
        "the JSON data dumped by msgspec from attrs",
        document,
        json.loads(msgspec_model.encode(msgspec_model.from_attrs(report))),
    )
    ours_text = govdisclose.render(report, to="text")
    _require_same("the text rendered by Jinja2", ours_text, jinja_text.render_text(report))

    def t(func: Callable[[], object]) -> float:
        return best_us(func, quick=quick)

    ratios: dict[str, float] = {}

    # ---- JSON --------------------------------------------------------------------------------------------------------
    load = t(lambda: govdisclose.from_json(text))
    ratios["load/pydantic"] = line("JSON load", load, "pydantic v2", t(lambda: pydantic_model.load(text)))
    ratios["load/msgspec"] = line(
        "JSON load", load, "msgspec→attrs", t(lambda: msgspec_model.to_attrs(msgspec_model.decode(text)))
    )
    line("JSON load", load, "msgspec Structs only", t(lambda: msgspec_model.decode(text)))
    dump = t(lambda: govdisclose.to_json(report))
    ratios["dump/pydantic"] = line("JSON dump", dump, "pydantic v2", t(lambda: pydantic_model.dump(p_report)))
    line("JSON dump", dump, "msgspec←attrs", t(lambda: msgspec_model.encode(msgspec_model.from_attrs(report))))
    line("JSON dump", dump, "msgspec Structs only", t(lambda: msgspec_model.encode(m_structs)))

    # ---- rendering ---------------------------------------------------------------------------------------------------
    render_text = t(lambda: govdisclose.render(report, to="text"))
    ratios["render text"] = line("render text", render_text, "Jinja2", t(lambda: jinja_text.render_text(report)))
    from govdisclose.render import default_renderers

    if "html" not in default_renderers.names():
        skipped("render html", "govdisclose has no html renderer")
    else:
        from peers import jinja_html

        ours_html = govdisclose.render(report, to="html")
        if ours_html != jinja_html.render_html(report):
            skipped("render html", "the Jinja2 template's output differs from govdisclose's html renderer")
        else:
            ratios["render html"] = line(
                "render html",
                t(lambda: govdisclose.render(report, to="html")),
                "Jinja2",
                t(lambda: jinja_html.render_html(report)),
            )

    # ---- check and read ----------------------------------------------------------------------------------------------
    try:
        from govdisclose.checks import check
    except ImportError as exc:
        skipped("check", f"govdisclose.checks.check not available ({exc})")
    else:
        line("check", t(lambda: check(report)), "JSON load (for scale)", load)
        both = t(lambda: (check(report), govdisclose.render(report, to="text")))
        ratios["check+render"] = line("check + render text", both, "target", CHECK_RENDER_TARGET_US)
    try:
        from govdisclose.read import read_text
    except ImportError as exc:
        skipped("read_text", f"govdisclose.read.read_text not available ({exc})")
    else:
        line("read_text", t(lambda: read_text(ours_text)), "JSON load (for scale)", load)

    # ---- import ------------------------------------------------------------------------------------------------------
    runs = 5 if quick else 20
    ours_import = import_us("import govdisclose", runs=runs)
    line("import", ours_import, "import attrs, cattrs", import_us("import attrs, cattrs", runs=runs))
    ratios["import"] = line("import", ours_import, "target", IMPORT_TARGET_US)
    line(
        "import without bytecode cache",
        import_us("import govdisclose", runs=runs, bytecode=False),
        "import attrs, cattrs",
        import_us("import attrs, cattrs", runs=runs, bytecode=False),
    )
    locale = in_fresh_interpreter(
        "import json, sys\n"
        "import govdisclose\n"
        "loaded = 'babel.localedata' in sys.modules\n"
        "import babel.localedata\n"
        "at_import = sorted(babel.localedata._cache)\n"
        f"govdisclose.render(govdisclose.examples.load({name!r}), to='text')\n"
        "print(json.dumps([loaded, at_import, sorted(babel.localedata._cache)]))\n"
    )
    module_loaded, at_import, after_render = locale
    print(
        f"locale data at import: {', '.join(at_import) or 'none'} "
        f"(babel.localedata {'imported' if module_loaded else 'not imported'}); "
        f"after the first render: {', '.join(after_render) or 'none'}",
        flush=True,
    )

    # ---- memory ------------------------------------------------------------------------------------------------------
    copies = 50 if quick else 500
    ours_kib = kib_per_copy(lambda: govdisclose.from_json(text), copies=copies)
    line(
        "memory per report",
        ours_kib,
        "pydantic v2",
        kib_per_copy(lambda: pydantic_model.load(text), copies=copies),
        "KiB",
    )
    line(
        "memory per report",
        ours_kib,
        "msgspec Structs",
        kib_per_copy(lambda: msgspec_model.decode(text), copies=copies),
        "KiB",
    )

    # ---- targets -----------------------------------------------------------------------------------------------------
    verdicts = [
        ("load ≤ 1.0× pydantic v2", ratios["load/pydantic"] <= 1.0),
        ("load ≤ 3× msgspec→attrs", ratios["load/msgspec"] <= 3.0),
        ("dump ≤ 1.0× pydantic v2", ratios["dump/pydantic"] <= 1.0),
        ("render text ≤ 1.0× Jinja2", ratios["render text"] <= 1.0),
        ("import ≤ 150 ms", ratios["import"] <= 1.0),
        ("no locale data at import", not at_import),
    ]
    if "render html" in ratios:
        verdicts.append(("render html ≤ 1.0× Jinja2", ratios["render html"] <= 1.0))
    if "check+render" in ratios:
        verdicts.append(("check + render < 2 ms", ratios["check+render"] < 1.0))
    print("targets: " + "; ".join(f"{what} {'met' if ok else 'MISSED'}" for what, ok in verdicts), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
