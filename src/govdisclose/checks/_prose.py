"""Figures of running text in their clause: what a count or amount is said to be, from the words around it.

A report states in its text the figures its tables hold: ``本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度
继续办理``. :func:`statements` finds each count and amount with the clause it stands in and the sentence around it;
:func:`meaning` says which table figure the words name (new applications, those handled, carried forward, 复议 …), or
``None`` when they name none with certainty. The patterns are deliberately narrow: a figure that is not recognised is
not checked, and a figure compared with another year (``较上年``) or dated in another year is left alone.

>>> from govdisclose.model import Count, Paragraph
>>> received, handled = Count(value=70, unit="件"), Count(value=69, unit="件")
>>> block = Paragraph(content=("全年共收到", received, "申请，办结", handled, "。"))
>>> [(s.quantity.text, s.before, s.after, meaning(s, 2021, topic="依申请公开")) for s in statements("$.p", block)]
[('70件', '全年共收到', '申请', 'new'), ('69件', '办结', '', 'handled')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

import attrs

from ..model import Amount, Block, Count, EnumeratedPoints, Inline, NumberedItems, Paragraph, Statistic, plain_text
from ._paths import join_path

__all__ = ["Statement", "meaning", "runs", "statements"]

_SENTENCE_END = "。；;！？!?\n"
_CLAUSE_END = _SENTENCE_END + "，,：:（("
_SENTENCE_STOP = re.compile(f"[{re.escape(_SENTENCE_END)}]")
_CLAUSE_STOP = re.compile(f"[{re.escape(_CLAUSE_END)}\x00]")


@attrs.frozen(kw_only=True)
class Statement:
    """A count or amount of running text, with its words.

    Attributes:
        path: The quantity's document path.
        quantity: The count or amount.
        before: The words of its clause before it (back to a comma, a stop or the previous figure).
        after: The words of its clause after it (up to a comma, a stop or the next figure).
        sentence: The whole sentence it stands in, figures written out.
        lead: The sentence before the figure.
    """

    path: str
    quantity: Count | Amount
    before: str
    after: str
    sentence: str
    lead: str = ""

    @property
    def clause(self) -> str:
        """The clause with the figure as written: ``全年共收到70件申请``."""
        return f"{self.before}{self.quantity.text}{self.after}"


def runs(path: str, block: Block) -> Iterator[tuple[str, tuple[Inline, ...]]]:
    """Each run of inline content of a block with its base path (a paragraph's content, a list's lead and points)."""
    if isinstance(block, Paragraph):
        yield join_path(path, "content"), block.content
    elif isinstance(block, EnumeratedPoints):
        yield join_path(path, "lead"), block.lead
        for index, point in enumerate(block.points):
            yield join_path(path, "points", index), point
    elif isinstance(block, NumberedItems):
        for index, item in enumerate(block.items):
            yield join_path(path, "items", index), item
    elif isinstance(block, Statistic):
        yield join_path(path, "lead"), block.lead


def _text(piece: Inline) -> str:
    return piece if isinstance(piece, str) else plain_text((piece,))


class _Stops:
    """Where the stop characters of one text stand, to cut the text before or after a position without rescanning it."""

    __slots__ = ("_at",)

    def __init__(self, text: str, stops: re.Pattern[str]) -> None:
        self._at = [match.start() for match in stops.finditer(text)]

    def after_last(self, end: int) -> int:
        """Where the text after the last stop before *end* starts (0 when there is none)."""
        index = bisect.bisect_left(self._at, end)
        return self._at[index - 1] + 1 if index else 0

    def first(self, start: int, default: int) -> int:
        """Where the first stop at or after *start* stands (*default* when there is none)."""
        index = bisect.bisect_left(self._at, start)
        return self._at[index] if index < len(self._at) else default


def statements(path: str, block: Block) -> Iterator[Statement]:
    """The counts and amounts of a block's running text, each with its clause and sentence."""
    for base, content in runs(path, block):
        texts = [_text(piece) for piece in content]
        # Quantities masked by a NUL, so that a clause stops at the neighbouring figure. Each run is joined and scanned
        # for its stops once; the text before and after a quantity is a slice of it up to the nearest stop.
        masked = [t if isinstance(p, str) else "\x00" for p, t in zip(content, texts, strict=True)]
        full, plain = "".join(texts), "".join(masked)
        sentences, clauses = _Stops(full, _SENTENCE_STOP), _Stops(plain, _CLAUSE_STOP)
        ends, masked_ends = list(itertools.accumulate(map(len, texts))), list(itertools.accumulate(map(len, masked)))
        for index, piece in enumerate(content):
            if not isinstance(piece, (Count, Amount)):
                continue
            start, end, masked_start = ends[index] - len(texts[index]), ends[index], masked_ends[index] - 1
            lead = full[sentences.after_last(start) : start]
            yield Statement(
                path=join_path(base, index),
                quantity=piece,
                before=plain[clauses.after_last(masked_start) : masked_start],
                after=plain[masked_ends[index] : clauses.first(masked_ends[index], len(plain))],
                sentence=lead + piece.text + full[end : sentences.first(end, len(full))],
                lead=lead,
            )


