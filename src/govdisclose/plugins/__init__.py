"""Plugins: a host bundling every registry a plugin adds to, and discovery through entry points.

A plugin is a ``register(host)`` function that a distribution names in the entry point group ``govdisclose.plugins``.
It registers section and block kinds, rules, renderers, per-format render functions, disclosure-category lists and
parts of reports on a :class:`PluginHost`; :func:`load_plugins` finds and runs them. See ``docs/extending.md`` and
``docs/plugins.md``.

This package stands on :mod:`~govdisclose.model`, :mod:`~govdisclose.checks`, :mod:`~govdisclose.render` and
:mod:`~govdisclose.templates`; only the command line stands on it.

>>> host = PluginHost.isolated()
>>> "section" in host.kinds.section_kinds(), host.plugins
(True, ())
"""

from ._host import RENDER_FORMATS, PluginHost, Registration, default_host, rendered_formats, use_host
from ._loading import ENTRY_POINT_GROUP, load_plugins
from ._plugin import LoadedPlugin

__all__ = [
    "ENTRY_POINT_GROUP",
    "RENDER_FORMATS",
    "LoadedPlugin",
    "PluginHost",
    "Registration",
    "default_host",
    "load_plugins",
    "rendered_formats",
    "use_host",
]
