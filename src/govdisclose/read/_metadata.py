"""The metadata block a portal prints above a report: ``索 引 号:``, ``发布机构 | 市政府办 |``, ``• 有效性:有效``.

Labels vary by portal (spec ``conventions.md`` §2): spaced out (``索 引 号``), bulleted, in pipe-separated cells, with
ASCII or full-width colons, several ``label: value`` pairs on one line. The labels and their aliases are those of
:data:`govdisclose.model.METADATA_TERMS`: each maps to a typed field of :class:`~govdisclose.model.Publication`, or
(the title ``信息名称`` and other known labels) is kept as an ordered extra field. A repeated 有效性 line is the
debris of a dropdown: only the first is the value.

>>> fields = parse_metadata_line("来源:三元区城关街道 时间:2018-01-30 09:42")
>>> [(f.label, f.value) for f in fields]
[('来源', '三元区城关街道'), ('时间', '2018-01-30 09:42')]
>>> [(f.label, f.value) for f in parse_metadata_line("文 号 | 有 效 性 |")]
[('文号', ''), ('有效性', '')]
"""

from __future__ import annotations

import datetime
import re
from typing import Final

import attrs

from ..model import METADATA_TERMS, Publication, Validity, metadata_term
from ..zh import parse_date

__all__ = ["NOISE_LABELS", "Field", "MetadataBuilder", "parse_metadata_line", "split_datetime"]

NOISE_LABELS: Final = frozenset({"浏览次数", "访问次数", "阅读次数", "点击数", "字体", "字号", "分享", "打印"})
"""Labels of page widgets that share a line with metadata (``时间:… 来源:… 浏览次数:``)."""

_ALL: Final = sorted(
    {*(label for term in METADATA_TERMS for label in term.labels), *NOISE_LABELS}, key=len, reverse=True
)


def _spaced(label: str) -> str:
    # "索引号" → "索\s?引\s?号": a bounded optional space between characters, so matching stays linear.
    return r"[ \u3000]?".join(re.escape(ch) for ch in label)


_LABEL_AT: Final = re.compile(
    r"(?:^|(?<=[\s|]))[•·●▪◆*]?[ \u3000]?(?P<label>" + "|".join(_spaced(x) for x in _ALL) + r")[ \u3000]?[:：]"
)
_BULLET: Final = re.compile(r"[•·●▪◆*]\s*")
_TIME: Final = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


@attrs.frozen
class Field:
    """A ``label: value`` pair of the metadata block; the label without spaces and colon, as printed otherwise."""

    label: str
    value: str


def _label(cell: str) -> str | None:
    """The known label a pipe cell is (spaces, a bullet and a trailing colon ignored), or ``None``."""
    text = re.sub(r"[\s\u3000]", "", _BULLET.sub("", cell)).rstrip(":：")
    return text if metadata_term(text) is not None or text in NOISE_LABELS else None


def parse_metadata_line(text: str) -> list[Field] | None:
    """The metadata fields of one line, or ``None`` when the line is not metadata.

    A line is metadata when it starts with a known label (after a bullet): ``label:value`` pairs, or pipe-separated
    cells alternating labels and values (a label followed by a label has an empty value).
    """
    stripped = _BULLET.sub("", text, count=1) if _BULLET.match(text) else text
    if "|" in stripped:
        cells = [cell.strip() for cell in stripped.split("|")]
        first = next((cell for cell in cells if cell), "")
        if _label(first) is None:
            return None
        fields: list[Field] = []
        pending: str | None = None
        for cell in cells:
            if not cell:
                continue
            label = _label(cell)
            if label is None and pending is None:
                head, colon, rest = cell.replace("：", ":").partition(":")
                label = _label(head) if colon else None
                if label is not None and rest.strip():
                    fields.append(Field(label, rest.strip()))
                    continue
            if label is not None:
                if pending is not None:
                    fields.append(Field(pending, ""))
                pending = label
            elif pending is not None:
                fields.append(Field(pending, cell))
                pending = None
        if pending is not None:
            fields.append(Field(pending, ""))
        return fields
    matches = list(_LABEL_AT.finditer(stripped))
    if not matches or matches[0].start() > 2:
        return None
    fields = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(stripped)
        label = re.sub(r"[ \u3000]", "", match.group("label"))
        fields.append(Field(label, stripped[match.end() : end].strip()))
    return fields


