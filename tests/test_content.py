"""What the page's grid of tiers says of each placement, in each language (_page/content.py).

Each cell reads aloud its year, its tier and, where the placement was not read in its own year's
report, how it is known; a placement with a note is marked with an asterisk and explained below the
grid, in the page's language. The expected words are written here by hand from the placements
(tests/fixtures/tip-tier-evidence-2016-2023.csv and the 2024-2025 reference) and the terms of
/work/shared/reference/indonesian-terms.md, not from words.json.
"""

from __future__ import annotations

import html
from typing import Any

import pytest

import asean_tip_data as atd
from asean_tip_data._page.content import history, names_in

CELLS = {
    "en": {
        # Singapore 2016: known from the 2017 report's narrative, noted.
        ("SGP", 2016): ("Tier 2", "2*", "2016: Tier 2 (the next report's narrative)"),
        # Malaysia 2016: read in its own report, in one transcription only: marked, no evidence said.
        ("MYS", 2016): ("Tier 2 Watch List", "2W*", "2016: Tier 2 Watch List"),
        ("IDN", 2022): ("Tier 2 Watch List", "2W*", "2022: Tier 2 Watch List (two independent sources)"),
        ("IDN", 2025): ("Tier 2", "2*", "2025: Tier 2 (one source only)"),
        ("IDN", 2023): ("Tier 2", "2", "2023: Tier 2"),  # Figure 1, from the report's own text
        ("MMR", 2018): ("Tier 3", "3*", "2018: Tier 3 (the next report's narrative)"),
    },
    "id": {
        ("SGP", 2016): ("Tier 2", "2*", "2016: Tingkat 2 (uraian negara dalam laporan tahun berikutnya)"),
        ("MYS", 2016): ("Tier 2 Watch List", "2W*", "2016: Daftar Pengawasan Tingkat 2"),
        ("IDN", 2022): ("Tier 2 Watch List", "2W*", "2022: Daftar Pengawasan Tingkat 2 (dua sumber independen)"),
        ("IDN", 2025): ("Tier 2", "2*", "2025: Tingkat 2 (hanya satu sumber)"),
        ("IDN", 2023): ("Tier 2", "2", "2023: Tingkat 2"),
        ("MMR", 2018): ("Tier 3", "3*", "2018: Tingkat 3 (uraian negara dalam laporan tahun berikutnya)"),
    },
}
LEGEND = {
    "en": [
        ("Tier 1", "1", "Tier 1"),
        ("Tier 2", "2", "Tier 2"),
        ("Tier 2 Watch List", "2W", "Tier 2 Watch List"),
        ("Tier 3", "3", "Tier 3"),
    ],
    "id": [
        ("Tier 1", "1", "Tingkat 1"),
        ("Tier 2", "2", "Tingkat 2"),
        ("Tier 2 Watch List", "2W", "Daftar Pengawasan Tingkat 2"),
        ("Tier 3", "3", "Tingkat 3"),
    ],
}
# Indonesia's 2022 placement, as the notes under the grid explain it in each language.
IDN_2022_NOTE = {
    "en": "* Indonesia, 2022: Rests on contemporary news reports and the Indonesian foreign ministry's published"
    " reaction, not on the report's country narrative.",
    "id": "* Indonesia, 2022: Didasarkan pada pemberitaan media pada waktu itu dan tanggapan resmi Kemlu RI, bukan"
    " pada uraian tentang Indonesia dalam laporan itu.",
}


@pytest.fixture(scope="module")
def dumped() -> dict[str, list[dict[str, Any]]]:
    """The tables as the page's builder hands them over: each record as JSON-ready values."""
    return {name: [r.model_dump(mode="json") for r in atd.load(name)] for name in atd.resource_names()}


def _grid(dumped: dict[str, list[dict[str, Any]]], lang: str) -> tuple[dict[str, Any], dict[tuple[str, int], Any]]:
    names = names_in(dumped["countries"], lang)
    shown = history(dumped, names, lang)
    cells = {
        (iso3, year): cell
        for iso3, (_name, row) in zip(names, shown["rows"], strict=True)
        for year, cell in zip(shown["years"], row, strict=True)
    }
    return shown, cells


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_cell_reads_its_tier_and_how_it_is_known_in_the_page_s_language(
    dumped: dict[str, list[dict[str, Any]]], lang: str
) -> None:
    shown, cells = _grid(dumped, lang)
    assert shown["years"] == list(range(2016, 2026))
    for key, expected in CELLS[lang].items():
        assert cells[key] == expected, key


