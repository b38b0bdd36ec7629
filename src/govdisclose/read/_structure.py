"""The body of a report: the 引言, the heading tree, and the blocks of each section.

Lines become blocks: a line ``一是……二是……`` enumerated points; consecutive numbered lines that each hold more than
a heading (``1、公开的内容更加充实。对政务公开的范围……``) a numbered list; a line in the standard phrasing of a
statistic (``共制作政府信息15条，其中：主动公开15条，占100%。``) a statistic; any other line a paragraph with its
quantities and breakdowns typed. Numbered lines that read as headings open sections, nested by the order the author
uses the ordinal styles; a table region becomes the official table it is.

>>> from govdisclose.read._diagnostics import Notes
>>> block = make_block("2017年，共制作政府信息15条，其中：主动公开15条，占100%；年度报告1条，工作动态5条。", Notes())
>>> type(block).__name__, [q.text for q in block.quantities()], len(block.breakdowns)
('Paragraph', ['15条', '15条', '100%', '1条', '5条'], 2)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from ..model import (
    APPLICATIONS_2021,
    ATTACHED_TABLES_HEADING,
    NATIONAL_FORM_CAPTION,
    NATIONAL_FORM_HEADINGS,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    Amount,
    Block,
    Breakdown,
    Compound,
    Count,
    Edition,
    EnumeratedPoints,
    Inline,
    InlineQuantity,
    NumberedItems,
    Paragraph,
    Part,
    Section,
    Share,
    Statistic,
    StatPart,
    part_of,
)
from ..zh import OrdinalStyle, default_ordinal_style, parse_date, to_chinese_numeral
from ._breakdowns import find
from ._diagnostics import START, Notes, Position
from ._headings import Numbered, enumerated_points, is_title, numbered_line, run_on_heading, split_run_in
from ._noise import noise_kind
from ._normalise import Item, Line, TableItem, key
from ._quantities import Found, build_content, scan
from ._tables import (
    TableDraft,
    generic_text_table,
    is_pipe_row,
    national_text_form,
    read_grid,
    read_text_tables,
    starts_table,
    unrun_tables,
)
from ._tables._labels import ALL_LABELS, has_prefix

__all__ = [
    "BodyDraft",
    "SectionDraft",
    "build_body",
    "finish_blocks",
    "finish_sections",
    "make_block",
    "run_together_headings",
    "split_collapsed_tail",
    "table_label",
]

_CAPTION: Final = re.compile(r"\d{1,2} +\S{2,40}(?:统计|情况|表|图|文件)\Z")
_LOCAL_TABLE_HEADINGS: Final = ("指标名称", "计量单位", "历年累计", "本年累计", "本期实际")
"""Column headings of the local statistics tables of reports before 2019 (spec ``pre-2019.md`` §4)."""
_LABEL_MIN: Final = 4
_COLUMN_LABELS: Final = re.compile(
    "|".join(
        re.escape(label)
        for label in sorted(
            {
                *NATIONAL_FORM_HEADINGS,
                *_LOCAL_TABLE_HEADINGS,
                *(c.label for d in (PROACTIVE_2019, PROACTIVE_2021) for block in d.blocks for c in block.columns),
                *(c.label for d in (APPLICATIONS_2021, REVIEWS_LITIGATION) for c in d.columns),
            },
            key=len,
            reverse=True,
        )
        if len(label) >= _LABEL_MIN
    )
)
"""The column headings of statistics tables (official and local) that are long enough not to occur in prose."""
_UNNUMBERED: Final = frozenset({key(ATTACHED_TABLES_HEADING)})
_INTRO: Final = key("引言")
_MIN_HEADING: Final = "概述"
_SENTENCE: Final = "，。；：,;:"


# ---- blocks from text -------------------------------------------------------------------------------------------


def _renamed(quantity: InlineQuantity, id: str | None, label: str | None = None) -> InlineQuantity:
    """The quantity with another id and label (direct construction: cheaper than :func:`attrs.evolve`)."""
    if isinstance(quantity, Count):
        return Count(
            value=quantity.value,
            unit=quantity.unit,
            qualifier=quantity.qualifier,
            scale=quantity.scale,
            id=id,
            label=label,
        )
    if isinstance(quantity, Amount):
        return Amount(value=quantity.value, unit=quantity.unit, qualifier=quantity.qualifier, id=id, label=label)
    if isinstance(quantity, Share):
        return Share(value=quantity.value, part=quantity.part, whole=quantity.whole, id=id, label=label)
    return Compound(parts=quantity.parts, id=id, label=label)


def _with_ids(found: list[Found]) -> list[Found]:
    """Give every quantity an id (``q1``, ``q2`` …) so breakdowns and shares can name it."""
    return [(start, end, _renamed(quantity, f"q{index}")) for index, (start, end, quantity) in enumerate(found, 1)]


def _paragraph(text: str, notes: Notes, at: Position) -> Paragraph:
    found = _with_ids(scan(text))
    links = find(text, found)
    for index, message in links.uncertain:
        notes.uncertain(message, at, found[index][2].text)
    labels = dict(links.labels)
    shares = {index: (part, whole) for index, part, whole in links.shares}
    relabelled: list[Found] = []
    for index, (start, end, quantity) in enumerate(found):
        if index in shares and isinstance(quantity, Share):
            part, whole = shares[index]
            quantity = Share(
                value=quantity.value,
                part=found[part][2].id if part is not None else None,
                whole=found[whole][2].id if whole is not None else None,
                id=quantity.id,
            )
        if index in labels:
            quantity = _renamed(quantity, quantity.id, labels[index])
        relabelled.append((start, end, quantity))
    breakdowns = tuple(
        Breakdown(
            total=_id(found[b.total][2]),
            parts=tuple(_id(found[p][2]) for p in b.parts),
            dimension="渠道" if b.channels else None,
            overlapping=b.overlapping,
        )
        for b in links.breakdowns
    )
    for b in links.breakdowns:
        notes.recognised(
            f"breakdown: {found[b.total][2].text} into {len(b.parts)} parts"
            + (" (overlapping)" if b.overlapping else ""),
            at,
            text[found[b.total][0] : found[b.parts[-1]][1]],
        )
    return Paragraph(content=build_content(text, relabelled), breakdowns=breakdowns)


def _id(quantity: InlineQuantity) -> str:
    assert quantity.id is not None  # every quantity got one in _with_ids
    return quantity.id


def _inline(text: str) -> tuple[Inline, ...]:
    return build_content(text, scan(text))


def _statistic(text: str) -> Statistic | None:
    """A paragraph in the exact phrasing of a statistic: ``{lead}共{subject}{total}，其中：{label}{n}…。``."""
    marker = text.find("，其中：")
    if marker < 0 or not text.endswith("。"):
        return None
    found = scan(text)
    ends = {end: index for index, (_, end, _) in enumerate(found)}
    total_index = ends.get(marker)
    if total_index is None:
        return None
    total_start, _, total = found[total_index]
    if not isinstance(total, (Count, Amount)):
        return None
    gong = text.rfind("共", 0, total_start)
    subject = text[gong + 1 : total_start] if gong >= 0 else ""
    if not subject or any(ch in _SENTENCE for ch in subject):
        return None
    parts: list[StatPart] = []
    position = marker + len("，其中：")
    index = total_index + 1
    while index < len(found):
        start, end, quantity = found[index]
        label = text[position:start]
        if not label or any(ch in _SENTENCE for ch in label) or not isinstance(quantity, (Count, Amount)):
            return None
        share: Share | None = None
        position, index = end, index + 1
        if index < len(found) and text.startswith("，占", position) and isinstance(found[index][2], Share):
            if found[index][0] != position + 2:
                return None
            found_share = found[index][2]
            share = found_share if isinstance(found_share, Share) else None
            position, index = found[index][1], index + 1
        parts.append(StatPart(label=label, quantity=quantity, share=share))
        if text[position : position + 1] in ("，", "；"):
            position += 1
    if not parts or position != len(text) - 1:
        return None
    statistic = Statistic(lead=_inline(text[:gong]), subject=subject, total=total, parts=tuple(parts))
    return statistic if _statistic_text(statistic) == text else None


def _statistic_text(statistic: Statistic) -> str:
    """The standard phrasing of a statistic, to confirm a match (the same phrasing the renderers write)."""
    separator = "；" if any(part.share is not None for part in statistic.parts) else "，"
    lead = "".join(p if isinstance(p, str) else p.text for p in statistic.lead)
    text = f"{lead}共{statistic.subject}{statistic.total.text}"
    if statistic.parts:
        text += "，其中：" + separator.join(
            part.label + part.quantity.text + (f"，占{part.share.text}" if part.share is not None else "")
            for part in statistic.parts
        )
    return text + "。"


def make_block(text: str, notes: Notes, at: Position = START) -> Block:
    """The block one line of body text is: enumerated points, a statistic, or a paragraph."""
    points = enumerated_points(text)
    if points is not None:
        lead, bodies = points
        notes.recognised(f"enumerated points 一是…{len(bodies)}", at, text)
        return EnumeratedPoints(lead=_inline(lead), points=tuple(_inline(body) for body in bodies))
    statistic = _statistic(text)
    if statistic is not None:
        notes.recognised("a statistic in the standard phrasing", at, text)
        return statistic
    if _CAPTION.match(text):
        notes.uncertain("looks like the caption of a table or image that is not in the text", at, text)
    headings = run_together_headings(text)
    if headings is not None:
        notes.uncertain(
            f"a statistics table run into the text ({headings}): its cells are not read as a table", at, text[:80]
        )
    return _paragraph(text, notes, at)


def run_together_headings(text: str) -> str | None:
    """The column headings of a table flattened into *text* (two run together, ``指标名称计量单位``), or ``None``.

    >>> run_together_headings("指标名称计量单位2018年度历年累计主动公开文件数条206912106")
    '指标名称计量单位'
    >>> run_together_headings("本年新制作数量和本年新公开数量均为0。") is None
    True
    """
    previous: re.Match[str] | None = None
    for match in _COLUMN_LABELS.finditer(text):
        if previous is not None and match.start() == previous.end() and match.group() != previous.group():
            return previous.group() + match.group()
        previous = match
    return None


# ---- the section tree ----------------------------------------------------------------------------------------------


@attrs.define
class SectionDraft:
    """A section being read: its heading and numbering, blocks (tables still drafts) and subsections."""

    heading: str
    style: OrdinalStyle
    family: str
    number: int
    at: Position
    depth: int = 1
    run_in: bool = False
    part: Part | None = None
    blocks: list[Block | TableDraft] = attrs.field(factory=list)
    block_at: list[Position] = attrs.field(factory=list)  # where each of the blocks starts
    children: list[SectionDraft] = attrs.field(factory=list)
    counts: dict[OrdinalStyle, int] = attrs.field(factory=dict)
    published_number: int | None = None


@attrs.define
class BodyDraft:
    """The 引言 and sections read from the body."""

    intro_heading: str | None = None
    intro_at: Position | None = None
    intro: list[Block | TableDraft] = attrs.field(factory=list)
    intro_block_at: list[Position] = attrs.field(factory=list)  # where each block of the 引言 starts
    sections: list[SectionDraft] = attrs.field(factory=list)
    counts: dict[OrdinalStyle, int] = attrs.field(factory=dict)
    tables: list[TableDraft] = attrs.field(factory=list)
    first_texts: tuple[str | None, str | None] | None = None


class _Builder:
    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.body = BodyDraft()
        self.stack: list[SectionDraft] = []

    # -- where blocks go

    def add(self, block: Block | TableDraft, at: Position) -> None:
        if isinstance(block, TableDraft):
            self.body.tables.append(block)
        if self.stack:
            self.stack[-1].blocks.append(block)
            self.stack[-1].block_at.append(at)
        else:
            self.body.intro.append(block)
            self.body.intro_block_at.append(at)

    def drop_caption(self, caption: str) -> None:
        """Remove a paragraph just before a table that is the table's caption (printed on a line of its own)."""
        blocks = self.stack[-1].blocks if self.stack else self.body.intro
        if blocks and isinstance(blocks[-1], Paragraph) and blocks[-1].text == caption:
            blocks.pop()
            (self.stack[-1].block_at if self.stack else self.body.intro_block_at).pop()

    # -- sections

    def open(
        self, heading: str, numbered: Numbered | None, at: Position, run_in_text: str = "", *, family: str = "none"
    ) -> None:
        """Open a section; an unnumbered one at the top (family ``none``) or nested by its *family* (``md3``)."""
        family = numbered.family if numbered is not None else family
        style = numbered.style if numbered is not None else OrdinalStyle.NONE
        number = numbered.number if numbered is not None else 0
        if family in ("cn", "none"):
            self.stack.clear()
        else:
            same = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].family == family), None)
            if same is not None:
                del self.stack[same:]
        parent = self.stack[-1] if self.stack else None
        depth = len(self.stack) + 1
        section = SectionDraft(heading=heading, style=style, family=family, number=number, at=at, depth=depth)
        counts = parent.counts if parent is not None else self.body.counts
        if numbered is not None:
            expected = counts.get(style, 0) + 1
            if number != expected:
                section.published_number = number
                self.notes.uncertain(f"heading numbered {number} where {expected} was expected", at, heading)
            counts[style] = number
        section.part = part_of(heading if family != "none" else key(heading), depth=depth)
        (parent.children if parent is not None else self.body.sections).append(section)
        self.stack.append(section)
        described = f"heading level {depth}" + (f" ({section.part.value})" if section.part else "")
        self.notes.recognised(described, at, heading)
        if run_in_text:
            section.run_in = True
            self.add(make_block(run_in_text, self.notes, at), at)


