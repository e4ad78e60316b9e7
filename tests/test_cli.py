"""The command line through its real entry points, with exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import yaml

import asean_tip_data as atd

Cli = Callable[..., subprocess.CompletedProcess[str]]
Need = Callable[[object, str, str], None]
ReplaceIn = Callable[[Path, str, str, str], Path]
WriteCells = Callable[[Path, str, list[list[str]]], Path]


@pytest.mark.parametrize("entry", ["script", "module"])
def test_list_names_every_resource_with_its_rows(entry: str, cli: Cli, row_totals: dict[str, int]) -> None:
    result = cli("list", entry=entry)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()[2:]
    listed = {line.split()[0]: int(line.split()[1]) for line in lines}
    assert listed == row_totals


def test_show_csv_is_the_bundled_file(cli: Cli) -> None:
    result = cli("show", "meetings", "--format", "csv")
    assert result.returncode == 0
    bundled = (atd.datapackage_path().parent / "resources" / "meetings.csv").read_text(encoding="utf-8")
    assert result.stdout == bundled


def test_show_json_and_jsonl(cli: Cli) -> None:
    array = json.loads(cli("show", "trafficking_cases", "--format", "json").stdout)
    last = array[-1]
    assert {k: last[k] for k in ("year", "cases", "source_id", "article_ref")} == {
        "year": 2023,
        "cases": 998,
        "source_id": "kemlu-2024",
        "article_ref": "Table 1, row 8",
    }
    assert (last["ministry_statement"], last["note_source_ids"]) == ("contradicts", "tribunnews-2024-05-07")
    assert array[1]["note"] is None  # 2017: no ministry statement found
    lines = cli("show", "meetings", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 42 + 1  # the appendices' meetings, and the 19th AMMTC held since
    assert json.loads(lines[13])["venue_as_printed"] == "Dalam Jejaring Online"
    assert json.loads(lines[13])["city"] is None


def test_show_table_has_a_header_and_a_row_per_record(cli: Cli) -> None:
    out = cli("show", "liaison_officers").stdout.splitlines()
    assert out[0] == "liaison_officers: POLRI liaison officers in Southeast Asia"
    assert out[3].split()[:3] == ["officer_id", "table_row", "position"]  # the names, under the titles
    assert len(out) == 2 + 3 + 11


@pytest.mark.parametrize(("lang", "titles"), [("en", ["Year", "Cases"]), ("id", ["Tahun", "Kasus"])])
def test_show_table_heads_each_column_with_its_title_in_the_language_and_its_name_beneath(
    lang: str, titles: list[str], cli: Cli
) -> None:
    out = cli("show", "trafficking_cases", "--lang", lang).stdout.splitlines()
    assert out[2].split()[:2] == titles and out[3].split()[:2] == ["year", "cases"]
    assert set(out[4]) == {"-", " "} and out[5].split()[:2] == ["2016", "478"]


def test_summary_gives_the_headline_figures(cli: Cli) -> None:
    out = cli("summary").stdout
    assert "2023   998† " + "█" * 40 in out and "2021   361  " in out  # marked where others give another count
    assert "POLRI Attaché (ATPOL)                5  MYS 1, PHL 1, SGP 1, THA 1, TLS 1" in out
    assert "POLRI Technical Staff (STAFNISPOL)   6  MYS 5, PHL 1" in out
    assert "AMMTC  19 meetings, 3 online; first 18 December 1997 (Manila), last 8 September 2025 (Melaka)" in out
    assert "SOMTC  24 meetings, 3 online; first 28 December 2001 (Bangkok), last 24 June 2024 (Vientiane)" in out
    assert "not in the article, from other pages (see its note: asean-tip-data show meetings): AMMTC 19" in out
    assert "in force                   11" in out
    # The tier history: countries by every report the data holds, to the latest, with its legend.
    assert re.search(r"country +2016 +2017 +2018 +2019 +2020 +2021 +2022 +2023 +2024 +2025\n", out)
    # Marked (*) where a placement is known otherwise than from two readings of its own report's narrative.
    assert re.search(r"\n  Indonesia +2 +2 +2 +2 +2 +2 +2W\* +2 +2 +2\*\n", out)
    assert re.search(r"\n  Lao People's Democratic Republic +2W +2W +3 +2W +2 +2 +2 +2 +2W +3\*\n", out)
    assert re.search(r"The latest TIP Report the data holds \(2025\)", out) and re.search(
        r"\n  Lao People's Democratic Republic +Tier 3\* +downgraded", out
    )
    assert "\n  Legend: 1 = Tier 1, 2 = Tier 2, 2W = Tier 2 Watch List, 3 = Tier 3\n" in out  # under the grid
    # Each mark, explained in one line that says where its notes are.
    assert "\n† the ministry, or another source, gives another count" in out and "show trafficking_cases)" in out
    assert "\n* known otherwise than from that year's report text" in out and "show tip_tier_placements)" in out


_GRID_CODES = {"Tier 1": "1", "Tier 2": "2", "Tier 2 Watch List": "2W", "Tier 3": "3"}  # the summary's legend


@pytest.mark.parametrize("lang", ["en", "id"])
def test_summary_s_tiers_are_the_reference_s_placements_in_the_reader_s_words(
    lang: str,
    cli: Cli,
    reference_placements: dict[tuple[str, int], dict[str, str]],
    country_names: dict[str, dict[str, str]],
    pinned: dict[str, Any],
) -> None:
    # Every placement shown (the grid of every report, Figure 1's 2023 and the latest, 2025) against the verified
    # reference files, with the tier and change words of words-pinned.toml; only the English names, used as keys
    # to find each row, are the package's.
    labels, index = pinned["labels"], ("en", "id").index(lang)
    iso3_of = {name: iso3 for iso3, name in country_names[lang].items()}
    lines = cli("summary", "--lang", lang).stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if re.match(r"  \w+ +2016 +2017 ", line))
    header, grid = lines[at], lines[at + 2 : at + 13]
    years = [int(y) for y in header.split()[1:]]
    assert years == list(range(2016, 2026))
    for row in grid:
        iso3 = iso3_of[row[2 : header.index("2016")].strip()]
        cells = [row[header.index(str(y)) :][:4].strip().rstrip("*") for y in years]
        assert cells == [_GRID_CODES[reference_placements[iso3, y]["tier"]] for y in years], row
    assert {iso3_of[row[2 : header.index("2016")].strip()] for row in grid} == {i for i, _ in reference_placements}
    tables = [i for i, line in enumerate(lines) if re.match(r"  -+  -+  -+$", line)]
    assert len(tables) == 2  # Figure 1 (2023), then the latest report (2025)
    for year, at in zip((2023, 2025), tables, strict=True):
        rows = [re.split(r" {2,}", line.strip()) for line in lines[at + 1 : at + 12]]
        assert {iso3_of[name] for name, _, _ in rows} == {i for i, y in reference_placements if y == year}
        for name, tier, change in rows:
            placement = reference_placements[iso3_of[name], year]
            assert tier.rstrip("*") == labels["tier"][placement["tier"]][index], (year, name)
            assert change == labels["placement_change"][placement["placement_change"]][index], (year, name)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_summary_gives_tables_1_2_and_appendix_3_as_printed(
    lang: str, cli: Cli, printed_tables: dict[str, list[list[str]]], pinned: dict[str, Any]
) -> None:
    # Each year's count as Table 1 prints it, its bar in proportion (the largest 40 blocks); Table 2's suspects;
    # Appendix 3's MoUs counted by the status printed, named in the reader's words (words-pinned.toml).
    out = cli("summary", "--lang", lang).stdout
    cases = {int(year): int(count) for year, count in printed_tables["Table 1"][1:]}
    # Blocks of 40 for the largest, 998 (2023), the others rounded in proportion: counted by hand.
    blocks = {2016: 19, 2017: 14, 2018: 7, 2019: 10, 2020: 15, 2021: 14, 2022: 30, 2023: 40}
    for year, count in cases.items():
        assert re.search(rf"\n  {year} +{count}[† ] {'█' * blocks[year]}\n", out), year
    years, counts = printed_tables["Table 2"]
    assert "\n  " + " · ".join(f"{y}: {n}" for y, n in zip(years[1:], counts[1:], strict=True)) + "\n" in out
    codes = {"Applicable": "in_force", "On Extension": "under_renewal", "In the Making": "in_preparation"}
    printed = Counter(codes[re.sub(r"</?b>", "", row[-1])] for row in printed_tables["Appendix 3"])
    for status, count in printed.items():
        named = pinned["labels"]["mou_status"][status][("en", "id").index(lang)]
        assert re.search(rf"\n  {named} +{count}\n", out), status


@pytest.mark.parametrize("lang", ["en", "id"])
def test_summary_is_its_sections_in_order_each_under_its_heading(lang: str, cli: Cli, pinned: dict[str, Any]) -> None:
    # The headings of words-pinned.toml's [summary], each opening a block after an empty line; Table 3's heading
    # counts its 11 officers (the article's table, its sixth row naming two), the latest report is 2025's.
    heading = {key: texts[("en", "id").index(lang)] for key, texts in pinned["summary"].items()}
    blocks = cli("summary", "--lang", lang).stdout.rstrip("\n").split("\n\n")
    expected = [heading[k] for k in ("cases", "suspects")] + [heading["officers"].format(11)]
    expected += [heading[k] for k in ("meetings", "mous", "map")] + [heading["latest"].format(2025), heading["history"]]
    assert [block.splitlines()[0] for block in blocks[:-1]] == expected
    assert blocks[-1].splitlines() == [heading["disputed"].format("†"), heading["noted"].format("*")]  # the marks


def _edit_rows(copy: Path, name: str, edit: Callable[[list[list[str]]], list[list[str]]]) -> None:
    """Rewrite table ``name`` of the copy with the rows (its header first) that ``edit`` returns."""
    path = copy / "resources" / f"{name}.csv"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(edit(list(csv.reader(io.StringIO(path.read_text("utf-8"))))))
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize(("lang", "forum", "other"), [("en", "SOMTC", "AMMTC"), ("id", "AMMTC", "SOMTC")])
def test_summary_says_so_of_a_forum_without_meetings(
    lang: str, forum: str, other: str, copy: Path, cli: Cli, pinned: dict[str, Any]
) -> None:
    # A copy without one forum's rows: its line says there are none, in the reader's language (words-pinned.toml),
    # and the other forum's line still follows.
    _edit_rows(copy, "meetings", lambda rows: [row for row in rows if row[0] != forum])
    result = cli("summary", "--lang", lang, "--datapackage", str(copy))
    assert result.returncode == 0, result.stderr
    assert f"\n  {forum}  {pinned['summary']['none_held'][('en', 'id').index(lang)]}\n" in result.stdout
    assert re.search(rf"\n  {other}  \d+ (meetings|pertemuan), 3 (online|daring); ", result.stdout)


@pytest.mark.parametrize(
    ("lang", "last"), [("en", "last 24 June 2024 (online)"), ("id", "terakhir 24 Juni 2024 (daring)")]
)
def test_summary_names_an_online_meeting_and_every_meeting_the_article_does_not_print(
    lang: str, last: str, copy: Path, cli: Cli, pinned: dict[str, Any]
) -> None:
    # The 24th SOMTC made online and not printed (its note and sources those of the 19th AMMTC): the summary says
    # "online" where a city would be, counts it, and lists it after the 19th AMMTC.
    def edit(rows: list[list[str]]) -> list[list[str]]:
        header, ammtc = rows[0], next(r for r in rows if r[:2] == ["AMMTC", "19"])
        at = {name: header.index(name) for name in header}
        for row in rows:
            if row[:2] == ["SOMTC", "24"]:
                for name in ("name_as_printed", "chair_as_printed", "dates_as_printed", "venue_as_printed", "city"):
                    row[at[name]] = ""
                row[at["article_ref"]], row[at["online"]] = "", "true"
                for name in ("note", "note_indonesian", "note_source_ids"):
                    row[at[name]] = ammtc[at[name]]
        return rows

    _edit_rows(copy, "meetings", edit)
    result = cli("summary", "--lang", lang, "--datapackage", str(copy))
    assert result.returncode == 0, result.stderr
    assert re.search(rf"\n  SOMTC  24 \w+, 4 \w+; .*, {re.escape(last)}\n", result.stdout)
    later = pinned["summary"]["later"][("en", "id").index(lang)].format("AMMTC 19, SOMTC 24")
    assert f"\n  {later}\n" in result.stdout


def test_summary_draws_no_bar_for_none_and_one_block_for_the_least(copy: Path, cli: Cli) -> None:
    # Table 1 with 0 cases in 2016 and 1 in 2017 (2023's 998 the longest bar): no bar for 0, one block for 1.
    changed = {"2016": "0", "2017": "1"}
    _edit_rows(copy, "trafficking_cases", lambda rows: [[r[0], changed.get(r[0], r[1]), *r[2:]] for r in rows])
    result = cli("summary", "--datapackage", str(copy))
    assert result.returncode == 0, result.stderr
    assert re.search(r"\n  2016 +0†? *\n  2017 +1 +█\n", result.stdout)


def test_summary_of_a_copy_whose_table_1_is_empty_has_the_heading_and_no_rows(copy: Path, cli: Cli) -> None:
    for name in ("case_statements", "trafficking_cases"):  # the statements name Table 1's years
        _edit_rows(copy, name, lambda rows: rows[:1])
    result = cli("summary", "--datapackage", str(copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Trafficking cases with Indonesian victims (Table 1)\n\nIndonesian suspects")


def test_summary_of_a_copy_with_nothing_marked_explains_no_mark(copy: Path, cli: Cli) -> None:
    # No placement and no count (Table 1 and the tables that follow from it or refer to it, emptied): no mark is
    # shown, so no line explains one, and there is no latest report to show beside Figure 1's.
    for name in ("case_statements", "trafficking_cases", "placement_sources", "tip_tier_placements"):
        _edit_rows(copy, name, lambda rows: rows[:1])
    result = cli("summary", "--datapackage", str(copy))
    assert result.returncode == 0, result.stderr
    assert "†" not in result.stdout and "*" not in result.stdout
    assert "The latest TIP Report the data holds" not in result.stdout
    # The grid's last line ends the summary: no empty line where the legend would follow.
    assert result.stdout.splitlines()[-1].startswith("  ") and not result.stdout.endswith("\n\n")


def test_summary_leaves_a_report_without_a_placement_blank_in_the_grid(copy: Path, cli: Cli) -> None:
    # A copy may lack a placement (Indonesia's of 2016 here, with its pages): its cell stays empty, never a mark.
    for name in ("tip_tier_placements", "placement_sources"):
        _edit_rows(copy, name, lambda rows: [row for row in rows if row[:2] != ["IDN", "2016"]])
    result = cli("summary", "--datapackage", str(copy))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if re.match(r"  country +2016 ", line))
    header, row = lines[at], next(line for line in lines[at:] if line.startswith("  Indonesia "))
    assert row[header.index("2016") :][:4].strip() == ""  # no placement, no mark
    assert row[header.index("2017") :][:4].strip() == "2"


@pytest.mark.parametrize(
    "args",
    [("show", "meeting"), ("show", "meetings", "--format", "xml"), ("export", "--format", "csv"), ("frobnicate",), ()],
)
def test_usage_errors_exit_2_with_one_line(args: tuple[str, ...], cli: Cli) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("asean-tip-data")


def test_unknown_resource_message_names_it(cli: Cli) -> None:
    assert "invalid choice: 'meeting'" in cli("show", "meeting").stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "asean-tip-data: error: argument --format: invalid choice: 'xml' ("),
        ("id", "asean-tip-data: galat: argumen --format: pilihan tidak sah: 'xml' ("),
    ],
)
def test_a_usage_error_names_the_option_and_the_value_in_the_reader_s_language(lang: str, said: str, cli: Cli) -> None:
    # argparse's "argument X: ..." in the reader's words with the option named once: Python 3.10's argparse hands
    # it over untranslated, and the command line translates it (what follows "(" differs between versions).
    assert cli("show", "meetings", "--format", "xml", "--lang", lang).stderr.startswith(said)


@pytest.mark.parametrize("command", ["list", "show", "summary", "export", "validate", "cite", "path"])
def test_help_on_every_command(command: str, cli: Cli) -> None:
    result = cli(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: asean-tip-data {command}")


def test_version(cli: Cli) -> None:
    # The date is the article's, named as such: the data reach later (the period the page gives).
    assert cli("--version").stdout.strip() == f"asean-tip-data {atd.__version__} (article published 2024-12-01)"
    assert atd.DATA_VINTAGE == "2024-12-01"


def test_path_prints_the_bundled_descriptor(cli: Cli) -> None:
    assert cli("path").stdout.strip() == str(atd.datapackage_path())


def test_validate_the_bundled_data(cli: Cli) -> None:
    result = cli("validate")
    assert result.returncode == 0, result.stderr
    # One sentence, not pieces joined (1.22.0 said "checked models and keys and frictionless").
    checked = "checked models and keys, and the Table Schema with frictionless"
    assert result.stdout.endswith(f": valid (16 resources; {checked})\n"), result.stdout


def test_validate_a_broken_copy_exits_1(copy: Path, cli: Cli, replace_in: ReplaceIn) -> None:
    replace_in(copy, "meetings", "1997-12-20", "1997-12-32")
    result = cli("validate", str(copy / "datapackage.json"))
    assert result.returncode == 1
    assert "INVALID" in result.stderr
    assert "meetings.csv: row 2: field 'end_date': impossible date" in result.stderr


def test_validate_without_frictionless_says_which_check_it_left_out_and_how_to_add_it(
    cli_without: Callable[[list[str], list[str]], subprocess.CompletedProcess[str]],
) -> None:
    result = cli_without(["frictionless"], ["validate"])
    assert result.returncode == 0, result.stderr
    checked = "checked models and keys; install frictionless for the full Table Schema check"
    assert result.stdout.endswith(f": valid (16 resources; {checked})\n"), result.stdout


def test_validate_lists_every_broken_table_on_a_line_of_its_own(copy: Path, cli: Cli, replace_in: ReplaceIn) -> None:
    replace_in(copy, "meetings", "1997-12-18,1997-12-20", "1997-12-18,1997-12-32")
    replace_in(copy, "mous", "1,BRN,", "1,BRNX,")
    result = cli("validate", str(copy))
    resources = copy / "resources"
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{copy / 'datapackage.json'}: INVALID",
        f"  {resources / 'meetings.csv'}: row 2: field 'end_date': impossible date (day is out of range for month):"
        " '1997-12-32'",
        f"  {resources / 'mous.csv'}: row 2: field 'country_iso3': does not match ^[A-Z]{{3}}$: 'BRNX'",
    ]


def test_validate_an_exported_copy_is_valid(copy: Path, cli: Cli) -> None:
    assert cli("validate", str(copy)).returncode == 0


def test_export_sqlite(tmp_path: Path, cli: Cli, row_totals: dict[str, int]) -> None:
    result = cli("export", "--format", "sqlite", "--output", str(tmp_path / "data.db"))
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(tmp_path / "data.db")) as db:
        db.execute("PRAGMA foreign_keys = ON")
        counted = {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in atd.resource_names()}
        assert counted == row_totals
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        declared = {row[2] for row in db.execute("PRAGMA foreign_key_list(meetings)")}
        assert declared == {"countries", "glossary", "sources"}
        columns = {row[1]: (row[2], row[3], row[5]) for row in db.execute("PRAGMA table_info(meetings)")}
        assert columns["number"] == ("INTEGER", 1, 2) and columns["forum"] == ("TEXT", 1, 1)
        assert columns["city"] == ("TEXT", 0, 0)
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO trafficking_cases VALUES (2024, 1, NULL, NULL, NULL, NULL, 'nobody', 'x')")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE meetings SET forum = 'XYZ' WHERE number = 1")
        # A unique field outside the primary key is declared UNIQUE too.
        with pytest.raises(sqlite3.IntegrityError, match=r"UNIQUE constraint failed: countries\.iso2"):
            db.execute("UPDATE countries SET iso2 = 'BN' WHERE iso3 = 'KHM'")


@pytest.mark.parametrize("format", ["sqlite", "json"])
def test_export_to_a_missing_folder_is_one_line(format: str, tmp_path: Path, cli: Cli) -> None:
    result = cli("export", "--format", format, "--output", str(tmp_path / "missing" / "data"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(tmp_path / "missing") in result.stderr
    assert "Traceback" not in result.stderr


def test_export_json_and_csv(tmp_path: Path, cli: Cli, row_totals: dict[str, int]) -> None:
    assert cli("export", "--format", "json", "--output", str(tmp_path / "data.json")).returncode == 0
    data = json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))
    assert {name: len(rows) for name, rows in data.items()} == row_totals
    assert cli("export", "--format", "csv", "--output", str(tmp_path / "pkg")).returncode == 0
    bundled = atd.datapackage_path().parent
    for name in atd.resource_names():
        exported = (tmp_path / "pkg" / "resources" / f"{name}.csv").read_bytes()
        assert exported == (bundled / "resources" / f"{name}.csv").read_bytes()
    header = next(csv.reader(io.StringIO((tmp_path / "pkg" / "resources" / "mous.csv").read_text())))
    assert header[0] == "mou_id"


def test_cite_formats(cli: Cli, doi: str) -> None:
    assert f"https://doi.org/{doi}" in cli("cite").stdout
    bibtex = cli("cite", "--format", "bibtex").stdout
    assert f"doi = {{{doi}}}" in bibtex and bibtex.count("@") == 2
    # What the file says, not that it is the function's output (tests/test_cite.py holds CITATION.cff to that).
    cff = yaml.safe_load(cli("cite", "--format", "cff").stdout)
    assert (cff["cff-version"], cff["type"], cff["version"]) == ("1.2.0", "dataset", atd.__version__)
    assert [a["name"] for a in cff["authors"]] == ["asean-tip-data maintainers"]
    assert [(r["type"], r["doi"]) for r in cff["references"]] == [("article", doi)]


def test_a_terminal_that_is_not_utf8_gets_replacement_characters_never_a_crash(program: Path) -> None:
    for args in (("summary", "--lang", "id"), ("show", "glossary"), ("list",)):
        result = subprocess.run(
            [str(program), *args], capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"}, check=False
        )
        assert result.returncode == 0 and b"Traceback" not in result.stderr, args
        result.stdout.decode("ascii")  # nothing but ASCII came out
    summary = subprocess.run(
        [str(program), "summary"], capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"}, check=False
    )
    assert b"2023   998? ????" in summary.stdout  # the dagger and the bars, each a replacement character


@pytest.mark.parametrize("args", [("cite",), ("show", "meetings", "--format", "csv"), ("summary",)])
def test_a_closed_standard_output_is_one_line_and_exit_2(args: tuple[str, ...], need: Need, program: Path) -> None:
    need(os.name == "posix", "a POSIX shell (to close standard output)", "run this test on Linux or macOS")
    result = subprocess.run(
        f"'{program}' {' '.join(args)} >&-", shell=True, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr == "asean-tip-data: error: standard output is closed; nothing was written\n"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_output_that_fails_without_a_reason_is_said_so_in_one_line(lang: str) -> None:
    # An OSError with no number and no words of its own, as a stream that is no file may raise.
    code = (
        "import sys\n"
        "class Failing:\n"
        "    def write(self, text): raise OSError()\n"
        "    def flush(self): pass\n"
        "    def fileno(self): return 1\n"
        "sys.stdout = Failing()\n"
        "from asean_tip_data.cli import main\n"
        f"sys.exit(main(['path', '--lang', {lang!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    said = {
        "en": "asean-tip-data: error: failed, with no reason given (OSError, no error number)",
        "id": "asean-tip-data: galat: gagal tanpa keterangan sebab (OSError, tanpa nomor galat)",
    }
    assert (result.returncode, result.stderr) == (2, said[lang] + "\n")


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("show", "meetings"),
        ("show", "meetings", "--format", "jsonl"),
        ("show", "meetings", "--format", "json"),
        ("show", "meetings", "--format", "csv"),
        ("summary",),
        ("validate",),
        ("cite", "--format", "bibtex"),
        ("path",),
        ("--help",),
        ("--version",),
    ],
)
def test_a_reader_that_stops_early_ends_every_command_quietly_with_0(args: tuple[str, ...], program: Path) -> None:
    # 1.17.0: `summary | head -1` exited 2 where `show | head -1` exited 0, and which one a reader got
    # depended on whether the output was written before the reader left. Now every command ends the
    # same way, whenever the reader leaves: exit 0, nothing on stderr (README, "Exit codes").
    reader, writer = os.pipe()
    process = subprocess.Popen([str(program), *args], stdout=writer, stderr=subprocess.PIPE)
    os.close(writer)
    os.close(reader)  # the reader is gone before the first line, as `head -0` would be
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0 and stderr == b""


@pytest.mark.parametrize("command", ["list", "show", "summary"])
def test_list_show_and_summary_read_a_copy_as_validate_does(
    command: str,
    copy: Path,
    tmp_path: Path,
    cli: Cli,
    replace_in: ReplaceIn,
    cells_of: Callable[..., list[list[str]]],
    write_cells: WriteCells,
) -> None:
    replace_in(copy, "trafficking_cases", "2023,998,", "2023,999,")
    write_cells(copy, "glossary", [row for row in cells_of("glossary") if row[0] != "TIP"])  # a term none refers to
    args = [command, "trafficking_cases"] if command == "show" else [command]
    result = cli(*args, "--datapackage", str(copy))
    assert result.returncode == 0, result.stderr
    if command == "list":  # the copy's rows: one glossary term fewer
        assert re.findall(r"^glossary +(\d+) ", result.stdout, re.M) == ["41"], result.stdout
    else:  # the copy's count for 2023, in its own row: the table's, or the summary's chart
        assert re.findall(r"^ *2023 +(\d+)", result.stdout, re.M) == ["999"], result.stdout
    # A broken copy is invalid data (1); a path that is not there is a usage error (2), as for validate.
    replace_in(copy, "trafficking_cases", "2023,999,", "2023,many,")
    broken = cli(*args, "--datapackage", str(copy))
    assert broken.returncode == 1 and "trafficking_cases.csv: row 9: field 'cases'" in broken.stderr
    missing = cli(*args, "--datapackage", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and missing.stderr == (
        f"asean-tip-data: error: {tmp_path / 'nope.json'}: no such file; "
        "give a copy's datapackage.json or the folder that holds it\n"
    )
    assert cli("validate", str(tmp_path / "nope.json")).returncode == 2


def test_every_subcommand_has_a_description_an_example_and_help_for_every_option(cli: Cli) -> None:
    from asean_tip_data._command.arguments import EXAMPLES, commands, parser

    built = parser()
    (subcommands,) = [a for a in built._actions if a.dest == "command"]  # argparse keeps its subparsers here
    assert set(subcommands.choices) == set(EXAMPLES) == set(commands())  # type: ignore[arg-type]
    for name, sub in subcommands.choices.items():  # type: ignore[union-attr]
        page = cli(name, "--help").stdout
        assert commands()[name][1:] in page and f"example: {EXAMPLES[name]}" in page, name
        for action in sub._actions:
            assert action.help, (name, action.dest)  # every option and argument says what it is


def test_dash_v_is_the_version(cli: Cli) -> None:
    assert (
        cli("-V").stdout
        == cli("--version").stdout
        == f"asean-tip-data {atd.__version__} (article published 2024-12-01)\n"
    )


def test_errors_speak_plain_words(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x").write_text("mine", encoding="utf-8")
    result = cli("export", "--format", "csv", "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    refused = f"asean-tip-data: error: {tmp_path / 'out'}: a folder that is not empty; --force replaces it\n"
    assert result.stderr == refused
    missing = cli("export", "--format", "sqlite", "--output", str(tmp_path / "no" / "such" / "x.db"))
    assert missing.stderr == f"asean-tip-data: error: {tmp_path / 'no' / 'such'}: no such folder; create it first\n"
    for stderr in (result.stderr, missing.stderr):
        assert "Errno" not in stderr and "overwrite" not in stderr and "()" not in stderr


def test_an_unknown_code_label_lists_the_codes_there_are() -> None:
    codes = "in_force, under_renewal, in_preparation"
    with pytest.raises(ValueError, match=rf"unknown mou_status code 'x'; expected one of: {codes}"):
        atd.label("mou_status", "x", "id")
    with pytest.raises(ValueError, match="unknown kind of code 'nope'; expected one of: tier, placement_change"):
        atd.label("nope", "x")


def test_show_table_shows_every_cell_whole_when_not_on_a_terminal(cli: Cli) -> None:
    out = cli("show", "glossary").stdout
    longest = max((g.definition for g in atd.load_glossary()), key=len)
    assert len(longest) > 60 and longest in out and "…" not in out


def test_show_table_on_a_terminal_cuts_to_its_width_and_says_how_to_see_cells_whole(
    need: Need,
    program: Path,
) -> None:
    need(hasattr(os, "openpty"), "a pseudo-terminal (os.openpty)", "run this test on Linux or macOS")
    leader, follower = os.openpty()
    with open(leader, "rb", buffering=0) as screen:
        process = subprocess.run(
            [str(program), "show", "glossary"], stdout=follower, env={**os.environ, "COLUMNS": "100"}, check=False
        )
        os.close(follower)
        chunks = []
        try:
            while chunk := screen.read(65536):
                chunks.append(chunk)
        except OSError:  # the terminal is closed once everything is read
            pass
    out = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    assert process.returncode == 0
    assert "…" in out and "see them whole with: asean-tip-data show glossary --format csv" in out
    table_lines = [line for line in out.splitlines()[2:] if line and not line.startswith("Some cells")]
    assert max(len(line) for line in table_lines) <= 100


# Issue #24, item 7: messages a terminal can trust. Each failed on 1.10.0.


def test_a_copys_path_reaches_the_terminal_escaped_on_one_line(tmp_path: Path, cli: Cli) -> None:
    # 1.10.0: a path with a new line and escape codes retitled the terminal and forged a second line.
    folder = tmp_path / "copy\x1b]0;retitled\x07\nasean-tip-data: all good"
    atd.export("csv", folder)
    (folder / "resources" / "mous.csv").write_text("broken\n", encoding="utf-8")
    for args in (("show", "mous", "--datapackage", str(folder)), ("validate", str(folder))):
        result = cli(*args)
        assert result.returncode == 1
        assert "\x1b" not in result.stderr and "\x07" not in result.stderr
        assert "copy\\x1b]0;retitled\\x07\\nasean-tip-data: all good" in result.stderr
        assert not any(line.startswith("asean-tip-data: all good") for line in result.stderr.splitlines())


def test_a_value_of_a_copy_reaches_the_terminal_escaped(copy: Path, cli: Cli, replace_in: ReplaceIn) -> None:
    # A mark that reorders text is valid data, written as it is, but escaped on a terminal. (A
    # control character such as ESC is no valid data since issue #32: tests/test_writable.py.)
    folder = copy
    replace_in(copy, "countries", "Brunei", "Bru\u202enei")
    for args in (("show", "countries", "--datapackage", str(folder)), ("summary", "--datapackage", str(folder))):
        result = cli(*args)
        assert result.returncode == 0 and "\u202e" not in result.stdout and "Bru\\u202enei" in result.stdout
    assert "Bru\u202enei" in cli("show", "countries", "--format", "csv", "--datapackage", str(folder)).stdout  # data


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("show", "--help"), ("summary",)])
def test_output_to_a_full_disk_is_exit_2_and_one_line(args: tuple[str, ...], need: Need, program: Path) -> None:
    need(Path("/dev/full").exists(), "/dev/full", "run this test on Linux")
    # 1.10.0: `--help > /dev/full` exited 0, as if the help had been printed.
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(program), *args], stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == "asean-tip-data: error: no space left on device\n"


def test_an_export_of_a_copy_carries_the_copys_descriptor(
    copy: Path, tmp_path: Path, cli: Cli, edit_descriptor: Callable[..., object]
) -> None:
    # 1.10.0: `export --datapackage COPY` wrote the bundled descriptor beside the copy's data.
    folder = copy
    edit_descriptor(copy, lambda d: d.update(title="A copy of our own"))
    result = cli("export", "--format", "csv", "--output", str(tmp_path / "out"), "--datapackage", str(folder))
    assert result.returncode == 0, result.stderr
    assert (
        json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))["title"] == "A copy of our own"
    )
    parquet = atd.export("parquet", tmp_path / "parquet", folder)
    exported = json.loads((parquet / "datapackage.json").read_text(encoding="utf-8"))
    assert (
        exported["title"] == "A copy of our own" and exported["resources"][0]["path"] == "resources/countries.parquet"
    )
    # A Parquet copy exported as CSV points at the CSV files it wrote.
    again = json.loads(
        (atd.export("csv", tmp_path / "again", parquet) / "datapackage.json").read_text(encoding="utf-8")
    )
    assert again["title"] == "A copy of our own" and again["resources"][0]["path"] == "resources/countries.csv"
    assert atd.validate(tmp_path / "again") == ()


# Issue #32, items 4 and 5: bounded, one line, the right exit code, nothing left behind. Each failed on 1.17.0.


class _Screen(io.TextIOBase):
    """A standard output that keeps no text: it counts writes and characters and measures the longest line."""

    def __init__(self) -> None:
        self.writes = self.chars = self.longest = 0
        self.tail = ""

    def write(self, text: str) -> int:
        self.writes, self.chars = self.writes + 1, self.chars + len(text)
        self.longest = max(self.longest, *map(len, text.split("\n")))
        self.tail = (self.tail + text)[-300:]
        return len(text)

    def isatty(self) -> bool:
        return False


def test_show_streams_rows_and_bounds_a_cell_s_width_saying_so(
    copy: Path, monkeypatch: pytest.MonkeyPatch, cells_of: Callable[..., list[list[str]]], write_cells: WriteCells
) -> None:
    # 1.17.0: the table view padded every row to the widest cell and built it whole in memory (a
    # 0.3 MB table took 104 MB; a 1.6 MB valid copy asked for 16 GB and died with a MemoryError).
    import tracemalloc

    from asean_tip_data.cli import main

    cells = cells_of("glossary")
    (row,) = [r for r in cells if r[0] == "ASEAN"]
    row[cells[0].index("definition")] = "x" * 100_000  # the longest cell a copy may hold
    write_cells(copy, "glossary", cells)
    peaks = {}
    for format in ("table", "jsonl"):
        screen = _Screen()
        monkeypatch.setattr(sys, "stdout", screen)
        tracemalloc.start()
        assert main(["show", "glossary", "--format", format, "--datapackage", str(copy)]) == 0
        peaks[format] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        if format == "table":
            assert screen.writes >= len(cells)  # row by row, never the whole table as one text
            assert screen.longest < 2_000 and screen.chars < 100_000  # the long cell cut, every row narrow
            assert screen.tail.endswith(
                "\nCells longer than 500 characters are cut (…); see them whole with: "
                "asean-tip-data show glossary --format csv\n"
            )
    # The table costs what writing the records one by one costs, give or take a megabyte.
    assert peaks["table"] < peaks["jsonl"] + 2**20, peaks


def test_ctrl_c_is_one_line_exit_130_and_leaves_nothing_behind(
    tmp_path: Path, need: Callable[..., None], program: Path
) -> None:
    need(os.name == "posix", "a POSIX system (signals)", "run this test on Linux or macOS")
    # 1.17.0: a KeyboardInterrupt traceback.
    import signal
    import time

    from asean_tip_data._outputs.replace import staging_name

    site = tmp_path / "site"
    process = subprocess.Popen(
        [str(program), "page", "--output", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # SIGINT at its default, as in a terminal's foreground. A parent may leave it ignored, and a
        # program inherits that unless it sets its own: a shell without job control does so for what
        # it starts in the background, and mutmut's fork server for itself. The page would then be
        # built to the end, and this test fail for a reason not the command's.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    staging = tmp_path / staging_name(site, process.pid)
    while not staging.exists() and process.poll() is None:  # until the site is being written
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=300)
    assert (process.returncode, out, err) == (130, "", "asean-tip-data: error: interrupted\n")
    assert list(tmp_path.iterdir()) == []  # neither the site nor its staging folder


@pytest.mark.parametrize("stderr", ["2>/dev/full", "2>&-"])
@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "json", "--output", "{missing}/data.json"),
        ("show", "meetings", "--datapackage", "{missing}"),
        ("validate", "{missing}"),
        ("frobnicate",),
    ],
)
def test_a_usage_error_is_exit_2_even_where_its_message_cannot_be_written(
    stderr: str, args: tuple[str, ...], tmp_path: Path, need: Callable[..., None], program: Path
) -> None:
    need(Path("/dev/full").exists(), "/dev/full and a POSIX shell", "run this test on Linux")
    # 1.17.0: exit 1, from the traceback of the failed write of the message.
    given = " ".join(arg.format(missing=tmp_path / "missing") for arg in args)
    result = subprocess.run(f"'{program}' {given} {stderr}", shell=True, capture_output=True, text=True, check=False)
    assert result.returncode == 2 and result.stdout == ""


@pytest.mark.parametrize("entry", ["script", "module"])
@pytest.mark.parametrize("shutdown", ["os.abort()", "sys.stderr.write('shutdown ran\\n')"])
def test_the_command_ends_with_its_own_code_whatever_the_interpreter_s_shutdown_would_do(
    shutdown: str, entry: str, program: Path
) -> None:
    # 1.22.1 in CI: `summary` on a bad Parquet copy said its one line, then pyarrow's threads aborted
    # Python's shutdown (exit -6, "terminate called without an active exception"). The console script
    # and `python -m` end the process once both streams are flushed, so no shutdown step runs. Run
    # through the installed script and the package's __main__, so that each is held to it.
    start = (
        f"runpy.run_path({str(program)!r}, run_name='__main__')"
        if entry == "script"
        else "runpy.run_module('asean_tip_data', run_name='__main__', alter_sys=True)"
    )
    code = (
        f"import atexit, os, runpy, sys\natexit.register(lambda: {shutdown})\n"
        f"sys.argv = ['asean-tip-data', 'summary', '--datapackage', 'no-such-folder']\n{start}"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "asean-tip-data: error: no-such-folder: no such file; " + (
        "give a copy's datapackage.json or the folder that holds it\n"
    )
