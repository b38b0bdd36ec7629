"""The plugin's section and table kinds."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from govdisclose import ModelError
from govdisclose.model import OfficialTable, Section, TableDef

from ._definition import PROPOSALS

__all__ = ["ProposalsSection", "ProposalsTable"]


def _not_blank(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ModelError(f"{attribute.name!r} must not be blank", field=attribute.name, value=value)


@attrs.frozen(kw_only=True)
class ProposalsTable(OfficialTable):
    """人大代表建议和政协提案办理情况: cells as published, keyed by the row and column ids of :data:`PROPOSALS`.

    >>> ProposalsTable.from_values({"npc": [45, 45, 40]}).get("npc", "published").text
    '40'
    """

    KIND: ClassVar[str] = "example.proposals-table"
    DEFINITION: ClassVar[TableDef] = PROPOSALS


@attrs.frozen(kw_only=True)
class ProposalsSection(Section):
    """The part 人大代表建议和政协提案办理结果公开情况 of a provincial report.

    Attributes:
        channel: Where the replies to proposals are published (``门户网站“建议提案办理”专栏``), if the report says.
        all_on_time: Whether the report says every proposal was handled within the time limit (``均已按期办结``).
    """

    KIND: ClassVar[str] = "example.npc-proposals"

    channel: str | None = attrs.field(default=None, validator=_not_blank)
    all_on_time: bool | None = None
