"""Where a row is printed, dates in prose and the errors of an unknown code, in each language (_words/i18n.py).

The Indonesian page says where in the article a row is printed in Indonesian ("Tabel 3, baris 6"),
and keeps a heading as the article prints it, in English, marked as such. The expected words are
written here by hand.
"""

from __future__ import annotations

import datetime

import pytest

from asean_tip_data._words.i18n import date_text, label, located


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
