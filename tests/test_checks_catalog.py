import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import govdisclose
from govdisclose import DuplicateRuleError, RegistryError, examples
from govdisclose.checks import PARAMETERS, CheckContext, Finding, Rule, RuleCatalog, Severity, check, default_rules

# The IDs the issue fixes (stable: the examples, the docs and users' explanations name them), and the ones added here.
BRIEF_IDS = {
    "applications.balance",
    "applications.results-total",
    "applications.applicant-total",
    "reviews.totals",
    "applications.carry-over",
    "proactive.in-force",
    "table.cell-value",
    "table.incomplete",
    "table.edition-mixture",
    "statistics.sum",
    "breakdown.sum",
    "share.value",
    "publication.deadline",
    "signature.date",
    "intro.announced-parts",
    "part.missing",
    "fees.unreported",
}
ADDED_IDS = {"table.blank-cells", "table.missing", "share.rounding", "government.assessment"}
ISSUE_13_IDS = {
    "prose.tables",
    "year.stale",
    "year.partial-period",
    "proactive.items-carried",
    "proactive.in-force-bound",
    "fees.notices",
    "fees.collected",
    "other.explained",
    "intro.announced-count",
    "part.order",
    "previous.identity",
    "copied.text",
    "copied.tables",
}
"""Rules of issue 13 (checks that hold on real reports)."""


def _heading_rule(ctx: CheckContext) -> Iterator[Finding]:
    for path, depth, section in ctx.sections():
        if depth == 1 and "概述" in section.heading:
            yield ctx.finding(f"章节“{section.heading}”", paths=(path,))


HEADING_RULE = Rule(
    id="local.overview-heading",
    title="概述标题",
    description="Reports every chapter headed 概述 (a test rule).",
    severity="info",
    scope="chapter",
    check=_heading_rule,
)


def test_default_catalog_has_every_rule_of_the_issue() -> None:
    """The default catalog holds exactly the issue's rule IDs, the documented additions and issue 13's rules."""
    assert BRIEF_IDS | ADDED_IDS | ISSUE_13_IDS == set(default_rules.ids)


def test_default_severities_are_those_of_the_issue() -> None:
    """Each rule's default severity is the one the issue's table gives (additions: info, warning, info)."""
    errors = {
        "applications.balance",
        "applications.results-total",
        "applications.applicant-total",
        "reviews.totals",
        "applications.carry-over",
        "statistics.sum",
        "breakdown.sum",
        "signature.date",
    }
    infos = {"intro.announced-parts", "table.blank-cells", "share.rounding", "year.partial-period", "other.explained"}
    for rule in default_rules:
        expected = Severity.ERROR if rule.id in errors else Severity.INFO if rule.id in infos else Severity.WARNING
        assert expected == rule.severity, rule.id


def test_every_rule_is_documented() -> None:
    """Every rule has a Chinese title, an English description and a scope."""
    for rule in default_rules:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.title), rule.id
        assert len(re.findall(r"[A-Za-z]{3,}", rule.description)) >= 5, rule.id  # English words
        assert rule.description.endswith("."), rule.id
        assert rule.scope.strip()


def test_duplicate_rule_id_names_both_sources() -> None:
    """Registering a second rule under a taken ID raises DuplicateRuleError naming the plugin and the holder."""
    catalog = default_rules.copy()
    clash = Rule(
        id="breakdown.sum", title="重复", description="Clash.", severity="info", scope="x", check=_heading_rule
    )
    with pytest.raises(DuplicateRuleError, match=r"my-plugin: rule 'breakdown.sum' is already registered by core"):
        catalog.register(clash, source="my-plugin")
    assert isinstance(DuplicateRuleError("x"), RegistryError)


def test_registering_the_same_rule_twice_is_harmless() -> None:
    """Re-registering the very same rule object (a module imported twice) is not an error."""
    catalog = RuleCatalog()
    catalog.register(HEADING_RULE)
    catalog.register(HEADING_RULE)
    assert ("local.overview-heading",) == catalog.ids


@pytest.mark.parametrize("bad", ["Breakdown.sum", "breakdown", "breakdown.", "a b.c", ".x"])
def test_malformed_rule_ids_are_refused(bad: str) -> None:
    """A rule ID is dotted lowercase words."""
    with pytest.raises(RegistryError, match="dotted lowercase"):
        Rule(id=bad, title="坏", description="Bad.", severity="info", scope="x", check=_heading_rule)


def test_unknown_severity_is_refused() -> None:
    """A severity other than error, warning or info is refused."""
    with pytest.raises(ValueError):
        Rule(id="local.x", title="坏", description="Bad.", severity="fatal", scope="x", check=_heading_rule)


