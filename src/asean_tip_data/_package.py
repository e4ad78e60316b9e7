"""One copy of the Data Package, the bundled one or any other: its descriptor, and its tables read and checked."""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from . import _cells
from ._files import DataError, PathArg, datapackage_path, descriptor_path, read_descriptor, read_file
from ._messages import _
from ._registry import MODELS
from ._schema import Table, bundled_descriptor, bundled_tables
from .models import Broken, Record

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # what surrogateescape made of bytes that are not UTF-8
MAX_CELL = 100_000  # characters in one cell; the longest bundled cell has a few hundred
# csv's own limit (131,072 characters) would stop a long cell with no row or field named: lift it
# for the whole process (it only ever allows more), and refuse long cells ourselves, by name.
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))


class Package:
    """One copy of the datapackage: its descriptor and the tables read from it so far."""

    def __init__(self, descriptor: Path, parsed: Mapping[str, Any] | None = None) -> None:
        self.descriptor = descriptor
        if parsed is None:
            self.folder, parsed = read_descriptor(descriptor)
        else:
            self.folder = descriptor.resolve().parent
        resources = parsed.get("resources") if isinstance(parsed, dict) else None
        if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
            raise DataError(_("{path}: 'resources' must be a list of objects").format(path=descriptor))
        self.resources: dict[str, Mapping[str, Any]] = {str(r.get("name")): r for r in resources}
        self.tables: dict[str, tuple[Record, ...]] = {}
        self.lock = threading.RLock()  # re-entrant: a table's references read other tables

    def records(self, name: str) -> tuple[Record, ...]:
        """Return the records of table ``name``, read and checked with every table it refers to."""
        with self.lock:
            if name not in self.tables:
                self.tables[name] = self._read_table(bundled_tables()[name])
            return self.tables[name]

    def _resource(self, name: str) -> tuple[str, Mapping[str, Any]]:
        """Return the checked relative path of resource ``name``, and the resource."""
        resource = self.resources.get(name)
        if resource is None:
            raise DataError(_("{path}: no resource named {name}").format(path=self.descriptor, name=repr(name)))
        path = resource.get("path")
        if not isinstance(path, str) or not path:
            raise DataError(
                _("{path}: resource {name}: 'path' must be a string").format(path=self.descriptor, name=repr(name))
            )
        pure = PurePosixPath(path)
        # The package never touches the network and never reads outside its own folder.
        if _URL.match(path) or pure.is_absolute() or ".." in pure.parts or "\0" in path:
            raise DataError(
                _(
                    "{where}: resource {name}: path {path} must be relative and stay inside the package "
                    "(no URL, no absolute path, no '..')"
                ).format(where=self.descriptor, name=repr(name), path=repr(path))
            )
        return path, resource

    def _read_table(self, table: Table) -> tuple[Record, ...]:
        path, resource = self._resource(table.name)
        where = str(self.folder / path)
        data = read_file(self.folder, path, table.name)
        if resource.get("format") == "parquet" or path.endswith(".parquet"):
            from ._parquet_cells import cells  # only here: pyarrow is the parquet extra

            rows, suspect = cells(data, where, table), True
        else:
            text = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff")  # a byte order mark is allowed
            # Bytes that are not UTF-8 stay, as surrogates, to be named with their row and field.
            rows, suspect = _csv_rows(text, where), len(text) > MAX_CELL or bool(_NOT_UTF8.search(text))
        if not rows:
            raise DataError(
                _("{where}: empty file; expected the header {names}").format(
                    where=where, names=",".join(table.field_names)
                )
            )
        _cells.check_header(where, rows[0], table.field_names)
        checkers = _cells.checkers(table)
        model = MODELS[table.name]
        records = []
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != len(checkers):
                raise DataError(
                    _("{where}: row {row}: {cells} cells, expected {expected}").format(
                        where=where, row=number, cells=len(row), expected=len(checkers)
                    )
                )
            values = {}
            for (field, check), cell in zip(checkers, row, strict=True):
                if suspect:
                    _suspect(cell, _at(where, number, field))
                try:
                    values[field] = check(cell)
                except ValueError as exc:
                    raise DataError(f"{_at(where, number, field)}: {exc}: {cell!r}") from None
            # Every field was checked above against the Table Schema, which the models mirror
            # (tests/test_models.py): constructing skips building a validator per model.
            record = model.model_construct(**values)
            try:
                record.check()  # the rules between fields
            except Broken as exc:
                problem = _(exc.template).format(**exc.values)
                raise DataError(
                    _("{where}: row {row}: {problem}").format(where=where, row=number, problem=problem)
                ) from None
            records.append(record)
        _cells.check_keys(where, table, records)
        self._check_foreign_keys(where, table, records)
        return tuple(records)

    def _check_foreign_keys(self, where: str, table: Table, records: list[Record]) -> None:
        for fk in table.foreign_keys:
            wanted = set(_cells.keys(self.records(fk.resource), fk.reference))
            for number, value in enumerate(_cells.keys(records, fk.fields), start=2):
                if None not in value and value not in wanted:
                    raise DataError(
                        _("{where}: row {row}: field {field}: {value} is not a key of {resource}").format(
                            where=where,
                            row=number,
                            field=repr("/".join(fk.fields)),
                            value=repr("/".join(map(str, value))),
                            resource=repr(fk.resource),
                        )
                    )


def _at(where: str, number: int, field: str) -> str:
    # Built only where there is something to report: a message is looked up, not made per cell.
    return _("{where}: row {row}: field {field}").format(where=where, row=number, field=repr(field))


def _suspect(cell: str, where: str) -> None:
    """Raise a DataError naming the row and field of a cell that is too long or holds bytes that are not UTF-8."""
    if len(cell) > MAX_CELL:
        raise DataError(
            _("{where}: {size:,} characters, over the limit of {limit:,}").format(
                where=where, size=len(cell), limit=MAX_CELL
            )
        )
    if _NOT_UTF8.search(cell):
        raise DataError(
            _("{where}: not UTF-8: {bad}").format(where=where, bad=repr(cell.encode("utf-8", "surrogateescape")))
        )


def _csv_rows(text: str, where: str) -> list[list[str]]:
    """Return the rows of a CSV file's text; a DataError names the row where its quoting breaks."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise DataError(
            _("{where}: row {row}: not valid CSV ({detail})").format(where=where, row=reader.line_num, detail=exc)
        ) from None


_BUNDLED: list[Package] = []  # the one bundled copy, once built: its tables are read once, shared
_BUNDLED_LOCK = threading.Lock()


def open_package(datapackage: PathArg) -> Package:
    """Return the bundled copy, or the copy at ``datapackage`` (its folder or its descriptor), read afresh."""
    if datapackage is not None:
        return Package(descriptor_path(datapackage))
    with _BUNDLED_LOCK:
        if not _BUNDLED:
            _BUNDLED.append(Package(datapackage_path(), bundled_descriptor()))
        return _BUNDLED[0]
