"""Write the records out: as CSV text, as JSON, or as files in any export format, never by surprise."""

from __future__ import annotations

import csv
import datetime
import errno
import io
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ._files import DESCRIPTOR, PathArg, bundled_bytes
from ._loading import field_names, load, resource_names

if TYPE_CHECKING:
    from .models import Record

ExportFormat = Literal["csv", "json", "sqlite", "parquet"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "sqlite", "parquet")
FOLDER_FORMATS = frozenset({"csv", "parquet"})  # a Data Package folder; the others write one file


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


def _csv_folder(path: Path, datapackage: PathArg) -> None:
    texts = {name: csv_text(name, datapackage) for name in resource_names()}
    (path / "resources").mkdir(parents=True)
    for name, text in texts.items():
        (path / "resources" / f"{name}.csv").write_text(text, encoding="utf-8")
    (path / DESCRIPTOR).write_bytes(bundled_bytes(DESCRIPTOR))


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
        from ._frames import require
        from ._parquet import write as parquet_write

        require("pyarrow.parquet", "export", extra="parquet")  # before anything is written
        return parquet_write
    raise ValueError(f"unknown export format {format!r}; expected one of: {', '.join(EXPORT_FORMATS)}")


def _check_target(path: Path, folder: bool, overwrite: bool) -> None:
    """Raise an OSError naming ``path`` if writing there would replace something unasked."""
    if not path.parent.is_dir() and not folder:
        # sqlite3 would only say "unable to open database file".
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(path.parent))
    if folder and path.exists() and not path.is_dir():
        raise FileExistsError(errno.EEXIST, "exists and is not a folder", str(path))
    if not folder and path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder; give a file name", str(path))
    if overwrite or not path.exists() or (folder and not any(path.iterdir())):
        return
    what = "a folder that is not empty" if folder else "a file that exists"
    raise FileExistsError(errno.EEXIST, f"{what}; --force (overwrite=True) replaces it", str(path))


def export(
    format: ExportFormat, output: str | os.PathLike[str], datapackage: PathArg = None, *, overwrite: bool = False
) -> Path:
    """Write every resource to ``output`` in ``format`` and return the path written."""
    write = _writer(format)
    path = Path(output)
    write_safely(path, format in FOLDER_FORMATS, overwrite, lambda target: write(target, datapackage))
    return path


def write_safely(path: Path, folder: bool, overwrite: bool, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a new ``path`` beside the target, then move it into place: never a surprise."""
    import shutil
    import tempfile  # here, not at import: the command line's --help stays cheap

    _check_target(path, folder, overwrite)
    if folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target, then moved into place: a failure halfway leaves what was there.
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        write(staging / path.name)
        _replace(staging / path.name, path, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _replace(new: Path, path: Path, staging: Path) -> None:
    """Move ``new`` to ``path``; what ``path`` held moves into ``staging`` and goes with it."""
    if not path.is_dir():
        os.replace(new, path)  # atomic for a file
        return
    old = staging / ".old"
    path.rename(old)
    try:
        new.rename(path)
    except OSError:
        old.rename(path)
        raise
