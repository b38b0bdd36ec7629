import json
import re
from pathlib import Path

import attrs
import pytest

from govdisclose import ModelError, RegistryError, from_json, from_toml, render, to_json
from govdisclose.checks import check
from govdisclose.cli import main
from govdisclose.model import (
    APPLICATIONS_2021,
    NATIONAL_FORM_ROWS,
    PROACTIVE_2021,
    REVIEWS_LITIGATION,
    Agency,
    AgencyLevel,
    AgencyRole,
    ApplicationsTable2019,
    ApplicationsTable2021,
    Edition,
    OfficialTable,
    Part,
    PartDef,
    ProactiveTable2019,
    ProactiveTable2021,
    Publication,
    ReviewsTable,
    StatisticsTable,
)
from govdisclose.templates import (
    FEE_HEADING,
    OVERVIEW_HEADINGS,
    PRE_2019_HEADINGS,
    CategoryList,
    CategoryRegistry,
    default_categories,
    new_report,
    normalize_category,
)
from govdisclose.zh import OrdinalStyle

NATIONAL_PARTS = (
    Part.OVERVIEW,
    Part.PROACTIVE,
    Part.APPLICATIONS,
    Part.REVIEWS_LITIGATION,
    Part.PROBLEMS,
    Part.OTHER,
)

# ---- blank reports ---------------------------------------------------------------------------------------------------


def test_2021_blank_has_the_six_parts_with_the_template_headings() -> None:
    """A 2021 blank report has the six parts of format-2021.md §1, in order, with their Part and headings."""
    report = new_report(edition=Edition.E2021, agency="示例县教育局", year=2024)
    assert list(NATIONAL_PARTS) == [s.part for s in report.sections]
    assert [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况",
        "其他需要报告的事项",
    ] == [s.heading for s in report.sections]
    # The table parts' headings are the definitions' titles without their ordinals.
    titles = [d.title for d in (PROACTIVE_2021, APPLICATIONS_2021, REVIEWS_LITIGATION)]
    assert titles == [f"{o}、{s.heading}" for o, s in zip("二三四", report.sections[1:4], strict=True)]


def test_2021_blank_overview_has_five_empty_sub_parts() -> None:
    """一、总体情况 has the five usual sub-parts, each a heading with nothing written yet."""
    overview = new_report(edition="2021", agency="某局", year=2024).sections[0]
    assert OVERVIEW_HEADINGS == tuple(s.heading for s in overview.subsections)
    assert 5 == len(OVERVIEW_HEADINGS)
    assert [()] * 5 == [s.blocks for s in overview.subsections]
    assert () == overview.blocks


@pytest.mark.parametrize(
    ("edition", "kinds"),
    [
        (Edition.E2021, (ProactiveTable2021, ApplicationsTable2021, ReviewsTable)),
        (Edition.E2019, (ProactiveTable2019, ApplicationsTable2019, ReviewsTable)),
    ],
)
def test_table_parts_hold_complete_zero_tables_of_the_edition(edition: Edition, kinds: tuple[type, ...]) -> None:
    """二、三、四 each hold one complete table of that edition with 0 in every cell."""
    report = new_report(edition=edition, agency="某局", year=2020)
    for section, kind in zip(report.sections[1:4], kinds, strict=True):
        (table,) = section.blocks
        assert kind is type(table)
        assert isinstance(table, OfficialTable)
        assert table.complete
        assert {"0"} == {figure.text for *_, figure in table.cells()}


def test_2021_other_matters_has_the_fee_sub_part_and_2019_has_none() -> None:
    """六 carries an empty 信息处理费 sub-part in the 2021 edition only (the fee measures date from 2020)."""
    e2021 = new_report(edition="2021", agency="某局", year=2021).part(Part.OTHER)
    e2019 = new_report(edition="2019", agency="某局", year=2020).part(Part.OTHER)
    assert e2021 is not None
    assert e2019 is not None
    assert [FEE_HEADING] == [s.heading for s in e2021.subsections]
    assert "信息处理费" in FEE_HEADING
    assert () == e2021.subsections[0].blocks
    assert () == e2019.subsections


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_national_blank_prose_parts_have_no_blocks(edition: str) -> None:
    """Prose parts are headings without blocks: no empty paragraphs, nothing to delete before filling."""
    report = new_report(edition=edition, agency="某局", year=2021)
    for part in (Part.PROBLEMS, Part.OTHER):
        section = report.part(part)
        assert section is not None
        assert () == section.blocks


