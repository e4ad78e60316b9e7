"""Read the bundled datapackage, or a given copy of it, into tuples of frozen records."""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json
import os
import re
from collections.abc import Callable, Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from pydantic import ValidationError

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
    TraffickingCases,
    TraffickingSuspects,
)

if TYPE_CHECKING:
    from importlib.abc import Traversable

PathArg = str | os.PathLike[str] | None
DESCRIPTOR = "datapackage.json"


class DataError(ValueError):
    """Report a broken copy of the data, naming the file, row, field and value."""


def datapackage_path() -> Path:
    """Return the file path of the bundled ``datapackage.json``."""
    return Path(str(files(__package__) / DESCRIPTOR))


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


def _open(datapackage: PathArg) -> _Package:
    if datapackage is None:
        return _bundled()
    path = Path(datapackage)
    if path.is_dir():
        path = path / DESCRIPTOR
    # A given copy is read afresh on every call: it may change between calls.
    return _Package(path.parent, path.name)


def _check_name(name: str) -> None:
    if name not in MODELS:
        raise ValueError(f"unknown resource {name!r}; expected one of: {', '.join(MODELS)}")


@cache
def _bundled() -> _Package:
    """Return the bundled copy; its tables, once read, are shared by every caller."""
    return _Package(files(__package__), DESCRIPTOR)


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


@cache
def _contract() -> dict[str, Mapping[str, Any]]:
    """Return the bundled Table Schemas by resource: the contract every copy must meet."""
    descriptor = json.loads((files(__package__) / DESCRIPTOR).read_text(encoding="utf-8"))
    return {r["name"]: r["schema"] for r in descriptor["resources"]}


def table_schema(name: str) -> dict[str, Any]:
    """Return a copy of the Table Schema of resource ``name``."""
    _check_name(name)
    return copy.deepcopy(dict(_contract()[name]))


class _Package:
    """One copy of the datapackage: its descriptor and the tables read from it so far."""

    def __init__(self, root: Traversable | Path, descriptor: str) -> None:
        self.root = root
        self.descriptor_name = str(Path(str(root)) / descriptor)
        self.resources = self._read_descriptor(root / descriptor)
        self.tables: dict[str, tuple[Record, ...]] = {}

    def _read_descriptor(self, file: Traversable | Path) -> dict[str, Mapping[str, Any]]:
        where = self.descriptor_name
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise DataError(f"{where}: cannot read the descriptor ({exc.strerror})") from None
        try:
            descriptor = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise DataError(f"{where}: not UTF-8 (byte {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise DataError(f"{where}: not JSON ({exc.msg}, line {exc.lineno})") from None
        resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
        if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
            raise DataError(f"{where}: 'resources' must be a list of objects")
        return {str(r.get("name")): r for r in resources}

    def table(self, name: str) -> dict[str, tuple[Record, ...]]:
        """Return ``name`` and every table it refers to, read and checked."""
        if name not in self.tables:
            records = self._read_table(name)
            self._check_foreign_keys(name, records)
            self.tables[name] = records
        return self.tables

    def _resource_file(self, name: str) -> tuple[str, Traversable | Path]:
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
        file = self.root
        for part in pure.parts:
            file = file / part
        return str(Path(str(self.root)) / path), file

    def _read_table(self, name: str) -> tuple[Record, ...]:
        where, file = self._resource_file(name)
        schema = _contract()[name]
        fields = [f["name"] for f in schema["fields"]]
        parsers = [_PARSERS[f["type"]] for f in schema["fields"]]
        try:
            raw = file.read_bytes()
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
            if len(cells) != len(fields):
                raise DataError(f"{where}: row {number}: {len(cells)} cells, expected {len(fields)}")
            values: dict[str, Any] = {}
            for field, parse, cell in zip(fields, parsers, cells, strict=True):
                try:
                    values[field] = parse(cell) if cell != "" else None
                except ValueError as exc:
                    raise DataError(f"{where}: row {number}: field {field!r}: {exc}: {cell!r}") from None
            try:
                records.append(model.model_validate(values))
            except ValidationError as exc:
                raise DataError(_describe(where, number, exc)) from None
        _check_primary_key(where, records, schema["primaryKey"])
        return tuple(records)

    def _check_foreign_keys(self, name: str, records: tuple[Record, ...]) -> None:
        where = self._resource_file(name)[0]
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


def _describe(where: str, number: int, exc: ValidationError) -> str:
    problems = []
    for error in exc.errors(include_url=False):
        field = ".".join(map(str, error["loc"])) or "(row)"
        value = error.get("input")
        message = "missing value" if value is None else f"{error['msg']}: {value!r}"
        if not error["loc"]:
            message = error["msg"].removeprefix("Value error, ")
        problems.append(f"field {field!r}: {message}")
    return f"{where}: row {number}: {'; '.join(problems)}"


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
load_glossary = _loader("glossary", GlossaryTerm)
load_errata = _loader("errata", Erratum)
