"""The models and the Table Schemas of datapackage.json stay in lockstep; records are checked."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import pytest

import asean_tip_data as atd
from asean_tip_data._gate.registry import MODELS


def _table_type(prop: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Translate a JSON Schema property of a model into a Table Schema type and constraints."""
    nullable = False
    if "anyOf" in prop:
        branches = [b for b in prop["anyOf"] if b.get("type") != "null"]
        nullable = len(branches) < len(prop["anyOf"])
        (prop,) = branches
    constraints: dict[str, Any] = {"required": not nullable}
    for json_key, table_key in (("enum", "enum"), ("pattern", "pattern"), ("minimum", "minimum")):
        if json_key in prop:
            constraints[table_key] = prop[json_key]
    kind = {"string": "string", "integer": "integer", "boolean": "boolean"}[prop["type"]]
    if prop.get("format") == "date":
        kind = "date"
    return kind, constraints


def test_models_cover_the_resources_in_order(descriptor: dict[str, Any]) -> None:
    assert list(MODELS) == [r["name"] for r in descriptor["resources"]] == list(atd.resource_names())


@pytest.mark.parametrize("name", list(MODELS))
def test_model_and_table_schema_agree(name: str, schemas: dict[str, Any]) -> None:
    props = MODELS[name].model_json_schema()["properties"]
    fields = schemas[name]["fields"]
    assert list(props) == [f["name"] for f in fields]
    for field in fields:
        kind, constraints = _table_type(props[field["name"]])
        assert kind == field["type"], field["name"]
        declared = {k: v for k, v in field["constraints"].items() if k != "unique"}
        assert constraints == declared, field["name"]


def test_errata_resource_enum_names_every_other_resource(schemas: dict[str, Any]) -> None:
    enum = next(f for f in schemas["errata"]["fields"] if f["name"] == "resource")["constraints"]["enum"]
    assert enum == [n for n in atd.resource_names() if n != "errata"]


def _meeting(**changes: Any) -> dict[str, Any]:
    base = atd.load_meetings()[0].model_dump()
    base.update(changes)
    return base


def test_meeting_end_before_start_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="before start_date"):
        atd.Meeting.model_validate(_meeting(end_date=datetime.date(1997, 12, 17)))


@pytest.mark.parametrize(("online", "city"), [(True, "Manila"), (False, None)])
def test_meeting_online_exactly_when_no_city(online: bool, city: str | None) -> None:
    with pytest.raises(pydantic.ValidationError, match="online must be true exactly when city is empty"):
        atd.Meeting.model_validate(_meeting(online=online, city=city))


def test_mou_status_must_match_the_printed_status() -> None:
    mou = atd.load_mous()[0].model_dump()
    mou["status"] = "in_preparation"
    with pytest.raises(pydantic.ValidationError, match="does not match"):
        atd.Mou.model_validate(mou)


def test_records_are_frozen_and_refuse_unknown_fields() -> None:
    record = atd.load_trafficking_cases()[0]
    with pytest.raises(pydantic.ValidationError):
        record.cases = 1
    with pytest.raises(pydantic.ValidationError, match="Extra inputs"):
        atd.TraffickingCases.model_validate({**record.model_dump(), "remark": "x"})


def test_records_are_strict() -> None:
    # Strings are not silently coerced: the loader parses Table Schema types itself.
    with pytest.raises(pydantic.ValidationError):
        atd.TraffickingCases.model_validate({**atd.load_trafficking_cases()[0].model_dump(), "cases": "998"})


@pytest.mark.parametrize("name", list(MODELS))
def test_loaded_records_pass_the_models_own_validation(name: str) -> None:
    # The loader checks cells against the Table Schema and constructs records; pydantic must agree.
    for record in atd.load(name):
        validated = type(record).model_validate(record.model_dump())
        assert validated == record and hash(validated) == hash(record)
        # The loader builds records as model_construct would: every field set, nothing extra.
        assert record.model_fields_set == validated.model_fields_set == set(type(record).model_fields)
        assert (record.__pydantic_extra__, record.__pydantic_private__) == (None, None)
        assert record.model_copy() == record and repr(record) == repr(validated)


