"""Facts the article states, keys, references and errata: the data's own integrity."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

import asean_tip_data as atd


def test_row_totals() -> None:
    totals = {name: len(atd.load(name)) for name in atd.resource_names()}
    assert totals == {
        "countries": 11,
        "sources": 19,
        "trafficking_cases": 8,
        "trafficking_suspects": 3,
        "liaison_officers": 11,
        "meetings": 42,
        "mous": 13,
        "strategies": 7,
        "strategy_roles": 8,
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
