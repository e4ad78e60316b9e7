"""The page's figures, in one language: each chart with its legend, source, caveat and the data behind it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from .._gate.cells import cell
from .._words.caveats import DISPUTED, NOTED, caveated, caveats, count_caveat, mark, tier_legend
from .._words.i18n import date_text, in_language, label
from .._words.texts import locale, number, words
from . import charts, credits
from .tier_map import tier_map

Rows = Sequence[Mapping[str, Any]]


class Figure(NamedTuple):
    """One chart of the page: what it shows, where it comes from, and its data as CSV columns and rows."""

    name: str
    title: str
    svg: str  # a desktop's drawing: the chart's download
    shown: list[tuple[str, str]]  # what the page shows: (screen, drawing), screen "phone", "desktop" or "" for both
    legend: list[tuple[str, str, str]]  # (tier, mark, label) for a tier legend; empty otherwise
    caption: str
    source: str
    caveats: list[str]
    columns: list[str]
    rows: list[list[Any]]


def figures(dumped: Mapping[str, Rows], names: Mapping[str, str], lang: str, geo: Mapping[str, Any]) -> list[Figure]:
    """Return the page's four figures in ``lang``."""
    w = {key: texts[lang] for key, texts in words()["page"].items()}
    return [
        _cases(dumped, names, w, lang),
        _suspects(dumped, w, lang),
        _map(dumped, names, w, lang, geo),
        _timeline(dumped, names, w, lang),
    ]


def placements_in(dumped: Mapping[str, Rows], year: int) -> dict[str, Mapping[str, Any]]:
    """Return the placements of one report year by country."""
    return {p["country_iso3"]: p for p in dumped["tip_tier_placements"] if p["report_year"] == year}


def _cases(dumped: Mapping[str, Rows], names: Mapping[str, str], w: Mapping[str, str], lang: str) -> Figure:
    indonesia = {p["report_year"]: p for p in dumped["tip_tier_placements"] if p["country_iso3"] == "IDN"}
    rows, data, notes, counted, drawn = [], [], [], [], []
    for r in dumped["trafficking_cases"]:
        placement = indonesia.get(r["year"])
        if placement is None:
            continue
        drawn.append((r, placement))
        tier = label("tier", placement["tier"], lang)
        text = w["cases_description"].format(year=r["year"], cases=number(r["cases"], lang), tier=tier)
        noted, count_note = caveats([placement], names, lang), count_caveat(r, lang)
        said_otherwise = [count_note] if count_note else []
        notes += noted
        counted += said_otherwise
        text += "".join(f" ({n})" for n in noted + said_otherwise)
        shown = number(r["cases"], lang) + (DISPUTED if count_note else "")
        rows.append({**r, "tier": placement["tier"], "mark": mark(placement), "shown": shown, "description": text})
        statement = r.get("ministry_statement") or ""
        said = label("ministry_statement", statement, lang) if statement else ""
        tier_note, ministry_note = in_language(placement, "note", lang) or "", in_language(r, "note", lang) or ""
        data.append([r["year"], r["cases"], placement["tier"], tier, tier_note, statement, said, ministry_note])
    svg, drawings = _drawn(charts.cases_chart, rows, w, lang)
    # Codes as the data has them, each beside its label in the page's language.
    columns = ["year", "cases", "indonesia_tier", "indonesia_tier_label", "indonesia_tier_note"]
    columns += ["ministry_statement", "ministry_statement_label", "ministry_note"]
    legend = tier_legend(lang, *([NOTED] if notes else []), *([DISPUTED] if counted else []))
    counts, tiers = [r for r, _ in drawn], [p for _, p in drawn]
    source = credits.line(
        w["source_cases"],
        credited=credits.credited(counts, dumped["sources"], lang),
        reports=credits.reports(tiers, lang),
        pages=credits.pages(tiers, names, dumped, lang),
        notes=credits.cited(credits.note_sources(counts), dumped["sources"], lang),
    )
    return Figure(
        "cases", w["cases_title"], svg, drawings, legend, w["cases_caption"], source, notes + counted, columns, data
    )


def _suspects(dumped: Mapping[str, Rows], w: Mapping[str, str], lang: str) -> Figure:
    rows = [
        {**r, "description": w["suspects_description"].format(year=r["year"], suspects=number(r["suspects"], lang))}
        for r in dumped["trafficking_suspects"]
    ]
    # Its few bars are drawn once, at a phone's width, which a desktop shows up to half as large again.
    svg = charts.suspects_chart(rows, w, locale(lang))
    data = [[r["year"], r["suspects"]] for r in dumped["trafficking_suspects"]]
    source = credits.line(
        w["source_suspects"], credited=credits.credited(dumped["trafficking_suspects"], dumped["sources"], lang)
    )
    return Figure("suspects", w["suspects_title"], svg, [("", svg)], [], "", source, [], ["year", "suspects"], data)


