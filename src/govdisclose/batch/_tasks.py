"""Ready-made tasks for :func:`~govdisclose.batch.map`: top-level functions of one source, so they pickle.

Bind options with :func:`functools.partial` (``partial(render_file, to="html")``), which pickles too. The command line
runs these same tasks, with the registries of its plugins.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..model import KindRegistry, Report
from ._sources import load_source

if TYPE_CHECKING:
    from ..checks import CheckResult, Profile, RuleCatalog, RuleSet
    from ..render import RendererRegistry

__all__ = ["check_file", "check_summary", "convert_file", "render_file"]


def check_file(
    source: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    registry: KindRegistry | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    previous: Report | None = None,
    profile: Profile | None = None,
) -> CheckResult:
    """Load *source* and check it (the default rules, unless *rules* are given).

    The result holds the report; to send less between processes, use :func:`check_summary`. *fmt* and *registry* are
    those of :func:`load_source`; *rules*, *previous* and *profile* those of :func:`~govdisclose.checks.check`.
    """
    from ..checks import check

    return check(load_source(source, fmt=fmt, registry=registry), previous=previous, rules=rules, profile=profile)


def check_summary(
    source: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    registry: KindRegistry | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    previous: Report | None = None,
) -> dict[str, Any]:
    """Load *source*, check it, and return the JSON form of the findings (without the report): cheap to pickle.

    Takes the options of :func:`check_file`.

    >>> check_summary("example:sanyuan-chengguan-2017")["source"]
    'example:sanyuan-chengguan-2017'
    """
    result = check_file(source, fmt=fmt, registry=registry, rules=rules, previous=previous)
    return result.to_data(source=os.fspath(source))


def render_file(
    source: str | os.PathLike[str],
    *,
    to: str = "text",
    fmt: str | None = None,
    registry: KindRegistry | None = None,
    renderers: RendererRegistry | None = None,
) -> str | bytes:
    """Load *source* and render it in the format *to* (with *renderers*, by default the package's).

    >>> render_file("example:sanyuan-chengguan-2017").splitlines()[0]
    '三元区城关街道2017年政府信息公开工作年度报告'
    """
    from ..render import render

    return render(load_source(source, fmt=fmt, registry=registry), to=to, renderers=renderers)


def convert_file(
    source: str | os.PathLike[str], *, to: str = "json", fmt: str | None = None, registry: KindRegistry | None = None
) -> str:
    """Load *source* and write it as a document in the format *to* (``json``, ``toml`` or ``yaml``)."""
    from ..serialize import dump_report

    return dump_report(load_source(source, fmt=fmt, registry=registry), to, registry=registry)
