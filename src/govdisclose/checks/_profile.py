"""Profiles: the rules, severities, blank policy, parameters and agency scopes of one reviewer or region.

A city that wants its departments to publish by 1月28日, an evaluator that counts a blank as "not filled in", a plugin
rule that only applies to the townships of one county: each is a :class:`Profile`, written in Python or as a TOML file,
and passed as ``check(report, profile=…)``.

.. code-block:: toml

    name = "某市政务公开考核口径"
    blanks = "strict"
    disable = ["share.rounding"]

    [severity]
    "publication.deadline" = "error"

    [parameters."publication.deadline"]
    department = "01-28"

    [scope."local.township-rule"]
    region = "平潭"
    level = "乡镇街道"

A rule's parameters are declared in :data:`PARAMETERS` (rule ID → name → :class:`Parameter`); a profile that sets an
unknown parameter, or one of the wrong kind, is refused with a :class:`~govdisclose.DocumentError` naming it.

>>> profile = Profile.from_data({"name": "考核", "parameters": {"publication.deadline": {"department": "1-28"}}})
>>> profile.name, profile.parameter("publication.deadline", "department")
('考核', '01-28')
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs

from .._errors import DocumentError
from ..model import AgencyLevel, AgencyRole, PartDef
from ._catalog import RuleSet
from ._coverage import BlankPolicy
from ._findings import Severity
from ._scope import AgencyScope

__all__ = ["PARAMETERS", "AgencyScope", "Parameter", "Profile", "declare_parameter", "load_profile"]

ParameterKind = Literal["month-day", "number"]
_MONTH_DAY = re.compile(r"(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])\Z")


@attrs.frozen(kw_only=True)
class Parameter:
    """A setting of a rule that a profile may change.

    Attributes:
        kind: ``month-day`` (``"01-28"``: a day of the year after the report year) or ``number``.
        default: The value the rule uses when no profile sets it (``None``: the rule's own, from the regulation).
        description: What it sets, in English.
    """

    kind: ParameterKind
    default: str | Decimal | None
    description: str

    def parse(self, value: object, where: str) -> str | Decimal:
        """*value* as this parameter's kind; refused with a DocumentError naming *where*."""
        if self.kind == "month-day":
            if isinstance(value, str) and _MONTH_DAY.match(value.strip()):
                month, day = (int(part) for part in value.strip().split("-"))
                return f"{month:02d}-{day:02d}"
            raise DocumentError([f"expected a day as 'MM-DD' such as '01-28', got {value!r} @ {where}"], path=where)
        if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
            raise DocumentError([f"expected a number, got {value!r} @ {where}"], path=where)
        try:
            number = Decimal(str(value))
        except ArithmeticError:
            raise DocumentError([f"expected a number, got {value!r} @ {where}"], path=where) from None
        if not number.is_finite() or number < 0:
            raise DocumentError([f"expected a number not below 0, got {value!r} @ {where}"], path=where)
        return number


PARAMETERS: dict[str, dict[str, Parameter]] = {
    "publication.deadline": {
        "department": Parameter(
            kind="month-day",
            default=None,
            description="Last publication day of a department's report in the year after (regulation: 01-31).",
        ),
        "government": Parameter(
            kind="month-day",
            default=None,
            description="Last publication day of a government's report in the year after (regulation: 03-31).",
        ),
    },
    "share.value": {
        "tolerance": Parameter(
            kind="number",
            default=Decimal(1),
            description="How many units of a share's last printed digit it may be off before it is wrong.",
        ),
    },
    "copied.text": {
        "threshold": Parameter(
            kind="number",
            default=Decimal(50),
            description=(
                "The share of this year's text (percent of its characters) found in last year's report from which "
                "the report counts as copied (a city assessment rulebook's figure: 50)."
            ),
        ),
    },
    "share.rounding": {
        "tolerance": Parameter(
            kind="number",
            default=Decimal(1),
            description="Up to how many units of the last printed digit an error counts as a rounding slip.",
        ),
    },
}
"""The declared parameters of the rules: rule ID → parameter name → :class:`Parameter`."""


def declare_parameter(rule_id: str, name: str, parameter: Parameter) -> None:
    """Declare a parameter of a rule (a plugin's own rule, say), so profiles may set it."""
    PARAMETERS.setdefault(rule_id, {})[name] = parameter


@attrs.frozen(kw_only=True)
class Profile:
    """A reviewer's or region's choice of rules, severities, blank policy, parameters and agency scopes.

    Attributes:
        name: What the profile is (``某市政务公开考核口径``).
        only: The only rules to run (``None``: all).
        disable: Rules not to run.
        severity: New severities by rule ID, as ``(rule, severity)`` pairs.
        blanks: The blank policy (``None``: the caller's, by default lenient).
        parameters: ``(rule, name, value)`` triples.
        scopes: ``(rule, scope)`` pairs: a rule with a scope runs only for the organs in it.
        parts: The added parts (:class:`~govdisclose.model.PartDef`) ``part.missing`` asks for where they apply;
            ``None``: those of the default host (:data:`~govdisclose.model.default_parts`).
    """

    name: str = "profile"
    only: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    blanks: BlankPolicy | None = None
    parameters: tuple[tuple[str, str, str | Decimal], ...] = ()
    scopes: tuple[tuple[str, AgencyScope], ...] = ()
    parts: tuple[PartDef, ...] | None = None

    def parameter(self, rule_id: str, name: str) -> str | Decimal | None:
        """The value the profile sets for a rule's parameter, else its declared default."""
        for rule, key, value in self.parameters:
            if rule == rule_id and key == name:
                return value
        declared = PARAMETERS.get(rule_id, {}).get(name)
        return declared.default if declared is not None else None

    def scope(self, rule_id: str) -> AgencyScope | None:
        """The agency scope of a rule, if the profile gives one."""
        return next((scope for rule, scope in self.scopes if rule == rule_id), None)

    def select(self, rules: RuleSet) -> RuleSet:
        """*rules* narrowed and re-graded as the profile says (unknown rule IDs raise RegistryError)."""
        known = set(rules.ids)
        for rule_id, _, _ in self.parameters:
            if rule_id not in known:
                rules.severity(rule_id)  # raises the RegistryError naming the known IDs
        return rules.configure(only=self.only, disable=self.disable, severity=dict(self.severity))

    @classmethod
    def from_data(cls, data: Mapping[str, Any], *, source: str = "profile") -> Profile:
        """A profile from the data of a TOML file (the layout of this module's example).

        Raises:
            DocumentError: A member is unknown or of the wrong type, a parameter is not declared or not of its
                kind, a severity or blank policy is not one of the known ones (the path names it).
        """
        known = {"name", "only", "disable", "severity", "blanks", "parameters", "scope"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise DocumentError(
                [
                    f"unknown member {key!r}; known members: {', '.join(sorted(known))} @ {source}.{key}"
                    for key in unknown
                ]
            )
        name = data.get("name", Path(source).stem)
        only = data.get("only")
        return cls(
            name=_text(name, f"{source}.name"),
            only=None if only is None else _names(only, f"{source}.only"),
            disable=_names(data.get("disable", ()), f"{source}.disable"),
            severity=tuple(
                (rule, _severity(level, f"{source}.severity.{rule}"))
                for rule, level in _table(data.get("severity", {}), f"{source}.severity").items()
            ),
            blanks=None if "blanks" not in data else _blanks(data["blanks"], f"{source}.blanks"),
            parameters=tuple(_parameters(_table(data.get("parameters", {}), f"{source}.parameters"), source)),
            scopes=tuple(_scopes(_table(data.get("scope", {}), f"{source}.scope"), source)),
        )

    @classmethod
    def from_toml(cls, text: str, *, source: str = "profile") -> Profile:
        """A profile from TOML text."""
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised on Python 3.10 only
            import tomli as tomllib
        try:
            data = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as exc:
            raise DocumentError([f"not valid TOML: {' '.join(str(exc).split())} @ {source}"], path=source) from None
        return cls.from_data(data, source=source)


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """The profile in the TOML file at *path*.

    Raises:
        DocumentError: The file is not a valid profile (the message names the member).
        OSError: The file cannot be read.
    """
    file = Path(path)
    return Profile.from_toml(file.read_text(encoding="utf-8"), source=file.name)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DocumentError([f"expected a non-empty string, got {value!r} @ {where}"], path=where)
    return value


def _names(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        raise DocumentError([f"expected a list of rule IDs, got {value!r} @ {where}"], path=where)
    return tuple(_text(item, f"{where}[{i}]") for i, item in enumerate(value))


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DocumentError([f"expected a table, got {value!r} @ {where}"], path=where)
    return value


def _severity(value: object, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise DocumentError([f"unknown severity {value!r}; use error, warning or info @ {where}"], path=where) from None


def _blanks(value: object, where: str) -> BlankPolicy:
    try:
        return BlankPolicy(value)
    except ValueError:
        raise DocumentError([f"unknown blank policy {value!r}; use lenient or strict @ {where}"], path=where) from None


def _parameters(data: dict[str, Any], source: str) -> Iterable[tuple[str, str, str | Decimal]]:
    for rule_id, values in data.items():
        declared = PARAMETERS.get(rule_id, {})
        for name, value in _table(values, f"{source}.parameters.{rule_id}").items():
            where = f"{source}.parameters.{rule_id}.{name}"
            if name not in declared:
                names = ", ".join(sorted(declared)) or "none"
                raise DocumentError([f"rule {rule_id!r} has no parameter {name!r}; its parameters: {names} @ {where}"])
            yield rule_id, name, declared[name].parse(value, where)


def _scopes(data: dict[str, Any], source: str) -> Iterable[tuple[str, AgencyScope]]:
    for rule_id, values in data.items():
        where = f"{source}.scope.{rule_id}"
        table = _table(values, where)
        unknown = sorted(set(table) - {"region", "level", "role"})
        if unknown:
            raise DocumentError([f"unknown scope member {unknown[0]!r}; use region, level, role @ {where}"])
        try:
            level = AgencyLevel(table["level"]) if "level" in table else None
            role = AgencyRole(table["role"]) if "role" in table else None
        except ValueError as exc:
            raise DocumentError([f"{exc} @ {where}"], path=where) from None
        region = _text(table["region"], f"{where}.region") if "region" in table else None
        yield rule_id, AgencyScope(region=region, level=level, role=role)
