"""The text the command line shows: aligned tables, and the headline figures in either language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._i18n import label, words_in
from ._tiers import MARKS, tier_grid

if TYPE_CHECKING:
    from .models import TipTierPlacement

WIDTH = 40  # widest cell in a table, and longest bar in the summary


def word(key: str, lang: str, *values: object) -> str:
    """Return the summary's word ``key`` in ``lang``, with ``values`` filled in."""
    return words_in("summary", lang)[key].format(*values)


def table(cells: list[list[str]]) -> str:
    """Return ``cells`` as aligned columns under a rule, the first row being the header."""
    clipped = [[c if len(c) <= WIDTH else c[: WIDTH - 1] + "…" for c in row] for row in cells]
    widths = [max(len(row[i]) for row in clipped) for i in range(len(clipped[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in clipped]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _bar(value: int, largest: int) -> str:
    return "█" * max(1, round(WIDTH * value / largest))


def summary(lang: str = "en") -> str:
    """Return the headline figures of every table, with headings and code labels in ``lang``."""
    from .models import (
        load_countries,
        load_liaison_officers,
        load_meetings,
        load_mous,
        load_tip_tier_placements,
        load_tip_tiers,
        load_trafficking_cases,
        load_trafficking_suspects,
    )

    out: list[str] = []
    cases, officers, meetings = load_trafficking_cases(), load_liaison_officers(), load_meetings()
    largest = max(r.cases for r in cases)
    out.append(word("cases", lang))
    out += [f"  {r.year}  {r.cases:>4}  {_bar(r.cases, largest)}" for r in cases]
    out += ["", word("suspects", lang)]
    out.append("  " + " · ".join(f"{r.year}: {r.suspects}" for r in load_trafficking_suspects()))
    out += ["", word("officers", lang, len(officers))]
    for position in ("ATPOL", "STAFNISPOL"):
        posted = [o for o in officers if o.position == position]
        where = ", ".join(f"{c} {n}" for c, n in sorted(Counter(o.country_iso3 for o in posted).items()))
        out.append(f"  {position:<10}  {len(posted):>2}  {where}")
    out += ["", word("meetings", lang)]
    for forum in ("AMMTC", "SOMTC"):
        held = [m for m in meetings if m.forum == forum]
        first, last = held[0], held[-1]
        online = word("online", lang)
        dates = (first.start_date, first.city or online, last.start_date, last.city or online)
        out.append(f"  {forum}  " + word("held", lang, len(held), sum(m.online for m in held), *dates))
    out += ["", word("mous", lang)]
    for status, count in Counter(m.status for m in load_mous()).most_common():
        out.append(f"  {label('mou_status', status, lang):<26} {count:>2}")
    out += ["", word("map", lang)]
    names = {c.iso3: c.name_indonesian if lang == "id" else c.name for c in load_countries()}
    severity = {t.tier: t.severity for t in load_tip_tiers()}
    placed = sorted((p for p in load_tip_tier_placements() if p.report_year == 2023), key=lambda p: severity[p.tier])
    rows = [word("map_header", lang).split("|")]
    rows += [
        [names[p.country_iso3], label("tier", p.tier, lang), label("placement_change", p.placement_change, lang)]
        for p in placed
    ]
    out += ["  " + line for line in table(rows).splitlines()]
    out += ["", word("history", lang), *history(load_tip_tier_placements(), names, lang)]
    return "\n".join(out)


def history(placements: Iterable[TipTierPlacement], names: dict[str, str], lang: str) -> list[str]:
    """Return the grid of tiers, countries by report years, with its legend, as indented lines."""
    years, grid = tier_grid(((p.country_iso3, p.report_year, p.tier) for p in placements), names)
    rows = [[word("country", lang), *map(str, years)]]
    rows += [[name, *(MARKS.get(tier, "") for tier in tiers)] for name, tiers in grid]
    legend = ", ".join(f"{mark} = {label('tier', tier, lang)}" for tier, mark in MARKS.items())
    return ["  " + line for line in table(rows).splitlines()] + ["  " + word("legend", lang, legend)]
