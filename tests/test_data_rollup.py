import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govdisclose import Figure, examples, to_json
from govdisclose.cli import main
from govdisclose.data import figures, rollup
from govdisclose.model import Report

SAMPLE = examples.load("sample-2021")
LICENSING = "$.sections[1].blocks[0].rows[2].values[0]"  # 行政许可 × 本年处理决定数量: 268 in the sample
NEW_TOTAL = "$.sections[2].blocks[0].rows[0].values[6]"  # 一、本年新收 × 总计: 25 in the sample


def _as(name: str, report: Report = SAMPLE, **changes: object) -> Report:
    return attrs.evolve(report, agency=attrs.evolve(report.agency, name=name, parent=None), **changes)  # type: ignore[arg-type]


def _doubled(report: Report) -> Report:
    """Every exact figure of the official tables twice as large (what two copies of *report* add up to)."""
    for row in list(figures(report)):
        if row.column_kind is not None and row.state == "number" and row.qualifier is None:
            assert row.value is not None
            report = report.replace(row.path, Figure.of(row.value * 2))
    return report


PARENT = _as("示例县人民政府")
EDUCATION = _as("示例县教育局")
POLICE = _as("示例县公安局")


def test_a_parent_that_is_its_childrens_sum_has_no_finding() -> None:
    """Parent = 2 × the sample, children = the sample twice: every cell adds up, nothing to say."""
    result = rollup(_doubled(PARENT), [EDUCATION, POLICE])
    assert () == result.findings
    summed = [c for c in result.cells if c.difference is not None]
    assert summed
    assert all(c.difference == 0 for c in summed)
    licensing = next(c for c in result.cells if c.path == LICENSING)
    assert (Decimal(536), Decimal(536), 2) == (licensing.parent.value, licensing.children_sum, licensing.children)


def test_a_parent_smaller_everywhere_reports_its_own_level() -> None:
    """Parent = the sample, children 25 + 5 new applications: smaller in every differing cell, one info finding."""
    police = POLICE.replace(NEW_TOTAL, Figure.of(5))
    result = rollup(PARENT, [EDUCATION, police])
    new = next(c for c in result.cells if c.path == NEW_TOTAL)
    assert (Decimal(25), Decimal(30), Decimal(-5)) == (new.parent.value, new.children_sum, new.difference)
    assert [("rollup.own-level", "info")] == [(f.rule, f.severity.value) for f in result.findings]
    message = result.findings[0].message
    assert "没有一项大于：这份报告看来只报本级（本机关）的情况" in message
    assert "许多政府的年度报告只报本级（本机关）的情况，不汇总下级" in message
    smaller = [c.path for c in result.cells if c.difference is not None and c.difference < 0]
    assert tuple(smaller) == result.findings[0].paths


def test_a_parent_larger_here_and_smaller_there_is_a_warning() -> None:
    """Parent 行政许可 600 > 268 + 268 = 536, but every other figure the sample's (smaller than twice it)."""
    result = rollup(PARENT.replace(LICENSING, Figure.of(600)), [EDUCATION, POLICE])
    larger = [f for f in result.findings if f.severity.value == "info"]
    assert [
        "上级报告有1项数字大于下级报告之和（含本机关或未给出的下级），如行政许可 × 本年处理决定数量为600，下级之和为536"
    ] == [f.message for f in larger]
    warnings = [f for f in result.findings if f.severity.value == "warning"]
    assert warnings
    assert all(f.rule == "rollup.sum" for f in warnings)
    new = next(f for f in warnings if f.path == NEW_TOTAL)
    assert new.message.startswith(
        "一、本年新收政府信息公开申请数量 × 总计：上级报告为25，小于2份下级报告之和50（差25）"
    )
    assert (Decimal(50), Decimal(25), Decimal(-25)) == (new.expected, new.actual, new.difference)


def test_a_childs_blank_stops_the_sum_and_says_where() -> None:
    """A blank 行政许可 in one child: no sum for that cell, and the reason names the child and the path."""
    police = POLICE.replace(LICENSING, Figure(marker=""))
    result = rollup(_doubled(PARENT), [EDUCATION, police])
    licensing = next(c for c in result.cells if c.path == LICENSING)
    assert (None, None) == (licensing.children_sum, licensing.difference)
    assert f"示例县公安局: blank @ {LICENSING}" == licensing.reason


def test_children_of_another_year_or_region_are_warnings() -> None:
    """A child of 2020, one of 某市 and the parent itself given as a child are named."""
    late = _as("示例县教育局", year=2020)
    result = rollup(PARENT, [late, _as("某市公安局"), _as("示例县人民政府")])
    identity = [(f.rule, f.message) for f in result.findings if f.rule in ("rollup.years", "rollup.region")]
    assert [
        ("rollup.years", "下级报告“示例县教育局”为2020年度，上级报告为2021年度"),
        ("rollup.region", "下级报告“某市公安局”的地区（某市）不在上级报告的地区（示例县）之内"),
        ("rollup.region", "下级报告“示例县人民政府”与上级报告是同一机构（机构键示例县）"),
    ] == identity


def test_rollup_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Govdisclose rollup PARENT DIR: the parent's own file in DIR is skipped; text and JSON outputs."""
    folder = tmp_path / "region"
    folder.mkdir()
    parent = folder / "government.json"
    parent.write_text(to_json(_doubled(PARENT).replace(LICENSING, Figure.of(546))), encoding="utf-8")
    (folder / "education.json").write_text(to_json(EDUCATION), encoding="utf-8")
    (folder / "police.json").write_text(to_json(POLICE), encoding="utf-8")
    assert 0 == main(["rollup", str(parent), str(folder)])
    out = capsys.readouterr().out
    assert "child:  示例县教育局 2021 (示例县教育局)\nchild:  示例县公安局 2021 (示例县公安局)\n" in out
    assert "  applications-2021" not in out  # only 行政许可 differs: 546 against 268 + 268
    assert "  proactive-2021 行政许可 × 本年处理决定数量: parent 546, children 536 (+10)" in out
    assert 0 == main(["rollup", str(parent), str(folder), "--to", "json"])
    data = json.loads(capsys.readouterr().out)
    assert ("govdisclose-rollup", 2) == (data["format"], len(data["children"]))
    assert [["10"]] == [[c["difference"]] for c in data["cells"] if c["difference"] not in ("0", None)]


def test_rollup_command_needs_a_child(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A folder holding only the parent is no roll-up: a usage error."""
    parent = tmp_path / "government.json"
    parent.write_text(to_json(PARENT), encoding="utf-8")
    assert 2 == main(["rollup", str(parent), str(tmp_path)])
    assert "no child report" in capsys.readouterr().err
