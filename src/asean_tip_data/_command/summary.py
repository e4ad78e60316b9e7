"""The headline figures of every table, as the command line's `summary` prints them, in either language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .._gate.package import CopyArg, open_package
from .._words.caveats import DISPUTED, NOTED, disputed, noted
from .._words.i18n import date_text, label, words_in
from .._words.messages import shown
from .._words.terminal import table
from .._words.tiers import MARKS, tier_grid
from ..models import (
    Country,
    LiaisonOfficer,
    Meeting,
    Mou,
    TipTier,
    TipTierPlacement,
    TraffickingCases,
    TraffickingSuspects,
)

BAR = 40  # the longest bar


def word(key: str, lang: str, *values: object) -> str:
    """Return the summary's word ``key`` in ``lang``, with ``values`` filled in."""
    return words_in("summary", lang)[key].format(*values)


def _bar(value: int, largest: int) -> str:
    return "█" * max(1, round(BAR * value / largest)) if value else ""


def summary(lang: str = "en", datapackage: CopyArg = None) -> str:
    """Return the headline figures of every table, with headings and code labels in ``lang``."""
    package = open_package(datapackage)
    cases, officers, meetings = package.of(TraffickingCases), package.of(LiaisonOfficer), package.of(Meeting)
    out = [word("cases", lang)]
    largest = max((r.cases for r in cases), default=0)
    # A count the ministry or another source gives otherwise is marked, as the page marks it.
    marked = {r.year: DISPUTED if disputed(r.ministry_statement, r.note) else " " for r in cases}
    out += [f"  {r.year}  {r.cases:>4}{marked[r.year]} {_bar(r.cases, largest)}" for r in cases]
    out += ["", word("suspects", lang)]
    out.append("  " + " · ".join(f"{r.year}: {r.suspects}" for r in package.of(TraffickingSuspects)))
    out += ["", word("officers", lang, len(officers)), *_officers(officers, lang)]
    out += ["", word("meetings", lang), *_meetings(meetings, lang)]
    out += ["", word("mous", lang)]
    for status, count in Counter(m.status for m in package.of(Mou)).most_common():
        out.append(f"  {label('mou_status', status, lang):<26} {count:>2}")
    out += ["", word("map", lang)]
    names = {c.iso3: c.name_indonesian if lang == "id" else c.name for c in package.of(Country)}
    severity = {t.tier: t.severity for t in package.of(TipTier)}
    placements = package.of(TipTierPlacement)

    def year_table(year: int) -> list[str]:
        placed = sorted((p for p in placements if p.report_year == year), key=lambda p: severity[p.tier])
        rows = [word("map_header", lang).split("|")]
        rows += [
            [names[p.country_iso3], _tier(p, lang), label("placement_change", p.placement_change, lang)] for p in placed
        ]
        return ["  " + line for line in table(rows)[0].splitlines()]

    out += year_table(2023)
    # Figure 1 stays the article's 2023 map; beside it, the latest report the data holds.
    latest = max((p.report_year for p in placements), default=2023)
    if latest != 2023:
        out += ["", word("latest", lang, latest), *year_table(latest)]
    out += ["", word("history", lang), *history(placements, names, lang)]
    # What the marks mean, as the page's legends say it, and where the notes are.
    legend = [word("disputed", lang, DISPUTED)] if DISPUTED in marked.values() else []
    legend += [word("noted", lang, NOTED)] if any(noted(p.note) for p in placements) else []
    out += ["", *legend] if legend else []
    # The copy's values (names, cities) reach a terminal: never a control character among them.
    return "\n".join(shown(line) for line in out)


def _officers(officers: Sequence[LiaisonOfficer], lang: str) -> list[str]:
    """Return a line per position, by its name in the language with the printed code: "Atase Polri (ATPOL)"."""
    positions = {position: label("position", position, lang) for position in ("ATPOL", "STAFNISPOL")}
    wide = max(map(len, positions.values()))
    lines = []
    for position, named in positions.items():
        posted = [o for o in officers if o.position == position]
        where = ", ".join(f"{c} {n}" for c, n in sorted(Counter(o.country_iso3 for o in posted).items()))
        lines.append(f"  {named:<{wide}}  {len(posted):>2}  {where}")
    return lines


def _meetings(meetings: Sequence[Meeting], lang: str) -> list[str]:
    """Return a line per forum (how many, how many online, the first and the last) and the meetings held since."""
    lines = []
    for forum in ("AMMTC", "SOMTC"):
        held = [m for m in meetings if m.forum == forum]
        if not held:
            lines.append(f"  {forum}  " + word("none_held", lang))
            continue
        first, last = held[0], held[-1]
        online = word("online", lang)
        # Dates in prose, as the reader's language writes them; the data keeps ISO dates.
        dates = (
            date_text(first.start_date, lang),
            first.city or online,
            date_text(last.start_date, lang),
            last.city or online,
        )
        lines.append(f"  {forum}  " + word("held", lang, len(held), sum(m.online for m in held), *dates))
    if later := [f"{m.forum} {m.number}" for m in meetings if m.article_ref is None]:
        lines.append("  " + word("later", lang, ", ".join(later)))
    return lines


def _tier(placement: TipTierPlacement, lang: str) -> str:
    """Return a placement's tier in ``lang``, marked where its note says how it is known."""
    return label("tier", placement.tier, lang) + (NOTED if noted(placement.note) else "")


def history(placements: Iterable[TipTierPlacement], names: dict[str, str], lang: str) -> list[str]:
    """Return the grid of tiers, countries by report years, with its legend, as indented lines."""
    placements = list(placements)
    years, grid = tier_grid(((p.country_iso3, p.report_year, p.tier) for p in placements), names)
    marked = {(p.country_iso3, p.report_year) for p in placements if noted(p.note)}
    rows = [[word("country", lang), *map(str, years)]]
    for iso3, (name, tiers) in zip(names, grid, strict=True):
        marks = (MARKS.get(t, "") + (NOTED if (iso3, y) in marked else "") for y, t in zip(years, tiers, strict=True))
        rows.append([name, *marks])
    legend = ", ".join(f"{mark} = {label('tier', tier, lang)}" for tier, mark in MARKS.items())
    return ["  " + line for line in table(rows)[0].splitlines()] + ["  " + word("legend", lang, legend)]
