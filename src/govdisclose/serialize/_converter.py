"""The one cattrs converter factory of govdisclose, and the conversion of its errors into path-named messages.

Documents are plain data (dicts, lists, strings, integers, booleans). Sections, blocks and quantities carry their tag
under ``"kind"``; decimals are strings (``"133.9554"``) so that no digit is lost in any language's JSON parser; dates
are ISO 8601 (``"2018-01-30"``) and times ``"09:42"``; enums are their values; fields at their default are left out.
Loading is strict: unknown keys, wrong types (a string where a number belongs, a float where a decimal belongs) and
unknown kinds are refused with the JSON path of the problem.
"""

from __future__ import annotations

import datetime
import enum
import functools
import inspect
import re
import sys
import types
import typing
import weakref
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import DocumentError, GovDiscloseError, ModelError, UnknownKindError
from ..model import (
    Amount,
    Block,
    Compound,
    Count,
    Figure,
    KindRegistry,
    Qualifier,
    Report,
    Section,
    Share,
    default_kinds,
)
from ..model._checks import converted_types
from ..model._decimal import MAX_INTEGER_DIGITS, check_magnitude, decimal_context
from ._limits import DEFAULT_LIMITS, DocumentLimits, check_depth

if TYPE_CHECKING:
    import cattrs

__all__ = ["SCHEMA_VERSION", "make_converter", "report_from_data", "report_to_data"]

# cattrs is imported when a converter is first made (on the first load or dump), not with the package, so that
# ``import govdisclose`` stays quick.

SCHEMA_VERSION = 1
"""The version of the document format; written as ``"schema_version"`` at the top of every document."""

_INTEGER_BOUND = 10**MAX_INTEGER_DIGITS
_QUANTITIES: dict[str, type] = {cls.KIND: cls for cls in (Count, Amount, Share, Compound)}
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\Z")


class _KindProblem(ValueError):
    """An unknown or misplaced ``"kind"``, raised inside structuring and turned into :class:`UnknownKindError`."""

    def __init__(self, category: str, kind: object, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown {category} kind {kind!r}; known kinds: {', '.join(known)}")
        self.category = category
        self.kind = kind
        self.known = known


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _expect(kind: str, value: object) -> TypeError:
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return TypeError(f"expected {kind}, got {_type_name(value)} {shown}")


def _structure_int(value: object, cls: type) -> int:
    if issubclass(cls, enum.Enum):  # pragma: no cover - the model has no int-valued enums
        return _structure_enum(value, cls)  # type: ignore[return-value]
    if type(value) is not int:
        raise _expect("an integer", value)
    if not -_INTEGER_BOUND < value < _INTEGER_BOUND:
        check_magnitude(value)  # raises, naming the bound
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _expect("true or false", value)
    return value


def _structure_str(value: object, cls: type) -> str:
    if cls is not str:  # a str-valued enum
        return _structure_enum(value, cls)  # type: ignore[return-value]
    if type(value) is not str:
        raise _expect("a string", value)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if type(value) is Decimal:
        result = value
    elif type(value) is int:
        result = Decimal(value)
    elif type(value) is str and _DECIMAL.match(value.strip()):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
            raise _expect("a decimal number", value) from None
    else:
        raise _expect('a decimal number written as a string such as "133.9554"', value)
    if not result.is_finite():
        raise _expect("a finite decimal number", value)
    check_magnitude(result)
    return result


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is datetime.date:
        return value
    if type(value) is str and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"no such date {value!r}") from None
    raise _expect("a date written YYYY-MM-DD", value)


def _structure_time(value: object, _: type) -> datetime.time:
    if type(value) is datetime.time and value.microsecond == 0 and value.tzinfo is None:
        return value
    if type(value) is str and re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
        try:
            return datetime.time.fromisoformat(value)
        except ValueError:
            raise ValueError(f"no such time of day {value!r}") from None
    raise _expect("a time written HH:MM or HH:MM:SS", value)


def _unstructure_time(value: datetime.time) -> str:
    if value.second == 0 and value.microsecond == 0:
        return value.strftime("%H:%M")
    return value.isoformat()


