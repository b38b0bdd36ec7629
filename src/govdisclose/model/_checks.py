"""Field validators shared by the model classes, and the type check every model class runs at construction.

They raise :class:`~govdisclose.ModelError` with messages that name the field and the value, such as
``'value' must be >= 0 (got -3)``. Every class of the model is declared with :func:`typed_fields`, so a value of the
wrong type fails where it is given, naming the class and the field:

>>> from govdisclose.model import Agency, Edition, Report
>>> Report(edition=Edition.E2021, year="2025", agency="某县教育局")
Traceback (most recent call last):
...
govdisclose._errors.ModelError: Report.year must be int (got str '2025')

The obvious intentions are converted where they are unambiguous: an agency's name for the :class:`Agency`, an ISO
date or time string for a date or time, a whole number for a decimal amount.

>>> Report(edition=Edition.E2021, year=2025, agency="某县教育局").agency
Agency(name='某县教育局', level=None, role=None, parent=None)
"""

from __future__ import annotations

import contextlib
import datetime
import threading
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from .._errors import ModelError

_V = TypeVar("_V")
_SELF_CHECKED: set[object] = set()


def checks_type(validator: _V) -> _V:
    """Mark a field validator that checks the value's type itself, with a message of its own.

    The generic check of :func:`typed_fields` skips such a field.
    """
    _SELF_CHECKED.add(validator)
    return validator


@checks_type
def whole(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but an ``int`` (a ``bool`` is not a count)."""
    if type(value) is not int and not (isinstance(value, int) and not isinstance(value, bool)):
        raise ModelError(
            f"{attribute.name!r} must be a whole number (got {type(value).__name__} {value!r})",
            field=attribute.name,
            value=value,
        )


@checks_type
def decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a :class:`~decimal.Decimal` (``None`` is allowed where the type allows it).

    A float is not exact (``0.1`` is not one tenth), so it is refused with a hint: write ``Decimal("2.5")``. (Fields
    that take a whole number as the exact decimal convert it first, with :func:`int_to_decimal`.)
    """
    if value is not None and type(value) is not Decimal:
        raise ModelError(
            f"{attribute.name!r} must be a Decimal (got {type(value).__name__} {value!r}); "
            f"write Decimal({str(value)!r}) to keep it exact",
            field=attribute.name,
            value=value,
        )


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: int | Decimal) -> None:
    """Refuse a negative number, and a number that is not finite."""
    if isinstance(value, Decimal) and not value.is_finite():
        raise ModelError(f"{attribute.name!r} must be a finite number (got {value})", field=attribute.name, value=value)
    if value < 0:
        raise ModelError(f"{attribute.name!r} must be >= 0 (got {value})", field=attribute.name, value=value)


