"""Read the bundled datapackage, or a given copy of it, into tuples of frozen records."""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json
import os
import pkgutil
import re
import threading
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple, Protocol, TypeVar, cast

from .models import (
    MODELS,
    Country,
    Erratum,
    GlossaryTerm,
    LiaisonOfficer,
    Meeting,
    Mou,
    Record,
    Source,
    Strategy,
    StrategyRole,
    TipTier,
    TipTierPlacement,
    TraffickingCases,
    TraffickingSuspects,
)

PathArg = str | os.PathLike[str] | None
DESCRIPTOR = "datapackage.json"


class DataError(ValueError):
    """Report a broken copy of the data, naming the file, row, field and value."""


def datapackage_path() -> Path:
    """Return the file path of the bundled ``datapackage.json``."""
    from importlib.resources import files  # here, not at import: see bundled_bytes()

    return Path(str(files(__package__) / DESCRIPTOR))


def bundled_bytes(relative: str) -> bytes:
    """Return the bytes of a file of the bundled Data Package, such as ``resources/mous.csv``."""
    # pkgutil.get_data reads package data through the package's loader, as importlib.resources
    # does, but without importing zipfile, tempfile and threading: that saves about 12 ms, a tenth
    # of a cold start.
    data = pkgutil.get_data(__package__, relative)
    if data is None:
        raise OSError(f"the loader of {__package__} cannot read {relative}")
    return data


def resource_names() -> tuple[str, ...]:
    """Return the names of the resources, in the order of the descriptor."""
    return tuple(MODELS)


def load(name: str, datapackage: PathArg = None) -> tuple[Record, ...]:
    """Return the records of resource ``name``, from the bundled data or the given copy."""
    _check_name(name)
    return _open(datapackage).table(name)[name]


def validate(datapackage: PathArg = None) -> tuple[str, ...]:
    """Return the problems of the bundled data or of the given copy; none when it is valid."""
    try:
        package = _open(datapackage)
    except DataError as exc:
        return (str(exc),)
    problems: dict[str, None] = {}  # ordered and without repeats: a broken table fails its referrers too
    for name in MODELS:
        try:
            package.table(name)
        except DataError as exc:
            problems[str(exc)] = None
    return tuple(problems)


# Threads share the bundled copy, which is built and read once; re-entrant, as references recurse.
_LOCK = threading.RLock()


def _open(datapackage: PathArg) -> _Package:
    if datapackage is None:
        with _LOCK:
            return _bundled()
    path = Path(datapackage)
    if path.is_dir():
        path = path / DESCRIPTOR
    # A given copy is read afresh on every call: it may change between calls.
    return _Package(str(path.parent), lambda relative: (path.parent / relative).read_bytes(), path.name)


def _check_name(name: str) -> None:
    if name not in MODELS:
        raise ValueError(f"unknown resource {name!r}; expected one of: {', '.join(MODELS)}")


@cache
def _bundled() -> _Package:
    """Return the bundled copy; its tables, once read, are shared by every caller."""
    return _Package(os.path.dirname(__file__), bundled_bytes)


# Type parsers for the Table Schema types this package uses; a value they reject is a DataError.
_INTEGER = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOOLEAN = {"true": True, "false": False}


def _integer(text: str) -> int:
    if not _INTEGER.fullmatch(text):
        raise ValueError("not an integer")
    return int(text)


def _date(text: str) -> datetime.date:
    if not _DATE.fullmatch(text):
        raise ValueError("not an ISO 8601 date (YYYY-MM-DD)")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"impossible date ({exc})") from None


def _boolean(text: str) -> bool:
    if text not in _BOOLEAN:
        raise ValueError("not a boolean (true or false)")
    return _BOOLEAN[text]


_PARSERS: dict[str, Callable[[str], Any]] = {
    "string": str,
    "integer": _integer,
    "date": _date,
    "boolean": _boolean,
}


