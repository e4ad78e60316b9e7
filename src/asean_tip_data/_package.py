"""One copy of the Data Package: its descriptor, and its tables read and checked on demand."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from . import _checks
from ._checked import LOCK
from ._files import DESCRIPTOR, DataError, PathArg, Reader, bundled_bytes, folder_reader, parse_json, read_text
from ._record import construct
from ._schema import Table, bundled_descriptor, bundled_tables

if TYPE_CHECKING:
    from .models import Record

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


class Package:
    """One copy of the datapackage: its descriptor and the tables read from it so far."""

    def __init__(
        self,
        folder: str,
        read: Reader,
        models: Mapping[str, type[Record]],
        descriptor: str,
        parsed: Mapping[str, Any] | None = None,
    ) -> None:
        self.folder = folder
        self.read = read
        self.models = models
        self.descriptor_name = os.path.join(folder, descriptor)
        self.resources = self._resources(descriptor, parsed)
        self.tables: dict[str, tuple[Record, ...]] = {}

    def _resources(self, descriptor: str, parsed: Any) -> dict[str, Mapping[str, Any]]:
        """Return the resources of the descriptor by name, reading it unless it is ``parsed`` already."""
        where = self.descriptor_name
        if parsed is None:
            text = read_text(self.read, where, descriptor, "the descriptor")
            try:
                parsed = parse_json(text.encode("utf-8"))
            except ValueError as exc:
                line = f", line {exc.lineno}" if hasattr(exc, "lineno") else ""
                raise DataError(f"{where}: not JSON ({getattr(exc, 'msg', exc)}{line})") from None
        resources = parsed.get("resources") if isinstance(parsed, dict) else None
        if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
            raise DataError(f"{where}: 'resources' must be a list of objects")
        return {str(r.get("name")): r for r in resources}

    def records(self, name: str) -> tuple[Record, ...]:
        """Return the records of table ``name``, read and checked with every table it refers to."""
        with LOCK:
            if name not in self.tables:
                self.tables[name] = self._read_table(bundled_tables()[name])
            return self.tables[name]

    def _resource_path(self, name: str) -> str:
        """Return the checked relative path of resource ``name``."""
        resource = self.resources.get(name)
        if resource is None:
            raise DataError(f"{self.descriptor_name}: no resource named {name!r}")
        path = resource.get("path")
        if not isinstance(path, str) or not path:
            raise DataError(f"{self.descriptor_name}: resource {name!r}: 'path' must be a string")
        pure = PurePosixPath(path)
        # The package never touches the network and never reads outside its own folder.
        if _URL.match(path) or pure.is_absolute() or ".." in pure.parts:
            raise DataError(
                f"{self.descriptor_name}: resource {name!r}: path {path!r} must be relative "
                "and stay inside the package (no URL, no absolute path, no '..')"
            )
        return path

    def _read_table(self, table: Table) -> tuple[Record, ...]:
        path = self._resource_path(table.name)
        where = os.path.join(self.folder, path)
        text = read_text(self.read, where, path, f"resource {table.name!r}")
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        except csv.Error as exc:
            raise DataError(f"{where}: not valid CSV ({exc})") from None
        if not rows:
            raise DataError(f"{where}: empty file; expected the header {','.join(table.field_names)}")
        _checks.check_header(where, rows[0], table.field_names)
        checkers = _checks.checkers(table)
        model = self.models[table.name]
        records = []
        for number, cells in enumerate(rows[1:], start=2):
            if len(cells) != len(checkers):
                raise DataError(f"{where}: row {number}: {len(cells)} cells, expected {len(checkers)}")
            values = {}
            for (name, check), cell in zip(checkers, cells, strict=True):
                try:
                    values[name] = check(cell)
                except ValueError as exc:
                    raise DataError(f"{where}: row {number}: field {name!r}: {exc}: {cell!r}") from None
            # Every field was checked above against the Table Schema, which the models mirror
            # (tests/test_models.py); constructing skips building a pydantic validator per model
            # at start-up, the larger part of a cold load. The cross-field rules still run.
            record = construct(model, values)
            try:
                record.check()
            except ValueError as exc:
                raise DataError(f"{where}: row {number}: {exc}") from None
            records.append(record)
        _checks.check_keys(where, table, records)
        self._check_foreign_keys(where, table, records)
        return tuple(records)

    def _check_foreign_keys(self, where: str, table: Table, records: list[Record]) -> None:
        for fk in table.foreign_keys:
            wanted = set(_checks.keys(self.records(fk.resource), fk.reference))
            for number, value in enumerate(_checks.keys(records, fk.fields), start=2):
                if None not in value and value not in wanted:
                    raise DataError(
                        f"{where}: row {number}: field {'/'.join(fk.fields)!r}: {'/'.join(map(str, value))!r} "
                        f"is not a key of {fk.resource!r}"
                    )


def _models() -> Mapping[str, type[Record]]:
    from .models import MODELS  # here: reading the descriptor alone needs no pydantic

    return MODELS


_BUNDLED: list[Package] = []  # the one bundled copy, once built


def bundled() -> Package:
    """Return the bundled copy; its tables, once read, are shared by every caller and thread."""
    if not _BUNDLED:
        with LOCK:
            if not _BUNDLED:
                _BUNDLED.append(
                    Package(os.path.dirname(__file__), bundled_bytes, _models(), DESCRIPTOR, bundled_descriptor())
                )
    return _BUNDLED[0]


def open_package(datapackage: PathArg) -> Package:
    """Return the bundled copy, or the copy at ``datapackage`` (its folder or its descriptor)."""
    if datapackage is None:
        return bundled()
    path = Path(datapackage)
    if path.is_dir():
        path = path / DESCRIPTOR
    # A given copy is read afresh on every call: it may change between calls.
    return Package(str(path.parent), folder_reader(path.parent), _models(), path.name)