def _plain_str(value: str) -> str:
    return value.value if isinstance(value, enum.Enum) else value


@functools.cache
def _members(cls: type[enum.Enum]) -> dict[str, enum.Enum]:
    """The members of an enum by their string values, made once per enum."""
    return {member.value: member for member in cls if type(member.value) is str}


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is str:
        member = _members(cls).get(value)
        if member is not None:
            return member
    elif isinstance(value, cls):
        return value
    allowed = ", ".join(repr(m.value) for m in cls)
    raise ValueError(f"expected one of {allowed}; got {value!r}")


def _structure_figure(value: object, _: type) -> Figure:
    if value is None or type(value) in (int, Decimal, str):
        figure = Figure.of(value)  # type: ignore[arg-type]
        if figure.value is not None:
            check_magnitude(figure.value)
        return figure
    raise _expect("a number, a string as printed in the cell, or null", value)


@functools.lru_cache(maxsize=4096, typed=True)
def _cached_figure(value: int | str | None) -> Figure:
    return _structure_figure(value, Figure)


def _structure_figure_cached(value: object, _: type) -> Figure:
    """A table cell, shared between equal cells: figures are immutable, and a report holds hundreds of them.

    Only numbers and strings as written are cached (by type and value, so ``1`` and ``"1"`` stay apart); a decimal
    is not, since ``Decimal("1.0") == Decimal("1")`` would share one figure between two different cells.
    """
    kind = type(value)
    if kind is int or kind is str or value is None:
        return _cached_figure(value)
    return _structure_figure(value, Figure)


def _unstructure_figure(figure: Figure) -> int | str | None:
    """A cell as compact data: an exact integer as a number, anything else as printed, unknown as null."""
    value = figure.value
    if value is None:
        return figure.marker
    if figure.qualifier is Qualifier.EXACT:
        # A whole number written without exponent or decimal point (``3``, not ``3.0`` or ``3E+1``) is an integer.
        written = str(value)
        if written.isdigit() or (written[:1] == "-" and written[1:].isdigit()):
            return int(written)
    return figure.text


# The data of figures already unstructured, by identity. Equal cells of a loaded report share one figure (see
# _cached_figure), so a report of 200 cells has a dozen or so distinct figures, each written many times. The figure is
# kept with its data, so that its id cannot be reused by another object while the entry lives; at most a few thousand
# are kept, and figures past that are unstructured on every call.
_FIGURE_DATA: dict[int, tuple[Figure, int | str | None]] = {}
_KEEP_FIGURES = 4096


def _unstructure_figure_cached(figure: Figure) -> int | str | None:
    """:func:`_unstructure_figure`, remembered for the figures met first (immutable, so their data never changes)."""
    entry = _FIGURE_DATA.get(id(figure))
    if entry is not None and entry[0] is figure:
        return entry[1]
    data = _unstructure_figure(figure)
    if len(_FIGURE_DATA) < _KEEP_FIGURES:
        _FIGURE_DATA[id(figure)] = (figure, data)
    return data


# Compiled annotation texts: the model's modules use postponed annotations (strings), and the same few dozen texts
# ("str | None", "tuple[Block, ...]") recur in every class. typing.get_type_hints compiles each one anew for every class
# and every base; compiled once here, they cost an eval each.
_ANNOTATIONS: dict[str, types.CodeType] = {}