def finite(instance: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    """Refuse NaN and infinities in a decimal."""
    if value is not None and not value.is_finite():
        raise ModelError(f"{attribute.name!r} must be a finite number (got {value})", field=attribute.name, value=value)


def not_blank(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Refuse an empty or all-whitespace string (``None`` is allowed where the type allows it)."""
    if value is not None and not value.strip():
        raise ModelError(f"{attribute.name!r} must not be blank (got {value!r})", field=attribute.name, value=value)


def positive(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Refuse zero and negative numbers (``None`` is allowed where the type allows it)."""
    if value is not None and value < 1:
        raise ModelError(f"{attribute.name!r} must be >= 1 (got {value})", field=attribute.name, value=value)


# ---- the obvious intentions, converted ------------------------------------------------------------------------------


def _from_iso(value: object, parse: Callable[[str], object], what: str) -> object:
    if isinstance(value, str):
        try:
            return parse(value)
        except ValueError:
            raise ModelError(f"{what} (got {value!r:.40})", value=value) from None
    return value


def iso_date(value: object) -> object:
    """An ISO date string (``"2026-01-20"``) becomes a :class:`datetime.date`; anything else is left to the checks.

    Raises:
        ModelError: The string is not an ISO date.
    """
    return _from_iso(value, datetime.date.fromisoformat, "a date is a datetime.date or an ISO string YYYY-MM-DD")


def iso_time(value: object) -> object:
    """An ISO time string (``"09:42"``) becomes a :class:`datetime.time`; anything else is left to the checks.

    Raises:
        ModelError: The string is not an ISO time.
    """
    return _from_iso(value, datetime.time.fromisoformat, "a time is a datetime.time or an ISO string HH:MM[:SS]")


def int_to_decimal(value: object) -> object:
    """A whole number (``int``, not ``bool``) becomes the exact :class:`~decimal.Decimal`; a float is refused later."""
    return Decimal(value) if type(value) is int else value


# ---- construction-time type checks ---------------------------------------------------------------------------------


def _expression(hint: object, value: str, names: dict[str, object]) -> tuple[str, str]:
    """A Python expression testing that *value* has the annotated type *hint*, and the type's name for messages."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any or hint is object:
        return "True", "any value"
    if origin in (typing.Union, types.UnionType):
        parts = [_expression(arg, value, names) for arg in args]
        return "(" + " or ".join(e for e, _ in parts) + ")", " or ".join(n for _, n in parts)
    if origin is typing.Literal:
        names[f"_L{len(names)}"] = frozenset(args)
        return f"{value} in _L{len(names) - 1}", " or ".join(repr(a) for a in args)
    if origin is tuple:
        item = f"_i{len(value)}"
        classes = _classes(args[0]) if len(args) == 2 and args[1] is Ellipsis else None
        if classes is not None:
            # The common case, a tuple of model objects: the set of the items' exact types is checked in one step
            # against the types already seen to pass; a type not seen yet is checked once with isinstance.
            key = f"_A{len(names)}"
            names[key] = set(classes)
            names[f"{key}c"] = classes
            names["_each"] = _each
            name = " or ".join(c.__name__ for c in classes)
            return (
                f"(type({value}) is tuple and (set(map(type, {value})) <= {key} or _each({value}, {key}, {key}c)))",
                f"a tuple of {name}",
            )
        if len(args) == 2 and args[1] is Ellipsis:
            inner, name = _expression(args[0], item, names)
            return f"(type({value}) is tuple and all({inner} for {item} in {value}))", f"a tuple of {name}"
        inner = " and ".join(_expression(arg, f"{value}[{n}]", names)[0] for n, arg in enumerate(args))
        return f"(type({value}) is tuple and len({value}) == {len(args)} and {inner})", f"a tuple of {len(args)}"
    if origin is dict or hint is dict:
        return f"isinstance({value}, dict)", "a dict"
    if hint is type(None):
        return f"{value} is None", "None"
    if hint is int:
        return f"type({value}) is int", "int"
    if isinstance(hint, type):
        key = f"_T{len(names)}"
        names[key] = hint
        return f"isinstance({value}, {key})", hint.__name__
    return "True", str(hint)  # pragma: no cover - every annotation of the model is one of the above


def _classes(hint: object) -> tuple[type, ...] | None:
    """The classes of an annotation that is a class or a union of classes (not int, whose subclass bool is no count)."""
    args = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    if all(isinstance(arg, type) and arg is not type(None) and not issubclass(int, arg) for arg in args):
        return tuple(arg for arg in args if isinstance(arg, type))
    return None


def _each(items: tuple[object, ...], seen: set[type], classes: tuple[type, ...]) -> bool:
    """Whether every item is an instance of *classes*; the exact types that pass are added to *seen*."""
    for kind in set(map(type, items)) - seen:
        if not issubclass(kind, classes):
            return False
        seen.add(kind)
    return True


_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], Any]


def _validators(validator: object) -> tuple[_Validator, ...]:
    inner = getattr(validator, "_validators", None)
    return tuple(inner) if inner is not None else (validator,)  # type: ignore[return-value]


def _compile(cls: type) -> Callable[[object], None]:
    """One function that checks every field of an instance of *cls* against its annotation."""
    hints = typing.get_type_hints(cls)
    names: dict[str, object] = {"_fail": _fail}
    lines = ["def check(self):"]
    for field in attrs.fields(cls):
        if any(v in _SELF_CHECKED for v in _validators(field.validator)):
            continue
        test, name = _expression(hints[field.name], "v", names)
        names[f"_N_{field.name}"] = name
        lines += [f"    v = self.{field.name}", f"    if not {test}: _fail(self, {field.name!r}, _N_{field.name}, v)"]
    lines.append("    return None")
    exec("\n".join(lines), names)
    check: Callable[[object], None] = names["check"]  # type: ignore[assignment]
    return check


def _fail(instance: object, field: str, expected: str, value: object) -> None:
    raise ModelError(
        f"{type(instance).__name__}.{field} must be {expected} (got {type(value).__name__} {value!r:.80})",
        field=field,
        value=value,
    )


_COMPILED: dict[type, Callable[[object], None]] = {}


class _Converting(threading.local):
    active = False


_CONVERTING = _Converting()


@contextlib.contextmanager
def converted_types() -> Iterator[None]:
    """Inside, model objects skip the generic type check: a converter that checked every field's type builds them.

    The serializer loads documents inside it (its structure hooks refuse a wrong type with the path); the invariant
    validators still run. Thread-local: other threads keep their checks.
    """
    previous = _CONVERTING.active
    _CONVERTING.active = True
    try:
        yield
    finally:
        _CONVERTING.active = previous


def _type_check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check every field of *instance* against its annotation (attached to the first field; runs first)."""
    if _CONVERTING.active:
        return
    cls = type(instance)
    check = _COMPILED.get(cls)
    if check is None:
        check = _COMPILED[cls] = _compile(cls)
    check(instance)


def typed_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: at construction, every field is checked against its annotation first.

    Annotations are strings until the classes of a module exist, so the check is compiled on first use, once per class.
    A wrong type is a :class:`~govdisclose.ModelError` naming the class and the field.
    """
    if not fields:
        return fields
    first = fields[0]
    others = () if first.validator is None else _validators(first.validator)
    validator = attrs.validators.and_(_type_check, *others) if others else _type_check
    return [first.evolve(validator=validator), *fields[1:]]