class _Column(NamedTuple):
    """One field of a Table Schema, ready to turn a CSV cell into a checked value."""

    name: str
    parse: Callable[[str], Any]
    required: bool
    enum: frozenset[Any] | None
    pattern: re.Pattern[str] | None
    minimum: int | None

    def value(self, cell: str) -> Any:
        if cell == "":
            if self.required:
                raise ValueError("missing value")
            return None
        value = self.parse(cell)
        if self.enum is not None and value not in self.enum:
            raise ValueError(f"not one of {', '.join(sorted(map(str, self.enum)))}")
        if self.pattern is not None and not self.pattern.fullmatch(value):
            raise ValueError(f"does not match {self.pattern.pattern}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"less than {self.minimum}")
        return value


@cache
def _columns(name: str) -> tuple[_Column, ...]:
    """Return the checked columns of resource ``name``, built once from the bundled Table Schema."""
    columns = []
    for field in _contract()[name]["fields"]:
        constraints = field.get("constraints", {})
        columns.append(
            _Column(
                name=field["name"],
                parse=_PARSERS[field["type"]],
                required=bool(constraints.get("required")),
                enum=frozenset(constraints["enum"]) if "enum" in constraints else None,
                pattern=re.compile(constraints["pattern"]) if "pattern" in constraints else None,
                minimum=constraints.get("minimum"),
            )
        )
    return tuple(columns)


def field_names(name: str) -> tuple[str, ...]:
    """Return the field names of resource ``name``, in the order of its columns."""
    _check_name(name)
    return tuple(c.name for c in _columns(name))


def _contract() -> dict[str, Mapping[str, Any]]:
    """Return the bundled Table Schemas by resource: the contract every copy must meet."""
    return _open(None).schemas


def table_schema(name: str) -> dict[str, Any]:
    """Return a copy of the Table Schema of resource ``name``."""
    _check_name(name)
    return copy.deepcopy(dict(_contract()[name]))


class _Package:
    """One copy of the datapackage: its descriptor and the tables read from it so far."""

    def __init__(self, folder: str, read: Callable[[str], bytes], descriptor: str = DESCRIPTOR) -> None:
        self.folder = folder
        self.read = read
        self.descriptor_name = os.path.join(folder, descriptor)
        self.resources = self._read_descriptor(descriptor)
        self.schemas = {name: r.get("schema", {}) for name, r in self.resources.items()}
        self.tables: dict[str, tuple[Record, ...]] = {}

    def _read_descriptor(self, descriptor: str) -> dict[str, Mapping[str, Any]]:
        where = self.descriptor_name
        try:
            raw = self.read(descriptor)
        except OSError as exc:
            raise DataError(f"{where}: cannot read the descriptor ({exc.strerror or exc})") from None
        try:
            parsed = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise DataError(f"{where}: not UTF-8 (byte {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise DataError(f"{where}: not JSON ({exc.msg}, line {exc.lineno})") from None
        resources = parsed.get("resources") if isinstance(parsed, dict) else None
        if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
            raise DataError(f"{where}: 'resources' must be a list of objects")
        return {str(r.get("name")): r for r in resources}

    def table(self, name: str) -> dict[str, tuple[Record, ...]]:
        """Return ``name`` and every table it refers to, read and checked."""
        with _LOCK:
            if name not in self.tables:
                self.tables[name] = self._read_table(name)
        return self.tables

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
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", path) or pure.is_absolute() or ".." in pure.parts:
            raise DataError(
                f"{self.descriptor_name}: resource {name!r}: path {path!r} must be relative "
                "and stay inside the package (no URL, no absolute path, no '..')"
            )
        return path

    def _read_table(self, name: str) -> tuple[Record, ...]:
        path = self._resource_path(name)
        where = os.path.join(self.folder, path)
        columns = _columns(name)
        fields = list(field_names(name))
        try:
            raw = self.read(path)
        except OSError as exc:
            raise DataError(f"{where}: cannot read resource {name!r} ({exc.strerror})") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataError(f"{where}: not UTF-8 (byte {exc.start}: {raw[exc.start : exc.end]!r})") from None
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        except csv.Error as exc:
            raise DataError(f"{where}: not valid CSV ({exc})") from None
        if not rows:
            raise DataError(f"{where}: empty file; expected the header {','.join(fields)}")
        _check_header(where, rows[0], fields)
        model = MODELS[name]
        records = []
        for number, cells in enumerate(rows[1:], start=2):
            if len(cells) != len(columns):
                raise DataError(f"{where}: row {number}: {len(cells)} cells, expected {len(columns)}")
            values = {}
            for column, cell in zip(columns, cells, strict=True):
                try:
                    values[column.name] = column.value(cell)
                except ValueError as exc:
                    raise DataError(f"{where}: row {number}: field {column.name!r}: {exc}: {cell!r}") from None
            # Every field was checked above against the Table Schema, which the models mirror
            # (tests/test_models.py); constructing skips building a pydantic validator per model
            # at start-up, the larger part of a cold load. The cross-field rules still run.
            record = model.model_construct(**values)
            try:
                record.check()
            except ValueError as exc:
                raise DataError(f"{where}: row {number}: {exc}") from None
            records.append(record)
        _check_primary_key(where, records, _contract()[name]["primaryKey"])
        self._check_foreign_keys(where, name, records)
        return tuple(records)

    def _check_foreign_keys(self, where: str, name: str, records: list[Record]) -> None:
        for key in _contract()[name].get("foreignKeys", []):
            target = key["reference"]["resource"]
            wanted = {_key(r, key["reference"]["fields"]) for r in self.table(target)[target]}
            for number, record in enumerate(records, start=2):
                value = _key(record, key["fields"])
                if None not in value and value not in wanted:
                    field = "/".join(key["fields"])
                    raise DataError(
                        f"{where}: row {number}: field {field!r}: {'/'.join(map(str, value))!r} "
                        f"is not a key of {target!r}"
                    )


def _key(record: Record, fields: list[str]) -> tuple[Any, ...]:
    return tuple(getattr(record, f) for f in fields)


def _check_header(where: str, header: list[str], fields: list[str]) -> None:
    if header == fields:
        return
    missing = [f for f in fields if f not in header]
    extra = [h for h in header if h not in fields]
    problems = [f"missing column {f!r}" for f in missing] + [f"unknown column {h!r}" for h in extra]
    if not problems:
        problems = [f"columns out of order; expected {','.join(fields)}"]
    raise DataError(f"{where}: row 1 (header): {'; '.join(problems)}")


def _check_primary_key(where: str, records: list[Record], primary_key: list[str]) -> None:
    seen: dict[tuple[Any, ...], int] = {}
    for number, record in enumerate(records, start=2):
        key = _key(record, primary_key)
        if key in seen:
            raise DataError(
                f"{where}: row {number}: field {'/'.join(primary_key)!r}: duplicate key "
                f"{'/'.join(map(str, key))!r} (first in row {seen[key]})"
            )
        seen[key] = number


R_co = TypeVar("R_co", bound=Record, covariant=True)
R = TypeVar("R", bound=Record)


class Loader(Protocol[R_co]):
    """A typed loader of one resource."""

    def __call__(self, datapackage: PathArg = None) -> tuple[R_co, ...]: ...


def _loader(name: str, model: type[R]) -> Loader[R]:
    def load_resource(datapackage: PathArg = None) -> tuple[R, ...]:
        return cast("tuple[R, ...]", load(name, datapackage))

    load_resource.__name__ = load_resource.__qualname__ = f"load_{name}"
    load_resource.__doc__ = f"Return the {model.__name__} records of the ``{name}`` resource."
    return load_resource


load_countries = _loader("countries", Country)
load_sources = _loader("sources", Source)
load_trafficking_cases = _loader("trafficking_cases", TraffickingCases)
load_trafficking_suspects = _loader("trafficking_suspects", TraffickingSuspects)
load_liaison_officers = _loader("liaison_officers", LiaisonOfficer)
load_meetings = _loader("meetings", Meeting)
load_mous = _loader("mous", Mou)
load_strategies = _loader("strategies", Strategy)
load_strategy_roles = _loader("strategy_roles", StrategyRole)
load_tip_tiers = _loader("tip_tiers", TipTier)
load_tip_tier_placements = _loader("tip_tier_placements", TipTierPlacement)
load_glossary = _loader("glossary", GlossaryTerm)
load_errata = _loader("errata", Erratum)
