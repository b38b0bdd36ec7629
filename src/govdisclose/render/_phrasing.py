"""Statistics in words: the standard phrasing of these reports, for statistics generated from data."""

from __future__ import annotations

from ..model import Inline, Statistic, plain_text

__all__ = ["statistic_content", "statistic_text"]


def statistic_content(statistic: Statistic) -> tuple[Inline, ...]:
    """The statistic in the standard phrasing, as inline pieces: words as strings, the figures still typed.

    Renderers that mark figures up (HTML) use this; :func:`statistic_text` joins it.

    >>> from govdisclose.model import Count
    >>> pieces = statistic_content(Statistic(subject="收到申请", total=Count(value=3, unit="件")))
    >>> [piece if isinstance(piece, str) else type(piece).__name__ for piece in pieces]
    ['共收到申请', 'Count', '。']
    """
    pieces: list[Inline] = [*statistic.lead, f"共{statistic.subject}", statistic.total]
    if statistic.parts:
        separator = "；" if any(part.share is not None for part in statistic.parts) else "，"
        pieces.append("，其中：")
        for index, part in enumerate(statistic.parts):
            if index:
                pieces.append(separator)
            pieces.extend((part.label, part.quantity))
            if part.share is not None:
                pieces.extend(("，占", part.share))
    pieces.append("。")
    return tuple(pieces)


def statistic_text(statistic: Statistic) -> str:
    """Write a statistic the way reports phrase it: ``共制作政府信息15条，其中：主动公开15条，占100%。``.

    Parts are separated by ``，``, or by ``；`` when any part carries a share (whose own ``，占`` would otherwise blur
    the parts together).

    >>> from decimal import Decimal
    >>> from govdisclose.model import Count, Share, StatPart
    >>> part = StatPart(label="主动公开", quantity=Count(value=15, unit="条"), share=Share(value=Decimal(100)))
    >>> s = Statistic(subject="制作政府信息", total=Count(value=15, unit="条"), parts=(part,))
    >>> statistic_text(s)
    '共制作政府信息15条，其中：主动公开15条，占100%。'
    >>> statistic_text(Statistic(subject="收到申请", total=Count(value=0, unit="件")))
    '共收到申请0件。'
    """
    return plain_text(statistic_content(statistic))
