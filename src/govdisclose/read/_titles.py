"""Title, agency and report year: from the title, a notice that publishes the report, the 引言, or the signature.

Titles come with or without the agency (``2015年政府信息公开工作年度报告``), with or without 工作, split over two
lines, or inside a notice (``……关于公布……年度报告的通知``). When the title lacks the agency, the 引言 often names
it (``由××编制``, ``现将××2020年……报告公布如下``), and so does the signature.

>>> title_parts("三元区城关街道2017年政府信息公开工作年度报告")
('三元区城关街道', 2017)
>>> title_parts("2022年上海市人民政府参事室政府信息公开工作年度报告")
('上海市人民政府参事室', 2022)
>>> unwrap_notice("教育部办公厅关于2016年教育部政府信息公开工作年度报告的公告")
'2016年教育部政府信息公开工作年度报告'
>>> intro_agency("本报告是根据……要求，由两城镇人民政府党政办公室编制。")
'两城镇人民政府'
"""

from __future__ import annotations

import re
from typing import Final

from ._headings import numbered_line

__all__ = [
    "intro_agency",
    "intro_year",
    "is_title_line",
    "joins_title",
    "metadata_organ",
    "narrower",
    "office_named",
    "overview_agency",
    "overview_year",
    "self_reference",
    "title_parts",
    "unwrap_notice",
]

_TITLE_END: Final = re.compile(r"(?:年度报告|年报|工作报告|年度報告|年報|工作報告)(?:[（(]全文[）)])?\Z")
_TITLE_WORDS: Final = ("政府信息公开", "政务公开", "信息公开", "资讯公开", "資訊公開", "信息公開", "政務公開")
_SENTENCE: Final = frozenset("。，,；;：:！？")
_NOTICE: Final = re.compile(
    r"(?P<issuer>[^关]{0,40})关于(?:印发|公布|发布|公开)?(?P<inner>.{4,80}?)的(?:通知|公告|通报|函)\Z"
)
_YEAR: Final = re.compile(r"((?:19|20|21)\d{2}) ?年(?:度)?")
_JOIN_FIRST: Final = 40
_NAME: Final = r"[\u4e00-\u9fff（）()]{2,30}?"
_INTRO_PATTERNS: Final = (
    re.compile(r"由(?P<name>" + _NAME + r")(?:负责)?(?:组织)?编制"),
    re.compile(r"由(?P<name>" + _NAME + r")根据[^。]{2,80}编制"),
    re.compile(r"现(?:将|予)?公布(?P<name>" + _NAME + r")\d{4}年"),
    re.compile(r"现将(?P<name>" + _NAME + r")\d{4}年"),
    re.compile(r"现将\d{4}年(?:度)?(?P<name>" + _NAME + r")政府信息公开"),
    re.compile(r"(?:^|[，,。；;])(?P<name>" + _NAME + r")编制了"),
)
_OFFICES: Final = "党政办公室|办公室|办公厅|政务公开办公室|党政办|综合办公室"
_OFFICE: Final = re.compile(r"(?P<organ>.+?(?:人民政府|政府|办事处|委员会))(?:" + _OFFICES + r")\Z")
_GENERIC: Final = re.compile(r"(?:本级|上级)?(?:省|市|区|县|镇|乡|州|旗)?(?:人民)?政府")
_OVERVIEW: Final = re.compile(
    r"\A(?:\d{4}) ?年(?:度)? ?[，,] ?(?:在[^，,。]{2,30}[，,] ?)?(?P<name>[\u4e00-\u9fff]{2,24}?)"
    r"(?:坚持|认真|深入|全面|严格|紧紧|紧扣|积极|持续|围绕|按照|始终|进一步|以|扎实|高度|聚焦|着力|不断)"
)
_ORGAN_END: Final = re.compile(
    r"(?:部|局|委|办|厅|室|署|院|会|处|中心|政府|街道|镇|乡|区|市|县|省|州|盟|旗|所|站|队|馆)\Z"
)
_NOT_NAMES: Final = ("我", "本", "全", "各", "该")
_PERIOD: Final = re.compile(r"(?:期限|时限|时间)(?:为|是)?(?:自|从)? ?(\d{4}) ?年 ?1 ?月 ?1 ?日")
_REPORT_YEAR: Final = re.compile(
    r"(\d{4}) ?年(?:度)?(?:[^，,。；;]{0,20}?)(?:政府信息公开|信息公开)[^，,。；;]{0,12}?报告"
)


