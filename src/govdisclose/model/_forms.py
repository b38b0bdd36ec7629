"""Ready-made statistics forms for reports before 2019: the 2014–2018 national form (国办发〔2014〕32号).

Only the first rows of the national form are confirmed from a published copy; the rest is reconstructed (see the spec,
``pre-2019.md`` §4.1). Every row carries that status in :data:`NATIONAL_FORM_CONFIRMED`, and the form's relations are
marked ``reconstructed``: usable as a template and for checks, not to be presented as the official text.

>>> form = national_statistics_form({"applications.received": [4], "applications.received.in-person": [4]})
>>> form.row("applications.received").values[0].value
Decimal('4')
>>> len(form.rows), form.template
(65, 'national-2014')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._figures import FigureLike
from ._tabledefs import ColumnDef, RowDef
from ._tables import StatisticsTable, StatRow, SumRelation

__all__ = [
    "NATIONAL_FORM_CAPTION",
    "NATIONAL_FORM_CONFIRMED",
    "NATIONAL_FORM_HEADINGS",
    "NATIONAL_FORM_ROWS",
    "national_statistics_form",
]

NATIONAL_FORM_CAPTION = "政府信息公开情况统计表"
"""The caption of the national form."""

NATIONAL_FORM_HEADINGS = ("统计指标", "单位", "统计数")
"""The column headings of the national form: the row labels, their units, the values."""

_G = "——"  # the unit cell of a group row
_COUNT = ColumnDef(id="value", label=NATIONAL_FORM_HEADINGS[2])
_AMOUNT = ColumnDef(id="value", label=NATIONAL_FORM_HEADINGS[2], kind="amount")
_MONEY = frozenset({"万元", "元"})


def _form_rows(*rows: tuple[str, int, str, str]) -> tuple[RowDef, ...]:
    """Row definitions from ``(id, level, label, unit)``: a row's path is the labels of the rows it is nested in.

    A group row (unit ``——``) has no value column; a row in 万元 or 元 has an amount column.
    """
    built: list[RowDef] = []
    stack: list[str] = []  # the labels of the enclosing rows, outermost first
    for row_id, level, label, unit in rows:
        del stack[level:]
        columns = () if unit == _G else ((_AMOUNT if unit in _MONEY else _COUNT),)
        built.append(RowDef(id=row_id, label=label, path=tuple(stack), columns=columns, unit=unit))
        stack.append(label)
    return tuple(built)


NATIONAL_FORM_ROWS: tuple[RowDef, ...] = _form_rows(
    ("proactive", 0, "一、主动公开情况", _G),
    ("proactive.items", 1, "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条"),
    ("proactive.items.normative", 2, "其中：主动公开规范性文件数", "条"),
    ("proactive.items.normative-issued", 2, "制发规范性文件总数", "件"),
    ("proactive.channels", 1, "（二）通过不同渠道和方式公开政府信息的情况", _G),
    ("proactive.channels.gazette", 2, "1.政府公报公开政府信息数", "条"),
    ("proactive.channels.website", 2, "2.政府网站公开政府信息数", "条"),
    ("proactive.channels.weibo", 2, "3.政务微博公开政府信息数", "条"),
    ("proactive.channels.wechat", 2, "4.政务微信公开政府信息数", "条"),
    ("proactive.channels.other", 2, "5.其他方式公开政府信息数", "条"),
    ("responses", 0, "二、回应解读情况", _G),
    ("responses.events", 1, "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次"),
    ("responses.channels", 1, "（二）通过不同渠道和方式回应解读的情况", _G),
    ("responses.channels.press", 2, "1.参加或举办新闻发布会总次数", "次"),
    ("responses.channels.press.leaders", 3, "其中：主要负责同志参加新闻发布会次数", "次"),
    ("responses.channels.interviews", 2, "2.政府网站在线访谈次数", "次"),
    ("responses.channels.interviews.leaders", 3, "其中：主要负责同志参加政府网站在线访谈次数", "次"),
    ("responses.channels.interpretations", 2, "3.政策解读稿件发布数", "篇"),
    ("responses.channels.social", 2, "4.微博微信回应事件数", "次"),
    ("responses.channels.other", 2, "5.其他方式回应事件数", "次"),
    ("applications", 0, "三、依申请公开情况", _G),
    ("applications.received", 1, "（一）收到申请数", "件"),
    ("applications.received.in-person", 2, "1.当面申请数", "件"),
    ("applications.received.fax", 2, "2.传真申请数", "件"),
    ("applications.received.online", 2, "3.网络申请数", "件"),
    ("applications.received.letter", 2, "4.信函申请数", "件"),
    ("applications.closed", 1, "（二）申请办结数", "件"),
    ("applications.closed.on-time", 2, "1.按时办结数", "件"),
    ("applications.closed.extended", 2, "2.延期办结数", "件"),
    ("applications.answered", 1, "（三）申请答复数", "件"),
    ("applications.answered.already-public", 2, "1.属于已主动公开范围数", "件"),
    ("applications.answered.granted", 2, "2.同意公开答复数", "件"),
    ("applications.answered.partly-granted", 2, "3.同意部分公开答复数", "件"),
    ("applications.answered.refused", 2, "4.不同意公开答复数", "件"),
    ("applications.answered.refused.state-secret", 3, "其中：涉及国家秘密", "件"),
    ("applications.answered.refused.commercial-secret", 3, "涉及商业秘密", "件"),
    ("applications.answered.refused.privacy", 3, "涉及个人隐私", "件"),
    ("applications.answered.refused.security", 3, "危及国家安全、公共安全、经济安全和社会稳定", "件"),
    ("applications.answered.refused.not-government-information", 3, "不是《条例》所指政府信息", "件"),
    ("applications.answered.refused.other-law", 3, "法律法规规定的其他情形", "件"),
    ("applications.answered.not-this-agency", 2, "5.不属于本行政机关公开", "件"),
    ("applications.answered.not-exist", 2, "6.申请信息不存在", "件"),
    ("applications.answered.amend", 2, "7.告知作出更改补充", "件"),
    ("applications.answered.other-channel", 2, "8.告知通过其他途径办理", "件"),
    ("reviews", 0, "四、行政复议数量", "件"),
    ("reviews.upheld", 1, "（一）维持具体行政行为数", "件"),
    ("reviews.corrected", 1, "（二）被依法纠错数", "件"),
    ("reviews.other", 1, "（三）其他情形数", "件"),
    ("litigation", 0, "五、行政诉讼数量", "件"),
    ("litigation.upheld", 1, "（一）维持具体行政行为或者驳回原告诉讼请求数", "件"),
    ("litigation.corrected", 1, "（二）被依法纠错数", "件"),
    ("litigation.other", 1, "（三）其他情形数", "件"),
    ("complaints", 0, "六、举报投诉数量", "件"),
    ("fees", 0, "七、依申请公开信息收取的费用", "万元"),
    ("organisation", 0, "八、机构建设和保障经费情况", _G),
    ("organisation.offices", 1, "（一）政府信息公开工作专门机构数", "个"),
    ("organisation.reading-points", 1, "（二）设置政府信息公开查阅点数", "个"),
    ("organisation.staff", 1, "（三）从事政府信息公开工作人员数", "人"),
    ("organisation.staff.full-time", 2, "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人"),
    ("organisation.staff.part-time", 2, "2.兼职人员数", "人"),
    (
        "organisation.funding",
        1,
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
        "万元",
    ),
    ("training", 0, "九、政府信息公开会议和培训情况", _G),
    ("training.meetings", 1, "（一）召开政府信息公开工作会议或专题会议数", "次"),
    ("training.courses", 1, "（二）举办各类培训班数", "次"),
    ("training.trainees", 1, "（三）接受培训人员数", "人次"),
)
"""The rows of the national form, top to bottom: each row's ``path`` holds the rows it is nested in (its level is the
path's length), its ``unit`` the 单位 cell; a group row (unit ``——``) has no value column."""

