"""Shared fixtures: the repository's top-level files and the errata lookup."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def descriptor() -> dict[str, Any]:
    """The top-level datapackage.json, the one portals read."""
    return dict(json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def schemas(descriptor: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r["schema"] for r in descriptor["resources"]}


def record_key(record: atd.Record, primary_key: list[str]) -> str:
    return "/".join(str(getattr(record, f)) for f in primary_key)


@pytest.fixture(scope="session")
def key_of(schemas: dict[str, dict[str, Any]]) -> Callable[[str, atd.Record], str]:
    """Return a record's primary key as errata write it: parts joined with "/"."""
    return lambda resource, record: record_key(record, schemas[resource]["primaryKey"])


@pytest.fixture(scope="session")
def as_printed(schemas: dict[str, dict[str, Any]]) -> Callable[[str, atd.Record, str], Any]:
    """Return a field's value as the article printed it: the erratum's text where one applies."""
    errata: dict[tuple[str, str, str], str] = {(e.resource, e.record, e.field): e.printed for e in atd.load_errata()}

    def lookup(resource: str, record: atd.Record, field: str) -> Any:
        key = record_key(record, schemas[resource]["primaryKey"])
        return errata.get((resource, key, field), getattr(record, field))

    return lookup
