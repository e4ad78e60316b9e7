"""Where a row is printed, dates in prose and the errors of an unknown code, in each language (_words/i18n.py).

The Indonesian page says where in the article a row is printed in Indonesian ("Tabel 3, baris 6"),
and keeps a heading as the article prints it, in English, marked as such. The expected words are
written here by hand.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from asean_tip_data._words.i18n import date_text, in_language, label, located, words_in


@pytest.mark.parametrize(
    ("article_ref", "indonesian"),
    [
        ("Table 3, row 6", [("Tabel 3", False), (", ", False), ("baris 6", False)]),
        ("Appendix 1, row 1", [("Lampiran 1", False), (", ", False), ("baris 1", False)]),
        ("Figure 1", [("Gambar 1", False)]),
        ("Results; Table 1", [("Results", True), ("; ", False), ("Tabel 1", False)]),
        (
            "Appendix 4, row 2; Discussion",
            [("Lampiran 4", False), (", ", False), ("baris 2", False), ("; ", False), ("Discussion", True)],
        ),
    ],
)
def test_where_a_row_is_printed_reads_in_indonesian_with_headings_as_printed(
    article_ref: str, indonesian: list[tuple[str, bool]]
) -> None:
    assert located(article_ref, "id") == indonesian
    assert located(article_ref, "en") == [(article_ref, False)]  # the English page: the data's own words


def test_dates_read_in_prose_from_a_date_or_its_iso_text() -> None:
    assert date_text(datetime.date(1997, 12, 18), "en") == "18 December 1997"
    assert date_text("1997-12-18", "id") == "18 Desember 1997"  # the page's JSON-ready rows hold ISO text
    assert date_text("2023-08-21", "en") == "21 August 2023"


def test_a_label_is_english_unless_asked_otherwise() -> None:
    assert label("mission_type", "embassy") == "embassy"
    assert label("mission_type", "consulate_general", "id") == "Konsulat Jenderal Republik Indonesia (KJRI)"
    assert label("evidence", "next_report_text", "id") == "uraian negara dalam laporan tahun berikutnya"


def test_an_unknown_kind_or_code_names_what_there_is() -> None:
    kinds = r"^unknown kind of code 'colour'; expected one of: tier, placement_change, mou_status, "
    with pytest.raises(ValueError, match=kinds):
        label("colour", "red")
    with pytest.raises(
        ValueError,
        match=r"^unknown mou_status code 'lapsed'; expected one of: in_force, under_renewal, in_preparation$",
    ):
        label("mou_status", "lapsed")


MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("month", range(1, 13))
def test_a_date_in_each_month_reads_with_that_month_s_name_and_no_leading_zero(month: int, lang: str) -> None:
    name = MONTHS[lang][month - 1]
    assert date_text(datetime.date(2024, month, 1), lang) == f"1 {name} 2024"
    assert date_text(f"1999-{month:02d}-28", lang) == f"28 {name} 1999"


def test_words_in_a_section_are_the_pinned_words_in_that_language(pinned: dict[str, Any]) -> None:
    for section in ("page", "summary"):
        for index, lang in enumerate(("en", "id")):
            assert words_in(section, lang) == {key: texts[index] for key, texts in pinned[section].items()}
    assert words_in("page", "id")["contents"] == "Daftar isi" and words_in("summary", "id")["online"] == "daring"
    with pytest.raises(ValueError, match=r"^unknown language 'fr'; expected one of: en, id$"):
        words_in("page", "fr")


def test_a_row_s_text_is_its_indonesian_twin_on_the_indonesian_page_where_it_has_one() -> None:
    row = {"note": "Another count.", "note_indonesian": "Angka lain.", "city": "Manila"}
    assert in_language(row, "note", "en") == "Another count."
    assert in_language(row, "note", "id") == "Angka lain."
    # No twin, an empty one, or no such field at all: the English (or the value there is) on both pages.
    assert in_language({**row, "note_indonesian": None}, "note", "id") == "Another count."
    assert in_language({**row, "note_indonesian": ""}, "note", "id") == "Another count."
    assert in_language(row, "city", "id") == "Manila"
    assert in_language({"note_indonesian": "Angka lain."}, "note", "en") is None
    assert in_language({"note_indonesian": "Angka lain."}, "note", "id") == "Angka lain."
    assert in_language({}, "note", "id") is None


def test_a_label_in_each_language_and_the_errors_in_full(pinned: dict[str, Any]) -> None:
    assert label("tier", "Tier 2 Watch List") == "Tier 2 Watch List"  # English unless asked
    assert label("tier", "Tier 2 Watch List", "id") == "Daftar Pengawasan Tingkat 2"
    for kind, codes in pinned["labels"].items():
        for code, (english, indonesian) in codes.items():
            assert (label(kind, code), label(kind, code, "en"), label(kind, code, "id")) == (
                english,
                english,
                indonesian,
            )
    with pytest.raises(ValueError, match=r"^unknown language 'xx'; expected one of: en, id$"):
        label("tier", "Tier 1", "xx")
    kinds = (
        "tier, placement_change, mou_status, position, forum, scope, mission_type, field_type, map_colour, strategy,"
        " evidence, ministry_statement, page_kind, transcriptions, unit"
    )
    with pytest.raises(ValueError, match=rf"^unknown kind of code 'colour'; expected one of: {re.escape(kinds)}$"):
        label("colour", "red")
    with pytest.raises(ValueError, match=r"^unknown forum code 'ARF'; expected one of: AMMTC, SOMTC$"):
        label("forum", "ARF", "id")
    # The codes in the order the descriptor's enum gives them, best evidence first: not in alphabetical order.
    evidence = "report_text, next_report_text, two_sources, one_source"
    with pytest.raises(ValueError, match=rf"^unknown evidence code 'news'; expected one of: {evidence}$"):
        label("evidence", "news")
