"""YAML: a report as a YAML document, with the same keys and values as the JSON form.

Needs the ``yaml`` extra (PyYAML). Writing uses PyYAML's safe dumper; reading uses a strict subclass of PyYAML's safe
loader, never the unsafe one:

- floats are read as exact :class:`~decimal.Decimal` values, and ``.nan``/``.inf`` are refused;
- ``2018-01-30`` stays a string (the converter parses dates where the model has them), and YAML 1.1's surprises are
  off: ``10:30`` is not the sexagesimal integer 630, ``010`` is not octal 8, ``<<`` is not a merge key;
- a key given twice in one mapping is refused (PyYAML would silently keep the last);
- aliases (``*name``) are refused, so a small document cannot expand into a huge one ("billion laughs").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from .._errors import DocumentError, MissingExtraError
from ..model import KindRegistry, Report
from ..model._decimal import MAX_INTEGER_DIGITS
from ._converter import report_from_data, report_to_data
from ._limits import DEFAULT_LIMITS, DocumentLimits, check_size

if TYPE_CHECKING:
    import yaml

__all__ = ["from_yaml", "to_yaml"]

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)\Z")
_FLOAT = re.compile(
    r"""(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?
    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))\Z""",
    re.VERBOSE,
)
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029", "\r")
# With these and _INT and _FLOAT, every plain scalar the loader reads as a non-string is one PyYAML's dumper also reads
# as that type (and so quotes when it is a string): whatever the dumper writes unquoted as a string comes back a string.
_KEPT_RESOLVERS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")


def _where(mark: Any) -> str:
    return "" if mark is None else f" at line {mark.line + 1} column {mark.column + 1}"


def _import_yaml(purpose: str) -> Any:
    try:
        import yaml
    except ImportError:
        raise MissingExtraError("yaml", "yaml", purpose) from None
    return yaml


@functools.cache
def _loader_class() -> type[yaml.SafeLoader]:
    """The strict safe loader (made on first use, so that importing govdisclose does not import PyYAML)."""
    import yaml

    # LibYAML, where PyYAML was built with it, scans and parses (the slow part in Python); composing the nodes stays in
    # Python, so that an alias is refused where it is met, before anything is built from it.
    parser: type[Any] = getattr(getattr(yaml, "cyaml", None), "CParser", None) or yaml.parser.Parser
    base: tuple[type[Any], ...] = (
        (yaml.composer.Composer, parser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver)
        if parser is not yaml.parser.Parser
        else (yaml.SafeLoader,)
    )

    class StrictLoader(*base):  # type: ignore[misc]
        def __init__(self, stream: str | bytes) -> None:
            if parser is yaml.parser.Parser:
                yaml.SafeLoader.__init__(self, stream)
                return
            parser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep=deep)
            # PyYAML's constructors raise what their parsing meets: an empty `!!int` an IndexError, an empty
            # `!!timestamp` an AttributeError …; each is a value the tag cannot read.
            except (ValueError, KeyError, TypeError, OverflowError, IndexError, AttributeError) as exc:
                if isinstance(exc, DocumentError):
                    raise
                shown = repr(node.value) if isinstance(node.value, str) else type(node.value).__name__
                shown = shown if len(shown) <= 40 else shown[:37] + "..."
                problem = (
                    f"an integer of more than 4,300 digits; a report's numbers have at most {MAX_INTEGER_DIGITS} digits"
                    if "integer string conversion" in str(exc)
                    else f"cannot read {shown} as {node.tag.rsplit(':', 1)[-1]}"
                )
                raise DocumentError([f"not valid YAML: {problem}{_where(node.start_mark)} @ $"]) from None

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            if self.check_event(yaml.AliasEvent):
                event: yaml.AliasEvent = self.peek_event()
                raise DocumentError([f"YAML aliases are not allowed (*{event.anchor}){_where(event.start_mark)} @ $"])
            node: yaml.Node | None = super().compose_node(parent, index)
            return node

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            seen: set[object] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                    seen.add(key)
                except TypeError:  # an unhashable key: PyYAML reports it below
                    continue
                if duplicate:
                    raise DocumentError([f"duplicate key {key!r} in one mapping{_where(key_node.start_mark)} @ $"])
            mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
            return mapping

    def construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
        written = loader.construct_scalar(node)
        try:
            value = Decimal(str(written).replace("_", ""))
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite():
            raise DocumentError([f"{written} is not a number a report can hold{_where(node.start_mark)} @ $"])
        return value

    StrictLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag in _KEPT_RESOLVERS]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
    StrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))
    StrictLoader.add_constructor("tag:yaml.org,2002:float", construct_decimal)
    return StrictLoader


@functools.cache
def _dumper_class() -> type[yaml.SafeDumper]:
    """PyYAML's safe dumper, except that strings holding a line break other than LF are double-quoted.

    PyYAML writes NEL (U+0085) raw inside a single-quoted string, and reads it back as a space; in double quotes it is
    escaped and comes back as written.
    """
    import yaml

    class ExactDumper(yaml.SafeDumper):
        pass

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = '"' if any(c in value for c in _OTHER_BREAKS) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    ExactDumper.add_representer(str, represent_str)
    return ExactDumper


def to_yaml(report: Report, *, registry: KindRegistry | None = None, labels: bool = True) -> str:
    """The YAML text of *report*: the keys and values of its JSON form, Chinese written as is.

    With *labels* (the default), every row of an official table has its official label as a comment beside its id,
    and every cell its column's label beside its value (see :mod:`govdisclose.serialize._labels`), so that a blank
    can be filled in an editor; comments do not change what loads.

    Args:
        report: The report.
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.
        labels: Whether to write the labels of table rows and cells as comments.

    Raises:
        MissingExtraError: PyYAML is not installed (``pip install 'govdisclose[yaml]'``).

    >>> from govdisclose.model import Agency, Edition, Report
    >>> print(to_yaml(Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"))), end="")
    schema_version: 1
    edition: '2021'
    year: 2024
    agency:
      name: 某县教育局
    >>> from govdisclose.model import ReviewsTable, Section
    >>> table = ReviewsTable.zeros().with_cells({("行政复议", "结果维持"): 1})
    >>> print(to_yaml(Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"),
    ...                      sections=(Section(heading="复议诉讼", blocks=(table,)),)))[:300])
    schema_version: 1
    ...
      - kind: reviews-litigation
        rows:
        - id: cases  # 四、政府信息公开行政复议、行政诉讼情况
          values:
          - 1  # 行政复议 / 结果维持
          - 0  # 行政复议 / 结果纠正
    ...
    """
    yaml = _import_yaml("writing YAML")
    data = report_to_data(report, registry=registry)
    dumper = _dumper_class()

    def dump(value: object) -> str:
        text: str = yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False)
        return text

    if not labels:
        return dump(data)
    from ._labels import with_labels  # only a labelled dump needs it (kept off import time)

    return with_labels(
        data, dump, lambda values: _items(dump, values), registry=registry, lines=_lines, inline=_flow, quoted=False
    )


def _items(dump: Callable[[object], str], values: list[Any]) -> list[str] | None:
    """*values* as items of a block sequence are written (``0``, ``'/'``), or ``None`` when one takes several lines."""
    lines = dump(values).splitlines()
    if len(lines) != len(values) or not all(line.startswith("- ") for line in lines):
        return None
    return [line[2:] for line in lines]


def _lines(indent: str, key: str, values: list[str], comments: tuple[str, ...]) -> str:
    """``key:`` and the values under it, one a line, each with its column's label when known."""
    if not comments:
        return "\n".join((f"{indent}{key}:", *(f"{indent}- {value}" for value in values)))
    return "\n".join((f"{indent}{key}:", *(f"{indent}- {v}  # {c}" for v, c in zip(values, comments, strict=True))))


def _flow(values: list[str]) -> str:  # pragma: no cover - PyYAML writes block style throughout
    return f"[{', '.join(values)}]"


def _loads_yaml(text: str | bytes, limits: DocumentLimits) -> Any:
    """Parse YAML text into plain data with the strict loader described in the module docstring.

    Raises:
        MissingExtraError: PyYAML is not installed.
        DocumentError: The text is not valid YAML, or uses something refused (the message gives line and column).
    """
    yaml = _import_yaml("reading YAML")
    loader = None
    try:
        loader = _loader_class()(text)  # the reader checks the characters already here
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        what = " ".join(f"{exc.context or ''} {exc.problem or ''}".split())  # PyYAML's order: "while …", "expected …"
        raise DocumentError([f"not valid YAML: {what}{_where(exc.problem_mark)} @ $"]) from None
    except yaml.YAMLError as exc:
        raise DocumentError([f"not valid YAML: {' '.join(str(exc).split())} @ $"]) from None
    except RecursionError:
        raise DocumentError(
            [f"document nested too deeply to parse; the limit is {limits.max_depth} levels @ $"]
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


def from_yaml(
    text: str | bytes, *, registry: KindRegistry | None = None, limits: DocumentLimits | None = None
) -> Report:
    r"""Load a report from YAML text (as :func:`to_yaml` writes it, or hand-written).

    Args:
        text: The YAML text, or its bytes (UTF-8, or UTF-16 with a byte order mark).
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.
        limits: How large and how deeply nested the document may be; :data:`~govdisclose.serialize.DEFAULT_LIMITS`
            (64 MiB, 200 levels) by default.

    Raises:
        MissingExtraError: PyYAML is not installed.
        DocumentError: The text is not valid YAML, not a valid report document, or past a limit; the message names the
            path.

    >>> from_yaml("schema_version: 1\nedition: '2021'\nyear: 2024\nagency: {name: 某县教育局}").agency.name
    '某县教育局'
    >>> from_yaml("schema_version: 1\nedition: '2021'\nyear: 2024\nyear: 2025\nagency: {name: x}")
    Traceback (most recent call last):
      ...
    govdisclose._errors.DocumentError: duplicate key 'year' in one mapping at line 4 column 1 @ $
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    check_size(text, limits)
    return report_from_data(_loads_yaml(text, limits), registry=registry, limits=limits)