# ---- what the words say -------------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_COMPARED = re.compile(r"较|比上|同比|环比|增长|下降|上升|减少|增加|去年|上年同期")
_CARRIED_OVER = re.compile(r"(上一?年度?|去年|往年)[^，。；]{0,6}(结转|转结)|结转上年")
_CARRY_FORWARD = re.compile(
    r"结转(至|到|入)?(下一?年度?|次年|明年|\d{4}年)|(转入|顺延到|顺延至)下一?年|(下一?年度?|次年)继续办理"
)
_SUBUNIT = re.compile(r"代表|其中|部门|单位|街道|乡镇|所属|下属|办公室|政府办")
"""Words before the verb that make the figure one of a part of the organ (``区政府办代表区政府受理……17件``)."""
_OTHER_MATTERS = re.compile(r"信访|投诉|举报|诉求|咨询|建议|提案|热线|留言|来电|来信")
"""What else is received and handled (``受理各类群众诉求259起``): not applications for disclosure."""
_NEW = re.compile(r"(收到|受理|接收|新收|接到|共收)")
_HANDLED = re.compile(r"(办结|答复|办理完毕|处理完毕|作出答复|予以答复)")
_APPLICATION = re.compile(
    r"(政府信息公开|信息公开|依申请)[^，。；]{0,12}申请|申请[^，。；]{0,6}(政府信息|信息公开)|依申请"
)
_REVIEW = re.compile(r"复议")
_LITIGATION = re.compile(r"诉讼")
_DISCLOSURE = re.compile(r"信息公开|依申请")
_DOCUMENT = re.compile(r"(行政)?规范性文件|规章")
_ISSUED = re.compile(r"(制发|印发|出台|制定|新制定|发布)[^，。；]{0,10}(规范性文件|规章)[^，。；]{0,4}$")
_REPEALED = re.compile(r"废止[^，。；]{0,10}$")
_IN_FORCE = re.compile(r"现行有效[^，。；]{0,10}$")
_INTERPRETATIONS = re.compile(r"解读[^，。；]{0,10}$|^[^，。；]{0,4}(政策)?解读")
_ADMINISTRATIVE_FEES = re.compile(r"行政事业性收费")
_INFORMATION_FEES = re.compile(r"信息处理费|依申请公开[^，。；]{0,10}(收取|收费)")


def _stale_year(clause: str, year: int) -> bool:
    """Whether the clause names a year other than the report's (and the next, for what is carried forward)."""
    return any(int(match) not in (year, year + 1) for match in _YEAR.findall(clause))


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def meaning(statement: Statement, year: int, *, topic: str = "") -> str | None:
    """Which table figure the clause of *statement* names, or ``None``.

    *topic* is the heading of the section the figure stands in (``依申请公开方面``): a sentence that says ``申请`` under
    such a heading is about applications for disclosure even when it does not say ``政府信息公开申请``.

    The names: ``new`` (applications received, which may or may not include those carried over), ``carried-over``,
    ``handled``, ``carry-forward``, ``reviews``, ``litigation``, ``issued:rules`` / ``issued:normative-documents`` (and
    ``repealed:…``, ``in-force:…``), ``interpretations``, ``administrative-fees`` and ``information-fees`` (amounts).
    """
    clause, before, after = statement.clause, statement.before, statement.after
    if _stale_year(clause, year):
        return None
    if isinstance(statement.quantity, Amount):
        if _ADMINISTRATIVE_FEES.search(clause):
            return "administrative-fees"
        if _INFORMATION_FEES.search(statement.sentence):
            return "information-fees"
        return None
    if _CARRIED_OVER.search(before) or _CARRIED_OVER.match(after):
        return "carried-over"
    if _COMPARED.search(clause):
        return None
    if _CARRY_FORWARD.search(clause):
        return "carry-forward"
    sentence = statement.sentence
    review, litigation = bool(_REVIEW.search(clause)), bool(_LITIGATION.search(clause))
    if review != litigation and (_DISCLOSURE.search(sentence) or _DISCLOSURE.search(topic) or "复议" in topic):
        return "reviews" if review else "litigation"
    if review or litigation:
        return None
    named_before, named_after = _DOCUMENT.search(before[-16:]), _DOCUMENT.match(after)
    document = named_before or named_after
    if document is None and (_REPEALED.search(before) or _IN_FORCE.search(before)):
        document = _last(_DOCUMENT, statement.lead)  # ``制发规范性文件69件，废止3件``: the documents of the sentence
    if document is not None:
        row = "rules" if document.group(0) == "规章" else "normative-documents"
        if _ISSUED.search(before if named_before else before + document.group(0)):
            return f"issued:{row}"
        if _REPEALED.search(before):
            return f"repealed:{row}"
        if _IN_FORCE.search(before):
            return f"in-force:{row}"
        return None
    if _INTERPRETATIONS.search(before) or _INTERPRETATIONS.search(after):
        return "interpretations" if statement.quantity.unit in ("篇", "条", "次", "期", "个") else None
    if statement.quantity.unit not in ("件", "个", "宗", "起", "条", "份", "次", ""):
        return None
    if not (_APPLICATION.search(sentence) or ("申请" in sentence and "申请" in topic)) or "申请人" in clause:
        return None
    if _SUBUNIT.search(before) or _OTHER_MATTERS.search(clause):
        return None
    if _NEW.search(before) and "申请" in clause:
        return "new"
    if _HANDLED.search(before) and ("申请" in clause or len(before) <= 10):
        return "handled"
    return None
