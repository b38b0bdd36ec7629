"""Definitions of the official statistics tables: every label, row and column, in the official order.

The labels are the official strings of the national formats (国办公开办函〔2019〕60号 and 〔2021〕30号), character for
character; this module is the one place they are written. Renderers, readers and checks read them from here.

A definition describes *structure*; the values live in the table blocks of :mod:`govdisclose.model`. Rows and columns
have stable ids (``result.refused.state-secret``, ``commercial``) that documents, checks and HTML attributes use.

Two shapes:

- a :class:`GridDef` (tables 三 and 四): uniform value columns, each with a *path* of group labels above it, and rows
  with a path of group labels to their left — enough to derive the merged header and label cells;
- a :class:`BlocksDef` (table 二): blocks, each with a header row, a column-heading row and its own value columns.

>>> APPLICATIONS_2021.row("result.refused.three-safeties").label
'3.危及“三安全一稳定”'
>>> [c.label for c in APPLICATIONS_2021.columns]
['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
"""

from __future__ import annotations

from typing import Literal

import attrs

from ._sections import Part
from ._vocabulary import national_title

__all__ = [
    "APPLICATIONS_2019",
    "APPLICATIONS_2021",
    "APPLICATION_COLUMNS",
    "PROACTIVE_2019",
    "PROACTIVE_2021",
    "REVIEWS_LITIGATION",
    "BlockDef",
    "BlocksDef",
    "ColumnDef",
    "GridDef",
    "RowDef",
    "TableDef",
]


@attrs.frozen(kw_only=True)
class ColumnDef:
    """A value column.

    Attributes:
        id: Stable id, unique within its table (or block).
        label: The official heading.
        path: Group headings above the column, outermost first (``("申请人情况", "法人或其他组织")``).
        kind: ``count`` (whole numbers ≥ 0), ``signed`` (whole numbers, may be negative: ``本年增/减``) or ``amount``
            (money, may have decimals).
    """

    id: str
    label: str
    path: tuple[str, ...] = ()
    kind: Literal["count", "signed", "amount"] = "count"


@attrs.frozen(kw_only=True)
class RowDef:
    """A row of a table definition.

    Attributes:
        id: Stable id, unique within the table.
        label: The official label of the row's own cell.
        path: Group labels to the left of the row (in the national form: the rows it is nested in), outermost first
            (``("三、本年度办理结果", "（三）不予公开")``); groups carry no values of their own.
        columns: The row's value columns; none for a group row of the national form (``一、主动公开情况``).
        unit: The row's unit cell, in a form that prints one (the national form's 单位: ``条``, ``件``, ``——``).
    """

    id: str
    label: str
    path: tuple[str, ...] = ()
    columns: tuple[ColumnDef, ...] = ()
    unit: str | None = None


@attrs.frozen(kw_only=True)
class GridDef:
    """A table whose rows all share the same value columns (tables 三 and 四).

    Attributes:
        id: Stable id of the definition (``applications-2021``).
        title: The part of the report the table belongs to.
        corner: The text of the top-left corner cell, if any.
        columns: The value columns, left to right.
        rows: The rows, top to bottom.
    """

    id: str
    title: str
    corner: str | None
    columns: tuple[ColumnDef, ...]
    rows: tuple[RowDef, ...]

    def row(self, row_id: str) -> RowDef:
        """The row *row_id*.

        Raises:
            KeyError: No such row.
        """
        return _find(self.rows, row_id)

    @property
    def label_columns(self) -> int:
        """How many label columns the row headers take: the deepest row path plus the row's own label.

        A table whose rows have no labels (table 四) has none.
        """
        if not any(row.label for row in self.rows):
            return 0
        return max(len(row.path) for row in self.rows) + 1

    @property
    def header_rows(self) -> int:
        """How many header rows the column headings take."""
        return max(len(column.path) for column in self.columns) + 1


@attrs.frozen(kw_only=True)
class BlockDef:
    """One block of table 二: ``第二十条第（一）项`` with its column headings and rows.

    Attributes:
        header: The block's header row (spanning the table).
        heading: The heading of the label column (``信息内容``).
        columns: The block's value columns.
        rows: The block's rows.
    """

    header: str
    heading: str
    columns: tuple[ColumnDef, ...]
    rows: tuple[RowDef, ...]


@attrs.frozen(kw_only=True)
class BlocksDef:
    """A table made of blocks with their own columns (table 二).

    Attributes:
        id: Stable id of the definition.
        title: The part of the report the table belongs to.
        width: Value columns of the widest block; narrower blocks stretch their last column.
        blocks: The blocks, top to bottom.
    """

    id: str
    title: str
    width: int
    blocks: tuple[BlockDef, ...]

    @property
    def rows(self) -> tuple[RowDef, ...]:
        """Every row of every block, top to bottom."""
        return tuple(row for block in self.blocks for row in block.rows)

    def row(self, row_id: str) -> RowDef:
        """The row *row_id*.

        Raises:
            KeyError: No such row.
        """
        return _find(self.rows, row_id)


