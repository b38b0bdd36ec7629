"""The fill-in workbook: the Excel rendering of a report, with the report itself kept in a hidden sheet."""

from __future__ import annotations

from typing import Final

from ..model import Report
from ..render import XLSX_MEDIA_TYPE, build_workbook
from ..render._xlsx import workbook_bytes
from ..serialize import to_json

__all__ = ["REPORT_SHEET", "XLSX_MEDIA_TYPE", "to_workbook"]

REPORT_SHEET: Final = "_report"
"""The very hidden sheet holding the report the workbook was written from, as canonical JSON in column A."""
_CHUNK: Final = 30000  # a cell holds at most 32,767 characters


def to_workbook(report: Report) -> bytes:
    """The fill-in workbook of *report*, as ``.xlsx`` bytes: ``render(report, to="xlsx")`` and the report itself.

    The report is kept in a very hidden sheet, so :func:`~govdisclose.workbook.report_of` gives it back from the file
    and ``govdisclose fill WORKBOOK`` needs nothing else.

    Raises:
        MissingExtraError: openpyxl is not installed (``pip install 'govdisclose[xlsx]'``).
    """
    book = build_workbook(report)
    document = book.create_sheet(REPORT_SHEET)
    text = to_json(report)
    for start in range(0, len(text), _CHUNK):
        document.append([text[start : start + _CHUNK]])
    document.sheet_state = "veryHidden"
    return workbook_bytes(book)
