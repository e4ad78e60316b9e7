"""Facts the article states, keys, references and errata: the data's own integrity."""

from __future__ import annotations

import csv
import datetime
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd

FIXTURES = Path(__file__).parent / "fixtures"


def test_row_totals(row_totals: dict[str, int]) -> None:
    assert {name: len(atd.load(name)) for name in atd.resource_names()} == row_totals


def test_five_atpol_and_six_stafnispol_as_the_article_states() -> None:
    positions = Counter(o.position for o in atd.load_liaison_officers())
    assert positions == {"ATPOL": 5, "STAFNISPOL": 6}


def test_atpol_sit_in_embassies_and_stafnispol_in_consulates() -> None:
    for officer in atd.load_liaison_officers():
        expected = "embassy" if officer.position == "ATPOL" else "consulate_general"
        assert officer.mission_type == expected
        assert officer.rank == ("Kombes Pol." if officer.position == "ATPOL" else "AKBP")


def test_two_officers_share_table_3_row_6_in_tawau() -> None:
    shared = [o for o in atd.load_liaison_officers() if o.table_row == 6]
    assert [o.name for o in shared] == ["Agus Siswanto", "Muliyawaty Syam"]
    assert {(o.city, o.region, o.country_iso3) for o in shared} == {("Tawau", "Sabah", "MYS")}


def test_the_appendices_list_18_ammtc_and_24_somtc_and_the_19th_ammtc_was_held_since() -> None:
    printed = Counter(m.forum for m in atd.load_meetings() if m.article_ref is not None)
    assert printed == {"AMMTC": 18, "SOMTC": 24}
    forums = Counter(m.forum for m in atd.load_meetings())
    assert forums == {"AMMTC": 19, "SOMTC": 24}
    for forum, count in forums.items():
        numbers = [m.number for m in atd.load_meetings() if m.forum == forum]
        assert numbers == list(range(1, count + 1))


def test_headline_figures() -> None:
    cases = {r.year: r.cases for r in atd.load_trafficking_cases()}
    assert cases[2023] == 998
    assert cases[2016] == 478
    assert list(cases) == list(range(2016, 2024))
    assert {r.year: r.suspects for r in atd.load_trafficking_suspects()} == {2020: 163, 2021: 165, 2022: 159}


def test_first_and_last_meetings() -> None:
    meetings = {(m.forum, m.number): m for m in atd.load_meetings()}
    assert meetings["AMMTC", 1].start_date == datetime.date(1997, 12, 18)
    assert meetings["AMMTC", 1].city == "Manila"
    assert meetings["AMMTC", 18].end_date == datetime.date(2024, 8, 30)
    # The 3rd SOMTC is printed with the Indonesian month "Juni" and the day first.
    assert meetings["SOMTC", 3].start_date == datetime.date(2003, 6, 9)
    assert meetings["SOMTC", 3].end_date == datetime.date(2003, 6, 10)
    # A meeting over a month end.
    assert meetings["AMMTC", 5].end_date == datetime.date(2005, 12, 1)
    # The one one-day meeting.
    one_day = [m for m in meetings.values() if m.start_date == m.end_date]
    assert [(m.forum, m.number) for m in one_day] == [("SOMTC", 20)]


def test_online_meetings_are_those_of_2020_to_2022() -> None:
    online = {(m.forum, m.number) for m in atd.load_meetings() if m.online}
    assert online == {("AMMTC", 14), ("AMMTC", 15), ("AMMTC", 16), ("SOMTC", 20), ("SOMTC", 21), ("SOMTC", 22)}


def test_chair_follows_asean_chairmanship_from_2021() -> None:
    for meeting in atd.load_meetings():
        assert meeting.chair_follows_asean_chairmanship is (meeting.start_date >= datetime.date(2021, 1, 1))


def test_mou_statuses() -> None:
    statuses = Counter(m.status for m in atd.load_mous())
    assert statuses == {"in_force": 11, "under_renewal": 1, "in_preparation": 1}
    assert {m.mou_id: m.country_iso3 for m in atd.load_mous() if m.status != "in_force"} == {2: "LAO", 7: "MMR"}


