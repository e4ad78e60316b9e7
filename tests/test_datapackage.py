"""The descriptor portals read: Frictionless-valid, every resource a table, nothing left to guess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import frictionless
import pytest

import asean_tip_data as atd


@pytest.mark.parametrize("where", ["installed", "top-level"])
def test_frictionless_validates_every_resource_as_a_table(where: str, root: Path) -> None:
    path = atd.datapackage_path() if where == "installed" else root / "datapackage.json"
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.name for task in report.tasks] == list(atd.resource_names())
    for task in report.tasks:
        assert task.type == "table", task.name
        assert task.stats["rows"] == len(atd.load(task.name)), task.name


def test_frictionless_catches_a_dangling_foreign_key(tmp_path: Path, root: Path) -> None:
    # Proves the validation above reads rows and checks references, not only the descriptor.
    (tmp_path / "resources").mkdir()
    for file in (root / "resources").glob("*.csv"):
        (tmp_path / "resources" / file.name).write_bytes(file.read_bytes())
    (tmp_path / "datapackage.json").write_bytes((root / "datapackage.json").read_bytes())
    meetings = tmp_path / "resources" / "meetings.csv"
    meetings.write_text(
        meetings.read_text(encoding="utf-8").replace(",PHL,Philippines,", ",XYZ,Philippines,", 1), encoding="utf-8"
    )
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_package_metadata(descriptor: dict[str, Any], makers: list[str], authors: list[str]) -> None:
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["profile"] == "tabular-data-package"
    assert all(c["role"] and c["roles"] for c in descriptor["contributors"])
    assert descriptor["name"] == "asean-tip-data"
    assert descriptor["version"] == atd.__version__
    assert [lic["name"] for lic in descriptor["licenses"]] == ["CC-BY-4.0"]
    assert descriptor["sources"][0]["path"] == "https://doi.org/10.32781/cakrawala.v18i2.733"
    assert [c["title"] for c in descriptor["contributors"] if "creator" in c["roles"]] == makers
    assert [a["title"] for a in descriptor["sources"][0]["authors"]] == authors  # the source's, in printed order
    assert descriptor["title"] and descriptor["description"] and descriptor["keywords"]


@pytest.mark.parametrize("name", atd.resource_names())
def test_resources_declare_everything(name: str, descriptor: dict[str, Any]) -> None:
    (resource,) = [r for r in descriptor["resources"] if r["name"] == name]
    assert resource["path"] == f"resources/{resource['name']}.csv"
    assert (resource["type"], resource["format"], resource["mediatype"], resource["encoding"]) == (
        "table",
        "csv",
        "text/csv",
        "utf-8",
    )
    assert resource["title"] and resource["description"]
    assert resource["licenses"][0]["name"] == "CC-BY-4.0"
    # Data Package v1 readers look for these.
    assert resource["profile"] == "tabular-data-resource"
    assert resource["dialect"] == {
        "csvddfVersion": 1.2,
        "header": True,
        "headerRow": 1,
        "delimiter": ",",
        "lineTerminator": "\n",
        "quoteChar": '"',
        "doubleQuote": True,
        "skipInitialSpace": False,
    }
    schema = resource["schema"]
    # Only the empty string is missing: "NA" (Namibia) or "N/A" stay values.
    assert schema["missingValues"] == [""]
    assert schema["primaryKey"]
    for field in schema["fields"]:
        assert field["title"] and field["description"] and field["format"], field["name"]
        assert "required" in field["constraints"], field["name"]
        if field["type"] == "boolean":
            assert (field["trueValues"], field["falseValues"]) == (["true"], ["false"])
        if field["name"].endswith("iso3"):
            assert field["constraints"]["pattern"] == "^[A-Z]{3}$"


def test_every_country_column_is_a_foreign_key(descriptor: dict[str, Any]) -> None:
    for resource in descriptor["resources"]:
        keyed = {tuple(fk["fields"]) for fk in resource["schema"].get("foreignKeys", [])}
        for field in resource["schema"]["fields"]:
            if field["name"].endswith("_iso3"):
                # Alone, or in a key whose table's own country column is one (placement_sources).
                assert any(field["name"] in key for key in keyed), (resource["name"], field["name"])
            if field["name"] == "source_id" and resource["name"] != "sources":
                assert ("source_id",) in keyed, resource["name"]


def test_no_field_is_in_two_foreign_keys_of_one_table(descriptor: dict[str, Any]) -> None:
    # The JavaScript reader (datapackage 1.1) puts the row a key points to in place of its fields:
    # a second key on the same field then finds no match, and the whole table fails to read.
    for resource in descriptor["resources"]:
        fields = [name for fk in resource["schema"].get("foreignKeys", []) for name in fk["fields"]]
        assert len(fields) == len(set(fields)), resource["name"]


def test_csv_files_are_plain_utf8_with_lf(root: Path) -> None:
    for file in (root / "resources").glob("*.csv"):
        raw = file.read_bytes()
        raw.decode("utf-8")
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n"), file.name
