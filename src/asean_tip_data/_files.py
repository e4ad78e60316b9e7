"""Reach and read the files of the bundled Data Package or of a copy, and report a broken one."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

PathArg = str | os.PathLike[str] | None
DESCRIPTOR = "datapackage.json"
Reader = Callable[[str], bytes]


class DataError(ValueError):
    """Report a broken copy of the data, naming the file, row, field and value."""


def datapackage_path() -> Path:
    """Return the file path of the bundled ``datapackage.json``."""
    from importlib.resources import files  # here, not at import: see bundled_bytes()

    return Path(str(files(__package__) / DESCRIPTOR))


def bundled_bytes(relative: str) -> bytes:
    """Return the bytes of a file of the bundled Data Package, such as ``resources/mous.csv``."""
    # Read through the package's own loader, as importlib.resources and pkgutil.get_data do, but
    # without importing them (zipfile, tempfile, importlib.util): a tenth of a cold start.
    loader = __spec__.loader if __spec__ is not None else None
    if loader is None or not hasattr(loader, "get_data"):
        raise OSError(f"the loader of {__package__} cannot read {relative}")
    data: bytes = loader.get_data(os.path.join(os.path.dirname(__file__), *relative.split("/")))
    return data


def folder_reader(folder: Path) -> Reader:
    """Return a reader of the files below ``folder``, read afresh on every call."""
    return lambda relative: (folder / relative).read_bytes()


def read_text(read: Reader, where: str, relative: str, what: str) -> str:
    """Return the UTF-8 text of one file of a copy; a DataError naming ``where`` if it can't be had."""
    try:
        raw = read(relative)
    except OSError as exc:
        raise DataError(f"{where}: cannot read {what} ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")  # not "utf-8-sig", whose codec is one more import
    except UnicodeDecodeError as exc:
        raise DataError(f"{where}: not UTF-8 (byte {exc.start}: {raw[exc.start : exc.end]!r})") from None
    return text[1:] if text.startswith("\ufeff") else text  # a byte order mark is allowed


def parse_json(data: bytes) -> Any:
    """Return the JSON value of ``data``; a ValueError (json.JSONDecodeError) if it is not JSON."""
    # Whoever loads records has pydantic_core in memory already: its parser spares the json module's
    # import, a tenth of what loading adds to pydantic. The command line's --help keeps to json.
    core = sys.modules.get("pydantic_core")
    if core is not None:
        try:
            return core.from_json(data)
        except ValueError:
            pass  # json's message names the line: let it say what is wrong
    import json

    return json.loads(data)
