"""datasette's metadata: written beside every SQLite database, from the descriptor, in the language asked for.

datasette itself serves it in CI (`bash .ci/run datasette`, .ci/datasette_check.py): these tests hold
what the file says, where it lies, and that it is never written over a user's file unasked.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd

SCRIPT = Path(sys.executable).parent / "asean-tip-data"


def _read(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_database_comes_with_datasettes_metadata_in_the_language_asked_for(
    lang: str, tmp_path: Path, descriptor: dict[str, Any]
) -> None:
    database = atd.export("sqlite", tmp_path / "asean-tip.db", lang=lang)
    metadata = _read(tmp_path / "asean-tip.metadata.json")

    def text(item: dict[str, Any], key: str) -> str:
        return str(item[f"{key}_translated"][lang])

    licence, (source,) = descriptor["licenses"][0], descriptor["sources"]
    assert (metadata["title"], metadata["description"]) == (text(descriptor, "title"), text(descriptor, "description"))
    assert (metadata["license"], metadata["license_url"]) == (text(licence, "title"), licence["path"])
    assert (metadata["source"], metadata["source_url"]) == (
        source["title"],
        "https://doi.org/10.32781/cakrawala.v18i2.733",
    )
    assert (metadata["about"], metadata["about_url"]) == (
        f"asean-tip-data {descriptor['version']}",
        descriptor["homepage"],
    )
    # datasette names a database after its file: the tables sit under that name.
    (name,) = metadata["databases"]
    tables = metadata["databases"][name]["tables"]
    assert name == database.stem == "asean-tip" and list(tables) == list(atd.resource_names())
    for resource in descriptor["resources"]:
        table = tables[resource["name"]]
        assert (table["title"], table["description"]) == (text(resource, "title"), text(resource, "description"))
        fields = resource["schema"]["fields"]
        assert list(table["columns"]) == [f["name"] for f in fields]
        for field in fields:  # each column's title, then its description: datasette has no place for a title
            assert table["columns"][field["name"]] == f"{text(field, 'title')}: {text(field, 'description')}"
    meetings = tables["meetings"]
    assert meetings["title"] == {"en": "AMMTC and SOMTC meetings", "id": "Pertemuan AMMTC dan SOMTC"}[lang]
    assert meetings["columns"]["forum"] == {"en": "Forum: AMMTC or SOMTC.", "id": "Forum: AMMTC atau SOMTC."}[lang]


def test_the_command_line_says_where_both_went(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(SCRIPT), "export", "--format", "sqlite", "--output", "tip.db", "--lang", "id"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(tmp_path.resolve() / n) for n in ("tip.db", "tip.metadata.json")]
    assert _read(tmp_path / "tip.metadata.json")["databases"]["tip"]["tables"]["errata"]["title"] == "Ralat"


def test_a_users_file_where_the_metadata_goes_stops_the_export_before_anything_is_written(tmp_path: Path) -> None:
    mine = tmp_path / "tip.metadata.json"
    mine.write_text("my own notes\n", encoding="utf-8")
    result = subprocess.run(
        [str(SCRIPT), "export", "--format", "sqlite", "--output", str(tmp_path / "tip.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and f"{mine}: a file that exists; --force replaces it" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tip.metadata.json"]  # no database either
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    atd.export("sqlite", tmp_path / "tip.db", overwrite=True)
    assert _read(mine)["databases"]["tip"]["tables"]


def test_an_unknown_language_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'; expected one of: en, id"):
        atd.export("sqlite", tmp_path / "tip.db", lang="fr")
    assert list(tmp_path.iterdir()) == []


def test_the_sites_database_comes_with_its_metadata_in_each_language(tmp_path: Path) -> None:
    site = atd.build_page(tmp_path / "site")
    downloads = site / "downloads"
    for name, title in (("asean-tip-data.metadata.json", "POLRI"), ("asean-tip-data.metadata.id.json", "Kerja sama")):
        metadata = _read(downloads / name)
        assert metadata["title"].startswith(title) and list(metadata["databases"]) == ["asean-tip-data"]
        for page, up in ((site / "index.html", ""), (site / "id" / "index.html", "../")):  # listed on the page
            assert f'<a href="{up}downloads/{name}">{name}</a>' in page.read_text(encoding="utf-8")


# Mutation testing (#37): each file's whole content, key by key, against the descriptor read with json.


def _expected_metadata(descriptor: dict[str, Any], lang: str, database: str) -> dict[str, Any]:
    """Return datasette's metadata of the bundled data in ``lang``, from the descriptor: every key, in order."""
    (licence,), (source,) = descriptor["licenses"], descriptor["sources"]
    tables = {
        r["name"]: {
            "title": r["title_translated"][lang],
            "description": r["description_translated"][lang],
            "columns": {
                f["name"]: f"{f['title_translated'][lang]}: {f['description_translated'][lang]}"
                for f in r["schema"]["fields"]
            },
        }
        for r in descriptor["resources"]
    }
    return {
        "title": descriptor["title_translated"][lang],
        "description": descriptor["description_translated"][lang],
        "license": licence["title_translated"][lang],
        "license_url": licence["path"],
        "source": source["title"],
        "source_url": source["path"],
        "about": f"asean-tip-data {descriptor['version']}",
        "about_url": descriptor["homepage"],
        "databases": {database: {"tables": tables}},
    }


