import doctest
import functools
import importlib
import importlib.metadata
import io
import json
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclose
from govdisclose import (
    DuplicateKindError,
    DuplicateRuleError,
    InvalidKindError,
    PluginError,
    RegistryError,
    UnknownKindError,
)
from govdisclose.checks import Rule, check, default_rules
from govdisclose.cli import main
from govdisclose.model import Block, Count, Paragraph, Report, Section, default_kinds
from govdisclose.plugins import (
    ENTRY_POINT_GROUP,
    RENDER_FORMATS,
    LoadedPlugin,
    PluginHost,
    _entry_points,
    default_host,
    load_plugins,
    rendered_formats,
    use_host,
)
from govdisclose.plugins._entry_points import EntryPoint
from govdisclose.render import RenderContext, default_renderers, render
from govdisclose.serialize import dump_report
from govdisclose.serialize._files import parse_report
from govdisclose.templates import CategoryList, default_categories, normalize_category
from helpers import TESTS
from strategies import plugin_sections, reports

ROOT = TESTS.parent
SAMPLE = ROOT / "examples" / "plugin" / "sample-report.json"
DISTRIBUTION = "govdisclose-example-plugin"
PLUGIN = "npc-proposals"
PROPOSALS_PATH = "$.sections[5].subsections[1]"  # 六、其他需要报告的事项 →（二）in the sample


def _installed() -> bool:
    try:
        importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


requires_plugin = pytest.mark.skipif(
    not _installed(),
    reason=f"the example plugin is not installed as a distribution: uv pip install --python .venv ./examples/plugin "
    f"(the dev dependency group installs {DISTRIBUTION})",
)


@pytest.fixture
def host() -> PluginHost:
    """An isolated host with the installed plugins loaded through their entry points."""
    isolated = PluginHost.isolated()
    load_plugins(isolated)
    return isolated


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m govdisclose`` in a fresh process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "govdisclose", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


def _sample_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def _flawed(tmp_path: Path) -> Path:
    """The sample with 已办结 20 > 办理件数 18 (人大代表建议) and 已公开 25 > 已办结 23 (政协提案)."""
    data = _sample_data()
    rows = data["sections"][5]["subsections"][1]["blocks"][1]["rows"]
    rows[0]["values"] = [18, 20, 12]
    rows[1]["values"] = [23, 23, 25]
    path = tmp_path / "flawed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ---- the example plugin, installed as a distribution --------------------------------------------------------------


@requires_plugin
def test_entry_point_of_the_distribution_is_discovered(host: PluginHost) -> None:
    """load_plugins finds the example plugin's entry point and records its name, value and distribution."""
    expected = LoadedPlugin(
        name=PLUGIN,
        value="govdisclose_example_plugin:register",
        distribution=DISTRIBUTION,
        version=importlib.metadata.version(DISTRIBUTION),
    )
    assert (expected,) == tuple(p for p in host.plugins if p.name == PLUGIN)
    assert PLUGIN == host.kinds.source("section", "example.npc-proposals")
    assert PLUGIN == host.kinds.source("block", "example.proposals-table")
    assert PLUGIN == host.rules.source("example.proposals-total")


@requires_plugin
def test_the_example_plugin_docstring_examples_hold() -> None:
    """The examples in the plugin's docstrings run and are correct."""
    results = [
        doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
        for name in ("govdisclose_example_plugin", "govdisclose_example_plugin._model")
    ]
    assert [0, 0] == [result.failed for result in results]
    assert all(result.attempted for result in results)


@requires_plugin
def test_loading_twice_loads_once(host: PluginHost) -> None:
    """A second load_plugins into the same host returns the same plugins and registers nothing again."""
    before = (host.kinds.section_kinds(), host.rules.ids, host.renderers["html"].sections.keys())
    again = load_plugins(host)
    assert host.plugins == again
    assert before == (host.kinds.section_kinds(), host.rules.ids, host.renderers["html"].sections.keys())


@requires_plugin
def test_an_isolated_host_does_not_touch_the_defaults(host: PluginHost) -> None:
    """Loading into an isolated host leaves the default registries without the plugin's kinds and rule."""
    assert host.kinds.section_class("example.npc-proposals") is not None
    assert default_kinds.section_class("example.npc-proposals") is None
    assert "example.proposals-total" not in default_rules


def test_importing_govdisclose_loads_no_plugin() -> None:
    """Importing govdisclose (and its plugins package) registers nothing from plugins: loading is explicit."""
    code = "import govdisclose.plugins as p, govdisclose; print(govdisclose.model.default_kinds.section_kinds())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "('section',)\n" == result.stdout


@requires_plugin
def test_sample_report_round_trips_in_every_document_format(host: PluginHost) -> None:
    """The plugin's sample report loads, and JSON (byte for byte), TOML and YAML give it back."""
    text = SAMPLE.read_text(encoding="utf-8")
    report = govdisclose.from_json(text, registry=host.kinds)
    assert text == govdisclose.to_json(report, registry=host.kinds)
    for fmt in ("json", "toml", "yaml"):
        assert report == parse_report(dump_report(report, fmt, registry=host.kinds), fmt, registry=host.kinds)
    section = report.sections[5].subsections[1]
    assert ("example.npc-proposals", "门户网站", True) == (section.KIND, section.channel, section.all_on_time)


@requires_plugin
@given(st.tuples(reports, st.lists(plugin_sections(), min_size=1, max_size=2)))
@settings(max_examples=60, deadline=None)
def test_generated_reports_with_the_plugin_section_round_trip(drawn: tuple[Report, list[Section]]) -> None:
    """Reports with the plugin's section (at the top and inside a chapter) round-trip through JSON and YAML."""
    # Not TOML: it has no null for the unknown cells of generated tables (the sample goes through TOML above).
    report, extra = drawn
    chapter = Section(heading="其他需要报告的事项", subsections=tuple(extra))
    report = attrs.evolve(report, sections=(*report.sections, *extra, chapter))
    registry = _plugin_host().kinds
    for fmt in ("json", "yaml"):
        assert report == parse_report(dump_report(report, fmt, registry=registry), fmt, registry=registry)


@functools.cache
def _plugin_host() -> PluginHost:
    """One isolated host with the plugins, for the property test (function-scoped fixtures do not mix with @given)."""
    host = PluginHost.isolated()
    load_plugins(host)
    return host