def _item_run(items: Sequence[Item], start: int, end: int, first: Numbered) -> list[tuple[Line, Numbered]]:
    """Consecutive lines numbered on from *first* in its style, each with text beyond a heading."""
    run: list[tuple[Line, Numbered]] = []
    index = start
    expected = first.number
    while index < end:
        item = items[index]
        if not isinstance(item, Line):
            break
        numbered = numbered_line(item.text)
        if numbered is None or numbered.style is not first.style or numbered.number != expected:
            break
        if is_title(numbered.rest):
            break
        run.append((item, numbered))
        expected += 1
        index += 1
    return run


_INLINE_CHAPTER: Final = re.compile(r"(?:^|(?<=[。！？；;\s]))([一二三四五六七八九十]{1,3})、")
# Lower ordinals inside a collapsed chapter: after a stop, a space or a word (``情况（一）主动公开…``,
# ``主要做法1.加强组织领导…``), never after 第/条/款/项 (``第二十条（一）项``) or a digit.
_AFTER_WORD: Final = r"(?<=[。！？；;\s\u4e00-\u9fff”）)])(?<![第条款项])"
_INLINE_PART: Final = re.compile(_AFTER_WORD + r"[（(]([一二三四五六七八九十]{1,3})[）)]")
_INLINE_ITEM: Final = re.compile(_AFTER_WORD + r"(\d{1,2})[.、．](?=[\u4e00-\u9fff“《])")
_INLINE_SUBITEM: Final = re.compile(_AFTER_WORD + r"[（(](\d{1,2})[）)](?=[\u4e00-\u9fff“《])")
_LEVELS: Final = (_INLINE_PART, _INLINE_ITEM, _INLINE_SUBITEM)
_COLLAPSED_MIN: Final = 2
_NUMERALS: Final = ("", *(to_chinese_numeral(n) for n in range(1, 100)))


