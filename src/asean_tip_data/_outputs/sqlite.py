"""Write every resource to a SQLite database with its types, keys, references and constraints."""

from __future__ import annotations

import datetime
import errno
import sqlite3
from pathlib import Path
from typing import Any

from .._gate.files import DataError
from .._gate.loading import resource_names
from .._gate.package import Package
from .._gate.schema import Field, table
from .._words.messages import _, detail


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _column(field: Field, primary_key: tuple[str, ...]) -> str:
    name = _quote(field.name)
    checks = []
    if field.enum is not None:
        checks.append(f"{name} IN ({', '.join(_literal(v) for v in field.enum)})")
    if field.types.sql_check is not None:
        checks.append(field.types.sql_check.format(c=name))
    if field.minimum is not None:
        checks.append(f"{name} >= {int(field.minimum)}")
    sql = f"{name} {field.types.sql}"
    if field.required:
        sql += " NOT NULL"
    if field.unique and (field.name,) != primary_key:
        sql += " UNIQUE"
    return sql + "".join(f" CHECK ({c})" for c in checks)


def create_table_sql(name: str) -> str:
    """Return the CREATE TABLE statement of resource ``name``: types, keys, references, checks."""
    schema = table(name)
    parts = [_column(f, schema.primary_key) for f in schema.fields]
    parts.append(f"PRIMARY KEY ({', '.join(map(_quote, schema.primary_key))})")
    for key in schema.foreign_keys:
        parts.append(
            f"FOREIGN KEY ({', '.join(map(_quote, key.fields))}) "
            f"REFERENCES {_quote(key.resource)} ({', '.join(map(_quote, key.reference))})"
        )
    return f"CREATE TABLE {_quote(name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _sql_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


def write(path: Path, package: Package) -> None:
    """Write the database ``path``, which must not exist yet."""
    tables = {name: package.records(name) for name in resource_names()}
    connection = sqlite3.connect(path)
    try:
        with connection:
            for name, records in tables.items():
                connection.execute(create_table_sql(name))
                fields = table(name).field_names
                insert = f"INSERT INTO {_quote(name)} VALUES ({', '.join('?' * len(fields))})"
                connection.executemany(insert, [[_sql_value(getattr(r, f)) for f in fields] for r in records])
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.OperationalError as exc:
        # SQLite says "database or disk is full"; it is the file system's error, as any other writer's.
        full = "full" in str(exc)
        reason = (
            _("no space left on device")
            if full
            else _("cannot write the database ({detail})").format(detail=detail(exc))
        )
        raise OSError(errno.ENOSPC if full else errno.EIO, reason, str(path)) from None
    finally:
        connection.close()
    if problems:
        raise DataError(_("{path}: foreign key check failed: {problems}").format(path=path, problems=problems))
