"""The tier palette: lightness that follows severity, apart for colour-blind readers, marks legible."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import colorspacious
import pytest

import asean_tip_data as atd
from asean_tip_data._words.tiers import COLOURS, INK, MARKS, tier_grid


def _rgb(colour: str) -> list[float]:
    return [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]


def _luminance(colour: str) -> float:
    """Return the WCAG 2 relative luminance of a #rrggbb colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_tier_has_a_colour_an_ink_and_a_mark_in_order_of_severity() -> None:
    severity = [t.tier for t in sorted(atd.load_tip_tiers(), key=lambda t: t.severity)]
    assert list(COLOURS) == list(INK) == list(MARKS) == severity


@pytest.mark.parametrize("tier", list(COLOURS))
def test_each_mark_has_at_least_4_5_to_1_contrast_on_its_colour(tier: str) -> None:
    assert _contrast(INK[tier], COLOURS[tier]) >= 4.5


def test_the_contrast_formula_is_wcag_s() -> None:
    assert _contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert _contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_lightness_falls_with_severity_so_the_tiers_stay_apart_in_grey() -> None:
    lightness = [colorspacious.cspace_convert(_rgb(c), "sRGB1", "CIELab")[0] for c in COLOURS.values()]
    assert all(a - b >= 10 for a, b in itertools.pairwise(lightness)), lightness


@pytest.mark.parametrize("deficiency", ["deuteranomaly", "protanomaly", "tritanomaly"])
def test_the_tiers_stay_apart_for_colour_blind_readers(deficiency: str) -> None:
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    seen = [colorspacious.cspace_convert(_rgb(c), space, "sRGB1").clip(0, 1) for c in COLOURS.values()]
    distances = [colorspacious.deltaE(a, b, input_space="sRGB1") for a, b in itertools.combinations(seen, 2)]
    assert min(distances) >= 15, distances


def test_the_tier_colours_keep_figure_1_s_hues() -> None:
    # tip_tiers.map_colour is the article's Figure 1: green, yellow, orange, red, in that order.
    hues = [colorspacious.cspace_convert(_rgb(c), "sRGB1", "JCh")[2] for c in COLOURS.values()]
    named: dict[str, str] = {t.tier: t.map_colour for t in atd.load_tip_tiers()}
    assert [named[t] for t in COLOURS] == ["green", "yellow", "orange", "red"]
    assert hues[0] > hues[1] > hues[2] > hues[3]  # green, then round the wheel towards red


def test_the_grid_puts_each_tier_under_its_year() -> None:
    years, grid = tier_grid([("IDN", 2023, "Tier 2"), ("PHL", 2022, "Tier 1")], {"IDN": "Indonesia", "PHL": "Filipina"})
    assert years == [2022, 2023]
    assert grid == [("Indonesia", ["", "Tier 2"]), ("Filipina", ["Tier 1", ""])]


def test_the_marks_colours_and_inks_are_pinned_as_written() -> None:
    # The grid's, the map's and every legend's: a mark per tier, the palette and the ink on it (by hand).
    assert MARKS == {"Tier 1": "1", "Tier 2": "2", "Tier 2 Watch List": "2W", "Tier 3": "3"}
    assert COLOURS == {"Tier 1": "#edf8e9", "Tier 2": "#fecc5c", "Tier 2 Watch List": "#e6550d", "Tier 3": "#7f0000"}
    assert INK == {"Tier 1": "#000000", "Tier 2": "#000000", "Tier 2 Watch List": "#000000", "Tier 3": "#ffffff"}


def test_a_grid_of_one_year_has_one_column() -> None:
    years, grid = tier_grid([("SGP", 2024, "Tier 1")], {"SGP": "Singapore"})
    assert (years, grid) == ([2024], [("Singapore", ["Tier 1"])])


def test_a_year_no_placement_gives_has_no_column_and_a_country_without_one_a_blank_cell() -> None:
    # 2017 is missing from the placements: the grid skips it rather than showing an empty column.
    placements = [("MYS", 2018, "Tier 2 Watch List"), ("MYS", 2016, "Tier 2"), ("THA", 2018, "Tier 2")]
    names = {"THA": "Thailand", "VNM": "Viet Nam", "MYS": "Malaysia"}  # the rows come in this order
    years, grid = tier_grid(placements, names)
    assert years == [2016, 2018]
    assert grid == [("Thailand", ["", "Tier 2"]), ("Viet Nam", ["", ""]), ("Malaysia", ["Tier 2", "Tier 2 Watch List"])]


def test_a_placement_of_a_country_not_named_is_left_out_and_no_placements_give_no_years() -> None:
    years, grid = tier_grid([("IDN", 2023, "Tier 2"), ("PHL", 2022, "Tier 1")], {"IDN": "Indonesia"})
    assert (years, grid) == ([2022, 2023], [("Indonesia", ["", "Tier 2"])])
    assert tier_grid([], {"IDN": "Indonesia"}) == ([], [("Indonesia", [])])


def test_the_grid_of_the_bundled_placements_is_the_reference_s(
    root: Path, reference_placements: dict[tuple[str, int], dict[str, str]]
) -> None:
    with (root / "resources" / "tip_tier_placements.csv").open(encoding="utf-8", newline="") as f:
        placements = [(r["country_iso3"], int(r["report_year"]), r["tier"]) for r in csv.DictReader(f)]
    with (root / "resources" / "countries.csv").open(encoding="utf-8", newline="") as f:
        names = {r["iso3"]: r["name"] for r in csv.DictReader(f)}
    years, grid = tier_grid(placements, names)
    assert years == list(range(2016, 2026))  # the TIP Reports of 2016 to 2025
    by_name = dict(grid)
    assert [name for name, _ in grid] == list(names.values())
    # Indonesia: Tier 2 every year but 2022's Tier 2 Watch List (2022 report; upgraded again in 2023).
    assert by_name["Indonesia"] == ["Tier 2"] * 6 + ["Tier 2 Watch List"] + ["Tier 2"] * 3
    for iso3, name in names.items():
        expected = [reference_placements[(iso3, y)]["tier"] if (iso3, y) in reference_placements else "" for y in years]
        assert by_name[name] == expected, iso3