def test_blank_metadata_is_empty_and_signature_names_the_agency() -> None:
    """Publication metadata is empty; the signature names the agency and has no date; no 引言 in national formats."""
    report = new_report(edition="2021", agency="示例县教育局", year=2024)
    assert Publication() == report.publication
    assert report.signature is not None
    assert ("示例县教育局", None) == (report.signature.organ, report.signature.date)
    assert report.introduction is None
    assert report.title is None
    assert "示例县教育局2024年政府信息公开工作年度报告" == report.display_title


def test_pre_2019_blank_has_the_consensus_chapters_and_the_national_form() -> None:
    """A 2014–2018 blank has an empty 引言, the seven chapters and an unnumbered 附表 with the national form at 0."""
    report = new_report(edition="pre-2019", agency="某街道办事处", year=2016)
    assert report.introduction is not None
    assert "引言" == report.introduction.heading
    assert () == report.introduction.blocks
    *chapters, attached = report.sections
    assert PRE_2019_HEADINGS == tuple((s.part, s.heading) for s in chapters)
    assert Part.FEES in [s.part for s in chapters]
    assert (Part.STATISTICS_TABLES, "附表", OrdinalStyle.NONE) == (attached.part, attached.heading, attached.numbering)
    (form,) = attached.blocks
    assert isinstance(form, StatisticsTable)
    assert "national-2014" == form.template
    assert len(NATIONAL_FORM_ROWS) == len(form.rows)
    values = {figure.text for row in form.rows for figure in row.values}
    assert {"0"} == values


def test_pre_2019_blank_before_2014_has_no_attached_form() -> None:
    """Before the 2014 national form there is no 附表 (local forms varied): the chapters only."""
    report = new_report(edition="pre-2019", agency="某镇人民政府", year=2010)
    assert PRE_2019_HEADINGS == tuple((s.part, s.heading) for s in report.sections)


@pytest.mark.parametrize(("edition", "year"), [("2021", 2015), ("2021", 2020), ("pre-2019", 2022), ("2019", 2024)])
def test_any_edition_is_allowed_for_any_year(edition: str, year: int) -> None:
    """Edition and year are not cross-checked: unusual combinations are built as asked."""
    report = new_report(edition=edition, agency="某局", year=year)
    assert (Edition(edition), year) == (report.edition, report.year)


@pytest.mark.parametrize(("edition", "year"), [("2021", 2024), ("2019", 2020), ("pre-2019", 2016), ("pre-2019", 2009)])
def test_blank_reports_round_trip_and_render(edition: str, year: int) -> None:
    """Blank reports serialize exactly and render with every chapter heading."""
    report = new_report(edition=edition, agency="某局", year=year, level="区县", role="department")
    assert report == from_json(to_json(report))
    text = render(report, to="text")
    assert isinstance(text, str)
    position = 0
    for section in report.sections:
        position = text.index(section.heading, position)


@pytest.mark.parametrize("level", [AgencyLevel.COUNTY, "区县", "COUNTY", "county"])
def test_level_is_accepted_as_member_value_or_name(level: AgencyLevel | str) -> None:
    """The level may be given as the enum member, its value or its name in any case."""
    assert AgencyLevel.COUNTY == new_report(edition="2021", agency="某局", year=2024, level=level).agency.level


def test_role_is_parsed_and_absent_level_and_role_stay_unknown() -> None:
    """A role given by value is parsed; level and role not given stay None."""
    report = new_report(edition="2021", agency="某局", year=2024, role="government")
    assert (None, AgencyRole.GOVERNMENT) == (report.agency.level, report.agency.role)