TableDef = GridDef | BlocksDef
"""The definition of an official table."""


def _find(rows: tuple[RowDef, ...], row_id: str) -> RowDef:
    for row in rows:
        if row.id == row_id:
            return row
    raise KeyError(row_id)


def _block(header: str, columns: tuple[ColumnDef, ...], *rows: tuple[str, str]) -> BlockDef:
    return BlockDef(
        header=header,
        heading="信息内容",
        columns=columns,
        rows=tuple(RowDef(id=row_id, label=label, columns=columns) for row_id, label in rows),
    )


# ---- 二、主动公开政府信息情况 -------------------------------------------------------------------------------

_DECISIONS_2021 = (ColumnDef(id="decisions", label="本年处理决定数量"),)

PROACTIVE_2021 = BlocksDef(
    id="proactive-2021",
    title=national_title(Part.PROACTIVE),
    width=3,
    blocks=(
        _block(
            "第二十条第（一）项",
            (
                ColumnDef(id="issued", label="本年制发件数"),
                ColumnDef(id="repealed", label="本年废止件数"),
                ColumnDef(id="in-force", label="现行有效件数"),
            ),
            ("rules", "规章"),
            ("normative-documents", "行政规范性文件"),
        ),
        _block("第二十条第（五）项", _DECISIONS_2021, ("licensing", "行政许可")),
        _block("第二十条第（六）项", _DECISIONS_2021, ("punishment", "行政处罚"), ("coercion", "行政强制")),
        _block(
            "第二十条第（八）项",
            (ColumnDef(id="fees", label="本年收费金额（单位：万元）", kind="amount"),),
            ("administrative-fees", "行政事业性收费"),
        ),
    ),
)
"""Table 二 of the 2021 format."""

_ITEMS_2019 = (
    ColumnDef(id="previous", label="上一年项目数量"),
    ColumnDef(id="change", label="本年增/减", kind="signed"),
    ColumnDef(id="decisions", label="处理决定数量"),
)

PROACTIVE_2019 = BlocksDef(
    id="proactive-2019",
    title=national_title(Part.PROACTIVE),
    width=3,
    blocks=(
        _block(
            "第二十条第（一）项",
            (
                ColumnDef(id="made", label="本年新制作数量"),
                ColumnDef(id="published", label="本年新公开数量"),
                ColumnDef(id="total-published", label="对外公开总数量"),
            ),
            ("rules", "规章"),
            ("normative-documents", "规范性文件"),
        ),
        _block(
            "第二十条第（五）项", _ITEMS_2019, ("licensing", "行政许可"), ("other-services", "其他对外管理服务事项")
        ),
        _block("第二十条第（六）项", _ITEMS_2019, ("punishment", "行政处罚"), ("coercion", "行政强制")),
        _block("第二十条第（八）项", _ITEMS_2019[:2], ("administrative-fees", "行政事业性收费")),
        _block(
            "第二十条第（九）项",
            (
                ColumnDef(id="projects", label="采购项目数量"),
                ColumnDef(id="amount", label="采购总金额", kind="amount"),
            ),
            ("procurement", "政府集中采购"),
        ),
    ),
)
"""Table 二 of the 2019 (trial) format, used for the reports of 2019 and 2020."""

# ---- 三、收到和处理政府信息公开申请情况 -------------------------------------------------------------------------

_APPLICANTS = "申请人情况"
_ORGANISATIONS = "法人或其他组织"

APPLICATION_COLUMNS = (
    ColumnDef(id="natural-person", label="自然人", path=(_APPLICANTS,)),
    ColumnDef(id="commercial", label="商业企业", path=(_APPLICANTS, _ORGANISATIONS)),
    ColumnDef(id="research", label="科研机构", path=(_APPLICANTS, _ORGANISATIONS)),
    ColumnDef(id="public-interest", label="社会公益组织", path=(_APPLICANTS, _ORGANISATIONS)),
    ColumnDef(id="legal-services", label="法律服务机构", path=(_APPLICANTS, _ORGANISATIONS)),
    ColumnDef(id="other", label="其他", path=(_APPLICANTS, _ORGANISATIONS)),
    ColumnDef(id="total", label="总计", path=(_APPLICANTS,)),
)
"""The seven value columns of table 三 (the same in 2019 and 2021); there is no 法人或其他组织 subtotal column."""

_RESULTS = "三、本年度办理结果"
_REFUSED = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"


