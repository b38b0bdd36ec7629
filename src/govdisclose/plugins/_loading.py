"""Discovering plugins through entry points and loading them into a host.

A plugin distribution declares an entry point in the group ``govdisclose.plugins`` whose value is its
``register(host)`` function (or a module with one)::

    [project.entry-points."govdisclose.plugins"]
    npc-proposals = "govdisclose_example_plugin:register"

Nothing is loaded on ``import govdisclose``: a program calls :func:`load_plugins` (the command line does, unless given
``--no-plugins``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._errors import PluginError
from . import _entry_points
from ._entry_points import EntryPoint
from ._host import PluginHost, default_host
from ._plugin import LoadedPlugin

__all__ = ["ENTRY_POINT_GROUP", "load_plugins"]

ENTRY_POINT_GROUP = "govdisclose.plugins"
"""The entry point group plugins are discovered in."""


def _register_of(entry_point: EntryPoint, where: str) -> Callable[[PluginHost], object]:
    """The ``register`` an entry point names: the object itself, or a module's ``register``."""
    try:
        loaded: Any = entry_point.load()
    except Exception as exc:
        raise PluginError(
            f"{where}: cannot import {entry_point.value!r}: {type(exc).__name__}: {exc}", source=entry_point.name
        ) from exc
    if not callable(loaded):
        loaded = getattr(loaded, "register", None)
    if not callable(loaded):
        raise PluginError(
            f"{where}: {entry_point.value!r} is not a register(host) function, nor a module with one",
            source=entry_point.name,
        )
    register: Callable[[PluginHost], object] = loaded
    return register


def load_plugins(host: PluginHost | None = None, *, group: str = ENTRY_POINT_GROUP) -> tuple[LoadedPlugin, ...]:
    """Load every plugin of the entry point *group* into *host* (by default :func:`default_host`), by name order.

    A plugin already loaded into the host is not loaded again, so calling this twice is harmless.

    Args:
        host: Where the plugins register; the default registries of the package when not given.
        group: The entry point group.

    Returns:
        The plugins of the group, loaded now or before.

    Raises:
        PluginError: A plugin cannot be imported, names no ``register`` function, or its ``register`` raised.
        RegistryError: A plugin registers something the host refuses (:class:`~govdisclose.DuplicateKindError`,
            :class:`~govdisclose.InvalidKindError`, :class:`~govdisclose.DuplicateRuleError` …). Every message names
            the plugin and its distribution.
    """
    target = default_host() if host is None else host
    # Found without importing importlib.metadata (see plugins._entry_points): a tenth of the CLI's start-up.
    found = sorted(_entry_points.entry_points(group=group), key=lambda entry_point: entry_point.name)
    plugins: list[LoadedPlugin] = []
    for entry_point in found:
        distribution, version = entry_point.distribution, entry_point.version
        named = LoadedPlugin(name=entry_point.name, value=entry_point.value, distribution=distribution, version=version)
        where = f"plugin {entry_point.name!r} ({named.origin})"
        register = _register_of(entry_point, where)
        plugins.append(
            target.load(entry_point.name, register, value=entry_point.value, distribution=distribution, version=version)
        )
    return tuple(plugins)
