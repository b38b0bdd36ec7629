"""The default rule catalog: every rule of the package, in the order the documentation lists them."""

from __future__ import annotations

from . import (
    _rules_fees,
    _rules_previous,
    _rules_prose,
    _rules_report,
    _rules_structure,
    _rules_tables,
    _rules_text,
    _rules_years,
)
from ._catalog import RuleCatalog

__all__ = ["default_rules"]

default_rules = RuleCatalog()
"""The rules :func:`~govdisclose.checks.check` runs unless given others; plugins register theirs here."""

for _rule in (
    *_rules_tables.RULES,
    *_rules_text.RULES,
    *_rules_prose.RULES,
    *_rules_years.RULES,
    *_rules_fees.RULES,
    *_rules_report.RULES,
    *_rules_structure.RULES,
    *_rules_previous.RULES,
):
    default_rules.register(_rule)
