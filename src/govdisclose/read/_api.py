r"""Reading a published report: :func:`read_text` and :func:`read_html`.

The reader goes through the source in order: page noise and the metadata block and title at the head, the signature,
attachments and trailing noise at the tail, and between them the 引言, the heading tree, the blocks and the official
tables. Agency, report year and edition are then settled from what was found: the agency from the signature, the
引言, the title or the first paragraph; the year from the title or the 引言; the edition from the tables' own layout
(never from the notice number a report cites), else from the year.

>>> result = read_text("某县教育局2021年政府信息公开工作年度报告\n一、总体情况\n2021年，全年共收到申请3件。")
>>> r = result.report
>>> r.agency.name, r.year, r.edition.value, r.sections[0].heading, r.sections[0].blocks[0].text
('某县教育局', 2021, '2021', '总体情况', '2021年，全年共收到申请3件。')
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

import attrs

from .._errors import DocumentError
from ..model import (
    TITLE_LABELS,
    Agency,
    Attachment,
    Block,
    Edition,
    Extent,
    Introduction,
    OfficialTable,
    Part,
    Provenance,
    Publication,
    ReadCoverage,
    Reading,
    Report,
    Section,
    Signature,
    announced_parts,
    iter_blocks,
    join_path,
    national_title,
    required_parts,
)
from ..zh import parse_date
from ._diagnostics import START, Diagnostic, DiagnosticKind, Notes, Position
from ._headings import numbered_line
from ._html import html_items
from ._metadata import Field, MetadataBuilder, parse_metadata_line
from ._noise import CRUMB_LABEL, WIDGETS, noise_kind, trailing_noise_kind
from ._normalise import Item, Line, TableItem, normalise, simplify, split_lines
from ._structure import (
    BodyDraft,
    SectionDraft,
    build_body,
    finish_blocks,
    finish_sections,
    split_collapsed_tail,
    uncollapse,
)
from ._tables import TableDraft
from ._titles import (
    intro_agency,
    intro_year,
    is_title_line,
    joins_title,
    metadata_organ,
    narrower,
    office_named,
    overview_agency,
    overview_year,
    self_reference,
    title_parts,
    unwrap_notice,
)

__all__ = ["MAX_CHARS", "UNKNOWN_AGENCY", "ReadResult", "read_html", "read_items", "read_text"]

UNKNOWN_AGENCY: Final = "（未识别的机关）"
"""The agency name of a report whose text names no agency anywhere (a diagnostic says so)."""

MAX_CHARS: Final = 32_000_000
"""The longest source :func:`read_text` and :func:`read_html` read by default, in characters: 32 million (the reports
and portal pages of the corpus are all under 100,000 characters)."""

_DOCUMENT_NUMBER: Final = re.compile(r"[\u4e00-\u9fff]{1,16}[〔\[［【(（]\d{4}[〕\]］】)）]\d{1,5}号\Z")
_ATTACHMENT: Final = re.compile(r"(?P<label>附件|附表)\d*[:：] ?(?P<name>[^（(]+?)(?:[（(](?P<description>.+)[）)])?\Z")
_SENTENCE: Final = frozenset("。，,；;：:！？!?")
_ORGAN_LENGTH: Final = 40
_RIGHT_ALIGNED: Final = 16
_META_MAX: Final = 600
_MIN_YEAR, _MAX_YEAR = 2000, 2200


_NO_POSITIONS: Final[Mapping[str, Position]] = MappingProxyType({})


@attrs.frozen(kw_only=True)
class ReadResult:
    r"""What a reader gives: the report, the diagnostics of the reading, what was read, and where each thing was.

    Attributes:
        report: The report read.
        diagnostics: What was recognised, removed as page noise, uncertain or not recognised, by position.
        coverage: For each part and official table the report's edition requires: read completely, in part, or not
            found, with the reason (:class:`~govdisclose.model.ReadCoverage`). :func:`govdisclose.checks.check`
            takes it from the result itself (``check(result)``), or as ``check(result.report,
            coverage=result.coverage)``: a table that was not read is then "not assessed", not "missing".
        positions: Where each read thing starts in the source, by its document path (the paths of
            :func:`~govdisclose.model.join_path`, as in the JSON document and in findings): the title
            (``$.title``), the 引言's heading and blocks (``$.introduction.blocks[0]``), every section
            (``$.sections[1]``, ``$.sections[1].subsections[0]``) and block (``$.sections[1].blocks[0]``), and
            for the official tables every row and value cell read (``$.sections[1].blocks[0].rows[3]``,
            ``$.sections[1].blocks[0].rows[3].values[2]``), and the signature (``$.signature``). A
            :class:`Position` is a line and column of the source (of the HTML source for HTML); for a PDF also the
            page, the line counted on that page, and the box in points. What a reader placed without a source
            position (a table row of a generic table, the national form's rows) is not listed.

    >>> result = read_text("某县教育局2021年政府信息公开工作年度报告\n一、总体情况\n全年共收到申请3件。")
    >>> result.positions["$.sections[0]"], result.positions["$.sections[0].blocks[0]"]
    (Position(line=2, column=1, page=0, box=None), Position(line=3, column=1, page=0, box=None))
    >>> result.coverage.table(Part.APPLICATIONS).extent.value, result.coverage.table(Part.APPLICATIONS).reason
    ('not-read', '未找到：原文中没有读出表三')
    """

    report: Report
    diagnostics: tuple[Diagnostic, ...]
    coverage: ReadCoverage = attrs.field(factory=ReadCoverage.complete)
    positions: Mapping[str, Position] = _NO_POSITIONS


# ---- the head: noise, metadata, title ---------------------------------------------------------------------------


@attrs.define
class _Head:
    end: int = 0
    metadata: MetadataBuilder = attrs.field(factory=MetadataBuilder)
    title: str | None = None
    title_at: Position | None = None
    document_number: str | None = None


def _metadata_fields(item: Item) -> list[Field] | None:
    if isinstance(item, TableItem):
        rows = [" | ".join(cell.text for cell in row) for row in item.rows]
        fields: list[Field] = []
        for row in rows:
            parsed = parse_metadata_line(row)
            if parsed is None:
                return None
            fields.extend(parsed)
        return fields
    if len(item.text) > _META_MAX:
        return None
    return parse_metadata_line(item.text)


def _title_of(text: str) -> str | None:
    if len(text) > 120:
        return None
    inner = unwrap_notice(text)
    if inner is not None:
        return inner
    return text if is_title_line(text) else None


def _read_head(items: Sequence[Item], end: int, notes: Notes) -> _Head:
    head = _Head()
    index = 0
    while index < end:
        item = items[index]
        fields = _metadata_fields(item)
        if fields is not None:
            for field in fields:
                kind, message = head.metadata.add(field)
                notes.add(DiagnosticKind(kind), message, item.at, f"{field.label}:{field.value}")
            index += 1
            continue
        if isinstance(item, TableItem):
            break
        text = item.text
        noise = noise_kind(text)
        if noise is not None:
            notes.noise(f"page noise: {noise}", item.at, text)
            index += 1
            continue
        title = _title_of(text)
        following = items[index + 1] if index + 1 < end else None
        if title is None and isinstance(following, Line) and _joins_title(text, following.text):
            title = text + following.text
            notes.recognised("title over two lines", item.at, title)
            index += 1
        if title is not None:
            if head.title is None:
                head.title, head.title_at = title, item.at
                if title != text and not title.startswith(text):
                    notes.recognised("title inside the notice that publishes the report", item.at, text)
                else:
                    notes.recognised("title", item.at, title)
            else:
                notes.noise("title repeated in the article", item.at, text)
            index += 1
            continue
        if _DOCUMENT_NUMBER.match(text):
            if head.document_number is None and "document_number" not in head.metadata.values:
                head.document_number = text
                notes.recognised("document number (文号)", item.at, text)
            else:
                notes.noise("document number repeated in the article", item.at, text)
            index += 1
            continue
        if _repeated_title(text, head.title):
            notes.noise("title repeated in the article", item.at, text)
            index += 1
            continue
        break
    head.end = index
    return head


_CRUMB_LABEL: Final = CRUMB_LABEL
_CLOCK: Final = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\Z")
_WIDGET_WORDS: Final = frozenset(WIDGETS)
_COLLAPSED: Final = 120
_HEAD_SEARCH: Final = 40


def _head_token_kind(tokens: Sequence[str], index: int, previous: str | None) -> str | None:
    """What the token at *index* of a collapsed head is: crumb, meta, widget, title, title2 (with the next) or None."""
    token = tokens[index]
    if _CRUMB_LABEL.match(token) or (
        previous == "crumb" and (token.startswith(("首页", ">", "＞", "»")) or tokens[index - 1].endswith((">", "＞")))
    ):
        return "crumb"
    if token in _WIDGET_WORDS:
        return "widget"
    if (previous == "meta" and _CLOCK.match(token)) or (
        any(colon in token for colon in ":：") and parse_metadata_line(token) is not None
    ):
        return "meta"
    if _title_of(token) is not None:
        return "title"
    if index + 1 < len(tokens) and _title_of(token + " " + tokens[index + 1]) is not None:
        return "title2"
    return None


def split_collapsed_head(items: list[Item]) -> list[Item]:
    """The items with the head of a collapsed page (one long line) cut into lines the head reader knows.

    A crawler that flattens a page prints its breadcrumb, title, metadata, widget words and the report on one line
    (``当前位置： 首页… 某局2013年信息公开年度报告 来源：… 时间：… 微信 微博 … 根据《条例》…``); each of those pieces
    becomes a line of its own, at its own column, so that the title is read and the rest reported as noise.
    """
    for position, item in enumerate(items[:_HEAD_SEARCH]):
        if not isinstance(item, Line) or len(item.text) <= _COLLAPSED:
            continue
        matches = list(re.finditer(r"\S+", item.text[:1000]))
        tokens = [match.group() for match in matches]
        pieces: list[tuple[int, int]] = []  # (start, end) of each piece in the line
        previous: str | None = None
        index = 0
        while index < len(tokens):
            kind = _head_token_kind(tokens, index, previous)
            if kind is None:
                break
            last = index + 1 if kind == "title2" else index
            start, end = matches[index].start(), matches[last].end()
            if kind == previous and kind not in ("title", "title2"):
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))
            previous, index = kind, last + 1
        if not pieces or index >= len(tokens):
            return items
        pieces.append((matches[index].start(), len(item.text)))
        line, column, page = item.at.line, item.at.column, item.at.page
        split = [
            Line(item.text[start:end], Position(line, column + start, page), 0, item.blank_before and not start)
            for start, end in pieces
        ]
        return [*items[:position], *split, *items[position + 1 :]]
    return items


def _joins_title(first: str, second: str) -> bool:
    """``三亚市海棠区人民政府`` + ``2015年政府信息公开工作年度报告``: a title split over two lines."""
    return joins_title(first, second)


def _repeated_title(text: str, title: str | None) -> bool:
    """``河包镇政府信息公开工作年度报告`` after ``河包镇2020年政府信息公开工作年度报告``."""
    if title is None or len(text) > 80 or any(ch in _SENTENCE for ch in text):
        return False
    return text.endswith(("年度报告", "年报")) and text[:2] == title[:2]


# ---- the tail: signature, attachments, trailing noise -------------------------------------------------------------


@attrs.define
class _Tail:
    start: int
    organ: str | None = None
    date_text: str | None = None
    date_at: Position | None = None
    attachments: list[Attachment] = attrs.field(factory=list)


def _date(text: str) -> bool:
    if len(text) > 20:
        return False
    try:
        parse_date(text.replace(" ", ""))
    except ValueError:
        return False
    return True


def _organ_line(item: Item) -> bool:
    if not isinstance(item, Line):
        return False
    text = item.text
    return (
        2 <= len(text) <= _ORGAN_LENGTH
        and not any(ch in _SENTENCE for ch in text)
        and numbered_line(text) is None
        and "|" not in text
        and not any(ch.isdigit() for ch in text)
    )


def _read_tail(items: Sequence[Item], start: int, notes: Notes) -> _Tail:
    index = len(items)
    tail = _Tail(start=index)
    attachments: list[Attachment] = []
    while index > start:
        item = items[index - 1]
        if not isinstance(item, Line):
            break
        text = item.text
        match = _ATTACHMENT.match(text) if len(text) <= 200 else None
        if match is not None:
            attachments.insert(
                0,
                Attachment(label=match["label"], name=match["name"].strip(), description=match["description"]),
            )
            notes.recognised("attachment", item.at, text)
            index -= 1
            continue
        kind = trailing_noise_kind(text)
        if kind is not None:
            notes.noise(f"page noise: {kind}", item.at, text)
            index -= 1
            continue
        break
    tail.attachments = attachments
    if index > start:
        last = items[index - 1]
        if isinstance(last, Line) and _date(last.text):
            tail.date_text, tail.date_at = last.text, last.at
            index -= 1
            if index > start and _organ_line(items[index - 1]):
                organ = items[index - 1]
                assert isinstance(organ, Line)
                tail.organ = organ.text
                index -= 1
            notes.recognised("signature", tail.date_at, f"{tail.organ or ''} {tail.date_text}")
        elif isinstance(last, Line) and last.indent >= _RIGHT_ALIGNED and _organ_line(last):
            tail.organ = last.text
            notes.recognised("signature (organ, right-aligned, no date)", last.at, last.text)
            index -= 1
    # noise between the body and the signature
    while index > start:
        item = items[index - 1]
        if isinstance(item, Line) and noise_kind(item.text) is not None:
            notes.noise(f"page noise: {noise_kind(item.text)}", item.at, item.text)
            index -= 1
            continue
        break
    tail.start = index
    return tail


# ---- agency, year, edition ----------------------------------------------------------------------------------------


def _first_text(body: BodyDraft) -> tuple[str | None, str | None]:
    """The text of the 引言 and of the first paragraph of the first section (cached on the draft)."""
    if body.first_texts is None:
        body.first_texts = _compute_first_text(body)
    return body.first_texts


def _texts(blocks: Sequence[object]) -> list[str]:
    """The text of each block that has one (tables have none), each computed once."""
    texts = []
    for block in blocks:
        text = getattr(block, "text", None)
        if isinstance(text, str):
            texts.append(text)
    return texts


def _compute_first_text(body: BodyDraft) -> tuple[str | None, str | None]:
    intro = " ".join(_texts(body.intro))
    first: str | None = None
    if body.sections:
        section = body.sections[0]
        found = _texts(section.blocks[:1]) or (_texts(section.children[0].blocks[:1]) if section.children else [])
        first = found[0] if found else None
    return (intro or None), first


def _agency(head: _Head, tail: _Tail, body: BodyDraft, notes: Notes) -> str:
    """The agency from the first source that names one, with its provenance in the diagnostic.

    An office standing for its government is said; an organ the title names is never widened to the government
    another source names.
    """
    intro, first = _first_text(body)
    title_agency = title_parts(head.title)[0] if head.title else None
    # (name, where, uncertain, the text it was read from)
    candidates: list[tuple[str | None, str, bool, str]] = [
        (tail.organ, "the signature", False, ""),
        (intro_agency(intro) if intro else None, "the 引言", False, intro or ""),
        (title_agency, "the title", False, ""),
    ]
    if body.sections and not body.intro:  # an 引言 printed as the first chapter (一、工作基本情况)
        section_text = " ".join(_texts(body.sections[0].blocks[:3]))
        candidates.append((intro_agency(section_text), "the first chapter", False, section_text))
    candidates.append((overview_agency(first) if first else None, "the first paragraph", True, ""))
    for field, label in (("source", "来源"), ("publisher", "发布机构")):
        value = head.metadata.values.get(field)
        organ = metadata_organ(value) if isinstance(value, str) else None
        if organ is not None and isinstance(value, str):
            candidates.append((organ, f"the metadata field {label}", True, value))
    at = head.title_at or START
    for name, where, unsure, read_from in candidates:
        if not name:
            continue
        if title_agency is not None and narrower(title_agency, name):
            notes.recognised(f"agency {title_agency!r} from the title ({where} names {name!r}; not widened)", at)
            return title_agency
        office = office_named(name, read_from) if read_from else None
        standing = f" (its office {office!r} standing for it)" if office is not None else ""
        if unsure:
            notes.uncertain(f"agency {name!r} taken from {where}{standing}", at)
        else:
            notes.recognised(f"agency {name!r} from {where}{standing}", at)
        return name
    hint = self_reference(" ".join(text for text in (intro, first) if text))
    notes.unrecognised(
        f"no agency named in the text{f' ({hint})' if hint else ''}; the agency is {UNKNOWN_AGENCY}", START
    )
    return UNKNOWN_AGENCY


def _valid(year: int | None) -> int | None:
    return year if year is not None and _MIN_YEAR <= year <= _MAX_YEAR else None


def _year(head: _Head, body: BodyDraft, publication: Publication, notes: Notes) -> int:
    intro, first = _first_text(body)
    title_year = _valid(title_parts(head.title)[1]) if head.title else None
    if title_year is not None:
        notes.recognised(f"report year {title_year} from the title", head.title_at or START)
        return title_year
    for text, where in ((intro, "the 引言"), (first, "the first chapter")):
        found = _valid(intro_year(text)) if text else None
        if found is not None:
            notes.recognised(f"report year {found} from {where}", START)
            return found
    found = _valid(overview_year(first)) if first else None
    if found is not None:
        notes.uncertain(f"report year {found} taken from the first paragraph", START)
        return found
    published = publication.published_on or publication.written_on
    if published is not None and _valid(published.year - 1):
        notes.uncertain(f"report year {published.year - 1} taken as the year before publication", START)
        return published.year - 1
    raise DocumentError(["no report year found in the text (no title, 引言 or dated paragraph names one) @ $.year"])


def _edition(body: BodyDraft, year: int, notes: Notes) -> Edition:
    by_kind: dict[str, Edition] = {}
    for draft in body.tables:
        if draft.edition_evidence is not None:
            by_kind.setdefault(draft.kind, draft.edition_evidence)
    for kind, where in (("proactive", "table 二"), ("applications", "table 三"), ("national", "the statistics form")):
        if kind in by_kind:
            edition = by_kind[kind]
            notes.recognised(f"edition {edition.value} from the layout of {where}", START)
            return edition
    edition = Edition.for_year(year)
    if year >= 2019:
        notes.uncertain(f"edition {edition.value} from the report year (no table shows its format)", START)
    else:
        notes.recognised(f"edition {edition.value}: a report of {year}, before the national formats", START)
    return edition


# ---- where each thing was, and what was read ------------------------------------------------------------------


def _block_positions(
    found: dict[str, Position],
    path: str,
    drafts: Sequence[Block | TableDraft],
    at: Sequence[Position],
    blocks: Sequence[Block],
) -> None:
    for index, (draft, start, block) in enumerate(zip(drafts, at, blocks, strict=True)):
        block_path = join_path(path, "blocks", index)
        found[block_path] = start
        if not isinstance(draft, TableDraft) or not isinstance(block, OfficialTable):
            continue
        for row_index, row in enumerate(block.rows):
            placed = draft.rows_at.get(row.id)
            if placed is None:
                continue
            row_path = join_path(block_path, "rows", row_index)
            found[row_path] = placed[0]
            for cell_index, cell_at in enumerate(placed[1][: len(row.values)]):
                found[join_path(row_path, "values", cell_index)] = cell_at


def _section_positions(
    found: dict[str, Position], path: str, drafts: Sequence[SectionDraft], sections: Sequence[Section]
) -> None:
    for index, (draft, section) in enumerate(zip(drafts, sections, strict=True)):
        section_path = join_path(path, "sections" if path == "$" else "subsections", index)
        found[section_path] = draft.at
        _block_positions(found, section_path, draft.blocks, draft.block_at, section.blocks)
        _section_positions(found, section_path, draft.children, section.subsections)


def _positions(report: Report, head: _Head, tail: _Tail, body: BodyDraft) -> Mapping[str, Position]:
    found: dict[str, Position] = {}
    if report.title is not None and head.title_at is not None:
        found["$.title"] = head.title_at
    if report.introduction is not None:
        if body.intro_at is not None:
            found["$.introduction.heading"] = body.intro_at
        _block_positions(found, "$.introduction", body.intro, body.intro_block_at, report.introduction.blocks)
    _section_positions(found, "$", body.sections, report.sections)
    if report.signature is not None and tail.date_at is not None:
        found["$.signature"] = tail.date_at
    return MappingProxyType(found)


_TABLE_NUMBERS: Final = ((Part.PROACTIVE, "二"), (Part.APPLICATIONS, "三"), (Part.REVIEWS_LITIGATION, "四"))
"""The official tables of the 2019 and 2021 formats, by the part they belong to, and their numbers."""


def _official_tables(report: Report) -> dict[Part, list[OfficialTable]]:
    by_title = {national_title(part): part for part, _ in _TABLE_NUMBERS}
    tables: dict[Part, list[OfficialTable]] = {}
    for site in iter_blocks(report):
        block = site.block
        if isinstance(block, OfficialTable) and block.DEFINITION.title in by_title:
            tables.setdefault(by_title[block.DEFINITION.title], []).append(block)
    return tables


def _table_reading(part: Part, number: str, tables: list[OfficialTable]) -> Reading:
    if not tables:
        return Reading(extent=Extent.NOT_READ, reason=f"未找到：原文中没有读出表{number}")
    table = tables[0]
    expected = sum(len(row.columns) for row in table.DEFINITION.rows)
    published = {row.id: row for row in table.rows}
    known = sum(
        sum(1 for figure in published[row.id].values if figure.is_known)
        for row in table.DEFINITION.rows
        if row.id in published
    )
    if known >= expected:
        return Reading(extent=Extent.COMPLETE)
    missing = sum(1 for row in table.DEFINITION.rows if row.id not in published)
    rows = f"，{missing}行未读出" if missing else ""
    return Reading(extent=Extent.PARTIAL, reason=f"表{number}读出{known}/{expected}个单元格{rows}")


def _coverage(report: Report) -> ReadCoverage:
    """What was read of the parts and official tables the report's edition requires.

    A part is read when its chapter was found; when the source's chapters were read and none is the part, the part is
    absent from the source (read completely: ``part.missing`` may say so). Only a source in which no chapter heading
    was recognised at all leaves its parts not read. An official table not found, or found with cells not read, is
    not read or read in part: the reader cannot tell a table it failed to recognise from one that was not printed.
    """
    parts = []
    for part in required_parts(report.edition):
        if report.part(part) is not None or report.sections:
            parts.append((part, Reading(extent=Extent.COMPLETE)))
        else:
            reason = "未找到：原文中没有识别出任何章节标题"
            parts.append((part, Reading(extent=Extent.NOT_READ, reason=reason)))
    tables = []
    if report.edition is not Edition.PRE_2019:
        found = _official_tables(report)
        tables = [(part, _table_reading(part, number, found.get(part, []))) for part, number in _TABLE_NUMBERS]
    return ReadCoverage(parts=tuple(parts), tables=tuple(tables))


# ---- the whole ----------------------------------------------------------------------------------------------------


def _drop_noise(items: Sequence[Item], start: int, end: int, notes: Notes) -> list[Item]:
    kept: list[Item] = []
    for item in items[start:end]:
        if isinstance(item, Line):
            kind = noise_kind(item.text)
            if kind is not None and not _ATTACHMENT.match(item.text):
                notes.noise(f"page noise: {kind}", item.at, item.text)
                continue
        kept.append(item)
    return kept


def read_items(items: list[Item], notes: Notes, source: str | None, digest: str) -> ReadResult:
    """Read a source already cut into lines and tables (by a reader of text, HTML, PDF or Word) into a report."""
    items, published = simplify(items, notes)
    items = split_collapsed_tail(split_collapsed_head(items))
    head = _read_head(items, len(items), notes)
    tail = _read_tail(items, head.end, notes)
    body_items = uncollapse(_drop_noise(items, head.end, tail.start, notes), notes)
    body = build_body(body_items, 0, len(body_items), notes)
    builder = head.metadata
    if head.document_number is not None:
        builder.values["document_number"] = head.document_number
    publication = builder.publication()
    if head.title is None:
        named = next((value for label, value in publication.extra if label in TITLE_LABELS), None)
        head.title = _title_of(named) if named else None
    intro_text = _first_text(body)[0]
    announced = announced_parts(intro_text) if intro_text else ()
    if announced:
        notes.recognised(f"引言 announces {len(announced)} parts: {'；'.join(announced)}", body.intro_at or START)
    year = _year(head, body, publication, notes)
    name = _agency(head, tail, body, notes)
    edition = _edition(body, year, notes)
    signature = None
    if tail.organ is not None or tail.date_text is not None:
        date = parse_date(tail.date_text.replace(" ", "")) if tail.date_text else None
        signature = Signature(organ=tail.organ, date=date)
    intro_blocks: tuple[Block, ...] = finish_blocks(body.intro, edition)
    introduction = None
    if body.intro_heading is not None or intro_blocks:
        introduction = Introduction(heading=body.intro_heading, blocks=intro_blocks)
    title = head.title
    if title is not None and title == f"{name}{year}年政府信息公开工作年度报告":
        title = None
    if not body.sections:
        notes.unrecognised("no numbered chapter (一、…) found; the text is kept in the 引言", START)
    report = Report(
        edition=edition,
        year=year,
        agency=Agency(name=name),
        publication=publication,
        title=title,
        introduction=introduction,
        sections=finish_sections(body.sections, edition),
        signature=signature,
        attachments=tuple(tail.attachments),
        provenance=Provenance(
            source_url=source if source and source.startswith(("http://", "https://")) else None,
            source_sha256=digest,
        ),
    )
    if published is not None:
        report = published.restore(report, notes)
    return ReadResult(
        report=report,
        diagnostics=notes.result(),
        coverage=_coverage(report),
        positions=_positions(report, head, tail, body),
    )


def _check_source(value: object, what: str, max_chars: int) -> str:
    if not isinstance(value, str):
        raise DocumentError([f"{what} needs the source as a str, got {type(value).__name__} @ $"])
    if len(value) > max_chars:
        raise DocumentError([f"source is {len(value):,} characters; {what} reads at most {max_chars:,} @ $"])
    return value


def read_text(text: str, *, source: str | None = None, max_chars: int = MAX_CHARS) -> ReadResult:
    r"""Read a report published as plain text (copied from a portal, flattened from a document).

    Args:
        text: The text.
        source: Where it came from (a path or URL); a URL is kept as the provenance's ``source_url``.
        max_chars: The longest text read (:data:`MAX_CHARS`, 32 million characters, by default); a longer one is
            refused before any work is done on it.

    Returns:
        The report and the diagnostics of the reading.

    Raises:
        DocumentError: *text* is not a string, is longer than *max_chars*, or no report year can be found in it.

    >>> result = read_text("2015年政府信息公开工作年度报告\n一、概述\n全年主动公开政府信息23条。\n打印")
    >>> [str(d) for d in result.diagnostics if d.kind.value == "noise"]
    ['noise 4:1 page noise: print/close button']
    """
    text = _check_source(text, "read_text", max_chars)
    notes = Notes()
    lines, changed = split_lines(text)
    if changed:
        notes.recognised(f"{changed} full-width digits read as ASCII digits", START)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return read_items(list(lines), notes, source, digest)


def read_html(html: str, *, source: str | None = None, max_chars: int = MAX_CHARS) -> ReadResult:
    """Read a report published as HTML: a portal's article body, a whole page, or govdisclose's own HTML.

    Tables are read from their cells (``rowspan``/``colspan`` kept), so the official tables come back with their
    labels and values; positions in the diagnostics are lines and columns of the HTML source.

    Args:
        html: The HTML.
        source: Where it came from (a path or URL); a URL is kept as the provenance's ``source_url``.
        max_chars: The longest HTML read (:data:`MAX_CHARS`, 32 million characters, by default); a longer one is
            refused before any work is done on it.

    Raises:
        DocumentError: *html* is not a string, is longer than *max_chars*, or no report year can be found in it.

    >>> html = "<h1>某局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>全年主动公开信息10条。</p>"
    >>> read_html(html).report.sections[0].blocks[0].quantities().__next__().text
    '10条'
    """
    html = _check_source(html, "read_html", max_chars)
    notes = Notes()
    changed = normalise(html)[1]
    if changed:
        notes.recognised(f"{changed} full-width digits read as ASCII digits", START)
    digest = hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()
    return read_items(html_items(html, notes), notes, source, digest)
