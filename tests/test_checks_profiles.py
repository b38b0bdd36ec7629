"""Profiles: rules, severities, blank policy, parameters and agency scopes from Python and from a TOML file."""

import datetime
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from govdisclose import DocumentError, to_json
from govdisclose._errors import RegistryError
from govdisclose.checks import (
    PARAMETERS,
    AgencyScope,
    CheckContext,
    Finding,
    Profile,
    Rule,
    RuleStatus,
    check,
    default_rules,
    load_profile,
)
from govdisclose.model import Agency, AgencyLevel, AgencyRole, Count, Paragraph, Publication, Share
from test_checks_blanks import pingtan_2019, report_2019
from test_checks_tables import full_report

CITY = """
name = "某市政务公开考核口径"
blanks = "strict"
disable = ["share.rounding"]

[severity]
"publication.deadline" = "error"

[parameters."publication.deadline"]
department = "01-28"
"""


def test_city_deadline_from_a_toml_profile(tmp_path: Path) -> None:
    """A department report published on 1月30日: on time by the regulation (1月31日), late by a city's 1月28日."""
    report = full_report(publication=Publication(published_on=datetime.date(2023, 1, 30)))
    assert [] == [f.rule for f in check(report).findings]
    path = tmp_path / "city.toml"
    path.write_text(CITY, encoding="utf-8")
    result = check(report, profile=path)
    (finding,) = result.findings
    assert ("publication.deadline", "error") == (finding.rule, finding.severity.value)
    assert "发布日期2023年1月30日晚于公布期限2023年1月28日（检查口径“某市政务公开考核口径”：1月28日前），逾期2天" == (
        finding.message
    )
    assert "share.rounding" not in result.rules
    assert "strict" == result.blanks.value


def test_profile_blank_policy_and_explicit_override() -> None:
    """The profile's strict policy applies unless the caller passes blanks= explicitly."""
    profile = Profile.from_toml(CITY)
    assert "strict" == check(full_report(), profile=profile).blanks.value
    assert "lenient" == check(full_report(), profile=profile, blanks="lenient").blanks.value


def test_share_tolerance_parameter() -> None:
    """A reviewer who accepts two units of the last digit: a share off by 0.02 is a rounding slip, not wrong."""
    content = (
        "共",
        Count(value=3, unit="条", id="w"),
        "，主动公开",
        Count(value=1, unit="条", id="p"),
        "，占",
        Share(value=Decimal("33.35"), part="p", whole="w"),
        "。",
    )
    report = full_report()
    report = report.replace("$.sections[0].blocks[0]", Paragraph(content=content))
    assert ["share.value"] == [f.rule for f in check(report).findings]
    loose = Profile(parameters=(("share.value", "tolerance", Decimal(2)), ("share.rounding", "tolerance", Decimal(2))))
    assert ["share.rounding"] == [f.rule for f in check(report, profile=loose).findings]


def test_unknown_parameter_and_bad_values_are_named() -> None:
    """Unknown parameters, a bad day, a bad severity and unknown members are DocumentErrors naming the member."""
    with pytest.raises(DocumentError, match=r"rule 'share.value' has no parameter 'limit'; its parameters: tolerance"):
        Profile.from_toml('[parameters."share.value"]\nlimit = 2\n', source="p.toml")
    with pytest.raises(DocumentError, match=r"expected a day as 'MM-DD'.*@ p.toml.parameters.publication.deadline"):
        Profile.from_toml('[parameters."publication.deadline"]\ndepartment = "1月28日"\n', source="p.toml")
    with pytest.raises(DocumentError, match=r"unknown severity 'fatal'"):
        Profile.from_toml('[severity]\n"breakdown.sum" = "fatal"\n')
    with pytest.raises(DocumentError, match=r"unknown member 'rulez'"):
        Profile.from_toml('rulez = ["x"]\n')
    with pytest.raises(DocumentError, match=r"not valid TOML"):
        Profile.from_toml("name = \n")


def test_unknown_rule_in_profile_is_a_registry_error() -> None:
    """A profile that re-grades a rule the catalog does not have names the known IDs."""
    with pytest.raises(RegistryError, match=r"unknown rule ID 'no\.such'"):
        check(full_report(), profile=Profile(severity=(("no.such", "error"),)))  # type: ignore[arg-type]


def _township_rule(ctx: CheckContext) -> Iterator[Finding]:
    yield ctx.finding("乡镇街道的报告应写明便民服务中心的公开情况", paths=("$.sections",))