def test_four_joint_strategies_and_three_internal_stages() -> None:
    scopes = Counter(s.scope for s in atd.load_strategies())
    assert scopes == {"joint": 4, "internal": 3}
    roles = {(r.strategy_id, r.actor) for r in atd.load_strategy_roles()}
    joint = [s.strategy_id for s in atd.load_strategies() if s.scope == "joint"]
    assert roles == {(s, a) for s in joint for a in ("ASEANAPOL", "POLRI")}


def test_every_southeast_asian_country_and_only_those() -> None:
    assert {c.iso3 for c in atd.load_countries()} == {
        "BRN",
        "KHM",
        "IDN",
        "LAO",
        "MYS",
        "MMR",
        "PHL",
        "SGP",
        "THA",
        "TLS",
        "VNM",
    }


@pytest.mark.parametrize("name", atd.resource_names())
def test_primary_keys_are_unique(name: str, schemas: dict[str, Any]) -> None:
    key = schemas[name]["primaryKey"]
    values = [tuple(getattr(r, f) for f in key) for r in atd.load(name)]
    assert len(values) == len(set(values))


# The tables that refer to no other: every other table has a foreign key, or a list of sources, or both.
UNREFERRING = ("sources", "errata")


@pytest.mark.parametrize("name", [n for n in atd.resource_names() if n not in UNREFERRING])
def test_foreign_keys_resolve_in_the_csv_cells(
    name: str, schemas: dict[str, Any], cells_of: Callable[..., list[list[str]]]
) -> None:
    # Read with csv, apart from the loader (which refuses a dangling key itself): the files as shipped hold.
    def column_values(resource: str, fields: list[str]) -> list[tuple[str, ...]]:
        header, *rows = cells_of(resource)
        return [tuple(row[header.index(f)] for f in fields) for row in rows]

    keys = schemas[name].get("foreignKeys", [])
    for fk in keys:
        target = set(column_values(fk["reference"]["resource"], fk["reference"]["fields"]))
        for value in column_values(name, fk["fields"]):
            assert "" in value or value in target, (name, fk["fields"], value)
    # A cell listing sources, space-separated: each of them is a source (Table Schema has no list keys).
    lists = [f["name"] for f in schemas[name]["fields"] if f["name"].endswith("_source_ids")]
    sources = {value for (value,) in column_values("sources", ["source_id"])}
    for field in lists:
        listed = [one for (cell,) in column_values(name, [field]) for one in cell.split()]
        assert listed and set(listed) <= sources, (name, field, set(listed) - sources)
    assert keys or lists, f"{name} refers to no other table: list it in UNREFERRING"


def test_the_unreferring_tables_refer_to_none(schemas: dict[str, Any]) -> None:
    for name in UNREFERRING:
        assert "foreignKeys" not in schemas[name] and not any(
            f["name"].endswith("_source_ids") for f in schemas[name]["fields"]
        ), name


# The rows that are themselves sources or corrections: a source, a page read, an erratum.
SOURCES_THEMSELVES = ("sources", "placement_sources", "errata")


@pytest.mark.parametrize("name", [n for n in atd.resource_names() if n not in SOURCES_THEMSELVES])
def test_every_data_row_names_its_source(name: str) -> None:
    kinds = {s.source_id: s.kind for s in atd.load_sources()}
    for record in atd.load(name):
        assert getattr(record, "source_id") in kinds  # noqa: B009 (a field every data table's model has)
        # Only rows from outside the article have no place in it: ISO codes, the tiers of other years than
        # 2023, what the ministry and others said, the meetings held since, and a term only a news page uses
        # (Portal Peduli WNI); each of these says how it is known.
        outside = (
            name in ("countries", "case_statements")
            or (isinstance(record, atd.TipTierPlacement) and record.report_year != 2023)
            or (isinstance(record, atd.Meeting) and record.note is not None)
            or (isinstance(record, atd.GlossaryTerm) and kinds[record.source_id] == "news")
        )
        assert bool(getattr(record, "article_ref", None)) is not outside, (name, record)


def test_the_rows_that_are_sources_name_their_page() -> None:
    assert all(page.url.startswith(("http://", "https://")) for page in atd.load_placement_sources())
    assert all(statement.url and statement.source_id for statement in atd.load_case_statements())


