"""Self-contained HTML pages of the data package: inline CSS and inline SVG charts, no script, nothing fetched.

The comparison of two years (:meth:`Comparison.to_html`), the roll-up of a region and the overview of a folder are
written with these pieces, so that every page looks alike and works offline. Charts are plain ``<svg>`` elements whose
bar lengths are proportional to the exact figures (each bar carries its figure in a ``<title>`` and a ``data-value``
attribute, so a reader or a test can check it); the numbers printed next to them are the published figures as
published.

>>> svg = pair_chart([("本年新收", Decimal(25), Decimal(50))], legend=("2021", "2022"))
>>> [bar.split('"')[1] for bar in svg.split('data-value=')[1:]]
['25', '50']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from html import escape

__all__ = [
    "BAR_WIDTH",
    "CHART_WIDTH",
    "bar_length",
    "cell",
    "esc",
    "page",
    "pair_chart",
    "percent",
    "series_chart",
    "share_chart",
    "table",
]

CHART_WIDTH = 360
"""Width of a chart's coordinate system (its ``viewBox``); the page scales it to the screen."""
BAR_WIDTH = 260
"""Length of the longest bar of a chart, in chart units; the value is printed after it."""
_ROW = 16  # height of one bar
_LINE = 15  # height of one line of label text
_WRAP = 24  # characters of label per line (Chinese characters are as wide as the font is high)
_COLOURS = ("#9aa5b1", "#2b6cb0")  # last year, this year
_CSS = """
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
color:#1a202c;background:#fff;line-height:1.5}
main{max-width:1080px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #cbd5e0;padding-bottom:.25rem}
h3{font-size:1rem;margin:1.25rem 0 .4rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:8px;margin:0 0 1rem;padding:0}
.facts div{border:1px solid #e2e8f0;border-radius:6px;padding:8px 10px}
.facts dt{font-size:.8rem;color:#4a5568}
.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.scroll{overflow-x:auto;margin:.5rem 0}
table{border-collapse:collapse;font-size:.875rem;width:100%;min-width:600px}
th,td{border:1px solid #e2e8f0;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f7fafc;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.sev-error{color:#c53030;font-weight:600}.sev-warning{color:#b7791f;font-weight:600}.sev-info{color:#4a5568}
ul.findings{padding-left:1.2rem}ul.findings li{margin:.2rem 0;overflow-wrap:anywhere}
figure{margin:.75rem 0 1.25rem}
figure svg{display:block;width:100%;max-width:480px;height:auto}
figcaption{font-size:.875rem;color:#2d3748;font-weight:600;margin-bottom:.25rem}
td:first-child{min-width:7em}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .8em;vertical-align:-.05em}
.note{font-size:.8rem;color:#4a5568}
code{font-size:.8rem;overflow-wrap:anywhere}
"""


def esc(text: object) -> str:
    """*text* for HTML (``None`` as an empty string).

    >>> esc("<a> & 1100余")
    '&lt;a&gt; &amp; 1100余'
    """
    return "" if text is None else escape(str(text))


def page(title: str, body: str) -> str:
    """A whole HTML page: *body* (already HTML) under *title*, with the page's inline style and nothing external."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{esc(title)}</h1>\n{body}</main>\n</body>\n</html>\n"
    )


def cell(value: object, *, number: bool = False) -> str:
    """A table cell; *number* aligns it right."""
    return f'<td class="n">{esc(value)}</td>' if number else f"<td>{esc(value)}</td>"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, caption: str | None = None) -> str:
    """An HTML table (in a box that scrolls sideways on a narrow screen); *rows* are made of :func:`cell` strings."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    title = f"<caption>{esc(caption)}</caption>" if caption else ""
    return f'<div class="scroll"><table>{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>\n'


def percent(value: Decimal | None, *, signed: bool = False) -> str:
    """A ratio as a percentage with two decimals (a derived value, rounded half-even; never an official figure).

    >>> percent(Decimal("0.5")), percent(Decimal("-0.123456"), signed=True), percent(None)
    ('50.00%', '-12.35%', '—')
    """
    if value is None:
        return "—"
    shown = (value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    return f"{'+' if signed and shown > 0 else ''}{shown}%"


def bar_length(value: Decimal, largest: Decimal) -> Decimal:
    """The length of the bar of *value* when the longest bar (:data:`BAR_WIDTH`) stands for *largest*.

    >>> bar_length(Decimal(25), Decimal(50))
    Decimal('130.0')
    """
    if largest <= 0 or value <= 0:
        return Decimal(0)
    return (value * BAR_WIDTH / largest).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)