def map_rows(dumped: Mapping[str, Rows], names: Mapping[str, str], lang: str) -> list[dict[str, Any]]:
    """Return each country's 2023 tier, its 2022 tier and the change, sorted by name, in ``lang``."""
    now, before = placements_in(dumped, 2023), placements_in(dumped, 2022)
    codes = {c["iso3"]: c["numeric_code"] for c in dumped["countries"]}
    shorter = short_names(dumped, names) if lang == "en" else {}
    rows = []
    for iso3 in sorted(now, key=lambda code: names[code]):
        placement, earlier = now[iso3], before.get(iso3)
        tier, change = (
            label("tier", placement["tier"], lang),
            label("placement_change", placement["placement_change"], lang),
        )
        earlier_label = label("tier", earlier["tier"], lang) if earlier else ""
        earlier_note = NOTED if earlier and caveated(earlier) else ""
        rows.append(
            {
                "iso3": iso3,
                "numeric_code": codes[iso3],
                "name": names[iso3],
                "names": [names[iso3], *shorter.get(iso3, [])],  # the map draws the first that fits
                "tier": placement["tier"],
                "mark": mark(placement),
                "tier_label": tier,
                "before": earlier_label + earlier_note,  # the page's table marks it, as the map does
                "before_label": earlier_label,
                "before_note": earlier_note,  # the chart's CSV keeps the mark apart from the label
                "before_tier": earlier["tier"] if earlier else "",
                "change": change,
                "change_code": placement["placement_change"],
                "description": words()["page"]["map_description"][lang].format(
                    name=names[iso3], tier=tier, change=change
                ),
            }
        )
    return rows


def short_names(dumped: Mapping[str, Rows], names: Mapping[str, str]) -> dict[str, list[str]]:
    """Return, for each state, the shorter names the article prints for it ("Lao PDR"), shortest last."""
    printed = [(m["country_iso3"], m["country_as_printed"]) for m in dumped["mous"]]
    printed += [(m["chair_iso3"], m["chair_as_printed"]) for m in dumped["meetings"]]
    shorter: dict[str, set[str]] = {}
    for iso3, name in printed:
        if iso3 in names and name and len(name) < len(names[iso3]):  # a meeting not in the article prints none
            shorter.setdefault(iso3, set()).add(name)
    return {iso3: sorted(forms, key=lambda n: (-len(n), n)) for iso3, forms in shorter.items()}


def _map(
    dumped: Mapping[str, Rows], names: Mapping[str, str], w: Mapping[str, str], lang: str, geo: Mapping[str, Any]
) -> Figure:
    rows = map_rows(dumped, names, lang)
    shown, svg = tier_map(rows, geo, w, locale(lang))  # one map for both screens, its words drawn for each
    before = placements_in(dumped, 2022)
    noted = caveats(before.values(), names, lang)
    drawn = [*placements_in(dumped, 2023).values(), *before.values()]
    source = credits.line(
        w["source_map"], reports=credits.reports(drawn, lang), pages=credits.pages(drawn, names, dumped, lang)
    )
    keys = ["iso3", "name", "tier", "tier_label", "before_tier", "before_label", "before_note", "change_code", "change"]
    data = [[r[key] for key in keys] for r in rows]
    columns = ["iso3", "name", "tier_2023", "tier_2023_label", "tier_2022", "tier_2022_label", "tier_2022_note"]
    columns += ["change", "change_label"]
    return Figure(
        "map",
        w["map_title"],
        svg,
        [("", shown)],
        tier_legend(lang, *([NOTED] if noted else [])),
        w["map_caption"],
        source,
        noted,
        columns,
        data,
    )


def _timeline(dumped: Mapping[str, Rows], names: Mapping[str, str], w: Mapping[str, str], lang: str) -> Figure:
    # A city that is also a state (Singapore) takes the state's name in the page's language.
    states = {c["name"]: names[c["iso3"]] for c in dumped["countries"] if c["iso3"] in names}
    rows = []
    for m in dumped["meetings"]:
        place = states.get(m["city"], m["city"]) if m["city"] else w["online"]
        text = w["meeting_description"].format(
            forum=m["forum"], number=m["number"], date=date_text(m["start_date"], lang), place=place
        )
        if m["article_ref"] is None:  # a meeting held since the article, known from other pages
            text += " " + w["meeting_after"]
        as_csv = {"city": states.get(m["city"], m["city"]) if m["city"] else None, "online": cell(m["online"])}
        mode = w["online"] if m["online"] else w["in_person"]
        rows.append({**m, "mode": mode, "description": text, "as_csv": as_csv})
    svg, shown = _drawn(charts.timeline, rows, w, lang)
    printed = [m for m in dumped["meetings"] if m["article_ref"] is not None]
    later = [m for m in dumped["meetings"] if m["article_ref"] is None]
    named = {id(m): w["meeting_name"].format(forum=m["forum"], number=m["number"]) for m in later}
    source = credits.line(
        w["source_timeline"],
        credited=credits.credited(printed, dumped["sources"], lang),
        later=credits.line(
            w["source_later"],
            meetings=credits.listed((named[id(m)] for m in later), lang),
            pages=credits.cited(credits.note_sources(later), dumped["sources"], lang),
        )
        if later
        else "",
    )
    notes = [f"{named[id(m)]}: {in_language(m, 'note', lang)}" for m in later]
    columns = ["forum", "number", "start_date", "end_date", "city", "online", "mode"]
    # The city named as the page names it (Singapura), a boolean as the data writes it (true, false).
    data = [[cell(r["as_csv"].get(c, r[c])) for c in columns[:-1]] + [r["mode"]] for r in rows]
    legend_caption = f"{w['timeline_legend_in_person']} · {w['timeline_legend_online']}"
    return Figure("timeline", w["timeline_title"], svg, shown, [], legend_caption, source, notes, columns, data)


def _drawn(draw: Callable[..., str], rows: Rows, w: Mapping[str, str], lang: str) -> tuple[str, list[tuple[str, str]]]:
    """Return a chart drawn for a desktop (its download), and both drawings in the order the page shows them."""
    desktop = draw(rows, w, locale(lang))
    return desktop, [("phone", draw(rows, w, locale(lang), phone=True)), ("desktop", desktop)]