def _resolve_types(cls: type) -> None:
    """:func:`attrs.resolve_types` for *cls*, each distinct annotation text compiled once per process.

    The names of an annotation are looked up as :func:`typing.get_type_hints` looks them up for a class: in the module
    of the class (or base) that declares the field, then in that class's namespace, then the builtins. Resolving the
    classes of a document before cattrs meets them is the larger part of the first load in a process (the start-up
    of ``govdisclose check one.json``); cattrs skips classes already resolved.
    """
    if getattr(cls, "__attrs_types_resolved__", None) == cls:
        return
    hints: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        annotations = inspect.get_annotations(base)  # the class's own, as written
        module = getattr(sys.modules.get(base.__module__), "__dict__", {})
        namespace = dict(vars(base))
        for name, text in annotations.items():
            if isinstance(text, str):
                code = _ANNOTATIONS.get(text)
                if code is None:
                    code = _ANNOTATIONS[text] = compile(text, "<annotation>", "eval")
                value = eval(code, namespace, module)
            else:
                value = text
            hints[name] = type(None) if value is None else value
    for field in attrs.fields(cls):
        if field.name in hints:
            object.__setattr__(field, "type", hints[field.name])  # frozen: as attrs.resolve_types sets it
    cls.__attrs_types_resolved__ = cls  # type: ignore[attr-defined] # the mark attrs and cattrs look for


def _unstructure_cells(cells: tuple[Figure, ...]) -> list[int | str | None]:
    """A row's cells as data: the remembered ones looked up in this loop (no call per cell), the others made."""
    found = _FIGURE_DATA.get
    data: list[int | str | None] = []
    append = data.append
    for cell in cells:
        entry = found(id(cell))
        append(entry[1] if entry is not None and entry[0] is cell else _unstructure_figure_cached(cell))
    return data


def _is_quantity_union(tp: Any) -> bool:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return False
    args = set(typing.get_args(tp))
    return bool(args) and args <= {str, *_QUANTITIES.values()} and args != {str}


def _is_tagged(tp: Any) -> bool:
    return isinstance(tp, type) and (issubclass(tp, (Block, Section)) or tp in _QUANTITIES.values())


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args


def _array_problems(
    value: list[Any] | tuple[Any, ...],
    declared: Any,
    hook: Callable[[Any, Any], Any],
    item_type: Any,
    failed: int,
    first: Exception,
) -> cattrs.IterableValidationError:
    """The error of an array whose item *failed* raised *first*: that problem and those of the items after it.

    Every item is structured once: those before the failure already were, and those after it are here, each in its
    own ``try``, as cattrs's detailed validation does.
    """
    from cattrs.errors import IterableValidationError, IterableValidationNote

    errors: list[Exception] = []
    for index in range(failed, len(value)):
        try:
            if index == failed:
                raise first
            hook(value[index], item_type)
        except Exception as exc:  # every problem is kept, with its index, and worded in one place
            note = IterableValidationNote(f"Structuring {declared} @ index {index}", index, item_type)
            exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined] # PEP 678, on 3.10 too
            errors.append(exc)
    return IterableValidationError(f"While structuring {declared!r}", errors, declared)


