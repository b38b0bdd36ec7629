"""The report as data: frozen attrs classes, and the registry of their kinds.

This package imports nothing of govdisclose but the exceptions and the Chinese-locale helpers of :mod:`govdisclose.zh`;
everything else stands on it.
"""

from ._blocks import (
    Block,
    Breakdown,
    Cell,
    EnumeratedPoints,
    NumberedItems,
    Paragraph,
    Statistic,
    StatPart,
    Table,
    iter_quantities,
)
from ._inline import (
    Amount,
    Bound,
    Compound,
    Count,
    Inline,
    InlineQuantity,
    MoneyUnit,
    Qualifier,
    Scale,
    Share,
    plain_text,
)
from ._registry import KindRegistry, default_kinds
from ._report import (
    Agency,
    AgencyLevel,
    AgencyRole,
    Attachment,
    Edition,
    Introduction,
    Provenance,
    Publication,
    Report,
    Signature,
    Validity,
)
from ._sections import Part, Section

__all__ = [
    "Agency",
    "AgencyLevel",
    "AgencyRole",
    "Amount",
    "Attachment",
    "Block",
    "Bound",
    "Breakdown",
    "Cell",
    "Compound",
    "Count",
    "Edition",
    "EnumeratedPoints",
    "Inline",
    "InlineQuantity",
    "Introduction",
    "KindRegistry",
    "MoneyUnit",
    "NumberedItems",
    "Paragraph",
    "Part",
    "Provenance",
    "Publication",
    "Qualifier",
    "Report",
    "Scale",
    "Section",
    "Share",
    "Signature",
    "StatPart",
    "Statistic",
    "Table",
    "Validity",
    "default_kinds",
    "iter_quantities",
    "plain_text",
]
