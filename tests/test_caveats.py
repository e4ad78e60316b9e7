"""The marks that flag a caveat, and the notes and legends that explain them, in each language (_words/caveats.py).

The expected marks and words are written here by hand: an asterisk on a placement whose note says
how it is known, a dagger on a printed count that the ministry or another source gives otherwise
(2016's: the 2017 TIP Report gives the same number for something else) and on none it confirms
(2021's).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd
from asean_tip_data._words.caveats import caveated, caveats, count_caveat, disputed, mark, noted, tier_legend

NOTED_WORDS = {
    "en": "known otherwise than from that year's report text, or read there in one transcription only: see the notes"
    " below",
    "id": "tidak bersumber dari uraian negara dalam laporan tahun itu, atau hanya dibaca dalam satu transkripsi: lihat"
    " catatan di bawah",
}
COUNT_WORDS = {
    "en": "the ministry, or another source, has given another count, or the same number for something else: see the"
    " note below",
    "id": "Kemlu RI atau sumber lain menyebut angka yang berbeda, atau angka yang sama untuk hal lain: lihat catatan di"
    " bawah",
}
TIERS = {
    "en": [("Tier 1", "1", "Tier 1"), ("Tier 2", "2", "Tier 2"), ("Tier 2 Watch List", "2W", "Tier 2 Watch List")],
    "id": [
        ("Tier 1", "1", "Tingkat 1"),
        ("Tier 2", "2", "Tingkat 2"),
        ("Tier 2 Watch List", "2W", "Daftar Pengawasan Tingkat 2"),
    ],
}
TIER_3 = {"en": ("Tier 3", "3", "Tier 3"), "id": ("Tier 3", "3", "Tingkat 3")}


def _cases() -> dict[int, dict[str, Any]]:
    return {r.year: r.model_dump(mode="json") for r in atd.load_trafficking_cases()}


def test_a_note_marks_a_placement_and_its_absence_leaves_it_plain() -> None:
    assert (noted("Known from two publishers."), noted(None), noted("")) == (True, False, False)
    assert mark({"tier": "Tier 2 Watch List", "note": "Read in one transcription only."}) == "2W*"
    assert mark({"tier": "Tier 3", "note": None}) == "3"
    assert mark({"tier": "Tier 1"}) == "1"  # a placement without a note field at all
    assert caveated({"note": "x"}) and not caveated({"note": None}) and not caveated({})


@pytest.mark.parametrize(
    ("statement", "note", "marked"),
    [
        ("contradicts", "another count", True),
        ("conflicting", "another count", True),
        ("qualifies", "the same number for something else", True),
        (None, "another source's count", True),
        ("confirms", "the same count, twice", False),
        (None, None, False),
        ("contradicts", None, False),  # a statement without its note says nothing a reader can read
    ],
)
def test_a_count_is_marked_when_its_note_says_it_is_given_otherwise(
    statement: str | None, note: str | None, marked: bool
) -> None:
    assert disputed(statement, note) is marked


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_year_s_count_caveat_says_its_year_and_its_note_in_the_page_s_language(lang: str) -> None:
    cases = _cases()
    twin = "note" if lang == "en" else "note_indonesian"
    assert count_caveat(cases[2021], lang) is None  # the ministry confirms the printed 361
    assert count_caveat(cases[2017], lang) is None  # no note
    for year in (2022, 2023):
        assert count_caveat(cases[year], lang) == f"† {year}: {cases[year][twin]}"
    assert count_caveat(cases[2016], lang) == f"† 2016: {cases[2016][twin]}"  # another source's count
    said = count_caveat(cases[2023], lang)
    assert said is not None and said.startswith(
        {"en": "† 2023: The ministry's Secretary-General gave 798 cases", "id": "† 2023: Sekretaris Jenderal Kemlu RI"}[
            lang
        ]
    )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_legend_lists_each_tier_best_first_then_each_mark_asked_for(lang: str) -> None:
    tiers = [*TIERS[lang], TIER_3[lang]]
    assert tier_legend(lang) == tiers
    assert tier_legend(lang, "*") == [*tiers, ("", "*", NOTED_WORDS[lang])]
    assert tier_legend(lang, "†", "*") == [*tiers, ("", "†", COUNT_WORDS[lang]), ("", "*", NOTED_WORDS[lang])]


def test_the_notes_gather_each_note_once_with_every_placement_it_covers() -> None:
    note = {"note": "Known from two publishers.", "note_indonesian": "Bersumber dari dua penerbit."}
    placements = [
        {"country_iso3": "BRN", "report_year": 2024, "tier": "Tier 3", **note},
        {"country_iso3": "BRN", "report_year": 2025, "tier": "Tier 2 Watch List", **note},
        {"country_iso3": "SGP", "report_year": 2025, "tier": "Tier 1", **note},
        {"country_iso3": "IDN", "report_year": 2023, "tier": "Tier 2", "note": None, "note_indonesian": None},
        {"country_iso3": "SGP", "report_year": 2016, "tier": "Tier 2", "note": "Next report.", "note_indonesian": None},
    ]
    en = {"BRN": "Brunei Darussalam", "SGP": "Singapore", "IDN": "Indonesia"}
    id_ = {"BRN": "Brunei Darussalam", "SGP": "Singapura", "IDN": "Indonesia"}
    assert caveats(placements, en, "en") == [
        "* Brunei Darussalam, 2024, 2025; Singapore, 2025: Known from two publishers.",
        "* Singapore, 2016: Next report.",
    ]
    # The Indonesian page: each note's Indonesian twin, and the English where a row gives none.
    assert caveats(placements, id_, "id") == [
        "* Brunei Darussalam, 2024, 2025; Singapura, 2025: Bersumber dari dua penerbit.",
        "* Singapura, 2016: Next report.",
    ]
    assert caveats(placements[3:4], en, "en") == []


def test_a_count_with_a_note_in_one_language_shows_it_on_both_pages_and_a_row_without_a_note_shows_none() -> None:
    row = {"year": 2019, "cases": 5, "ministry_statement": "contradicts", "note": "Another count."}
    assert count_caveat(row, "en") == "† 2019: Another count."
    assert count_caveat({**row, "note_indonesian": None}, "id") == "† 2019: Another count."
    assert count_caveat({**row, "note_indonesian": ""}, "id") == "† 2019: Another count."
    assert count_caveat({**row, "note_indonesian": "Angka lain."}, "id") == "† 2019: Angka lain."
    assert count_caveat({**row, "note_indonesian": "Angka lain."}, "en") == "† 2019: Another count."
    # No statement field at all: a note alone marks the count; no note at all, nothing, whatever the statement.
    assert count_caveat({"year": 2020, "note": "Another source."}, "en") == "† 2020: Another source."
    assert count_caveat({"year": 2020, "ministry_statement": "contradicts"}, "en") is None
    assert count_caveat({"year": 2020, "ministry_statement": "confirms", "note": "Twice."}, "id") is None
    assert count_caveat({"year": 2020, "note": ""}, "en") is None


@pytest.mark.parametrize(
    ("tier", "expected"), [("Tier 1", "1"), ("Tier 2", "2"), ("Tier 2 Watch List", "2W"), ("Tier 3", "3")]
)
def test_each_tier_s_mark_takes_an_asterisk_only_with_a_note(tier: str, expected: str) -> None:
    assert mark({"tier": tier, "note": None}) == expected
    assert mark({"tier": tier, "note": ""}) == expected
    assert mark({"tier": tier, "note": "One source only."}) == expected + "*"
    assert mark({"tier": tier, "note": None, "note_indonesian": "Satu sumber."}) == expected  # English decides


def _bundled_placements(root: Path) -> list[dict[str, Any]]:
    """Return the bundled placements as csv reads them, an empty cell as None."""
    with (root / "resources" / "tip_tier_placements.csv").open(encoding="utf-8", newline="") as f:
        return [{k: (v if v else None) for k, v in row.items()} for row in csv.DictReader(f)]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_bundled_placements_notes_each_come_once_with_every_placement_they_cover(
    lang: str, root: Path, country_names: dict[str, dict[str, str]]
) -> None:
    placements = _bundled_placements(root)
    names = country_names[lang]
    lines = caveats(placements, names, lang)
    twin = "note" if lang == "en" else "note_indonesian"
    noted = [p for p in placements if p["note"]]
    assert len(lines) == len({p["note"] for p in noted}) == 13
    # Every noted placement is named once, in the line of its own note, in the page's language: "* Country, year,
    # year; Country, year: note".
    named = []
    for p in noted:
        (line,) = [x for x in lines if x.endswith(": " + p[twin])]
        assert line.startswith("* ")
        where = line[2 : -len(": " + p[twin])]
        years = {part.split(", ")[0]: part.split(", ")[1:] for part in where.split("; ")}
        assert p["report_year"] in years[names[p["country_iso3"]]]
        named += [(country, year) for country, listed in years.items() for year in listed]
    notes = {p[twin] for p in noted}
    assert sorted(set(named)) == sorted((names[p["country_iso3"]], p["report_year"]) for p in noted)
    assert len(set(named)) == len(noted) and len(notes) == len(lines)
    # One placement of its own, written out (a Malaysian daily's list: Guangming Daily, June 2024).
    (singapore,) = [p for p in noted if (p["country_iso3"], p["report_year"]) == ("SGP", "2024")]
    country = {"en": "Singapore", "id": "Singapura"}[lang]
    assert f"* {country}, 2024: {singapore[twin]}" in lines
    assert singapore["note"].startswith("One source only: a Malaysian daily's list of the report's Tier 1 countries")
