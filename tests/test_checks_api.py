import datetime
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import govdisclose
from govdisclose import examples
from govdisclose.checks import (
    FINDINGS_FORMAT,
    FINDINGS_VERSION,
    CheckResult,
    Severity,
    check,
    default_rules,
    path_key,
)
from govdisclose.cli import main
from govdisclose.model import Explanation, Report
from test_checks_tables import applications, full_report

SEED = "sanyuan-chengguan-2017"
TYPE_BREAKDOWN = "$.sections[1].subsections[0].blocks[0].content[1]"


def seed(*explanations: Explanation) -> Report:
    """The seed report, with explanations added."""
    return attrs.evolve(examples.load(SEED), explanations=explanations)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "govdisclose", *args], capture_output=True, check=False, text=True, encoding="utf-8"
    )


# ---- result ---------------------------------------------------------------------------------------------------------


def test_seed_result_counts_and_fails() -> None:
    """The seed: one error (the by-type breakdown), one warning (no fee part), one info (fees announced); not ok."""
    result = check(examples.load(SEED))
    assert ["intro.announced-parts", "part.missing", "breakdown.sum"] == [f.rule for f in result.findings]
    assert {"error": 1, "warning": 1, "info": 1, "explained": 0} == result.counts
    assert not result.ok
    assert "1 error, 1 warning, 1 info (0 explained)" == result.summary
    across = ("applications.carry-over", "proactive.in-force", "proactive.items-carried")
    assert (*across, "previous.identity", "copied.text", "copied.tables") == result.skipped


def test_findings_are_in_document_order_then_rule() -> None:
    """Findings sort by the earliest path they name, in document order, then by rule ID."""
    report = full_report(applications=applications({("result.disclosed", "total"): 5}))
    findings = check(report).findings
    keys = [(min(path_key(p) for p in f.paths), f.rule) for f in findings]
    assert sorted(keys) == keys
    # R4 of row （一） starts at its 自然人 cell, R3 of the 总计 column at the same row's 总计 cell
    assert ["applications.applicant-total", "applications.results-total"] == [f.rule for f in findings]


def test_explanation_by_rule_and_path_marks_the_finding_explained() -> None:
    """A note on breakdown.sum under $.sections[1] explains the by-type finding: still listed, no longer failing."""
    note = Explanation(text="按类型统计含重复归类。", rule="breakdown.sum", path="$.sections[1]")
    result = check(seed(note))
    (finding,) = result.by_rule("breakdown.sum")
    assert "按类型统计含重复归类。" == finding.explained_by
    assert finding.explained
    assert result.ok
    assert 1 == result.counts["explained"]
    assert 1 == result.counts["error"]
    assert () == tuple(f for f in result.unexplained if f.rule == "breakdown.sum")


def test_explanation_without_rule_covers_every_rule_under_its_path() -> None:
    """A note with a path and no rule explains whatever is found below the path, and nothing elsewhere."""
    result = check(seed(Explanation(text="见说明。", path="$.introduction")))
    explained = {f.rule for f in result.findings if f.explained}
    assert {"intro.announced-parts"} == explained


@pytest.mark.parametrize(
    "note",
    [
        Explanation(text="别的规则。", rule="share.value", path="$.sections[1]"),
        Explanation(text="相邻章节。", rule="breakdown.sum", path="$.sections[1].subsections[1]"),
        Explanation(text="前缀相近。", path="$.sections[1].subsections[0].blocks[0].content[10]"),
    ],
)
def test_explanations_that_do_not_cover_leave_the_finding_unexplained(note: Explanation) -> None:
    """Another rule, a sibling section, or a path that only shares leading characters do not explain it."""
    result = check(seed(note))
    assert [None] == [f.explained_by for f in result.by_rule("breakdown.sum")]
    assert not result.ok


def test_explanation_without_path_covers_the_rule_anywhere() -> None:
    """A note with a rule and no path explains every finding of that rule."""
    result = check(seed(Explanation(text="本报告未设收费章节。", rule="part.missing")))
    assert ["本报告未设收费章节。"] == [f.explained_by for f in result.by_rule("part.missing")]


# ---- JSON form ------------------------------------------------------------------------------------------------------


