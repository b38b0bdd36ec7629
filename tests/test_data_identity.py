import attrs
import pytest

from govdisclose import check, data, examples, model
from govdisclose.checks import Finding, default_rules
from govdisclose.data import AGENCY_KEY_RULES, AgencyIdentity, agency_identity, agency_key, same_agency
from govdisclose.model import Agency


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("中华人民共和国教育部", None), ("教育部", None)),
        (("洪泽区人民政府", "淮安市人民政府"), ("淮安市洪泽区人民政府", None)),
        (("洪泽区政府", "淮安市人民政府"), ("淮安市洪泽区人民政府", None)),
        (("北京市东城区东直门街道办事处", None), ("东直门街道", "北京市东城区人民政府")),
        (("上海市人民政府参事室", None), ("上海市政府参事室", None)),
        (("洪泽区 教育局", "淮安市洪泽区人民政府"), ("淮安市洪泽区教育局", None)),
    ],
)
def test_names_of_one_agency_give_one_key(first: tuple[str, str | None], second: tuple[str, str | None]) -> None:
    """The short and the long form of a name, completed with the parent's region, have one key."""
    assert agency_key(first[0], parent=first[1]) == agency_key(second[0], parent=second[1])


def test_keys_split_regions_from_the_organ() -> None:
    """淮安市洪泽区教育局 is 教育局 in 淮安市 > 洪泽区; a government is its region; a ministry has no region."""
    assert AgencyIdentity(regions=("淮安市", "洪泽区"), organ="教育局") == agency_identity("淮安市洪泽区教育局")
    assert AgencyIdentity(regions=("淮安市", "洪泽区"), organ="") == agency_identity("淮安市洪泽区人民政府")
    assert AgencyIdentity(regions=(), organ="教育部") == agency_identity("中华人民共和国教育部")
    assert AgencyIdentity(regions=(), organ="国家市场监督管理总局") == agency_identity("国家市场监督管理总局")
    assert AgencyIdentity(regions=("某县",), organ="住房和城乡建设局") == agency_identity("某县住房和城乡建设局")


def test_the_agency_parent_is_the_default_region() -> None:
    """An Agency's own parent completes its key."""
    agency = Agency(name="城关街道办事处", parent="三明市三元区人民政府")
    assert "三明市三元区城关街道" == agency_key(agency)


def test_same_agency_needs_one_region_chain_to_end_the_other() -> None:
    """洪泽区 is 淮安市洪泽区; 南京市鼓楼区 is not 福州市鼓楼区; 教育局 is not 公安局."""
    assert same_agency(agency_identity("洪泽区人民政府"), agency_identity("淮安市洪泽区人民政府"))
    assert not same_agency(agency_identity("南京市鼓楼区人民政府"), agency_identity("福州市鼓楼区人民政府"))
    assert not same_agency(agency_identity("某县教育局"), agency_identity("某县公安局"))
    assert not same_agency(agency_identity("教育部"), agency_identity("某县教育局"))


def test_overrides_settle_what_the_rules_cannot() -> None:
    """A renamed organ is mapped by name or by key to the key given."""
    overrides = {"某县教育体育局": "某县教育局", "某县文体局": "某县文化和旅游局"}
    assert "某县教育局" == agency_key("某县教育体育局", overrides=overrides)
    assert "某县文化和旅游局" == agency_key(
        "文体局", parent="某县人民政府", overrides={"某县文体局": "某县文化和旅游局"}
    )


def test_every_rule_has_a_reason() -> None:
    """The documented rule table explains each rule."""
    assert all(rule.reason for rule in AGENCY_KEY_RULES)


def test_data_reexports_the_models_agency_identity() -> None:
    """The identity lives in the model (the checks use it); govdisclose.data gives the same objects."""
    for name in ("AGENCY_KEY_RULES", "AgencyIdentity", "KeyRule", "agency_identity", "agency_key", "same_agency"):
        assert getattr(data, name) is getattr(model, name)


def _previous_identity(
    last_name: str, last_parent: str | None, this_name: str, this_parent: str | None
) -> list[Finding]:
    """The findings of check(previous=)'s previous.identity, last year 2020 and this year 2021."""
    sample = examples.load("sample-2021")
    this = attrs.evolve(sample, agency=Agency(name=this_name, parent=this_parent))
    last = attrs.evolve(sample, year=2020, agency=Agency(name=last_name, parent=last_parent))
    result = check(this, previous=last, rules=default_rules.configure(only={"previous.identity"}))
    return list(result.findings)


@pytest.mark.parametrize(
    ("last", "this"),
    [
        (("中华人民共和国教育部", None), ("教育部", None)),
        (("淮安市洪泽区人民政府", None), ("洪泽区人民政府", "淮安市人民政府")),
        (("洪泽区人民政府", None), ("淮安市洪泽区人民政府", None)),
    ],
)
def test_check_previous_of_one_agency_by_another_name_is_no_warning(
    last: tuple[str, str | None], this: tuple[str, str | None]
) -> None:
    """The short and the long name of one organ in two years: previous.identity says nothing."""
    assert [] == _previous_identity(*last, *this)


def test_check_previous_of_another_agency_warns_in_python() -> None:
    """check(previous=) with another organ's report of the year before: a warning at $.agency.name, saying both keys."""
    found = _previous_identity("某县公安局", None, "某县教育局", None)
    assert [("previous.identity", "warning", "$.agency.name")] == [(f.rule, f.severity.value, f.path) for f in found]
    assert "上年报告的机构“某县公安局”与本年报告的机构“某县教育局”不是同一机构（机构键某县公安局与某县教育局不同）" == (
        found[0].message
    )
    # one own name (政府) in two cities: two organs
    assert ["$.agency.name"] == [
        f.path for f in _previous_identity("南京市鼓楼区人民政府", None, "福州市鼓楼区人民政府", None)
    ]
