"""The plugin's part: where it goes, whom it binds, what a blank report holds for it."""

from __future__ import annotations

from govdisclose.checks import AgencyScope
from govdisclose.model import Block, Part, PartDef

from ._definition import BASIS, HEADING, REGION
from ._model import ProposalsSection, ProposalsTable

__all__ = ["PROPOSALS_PART"]


def _blank() -> tuple[Block, ...]:
    """A blank part: the proposals table with ``0`` in every cell."""
    table: ProposalsTable = ProposalsTable.zeros()
    return (table,)


PROPOSALS_PART = PartDef(
    id="example.npc-proposals",
    heading=HEADING,
    basis=BASIS,
    after=Part.OTHER,
    keywords=("人大代表建议", "政协提案", "建议提案", "建议和提案"),
    scope=AgencyScope(region=REGION).matches,
    section=ProposalsSection,
    template=_blank,
)
"""The part 人大代表建议和政协提案办理结果公开情况: after 其他需要报告的事项, in the reports of the 2019 and 2021
formats of every organ of 示例省, with the proposals table."""