def test_json_form_is_versioned_and_complete() -> None:
    """to_json gives the documented govdisclose-findings document, version 1, with exact numbers as strings."""
    data = json.loads(check(examples.load(SEED)).to_json(source=f"example:{SEED}"))
    assert {"format": FINDINGS_FORMAT, "version": FINDINGS_VERSION} == {
        "format": data["format"],
        "version": data["version"],
    }
    assert ("govdisclose-findings", 1) == (FINDINGS_FORMAT, FINDINGS_VERSION)
    assert [
        "format",
        "version",
        "source",
        "report",
        "previous",
        "ok",
        "counts",
        "rules",
        "skipped",
        "findings",
        "blanks",
        "coverage",
    ] == list(data)
    assert {"title": "三元区城关街道2017年政府信息公开工作年度报告", "agency": "三元区城关街道办事处"} | {
        "year": 2017,
        "edition": "pre-2019",
    } == data["report"]
    breakdown = data["findings"][2]
    assert {
        "rule": "breakdown.sum",
        "severity": "error",
        "message": "“制作政府信息”按类型分项之和为17条（1+5+2+9），与总数15条不符（差2条）",
        "expected": "17",
        "expected_bound": "exact",
        "actual": "15",
        "difference": "-2",
        "explained_by": None,
    }.items() <= breakdown.items()
    assert TYPE_BREAKDOWN == breakdown["paths"][0]
    assert {"path": TYPE_BREAKDOWN, "text": "15条", "value": "15", "label": "制作政府信息"} == breakdown["operands"][0]


def test_json_dates_are_iso() -> None:
    """Dates in findings (deadlines) are written in ISO form."""
    report = attrs.evolve(full_report(), publication=govdisclose.Publication(published_on=datetime.date(2023, 2, 2)))
    finding = check(report).by_rule("publication.deadline")[0].to_data()
    assert ("2023-01-31", "2023-02-02", "2") == (finding["expected"], finding["actual"], finding["difference"])


def test_result_without_paths_or_findings_serializes() -> None:
    """An empty result is a valid document with ok true and no findings."""
    data = CheckResult(report=full_report()).to_data()
    assert (True, [], None) == (data["ok"], data["findings"], data["previous"])


# ---- command line ---------------------------------------------------------------------------------------------------


def test_cli_check_seed_reports_the_breakdown_and_fails() -> None:
    """`govdisclose check example:seed`: a line per finding with the path, a summary line, exit status 1."""
    result = cli("check", f"example:{SEED}")
    assert 1 == result.returncode
    lines = result.stdout.splitlines()
    assert f"example:{SEED} (三元区城关街道2017年政府信息公开工作年度报告)" == lines[0]
    message = "“制作政府信息”按类型分项之和为17条（1+5+2+9），与总数15条不符（差2条）"
    assert f"error   breakdown.sum {TYPE_BREAKDOWN} (+4) {message}" in lines
    assert "1 report: 1 error, 1 warning, 1 info (0 explained)" == lines[-1]
    assert not any("3+1+1+1+9" in line for line in lines)
    assert "" == result.stderr


def test_cli_disable_and_severity_change_the_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    """--disable drops a rule, --severity ID=LEVEL re-grades it; either lets the seed pass."""
    assert 0 == main(["check", f"example:{SEED}", "--disable", "breakdown.sum"])
    assert "breakdown.sum" not in capsys.readouterr().out
    assert 0 == main(["check", f"example:{SEED}", "--severity", "breakdown.sum=warning"])
    assert f"warning breakdown.sum {TYPE_BREAKDOWN} (+4)" in capsys.readouterr().out


