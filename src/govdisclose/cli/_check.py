"""``govdisclose check`` and ``govdisclose rules``."""

from __future__ import annotations

import argparse
import functools
import sys
from typing import TYPE_CHECKING, Any

from .._errors import GovDiscloseError, RegistryError, SourceError
from ..batch import check_file, load_source
from ..model import Report
from ..serialize._files import FORMATS
from ._core import CommandError, HostHandle, Run, Session, visible
from ._runs import (
    DOCUMENT_SUFFIXES,
    add_sources,
    emit,
    encoded,
    failed,
    failure_line,
    jsonl,
    report_failure,
    run_batch,
)

if TYPE_CHECKING:
    from ..checks import Profile, RuleSet

__all__ = ["check", "check_source", "rules"]


def check_source(
    source: str,
    *,
    handle: HostHandle,
    fmt: str | None,
    rules: RuleSet,
    previous: Report | None,
    text: bool,
    profile: Profile | None = None,
    terminal: bool = False,
) -> dict[str, Any]:
    """Check one source (a task): whether it is ok, its counts, and its output as the bytes to write.

    The output (the findings as text, escaped for a *terminal*, or the JSON Lines record) is made and encoded here,
    in the worker with ``--jobs``: the parent only writes the bytes, and bytes cross between processes far faster
    than the findings as nested data (or even as a string, which is encoded on one side and decoded on the other).
    """
    result = check_file(source, fmt=fmt, registry=handle.kinds, rules=rules, previous=previous, profile=profile)
    if text:
        output = f"{source} ({result.report.display_title})\n{result.to_text()}"
        output = visible(output) if terminal else output
    else:
        output = jsonl(result.to_data(source=source))
    return {"ok": result.ok, "counts": result.counts, "output": encoded(output)}


def _rules(options: argparse.Namespace, session: Session) -> RuleSet:
    """The rules of this run: the host's catalog with ``--disable`` and ``--severity`` applied."""
    levels = dict(item.partition("=")[::2] for item in options.severity)
    if any(not rule_id or not level for rule_id, level in levels.items()):
        raise CommandError("--severity takes ID=LEVEL, e.g. table.incomplete=info", status=2)
    try:
        return session.rules.configure(disable=options.disable, severity=levels)
    except RegistryError as exc:  # a usage error, not a problem of a source
        raise CommandError(str(exc), status=2) from None


def _profile(options: argparse.Namespace, rules: RuleSet) -> Profile | None:
    """The ``--profile`` file, read and checked against the rules of the run (a bad one is a usage error)."""
    if options.profile is None:
        return None
    from ..checks import load_profile

    try:
        profile = load_profile(options.profile)
        profile.select(rules)
    except (GovDiscloseError, OSError) as exc:
        raise CommandError(f"--profile {options.profile}: {exc}", status=2) from None
    return profile


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def check(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose check``: text (findings grouped per source, then a summary) or JSON Lines (one per source)."""
    add_sources(parser, "report files (.json/.toml/.yaml) or directories of them, - for stdin, or example:NAME")
    parser.add_argument("--from", dest="fmt", choices=FORMATS, help="the SOURCEs' format (default: from the suffix)")
    parser.add_argument("--previous", metavar="SOURCE", help="last year's report, for the rules across years")
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text, or JSON Lines: one findings document per source (json is the same)",
    )
    parser.add_argument("--disable", metavar="ID", action="append", default=[], help="a rule not to run")
    parser.add_argument(
        "--severity", metavar="ID=LEVEL", action="append", default=[], help="re-grade a rule (error/warning/info)"
    )
    parser.add_argument(
        "--profile", metavar="FILE", help="a check profile (TOML): rules, severities, blank policy, parameters, scopes"
    )

    def run(options: argparse.Namespace, session: Session) -> int:
        rules = _rules(options, session)
        profile = _profile(options, rules)
        registry = session.kinds
        previous = None
        if options.previous:
            try:
                previous = load_source(options.previous, fmt=options.fmt, registry=registry)
            except GovDiscloseError as exc:
                raise CommandError(f"{options.previous}: {exc}") from None
        text = options.output_format == "text"
        task = functools.partial(
            check_source,
            handle=session.handle,
            fmt=options.fmt,
            rules=rules,
            previous=previous,
            text=text,
            profile=profile,
            terminal=text and sys.stdout.isatty(),
        )
        totals = {"error": 0, "warning": 0, "info": 0, "explained": 0}
        reports = failures = 0
        clean = True
        for result in run_batch(task, options.sources, jobs=options.jobs, suffixes=DOCUMENT_SUFFIXES):
            if result.ok:
                assert result.value is not None
                data = result.value
                try:
                    emit(data["output"])
                except SourceError as exc:  # this source's findings cannot be written: it fails, the others go on
                    result = failed(result, exc)
                else:
                    reports += 1
                    clean = clean and data["ok"]
                    for key in totals:
                        totals[key] += data["counts"][key]
                    continue
            failures += 1
            clean = False
            report_failure(result.source, result.error)
            if not text:
                emit(failure_line(result))
        if text:
            summary = (
                f"{_plural(reports, 'report')}: {_plural(totals['error'], 'error')}, "
                f"{_plural(totals['warning'], 'warning')}, {totals['info']} info ({totals['explained']} explained)"
            )
            emit(summary + (f"; {_plural(failures, 'source')} failed" if failures else "") + "\n")
        return 0 if clean else 1

    return run


def rules(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose rules``: the rules of the catalog, one per line."""

    def run(options: argparse.Namespace, session: Session) -> int:
        lines = [f"{rule.id}\t{rule.severity.value}\t{rule.scope}\t{rule.title}" for rule in session.host.rules]
        emit("\n".join(lines) + "\n")
        return 0

    return run