def test_plugin_rule_scoped_to_agencies_of_a_region_and_level() -> None:
    """A plugin rule scoped to the townships of 平潭 runs for one and is skipped, with the reason, for others."""
    catalog = default_rules.copy()
    catalog.register(
        Rule(
            id="local.township-service",
            title="便民服务中心公开",
            description="A township report should report its service centre's disclosure (a local reviewer's rule).",
            severity="info",
            scope="report",
            check=_township_rule,
        ),
        source="local-plugin",
    )
    profile = Profile.from_toml('[scope."local.township-service"]\nregion = "平潭"\nlevel = "乡镇街道"\n', source="x")
    township = Agency(name="平潭综合实验区潭城镇人民政府", level=AgencyLevel.TOWNSHIP, role=AgencyRole.GOVERNMENT)
    result = check(full_report(agency=township), rules=catalog, profile=profile)
    assert ["local.township-service"] == [f.rule for f in result.by_rule("local.township-service")]
    other = check(full_report(), rules=catalog, profile=profile)
    assert () == other.by_rule("local.township-service")
    entry = other.rule_coverage("local.township-service")
    assert (RuleStatus.SKIPPED, ("检查口径“x”限于平潭、乡镇街道的机关",)) == (entry.status, entry.reasons)
    assert AgencyScope(region="平潭").matches(township)


def test_load_profile_from_file_and_declared_parameters(tmp_path: Path) -> None:
    """load_profile reads a file (name from the file when absent); every declared parameter has a description."""
    path = tmp_path / "evaluator.toml"
    path.write_text('only = ["applications.applicant-total"]\n', encoding="utf-8")
    profile = load_profile(path)
    assert ("evaluator", ("applications.applicant-total",)) == (profile.name, profile.only)
    result = check(report_2019(pingtan_2019()), profile=profile)
    assert ("applications.applicant-total",) == result.rules
    assert all(parameter.description for names in PARAMETERS.values() for parameter in names.values())


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a fresh interpreter, without plugins."""
    return subprocess.run(
        [sys.executable, "-m", "govdisclose", "--no-plugins", *args],
        capture_output=True,
        check=False,
        text=True,
        encoding="utf-8",
    )


def test_cli_check_profile(tmp_path: Path) -> None:
    """`govdisclose check FILE --profile city.toml`: the city's deadline is an error (exit 1); a bad profile exits 2."""
    source = tmp_path / "report.json"
    source.write_text(to_json(full_report(publication=Publication(published_on=datetime.date(2023, 1, 30)))))
    assert 0 == _cli("check", str(source)).returncode
    profile = tmp_path / "city.toml"
    profile.write_text(CITY, encoding="utf-8")
    result = _cli("check", str(source), "--profile", str(profile))
    assert 1 == result.returncode
    assert "1月28日前" in result.stdout
    assert "error   publication.deadline $.publication.published_on" in result.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('[parameters."publication.deadline"]\ndepartment = "1月28日"\n', encoding="utf-8")
    refused = _cli("check", str(source), "--profile", str(bad))
    assert 2 == refused.returncode
    assert "expected a day as 'MM-DD'" in refused.stderr


def test_a_rule_carries_its_own_agency_scope_and_a_profile_overrides_it() -> None:
    """Rule(agencies=…) limits a plugin rule to governments; a profile's scope for the rule wins over the rule's."""
    catalog = default_rules.copy()
    catalog.register(
        Rule(
            id="local.government-only",
            title="政府报告专项",
            description="A rule for people's governments only (a test rule).",
            severity="info",
            scope="report",
            check=_township_rule,
            agencies=AgencyScope(role=AgencyRole.GOVERNMENT),
        ),
        source="local-plugin",
    )
    government = Agency(name="平潭综合实验区管理委员会", role=AgencyRole.GOVERNMENT)
    assert 1 == len(check(full_report(agency=government), rules=catalog).by_rule("local.government-only"))
    department = check(full_report(), rules=catalog)
    assert () == department.by_rule("local.government-only")
    entry = department.rule_coverage("local.government-only")
    assert (RuleStatus.SKIPPED, ("规则“local.government-only”限于government的机关",)) == (entry.status, entry.reasons)
    widened = Profile.from_toml('[scope."local.government-only"]\nrole = "department"\n', source="y")
    assert 1 == len(check(full_report(), rules=catalog, profile=widened).by_rule("local.government-only"))