# Each rule between fields, broken by one change to one bundled row: the model refuses it, and so does the gate
# on a copy with that row changed, naming the file and the row. Rows: the header is row 1; trafficking_cases
# holds 2016-2023 from row 2, and meetings row 2 is the first AMMTC (printed, Appendix 1), row 20 the 19th AMMTC
# (held since the article: not printed, with a note instead).
NOTE_TOGETHER = "note, note_indonesian and note_source_ids are given together or not at all"
PRINTED_TOGETHER = "the fields as printed and article_ref are given together or not at all"
NOTED_UNPRINTED = "note, note_indonesian and note_source_ids are given for a meeting exactly when it is not printed"
NO_NOTE = {"note": None, "note_indonesian": None, "note_source_ids": None}
A_NOTE = {"note": "A note.", "note_indonesian": "Sebuah catatan.", "note_source_ids": "tip-2017-indonesia"}
RULES = [
    pytest.param("trafficking_cases", 7, {"note_indonesian": None}, NOTE_TOGETHER, id="note without Indonesian"),
    pytest.param("trafficking_cases", 3, {"note_source_ids": "tip-2017-indonesia"}, NOTE_TOGETHER, id="sources alone"),
    pytest.param(
        "trafficking_cases",
        7,
        NO_NOTE,
        "ministry_statement is given with a note that says what the ministry said",
        id="ministry statement without a note",
    ),
    pytest.param(
        "trafficking_cases",
        3,
        {"ministry_statement": "confirms"},
        "ministry_statement is given with a note that says what the ministry said",
        id="ministry statement on an unnoted year",
    ),
    pytest.param("meetings", 2, {"name_as_printed": None}, PRINTED_TOGETHER, id="printed meeting missing its name"),
    pytest.param(
        "meetings", 20, {"article_ref": "Appendix 1, row 19"}, PRINTED_TOGETHER, id="unprinted meeting with a ref"
    ),
    pytest.param("meetings", 2, A_NOTE, NOTED_UNPRINTED, id="printed meeting with a note"),
    # Accepted up to 1.22.1: a part of a note only (#37).
    pytest.param("meetings", 2, {"note": "Held."}, NOTED_UNPRINTED, id="printed meeting with a note alone"),
    pytest.param("meetings", 20, NO_NOTE, NOTED_UNPRINTED, id="unprinted meeting without a note"),
    pytest.param(
        "meetings",
        2,
        {"end_date": datetime.date(1997, 12, 17)},
        "end_date 1997-12-17 is before start_date 1997-12-18",
        id="meeting ending the day before it starts",
    ),
    pytest.param(
        "meetings", 2, {"online": True}, "online must be true exactly when city is empty", id="online meeting in a city"
    ),
    pytest.param(
        "meetings",
        2,
        {"city": None},
        "online must be true exactly when city is empty",
        id="meeting in person without a city",
    ),
    pytest.param(
        "mous",
        2,
        {"status": "in_preparation"},
        "status 'in_preparation' does not match status_as_printed 'Applicable'",
        id="MoU status against its printed status",
    ),
    pytest.param(
        "mous",
        3,
        {"status_as_printed": "Applicable"},
        "status 'under_renewal' does not match status_as_printed 'Applicable'",
        id="MoU printed status against its status",
    ),
]


def _cell(value: object) -> str:
    """Return a value as a CSV file of the package writes it: empty for None, ISO dates, true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


@pytest.mark.parametrize(("name", "row", "changes", "message"), RULES)
def test_each_rule_between_fields_refuses_a_record_that_breaks_it(
    name: str, row: int, changes: dict[str, Any], message: str
) -> None:
    bundled = atd.load(name)[row - 2]
    type(bundled).model_validate(bundled.model_dump())  # the row as bundled keeps every rule
    with pytest.raises(pydantic.ValidationError) as info:
        type(bundled).model_validate({**bundled.model_dump(), **changes})
    assert [e["msg"] for e in info.value.errors()] == [f"Value error, {message}"]


@pytest.mark.parametrize(("name", "row", "changes", "message"), RULES)
def test_each_rule_between_fields_is_checked_on_a_copy(
    name: str,
    row: int,
    changes: dict[str, Any],
    message: str,
    copy: Path,
    cells_of: Callable[..., list[list[str]]],
    write_cells: Callable[[Path, str, list[list[str]]], Path],
) -> None:
    cells = cells_of(name, copy)
    for field, value in changes.items():
        cells[row - 1][cells[0].index(field)] = _cell(value)
    path = write_cells(copy, name, cells)
    assert atd.validate(copy) == (f"{path}: row {row}: {message}",)


@pytest.mark.parametrize(("name", "row"), [("meetings", 2), ("meetings", 20), ("trafficking_cases", 3), ("mous", 2)])
def test_a_copy_whose_rows_keep_every_rule_between_fields_passes(
    name: str,
    row: int,
    copy: Path,
    cells_of: Callable[..., list[list[str]]],
    write_cells: Callable[[Path, str, list[list[str]]], Path],
) -> None:
    # The nearest valid rows to the broken ones above: a one-day meeting; the 19th AMMTC online, without a city;
    # 2017's unnoted count (row 3) given a whole note, in both languages with its sources; the first MoU under
    # renewal, as printed "On Extension".
    cells = cells_of(name, copy)
    header, line = cells[0], cells[row - 1]
    changes = {
        ("meetings", 2): {"end_date": "1997-12-18"},
        ("meetings", 20): {"online": "true", "city": ""},
        ("trafficking_cases", 3): {
            "note": "A note.",
            "note_indonesian": "Sebuah catatan.",
            "note_source_ids": "tip-2017-indonesia",
        },
        ("mous", 2): {"status": "under_renewal", "status_as_printed": "On Extension"},
    }[(name, row)]
    for field, value in changes.items():
        line[header.index(field)] = value
    write_cells(copy, name, cells)
    assert atd.validate(copy) == ()