def make_converter(registry: KindRegistry | None = None) -> cattrs.Converter:
    """Make a converter between report models and plain data, looking kinds up in *registry* at load time.

    This converter is the one structuring engine of govdisclose: every loader hands its plain data to it, and every
    error it raises is worded, with its path, by :func:`document_error`. Its hooks are generated once per type and
    cached by cattrs (attrs classes by :func:`cattrs.gen.make_dict_structure_fn`, with detailed validation so that
    each field's problem keeps its name; arrays, optional values and tagged kinds by the factories below, which resolve
    the hook of their items once; table cells through a cache of figures). Kinds registered after the converter was
    made are found, because the registry is consulted on every load.

    Args:
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.

    >>> from govdisclose.model import Count
    >>> make_converter().unstructure(Count(value=3, unit="条"))
    {'kind': 'count', 'value': 3, 'unit': '条'}
    """
    import cattrs
    from cattrs.errors import ForbiddenExtraKeysError
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

    kinds = default_kinds if registry is None else registry
    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)

    # cattrs dispatches primitives by class (subclasses included): a str-valued Enum reaches the str hook, which
    # hands it on to the enum hook.
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Figure, _structure_figure_cached)
    converter.register_unstructure_hook(Figure, _unstructure_figure_cached)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook(datetime.time, _structure_time)
    converter.register_unstructure_hook(datetime.time, _unstructure_time)
    converter.register_structure_hook_func(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda member: member.value
    )
    converter.register_unstructure_hook(str, _plain_str)

    def homogeneous_tuple(declared: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        """``tuple[X, ...]`` from a list: the item hook is resolved once; a failure goes on to find every problem.

        Two item types are so common that their loop takes them without a call: a string where strings are allowed
        (running text, ids), and a table cell found in the cache of figures.
        """
        item_type = typing.get_args(declared)[0]
        hook = converter.get_structure_hook(item_type)
        words = item_type is str or (_is_quantity_union(item_type) and str in typing.get_args(item_type))
        cells = item_type is Figure

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise _expect("an array", value)
            done: list[Any] = []
            append = done.append
            try:
                if words:
                    for item in value:
                        append(item if type(item) is str else hook(item, item_type))
                elif cells:
                    for item in value:
                        kind = type(item)
                        append(_cached_figure(item) if kind is int or kind is str else hook(item, item_type))
                else:
                    for item in value:
                        append(hook(item, item_type))
            except Exception as exc:  # worded with every other problem of the array, each with its index
                raise _array_problems(value, declared, hook, item_type, len(done), exc) from None
            return tuple(done)

        return structure

    def optional(declared: Any) -> Callable[[Any, Any], Any]:
        """``X | None``: None, or the value by the hook of X (resolved once, not on every value as cattrs does)."""
        first, second = typing.get_args(declared)
        inner = second if first is type(None) else first
        hook = converter.get_structure_hook(inner)
        if inner is str:  # the commonest optional field: a string passes without a call
            return lambda value, _: value if value is None or type(value) is str else hook(value, inner)
        return lambda value, _: None if value is None else hook(value, inner)

    def plain_class(cls: type) -> Callable[[Any, Any], Any]:
        """An untagged attrs class from an object: cattrs's generated function, refusing other values by name."""
        _resolve_types(cls)
        structure: Callable[[Mapping[str, Any], type], Any] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True
        )

        def structure_object(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise _expect("an object", value)
            return structure(value, cls)

        return structure_object

    plans: dict[type, tuple[Callable[[Mapping[str, Any], type], Any], frozenset[str]]] = {}

    def fields_of(cls: type) -> tuple[Callable[[Mapping[str, Any], type], Any], frozenset[str]]:
        """The generated structure function of a tagged class, and the keys its documents may have (made once)."""
        _resolve_types(cls)
        names = frozenset(a.name for a in attrs.fields(cls) if a.init)
        # Extra keys are checked here (the "kind" tag is one) rather than in the generated function, so that the
        # document need not be copied without its tag.
        plan = plans[cls] = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=False), names | {"kind"}
        return plan

    def build_tagged(cls: type, data: dict[str, Any]) -> Any:
        structure, allowed = plans.get(cls) or fields_of(cls)
        if not data.keys() <= allowed:
            extra = set(data) - allowed
            try:
                structure(data, cls)  # the other problems of the object, if any, with this one
            except Exception as exc:  # grouped with the unknown keys, and worded in one place
                raise cattrs.ClassValidationError(
                    f"While structuring {cls.__name__}", [exc, ForbiddenExtraKeysError("", cls, extra)], cls
                ) from None
            raise ForbiddenExtraKeysError("", cls, extra)
        return structure(data, cls)

    def kind_lookup(declared: type | None) -> tuple[str, Callable[[str], type | None], Callable[[], tuple[str, ...]]]:
        """The category of kinds that *declared* takes, how to find one by tag, and the known tags."""
        if declared is not None and issubclass(declared, Section):
            return "section", kinds.section_class, kinds.section_kinds
        if declared is not None and issubclass(declared, Block):
            return "block", kinds.block_class, kinds.block_kinds
        return "quantity", _QUANTITIES.get, lambda: tuple(sorted(_QUANTITIES))

    def tagged(declared: type) -> Callable[[Any, Any], Any]:
        """A section, block or quantity by its ``"kind"`` tag, looked up in the registry on every value."""
        category, find, known = kind_lookup(declared)

        def structure(data: Any, _: Any) -> Any:
            if not isinstance(data, dict):
                raise _expect("an object", data)
            tag = data.get("kind")
            cls = find(tag) if type(tag) is str else None
            if cls is None or not issubclass(cls, declared):
                if "kind" not in data:
                    raise ModelError("required field missing", field="kind")
                raise _KindProblem(category, tag, known())
            return build_tagged(cls, data)

        return structure

    def inline(declared: Any) -> Callable[[Any, Any], Any]:
        """Running text's pieces: a string (where allowed) or a quantity by its tag, of the declared kinds only."""
        allowed = frozenset(typing.get_args(declared))
        words = str in allowed
        quantities = tuple(sorted(t.KIND for t in allowed if t is not str))
        wanted = "a string or an object" if words else "an object"

        def structure(data: Any, _: Any) -> Any:
            if type(data) is str and words:
                return data
            if not isinstance(data, dict):
                raise _expect(wanted, data)
            tag = data.get("kind")
            cls = _QUANTITIES.get(tag) if type(tag) is str else None
            if cls is None or cls not in allowed:
                if "kind" not in data:
                    raise ModelError("required field missing", field="kind")
                if cls is None:
                    raise _KindProblem("quantity", tag, tuple(sorted(_QUANTITIES)))
                raise _KindProblem("quantity", tag, quantities)
            return build_tagged(cls, data)

        return structure

    unstructurers: dict[type, Callable[[Any], dict[str, Any]]] = {}

    def unstructure_fields(cls: type) -> Callable[[Any], dict[str, Any]]:
        """The generated unstructure function of a tagged class, made once."""
        _resolve_types(cls)
        found = unstructurers[cls] = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
        return found

    def unstructure_tagged(obj: Any) -> dict[str, Any]:
        cls = obj.__class__
        fields = unstructurers.get(cls) or unstructure_fields(cls)
        return {"kind": cls.KIND, **fields(obj)}

    def unstructure_inline(value: Any) -> Any:
        return value if type(value) is str else unstructure_tagged(value)

    def unstructure_tuple(declared: Any) -> Callable[[Any], list[Any]]:
        """``tuple[X, ...]`` as a list, by the hook of X resolved once; strings and cells without a lookup."""
        item_type = typing.get_args(declared)[0]
        hook = converter.get_unstructure_hook(item_type)
        if item_type is str or (_is_quantity_union(item_type) and str in typing.get_args(item_type)):
            return lambda value: [item if type(item) is str else hook(item) for item in value]
        if item_type is Figure:
            return _unstructure_cells
        return lambda value: [hook(item) for item in value]

    def unstructure_optional(declared: Any) -> Callable[[Any], Any]:
        first, second = typing.get_args(declared)
        hook = converter.get_unstructure_hook(second if first is type(None) else first)
        return lambda value: value if value is None or type(value) is str else hook(value)

    # Later registrations take precedence: a quantity union is also a union, an optional tagged class also optional.
    converter.register_structure_hook_factory(attrs.has, plain_class)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, homogeneous_tuple)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, unstructure_tuple)
    converter.register_structure_hook_factory(_is_optional, optional)
    converter.register_unstructure_hook_factory(_is_optional, unstructure_optional)
    converter.register_structure_hook_factory(_is_tagged, tagged)
    converter.register_unstructure_hook_func(_is_tagged, unstructure_tagged)
    converter.register_structure_hook_factory(_is_quantity_union, inline)
    converter.register_unstructure_hook_func(_is_quantity_union, unstructure_inline)
    return converter


