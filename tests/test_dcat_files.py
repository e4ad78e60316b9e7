"""The record ``dcat_ap()`` and ``asean-tip-data dcat`` give of a copy: each file's size and checksum (dcat.py).

The site's record (tests/test_dcat.py) is built from the site's own files; this one is the record
of a copy as the function and the command give it, whose files are the copy's: a CSV copy's tables
carry their CSV's size and SHA-256, a Parquet copy's their Parquet file's, the descriptor its own.
The sizes and checksums are measured here from the files on disk.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib.namespace import DCAT

import asean_tip_data as atd
from asean_tip_data._catalogue.dcat import record
from asean_tip_data._catalogue.facts import facts
from asean_tip_data._gate.descriptor import bundled_metadata

SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
HOME = "https://asean-tip-data.github.io/asean-tip-data/"


def _files(graph: Any) -> dict[str, tuple[int, str]]:
    """Return each download's size and SHA-256 as the record gives them, by its path under downloads/."""
    found = {}
    for distribution in graph.objects(None, DCAT.distribution):
        size = graph.value(distribution, DCAT.byteSize)
        checksum = graph.value(distribution, SPDX.checksum)
        if size is not None or checksum is not None:
            path = str(distribution).removeprefix(f"{HOME}downloads/")
            found[path] = (int(size), str(graph.value(checksum, SPDX.checksumValue)))
    return found


def _measured(copy: Path, names: dict[str, str]) -> dict[str, tuple[int, str]]:
    """Return the size and SHA-256 of each file of ``copy``, by the path the record gives it."""
    found = {}
    for path, local in names.items():
        data = (copy / local).read_bytes()
        found[path] = (len(data), hashlib.sha256(data).hexdigest())
    return found


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_the_record_of_a_copy_gives_each_of_its_files_size_and_checksum(tmp_path: Path, kind: str) -> None:
    copy = atd.export(kind, tmp_path / kind)  # type: ignore[arg-type]
    graph = rdflib.Graph().parse(data=atd.dcat_ap(datapackage=copy), format="turtle")
    names = {"datapackage.json": "datapackage.json"}
    for name in atd.resource_names():
        if kind == "csv":
            names[f"resources/{name}.csv"] = f"resources/{name}.csv"
        else:
            names[f"parquet/resources/{name}.parquet"] = f"resources/{name}.parquet"
    assert _files(graph) == _measured(copy, names)


def test_the_command_gives_the_record_with_the_bundled_files_sizes_and_checksums() -> None:
    ran = subprocess.run(
        [sys.executable, "-m", "asean_tip_data", "dcat"], capture_output=True, text=True, check=False, timeout=120
    )
    assert ran.returncode == 0, ran.stderr
    graph = rdflib.Graph().parse(data=ran.stdout, format="turtle")
    bundled = atd.datapackage_path().parent
    names = {"datapackage.json": "datapackage.json"}
    names |= {f"resources/{name}.csv": f"resources/{name}.csv" for name in atd.resource_names()}
    assert _files(graph) == _measured(bundled, names)


def test_without_the_dcat_extra_one_line_names_the_pip_command(
    cli_without: Callable[[list[str], list[str]], subprocess.CompletedProcess[str]],
) -> None:
    result = cli_without(["rdflib"], ["dcat"])
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "asean-tip-data: error: the DCAT-AP record needs rdflib, which is not installed:"
        " pip install 'asean-tip-data[dcat]'\n"
    )


def test_a_descriptor_without_a_homepage_has_no_record_and_says_why(tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    del descriptor["homepage"]
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(atd.DataError) as refused:
        atd.dcat_ap(datapackage=copy)
    assert str(refused.value) == (
        "the descriptor's homepage must be an http or https address: the record's addresses are under it"
    )


def test_a_record_is_turtle_unless_asked_otherwise() -> None:
    turtle = record(bundled_metadata(), facts())
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) > 300


def test_the_record_of_a_copy_is_dated_by_that_copy(tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["created"] = "2030-01-02T03:04:05Z"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    graph = rdflib.Graph().parse(data=atd.dcat_ap(datapackage=copy), format="turtle")
    issued = rdflib.Literal("2030-01-02", datatype=rdflib.XSD.date)
    assert list(graph.objects(rdflib.URIRef(f"{HOME}#dataset"), rdflib.DCTERMS.issued)) == [issued]
