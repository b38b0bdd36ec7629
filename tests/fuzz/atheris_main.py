"""One coverage-guided fuzzing process (atheris/libFuzzer) for one target; started by ``run.py``.

Usage: ``python tests/fuzz/atheris_main.py TARGET [libFuzzer flags …] CORPUS_DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).parent))

with atheris.instrument_imports(include=["govdisclose"]):
    import govdisclose
    import govdisclose.read

from targets import run_one

_TARGET = sys.argv[1]


def _one_input(data: bytes) -> None:
    run_one(_TARGET, data)


if __name__ == "__main__":
    atheris.Setup([sys.argv[0], *sys.argv[2:]], _one_input)
    _ = govdisclose  # the package is imported (and instrumented) above
    atheris.Fuzz()
