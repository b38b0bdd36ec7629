"""The commands that produce one document per source: ``render``, ``convert`` and ``read``."""

from __future__ import annotations

import argparse
import functools

from .._errors import RegistryError
from ..batch import convert_file, load_source
from ..serialize import dump_report
from ..serialize._files import FORMATS, read_source
from ._core import CommandError, HostHandle, Run, Session
from ._runs import DOCUMENT_SUFFIXES, PUBLISHED_SUFFIXES, add_outputs, add_sources, produce

__all__ = ["convert", "convert_source", "read", "read_published", "render", "render_source"]

_DOCUMENTS = "report files (.json/.toml/.yaml) or directories of them, - for stdin, or example:NAME"
_SUFFIX = {"text": "txt", "markdown": "md", "html-fragment": "html"}
"""The file suffix of a renderer's output in ``--output-dir``, where it is not the renderer's name."""


def render_source(
    source: str, *, handle: HostHandle, fmt: str | None, to: str, explanations: bool = False
) -> str | bytes:
    """Load and render one source with the session's registries (a task: runs in a worker with ``--jobs``).

    Raises:
        RegistryError: The report holds a plugin's block kind that the format *to* has no function for.
    """
    from ..render import render

    host = handle.host
    report = load_source(source, fmt=fmt, registry=host.kinds)
    gaps = host.unrendered_in(report, to)
    if gaps:  # a plugin's block kind that this format cannot draw: one line, not a traceback
        path, tag = gaps[0]
        plugin = host.kinds.source("block", tag)
        raise RegistryError(f"{plugin} registers no {to} function for block kind {tag!r} @ {path}", tag=tag)
    return render(report, to=to, renderers=host.renderers, explanations=explanations)


def render(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose render``: one report to ``-o``, or many to ``--output-dir``/JSON Lines."""
    from ..render import default_renderers

    add_sources(parser, _DOCUMENTS)
    parser.add_argument("--from", dest="fmt", choices=FORMATS, help="the SOURCEs' format (default: from the suffix)")
    parser.add_argument(
        "--to", default="text", help=f"output format (default text; known: {', '.join(default_renderers.names())})"
    )
    parser.add_argument(
        "--explanations", action="store_true", help="print the report's explanations of findings as a 说明 at the end"
    )
    add_outputs(parser)

    def run(options: argparse.Namespace, session: Session) -> int:
        host = session.host
        try:  # an unknown format is a usage error before any work
            name = host.renderers.get(options.to).name
        except (ValueError, KeyError) as exc:
            raise CommandError(str(exc).strip("'\""), status=2) from None
        task = functools.partial(
            render_source, handle=session.handle, fmt=options.fmt, to=options.to, explanations=options.explanations
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


def read_published(source: str, *, kind: str | None, to: str) -> tuple[str, tuple[str, ...]]:
    """Read one published report (PDF, Word, HTML or text); returns the output and the diagnostics (a task).

    The file is read here, up to the readers' size limit, and handed over as bytes: an endless source (``/dev/zero``,
    a pipe) stops at the limit instead of filling the memory. Without *kind* the file type is told by
    :func:`~govdisclose.read.read_file` from the content; ``text`` or ``html`` forces that reader.
    """
    from ..read import read_file, read_html, read_text
    from ..read._files import MAX_BYTES, decode_text
    from ..render import render

    data = read_source(source, max_bytes=MAX_BYTES)
    name = None if source == "-" else source
    if kind is None:
        result = read_file(data, source=name)
    else:
        text, _ = decode_text(data)
        result = (read_html if kind == "html" else read_text)(text, source=name)
    output = dump_report(result.report, "json") if to == "json" else str(render(result.report))
    return output, tuple(str(diagnostic) for diagnostic in result.diagnostics)


def read(parser: argparse.ArgumentParser) -> Run:
    """``govdisclose read``: published texts and pages into the model."""
    add_sources(parser, "PDF, Word (.docx), HTML or text files, directories of them, or - for stdin")
    parser.add_argument("--to", choices=("json", "text"), default="json", help="write the report as (default json)")
    parser.add_argument(
        "--from",
        dest="fmt",
        choices=("text", "html"),
        help="read as text or HTML (default: as the content shows)",
    )
    add_outputs(parser)

    def run(options: argparse.Namespace, session: Session) -> int:
        task = functools.partial(read_published, kind=options.fmt, to=options.to)
        return produce(options, task, suffixes=PUBLISHED_SUFFIXES, suffix=options.to)

    return run