NATIONAL_FORM_CONFIRMED = frozenset(
    {"proactive", "proactive.items", "proactive.items.normative", "proactive.items.normative-issued"}
)
"""Rows confirmed from a published copy of the form; every other row is reconstructed."""

_RELATIONS = (
    SumRelation(
        total="proactive.items",
        parts=tuple(f"proactive.channels.{c}" for c in ("gazette", "website", "weibo", "wechat", "other")),
        overlapping=True,
        reconstructed=True,
    ),
    SumRelation(
        total="responses.events",
        parts=tuple(f"responses.channels.{c}" for c in ("press", "interviews", "interpretations", "social", "other")),
        overlapping=True,
        reconstructed=True,
    ),
    SumRelation(
        total="applications.received",
        parts=tuple(f"applications.received.{c}" for c in ("in-person", "fax", "online", "letter")),
        reconstructed=True,
    ),
    SumRelation(
        total="applications.closed",
        parts=("applications.closed.on-time", "applications.closed.extended"),
        reconstructed=True,
    ),
    SumRelation(
        total="applications.answered",
        parts=tuple(
            f"applications.answered.{c}"
            for c in (
                "already-public",
                "granted",
                "partly-granted",
                "refused",
                "not-this-agency",
                "not-exist",
                "amend",
                "other-channel",
            )
        ),
        reconstructed=True,
    ),
    SumRelation(
        total="applications.answered.refused",
        parts=tuple(
            f"applications.answered.refused.{c}"
            for c in (
                "state-secret",
                "commercial-secret",
                "privacy",
                "security",
                "not-government-information",
                "other-law",
            )
        ),
        reconstructed=True,
    ),
    SumRelation(total="reviews", parts=("reviews.upheld", "reviews.corrected", "reviews.other"), reconstructed=True),
    SumRelation(
        total="litigation",
        parts=("litigation.upheld", "litigation.corrected", "litigation.other"),
        reconstructed=True,
    ),
    SumRelation(
        total="organisation.staff",
        parts=("organisation.staff.full-time", "organisation.staff.part-time"),
        reconstructed=True,
    ),
)


def national_statistics_form(
    values: Mapping[str, Sequence[FigureLike]] | None = None, *, fill: FigureLike = None
) -> StatisticsTable:
    """The 2014–2018 national statistics form, with *values* by row id and *fill* in the other value rows.

    Args:
        values: ``{row_id: [统计数]}`` for the rows to fill.
        fill: What the other (non-group) rows hold: ``None`` (unknown) by default, ``0`` for a blank form.

    Raises:
        KeyError: A row id is not in the form.
    """
    given = dict(values or {})
    rows = []
    for row in NATIONAL_FORM_ROWS:
        group = not row.columns
        if group and row.id in given:
            raise KeyError(f"{row.id} is a group row without values")
        cells = () if group else tuple(given.pop(row.id, (fill,)))
        rows.append(StatRow(id=row.id, label=row.label, values=cells, unit=row.unit, level=len(row.path)))
    if given:
        raise KeyError(f"not rows of the national form: {', '.join(sorted(given))}")
    return StatisticsTable(
        caption=NATIONAL_FORM_CAPTION, rows=tuple(rows), relations=_RELATIONS, template="national-2014"
    )