@pytest.mark.parametrize(
    ("name", "lang"), [("asean-tip-data.metadata.json", "en"), ("asean-tip-data.metadata.id.json", "id")]
)
def test_the_sites_metadata_says_in_its_language_what_the_descriptor_says_key_for_key(
    name: str, lang: str, site: Path, descriptor: dict[str, Any]
) -> None:
    found = _read(site / "downloads" / name)
    expected = _expected_metadata(descriptor, lang, "asean-tip-data")  # the site's database: asean-tip-data.sqlite
    assert list(found) == list(expected)
    for key, value in expected.items():
        assert found[key] == value, key
    tables = found["databases"]["asean-tip-data"]["tables"]
    assert list(tables) == [r["name"] for r in descriptor["resources"]]
    for table in tables.values():
        assert list(table) == ["title", "description", "columns"]


def test_the_sites_metadata_by_hand_in_both_languages(site: Path) -> None:
    # Written out from the licence's and the article's own pages and the project's words, not read from the descriptor.
    english, indonesian = (
        _read(site / "downloads" / n) for n in ("asean-tip-data.metadata.json", "asean-tip-data.metadata.id.json")
    )
    assert (english["license"], indonesian["license"]) == (
        "Creative Commons Attribution 4.0 International",
        "Creative Commons Atribusi 4.0 Internasional",
    )
    for found in (english, indonesian):
        assert found["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
        assert found["source"].startswith(
            "Muhammad, R., Roziqin, A., Susilo, D., Romadhan, A. A. (2024). The Challenges"
        )
        assert found["source_url"] == "https://doi.org/10.32781/cakrawala.v18i2.733"
        assert found["about"] == f"asean-tip-data {importlib.metadata.version('asean-tip-data')}"
        assert found["about_url"] == "https://asean-tip-data.github.io/asean-tip-data/"
    assert (english["title"], indonesian["title"]) == (
        "POLRI and ASEANAPOL against human trafficking",
        "Kerja sama Polri dan ASEANAPOL dalam penanganan perdagangan orang",
    )
    countries = (
        english["databases"]["asean-tip-data"]["tables"]["countries"],
        indonesian["databases"]["asean-tip-data"]["tables"]["countries"],
    )
    assert [c["title"] for c in countries] == ["Countries", "Negara"]
    assert [c["columns"]["iso2"] for c in countries] == [
        "ISO alpha-2 code: ISO 3166-1 alpha-2 code.",
        "Kode ISO alfa-2: Kode ISO 3166-1 alfa-2.",
    ]


def test_the_sites_metadata_is_indented_json_with_its_letters_as_written(site: Path) -> None:
    text = (site / "downloads" / "asean-tip-data.metadata.id.json").read_text(encoding="utf-8")
    assert text.startswith('{\n  "title": "Kerja sama Polri')  # two spaces an indent, as datasette's own files
    assert text.endswith("\n}\n")  # one new line at the end
    assert "(Kemlu) RI—sumber" in text  # not \u2014


@pytest.mark.parametrize("lang", ["en", "id"])
def test_what_a_copy_lacks_its_metadata_leaves_out(lang: str, tmp_path: Path, copy: Path) -> None:
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["homepage"] = ""  # no homepage: no about_url
    descriptor["licenses"] = [
        {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"},  # no address: no license_url
        {"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/"},  # only the first counts
    ]
    descriptor["sources"] = [
        {"title": "Notes without an address"},  # no address: no source_url
        {"title": "A second source", "path": "https://example.org/second"},  # only the first is datasette's
    ]
    fields = descriptor["resources"][0]["schema"]["fields"]  # countries
    fields[1]["description"] = ""  # iso2: a column with no description is its title alone
    fields[1]["description_translated"] = {}
    del fields[2]["title_translated"]["id"], fields[2]["description_translated"]["id"]  # numeric_code: English only
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    atd.export("sqlite", tmp_path / "tip.db", copy, lang=lang)
    found = _read(tmp_path / "tip.metadata.json")
    assert list(found) == ["title", "description", "license", "source", "about", "databases"]
    assert found["license"] == "Creative Commons Attribution 4.0"  # no translation: the title as it is
    assert found["source"] == "Notes without an address"
    assert found["about"] == f"asean-tip-data {descriptor['version']}"
    columns = found["databases"]["tip"]["tables"]["countries"]["columns"]
    assert columns["iso2"] == {"en": "ISO alpha-2 code", "id": "Kode ISO alfa-2"}[lang]
    assert columns["numeric_code"] == (
        "ISO numeric code: ISO 3166-1 numeric code, three digits kept as text so leading zeros survive."
    )


def test_a_copy_without_a_licence_has_no_licence_in_its_metadata(tmp_path: Path, copy: Path) -> None:
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["licenses"] = []
    descriptor["sources"] = []
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    atd.export("sqlite", tmp_path / "tip.db", copy, lang="id")
    found = _read(tmp_path / "tip.metadata.json")
    assert list(found) == ["title", "description", "about", "about_url", "databases"]
