"""An overview of a folder of reports, as one page of text or one self-contained HTML page (``govdisclose summary``).

Per agency and year: the key figures, the findings counted, and charts of the main indicators.

Each source becomes one small :class:`OverviewEntry` (a batch task: in this process, in worker processes or on a Dask
cluster, through :func:`govdisclose.batch.map`); the page is made from the entries, sorted by agency key and year. A
report given twice (the same canonical JSON) counts once.

>>> from govdisclose import examples
>>> entries = [overview_entry(examples.load(name)) for name in ("sample-2021", "sanyuan-chengguan-2017")]
>>> page = Overview(entries=tuple(entries))
>>> print(page.to_text().splitlines()[0])
2 reports of 2 agencies, 2017–2021; findings: 1 error, 1 warning, 1 info
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from ..batch import Result, expand_sources
from ..batch import map as batch_map
from ..checks import RuleCatalog, RuleSet, check
from ..model import KindRegistry, Report
from ._export import SOURCE_SUFFIXES, load_any
from ._html import cell, esc, page, percent, series_chart, table
from ._keyfigures import KEY_FIGURES, KeyFiguresRow, key_figures_row
from ._metrics import METRICS
from ._rows import ReportRow
from ._walk import facts_of

__all__ = ["MAIN_INDICATORS", "Overview", "OverviewEntry", "overview", "overview_entry", "overview_source"]

MAIN_INDICATORS: tuple[str, ...] = (
    "applications_new",
    "applications_closed",
    "substantive_disclosure_rate",
    "reviews_total",
    "litigation_direct_total",
)
"""The key-figure columns charted and tabulated for every report (the rest are in each agency's table)."""


@attrs.frozen(kw_only=True)
class OverviewEntry:
    """One report in the overview.

    Attributes:
        report: Its row of the reports table.
        key_figures: Its key figures.
        errors: Findings of severity error.
        warnings: Findings of severity warning.
        infos: Findings of severity info.
    """

    report: ReportRow
    key_figures: KeyFiguresRow
    errors: int
    warnings: int
    infos: int


def overview_entry(
    report: Report,
    *,
    source: str | None = None,
    registry: KindRegistry | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    overrides: Mapping[str, str] | None = None,
) -> OverviewEntry:
    """The entry of *report*: its key figures, and its findings (*rules*: the default catalog) counted."""
    facts = facts_of(report, source=source, registry=registry, overrides=overrides)
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in check(report, rules=rules).findings:
        counts[finding.severity.value] += 1
    return OverviewEntry(
        report=facts.row,
        key_figures=key_figures_row(report, facts),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
    )


def overview_source(
    source: str,
    *,
    registry: KindRegistry | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    overrides: Mapping[str, str] | None = None,
) -> OverviewEntry:
    """Load (a document) or read (a published file) *source* and make its entry (a batch task).

    Raises:
        SourceError: The file cannot be read.
        DocumentError: It is not a report document, or no reader reads it.
    """
    report = load_any(source, registry=registry)
    return overview_entry(report, source=source, registry=registry, rules=rules, overrides=overrides)


_NAMES = {k.column: k.cell.label for k in KEY_FIGURES} | {m.id.replace("-", "_"): m.name for m in METRICS.values()}
_RATIOS = frozenset(m.id.replace("-", "_") for m in METRICS.values())


def _shown(column: str, value: Decimal | None) -> str:
    if value is None:
        return "—"
    return percent(value) if column in _RATIOS else format(value, "f")


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


@attrs.frozen(kw_only=True)
class Overview:
    """The overview of many reports.

    Attributes:
        entries: The reports' entries (the page sorts them by agency key and year).
        failed: Sources that could not be read: ``(source, error)``.
        duplicates: Sources whose report was given already (counted once).
    """

    entries: tuple[OverviewEntry, ...]
    failed: tuple[tuple[str, str], ...] = ()
    duplicates: int = 0

    def _sorted(self) -> list[OverviewEntry]:
        return sorted(self.entries, key=lambda e: (e.report.agency_key, e.report.year, e.report.source or ""))

    def _agencies(self) -> dict[str, list[OverviewEntry]]:
        grouped: dict[str, list[OverviewEntry]] = {}
        for entry in self._sorted():
            grouped.setdefault(entry.report.agency_key, []).append(entry)
        return grouped

    def _headline(self) -> str:
        years = sorted({e.report.year for e in self.entries})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "no year")
        totals = [sum(getattr(e, name) for e in self.entries) for name in ("errors", "warnings", "infos")]
        return (
            f"{_plural(len(self.entries), 'report')} of {_plural(len(self._agencies()), 'agency', 'agencies')}, "
            f"{span}; findings: {_plural(totals[0], 'error')}, {_plural(totals[1], 'warning')}, "
            f"{_plural(totals[2], 'info')}"
        )

    def to_text(self) -> str:
        """A plain-text page: per agency, one line per year with the findings and the main indicators."""
        lines = [self._headline()]
        if self.duplicates:
            lines.append(f"{_plural(self.duplicates, 'duplicate')} counted once")
        lines += [f"failed: {source}: {error}" for source, error in self.failed]
        for key, entries in self._agencies().items():
            lines += ["", key]
            for e in entries:
                indicators = ", ".join(
                    f"{column} {_shown(column, e.key_figures.get(column))}" for column in MAIN_INDICATORS
                )
                lines.append(
                    f"  {e.report.year} {e.report.edition:<8} {_plural(e.errors, 'error')}, "
                    f"{_plural(e.warnings, 'warning')}, {_plural(e.infos, 'info')}; {indicators}  "
                    f"[{e.report.source or e.report.agency}]"
                )
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        """One self-contained HTML page: the reports in a table, a chart per main indicator, a table per agency."""
        entries = self._sorted()
        rows = [
            [
                cell(e.report.agency),
                cell(e.report.year, number=True),
                cell(e.report.edition),
                cell(e.errors, number=True),
                cell(e.warnings, number=True),
                cell(e.infos, number=True),
                *(cell(_shown(c, e.key_figures.get(c)), number=True) for c in MAIN_INDICATORS),
            ]
            for e in entries
        ]
        headers = ("机构", "年度", "格式", "错误", "警告", "提示", *(_NAMES[c] for c in MAIN_INDICATORS))
        years = sorted({e.report.year for e in self.entries})
        totals = [sum(getattr(e, name) for e in self.entries) for name in ("errors", "warnings", "infos")]
        body = (
            f"<p>共{len(self.entries)}份报告，{len(self._agencies())}个机构，"
            f"{'–'.join(str(y) for y in dict.fromkeys((years[0], years[-1])))}年度；"
            if years
            else "<p>没有报告；"
        )
        body += f"检查发现：错误{totals[0]}，警告{totals[1]}，提示{totals[2]}"
        body += f"；重复的报告{self.duplicates}份只计一次。</p>\n" if self.duplicates else "。</p>\n"
        if self.failed:
            items = "".join(f"<li><code>{esc(source)}</code>：{esc(error)}</li>" for source, error in self.failed)
            body += f'<h2>未能读取</h2>\n<ul class="findings">{items}</ul>\n'
        body += "<h2>报告</h2>\n" + table(headers, rows)
        body += "<h2>主要指标</h2>\n"
        for column in MAIN_INDICATORS:
            points = [
                (f"{e.report.agency} {e.report.year}", value, _shown(column, value))
                for e in entries
                if (value := e.key_figures.get(column)) is not None  # the table says “—” for the others
            ]
            if points:
                ratio = column in _RATIOS  # on the scale of 0 to 100 %
                caption = f"{_NAMES[column]}（{len(points)}份报告{'，满格为100%' if ratio else ''}）"
                body += series_chart(points, caption=caption, scale=Decimal(1) if ratio else None)
        errors = [(f"{e.report.agency} {e.report.year}", Decimal(e.errors), str(e.errors)) for e in entries]
        if any(e.errors for e in entries):
            body += series_chart(errors, caption="检查发现的错误数", colour="#c53030")
        body += "<h2>各机构的主要数字</h2>\n"
        columns = [k.column for k in KEY_FIGURES] + [m.id.replace("-", "_") for m in METRICS.values()]
        for key, group in self._agencies().items():
            body += f"<h3>{esc(group[-1].report.agency)}（{esc(key)}）</h3>\n"
            body += table(
                ("年度", *(_NAMES[c] for c in columns)),
                [
                    [cell(e.report.year), *(cell(_shown(c, e.key_figures.get(c)), number=True) for c in columns)]
                    for e in group
                ],
            )
        body += (
            '<p class="note">公布的数字原样显示；比率为推算值，四舍六入保留两位小数；'
            "“—”为无法计算（空白、“/”、约数或缺表）。</p>\n"
        )
        return page("政府信息公开工作年度报告概览", body)


