"""The comparison of two years as one self-contained HTML page (:meth:`Comparison.to_html`).

The page shows the two reports, the findings, the key figures of both years as paired bars, the metrics, the carry-over
from last year, the anomalies, every figure that changed, and the share of text reused — inline CSS and SVG only.

>>> from govdisclose import examples
>>> import attrs
>>> from govdisclose.data import compare
>>> last = examples.load("sample-2021")
>>> html = comparison_html(compare(last, attrs.evolve(last, year=2022)))
>>> html.startswith("<!DOCTYPE html>"), html.count("<svg"), "<script" in html
(True, 3, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..checks import Finding
from ._compare import Comparison, FigureChange
from ._html import cell, esc, page, pair_chart, percent, share_chart, table
from ._keyfigures import KEY_FIGURES
from ._metrics import cell_index
from ._rows import FigureRow

__all__ = ["comparison_html", "findings_list"]

_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def findings_list(findings: Iterable[Finding]) -> str:
    """Findings as a list: severity, rule, message, path."""
    items = [
        f'<li><span class="sev-{f.severity.value}">{_SEVERITY[f.severity.value]}</span> '
        f"<code>{esc(f.rule)}</code> {esc(f.message)} <code>{esc(f.path or '$')}</code></li>"
        for f in findings
    ]
    return f'<ul class="findings">{"".join(items)}</ul>\n' if items else '<p class="note">无。</p>\n'


def _facts(pairs: Iterable[tuple[str, str]]) -> str:
    items = "".join(f"<div><dt>{esc(name)}</dt><dd>{esc(value)}</dd></div>" for name, value in pairs)
    return f'<dl class="facts">{items}</dl>\n'


def _signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{'+' if value > 0 else ''}{format(value, 'f')}"


def _figure_text(row: FigureRow | None) -> str:
    if row is None:
        return "—"
    return {"blank": "（空白）", "unknown": "（未读出）"}.get(row.state, row.text)


def _key_figures(result: Comparison) -> str:
    last_cells = cell_index(c.last for c in result.changes)
    this_cells = cell_index(c.this for c in result.changes)
    items: list[tuple[str, Decimal | None, Decimal | None]] = []
    texts: list[tuple[str, str]] = []
    for key in KEY_FIGURES:
        before, now = key.cell.find(last_cells), key.cell.find(this_cells)
        if before is None and now is None:
            continue
        items.append((key.cell.label, _exact(before), _exact(now)))
        texts.append((_figure_text(before), _figure_text(now)))
    if not items:
        return '<p class="note">两份报告没有共同的主要数字。</p>\n'
    legend = (f"{result.last.year}年", f"{result.this.year}年")
    return pair_chart(items, legend=legend, texts=texts, caption="主要数字（每项按两年中较大者定比例）")


def _exact(row: FigureRow | None) -> Decimal | None:
    """A figure for a bar: exact numbers only (an approximate 1100余 is printed, not drawn)."""
    if row is None or row.state != "number" or row.qualifier is not None:
        return None
    return row.value


def _metrics(result: Comparison) -> str:
    rows = [
        [
            cell(m.name),
            cell(percent(m.last.value), number=True),
            cell(percent(m.this.value), number=True),
            cell(_points(m.change.absolute), number=True),
            cell(m.change.reason or ""),
        ]
        for m in result.metrics
    ]
    items = [(m.name, m.last.value, m.this.value) for m in result.metrics]
    texts = [(percent(m.last.value), percent(m.this.value)) for m in result.metrics]
    legend = (f"{result.last.year}年", f"{result.this.year}年")
    chart = pair_chart(items, legend=legend, texts=texts, common_scale=True, caption="指标（同一比例）")
    headers = ("指标", f"{result.last.year}年", f"{result.this.year}年", "变化（百分点）", "说明")
    return chart + table(headers, rows)


def _points(value: Decimal | None) -> str:
    """A change of a ratio in percentage points (``+1.50``)."""
    return "—" if value is None else percent(value, signed=True).removesuffix("%")


def _carry_over(result: Comparison) -> str:
    carry = result.carry_over
    verdict = {True: "一致", False: "不一致", None: "无法比较"}[carry.consistent]
    rows = [
        [
            cell(f"{result.last.year}年 结转下年度继续办理"),
            cell(_plain(carry.last_forward.value, carry.last_forward.reason), number=True),
        ],
        [
            cell(f"{result.this.year}年 上年结转政府信息公开申请数量"),
            cell(_plain(carry.this_carried.value, carry.this_carried.reason), number=True),
        ],
    ]
    related = [f for f in result.findings if f.rule == "applications.carry-over"]
    return (
        table(("数字", "总计"), rows)
        + f"<p>结转：<strong>{verdict}</strong></p>\n"
        + (findings_list(related) if related else "")
    )


def _plain(value: Decimal | None, reason: str | None) -> str:
    return format(value, "f") if value is not None else f"—（{reason}）"


def _anomalies(result: Comparison) -> str:
    found = [f for f in result.findings if f.rule == "compare.anomaly"]
    if not found:
        return '<p class="note">没有数字为上年的5倍以上、五分之一以下，或由较大值变为0。</p>\n'
    return findings_list(found)


def _what(change: FigureChange) -> str:
    return f"{change.row_label or change.row_id} × {change.column_label or change.column_id}"


def _changes(result: Comparison) -> str:
    changed = [c for c in result.changes if c.last.text != c.this.text or c.last.state != c.this.state]
    rows = [
        [
            cell(c.table_id),
            cell(_what(c)),
            cell(_figure_text(c.last), number=True),
            cell(_figure_text(c.this), number=True),
            cell(_signed(c.change.absolute), number=True),
            cell(percent(c.change.relative, signed=True) if c.change.relative is not None else "—", number=True),
        ]
        for c in changed
    ]
    note = f"<p>两年共有的数字{len(result.changes)}项，其中{len(changed)}项有变化。</p>\n"
    if not rows:
        return note
    headers = ("表", "数字", f"{result.last.year}年", f"{result.this.year}年", "变化", "变化率")
    return note + table(headers, rows)


def _reuse(result: Comparison) -> str:
    reused = result.reused
    if result.reused_share is None:
        return '<p class="note">本年报告没有可比较的正文句子。</p>\n'
    caption = f"本年正文与上年报告相同的比例（按字数）：{percent(result.reused_share)}"
    note = (
        f'<p class="note">本年正文{reused.sentences}句（{reused.characters}字）中有{len(reused.matches)}句'
        f"（{reused.reused_characters}字）与上年报告相同（年份除外；套话、统计期限等固定表述和不足12字的短句不计）。</p>\n"
    )
    rows = [[cell(m.text), cell(m.path), cell(m.previous_path)] for m in reused.matches]
    return (
        share_chart(result.reused_share, caption=caption)
        + note
        + (table(("相同的句子", "本年位置", "上年位置"), rows) if rows else "")
    )


def comparison_html(result: Comparison) -> str:
    """The comparison *result* as one HTML page (inline CSS and SVG, no script, no external resource)."""
    last, this = result.last, result.this
    counts = {name: sum(1 for f in result.findings if f.severity.value == name) for name in _SEVERITY}
    reused = len(result.reused.matches)
    facts = _facts(
        [
            ("上年报告", f"{last.agency} {last.year}年度"),
            ("本年报告", f"{this.agency} {this.year}年度"),
            ("同一机构", f"{'是' if result.same_agency else '否'}（{last.agency_key} / {this.agency_key}）"),
            ("相邻年度", "是" if result.consecutive else "否"),
            ("发现", "，".join(f"{_SEVERITY[name]}{count}" for name, count in counts.items())),
        ]
    )
    body = (
        facts
        + "<h2>发现</h2>\n"
        + findings_list(result.findings)
        + (f'<p class="note">本年正文有{reused}句与上年报告相同，见“文字重复”。</p>\n' if reused else "")
        + "<h2>主要数字</h2>\n"
        + _key_figures(result)
        + "<h2>指标</h2>\n"
        + _metrics(result)
        + "<h2>结转</h2>\n"
        + _carry_over(result)
        + "<h2>异常</h2>\n"
        + _anomalies(result)
        + "<h2>逐项变化</h2>\n"
        + _changes(result)
        + "<h2>文字重复</h2>\n"
        + _reuse(result)
        + '<p class="note">公布的数字原样显示；比率与变化率为推算值，四舍六入保留两位小数。</p>\n'
    )
    return page(f"{this.agency} {last.year}—{this.year}年度报告对比", body)
