"""DataFrames typed by the Table Schema; pandas and polars are optional and imported on demand."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, cast

from ._loading import PathArg, field_names, load, table_schema

if TYPE_CHECKING:
    import pandas
    import polars


def _require(module: str, caller: str, extra: str | None = None) -> Any:
    try:
        return import_module(module)
    except ImportError:
        package = module.split(".")[0]
        raise ImportError(
            f"{caller}() needs {package}, which is not installed: pip install 'asean-tip-data[{extra or package}]'"
        ) from None


def _columns(name: str, datapackage: PathArg) -> dict[str, list[Any]]:
    records = load(name, datapackage)
    return {f: [getattr(r, f) for r in records] for f in field_names(name)}


def to_pandas(name: str, datapackage: PathArg = None) -> pandas.DataFrame:
    """Return resource ``name`` as a pandas DataFrame with the Table Schema's types."""
    pd = _require("pandas", "to_pandas")
    columns = _columns(name, datapackage)
    frame = {}
    for field in table_schema(name)["fields"]:
        values, kind = columns[field["name"]], field["type"]
        required = field["constraints"]["required"]
        if "enum" in field["constraints"]:
            frame[field["name"]] = pd.Categorical(values, categories=field["constraints"]["enum"])
        elif kind == "integer":
            frame[field["name"]] = pd.array(values, dtype="int64" if required else "Int64")
        elif kind == "date":
            frame[field["name"]] = pd.to_datetime(pd.Series(values, dtype="object"))
        elif kind == "boolean":
            frame[field["name"]] = pd.array(values, dtype="bool" if required else "boolean")
        else:
            # Built from Python values, never parsed: a code such as "NA" stays a string.
            frame[field["name"]] = pd.array(values, dtype="string")
    return cast("pandas.DataFrame", pd.DataFrame(frame))


def to_polars(name: str, datapackage: PathArg = None) -> polars.DataFrame:
    """Return resource ``name`` as a polars DataFrame with the Table Schema's types."""
    pl = _require("polars", "to_polars")
    types = {"integer": pl.Int64, "date": pl.Date, "boolean": pl.Boolean, "string": pl.String}
    schema = {
        f["name"]: pl.Enum(f["constraints"]["enum"]) if "enum" in f["constraints"] else types[f["type"]]
        for f in table_schema(name)["fields"]
    }
    return cast("polars.DataFrame", pl.DataFrame(_columns(name, datapackage), schema=schema))
