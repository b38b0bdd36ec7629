"""Reading a filled-in workbook back into the report it was written for.

Every value cell is read through the hidden map of the workbook: a number becomes the exact decimal, an empty cell a
blank (or stays unknown where the report had an unknown cell), a marker such as ``/`` stays a marker. Anything else is
a problem named by sheet and cell; all problems of a workbook are reported at once.
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from decimal import Decimal
from typing import Any, Final

import attrs

from .._errors import GovDiscloseError, ModelError, SourceError
from ..model import (
    Figure,
    OfficialTable,
    Paragraph,
    Qualifier,
    Report,
    Section,
    StatisticsTable,
    iter_sections,
    value_at,
)
from ..render._xlsx import MAP_HEADER, MAP_SHEET, PROSE_SHEET, _openpyxl, prose_text
from ._write import REPORT_SHEET

__all__ = ["WorkbookError", "fill", "report_of"]

_MARKERS: Final = frozenset({"/", "／", "-", "－", "—", "——", "―", "无", "×"})
_MAX_BYTES: Final = 64 * 1024 * 1024


class WorkbookError(GovDiscloseError, ValueError):
    """A filled-in workbook cannot be read back: each problem names its sheet and cell (``表三!D12: …``).

    Attributes:
        problems: One line per problem.
    """

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:20]
        more = f"\n… and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        super().__init__("\n".join(shown) + more)
        self.problems = tuple(problems)


def _figure(value: object, kind: str, state: str, where: str, problems: list[str]) -> Figure | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return Figure() if state == "unknown" else Figure(marker="")
    if isinstance(value, bool):
        problems.append(f"{where}: {value!r} is not a number")
        return None
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        figure = Figure(value=number)
    elif isinstance(value, str):
        text = value.strip()
        if text in _MARKERS:
            return Figure(marker=text)
        figure = Figure.of(text)
        if figure.value is None:
            problems.append(f"{where}: {value!r} is not a number (write a number, “/”, or leave the cell empty)")
            return None
    else:
        problems.append(f"{where}: a {type(value).__name__} is not a number ({value!r})")
        return None
    assert figure.value is not None
    if not figure.value.is_finite():
        problems.append(f"{where}: {value!r} is not a finite number")
        return None
    if kind in ("count", "signed") and figure.value != figure.value.to_integral_value():
        problems.append(f"{where}: {value!r} is not a whole number")
        return None
    if kind in ("count", "amount") and figure.value < 0:
        problems.append(f"{where}: {value!r} is negative")
        return None
    if kind != "amount" and figure.qualifier is Qualifier.EXACT:
        return Figure(
            value=figure.value.quantize(Decimal(1)) if figure.value == figure.value.to_integral() else figure.value
        )
    return figure


def _load(source: bytes | str | os.PathLike[str]) -> Any:
    openpyxl = _openpyxl()
    where = "" if isinstance(source, bytes) else f"{os.fspath(source)}: "  # a file's errors name the file
    if isinstance(source, bytes):
        data = source
    else:
        try:
            with open(source, "rb") as handle:
                data = handle.read(_MAX_BYTES + 1)
        except OSError as error:
            name = os.fspath(source)
            raise SourceError(f"{name}: {error.strerror or error}", source=name) from None
    if len(data) > _MAX_BYTES:
        raise WorkbookError([f"{where}the workbook is larger than {_MAX_BYTES // (1024 * 1024)} MiB"])
    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises zipfile, XML and key errors for files that are not workbooks
        raise WorkbookError([f"{where}not an Excel workbook (.xlsx): {type(error).__name__}: {error}"]) from None


def _set_figures(table: OfficialTable | StatisticsTable, cells: dict[tuple[str, str], Figure]) -> Any:
    if isinstance(table, OfficialTable):
        return table.with_cells({(row, column): figure for (row, column), figure in cells.items()})
    rows = []
    for row in table.rows:
        values = list(row.values)
        for (row_id, column), figure in cells.items():
            if row_id == row.id:
                values[int(column[1:])] = figure
        rows.append(attrs.evolve(row, values=tuple(values)) if values != list(row.values) else row)
    return attrs.evolve(table, rows=tuple(rows))


def _prose(section: Section, text: str) -> Section:
    if text == prose_text(section.blocks):
        return section
    paragraphs = [Paragraph(content=(line.strip(),)) for line in text.splitlines() if line.strip()]
    others = [block for block in section.blocks if not isinstance(block, Paragraph)]
    return attrs.evolve(section, blocks=(*paragraphs, *others))


def report_of(source: bytes | str | os.PathLike[str]) -> Report:
    """The report a workbook was written from (kept in a hidden sheet by :func:`~govdisclose.workbook.to_workbook`).

    Raises:
        WorkbookError: The file is not a workbook of govdisclose, or its hidden report is damaged.

    >>> from govdisclose.templates import new_report
    >>> from govdisclose.workbook import to_workbook
    >>> blank = new_report(edition="2021", agency="某县教育局", year=2025)
    >>> report_of(to_workbook(blank)) == blank
    True
    """
    from ..serialize import from_json

    book = _load(source)
    if REPORT_SHEET not in book.sheetnames:
        raise WorkbookError([f"the workbook has no sheet {REPORT_SHEET!r}: it was not written by govdisclose"])
    text = "".join(str(value) for (value,) in book[REPORT_SHEET].iter_rows(max_col=1, values_only=True) if value)
    try:
        return from_json(text)
    except GovDiscloseError as error:
        raise WorkbookError([f"{REPORT_SHEET}!A1: the report kept in the workbook cannot be loaded: {error}"]) from None


def fill(report: Report, source: bytes | str | os.PathLike[str]) -> Report:
    """*report* with the numbers and prose of a workbook that :func:`~govdisclose.workbook.to_workbook` wrote for it.

    Args:
        report: The report the workbook was written from (a blank report, or last draft).
        source: The ``.xlsx`` file's path or bytes.

    Raises:
        WorkbookError: Cells that are not numbers, markers or empty; a workbook written for another report; a file that
            is not a workbook. Every problem names its sheet and cell.
        MissingExtraError: openpyxl is not installed (``pip install 'govdisclose[xlsx]'``).

    >>> from govdisclose.templates import new_report
    >>> from openpyxl import load_workbook
    >>> from govdisclose.workbook import to_workbook
    >>> import io
    >>> blank = new_report(edition="2021", agency="某县教育局", year=2025)
    >>> book = load_workbook(io.BytesIO(to_workbook(blank)))
    >>> book["表三"]["D6"].value = "十二"
    >>> out = io.BytesIO(); book.save(out)
    >>> fill(blank, out.getvalue())
    Traceback (most recent call last):
    ...
    govdisclose.workbook._fill.WorkbookError: 表三!D6: '十二' is not a number (write a number, “/”, or leave ...
    """
    book = _load(source)
    if MAP_SHEET not in book.sheetnames:
        raise WorkbookError([f"the workbook has no sheet {MAP_SHEET!r}: it was not written by govdisclose.to_workbook"])
    problems: list[str] = []
    rows = list(book[MAP_SHEET].iter_rows(values_only=True))
    if not rows or tuple(rows[0]) != MAP_HEADER:
        raise WorkbookError([f"{MAP_SHEET}!A1: the cell map has an unknown layout"])
    tables: dict[str, Any] = {}
    changes: dict[str, dict[tuple[str, str], Figure]] = defaultdict(dict)
    for sheet, cell, path, row_id, column, kind, state in rows[1:]:
        where = f"{sheet}!{cell}"
        if sheet not in book.sheetnames:
            problems.append(f"{where}: the sheet {sheet!r} is missing")
            continue
        if path not in tables:
            try:
                found = value_at(report, str(path))
            except ModelError:
                found = None
            if not isinstance(found, (OfficialTable, StatisticsTable)):
                problems.append(f"{where}: the workbook was written for another report (no table at {path})")
                tables[path] = None
                continue
            tables[path] = found
        if tables[path] is None:
            continue
        figure = _figure(book[sheet][cell].value, str(kind), str(state), where, problems)
        if figure is not None:
            changes[path][(str(row_id), str(column))] = figure
    if problems:
        raise WorkbookError(problems)
    result = report
    for path, cells in changes.items():
        try:
            result = result.replace(path, _set_figures(tables[path], cells))
        except ModelError as error:
            problems.append(f"{path}: {error}")
    if PROSE_SHEET in book.sheetnames:
        sections = {path: section for path, _, section in iter_sections(result)}
        for number, (path, _, text) in enumerate(book[PROSE_SHEET].iter_rows(min_row=2, values_only=True), start=2):
            if path not in sections:
                problems.append(
                    f"{PROSE_SHEET}!A{number}: the workbook was written for another report (no section {path})"
                )
                continue
            edited = _prose(sections[str(path)], "" if text is None else str(text))
            if edited is not sections[str(path)]:
                result = result.replace(str(path), edited)
    if problems:
        raise WorkbookError(problems)
    return result
