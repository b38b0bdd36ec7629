"""Excel workbooks: a fill-in workbook of a report's tables and prose, and the numbers read back into the report.

Offices collect their statistics in Excel. :func:`to_workbook` writes a report's statistics tables — one sheet per
table, with the official merged labels (locked) and value cells checked as numbers (unlocked) — and a sheet of the
prose parts; :func:`fill` reads a filled-in workbook back into the report, and every problem is an error naming the
sheet and cell (``表三!D12: '十二' is not a number``); :func:`report_of` gives back the report a workbook was written
from. Needs the ``xlsx`` extra (openpyxl).

>>> from govdisclose.templates import new_report
>>> blank = new_report(edition="2021", agency="某县教育局", year=2025)
>>> data = to_workbook(blank)
>>> fill(blank, data) == blank
True
"""

from ._fill import WorkbookError, fill, report_of
from ._write import to_workbook

__all__ = ["WorkbookError", "fill", "report_of", "to_workbook"]
