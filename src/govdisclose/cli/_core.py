"""What every subcommand stands on: the table entry that names it, the session it runs in, the error that ends it.

A subcommand lives in its own module as one function, ``configure(parser) -> run``: it adds its options to its
:class:`argparse.ArgumentParser` and returns ``run(options, session) -> int``, which does the work and returns the exit
status. The module is imported only when its subcommand is the one being run.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import functools
import importlib
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ..checks import RuleCatalog
    from ..model import KindRegistry
    from ..plugins import PluginHost

__all__ = [
    "MESSAGE_LIMIT",
    "Command",
    "CommandError",
    "Configure",
    "HostHandle",
    "Interrupted",
    "Run",
    "Session",
    "bounded",
    "start_worker",
    "visible",
    "worker_start",
]


class CommandError(Exception):
    """Ends a command with one line on standard error and an exit status (1: the input is at fault, 2: the usage).

    Commands raise it for what is not a :class:`~govdisclose.GovDiscloseError` of a source (those are caught and
    reported by the command line itself).
    """

    def __init__(self, message: str, *, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: the run stops between two outputs (never in the middle of one)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MESSAGE_LIMIT = 2000
"""The most characters of one error message on standard error; the rest is counted, not printed."""


def visible(text: str) -> str:
    r"""*text* with control characters (terminal escape sequences among them) shown as escapes, not sent raw.

    >>> visible("红\x1b[2J色")
    '红\\x1b[2J色'
    """
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def bounded(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """*text* cut to *limit* characters, saying how many more there were.

    >>> bounded("x" * 30, 10)
    'xxxxxxxxxx… (20 more characters)'
    """
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text) - limit} more characters)"


class Session:
    """What a command gets besides its options: the registries of this run.

    The installed plugins are loaded on first use of :attr:`host` (never for the commands that need no registry), into
    a copy of the default registries, so that running the command line in a process leaves the defaults as they were.
    While the command runs (:meth:`active`), that host is the active one (:func:`~govdisclose.plugins.use_host`):
    every function given no registries — the readers, the checks, the renderers, blank reports — uses the plugins.
    """

    def __init__(self, *, plugins: bool = True) -> None:
        self.plugins = plugins
        self._host: PluginHost | None = None
        self._stack: contextlib.ExitStack | None = None

    @contextlib.contextmanager
    def active(self) -> Iterator[Session]:
        """The block a command runs in: the session's host, once loaded, is the active one until the block ends."""
        with contextlib.ExitStack() as stack:
            token = _CURRENT.set(self)
            stack.callback(_CURRENT.reset, token)
            self._stack = stack
            stack.callback(setattr, self, "_stack", None)
            if self._host is not None:
                self._activate(self._host)
            yield self

    def _activate(self, host: PluginHost) -> None:
        from ..plugins import default_host, use_host

        if self._stack is not None and host is not default_host():
            self._stack.enter_context(use_host(host))

    @property
    def loaded(self) -> bool:
        """Whether this session has loaded the installed plugins (so that its worker processes load them too)."""
        return self.plugins and self._host is not None

    @property
    def host(self) -> PluginHost:
        """The registries of this run: the defaults, or a copy of them with the installed plugins when there are any.

        The same as :meth:`load`.
        """
        return self.load()

    def load(self) -> PluginHost:
        """Load the plugins (once) and return :attr:`host`.

        A command that uses registries without naming them calls it (``read``: the reader reads the plugins' tables
        from the active host).

        Raises:
            CommandError: A plugin cannot be loaded (the message names it and says how to run without plugins).
        """
        if self._host is None:
            from .._errors import GovDiscloseError
            from ..plugins import default_host, load_plugins

            if not self.plugins:
                self._host = default_host()
            else:
                host = default_host().copy()
                try:
                    loaded = load_plugins(host)
                except GovDiscloseError as exc:
                    raise CommandError(f"{exc}; run with --no-plugins to skip plugins") from None
                except SystemExit as exc:  # a plugin that exits while it is imported must not end us silently
                    raise CommandError(
                        f"a plugin called sys.exit({exc.code!r}) while loading; run with --no-plugins to skip plugins"
                    ) from None
                self._host = host if loaded else default_host()
            self._activate(self._host)
        return self._host

    @property
    def kinds(self) -> KindRegistry:
        """The section and block kinds of this run (without plugins the defaults; the plugin code is not imported)."""
        if not self.plugins:
            from ..model import default_kinds

            return default_kinds
        return self.host.kinds

    @property
    def rules(self) -> RuleCatalog:
        """The check rules of this run (without plugins, the defaults)."""
        if not self.plugins:
            from ..checks import default_rules

            return default_rules
        return self.host.rules

    @property
    def handle(self) -> HostHandle:
        """The session's registries as a task carries them to worker processes (see :class:`HostHandle`)."""
        return HostHandle(self)


class HostHandle:
    """A session's registries as a task carries them.

    In this process the handle reads the session itself. Pickled into a worker process, it sends only whether plugins
    are loaded, and the worker builds the same registries once and keeps them for every later task: no task pays for
    loading plugins or for a new converter of its registry.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def kinds(self) -> KindRegistry:
        """The session's section and block kinds."""
        return self.session.kinds

    @property
    def host(self) -> PluginHost:
        """The session's registries, all of them."""
        return self.session.host

    def __reduce__(self) -> tuple[Callable[[bool], HostHandle], tuple[bool]]:
        return _worker_handle, (self.session.plugins,)


@functools.cache
def _worker_handle(plugins: bool) -> HostHandle:
    """The registries of a worker process, built on its first task."""
    return HostHandle(Session(plugins=plugins))


_CURRENT: contextvars.ContextVar[Session | None] = contextvars.ContextVar("govdisclose_cli_session", default=None)
_WORKER = contextlib.ExitStack()  # the activation of a worker process's host, for the rest of the process


def start_worker(plugins: bool) -> None:
    """A worker process's start (its pool's initializer): load the plugins if the parent did, and activate them.

    The host stays active for the rest of the process, in the thread that runs the tasks, and the tasks' handles
    (:class:`HostHandle`) are that same session: the worker loads the plugins once.
    """
    if plugins:
        session = _worker_handle(True).session
        host = session.host
        from ..plugins import default_host, use_host

        if host is not default_host():
            _WORKER.enter_context(use_host(host))


def worker_start() -> tuple[Callable[[bool], None], tuple[bool]]:
    """The initializer of the running command's worker processes and its arguments (see :func:`start_worker`)."""
    session = _CURRENT.get()
    return start_worker, (session is not None and session.loaded,)


Run = Callable[[argparse.Namespace, Session], int]
"""A subcommand's work: its parsed options and the session in, the exit status out."""

Configure = Callable[[argparse.ArgumentParser], Run]
"""A subcommand's entry: adds its options to its parser and returns its :data:`Run`."""


@attrs.frozen
class Command:
    """One line of the command table: a subcommand's name, its one-line help, and where its ``configure`` lives.

    Attributes:
        name: What the user types (``check``).
        help: The line ``govdisclose --help`` shows for it.
        target: ``module:function`` of its :data:`Configure`, imported only when the subcommand runs.
    """

    name: str
    help: str
    target: str

    def load(self) -> Configure:
        """Import the subcommand's module and return its ``configure``."""
        module, _, function = self.target.partition(":")
        configure: Configure = getattr(importlib.import_module(module), function)
        return configure