def test_every_erratum_points_at_an_existing_record_and_field(key_of: Callable[[str, atd.Record], str]) -> None:
    for erratum in atd.load_errata():
        matches = [r for r in atd.load(erratum.resource) if key_of(erratum.resource, r) == erratum.record]
        assert len(matches) == 1, erratum
        assert erratum.field in type(matches[0]).model_fields, erratum
        assert str(getattr(matches[0], erratum.field)) == erratum.corrected, erratum
        assert erratum.printed != erratum.corrected


def test_errata_cover_the_known_traps() -> None:
    fixed = {(e.resource, e.record, e.field) for e in atd.load_errata()}
    assert ("meetings", "SOMTC/24", "number") in fixed
    assert ("mous", "10", "parties") in fixed
    assert ("strategies", "cross_border_investigation", "name") in fixed
    assert {("liaison_officers", k, "city") for k in ("6", "7")} <= fixed
    assert {("liaison_officers", k, "full_name_as_printed") for k in ("6", "7")} <= fixed


def test_terms_used_in_coded_fields_are_in_the_glossary() -> None:
    terms = {g.term for g in atd.load_glossary()}
    used: set[str] = {o.rank for o in atd.load_liaison_officers()} | {o.position for o in atd.load_liaison_officers()}
    used |= {m.forum for m in atd.load_meetings()} | {r.actor for r in atd.load_strategy_roles()}
    used |= {"ATCM", "e-ADS", "JCS", "MoU", "Dalam Jejaring Online", "Juni", "TIP"}
    assert used <= terms


def test_the_article_is_the_first_source(doi: str) -> None:
    article = atd.load_sources()[0]
    assert article.kind == "article"
    assert article.doi == doi
    assert article.released == datetime.date(2024, 12, 1)
    assert article.released.isoformat() == atd.DATA_VINTAGE