def _applications(other: tuple[tuple[str, str, tuple[str, ...]], ...]) -> tuple[RowDef, ...]:
    rows: list[tuple[str, str, tuple[str, ...]]] = [
        ("new", "一、本年新收政府信息公开申请数量", ()),
        ("carried-over", "二、上年结转政府信息公开申请数量", ()),
        ("result.disclosed", "（一）予以公开", (_RESULTS,)),
        ("result.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (_RESULTS,)),
        ("result.refused.state-secret", "1.属于国家秘密", (_RESULTS, _REFUSED)),
        ("result.refused.prohibited-by-law", "2.其他法律行政法规禁止公开", (_RESULTS, _REFUSED)),
        ("result.refused.three-safeties", "3.危及“三安全一稳定”", (_RESULTS, _REFUSED)),
        ("result.refused.third-party", "4.保护第三方合法权益", (_RESULTS, _REFUSED)),
        ("result.refused.internal-affairs", "5.属于三类内部事务信息", (_RESULTS, _REFUSED)),
        ("result.refused.process-information", "6.属于四类过程性信息", (_RESULTS, _REFUSED)),
        ("result.refused.enforcement-files", "7.属于行政执法案卷", (_RESULTS, _REFUSED)),
        ("result.refused.inquiry", "8.属于行政查询事项", (_RESULTS, _REFUSED)),
        ("result.unable.not-held", "1.本机关不掌握相关政府信息", (_RESULTS, _UNABLE)),
        ("result.unable.needs-creation", "2.没有现成信息需要另行制作", (_RESULTS, _UNABLE)),
        ("result.unable.unclear", "3.补正后申请内容仍不明确", (_RESULTS, _UNABLE)),
        ("result.not-processed.petition", "1.信访举报投诉类申请", (_RESULTS, _NOT_PROCESSED)),
        ("result.not-processed.repeated", "2.重复申请", (_RESULTS, _NOT_PROCESSED)),
        ("result.not-processed.publications", "3.要求提供公开出版物", (_RESULTS, _NOT_PROCESSED)),
        ("result.not-processed.massive", "4.无正当理由大量反复申请", (_RESULTS, _NOT_PROCESSED)),
        ("result.not-processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", (_RESULTS, _NOT_PROCESSED)),
        *other,
        ("result.total", "（七）总计", (_RESULTS,)),
        ("carry-forward", "四、结转下年度继续办理", ()),
    ]
    return tuple(RowDef(id=i, label=label, path=path, columns=APPLICATION_COLUMNS) for i, label, path in rows)


_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

APPLICATIONS_2021 = GridDef(
    id="applications-2021",
    title=national_title(Part.APPLICATIONS),
    corner=_CORNER,
    columns=APPLICATION_COLUMNS,
    rows=_applications(
        (
            (
                "result.other.no-correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                (_RESULTS, _OTHER),
            ),
            (
                "result.other.no-fee",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                (_RESULTS, _OTHER),
            ),
            ("result.other.other", "3.其他", (_RESULTS, _OTHER)),
        )
    ),
)
"""Table 三 of the 2021 format: 25 rows; （六）其他处理 split in three."""

APPLICATIONS_2019 = GridDef(
    id="applications-2019",
    title=national_title(Part.APPLICATIONS),
    corner=_CORNER,
    columns=APPLICATION_COLUMNS,
    rows=_applications((("result.other", _OTHER, (_RESULTS,)),)),
)
"""Table 三 of the 2019 format: 23 rows; （六）其他处理 is one row with values."""

# ---- 四、政府信息公开行政复议、行政诉讼情况 ------------------------------------------------------------------------

_OUTCOMES = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
_REVIEW = "行政复议"
_LITIGATION = "行政诉讼"

_REVIEW_COLUMNS = (
    *(ColumnDef(id=f"review.{i}", label=label, path=(_REVIEW,)) for i, label in _OUTCOMES),
    *(
        ColumnDef(id=f"litigation.direct.{i}", label=label, path=(_LITIGATION, "未经复议直接起诉"))
        for i, label in _OUTCOMES
    ),
    *(
        ColumnDef(id=f"litigation.after-review.{i}", label=label, path=(_LITIGATION, "复议后起诉"))
        for i, label in _OUTCOMES
    ),
)

REVIEWS_LITIGATION = GridDef(
    id="reviews-litigation",
    title=national_title(Part.REVIEWS_LITIGATION),
    corner=None,
    columns=_REVIEW_COLUMNS,
    rows=(RowDef(id="cases", label="", columns=_REVIEW_COLUMNS),),
)
"""Table 四 (the same in 2019 and 2021): fifteen cells in one row under two levels of headers, no label column."""
