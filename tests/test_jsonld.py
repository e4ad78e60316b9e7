"""The page's schema.org Dataset description (JSON-LD), as search engines and catalogues read it.

Every key and value is compared whole with what the descriptor (read with json), the CSV files (read
with csv), the pinned words and the article say: a key dropped, added or changed fails.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
PAGES = ("index.html", "id/index.html")

# The tables whose rows name their source: every one but the list of sources, the pages read behind the
# placements and the errata. Their fields are the data's variables.
MEASURED = [
    "countries",
    "trafficking_cases",
    "case_statements",
    "trafficking_suspects",
    "liaison_officers",
    "meetings",
    "mous",
    "strategies",
    "strategy_roles",
    "challenges",
    "tip_tiers",
    "tip_tier_placements",
    "glossary",
]


def _script(page: Path) -> str:
    """Return the text inside the page's one JSON-LD <script> element, as the page holds it."""
    (found,) = SCRIPT.findall(page.read_text(encoding="utf-8"))
    return str(found)


def _tagged(texts: dict[str, str]) -> list[dict[str, str]]:
    return [{"@language": lang, "@value": text} for lang, text in texts.items()]


def _tagged_list(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"@language": lang, "@value": text} for lang, text in pairs]


def _resource(descriptor: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in descriptor["resources"] if r["name"] == name)
    return found


def _distribution(descriptor: dict[str, Any], pinned: dict[str, Any]) -> list[dict[str, Any]]:
    """Return every download of the site, in the order the site lists them, as the record should name each."""
    home = descriptor["homepage"]
    words = pinned["records"]
    names = [r["name"] for r in descriptor["resources"]]
    titles = {r["name"]: r["title_translated"] for r in descriptor["resources"]}

    def entry(name: Any, path: str, media: str) -> dict[str, Any]:
        return {"@type": "DataDownload", "name": name, "contentUrl": home + path, "encodingFormat": media}

    def both(english: str, indonesian: str) -> list[dict[str, str]]:
        return _tagged({"en": english, "id": indonesian})

    def titled(template: list[str], name: str) -> list[dict[str, str]]:
        return both(template[0].format(title=titles[name]["en"]), template[1].format(title=titles[name]["id"]))

    found = [entry(both(*words["descriptor"]), "downloads/datapackage.json", "application/json")]
    found += [entry(titled(words["csv"], n), f"downloads/resources/{n}.csv", "text/csv") for n in names]
    found += [entry(both(*words["parquet_descriptor"]), "downloads/parquet/datapackage.json", "application/json")]
    parquet = "application/vnd.apache.parquet"
    found += [entry(titled(words["parquet"], n), f"downloads/parquet/resources/{n}.parquet", parquet) for n in names]
    found += [entry(both(*words["sqlite"]), "downloads/asean-tip-data.sqlite", "application/vnd.sqlite3")]
    found += [entry("dcat-ap.ttl", "downloads/dcat-ap.ttl", "text/turtle")]  # the records keep their file names
    found += [entry("dcat-ap.jsonld", "downloads/dcat-ap.jsonld", "application/ld+json")]
    return found


def _countries(root: Path) -> list[dict[str, str]]:
    with (root / "resources" / "countries.csv").open(encoding="utf-8", newline="") as f:
        return [{"@type": "Country", "name": row["name"], "identifier": row["iso3"]} for row in csv.DictReader(f)]


