"""Every download of the site, and what each holds, as catalogue records and the page name and describe it."""

from __future__ import annotations

from pathlib import PurePosixPath

from .._gate.schema import Table, text_in
from .._words.i18n import LANGUAGES, words_in
from .datasette import metadata_path

PARQUET = "application/vnd.apache.parquet"
SQLITE = "downloads/asean-tip-data.sqlite"


def download_files(tables: list[Table]) -> list[tuple[str, str, str]]:
    """Return every download of the site: its file name, its path under the site's root and its media type."""
    files = [("datapackage.json", "downloads/datapackage.json", "application/json")]
    files += [(f"{t.name}.csv", f"downloads/resources/{t.name}.csv", "text/csv") for t in tables]
    files += [("parquet/datapackage.json", "downloads/parquet/datapackage.json", "application/json")]
    files += [(f"{t.name}.parquet", f"downloads/parquet/resources/{t.name}.parquet", PARQUET) for t in tables]
    files += [("asean-tip-data.sqlite", SQLITE, "application/vnd.sqlite3")]
    files += [("dcat-ap.ttl", "downloads/dcat-ap.ttl", "text/turtle")]  # the DCAT-AP 3 record (_dcat)
    files += [("dcat-ap.jsonld", "downloads/dcat-ap.jsonld", "application/ld+json")]
    return files


def datasette_files() -> list[tuple[str, str, str]]:
    """Return datasette's metadata of the SQLite database, one file a language, the default's first: NAME.metadata.json.

    The page lists them beside the database; catalogue records do not, as they are no data.
    """
    paths = {lang: metadata_path(PurePosixPath(SQLITE), None if lang == LANGUAGES[0] else lang) for lang in LANGUAGES}
    return [(path.name, str(path), lang) for lang, path in paths.items()]


def described(tables: list[Table], lang: str) -> dict[str, tuple[str, str]]:
    """Return the title and description of each data download in ``lang``, by its path: what it holds."""
    w = words_in("records", lang)
    texts = {
        "downloads/datapackage.json": (w["descriptor"], w["descriptor_description"]),
        "downloads/parquet/datapackage.json": (w["parquet_descriptor"], w["parquet_descriptor_description"]),
        "downloads/asean-tip-data.sqlite": (w["sqlite"], w["sqlite_description"]),
    }
    for t in tables:
        title, description = text_in(t.titles, lang), text_in(t.descriptions, lang)
        texts[f"downloads/resources/{t.name}.csv"] = (w["csv"].format(title=title), description)
        texts[f"downloads/parquet/resources/{t.name}.parquet"] = (w["parquet"].format(title=title), description)
    return texts