def is_title_line(text: str) -> bool:
    """Whether *text* reads as the title of a report: short, no sentence punctuation, ends in 年度报告/年报.

    >>> is_title_line("杭州市教育局2020年政府信息公开年度报告"), is_title_line("根据《条例》编制本年度报告。")
    (True, False)
    """
    if len(text) > 80 or any(ch in _SENTENCE for ch in text):
        return False
    return bool(_TITLE_END.search(text)) and any(word in text for word in _TITLE_WORDS)


def unwrap_notice(text: str) -> str | None:
    """The report title inside a notice that publishes it, or ``None``."""
    match = _NOTICE.match(text)
    if match is None or not any(word in match["inner"] for word in _TITLE_WORDS):
        return None
    inner = match["inner"]
    return inner if _TITLE_END.search(inner) else None


def title_parts(title: str) -> tuple[str | None, int | None]:
    """The agency and the report year a title names (either may be ``None``)."""
    match = _YEAR.search(title)
    if match is None:
        index = min((title.find(word) for word in _TITLE_WORDS if word in title), default=-1)
        name = title[:index].strip() if index > 0 else ""
        return (name or None), None
    year = int(match.group(1))
    before = title[: match.start()].strip()
    if before:
        return before, year
    after = title[match.end() :]
    index = min((after.find(word) for word in _TITLE_WORDS if word in after), default=-1)
    name = after[:index].strip() if index > 0 else ""
    return (name or None), year


def _clean(name: str) -> str | None:
    name = name.strip()
    office = _OFFICE.match(name)
    if office is not None:
        name = office["organ"]
    if len(name) < 2 or name.startswith(_NOT_NAMES) or _GENERIC.fullmatch(name):
        return None
    return name


def office_named(organ: str, text: str) -> str | None:
    """The office of *organ* that *text* names (``湖里区人民政府办公室`` for ``湖里区人民政府``), or ``None``.

    The reader takes an office that compiles or publishes a report as standing for its government, and says so.

    >>> office_named("两城镇人民政府", "由两城镇人民政府党政办公室编制。"), office_named("某局", "由某局编制。")
    ('两城镇人民政府党政办公室', None)
    """
    match = re.search(re.escape(organ) + r"(?:" + _OFFICES + r")", text)
    return match.group() if match else None


def narrower(name: str, wider: str) -> bool:
    """Whether *name* is an organ inside *wider* (its office, its bureau), which *wider* must not stand for.

    >>> narrower("某市人民政府办公厅", "某市人民政府"), narrower("某市人民政府", "某市人民政府")
    (True, False)
    """
    return len(name) > len(wider) and name.startswith(wider) and bool(_ORGAN_END.search(name))


def intro_agency(text: str) -> str | None:
    """The agency an 引言 names as the author (an office of a government stands for the government), or ``None``."""
    for pattern in _INTRO_PATTERNS:
        match = pattern.search(text)
        if match is not None:
            name = _clean(match["name"])
            if name is not None and _ORGAN_END.search(name):
                return name
    return None


def overview_agency(text: str) -> str | None:
    """The organ a first paragraph starts with (``2024年，教育部坚持……``), or ``None``.

    >>> overview_agency("2024年，平潭综合实验区坚持以……为指导"), overview_agency("2019年,我局认真贯彻")
    ('平潭综合实验区', None)
    """
    match = _OVERVIEW.match(text)
    if match is None:
        return None
    name = _clean(match["name"])
    return name if name is not None and _ORGAN_END.search(name) else None


