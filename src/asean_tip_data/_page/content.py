"""What each page of the site shows, in one language: the main page's parts and each table's page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._gate.cells import cell
from .._gate.files import web_link
from .._gate.optional import require
from .._gate.schema import Field, Table, text_in
from .._words.caveats import NOTED, caveats, mark, tier_legend
from .._words.i18n import CODED_FIELDS, in_language, label, located, words_in
from .._words.texts import number
from .._words.tiers import tier_grid
from . import credits

SORTABLE = 20  # tables longer than this get a filter box and sorting headings
# English text beside what the field names say (an ``_indonesian`` twin, ``_as_printed``): the
# printed parties and corrections of the English article, and the words of the pages read.
_ENGLISH = {("mous", "parties"), ("errata", "printed"), ("errata", "corrected")}
_ENGLISH |= {("placement_sources", "source_family"), ("placement_sources", "quote"), ("case_statements", "quote")}


def field_language(table: Table, name: str) -> str | None:
    """Return the language of a field's text ("en", "id"), or None where it is no language's (codes, numbers, names)."""
    if name.endswith("_indonesian"):
        return "id"
    english = f"{name}_indonesian" in table.field_names or name.endswith("_as_printed")
    return "en" if english or (table.name, name) in _ENGLISH else None


def _located(article_ref: str, lang: str) -> Any:
    """Return where in the article a row is printed, as HTML in ``lang``: a heading as printed, in English."""
    markup = require("markupsafe", "page", extra="page").Markup
    html = markup("")
    for text, printed in located(article_ref, lang):
        html += markup('<span lang="en">“{}”</span>').format(text) if printed else markup.escape(text)
    return html


def names_in(countries: Sequence[Mapping[str, Any]], lang: str) -> dict[str, str]:
    """Return each country's short name in ``lang``, by ISO alpha-3 code, in the order of the table."""
    return {c["iso3"]: in_language(c, "name", lang) for c in countries}


def history(dumped: Mapping[str, Any], names: Mapping[str, str], lang: str) -> dict[str, Any]:
    """Return the grid of tiers, countries by report years, with its legend and caveats, in ``lang``."""
    placements = dumped["tip_tier_placements"]
    found = {(p["country_iso3"], p["report_year"]): p for p in placements}
    years, grid = tier_grid(((p["country_iso3"], p["report_year"], p["tier"]) for p in placements), names)
    rows = []
    for iso3, (name, tiers) in zip(names, grid, strict=True):
        cells = []
        for year, tier in zip(years, tiers, strict=True):
            placement = found.get((iso3, year))
            text = f"{year}: {label('tier', tier, lang)}" if tier else ""
            if placement and placement["evidence"] != "report_text":
                text += f" ({label('evidence', placement['evidence'], lang)})"  # what the mark says, read aloud
            cells.append((tier, mark(placement) if placement else "", text))
        rows.append((name, cells))
    noted = caveats(placements, names, lang)
    legend = tier_legend(lang, *([NOTED] if noted else []))
    source = credits.line(
        words_in("page", lang)["source_history"],
        reports=credits.reports(placements, lang),
        pages=credits.pages(placements, names, dumped, lang),
    )
    return {"years": years, "rows": rows, "legend": legend, "caveats": noted, "source": source}


def challenges(dumped: Mapping[str, Any], lang: str) -> list[dict[str, str]]:
    """Return the article's challenges in order, named and summarised in ``lang``, with the name as printed."""
    rows = sorted(dumped["challenges"], key=lambda c: c["sequence"])
    return [
        {"name": in_language(c, "name", lang), "printed": c["name"], "summary": in_language(c, "summary", lang)}
        for c in rows
    ]


def _labeller(table: Table, names: Mapping[str, str], lang: str) -> dict[str, Any]:
    """Return, per field of ``table`` that holds a code, a function giving the code's label in ``lang``."""
    labellers: dict[str, Any] = {}
    for key in table.foreign_keys:
        if key.resource == "countries" and len(key.fields) == 1:
            labellers[key.fields[0]] = names.get
    for (resource, field), kind in CODED_FIELDS.items():
        if resource == table.name:
            labellers[field] = lambda code, kind=kind: label(kind, code, lang)
    return labellers


