"""The TIP Report tiers of the Southeast Asian countries, 2016-2025: the years of Table 1, and the reports since."""

from __future__ import annotations

import csv
from pathlib import Path

import asean_tip_data as atd

SOUTHEAST_ASIA = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM"}
YEARS = range(2016, 2024)  # the years of Table 1
REPORTS = range(2016, 2026)  # every report the data holds
FIXTURES = Path(__file__).parent / "fixtures"


def _rows(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _reference(name: str) -> list[tuple[str, int, str, str]]:
    return [(r["country_iso3"], int(r["report_year"]), r["tier"], r["placement_change"]) for r in _rows(name)]


def _data() -> list[tuple[str, int, str, str]]:
    return [(p.country_iso3, p.report_year, p.tier, p.placement_change) for p in atd.load_tip_tier_placements()]


def _placements(year: int) -> dict[str, atd.TipTierPlacement]:
    return {p.country_iso3: p for p in atd.load_tip_tier_placements() if p.report_year == year}


def test_110_frozen_records() -> None:
    records = atd.load_tip_tier_placements()
    assert len(records) == 110
    assert all(isinstance(r, atd.TipTierPlacement) and r.model_config["frozen"] for r in records)


def test_eleven_countries_in_every_report() -> None:
    for year in REPORTS:
        assert set(_placements(year)) == SOUTHEAST_ASIA, year
    assert {r.year for r in atd.load_trafficking_cases()} == set(YEARS)


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


def test_every_change_after_2016_agrees_with_the_year_before() -> None:
    severity = {t.tier: t.severity for t in atd.load_tip_tiers()}
    checked = 0
    for year in REPORTS[1:]:
        before = _placements(year - 1)
        for country, now in _placements(year).items():
            move = severity[now.tier] - severity[before[country].tier]
            expected = "upgraded" if move < 0 else "downgraded" if move > 0 else "remained"
            assert now.placement_change == expected, (country, year)
            checked += 1
    assert checked == 99


def test_indonesia_over_the_years_of_table_1() -> None:
    tiers = {year: _placements(year)["IDN"].tier for year in YEARS}
    assert tiers == {**dict.fromkeys(range(2016, 2022), "Tier 2"), 2022: "Tier 2 Watch List", 2023: "Tier 2"}


def test_sources_and_article_refs() -> None:
    sources = {s.source_id: s for s in atd.load_sources()}
    for placement in atd.load_tip_tier_placements():
        assert placement.source_id == f"tip-{placement.report_year}"  # the report that made it
        assert placement.article_ref == ("Figure 1" if placement.report_year == 2023 else None)
    released = {year: str(sources[f"tip-{year}"].released) for year in REPORTS}
    # The days the Secretary of State released each report, as the reference README gives them.
    assert released == {
        2016: "2016-06-30",
        2017: "2017-06-27",
        2018: "2018-06-28",
        2019: "2019-06-20",
        2020: "2020-06-25",
        2021: "2021-07-01",
        2022: "2022-07-19",
        2023: "2023-06-15",
        2024: "2024-06-24",
        2025: "2025-09-29",
    }
    for year in REPORTS:
        source = sources[f"tip-{year}"]
        assert (source.kind, source.year) == ("report", year)
        assert source.citation == (
            f"U.S. Department of State ({year}). {year} Trafficking in Persons Report. Washington, DC."
        )
        assert source.url and str(year) in source.url, year
    assert sources["tip-2016"].url == "https://2009-2017.state.gov/j/tip/rls/tiprpt/2016/index.htm"
    assert sources["tip-2023"].url == "https://www.state.gov/reports/2023-trafficking-in-persons-report/"
    assert sources["tip-2025"].url == "https://www.state.gov/reports/2025-trafficking-in-persons-report/"


def test_every_placement_not_known_from_two_readings_of_its_own_narrative_says_how_it_is_known() -> None:
    evidence = {(r["country_iso3"], int(r["report_year"])): r for r in _rows("tip-tier-evidence-2016-2023.csv")}
    evidence |= {(r["country_iso3"], int(r["report_year"])): r for r in _rows("tip-tier-placements-2024-2025.csv")}
    for p in atd.load_tip_tier_placements():
        reference = evidence[(p.country_iso3, p.report_year)]
        assert p.evidence == reference["evidence"], (p.country_iso3, p.report_year)
        # A note in both languages wherever the reference has one, or the placement is not report_text.
        noted = p.evidence != "report_text" or bool(reference["evidence_note"])
        assert bool(p.note) == bool(p.note_indonesian) == noted, (p.country_iso3, p.report_year)
        if reference["evidence_note"]:  # the reference's own words: no more and no less than it says
            assert p.note == reference["evidence_note"], (p.country_iso3, p.report_year)
        assert "could be reached" not in (p.note or "") and "narasi negara" not in (p.note_indonesian or "")
    # The three codes corrected in December 2026, and the six placements read in one transcription only.
    corrected = {("MMR", 2018): "next_report_text", ("MYS", 2017): "two_sources", ("THA", 2022): "two_sources"}
    placed = {(p.country_iso3, p.report_year): p for p in atd.load_tip_tier_placements()}
    assert {key: placed[key].evidence for key in corrected} == corrected
    once = {("MMR", 2016), ("MYS", 2016), ("MYS", 2019), ("MYS", 2020), ("PHL", 2020), ("SGP", 2019)}
    assert {k for k, p in placed.items() if "one of the two independent transcriptions" in (p.note or "")} == once
    assert {p.country_iso3 for p in placed.values() if p.evidence == "next_report_text"} == {
        "SGP", "THA", "TLS", "VNM", "MMR"
    }  # fmt: skip


# The pages whose words are a U.S. government work (public domain): only their quotes are shipped.
US_GOVERNMENT = {
    "U.S. Department of State (report text)",
    "U.S. Department of State (waiver memorandum)",
    "CIA World Factbook",
}


def test_the_pages_behind_the_placements_equal_the_reference_row_for_row() -> None:
    reference = _rows("tip-tier-sources.csv")
    assert len(reference) == 344
    columns = ("country_iso3", "report_year", "source_family", "publisher", "kind", "url")
    shipped = [
        (p.country_iso3, str(p.report_year), p.source_family, p.publisher, p.kind, p.url, p.published or "")
        for p in atd.load_placement_sources()
    ]
    assert shipped == [(*(r[c] for c in columns), r["date"]) for r in reference]
    assert [p.transcriptions or "" for p in atd.load_placement_sources()] == [r["transcriptions"] for r in reference]
    # Each page gives the tier of the placement it rests under.
    tiers = {(p.country_iso3, p.report_year): p.tier for p in atd.load_tip_tier_placements()}
    assert all(tiers[(r["country_iso3"], int(r["report_year"]))] == r["tier"] for r in reference)


def test_no_news_publisher_s_words_are_shipped_and_every_government_quote_is() -> None:
    for page, reference in zip(atd.load_placement_sources(), _rows("tip-tier-sources.csv"), strict=True):
        expected = reference["quote"] if reference["source_family"] in US_GOVERNMENT else ""
        assert (page.quote or "") == expected, (page.country_iso3, page.report_year, page.publisher)
    assert sum(1 for p in atd.load_placement_sources() if p.quote) > 100


def _evidence(pages: list[dict[str, str]]) -> str:
    """The rule of the reference's README, written out again here: how a placement is known from its pages."""
    kinds = {p["kind"] for p in pages}
    if "report_text" in kinds:
        return "report_text"
    if "next_report_text" in kinds:
        return "next_report_text"
    families = {p["source_family"] for p in pages} - {"U.S. Department of State (report text)"}
    return "two_sources" if len(families) >= 2 else "one_source"


def test_every_placement_s_evidence_follows_from_its_pages() -> None:
    pages: dict[tuple[str, int], list[dict[str, str]]] = {}
    for page in atd.load_placement_sources():
        pages.setdefault((page.country_iso3, page.report_year), []).append(page.model_dump())
    for placement in atd.load_tip_tier_placements():
        key = (placement.country_iso3, placement.report_year)
        assert placement.evidence == _evidence(pages[key]), key
    assert len(pages) == 110


def test_resource_equals_the_reference_files_row_for_row() -> None:
    reference = _reference("tip-tier-placements-2016-2023.csv") + _reference("tip-tier-placements-2024-2025.csv")
    assert len(reference) == 110
    assert sorted(_data()) == sorted(reference)
    latest = _placements(2025)
    assert (latest["LAO"].tier, latest["BRN"].tier, _placements(2024)["BRN"].tier) == (
        "Tier 3",
        "Tier 2 Watch List",
        "Tier 3",
    )


def test_2022_and_2023_are_the_rows_figure_1_used() -> None:
    figure_1 = _reference("tip-tier-placements.csv")
    assert len(figure_1) == 22
    assert sorted(row for row in _data() if row[1] in (2022, 2023)) == sorted(figure_1)
