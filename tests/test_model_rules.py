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
