"""Statistics in words: the standard phrasing of these reports, for statistics generated from data."""

from __future__ import annotations

from ..model import Statistic, plain_text

__all__ = ["statistic_text"]


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
    text = f"{plain_text(statistic.lead)}共{statistic.subject}{statistic.total.text}"
    if statistic.parts:
        separator = "；" if any(part.share is not None for part in statistic.parts) else "，"
        text += "，其中：" + separator.join(
            part.label + part.quantity.text + (f"，占{part.share.text}" if part.share is not None else "")
            for part in statistic.parts
        )
    return text + "。"
