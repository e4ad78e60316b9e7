"""The tier palette: lightness that follows severity, apart for colour-blind readers, marks legible."""

from __future__ import annotations

import itertools

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
