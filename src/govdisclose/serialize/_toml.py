"""TOML: a report as a TOML document, with the same keys and values as the JSON form.

Writing needs the ``toml`` extra (tomli-w); reading uses :mod:`tomllib` (``tomli`` on Python 3.10). Decimals are written
as strings, exactly as in JSON, and TOML floats are read as exact decimals. TOML has no null, so a field set to ``None``
where its default is something else (an :class:`~govdisclose.model.Introduction` printed without a heading) cannot be
written as TOML; :func:`to_toml` refuses it, naming the path, rather than silently loading back the default.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

from .._errors import DocumentError, MissingExtraError
from ..model import KindRegistry, Report
from ..model._decimal import MAX_INTEGER_DIGITS
from ._converter import report_from_data, report_to_data
from ._limits import DEFAULT_LIMITS, DocumentLimits, check_size, parse_decimal

__all__ = ["from_toml", "to_toml"]


def _nulls(data: object, path: str) -> Iterator[str]:
    """Yield the path of every ``None`` in *data*."""
    if data is None:
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _nulls(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _nulls(value, f"{path}[{index}]")


def to_toml(report: Report, *, registry: KindRegistry | None = None, labels: bool = True) -> str:
    """The TOML text of *report*: the keys and values of its JSON form, decimals as strings.

    With *labels* (the default), every row of an official table has its official label as a comment beside its id,
    and every cell its column's label beside its value (see :mod:`govdisclose.serialize._labels`), so that a blank
    can be filled in an editor; comments do not change what loads. (A table inside a TOML inline table, where
    comments cannot go, is written without them.)

    Args:
        report: The report.
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.
        labels: Whether to write the labels of table rows and cells as comments.

    Raises:
        MissingExtraError: tomli-w is not installed (``pip install 'govdisclose[toml]'``).
        DocumentError: A field is ``None`` where its default is not, which TOML cannot write (it has no null).

    >>> from govdisclose.model import Agency, Edition, Report
    >>> print(to_toml(Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"))), end="")
    schema_version = 1
    edition = "2021"
    year = 2024
    <BLANKLINE>
    [agency]
    name = "某县教育局"
    >>> from govdisclose.model import ReviewsTable, Section
    >>> table = ReviewsTable.zeros().with_cells({("行政复议", "结果维持"): 1})
    >>> print(to_toml(Report(edition=Edition.E2021, year=2024, agency=Agency(name="某县教育局"),
    ...                      sections=(Section(heading="复议诉讼", blocks=(table,)),)))[:400])
    schema_version = 1
    ...
    [[sections.blocks.rows]]
    id = "cases"  # 四、政府信息公开行政复议、行政诉讼情况
    values = [
        1,  # 行政复议 / 结果维持
        0,  # 行政复议 / 结果纠正
    ...
    """
    try:
        import tomli_w
    except ImportError:
        raise MissingExtraError("toml", "tomli_w", "writing TOML") from None
    data = report_to_data(report, registry=registry)
    problems = [f"TOML has no null, and None is not this field's default @ {path}" for path in _nulls(data, "$")]
    if problems:
        raise DocumentError(problems, path=problems[0].rpartition(" @ ")[2])

    def dump(value: dict[str, Any]) -> str:
        return tomli_w.dumps(value, multiline_strings=False)

    if not labels:
        return dump(data)

    def scalars(values: list[Any]) -> list[str] | None:
        written = [dump({"v": value}) for value in values]
        if not all(w.startswith("v = ") and w.count("\n") == 1 for w in written):
            return None
        return [w[4:-1] for w in written]

    from ._labels import with_labels  # only a labelled dump needs it (kept off import time)

    return with_labels(data, dump, scalars, registry=registry, lines=_lines, inline=_inline, quoted=True)


def _lines(indent: str, key: str, values: list[str], comments: tuple[str, ...]) -> str:
    """``key = [`` and the values, one a line, each with its column's label when known, then ``]``."""
    items = (f"{indent}    {value}," + (f"  # {comments[i]}" if comments else "") for i, value in enumerate(values))
    return "\n".join((f"{indent}{key} = [", *items, f"{indent}]"))


def _inline(values: list[str]) -> str:
    return f"[{', '.join(values)}]"


# A key of at least 2 segments: bare or quoted segments joined by dots (TOML allows blanks around the dots).
_SEGMENT = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_LONG_INTEGER = re.compile(r"[0-9][0-9_]{4300,}")


_SEGMENTS = re.compile(_SEGMENT)
# A dotted chain, taken whole: a chain is never tried again from each of its segments, so a search is linear.
_CHAIN = re.compile(r"(?<![A-Za-z0-9_-])" + _SEGMENT + r"(?:[ \t]*\.[ \t]*" + _SEGMENT + ")+")


def _check_dotted_keys(text: str, limits: DocumentLimits) -> None:
    """Refuse a dotted key (``a.b.c = 1``, ``[a.b.c]``) of more segments than the nesting limit, before parsing.

    The TOML parser of the standard library spends time and memory quadratic in the segments of one dotted key (a key
    of 40,000 segments, 80 KB, took 6 GB), and the nesting it makes is measured only after parsing; so such keys are
    looked for in the text, in time linear in it. A dotted key is on one line: only lines with more dots than the
    limit are searched, and a text with no more dots than the limit is not searched at all. (A string on such a line
    holding that many dot-joined words is refused too: the search does not tell keys from values.)
    """
    limit = limits.max_depth
    if text.count(".") < limit:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count(".") < limit:
            continue
        for chain in _CHAIN.finditer(line):
            if chain.group().count(".") >= limit and len(_SEGMENTS.findall(chain.group())) > limit:
                raise DocumentError([f"a dotted key at line {number} nests deeper than {limit} levels @ $"])


def _parse_toml(text: str, limits: DocumentLimits) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        try:
            import tomli as tomllib
        except ImportError:
            raise MissingExtraError("toml", "tomli", "reading TOML on Python 3.10") from None
    _check_dotted_keys(text, limits)
    try:
        # NaN and infinities become Decimal('NaN') and so on; the converter refuses them with their path.
        return tomllib.loads(text, parse_float=parse_decimal)
    except tomllib.TOMLDecodeError as exc:
        raise DocumentError([f"not valid TOML: {' '.join(str(exc).split())} @ $"]) from None
    except DocumentError:  # a number refused while parsing
        raise
    except ValueError as exc:  # an integer past Python's limit on the digits of int() (4,300), or another value
        found = _LONG_INTEGER.search(text)
        if found is None:
            raise DocumentError([f"not valid TOML: {' '.join(str(exc).split())} @ $"]) from None
        line = text.count("\n", 0, found.start()) + 1
        raise DocumentError(
            [
                f"an integer of more than 4,300 digits at line {line}; "
                f"a report's numbers have at most {MAX_INTEGER_DIGITS} digits @ $"
            ]
        ) from None
    except RecursionError:
        raise DocumentError(
            [f"document nested too deeply to parse; the limit is {limits.max_depth} levels @ $"]
        ) from None


def from_toml(
    text: str | bytes, *, registry: KindRegistry | None = None, limits: DocumentLimits | None = None
) -> Report:
    r"""Load a report from TOML text (as :func:`to_toml` writes it, or hand-written).

    TOML's own dates (``written_on = 2018-01-30``) and times (``published_at = 09:42:00``) are accepted where the model
    has a date or a time; a TOML float is read as an exact decimal.

    Args:
        text: The TOML text, or its UTF-8 bytes.
        registry: Where section and block kinds are looked up; :data:`~govdisclose.model.default_kinds` by default.
        limits: How large and how deeply nested the document may be; :data:`~govdisclose.serialize.DEFAULT_LIMITS`
            (64 MiB, 200 levels) by default.

    Raises:
        DocumentError: The text is not valid TOML, not a valid report document, or past a limit; the message names the
            path.

    >>> from_toml('schema_version = 1\nedition = "2021"\nyear = 2024\nagency = {name = "某县教育局"}').agency.name
    '某县教育局'
    >>> from_toml('schema_version = 1\nedition = "2021"\nyear = "2024"\nagency = {name = "x"}')
    Traceback (most recent call last):
      ...
    govdisclose._errors.DocumentError: expected an integer, got string '2024' @ $.year
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    check_size(text, limits)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError([f"not UTF-8 text (byte {exc.start}) @ $"]) from None
    return report_from_data(_parse_toml(text, limits), registry=registry, limits=limits)
