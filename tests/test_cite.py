"""The citation: CITATION.cff and .zenodo.json are the function's output; each cites the dataset, then the article."""

from __future__ import annotations

import importlib.metadata
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import asean_tip_data as atd

# The version as the installed distribution's metadata gives it (pip show), not the package's own module.
VERSION = importlib.metadata.version("asean-tip-data")

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
        VERSION,
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
    assert (zenodo["upload_type"], zenodo["license"], zenodo["version"]) == ("dataset", "cc-by-4.0", VERSION)
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
    assert f"(version {VERSION})" in text
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
    message = "unknown citation format 'ris'; expected one of: text, bibtex, cff, zenodo"
    with pytest.raises(ValueError, match=re.escape(message)):
        atd.cite("ris")  # type: ignore[arg-type]


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match=re.escape("unknown language 'fr'; expected one of: en, id")):
        atd.cite("text", "fr")


@pytest.mark.parametrize("format", ["cff", "zenodo"])
def test_the_indonesian_citation_keeps_its_abstract_as_written_for_the_reader_of_the_file(
    format: str, descriptor: dict[str, Any]
) -> None:
    # "\u2014" parses to the same dash, but a person reads the file, in the terminal or on GitHub.
    text = atd.cite(format, "id")  # type: ignore[arg-type]
    abstract = descriptor["description_translated"]["id"]
    assert not abstract.isascii() and abstract in text and "\\u" not in text


# Each format whole, in each language. cite() takes no copy: it cites the bundled descriptor only.
# The article as its first page prints it (/work/shared/source/muhammad-2024-cakrawala-18-2.md), by hand:
# its authors' full names (family, given), their affiliation, its record, and its "How to Cite" (APA 7)
# without the journal's italics, the link's brackets and the full stop after the link.
ARTICLE_AUTHORS = [("Muhammad", "Rifki"), ("Roziqin", "Ali"), ("Susilo", "Denny"), ("Romadhan", "Ach. Apriyanto")]
AFFILIATION = "Universitas Muhammadiyah Malang"
ARTICLE_TITLE = (
    "The Challenges of Intergovernmental Organizations in Combating Transnational Crime: An Indonesian Perspective"
)
JOURNAL = "Cakrawala: Jurnal Litbang Kebijakan"
DOI = "10.32781/cakrawala.v18i2.733"
ARTICLE_APA = (
    "Muhammad, R., Roziqin, A., Susilo, D., Romadhan, A. A. (2024). The Challenges of Intergovernmental "
    "Organizations in Combating Transnational Crime: An Indonesian Perspective. Cakrawala: Jurnal Litbang "
    "Kebijakan, 18(2), 229-250. https://doi.org/10.32781/cakrawala.v18i2.733"
)
REPOSITORY = "https://github.com/asean-tip-data/asean-tip-data"
# The fixed words of each language's citation, by hand (tests/fixtures/words-pinned.toml has none of them).
FIXED = {
    "en": {
        "dataset": "Dataset",
        "version": "version",
        "kind": "Data set",
        "derived": "Derived from",
        "note": "Data set derived from doi:",
        "message": "If you use this dataset, please cite it and the article it is derived from (see references).",
        "language": "eng",
    },
    "id": {
        "dataset": "Dataset",
        "version": "versi",
        "kind": "Dataset",
        "derived": "Bersumber dari",
        "note": "Dataset yang disusun berdasarkan doi:",
        "message": "Jika Anda menggunakan dataset ini, kutiplah dataset ini dan artikel sumbernya (lihat rujukannya).",
        "language": "ind",
    },
}


def _dataset(descriptor: dict[str, Any], lang: str) -> dict[str, Any]:
    """The dataset as datapackage.json describes it, in ``lang``: its makers and contact are organisations."""

    def organisations(role: str) -> list[dict[str, str]]:
        credited = [c for c in descriptor["contributors"] if role in c["roles"]]
        assert credited and not any("familyName" in c for c in credited)  # named in each language, with an address
        return [{"name": c["title_translated"][lang], "website": c["path"]} for c in credited]

    keywords = descriptor["keywords_translated"]
    # The English record lists every keyword, its own first; the Indonesian only its own.
    every = list(dict.fromkeys(keywords["en"] + keywords["id"]))
    return {
        "title": f"{descriptor['name']}: {descriptor['title_translated'][lang]}",
        "abstract": descriptor["description_translated"][lang],
        "keywords": every if lang == "en" else keywords[lang],
        "makers": organisations("creator"),
        "contacts": organisations("contact"),
        "licence": descriptor["licenses"][0]["name"],
        "homepage": descriptor["homepage"],
        "created": descriptor["created"][:10],
    }


def _text(descriptor: dict[str, Any], lang: str) -> str:
    data, words = _dataset(descriptor, lang), FIXED[lang]
    makers = ", ".join(m["name"] for m in data["makers"])
    return (
        f"{words['dataset']}: {makers} ({data['created'][:4]}). {data['title']} "
        f"({words['version']} {VERSION}) [{words['kind']}]. {REPOSITORY}\n"
        f"{words['derived']}: {ARTICLE_APA}\n"
    )