def _expected(
    descriptor: dict[str, Any], pinned: dict[str, Any], root: Path, coverage: tuple[str, str]
) -> dict[str, Any]:
    """Return the Dataset description the bundled data should give, from the descriptor and by hand."""
    home = descriptor["homepage"]
    (source,) = descriptor["sources"]
    article = source["article"]
    (maker,) = [c for c in descriptor["contributors"] if "creator" in c["roles"]]
    agent = {"@type": "Organization", "name": _tagged(maker["title_translated"]), "url": maker["path"]}
    keywords = [(lang, k) for lang, words in descriptor["keywords_translated"].items() for k in words]
    measured = [
        {
            "@type": "PropertyValue",
            "name": f"{name}.{field['name']}",
            "description": _tagged(field["description_translated"]),
        }
        for name in MEASURED
        for field in _resource(descriptor, name)["schema"]["fields"]
    ]
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": f"{home}#dataset",
        "name": _tagged(descriptor["title_translated"]),
        "alternateName": "asean-tip-data",
        "description": _tagged(descriptor["description_translated"]),
        "url": home,
        "sameAs": [f"{home}id/"],  # the Indonesian page
        "identifier": descriptor["id"],
        "version": descriptor["version"],
        "inLanguage": ["en", "id"],
        "isAccessibleForFree": True,
        "license": ["https://creativecommons.org/licenses/by/4.0/"],
        "keywords": _tagged_list(keywords),
        "creator": [agent],
        "publisher": [agent],
        "isBasedOn": [
            {
                "@type": "ScholarlyArticle",
                "@id": f"https://doi.org/{article['doi']}",
                "url": f"https://doi.org/{article['doi']}",
                "name": article["title"],
                "datePublished": "2024",
                "isPartOf": {"@type": "Periodical", "name": "Cakrawala: Jurnal Litbang Kebijakan"},
                "pagination": "229-250",
                "author": [
                    {
                        "@type": "Person",
                        "name": a["title"],
                        "givenName": a["givenName"],
                        "familyName": a["familyName"],
                        "affiliation": {"@type": "Organization", "name": "Universitas Muhammadiyah Malang"},
                    }
                    for a in source["authors"]
                ],
            }
        ],
        "citation": [source["title"]],
        "temporalCoverage": f"{coverage[0]}/{coverage[1]}",
        "datePublished": descriptor["created"][:10],
        "dateModified": descriptor["created"][:10],
        "spatialCoverage": {
            "@type": "Place",
            "name": _tagged({"en": "Southeast Asia", "id": "Asia Tenggara"}),
            # The map's frame, south west north east: from 91.0 E to 141.5 E, 11.5 S to 28.8 N.
            "geo": {"@type": "GeoShape", "box": "-11.5 91.0 28.8 141.5"},
            "containsPlace": _countries(root),
        },
        "variableMeasured": measured,
        "distribution": _distribution(descriptor, pinned),
    }


@pytest.mark.parametrize("page", PAGES)
def test_each_page_describes_the_dataset_whole_as_the_descriptor_and_the_article_say(
    page: str,
    site: Path,
    descriptor: dict[str, Any],
    pinned: dict[str, Any],
    root: Path,
    coverage: tuple[str, str],
) -> None:
    found = json.loads(_script(site / page))
    expected = _expected(descriptor, pinned, root, coverage)
    assert list(found) == list(expected)  # every key, once, in a stable order
    for key, value in expected.items():  # one key at a time: a failure names it
        assert found[key] == value, key


def test_the_description_names_the_article_its_authors_and_the_data_s_span_by_hand(site: Path) -> None:
    # The same facts, written out from the article's first page and the reference files, not the descriptor.
    found = json.loads(_script(site / "index.html"))
    (article,) = found["isBasedOn"]
    assert article["@id"] == "https://doi.org/10.32781/cakrawala.v18i2.733"
    assert article["name"] == (
        "The Challenges of Intergovernmental Organizations in Combating Transnational Crime: An Indonesian Perspective"
    )
    assert [(a["givenName"], a["familyName"]) for a in article["author"]] == [
        ("Rifki", "Muhammad"),
        ("Ali", "Roziqin"),
        ("Denny", "Susilo"),
        ("Ach. Apriyanto", "Romadhan"),
    ]
    assert found["name"] == [
        {"@language": "en", "@value": "POLRI and ASEANAPOL against human trafficking"},
        {"@language": "id", "@value": "Kerja sama Polri dan ASEANAPOL dalam penanganan perdagangan orang"},
    ]
    assert found["temporalCoverage"].startswith("1997-12-18/")  # the first AMMTC (Appendix 1, row 1)
    assert [c["identifier"] for c in found["spatialCoverage"]["containsPlace"]] == [
        *("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM")
    ]
    assert len(found["variableMeasured"]) == 120  # the fields of the thirteen tables that name a source
    assert len(found["distribution"]) == 2 * 16 + 5  # each table as CSV and Parquet, two descriptors, three more