def _ascending(matches: list[re.Match[str]], expected: int = 1) -> tuple[list[int], int]:
    """The start positions of the matches whose numbers count on from *expected* (一、二、…, 1. 2. …), and the next."""
    positions: list[int] = []
    for match in matches:
        number = match.group(1)
        if expected < len(_NUMERALS) and number in (_NUMERALS[expected], str(expected)):
            positions.append(match.start())
            expected += 1
    return positions, expected


def _split_levels(line: Line, levels: tuple[re.Pattern[str], ...]) -> list[Line]:
    """A piece of a collapsed chapter split at its lower ordinals, level by level, each counting on from 1."""
    if not levels:
        return [line]
    positions, _ = _ascending(list(levels[0].finditer(line.text)))
    pieces = _split_at(line, positions) if positions else [line]
    return [split for piece in pieces for split in _split_levels(piece, levels[1:])]


def _split_at(line: Line, positions: list[int]) -> list[Line]:
    cuts = [0, *[p for p in positions if p > 0], len(line.text)]
    pieces = []
    for first, last in itertools.pairwise(cuts):
        text = line.text[first:last].strip()
        if text:
            pieces.append(Line(text, Position(line.at.line, line.at.column + first), line.indent, line.blank_before))
    return pieces


def uncollapse(items: Sequence[Item], notes: Notes) -> list[Item]:
    """Lines holding several chapters (``一、…。二、…。三、…``): a collapsed body, split at its ordinals.

    Official tables run together on such a line are first cut into rows (:func:`unrun_tables`); the chapters are
    counted on across the text between them.
    """
    result: list[Item] = []
    for item in items:
        if not isinstance(item, Line):
            result.append(item)
            continue
        pieces = unrun_tables(item, notes) or [(item, False)]
        if "二、" not in item.text:
            result.extend(line for line, _ in pieces)
            continue
        expected = 1
        chapters: list[list[int]] = []
        for line, table in pieces:
            found, expected = (
                ([], expected) if table else _ascending(list(_INLINE_CHAPTER.finditer(line.text)), expected)
            )
            chapters.append(found)
        if expected - 1 < _COLLAPSED_MIN:
            result.extend(line for line, _ in pieces)
            continue
        notes.uncertain(f"{expected - 1} chapters on one line: the body was collapsed; split at 一、二、…", item.at)
        for (line, table), positions in zip(pieces, chapters, strict=True):
            if table:
                result.append(line)
                continue
            for piece in _split_at(line, positions):
                result.extend(_split_levels(piece, _LEVELS))
    return result


