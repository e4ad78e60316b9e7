"""Each rule between a record's fields (models.py's ``check``): what breaks it is refused in its own words.

What keeps it passes. The words are the contract a reader of `validate` meets (and the Indonesian
catalog's msgid), so they are written out here by hand; the records come from the data, changed
one field at a time.
"""

from __future__ import annotations

import datetime
from typing import Any

import pydantic
import pytest

import asean_tip_data as atd
from asean_tip_data.models import Broken

STATEMENT = "ministry_statement is given with a note that says what the ministry said"
NOTE_TOGETHER = "note, note_indonesian and note_source_ids are given together or not at all"


def _cases(year: int, **changes: Any) -> dict[str, Any]:
    row = next(r for r in atd.load_trafficking_cases() if r.year == year).model_dump()
    return {**row, **changes}


def _refused(model: type[atd.Record], row: dict[str, Any]) -> str:
    """Return the words of the one rule ``row`` breaks."""
    with pytest.raises(pydantic.ValidationError) as refused:
        model.model_validate(row)
    (error,) = refused.value.errors()
    broken = error["ctx"]["error"]
    assert isinstance(broken, Broken)
    return str(broken)


def test_a_ministry_statement_without_a_note_is_refused_in_its_own_words() -> None:
    # 2017's count has no note and no statement (Table 1 alone); a statement alone is refused.
    row = _cases(2017, ministry_statement="confirms")
    assert _refused(atd.TraffickingCases, row) == STATEMENT


@pytest.mark.parametrize("statement", ["confirms", "conflicting", "contradicts", "qualifies"])
def test_a_ministry_statement_with_its_note_passes(statement: str) -> None:
    # 2023's count comes with a note and its sources: any statement may stand beside it.
    row = _cases(2023, ministry_statement=statement)
    assert atd.TraffickingCases.model_validate(row).ministry_statement == statement


def test_a_note_without_a_statement_passes_and_so_does_neither() -> None:
    # 2016's note says how the 2017 TIP Report gives the count; the ministry said nothing of it.
    noted = _cases(2016)
    assert noted["note"] and noted["ministry_statement"] is None
    assert atd.TraffickingCases.model_validate(noted).note == noted["note"]
    bare = _cases(2017)
    assert (bare["note"], bare["note_indonesian"], bare["note_source_ids"], bare["ministry_statement"]) == (None,) * 4
    assert atd.TraffickingCases.model_validate(bare).cases == bare["cases"]


@pytest.mark.parametrize("missing", ["note", "note_indonesian", "note_source_ids"])
def test_a_note_without_its_translation_or_sources_is_refused_in_its_own_words(missing: str) -> None:
    row = _cases(2016, **{missing: None})
    assert _refused(atd.TraffickingCases, row) == NOTE_TOGETHER


def test_a_translation_or_sources_without_a_note_is_refused() -> None:
    assert _refused(atd.TraffickingCases, _cases(2017, note_source_ids="tip-2017-indonesia")) == NOTE_TOGETHER


def _meeting(number: int, forum: str = "AMMTC", **changes: Any) -> dict[str, Any]:
    row = next(m for m in atd.load_meetings() if (m.forum, m.number) == (forum, number)).model_dump()
    return {**row, **changes}


def test_meeting_rules_are_refused_in_their_own_words() -> None:
    first = _meeting(1)  # Appendix 1, row 1: Manila, 18-20 December 1997
    assert first["start_date"] == datetime.date(1997, 12, 18)
    early = {**first, "end_date": datetime.date(1997, 12, 17)}
    assert _refused(atd.Meeting, early) == "end_date 1997-12-17 is before start_date 1997-12-18"
    assert _refused(atd.Meeting, {**first, "online": True}) == "online must be true exactly when city is empty"
    unprinted = {**first, "venue_as_printed": None}
    assert _refused(atd.Meeting, unprinted) == (
        "the fields as printed and article_ref are given together or not at all"
    )
    noted = {**first, "note": "held", "note_indonesian": "diadakan", "note_source_ids": "asean-2023"}
    assert _refused(atd.Meeting, noted) == (
        "note, note_indonesian and note_source_ids are given for a meeting exactly when it is not printed"
    )


def test_a_meeting_held_since_the_article_passes_with_its_note_and_no_printed_fields() -> None:
    later = _meeting(19)  # the 19th AMMTC, after the article: no printed fields, a note and its sources
    assert later["article_ref"] is None and later["note"] and later["note_source_ids"]
    assert atd.Meeting.model_validate(later).number == 19
    assert _refused(atd.Meeting, {**later, "note_indonesian": None}) == (
        "note, note_indonesian and note_source_ids are given for a meeting exactly when it is not printed"
    )