@requires_plugin
def test_unknown_kind_without_the_plugin_names_the_kind_and_the_path(host: PluginHost) -> None:
    """Without the plugin its section kind is refused with the known kinds and the path; with it, it loads."""
    text = SAMPLE.read_text(encoding="utf-8")
    with pytest.raises(UnknownKindError) as info:
        govdisclose.from_json(text, registry=PluginHost.isolated().kinds)
    assert f"unknown section kind 'example.npc-proposals'; known kinds: section @ {PROPOSALS_PATH}" == str(info.value)
    assert PROPOSALS_PATH == info.value.path
    sections_only = PluginHost.isolated()
    sections_only.for_plugin("part").section(host.kinds.section_class("example.npc-proposals"))  # type: ignore[type-var]
    with pytest.raises(UnknownKindError) as block_info:
        govdisclose.from_json(text, registry=sections_only.kinds)
    known = ", ".join(sections_only.kinds.block_kinds())
    assert f"unknown block kind 'example.proposals-table'; known kinds: {known} @ {PROPOSALS_PATH}.blocks[1]" == str(
        block_info.value
    )
    assert "example.npc-proposals" == govdisclose.from_json(text, registry=host.kinds).sections[5].subsections[1].KIND


@requires_plugin
def test_json_schema_of_the_host_includes_the_plugin_kinds(host: PluginHost) -> None:
    """The schema of the plugin's registry validates the sample; the core schema refuses it."""
    data = _sample_data()
    schema = govdisclose.json_schema(registry=host.kinds)
    assert {"ProposalsSection", "ProposalsTable"} <= set(schema["$defs"])
    jsonschema.Draft202012Validator(schema).validate(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(govdisclose.json_schema(registry=PluginHost.isolated().kinds)).validate(data)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


@requires_plugin
def test_text_and_markdown_draw_the_plugin_table_with_its_labels(host: PluginHost) -> None:
    """Text and Markdown give the section's heading with its ordinal and the table's rows from the definition."""
    from govdisclose_example_plugin import HEADING, PROPOSALS

    report = govdisclose.from_json(SAMPLE.read_text(encoding="utf-8"), registry=host.kinds)
    labels = [row.label for row in PROPOSALS.rows]
    text = str(render(report, to="text", renderers=host.renderers)).splitlines()
    assert f"\u3000\u3000（二）{HEADING}" in text
    rows = [_cells(line) for line in text if line.startswith("| ") and _cells(line)[0] in labels]
    assert [["人大代表建议", "18", "18", "12"], ["政协提案", "23", "23", "15"]] == rows
    markdown = str(render(report, to="markdown", renderers=host.renderers)).splitlines()
    assert f"### （二）{HEADING}" in markdown
    header = next(i for i, line in enumerate(markdown) if line.startswith("| 类别"))
    assert [PROPOSALS.corner, "办理件数", "办理结果", ""] == _cells(markdown[header])
    assert ["", "", "已办结", "已公开"] == _cells(markdown[header + 2])
    assert ["政协提案", "23", "23", "15"] == _cells(markdown[header + 4])


@requires_plugin
@pytest.mark.parametrize("to", ["html", "html-fragment"])
def test_html_uses_the_plugin_function_and_the_merged_layout(host: PluginHost, to: str) -> None:
    """HTML marks the section with the plugin's class and channel, and draws the table with merged headings."""
    report = govdisclose.from_json(SAMPLE.read_text(encoding="utf-8"), registry=host.kinds)
    page = str(render(report, to=to, renderers=host.renderers))
    assert '<section class="gd-section gd-npc-proposals" data-channel="门户网站" data-depth="2">' in page
    label = '<th class="gd-label gd-label-0" scope="col" rowspan="2">类别</th>'  # the label column stays in view
    assert label + '<th scope="col" rowspan="2">办理件数</th>' in page
    assert '<th scope="colgroup" colspan="2">办理结果</th>' in page
    cell = '<td data-table="example.proposals-table" data-row="cppcc" data-col="published" data-value="15">15</td>'
    assert cell in page
    assert 1 == page.count("gd-npc-proposals")


@requires_plugin
def test_word_draws_the_heading_and_the_merged_table(host: PluginHost) -> None:
    """The Word document has the section's heading and the table, 办理结果 merged over two columns."""
    docx = pytest.importorskip("docx")
    from govdisclose_example_plugin import HEADING

    report = govdisclose.from_json(SAMPLE.read_text(encoding="utf-8"), registry=host.kinds)
    document = docx.Document(io.BytesIO(render(report, to="docx", renderers=host.renderers)))
    assert f"（二）{HEADING}" in [p.text for p in document.paragraphs]
    table = next(t for t in document.tables if t.cell(0, 0).text == "类别")
    assert ["类别", "办理件数", "办理结果", "办理结果"] == [c.text for c in table.rows[0].cells]
    assert table.cell(0, 2)._tc is table.cell(0, 3)._tc  # one merged cell
    assert ["政协提案", "23", "23", "15"] == [c.text for c in table.rows[3].cells]


@requires_plugin
def test_the_plugin_rule_stays_quiet_on_the_sample(host: PluginHost) -> None:
    """The sample's table is consistent: the plugin's rule finds nothing, and the report checks clean."""
    report = govdisclose.from_json(SAMPLE.read_text(encoding="utf-8"), registry=host.kinds)
    result = check(report, rules=host.rules)
    assert "example.proposals-total" in result.rules
    assert () == result.findings


@requires_plugin
def test_the_plugin_rule_fires_with_paths_and_numbers(host: PluginHost, tmp_path: Path) -> None:
    """已办结 over 办理件数 and 已公开 over 已办结 are errors at the cells involved."""
    report = govdisclose.from_json(_flawed(tmp_path).read_text(encoding="utf-8"), registry=host.kinds)
    result = check(report, rules=host.rules.configure(only={"example.proposals-total"}))
    table = f"{PROPOSALS_PATH}.blocks[1]"
    assert [
        (
            "人大代表建议“已办结”20件，多于“办理件数”18件（多2件）",
            (f"{table}.rows[0].values[1]", f"{table}.rows[0].values[0]"),
        ),
        (
            "政协提案“已公开”25件，多于“已办结”23件（多2件）",
            (f"{table}.rows[1].values[2]", f"{table}.rows[1].values[1]"),
        ),
    ] == [(f.message, f.paths) for f in result.findings]
    assert {"error"} == {f.severity.value for f in result.findings}
    assert not result.ok


# ---- the command line, in a fresh process ---------------------------------------------------------------------------


@requires_plugin
def test_cli_kinds_lists_the_plugin_kind_and_rule_with_its_name() -> None:
    """`govdisclose kinds` names the plugin as the source of its kinds, rule and field; core things say core."""
    result = cli("kinds")
    assert 0 == result.returncode, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["section", "example.npc-proposals", PLUGIN, "ProposalsSection"] in rows
    assert ["block", "example.proposals-table", PLUGIN, "ProposalsTable"] in rows
    assert ["rule", "example.proposals-total", PLUGIN, "error", "建议提案办结与公开件数"] in rows
    assert ["section", "section", "core", "Section"] in rows
    version = importlib.metadata.version(DISTRIBUTION)
    assert f"plugin {PLUGIN} = govdisclose_example_plugin:register ({DISTRIBUTION} {version})" in result.stdout


@requires_plugin
def test_cli_kinds_as_json() -> None:
    """`govdisclose kinds --format json` gives the plugins and every registration with its source."""
    result = cli("kinds", "--format", "json")
    assert 0 == result.returncode, result.stderr
    data = json.loads(result.stdout)
    assert {
        "name": PLUGIN,
        "value": "govdisclose_example_plugin:register",
        "distribution": DISTRIBUTION,
        "version": importlib.metadata.version(DISTRIBUTION),
    } in data["plugins"]
    assert {
        "category": "rule",
        "name": "example.proposals-total",
        "source": PLUGIN,
        "detail": "error 建议提案办结与公开件数",
    } in data["registrations"]


def test_cli_kinds_without_plugins_lists_only_core() -> None:
    """`govdisclose --no-plugins kinds` lists the core registrations only."""
    result = cli("--no-plugins", "kinds", "--format", "json")
    assert 0 == result.returncode, result.stderr
    data = json.loads(result.stdout)
    assert [] == data["plugins"]
    assert {"core"} == {entry["source"] for entry in data["registrations"]}
    assert set(default_rules.ids) == {e["name"] for e in data["registrations"] if e["category"] == "rule"}


@requires_plugin
def test_cli_checks_and_renders_a_report_using_the_plugin(tmp_path: Path) -> None:
    """`govdisclose check` passes the sample and fails the flawed copy; `render --to html` uses the plugin's HTML."""
    clean = cli("check", str(SAMPLE))
    assert 0 == clean.returncode, clean.stderr
    assert clean.stdout.endswith("1 report: 0 errors, 0 warnings, 0 info (0 explained)\n")
    flawed = cli("check", str(_flawed(tmp_path)))
    assert 1 == flawed.returncode
    path = f"{PROPOSALS_PATH}.blocks[1].rows[0].values[1]"
    assert f"error   example.proposals-total {path} (+1) 人大代表建议“已办结”20件，多于“办理件数”18件（多2件）" in (
        flawed.stdout.splitlines()
    )
    page = cli("render", str(SAMPLE), "--to", "html")
    assert 0 == page.returncode, page.stderr
    assert '<section class="gd-section gd-npc-proposals" data-channel="门户网站"' in page.stdout


def test_cli_without_plugins_refuses_the_plugin_kind() -> None:
    """With --no-plugins the sample's section kind is unknown: one line naming the file, the kind and the path."""
    result = cli("--no-plugins", "check", str(SAMPLE))
    assert 1 == result.returncode
    assert (
        f"govdisclose: error: {SAMPLE}: unknown section kind 'example.npc-proposals'; known kinds: section "
        f"@ {PROPOSALS_PATH}\n" == result.stderr
    )


@requires_plugin
def test_cli_in_process_leaves_the_default_registries_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """main() loads plugins into a copy of the registries, so the defaults stay as they were."""
    assert 0 == main(["kinds"])
    assert "example.npc-proposals" in capsys.readouterr().out
    assert default_kinds.section_class("example.npc-proposals") is None
    assert "example.proposals-total" not in default_rules


# ---- fake plugins: validation errors name the plugin ---------------------------------------------------------------


@pytest.fixture
def fake_plugins(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Install fake plugins: ``fake_plugins(name=register_or_module_or_value, …)`` as the only entry points."""

    def install(**plugins: object) -> None:
        entry_points = []
        for name, target in plugins.items():
            if isinstance(target, str):  # an entry point value, imported as is
                value = target
            else:
                module = f"fake_govdisclose_plugin_{name.replace('-', '_')}"
                if isinstance(target, types.ModuleType):
                    monkeypatch.setitem(sys.modules, module, target)
                    value = module
                else:
                    monkeypatch.setitem(sys.modules, module, types.SimpleNamespace(register=target))
                    value = f"{module}:register"
            entry_points.append(EntryPoint(name, value, ENTRY_POINT_GROUP))

        def fake(*, group: str) -> list[EntryPoint]:
            return entry_points if group == ENTRY_POINT_GROUP else []

        monkeypatch.setattr(_entry_points, "entry_points", fake)

    return install


@attrs.frozen(kw_only=True)
class FakeTakenSection(Section):
    """A section claiming the core tag."""

    KIND: ClassVar[str] = "section"


@attrs.frozen(kw_only=True)
class FakeOwnSection(Section):
    """A section with a tag of its own."""

    KIND: ClassVar[str] = "fake.own"


@attrs.frozen(kw_only=True)
class FakeOtherSection(Section):
    """Another class claiming the tag of FakeOwnSection."""

    KIND: ClassVar[str] = "fake.own"


class FakePlainBlock:
    """Not an attrs class at all."""

    KIND: ClassVar[str] = "fake.plain"


class FakeUndecoratedBlock(Block):
    """A Block subclass that forgot its decorator: only its base is an attrs class."""

    KIND: ClassVar[str] = "fake.undecorated"

    text: str = ""


@attrs.frozen(kw_only=True)
class FakeMotto(Block):
    """A block kind no renderer knows."""

    KIND: ClassVar[str] = "fake.motto"

    text: str


def test_duplicate_tag_names_the_plugin(fake_plugins: Callable[..., None]) -> None:
    """A plugin claiming a core tag gets DuplicateKindError naming the plugin, the tag and the owner."""
    fake_plugins(**{"fake-dup": lambda host: host.section(FakeTakenSection)})
    with pytest.raises(DuplicateKindError) as info:
        load_plugins(PluginHost.isolated())
    assert (
        "plugin 'fake-dup' (fake_govdisclose_plugin_fake_dup:register): section kind 'section' of FakeTakenSection "
        "is already registered by core for Section" == str(info.value)
    )
    assert ("fake-dup", "section") == (info.value.source, info.value.tag)


def test_two_plugins_claiming_one_tag(fake_plugins: Callable[..., None]) -> None:
    """The second plugin to claim a tag is refused, and the message names both plugins."""
    fake_plugins(
        **{
            "fake-a": lambda host: host.section(FakeOwnSection),
            "fake-b": lambda host: host.section(FakeOtherSection),
        }
    )
    host = PluginHost.isolated()
    with pytest.raises(DuplicateKindError, match=r"^plugin 'fake-b' .*'fake\.own' .* already registered by fake-a "):
        load_plugins(host)
    assert FakeOwnSection is host.kinds.section_class("fake.own")


def test_non_attrs_class_names_the_plugin(fake_plugins: Callable[..., None]) -> None:
    """A class that is not an attrs class gets InvalidKindError naming the plugin and the class."""
    fake_plugins(**{"fake-plain": lambda host: host.block(FakePlainBlock)})
    with pytest.raises(InvalidKindError) as info:
        load_plugins(PluginHost.isolated())
    assert str(info.value).startswith("plugin 'fake-plain' (fake_govdisclose_plugin_fake_plain:register): ")
    assert "FakePlainBlock is not an attrs class; decorate it with @attrs.frozen" in str(info.value)
    assert isinstance(info.value, TypeError)
    fake_plugins(**{"fake-undecorated": lambda host: host.block(FakeUndecoratedBlock)})
    with pytest.raises(InvalidKindError) as undecorated:
        load_plugins(PluginHost.isolated())
    assert (
        "plugin 'fake-undecorated' (fake_govdisclose_plugin_fake_undecorated:register): FakeUndecoratedBlock is not "
        "an attrs class itself (only a base class is); decorate it with @attrs.frozen(kw_only=True)"
        == str(undecorated.value)
    )


def test_rule_id_clash_names_the_plugin(fake_plugins: Callable[..., None]) -> None:
    """A rule with a core rule's ID gets DuplicateRuleError naming the plugin and the rule."""
    clash = Rule(
        id="breakdown.sum", title="重复", description="Clashes.", severity="info", scope="x", check=lambda c: ()
    )
    fake_plugins(**{"fake-rule": lambda host: host.rule(clash)})
    with pytest.raises(DuplicateRuleError) as info:
        load_plugins(PluginHost.isolated())
    assert (
        "plugin 'fake-rule' (fake_govdisclose_plugin_fake_rule:register): rule 'breakdown.sum' is already registered "
        "by core" == str(info.value)
    )


def test_plugin_that_fails_to_import(fake_plugins: Callable[..., None]) -> None:
    """An entry point whose module cannot be imported gives PluginError naming the plugin and the import."""
    fake_plugins(**{"fake-missing": "govdisclose_no_such_plugin_module:register"})
    with pytest.raises(PluginError) as info:
        load_plugins(PluginHost.isolated())
    assert (
        "plugin 'fake-missing' (govdisclose_no_such_plugin_module:register): cannot import "
        "'govdisclose_no_such_plugin_module:register': ModuleNotFoundError: No module named "
        "'govdisclose_no_such_plugin_module'" == str(info.value)
    )
    assert "fake-missing" == info.value.source


def test_plugin_whose_register_raises(fake_plugins: Callable[..., None]) -> None:
    """An exception in register() becomes a PluginError naming the plugin and the exception."""

    def register(host: PluginHost) -> None:
        raise ZeroDivisionError("division by zero")

    fake_plugins(**{"fake-boom": register})
    with pytest.raises(PluginError, match=r"^plugin 'fake-boom' \(.*\): register\(\) failed: ZeroDivisionError: "):
        load_plugins(PluginHost.isolated())


def test_entry_point_to_a_module_uses_its_register(fake_plugins: Callable[..., None]) -> None:
    """An entry point may name a module with a register function; one without gives PluginError."""
    module = types.ModuleType("fake_module_plugin")
    module.register = lambda host: host.section(FakeOwnSection)  # type: ignore[attr-defined]
    fake_plugins(**{"fake-module": module})
    host = PluginHost.isolated()
    assert ["fake-module"] == [p.name for p in load_plugins(host)]
    assert "fake-module" == host.kinds.source("section", "fake.own")
    fake_plugins(**{"fake-empty": types.ModuleType("fake_empty_plugin")})
    with pytest.raises(PluginError, match=r"^plugin 'fake-empty' .* is not a register\(host\) function, nor a module"):
        load_plugins(PluginHost.isolated())


def test_a_failing_plugin_registers_nothing(fake_plugins: Callable[..., None]) -> None:
    """Registration is all or nothing: a plugin that fails half-way leaves the host as it was."""
    clash = Rule(
        id="breakdown.sum", title="重复", description="Clashes.", severity="info", scope="x", check=lambda c: ()
    )

    def register(host: PluginHost) -> None:
        host.section(FakeOwnSection)
        host.rule(clash)

    fake_plugins(**{"fake-half": register})
    host = PluginHost.isolated()
    with pytest.raises(DuplicateRuleError):
        load_plugins(host)
    assert host.kinds.section_class("fake.own") is None
    assert () == host.plugins


def test_same_name_from_another_place_is_refused() -> None:
    """A second, different plugin under a loaded plugin's name is a PluginError naming both."""
    host = PluginHost.isolated()
    host.load("fake-name", lambda h: None, value="first:register")
    with pytest.raises(PluginError) as info:
        host.load("fake-name", lambda h: None, value="second:register")
    assert "plugin 'fake-name' (second:register): a plugin of that name is loaded already, from first:register" == (
        str(info.value)
    )


def test_cli_names_a_broken_plugin_and_the_way_out(
    fake_plugins: Callable[..., None], capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken plugin stops the command line with one line naming it; --no-plugins runs without it."""
    fake_plugins(**{"fake-missing": "govdisclose_no_such_plugin_module:register"})
    assert 1 == main(["rules"])
    err = capsys.readouterr().err
    assert err.startswith("govdisclose: error: plugin 'fake-missing' (govdisclose_no_such_plugin_module:register)")
    assert err.endswith("; run with --no-plugins to skip plugins\n")
    assert 0 == main(["--no-plugins", "rules"])


# ---- the host API -------------------------------------------------------------------------------------------------


def test_default_host_is_over_the_default_registries() -> None:
    """default_host() wraps the package's default registries, and is always the same host."""
    host = default_host()
    assert host is default_host()
    assert (default_kinds, default_rules, default_renderers, default_categories) == (
        host.kinds,
        host.rules,
        host.renderers,
        host.category_lists,
    )


def test_isolated_hosts_hold_the_core_and_stay_apart() -> None:
    """isolated() copies the core registrations; what one isolated host registers, another does not see."""
    first, second = PluginHost.isolated(), PluginHost.isolated()
    core = tuple(tag for tag in default_kinds.block_kinds() if default_kinds.source("block", tag) == "core")
    assert core == first.kinds.block_kinds()
    first.for_plugin("mine").section(FakeOwnSection)
    assert "mine" == first.kinds.source("section", "fake.own")
    assert second.kinds.section_class("fake.own") is None
    assert default_kinds.section_class("fake.own") is None
    assert first.copy().kinds.section_class("fake.own") is FakeOwnSection


def test_unrendered_block_lists_its_formats_and_fails_clearly_in_each() -> None:
    """A plugin block without render functions is listed per format, and rendering it names the kind and format."""
    host = PluginHost.isolated()
    host.load("fake-motto", lambda h: h.block(FakeMotto))
    assert tuple(("fake.motto", fmt) for fmt in ("text", "markdown", "html", "docx")) == host.unrendered()
    report = Report(
        edition=govdisclose.Edition.E2021,
        year=2024,
        agency=govdisclose.Agency(name="某局"),
        sections=(Section(heading="格言", blocks=(FakeMotto(text="公开为常态"),)),),
    )
    messages = {
        "text": "the text renderer has no function for block kind 'fake.motto'",
        "markdown": "the Markdown renderer has no function for block kind 'fake.motto'",
        "html": "the HTML renderer has no function for block kind 'fake.motto'",
        "html-fragment": "the HTML renderer has no function for block kind 'fake.motto'",
    }
    if _has_docx():
        messages["docx"] = "the Word renderer has no function for block kind 'fake.motto'"
    for to, message in messages.items():
        with pytest.raises(TypeError) as info:
            render(report, to=to, renderers=host.renderers)
        assert str(info.value).startswith(message), to


def test_cli_render_names_a_block_kind_the_format_cannot_draw(
    fake_plugins: Callable[..., None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govdisclose render` of a plugin block without a function for the format exits 1 with one line, no traceback."""
    fake_plugins(**{"fake-motto": lambda host: host.block(FakeMotto)})
    host = PluginHost.isolated()
    host.load("fake-motto", lambda h: h.block(FakeMotto))
    report = Report(
        edition=govdisclose.Edition.E2021,
        year=2024,
        agency=govdisclose.Agency(name="某局"),
        sections=(Section(heading="格言", blocks=(Paragraph(content=("前言。",)), FakeMotto(text="公开为常态"))),),
    )
    assert (("$.sections[0].blocks[1]", "fake.motto"),) == host.unrendered_in(report, "html-fragment")
    assert () == host.unrendered_in(report, "no-such-format")
    path = tmp_path / "motto.json"
    path.write_text(govdisclose.to_json(report, registry=host.kinds), encoding="utf-8")
    assert 1 == main(["render", str(path), "--to", "markdown"])
    assert (
        f"govdisclose: error: {path}: fake-motto registers no markdown function for block kind 'fake.motto' "
        "@ $.sections[0].blocks[1]\n" == capsys.readouterr().err
    )


def _has_docx() -> bool:
    try:
        import docx  # noqa: F401
    except ImportError:  # pragma: no cover - the dev group installs python-docx
        return False
    return True


@attrs.frozen(kw_only=True)
class FakeSlogan(Block):
    """A block kind with a text function registered through the host."""

    KIND: ClassVar[str] = "fake.slogan"

    text: str


def _slogan_text(block: FakeSlogan, context: RenderContext) -> list[str]:
    return ["\u3000\u3000" + block.text]


def _slogan_report() -> Report:
    return Report(
        edition=govdisclose.Edition.E2021,
        year=2024,
        agency=govdisclose.Agency(name="某局"),
        sections=(Section(heading="标语", blocks=(FakeSlogan(text="公开为常态"),)),),
    )


def test_render_function_registers_on_the_host_renderers() -> None:
    """host.render_function('text', …) makes the host's text renderer draw the plugin's block; other formats lack it."""
    host = PluginHost.isolated()
    host.load("fake-slogan", lambda h: (h.block(FakeSlogan), h.render_function("text", FakeSlogan, _slogan_text)))
    assert _slogan_text is host.renderers["text"].blocks.find(FakeSlogan)  # type: ignore[attr-defined]
    assert "fake-slogan" == host.renderers["text"].blocks.source(FakeSlogan)  # type: ignore[attr-defined]
    assert ("text",) == rendered_formats(FakeSlogan, host.renderers)
    assert ("fake.slogan", "text") not in host.unrendered()
    assert "\u3000\u3000公开为常态" in str(render(_slogan_report(), to="text", renderers=host.renderers)).splitlines()
    again = PluginHost.isolated()  # the same plugin in another host: the same function, accepted
    again.load("fake-slogan", lambda h: (h.block(FakeSlogan), h.render_function("text", FakeSlogan, _slogan_text)))


def test_a_render_function_stays_in_its_isolated_host() -> None:
    """A function registered in an isolated host leaves the default renderers and other hosts as they were."""
    before = {name: default_renderers[name].blocks.keys() for name in default_renderers.names()}  # type: ignore[attr-defined]
    host = PluginHost.isolated()
    host.load("fake-slogan", lambda h: (h.block(FakeSlogan), h.render_function("text", FakeSlogan, _slogan_text)))
    host.load("fake-layout", lambda h: (h.block(FakeMotto), h.render_function("layout", FakeMotto, lambda t: ())))
    assert before == {name: default_renderers[name].blocks.keys() for name in default_renderers.names()}  # type: ignore[attr-defined]
    assert default_renderers["text"].tables.find(FakeMotto) is None  # type: ignore[attr-defined]
    assert () == rendered_formats(FakeSlogan)
    assert () == rendered_formats(FakeSlogan, PluginHost.isolated().renderers)
    with pytest.raises(TypeError, match=r"the text renderer has no function for block kind 'fake\.slogan'"):
        render(_slogan_report(), to="text")
    report = Report(
        edition=govdisclose.Edition.E2021,
        year=2024,
        agency=govdisclose.Agency(name="某局"),
        sections=(FakeOwnSection(heading="自有部分"),),
    )
    default_output = render(report, to="html-fragment")

    def own_html(section: Section, ordinal: str, context: RenderContext) -> str:
        return "<p>mine</p>"

    mine = PluginHost.isolated()
    mine.load(
        "fake-own-html", lambda h: (h.section(FakeOwnSection), h.render_function("html", FakeOwnSection, own_html))
    )
    assert "<p>mine</p>\n" == render(report, to="html-fragment", renderers=mine.renderers).split("</header>\n")[1][:12]
    assert default_output == render(report, to="html-fragment")
    assert '<section class="gd-section" data-depth="1">' in default_output


def test_render_function_is_validated() -> None:
    """Unknown formats, core or unregistered classes, clashing functions and sections for layout are refused."""
    host = PluginHost.isolated().for_plugin("fake-check")
    host.block(FakeMotto)
    host.section(FakeOwnSection)
    with pytest.raises(RegistryError, match=r"^fake-check: unknown render format 'pdf'; known formats: text, "):
        host.render_function("pdf", FakeMotto, _slogan_text)
    with pytest.raises(RegistryError, match=r"^fake-check: the html rendering of the core block kind 'paragraph'"):
        host.render_function("html", Paragraph, lambda block, context: "")
    with pytest.raises(InvalidKindError, match=r"^fake-check: 'FakeSlogan' is not a block kind of this host"):
        host.render_function("html", FakeSlogan, lambda block, context: "")
    with pytest.raises(InvalidKindError, match=r"^fake-check: FakeOwnSection is a section; a layout function is for"):
        host.render_function("layout", FakeOwnSection, lambda table: ())
    first = host.render_function("markdown", FakeOwnSection, lambda section, ordinal, context: [])
    with pytest.raises(DuplicateKindError, match=r"^fake-check: markdown section kind 'fake.own' already has a "):
        host.render_function("markdown", FakeOwnSection, lambda section, ordinal, context: ["other"])
    assert first is host.render_function("markdown", FakeOwnSection, first)
    assert ("text", "markdown", "html", "docx", "layout") == RENDER_FORMATS


# ---- rules, renderers, categories and metadata fields through the host --------------------------------------------


@attrs.frozen
class CountRenderer:
    """A renderer that writes how many chapters a report has."""

    name: str = "fake-count"
    media_type: str = "text/plain; charset=utf-8"

    def render(self, report: Report) -> str:
        """The number of chapters."""
        return f"{len(report.sections)}\n"


def test_rules_renderers_categories_and_fields_join_with_their_source() -> None:
    """Everything a plugin adds is listed by inventory() with the plugin as its source, and used by the package."""

    def no_sections(ctx: Any) -> Iterator[Any]:
        if not ctx.report.sections:
            yield ctx.finding("报告没有正文", paths=("$.sections",))

    rule = Rule(
        id="fake.empty",
        title="无正文",
        description="No chapters.",
        severity="warning",
        scope="report",
        check=no_sections,
    )
    category_list = CategoryList(id="fake-list", name="示例省分类", categories=("乡村振兴类",))

    def register(h: PluginHost) -> None:
        h.rule(rule)
        h.renderer(CountRenderer())
        h.categories(category_list)

    host = PluginHost.isolated()
    host.load("fake-all", register)
    added = [(r.category, r.name) for r in host.inventory() if r.source == "fake-all"]
    assert [
        ("rule", "fake.empty"),
        ("renderer", "fake-count"),
        ("categories", "fake-list"),
    ] == (added)
    report = Report(edition=govdisclose.Edition.E2021, year=2024, agency=govdisclose.Agency(name="某局"))
    assert "0\n" == render(report, to="fake-count", renderers=host.renderers)
    assert ["报告没有正文"] == [f.message for f in check(report, rules=host.rules).by_rule("fake.empty")]
    assert "乡村振兴类" == normalize_category("乡村振兴类信息", registry=host.category_lists)


def test_host_methods_refuse_the_wrong_things() -> None:
    """Each registration method checks what it is given, and duplicates name the plugin."""
    host = PluginHost.isolated().for_plugin("fake-wrong")
    with pytest.raises(InvalidKindError, match=r"^fake-wrong: 'nope' is not a Rule"):
        host.rule("nope")  # type: ignore[arg-type]
    with pytest.raises(InvalidKindError, match=r"^fake-wrong: 3 is not a renderer"):
        host.renderer(3)  # type: ignore[type-var]
    with pytest.raises(InvalidKindError, match=r"^fake-wrong: \[\] is not a CategoryList"):
        host.categories([])  # type: ignore[arg-type]
    with pytest.raises(DuplicateKindError, match=r"^fake-wrong: a renderer named 'text' is already registered by core"):
        host.renderer(CountRenderer(name="text"))
    with pytest.raises(RegistryError, match=r"^fake-wrong: a category list with id 'beijing-2008' is already"):
        host.categories(default_categories.get("beijing-2008"))  # type: ignore[arg-type]
    with pytest.raises(PluginError, match="a plugin needs a name"):
        host.for_plugin(" ")


def test_a_copy_of_the_default_host_serializes_like_the_defaults() -> None:
    """A report without plugin kinds is the same through the default registry and a host's copy of it."""
    report = Report(
        edition=govdisclose.Edition.E2021,
        year=2024,
        agency=govdisclose.Agency(name="某局"),
        sections=(Section(heading="概述", blocks=(Paragraph(content=("共", Count(value=3, unit="条"), "。")),)),),
    )
    copy = default_host().copy()
    assert govdisclose.to_json(report) == govdisclose.to_json(report, registry=copy.kinds)


# ---- a mandatory province part: new_report, the reader and check honour it ----------------------------------------

PROVINCE_ORGAN = "示例省教育厅"  # in the example plugin's scope (its region is 示例省)
PART_ID = "example.npc-proposals"
PART_MISSING = "缺少示例省年度报告模板要求的“人大代表建议和政协提案办理结果公开情况”部分"


@pytest.fixture
def province(host: PluginHost) -> Iterator[PluginHost]:
    """The isolated host with the plugin, the active host (where the readers look for tables) for the test."""
    with use_host(host):
        yield host


def _filled_province_report(host: PluginHost) -> Report:
    """The province's blank with every prose part written and the proposals table filled (45/45/40, 12/12/12)."""
    from govdisclose.model import Part
    from govdisclose.templates import new_report

    blank = new_report(edition="2021", agency=PROVINCE_ORGAN, year=2025, parts=host.parts)
    written = blank
    for part in (Part.OVERVIEW, Part.PROBLEMS, Part.OTHER):
        written = written.with_part(part, blocks=[Paragraph(content=("本年度工作情况。",))], subsections=[])
    index = next(i for i, section in enumerate(written.sections) if section.KIND == PART_ID)
    table = (
        written.sections[index]
        .blocks[0]
        .with_cells({("人大代表建议", "办理件数"): 45, ("人大代表建议", "已办结"): 45, ("人大代表建议", "已公开"): 40})
    )
    table = table.with_row("政协提案", {"办理件数": 12, "已办结": 12, "已公开": 12})
    return written.replace(f"$.sections[{index}].blocks", (table, Paragraph(content=("均已按期办结。",))))


@requires_plugin
def test_new_report_adds_the_province_part_for_its_organs(host: PluginHost) -> None:
    """A 2021 and a 2019 blank of an organ of 示例省 end with 七、the plugin's part holding its zero table."""
    from govdisclose_example_plugin import HEADING, ProposalsSection, ProposalsTable

    from govdisclose.templates import new_report

    for edition in ("2021", "2019"):
        blank = new_report(edition=edition, agency=PROVINCE_ORGAN, year=2025, parts=host.parts)
        assert 7 == len(blank.sections)
        last = blank.sections[-1]
        assert (ProposalsSection, HEADING, None) == (type(last), last.heading, last.part)
        assert [ProposalsTable.zeros()] == list(last.blocks)
        assert "　　七、人大代表建议和政协提案办理结果公开情况" in render(blank, renderers=host.renderers).splitlines()


@requires_plugin
def test_new_report_leaves_the_part_out_elsewhere_unless_included(host: PluginHost) -> None:
    """Other organs, and pre-2019 reports, have no such part; include= adds it; an unknown id names the known ones."""
    from govdisclose import ModelError
    from govdisclose.model import Agency
    from govdisclose.templates import new_report

    assert 6 == len(new_report(edition="2021", agency="某县教育局", year=2025, parts=host.parts).sections)
    old = new_report(edition="pre-2019", agency=PROVINCE_ORGAN, year=2016, parts=host.parts)
    assert PART_ID not in {section.KIND for section in old.sections}
    included = new_report(edition="2021", agency="某县教育局", year=2025, parts=host.parts, include=[PART_ID])
    assert PART_ID == included.sections[-1].KIND
    county = Agency(name="某县教育局", parent="示例省某市")  # in the province by its parent
    assert PART_ID == new_report(edition="2021", agency=county, year=2025, parts=host.parts).sections[-1].KIND
    with pytest.raises(ModelError) as info:
        new_report(edition="2021", agency="某局", year=2025, parts=host.parts, include=["example.nope"])
    assert "no registered part 'example.nope'; registered: example.npc-proposals" == str(info.value)


@requires_plugin
def test_part_missing_asks_the_province_organs_for_the_part(host: PluginHost) -> None:
    """part.missing with a profile's parts: absent → 缺少…部分; no content → 没有内容; with its table → quiet."""
    from govdisclose.checks import Profile

    profile = Profile(name="示例省", parts=tuple(host.parts))
    report = _filled_province_report(host)
    assert () == check(report, rules=host.rules, profile=profile).findings
    without = attrs.evolve(report, sections=report.sections[:-1])
    findings = [(f.rule, f.message, f.paths) for f in check(without, rules=host.rules, profile=profile).findings]
    assert [("part.missing", PART_MISSING, ("$.sections",))] == findings
    assert () == check(without, rules=host.rules).findings  # the default host has no such part
    empty = report.replace("$.sections[6]", Section(heading="七、人大代表建议和政协提案办理结果公开情况"))
    findings = [(f.rule, f.message) for f in check(empty, rules=host.rules, profile=profile).findings]
    expected = (
        "“七、人大代表建议和政协提案办理结果公开情况”部分没有内容"
        "（示例省年度报告模板要求报告人大代表建议和政协提案办理结果公开情况）"
    )
    assert [("part.missing", expected)] == findings
    elsewhere = attrs.evolve(without, agency=attrs.evolve(without.agency, name="某县教育局"), signature=None)
    assert () == check(elsewhere, rules=host.rules, profile=profile).findings


@requires_plugin
def test_part_missing_reads_the_active_hosts_parts_without_a_profile(host: PluginHost) -> None:
    """Without a profile, part.missing asks for the parts of the active host; outside the block, for none."""
    report = _filled_province_report(host)
    without = attrs.evolve(report, sections=report.sections[:-1])
    with use_host(host):
        assert [PART_MISSING] == [f.message for f in check(without).findings]
    assert () == check(without).findings


@requires_plugin
def test_new_report_and_check_follow_one_profile(host: PluginHost) -> None:
    """new_report(profile=…) adds the profile's parts; check(…, profile=…) then finds the blank's part present."""
    from govdisclose.checks import Profile
    from govdisclose.templates import new_report

    profile = Profile(name="示例省", parts=tuple(host.parts))
    blank = new_report(edition="2021", agency=PROVINCE_ORGAN, year=2025, profile=profile)
    assert PART_ID == blank.sections[-1].KIND
    assert 6 == len(new_report(edition="2021", agency=PROVINCE_ORGAN, year=2025).sections)  # default host: none
    messages = [f.message for f in check(blank, rules=host.rules, profile=profile).findings]
    assert not any("人大代表建议" in message for message in messages)
    assert 3 == len(messages)  # 一、五、六 are still empty prose parts


@requires_plugin
@pytest.mark.parametrize("to", ["text", "html"])
def test_the_reader_reads_the_part_and_its_table_and_check_honours_it(province: PluginHost, to: str) -> None:
    """Rendered and read back, the part is a chapter with the plugin's table (read by its labels); check is quiet."""
    from govdisclose_example_plugin import ProposalsTable

    from govdisclose.checks import Profile
    from govdisclose.read import read_html, read_text

    profile = Profile(name="示例省", parts=tuple(province.parts))
    report = _filled_province_report(province)
    read = (read_text if to == "text" else read_html)(render(report, to=to, renderers=province.renderers))
    chapter = next(section for section in read.report.sections if "人大代表建议" in section.heading)
    table = chapter.blocks[0]
    assert isinstance(table, ProposalsTable)
    assert report.sections[-1].blocks[0].rows == table.rows
    assert [] == [f.message for f in check(read, profile=profile).findings if f.rule == "part.missing"]
    cut = render(attrs.evolve(report, sections=report.sections[:-1]), to=to, renderers=province.renderers)
    findings = [f.message for f in check(read_text(cut) if to == "text" else read_html(cut), profile=profile).findings]
    assert PART_MISSING in findings


@requires_plugin
def test_the_reader_does_not_guess_a_plugin_table(province: PluginHost) -> None:
    """A row that is not the plugin's, or a row one value short, leaves the table a generic table."""
    from govdisclose_example_plugin import ProposalsTable

    from govdisclose.model import Table
    from govdisclose.read import read_text

    head = (
        "示例省教育厅2025年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况。\n"
        "二、人大代表建议和政协提案办理结果公开情况\n| 类别 | 办理件数 | 已办结 | 已公开 |\n"
    )
    good = read_text(head + "| 人大代表建议 | 45 | 45 | 40 |\n| 政协提案 | 12 | 12 | / |\n").report
    table = good.sections[1].blocks[0]
    assert isinstance(table, ProposalsTable)
    assert "/" == table.get("cppcc", "published").text
    for rows in ("| 人大代表建议 | 45 | 45 | 40 |\n| 其他建议 | 1 | 1 | 1 |\n", "| 人大代表建议 | 45 | 45 |\n"):
        read = read_text(head + rows).report
        assert isinstance(read.sections[1].blocks[0], Table)


@requires_plugin
def test_the_plugin_rule_is_scoped_to_the_province_by_a_profile(host: PluginHost, tmp_path: Path) -> None:
    """With a profile scoping example.proposals-total to 示例省, the sample's county organ is out of scope."""
    from govdisclose.checks import AgencyScope, Profile

    flawed = parse_report(_flawed(tmp_path).read_bytes(), "json", registry=host.kinds)
    profile = Profile(name="示例省口径", scopes=(("example.proposals-total", AgencyScope(region="示例省")),))
    assert 2 == sum(f.rule == "example.proposals-total" for f in check(flawed, rules=host.rules).findings)
    assert 0 == sum(
        f.rule == "example.proposals-total" for f in check(flawed, rules=host.rules, profile=profile).findings
    )
    inside = attrs.evolve(flawed, agency=attrs.evolve(flawed.agency, parent="示例省"))
    assert 2 == sum(
        f.rule == "example.proposals-total" for f in check(inside, rules=host.rules, profile=profile).findings
    )


@requires_plugin
def test_cli_new_writes_the_province_part(tmp_path: Path) -> None:
    """`govdisclose new` for an organ of 示例省 writes the plugin's part, its table labelled in YAML."""
    target = tmp_path / "blank.yaml"
    result = cli("new", "--edition", "2021", "--agency", PROVINCE_ORGAN, "--year", "2025", "-o", str(target))
    assert 0 == result.returncode, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "- kind: example.npc-proposals\n  heading: 人大代表建议和政协提案办理结果公开情况\n" in text
    assert "- 0  # 办理结果 / 已办结" in text


def test_parts_are_registered_like_everything_else() -> None:
    """host.part: listed with its source, copied with the host, refused twice or when placed after nothing known."""
    from govdisclose.model import Part, PartDef

    host = PluginHost.isolated()
    hotline = PartDef(id="test.hotline", heading="政务公开热线运行情况", basis="某市模板", after=Part.PROBLEMS)
    host.load("hotline", lambda h: h.part(hotline))
    assert ("part", "test.hotline", "hotline") in {(r.category, r.name, r.source) for r in host.inventory()}
    assert hotline is host.copy().parts.get("test.hotline")
    assert PluginHost.isolated().parts.get("test.hotline") is None
    with pytest.raises(DuplicateKindError):
        host.load("other", lambda h: h.part(attrs.evolve(hotline, heading="另一个")))
    lost = PartDef(id="test.lost", heading="某部分", basis="某市模板", after="test.nowhere")
    with pytest.raises(InvalidKindError) as info:
        host.load("lost", lambda h: h.part(lost))
    assert "placed after 'test.nowhere', which is no registered part" in str(info.value)
    with pytest.raises(InvalidKindError):
        host.load("wrong", lambda h: h.part("test.hotline"))  # type: ignore[arg-type]


def test_entry_points_are_found_as_importlib_metadata_finds_them() -> None:
    """The scan without importlib.metadata finds the same entry points, distributions and versions as importlib."""
    for group in (ENTRY_POINT_GROUP, "console_scripts", "pytest11"):
        expected = [
            (e.name, e.value, e.dist.metadata["Name"] if e.dist else None, e.dist.version if e.dist else None)
            for e in importlib.metadata.entry_points(group=group)
        ]
        found = [(e.name, e.value, e.distribution, e.version) for e in _entry_points.entry_points(group=group)]
        assert sorted(expected) == sorted(found)
    assert any(e.name == "govdisclose" for e in _entry_points.entry_points(group="console_scripts"))


def test_an_entry_point_loads_what_it_names() -> None:
    """A value loads its module, or the attribute path inside it; a malformed value is refused."""
    assert importlib.import_module("json") is EntryPoint("x", "json", "g").load()
    assert importlib.import_module("os.path").join is EntryPoint("x", "os.path : join [extra]", "g").load()
    with pytest.raises(ValueError, match="not an entry point value"):
        EntryPoint("x", "not a value!", "g").load()


# ---- the command line's plugins are the active host while a command runs ------------------------------------------

PROPOSALS_TEXT = (
    "示例省教育厅2025年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况。\n"
    "二、人大代表建议和政协提案办理结果公开情况\n| 类别 | 办理件数 | 已办结 | 已公开 |\n"
    "| 人大代表建议 | 45 | 45 | 40 |\n| 政协提案 | 12 | 12 | / |\n"
)


def _defaults_untouched() -> None:
    """The package's defaults hold nothing of the plugin, and no host is active."""
    assert default_host().plugins == ()
    assert default_kinds.section_class(PART_ID) is None
    assert "example.proposals-total" not in default_rules
    assert PART_ID not in default_host().parts


def _province_report_without_the_part(tmp_path: Path, name: str = "without.json") -> Path:
    """The filled province report without its plugin part, written as JSON (the plugin's kinds are not needed)."""
    host = PluginHost.isolated()
    load_plugins(host)
    report = _filled_province_report(host)
    path = tmp_path / name
    path.write_text(dump_report(attrs.evolve(report, sections=report.sections[:-1]), "json"), encoding="utf-8")
    return path


@requires_plugin
def test_cli_check_asks_a_province_organ_for_the_plugin_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govdisclose check` in process: part.missing for the plugin's part; with --no-plugins no such finding."""
    path = _province_report_without_the_part(tmp_path)
    assert 0 == main(["check", str(path)])  # a warning
    out = capsys.readouterr().out
    assert f"warning part.missing $.sections {PART_MISSING}" in out.splitlines()
    _defaults_untouched()
    main(["--no-plugins", "check", str(path)])
    assert PART_MISSING not in capsys.readouterr().out
    _defaults_untouched()


@requires_plugin
def test_cli_check_in_a_fresh_process_and_with_two_workers(tmp_path: Path) -> None:
    """The same finding from `python -m govdisclose check`, and from each source of a batch with --jobs 2."""
    first = _province_report_without_the_part(tmp_path, "a.json")
    second = _province_report_without_the_part(tmp_path, "b.json")
    single = cli("check", str(first))
    assert 0 == single.returncode, single.stderr
    assert 1 == single.stdout.count(f"warning part.missing $.sections {PART_MISSING}")
    batch = cli("check", "--jobs", "2", str(first), str(second))
    assert 0 == batch.returncode, batch.stderr
    assert 2 == batch.stdout.count(f"warning part.missing $.sections {PART_MISSING}")


@requires_plugin
def test_cli_read_gives_the_plugin_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`govdisclose read` of a text with the plugin's table gives the typed table (45/45/40, 12/12/"/")."""
    path = tmp_path / "province.txt"
    path.write_text(PROPOSALS_TEXT, encoding="utf-8")
    assert 0 == main(["read", str(path)])
    data = json.loads(capsys.readouterr().out)
    table = data["sections"][1]["blocks"][0]
    assert "example.proposals-table" == table["kind"], table
    assert [[45, 45, 40], [12, 12, "/"]] == [row["values"] for row in table["rows"]]
    _defaults_untouched()
    assert 0 == main(["--no-plugins", "read", str(path)])
    assert "table" == json.loads(capsys.readouterr().out)["sections"][1]["blocks"][0]["kind"]


@requires_plugin
def test_cli_read_with_two_workers_gives_the_plugin_table(tmp_path: Path) -> None:
    """With --jobs 2 each worker process reads the plugin's table too."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PROPOSALS_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = cli("read", "--jobs", "2", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--output-dir", str(out))
    assert 0 == result.returncode, result.stderr
    kinds = [
        json.loads(path.read_text(encoding="utf-8"))["sections"][1]["blocks"][0]["kind"]
        for path in sorted(out.iterdir())
    ]
    assert ["example.proposals-table"] * 2 == kinds


@requires_plugin
def test_cli_new_in_process_adds_the_part_and_leaves_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govdisclose new` in process writes the part; run twice, the defaults stay as they were after each run."""
    for _ in range(2):
        target = tmp_path / "blank.yaml"
        assert 0 == main(["new", "--edition", "2021", "--agency", PROVINCE_ORGAN, "--year", "2025", "-o", str(target)])
        assert "- kind: example.npc-proposals\n" in target.read_text(encoding="utf-8")
        _defaults_untouched()


def test_use_host_is_scoped_to_its_block_and_thread() -> None:
    """Active in the block (nested blocks restore the outer host), not in a thread started there, gone afterwards."""
    import threading

    outer, inner = PluginHost.isolated(), PluginHost.isolated()
    inner.load("fake-inner", lambda h: h.section(FakeOwnSection))
    seen: list[object] = []
    with use_host(outer):
        assert default_host() is outer
        with use_host(inner):
            assert default_kinds.section_class("fake.own") is FakeOwnSection
            thread = threading.Thread(target=lambda: seen.append(default_kinds.section_class("fake.own")))
            thread.start()
            thread.join()
        assert default_host() is outer
        assert default_kinds.section_class("fake.own") is None
    assert [None] == seen
    assert default_kinds.section_class("fake.own") is None
    assert default_host().plugins == ()
