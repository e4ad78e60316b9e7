"""A field that follows from another table's rows is refused, on any copy, where it claims more or less than they show.

A placement's `evidence` follows from its pages in `placement_sources`; a year's `ministry_statement` from the
ministry's rows in `case_statements`. Each copy below changes one row; `validate` refuses it with one message that
names the file, the row and the field of what no longer follows, and every command refuses it too.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import SimpleNamespace

import pytest

import asean_tip_data as atd
from asean_tip_data._gate.rules import evidence, ministry_statement
from asean_tip_data.cli import main


def _rewrite(copy: Path, name: str, keep: object) -> list[dict[str, str]]:
    """Rewrite one table of the copy with the rows ``keep`` returns; return the rows it dropped."""
    path = copy / "resources" / f"{name}.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    kept = keep(rows)  # type: ignore[operator]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(kept)
    path.write_text(out.getvalue(), encoding="utf-8")
    return [r for r in rows if r not in kept]


def _row_of(name: str, **key: object) -> int:
    """Return the row number (the header is row 1) of the bundled record with ``key``."""
    for number, record in enumerate(atd.load(name), start=2):
        if all(getattr(record, k) == v for k, v in key.items()):
            return number
    raise AssertionError(key)


def test_a_placement_whose_only_report_text_page_is_removed_is_refused(copy: Path) -> None:
    # Indonesia 2024 rests on one page of the report's text (ecoi.net) and on news: without that page it is known
    # from news publishers alone, and `report_text` says more than its pages show.
    dropped = _rewrite(
        copy,
        "placement_sources",
        lambda rows: [
            r
            for r in rows
            if not (r["country_iso3"] == "IDN" and r["report_year"] == "2024" and r["kind"] == "report_text")
        ],
    )
    assert len(dropped) == 1
    row = _row_of("tip_tier_placements", country_iso3="IDN", report_year=2024)
    (problem,) = atd.validate(copy)
    assert problem == (
        f"{copy / 'resources' / 'tip_tier_placements.csv'}: row {row}: field 'evidence': 'report_text' does not "
        "follow from its rows in 'placement_sources', which give 'two_sources'"
    )
    result = _cli("summary", "--datapackage", str(copy))
    assert result == 1


def test_a_placement_with_no_page_at_all_is_refused(copy: Path) -> None:
    _rewrite(copy, "placement_sources", lambda rows: [r for r in rows if r["country_iso3"] != "SGP"])
    (problem,) = atd.validate(copy)
    row = _row_of("tip_tier_placements", country_iso3="SGP", report_year=2016)
    assert f"tip_tier_placements.csv: row {row}: field 'evidence': 'next_report_text' does not follow" in problem
    assert problem.endswith("which give no value")


def test_an_evidence_code_that_claims_more_than_the_pages_is_refused(copy: Path) -> None:
    _rewrite(
        copy,
        "tip_tier_placements",
        lambda rows: [
            {**r, "evidence": "report_text"} if (r["country_iso3"], r["report_year"]) == ("THA", "2022") else r
            for r in rows
        ],
    )
    (problem,) = atd.validate(copy)
    assert "'report_text' does not follow from its rows in 'placement_sources', which give 'two_sources'" in problem


def test_a_ministry_statement_the_statements_do_not_give_is_refused(copy: Path) -> None:
    # Without the other official's 900, the ministry's statements on 2022 agree: it is no longer conflicting.
    _rewrite(copy, "case_statements", lambda rows: [r for r in rows if r["value"] != "900"])
    (problem,) = atd.validate(copy)
    row = _row_of("trafficking_cases", year=2022)
    assert problem == (
        f"{copy / 'resources' / 'trafficking_cases.csv'}: row {row}: field 'ministry_statement': 'conflicting' does "
        "not follow from its rows in 'case_statements', which give 'confirms'"
    )


def test_a_statement_that_is_not_the_ministry_s_gives_no_ministry_statement(copy: Path) -> None:
    _rewrite(
        copy,
        "trafficking_cases",
        lambda rows: [{**r, "ministry_statement": "qualifies"} if r["year"] == "2016" else r for r in rows],
    )
    (problem,) = atd.validate(copy)
    assert "field 'ministry_statement': 'qualifies' does not follow" in problem and problem.endswith("no value")


def _cli(*args: str) -> int:
    return main(list(args))


def _page(kind: str, family: str) -> SimpleNamespace:
    return SimpleNamespace(kind=kind, source_family=family)


# Each branch of the rule as the descriptor's description of placement_sources words it: `report_text` where a
# page of that year's report text was read; else `next_report_text` where the next year's narrative was; else
# `two_sources` where at least two source families give it in pages other than the report's text; else
# `one_source`. A report page that does not show its year is the report's text, and no family of its own.
@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        pytest.param([], None, id="no page"),
        pytest.param([_page("news", "a"), _page("report_text", "us-state")], "report_text", id="report text"),
        pytest.param(
            [_page("next_report_text", "us-state"), _page("report_text", "us-state")],
            "report_text",
            id="this year first",
        ),
        pytest.param(
            [_page("news", "a"), _page("government_statement", "b"), _page("next_report_text", "us-state")],
            "next_report_text",
            id="next year's narrative before two families",
        ),
        pytest.param([_page("news", "a"), _page("government_statement", "b")], "two_sources", id="two families"),
        pytest.param([_page("news", "a"), _page("news", "a")], "one_source", id="two pages of one family"),
        pytest.param([_page("reference", "c")], "one_source", id="one page"),
        pytest.param(
            [_page("report_text_undated", "us-state"), _page("news", "a")],
            "one_source",
            id="undated report, one family",
        ),
        pytest.param(
            [_page("report_text_undated", "us-state"), _page("news", "a"), _page("news", "b")],
            "two_sources",
            id="undated report, two families",
        ),
    ],
)
def test_evidence_follows_the_pages_as_the_descriptor_says(pages: list[SimpleNamespace], expected: str | None) -> None:
    assert evidence(None, pages) == expected


def _said(value: int, unit: str = "cases", by_ministry: bool = True) -> SimpleNamespace:
    return SimpleNamespace(value=value, unit=unit, by_ministry=by_ministry)


# What the ministry has said of a printed count of 752, as the descriptor words `ministry_statement`: only the
# statements of the ministry Table 1 credits count.
@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        pytest.param([], None, id="nothing said"),
        pytest.param([_said(900, by_ministry=False)], None, id="not the ministry s"),
        pytest.param([_said(752), _said(752), _said(900, by_ministry=False)], "confirms", id="the same, twice"),
        pytest.param([_said(752), _said(900)], "conflicting", id="the same and another"),
        pytest.param([_said(752, unit="victims")], "qualifies", id="the same number of victims"),
        pytest.param([_said(752, unit="victims"), _said(900)], "qualifies", id="victims and another number"),
        pytest.param([_said(900), _said(361)], "contradicts", id="other numbers"),
    ],
)
def test_ministry_statement_follows_the_ministry_s_own_statements(
    statements: list[SimpleNamespace], expected: str | None
) -> None:
    assert ministry_statement(SimpleNamespace(cases=752), statements) == expected


@pytest.mark.parametrize("name", ["tip_tier_placements", "placement_sources", "trafficking_cases", "case_statements"])
def test_neither_table_of_a_rule_is_handed_out_when_the_rule_fails(copy: Path, name: str) -> None:
    # Each table of a broken pair is refused with the same message, whichever of the two is asked for first.
    _rewrite(copy, "placement_sources", lambda rows: [r for r in rows if r["country_iso3"] != "SGP"])
    _rewrite(copy, "case_statements", lambda rows: [r for r in rows if r["value"] != "900"])
    table = "tip_tier_placements" if name in ("tip_tier_placements", "placement_sources") else "trafficking_cases"
    with pytest.raises(atd.DataError, match=f"{table}.csv: row [0-9]+: field '[a-z_]+': .* does not follow"):
        atd.load(name, copy)
