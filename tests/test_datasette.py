"""datasette's metadata: written beside every SQLite database, from the descriptor, in the language asked for.

datasette itself serves it in CI (`bash .ci/run datasette`, .ci/datasette_check.py): these tests hold
what the file says, where it lies, and that it is never written over a user's file unasked.
"""

from __future__ import annotations

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
    assert (metadata["about"], metadata["about_url"]) == (f"asean-tip-data {atd.__version__}", descriptor["homepage"])
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
