"""The commands that produce one document per source: ``render``, ``convert`` and ``read``."""

from __future__ import annotations

import argparse
import functools
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import RegistryError
from ..batch import convert_file, load_source
from ..serialize import dump_report, report_to_data
from ..serialize._files import FORMATS, read_source
from ._core import CommandError, HostHandle, Run, Session
from ._runs import DOCUMENT_SUFFIXES, PUBLISHED_SUFFIXES, add_outputs, add_sources, produce

if TYPE_CHECKING:
    from ..read import Diagnostic, ReadResult

__all__ = ["convert", "convert_source", "read", "read_published", "render", "render_source"]

_DOCUMENTS = "report files (.json/.toml/.yaml) or directories of them, - for stdin, or example:NAME"
_SUFFIX = {"text": "txt", "markdown": "md", "html-fragment": "html"}
"""The file suffix of a renderer's output in ``--output-dir``, where it is not the renderer's name."""


_FONT_PRESETS = ("gb2312", "windows")
"""The Word font presets ``--font-preset`` chooses from: class methods of :class:`~govdisclose.render.FontPreset`."""


def render_source(
    source: str,
    *,
    handle: HostHandle,
    fmt: str | None,
    to: str,
    explanations: bool = False,
    metadata: bool = True,
    font_preset: str | None = None,
    html_tables: bool = False,
) -> str | bytes:
    """Load and render one source with the session's registries (a task: runs in a worker with ``--jobs``).

    *metadata* ``False`` leaves the portal's metadata block out; *font_preset* names the Word fonts (``gb2312``,
    ``windows``); *html_tables* writes Markdown tables with merged cells as HTML tables.

    Raises:
        RegistryError: The report holds a plugin's block kind that the format *to* has no function for.
    """
    from ..render import DocxRenderer, FontPreset, MarkdownRenderer, ReportRenderer

    host = handle.host
    report = load_source(source, fmt=fmt, registry=host.kinds)
    gaps = host.unrendered_in(report, to)
    if gaps:  # a plugin's block kind that this format cannot draw: one line, not a traceback
        path, tag = gaps[0]
        plugin = host.kinds.source("block", tag)
        raise RegistryError(f"{plugin} registers no {to} function for block kind {tag!r} @ {path}", tag=tag)
    renderer = host.renderers.get(to)
    if isinstance(renderer, ReportRenderer):
        changes: dict[str, Any] = {"explanations": explanations, "with_metadata": metadata}
        if isinstance(renderer, DocxRenderer) and font_preset is not None:
            changes["fonts"] = getattr(FontPreset, font_preset)()
        if isinstance(renderer, MarkdownRenderer):
            changes["html_tables"] = html_tables
        renderer = attrs.evolve(renderer, **changes)
    return renderer.render(report)