def _lines(label: str) -> list[str]:
    return [label[i : i + _WRAP] for i in range(0, len(label), _WRAP)] or [""]


def _bar(x: int, y: int, value: Decimal | None, largest: Decimal, colour: str, text: str, title: str) -> str:
    if value is None:  # no bar for a blank, a marker, an unknown figure: its text says which
        return f'<text x="{x}" y="{y + _ROW - 4}" font-size="11" fill="#718096">{esc(text)}</text>'
    width = bar_length(value, largest)
    return (
        f'<rect class="bar" x="{x}" y="{y}" width="{width}" height="{_ROW - 3}" fill="{colour}" '
        f'data-value="{esc(format(value, "f"))}"><title>{esc(title)}</title></rect>'
        f'<text x="{x + width + Decimal(4)}" y="{y + _ROW - 4}" font-size="11">{esc(text)}</text>'
    )


def _svg(height: int, content: str, label: str) -> str:
    return (
        f'<svg viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}" role="img" '
        f'aria-label="{esc(label)}">{content}</svg>'
    )


def _legend(legend: Sequence[str]) -> str:
    return "".join(
        f'<span style="background:{c}"></span>{esc(name)}' for c, name in zip(_COLOURS, legend, strict=False)
    )


def pair_chart(
    items: Sequence[tuple[str, Decimal | None, Decimal | None]],
    *,
    legend: tuple[str, str],
    texts: Sequence[tuple[str, str]] | None = None,
    common_scale: bool = False,
    caption: str = "",
) -> str:
    """Horizontal bars, two per item (last year, this year), each item on its own scale unless *common_scale*.

    Args:
        items: ``(label, last, this)``; ``None`` draws no bar.
        legend: The names of the two bars (``2021``, ``2022``).
        texts: What to print after each bar (default: the value); a blank or a marker prints its own text.
        common_scale: One scale for all items (ratios), instead of one per item (figures of different sizes).
        caption: What the chart shows.
    """
    largest_all = max((v for _, a, b in items for v in (a, b) if v is not None), default=Decimal(0))
    parts: list[str] = []
    y = 4
    for index, (label, last, this) in enumerate(items):
        for line in _lines(label):
            y += _LINE
            parts.append(f'<text x="0" y="{y - 3}" font-size="12">{esc(line)}</text>')
        largest = largest_all if common_scale else max((v for v in (last, this) if v is not None), default=Decimal(0))
        shown = texts[index] if texts is not None else (_plain(last), _plain(this))
        for value, colour, text, year in zip((last, this), _COLOURS, shown, legend, strict=True):
            parts.append(_bar(0, y + 1, value, largest, colour, text, f"{label} {year}: {text}"))
            y += _ROW
        y += 6
    svg = _svg(y + 2, "".join(parts), caption)
    legend_html = f'<span class="legend">{_legend(legend)}</span>'
    return f"<figure><figcaption>{esc(caption)}{legend_html}</figcaption>{svg}</figure>\n"


def _plain(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


def series_chart(
    points: Sequence[tuple[str, Decimal | None, str]],
    *,
    caption: str,
    colour: str = _COLOURS[1],
    scale: Decimal | None = None,
) -> str:
    """One indicator for many reports on one scale: for each point ``(label, value, text)`` its label, then its bar.

    The longest bar stands for *scale* (a ratio's 1), or by default for the largest value.
    """
    largest = scale or max((v for _, v, _ in points if v is not None), default=Decimal(0))
    parts = []
    y = 4
    for label, value, text in points:
        for line in _lines(label):
            y += _LINE
            parts.append(f'<text x="0" y="{y - 3}" font-size="12">{esc(line)}</text>')
        parts.append(_bar(0, y + 1, value, largest, colour, text, f"{label}: {text}"))
        y += _ROW + 4
    return f"<figure><figcaption>{esc(caption)}</figcaption>{_svg(y + 2, ''.join(parts), caption)}</figure>\n"


def share_chart(share: Decimal, *, caption: str) -> str:
    """One bar split in two: the *share* (0 to 1) and the rest."""
    width = bar_length(share, Decimal(1))
    content = (
        f'<rect x="0" y="4" width="{BAR_WIDTH}" height="18" fill="#e2e8f0"></rect>'
        f'<rect class="bar" x="0" y="4" width="{width}" height="18" fill="{_COLOURS[1]}" '
        f'data-value="{esc(format(share, "f"))}"><title>{esc(caption)}: {percent(share)}</title></rect>'
        f'<text x="{BAR_WIDTH + 6}" y="18" font-size="12">{percent(share)}</text>'
    )
    return f"<figure><figcaption>{esc(caption)}</figcaption>{_svg(28, content, caption)}</figure>\n"