def test_a_one_day_meeting_passes() -> None:
    first = _meeting(1)
    one_day = {**first, "end_date": first["start_date"]}
    assert atd.Meeting.model_validate(one_day).end_date == datetime.date(1997, 12, 18)


@pytest.mark.parametrize(
    ("printed", "status"),
    [("Applicable", "in_force"), ("On Extension", "under_renewal"), ("In the Making", "in_preparation")],
)
def test_each_printed_mou_status_passes_with_its_code_and_no_other(printed: str, status: str) -> None:
    mou = {**atd.load_mous()[0].model_dump(), "status_as_printed": printed, "status": status}
    assert atd.Mou.model_validate(mou).status == status
    other = "in_force" if status != "in_force" else "under_renewal"
    assert _refused(atd.Mou, {**mou, "status": other}) == (
        f"status {other!r} does not match status_as_printed {printed!r}"
    )


# The models' own public names: the base of every record, the error of a rule between fields, and the records of
# where the data comes from (defined apart, in _records/provenance.py, and models as much as the others).
def test_the_models_module_names_its_base_its_error_and_the_provenance_records() -> None:
    from asean_tip_data import models

    assert models.__all__ == ["Broken", "CaseStatement", "Erratum", "PlacementSource", "Record", "Source"]
    namespace: dict[str, Any] = {}
    exec("from asean_tip_data.models import *", namespace)  # what a star import gives
    assert {name for name in namespace if not name.startswith("__")} == set(models.__all__)
    assert namespace["Broken"] is Broken and issubclass(namespace["Record"], pydantic.BaseModel)


# Each model defined in models.py with a row of its resource as bundled, read with csv and typed by the descriptor
# (the csv_records fixture), never through the package's loader.
MODEL_OF: dict[str, type[atd.Record]] = {
    "countries": atd.Country,
    "trafficking_cases": atd.TraffickingCases,
    "trafficking_suspects": atd.TraffickingSuspects,
    "liaison_officers": atd.LiaisonOfficer,
    "meetings": atd.Meeting,
    "mous": atd.Mou,
    "strategies": atd.Strategy,
    "strategy_roles": atd.StrategyRole,
    "challenges": atd.Challenge,
    "tip_tiers": atd.TipTier,
    "tip_tier_placements": atd.TipTierPlacement,
    "glossary": atd.GlossaryTerm,
}


# The kinds of error these tests meet, said from pydantic's error type and its context in words written here,
# so that a pydantic that words its messages otherwise cannot fail them; any other kind keeps pydantic's words.
SAID = {
    "string_pattern_mismatch": "String should match pattern '{pattern}'",
    "greater_than_equal": "Input should be greater than or equal to {ge}",
    "literal_error": "Input should be {expected}",
}


