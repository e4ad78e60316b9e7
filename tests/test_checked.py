"""checked.json: current, equal to reading and checking the installed files, and used only while they are those."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import asean_tip_data as atd
from asean_tip_data import _checked, _files
from asean_tip_data._package import open_package
from asean_tip_data.models import MODELS

ROOT = Path(__file__).resolve().parents[1]
INSTALLED = atd.datapackage_path().parent


@pytest.fixture(scope="module")
def checked() -> dict[str, Any]:
    return dict(_files.parse_json((INSTALLED / _checked.CHECKED).read_bytes()))


def test_checked_json_is_current(script: Callable[[str], ModuleType]) -> None:
    installed = (INSTALLED / _checked.CHECKED).read_text(encoding="utf-8")
    assert script("build_checked").text(ROOT) == installed, "run python scripts/build_checked.py"


@pytest.mark.parametrize("name", list(MODELS))
def test_bundled_records_are_what_reading_and_checking_the_installed_files_gives(name: str) -> None:
    fresh = open_package(INSTALLED).records(name)  # read from the CSV file and checked, now
    loaded = atd.load(name)
    assert loaded == fresh and len(loaded) > 0
    assert [type(r) for r in loaded] == [type(r) for r in fresh] == [MODELS[name]] * len(fresh)
    assert [r.model_fields_set for r in loaded] == [r.model_fields_set for r in fresh]


def test_it_names_every_file_read_with_its_digest(checked: dict[str, Any]) -> None:
    paths = ["datapackage.json", *(t.path for t in _tables())]
    assert list(checked["files"]) == paths
    for path, expected in checked["files"].items():
        assert _checked.digest((INSTALLED / path).read_bytes()) == expected, path
    assert checked["version"] == atd.__version__
    assert checked["tables"]["meetings"]["dates"] == ["start_date", "end_date"]


def _tables() -> list[Any]:
    from asean_tip_data._schema import bundled_tables

    return list(bundled_tables().values())


def _reader(changes: dict[str, bytes | None]) -> Callable[[str], bytes]:
    """Return a reader of the installed files that finds each path of ``changes`` changed, or missing."""

    def read(relative: str) -> bytes:
        if relative not in changes:
            return _files.bundled_bytes(relative)
        data = changes[relative]
        if data is None:
            raise FileNotFoundError(relative)
        return data

    return read


def _checked_json(change: Callable[[dict[str, Any]], object]) -> bytes:
    """Return checked.json with ``change`` made to it."""
    document = dict(_files.parse_json((INSTALLED / _checked.CHECKED).read_bytes()))
    change(document)
    return json.dumps(document).encode()


CHANGES: dict[str, dict[str, bytes | None]] = {
    "a CSV file": {"resources/mous.csv": b"mou_id\n"},
    "the descriptor": {"datapackage.json": b"{}"},
    "a missing file": {"resources/errata.csv": None},
    "no checked.json": {_checked.CHECKED: None},
    "a broken checked.json": {_checked.CHECKED: b"{"},
    "a checked.json of another shape": {_checked.CHECKED: b"[]"},
    "another version": {_checked.CHECKED: _checked_json(lambda d: d.update(version="0.0.1"))},
    "other columns": {_checked.CHECKED: _checked_json(lambda d: d["tables"]["countries"].update(fields=["iso3"]))},
    "a row of another length": {_checked.CHECKED: _checked_json(lambda d: d["tables"]["mous"]["rows"][0].pop())},
    "other tables": {_checked.CHECKED: _checked_json(lambda d: d["tables"].pop("errata"))},
}


def test_it_is_used_while_nothing_differs() -> None:
    tables = _checked.tables_from(_files.bundled_bytes, MODELS)
    assert list(tables) == list(MODELS) and tables == {n: open_package(INSTALLED).records(n) for n in MODELS}
    assert _checked.checked_tables() == tables


@pytest.mark.parametrize("what", list(CHANGES))
def test_it_is_ignored_when_anything_differs(what: str) -> None:
    assert _checked.tables_from(_reader(CHANGES[what]), MODELS) == {}, what


def test_without_it_the_installed_files_are_read_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from asean_tip_data import _package

    monkeypatch.setattr(_checked, "_TABLES", [{}])  # as when an installed file differs
    loaded = atd.load("meetings")
    assert loaded is _package.bundled().tables["meetings"]  # read and checked from the CSV file
    assert loaded == open_package(INSTALLED).records("meetings")
