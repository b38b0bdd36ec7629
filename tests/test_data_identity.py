import pytest

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