_TAIL_LINE: Final = 120
_SIGNATURE_ORGAN: Final = re.compile(r"[\u4e00-\u9fff（）()]{2,40}\Z")
_SOURCE_LINE: Final = re.compile(r"(?:来源|信息来源|发布机构|发布时间|时间)\s*[:：]\S{1,60}\Z")


def _dated(token: str) -> bool:
    try:
        parse_date(token)
    except ValueError:
        return False
    return True


def split_collapsed_tail(items: list[Item]) -> list[Item]:
    """The items with the tail of a collapsed body cut off its last line: signature, portal fields and noise.

    A crawler that flattens a page runs the signature and the page furniture after the last sentence
    (``……其他需要报告的事项无。 某局 2020年1月7日 来源：某局 附件下载``); each becomes a line of its own, at its own
    column, so that the signature is read and the rest reported as noise. Only words after the last sentence's stop,
    separated by spaces, are cut off, and an organ only before a date.

    >>> body = "一、总体情况" + "全年主动公开信息10条。" * 12 + "六、其他需要报告的事项无。"
    >>> line = Line(body + " 某区国资局 2020年1月7日 来源：某区国资局 附件下载", START)
    >>> [item.text for item in split_collapsed_tail([line])][1:]
    ['某区国资局', '2020年1月7日', '来源：某区国资局', '附件下载']
    """
    if not items or not isinstance(items[-1], Line) or len(items[-1].text) <= _TAIL_LINE:
        return items
    line = items[-1]
    matches = list(re.finditer(r"\S+", line.text[-400:]))
    offset = max(0, len(line.text) - 400)
    cut = len(matches)
    dated = False
    while cut > 1:
        token = matches[cut - 1].group()
        if noise_kind(token) is not None or _SOURCE_LINE.match(token):
            if dated:
                break
        elif _dated(token) and not dated:
            dated = True
        elif dated and _SIGNATURE_ORGAN.match(token):
            cut -= 1
            break
        else:
            break
        cut -= 1
    if cut >= len(matches) or not line.text[: offset + matches[cut].start()].rstrip().endswith(("。", "！", "？")):
        return items
    first = offset + matches[cut].start()
    pieces = [Line(line.text[:first].rstrip(), line.at, line.indent, line.blank_before)]
    for match in matches[cut:]:
        at = Position(line.at.line, line.at.column + offset + match.start(), line.at.page)
        pieces.append(Line(match.group(), at))
    return [*items[:-1], *pieces]


