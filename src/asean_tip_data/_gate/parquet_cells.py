"""Read a copy's Parquet file as the cells its CSV file would hold, so that one set of checks reads both."""

from __future__ import annotations

import io
from typing import Any

from .._words.messages import Count, _, detail
from .cells import cell, check_header
from .files import MAX_BYTES, DataError
from .optional import require
from .schema import Field, Table

# The Arrow types that hold each Table Schema type as it is: anything else is refused, by name,
# rather than turned into text (a binary or a list would otherwise arrive as its Python repr).
_HOLDS = {
    "string": ("is_string", "is_large_string"),
    "integer": ("is_integer",),
    "date": ("is_date32", "is_date64"),
    "boolean": ("is_boolean",),
}


def _holds(pa: Any, arrow_type: Any, field: Field) -> bool:
    if pa.types.is_dictionary(arrow_type):
        arrow_type = arrow_type.value_type  # a dictionary-encoded column is read as its values
    return any(getattr(pa.types, test)(arrow_type) for test in _HOLDS[field.type])


def cells(data: bytes, where: str, table: Table, max_rows: int) -> list[list[str]]:
    """Return the header and rows of a Parquet file as text cells; a DataError if it is not Parquet we read."""
    pq = require("pyarrow.parquet", _("reading a Parquet copy"), extra="parquet")
    pa = require("pyarrow", _("reading a Parquet copy"), extra="parquet")
    try:
        file = pq.ParquetFile(io.BytesIO(data))
        metadata, schema = file.metadata, file.schema_arrow
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise DataError(
            _("{where}: not a Parquet file this package reads ({detail})").format(where=where, detail=detail(exc))
        ) from None
    # Limits from the file's own metadata, before anything is decompressed: a small file can hold a
    # great many rows.
    unpacked = sum(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))
    if metadata.num_rows > max_rows or unpacked > MAX_BYTES:
        raise DataError(
            _(
                "{where}: {rows:,} rows, {size:,} bytes unpacked: over the limit of {limit:,} rows or {bytes:,} bytes"
            ).format(
                where=where,
                rows=Count(metadata.num_rows),
                size=Count(unpacked),
                limit=Count(max_rows),
                bytes=Count(MAX_BYTES),
            )
        )
    # The header before any value is read: no column is read twice, or read at all if it is none of ours.
    names = list(schema.names)
    if twice := [name for name in dict.fromkeys(names) if names.count(name) > 1]:
        raise DataError(
            _(
                "{where}: column {column}: its name is given {count} times; each column must have a name of its own"
            ).format(where=where, column=repr(twice[0]), count=names.count(twice[0]))
        )
    check_header(where, names, table.field_names)
    fields = {f.name: f for f in table.fields}
    for column in schema:
        field = fields[column.name]
        if not _holds(pa, column.type, field):
            raise DataError(
                _("{where}: field {field}: Arrow type {arrow}, which does not hold a Table Schema {type}").format(
                    where=where, field=repr(column.name), arrow=column.type, type=field.type
                )
            )
    try:
        read = file.read()
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise DataError(
            _("{where}: not a Parquet file this package reads ({detail})").format(where=where, detail=detail(exc))
        ) from None
    columns = [_values(pa, read.column(name), where, name) for name in names]
    return [names, *([cell(v) for v in row] for row in zip(*columns, strict=True))]


def _values(pa: Any, column: Any, where: str, name: str) -> list[Any]:
    """Return a column's values as Python's; a DataError names the row and the cause of one Python cannot hold."""
    try:
        return list(column.to_pylist())
    except (pa.ArrowException, ValueError, OverflowError):  # UnicodeDecodeError is a ValueError
        pass
    kind = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
    if pa.types.is_date32(kind) or pa.types.is_date64(kind):
        # Days since 1970: Python's dates are the years 1 to 9999.
        days = column.cast(kind).cast(pa.int32() if pa.types.is_date32(kind) else pa.int64()).to_pylist()
        scale = 1 if pa.types.is_date32(kind) else 86_400_000
        for number, value in enumerate(days, 2):
            if value is not None and not -719_162 <= value // scale <= 2_932_896:  # 0001-01-01 to 9999-12-31
                raise DataError(
                    _("{where}: row {row}: field {field}: a date out of range (year 1 to 9999)").format(
                        where=where, row=number, field=repr(name)
                    )
                )
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        raw = column.cast(kind).cast(pa.binary() if pa.types.is_string(kind) else pa.large_binary()).to_pylist()
        for number, value in enumerate(raw, 2):
            try:
                value.decode("utf-8") if value is not None else None
            except UnicodeDecodeError as exc:
                bad = value[exc.start : exc.end]
                raise DataError(
                    _("{where}: row {row}: field {field}: not UTF-8: {bad}").format(
                        where=where, row=number, field=repr(name), bad=repr(bad)
                    )
                ) from None
    raise DataError(
        _("{where}: field {field}: values Python cannot hold ({type})").format(
            where=where, field=repr(name), type=column.type
        )
    )
