r"""Readers of published reports: plain text, HTML, PDF and Word into the model, with diagnostics.

:func:`read_text`, :func:`read_html`, :func:`read_pdf`, :func:`read_docx` and :func:`read_file` (any of these, told
by its content) return a :class:`ReadResult`: the
:class:`~govdisclose.model.Report` and the :class:`Diagnostic` s of the reading — what was recognised, removed as
page noise, uncertain or not recognised, each with its position in the source (for a PDF, its page). The reader never
guesses silently: what it is not sure of it says, and what it cannot place it keeps as a paragraph or leaves out with a
diagnostic.

>>> result = read_text("某县教育局2021年政府信息公开工作年度报告\n一、总体情况\n全年共收到申请3件。")
>>> result.report.display_title
'某县教育局2021年政府信息公开工作年度报告'
"""

from ._api import UNKNOWN_AGENCY, ReadResult, read_html, read_text
from ._diagnostics import Diagnostic, DiagnosticKind, Position
from ._docx import read_docx
from ._pdf import OcrHook, OcrPage, read_pdf
from ._read_file import read_file

__all__ = [
    "UNKNOWN_AGENCY",
    "Diagnostic",
    "DiagnosticKind",
    "OcrHook",
    "OcrPage",
    "Position",
    "ReadResult",
    "read_docx",
    "read_file",
    "read_html",
    "read_pdf",
    "read_text",
]