def test_given_agency_is_kept_and_level_role_replace_its_own() -> None:
    """An Agency is used as given; level and role, when given, replace its own and nothing else changes."""
    agency = Agency(name="示例县教育局", level=AgencyLevel.CITY, parent="示例县人民政府")
    kept = new_report(edition="2021", agency=agency, year=2024)
    assert agency == kept.agency
    changed = new_report(edition="2021", agency=agency, year=2024, level="区县", role=AgencyRole.DEPARTMENT)
    assert attrs.evolve(agency, level=AgencyLevel.COUNTY, role=AgencyRole.DEPARTMENT) == changed.agency


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"edition": "2022"}, "unknown edition '2022'; known: pre-2019, 2019, 2021"),
        ({"level": "村"}, "unknown level '村'; known: 国务院部门, 省, 市, 区县, 乡镇街道"),
        ({"role": "office"}, "unknown role 'office'; known: government, department"),
        ({"year": "2024"}, "'year' must be an integer (got '2024')"),
        ({"year": True}, "'year' must be an integer (got True)"),
        ({"year": 1990}, "'year' must be between 2000 and 2200 (got 1990)"),
        ({"agency": 42}, "'agency' must be an Agency or a name (got int)"),
        ({"agency": " "}, "'name' must not be blank (got ' ')"),
    ],
)
def test_bad_arguments_raise_model_errors_naming_the_problem(arguments: dict[str, object], message: str) -> None:
    """Wrong types and unknown values are refused with a one-line ModelError that names them."""
    given: dict[str, object] = {"edition": "2021", "agency": "某局", "year": 2024, **arguments}
    with pytest.raises(ModelError, match="^" + re.escape(message) + "$"):
        new_report(**given)  # type: ignore[arg-type]


# ---- the `new` command ----------------------------------------------------------------------------------------------


def test_cli_new_prints_the_blank_report_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``govdisclose new`` writes the same report as new_report(), as canonical JSON by default."""
    argv = [
        "new",
        "--edition",
        "2021",
        "--agency",
        "示例县教育局",
        "--year",
        "2024",
        "--level",
        "区县",
        "--role",
        "department",
    ]
    assert 0 == main(argv)
    expected = new_report(edition="2021", agency="示例县教育局", year=2024, level="区县", role="department")
    assert to_json(expected) == capsys.readouterr().out


def test_cli_new_takes_the_format_from_the_output_suffix(tmp_path: Path) -> None:
    """With -o and no --to, the document format comes from the file suffix."""
    target = tmp_path / "blank.toml"
    assert 0 == main(["new", "--edition", "pre-2019", "--agency", "某街道办事处", "--year", "2016", "-o", str(target)])
    assert new_report(edition="pre-2019", agency="某街道办事处", year=2016) == from_toml(target.read_text("utf-8"))


def test_cli_new_to_overrides_the_suffix(tmp_path: Path) -> None:
    """--to wins over the suffix of -o."""
    target = tmp_path / "blank.txt"
    assert 0 == main(
        ["new", "--edition", "2019", "--agency", "某局", "--year", "2020", "--to", "json", "-o", str(target)]
    )
    assert "2019" == json.loads(target.read_text("utf-8"))["edition"]


def test_cli_new_refuses_unknown_choices_as_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown edition or level is a usage error (status 2) listing the choices."""
    with pytest.raises(SystemExit) as exit_info:
        main(["new", "--edition", "2022", "--agency", "某局", "--year", "2024"])
    assert 2 == exit_info.value.code
    assert "invalid choice: '2022'" in capsys.readouterr().err


