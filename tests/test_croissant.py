"""croissant.json: current with the descriptor, valid for mlcroissant, and every record set reads its CSV."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import asean_tip_data as atd

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def croissant() -> dict[str, Any]:
    return dict(json.loads((ROOT / "croissant.json").read_text(encoding="utf-8")))


def test_croissant_json_is_current(script: Callable[[str], ModuleType]) -> None:
    # A freshness check by design: the file is what its script builds now. What it says is asserted apart from the
    # script below (licence, DOI, makers, checksums, types, keys), and mlcroissant reads every record set.
    assert script("build_croissant").text(ROOT) == (ROOT / "croissant.json").read_text(encoding="utf-8"), (
        "run python scripts/build_croissant.py"
    )


def test_dataset_metadata(croissant: dict[str, Any], descriptor: dict[str, Any], makers: list[str]) -> None:
    assert croissant["@type"] == "sc:Dataset"
    assert croissant["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert croissant["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert croissant["version"] == atd.__version__
    assert croissant["identifier"] == descriptor["id"]
    assert "doi = {10.32781/cakrawala.v18i2.733}" in croissant["citeAs"]
    assert croissant["isBasedOn"] == ["https://doi.org/10.32781/cakrawala.v18i2.733"]
    assert [c["name"] for c in croissant["creator"]] == makers
    assert {c["@type"] for c in croissant["creator"]} == {"sc:Organization"}


def test_one_file_object_per_csv_with_its_checksum(croissant: dict[str, Any]) -> None:
    files = {f["contentUrl"]: f["sha256"] for f in croissant["distribution"]}
    assert list(files) == [f"resources/{n}.csv" for n in atd.resource_names()]
    for path, digest in files.items():
        assert hashlib.sha256((ROOT / path).read_bytes()).hexdigest() == digest, path


def test_record_sets_carry_types_keys_and_references(croissant: dict[str, Any]) -> None:
    sets = {r["name"]: r for r in croissant["recordSet"]}
    assert list(sets) == list(atd.resource_names())
    meetings = {f["name"]: f for f in sets["meetings"]["field"]}
    assert sets["meetings"]["key"] == [{"@id": "meetings/forum"}, {"@id": "meetings/number"}]
    assert (meetings["number"]["dataType"], meetings["start_date"]["dataType"]) == ("sc:Integer", "sc:Date")
    assert (meetings["online"]["dataType"], meetings["city"]["dataType"]) == ("sc:Boolean", "sc:Text")
    assert meetings["chair_iso3"]["references"] == {"field": {"@id": "countries/iso3"}}
    assert meetings["source_id"]["references"] == {"field": {"@id": "sources/source_id"}}


def test_mlcroissant_validates_it() -> None:
    executable = Path(sys.executable).parent / "mlcroissant"
    result = subprocess.run(
        [str(executable), "validate", "--jsonld", "croissant.json"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Done." in result.stderr and "WARNING" not in result.stderr


# mlcroissant and rdflib warn at import and use (deprecations): they run apart, and print JSON.
READ_RECORDS = """
import json, sys
import mlcroissant
out = {}
for name in sys.argv[2:]:
    # A fresh Dataset per record set: mlcroissant 1.1 fails to join on one that read another set.
    dataset = mlcroissant.Dataset(jsonld=sys.argv[1])
    out[name] = [
        {k.split("/", 1)[1]: v.decode() if isinstance(v, bytes) else v for k, v in r.items()}
        for r in dataset.records(record_set=name)
    ]
print(json.dumps(out, default=lambda v: v.date().isoformat()))  # pandas Timestamps: the dates
"""


@pytest.fixture(scope="module")
def records() -> dict[str, list[dict[str, Any]]]:
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", READ_RECORDS, str(ROOT / "croissant.json"), *atd.resource_names()],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def _expected(value: str, data_type: str) -> Any:
    if value == "":
        return None
    if data_type == "sc:Integer":
        return int(value)
    if data_type == "sc:Boolean":
        return value == "true"
    return value  # text, and dates as the ISO text the CSV holds


# mlcroissant 1.1 reads CSV with pandas' type inference, which turns the text "096" into 96 before
# the declared sc:Text applies. Listed here so that the day it keeps the zeros, this test says so.
# By design this pins mlcroissant's bug, not ours: only these fields, only by dropping leading zeros (asserted
# below to change some value, so the exception is never idle), and the CSV keeps them (tests/test_roundtrip.py).
ZEROS_DROPPED_BY_MLCROISSANT = {("countries", "numeric_code")}


@pytest.mark.parametrize("name", atd.resource_names())
def test_mlcroissant_yields_every_row_of_the_csv(
    name: str, croissant: dict[str, Any], records: dict[str, list[dict[str, Any]]]
) -> None:
    (record_set,) = [r for r in croissant["recordSet"] if r["name"] == name]
    types = {f["name"]: f["dataType"] for f in record_set["field"]}
    with open(ROOT / "resources" / f"{name}.csv", encoding="utf-8", newline="") as f:
        expected = [{k: _expected(v, types[k]) for k, v in row.items()} for row in csv.DictReader(f)]
    dropped = 0
    for row in expected:
        for resource, field in ZEROS_DROPPED_BY_MLCROISSANT:
            if resource == name:
                dropped += row[field].startswith("0")
                row[field] = str(int(row[field]))
    assert records[name] == expected
    assert dropped > 0 or name not in {resource for resource, _ in ZEROS_DROPPED_BY_MLCROISSANT}
