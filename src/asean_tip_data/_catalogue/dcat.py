"""The dataset's DCAT-AP 3 record, built from the descriptor with rdflib, for catalogues that harvest DCAT."""

from __future__ import annotations

from collections.abc import Mapping

from .._gate.files import DataError
from .._gate.metadata import Metadata
from .._gate.optional import require
from .._gate.package import CopyArg, open_package
from .._words.messages import _
from .dcat_nodes import Record
from .facts import Facts, facts


def dcat_ap(format: str = "turtle", datapackage: CopyArg = None) -> str:
    """Return the DCAT-AP 3 record (``turtle`` or ``json-ld``) of the bundled data or of a given copy."""
    package = open_package(datapackage)
    package.check()  # a record describes data that passed every check
    files = {"downloads/datapackage.json": package.descriptor_bytes}
    for resource in package.meta.resources:
        kind = f"parquet/resources/{resource.name}.parquet" if resource.parquet else f"resources/{resource.name}.csv"
        files[f"downloads/{kind}"] = package.files[resource.name]  # the bytes admitted, never read again
    return record(package.meta, facts(package), files, format)


def record(meta: Metadata, about: Facts, files: Mapping[str, bytes] | None = None, format: str = "turtle") -> str:
    """Return the DCAT-AP 3 record of a copy described by ``meta`` and ``about``, with each file's size and SHA-256."""
    if format not in ("turtle", "json-ld"):
        raise ValueError(f"unknown DCAT-AP format {format!r}; expected one of: turtle, json-ld")
    rdflib = require("rdflib", _("the DCAT-AP record"), extra="dcat")
    if meta.homepage is None:
        raise DataError(
            _("the descriptor's homepage must be an http or https address: the record's addresses are under it")
        )
    built = Record(rdflib, meta.homepage)
    built.dataset(meta, about)
    built.makers(meta)
    built.sources(meta)
    built.place()
    built.period(about)
    built.distributions(meta, built.licences(meta), files or {})
    text: str = built.graph.serialize(format=format)
    return text