def split_datetime(value: str) -> tuple[datetime.date, datetime.time | None] | None:
    """A date and optional time of day from a metadata value, or ``None`` when it is not one.

    >>> split_datetime("2023/01/18 11:34:01")
    (datetime.date(2023, 1, 18), datetime.time(11, 34, 1))
    >>> split_datetime("2022年01月30日 15:52")
    (datetime.date(2022, 1, 30), datetime.time(15, 52))
    """
    parts = value.strip().rsplit(maxsplit=1)
    if len(parts) == 2 and _TIME.fullmatch(parts[1]):
        date_text, time_text = parts[0], parts[1]
    else:
        date_text, time_text = value.strip(), None
    try:
        day = parse_date(date_text)
    except ValueError:
        return None
    if time_text is None:
        return day, None
    hour, minute, *second = (int(p) for p in time_text.split(":"))
    try:
        return day, datetime.time(hour, minute, second[0] if second else 0)
    except ValueError:
        return None


class MetadataBuilder:
    """Collects metadata fields into a :class:`~govdisclose.model.Publication`, reporting each decision.

    :meth:`add` returns ``(kind, message)``: ``("recognised", …)``, ``("noise", …)`` for dropdown debris and widgets,
    or ``("uncertain", …)`` for a value that could not be read (kept as an extra field) or a conflicting repeat.
    """

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.extra: list[tuple[str, str]] = []
        self.raw: dict[str, str] = {}

    def add(self, field: Field) -> tuple[str, str]:
        """Take one field into the publication."""
        label, value = field.label, field.value
        if label in NOISE_LABELS:
            return "noise", f"page widget {label!r} in the metadata line"
        term = metadata_term(label)
        target = term.attribute if term is not None and term.attribute is not None else "extra"
        if not value:
            return "noise", f"metadata label {label!r} without a value"
        if target == "extra":
            if any(existing == label for existing, _ in self.extra):
                return "noise", f"metadata field {label!r} repeated"
            self.extra.append((label, value))
            return "recognised", f"metadata field {label!r} (kept as an extra field)"
        if target in self.values:
            if target == "validity":
                return "noise", f"dropdown debris: {label} {value!r} after the first {label} line"
            if self.raw.get(target) == value:
                return "noise", f"metadata field {label!r} repeated"
            return self._extra(label, value, f"a second {target} field {label!r}; kept as an extra field")
        parsed: object = value
        if target in ("written_on", "published_on"):
            moment = split_datetime(value)
            if moment is None:
                return self._extra(label, value, f"{label!r} is not a date; kept as an extra field")
            parsed = moment[0]
            if target == "published_on" and moment[1] is not None:
                self.values["published_at"] = moment[1]
        elif target == "validity":
            try:
                parsed = Validity(value)
            except ValueError:
                return self._extra(label, value, f"{label!r} is not 有效/失效/废止; kept as an extra field")
        self.values[target] = parsed
        self.raw[target] = value
        return "recognised", f"metadata field {label!r} → {target}"

    def _extra(self, label: str, value: str, message: str) -> tuple[str, str]:
        if any(existing == label for existing, _ in self.extra):
            return "uncertain", message.replace("kept as an extra field", "dropped (the label repeats)")
        self.extra.append((label, value))
        return "uncertain", message

    def publication(self) -> Publication:
        """The publication metadata collected."""
        return Publication(**self.values, extra=tuple(self.extra))  # type: ignore[arg-type]
