"""The marks that flag a caveat wherever a value is shown, and the notes and legends that explain them.

The page, its charts' data and `summary` mark the same values the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .i18n import in_language, label
from .texts import words
from .tiers import MARKS

NOTED = "*"  # a placement known otherwise than from two readings of its own report's narrative
DISPUTED = "†"  # a printed count that the ministry, or another source, gives otherwise


def noted(note: str | None) -> bool:
    """Return whether a placement with ``note`` is marked: every note says how it is known, short of the best."""
    return bool(note)


def disputed(ministry_statement: str | None, note: str | None) -> bool:
    """Return whether a printed count is marked: it has a note, and the ministry did not simply confirm it."""
    return bool(note) and ministry_statement != "confirms"


def caveated(placement: Mapping[str, Any]) -> bool:
    """Return whether a placement carries a caveat on its evidence, shown with an asterisk wherever it is drawn."""
    return noted(placement.get("note"))


def mark(placement: Mapping[str, Any]) -> str:
    """Return the tier's mark, with an asterisk where the placement carries a caveat."""
    return MARKS[placement["tier"]] + (NOTED if caveated(placement) else "")


def caveats(placements: Iterable[Mapping[str, Any]], names: Mapping[str, str], lang: str) -> list[str]:
    """Return the caveats of the placements that carry one, each note once with every placement it covers."""
    covered: dict[str, dict[str, list[str]]] = {}  # note: country: years
    for p in placements:
        if caveated(p):
            countries = covered.setdefault(in_language(p, "note", lang), {})
            countries.setdefault(names[p["country_iso3"]], []).append(str(p["report_year"]))
    lines = []
    for note, where in covered.items():
        placed = "; ".join(name + ", " + ", ".join(years) for name, years in where.items())
        lines.append(f"{NOTED} {placed}: {note}")
    return lines


def count_caveat(row: Mapping[str, Any], lang: str) -> str | None:
    """Return the caveat of a printed count that the ministry or another source gives otherwise: "† 2023: ..."."""
    if not disputed(row.get("ministry_statement"), row.get("note")):
        return None
    return f"{DISPUTED} {row['year']}: {in_language(row, 'note', lang)}"


def tier_legend(lang: str, *marks: str) -> list[tuple[str, str, str]]:
    """Return each tier's code, mark and label in ``lang``, best first, then what each of ``marks`` means."""
    legend = [(tier, mark_, label("tier", tier, lang)) for tier, mark_ in MARKS.items()]
    meaning = {NOTED: "mark_noted", DISPUTED: "mark_count"}
    return legend + [("", m, words()["page"][meaning[m]][lang]) for m in marks]