def test_cli_json_lines_one_document_per_source(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json writes one findings document per source and line, with the source named."""
    assert 1 == main(["check", "--format", "json", f"example:{SEED}", f"example:{SEED}"])
    documents = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [f"example:{SEED}"] * 2 == [d["source"] for d in documents]
    assert {("govdisclose-findings", 1)} == {(d["format"], d["version"]) for d in documents}


def test_cli_explained_findings_are_shown_and_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An explained error is printed with its explanation and does not fail the check."""
    report = seed(Explanation(text="按类型统计含重复归类。", rule="breakdown.sum"))
    source = tmp_path / "seed.json"
    source.write_text(govdisclose.to_json(report), encoding="utf-8")
    assert 0 == main(["check", str(source)])
    out = capsys.readouterr().out
    assert "（已说明：按类型统计含重复归类。）" in out
    assert out.endswith("1 report: 1 error, 1 warning, 1 info (1 explained)\n")


def test_cli_previous_runs_the_rules_across_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--previous SOURCE feeds last year's report: a carry-over mismatch fails the check."""
    last = full_report(year=2021, applications=applications({("carry-forward", "natural-person"): 2}))
    this = full_report(applications=applications())
    (tmp_path / "2021.json").write_text(govdisclose.to_json(last), encoding="utf-8")
    (tmp_path / "2022.json").write_text(govdisclose.to_json(this), encoding="utf-8")
    assert 1 == main(["check", str(tmp_path / "2022.json"), "--previous", str(tmp_path / "2021.json")])
    out = capsys.readouterr().out
    assert "applications.carry-over $.sections[2].blocks[0].rows[1].values[6]" in out
    assert "applications.carry-over $.sections[2].blocks[0].rows[1].values[0]" not in out


def test_cli_bad_source_is_a_one_line_error(tmp_path: Path) -> None:
    """A SOURCE that cannot be read gives a one-line error naming it, the other sources are still checked; status 1."""
    missing = tmp_path / "missing.json"
    result = cli("check", f"example:{SEED}", str(missing))
    assert 1 == result.returncode
    assert 1 == len(result.stderr.splitlines())
    assert result.stderr.startswith(f"govdisclose: error: {missing}: ")
    assert result.stdout.startswith(f"example:{SEED} (")
    assert result.stdout.endswith("1 report: 1 error, 1 warning, 1 info (0 explained); 1 source failed\n")
    unknown = cli("check", "example:nope")
    assert unknown.stderr.startswith("govdisclose: error: example:nope: no bundled example 'nope'")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--disable", "no.such"], "unknown rule ID 'no.such'"),
        (["--severity", "breakdown.sum"], "--severity takes ID=LEVEL"),
        (["--severity", "breakdown.sum=fatal"], "unknown severity 'fatal'"),
    ],
)
def test_cli_bad_rule_options_are_usage_errors(args: list[str], message: str) -> None:
    """An unknown rule ID or a malformed --severity is a usage error (status 2)."""
    result = cli("check", f"example:{SEED}", *args)
    assert 2 == result.returncode
    assert message in result.stderr


def test_cli_rules_lists_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    """`govdisclose rules` prints every rule: ID, severity, scope, Chinese title."""
    assert 0 == main(["--no-plugins", "rules"])
    lines = capsys.readouterr().out.splitlines()
    assert list(default_rules.ids) == [line.split("\t")[0] for line in lines]
    assert "breakdown.sum\terror\tparagraph or statistic\t分项之和与总数" in lines


@pytest.mark.skipif("sample-2021" not in examples.names(), reason="the sample examples are not bundled")
def test_cli_samples_pass_and_fail() -> None:
    """sample-2021 passes with no finding; sample-2021-flawed fails."""
    good = cli("check", "example:sample-2021")
    assert (0, "1 report: 0 errors, 0 warnings, 0 info (0 explained)") == (
        good.returncode,
        good.stdout.splitlines()[-1],
    )
    assert 1 == cli("check", "example:sample-2021-flawed").returncode


def test_severity_values_are_the_documented_words() -> None:
    """Severities serialize as error, warning and info."""
    assert ["error", "warning", "info"] == [severity.value for severity in Severity]


def test_checks_all_is_exactly_the_public_surface() -> None:
    """``govdisclose.checks.__all__`` lists every public name the package defines or imports, and nothing else."""
    import types

    module = govdisclose.checks
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert sorted(public) == sorted(module.__all__)
    assert sorted(module.__all__, key=lambda n: (not n.isupper(), not n[0].isupper(), n)) == list(module.__all__)


def test_findings_point_at_their_source_positions() -> None:
    """With the reader's positions (by document path) a finding carries the page and line of what it names."""
    import attrs as _attrs

    from govdisclose.checks import SourcePosition
    from govdisclose.read import Position

    seed = examples.load(SEED)
    block = "$.sections[1].subsections[0].blocks[0]"
    positions = {block: Position(line=12, column=3, page=3), f"{block}.content[7]": Position(line=13, column=1, page=3)}
    (finding,) = check(seed, positions=positions).by_rule("breakdown.sum")
    assert (
        SourcePosition(path=f"{block}.content[1]", line=12, column=3, page=3),
        SourcePosition(path=f"{block}.content[7]", line=13, column=1, page=3),
    ) == finding.positions[:2]
    assert 5 == len(finding.positions)  # the parts without a position of their own take their paragraph's
    line = next(line for line in check(seed, positions=positions).to_text().splitlines() if "breakdown.sum" in line)
    assert line.endswith("（差2条） [第3页 第12行]")
    data = finding.to_data()["positions"][0]
    assert {"path": f"{block}.content[1]", "page": 3, "line": 12, "column": 3} == data

    @_attrs.frozen
    class Result:
        report: Report
        positions: dict[str, Position]

    (from_reader,) = check(Result(seed, positions)).by_rule("breakdown.sum")
    assert finding.positions == from_reader.positions
    assert "positions" not in check(seed).by_rule("breakdown.sum")[0].to_data()
