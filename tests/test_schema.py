"""The typed Table Schema: parsed once from the descriptor, and every type and constraint is known."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest

import asean_tip_data as atd
from asean_tip_data._gate import cells as _cells
from asean_tip_data._gate import schema as _schema
from asean_tip_data._gate import types as _types
from asean_tip_data._gate.registry import MODELS

# For each type and constraint the descriptor uses, one cell that breaks it and what validate must say, written by
# hand: (resource, field, row, cell, reason). A string holds any text (the rule on control characters is one for
# every type: tests/test_roundtrip.py), so it has no cell of its own.
VIOLATIONS = {
    "integer": ("sources", "year", 2, "x", "not an integer: 'x'"),
    "date": ("sources", "released", 2, "2021-02-29", "impossible date (day is out of range for month): '2021-02-29'"),
    "boolean": ("case_statements", "by_ministry", 2, "yes", "not a boolean (true or false): 'yes'"),
    "required": ("countries", "iso2", 2, "", "missing value: ''"),
    "minimum": ("sources", "year", 2, "1899", "less than 1900: '1899'"),
    "enum": (
        "sources",
        "kind",
        2,
        "news agency",
        "not one of article, credited, editorial, news, report, standard, webpage: 'news agency'",
    ),
    "pattern": ("countries", "iso2", 2, "bn", "does not match ^[A-Z]{2}$: 'bn'"),
    "unique": ("countries", "iso2", 3, "BN", "duplicate value 'BN' (first in row 2)"),  # Brunei's, in row 2
}


def test_the_descriptor_uses_no_type_or_constraint_without_a_violating_cell(descriptor: dict[str, Any]) -> None:
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            where = f"{resource['name']}.{field['name']}"
            assert field["type"] in {*VIOLATIONS, "string"}, where
            assert set(field["constraints"]) <= set(VIOLATIONS), where
        assert set(resource["schema"]) <= {"fields", "primaryKey", "foreignKeys", "missingValues"}, resource["name"]
        assert resource["schema"]["missingValues"] == [""]


@pytest.mark.parametrize("kind", sorted(VIOLATIONS))
def test_every_type_and_constraint_the_descriptor_uses_is_enforced(
    kind: str, copy: Path, cells_of: Callable[..., list[list[str]]], write_cells: Callable[..., Path]
) -> None:
    resource, name, row, cell, reason = VIOLATIONS[kind]
    cells = cells_of(resource, copy)
    cells[row - 1][cells[0].index(name)] = cell  # row 1 is the header
    path = write_cells(copy, resource, cells)
    assert atd.validate(copy) == (f"{path}: row {row}: field '{name}': {reason}",)
    with pytest.raises(atd.DataError):
        atd.load(resource, copy)


def test_the_typed_tables_are_the_descriptor(descriptor: dict[str, Any]) -> None:
    tables = _schema.bundled_tables()
    assert list(tables) == [r["name"] for r in descriptor["resources"]] == list(atd.resource_names())
    meetings = tables["meetings"]
    assert meetings.path == "resources/meetings.csv" and meetings.title == "AMMTC and SOMTC meetings"
    assert meetings.primary_key == ("forum", "number")
    assert _schema.ForeignKey(("chair_iso3",), "countries", ("iso3",)) in meetings.foreign_keys
    forum = meetings.fields[0]
    assert (forum.name, forum.type, forum.required, forum.enum) == ("forum", "string", True, ("AMMTC", "SOMTC"))
    iso2 = tables["countries"].fields[1]
    assert (iso2.name, iso2.unique, iso2.pattern) == ("iso2", True, "^[A-Z]{2}$")
    assert tables["liaison_officers"].fields[0].minimum == 1
    for resource in descriptor["resources"]:
        assert tables[resource["name"]].field_names == tuple(f["name"] for f in resource["schema"]["fields"])


def test_typed_objects_are_frozen() -> None:
    table = _schema.table("countries")
    with pytest.raises(AttributeError):
        table.name = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        table.fields[0].required = False  # type: ignore[misc]


@pytest.mark.parametrize("name", atd.resource_names())
def test_python_types_are_the_models_types(name: str) -> None:
    for field in _schema.table(name).fields:
        annotation = MODELS[name].model_fields[field.name].annotation
        expected = field.types.python
        if field.enum is not None:
            # Literal[...], or Literal[...] | None for an optional code.
            literal = next((a for a in get_args(annotation) if get_origin(a) is Literal), annotation)
            assert set(get_args(literal)) == set(field.enum), field.name
        else:
            # Unwrap Optional[...] and Annotated[...] down to the plain type.
            plain = {a for a in get_args(annotation) if a is not type(None)} or {annotation}
            plain = {get_args(a)[0] if get_args(a) else a for a in plain}
            assert plain == {expected}, field.name
        assert (type(None) in get_args(annotation)) != field.required, field.name


def test_the_type_map() -> None:
    assert _types.TYPES["date"].python is datetime.date and _types.TYPES["date"].croissant == "sc:Date"
    assert _types.TYPES["integer"].pandas_optional == "Int64" and _types.TYPES["boolean"].sql == "BOOLEAN"
    assert set(_types.TYPES) == set(_cells.PARSERS) == {"string", "integer", "date", "boolean"}


def test_an_unknown_resource_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown resource 'nope'; expected one of: countries, sources"):
        _schema.table("nope")
