"""An example govdisclose plugin: the part 人大代表建议和政协提案办理结果公开情况, its table and its rule.

The part is mandatory for the organs of a made-up province, 示例省: their blank reports have it (with a zero table),
the reader reads its table by its labels, and the check ``part.missing`` asks for it.

The distribution names :func:`register` in the entry point group ``govdisclose.plugins``; govdisclose calls it with a
:class:`~govdisclose.plugins.PluginHost` when it loads plugins.

>>> from govdisclose.plugins import PluginHost
>>> host = PluginHost.isolated()
>>> _ = host.load("npc-proposals", register)
>>> host.kinds.section_class("example.npc-proposals") is ProposalsSection, "example.proposals-total" in host.rules
(True, True)
>>> host.parts.get("example.npc-proposals").heading
'人大代表建议和政协提案办理结果公开情况'
"""

from __future__ import annotations

from govdisclose.plugins import PluginHost

from ._definition import BASIS, HEADING, PROPOSALS, REGION
from ._model import ProposalsSection, ProposalsTable
from ._part import PROPOSALS_PART
from ._render import proposals_html
from ._rules import PROPOSALS_TOTAL

__all__ = [
    "BASIS",
    "HEADING",
    "PROPOSALS",
    "PROPOSALS_PART",
    "PROPOSALS_TOTAL",
    "REGION",
    "ProposalsSection",
    "ProposalsTable",
    "proposals_html",
    "register",
]


def register(host: PluginHost) -> None:
    """Register the plugin's kinds, part, rule and HTML function on *host*."""
    host.section(ProposalsSection)
    host.block(ProposalsTable)
    host.part(PROPOSALS_PART)
    host.rule(PROPOSALS_TOTAL)
    host.render_function("html", ProposalsSection, proposals_html)
