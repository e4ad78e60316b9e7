"""The citation: CITATION.cff and .zenodo.json are the function's output; each cites the dataset, then the article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import asean_tip_data as atd

# What Zenodo's GitHub integration reads of .zenodo.json (its legacy deposit metadata, read by
# zenodo-rdm's LegacySchema): a key outside it would be dropped without a word.
ZENODO_KEYS = {
    "upload_type", "title", "description", "creators", "contributors", "keywords", "license", "version",
    "language", "related_identifiers", "references", "publication_date", "notes", "communities", "grants",
}  # fmt: skip
# Zenodo's own schema of that metadata (zenodo/zenodo's legacyrecord.json, draft 4, which refuses any
# key it does not list), and the keys today's loader reads beyond it: zenodo-rdm's LegacySchema has
# `language` (load_language) and `version`, which the stale schema refuses. No other key may be outside.
LEGACY_SCHEMA = Path(__file__).parent / "fixtures" / "zenodo" / "legacyrecord.json"
READ_BEYOND_THE_SCHEMA = {"language", "version"}


def _legacy_errors(record: dict[str, object]) -> list[str]:
    schema = json.loads(LEGACY_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(record)]


@pytest.mark.parametrize(("name", "format"), [("CITATION.cff", "cff"), (".zenodo.json", "zenodo")])
def test_the_citation_files_are_current(root: Path, name: str, format: str) -> None:
    assert (root / name).read_text(encoding="utf-8") == atd.cite(format), f"asean-tip-data cite --format {format}"  # type: ignore[arg-type]


def test_citation_cff_cites_the_dataset_and_references_the_article(root: Path, descriptor: dict[str, object]) -> None:
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    assert (cff["cff-version"], cff["type"], cff["version"], cff["license"]) == (
        "1.2.0",
        "dataset",
        atd.__version__,
        "CC-BY-4.0",
    )
    # No preferred-citation: GitHub's "Cite this repository" then gives the dataset itself.
    assert "preferred-citation" not in cff and cff["abstract"] == descriptor["description"]
    (article,) = cff["references"]
    assert article["type"] == "article" and article["doi"] == "10.32781/cakrawala.v18i2.733"
    assert [a["family-names"] for a in article["authors"]] == ["Muhammad", "Roziqin", "Susilo", "Romadhan"]
    assert (article["volume"], article["issue"], article["start"], article["end"]) == (18, "2", "229", "250")
    keywords = descriptor["keywords_translated"]
    assert isinstance(keywords, dict) and set(cff["keywords"]) == set(keywords["en"]) | set(keywords["id"])


def test_zenodo_json_is_a_dataset_derived_from_the_article(root: Path) -> None:
    zenodo = json.loads((root / ".zenodo.json").read_text(encoding="utf-8"))
    assert set(zenodo) <= ZENODO_KEYS
    assert (zenodo["upload_type"], zenodo["license"], zenodo["version"]) == ("dataset", "cc-by-4.0", atd.__version__)
    assert zenodo["related_identifiers"] == [
        {
            "identifier": "10.32781/cakrawala.v18i2.733",
            "relation": "isDerivedFrom",
            "resource_type": "publication-article",
            "scheme": "doi",
        }
    ]
    assert len(zenodo["keywords"]) == len(set(zenodo["keywords"])) == 18


def test_zenodo_json_passes_zenodos_legacy_schema_but_for_the_two_keys_its_loader_reads_beyond_it(root: Path) -> None:
    zenodo = json.loads((root / ".zenodo.json").read_text(encoding="utf-8"))
    assert _legacy_errors({k: v for k, v in zenodo.items() if k not in READ_BEYOND_THE_SCHEMA}) == []
    # Only those two are outside the schema, which refuses them: a third key outside it fails here.
    listed = json.loads(LEGACY_SCHEMA.read_text(encoding="utf-8"))["properties"]
    assert set(zenodo) - set(listed) == READ_BEYOND_THE_SCHEMA and len(_legacy_errors(zenodo)) == 1
    # Zenodo's loader splits a name with exactly one comma into family and given names: the makers'
    # name, an organisation's, must have none or several, so that it arrives whole.
    assert all(c["name"].count(",") != 1 for c in zenodo["creators"] + zenodo["contributors"])


def test_text_and_bibtex() -> None:
    text = atd.cite()
    assert text.startswith("Dataset: asean-tip-data maintainers (2026). asean-tip-data: POLRI and ASEANAPOL")
    assert "Derived from: Muhammad, R., Roziqin, A., Susilo, D., Romadhan, A. A. (2024)." in text
    assert f"(version {atd.__version__})" in text
    bibtex = atd.cite("bibtex")
    assert "author = {{asean-tip-data maintainers}}" in bibtex and "pages = {229--250}" in bibtex
    # The keys a reader's \cite{} uses: the dataset's name, and the article's first author and year, in lower case.
    assert bibtex.startswith("@misc{asean_tip_data,\n") and "\n@article{muhammad_2024,\n" in bibtex
    assert atd.cite(lang="id").startswith("Dataset: Tim penyusun asean-tip-data (2026).")


# One citation per language: the same makers, title and abstract in every format; the Zenodo record declares
# its language. In Indonesian every text of ours is Indonesian; the article's record stays as published.
CITED = {
    "en": ("asean-tip-data maintainers", "POLRI and ASEANAPOL against human trafficking", "eng"),
    "id": ("Tim penyusun asean-tip-data", "Kerja sama Polri dan ASEANAPOL dalam penanganan perdagangan orang", "ind"),
}


@pytest.mark.parametrize("lang", CITED)
def test_one_citation_in_each_language_names_the_same_makers_in_every_format(
    lang: str, descriptor: dict[str, Any]
) -> None:
    makers, title, language = CITED[lang]
    text, bibtex = atd.cite("text", lang), atd.cite("bibtex", lang)
    cff, zenodo = yaml.safe_load(atd.cite("cff", lang)), json.loads(atd.cite("zenodo", lang))
    assert text.startswith(f"Dataset: {makers} (") and f"asean-tip-data: {title} (" in text
    assert f"author = {{{{{makers}}}}}" in bibtex and f"title = {{asean-tip-data: {title}}}" in bibtex
    assert [a["name"] for a in cff["authors"] + cff["contact"]] == [makers, makers]
    assert [c["name"] for c in zenodo["creators"] + zenodo["contributors"]] == [makers, makers]
    assert cff["title"] == zenodo["title"] == f"asean-tip-data: {title}" and zenodo["language"] == language
    assert cff["abstract"] == zenodo["description"] == descriptor["description_translated"][lang]
    if lang != "en":  # wholly in its language: its keywords too, and the message
        assert cff["keywords"] == zenodo["keywords"] == descriptor["keywords_translated"][lang]
        assert "references" not in cff["message"]
    # The article's record is the same in every language: its title is the one it was published with.
    assert cff["references"] == yaml.safe_load(atd.cite("cff"))["references"]
    assert zenodo["references"] == json.loads(atd.cite("zenodo"))["references"]
    assert _legacy_errors({k: v for k, v in zenodo.items() if k not in READ_BEYOND_THE_SCHEMA}) == []


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown citation format 'ris'"):
        atd.cite("ris")  # type: ignore[arg-type]


@pytest.mark.parametrize("format", ["cff", "zenodo"])
def test_the_indonesian_citation_keeps_its_abstract_as_written_for_the_reader_of_the_file(
    format: str, descriptor: dict[str, Any]
) -> None:
    # "\u2014" parses to the same dash, but a person reads the file, in the terminal or on GitHub.
    text = atd.cite(format, "id")  # type: ignore[arg-type]
    abstract = descriptor["description_translated"]["id"]
    assert not abstract.isascii() and abstract in text and "\\u" not in text