def build_body(items: Sequence[Item], start: int, end: int, notes: Notes) -> BodyDraft:
    """Read ``items[start:end]`` into the 引言 and the section tree."""
    builder = _Builder(notes)
    top = min((item.heading for item in items[start:end] if isinstance(item, Line) and item.heading), default=0)
    index = start
    while index < end:
        item = items[index]
        if isinstance(item, TableItem):
            for read in read_grid(item, notes):
                builder.add(read, read.at if isinstance(read, TableDraft) else item.at)
            index += 1
            continue
        text = item.text
        if item.heading:
            _markdown_heading(builder, item, top)
            index += 1
            continue
        if starts_table(text):
            stop, drafts = read_text_tables(
                items if end == len(items) else items[:end], index, notes
            )  # no copy per table
            if drafts:
                for draft in drafts:
                    builder.add(draft, draft.at)
                index = max(stop, index + 1)
                continue
        if is_pipe_row(text):
            stop = index
            while stop < end and isinstance(items[stop], Line) and is_pipe_row(items[stop].text):  # type: ignore[union-attr]
                stop += 1
            rows = [line for line in items[index:stop] if isinstance(line, Line)]
            national = national_text_form(rows, notes) if len(rows) >= 2 else None
            if national is not None:
                builder.drop_caption(NATIONAL_FORM_CAPTION)
                builder.add(national, national.at)
                index = stop
                continue
            table = generic_text_table(rows, notes) if len(rows) >= 2 else None
            if table is not None:
                builder.add(table, item.at)
                index = stop
                continue
        numbered = numbered_line(text)
        if numbered is not None:
            index = _numbered(builder, items, index, end, numbered, item)
            continue
        text_key = key(text) if len(text) <= 8 else ""
        if text_key == _INTRO and not builder.body.sections and not builder.body.intro:
            builder.body.intro_heading = text
            builder.body.intro_at = item.at
            notes.recognised("引言 heading", item.at, text)
        elif text_key in _UNNUMBERED:
            builder.open(text, None, item.at)
        else:
            builder.add(make_block(text, notes, item.at), item.at)
        index += 1
    return builder.body


