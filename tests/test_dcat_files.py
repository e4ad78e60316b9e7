"""The record ``dcat_ap()`` and ``asean-tip-data dcat`` give of a copy: each file's size and checksum (dcat.py).

The site's record (tests/test_dcat.py) is built from the site's own files; this one is the record
of a copy as the function and the command give it, whose files are the copy's: a CSV copy's tables
carry their CSV's size and SHA-256, a Parquet copy's their Parquet file's, the descriptor its own.
The sizes and checksums are measured here from the files on disk.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib.namespace import DCAT

import asean_tip_data as atd

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
    return {path: (len(data), hashlib.sha256(data).hexdigest()) for path, data in _read(copy, names).items()}


def _read(copy: Path, names: dict[str, str]) -> dict[str, bytes]:
    return {path: (copy / local).read_bytes() for path, local in names.items()}


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
