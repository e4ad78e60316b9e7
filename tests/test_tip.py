"""Figure 1 as data: the TIP Report tiers of the Southeast Asian countries, 2023 and 2022."""

from __future__ import annotations

import csv
from pathlib import Path

import asean_tip_data as atd

SOUTHEAST_ASIA = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM"}


def _placements(year: int) -> dict[str, atd.TipTierPlacement]:
    return {p.country_iso3: p for p in atd.load_tip_tier_placements() if p.report_year == year}


def test_22_frozen_records() -> None:
    records = atd.load_tip_tier_placements()
    assert len(records) == 22
    assert all(isinstance(r, atd.TipTierPlacement) and r.model_config["frozen"] for r in records)


def test_2023_covers_all_eleven_countries_and_2022_too() -> None:
    assert set(_placements(2023)) == SOUTHEAST_ASIA == set(_placements(2022))


def test_indonesia_2023_is_tier_2_as_the_article_states() -> None:
    assert _placements(2023)["IDN"].tier == "Tier 2"


def test_tiers_in_order_of_severity() -> None:
    tiers = atd.load_tip_tiers()
    assert [t.tier for t in sorted(tiers, key=lambda t: t.severity)] == [
        "Tier 1",
        "Tier 2",
        "Tier 2 Watch List",
        "Tier 3",
    ]
    # The article's Figure 1 text names the colour of each tier.
    assert {t.tier: t.map_colour for t in tiers} == {
        "Tier 1": "green",
        "Tier 2": "yellow",
        "Tier 2 Watch List": "orange",
        "Tier 3": "red",
    }


def test_each_2023_change_agrees_with_the_2022_tier() -> None:
    severity = {t.tier: t.severity for t in atd.load_tip_tiers()}
    before = _placements(2022)
    for country, now in _placements(2023).items():
        move = severity[now.tier] - severity[before[country].tier]
        expected = "upgraded" if move < 0 else "downgraded" if move > 0 else "remained"
        assert now.placement_change == expected, country


def test_sources_and_article_refs() -> None:
    sources = {s.source_id: s for s in atd.load_sources()}
    for placement in atd.load_tip_tier_placements():
        assert placement.source_id == f"tip-{placement.report_year}"
        assert placement.article_ref == ("Figure 1" if placement.report_year == 2023 else None)
    assert str(sources["tip-2023"].released) == "2023-06-15"
    assert str(sources["tip-2022"].released) == "2022-07-19"
    assert sources["tip-2023"].url == "https://www.state.gov/reports/2023-trafficking-in-persons-report/"


def test_only_indonesia_2022_carries_a_caveat() -> None:
    noted = {(p.country_iso3, p.report_year) for p in atd.load_tip_tier_placements() if p.note}
    assert noted == {("IDN", 2022)}
    assert "news reports" in _placements(2022)["IDN"].note  # type: ignore[operator]


def test_resource_agrees_with_the_reference_file() -> None:
    reference = Path(__file__).parent / "fixtures" / "tip-tier-placements.csv"
    with reference.open(encoding="utf-8", newline="") as f:
        rows = [(r["country_iso3"], int(r["report_year"]), r["tier"], r["placement_change"]) for r in csv.DictReader(f)]
    data = [(p.country_iso3, p.report_year, p.tier, p.placement_change) for p in atd.load_tip_tier_placements()]
    assert sorted(data) == sorted(rows)
    assert len(rows) == 22