def test_third_party_rule_runs_in_a_copy_only() -> None:
    """A rule registered in a copy of the catalog runs when that copy is used, and not with the default catalog."""
    catalog = default_rules.copy()
    catalog.register(HEADING_RULE, source="my-plugin")
    report = examples.load("sanyuan-chengguan-2017")
    found = check(report, rules=catalog).by_rule("local.overview-heading")
    assert [("$.sections[0]", Severity.INFO, "章节“概述”")] == [(f.path, f.severity, f.message) for f in found]
    assert "local.overview-heading" not in default_rules
    assert () == check(report).by_rule("local.overview-heading")
    assert "my-plugin" == catalog.source("local.overview-heading")


def test_configure_disables_and_regrades() -> None:
    """configure(disable=…, severity=…) drops rules and changes severities for one check only."""
    report = examples.load("sanyuan-chengguan-2017")
    rules = default_rules.configure(disable={"part.missing"}, severity={"breakdown.sum": "warning"})
    result = check(report, rules=rules)
    assert "part.missing" not in result.rules
    assert () == result.by_rule("part.missing")
    assert [Severity.WARNING] == [f.severity for f in result.by_rule("breakdown.sum")]
    assert result.ok
    assert Severity.ERROR == default_rules["breakdown.sum"].severity
    assert not check(report).ok


def test_configure_only_and_refine() -> None:
    """only= selects rules; a RuleSet can be configured again, narrowing or re-grading further."""
    narrow = default_rules.configure(only={"breakdown.sum", "part.missing"})
    assert ("breakdown.sum", "part.missing") == narrow.ids
    narrower = narrow.configure(disable={"part.missing"}, severity={"breakdown.sum": Severity.INFO})
    assert ("breakdown.sum",) == narrower.ids
    assert Severity.INFO == narrower.severity("breakdown.sum")
    assert "breakdown.sum" in narrower
    assert 1 == len(narrower)


@pytest.mark.parametrize(
    "kwargs",
    [{"disable": {"no.such"}}, {"only": {"no.such"}}, {"severity": {"no.such": "info"}}],
)
def test_configure_refuses_unknown_ids(kwargs: dict[str, object]) -> None:
    """An unknown rule ID in configure() raises RegistryError listing the known IDs."""
    with pytest.raises(RegistryError, match=r"unknown rule ID 'no.such'; known rule IDs: applications"):
        default_rules.configure(**kwargs)  # type: ignore[arg-type]


def test_configure_refuses_unknown_severity() -> None:
    """A severity that is not error, warning or info is refused with the rule named."""
    with pytest.raises(RegistryError, match=r"rule 'breakdown.sum': unknown severity 'fatal'"):
        default_rules.configure(severity={"breakdown.sum": "fatal"})


def test_severity_orders_by_gravity() -> None:
    """Severities compare by gravity: info < warning < error."""
    assert sorted([Severity.ERROR, Severity.INFO, Severity.WARNING]) == [
        Severity.INFO,
        Severity.WARNING,
        Severity.ERROR,
    ]


def test_catalog_lookup() -> None:
    """A catalog gives rules by ID, refuses unknown IDs with the known ones, and iterates in registration order."""
    assert "breakdown.sum" == default_rules["breakdown.sum"].id
    assert default_rules.get("no.such") is None
    with pytest.raises(RegistryError, match="known rule IDs"):
        default_rules["no.such"]
    assert "applications.balance" == next(iter(default_rules)).id
    assert len(default_rules) == len(default_rules.ids)
    assert govdisclose.checks.default_rules is default_rules


def test_docs_list_every_rule_with_its_title_severity_and_scope() -> None:
    """docs/checks.md's rule table is the catalog: ID, Chinese title, default severity and scope of every rule."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z.-]+)` \| (\S+) \| (error|warning|info) \| ([^|]+) \|$", text, re.MULTILINE)
    assert [(r.id, r.title, r.severity.value, r.scope) for r in default_rules] == [
        (rule_id, title, severity, scope.strip()) for rule_id, title, severity, scope in rows
    ]
    for rule in default_rules:
        assert f"**`{rule.id}`**" in text, rule.id  # each rule has its own paragraph


def test_docs_give_every_rule_its_source_and_parameters() -> None:
    """docs/checks.md's table of sources lists every rule of the default catalog, with the parameters it declares."""
    text = (Path(__file__).parents[1] / "docs" / "checks.md").read_text(encoding="utf-8")
    section = text.split("### Where each rule comes from, and its parameters", 1)[1].split("\n### ", 1)[0]
    rows = {
        match.group(1): match.group(3)
        for match in re.finditer(r"^\| `([a-z.-]+)` \| ([^|]+) \| ([^|]+) \|$", section, flags=re.MULTILINE)
    }
    assert set(default_rules.ids) == set(rows)
    for rule_id, names in PARAMETERS.items():
        for name in names:
            assert f"`{name}`" in rows[rule_id], (rule_id, name)
