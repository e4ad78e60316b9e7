"""The page's schema.org Dataset description (JSON-LD), for search engines and catalogues."""

from __future__ import annotations

import json
from typing import Any

from ._descriptor import Metadata
from ._schema import Table, text_in


def jsonld(meta: Metadata, dumped: dict[str, Any], lang: str) -> str:
    """Return the schema.org Dataset description of the page, safe inside a <script> element."""
    # Only http and https addresses of a copy are URLs here (the descriptor's model holds no other).
    homepage = meta.homepage or ""
    tables = [r.table for r in meta.resources]
    dates = [m["start_date"] for m in dumped["meetings"]] + [m["end_date"] for m in dumped["meetings"]]
    creators = [c for c in meta.contributors if "creator" in c.roles]
    pages = {code: homepage + ("" if code == "en" else f"{code}/") for code in meta.languages}
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        # One Dataset, whichever language's page describes it: one @id, each page its own language.
        "@id": f"{homepage}#dataset" if homepage else None,
        "name": text_in(meta.titles, lang),
        "alternateName": meta.name,
        "description": text_in(meta.descriptions, lang),
        "url": pages.get(lang) if homepage else None,
        "sameAs": [url for code, url in pages.items() if code != lang] if homepage else [],
        "identifier": meta.id,
        "version": meta.version,
        "inLanguage": lang,
        "isAccessibleForFree": True,
        "license": [lic.url for lic in meta.licenses if lic.url],
        "keywords": list(meta.keywords),
        "creator": [{"@type": "Person", "name": c.title, "affiliation": c.organization or None} for c in creators],
        "temporalCoverage": f"{min(dates)}/{max(dates)}" if dates else None,
        "spatialCoverage": {
            "@type": "Place",
            "name": "Southeast Asia",
            "containsPlace": [
                {"@type": "Country", "name": c["name"], "identifier": c["iso3"]} for c in dumped["countries"]
            ],
        },
        "isBasedOn": [s.url for s in meta.sources if s.url],
        "citation": [s.title for s in meta.sources],
        "variableMeasured": [
            {
                "@type": "PropertyValue",
                "name": f"{t.name}.{f.name}",
                "description": text_in(f.descriptions, lang),
            }
            for t in tables
            for f in t.fields
        ],
        "distribution": downloads(homepage, tables),
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Inside <script>, "</script>" or "<!--" in a copy's text would end the element: escape <, > and &.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def download_files(tables: list[Table]) -> list[tuple[str, str, str]]:
    """Return every download of the site: its name, its path under the site's root and its media type."""
    files = [("datapackage.json", "downloads/datapackage.json", "application/json")]
    files += [(f"{t.name}.csv", f"downloads/resources/{t.name}.csv", "text/csv") for t in tables]
    parquet = "application/vnd.apache.parquet"
    files += [("parquet/datapackage.json", "downloads/parquet/datapackage.json", "application/json")]
    files += [(f"{t.name}.parquet", f"downloads/parquet/resources/{t.name}.parquet", parquet) for t in tables]
    files += [("asean-tip-data.sqlite", "downloads/asean-tip-data.sqlite", "application/vnd.sqlite3")]
    files += [("dcat-ap.ttl", "downloads/dcat-ap.ttl", "text/turtle")]  # the DCAT-AP 3 record (_dcat)
    files += [("dcat-ap.jsonld", "downloads/dcat-ap.jsonld", "application/ld+json")]
    return files


def downloads(homepage: str, tables: list[Table]) -> list[dict[str, Any]]:
    """Return every download of the site, at its absolute address under ``homepage`` (the published home)."""
    return [
        {"@type": "DataDownload", "name": name, "contentUrl": homepage + path, "encodingFormat": media}
        for name, path, media in download_files(tables)
        if homepage
    ]
