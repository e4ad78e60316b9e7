"""Write the records out: as CSV text, as JSON, or as files in any export format, never by surprise."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .._gate.cells import cell
from .._gate.files import DESCRIPTOR
from .._gate.loading import field_names, resource_names
from .._gate.package import CopyArg, Package, open_package
from .._words.i18n import LANGUAGES
from ..models import Record
from .replace import EXPORT_FORMATS, FOLDER_FORMATS, ExportFormat, check_target, target_path, write_safely


def each_row(name: str, package: Package) -> Iterator[list[str]]:
    """Yield the header, then each row of resource ``name``, as CSV cells: one row at a time."""
    fields = field_names(name)
    yield list(fields)
    for record in package.records(name):
        yield [cell(getattr(record, f)) for f in fields]


def rows(name: str, package: Package) -> list[list[str]]:
    """Return the header and the rows of resource ``name`` as CSV cells."""
    return list(each_row(name, package))


def _quoted(text: str) -> str:
    # csv.writer quotes a CR only when the line terminator holds one; ours is LF, as the dialect says.
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_lines(cells: Iterable[Sequence[str]]) -> str:
    """Return rows of cells as CSV text in the descriptor's dialect: comma, double quote, LF."""
    return "".join(",".join(map(_quoted, row)) + "\n" for row in cells)


def csv_text(name: str, package: Package) -> str:
    """Return resource ``name`` as CSV text, byte for byte as the bundled file."""
    return csv_lines(rows(name, package))


def json_records(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Return records as JSON-ready dictionaries (ISO dates, null for empty)."""
    return [r.model_dump(mode="json") for r in records]


def _csv_folder(path: Path, package: Package) -> None:
    texts = {name: csv_text(name, package) for name in resource_names()}
    (path / "resources").mkdir(parents=True)
    for name, text in texts.items():
        (path / "resources" / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
    # The copy's own descriptor: as it was, where its files lie where these are; else pointing at them.
    if all(r.path == f"resources/{r.name}.csv" and not r.parquet for r in package.meta.resources):
        (path / DESCRIPTOR).write_bytes(package.descriptor_bytes)
    else:
        text = json.dumps(package.exported(parquet=False), indent=2, ensure_ascii=False, allow_nan=False)
        (path / DESCRIPTOR).write_text(text + "\n", encoding="utf-8")


def _json_file(path: Path, package: Package) -> None:
    data = {name: json_records(package.records(name)) for name in resource_names()}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def writer(format: str) -> Callable[[Path, Package], None]:
    """Return the function that writes ``format`` to a path that does not exist yet, from an admitted copy."""
    if format == "csv":
        return _csv_folder
    if format == "json":
        return _json_file
    # Only here: sqlite3 and pyarrow stay out of a plain import.
    if format == "sqlite":
        from .sqlite import write as sqlite_write

        return sqlite_write
    if format == "parquet":
        from .._gate.optional import require
        from .parquet import write as parquet_write

        for module in ("pyarrow.parquet", "yaml"):  # before anything is written
            require(module, "export --format parquet", extra="parquet")
        return parquet_write
    raise ValueError(f"unknown export format {format!r}; expected one of: {', '.join(EXPORT_FORMATS)}")


def export(
    format: ExportFormat,
    output: str | os.PathLike[str],
    datapackage: CopyArg = None,
    *,
    overwrite: bool = False,
    lang: str = "en",
) -> Path:
    """Write every resource to ``output`` in ``format`` and return the path written.

    A SQLite database comes with datasette's metadata beside it (NAME.metadata.json), in ``lang``.
    """
    write = writer(format)
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(LANGUAGES)}")
    package = open_package(datapackage)
    package.check()  # a broken copy stops here, before anything is written
    beside = None
    if format == "sqlite":
        from .._catalogue.datasette import metadata_path, metadata_text

        beside = metadata_path(target_path(output))
        check_target(beside, False, overwrite)  # refused before the database is written, not after
    written = write_safely(output, format in FOLDER_FORMATS, overwrite, lambda target: write(target, package))
    if beside is not None:
        text = metadata_text(package.meta, written.stem, lang)  # datasette names a database after its file
        write_safely(beside, False, overwrite, lambda target: _write_text(target, text))
    return written
