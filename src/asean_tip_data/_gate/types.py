"""What each Table Schema type is in Python, SQLite, pandas, polars, Arrow and Croissant."""

from __future__ import annotations

import datetime
from typing import NamedTuple


class TypeMap(NamedTuple):
    """What one Table Schema type is in Python, SQLite, pandas, polars, Arrow and Croissant."""

    python: type
    sql: str
    sql_check: str | None  # a CHECK on the column {c}, where SQLite's type alone lets wrong values in
    pandas: str  # the dtype of a required column
    pandas_optional: str  # the dtype of a column that may be empty
    polars: str  # the name of the polars data type
    arrow: str  # the name of the pyarrow type factory
    croissant: str


TYPES: dict[str, TypeMap] = {
    "string": TypeMap(str, "TEXT", None, "string", "string", "String", "string", "sc:Text"),
    "integer": TypeMap(int, "INTEGER", None, "int64", "Int64", "Int64", "int64", "sc:Integer"),
    "date": TypeMap(
        datetime.date, "DATE", "date({c}) = {c}", "datetime64[s]", "datetime64[s]", "Date", "date32", "sc:Date"
    ),
    "boolean": TypeMap(bool, "BOOLEAN", "{c} IN (0, 1)", "bool", "boolean", "Boolean", "bool_", "sc:Boolean"),
}
