"""One copy of the Data Package, the bundled one or any other: admitted whole at one gate, then read and checked."""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

from .._words.messages import Count, _, detail
from ..models import Broken, Record
from . import cells as _cells
from . import rules as _rules
from .descriptor import admit
from .files import MAX_BYTES, DataError, PathArg, datapackage_path, descriptor_path, read_descriptor, read_file
from .metadata import Metadata
from .registry import MODELS
from .schema import ForeignKey, Table, bundled_descriptor, bundled_source, bundled_tables
from .writable import UNWRITABLE, unwritable

R = TypeVar("R", bound=Record)
_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # what surrogateescape made of bytes that are not UTF-8
MAX_CELL = 100_000  # characters in one cell: far above any bundled cell
MAX_ROWS = 100_000  # rows in one table: far above any bundled table
MAX_COPY = 2 * MAX_BYTES  # bytes of all of a copy's files together
# csv's own limit (131,072 characters) would stop a long cell with no row or field named: lift it
# for the whole process (it only ever allows more), and refuse long cells ourselves, by name.
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))


class Package:
    """One admitted copy of the datapackage: its descriptor checked, its files' bytes, and its tables read so far.

    Every command reads a copy through one Package: the bytes read when it was admitted are all it
    ever uses, so one command sees one state of the copy, and nothing outside it.
    """

    def __init__(self, descriptor: Path, source: tuple[Path, bytes, Any] | None = None) -> None:
        self.descriptor = descriptor
        self.folder, self.descriptor_bytes, self.parsed = source or read_descriptor(descriptor)
        self.meta: Metadata = admit(self.parsed, str(descriptor))
        self.files: dict[str, bytes] = {}
        total = len(self.descriptor_bytes)
        for resource in self.meta.resources:
            data = read_file(self.folder, resource.path, resource.name)
            total += len(data)
            if total > MAX_COPY:
                raise DataError(
                    _("{path}: the copy's files are over the limit of {limit:,} bytes together; not read").format(
                        path=descriptor, limit=Count(MAX_COPY)
                    )
                )
            self.files[resource.name] = data
        self.resources = {r.name: r for r in self.meta.resources}
        self.tables: dict[str, tuple[Record, ...]] = {}
        self.lock = threading.RLock()  # re-entrant: a table's references read other tables

    def records(self, name: str) -> tuple[Record, ...]:
        """Return the records of table ``name``, read and checked with every table it refers to."""
        with self.lock:
            if name not in self.tables:
                # A table whose field follows from another's rows is read with it, as one, and kept only
                # if the rule holds: nothing half-checked is ever handed out.
                group = _rules.together(name)
                try:
                    for member in group:
                        if member not in self.tables:
                            self.tables[member] = self._read_table(bundled_tables()[member])
                    _rules.check(group, self.records, self.where)
                except BaseException:
                    for member in group:
                        self.tables.pop(member, None)
                    raise
            return self.tables[name]

    def of(self, model: type[R]) -> tuple[R, ...]:
        """Return the records of the table whose model is ``model``."""
        (name,) = [n for n, m in MODELS.items() if m is model]
        return cast("tuple[R, ...]", self.records(name))

    def check(self) -> None:
        """Read and check every table; a DataError names the first problem."""
        for name in bundled_tables():
            self.records(name)

    def exported(self, parquet: bool) -> dict[str, Any]:
        """Return the copy's descriptor as an export writes it: every resource at its file in the export's format."""
        ours = {r["name"]: r for r in bundled_descriptor()["resources"]}
        resources = []
        for resource in self.parsed["resources"]:
            name = resource["name"]
            if parquet:
                changed = {**resource, "path": f"resources/{name}.parquet", "format": "parquet"}
                changed["mediatype"] = "application/vnd.apache.parquet"
                for key in ("encoding", "dialect", "scheme"):  # Parquet carries its own encoding and layout
                    changed.pop(key, None)
            else:
                changed = {
                    **resource,
                    **{k: ours[name][k] for k in ("path", "format", "mediatype", "encoding", "dialect")},
                }
            resources.append(changed)
        return {**self.parsed, "resources": resources}

    def where(self, name: str) -> str:
        """Return the path of resource ``name``'s file, as messages name it."""
        return str(self.folder / self.resources[name].path)

    def _read_table(self, table: Table) -> tuple[Record, ...]:
        where, data = self.where(table.name), self.files[table.name]
        if self.resources[table.name].parquet:
            from .parquet_cells import cells  # only here: pyarrow is the parquet extra

            rows: Iterator[list[str]] = iter(cells(data, where, table, MAX_ROWS))
            long = unwritable_text = True
        else:
            text = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff")  # a byte order mark is allowed
            # Bytes that are not UTF-8 stay, as surrogates, to be named with their row and field.
            rows = _csv_rows(text, where)
            # A character no output can write includes what was not UTF-8 (a surrogate, above).
            long, unwritable_text = len(text) > MAX_CELL, bool(UNWRITABLE.search(text))
        header = next(rows, None)
        if header is None:
            raise DataError(
                _("{where}: empty file; expected the header {names}").format(
                    where=where, names=",".join(table.field_names)
                )
            )
        _cells.check_header(where, header, table.field_names)
        checkers = _cells.checkers(table)
        model = MODELS[table.name]
        records = []
        for number, row in enumerate(rows, start=2):
            if number > MAX_ROWS + 1:
                raise DataError(
                    _("{where}: more than {limit:,} rows; not read").format(where=where, limit=Count(MAX_ROWS))
                )
            if len(row) != len(checkers):
                raise DataError(
                    _("{where}: row {row}: {cells} cells, expected {expected}").format(
                        where=where, row=number, cells=len(row), expected=len(checkers)
                    )
                )
            values = {}
            for (field, check), cell in zip(checkers, row, strict=True):
                # Only a file that could hold a long, broken or unwritable cell has its cells measured.
                if (long and len(cell) > MAX_CELL) or (unwritable_text and UNWRITABLE.search(cell)):
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
        # A cell listing sources, space-separated (Table Schema has no list keys), refers to each of them.
        listed = [f.name for f in table.fields if f.name.endswith("_source_ids")]
        lists = [ForeignKey((name,), "sources", ("source_id",)) for name in listed]
        for fk in (*table.foreign_keys, *lists):
            wanted = set(_cells.keys(self.records(fk.resource), fk.reference))
            for number, value in enumerate(_cells.keys(records, fk.fields), start=2):
                for one in [(v,) for v in (value[0] or "").split()] if fk in lists else [value]:
                    if None not in one and one not in wanted:
                        raise DataError(
                            _("{where}: row {row}: field {field}: {value} is not a key of {resource}").format(
                                where=where,
                                row=number,
                                field=repr("/".join(fk.fields)),
                                value=repr("/".join(map(str, one))),
                                resource=repr(fk.resource),
                            )
                        )


