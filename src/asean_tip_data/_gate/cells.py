"""Turn CSV cells into values and check them against a Table Schema: types, constraints, keys."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from .._words.messages import _, detail
from .files import DataError
from .schema import Field, Table

_INTEGER = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOOLEAN = {"true": True, "false": False}


def cell(value: Any) -> str:
    """Return ``value`` as a CSV file writes it: the reverse of the parsers below."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


INT64 = 2**63  # SQLite and Parquet hold integers in [-2**63, 2**63): every export holds every valid value


def _integer(text: str) -> int:
    if not _INTEGER.fullmatch(text):
        raise ValueError(_("not an integer"))
    value = int(text) if len(text) <= 20 else INT64  # never Python's conversion of thousands of digits
    if not -INT64 <= value < INT64:
        raise ValueError(_("does not fit in 64 bits, as SQLite and Parquet hold integers"))
    return value


def _date(text: str) -> datetime.date:
    if not _DATE.fullmatch(text):
        raise ValueError(_("not an ISO 8601 date (YYYY-MM-DD)"))
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(_("impossible date ({detail})").format(detail=detail(exc))) from None


def _boolean(text: str) -> bool:
    if text not in _BOOLEAN:
        raise ValueError(_("not a boolean (true or false)"))
    return _BOOLEAN[text]


# One parser per Table Schema type of _types.TYPES; a value a parser rejects is a DataError.
PARSERS: dict[str, Callable[[str], Any]] = {"string": str, "integer": _integer, "date": _date, "boolean": _boolean}


Check = Callable[[str], Any]


def _checker(field: Field) -> Check:
    """Return a function that turns a cell of ``field`` into its value; a ValueError says why not."""
    parse = PARSERS[field.type] if field.type != "string" else None
    required, minimum = field.required, field.minimum
    enum = frozenset(field.enum) if field.enum is not None else None
    pattern = re.compile(field.pattern) if field.pattern is not None else None

    # A closure, not a method: it runs for every cell, and closure variables are the cheapest to read.
    def check(cell: str) -> Any:
        if cell == "":
            if required:
                raise ValueError(_("missing value"))
            return None
        value: Any = cell if parse is None else parse(cell)
        if enum is not None and value not in enum:
            raise ValueError(_("not one of {values}").format(values=", ".join(sorted(map(str, enum)))))
        if pattern is not None and not pattern.fullmatch(value):
            raise ValueError(_("does not match {pattern}").format(pattern=pattern.pattern))
        if minimum is not None and value < minimum:
            raise ValueError(_("less than {minimum}").format(minimum=minimum))
        return value

    return check


@cache
def checkers(table: Table) -> tuple[tuple[str, Check], ...]:
    """Return each field's name and checker, in the order of the columns of ``table``, built once."""
    return tuple((f.name, _checker(f)) for f in table.fields)


def check_header(where: str, header: list[str], fields: Sequence[str]) -> None:
    """Raise a DataError unless ``header`` names ``fields`` in order."""
    if header == list(fields):
        return
    missing = [f for f in fields if f not in header]
    extra = [h for h in header if h not in fields]
    problems = [_("missing column {name}").format(name=repr(f)) for f in missing]
    problems += [_("unknown column {name}").format(name=repr(h)) for h in extra]
    if not problems:
        problems = [_("columns out of order; expected {names}").format(names=",".join(fields))]
    raise DataError(_("{where}: row 1 (header): {problems}").format(where=where, problems="; ".join(problems)))


def key(record: Any, fields: Iterable[str]) -> tuple[Any, ...]:
    """Return the values of ``fields`` in ``record``."""
    return tuple(getattr(record, f) for f in fields)


def keys(records: Iterable[Any], fields: Sequence[str]) -> list[tuple[Any, ...]]:
    """Return the values of ``fields`` in each record, in order."""
    return [key(r, fields) for r in records]


def check_unique(where: str, records: Sequence[Any], fields: Sequence[str], what: str) -> None:
    """Raise a DataError naming the row where ``fields`` repeat a value; empty values may repeat."""
    seen: dict[tuple[Any, ...], int] = {}
    for number, value in enumerate(keys(records, fields), start=2):
        if None in value:
            continue
        if value in seen:
            message = (
                _("{where}: row {row}: field {field}: duplicate key {value} (first in row {first})")
                if what == "key"
                else _("{where}: row {row}: field {field}: duplicate value {value} (first in row {first})")
            )
            joined = "/".join(map(str, value))
            raise DataError(
                message.format(
                    where=where, row=number, field=repr("/".join(fields)), value=repr(joined), first=seen[value]
                )
            )
        seen[value] = number


def check_keys(where: str, table: Table, records: Sequence[Any]) -> None:
    """Raise a DataError at the first repeated primary key or unique value."""
    check_unique(where, records, table.primary_key, "key")
    for field in table.fields:
        if field.unique and (field.name,) != table.primary_key:
            check_unique(where, records, (field.name,), "value")
