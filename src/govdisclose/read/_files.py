"""Files into readers: a path or bytes loaded once, and the file type told by content and suffix.

:func:`source_bytes` is how :func:`~govdisclose.read.read_pdf`, :func:`~govdisclose.read.read_docx` and
:func:`~govdisclose.read.read_file` take their source: a path (``str`` or :class:`os.PathLike`) or the bytes.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import zipfile
from pathlib import Path
from typing import Final

from .._errors import DocumentError, SourceError

__all__ = ["MAX_BYTES", "Source", "decode_text", "file_kind", "source_bytes", "suffix_kind"]

MAX_BYTES: Final = 256 * 1024 * 1024
"""The largest file the readers of PDF and Word files read by default: 256 MiB."""

Source = str | os.PathLike[str] | bytes
"""A file to read: its path, or its content."""


def source_bytes(value: Source, source: str | None, what: str, max_bytes: int = MAX_BYTES) -> tuple[bytes, str | None]:
    """The content of *value* and the name of where it came from (*source*, else the path).

    Raises:
        SourceError: The path cannot be read.
        DocumentError: *value* is neither a path nor bytes, or is larger than *max_bytes*.
    """
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
    elif isinstance(value, (str, os.PathLike)):
        path = Path(value)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise DocumentError([f"{path} is {size:,} bytes; {what} reads at most {max_bytes:,} @ $"])
            data = path.read_bytes()
        except OSError as exc:
            raise SourceError(f"cannot read {str(path)!r}: {exc.strerror or exc}", source=str(path)) from None
        source = source if source is not None else str(path)
    else:
        raise DocumentError([f"{what} needs a path or bytes, got {type(value).__name__} @ $"])
    if len(data) > max_bytes:
        raise DocumentError([f"source is {len(data):,} bytes; {what} reads at most {max_bytes:,} @ $"])
    return data, source


# ---- the type of a file -------------------------------------------------------------------------------------------

_SUFFIXES: Final = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".txt": "text", ".md": "text"}
_BINARY: Final = (
    (b"\x89PNG", "a PNG image (a scan? read it with an OCR and give the text to read_text)"),
    (b"\xff\xd8\xff", "a JPEG image (a scan? read it with an OCR and give the text to read_text)"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image (a scan? read it with an OCR and give the text to read_text)"),
    (b"MM\x00*", "a TIFF image (a scan? read it with an OCR and give the text to read_text)"),
    (b"{\\rtf", "an RTF document: convert it with `soffice --headless --convert-to docx FILE.rtf` and read the .docx"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"Rar!", "a RAR archive: unpack it first"),
    (b"7z\xbc\xaf", "a 7z archive: unpack it first"),
)
_HTML_START: Final = re.compile(
    r"\A(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|table|article|section|span|h[1-6]|br|center)\b",
    re.IGNORECASE | re.DOTALL,
)
_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError([f"unreadable file type: a damaged zip archive ({exc}) @ $"]) from None
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith("xl/") for name in names):
        raise DocumentError(["unreadable file type: an Excel workbook (.xlsx), not a report document @ $"])
    if any(name.startswith("ppt/") for name in names):
        raise DocumentError(["unreadable file type: a PowerPoint presentation (.pptx), not a report document @ $"])
    if "content.xml" in names:
        raise DocumentError(
            [
                "unreadable file type: an OpenDocument file; convert it with "
                "`soffice --headless --convert-to docx FILE` and read the .docx @ $"
            ]
        )
    raise DocumentError(["unreadable file type: a zip archive without a Word document; unpack it first @ $"])


_CHARSET: Final = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([-\w.:]{1,40})", re.IGNORECASE)
_CHINESE: Final = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}
"""Declared charsets read as GB18030, which contains them (pages declaring gb2312 are often written in GBK)."""


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset an HTML page declares in a ``<meta>`` of its first 4 KiB, if it names one.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb18030'
    >>> declared_charset(b'<meta charset="utf-8">'), declared_charset(b"<p>")
    ('utf-8', None)
    """
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    if name in _CHINESE:
        return _CHINESE[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, *, html: bool = False) -> tuple[str, str]:
    r"""The text of a text file and its encoding: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

    An HTML page (*html*) without a byte-order mark is first decoded in the charset its ``<meta>`` declares
    (``gbk``, ``gb2312``, ``big5`` …), when that decodes it.

    Raises:
        DocumentError: The bytes are none of these (with the offset of the first byte that is not).

    >>> decode_text("政府".encode("gb18030")), decode_text(b"\xef\xbb\xbfok")
    (('政府', 'gb18030'), ('ok', 'utf-8'))
    >>> decode_text('<meta charset="big5"><p>政府</p>'.encode("big5"), html=True)
    ('<meta charset="big5"><p>政府</p>', 'big5')
    """
    declared = (
        declared_charset(data) if html and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) else None
    )
    if declared is not None:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # a page that does not hold what it declares: told from its bytes below
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DocumentError(
                [f"not UTF-16 text after its byte-order mark: {exc.reason} at byte {exc.start} @ $"]
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise DocumentError(
                [f"unreadable file type: neither UTF-8 nor GB18030 text (byte {utf8.start}: {utf8.reason}) @ $"]
            ) from None


def file_kind(data: bytes, name: str | None = None) -> str:
    r"""The reader a file needs: ``pdf``, ``docx``, ``html`` or ``text``, told by its content, then by its suffix.

    Raises:
        DocumentError: The content is of a type no reader reads (an image, a ``.doc``, a spreadsheet, an archive,
            binary data, text in an unknown encoding); the message names the type and what to do.

    >>> file_kind(b"%PDF-1.7 ..."), file_kind(b"<p>\xe4\xb8\x80</p>"), file_kind("标题".encode("gb18030"), "a.md")
    ('pdf', 'html', 'text')
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(_OLE):
        suffix = Path(name).suffix.lower() if name else ""
        if suffix in (".xls", ".ppt"):
            raise DocumentError([f"unreadable file type: an Office 97–2003 {suffix} file, not a report document @ $"])
        raise DocumentError(
            [
                "unreadable file type: a Word 97–2003 .doc file (OLE), which is not read: convert it with "
                "`soffice --headless --convert-to docx FILE.doc` and read the .docx @ $"
            ]
        )
    for magic, what in _BINARY:
        if data.startswith(magic):
            raise DocumentError([f"unreadable file type: {what} @ $"])
    if b"\x00" in head and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(["unreadable file type: binary data of no known document type @ $"])
    suffix = Path(name).suffix.lower() if name else ""
    sniff = data[:4096].decode("latin-1").lstrip("\xef\xbb\xbf \t\r\n")  # tags are ASCII in every encoding read
    if suffix in (".html", ".htm") or _HTML_START.match(sniff):
        return "html"
    return "text"


def suffix_kind(name: str | None) -> str | None:
    """The reader a file's suffix names (``.pdf .docx .html .htm .txt .md``), or ``None``.

    >>> suffix_kind("report.HTM"), suffix_kind("x.doc")
    ('html', None)
    """
    return _SUFFIXES.get(Path(name).suffix.lower()) if name else None
