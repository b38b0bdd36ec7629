"""Every public model class refuses a wrong type at construction with a ModelError naming the class and the field."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclose.model as model
from govdisclose import ModelError
from govdisclose.model import Agency, Amount, Count, Edition, Figure, Publication, Report, Share
from strategies import reports

# The table definitions are the library's own data, BlockSite a view the walk yields; the rest are model classes.
_DEFINITIONS = {"BlockDef", "BlocksDef", "ColumnDef", "GridDef", "RowDef", "BlockSite"}
MODEL_CLASSES = [
    getattr(model, name)
    for name in model.__all__
    if isinstance(getattr(model, name), type)
    and attrs.has(getattr(model, name))
    and attrs.fields(getattr(model, name))  # Block, the base of the blocks, has no fields of its own
    and name not in _DEFINITIONS
    and name not in ("KindRegistry", "PartRegistry")  # registries, not values
]


def test_the_issue_cases_fail_at_construction() -> None:
    """The bad constructions reported by a county bureau's developer are one-line ModelErrors where they are made."""
    with pytest.raises(ModelError, match=r"^Report\.year must be int \(got str '2025'\)$"):
        Report(edition=Edition.E2021, year="2025", agency=Agency(name="某县教育局"))  # type: ignore[arg-type]
    with pytest.raises(ModelError, match=r"^Report\.edition must be Edition \(got str '2021'\)$"):
        Report(edition="2021", year=2025, agency=Agency(name="某县教育局"))  # type: ignore[arg-type]
    with pytest.raises(ModelError, match=r"^Agency\.name must be str \(got int 5\)$"):
        Agency(name=5)  # type: ignore[arg-type]
    with pytest.raises(ModelError, match=r"a date is a datetime\.date or an ISO string YYYY-MM-DD"):
        Publication(published_on="2026-02-30")  # type: ignore[arg-type]


def test_obvious_intentions_are_converted() -> None:
    """An agency name, ISO dates and times, and whole-number amounts and shares are taken for what they mean."""
    report = Report(edition=Edition.E2021, year=2025, agency="某县教育局")  # type: ignore[arg-type]
    assert Agency(name="某县教育局") == report.agency
    publication = Publication(published_on="2026-01-20", published_at="09:42")  # type: ignore[arg-type]
    assert (datetime.date(2026, 1, 20), datetime.time(9, 42)) == (publication.published_on, publication.published_at)
    assert (Decimal(3), Decimal(50)) == (Amount(value=3).value, Share(value=50).value)  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="write Decimal"):
        Amount(value=2.5)  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="'value' must be a whole number"):
        Count(value=True)


def test_figure_checks_its_own_fields() -> None:
    """A figure's marker and qualifier of a wrong type are ModelErrors naming the field."""
    with pytest.raises(ModelError, match=r"^Figure\.marker must be str or None \(got int 3\)$"):
        Figure(marker=3)  # type: ignore[arg-type]
    with pytest.raises(ModelError, match=r"^Figure\.qualifier must be Qualifier \(got str '余'\)$"):
        Figure(value=Decimal(3), qualifier="余")  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", [c for c in MODEL_CLASSES if c is not Figure], ids=lambda c: c.__name__)
def test_every_model_class_checks_types(cls: type) -> None:
    """Each public model class but Figure (whose own validators check every field) runs the type check first."""
    first = attrs.fields(cls)[0]
    validators = getattr(first.validator, "_validators", (first.validator,))
    assert "_type_check" == validators[0].__name__


class _Alien:
    """A value of a type no field of the model accepts."""

    def __repr__(self) -> str:
        return "<alien>"


def _instances(value: object) -> list[object]:
    found: list[object] = []
    if attrs.has(type(value)):
        found.append(value)
        for field in attrs.fields(type(value)):
            found.extend(_instances(getattr(value, field.name)))
    elif isinstance(value, tuple):
        for item in value:
            found.extend(_instances(item))
    return found


@settings(max_examples=60, deadline=None)
@given(report=reports, data=st.data())
def test_any_field_given_a_wrong_type_is_a_model_error(report: Report, data: st.DataObject) -> None:
    """Replacing any field of any object in a report by a value of a foreign type raises ModelError, nothing else."""
    instance = data.draw(st.sampled_from(_instances(report)))
    field = data.draw(st.sampled_from([f.name for f in attrs.fields(type(instance))]))
    with pytest.raises(ModelError) as info:
        attrs.evolve(instance, **{field: _Alien()})
    message = str(info.value)
    assert f"{type(instance).__name__}.{field}" in message or repr(field) in message or "figure" in message


def test_the_converter_skips_the_generic_check_only_in_its_own_thread() -> None:
    """Inside converted_types the generic check is off in that thread only, and back on afterwards."""
    import threading

    from govdisclose.model._checks import converted_types

    seen: list[str] = []

    def other_thread() -> None:
        try:
            Report(edition=Edition.E2021, year="2025", agency=Agency(name="某局"))  # type: ignore[arg-type]
        except ModelError as error:
            seen.append(str(error))

    with converted_types():
        Report(edition=Edition.E2021, year=2025, agency=Agency(name="某局"), sections=[])  # type: ignore[arg-type]
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
    assert ["Report.year must be int (got str '2025')"] == seen
    with pytest.raises(ModelError, match=r"^Report\.sections must be a tuple of Section"):
        Report(edition=Edition.E2021, year=2025, agency=Agency(name="某局"), sections=[])  # type: ignore[arg-type]
