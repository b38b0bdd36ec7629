"""The fast load path gives exactly what the cattrs converter gives, whenever it gives anything."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from govdisclose import to_json
from govdisclose.model import Report
from govdisclose.serialize import loads_json
from govdisclose.serialize._converter import _converter_for, _default_loader
from strategies import reports
from test_hardening_documents import mutated


def _body(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "schema_version"}


def _same_as_converter(data: dict[str, Any]) -> None:
    """If the fast loader accepts the document, the converter accepts it too and builds an equal report."""
    try:
        fast = _default_loader().load(_body(data))
    except Exception:  # the fast path gives up; report_from_data then uses the converter alone
        return
    assert _converter_for(None).structure(_body(data), Report) == fast


@given(reports)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fast_path_matches_the_converter_on_valid_reports(report: Report) -> None:
    """Generated reports load to the same model through both paths (and the fast path does accept them)."""
    data = loads_json(to_json(report))
    assert report == _default_loader().load(_body(data))
    _same_as_converter(data)


@given(mutated())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fast_path_never_accepts_what_the_converter_would_build_differently(document: dict[str, Any]) -> None:
    """On mutated documents the fast path either gives up or agrees with the converter."""
    _same_as_converter(document)