def overview(
    sources: Sequence[str | os.PathLike[str]],
    *,
    executor: concurrent.futures.Executor | None = None,
    registry: KindRegistry | None = None,
    rules: RuleCatalog | RuleSet | None = None,
    overrides: Mapping[str, str] | None = None,
    progress: Callable[[Result[OverviewEntry]], object] | None = None,
) -> Overview:
    """The overview of the reports of *sources* (files, directories of documents and published files, ``example:``).

    A source that fails is listed in :attr:`Overview.failed`; it never stops the others.
    """
    task = functools.partial(overview_source, registry=registry, rules=rules, overrides=overrides)
    expanded = expand_sources(sources, suffixes=SOURCE_SUFFIXES)
    return collect(batch_map(task, expanded, executor=executor, progress=progress))


def collect(results: Iterable[Result[OverviewEntry]]) -> Overview:
    """The overview of the results of :func:`overview_source` tasks (duplicates counted once, failures listed)."""
    entries: dict[str, OverviewEntry] = {}
    failed: list[tuple[str, str]] = []
    duplicates = 0
    for result in results:
        if not result.ok or result.value is None:
            failed.append((result.source, result.error or ""))
        elif result.value.report.report_id in entries:
            duplicates += 1
        else:
            entries[result.value.report.report_id] = result.value
    return Overview(entries=tuple(entries.values()), failed=tuple(failed), duplicates=duplicates)
