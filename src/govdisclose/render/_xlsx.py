"""The Excel renderer: a report's tables and prose parts as a workbook (``render(report, to="xlsx")``).

Each statistics table of the report becomes a sheet (``表二``, ``表三``, ``表四`` for the official tables of 2019 and
2021, ``统计表`` for the national form): the title, then the table in its official merged layout (the same
:func:`govdisclose.render.layout` every renderer draws). Labels are locked, value cells unlocked and checked as numbers
(a warning, so that a marker such as ``/`` can still be typed). A sheet ``正文`` lists every section with the text of
its paragraphs, to write or edit. A very hidden sheet ``_govdisclose`` records which cell is which figure, so that
:func:`govdisclose.workbook.fill` reads the numbers back exactly where they belong. The ``xlsx`` extra (openpyxl).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs

from .._errors import MissingExtraError
from ..model import (
    Block,
    Figure,
    OfficialTable,
    Paragraph,
    Report,
    Section,
    StatisticsTable,
    iter_blocks,
    iter_sections,
)
from ..zh import display_width
from ._tablelayout import Grid, layout
from ._walk import RenderContext, ReportRenderer

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "MAP_HEADER",
    "MAP_SHEET",
    "PROSE_SHEET",
    "XLSX",
    "XLSX_MEDIA_TYPE",
    "XlsxRenderer",
    "build_workbook",
    "prose_text",
    "sheet_title",
    "workbook_bytes",
]

XLSX_MEDIA_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

MAP_SHEET: Final = "_govdisclose"
"""The very hidden sheet that maps cells to figures: sheet, cell, table path, row id, column, kind, state."""

PROSE_SHEET: Final = "正文"
"""The sheet of the prose parts: path, heading, text."""

MAP_HEADER: Final = ("sheet", "cell", "path", "row", "column", "kind", "state")
_SHEETS: Final = (("proactive", "表二"), ("applications", "表三"), ("reviews", "表四"))
_FONT: Final = "宋体"
_TOP: Final = 3  # the grid starts below the title and a note
_LINE_HEIGHT: Final = 14  # points: one line of 10-point text
_NOTE: Final = "填写说明：只填白色单元格；数字填阿拉伯数字，不适用填“/”，留空表示空白（不是0）。"


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - the test environment has the extra
        raise MissingExtraError("xlsx", "openpyxl", "writing Excel workbooks") from None
    return openpyxl


def sheet_title(table: OfficialTable | StatisticsTable) -> str:
    """The sheet name of a table: 表二, 表三, 表四 for the official tables, 统计表 for a statistics table.

    >>> from govdisclose.model import ReviewsTable
    >>> sheet_title(ReviewsTable.zeros())
    '表四'
    """
    if isinstance(table, StatisticsTable):
        return "统计表"
    definition = table.DEFINITION.id
    return next((name for prefix, name in _SHEETS if definition.startswith(prefix)), definition[:31])


def _state(figure: Figure) -> str:
    if figure.value is not None:
        return "number"
    if figure.marker is None:
        return "unknown"
    return "blank" if figure.is_blank else "marker"


def _cell_value(figure: Figure) -> Decimal | str | None:
    if figure.value is not None:
        return figure.value if figure.qualifier.value == "" else figure.text
    return figure.marker or None


def _tables(report: Report) -> Iterator[tuple[str, OfficialTable | StatisticsTable]]:
    for site in iter_blocks(report):
        if isinstance(site.block, (OfficialTable, StatisticsTable)):
            yield site.path, site.block


def _kinds(table: OfficialTable | StatisticsTable) -> dict[tuple[str, str], str]:
    """The kind (count, signed, amount) of every value cell, by (row id, column id)."""
    if isinstance(table, StatisticsTable):
        return {}
    return {(row.id, column.id): column.kind for row in table.DEFINITION.rows for column in row.columns}


def _write_table(book: Any, mapping: Any, path: str, table: OfficialTable | StatisticsTable, grid: Grid) -> None:
    styles = _openpyxl().styles
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    name = sheet_title(table)
    taken = set(book.sheetnames)
    title, number = name, 2
    while title in taken:
        title, number = f"{name}({number})", number + 1
    sheet: Worksheet = book.create_sheet(title)
    width = max(sum(cell.colspan for cell in row) for row in grid)
    heading = table.DEFINITION.title if isinstance(table, OfficialTable) else (table.caption or "统计表")
    sheet.cell(row=1, column=1, value=heading).font = styles.Font(name=_FONT, bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(row=2, column=1, value=_NOTE).font = styles.Font(name=_FONT, size=9, color="666666")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    border = styles.Border(*(styles.Side(style="thin"),) * 4)
    label = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
    fill = styles.PatternFill("solid", fgColor="F2F2F2")
    validations = {
        "count": DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True),
        "signed": DataValidation(type="whole", operator="between", formula1="-999999999", formula2="999999999"),
        "amount": DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True),
    }
    for validation in validations.values():
        validation.errorStyle = "warning"
        validation.error = "请填写数字；不适用填“/”，空白留空。"
        validation.prompt = "数字、“/”或留空"
        sheet.add_data_validation(validation)
    kinds = _kinds(table)
    occupied: set[tuple[int, int]] = set()
    label_columns: set[int] = set()
    labels: list[tuple[int, int, int, int, str]] = []  # row, column, rowspan, colspan, text: for the row heights
    for offset, row in enumerate(grid):
        r = _TOP + offset
        c = 1
        for laid in row:
            while (r, c) in occupied:
                c += 1
            cell = sheet.cell(row=r, column=c)
            for dr in range(laid.rowspan):
                for dc in range(laid.colspan):
                    occupied.add((r + dr, c + dc))
                    sheet.cell(row=r + dr, column=c + dc).border = border
            if laid.rowspan > 1 or laid.colspan > 1:
                sheet.merge_cells(
                    start_row=r, start_column=c, end_row=r + laid.rowspan - 1, end_column=c + laid.colspan - 1
                )
            if laid.figure is not None and laid.row_id is not None:
                column = laid.column_id or ""
                kind = kinds.get((laid.row_id, column), "amount" if column.startswith("c") else "count")
                cell.value = _cell_value(laid.figure)
                cell.protection = styles.Protection(locked=False)
                cell.number_format = "0" if kind != "amount" else "General"
                cell.alignment = styles.Alignment(horizontal="center", vertical="center")
                validations[kind].add(cell.coordinate)
                mapping.append((sheet.title, cell.coordinate, path, laid.row_id, column, kind, _state(laid.figure)))
            else:
                cell.value = laid.text or None
                cell.alignment = label
                cell.fill = fill
                label_columns.add(c)
                labels.append((r, c, laid.rowspan, laid.colspan, laid.text))
            cell.font = styles.Font(name=_FONT, size=10, bold=laid.header and laid.row_id is None)
            c += laid.colspan
    widths = {index: 22 if index in label_columns else 11 for index in range(1, width + 1)}
    for index, columns in widths.items():
        sheet.column_dimensions[get_column_letter(index)].width = columns
    lines: dict[int, int] = {}
    for r, c, rowspan, colspan, text in labels:
        room = sum(widths.get(c + dc, 11) for dc in range(colspan)) - 2
        needed = -(-display_width(text) // max(room, 1))  # wrapped lines, rounded up
        for dr in range(rowspan):
            lines[r + dr] = max(lines.get(r + dr, 1), -(-needed // rowspan))
    for r, count in lines.items():
        sheet.row_dimensions[r].height = _LINE_HEIGHT * count
    _print_setup(sheet)


def _print_setup(sheet: Worksheet) -> None:
    """Protected, without grid lines, printed landscape and one page wide."""
    sheet.protection.sheet = True
    sheet.sheet_view.showGridLines = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def prose_text(section_blocks: tuple[object, ...]) -> str:
    """The text of a section's paragraphs, one per line, as the prose sheet shows it."""
    return "\n".join(block.text for block in section_blocks if isinstance(block, Paragraph))


