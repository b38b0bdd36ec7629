"""The plugin's own render function: the HTML of its section, with a class and the publication channel."""

from __future__ import annotations

import html

from govdisclose.model import Section
from govdisclose.render import RenderContext

from ._model import ProposalsSection

__all__ = ["proposals_html"]


def proposals_html(section: ProposalsSection, ordinal: str, context: RenderContext) -> str:
    """The section as the core renderer draws it, marked ``gd-npc-proposals`` and with ``data-channel``."""
    core: str = context.renderer.sections[Section](section, ordinal, context)
    extra = ' class="gd-section gd-npc-proposals"'
    if section.channel is not None:
        extra += f' data-channel="{html.escape(section.channel, quote=True)}"'
    return core.replace(' class="gd-section"', extra, 1)
