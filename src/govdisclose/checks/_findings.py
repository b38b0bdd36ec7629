"""Findings: what a rule says about a report, with the numbers and the document paths involved.

>>> from decimal import Decimal
>>> f = Finding(
...     rule="breakdown.sum",
...     severity=Severity.ERROR,
...     message="分项之和为17条，与总数15条不符（差2条）",
...     paths=("$.sections[1].blocks[0].content[1]",),
...     expected=Decimal(17),
...     actual=Decimal(15),
...     difference=Decimal(-2),
... )
>>> f.explained, f.to_data()["difference"]
(False, '-2')
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import Any

import attrs

from ..model import Bound

__all__ = ["Finding", "Operand", "Severity", "SourcePosition", "Value"]

Value = Decimal | datetime.date
"""An operand or result value: an exact number, or a date (deadlines)."""


class Severity(str, enum.Enum):
    """How serious a finding is.

    >>> Severity("warning") > Severity.INFO
    True
    """

    ERROR = "error"
    """Certainly wrong: the published numbers contradict each other or the rules."""
    WARNING = "warning"
    """Probably wrong, or a departure from the format that a reader should look at."""
    INFO = "info"
    """Worth knowing; not a fault in itself."""

    @property
    def rank(self) -> int:
        """2 for an error, 1 for a warning, 0 for an info."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


def _value_data(value: Value | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return value.isoformat()


@attrs.frozen(kw_only=True)
class SourcePosition:
    """Where a value a finding names stands in the published source: page and line (of a PDF page, or of the file).

    Attributes:
        path: The document path of the value (one of the finding's paths).
        line: The 1-based line (of its page in a paged source).
        column: The 1-based column on that line (0 when not known).
        page: The 1-based page of a paged source; 0 for text and HTML.

    >>> str(SourcePosition(path="$.sections[3]", line=12, column=1, page=3)), str(SourcePosition(path="$", line=7))
    ('第3页 第12行', '第7行')
    """

    path: str
    line: int
    column: int = 0
    page: int = 0

    def __str__(self) -> str:
        return f"第{self.page}页 第{self.line}行" if self.page else f"第{self.line}行"

    def to_data(self) -> dict[str, Any]:
        """The position as JSON-ready data."""
        return {"path": self.path, "page": self.page, "line": self.line, "column": self.column}


@attrs.frozen(kw_only=True)
class Operand:
    """One published figure a finding rests on.

    Attributes:
        path: Its document path.
        text: The figure as printed (``1100余``, ``/``; ``""`` for a blank or unknown cell).
        value: Its number (or date), ``None`` when it has none (a marker, an unknown cell).
        label: What it is (a row or column label, a quantity's label), when known.
        previous: Whether the path is in the *previous* year's report rather than the checked one.
    """

    path: str
    text: str
    value: Value | None = None
    label: str | None = None
    previous: bool = False

    def to_data(self) -> dict[str, Any]:
        """The operand as JSON-ready data (numbers as exact decimal strings, dates in ISO form)."""
        data: dict[str, Any] = {"path": self.path, "text": self.text, "value": _value_data(self.value)}
        if self.label is not None:
            data["label"] = self.label
        if self.previous:
            data["report"] = "previous"
        return data


@attrs.frozen(kw_only=True)
class Finding:
    """What one rule found at one place in a report.

    Attributes:
        rule: The rule's ID (``breakdown.sum``).
        severity: Its severity in this check (the rule's default or as re-graded by the caller).
        message: A Chinese sentence with the numbers: ``按类型分项之和为17条（1+5+2+9），与总数15条不符（差2条）``.
        paths: The document paths of every cell or quantity involved (of the checked report), most telling first.
        operands: The published figures involved, each with its path and value.
        expected: What the rule derives from the other operands (a sum, a computed share, a deadline).
        actual: The published figure under check (a total, a printed share, a publication date).
        difference: ``actual - expected``: the smallest difference that is certain (in days for dates).
        expected_bound: How ``expected`` is bounded: ``LOWER`` when approximate or unknown operands only let the rule
            say "at least", ``UPPER`` for "at most", ``EXACT`` otherwise.
        explained_by: The text of the report's :class:`~govdisclose.model.Explanation` that covers the finding, if any.
        assessed: ``False`` for a *not assessable* finding: the rule could not assess a relation or a part (a blank
            total, a part the reader did not read) and says so, always as an info naming the cells.
        positions: Where the values it names stand in the published source (page, line), when the caller gave the
            reader's positions (``check(..., positions=…)`` or a reader's result that has them); one per path that
            has a position, in the order of the paths.
    """

    rule: str
    severity: Severity = attrs.field(converter=Severity)
    message: str
    paths: tuple[str, ...] = ()
    operands: tuple[Operand, ...] = ()
    expected: Value | None = None
    actual: Value | None = None
    difference: Decimal | None = None
    expected_bound: Bound = Bound.EXACT
    explained_by: str | None = None
    assessed: bool = True
    positions: tuple[SourcePosition, ...] = ()

    @property
    def explained(self) -> bool:
        """Whether an explanation in the report covers the finding."""
        return self.explained_by is not None

    @property
    def path(self) -> str | None:
        """The first (most telling) path, or ``None``."""
        return self.paths[0] if self.paths else None

    def to_data(self) -> dict[str, Any]:
        """The finding as JSON-ready data; the layout is described in ``docs/checks.md`` (format version 1).

        ``positions`` is there only when the finding has positions (added to version 1 compatibly).
        """
        data = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "paths": list(self.paths),
            "operands": [operand.to_data() for operand in self.operands],
            "expected": _value_data(self.expected),
            "expected_bound": self.expected_bound.value,
            "actual": _value_data(self.actual),
            "difference": _value_data(self.difference),
            "explained_by": self.explained_by,
            "assessed": self.assessed,
        }
        if self.positions:
            data["positions"] = [position.to_data() for position in self.positions]
        return data
