"""Rules and the catalog that holds them; per-call selections with disabled rules and re-graded severities.

A :class:`Rule` has a stable ID (``area.name``), a Chinese title, an English description, a default severity, a scope
and a check function. A :class:`RuleCatalog` holds rules by ID and remembers where each came from; the package's rules
are in :data:`~govdisclose.checks.default_rules`, and third parties register theirs there or in a copy. A caller picks
rules and severities for one check with :meth:`RuleCatalog.configure`, which returns an immutable :class:`RuleSet`.

>>> catalog = RuleCatalog()
>>> def nothing(ctx):
...     return ()
>>> rule = catalog.register(Rule(id="local.nothing", title="无", description="Finds nothing.", severity="info",
...                              scope="report", check=nothing), source="my-plugin")
>>> catalog.source("local.nothing"), len(catalog.configure(disable={"local.nothing"}))
('my-plugin', 0)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import DuplicateRuleError, RegistryError
from .._registry import Registry
from ._findings import Finding, Severity
from ._scope import AgencyScope

if TYPE_CHECKING:
    from ._context import CheckContext

__all__ = ["CheckFunction", "Rule", "RuleCatalog", "RuleSet"]

CheckFunction = Callable[["CheckContext"], Iterable[Finding]]
"""A rule's check: takes a :class:`~govdisclose.checks.CheckContext`, yields findings made with its ``finding``."""

_ID = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+\Z")


def _rule_id(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise RegistryError(
            f"rule ID {value!r} must be dotted lowercase words such as 'breakdown.sum'",
            tag=value if isinstance(value, str) else None,
        )


def _not_blank(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise RegistryError(f"rule {getattr(instance, 'id', '?')!r}: {attribute.name!r} must not be blank")


@attrs.frozen(kw_only=True)
class Rule:
    """A consistency rule.

    Attributes:
        id: Stable ID, dotted lowercase words (``applications.balance``), used in explanations, configuration, output.
        title: Chinese title (``申请情况表收支平衡``).
        description: What the rule checks, in English.
        severity: Default severity (``error``, ``warning`` or ``info``).
        scope: Where it looks, in words (``table 三, per value column``; ``paragraph``; ``report``; ``across years``).
        check: The function that yields the rule's findings.
        needs_previous: Whether the rule compares with last year's report (it is skipped without one).
        agencies: The organs the rule applies to (``None``: every organ); a profile's scope for the rule wins. A report
            of an organ outside it is not checked by the rule (skipped; the coverage says why).
    """

    id: str = attrs.field(validator=_rule_id)
    title: str = attrs.field(validator=_not_blank)
    description: str = attrs.field(validator=_not_blank)
    severity: Severity = attrs.field(converter=Severity)
    scope: str = attrs.field(validator=_not_blank)
    check: CheckFunction = attrs.field(eq=False, repr=False)
    needs_previous: bool = False
    agencies: AgencyScope | None = None


def _severities(rules: Iterable[Rule], severity: Mapping[str, Severity | str]) -> dict[str, Severity]:
    known = {rule.id for rule in rules}
    result: dict[str, Severity] = {}
    for rule_id, level in severity.items():
        if rule_id not in known:
            raise _unknown(rule_id, known)
        try:
            result[rule_id] = Severity(level)
        except ValueError:
            raise RegistryError(
                f"rule {rule_id!r}: unknown severity {level!r}; use error, warning or info", tag=rule_id
            ) from None
    return result


def _unknown(rule_id: str, known: Iterable[str]) -> RegistryError:
    return RegistryError(f"unknown rule ID {rule_id!r}; known rule IDs: {', '.join(sorted(known))}", tag=rule_id)


@attrs.frozen
class RuleSet:
    """An immutable selection of rules, each with the severity it has in a check.

    Made by :meth:`RuleCatalog.configure`; can be refined again with :meth:`configure`.

    Attributes:
        entries: ``(rule, severity)`` pairs in catalog order.
    """

    entries: tuple[tuple[Rule, Severity], ...]

    def __iter__(self) -> Iterator[tuple[Rule, Severity]]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, rule_id: object) -> bool:
        return any(rule.id == rule_id for rule, _ in self.entries)

    @property
    def ids(self) -> tuple[str, ...]:
        """The IDs of the selected rules, in catalog order."""
        return tuple(rule.id for rule, _ in self.entries)

    def severity(self, rule_id: str) -> Severity:
        """The severity *rule_id* has in this selection.

        Raises:
            RegistryError: The rule is not selected.
        """
        for rule, severity in self.entries:
            if rule.id == rule_id:
                return severity
        raise _unknown(rule_id, self.ids)

    def configure(
        self,
        *,
        disable: Iterable[str] = (),
        only: Iterable[str] | None = None,
        severity: Mapping[str, Severity | str] | None = None,
    ) -> RuleSet:
        """A narrower or re-graded selection; the arguments are those of :meth:`RuleCatalog.configure`."""
        return _configure(self.entries, disable=disable, only=only, severity=severity)


def _configure(
    entries: tuple[tuple[Rule, Severity], ...],
    *,
    disable: Iterable[str],
    only: Iterable[str] | None,
    severity: Mapping[str, Severity | str] | None,
) -> RuleSet:
    rules = [rule for rule, _ in entries]
    known = {rule.id for rule in rules}
    disabled = set(disable)
    chosen = known if only is None else set(only)
    for rule_id in sorted(disabled | chosen):
        if rule_id not in known:
            raise _unknown(rule_id, known)
    levels = _severities(rules, severity or {})
    return RuleSet(
        tuple(
            (rule, levels.get(rule.id, level))
            for rule, level in entries
            if rule.id in chosen and rule.id not in disabled
        )
    )


@attrs.define(eq=False)
class RuleCatalog(Registry[str, Rule]):
    """Rules by ID, with where each came from (``"core"`` or a plugin's name), in registration order.

    A :class:`~govdisclose.Registry` of :class:`Rule` values.
    """

    error = DuplicateRuleError
    accepts = Rule
    key_attribute = "id"

    name: str = "rules"
    what: str = "rule"
    category: str = "rule"

    def describe(self, value: Rule) -> str:
        return f"{value.severity.value} {value.title}"

    def unknown(self, key: object) -> RegistryError:
        return _unknown(str(key), self.keys())

    @property
    def ids(self) -> tuple[str, ...]:
        """The rule IDs in registration order."""
        return self.keys()

    def configure(
        self,
        *,
        disable: Iterable[str] = (),
        only: Iterable[str] | None = None,
        severity: Mapping[str, Severity | str] | None = None,
    ) -> RuleSet:
        """The rules for one check: all of them at their default severities, unless told otherwise.

        Args:
            disable: IDs of rules not to run.
            only: IDs of the only rules to run (``None``: every rule).
            severity: New severities by rule ID (``{"table.incomplete": "info"}``).

        Raises:
            RegistryError: An ID is not in the catalog, or a severity is not ``error``, ``warning`` or ``info``.
        """
        return _configure(tuple((rule, rule.severity) for rule in self), disable=disable, only=only, severity=severity)
