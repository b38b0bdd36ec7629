"""Build the bundled examples ``sample-2021`` and ``sample-2021-flawed`` and write their canonical JSON.

The committed JSON files under ``src/govdisclose/examples/data/`` are the data; this script is how they were made, so
that they can be reviewed and regenerated. ``sample-2021`` is a *constructed* 2021-edition report of a fictional county
department (示例县教育局), consistent everywhere; ``sample-2021-flawed`` is the same report with the deliberate
errors of :data:`ERRORS`, listed one finding per line in ``docs/samples.md``.

usage:
    python scripts/make_samples.py            write both files
    python scripts/make_samples.py --check    exit 1 if the committed files differ from what this script builds
    python scripts/make_samples.py --table    print the table of deliberate errors for docs/samples.md
"""

from __future__ import annotations

import argparse
import copy
import datetime
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from govdisclose import from_json, report_from_data, report_to_data, to_json
from govdisclose.model import (
    APPLICATIONS_2021,
    Agency,
    AgencyLevel,
    AgencyRole,
    Amount,
    ApplicationsTable2021,
    Breakdown,
    Count,
    Edition,
    EnumeratedPoints,
    Introduction,
    MoneyUnit,
    Paragraph,
    ProactiveTable2021,
    Provenance,
    Publication,
    Report,
    ReviewsTable,
    Section,
    Share,
    Signature,
    Validity,
)
from govdisclose.templates import new_report

DATA = Path(__file__).resolve().parent.parent / "src" / "govdisclose" / "examples" / "data"
SAMPLE = "sample-2021"
FLAWED = "sample-2021-flawed"

YEAR = 2021
AGENCY = Agency(name="示例县教育局", level=AgencyLevel.COUNTY, role=AgencyRole.DEPARTMENT, parent="示例县人民政府")

# ---- 索引号: a valid-looking 统一社会信用代码 (GB 32100-2015) of a fictional organ -------------------------------