def _format_exception(exc: BaseException) -> str:
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return (
            f"unknown field{'s' if len(exc.extra_fields) > 1 else ''} {', '.join(sorted(map(repr, exc.extra_fields)))}"
        )
    if isinstance(exc, (GovDiscloseError, _KindProblem)):
        return str(exc)
    if isinstance(exc, (TypeError, ValueError)) and str(exc):
        return str(exc)
    return f"invalid value ({type(exc).__name__})"  # pragma: no cover - every hook raises one of the above


def _leaves(exc: BaseException, path: str) -> Iterator[tuple[BaseException, str]]:
    """Yield every underlying problem with the JSON path where it happened."""
    import cattrs
    from cattrs.errors import IterableValidationNote

    if isinstance(exc, (cattrs.IterableValidationError, cattrs.ClassValidationError)):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            where = f"{path}[{note.index!r}]" if isinstance(note, IterableValidationNote) else f"{path}.{note.name}"
            yield from _leaves(inner, where)
        for inner in without:
            yield from _leaves(inner, path)
    elif isinstance(exc, ModelError) and exc.field is not None and not exc.field.startswith("_"):
        yield exc, f"{path}.{exc.field}"
    else:
        yield exc, path


def document_error(exc: Exception) -> DocumentError:
    """Turn an exception raised while structuring into a :class:`DocumentError` naming every problem and its path."""
    leaves = list(_leaves(exc, "$"))
    problems = [f"{_format_exception(leaf)} @ {where}" for leaf, where in leaves]
    first, path = leaves[0]
    if isinstance(first, _KindProblem):
        error = UnknownKindError(first.category, first.kind, first.known, path=path)
        return error if len(problems) == 1 else DocumentError([error.problems[0], *problems[1:]], path=path)
    return DocumentError(problems, path=path)