def _at(where: str, number: int, field: str) -> str:
    # Built only where there is something to report: a message is looked up, not made per cell.
    return _("{where}: row {row}: field {field}").format(where=where, row=number, field=repr(field))


def _suspect(cell: str, where: str) -> None:
    """Raise a DataError naming the row and field of a cell too long, not UTF-8, or holding what no output writes."""
    if len(cell) > MAX_CELL:
        raise DataError(
            _("{where}: {size:,} characters, over the limit of {limit:,}").format(
                where=where, size=Count(len(cell)), limit=Count(MAX_CELL)
            )
        )
    if _NOT_UTF8.search(cell):
        raise DataError(
            _("{where}: not UTF-8: {bad}").format(where=where, bad=repr(cell.encode("utf-8", "surrogateescape")))
        )
    if problem := unwritable(cell):
        raise DataError(f"{where}: {problem}")


def _csv_rows(text: str, where: str) -> Iterator[list[str]]:
    """Yield the rows of a CSV file's text one by one; a DataError names the row where its quoting breaks."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        yield from reader
    except csv.Error as exc:
        raise DataError(
            _("{where}: row {row}: not valid CSV ({detail})").format(
                where=where, row=reader.line_num, detail=detail(exc)
            )
        ) from None


CopyArg = PathArg | Package  # a copy's path (None: the bundled one), or a copy already admitted


_BUNDLED: list[Package] = []  # the one bundled copy, once built: its tables are read once, shared
_BUNDLED_LOCK = threading.Lock()


def open_package(datapackage: CopyArg) -> Package:
    """Return the bundled copy, or admit the copy at ``datapackage`` (its folder or its descriptor) afresh.

    An admitted copy given again is returned as it is: a command passes it on, and reads nothing twice.
    """
    if isinstance(datapackage, Package):
        return datapackage
    if datapackage is not None:
        return Package(descriptor_path(datapackage))
    with _BUNDLED_LOCK:
        if not _BUNDLED:
            _BUNDLED.append(Package(datapackage_path(), bundled_source()))
        return _BUNDLED[0]