def _write_prose(book: Any, report: Report) -> None:
    styles = _openpyxl().styles
    sheet: Worksheet = book.create_sheet(PROSE_SHEET, 0)
    sheet.append(["路径", "标题", "正文（每段一行）"])
    for cell in sheet[1]:
        cell.font = styles.Font(name=_FONT, bold=True)
    for path, depth, section in iter_sections(report):
        sheet.append([path, "　" * (depth - 1) + section.heading, prose_text(section.blocks) or None])
        text = sheet.cell(row=sheet.max_row, column=3)
        text.protection = styles.Protection(locked=False)
        text.alignment = styles.Alignment(wrap_text=True, vertical="top")
        for cell in sheet[sheet.max_row]:
            cell.font = styles.Font(name=_FONT, size=10)
        paragraphs = str(text.value or "").split("\n")
        count = sum(max(1, -(-display_width(paragraph) // 98)) for paragraph in paragraphs)
        sheet.row_dimensions[sheet.max_row].height = _LINE_HEIGHT * count
    sheet.column_dimensions["A"].hidden = True
    sheet.column_dimensions["B"].width = 36
    sheet.column_dimensions["C"].width = 100
    _print_setup(sheet)


def build_workbook(report: Report, *, layout: Callable[[Block], Grid] = layout) -> Any:
    """The workbook of *report* as an openpyxl ``Workbook``: the prose sheet, a sheet per statistics table, the map.

    Numbers are written exactly (as decimals); a blank cell stays empty, a marker is written as printed, and an unknown
    cell is empty too — the hidden map remembers which, so :func:`~govdisclose.workbook.fill` keeps them apart.

    Raises:
        MissingExtraError: openpyxl is not installed (``pip install 'govdisclose[xlsx]'``).
    """
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    book.remove(book.active)
    _write_prose(book, report)
    mapping: list[tuple[str, ...]] = []
    for path, table in _tables(report):
        _write_table(book, mapping, path, table, layout(table))
    hidden = book.create_sheet(MAP_SHEET)
    hidden.append(MAP_HEADER)
    for row in mapping:
        hidden.append(list(row))
    hidden.sheet_state = "veryHidden"
    book.active = 1 if len(book.sheetnames) > 2 else 0
    book.properties.creator = "govdisclose"
    book.properties.title = report.display_title
    return book


def workbook_bytes(book: Any) -> bytes:
    """An openpyxl workbook as ``.xlsx`` bytes."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _kept(block: Block, context: RenderContext) -> None:
    """Every block is kept: paragraphs go to the prose sheet, statistics tables to sheets of their own."""


def _kept_section(section: Section, ordinal: str, context: RenderContext) -> None:
    """Every section is a row of the prose sheet."""


@attrs.define(eq=False)
class XlsxRenderer(ReportRenderer[RenderContext, None]):
    """The ``xlsx`` renderer: the report's tables (and prose) as an Excel workbook (see :func:`build_workbook`).

    It owns a table of layout functions like the other renderers, so a plugin's table layout reaches its sheets.
    """

    BLOCKS: ClassVar[tuple[tuple[type, Callable[..., Any]], ...]] = ((Block, _kept),)
    SECTIONS: ClassVar[tuple[tuple[type, Callable[..., Any]], ...]] = ((Section, _kept_section),)
    LABEL: ClassVar[str] = "Excel"

    name: str = "xlsx"
    media_type: str = XLSX_MEDIA_TYPE
    format: str = "xlsx"

    def render(self, report: Report) -> bytes:
        """The workbook of *report*, as ``.xlsx`` bytes, its tables laid out by this renderer's functions."""
        return workbook_bytes(build_workbook(report, layout=self.layout))


XLSX = XlsxRenderer()
"""The Excel renderer of :data:`~govdisclose.render.default_renderers`."""