_GB32100 = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_GB32100_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_GB11714_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def organization_code(body: str) -> str:
    """The 9-character 组织机构代码 (GB 11714) of an 8-character body, with its check character."""
    total = sum(int(char, 36) * weight for char, weight in zip(body, _GB11714_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(front: str) -> str:
    """The 18-character 统一社会信用代码 of its first 17 characters, with its check character."""
    total = sum(_GB32100.index(char) * weight for char, weight in zip(front, _GB32100_WEIGHTS, strict=True))
    return front + _GB32100[(31 - total % 31) % 31]


# 1 = registered by the 机构编制 authorities, 1 = 机关; 990123 is no real division code (there is no province 99).
INDEX_NUMBER = f"{credit_code('11' + '990123' + organization_code('00429731'))}/2022-00007"

# ---- the tables (every cell worked out by hand; check_tables() recomputes R1, R3, R4 and R5) -----------------------

PROACTIVE = {
    "rules": [0, 0, 0],
    "normative-documents": [3, 1, 12],
    "licensing": [268],
    "punishment": [2],
    "coercion": [0],
    "administrative-fees": [0],
}

#  columns:                          自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
APPLICATIONS = {
    "new": [21, 2, 0, 0, 1, 1, 25],
    "carried-over": [2, 0, 0, 0, 0, 0, 2],
    "result.disclosed": [9, 1, 0, 0, 1, 0, 11],
    "result.partial": [2, 0, 0, 0, 0, 0, 2],
    "result.refused.state-secret": [0, 0, 0, 0, 0, 0, 0],
    "result.refused.prohibited-by-law": [0, 0, 0, 0, 0, 0, 0],
    "result.refused.three-safeties": [0, 0, 0, 0, 0, 0, 0],
    "result.refused.third-party": [1, 0, 0, 0, 0, 0, 1],
    "result.refused.internal-affairs": [0, 0, 0, 0, 0, 0, 0],
    "result.refused.process-information": [1, 0, 0, 0, 0, 0, 1],
    "result.refused.enforcement-files": [0, 0, 0, 0, 0, 0, 0],
    "result.refused.inquiry": [0, 0, 0, 0, 0, 0, 0],
    "result.unable.not-held": [5, 1, 0, 0, 0, 0, 6],
    "result.unable.needs-creation": [1, 0, 0, 0, 0, 0, 1],
    "result.unable.unclear": [0, 0, 0, 0, 0, 0, 0],
    "result.not-processed.petition": [1, 0, 0, 0, 0, 0, 1],
    "result.not-processed.repeated": [1, 0, 0, 0, 0, 0, 1],
    "result.not-processed.publications": [0, 0, 0, 0, 0, 0, 0],
    "result.not-processed.massive": [0, 0, 0, 0, 0, 0, 0],
    "result.not-processed.confirmation": [0, 0, 0, 0, 0, 0, 0],
    "result.other.no-correction": [0, 0, 0, 0, 0, 1, 1],
    "result.other.no-fee": [1, 0, 0, 0, 0, 0, 1],
    "result.other.other": [0, 0, 0, 0, 0, 0, 0],
    "result.total": [22, 2, 0, 0, 1, 1, 26],
    "carry-forward": [1, 0, 0, 0, 0, 0, 1],
}

#  行政复议: 维持 纠正 其他 尚未审结 总计 | 未经复议直接起诉: … | 复议后起诉: …
REVIEWS = {"cases": [1, 1, 0, 1, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1]}


def table_violations(applications: ApplicationsTable2021, reviews: ReviewsTable) -> list[str]:
    """Every violation of R1, R3, R4 (table 三) and R5 (table 四), recomputed from the cells; empty when consistent."""

    def cell(row: str, column: str) -> int:
        return int(applications.get(row, column))

    problems = []
    columns = [column.id for column in APPLICATIONS_2021.columns]
    results = [
        row.id for row in applications.DEFINITION.rows if row.id.startswith("result.") and row.id != "result.total"
    ]
    for column in columns:
        received = cell("new", column) + cell("carried-over", column)
        handled = cell("result.total", column) + cell("carry-forward", column)
        if received != handled:
            problems.append(f"R1 {column}: {received} != {handled}")
        parts = sum(cell(row, column) for row in results)
        if parts != cell("result.total", column):
            problems.append(f"R3 {column}: {parts} != {cell('result.total', column)}")
    for row in applications.rows:
        applicants = sum(cell(row.id, column) for column in columns[:-1])
        if applicants != cell(row.id, "total"):
            problems.append(f"R4 {row.id}: {applicants} != {cell(row.id, 'total')}")
    for block in ("review", "litigation.direct", "litigation.after-review"):
        outcomes = sum(int(reviews.get("cases", f"{block}.{o}")) for o in ("upheld", "corrected", "other", "pending"))
        if outcomes != int(reviews.get("cases", f"{block}.total")):
            problems.append(f"R5 {block}: {outcomes} != {reviews.get('cases', f'{block}.total').text}")
    return problems


def check_tables(report: Report) -> None:
    """Fail unless the report's tables 三 and 四 satisfy R1, R3, R4 and R5."""
    applications = next(b for _, s in report.walk() for b in s.blocks if isinstance(b, ApplicationsTable2021))
    reviews = next(b for _, s in report.walk() for b in s.blocks if isinstance(b, ReviewsTable))
    problems = table_violations(applications, reviews)
    if problems:
        raise SystemExit(f"{SAMPLE}: the tables are inconsistent: {'; '.join(problems)}")


# ---- the text ---------------------------------------------------------------------------------------------------


def paragraph(*content: str | Count | Amount | Share, breakdowns: tuple[Breakdown, ...] = ()) -> Paragraph:
    return Paragraph(content=content, breakdowns=breakdowns)


def count(value: int, unit: str, id: str | None = None, label: str | None = None) -> Count:
    return Count(value=value, unit=unit, id=id, label=label)


INTRODUCTION = Introduction(
    blocks=(
        paragraph(
            "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
            "（国办公开办函〔2021〕30号）要求，由示例县教育局编制。全文包括：一、总体情况；二、主动公开政府信息情况；"
            "三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；"
            "六、其他需要报告的事项。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。本报告电子版可在示例县"
            "人民政府门户网站“政府信息公开”专栏查阅和下载。如对本报告有任何疑问，请与示例县教育局办公室联系"
            "（电话：0000-0000000）。",
        ),
    )
)

CATEGORIES = (("机构职能类", 12), ("政策文件类", 41), ("规划计划类", 9), ("业务动态类", 198), ("其他", 66))


def _categories_paragraph() -> Paragraph:
    ids = ("organisation", "policies", "plans", "activities", "other")
    pieces: list[str | Count] = [
        "2021年，本局通过示例县人民政府门户网站“政府信息公开”专栏主动公开政府信息",
        count(sum(n for _, n in CATEGORIES), "条", "proactive-total", "主动公开政府信息"),
    ]
    for index, ((label, number), id_) in enumerate(zip(CATEGORIES, ids, strict=True)):
        pieces.extend((("，其中" if index == 0 else "、") + label, count(number, "条", id_, label)))
    pieces.append("。")
    return paragraph(*pieces, breakdowns=(Breakdown(total="proactive-total", parts=ids, dimension="类别"),))


OVERVIEW_LEAD = paragraph(
    "2021年，示例县教育局在县委、县政府的领导下，认真贯彻落实《条例》和上级政务公开工作要点，围绕义务教育招生入学、"
    "学生资助、教师招聘等群众关注的教育民生事项，扎实推进政府信息公开工作。现将有关情况报告如下。"
)

OVERVIEW_BODIES: tuple[tuple[Paragraph | EnumeratedPoints, ...], ...] = (
    # （一）主动公开政府信息情况
    (
        _categories_paragraph(),
        paragraph(
            "全年制发行政规范性文件",
            count(3, "件"),
            "，废止",
            count(1, "件"),
            "，年末现行有效",
            count(12, "件"),
            "，均在印发后20个工作日内公开；发布政策解读稿件",
            count(6, "篇"),
            "，对义务教育阶段招生入学、学前教育资助等政策作了图文解读。",
        ),
    ),
    # （二）依申请公开情况
    (
        paragraph(
            "2021年，本局共收到政府信息公开申请",
            count(25, "件", "new", "本年新收申请"),
            "，其中自然人申请",
            count(21, "件", "natural-person", "自然人"),
            "，占",
            Share(value=Decimal("84"), part="natural-person", whole="new", id="natural-person-share"),
            "；法人或其他组织申请",
            count(4, "件", "organisations", "法人或其他组织"),
            "。另有上年结转申请",
            count(2, "件"),
            "。",
            breakdowns=(Breakdown(total="new", parts=("natural-person", "organisations"), dimension="申请人"),),
        ),
        paragraph(
            "全年办结申请",
            count(26, "件", "closed", "办结"),
            "，其中予以公开",
            count(11, "件", "disclosed", "予以公开"),
            "，部分公开",
            count(2, "件", "partial", "部分公开"),
            "，不予公开",
            count(2, "件", "refused", "不予公开"),
            "，无法提供",
            count(7, "件", "unable", "无法提供"),
            "，不予处理",
            count(2, "件", "not-processed", "不予处理"),
            "，其他处理",
            count(2, "件", "other", "其他处理"),
            "；结转下年度继续办理",
            count(1, "件"),
            "。所有申请均在法定期限内答复，答复书均告知了救济途径。",
            breakdowns=(
                Breakdown(
                    total="closed",
                    parts=("disclosed", "partial", "refused", "unable", "not-processed", "other"),
                    dimension="办理结果",
                ),
            ),
        ),
    ),
    # （三）政府信息管理情况
    (
        paragraph(
            "严格执行政府信息公开属性源头认定和公开前保密审查制度，拟制公文时同步明确主动公开、依申请公开或不予公开属性。"
            "动态调整主动公开目录，对现行有效的行政规范性文件开展清理，废止",
            count(1, "件"),
            "并及时在专栏标注。规范依申请公开受理、登记、办理、答复、归档全流程管理。",
        ),
    ),
    # （四）政府信息公开平台建设情况
    (
        paragraph(
            "以县政府门户网站“政府信息公开”专栏为第一平台，按照统一的栏目设置及时更新机构职能、政策文件、招生入学、"
            "学生资助等栏目；“示例县教育”微信公众号全年发布信息",
            count(412, "条"),
            "，与门户网站同步发布招生入学等重要信息。在局机关办事大厅设置政府信息查阅点",
            count(1, "个"),
            "。",
        ),
    ),
    # （五）监督保障情况
    (
        paragraph(
            "成立由局主要负责同志任组长的政务公开工作领导小组，办公室具体负责，明确",
            count(2, "名"),
            "兼职工作人员。全年组织政务公开业务培训",
            count(2, "次"),
            "，参训",
            count(86, "人次"),
            "。将政务公开工作纳入局机关股室和直属学校年度考核。本年度未发生因政府信息公开工作被责任追究的情况。",
        ),
    ),
)

PROBLEMS = (
    paragraph("2021年，本局政府信息公开工作取得一定成效，但仍存在一些不足："),
    EnumeratedPoints(
        points=(
            ("政策解读形式较为单一，图解、视频等群众易于理解的解读方式运用不多。",),
            ("个别依申请公开答复书说理不够充分，答复的规范化水平有待提高。",),
            ("直属学校信息公开工作进展不平衡，部分学校专栏更新不够及时。",),
        )
    ),
    paragraph("2022年，本局将从以下方面加以改进："),
    EnumeratedPoints(
        points=(
            ("丰富解读形式，对涉及群众切身利益的教育政策同步制作图解或短视频解读。",),
            ("加强依申请公开答复书审核，组织典型案例学习，提升答复质量。",),
            ("加强对直属学校信息公开工作的指导和检查，按季度通报栏目更新情况。",),
        )
    ),
    paragraph(
        "上年度报告提出的“部分政策文件公开不够及时”问题，已通过建立信息发布责任清单、实行公开时限提醒的办法整改到位。"
    ),
)

OTHER_PARTS = (
    Section(
        heading="落实上级年度政务公开工作要点情况",
        blocks=(
            paragraph(
                "对照县政府办公室印发的2021年政务公开工作要点，逐项细化分工，重点做好义务教育招生入学政策、"
                "学生资助政策及资助名单、教师招聘公告及结果等信息的公开，各项任务均已按期完成。"
            ),
        ),
    ),
    Section(
        heading="人大代表建议和政协提案办理结果公开情况",
        blocks=(
            paragraph(
                "2021年，本局共承办县人大代表建议",
                count(18, "件"),
                "、县政协提案",
                count(23, "件"),
                "，均已按期办结并答复代表委员；对涉及公共利益、社会关注度高的办理复文，经代表委员同意后在门户网站予以公开。",
            ),
        ),
    ),
    Section(
        heading="信息处理费收取情况",
        blocks=(
            paragraph(
                "本年度，本局依照《政府信息公开信息处理费管理办法》向申请人发出信息处理费收费通知",
                count(1, "件"),
                "，通知收费金额",
                Amount(value=Decimal("200"), unit=MoneyUnit.YUAN),
                "；申请人逾期未按收费通知要求缴纳费用，本局不再处理该申请（计入表三“（六）其他处理”第2项）。"
                "全年实际收取信息处理费",
                Amount(value=Decimal("0"), unit=MoneyUnit.YUAN),
                "。",
            ),
        ),
    ),
)


def build_sample() -> Report:
    """The consistent sample: the 2021 template of :func:`~govdisclose.templates.new_report`, filled."""
    blank = new_report(edition=Edition.E2021, agency=AGENCY, year=YEAR)
    overview, proactive, applications, reviews, problems, other = blank.sections
    overview = attrs.evolve(
        overview,
        blocks=(OVERVIEW_LEAD,),
        subsections=tuple(
            attrs.evolve(section, blocks=body)
            for section, body in zip(overview.subsections, OVERVIEW_BODIES, strict=True)
        ),
    )
    (fee_part,) = other.subsections  # the template's 信息处理费 sub-part, filled as the last of three
    assert fee_part.heading == OTHER_PARTS[-1].heading
    sections = (
        overview,
        attrs.evolve(proactive, blocks=(ProactiveTable2021.from_values(PROACTIVE),)),
        attrs.evolve(applications, blocks=(ApplicationsTable2021.from_values(APPLICATIONS),)),
        attrs.evolve(reviews, blocks=(ReviewsTable.from_values(REVIEWS),)),
        attrs.evolve(problems, blocks=PROBLEMS),
        attrs.evolve(other, subsections=OTHER_PARTS),
    )
    return attrs.evolve(
        blank,
        publication=Publication(
            index_number=INDEX_NUMBER,
            publisher=AGENCY.name,
            written_on=datetime.date(2022, 1, 20),
            published_on=datetime.date(2022, 1, 25),
            published_at=datetime.time(9, 30),
            subject="综合政务\\政务公开",
            validity=Validity.VALID,
            source=AGENCY.name,
        ),
        introduction=INTRODUCTION,
        sections=sections,
        signature=Signature(organ=AGENCY.name, date=datetime.date(2022, 1, 20)),
        provenance=Provenance(
            note=(
                "constructed example, not a published report: 示例县 and 示例县教育局 are fictional, and every figure "
                "is invented to be consistent everywhere (built by scripts/make_samples.py)"
            )
        ),
    )


# ---- the deliberate errors of sample-2021-flawed --------------------------------------------------------------------

DELETE = object()


@dataclass(frozen=True)
class Error:
    """One deliberate change, and the findings (rule ID, path) it must produce, in the order documented."""

    edit: str
    value: object
    what: str
    findings: tuple[tuple[str, str], ...]


_T3 = "$.sections[2].blocks[0]"
_CATEGORIES = "$.sections[0].subsections[0].blocks[0]"
_APPLICANTS = "$.sections[0].subsections[1].blocks[0]"

ERRORS = (
    Error(
        edit=f"{_T3}.rows[24].values[0]",
        value=2,
        what="四、结转下年度继续办理 / 自然人: 1 → 2 (the 总计 of the row still says 1)",
        findings=(
            ("applications.balance", f"{_T3}.rows[24].values[0]"),
            ("applications.applicant-total", f"{_T3}.rows[24].values[0]"),
        ),
    ),
    Error(
        edit=f"{_T3}.rows[12].values[6]",
        value=5,
        what="（四）1.本机关不掌握相关政府信息 / 总计: 6 → 5 (the row's applicants still add up to 6)",
        findings=(
            ("applications.results-total", f"{_T3}.rows[12].values[6]"),
            ("applications.applicant-total", f"{_T3}.rows[12].values[6]"),
        ),
    ),
    Error(
        edit="$.sections[3].blocks[0].rows[0].values[4]",
        value=4,
        what="table 四, 行政复议 / 总计: 3 → 4 (维持 1 + 纠正 1 + 其他 0 + 尚未审结 1 = 3)",
        findings=(("reviews.totals", "$.sections[3].blocks[0].rows[0].values[4]"),),
    ),
    Error(
        edit=f"{_CATEGORIES}.content[9].value",
        value=189,
        what="总体情况（一）, 业务动态类: 198条 → 189条 (12 + 41 + 9 + 189 + 66 = 317, not the stated 326)",
        findings=(("breakdown.sum", f"{_CATEGORIES}.content[9]"),),
    ),
    Error(
        edit=f"{_APPLICANTS}.content[5].value",
        value="48",
        what="总体情况（二）, 自然人申请的占比: 84% → 48% (21 of 25 is 84%)",
        findings=(("share.value", f"{_APPLICANTS}.content[5]"),),
    ),
    Error(
        edit="$.publication.published_on",
        value="2022-02-16",
        what="发布日期: 2022-01-25 → 2022-02-16, after the 1月31日 deadline of a county department",
        findings=(("publication.deadline", "$.publication.published_on"),),
    ),
    Error(
        edit="$.signature.date",
        value="2021-01-20",
        what="落款日期: 2022年1月20日 → 2021年1月20日 (the report year written for the year of signing)",
        findings=(("signature.date", "$.signature.date"),),
    ),
    Error(
        edit="$.sections[5].subsections[2]",
        value=DELETE,
        what="六、其他需要报告的事项: sub-part （三）信息处理费收取情况 removed; table 三 row （六）2 still holds 1",
        findings=(("fees.unreported", "$.sections[5]"),),
    ),
    Error(
        edit="$.sections[4].blocks",
        value=[],
        what="五、存在的主要问题及改进情况: the heading kept, its text removed",
        findings=(("part.missing", "$.sections[4]"),),
    ),
)

_STEP = re.compile(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    if not path.startswith("$"):
        raise ValueError(f"not a document path: {path}")
    steps: list[str | int] = []
    position = 1
    while position < len(path):
        match = _STEP.match(path, position)
        if match is None:
            raise ValueError(f"bad document path {path!r} at {position}")
        steps.append(match[1] if match[1] is not None else int(match[2]))
        position = match.end()
    return steps


def apply(data: Any, path: str, value: object) -> None:
    """Set (or delete, for :data:`DELETE`) the value at the document *path* of *data*, which must exist."""
    *parents, last = _steps(path)
    target = data
    for step in parents:
        target = target[step]
    target[last]  # the path must exist: a KeyError or IndexError, never a new key
    if value is DELETE:
        del target[last]
    else:
        target[last] = value


def build_flawed(sample: Report) -> Report:
    """The sample with every deliberate error of :data:`ERRORS` (edits applied in reverse, so paths stay valid)."""
    data = copy.deepcopy(report_to_data(sample))
    for error in reversed(ERRORS):
        apply(data, error.edit, error.value)
    data["provenance"]["note"] = (
        "constructed example, not a published report: sample-2021 with deliberate errors, each listed in "
        "docs/samples.md (built by scripts/make_samples.py)"
    )
    return report_from_data(data)


def error_table() -> str:
    """The table of expected findings for docs/samples.md, one line per finding."""
    lines = ["| rule | path | what was changed |", "|---|---|---|"]
    for error in ERRORS:
        for index, (rule, path) in enumerate(error.findings):
            what = error.what if index == 0 else "the same change (collateral)"
            lines.append(f"| `{rule}` | `{path}` | {what} |")
    return "\n".join(lines)


def build() -> dict[str, str]:
    """The canonical JSON of both samples, by example name."""
    sample = build_sample()
    check_tables(sample)
    flawed = build_flawed(sample)
    texts = {SAMPLE: to_json(sample), FLAWED: to_json(flawed)}
    for name, text in texts.items():
        if from_json(text) != (sample if name == SAMPLE else flawed):
            raise SystemExit(f"{name}: the JSON does not load back to the same report")
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if the committed files differ from the build")
    mode.add_argument("--table", action="store_true", help="print the table of deliberate errors (docs/samples.md)")
    args = parser.parse_args(argv)
    if args.table:
        print(error_table())
        return 0
    stale = []
    for name, text in build().items():
        path = DATA / f"{name}.json"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print(f"out of date (run scripts/make_samples.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