def _errors(model: type[atd.Record], row: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """Return where and why pydantic refuses ``row`` ([] if it passes)."""
    try:
        model.model_validate(row)
    except pydantic.ValidationError as refused:
        return [
            (e["loc"], SAID[e["type"]].format(**e["ctx"]) if e["type"] in SAID else e["msg"]) for e in refused.errors()
        ]
    return []


# One field's constraint, its nearest breach refused in pydantic's words and its nearest valid value accepted.
# Row 0 of each resource: BRN (096, BN); 2016's cases; Table 3 row 1; the 1st AMMTC; challenge laws_and_policies;
# BRN's placement in the 2016 report; the 1st MoU.
BOUNDS = [
    ("countries", "iso2", "BRN", "BN", "String should match pattern '^[A-Z]{2}$'"),
    ("countries", "iso2", "bn", "ZZ", "String should match pattern '^[A-Z]{2}$'"),
    ("countries", "iso2", "B", "BN", "String should match pattern '^[A-Z]{2}$'"),
    ("countries", "numeric_code", "96", "096", "String should match pattern '^[0-9]{3}$'"),
    ("countries", "numeric_code", "0960", "999", "String should match pattern '^[0-9]{3}$'"),
    ("countries", "numeric_code", "09a", "000", "String should match pattern '^[0-9]{3}$'"),
    ("countries", "iso3", "BR", "BRN", "String should match pattern '^[A-Z]{3}$'"),
    ("countries", "source_id", "-iso", "iso-3166-1", "String should match pattern '^[a-z0-9][a-z0-9-]*$'"),
    ("challenges", "challenge_id", "Laws", "laws", "String should match pattern '^[a-z][a-z_]*$'"),
    ("challenges", "challenge_id", "_laws", "l_", "String should match pattern '^[a-z][a-z_]*$'"),
    ("challenges", "challenge_id", "laws-and", "laws_and", "String should match pattern '^[a-z][a-z_]*$'"),
    ("tip_tier_placements", "report_year", 1999, 2000, "Input should be greater than or equal to 2000"),
    ("trafficking_cases", "year", 1899, 1900, "Input should be greater than or equal to 1900"),
    ("trafficking_cases", "cases", -1, 0, "Input should be greater than or equal to 0"),
    ("trafficking_suspects", "suspects", -1, 0, "Input should be greater than or equal to 0"),
    ("liaison_officers", "officer_id", 0, 1, "Input should be greater than or equal to 1"),
    ("liaison_officers", "table_row", 0, 1, "Input should be greater than or equal to 1"),
    ("meetings", "number", 0, 1, "Input should be greater than or equal to 1"),
    ("mous", "mou_id", 0, 1, "Input should be greater than or equal to 1"),
    ("tip_tiers", "severity", 0, 1, "Input should be greater than or equal to 1"),
    ("challenges", "sequence", 0, 1, "Input should be greater than or equal to 1"),
    ("strategies", "strategy_id", "Cross", "cross", "String should match pattern '^[a-z][a-z_]*$'"),
    (
        "trafficking_cases",
        "note_source_ids",
        "tip-2017-indonesia  kemlu-2024",
        "tip-2017-indonesia kemlu-2024",
        "String should match pattern '^[a-z0-9][a-z0-9-]*( [a-z0-9][a-z0-9-]*)*$'",
    ),
]


@pytest.mark.parametrize(("name", "field", "refused", "accepted", "message"), BOUNDS)
def test_each_field_s_constraint_refuses_its_nearest_breach_and_accepts_its_nearest_valid_value(
    name: str, field: str, refused: Any, accepted: Any, message: str, csv_records: Any
) -> None:
    model, row = MODEL_OF[name], csv_records(name)[0]
    assert _errors(model, {**row, field: refused}) == [((field,), message)]
    assert getattr(model.model_validate({**row, field: accepted}), field) == accepted


# Every closed list of codes in models.py, written out: each code passes, and a near miss is refused naming them.
CODES = [
    ("liaison_officers", "position", ["ATPOL", "STAFNISPOL"], "atpol"),
    ("liaison_officers", "rank", ["Kombes Pol.", "AKBP"], "Kombes Pol"),
    ("liaison_officers", "mission_type", ["embassy", "consulate_general"], "consulate"),
    ("meetings", "forum", ["AMMTC", "SOMTC"], "AMM"),
    ("mous", "status", ["in_force", "under_renewal", "in_preparation"], "lapsed"),
    ("mous", "status_as_printed", ["Applicable", "On Extension", "In the Making"], "applicable"),
    ("strategies", "scope", ["joint", "internal"], "Joint"),
    ("strategy_roles", "actor", ["ASEANAPOL", "POLRI"], "Polri"),
    ("tip_tiers", "tier", ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"], "Tier 4"),
    ("tip_tiers", "map_colour", ["green", "yellow", "orange", "red"], "Green"),
    ("tip_tier_placements", "tier", ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"], "Tier 2 watch list"),
    ("tip_tier_placements", "placement_change", ["remained", "upgraded", "downgraded"], "new"),
    (
        "tip_tier_placements",
        "evidence",
        ["report_text", "next_report_text", "two_sources", "one_source"],
        "three_sources",
    ),
    ("trafficking_cases", "ministry_statement", ["confirms", "conflicting", "contradicts", "qualifies"], "confirm"),
]
# A MoU's status and its printed status go together (Appendix 3's three statuses).
MOU_PAIRS = {"in_force": "Applicable", "under_renewal": "On Extension", "in_preparation": "In the Making"}


@pytest.mark.parametrize(("name", "field", "codes", "near_miss"), CODES)
def test_each_closed_list_of_codes_passes_its_codes_and_refuses_a_near_miss_naming_them(
    name: str, field: str, codes: list[str], near_miss: str, csv_records: Any
) -> None:
    model = MODEL_OF[name]
    # 2023's count has a note, so a ministry statement may stand beside it (row 7 of trafficking_cases).
    row = csv_records(name)[7 if name == "trafficking_cases" else 0]
    for code in codes:
        paired = {"status_as_printed": MOU_PAIRS[code]} if (name, field) == ("mous", "status") else {}
        paired |= {"status": {v: k for k, v in MOU_PAIRS.items()}[code]} if field == "status_as_printed" else {}
        assert getattr(model.model_validate({**row, field: code, **paired}), field) == code
    listed = ", ".join(repr(c) for c in codes[:-1]) + f" or {codes[-1]!r}"
    assert _errors(model, {**row, field: near_miss}) == [((field,), f"Input should be {listed}")]


# The fields that may be empty, by resource, as the descriptor's meaning gives them: a place the article does not
# print, a note only some rows carry, a degree or a region not every officer or post has.
NULLABLE = {
    "countries": {"article_ref"},
    "trafficking_cases": {"ministry_statement", "note", "note_indonesian", "note_source_ids"},
    "trafficking_suspects": set(),
    "liaison_officers": {"degrees", "region"},
    "meetings": {
        "name_as_printed",
        "chair_as_printed",
        "dates_as_printed",
        "city",
        "venue_as_printed",
        "note",
        "note_indonesian",
        "note_source_ids",
        "article_ref",
    },
    "mous": set(),
    "strategies": set(),
    "strategy_roles": set(),
    "challenges": set(),
    "tip_tiers": set(),
    "tip_tier_placements": {"note", "note_indonesian", "article_ref"},
    "glossary": {"article_ref"},
}


@pytest.mark.parametrize("name", list(MODEL_OF))
def test_only_the_fields_that_may_be_empty_take_none(name: str, csv_records: Any) -> None:
    model, row = MODEL_OF[name], csv_records(name)[0]
    assert list(model.model_fields) == list(row)  # every field of the CSV file's header, in order
    took_none = set()
    for field in row:
        # A rule between fields may refuse the row as a whole (loc ()); only the field's own type is asked here.
        if not [loc for loc, _ in _errors(model, {**row, field: None}) if loc == (field,)]:
            took_none.add(field)
    assert took_none == NULLABLE[name]


PRINTED = ["name_as_printed", "chair_as_printed", "dates_as_printed", "venue_as_printed", "article_ref"]


@pytest.mark.parametrize("field", PRINTED)
def test_a_printed_meeting_missing_any_one_printed_field_is_refused(field: str) -> None:
    printed = _meeting(1)  # Appendix 1, row 1: every field as printed, and its article_ref
    assert _refused(atd.Meeting, {**printed, field: None}) == (
        "the fields as printed and article_ref are given together or not at all"
    )


@pytest.mark.parametrize("field", PRINTED)
def test_a_meeting_held_since_the_article_given_any_one_printed_field_is_refused(field: str) -> None:
    later = _meeting(19)  # no field as printed, no article_ref
    assert all(later[f] is None for f in PRINTED)
    assert _refused(atd.Meeting, {**later, field: "Appendix 1, row 19"}) == (
        "the fields as printed and article_ref are given together or not at all"
    )


@pytest.mark.parametrize("field", ["note", "note_indonesian", "note_source_ids"])
def test_a_meeting_held_since_the_article_missing_any_one_part_of_its_note_is_refused(field: str) -> None:
    assert _refused(atd.Meeting, {**_meeting(19), field: None}) == (
        "note, note_indonesian and note_source_ids are given for a meeting exactly when it is not printed"
    )


@pytest.mark.parametrize(
    "part",
    [
        {"note": "Held."},
        {"note_source_ids": "asean-secretariat-2024"},
        {"note": "Held.", "note_indonesian": "Diadakan."},
    ],
    ids=["note alone", "sources alone", "note without sources"],
)
def test_a_printed_meeting_with_part_of_a_note_is_refused(part: dict[str, str]) -> None:
    assert _refused(atd.Meeting, {**_meeting(1), **part}) == (
        "note, note_indonesian and note_source_ids are given for a meeting exactly when it is not printed"
    )


def test_a_meeting_online_without_a_city_and_one_in_a_city_not_online_both_pass() -> None:
    first = _meeting(1)  # Manila, in person
    assert atd.Meeting.model_validate(first).city == "Manila"
    online = atd.Meeting.model_validate({**first, "online": True, "city": None})
    assert (online.online, online.city) == (True, None)


def test_a_meeting_ending_the_day_after_it_starts_passes_and_the_day_before_is_refused_naming_both_days() -> None:
    later = _meeting(19)  # 8 to 12 September 2025
    assert later["start_date"] == datetime.date(2025, 9, 8)
    two_days = atd.Meeting.model_validate({**later, "end_date": datetime.date(2025, 9, 9)})
    assert two_days.end_date == datetime.date(2025, 9, 9)
    early = {**later, "end_date": datetime.date(2025, 9, 7)}
    assert _refused(atd.Meeting, early) == "end_date 2025-09-07 is before start_date 2025-09-08"
