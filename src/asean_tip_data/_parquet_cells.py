"""Read a copy's Parquet file as the cells its CSV file would hold, so that one set of checks reads both."""

from __future__ import annotations

import io

from ._cells import cell
from ._files import DataError
from ._messages import _
from ._optional import require
from ._schema import Table


def cells(data: bytes, where: str, table: Table) -> list[list[str]]:
    """Return the header and rows of a Parquet file as text cells; a DataError if it is not Parquet."""
    pq = require("pyarrow.parquet", _("reading a Parquet copy"), extra="parquet")
    pa = require("pyarrow", _("reading a Parquet copy"), extra="parquet")
    try:
        read = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise DataError(
            _("{where}: not a Parquet file this package reads ({detail})").format(where=where, detail=exc)
        ) from None
    header = list(read.column_names)
    columns = [read.column(name).to_pylist() for name in header]
    return [header, *([cell(v) for v in row] for row in zip(*columns, strict=True))]