def test_both_pages_carry_the_same_compact_description_its_letters_unescaped(site: Path) -> None:
    english, indonesian = (_script(site / page) for page in PAGES)
    assert english == indonesian  # one Dataset, described alike wherever a crawler meets it
    assert english.startswith('{"@context":"https://schema.org/","@type":"Dataset","@id":"https://')  # compact
    assert '"isAccessibleForFree":true,' in english
    assert "Kementerian Luar Negeri (Kemlu) RI—sumber" in english  # the Indonesian text as written, not \u2014


# A copy that exercises what the bundled data does not: no homepage, an agent who is a person, a second
# source with no address and no article, an empty translation, and markup in a text.

MARKUP = "Tables </script><!-- & > of a copy"


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("jsonld-other")
    copy = atd.export("csv", folder / "copy")
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["homepage"] = ""
    descriptor["title_translated"]["id"] = ""  # no Indonesian title: the English one alone
    descriptor["description"] = descriptor["description_translated"]["en"] = MARKUP
    descriptor["licenses"].append({"name": "other-terms", "title": "Other terms"})  # a licence with no address
    descriptor["contributors"] = [
        {
            "title": "Siti Aminah",
            "givenName": "Siti",
            "familyName": "Aminah",
            "organization": "Lab",
            "roles": ["creator"],
        },
        {"title": "Budi", "givenName": "Budi", "familyName": "Santoso", "roles": ["creator", "contact"]},
        {"title": "Reviewer", "roles": ["contributor"]},  # no creator: not credited as one
    ]
    descriptor["sources"].append(
        {
            "title": "A later report",
            "authors": [
                {"title": "Komnas HAM", "path": "https://www.komnasham.go.id/"},
                {"title": "An office", "title_translated": {"en": "An office", "id": "Sebuah kantor"}},
            ],
        }
    )
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return atd.build_page(folder / "site", copy)


def test_a_copy_without_a_homepage_has_no_addresses_and_no_downloads(other: Path) -> None:
    found = json.loads(_script(other / "index.html"))
    assert (found["@id"], found["url"], found["sameAs"], found["distribution"]) == (None, None, [], [])
    assert found["license"] == ["https://creativecommons.org/licenses/by/4.0/"]  # a licence with no address: none
    assert found["alternateName"] == "asean-tip-data" and found["inLanguage"] == ["en", "id"]


def test_an_empty_translation_is_left_out_and_markup_cannot_end_the_script(other: Path, site: Path) -> None:
    english, indonesian = (_script(other / page) for page in PAGES)
    assert english == indonesian
    found = json.loads(english)
    assert found["name"] == [{"@language": "en", "@value": "POLRI and ASEANAPOL against human trafficking"}]
    assert found["description"][0] == {"@language": "en", "@value": MARKUP}  # read back as written
    # In the page: no <, > or & of the text, each escaped as JSON allows, so nothing ends the element.
    assert "Tables \\u003c/script\\u003e\\u003c!-- \\u0026 \\u003e of a copy" in english
    assert not set("<>&") & set(english)
    assert not set("<>&") & set(_script(site / "index.html"))


def test_people_are_credited_as_persons_and_a_source_without_an_article_as_a_work(other: Path) -> None:
    found = json.loads(_script(other / "index.html"))
    makers = [
        {
            "@type": "Person",
            "name": "Siti Aminah",
            "givenName": "Siti",
            "familyName": "Aminah",
            "affiliation": {"@type": "Organization", "name": "Lab"},
        },
        {"@type": "Person", "name": "Budi", "givenName": "Budi", "familyName": "Santoso"},  # no affiliation
    ]
    assert found["creator"] == makers and found["publisher"] == makers
    article, report = found["isBasedOn"]
    assert article["@type"] == "ScholarlyArticle" and len(article["author"]) == 4
    assert report == {
        "@type": "CreativeWork",
        "name": "A later report",
        "author": [
            {
                "@type": "Organization",
                "name": [{"@language": "en", "@value": "Komnas HAM"}],
                "url": "https://www.komnasham.go.id/",
            },
            {"@type": "Organization", "name": _tagged({"en": "An office", "id": "Sebuah kantor"})},
        ],
    }
    assert found["citation"][1:] == ["A later report"]  # every source, in order
