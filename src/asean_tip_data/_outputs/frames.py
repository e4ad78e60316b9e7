"""DataFrames typed by the Table Schema; pandas and polars are optional and imported on demand."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from .._gate.optional import require
from .._gate.package import CopyArg, open_package
from .._gate.schema import table

if TYPE_CHECKING:
    import pandas
    import polars


def columns(name: str, datapackage: CopyArg) -> dict[str, list[Any]]:
    """Return the values of resource ``name`` column by column."""
    table(name)
    records = open_package(datapackage).records(name)
    return {f: [getattr(r, f) for r in records] for f in table(name).field_names}


def to_pandas(name: str, datapackage: CopyArg = None) -> pandas.DataFrame:
    """Return resource ``name`` as a pandas DataFrame with the Table Schema's types."""
    pd = require("pandas", "to_pandas()")
    values = columns(name, datapackage)
    frame = {}
    for field in table(name).fields:
        column = values[field.name]
        if field.enum is not None:
            frame[field.name] = pd.Categorical(column, categories=list(field.enum))
        else:
            # Built from Python values, never parsed: a code such as "NA" stays a string.
            dtype = field.types.pandas if field.required else field.types.pandas_optional
            frame[field.name] = pd.Series(column, dtype=dtype)
    return cast("pandas.DataFrame", pd.DataFrame(frame))


def to_polars(name: str, datapackage: CopyArg = None) -> polars.DataFrame:
    """Return resource ``name`` as a polars DataFrame with the Table Schema's types."""
    pl = require("polars", "to_polars()")
    schema = {
        f.name: pl.Enum(list(f.enum)) if f.enum is not None else getattr(pl, f.types.polars) for f in table(name).fields
    }
    return cast("polars.DataFrame", pl.DataFrame(columns(name, datapackage), schema=schema))
