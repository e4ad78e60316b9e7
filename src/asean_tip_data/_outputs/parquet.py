"""Write every resource as Parquet, with a descriptor, as a Data Package folder; needs pyarrow."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .._catalogue.dataset_card import card
from .._gate.files import DESCRIPTOR
from .._gate.loading import resource_names
from .._gate.optional import require
from .._gate.package import Package
from .._gate.schema import Field, table
from .frames import columns

MEDIATYPE = "application/vnd.apache.parquet"
# Fixed writer settings, so that two exports of the same data are the same bytes.
_WRITE = {"compression": "zstd", "use_dictionary": True, "write_statistics": True, "version": "2.6"}


def _arrow_type(pa: Any, field: Field) -> Any:
    if field.enum is not None:
        # A closed set of codes: dictionary-encoded strings, read back as categoricals.
        return pa.dictionary(pa.int8(), pa.string())
    return getattr(pa, field.types.arrow)()


def _pandas_metadata(fields: tuple[Field, ...]) -> bytes:
    """Return the pandas metadata (its documented "pandas" key) that makes read_parquet keep our types."""

    # Without it, pandas turns an integer column with an empty cell into float64 (2024.0); with
    # numpy_type "Int64" or "boolean" it gives the nullable dtypes, as to_pandas() does.
    def column(field: Field) -> dict[str, Any]:
        if field.enum is not None:
            numpy_type = "object"
        else:
            numpy_type = field.types.pandas if field.required else field.types.pandas_optional
            numpy_type = "object" if field.type in ("date", "string") else numpy_type
        pandas_type = {"string": "unicode", "integer": "int64", "date": "date", "boolean": "bool"}[field.type]
        return {
            "name": field.name,
            "field_name": field.name,
            "pandas_type": pandas_type,
            "numpy_type": numpy_type,
            "metadata": None,
        }

    metadata = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [column(f) for f in fields],
        "pandas_version": "2.0.0",
    }
    return json.dumps(metadata, sort_keys=True, allow_nan=False).encode("utf-8")


def arrow_table(name: str, package: Package) -> Any:
    """Return resource ``name`` as a pyarrow Table typed by its Table Schema, with the pandas metadata."""
    pa = require("pyarrow", "export", extra="parquet")
    fields = table(name).fields
    schema = pa.schema(
        [pa.field(f.name, _arrow_type(pa, f), nullable=not f.required) for f in fields],
        metadata={b"pandas": _pandas_metadata(fields)},
    )
    return pa.Table.from_pydict(columns(name, package), schema=schema)


def write(path: Path, package: Package) -> None:
    """Write the Parquet Data Package folder ``path``."""
    pq = require("pyarrow.parquet", "export", extra="parquet")
    tables = {name: arrow_table(name, package) for name in resource_names()}
    (path / "resources").mkdir(parents=True)
    for name, data in tables.items():
        # An open file, not a path: pyarrow takes a path's name as UTF-8, which a folder's name may not be.
        with open(path / "resources" / f"{name}.parquet", "wb") as file:
            pq.write_table(data, file, **_WRITE)
    descriptor = package.exported(parquet=True)
    (path / DESCRIPTOR).write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8"
    )
    counts = {name: data.num_rows for name, data in tables.items()}
    (path / "README.md").write_text(card(package.meta, counts), encoding="utf-8")  # for Hugging Face
