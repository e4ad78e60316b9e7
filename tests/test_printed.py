"""Every cell of the article's tables is in the data, as printed or through an erratum."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

import asean_tip_data as atd

Printed = Callable[[str, atd.Record, str], Any]
Tables = dict[str, list[list[str]]]


def _plain(cell: str) -> str:
    """Drop the conversion's markup: <sup>nd</sup> joins its number, <i>/<b> go."""
    return re.sub(r"</?[ib]>", "", re.sub(r" <sup>(\w+)</sup>", r"\1", cell))


def test_fixture_has_every_table(printed_tables: Tables) -> None:
    assert list(printed_tables) == ["Table 1", "Table 2", "Table 3", *(f"Appendix {n}" for n in range(1, 5))]


def test_table_1_cases(printed_tables: Tables) -> None:
    header, *rows = printed_tables["Table 1"]
    assert header == ["YEAR", "NUMBER OF CASES"]
    records = atd.load_trafficking_cases()
    assert [(str(r.year), str(r.cases)) for r in records] == [tuple(row) for row in rows]
    assert [r.article_ref for r in records] == [f"Table 1, row {i}" for i in range(1, len(rows) + 1)]


def test_table_2_suspects_printed_with_years_as_columns(printed_tables: Tables) -> None:
    years, suspects = printed_tables["Table 2"]
    records = atd.load_trafficking_suspects()
    assert [str(r.year) for r in records] == years[1:]
    assert [str(r.suspects) for r in records] == suspects[1:]
    assert [r.article_ref for r in records] == ["Table 2, column 1", "Table 2, column 2", "Table 2, column 3"]


def test_table_3_officers(printed_tables: Tables, as_printed: Printed) -> None:
    _, *rows = printed_tables["Table 3"]
    officers = atd.load_liaison_officers()
    assert {o.table_row for o in officers} == set(range(1, len(rows) + 1))
    for number, name_cell, position, placement in rows:
        row = int(number.rstrip("."))
        people = [o for o in officers if o.table_row == row]
        assert people, row
        for officer in people:
            assert officer.article_ref == f"Table 3, row {row}"
            assert officer.position == position
            assert officer.placement_as_printed == placement
            # A cell naming two people is split by an erratum that keeps the whole cell.
            assert as_printed("liaison_officers", officer, "full_name_as_printed") == name_cell
            assert officer.full_name_as_printed in name_cell
            printed_city = as_printed("liaison_officers", officer, "city")
            assert f" {printed_city}," in f" {placement}"
            assert officer.name in officer.full_name_as_printed
        assert " ".join(o.full_name_as_printed for o in people) == name_cell


@pytest.mark.parametrize(("appendix", "forum"), [("Appendix 1", "AMMTC"), ("Appendix 2", "SOMTC")])
def test_appendix_1_and_2_meetings(printed_tables: Tables, appendix: str, forum: str, as_printed: Printed) -> None:
    header, *rows = printed_tables[appendix]
    assert header == ["No.", f"{forum} Forum", f"{forum} Chair", "Organizing"]
    # The meetings the appendix prints: those held since the article have no place in it.
    meetings = [m for m in atd.load_meetings() if m.forum == forum and m.article_ref is not None]
    after_note = False
    printed_rows = []
    for cells in rows:
        if cells[0].startswith("<i>Since 1 January 2021"):
            after_note = True
            continue
        printed_rows.append((cells, after_note))
    assert len(meetings) == len(printed_rows)
    for index, (meeting, ((number, name, chair, organizing), note)) in enumerate(
        zip(meetings, printed_rows, strict=True), 1
    ):
        assert meeting.article_ref == f"{appendix}, row {index}"
        printed_number = as_printed("meetings", meeting, "number")
        assert (printed_number if isinstance(printed_number, str) else f"{printed_number}.") == number
        assert meeting.name_as_printed == _plain(name)
        assert meeting.chair_as_printed == chair
        assert f"{meeting.dates_as_printed} {meeting.venue_as_printed}" == _plain(organizing)
        assert meeting.chair_follows_asean_chairmanship is note


def test_appendix_3_mous(printed_tables: Tables, as_printed: Printed) -> None:
    rows = printed_tables["Appendix 3"]
    mous = atd.load_mous()
    assert len(mous) == len(rows)
    for mou, (number, country, title, parties, status) in zip(mous, rows, strict=True):
        assert f"{mou.mou_id}." == number
        assert mou.article_ref == f"Appendix 3, row {mou.mou_id}"
        assert mou.country_as_printed == country
        assert mou.title == title
        assert as_printed("mous", mou, "parties") == parties
        assert mou.status_as_printed == _plain(status)


def test_appendix_4_strategies_and_actors(printed_tables: Tables, as_printed: Printed) -> None:
    _, *rows = printed_tables["Appendix 4"]
    joint = [s for s in atd.load_strategies() if s.scope == "joint"]
    roles = atd.load_strategy_roles()
    assert len(rows) == len(roles) == 2 * len(joint)
    strategy = None
    for (number, actor, name, _role), role in zip(rows, roles, strict=True):
        if number:  # the merged Strategy cell is printed on the first actor's line only
            strategy = joint[int(number) - 1]
            assert strategy.sequence == int(number)
            assert as_printed("strategies", strategy, "name") == name
        assert strategy is not None
        assert role.strategy_id == strategy.strategy_id
        assert role.actor_as_printed == actor
        assert role.article_ref.startswith(f"Appendix 4, row {strategy.sequence}, ")
