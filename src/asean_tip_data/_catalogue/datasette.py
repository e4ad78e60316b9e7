"""datasette's metadata for the SQLite database, from the descriptor, in one language.

datasette shows a database with only its file's name; given this file (``datasette DB --metadata
FILE``) it shows the dataset's title and description, the licence and the source with their links,
and every table's and column's title and description. Column titles have no place of their own in
datasette: each column's text is its title, then its description.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TypeVar

from .._gate.metadata import Metadata
from .._gate.schema import Field, text_in

P = TypeVar("P", bound=PurePath)


def metadata_path(database: P, lang: str | None = None) -> P:
    """Return where the datasette metadata of ``database`` lies, beside it: NAME.metadata.json.

    With ``lang``, NAME.metadata.LANG.json: for one of several languages side by side, as on the site.
    """
    return database.with_name(f"{database.stem}.metadata{f'.{lang}' if lang else ''}.json")


def _column(field: Field, lang: str) -> str:
    title, description = text_in(field.titles, lang), text_in(field.descriptions, lang)
    return f"{title}: {description}" if description else title


def metadata(meta: Metadata, database: str, lang: str) -> dict[str, Any]:
    """Return the datasette metadata of the database named ``database`` (its file's name without suffix)."""
    found: dict[str, Any] = {
        "title": text_in(meta.titles, lang),
        "description": text_in(meta.descriptions, lang),
    }
    if meta.licenses:
        licence = meta.licenses[0]
        found["license"] = text_in(licence.titles, lang) or licence.title
        if licence.url:
            found["license_url"] = licence.url
    for source in meta.sources[:1]:
        found["source"] = source.title
        if source.url:
            found["source_url"] = source.url
    found["about"] = f"{meta.name} {meta.version}"
    if meta.homepage:
        found["about_url"] = meta.homepage
    tables = {
        r.table.name: {
            "title": text_in(r.table.titles, lang),
            "description": text_in(r.table.descriptions, lang),
            "columns": {f.name: _column(f, lang) for f in r.table.fields},
        }
        for r in meta.resources
    }
    found["databases"] = {database: {"tables": tables}}
    return found


def metadata_text(meta: Metadata, database: str, lang: str) -> str:
    """Return the datasette metadata of ``database`` as JSON text."""
    return json.dumps(metadata(meta, database, lang), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