def render(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose render``: one report to ``-o``, or many to ``--output-dir``/JSON Lines."""
    from ..render import DocxRenderer, MarkdownRenderer, default_renderers

    add_sources(parser, _DOCUMENTS)
    parser.add_argument("--from", dest="fmt", choices=FORMATS, help="the SOURCEs' format (default: from the suffix)")
    parser.add_argument(
        "--to", default="text", help=f"output format (default text; known: {', '.join(default_renderers.names())})"
    )
    parser.add_argument(
        "--explanations", action="store_true", help="print the report's explanations of findings as a 说明 at the end"
    )
    parser.add_argument(
        "--no-metadata",
        dest="metadata",
        action="store_false",
        help="leave out the portal's metadata block (索引号, 发布机构 …), in Word the table on page 1",
    )
    parser.add_argument(
        "--font-preset",
        choices=_FONT_PRESETS,
        help="Word fonts (with --to docx): gb2312 (方正小标宋简体, 仿宋_GB2312 …; default) or windows (宋体, 仿宋 …)",
    )
    parser.add_argument(
        "--markdown-html-tables",
        dest="html_tables",
        action="store_true",
        help="write Markdown tables that merge cells (表三, 表四) as HTML tables (with --to markdown)",
    )
    add_outputs(parser)

    def run(options: argparse.Namespace, session: Session) -> int:
        host = session.host
        try:  # an unknown format is a usage error before any work
            renderer = host.renderers.get(options.to)
        except (ValueError, KeyError) as exc:
            raise CommandError(str(exc).strip("'\""), status=2) from None
        name = renderer.name
        if options.font_preset is not None and not isinstance(renderer, DocxRenderer):
            raise CommandError(f"--font-preset is for Word documents (--to docx), not {name}", status=2)
        if options.html_tables and not isinstance(renderer, MarkdownRenderer):
            raise CommandError(f"--markdown-html-tables is for Markdown (--to markdown), not {name}", status=2)
        task = functools.partial(
            render_source,
            handle=session.handle,
            fmt=options.fmt,
            to=options.to,
            explanations=options.explanations,
            metadata=options.metadata,
            font_preset=options.font_preset,
            html_tables=options.html_tables,
        )
        return produce(options, task, suffixes=DOCUMENT_SUFFIXES, suffix=_SUFFIX.get(name, name))

    return run


def convert_source(source: str, *, handle: HostHandle, fmt: str | None, to: str) -> str:
    """Convert one source with the session's registries (a task)."""
    return convert_file(source, to=to, fmt=fmt, registry=handle.kinds)


def convert(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose convert``: report documents between JSON, TOML and YAML."""
    add_sources(parser, _DOCUMENTS)
    parser.add_argument("--from", dest="fmt", choices=FORMATS, help="the SOURCEs' format (default: from the suffix)")
    parser.add_argument("--to", required=True, choices=FORMATS, help="document format to write")
    add_outputs(parser)

    def run(options: argparse.Namespace, session: Session) -> int:
        task = functools.partial(convert_source, handle=session.handle, fmt=options.fmt, to=options.to)
        return produce(options, task, suffixes=DOCUMENT_SUFFIXES, suffix=options.to)

    return run


def _summary(result: ReadResult) -> dict[str, Any]:
    """What one line says of a reading: agency, year, edition, parts and official tables read, diagnostics by kind."""
    from ..model import Extent, OfficialTable, iter_blocks, required_parts

    report, coverage = result.report, result.coverage
    tables = [site.block for site in iter_blocks(report) if isinstance(site.block, OfficialTable)]
    cells = {
        table.DEFINITION.id: [
            sum(1 for row in table.rows for figure in row.values if figure.is_known),
            sum(len(row.columns) for row in table.DEFINITION.rows),
        ]
        for table in tables
    }
    readings = {part.value: {"extent": r.extent.value, "reason": r.reason} for part, r in coverage.tables}
    counts: dict[str, int] = {}
    for diagnostic in result.diagnostics:
        counts[diagnostic.kind.value] = counts.get(diagnostic.kind.value, 0) + 1
    parts = [part for part in required_parts(report.edition) if coverage.part(part).extent is Extent.COMPLETE]
    return {
        "agency": report.agency.name,
        "year": report.year,
        "edition": report.edition.value,
        "parts": [len(parts), len(required_parts(report.edition))],
        "tables": cells,
        "coverage": readings,
        "diagnostics": counts,
    }


def _summary_line(summary: dict[str, Any]) -> str:
    """The summary as one line: ``某局 2024 2021: 6/6 parts; proactive-2021 10/10 …; diagnostics 40 recognised …``."""
    read, required = summary["parts"]
    tables = ", ".join(f"{key} {known}/{expected} cells" for key, (known, expected) in summary["tables"].items())
    kinds = ("recognised", "noise", "uncertain", "unrecognised")
    diagnostics = ", ".join(f"{summary['diagnostics'].get(kind, 0)} {kind}" for kind in kinds)
    return (
        f"read: {summary['agency']} {summary['year']} (edition {summary['edition']}): {read}/{required} parts; "
        f"tables: {tables or 'none'}; diagnostics: {diagnostics}"
    )


def _diagnostic_data(diagnostic: Diagnostic) -> dict[str, Any]:
    position: dict[str, Any] = {"line": diagnostic.line, "column": diagnostic.column}
    if diagnostic.page:
        position["page"] = diagnostic.page
    return {"kind": diagnostic.kind.value, "message": diagnostic.message, "position": position, "text": diagnostic.text}


def read_published(
    source: str, *, kind: str | None, to: str, records: bool = False, quiet: bool = False
) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    """Read one published report (PDF, Word, HTML or text): the output, the diagnostics and a summary (a task).

    The file is read here, up to the readers' size limit, and handed over as bytes: an endless source (``/dev/zero``,
    a pipe) stops at the limit instead of filling the memory. Without *kind* the file type is told by
    :func:`~govdisclose.read.read_file` from the content (then the suffix); ``text`` or ``html`` forces that reader.

    For standard error (*records* false) the output is the document's text and the diagnostics are lines, the
    summary line last; for JSON Lines (*records*) the output is the report as a JSON object (or the text), the
    diagnostics objects (``kind``, ``message``, ``position``, ``text``) and the summary an object. *quiet* leaves
    out the diagnostics of single elements: only the summary is given.
    """
    from ..read import read_file, read_html, read_text
    from ..read._files import MAX_BYTES, decode_text
    from ..render import render

    data = read_source(source, max_bytes=MAX_BYTES)
    name = None if source == "-" else source
    if kind is None:
        result = read_file(data, source=name)
    else:
        text, _ = decode_text(data, html=kind == "html")
        result = (read_html if kind == "html" else read_text)(text, source=name)
    summary = _summary(result)
    if records:
        output: Any = report_to_data(result.report) if to == "json" else str(render(result.report))
        found = () if quiet else tuple(_diagnostic_data(diagnostic) for diagnostic in result.diagnostics)
        return output, found, {"summary": summary}
    output = dump_report(result.report, "json") if to == "json" else str(render(result.report))
    lines = () if quiet else tuple(str(diagnostic) for diagnostic in result.diagnostics)
    return output, (*lines, _summary_line(summary)), {}


def read(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose read``: published reports (PDF, Word, HTML, text) into the model."""
    add_sources(parser, "PDF, Word (.docx), HTML, text or Markdown files, directories of them, or - for stdin")
    parser.add_argument("--to", choices=("json", "text"), default="json", help="write the report as (default json)")
    parser.add_argument(
        "--from",
        dest="fmt",
        choices=("text", "html"),
        help="read as text or HTML (default: the file type as its content shows, then its suffix)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no diagnostics of single elements: only the summary line per file"
    )
    add_outputs(parser)

    def run(options: argparse.Namespace, session: Session) -> int:
        session.load()  # the reader reads the tables of the plugins' kinds (the active host's)
        records = options.output_format == "jsonl"
        task = functools.partial(read_published, kind=options.fmt, to=options.to, records=records, quiet=options.quiet)
        return produce(options, task, suffixes=PUBLISHED_SUFFIXES, suffix=options.to)

    return run
