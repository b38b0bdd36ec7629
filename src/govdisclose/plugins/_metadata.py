"""Metadata fields: the labels of the metadata block a portal prints above a report, and their other spellings.

The typed fields of :class:`~govdisclose.model.Publication` (索引号, 文号, 发布机构 …) are the core fields.
Portals print more (公开责任部门, 信息名称 …), which a report keeps as ordered ``(label, value)`` pairs in
``Publication.extra``; a plugin names the fields of its portals with a :class:`MetadataField`, with the other
spellings of the label as aliases, so that :meth:`MetadataFieldRegistry.normalize` gives every report of those
portals the same labels.

>>> registry = default_metadata_fields.copy()
>>> _ = registry.add(MetadataField(label="公开责任部门", description="office responsible for the disclosure",
...                                aliases=("责任部门",)), source="my-plugin")
>>> registry.canonical("责 任 部 门"), registry.source("公开责任部门")
('公开责任部门', 'my-plugin')
>>> from govdisclose.model import Publication
>>> registry.normalize(Publication(extra=(("责任部门", "办公室"),))).extra
(('公开责任部门', '办公室'),)
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._errors import DuplicateKindError, InvalidKindError, ModelError
from .._registry import CORE, Registry
from ..model import Publication
from ..render import METADATA_LABELS

__all__ = ["MetadataField", "MetadataFieldRegistry", "default_metadata_fields"]

_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def _key(label: str) -> str:
    """A label without the spaces portals put between its characters (``索 引 号``)."""
    return _SPACES.sub("", label)


def _label(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not _key(value) or "\n" in value:
        raise ModelError(f"{attribute.name!r} must be a one-line label (got {value!r})", field=attribute.name)


def _aliases(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    seen = {_key(getattr(instance, "label", ""))}
    for alias in value:
        _label(instance, attribute, alias)
        if _key(alias) in seen:
            raise ModelError(f"alias {alias!r} repeats the label or another alias", field="aliases", value=alias)
        seen.add(_key(alias))


@attrs.frozen(kw_only=True)
class MetadataField:
    """A labelled field of a portal's metadata block.

    Attributes:
        label: The label reports are given, as a portal prints it without spaces (``公开责任部门``).
        description: What the field holds.
        aliases: Other spellings of the label on other portals (``责任部门``); spaces in labels are ignored.
        attribute: The :class:`~govdisclose.model.Publication` attribute a core field fills (``index_number``);
            ``None`` for a field kept in ``Publication.extra``.
    """

    label: str = attrs.field(validator=_label)
    description: str = attrs.field(validator=_label)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_aliases)
    attribute: str | None = None


@attrs.define(eq=False)
class MetadataFieldRegistry(Registry[str, MetadataField]):
    """Metadata fields by label and alias, with where each came from (``"core"`` or a plugin's name).

    A :class:`~govdisclose.Registry` of :class:`MetadataField` values keyed by label, that also finds a field by
    any of its aliases, spaces ignored, and refuses a field whose label or alias already names another.
    """

    error = DuplicateKindError

    name: str = "metadata"
    what: str = "metadata field"
    category: str = "metadata"
    _names: dict[str, str] = attrs.field(init=False, factory=dict, repr=False)  # label or alias without spaces

    def key_of(self, value: MetadataField) -> str:
        return value.label

    def check(self, value: MetadataField, source: str) -> None:
        if not isinstance(value, MetadataField):
            raise InvalidKindError(f"{source}: {value!r} is not a MetadataField", source=source)
        if self.get(value.label) == value:
            return
        for name in (value.label, *value.aliases):
            taken = self._names.get(_key(name))
            if taken is not None:
                raise DuplicateKindError(
                    f"{source}: metadata label {name!r} of field {value.label!r} already names field {taken!r} "
                    f"of {super().source(taken)}",
                    registry=self.name,
                    tag=value.label,
                    source=source,
                )

    def same(self, taken: MetadataField, value: MetadataField) -> bool:
        return taken == value

    def describe(self, value: MetadataField) -> str:
        return value.description + (f"; also {'、'.join(value.aliases)}" if value.aliases else "")

    def register(self, value: MetadataField, *, key: str | None = None, source: str = CORE) -> MetadataField:
        """Add *value* under its label; returns it.

        Raises:
            DuplicateKindError: Its label or one of its aliases already names a field (the message says whose).
        """
        registered = super().register(value, key=key, source=source)
        for name in (value.label, *value.aliases):
            self._names[_key(name)] = value.label
        return registered

    def add(self, field: MetadataField, *, source: str = CORE) -> MetadataField:
        """Add *field* (:meth:`register` under the name this registry always had); returns it."""
        return self.register(field, source=source)

    def get(self, label: str) -> MetadataField | None:
        """The field *label* names (its label or an alias, spaces ignored), or ``None``."""
        name = self._names.get(_key(label))
        return super().get(name) if name is not None else None

    def source(self, label: str) -> str | None:
        """Where the field *label* (or an alias of it) was registered from, or ``None``."""
        name = self._names.get(_key(label))
        return super().source(name) if name is not None else None

    def fields(self) -> tuple[MetadataField, ...]:
        """The registered fields, in the order they were added."""
        return tuple(self)

    def labels(self) -> tuple[str, ...]:
        """The labels of the registered fields, in the order they were added."""
        return self.keys()

    def canonical(self, label: str) -> str:
        """The label of the field *label* names, or *label* itself without surrounding spaces when it names none."""
        found = self.get(label)
        return found.label if found is not None else label.strip()

    def normalize(self, publication: Publication) -> Publication:
        """*publication* with each extra field under the label of the registered field it names.

        Only fields kept in ``extra`` (``attribute`` is ``None``) are renamed; an extra whose label a core field
        takes is left as written, as is one whose canonical label an earlier extra already has.
        """
        extra: list[tuple[str, str]] = []
        seen = {label for label, _ in publication.extra}
        for label, value in publication.extra:
            found = self.get(label)
            if found is not None and found.attribute is None and found.label != label and found.label not in seen:
                seen.add(found.label)
                label = found.label
            extra.append((label, value))
        return attrs.evolve(publication, extra=tuple(extra))


default_metadata_fields = MetadataFieldRegistry()
"""The core fields (the typed fields of :class:`~govdisclose.model.Publication`), and whatever plugins register."""

for _attribute, _text in METADATA_LABELS:
    default_metadata_fields.add(
        MetadataField(label=_text, description=f"Publication.{_attribute}", attribute=_attribute)
    )
