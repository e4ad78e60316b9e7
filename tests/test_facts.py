"""Nothing about the data is written by hand: every count, date and coverage a file states is the data's own.

The expectations come from the article and the reference files (the `coverage` fixture), or from the
data loaded here; each file is read as its readers read it (YAML, JSON, text).
"""

from __future__ import annotations

import csv
import datetime
import json
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import asean_tip_data as atd
from asean_tip_data._catalogue.facts import facts

FIXTURES = Path(__file__).parent / "fixtures"


def _released(root: Path) -> str:
    """Return this version's day, as the changelog's heading for it gives it."""
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    found = re.search(rf"^## \[{re.escape(atd.__version__)}\] - (\d{{4}}-\d{{2}}-\d{{2}})$", changelog, re.MULTILINE)
    assert found is not None
    return found[1]


def test_the_period_the_data_covers_runs_from_the_first_meeting_to_the_latest_meeting_or_report(
    coverage: tuple[str, str],
) -> None:
    about = facts()
    assert about.start is not None and about.end is not None
    assert (str(about.start), str(about.end)) == coverage
    # No earlier than the end of any meeting or of any report's period in the data.
    ends = [m.end_date for m in atd.load_meetings()] + [s.period_end for s in atd.load_sources() if s.period_end]
    assert about.end == max(ends)


def test_every_report_covers_april_to_march_as_the_reference_gives_it() -> None:
    reports = [s for s in atd.load_sources() if s.kind == "report"]
    assert len(reports) == 11
    for report in reports:
        assert report.year is not None and report.period_start and report.period_end, report.source_id
        assert (report.period_start.isoformat(), report.period_end.isoformat()) == (
            f"{report.year - 1}-04-01",
            f"{report.year}-03-31",
        )


def test_the_release_date_is_one_day_everywhere(root: Path, descriptor: dict[str, Any]) -> None:
    day = _released(root)
    assert descriptor["created"][:10] == day == facts().released
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    assert (str(cff["date-released"]), cff["version"]) == (day, atd.__version__)
    croissant = json.loads((root / "croissant.json").read_text(encoding="utf-8"))
    assert (croissant["datePublished"], croissant["dateModified"], croissant["version"]) == (day, day, atd.__version__)
    assert json.loads((root / ".zenodo.json").read_text(encoding="utf-8"))["version"] == atd.__version__


def test_croissant_states_the_period_the_data_covers(root: Path, coverage: tuple[str, str]) -> None:
    croissant = json.loads((root / "croissant.json").read_text(encoding="utf-8"))
    assert croissant["temporalCoverage"] == "/".join(coverage)


def test_the_descriptor_s_years_are_the_data_s(descriptor: dict[str, Any]) -> None:
    years = sorted({p.report_year for p in atd.load_tip_tier_placements()})
    stated = f"{years[0]}-{years[-1]}"
    assert f"TIP Reports of {stated}" in descriptor["description"]
    assert f"{years[0]}\u2013{years[-1]}" in descriptor["description_translated"]["id"]


def test_readme_states_the_data_s_counts(root: Path, script: Callable[[str], ModuleType]) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    glance = readme.split("<!-- at-a-glance:start", 1)[1].split("<!-- at-a-glance:end -->", 1)[0]
    rows = dict(re.findall(r"^\| `(\w+)` \| [^|]* \| (\d+) \|$", glance, re.MULTILINE))
    assert {name: int(count) for name, count in rows.items()} == {n: len(atd.load(n)) for n in atd.resource_names()}
    # The JavaScript example's output, as its comment shows it.
    clients = (root / "docs" / "clients.md").read_text(encoding="utf-8")
    shown = re.search(r"// (\{.*\})$", clients, re.MULTILINE)
    assert shown is not None
    for name, count in re.findall(r'"(\w+)":(\d+)', shown[1]):
        assert int(count) == len(atd.load(name)), name
    assert glance.count("|") > 16 * 4 and script("build_readme").glance(root) in readme


def test_readme_names_the_tables_whose_rows_carry_no_source_id(root: Path, descriptor: dict[str, Any]) -> None:
    # Prose review 3, I6: the README said every row names its source_id; two tables have no such field.
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"its `source_id` \(except in (.+?), themselves sources and corrections\)", readme)
    assert said is not None
    exempt = set(re.findall(r"`(\w+)`", said[1]))
    without = {
        r["name"] for r in descriptor["resources"] if "source_id" not in {f["name"] for f in r["schema"]["fields"]}
    }
    assert without == {"placement_sources", "errata"} and exempt == without | {"sources"}
    for resource in descriptor["resources"]:
        if resource["name"] not in exempt:
            with (root / resource["path"]).open(encoding="utf-8", newline="") as f:
                cells = [row["source_id"] for row in csv.DictReader(f)]
            assert cells and all(cells), resource["name"]


