"""Ready-made tasks for :func:`~govdisclose.batch.map`: top-level functions of one source, so they pickle.

Bind options with :func:`functools.partial` (``partial(render_file, to="html")``), which pickles too.
"""

from __future__ import annotations

import os
from typing import Any

from .. import examples
from ..checks import CheckResult, check
from ..model import Report
from ..render import render
from ..serialize import dump_report, load_report

__all__ = ["check_file", "check_summary", "convert_file", "load_source", "render_file"]

EXAMPLE_PREFIX = "example:"


def load_source(source: str | os.PathLike[str]) -> Report:
    """The report in *source*: a document file (``.json``, ``.toml``, ``.yaml``), ``-`` or ``example:NAME``.

    Raises:
        SourceError: The file cannot be read.
        DocumentError: It is not a valid report document.
        UnknownExampleError: No bundled example has that name.

    >>> load_source("example:sanyuan-chengguan-2017").year
    2017
    """
    name = os.fspath(source)
    if name.startswith(EXAMPLE_PREFIX):
        return examples.load(name.removeprefix(EXAMPLE_PREFIX))
    return load_report(name)


def check_file(source: str | os.PathLike[str]) -> CheckResult:
    """Load *source* and run the default checks on it.

    The result holds the report; to send less between processes, use :func:`check_summary`.
    """
    return check(load_source(source))


def check_summary(source: str | os.PathLike[str]) -> dict[str, Any]:
    """Load *source*, check it, and return the JSON form of the findings (without the report): cheap to pickle.

    >>> check_summary("example:sanyuan-chengguan-2017")["source"]
    'example:sanyuan-chengguan-2017'
    """
    return check_file(source).to_data(source=os.fspath(source))


def render_file(source: str | os.PathLike[str], *, to: str = "text") -> str | bytes:
    """Load *source* and render it in the format *to*.

    >>> render_file("example:sanyuan-chengguan-2017").splitlines()[0]
    '三元区城关街道2017年政府信息公开工作年度报告'
    """
    return render(load_source(source), to=to)


def convert_file(source: str | os.PathLike[str], *, to: str = "json") -> str:
    """Load *source* and write it as a document in the format *to* (``json``, ``toml`` or ``yaml``)."""
    return dump_report(load_source(source), to)
