"""The labels of table cells, written beside them as comments in the YAML and TOML forms of a report.

A person filling table 三 (25 rows of 7 cells) in an editor should not count ``- 0`` lines: every row of an official
table gets its official label as a comment beside its id, and every cell its column's label (with the groups above
it) beside the value. Comments are ignored by every YAML and TOML parser, so the document loads exactly as without
them, through the same converter.

Both formats use the same plan: each labelled row's ``id`` and ``values`` are swapped for placeholder strings, the
document is dumped by the format's own dumper, and each placeholder is then replaced by the row's id or values as that
dumper writes them, with the comments. The placeholders carry a random nonce made for each dump, so no text of the
report can be taken for one.

>>> table = {"kind": "proactive-2021", "rows": [{"id": "licensing", "values": [0]}]}
>>> [(row.label, row.columns) for row in labelled_rows(table)]
[('第二十条第（五）项 / 行政许可', ('本年处理决定数量',))]
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ..model import BlocksDef, KindRegistry, OfficialTable, default_kinds

__all__ = ["LabelledRow", "labelled_rows", "with_labels"]


@attrs.frozen
class LabelledRow:
    """A row of an official table in a document's data, with the labels to write beside it.

    Attributes:
        data: The row's object in the document data (``{"id": …, "values": […]}``).
        label: The row's label, after the groups to its left (``三、本年度办理结果 / （一）予以公开``).
        columns: The label of each value's column, after the groups above it; empty when they are not known (a local
            row, or a row whose number of values is not its definition's).
    """

    data: dict[str, Any]
    label: str
    columns: tuple[str, ...]


def _joined(path: tuple[str, ...], label: str) -> str:
    return " / ".join((*path, label)) if label else " / ".join(path)


def labelled_rows(data: object, registry: KindRegistry | None = None) -> Iterator[LabelledRow]:
    """Every row of an official table found anywhere in *data* (a document's plain data), with its labels.

    A table is an object whose ``"kind"`` is an :class:`~govdisclose.model.OfficialTable` kind of *registry* (a
    plugin's tables included); a row is known by its id in the table's definition, or labelled by its own ``label``.

    >>> table = {"kind": "applications-2021", "rows": [{"id": "result.disclosed", "values": [0] * 7}]}
    >>> row = next(labelled_rows(table))
    >>> row.label, row.columns[1]
    ('三、本年度办理结果 / （一）予以公开', '申请人情况 / 法人或其他组织 / 商业企业')
    """
    kinds = default_kinds if registry is None else registry
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
            continue
        if not isinstance(item, dict):
            continue
        kind = item.get("kind")
        cls = kinds.block_class(kind) if isinstance(kind, str) else None
        rows = item.get("rows")
        if cls is not None and issubclass(cls, OfficialTable) and isinstance(rows, list):
            yield from _rows_of(cls, rows)
            continue
        stack.extend(reversed(list(item.values())))


def _rows_of(cls: type[OfficialTable], rows: list[Any]) -> Iterator[LabelledRow]:
    definition = cls.DEFINITION
    known = {row.id: row for row in definition.rows}
    # A row of table 二 is named after its block's header; a row without a label (table 四's one row) by the title.
    headers = (
        {row.id: (block.header,) for block in definition.blocks for row in block.rows}
        if isinstance(definition, BlocksDef)
        else {}
    )
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not isinstance(row.get("values"), list):
            continue
        official = known.get(row["id"])
        if official is None:
            own = row.get("label")
            yield LabelledRow(row, own if isinstance(own, str) else f"({definition.id} {row['id']})", ())
            continue
        label = _joined((*headers.get(official.id, ()), *official.path), official.label) or definition.title
        columns = tuple(_joined(column.path, column.label) for column in official.columns)
        yield LabelledRow(row, label, columns if len(columns) == len(row["values"]) else ())


_PADDING = "_" * 100
"""Makes a row's placeholder as long as its values would be: tomli-w writes a row short enough inline, where no comment
can go, and rows holding arrays were never that short."""

# What a comment may hold in both formats: TOML refuses control characters in a comment, YAML non-printable ones and
# treats NEL, LS and PS as line breaks.
_UNFIT = re.compile("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _comment(text: str) -> str:
    r"""*text* fit for a comment in YAML and TOML: on one line, anything a comment may not hold made a space.

    >>> _comment("本地行\n第二行\x07")
    '本地行 第二行'
    """
    return " ".join(_UNFIT.sub(" ", text).split()) if _UNFIT.search(text) else text


def with_labels(
    data: dict[str, Any],
    dump: Callable[[dict[str, Any]], str],
    scalars: Callable[[list[Any]], list[str] | None],
    *,
    registry: KindRegistry | None = None,
    lines: Callable[[str, str, list[str], tuple[str, ...]], str],
    inline: Callable[[list[str]], str],
    quoted: bool,
) -> str:
    """The text *dump* makes of *data*, with the labels of every official table's rows and cells as comments.

    Args:
        data: The document's data (it is changed: the rows' ids and values are swapped for placeholders).
        dump: The format's dumper.
        scalars: Values as the format writes each on one line, or ``None`` when one cannot be (that row is then
            written without comments).
        registry: Where the table kinds are looked up.
        lines: Writes a row's values under a key on lines of their own: ``(indent, key, values, comments)``.
        inline: Writes a row's values where they must stay on one line (in a TOML inline table).
        quoted: Whether the dumper writes the placeholders in double quotes (TOML) or plain (YAML).
    """
    nonce = secrets.token_hex(8)
    rows: dict[str, tuple[str, list[str], LabelledRow]] = {}
    for index, row in enumerate(labelled_rows(data, registry)):
        written = scalars([row.data["id"], *row.data["values"]]) if row.data["values"] else None
        if written is None:
            continue
        token = f"gdrow{nonce}n{index}"
        rows[token] = (written[0], written[1:], row)
        row.data["id"] = token + "i"
        row.data["values"] = token + "v" + _PADDING
    text = dump(data)
    if not rows:
        return text
    q = '"' if quoted else ""
    token = rf"(gdrow{nonce}n\d+)(i|v{_PADDING})"
    token_pattern = re.compile(rf"{q}{token}{q}")
    line_pattern = re.compile(rf"^([ \t]*(?:- )?)(\S+)( ?[:=] ){q}{token}{q}$", re.MULTILINE)

    def whole_line(match: re.Match[str]) -> str:
        prefix, key, separator, token, which = match.groups()
        written_id, written, row = rows[token]
        if which == "i":
            return f"{prefix}{key}{separator}{written_id}  # {_comment(row.label)}"
        indent = " " * len(prefix)
        return lines(indent, key, written, tuple(_comment(c) for c in row.columns))

    def anywhere(match: re.Match[str]) -> str:
        written_id, written, _ = rows[match[1]]
        return written_id if match[2] == "i" else inline(written)

    return token_pattern.sub(anywhere, line_pattern.sub(whole_line, text))