def _families() -> set[str]:
    with (FIXTURES / "tip-tier-sources.csv").open(encoding="utf-8", newline="") as f:
        return {row["source_family"] for row in csv.DictReader(f)}


def test_licence_file_is_the_data_s_and_credits_every_publisher_read(
    root: Path, script: Callable[[str], ModuleType]
) -> None:
    text = (root / "LICENSE-DATA").read_text(encoding="utf-8")
    assert script("build_license").render(root) == text, "run python scripts/build_license.py"
    flat = " ".join(text.split())
    families = _families()
    assert f"comes from {len(families)} source families" in flat and all(family in flat for family in families)
    publishers = {page.publisher for page in atd.load_placement_sources()}
    assert f"were published by {len(publishers)} publishers" in flat and all(p in flat for p in publishers)
    assert f"The {len(atd.load_placement_sources())} pages" in flat
    assert f"resources/errata.csv ({len(atd.load_errata())} rows)" in flat
    # News pages are never called U.S. government works.
    assert "works of the U.S. government; of the pages of the" in flat
    for source in atd.load_sources():
        if source.kind in ("report", "news", "webpage"):
            assert " ".join(source.citation.split()) in flat, source.source_id


def _reference(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_figures_the_descriptions_give_are_the_data_s(descriptor: dict[str, Any]) -> None:
    resources = {r["name"]: r for r in descriptor["resources"]}
    text = resources["case_statements"]["description"]
    said: dict[int, list[int]] = {}
    for s in atd.load_case_statements():
        said.setdefault(s.year, []).append(s.value)
    printed = {c.year: c.cases for c in atd.load_trafficking_cases()}
    assert said[2021] == [361, 361] and "2021 (361, twice)" in text
    (breakdown,) = [r["quote"] for r in _reference("kemlu-tppo-statements.csv") if r["value"] == "900"]
    parts = [int(n) for n in re.findall(r"(\d+) kasus (?:berasal|di)", breakdown)]  # 637, 245 and 107
    assert sorted(said[2022]) == [752, 752, 900] and f"900 ({sum(parts)} by its breakdown)" in text
    assert said[2023] == [798] and f"gave 798 against the printed {printed[2023]}" in text
    assert said[2016] == [printed[2016]] == [478] and "the same number, 478" in text
    silent = [year for year in printed if year not in said]
    assert f"None was found for {silent[0]} to {silent[-1]}" in text and silent == list(
        range(silent[0], silent[-1] + 1)
    )
    meetings = resources["meetings"]["description"]
    (later,) = [m for m in atd.load_meetings() if m.article_ref is None]
    month = later.start_date.strftime("%B %Y")
    assert f"the {later.number}th {later.forum} ({later.city}, {month})" in meetings
    (left_out,) = [r for r in _reference("meetings-after-the-article.csv") if r["not_added"]]
    assert f"The {left_out['number']}th {left_out['forum']} ({left_out['city']}, June 2025) is known too" in meetings


def _csv_rows(root: Path, name: str) -> list[dict[str, str]]:
    with (root / "resources" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_each_fact_of_the_bundled_data_is_the_files_own(
    root: Path, descriptor: dict[str, Any], row_totals: dict[str, int], coverage: tuple[str, str]
) -> None:
    about = facts()
    assert about.version == descriptor["version"] == atd.__version__
    assert about.released == descriptor["created"][:10] and len(about.released) == 10
    assert about.article == descriptor["sources"][0]["version"]  # the day the article was published
    assert about.start is not None and about.end is not None
    assert (str(about.start), str(about.end)) == coverage
    # Every table's rows, in the descriptor's order, as counted by hand; the pages are placement_sources' rows.
    assert list(about.rows) == [r["name"] for r in descriptor["resources"]]
    assert dict(about.rows) == row_totals and about.pages == row_totals["placement_sources"] == 344
    # Each kind of source with the citations of that kind, in the order sources.csv lists them.
    kinds: dict[str, tuple[str, ...]] = {}
    for source in _csv_rows(root, "sources"):
        kinds[source["kind"]] = (*kinds.get(source["kind"], ()), source["citation"])
    assert dict(about.sources) == kinds
    assert list(about.sources) == ["article", "credited", "standard", "editorial", "webpage", "report", "news"]
    assert len(about.sources["report"]) == 11 and len(about.sources["news"]) == 6
    # The TIP Reports of 2016 to 2025, and the one meeting held since the article: the 19th AMMTC (Melaka, 2025).
    assert about.report_years == (2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025)
    assert about.later_meetings == ("AMMTC 19",)


def test_the_source_families_come_most_used_first_then_by_name_and_the_us_government_s_are_named(root: Path) -> None:
    pages = _csv_rows(root, "placement_sources")
    placed: dict[str, set[tuple[str, str]]] = {}
    for page in pages:
        placed.setdefault(page["source_family"], set()).add((page["country_iso3"], page["report_year"]))
    counts = {family: len(placements) for family, placements in placed.items()}
    about = facts()
    assert set(about.families) == set(counts) and len(about.families) == len(counts)
    # Most placements first; families that give as many, in alphabetical order.
    order = [(-counts[f], f) for f in about.families]
    assert order == sorted(order)
    assert about.families[0] == "U.S. Department of State (report text)"
    # Of these, the pages whose words are the U.S. government's, in the same order (LICENSE-DATA's public domain).
    assert about.government_families == (
        "U.S. Department of State (report text)",
        "CIA World Factbook",
        "U.S. Department of State (waiver memorandum)",
    )
    assert about.publishers == tuple(sorted({page["publisher"] for page in pages}))


def test_a_copy_states_its_own_facts_and_none_it_does_not_have(
    copy: Path,
    cells_of: Callable[..., list[list[str]]],
    write_cells: Callable[[Path, str, list[list[str]]], Path],
    coverage: tuple[str, str],
) -> None:
    # A copy: made on another day, its descriptor naming no source; no meeting, and no report's period.
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    del descriptor["sources"]
    descriptor["created"] = "2027-01-02T03:04:05Z"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    about = facts(copy)
    assert (about.released, about.article) == ("2027-01-02", "")
    assert (str(about.start), str(about.end)) == coverage
    write_cells(copy, "meetings", cells_of("meetings", copy)[:1])
    assert facts(copy).start == datetime.date(2015, 4, 1)  # the 2016 report's period: April 2015 to March 2016
    # The latest report's period ends it, as sources.csv gives its period (April to March).
    header, *sources = cells_of("sources", copy)
    latest = max(row[header.index("period_end")] for row in sources if row[header.index("kind")] == "report")
    assert str(facts(copy).end) == latest
    assert (facts(copy).later_meetings, facts(copy).rows["meetings"]) == ((), 0)
    # One more placement, from the 2000 report (the earliest the model takes): the years run in order, whatever a
    # set's order would be.
    placements = cells_of("tip_tier_placements", copy)
    year = placements[0].index("report_year")
    assert placements[1][:2] == ["BRN", "2016"]
    placements.append([*placements[1][:year], "2000", *placements[1][year + 1 :]])
    write_cells(copy, "tip_tier_placements", placements)
    pages = cells_of("placement_sources", copy)  # with the pages that give Brunei's 2016 placement, as given for 2000
    year, country = pages[0].index("report_year"), pages[0].index("country_iso3")
    pages += [[*p[:year], "2000", *p[year + 1 :]] for p in pages[1:] if (p[country], p[year]) == ("BRN", "2016")]
    write_cells(copy, "placement_sources", pages)
    assert facts(copy).report_years == (2000, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025)
    sources = cells_of("sources", copy)
    for line in sources[1:]:
        line[sources[0].index("period_start")] = line[sources[0].index("period_end")] = ""
    write_cells(copy, "sources", sources)
    assert (facts(copy).start, facts(copy).end) == (None, None)  # nothing dated left


@pytest.mark.parametrize(
    ("resource", "row", "field", "day", "fact"),
    [
        ("meetings", 2, "start_date", "1990-01-01", "start"),  # the first AMMTC, moved earlier
        ("meetings", 20, "end_date", "2030-12-31", "end"),  # the 19th AMMTC, ending later
        (
            "sources",
            11,
            "period_start",
            "1980-06-30",
            "start",
        ),  # the 2016 report's period (tip-2016), beginning earlier
        ("sources", 11, "period_end", "2031-01-15", "end"),  # and ending later
    ],
)
def test_the_period_runs_from_the_earliest_to_the_latest_day_of_a_meeting_or_a_report_s_period(
    resource: str,
    row: int,
    field: str,
    day: str,
    fact: str,
    copy: Path,
    cells_of: Callable[..., list[list[str]]],
    write_cells: Callable[[Path, str, list[list[str]]], Path],
) -> None:
    cells = cells_of(resource, copy)
    assert cells[row - 1][0] in ("AMMTC", "tip-2016")
    cells[row - 1][cells[0].index(field)] = day
    write_cells(copy, resource, cells)
    assert getattr(facts(copy), fact) == datetime.date.fromisoformat(day)
