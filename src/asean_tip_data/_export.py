"""Write the records out: as CSV text, as JSON, or as files in any export format, never by surprise."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ._cells import cell
from ._files import DESCRIPTOR, DataError, PathArg, datapackage_path
from ._loading import field_names, load, resource_names
from ._messages import _
from ._output import EXPORT_FORMATS, FOLDER_FORMATS, ExportFormat, write_safely
from ._schema import table
from .models import Record

INT64 = 2**63  # SQLite and Parquet hold integers in [-2**63, 2**63)


def rows(name: str, datapackage: PathArg = None) -> list[list[str]]:
    """Return the header and the rows of resource ``name`` as CSV cells."""
    fields = field_names(name)
    return [list(fields)] + [[cell(getattr(r, f)) for f in fields] for r in load(name, datapackage)]


def _quoted(text: str) -> str:
    # csv.writer quotes a CR only when the line terminator holds one; ours is LF, as the dialect says.
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_lines(cells: Iterable[Sequence[str]]) -> str:
    """Return rows of cells as CSV text in the descriptor's dialect: comma, double quote, LF."""
    return "".join(",".join(map(_quoted, row)) + "\n" for row in cells)


def csv_text(name: str, datapackage: PathArg = None) -> str:
    """Return resource ``name`` as CSV text, byte for byte as the bundled file."""
    return csv_lines(rows(name, datapackage))


def json_records(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Return records as JSON-ready dictionaries (ISO dates, null for empty)."""
    return [r.model_dump(mode="json") for r in records]


def _csv_folder(path: Path, datapackage: PathArg) -> None:
    texts = {name: csv_text(name, datapackage) for name in resource_names()}
    (path / "resources").mkdir(parents=True)
    for name, text in texts.items():
        (path / "resources" / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
    (path / DESCRIPTOR).write_bytes(datapackage_path().read_bytes())


def _json_file(path: Path, datapackage: PathArg) -> None:
    data = {name: json_records(load(name, datapackage)) for name in resource_names()}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _writer(format: str) -> Callable[[Path, PathArg], None]:
    if format == "csv":
        return _csv_folder
    if format == "json":
        return _json_file
    # Only here: sqlite3 and pyarrow stay out of a plain import.
    if format == "sqlite":
        from ._sqlite import write as sqlite_write

        return sqlite_write
    if format == "parquet":
        from ._optional import require
        from ._parquet import write as parquet_write

        require("pyarrow.parquet", "export --format parquet", extra="parquet")  # before anything is written
        return parquet_write
    raise ValueError(f"unknown export format {format!r}; expected one of: {', '.join(EXPORT_FORMATS)}")


def check_integers(datapackage: PathArg, what: str) -> None:
    """Raise a DataError naming resource, row and field of the first integer ``what`` cannot hold (64 bits)."""
    for name in resource_names():
        integers = [f.name for f in table(name).fields if f.type == "integer"]
        for number, record in enumerate(load(name, datapackage), start=2):
            for field in integers:
                value = getattr(record, field)
                if value is not None and not -INT64 <= value < INT64:
                    raise DataError(
                        _("{resource}: row {row}: field {field}: {value} does not fit in 64 bits ({what})").format(
                            resource=name, row=number, field=repr(field), value=value, what=what
                        )
                    )


def export(
    format: ExportFormat, output: str | os.PathLike[str], datapackage: PathArg = None, *, overwrite: bool = False
) -> Path:
    """Write every resource to ``output`` in ``format`` and return the path written."""
    write = _writer(format)
    for name in resource_names():  # a broken copy stops here, before anything is written
        load(name, datapackage)
    if format in ("sqlite", "parquet"):
        check_integers(datapackage, format)
    return write_safely(output, format in FOLDER_FORMATS, overwrite, lambda target: write(target, datapackage))
