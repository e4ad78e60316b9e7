"""English and Indonesian: every title and description in both, code labels, the glossary, --lang."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd
from asean_tip_data._words.i18n import CODED_FIELDS, LANGUAGES
from asean_tip_data._words.texts import words

Cli = Callable[..., subprocess.CompletedProcess[str]]
# Words that are the same in both languages, each checked: Indonesian uses them as they are.
SAME_IN_BOTH = {"Forum", "Status", "DOI"}
# A description in Indonesian has at least one of these everyday words; English text has none.
INDONESIAN = re.compile(
    r"\b(yang|dan|atau|dari|dengan|untuk|dalam|sebagai|seperti|tanpa|jika|bila|pada|tempat|bersama|sendiri"
    r"|tabel|kolom|kode|nomor|nama|jumlah|tahun|tanggal|hari|pertemuan|pengenal|kota|negara|mitra|peringkat"
    r"|kepolisian|memenuhi|sepenuhnya|kasus|korban|pangkat)\b",
    re.IGNORECASE,
)


def _objects(descriptor: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "package", descriptor
    for resource in descriptor["resources"]:
        yield resource["name"], resource
        for field in resource["schema"]["fields"]:
            yield f"{resource['name']}.{field['name']}", field


def test_the_descriptor_names_its_languages(descriptor: dict[str, Any]) -> None:
    assert descriptor["languages"] == ["en", "id"] and list(atd.LANGUAGES) == ["en", "id"]


def test_every_title_and_description_is_in_english_and_indonesian(descriptor: dict[str, Any]) -> None:
    checked = 0
    for where, item in _objects(descriptor):
        for key in ("title", "description"):
            texts = item[f"{key}_translated"]
            assert set(texts) == {"en", "id"}, where
            assert texts["en"] == item[key], where  # English stays in the v2 string property too
            assert texts["id"].strip(), where
            if texts["id"] == texts["en"]:
                assert texts["id"] in SAME_IN_BOTH, f"{where}.{key} left in English: {texts['id']!r}"
        assert INDONESIAN.search(item["description_translated"]["id"]), where
        # Quoted data (`Dalam Jejaring Online`) is no sign of the language of the sentence around it.
        assert not INDONESIAN.search(re.sub(r"`[^`]*`", "", item["description_translated"]["en"])), where
        checked += 1
    assert checked == 1 + len(descriptor["resources"]) + sum(
        len(r["schema"]["fields"]) for r in descriptor["resources"]
    )


def test_indonesian_uses_the_terms_indonesian_institutions_use(descriptor: dict[str, Any]) -> None:
    package = descriptor["description_translated"]["id"]
    for term in (
        "perdagangan orang",
        "kerja sama",
        "Atase Polri",
        "Staf Teknis Polri",
        "AMMTC",
        "SOMTC",
        "2016\u20132025",
    ):
        assert term in package, term
    officers = next(r for r in descriptor["resources"] if r["name"] == "liaison_officers")
    assert "Atase Polri (ATPOL)" in officers["description_translated"]["id"]
    assert "Staf Teknis Polri (STAFNISPOL)" in officers["description_translated"]["id"]


def test_describe_in_both_languages() -> None:
    package = atd.describe(lang="id")
    assert package.title == "Kerja sama Polri dan ASEANAPOL dalam penanganan perdagangan orang"
    assert [r.name for r in package.fields] == list(atd.resource_names())
    assert atd.describe().title == "POLRI and ASEANAPOL against human trafficking"
    mous = atd.describe("mous", lang="id")
    assert mous.title == "Nota Kesepahaman (MoU) Polri"
    # The fields of Appendix 3's table as the descriptor declares them, written out (audit 2.7).
    assert [f.name for f in mous.fields] == [
        "mou_id",
        "country_iso3",
        "country_as_printed",
        "title",
        "title_indonesian",
        "parties",
        "status",
        "status_as_printed",
        "source_id",
        "article_ref",
    ]
    assert atd.describe("mous").fields[3].title == "Title" and mous.fields[3].title == "Judul"


@pytest.mark.parametrize("call", [lambda: atd.describe(lang="xx"), lambda: atd.label("tier", "Tier 1", "fr")])
def test_an_unknown_language_names_the_languages(call: Any) -> None:
    with pytest.raises(ValueError, match=r"unknown language '(xx|fr)'; expected one of: en, id"):
        call()


def test_every_code_users_see_has_a_label_in_both_languages(schemas: dict[str, Any]) -> None:
    # The codes here; every label of every code, in both languages, pinned in tests/test_words.py (audit 3.7).
    labels = words()["labels"]
    for (resource, field), kind in CODED_FIELDS.items():
        (declared,) = [f for f in schemas[resource]["fields"] if f["name"] == field]
        # A closed list of codes, or the strategies' keys, whose names the article gives in Indonesian.
        codes = declared["constraints"].get("enum") or [s.strategy_id for s in atd.load_strategies()]
        assert list(labels[kind]) == codes, (resource, field)
    # Besides the codes of the data, the Table Schema's own field types are glossed on the page.
    assert {kind for kind in CODED_FIELDS.values()} | {"field_type"} == set(labels)
    assert list(labels["field_type"]) == ["string", "integer", "date", "boolean"]
    assert atd.label("field_type", "integer", "id") == "bilangan bulat"
    assert atd.label("mou_status", "under_renewal", "id") == "dalam proses perpanjangan"
    assert atd.label("tier", "Tier 2 Watch List", "id") == "Daftar Pengawasan Tingkat 2"
    assert atd.label("placement_change", "downgraded", "id") == "diturunkan"
    assert atd.label("position", "ATPOL", "id") == "Atase Polri (ATPOL)"


# The terms issue 11 found missing, with the Indonesian each must carry.
NEW_TERMS = {
    "IGO": "organisasi antarpemerintah",
    "WNI": "Warga Negara Indonesia",
    "TKI": "Tenaga Kerja Indonesia",
    "TPPO": "Tindak Pidana Perdagangan Orang",
    "Bareskrim": "Badan Reserse Kriminal Polri",
    "IOM": "Organisasi Internasional untuk Migrasi",
    "VoTD": "basis data korban perdagangan orang",
    "UNODC": "Kantor PBB Urusan Narkoba dan Kejahatan",
    "I-24/7": "Interpol",
}


def test_the_glossary_is_complete_in_both_languages() -> None:
    glossary = {g.term: g for g in atd.load_glossary()}
    for term, indonesian in NEW_TERMS.items():
        assert indonesian in glossary[term].expansion_indonesian, term
    assert "Undang-Undang Nomor 21 Tahun 2007" in glossary["TPPO"].definition_indonesian
    assert glossary["Bareskrim"].article_ref == "Table 2, source line"
    for entry in glossary.values():
        assert entry.expansion and entry.expansion_indonesian, entry.term


def test_summary_and_list_in_indonesian(cli: Cli) -> None:
    summary = cli("summary", "--lang", "id").stdout
    assert "Kasus perdagangan orang dengan korban WNI (Tabel 1)" in summary
    assert "  berlaku                    11" in summary
    assert "AMMTC  19 pertemuan, 3 daring; pertama 18 Desember 1997 (Manila)" in summary
    assert "terakhir 8 September 2025 (Melaka)" in summary and "tidak tercantum dalam artikel" in summary
    somtc = "SOMTC  24 pertemuan, 3 daring; pertama 28 Desember 2001 (Bangkok), terakhir 24 Juni 2024 (Vientiane)"
    assert somtc in summary
    assert re.search(r"Indonesia +Tingkat 2 +dinaikkan", summary)
    assert "\n  Keterangan: 1 = Tingkat 1, 2 = Tingkat 2, 2W = Daftar Pengawasan Tingkat 2, 3 = Tingkat 3\n" in summary
    # Table 3's positions by their Indonesian names (words-pinned.toml), the printed codes kept: 5 and 6 officers.
    assert "\n  Atase Polri (ATPOL)              5  MYS 1, PHL 1, SGP 1, THA 1, TLS 1\n" in summary
    assert "\n  Staf Teknis Polri (STAFNISPOL)   6  MYS 5, PHL 1\n" in summary
    assert "Trafficking" not in summary and "Table" not in summary
    listed = cli("list", "--lang", "id").stdout.splitlines()
    assert listed[0].split() == ["tabel", "baris", "judul"]
    assert "errata                7      Ralat" in listed


def test_show_titles_the_table_and_keeps_the_data(cli: Cli) -> None:
    out = cli("show", "mous", "--lang", "id").stdout.splitlines()
    assert out[0] == "mous: Nota Kesepahaman (MoU) Polri"
    assert "in_force" in "\n".join(out) and "Applicable" in "\n".join(out)


@pytest.mark.parametrize("command", ["list", "summary", "show"])
def test_an_unknown_language_is_a_usage_error(command: str, cli: Cli) -> None:
    args = [command, "--lang", "xx"] if command != "show" else ["show", "mous", "--lang", "xx"]
    result = cli(*args)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "'xx'" in result.stderr


def _entries(tree: dict[str, Any], where: str = "") -> list[tuple[str, Any]]:
    """Return each entry of words.json with its path: the objects whose values are texts."""
    if all(isinstance(v, str) for v in tree.values()):
        return [(where, tree)]
    return [e for key, value in tree.items() for e in _entries(value, f"{where}/{key}")]


def test_every_word_users_see_is_in_every_language() -> None:
    texts_only = {k: v for k, v in words().items() if k != "locale"}
    entries = _entries(texts_only)
    assert {where.split("/")[1] for where, _ in entries} == {"labels", "summary", "page", "records", "locators"}
    assert len(entries) > 80
    for where, texts in entries:
        assert tuple(texts) == LANGUAGES, where
        assert all(text.strip() == text and text for text in texts.values()), where
    by_path = dict(entries)
    assert by_path["/page/downloads"] == {"en": "Downloads", "id": "Unduh"}
    assert by_path["/summary/online"] == {"en": "online", "id": "daring"}
    assert by_path["/labels/mission_type/embassy"]["id"] == "Kedutaan Besar Republik Indonesia (KBRI)"


def test_the_charts_number_and_date_locales_are_each_language_s() -> None:
    locale = words()["locale"]
    assert {kind: tuple(by_lang) for kind, by_lang in locale.items()} == {"number": LANGUAGES, "time": LANGUAGES}
    assert (locale["number"]["en"]["thousands"], locale["number"]["id"]["thousands"]) == (",", ".")
    assert (locale["number"]["en"]["decimal"], locale["number"]["id"]["decimal"]) == (".", ",")
    assert locale["time"]["id"]["months"][11] == "Desember" and locale["time"]["id"]["days"][4] == "Kamis"
    for by_lang in locale["time"].values():
        assert len(by_lang["months"]) == len(by_lang["shortMonths"]) == 12 and len(by_lang["days"]) == 7


def test_the_indonesian_summary_names_the_countries_in_indonesian(cli: Cli) -> None:
    indonesian, english = cli("summary", "--lang", "id").stdout, cli("summary").stdout
    assert "Filipina" in indonesian and "Kamboja" in indonesian and "Philippines" not in indonesian
    assert "Philippines" in english and "Filipina" not in english


def test_every_indonesian_country_name_is_the_reference_s_with_its_page(root: Path) -> None:
    import csv

    with open(root / "tests" / "fixtures" / "indonesian-country-names.csv", encoding="utf-8", newline="") as f:
        reference = {row["iso3"]: row for row in csv.DictReader(f)}
    urls = {s.source_id: s.url for s in atd.load_sources()}
    countries = atd.load_countries()
    assert {c.iso3 for c in countries} == set(reference)
    for country in countries:
        assert country.name_indonesian == reference[country.iso3]["name_indonesian"]
        assert urls[country.name_indonesian_source_id] == reference[country.iso3]["source_url"]


# The prose columns: each English text with its Indonesian twin. Every Indonesian text is held to the
# term base (one form for one thing, no English left, numbers as Indonesian writes them): test_term_base.py.
PROSE = {
    "tip_tiers": ("definition", "definition_indonesian"),
    "strategies": ("description", "description_indonesian"),
    "strategy_roles": ("role", "role_indonesian"),
    "glossary": ("definition", "definition_indonesian"),
    "errata": ("reason", "reason_indonesian"),
    "tip_tier_placements": ("note", "note_indonesian"),
    "trafficking_cases": ("note", "note_indonesian"),
    "meetings": ("note", "note_indonesian"),
}
NOTED_ONLY = {"tip_tier_placements", "trafficking_cases", "meetings"}  # only some rows carry a note


@pytest.mark.parametrize("name", PROSE)
def test_every_row_of_the_prose_has_its_indonesian_text(name: str) -> None:
    english, indonesian = PROSE[name]
    rows = atd.load(name)
    checked = 0
    for row in rows:
        en, id_ = getattr(row, english), getattr(row, indonesian)
        if en is None:  # a placement without a caveat has neither
            assert id_ is None
            continue
        assert id_ and id_ != en, (name, en)
        assert INDONESIAN.search(id_), (name, id_)  # reads as Indonesian
        checked += 1
    assert checked >= 1 and (name in NOTED_ONLY or checked == len(rows))


def test_the_keywords_are_in_both_languages(descriptor: dict[str, Any]) -> None:
    keywords = descriptor["keywords_translated"]
    assert descriptor["keywords"] == keywords["en"] and {"human trafficking", "transnational crime"} <= set(
        keywords["en"]
    )
    indonesian = {"perdagangan orang", "TPPO", "Polri", "kejahatan lintas negara", "kejahatan transnasional"}
    assert indonesian <= set(keywords["id"]) and not indonesian & set(keywords["en"])


def test_the_citation_in_indonesian(root: Path, cli: Cli) -> None:
    text, bibtex = atd.cite(lang="id"), atd.cite("bibtex", lang="id")
    assert text.startswith("Dataset: Tim penyusun asean-tip-data (2026). asean-tip-data: Kerja sama Polri")
    assert f"(versi {atd.__version__}) [Dataset]." in text and "\nBersumber dari: Muhammad, R., Roziqin, A." in text
    assert "author = {{Tim penyusun asean-tip-data}}" in bibtex
    assert "note = {Dataset yang disusun berdasarkan doi:" in bibtex
    assert "[Data set]" not in text and "Derived from" not in text
    result = cli("cite", "--lang", "id")
    assert result.returncode == 0 and result.stdout == text
    # CITATION.cff stays English (that it is cite("cff")'s output is test_cite's, audit 2.5): the makers' English
    # name, never the Indonesian one cite gives in Indonesian.
    cff = (root / "CITATION.cff").read_text(encoding="utf-8")
    assert "asean-tip-data maintainers" in cff and "Tim penyusun" not in cff
    assert "Tim penyusun asean-tip-data" in atd.cite("cff", lang="id")
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        atd.cite(lang="xx")


@pytest.mark.parametrize(("lang", "first"), [("en", "18 December 1997"), ("id", "18 Desember 1997")])
def test_the_summary_writes_dates_in_prose_as_its_language_does(lang: str, first: str, cli: Cli) -> None:
    result = cli("summary", "--lang", lang)
    assert result.returncode == 0 and f" {first} (Manila)" in result.stdout
    assert not re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", result.stdout)  # ISO dates stay in the data
