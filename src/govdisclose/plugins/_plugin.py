"""What a host records of a plugin it has loaded."""

from __future__ import annotations

import attrs

__all__ = ["LoadedPlugin"]


@attrs.frozen(kw_only=True)
class LoadedPlugin:
    """A plugin a host has loaded.

    Attributes:
        name: The plugin's name: its entry point's name (``npc-proposals``), the ``source`` of what it registered.
        value: What was loaded: the entry point's value (``govdisclose_example_plugin:register``).
        distribution: The distribution that provides it (``govdisclose-example-plugin``), if known.
        version: That distribution's version, if known.
    """

    name: str
    value: str
    distribution: str | None = None
    version: str | None = None

    @property
    def origin(self) -> str:
        """Where the plugin comes from, in words: ``govdisclose-example-plugin 0.1.0`` or the value loaded.

        >>> LoadedPlugin(name="x", value="x_plugin:register").origin
        'x_plugin:register'
        """
        if self.distribution is None:
            return self.value
        return f"{self.distribution} {self.version}" if self.version else self.distribution
