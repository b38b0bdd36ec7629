"""Consistency checks: a catalog of rules with stable IDs, and the findings they report.

:func:`check` runs the rules of a :class:`RuleCatalog` (by default :data:`default_rules`) on a report and returns a
:class:`CheckResult`: :class:`Finding` s with the rule ID, a :class:`Severity`, a Chinese message with the numbers, the
document paths of every figure involved, the operands, expected vs actual and the difference. Findings covered by one
of the report's explanations are marked explained; they are reported, and do not make the check fail.

This package stands on :mod:`govdisclose.model` and :mod:`govdisclose.zh` only.

>>> import govdisclose
>>> from govdisclose.checks import check, default_rules
>>> report = govdisclose.examples.load("sanyuan-chengguan-2017")
>>> [f.rule for f in check(report, rules=default_rules.configure(only={"breakdown.sum"})).findings]
['breakdown.sum']
"""

from ._api import FINDINGS_FORMAT, FINDINGS_VERSION, CheckResult, Locatable, ReadLike, check
from ._catalog import CheckFunction, Rule, RuleCatalog, RuleSet
from ._context import CheckContext
from ._coverage import BlankPolicy, Extent, ReadCoverage, Reading, RuleCoverage, RuleStatus
from ._default import default_rules
from ._findings import Finding, Operand, Severity, SourcePosition, Value
from ._paths import QuantitySite, covers, iter_blocks, iter_quantities, join_path, path_key
from ._profile import PARAMETERS, Parameter, Profile, declare_parameter, load_profile
from ._rules_previous import ReusedSentence, TextReuse, reused_text
from ._scope import AgencyScope

__all__ = [
    "FINDINGS_FORMAT",
    "FINDINGS_VERSION",
    "PARAMETERS",
    "AgencyScope",
    "BlankPolicy",
    "CheckContext",
    "CheckFunction",
    "CheckResult",
    "Extent",
    "Finding",
    "Locatable",
    "Operand",
    "Parameter",
    "Profile",
    "QuantitySite",
    "ReadCoverage",
    "ReadLike",
    "Reading",
    "ReusedSentence",
    "Rule",
    "RuleCatalog",
    "RuleCoverage",
    "RuleSet",
    "RuleStatus",
    "Severity",
    "SourcePosition",
    "TextReuse",
    "Value",
    "check",
    "covers",
    "declare_parameter",
    "default_rules",
    "iter_blocks",
    "iter_quantities",
    "join_path",
    "load_profile",
    "path_key",
    "reused_text",
]
