"""The Table Schemas of the descriptor as typed, frozen objects, parsed once."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from .files import datapackage_path, read_descriptor
from .types import TYPES, TypeMap

# Every constraint kind the loader enforces; tests fail when the descriptor uses another.
CONSTRAINTS = frozenset({"required", "unique", "enum", "pattern", "minimum"})


Translations = tuple[tuple[str, str], ...]  # (language tag, text) pairs: hashable, unlike a dict


def translations(item: Mapping[str, Any], key: str) -> Translations:
    """Return ``key``_translated of ``item`` as pairs, with the untranslated text as English."""
    texts = {"en": item.get(key, ""), **item.get(f"{key}_translated", {})}
    return tuple(texts.items())


class Field(NamedTuple):
    """One field of a Table Schema."""

    name: str
    type: str
    title: str
    description: str
    titles: Translations
    descriptions: Translations
    required: bool
    unique: bool
    enum: tuple[Any, ...] | None
    pattern: str | None
    minimum: int | None

    @property
    def types(self) -> TypeMap:
        """Return what this field's type maps to."""
        return TYPES[self.type]


class ForeignKey(NamedTuple):
    """Fields of one table that name the key of another."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


class Table(NamedTuple):
    """One tabular resource: where it lies, what it holds and how its rows are keyed."""

    name: str
    path: str
    title: str
    description: str
    titles: Translations
    descriptions: Translations
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def field_names(self) -> tuple[str, ...]:
        """Return the names of the fields, in the order of the columns."""
        return tuple(f.name for f in self.fields)


def text_in(texts: Translations, lang: str) -> str:
    """Return the text in ``lang``, or the English where a copy lacks that language."""
    found = dict(texts)
    return found.get(lang) or found.get("en", "")


def _texts(item: Mapping[str, Any]) -> dict[str, Any]:
    """Return the title and description of a field or resource, with their translations."""
    return {
        "title": item.get("title", ""),
        "description": item.get("description", ""),
        "titles": translations(item, "title"),
        "descriptions": translations(item, "description"),
    }


def parse_field(field: Mapping[str, Any]) -> Field:
    """Return the typed form of one Table Schema field."""
    constraints = field.get("constraints", {})
    enum = constraints.get("enum")
    return Field(
        name=field["name"],
        type=field.get("type", "string"),
        **_texts(field),
        required=bool(constraints.get("required")),
        unique=bool(constraints.get("unique")),
        enum=tuple(enum) if enum is not None else None,
        pattern=constraints.get("pattern"),
        minimum=constraints.get("minimum"),
    )


def parse_table(resource: Mapping[str, Any]) -> Table:
    """Return the typed form of one tabular resource of a descriptor."""
    schema = resource.get("schema", {})
    return Table(
        name=resource["name"],
        path=resource.get("path", ""),
        **_texts(resource),
        fields=tuple(parse_field(f) for f in schema.get("fields", ())),
        primary_key=tuple(schema.get("primaryKey", ())),
        foreign_keys=tuple(
            ForeignKey(tuple(k["fields"]), k["reference"]["resource"], tuple(k["reference"]["fields"]))
            for k in schema.get("foreignKeys", ())
        ),
    )


@cache
def bundled_source() -> tuple[Path, bytes, Any]:
    """Return the bundled descriptor's folder, bytes and JSON, read as any copy's are, once."""
    return read_descriptor(datapackage_path())


def bundled_descriptor() -> Mapping[str, Any]:
    """Return the bundled descriptor, parsed once; callers must not change it."""
    parsed: Mapping[str, Any] = bundled_source()[2]
    return parsed


@cache
def bundled_tables() -> dict[str, Table]:
    """Return the bundled tables by name, in the order of the descriptor: the contract of every copy."""
    return {r["name"]: parse_table(r) for r in bundled_descriptor()["resources"]}


def table(name: str) -> Table:
    """Return the bundled table ``name``; a ValueError names the tables there are."""
    tables = bundled_tables()
    if name not in tables:
        raise ValueError(f"unknown resource {name!r}; expected one of: {', '.join(tables)}")
    return tables[name]
