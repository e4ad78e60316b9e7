"""The Parquet export: a Data Package frictionless validates, typed columns, the same bytes twice."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import asean_tip_data as atd

CliWithout = Callable[[list[str], list[str]], subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return atd.export("parquet", tmp_path_factory.mktemp("parquet") / "pkg")


def _misread_nulls(report: frictionless.Report) -> list[tuple[str, str]]:
    """Return the (resource, field) of errors that are frictionless misreading a null integer."""
    # frictionless' Parquet reader goes through pandas and drops a null only if it `is np.nan`;
    # under pandas 2 a null in an integer column arrives as another NaN object, so it reports a
    # type error. pandas 3 (Python 3.11+) keeps the identity. The file holds a real null.
    if int(pd.__version__.split(".")[0]) >= 3:
        return []
    return [
        (task.name, error.field_name)
        for task in report.tasks
        for error in task.errors
        if isinstance(error, frictionless.errors.TypeError)
        and error.cell == "nan"
        and error.note == 'type is "integer/default"'
    ]


def test_frictionless_validates_the_parquet_package(exported: Path) -> None:
    report = frictionless.validate(str(exported / "datapackage.json"))
    errors = [(t.name, getattr(e, "field_name", "")) for t in report.tasks for e in t.errors]
    assert report.valid or errors == _misread_nulls(report), report.flatten(["rowNumber", "fieldName", "type", "note"])
    for name, field in errors:
        assert pq.read_table(exported / "resources" / f"{name}.parquet").column(field).null_count > 0
    assert {task.name: task.stats["rows"] for task in report.tasks} == {
        name: len(atd.load(name)) for name in atd.resource_names()
    }


def test_descriptor_points_at_the_parquet_files(exported: Path) -> None:
    descriptor = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert resource["path"] == f"resources/{resource['name']}.parquet"
        assert (resource["format"], resource["mediatype"]) == ("parquet", "application/vnd.apache.parquet")
        assert "dialect" not in resource and "encoding" not in resource
        assert (exported / resource["path"]).is_file()


def test_columns_keep_their_types(exported: Path) -> None:
    meetings = pq.read_table(exported / "resources" / "meetings.parquet")
    schema = meetings.schema
    assert schema.field("number").type == pa.int64() and not schema.field("number").nullable
    assert schema.field("start_date").type == pa.date32()
    assert schema.field("online").type == pa.bool_()
    assert schema.field("forum").type == pa.dictionary(pa.int8(), pa.string())
    assert schema.field("city").type == pa.string() and schema.field("city").nullable
    first = meetings.slice(0, 1).to_pylist()[0]
    assert (first["forum"], first["number"], first["start_date"]) == ("AMMTC", 1, datetime.date(1997, 12, 18))
    assert meetings.column("city").null_count == 6
    sources = pq.read_table(exported / "resources" / "sources.parquet")
    # An optional integer stays an integer, with nulls where the CSV is empty.
    assert sources.schema.field("year").type == pa.int64() and sources.column("year").null_count > 0
    countries = pq.read_table(exported / "resources" / "countries.parquet").to_pylist()
    assert {c["iso3"]: c["numeric_code"] for c in countries}["BRN"] == "096"


# What each Table Schema type must be in Arrow, written here apart from the package's own table of types:
# a closed set of codes (an enum) is a dictionary of strings, read back as a categorical.
ARROW = {"string": pa.string(), "integer": pa.int64(), "date": pa.date32(), "boolean": pa.bool_()}
CODES = pa.dictionary(pa.int8(), pa.string())


def test_every_column_of_every_table_has_its_arrow_type(exported: Path, schemas: dict[str, dict[str, Any]]) -> None:
    seen: set[Any] = set()
    for name in atd.resource_names():
        expected = [
            (
                f["name"],
                CODES if "enum" in f.get("constraints", {}) else ARROW[f["type"]],
                not f.get("constraints", {}).get("required", False),
            )
            for f in schemas[name]["fields"]
        ]
        schema = pq.read_schema(exported / "resources" / f"{name}.parquet")
        assert [(f.name, f.type, f.nullable) for f in schema] == expected, name
        seen |= {arrow_type for _, arrow_type, _ in expected}
    assert seen == {*ARROW.values(), CODES}  # every entry of the map met


def test_every_record_survives(exported: Path, csv_records: Callable[..., list[dict[str, Any]]]) -> None:
    # The expected rows are the bundled CSV's cells, read by csv and typed in conftest, not the loader's records.
    for name in atd.resource_names():
        rows = pq.read_table(exported / "resources" / f"{name}.parquet").to_pylist()
        assert rows == csv_records(name), name


def test_two_exports_are_the_same_bytes(exported: Path, tmp_path: Path) -> None:
    again = atd.export("parquet", tmp_path / "again")

    def digests(folder: Path) -> dict[str, str]:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    assert digests(again) == digests(exported)
    assert len(digests(exported)) == len(atd.resource_names()) + 2  # the tables, the descriptor and the dataset card


def test_command_line_export(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "asean-tip-data"
    result = subprocess.run(
        [str(script), "export", "--format", "parquet", "--output", str(tmp_path / "pkg")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "pkg")
    assert len(list((tmp_path / "pkg" / "resources").glob("*.parquet"))) == len(atd.resource_names())


def test_missing_pyarrow_is_one_line_with_the_pip_command(tmp_path: Path, cli_without: CliWithout) -> None:
    result = cli_without(
        ["pyarrow", "pyarrow.parquet"], ["export", "--format", "parquet", "--output", str(tmp_path / "pkg")]
    )
    assert result.returncode == 2
    assert result.stderr == (
        "asean-tip-data: error: export --format parquet needs pyarrow, which is not installed: "
        "pip install 'asean-tip-data[parquet]'\n"
    )
    assert not (tmp_path / "pkg").exists()


def test_default_pandas_and_polars_keep_the_declared_types(exported: Path) -> None:
    import polars as pl

    sources = pd.read_parquet(exported / "resources" / "sources.parquet")  # no options: what readers do
    assert str(sources["year"].dtype) == "Int64" and sources["year"].isna().sum() == 3
    assert sources["year"].dropna().tolist()[:2] == [2024, 2024]  # integers, not 2024.0
    meetings = pd.read_parquet(exported / "resources" / "meetings.parquet")
    assert str(meetings["online"].dtype) == "bool" and str(meetings["number"].dtype) == "int64"
    assert meetings["start_date"][0] == datetime.date(1997, 12, 18)
    assert pd.read_parquet(exported / "resources" / "countries.parquet")["numeric_code"][0] == "096"
    schema = pl.read_parquet(exported / "resources" / "sources.parquet").schema
    assert schema["year"] == pl.Int64 and schema["released"] == pl.Date
    assert pl.read_parquet(exported / "resources" / "meetings.parquet").schema["online"] == pl.Boolean


def test_the_dataset_card_counts_each_config_s_rows_and_speaks_both_languages(
    exported: Path, row_totals: dict[str, int]
) -> None:
    # The card's table as Hugging Face shows it: a config, its title and its rows (row_totals, written by hand);
    # then the section in Indonesian, under its language's own name (words-pinned.toml), with the titles in it.
    card = (exported / "README.md").read_text(encoding="utf-8")
    english, indonesian = card.split("\n## Bahasa Indonesia\n")
    rows = dict(re.findall(r"^\| `(\w+)` \| [^|]+ \| (\d+) \|$", english, re.MULTILINE))
    assert {name: int(count) for name, count in rows.items()} == row_totals
    assert "\n| `config` | judul |\n" in indonesian
    assert "\n| `meetings` | Pertemuan AMMTC dan SOMTC |\n" in indonesian


def test_a_bar_in_a_title_stays_in_its_cell_of_the_dataset_card(
    copy: Path, tmp_path: Path, row_totals: dict[str, int]
) -> None:
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    glossary = next(r for r in descriptor["resources"] if r["name"] == "glossary")
    glossary["title"] = glossary["title_translated"]["en"] = "Terms | abbreviations"
    (copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    card = (atd.export("parquet", tmp_path / "parquet", copy) / "README.md").read_text(encoding="utf-8")
    rows = row_totals["glossary"]
    assert f"\n| `glossary` | Terms \\| abbreviations | {rows} |\n" in card  # Markdown's escaped bar: one cell


def test_hugging_face_loads_every_config_with_its_types(
    exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    import datasets

    card = (exported / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\nlicense: cc-by-4.0\nlanguage:\n- en\n- id\n")
    assert "@article{muhammad_2024," in card
    for name in atd.resource_names():
        loaded = datasets.load_dataset(str(exported), name, split="train", cache_dir=str(tmp_path / "cache"))
        assert loaded.num_rows == len(atd.load(name)), name
        assert list(loaded.features) == [f["name"] for f in atd.table_schema(name)["fields"]], name
    countries = datasets.load_dataset(str(exported), "countries", split="train", cache_dir=str(tmp_path / "cache"))
    assert countries[0]["numeric_code"] == "096"  # text, as declared: not the number 96
    meetings = datasets.load_dataset(str(exported), "meetings", split="train", cache_dir=str(tmp_path / "cache"))
    features = meetings.features
    assert (features["number"].dtype, features["start_date"].dtype, features["online"].dtype) == (
        "int64",
        "date32",
        "bool",
    )
    assert meetings[0]["start_date"] == datetime.date(1997, 12, 18)


# Issue #24, item 5: a Parquet copy by the same rules as a CSV one. Each failed on 1.10.0.


@pytest.fixture
def parquet_copy(tmp_path: Path) -> Path:
    return atd.export("parquet", tmp_path / "copy")


def _replace_column(copy: Path, name: str, field: str, column: pa.Array) -> None:
    path = copy / "resources" / f"{name}.parquet"
    table = pq.read_table(path)
    index = table.column_names.index(field)
    pq.write_table(table.set_column(index, pa.field(field, column.type), column), path)


def test_a_date_out_of_pythons_range_is_named_by_row_and_field(parquet_copy: Path) -> None:
    # 1.10.0: a traceback ("year 10000 is out of range").
    dates = pq.read_table(parquet_copy / "resources" / "meetings.parquet").column("start_date").cast(pa.int32())
    days = dates.to_pylist()
    days[2] = 3_000_000  # the year 10,183
    _replace_column(parquet_copy, "meetings", "start_date", pa.array(days, pa.int32()).cast(pa.date32()))
    with pytest.raises(atd.DataError, match=r"meetings.parquet: row 4: field 'start_date': a date out of range"):
        atd.load_meetings(parquet_copy)


@pytest.mark.parametrize(
    "column",
    [
        pa.array([b"Table 1, row 1"] * 8, pa.binary()),
        pa.array([["Table 1"]] * 8, pa.list_(pa.string())),
        pa.array([{"ref": "Table 1"}] * 8, pa.struct([("ref", pa.string())])),
    ],
    ids=["binary", "list", "struct"],
)
def test_a_column_whose_arrow_type_is_not_the_schemas_is_refused(parquet_copy: Path, column: pa.Array) -> None:
    # 1.10.0: accepted, each value as its Python repr ("b'Table 1, row 1'").
    _replace_column(parquet_copy, "trafficking_cases", "article_ref", column)
    with pytest.raises(
        atd.DataError, match=r"field 'article_ref': Arrow type .*, which does not hold a Table Schema string"
    ):
        atd.load_trafficking_cases(parquet_copy)


def test_a_small_file_of_millions_of_rows_is_refused_before_it_is_read(parquet_copy: Path) -> None:
    # 1.10.0: a 30 KB file of 2 million rows took 200 s and 2 GB.
    rows = 2_000_000
    table = pa.table(
        {
            "year": pa.array([2020] * rows, pa.int64()),
            "suspects": pa.array([1] * rows, pa.int64()),
            "source_id": pa.array(["bareskrim"] * rows).dictionary_encode(),
            "article_ref": pa.array([None] * rows, pa.string()),
        }
    )
    path = parquet_copy / "resources" / "trafficking_suspects.parquet"
    pq.write_table(table, path, compression="zstd")
    assert path.stat().st_size < 100_000
    with pytest.raises(atd.DataError, match=r"2,000,000 rows, .* over the limit of 100,000 rows"):
        atd.load_trafficking_suspects(parquet_copy)


# Issue #32, item 5: a broken Parquet copy is one line naming file, column and cause. Each failed on 1.17.0.

SCRIPT = Path(sys.executable).parent / "asean-tip-data"


def _one_line(copy: Path, message: str) -> None:
    """Assert that `summary` on ``copy`` is invalid data, said in one line that holds ``message``."""
    result = subprocess.run(
        [str(SCRIPT), "summary", "--datapackage", str(copy)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_column_named_twice_is_one_line_naming_it(parquet_copy: Path) -> None:
    # 1.17.0: a KeyError traceback from every command ('Field "year" exists 2 times in schema').
    path = parquet_copy / "resources" / "trafficking_suspects.parquet"
    table = pq.read_table(path)
    pq.write_table(table.append_column("year", pa.array([1] * table.num_rows, pa.int64())), path)
    message = f"{path}: column 'year': its name is given 2 times; each column must have a name of its own"
    with pytest.raises(atd.DataError) as info:
        atd.load_trafficking_suspects(parquet_copy)
    assert str(info.value) == message
    _one_line(parquet_copy, message)


def test_bytes_that_are_not_utf8_in_a_text_column_are_named_by_row_and_field(parquet_copy: Path) -> None:
    # 1.17.0: "values Python cannot hold (a date out of range)", in a column of texts.
    path = parquet_copy / "resources" / "trafficking_suspects.parquet"
    table = pq.read_table(path)
    refs = [value.encode("utf-8") for value in table.column("article_ref").to_pylist()]
    refs[1] = b"Table 2, r\xf6w 2"  # Latin-1, not UTF-8
    column = pa.array(refs, pa.binary()).view(pa.string())  # the bytes as they are, unchecked
    index = table.column_names.index("article_ref")
    pq.write_table(table.set_column(index, pa.field("article_ref", pa.string()), column), path)
    message = f"{path}: row 3: field 'article_ref': not UTF-8: b'\\xf6'"
    with pytest.raises(atd.DataError) as info:
        atd.load_trafficking_suspects(parquet_copy)
    assert str(info.value) == message
    _one_line(parquet_copy, message)


def test_a_column_of_a_foreign_type_is_named_as_none_of_the_tables_before_its_values_are_read(
    parquet_copy: Path,
) -> None:
    # 1.17.0: a timestamp column with a time zone Python does not know was read before the header
    # was checked, and called "a date out of range".
    path = parquet_copy / "resources" / "trafficking_suspects.parquet"
    table = pq.read_table(path)
    foreign = pa.array([0] * table.num_rows, pa.timestamp("s", tz="Mars/Olympus_Mons"))
    pq.write_table(table.append_column("landed", foreign), path)
    message = f"{path}: row 1 (header): unknown column 'landed'"
    with pytest.raises(atd.DataError) as info:
        atd.load_trafficking_suspects(parquet_copy)
    assert str(info.value) == message
    _one_line(parquet_copy, message)


# Issue #32, item 3: the dataset card's front matter through a YAML serialiser. Failed on 1.17.0.


def test_a_licence_name_cannot_add_keys_to_the_dataset_card(tmp_path: Path) -> None:
    # 1.17.0: the licence's name was pasted unquoted: a new line in it added `viewer: false` and
    # dropped the configs Hugging Face reads.
    import yaml

    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["licenses"][0]["name"] = "CC-BY-4.0\nviewer: false\nconfigs: []"
    descriptor["title"] = descriptor["title_translated"]["en"] = 'Data: "quoted" # not a comment\n---'
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    card = (atd.export("parquet", tmp_path / "parquet", copy) / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n")
    front = yaml.safe_load(card.split("\n---\n")[0].removeprefix("---\n"))
    assert list(front) == ["license", "language", "pretty_name", "tags", "configs"]
    assert front["license"] == "cc-by-4.0\nviewer: false\nconfigs: []"
    assert front["pretty_name"] == 'Data: "quoted" # not a comment\n---'
    assert [c["config_name"] for c in front["configs"]] == list(atd.resource_names())


# Mutation testing (#37): the dataset card whole, line by line, from the descriptor, the pinned words and the
# row counts written by hand.


def _expected_card(descriptor: dict[str, Any], pinned: dict[str, Any], row_totals: dict[str, int]) -> str:
    resources = descriptor["resources"]
    keywords = descriptor["keywords_translated"]
    tags = list(dict.fromkeys([*keywords["en"], *keywords["id"]]))  # every keyword once, English first
    front = ["license: cc-by-4.0", "language:", "- en", "- id"]
    front += [f"pretty_name: {descriptor['title_translated']['en']}", "tags:", *(f"- {t}" for t in tags), "configs:"]
    for r in resources:
        name = r["name"]
        front += [f"- config_name: {name}", "  data_files:", "  - split: train", f"    path: resources/{name}.parquet"]
    title, description = descriptor["title_translated"], descriptor["description_translated"]
    lines = ["---", *front, "---", "", f"# {title['en']}", "", description["en"], ""]
    lines += ["One config per table; each keeps the types of its Table Schema (see datapackage.json).", ""]
    lines += ["| config | title | rows |", "|---|---|---|"]
    lines += [f"| `{r['name']}` | {r['title_translated']['en']} | {row_totals[r['name']]} |" for r in resources]
    lines += ["", "## Citation", "", "```bibtex", atd.cite("bibtex").rstrip("\n"), "```", ""]
    language, heading = pinned["page"]["language_name"][1], pinned["page"]["field_title"][1].lower()
    lines += [f"## {language}", "", f"### {title['id']}", "", description["id"], ""]
    lines += [f"| `config` | {heading} |", "|---|---|"]
    lines += [f"| `{r['name']}` | {r['title_translated']['id']} |" for r in resources]
    return "\n".join([*lines, ""])  # the card ends with one new line


def test_the_dataset_card_is_whole_as_the_descriptor_says_line_for_line(
    exported: Path, descriptor: dict[str, Any], pinned: dict[str, Any], row_totals: dict[str, int]
) -> None:
    card = (exported / "README.md").read_text(encoding="utf-8")
    expected = _expected_card(descriptor, pinned, row_totals)
    found_lines, expected_lines = card.split("\n"), expected.split("\n")
    pairs = zip(found_lines, expected_lines, strict=False)
    for number, (found, wanted) in enumerate(pairs, 1):  # the first line that differs, by its number
        assert found == wanted, f"line {number}"
    assert len(found_lines) == len(expected_lines)


def test_the_dataset_card_by_hand(exported: Path) -> None:
    # Written out from the licence, the descriptor's meaning and the article, not read from any file.
    import yaml

    card = (exported / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(card.split("\n---\n")[0].removeprefix("---\n"))
    assert list(front) == ["license", "language", "pretty_name", "tags", "configs"]
    assert (front["license"], front["language"]) == ("cc-by-4.0", ["en", "id"])
    assert front["pretty_name"] == "POLRI and ASEANAPOL against human trafficking"
    assert front["tags"][:2] == ["human trafficking", "trafficking in persons"] and "TPPO" in front["tags"]
    assert len(front["tags"]) == len(set(front["tags"]))  # "Indonesia", "ASEAN"...: in both languages, once
    assert front["configs"][0] == {
        "config_name": "countries",
        "data_files": [{"split": "train", "path": "resources/countries.parquet"}],
    }
    assert "\n# POLRI and ASEANAPOL against human trafficking\n\nTables from Muhammad et al. (2024) on how" in card
    assert (
        "\n## Citation\n\n```bibtex\n@misc{" in card and "\n```\n\n## Bahasa Indonesia\n\n### Kerja sama Polri" in card
    )
    assert "doi = {10.32781/cakrawala.v18i2.733}" in card
    assert "\n| `errata` | Errata | 7 |\n" in card and card.endswith("\n| `errata` | Ralat |\n")


def test_a_copy_without_a_licence_name_or_title_still_has_a_card_that_says_so(tmp_path: Path) -> None:
    import yaml

    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["licenses"] = [{"path": "https://example.org/terms"}, {"name": "CC0-1.0"}]  # the first has no name
    descriptor["title"] = ""
    descriptor["title_translated"] = {"id": "Judul saja"}  # no English title: the package's name
    errata = next(r for r in descriptor["resources"] if r["name"] == "errata")
    errata["title"] = errata["title_translated"]["en"] = "Errata,\n   as  printed"  # one line in its cell
    (copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    card = (atd.export("parquet", tmp_path / "parquet", copy) / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(card.split("\n---\n")[0].removeprefix("---\n"))
    assert front["license"] == "cc0-1.0"  # the first licence that has a name
    assert front["pretty_name"] == "asean-tip-data" and "\n# asean-tip-data\n" in card
    assert "\n### Judul saja\n" in card
    assert "\n| `errata` | Errata, as printed | 7 |\n" in card


def test_a_card_without_a_licence_says_other_and_keeps_each_title_on_one_line(tmp_path: Path) -> None:
    import yaml

    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["licenses"] = []
    # Titles with a bar and a new line: each heading and cell stays one line, its bar escaped as Markdown's.
    descriptor["title"] = descriptor["title_translated"]["en"] = "Trafficking |  data\nof a copy"
    descriptor["title_translated"]["id"] = "Data | perdagangan\norang"
    glossary = next(r for r in descriptor["resources"] if r["name"] == "glossary")
    glossary["title_translated"]["id"] = "Istilah |\n singkatan"
    (copy / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    card = (atd.export("parquet", tmp_path / "parquet", copy) / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(card.split("\n---\n")[0].removeprefix("---\n"))
    assert front["license"] == "other"
    assert front["pretty_name"] == "Trafficking |  data\nof a copy"  # a YAML value keeps it as it is
    assert "\n# Trafficking \\| data of a copy\n" in card
    assert "\n### Data \\| perdagangan orang\n" in card
    assert "\n| `glossary` | Istilah \\| singkatan |\n" in card