def _bibtex(descriptor: dict[str, Any], lang: str) -> str:
    data, words = _dataset(descriptor, lang), FIXED[lang]
    makers = " and ".join(f"{{{m['name']}}}" for m in data["makers"])
    authors = " and ".join(f"{family}, {given}" for family, given in ARTICLE_AUTHORS)
    return (
        "@misc{asean_tip_data,\n"
        f"  author = {{{makers}}},\n"
        f"  title = {{{data['title']}}},\n"
        f"  version = {{{VERSION}}},\n"
        f"  year = {{{data['created'][:4]}}},\n"
        f"  url = {{{REPOSITORY}}},\n"
        f"  note = {{{words['note']}{DOI}}}\n"
        "}\n"
        "\n"
        "@article{muhammad_2024,\n"
        f"  author = {{{authors}}},\n"
        f"  title = {{{ARTICLE_TITLE}}},\n"
        f"  journal = {{{JOURNAL}}},\n"
        "  volume = {18},\n"
        "  number = {2},\n"
        "  pages = {229--250},\n"
        "  year = {2024},\n"
        f"  doi = {{{DOI}}}\n"
        "}\n"
    )


def _cff(descriptor: dict[str, Any], lang: str) -> dict[str, Any]:
    data = _dataset(descriptor, lang)
    return {
        "cff-version": "1.2.0",
        "message": FIXED[lang]["message"],
        "type": "dataset",
        "title": data["title"],
        "abstract": data["abstract"],
        "version": VERSION,
        "date-released": data["created"],
        "license": data["licence"],
        "repository-code": REPOSITORY,
        "url": data["homepage"],
        "authors": data["makers"],
        "contact": data["contacts"],
        "keywords": data["keywords"],
        "references": [
            {
                "type": "article",
                "title": ARTICLE_TITLE,
                "authors": [
                    {"family-names": family, "given-names": given, "affiliation": AFFILIATION}
                    for family, given in ARTICLE_AUTHORS
                ],
                "journal": JOURNAL,
                "volume": 18,
                "issue": "2",
                "start": "229",
                "end": "250",
                "year": 2024,
                "doi": DOI,
                "url": f"https://doi.org/{DOI}",
                "license": "CC-BY-4.0",  # the article's own: "Creative Commons Attribution 4.0 International"
            }
        ],
    }


def _zenodo(descriptor: dict[str, Any], lang: str) -> dict[str, Any]:
    data = _dataset(descriptor, lang)
    return {
        "upload_type": "dataset",
        "title": data["title"],
        "description": data["abstract"],
        "creators": [{"name": m["name"]} for m in data["makers"]],
        "contributors": [{"name": c["name"], "type": "ContactPerson"} for c in data["contacts"]],
        "keywords": data["keywords"],
        "license": data["licence"].lower(),  # Zenodo's licence ids are the SPDX ids in lower case
        "version": VERSION,
        "language": FIXED[lang]["language"],
        "related_identifiers": [
            {"identifier": DOI, "relation": "isDerivedFrom", "resource_type": "publication-article", "scheme": "doi"}
        ],
        "references": [ARTICLE_APA],
    }


# Each format as a reader gets it: the text and BibTeX as strings, CITATION.cff and .zenodo.json parsed.
EXPECTED: dict[str, Callable[[dict[str, Any], str], Any]] = {
    "text": _text,
    "bibtex": _bibtex,
    "cff": _cff,
    "zenodo": _zenodo,
}
PARSE: dict[str, Callable[[str], Any]] = {"text": str, "bibtex": str, "cff": yaml.safe_load, "zenodo": json.loads}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_text_citation_is_the_dataset_then_the_article_both_lines_whole(
    lang: str, descriptor: dict[str, Any]
) -> None:
    assert atd.cite("text", lang) == _text(descriptor, lang)


def test_cite_without_arguments_is_the_english_text(descriptor: dict[str, Any]) -> None:
    assert atd.cite() == _text(descriptor, "en")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_bibtex_is_both_entries_with_every_field_whole(lang: str, descriptor: dict[str, Any]) -> None:
    assert atd.cite("bibtex", lang) == _bibtex(descriptor, lang)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_citation_cff_is_the_whole_record_with_the_article_as_its_reference(
    lang: str, descriptor: dict[str, Any]
) -> None:
    assert yaml.safe_load(atd.cite("cff", lang)) == _cff(descriptor, lang)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_zenodo_record_is_whole_and_written_as_json_writes_it_for_a_reader(
    lang: str, descriptor: dict[str, Any]
) -> None:
    zenodo = atd.cite("zenodo", lang)
    expected = _zenodo(descriptor, lang)
    assert json.loads(zenodo) == expected
    # Indented by two, its Indonesian as written (no \\u escapes), one record a file, a newline at its end.
    assert zenodo == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("format", ["text", "bibtex", "cff", "zenodo"])
def test_the_cite_command_prints_each_format_whole_in_each_language(
    cli: Any, format: str, lang: str, descriptor: dict[str, Any]
) -> None:
    done = cli("cite", "--format", format, "--lang", lang)
    assert (done.returncode, done.stderr) == (0, "")
    assert PARSE[format](done.stdout) == EXPECTED[format](descriptor, lang)


def test_the_cite_command_without_a_format_prints_the_text(cli: Any, descriptor: dict[str, Any]) -> None:
    done = cli("cite", "--lang", "id")
    assert (done.returncode, done.stderr, done.stdout) == (0, "", _text(descriptor, "id"))