def test_cli_new_reports_a_bad_year_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A year the model refuses exits with status 1 and a one-line message."""
    assert 1 == main(["new", "--edition", "2021", "--agency", "某局", "--year", "1990"])
    assert "govdisclose: error: 'year' must be between 2000 and 2200 (got 1990)\n" == capsys.readouterr().err


# ---- disclosure categories ------------------------------------------------------------------------------------------


def test_known_lists_are_those_of_the_spec() -> None:
    """The default registry holds the Beijing template list and the seed's two lists, exactly as the spec gives them."""
    assert ("beijing-2008", "fujian-2017", "fujian-2017-types") == default_categories.ids()
    beijing = default_categories.get("beijing-2008")
    assert beijing is not None
    assert ("机构职能类", "法规文件类", "规划计划类", "业务动态类") == beijing.categories
    assert ("北京", (2008, 2011), "类别") == (beijing.region, beijing.years, beijing.dimension)
    assert beijing.note is not None
    assert "重点领域公开政府信息数" in beijing.note
    fujian = default_categories.get("fujian-2017")
    assert fujian is not None
    assert (
        "机构职能类",
        "规划计划类",
        "民政扶贫救灾社会保障就业类",
        "科教文体卫生类",
        "安全生产、应急管理类",
    ) == fujian.categories
    types = default_categories.get("fujian-2017-types")
    assert types is not None
    assert (("年度报告", "工作动态", "防汛抗旱", "安全生产"), "类型") == (types.categories, types.dimension)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("机构职能类信息", "机构职能类"),
        ("安全生产、应急管理类信息", "安全生产、应急管理类"),
        ("民政扶贫救灾社会保障就业类的信息", "民政扶贫救灾社会保障就业类"),
        ("  规划计划类 ", "规划计划类"),
        ("工作动态", "工作动态"),
        ("工作动态信息", "工作动态"),
        ("教育招生类信息", "教育招生类信息"),  # unknown: kept (open vocabulary)
        ("信息", "信息"),
    ],
)
def test_normalize_category_maps_labels_to_known_categories(label: str, expected: str) -> None:
    """A label names a known category with or without 信息/的信息; unknown labels are kept as written."""
    assert expected == normalize_category(label)


def test_integrators_add_lists_to_their_own_registry() -> None:
    """A copy of the default registry takes new lists without touching the default one."""
    registry = default_categories.copy()
    local = CategoryList(id="example-2024", name="示例模板", region="示例省", categories=("教育招生类",))
    registry.add(local, source="example-plugin")
    assert "教育招生类" == normalize_category("教育招生类信息", registry=registry)
    assert "教育招生类信息" == normalize_category("教育招生类信息")
    assert "example-plugin" == registry.source("example-2024")
    assert registry.get("example-2024") is local
    assert default_categories.get("example-2024") is None
    assert (local,) == registry.lists_with("教育招生类")


def test_duplicate_list_id_is_a_registry_error() -> None:
    """Adding a list under an id that is taken raises RegistryError naming the id and who took it."""
    registry = CategoryRegistry()
    registry.add(CategoryList(id="x", name="甲", categories=("甲类",)), source="core")
    with pytest.raises(RegistryError, match="plugin: a category list with id 'x' is already registered by core"):
        registry.add(CategoryList(id="x", name="乙", categories=("乙类",)), source="plugin")
    assert ("x",) == registry.ids()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"categories": ()}, "'categories' must not be empty"),
        ({"categories": ("甲类", "甲类")}, "category '甲类' appears twice"),
        ({"categories": (" 甲类",)}, "category ' 甲类' is blank or has surrounding spaces"),
        ({"id": " "}, "'id' must not be blank"),
        ({"years": (2011, 2008)}, r"'years' must be \(first, last\) with first <= last"),
    ],
)
def test_category_list_validates_its_fields(fields: dict[str, object], message: str) -> None:
    """A category list refuses empty, duplicate or padded categories, a blank id and reversed years."""
    given: dict[str, object] = {"id": "x", "name": "甲", "categories": ("甲类",), **fields}
    with pytest.raises(ModelError, match=message):
        CategoryList(**given)  # type: ignore[arg-type]


def test_category_lists_are_frozen_values() -> None:
    """Category lists are immutable and compare by value."""
    first = CategoryList(id="x", name="甲", categories=("甲类",), years=(2008, 2011))
    assert CategoryList(id="x", name="甲", categories=("甲类",), years=(2008, 2011)) == first
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.id = "y"  # type: ignore[misc]