def _markdown_heading(builder: _Builder, line: Line, top: int) -> None:
    """A Markdown heading (``## 一、总体情况``, ``### （三）精细化建设公开平台。``): a heading as declared, all of it.

    A numbered one nests by its ordinal like any heading; an unnumbered one by its level, the highest level of the
    body at the top.
    """
    numbered = numbered_line(line.text)
    if numbered is not None:
        builder.open(numbered.rest, numbered, line.at)
    elif key(line.text) == _INTRO and not builder.body.sections and not builder.body.intro:
        builder.body.intro_heading, builder.body.intro_at = line.text, line.at
        builder.notes.recognised("引言 heading", line.at, line.text)
    else:
        builder.open(line.text, None, line.at, family="none" if line.heading == top else f"md{line.heading}")


def table_label(text: str) -> bool:
    """Whether a numbered line is a row label of table 三 or a piece of one, never a heading.

    Outside a table that was read (its layout lost in a PDF or crawler text) the labels ``三、本年度办理结果`` and
    ``（三）不予公开`` look like headings, and a label broken over lines leaves a fragment (``（三）不``, ``（六）其``,
    ``三、本年度办``) that would open a section and swallow what follows.

    The label is the line's first word: PDF text prints a row's values after it (``一、本年新收政府信息公开申请数量
    3001 53 …``) and sometimes the next label (``（四）无 1.本机关不掌握相关政府信息 746 …``).

    >>> table_label("（三）不"), table_label("三、本年度办"), table_label("1.本机关不掌握相关政府信息")
    (True, True, True)
    >>> table_label("一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119"), table_label("（四）无 1.本机关不掌握")
    (True, True)
    >>> table_label("三、收到和处理政府信息公开申请情况"), table_label("（三）不断完善公开平台")
    (False, False)
    >>> table_label("一、 总体情况")
    False
    """
    first = text.split(maxsplit=1)[0]
    if numbered_line(first) is None:
        return False
    label = key(first)
    return label in ALL_LABELS or has_prefix(label)


