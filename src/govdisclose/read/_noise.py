"""Page noise: the furniture a portal prints around a report (breadcrumbs, font-size widgets, share and QR lines …).

A line is noise only when the *whole* line is furniture; the reader removes it and reports it as ``noise``.

>>> noise_kind("当前位置：首页 > 政务公开 > 年报")
'breadcrumb'
>>> noise_kind("字体：【大 中 小】")
'font-size widget'
>>> noise_kind("唐村镇2010年政府信息公开工作年度报告.pdf")
'attachment file name'
>>> noise_kind("关怀版 无障碍"), noise_kind("==================== 正文 ====================")
('page widgets', 'crawler header')
>>> noise_kind("繁體 English 登录"), noise_kind("您当前的位置：首页 > 政务公开")
('page widgets', 'breadcrumb')
>>> noise_kind("来源：某区国有资产管理局")
'portal source field'
>>> noise_kind("一、概述") is None
True
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CRUMB_LABEL", "TRAILING_NOISE", "WIDGETS", "noise_kind", "trailing_noise_kind"]

WIDGETS: Final = (
    "关怀版",
    "无障碍",
    "智能问答",
    "长者模式",
    "微信",
    "微博",
    "QQ空间",
    "全真版",
    "文字版",
    "文件下载",
    "相关链接：",
    "相关链接:",
    "-->",
    "繁体",
    "繁體",
    "简体",
    "繁体版",
    "简体版",
    "English",
    "登录",
    "注册",
    "网站地图",
    "设为首页",
    "加入收藏",
    "适老化",
    "长者版",
    "无障碍浏览",
    "读屏专用",
    "返回首页",
    "搜索",
)
"""Words of a portal's buttons and links that a crawler flattens into the text before a report (``关怀版 无障碍``)."""

CRUMB_LABEL: Final = re.compile(
    r"(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|您当前位置|当前所在位置|所在位置)\s*[:：]"
)
"""The label a breadcrumb starts with (``当前位置：``, ``您当前的位置：``)."""

_RULES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (CRUMB_LABEL, "breadcrumb"),
    (re.compile(r"首页\s*[>＞»›/]"), "breadcrumb"),
    (re.compile(r"(?:字体|字号)\s*[:：]|【\s*[大中小]\s*[大中小]?\s*[大中小]?\s*】|【\s*默认"), "font-size widget"),
    (
        re.compile(r"[【\[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|返回顶部|收藏|纠错)\s*[】\]]?\s*\Z"),
        "print/close button",
    ),
    (re.compile(r"[【\[]\s*(?:打印|关闭)\s*[】\]]"), "print/close button"),
    (re.compile(r"分享(?:到)?\s*[:：]?\s*\Z|分享到\s*[:：]"), "share button"),
    (re.compile(r"(?:浏览次数|访问次数|阅读次数|点击数|点击量|浏览量|阅读量)\s*[:：]?"), "view counter"),
    (re.compile(r"扫一扫"), "QR-code line"),
    (re.compile(r"(?:附件下载|相关附件|附件列表)\s*[:：]?\s*\Z|附件\s*[:：]?\s*\Z"), "attachment list"),
    (
        re.compile(r"[^\n]{1,120}\.(?:pdf|PDF|docx?|DOCX?|xlsx?|XLSX?|wps|WPS|et|ofd|OFD|zip|ZIP|rar|RAR)\Z"),
        "attachment file name",
    ),
    (re.compile(r"(?:更新时间|更新日期)\s*[:：]\s*\Z"), "empty timestamp"),
    (re.compile(r"(?:来源|信息来源)\s*[:：]\s*\S{1,40}\Z"), "portal source field"),
    (re.compile(r"(?:(?:" + "|".join(re.escape(word) for word in WIDGETS) + r")\s*)+\Z"), "page widgets"),
    (re.compile(r"={3,}\s*正文\s*={3,}\Z|页面链接与图片详见"), "crawler header"),
)

_FIRST: Final = frozenset("当您你所首字【[打关返收纠分浏访阅点扫附相更=页来信") | {word[0] for word in WIDGETS}
_EXTENSIONS: Final = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".zip", ".rar")

TRAILING_NOISE: Final = re.compile(
    r"(?:政策解读|相关解读|解读|相关链接|相关文章|相关新闻|上一篇.*|下一篇.*|(?:政府)?信息公开(?:工作)?年(?:度报告|报))\Z"
)
"""Lines that are noise at the end of a page: a 政策解读 link, the portal column's name, previous/next links."""


def noise_kind(text: str) -> str | None:
    """What kind of page noise the line *text* is, or ``None`` when it is not noise."""
    if len(text) > 160 or (text[:1] not in _FIRST and not text.lower().endswith(_EXTENSIONS)):
        return None
    for pattern, kind in _RULES:
        if pattern.match(text):
            return kind
    return None


def trailing_noise_kind(text: str) -> str | None:
    """What kind of noise *text* is when it follows the end of the report, or ``None``.

    >>> trailing_noise_kind("政策解读")
    'trailing link or column name'
    """
    kind = noise_kind(text)
    if kind is not None:
        return kind
    if len(text) <= 30 and TRAILING_NOISE.match(text):
        return "trailing link or column name"
    return None
