"""Where each chart's rows come from, said from the rows themselves: the sources they name and the pages read.

A chart's source line is never written by hand: it names the sources of the rows the chart draws,
the reports that made the tier placements and, for the placements not read in their own report's
text, the publishers of the pages they rest on (``placement_sources``). The line is HTML: every
text escaped, each source's name a ``<cite>``, so that a reader (and a screen reader) can tell a
name from the sentence around it in either language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .._gate.optional import require
from .._words.i18n import in_language, words_in

Rows = Sequence[Mapping[str, Any]]


def _markup() -> Any:
    return require("markupsafe", "page", extra="page").Markup


def line(template: str, **parts: object) -> Any:
    """Return ``template`` filled with ``parts``, as escaped HTML (parts already HTML stay as they are)."""
    markup = _markup()
    return markup.escape(template).format(**parts)


def named(name: str, lang: str | None = None) -> Any:
    """Return a source's name as HTML: a ``<cite>``, marked with its language where it is not the page's."""
    if lang is None:
        return _markup()("<cite>{}</cite>").format(name)
    return _markup()('<cite lang="{}">{}</cite>').format(lang, name)


def citation_language(source: Mapping[str, Any], lang: str) -> str | None:
    """Return the language of a source's citation as a page in ``lang`` shows it, where it is not ``lang``."""
    written = lang if lang != "en" and source.get("citation_indonesian") else source.get("citation_language", "en")
    return None if written == lang else str(written)


def listed(items: Iterable[Any], lang: str, between: str = ",") -> Any:
    """Return items as prose HTML: "A, B and C", "A, B, dan C" (``between`` is ";" where items hold commas)."""
    markup = _markup()
    found = list(dict.fromkeys(items))
    if len(found) < 2:
        return markup("").join(found)
    last = words_in("page", lang)["and"]
    # Indonesian writes the separator before "dan" in a series of three or more; so does a series of citations.
    before = between if len(found) > 2 and (lang == "id" or between == ";") else ""
    return markup("{}{} {} {}").format(markup(between + " ").join(found[:-1]), before, last, found[-1])


def years(values: Iterable[int], lang: str) -> Any:
    """Return years as prose: a range with an en dash when they run without a gap, else "2022 and 2023"."""
    found = sorted(set(values))
    if len(found) > 2 and found == list(range(found[0], found[-1] + 1)):
        return f"{found[0]}\u2013{found[-1]}"
    return listed(map(str, found), lang)


def short(source: Mapping[str, Any], lang: str) -> str:
    """Return a source's citation as far as its date, "Tribunnews (2023, 4 April)", in ``lang`` where written in it.

    A report is named by its title too: one publisher's reports of one year are told apart by it.
    """
    text = str(in_language(source, "citation", lang))
    head, bracket, rest = text.partition(")")
    if not bracket:
        return text
    title = rest.removeprefix(".").split(" [")[0].split(". ")[0].strip().rstrip(".")
    return f"{head}{bracket}, {title}" if source.get("kind") == "report" and title else head + bracket


def credited(rows: Rows, sources: Rows, lang: str) -> Any:
    """Return the sources the rows name in ``source_id``, as the article prints them, in ``lang`` where written."""
    by_id = {s["source_id"]: s for s in sources}
    shown = (by_id[r["source_id"]] for r in rows)
    return listed((named(str(in_language(s, "citation", lang)), citation_language(s, lang)) for s in shown), lang, ";")


def cited(ids: Iterable[str], sources: Rows, lang: str) -> Any:
    """Return the sources of a list of ``source_id`` values, each as far as its date."""
    by_id = {s["source_id"]: s for s in sources}
    return listed((named(short(by_id[i], lang), citation_language(by_id[i], lang)) for i in ids), lang, ";")


def note_sources(rows: Rows) -> list[str]:
    """Return the ``source_id`` values the rows' notes cite, in order, once each."""
    return list(dict.fromkeys(i for r in rows for i in (r.get("note_source_ids") or "").split()))


def pages(placements: Rows, names: Mapping[str, str], dumped: Mapping[str, Rows], lang: str) -> Any:
    """Return, for the placements not read in their own report's text, who published the pages they rest on."""
    unread = [p for p in placements if p["evidence"] != "report_text"]
    if not unread:
        return ""
    keys = {(p["country_iso3"], p["report_year"]) for p in unread}
    # Who published each page read: the pages are what the placements rest on, and their publishers
    # what this line credits (a page's source family, its original publisher, is in its row).
    publishers = [s["publisher"] for s in dumped["placement_sources"] if (s["country_iso3"], s["report_year"]) in keys]
    w = words_in("page", lang)
    if len(unread) > 3:  # many placements: count the pages and publishers; the table lists them
        counted = {"placements": len(unread), "pages": len(publishers), "publishers": len(set(publishers))}
        said = line(w["source_pages_many"], **counted)
    else:
        countries = dict.fromkeys(p["country_iso3"] for p in unread)
        if len(countries) == 1 and len({p["country_iso3"] for p in placements}) == 1:
            which = years((p["report_year"] for p in unread), lang)  # one country's tiers: the years say which
        else:
            which = listed(
                (
                    f"{names[c]} {years((p['report_year'] for p in unread if p['country_iso3'] == c), lang)}"
                    for c in countries
                ),
                lang,
            )
        said = line(w["source_pages"], which=which, publishers=listed(map(named, sorted(set(publishers))), lang, ";"))
    return _markup()(" ") + said  # after the reports that made the placements


def reports(placements: Rows, lang: str) -> Any:
    """Return the TIP Reports that made the placements: "U.S. Department of State, ... Reports 2016-2023"."""
    return line(words_in("page", lang)["source_reports"], years=years((p["report_year"] for p in placements), lang))