def metadata_organ(value: str) -> str | None:
    """The organ a metadata field (来源, 发布机构) names, an office standing for its government; not a website.

    >>> metadata_organ("湖里区人民政府办公室"), metadata_organ("司法部官网")
    ('湖里区人民政府', None)
    """
    if len(value) > 40 or value.endswith(("网", "网站", "官网", "客户端", "公众号")):
        return None
    name = _clean(value)
    return name if name is not None and _ORGAN_END.search(name) else None


def intro_year(text: str) -> int | None:
    """The report year an 引言 names: the report it introduces, or the start of its statistics period.

    >>> intro_year("本报告中所列数据的统计期限为2020年1月1日至2020年12月31日。")
    2020
    """
    for pattern in (_REPORT_YEAR, _PERIOD):
        match = pattern.search(text)
        if match is not None:
            return int(match.group(1))
    return None


def overview_year(text: str) -> int | None:
    """The year a first paragraph starts with (``2019年,我局……``, ``2019年我局……``), or ``None``.

    >>> overview_year("2019年我局认真贯彻《条例》"), overview_year("2019年1月1日起施行")
    (2019, None)
    """
    match = re.match(r"(\d{4}) ?年(?:度)?(?:以来)? ?(?:[，,]|(?=[我本全]))", text)
    return int(match.group(1)) if match else None


_SELF: Final = re.compile(r"(?:我|本)(局|委|办|厅|院|署|部|镇|乡|街道|区|县|市|中心|所)(?![a-z])")
_LAW: Final = re.compile(r"《中华人民共和国(?!政府信息公开条例)(?P<law>[\u4e00-\u9fff]{2,20}法)》")
_SENTENCE_CHARS: Final = frozenset("。，,；;：:！？!?")
_YEAR_END: Final = re.compile(r"(?:19|20)\d{2} ?年度?\Z")


def self_reference(text: str) -> str | None:
    """How a text that names no agency refers to its author (``我局``) and the law of its field it cites, or ``None``.

    A hint for the reader of the diagnostics, never an agency: ``我局`` and the 统计法 suggest a statistics bureau,
    but which one the text does not say.

    >>> self_reference("2019年,我局认真贯彻《中华人民共和国政府信息公开条例》和《中华人民共和国统计法》。")
    'the text calls its author 我局 and cites 《中华人民共和国统计法》'
    >>> self_reference("全年主动公开信息10条。") is None
    True
    """
    found = _SELF.search(text)
    if found is None:
        return None
    law = _LAW.search(text)
    cited = f" and cites 《中华人民共和国{law['law']}》" if law is not None else ""
    return f"the text calls its author {found.group()}{cited}"


def joins_title(first: str, second: str) -> bool:
    """Whether two lines are one title split over them.

    Split after the agency (``三亚市海棠区人民政府`` + ``2015年政府信息公开工作年度报告``), after the year
    (``平潭综合实验区地方税务局2013年`` + ``信息公开年度报告``) or inside the words
    (``某市人民政府办公厅2019年政府信息`` + ``公开工作年度报告``): the first line is short, without a sentence or an
    ordinal, no title on its own, and the two together are a title.

    >>> joins_title("三亚市海棠区人民政府", "2015年政府信息公开工作年度报告")
    True
    >>> joins_title("平潭综合实验区地方税务局2013年", "信息公开年度报告")
    True
    >>> joins_title("某市人民政府办公厅2019年政府信息", "公开工作年度报告")
    True
    >>> joins_title("根据《条例》要求，现公布本机关", "2015年政府信息公开工作年度报告")
    False
    """
    if len(first) > _JOIN_FIRST or any(ch in _SENTENCE_CHARS for ch in first) or is_title_line(first):
        return False
    if numbered_line(first) is not None:
        return False
    if not is_title_line(first + second):
        return False
    if is_title_line(second):
        # the second line is a title on its own: the first is its agency, or the agency and the year
        return bool(_YEAR_END.search(first)) or (second[:1].isdigit() and not any(ch.isdigit() for ch in first))
    return True
