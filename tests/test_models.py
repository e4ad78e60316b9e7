"""The models and the Table Schemas of datapackage.json stay in lockstep; records are checked."""

from __future__ import annotations

import datetime
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
