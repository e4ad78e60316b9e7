"""Read a copy's Parquet file as the cells its CSV file would hold, so that one set of checks reads both."""

from __future__ import annotations

import io
from typing import Any

from ._cells import cell
from ._files import MAX_BYTES, DataError
from ._messages import Count, _, detail
from ._optional import require
from ._schema import Field, Table

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
    fields = {f.name: f for f in table.fields}
    for column in schema:
        field = fields.get(column.name)
        if field is not None and not _holds(pa, column.type, field):
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
    header = list(read.column_names)
    columns = [_values(pa, read.column(name), where, name) for name in header]
    return [header, *([cell(v) for v in row] for row in zip(*columns, strict=True))]


def _values(pa: Any, column: Any, where: str, name: str) -> list[Any]:
    """Return a column's values as Python's; a DataError names the row of a date Python cannot hold."""
    try:
        return list(column.to_pylist())
    except (ValueError, OverflowError):
        pass
    # A date32 of year 10,000 or more: find its row.
    for number, value in enumerate(column.cast(pa.int32()).to_pylist() if pa.types.is_date32(column.type) else [], 2):
        if value is not None and not -719_162 <= value <= 2_932_896:  # 0001-01-01 to 9999-12-31, in days
            raise DataError(
                _("{where}: row {row}: field {field}: a date out of range (year 1 to 9999)").format(
                    where=where, row=number, field=repr(name)
                )
            )
    raise DataError(
        _("{where}: field {field}: values Python cannot hold (a date out of range)").format(
            where=where, field=repr(name)
        )
    )
