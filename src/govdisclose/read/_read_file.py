"""Any file: :func:`read_file` tells PDF, Word, HTML and text apart by content (then suffix) and reads it."""

from __future__ import annotations

import attrs

from ._api import MAX_CHARS, ReadResult, read_html, read_text
from ._diagnostics import START, Diagnostic, DiagnosticKind
from ._docx import read_docx
from ._files import MAX_BYTES, Source, decode_text, file_kind, source_bytes, suffix_kind
from ._pdf import OcrHook, read_pdf

__all__ = ["read_file"]


def read_file(
    file: Source,
    *,
    source: str | None = None,
    ocr: OcrHook | None = None,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
) -> ReadResult:
    r"""Read a report from a file of any type the readers read: PDF, Word ``.docx``, HTML or text (and Markdown).

    The type is told by the content: ``%PDF``; a zip holding ``word/document.xml``; HTML by its first tag (or the
    suffix ``.html``/``.htm``); else text, in UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030. The suffix
    (``.pdf .docx .html .htm .txt .md``) only decides between HTML and text; where it names another type than the
    content shows, the content wins and a diagnostic says so.

    Args:
        file: The file's path, or its bytes.
        source: Where it came from (a path or URL); defaults to the path, whose suffix also counts.
        ocr: An external OCR for scanned PDF pages (see :func:`~govdisclose.read.read_pdf`).
        max_bytes: The largest file read (:data:`MAX_BYTES`, 256 MiB, by default).
        max_chars: The longest text or HTML read, in characters (:data:`~govdisclose.read.MAX_CHARS` by default).

    Raises:
        DocumentError: The file is of a type no reader reads (the message says which type, and what to do: a ``.doc``
            names the conversion to ``.docx``), or its reader refuses it.
        SourceError: The path cannot be read.
        MissingExtraError: A PDF or Word file, and the ``pdf`` or ``docx`` extra is not installed.

    >>> text = "某局2024年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息10条。"
    >>> result = read_file(text.encode("gb18030"))
    >>> result.report.year, str(result.diagnostics[0])
    (2024, 'recognised 0:0 the file is gb18030 text, not UTF-8')
    >>> from govdisclose import DocumentError
    >>> try:
    ...     read_file(b"\x89PNG\r\n\x1a\n")
    ... except DocumentError as error:
    ...     print(str(error)[:40])
    unreadable file type: a PNG image (a sca
    """
    data, source = source_bytes(file, source, "read_file", max_bytes)
    kind = file_kind(data, source)
    if kind == "pdf":
        result = read_pdf(data, source=source, ocr=ocr, max_bytes=max_bytes)
    elif kind == "docx":
        result = read_docx(data, source=source, max_bytes=max_bytes)
    else:
        text, encoding = decode_text(data, html=kind == "html")
        reader = read_html if kind == "html" else read_text
        result = reader(text, source=source, max_chars=max_chars)
        if encoding != "utf-8":
            result = _with_note(result, DiagnosticKind.RECOGNISED, f"the file is {encoding} text, not UTF-8")
    named = suffix_kind(source)
    if named is not None and named != kind:
        message = f"the file's suffix says {named}, its content is {kind}; read as {kind}"
        result = _with_note(result, DiagnosticKind.UNCERTAIN, message)
    return result


def _with_note(result: ReadResult, kind: DiagnosticKind, message: str) -> ReadResult:
    note = Diagnostic(kind=kind, message=message, line=START.line, column=START.column)
    return attrs.evolve(result, diagnostics=(note, *result.diagnostics))
