"""The page's schema.org Dataset description (JSON-LD), for search engines and catalogues.

Both language pages give the one Dataset the same description: every text in both languages, each
tagged with its language, so that a crawler that merges the pages by ``@id`` keeps them apart.
"""

from __future__ import annotations

import json
from typing import Any

from .._gate.metadata import Agent, Metadata, Reference
from .._gate.schema import Translations
from .downloads import described, download_files
from .facts import Facts

FRAME = (91.0, -11.5, 141.5, 28.8)  # the map's frame: west, south, east, north
PLACE = (("en", "Southeast Asia"), ("id", "Asia Tenggara"))


def tagged(texts: Translations | tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    """Return texts as JSON-LD values tagged with their language."""
    return [{"@language": lang, "@value": text} for lang, text in texts if text]


def _agent(agent: Agent) -> dict[str, Any]:
    if agent.person:
        person: dict[str, Any] = {"@type": "Person", "name": agent.title, "givenName": agent.given}
        person["familyName"] = agent.family
        if agent.organization:
            person["affiliation"] = {"@type": "Organization", "name": agent.organization}
        return person
    return {"@type": "Organization", "name": tagged(agent.titles), **({"url": agent.url} if agent.url else {})}


def _source(source: Reference) -> dict[str, Any]:
    """Return the source the dataset is derived from, with its own authors."""
    found: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        found["@id"] = found["url"] = source.url
    if source.article is not None:
        a = source.article
        found |= {"@type": "ScholarlyArticle", "name": a.title, "datePublished": str(a.year)}
        found["isPartOf"] = {"@type": "Periodical", "name": a.journal}
        found["pagination"] = a.pages
    found["author"] = [_agent(author) for author in source.authors]
    return found


def jsonld(meta: Metadata, about: Facts, dumped: dict[str, Any]) -> str:
    """Return the schema.org Dataset description of the site, the same on every page, safe inside <script>."""
    # Only http and https addresses of a copy are URLs here (the descriptor's model holds no other).
    homepage = meta.homepage or ""
    tables = [r.table for r in meta.resources]
    pages = [homepage + ("" if code == "en" else f"{code}/") for code in meta.languages]
    west, south, east, north = FRAME
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": f"{homepage}#dataset" if homepage else None,
        "name": tagged(meta.titles),
        "alternateName": meta.name,
        "description": tagged(meta.descriptions),
        "url": pages[0] if homepage else None,
        "sameAs": pages[1:] if homepage else [],
        "identifier": meta.id,
        "version": meta.version,
        "inLanguage": list(meta.languages),
        "isAccessibleForFree": True,
        "license": [lic.url for lic in meta.licenses if lic.url],
        "keywords": tagged(tuple((lang, k) for lang, words in meta.keywords_in for k in words)),
        # The credit model: the makers create, publish and answer for the dataset; the article it is
        # derived from is credited to its own authors.
        "creator": [_agent(m) for m in meta.makers],
        "publisher": [_agent(m) for m in meta.makers],
        "isBasedOn": [_source(s) for s in meta.sources],
        "citation": [s.title for s in meta.sources],
        "temporalCoverage": f"{about.start.isoformat()}/{about.end.isoformat()}" if about.start and about.end else None,
        "datePublished": about.released or None,
        "dateModified": about.released or None,
        "spatialCoverage": {
            "@type": "Place",
            "name": tagged(PLACE),
            "geo": {"@type": "GeoShape", "box": f"{south} {west} {north} {east}"},
            "containsPlace": [
                {"@type": "Country", "name": c["name"], "identifier": c["iso3"]} for c in dumped["countries"]
            ],
        },
        # The data's variables: the fields of the tables whose rows name a source, not of the lists of
        # sources, pages read and corrections themselves.
        "variableMeasured": [
            {"@type": "PropertyValue", "name": f"{t.name}.{f.name}", "description": tagged(f.descriptions)}
            for t in tables
            if "source_id" in t.field_names and t.primary_key != ("source_id",)
            for f in t.fields
        ],
        "distribution": downloads(homepage, meta),
    }
    # Compact: it is for machines, and every page carries it.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # Inside <script>, "</script>" or "<!--" in a copy's text would end the element: escape <, > and &.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def downloads(homepage: str, meta: Metadata) -> list[dict[str, Any]]:
    """Return every data download of the site, named after what it holds, at its address under ``homepage``."""
    tables = [r.table for r in meta.resources]
    texts = {lang: described(tables, lang) for lang in meta.languages}
    found = []
    for name, path, media in download_files(tables):
        titles = tuple((lang, texts[lang][path][0]) for lang in texts if path in texts[lang])
        found.append(
            {
                "@type": "DataDownload",
                "name": tagged(titles) if titles else name,  # the records themselves keep their file names
                "contentUrl": homepage + path,
                "encodingFormat": media,
            }
        )
    return found if homepage else []