def table_page(
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    sources: Sequence[Mapping[str, Any]],
    names: Mapping[str, str],
    *,
    lang: str,
    words: Mapping[str, str],
) -> dict[str, Any]:
    """Return what the page of one table shows: its records with code labels, its dictionary and its sources."""
    labellers = _labeller(table, names, lang)
    # Numbers, dates, booleans and codes never break inside a cell.
    nowrap = {f.name for f in table.fields if f.type != "string" or f.enum is not None or f.pattern is not None}
    yes_no = {True: words["yes"], False: words["no"]}
    languages = {f.name: field_language(table, f.name) for f in table.fields}
    records = []
    for r in rows:
        cells = []
        for f in table.fields:
            value = r.get(f.name)
            shown: Any = yes_no[value] if f.type == "boolean" and value is not None else cell(value)
            found = labellers[f.name](value) if f.name in labellers and value is not None else None
            # The language of the text, where it is not the page's: a citation says its own.
            written = r.get("citation_language") if f.name == "citation" else languages[f.name]
            if f.name == "article_ref" and value is not None and lang != "en":
                shown = _located(value, lang)  # "Tabel 3, baris 6"; the data keeps "Table 3, row 6"
            # A code beside its label only where the two differ ("Tier 2", not "Tier 2 Tier 2").
            cells.append({"field": f.name, "value": shown, "label": found if found != shown else None})
            cells[-1]["nowrap"] = f.name in nowrap
            cells[-1]["lang"] = written if value is not None and written not in (None, lang) else None
        records.append(cells)
    return {
        **summary(table, len(rows), lang, words),
        "description": text_in(table.descriptions, lang),
        # Each column headed by its field's title in the page's language, its name beneath.
        "columns": [{"name": f.name, "title": text_in(f.titles, lang)} for f in table.fields],
        "rows": records,
        "sortable": len(rows) > SORTABLE,
        "fields": [
            {
                "name": f.name,
                "type": f.type,
                "type_label": label("field_type", f.type, lang),
                "required": f.required,
                "constraints": constraints(f, lang),
                "title": text_in(f.titles, lang),
                "description": text_in(f.descriptions, lang),
            }
            for f in table.fields
        ],
        "sources": _sources(rows, sources, lang),
        # A table of pages read (placement_sources) names no source: each row is one.
        "sources_themselves": "url" in table.field_names and "source_id" not in table.field_names,
    }


def summary(table: Table, count: int, lang: str, words: Mapping[str, str]) -> dict[str, Any]:
    """Return the one line the main page gives a table: title, row count, downloads, its page."""
    return {
        "name": table.name,
        "title": text_in(table.titles, lang),
        "count": words["row_count"].format(number(count, lang)),
        "csv": f"downloads/resources/{table.name}.csv",
        "parquet": f"downloads/parquet/resources/{table.name}.parquet",
        "href": f"tables/{table.name}.html",
    }


def _sources(
    rows: Sequence[Mapping[str, Any]], sources: Sequence[Mapping[str, Any]], lang: str
) -> list[tuple[str, str | None, list[Any]]]:
    """Return the sources the rows cite, in order, once each, in ``lang`` where written in it, with their links.

    Each with the language its citation is in, where that is not ``lang``.
    """
    used = dict.fromkeys(
        source_id
        for r in rows
        for key, value in r.items()
        if value and (key == "source_id" or key.endswith(("_source_id", "_source_ids")))
        for source_id in str(value).split()  # a list of sources is space-separated
    )
    by_id = {s["source_id"]: s for s in sources}
    listed = []
    for source_id in used:
        source = by_id.get(source_id, {})
        links = []
        if source.get("doi"):
            links.append((f"doi:{source['doi']}", f"https://doi.org/{source['doi']}"))
        url = web_link(source.get("url"))
        if url and not (source.get("doi") and url.endswith(source["doi"])):
            links.append((url, url))
        citation = str(in_language(source, "citation", lang) or source_id)
        listed.append((citation, credits.citation_language(source, lang), links))
    return listed


def constraints(field: Field, lang: str = "en") -> str:
    """Return a field's constraints in ``lang``, codes and patterns as code spans (`code`)."""
    words = words_in("page", lang)
    parts = []
    if field.enum is not None:
        parts.append(f"{words['one_of']} " + ", ".join(f"`{value}`" for value in field.enum))
    if field.pattern is not None:
        parts.append(f"{words['pattern']} `{field.pattern}`")
    if field.minimum is not None:
        parts.append(f"≥ {field.minimum}")
    if field.unique:
        parts.append(words["unique"])
    return "; ".join(parts)