@functools.cache
def _default_converter() -> cattrs.Converter:
    return make_converter()


_CONVERTERS: weakref.WeakKeyDictionary[KindRegistry, cattrs.Converter] = weakref.WeakKeyDictionary()


def _converter_for(registry: KindRegistry | None) -> cattrs.Converter:
    """The converter of *registry*, made once per registry (it looks kinds up at load time, so it never goes stale)."""
    if registry is None or registry is default_kinds:
        return _default_converter()
    converter = _CONVERTERS.get(registry)
    if converter is None:
        converter = _CONVERTERS[registry] = make_converter(registry)
    return converter


def report_to_data(report: Report, *, registry: KindRegistry | None = None) -> dict[str, Any]:
    """The report as plain data, with ``schema_version`` first.

    >>> from govdisclose.model import Agency, Edition, Report
    >>> report_to_data(Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局")))
    {'schema_version': 1, 'edition': '2021', 'year': 2024, 'agency': {'name': '某县教育局'}}
    """
    if not isinstance(report, Report):
        raise TypeError(f"expected a Report, got {type(report).__name__}")
    with decimal_context():
        return {"schema_version": SCHEMA_VERSION, **_converter_for(registry).unstructure(report, Report)}


def report_from_data(
    data: object, *, registry: KindRegistry | None = None, limits: DocumentLimits | None = None
) -> Report:
    """A report from plain data (as :func:`report_to_data` makes it).

    Args:
        data: The document as dicts, lists and scalars.
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.
        limits: How deeply the data may nest; :data:`~govdisclose.serialize.DEFAULT_LIMITS` by default.

    Raises:
        DocumentError: The data is not a valid document, or nests deeper than the limit; the message names the path of
            the problem.
        UnknownKindError: A section or block kind is not registered.
    """
    check_depth(data, DEFAULT_LIMITS if limits is None else limits)
    return report_from_checked(data, registry=registry)


def report_from_checked(data: object, *, registry: KindRegistry | None = None) -> Report:
    """:func:`report_from_data` for data already checked against the limits (by the caller that parsed it)."""
    if not isinstance(data, dict):
        raise DocumentError([f"expected an object, got {_type_name(data)} @ $"])
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        if "schema_version" not in data:
            raise DocumentError(["required field missing @ $.schema_version"], path="$.schema_version")
        raise DocumentError(
            [f"unsupported schema_version {version!r}; this govdisclose reads {SCHEMA_VERSION} @ $.schema_version"],
            path="$.schema_version",
        )
    body = {key: value for key, value in data.items() if key != "schema_version"}
    try:
        # The model's validators compare decimals: in the library's context, not the host's. The converter's hooks
        # check every field's type (and name the path), so the model's own generic type check is skipped.
        with decimal_context(), converted_types():
            return _converter_for(registry).structure(body, Report)
    except RecursionError:
        raise DocumentError(["document nested too deeply @ $"]) from None
    except Exception as exc:
        raise document_error(exc) from None