@pytest.mark.parametrize(("edition", "year"), [("2021", 2024), ("2019", 2020), ("pre-2019", 2016)])
def test_checks_report_only_the_empty_prose_parts_of_a_blank(edition: str, year: int) -> None:
    """The zero tables of a blank report are consistent: the checks report nothing but the parts still to write."""
    report = new_report(edition=edition, agency="示例县教育局", year=year, role="department")
    prose = {
        f"$.sections[{i}]"
        for i, s in enumerate(report.sections)
        if s.part is not Part.STATISTICS_TABLES and not any(isinstance(b, OfficialTable) for b in s.blocks)
    }
    findings = check(report).findings
    assert {"part.missing"} == {f.rule for f in findings}
    assert {p for f in findings for p in f.paths} <= prose


# ---- parts that plugins add -----------------------------------------------------------------------------------------


def _added(**fields: object) -> PartDef:
    given = {"id": "test.hotline", "heading": "政务公开热线运行情况", "basis": "某市模板", "after": Part.PROBLEMS}
    return PartDef(**{**given, **fields})  # type: ignore[arg-type]


def test_an_added_part_goes_after_the_part_it_names() -> None:
    """After 五 it is 六 and 其他需要报告的事项 moves to 七; a second part may follow the first by its id."""
    from govdisclose.model import PartRegistry, Section

    parts = PartRegistry()
    parts.register(_added())
    parts.register(_added(id="test.after-hotline", heading="接诉即办情况", after="test.hotline"))
    blank = new_report(edition="2021", agency="某市某局", year=2025, parts=parts)
    headings = [section.heading for section in blank.sections]
    assert ["存在的主要问题及改进情况", "政务公开热线运行情况", "接诉即办情况", "其他需要报告的事项"] == headings[4:]
    assert (Section, (), None) == (type(blank.sections[5]), blank.sections[5].blocks, blank.sections[5].part)
    assert "　　六、政务公开热线运行情况" in render(blank).splitlines()


def test_an_added_part_after_a_part_the_blank_has_not_goes_before_the_attached_tables() -> None:
    """Placed after 收费 (a pre-2019 chapter) in a 2021 blank it goes last; in a pre-2019 blank the 附表 stays last."""
    from govdisclose.model import Edition, Part, PartRegistry

    parts = PartRegistry()
    parts.register(_added(after=Part.FEES, editions=tuple(Edition)))
    in_2021 = new_report(edition="2021", agency="某局", year=2025, parts=parts)
    assert "政务公开热线运行情况" == in_2021.sections[-1].heading
    old = new_report(edition="pre-2019", agency="某局", year=2016, parts=parts)
    assert ["政府信息公开的收费及减免情况", "政务公开热线运行情况"] == [s.heading for s in old.sections][3:5]
    last = new_report(edition="2021", agency="某局", year=2025, parts=[_added(after=Part.STATISTICS_TABLES)])
    assert "政务公开热线运行情况" == last.sections[-1].heading


def test_a_part_definition_refuses_what_it_cannot_use() -> None:
    """An id without a prefix, a keyword that is no regular expression, a scope that cannot be called: ModelErrors."""
    for fields, message in (
        ({"id": "hotline"}, "a part's id is a lowercase tag with its plugin's prefix"),
        ({"keywords": ("热线(",)}, "keyword '热线(' is not a regular expression"),
        ({"scope": "某市"}, "'scope' must be callable or None (got '某市')"),
        ({"section": dict}, "'section' must be Section or a subclass of it"),
        ({"basis": " "}, "'basis' must not be blank"),
    ):
        with pytest.raises(ModelError) as info:
            _added(**fields)
        assert str(info.value).startswith(message), str(info.value)


def test_a_heading_names_an_added_part_by_its_keywords() -> None:
    """added_parts_named is to plugin parts what parts_named is to the standard ones; no keywords: the heading."""
    from govdisclose.model import added_parts_named

    hotline, plain = _added(keywords=("热线", "12345")), _added(id="test.plain")
    assert (hotline,) == added_parts_named("（七）12345政务服务便民热线情况", parts=[hotline, plain])
    assert (hotline, plain) == added_parts_named("八、政务公开热线运行情况", parts=[hotline, plain])
    assert () == added_parts_named("其他需要报告的事项", parts=[hotline, plain])