def _statements() -> list[dict[str, str]]:
    with open(FIXTURES / "kemlu-tppo-statements.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_case_statements_equal_the_reference_row_for_row() -> None:
    shipped = [
        (s.year, s.value, s.unit, s.speaker, s.stated_on.isoformat(), s.publisher, s.url)
        for s in atd.load_case_statements()
    ]
    reference = [
        (int(r["year"]), int(r["value"]), r["unit"], r["speaker"], r["stated_on"], r["publisher"], r["url"])
        for r in _statements()
    ]
    assert sorted(shipped) == sorted(reference) and len(shipped) == 7
    # Every statement names its page: a row of sources with the same address and day.
    sources = {s.source_id: s for s in atd.load_sources()}
    for statement in atd.load_case_statements():
        page = sources[statement.source_id]
        assert (page.url, page.released) == (statement.url, statement.stated_on), statement
        # The ministry's own words go through the ministry's officials; the 2016 row is the U.S. State Department's.
        assert statement.by_ministry is ("Ministry of Foreign Affairs" in statement.speaker and statement.year != 2016)
        # Who spoke, in Indonesian: the ministry and the offices as Kemlu names them.
        office = "Kemlu RI" if statement.by_ministry else "Departemen Luar Negeri Amerika Serikat"
        assert office in statement.speaker_indonesian and statement.speaker_indonesian != statement.speaker


def test_no_news_publisher_s_words_are_shipped() -> None:
    quoted = {(r["year"], r["url"]): r["quote"] for r in _statements()}
    for statement in atd.load_case_statements():
        if statement.publisher == "U.S. Department of State":  # a U.S. government work: its words may be quoted
            assert statement.quote == quoted[(str(statement.year), statement.url)]
        else:
            assert statement.quote is None, statement


def test_what_the_ministry_said_of_each_printed_count() -> None:
    cases = {c.year: c for c in atd.load_trafficking_cases()}
    # The printed values stay (Table 1 as printed), whatever anyone has said of them.
    assert [c.cases for c in cases.values()] == [478, 340, 164, 259, 383, 361, 752, 998]
    said: dict[int, list[dict[str, str]]] = {}
    for statement in _statements():
        said.setdefault(int(statement["year"]), []).append(statement)
    for year, row in cases.items():
        statements = said.get(year, [])
        if not statements:  # 2017-2020: no statement found, no note
            assert (row.ministry_statement, row.note, row.note_indonesian, row.note_source_ids) == (None,) * 4
            continue
        assert row.note and row.note_indonesian and row.note_source_ids, year
        # The note cites the pages of that year's statements, each once, and every value they give.
        pages = {s.url: s.source_id for s in atd.load_sources() if s.url}
        assert set(row.note_source_ids.split()) == {pages[s["url"]] for s in statements}, year
        for statement in statements:
            assert statement["value"] in row.note and statement["value"] in row.note_indonesian, (year, statement)
    # What the reference says of each year (its README), as the codes and notes say it.
    assert cases[2021].ministry_statement == "confirms" and "361 cases, twice" in (cases[2021].note or "")
    assert cases[2022].ministry_statement == "conflicting"  # 752 twice, and 900 from another official
    assert "752" in (cases[2022].note or "") and "900" in (cases[2022].note or "") and "989" in (cases[2022].note or "")
    assert cases[2023].ministry_statement == "contradicts"
    assert "gave 798 cases for 2023" in (cases[2023].note or "") and "prints 998" in (cases[2023].note or "")
    assert "798 kasus" in (cases[2023].note_indonesian or "")
    # 2016: no statement by the ministry; the same number in the 2017 TIP Report, hedged as the evidence allows.
    assert cases[2016].ministry_statement is None
    assert "whether Table 1's 478 is that figure is not known" in (cases[2016].note or "")
    assert "tidak diketahui" in (cases[2016].note_indonesian or "")


def test_the_pages_of_the_statements_and_of_the_meetings_held_since() -> None:
    sources = {s.source_id: s for s in atd.load_sources()}
    news = {s.url for s in sources.values() if s.kind == "news"}
    reported = {s["url"] for s in _statements() if s["publisher"] != "U.S. Department of State"}
    assert reported <= news
    narrative = sources["tip-2017-indonesia"]
    assert (narrative.kind, narrative.released) == ("report", datetime.date(2017, 6, 27))
    assert narrative.url == "https://www.state.gov/reports/2017-trafficking-in-persons-report/indonesia/"
    for source in sources.values():  # a page this dataset describes has its citation in Indonesian too
        if source.kind in ("news", "webpage"):
            assert source.citation_indonesian, source.source_id
    # The wording the article prints under Tables 1 and 2 and the appendices, in Indonesian on Indonesian pages.
    assert sources["kemlu-2024"].citation_indonesian == "Laporan Kemlu RI, 2024"
    assert sources["bareskrim-2023"].citation_indonesian == "Laporan data Bareskrim Polri dan Polda, 2023"
    assert sources["asean-secretariat-2024"].citation_indonesian == "Laman Sekretariat ASEAN, 2024"


def test_the_four_challenges_of_the_article_s_results() -> None:
    challenges = atd.load_challenges()
    # The Results' subsection headings under "ASEANAPOL Intergovernmental Organization Dynamics and
    # Challenges in Addressing Human Trafficking in Indonesia", in the article's order.
    headings = [
        "Differences in Laws and Policies",
        "Inter-Agency and Cross-Border Coordination",
        "Technological Advances and Cybercrime",
        "Victim Protection and Recovery",
    ]
    assert [c.name for c in challenges] == headings and [c.sequence for c in challenges] == [1, 2, 3, 4]
    for challenge, heading in zip(challenges, headings, strict=True):
        assert challenge.source_id == "muhammad-2024"
        assert challenge.article_ref.startswith("Result and Discussions, ASEANAPOL Intergovernmental Organization")
        assert challenge.article_ref.endswith(f", {heading}")
        assert challenge.summary != challenge.summary_indonesian and len(challenge.summary) < 200
    assert isinstance(challenges[0], atd.Challenge)


def test_the_fourth_strategy_is_whole_and_table_3_s_officers_serve_it() -> None:
    fourth = {s.strategy_id: s for s in atd.load_strategies()}["cross_border_investigation"]
    assert fourth.sequence == 4 and fourth.scope == "joint"
    # The printed codes in English; POLRI's names for them in Indonesian running text.
    indonesian = {"border": "perbatasan", "ATPOL": "Atase Polri", "STAFNISPOL": "Staf Teknis Polri"}
    for part in ("JCS", "border", "ATPOL", "STAFNISPOL"):
        assert part in fourth.description and indonesian.get(part, part) in fourth.description_indonesian
    for place in ("Appendix 4, row 4", "Abstract", "fourth strategy", "Conclusion"):
        assert place in fourth.article_ref
    assert {o.strategy_id for o in atd.load_liaison_officers()} == {"cross_border_investigation"}
