"""The bundled tables as this version read and checked them when it was built, kept in checked.json."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ._files import Reader, bundled_bytes, parse_json
from ._version import __version__

if TYPE_CHECKING:
    from ._record import Record

CHECKED = "checked.json"
# Threads share the bundled tables, built and read once, here or by _package when a file differs;
# re-entrant, as references recurse.
LOCK = threading.RLock()

# Reading a table means parsing the descriptor, its CSV file and checking every cell, key and
# reference: most of the cost of a cold load. The result depends only on the bytes of those files
# and on this version's code, so scripts/build_checked.py stores it here at build time, with the
# SHA-256 of every file it read. While the installed files have those digests, loading builds the
# records from it: the same records, the same checks passed. If any file differs, or the version,
# it is ignored and the files are read and checked as a copy would be (tests/test_checked.py).


def digest(data: bytes) -> str:
    """Return the SHA-256 of ``data``, in hex."""
    import hashlib  # here, as every import but the lightest: importing this module costs nothing

    return hashlib.sha256(data).hexdigest()


def tables_from(read: Reader, models: Mapping[str, type[Record]]) -> dict[str, tuple[Record, ...]]:
    """Return the tables of checked.json; none if it is missing, of another version or of other files."""
    import datetime

    from ._record import construct

    try:
        checked = parse_json(read(CHECKED))
        if checked["version"] != __version__ or list(checked["tables"]) != list(models):
            return {}
        if any(digest(read(path)) != expected for path, expected in checked["files"].items()):
            return {}
        tables = {}
        for name, model in models.items():
            table = checked["tables"][name]
            if table["fields"] != list(model.model_fields):
                return {}
            records = []
            for row in table["rows"]:
                values = dict(zip(table["fields"], row, strict=True))
                for field in table["dates"]:
                    if values[field] is not None:
                        values[field] = datetime.date.fromisoformat(values[field])
                records.append(construct(model, values))
            tables[name] = tuple(records)
    except (OSError, ValueError, LookupError, TypeError):  # unreadable, or not what this version writes
        return {}
    return tables


_TABLES: list[dict[str, tuple[Record, ...]]] = []  # the bundled tables, once built


def checked_tables() -> dict[str, tuple[Record, ...]]:
    """Return the bundled tables as checked at build time; empty if the installed files differ."""
    if not _TABLES:
        with LOCK:
            if not _TABLES:
                from .models import MODELS  # here: the models come with the first records

                _TABLES.append(tables_from(bundled_bytes, MODELS))
    return _TABLES[0]
