"""How the page and the summary show a TIP Report tier: its mark, its colour and the grid of years."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# A short mark per tier, in order of severity, for grids and maps: no reader depends on colour alone.
MARKS = {"Tier 1": "1", "Tier 2": "2", "Tier 2 Watch List": "2W", "Tier 3": "3"}
# One palette for the charts, the map, the grid and every legend. The hues are the article's
# Figure 1 (green, yellow, orange, red: tip_tiers.map_colour); the lightness falls with severity,
# so the tiers stay apart in grey and for colour-blind readers (tests/test_tiers.py measures both).
COLOURS = {"Tier 1": "#edf8e9", "Tier 2": "#fecc5c", "Tier 2 Watch List": "#e6550d", "Tier 3": "#7f0000"}
# The ink of each tier's mark on its colour: at least 4.5:1 (WCAG AA), tested.
INK = {"Tier 1": "#000000", "Tier 2": "#000000", "Tier 2 Watch List": "#000000", "Tier 3": "#ffffff"}


def tier_grid(
    placements: Iterable[tuple[str, int, str]], names: Mapping[str, str]
) -> tuple[list[int], list[tuple[str, list[str]]]]:
    """Return the report years and, per country in the order of ``names``, its tier in each ("" if none)."""
    tiers = {(iso3, year): tier for iso3, year, tier in placements}
    years = sorted({year for _, year in tiers})
    return years, [(name, [tiers.get((iso3, year), "") for year in years]) for iso3, name in names.items()]
