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


def test_row_totals() -> None:
    totals = {name: len(atd.load(name)) for name in atd.resource_names()}
    assert totals == {
        "countries": 11,
        "sources": 23,
        "trafficking_cases": 8,
        "trafficking_suspects": 3,
        "liaison_officers": 11,
        "meetings": 42,
        "mous": 13,
        "strategies": 7,
        "strategy_roles": 8,
        "challenges": 4,
        "tip_tiers": 4,
        "tip_tier_placements": 110,
        "glossary": 36,
        "errata": 7,
    }


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


def test_the_amm_tc_met_18_times_and_the_somtc_24() -> None:
    forums = Counter(m.forum for m in atd.load_meetings())
    assert forums == {"AMMTC": 18, "SOMTC": 24}
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


@pytest.mark.parametrize("name", atd.resource_names())
def test_foreign_keys_resolve(name: str, schemas: dict[str, Any]) -> None:
    for fk in schemas[name]["foreignKeys"] if "foreignKeys" in schemas[name] else []:
        target = fk["reference"]
        keys = {tuple(getattr(r, f) for f in target["fields"]) for r in atd.load(target["resource"])}
        for record in atd.load(name):
            value = tuple(getattr(record, f) for f in fk["fields"])
            assert None in value or value in keys, (name, value)


@pytest.mark.parametrize("name", [n for n in atd.resource_names() if n not in ("sources", "errata")])
def test_every_data_row_names_its_source(name: str) -> None:
    sources = {s.source_id for s in atd.load_sources()}
    for record in atd.load(name):
        assert getattr(record, "source_id") in sources  # noqa: B009 (a field every model but two has)
        # Only rows from outside the article have no place in it: ISO codes, and the tiers of other years than 2023.
        outside = name == "countries" or (isinstance(record, atd.TipTierPlacement) and record.report_year != 2023)
        assert bool(getattr(record, "article_ref")) is not outside, (name, record)  # noqa: B009


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


def test_the_article_is_the_first_source() -> None:
    article = atd.load_sources()[0]
    assert article.kind == "article"
    assert article.doi == "10.32781/cakrawala.v18i2.733"
    assert article.released == datetime.date(2024, 12, 1)
    assert article.released.isoformat() == atd.DATA_VINTAGE


def _statements() -> list[dict[str, str]]:
    with open(FIXTURES / "kemlu-tppo-statements.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_ministry_s_statements_stand_beside_each_printed_count_with_their_pages() -> None:
    cases = {c.year: c for c in atd.load_trafficking_cases()}
    sources = {s.source_id: s for s in atd.load_sources()}
    said: dict[int, list[dict[str, str]]] = {}
    for statement in _statements():
        said.setdefault(int(statement["year"]), []).append(statement)
    # The printed values stay (Table 1 as printed), whatever the ministry has said.
    assert [c.cases for c in cases.values()] == [478, 340, 164, 259, 383, 361, 752, 998]
    for year, row in cases.items():
        statements = said.get(year, [])
        if not statements:  # 2017-2020: no statement found, no note
            assert (row.ministry_statement, row.note, row.note_indonesian, row.note_source_ids) == (None,) * 4
            continue
        assert row.note and row.note_indonesian and row.note_source_ids, year
        cited = [sources[i] for i in row.note_source_ids.split()]  # every id is a row of sources
        # Every page a statement was published on is cited, by a row of its own; nothing else is.
        assert {s.url for s in cited} == {s["url"] for s in statements}, year
        for statement in statements:
            (page,) = [s for s in cited if s.url == statement["url"]]
            assert page.released == datetime.date.fromisoformat(statement["stated_on"]), (year, page)
            assert statement["value"] in row.note and statement["value"] in row.note_indonesian, (year, statement)
    # What the reference says of each year, in the words of the notes (English, then Indonesian).
    assert cases[2021].ministry_statement == cases[2022].ministry_statement == "confirms"
    assert "361 cases, twice" in (cases[2021].note or "")
    assert "752 cases, twice" in (cases[2022].note or "") and "989" in (cases[2022].note or "")
    assert cases[2023].ministry_statement == "contradicts"
    assert "gave 798 cases for 2023" in (cases[2023].note or "") and "prints 998" in (cases[2023].note or "")
    assert "798 kasus" in (cases[2023].note_indonesian or "")
    assert cases[2016].ministry_statement == "qualifies"
    assert "a count of victims, not of cases" in (cases[2016].note or "")
    assert "jumlah korban, bukan jumlah kasus" in (cases[2016].note_indonesian or "")


def test_the_sources_of_the_ministry_s_statements() -> None:
    sources = {s.source_id: s for s in atd.load_sources()}
    news = {i: s for i, s in sources.items() if s.kind == "news"}
    reported = [s for s in _statements() if s["publisher"] != "U.S. Department of State"]
    assert {(s.released, s.url) for s in news.values()} == {
        (datetime.date.fromisoformat(s["stated_on"]), s["url"]) for s in reported
    }
    narrative = sources["tip-2017-indonesia"]
    assert (narrative.kind, narrative.released) == ("report", datetime.date(2017, 6, 27))
    assert narrative.url == "https://www.state.gov/reports/2017-trafficking-in-persons-report/indonesia/"
    for source in news.values():  # the pages are in Indonesian: so is the citation, beside the English
        assert source.citation_indonesian and source.citation_indonesian.startswith(source.citation.split(" (")[0])


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
    for part in ("JCS", "border", "ATPOL", "STAFNISPOL"):
        assert part in fourth.description and part.replace("border", "perbatasan") in fourth.description_indonesian
    for place in ("Appendix 4, row 4", "Abstract", "fourth strategy", "Conclusion"):
        assert place in fourth.article_ref
    assert {o.strategy_id for o in atd.load_liaison_officers()} == {"cross_border_investigation"}