def _numbered(builder: _Builder, items: Sequence[Item], index: int, end: int, numbered: Numbered, line: Line) -> int:
    """Handle a numbered line: a heading (maybe run-in), or the first of a numbered list. Return the next index."""
    if table_label(line.text):
        builder.notes.uncertain("a label of table 三 (or a piece of one) outside a table read; not a heading", line.at)
        builder.add(make_block(line.text, builder.notes, line.at), line.at)
        return index + 1
    if numbered.family in ("arabic", "arabic-paren", "shi") and not is_title(numbered.rest):
        run = _item_run(items, index, end, numbered)
        if len(run) >= 2:
            listed = tuple(_inline(n.rest) for _, n in run)
            builder.add(NumberedItems(items=listed, style=numbered.style, start=numbered.number), line.at)
            builder.notes.recognised(f"numbered list of {len(run)} items", line.at, line.text)
            return index + len(run)
    heading, body = split_run_in(numbered.rest)
    if len(heading) > len(_MIN_HEADING):
        run_on = run_on_heading(numbered.rest, chapter=numbered.family == "cn")
        if run_on is not None and len(run_on[0]) < len(heading):
            heading, body = run_on
            builder.notes.uncertain("heading and text on one line without a stop; split after the heading", line.at)
    builder.open(heading, numbered, line.at, body)
    return index + 1


# ---- drafts to the model ----------------------------------------------------------------------------------------


def _block(block: Block | TableDraft, edition: Edition) -> Block:
    return block.build(edition) if isinstance(block, TableDraft) else block


def finish_sections(drafts: list[SectionDraft], edition: Edition) -> tuple[Section, ...]:
    """The model sections of the drafts, tables built for *edition* where their layout shows none."""
    sections = []
    for draft in drafts:
        default = default_ordinal_style(draft.depth)
        numbering = None if draft.style is default else draft.style
        sections.append(
            Section(
                heading=draft.heading,
                part=draft.part,
                numbering=numbering,
                number=draft.published_number,
                run_in=draft.run_in,
                blocks=tuple(_block(block, edition) for block in draft.blocks),
                subsections=finish_sections(draft.children, edition),
            )
        )
    return tuple(sections)


def finish_blocks(blocks: list[Block | TableDraft], edition: Edition) -> tuple[Block, ...]:
    """The model blocks of drafts."""
    return tuple(_block(block, edition) for block in blocks)
