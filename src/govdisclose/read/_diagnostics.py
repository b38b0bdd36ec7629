"""Diagnostics: what a reader recognised, skipped as page noise, was unsure about, or could not place.

Every diagnostic carries the position of the text it concerns (1-based line and column in the source, the HTML source
for :func:`~govdisclose.read.read_html`; for a PDF also the page, the line counted on that page) and a short excerpt of
that text, so a person can look it up.

>>> d = Diagnostic(kind=DiagnosticKind.NOISE, message="breadcrumb removed", line=1, column=1, text="当前位置：首页")
>>> str(d)
'noise 1:1 breadcrumb removed'
"""

from __future__ import annotations

import enum
from typing import NamedTuple

import attrs

__all__ = ["Diagnostic", "DiagnosticKind", "Notes", "Position"]

_EXCERPT = 40


class DiagnosticKind(str, enum.Enum):
    """What a diagnostic says about a piece of text."""

    RECOGNISED = "recognised"
    """The text was read into the model (a metadata field, a heading, a table …)."""
    NOISE = "noise"
    """The text is page furniture (breadcrumbs, share buttons, attachment file names …) and was removed."""
    UNCERTAIN = "uncertain"
    """The reader made a choice it is not sure of, or kept text as a paragraph rather than guess; look at it."""
    UNRECOGNISED = "unrecognised"
    """The reader could not place the text, or something a report needs is missing."""


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One observation of a reader, with the position of the text it concerns.

    Attributes:
        kind: Recognised, noise, uncertain or unrecognised.
        message: What happened, in one line.
        line: The 1-based line of the source the text starts on (0 when it concerns the whole source).
        column: The 1-based column (character) on that line.
        text: An excerpt of the text concerned (at most 40 characters, ``…`` marks a cut).
        page: The 1-based page of a paged source (a PDF), on which *line* is counted; 0 for text and HTML.

    >>> str(Diagnostic(kind=DiagnosticKind.UNCERTAIN, message="merged cell", line=12, column=1, page=3))
    'uncertain 第3页 12:1 merged cell'
    """

    kind: DiagnosticKind
    message: str
    line: int = 0
    column: int = 0
    text: str = ""
    page: int = 0

    def __str__(self) -> str:
        where = f"第{self.page}页 " if self.page else ""
        return f"{self.kind.value} {where}{self.line}:{self.column} {self.message}"


class Position(NamedTuple):
    """Where a piece of text starts in the source (a tuple: made for every line and cell).

    Attributes:
        line: The 1-based line (of the source; of its page in a paged source).
        column: The 1-based column (character) on that line.
        page: The 1-based page of a paged source (a PDF); 0 for text and HTML.
        box: The text's box on its page in points, ``(x0, top, x1, bottom)`` from the page's top left, when known.
    """

    line: int
    column: int
    page: int = 0
    box: tuple[float, float, float, float] | None = None


START = Position(0, 0)
"""The position of diagnostics about the whole source."""


def excerpt(text: str) -> str:
    """The text cut to a short excerpt for a diagnostic.

    >>> excerpt("一" * 50)[-3:]
    '一一…'
    """
    text = " ".join(text[: _EXCERPT * 2].split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


class Notes:
    """The diagnostics of one reading, in the order they were made (sorted by position at the end)."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(self, kind: DiagnosticKind, message: str, at: Position, text: str = "") -> None:
        """Record a diagnostic of *kind* at *at*."""
        self._items.append(
            Diagnostic(kind=kind, message=message, line=at.line, column=at.column, text=excerpt(text), page=at.page)
        )

    def recognised(self, message: str, at: Position, text: str = "") -> None:
        """Record that *text* was read into the model."""
        self.add(DiagnosticKind.RECOGNISED, message, at, text)

    def noise(self, message: str, at: Position, text: str = "") -> None:
        """Record that *text* was removed as page noise."""
        self.add(DiagnosticKind.NOISE, message, at, text)

    def uncertain(self, message: str, at: Position, text: str = "") -> None:
        """Record a choice the reader is not sure of."""
        self.add(DiagnosticKind.UNCERTAIN, message, at, text)

    def unrecognised(self, message: str, at: Position, text: str = "") -> None:
        """Record text the reader could not place, or something missing."""
        self.add(DiagnosticKind.UNRECOGNISED, message, at, text)

    def result(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic, sorted by position (stable: same-position diagnostics keep their order)."""
        return tuple(sorted(self._items, key=lambda d: (d.page, d.line, d.column)))
