"""An example govdisclose plugin: the part 人大代表建议和政协提案办理结果公开情况, its table and its rule.

The distribution names :func:`register` in the entry point group ``govdisclose.plugins``; govdisclose calls it with a
:class:`~govdisclose.plugins.PluginHost` when it loads plugins.

>>> from govdisclose.plugins import PluginHost
>>> host = PluginHost.isolated()
>>> _ = host.load("npc-proposals", register)
>>> host.kinds.section_class("example.npc-proposals") is ProposalsSection, "example.proposals-total" in host.rules
(True, True)
"""

from __future__ import annotations

from govdisclose.plugins import PluginHost

from ._definition import HEADING, PROPOSALS
from ._model import ProposalsSection, ProposalsTable
from ._render import proposals_html
from ._rules import PROPOSALS_TOTAL

__all__ = [
    "HEADING",
    "PROPOSALS",
    "PROPOSALS_TOTAL",
    "ProposalsSection",
    "ProposalsTable",
    "proposals_html",
    "register",
]


def register(host: PluginHost) -> None:
    """Register the plugin's kinds, rule and HTML function on *host*."""
    host.section(ProposalsSection)
    host.block(ProposalsTable)
    host.rule(PROPOSALS_TOTAL)
    host.render_function("html", ProposalsSection, proposals_html)