@pytest.mark.parametrize("lang", ["en", "id"])
def test_only_placements_not_read_in_their_own_report_say_how_they_are_known(
    dumped: dict[str, list[dict[str, Any]]], lang: str
) -> None:
    _shown, cells = _grid(dumped, lang)
    evidence = {(p.country_iso3, p.report_year): p.evidence for p in atd.load_tip_tier_placements()}
    said = {key for key, (_tier, _mark, text) in cells.items() if text.endswith(")")}
    assert said == {key for key, how in evidence.items() if how != "report_text"}
    assert len(said) == 28  # the 28 placements the page's source line counts


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_legend_names_each_tier_and_the_asterisk_in_the_page_s_language(
    dumped: dict[str, list[dict[str, Any]]], lang: str
) -> None:
    shown, _cells = _grid(dumped, lang)
    *tiers, asterisk = shown["legend"]
    assert tiers == LEGEND[lang]
    assert asterisk[:2] == ("", "*")
    assert asterisk[2].startswith(
        {"en": "known otherwise than from that year's report text", "id": "tidak bersumber dari uraian negara"}[lang]
    )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_notes_under_the_grid_are_in_the_page_s_language(
    dumped: dict[str, list[dict[str, Any]]], lang: str
) -> None:
    shown, _cells = _grid(dumped, lang)
    assert IDN_2022_NOTE[lang] in shown["caveats"]
    notes = {p.note for p in atd.load_tip_tier_placements() if p.note}
    indonesian = {p.note_indonesian for p in atd.load_tip_tier_placements() if p.note_indonesian}
    told = {line.split(": ", 1)[1] for line in shown["caveats"]}
    assert told == (notes if lang == "en" else indonesian)  # each note once, every one of them
    assert all(line.startswith("* ") for line in shown["caveats"])


def test_the_grid_s_source_line_counts_the_pages_the_unread_placements_rest_on(
    dumped: dict[str, list[dict[str, Any]]],
) -> None:
    unread = {(p.country_iso3, p.report_year) for p in atd.load_tip_tier_placements() if p.evidence != "report_text"}
    pages = [s for s in atd.load_placement_sources() if (s.country_iso3, s.report_year) in unread]
    counts = f"{len(unread)} placements not read in their own report's text: {len(pages)} pages of"
    counts += f" {len({s.publisher for s in pages})} publishers"
    expected = {
        "en": f"U.S. Department of State, Trafficking in Persons Reports 2016\u20132025 ({counts},"
        " listed in the table placement_sources).",
        "id": f"Departemen Luar Negeri AS, Laporan TIP 2016\u20132025 ({len(unread)} peringkat yang tidak dibaca dari"
        f" uraian negara dalam laporannya sendiri: {len(pages)} laman dari {len({s.publisher for s in pages})}"
        " penerbit, tercantum di tabel placement_sources).",
    }
    for lang, line in expected.items():
        assert html.unescape(str(_grid(dumped, lang)[0]["source"])) == line


def test_a_copy_with_few_placements_names_them_and_leaves_the_others_blank(
    dumped: dict[str, list[dict[str, Any]]],
) -> None:
    # Two countries' first two years: Malaysia 2016 (own report, noted), Malaysia 2017 (news reports),
    # Singapore 2016 (the 2017 report's narrative) and Singapore 2017 (its own report).
    kept = {("MYS", 2016), ("MYS", 2017), ("SGP", 2016), ("SGP", 2017)}
    copy = {
        **dumped,
        "tip_tier_placements": [
            p for p in dumped["tip_tier_placements"] if (p["country_iso3"], p["report_year"]) in kept
        ],
    }
    publishers = (
        "<cite>Malay Mail</cite>; <cite>The Irrawaddy</cite>; <cite>The Straits Times</cite>; <cite>ecoi.net</cite>;"
    )
    expected = {
        "en": "U.S. Department of State, Trafficking in Persons Reports 2016 and 2017 (Malaysia 2017 and Singapore"
        f" 2016: pages of {publishers} and <cite>saynotohumantrafficking.info</cite>).",
        "id": "Departemen Luar Negeri AS, Laporan TIP 2016 dan 2017 (Malaysia 2017 dan Singapura 2016: laman"
        f" {publishers} dan <cite>saynotohumantrafficking.info</cite>).",
    }
    for lang, line in expected.items():
        shown, cells = _grid(copy, lang)
        assert shown["years"] == [2016, 2017]
        assert html.unescape(str(shown["source"])) == line
        assert cells["BRN", 2016] == cells["IDN", 2017] == ("", "", "")  # no placement: nothing said, no mark
        assert cells["SGP", 2016] == CELLS[lang]["SGP", 2016]
        assert [c.split(":")[0] for c in shown["caveats"]] == [
            {"en": "* Malaysia, 2016", "id": "* Malaysia, 2016"}[lang],
            "* Malaysia, 2017",
            {"en": "* Singapore, 2016", "id": "* Singapura, 2016"}[lang],
        ]


def test_a_copy_without_notes_has_no_asterisk_to_explain(dumped: dict[str, list[dict[str, Any]]]) -> None:
    copy = {**dumped, "tip_tier_placements": [p for p in dumped["tip_tier_placements"] if not p["note"]]}
    for lang in ("en", "id"):
        shown, cells = _grid(copy, lang)
        assert shown["legend"] == LEGEND[lang] and shown["caveats"] == []
        assert not any(mark.endswith("*") for _tier, mark, _text in cells.values())
