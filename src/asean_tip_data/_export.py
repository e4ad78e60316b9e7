"""Write the records out: as CSV text, as JSON, as a Data Package folder or as a SQLite database."""

from __future__ import annotations

import csv
import datetime
import errno
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from ._loading import DESCRIPTOR, PathArg, bundled_bytes, field_names, load, resource_names, table_schema
from .models import Record

ExportFormat = Literal["csv", "json", "sqlite", "parquet"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "sqlite", "parquet")


def cell(value: Any) -> str:
    """Return ``value`` as the CSV files write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def rows(name: str, datapackage: PathArg = None) -> list[list[str]]:
    """Return the header and the rows of resource ``name`` as CSV cells."""
    fields = field_names(name)
    return [list(fields)] + [[cell(getattr(r, f)) for f in fields] for r in load(name, datapackage)]


def csv_text(name: str, datapackage: PathArg = None) -> str:
    """Return resource ``name`` as CSV text, byte for byte as the bundled file."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows(name, datapackage))
    return out.getvalue()


def json_records(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Return records as JSON-ready dictionaries (ISO dates, null for empty)."""
    return [r.model_dump(mode="json") for r in records]


def export(format: ExportFormat, output: str | os.PathLike[str], datapackage: PathArg = None) -> Path:
    """Write every resource to ``output`` in ``format`` and return the path written."""
    path = Path(output)
    if format == "csv":
        # A complete Data Package: the descriptor and one CSV per resource.
        (path / "resources").mkdir(parents=True, exist_ok=True)
        for name in resource_names():
            (path / "resources" / f"{name}.csv").write_text(csv_text(name, datapackage), encoding="utf-8")
        (path / DESCRIPTOR).write_bytes(bundled_bytes(DESCRIPTOR))
    elif format == "json":
        data = {name: json_records(load(name, datapackage)) for name in resource_names()}
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    elif format == "sqlite":
        _sqlite(path, datapackage)
    elif format == "parquet":
        from . import _parquet  # only here: pyarrow is an optional extra

        _parquet.write(path, datapackage)
    else:
        raise ValueError(f"unknown export format {format!r}; expected one of: {', '.join(EXPORT_FORMATS)}")
    return path


_SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "date": "TEXT", "boolean": "INTEGER"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column(field: dict[str, Any]) -> str:
    name, constraints = _quote(field["name"]), field["constraints"]
    checks = []
    if "enum" in constraints:
        checks.append(f"{name} IN ({', '.join(_literal(v) for v in constraints['enum'])})")
    if field["type"] == "date":
        checks.append(f"date({name}) = {name}")
    if field["type"] == "boolean":
        checks.append(f"{name} IN (0, 1)")
    if "minimum" in constraints:
        checks.append(f"{name} >= {int(constraints['minimum'])}")
    sql = f"{name} {_SQL_TYPES[field['type']]}"
    if constraints.get("required"):
        sql += " NOT NULL"
    return sql + "".join(f" CHECK ({c})" for c in checks)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def create_table_sql(name: str) -> str:
    """Return the CREATE TABLE statement of resource ``name``: types, keys, references, checks."""
    schema = table_schema(name)
    parts = [_column(f) for f in schema["fields"]]
    parts.append(f"PRIMARY KEY ({', '.join(map(_quote, schema['primaryKey']))})")
    for key in schema.get("foreignKeys", []):
        ref = key["reference"]
        parts.append(
            f"FOREIGN KEY ({', '.join(map(_quote, key['fields']))}) "
            f"REFERENCES {_quote(ref['resource'])} ({', '.join(map(_quote, ref['fields']))})"
        )
    return f"CREATE TABLE {_quote(name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _sqlite(path: Path, datapackage: PathArg) -> None:
    import sqlite3  # only here: importing the package stays cheap

    if not path.parent.is_dir():
        # sqlite3 would only say "unable to open database file".
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(path.parent))
    tables = {name: load(name, datapackage) for name in resource_names()}
    if path.exists():
        path.unlink()
    connection = sqlite3.connect(path)
    try:
        with connection:
            for name, records in tables.items():
                connection.execute(create_table_sql(name))
                fields = field_names(name)
                insert = f"INSERT INTO {_quote(name)} VALUES ({', '.join('?' * len(fields))})"
                connection.executemany(insert, [[_sql_value(getattr(r, f)) for f in fields] for r in records])
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign key check failed: {problems}")
    finally:
        connection.close()


def _sql_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value
