"""One credit model, written once in the descriptor, and the same in every record generated from it.

The dataset is made, published and maintained by its makers, who are its contact; the article and its
four authors, in printed order, are credited as the source it is derived from. No author of the
article is the dataset's creator or contact anywhere.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import rdflib
import yaml
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV

import asean_tip_data as atd

VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return atd.build_page(tmp_path_factory.mktemp("credit") / "site")


def _jsonld(page: Path) -> dict[str, Any]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    assert found is not None
    return dict(json.loads(found[1]))


def _names(values: Any) -> list[str]:
    """Return the plain names of schema.org agents, whose names may be language-tagged values."""
    names = []
    for agent in values:
        name = agent["name"]
        names.append(name if isinstance(name, str) else next(v["@value"] for v in name if v["@language"] == "en"))
    return names


def test_every_record_credits_the_makers_and_the_source_as_the_descriptor_says(
    root: Path, descriptor: dict[str, Any], site: Path
) -> None:
    # The credit model, read from the descriptor.
    makers = [c["title"] for c in descriptor["contributors"] if "creator" in c["roles"]]
    contacts = [c["title"] for c in descriptor["contributors"] if "contact" in c["roles"]]
    (source,) = descriptor["sources"]
    authors = [a["title"] for a in source["authors"]]
    families = [a["familyName"] for a in source["authors"]]
    doi = source["article"]["doi"]
    assert makers and contacts and len(authors) == 4 and not set(authors) & set(makers + contacts)

    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    assert [a["name"] for a in cff["authors"]] == makers and [c["name"] for c in cff["contact"]] == contacts
    assert [a["family-names"] for a in cff["references"][0]["authors"]] == families
    assert cff["references"][0]["doi"] == doi

    zenodo = json.loads((root / ".zenodo.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in zenodo["creators"]] == makers
    assert [c["name"] for c in zenodo["contributors"] if c["type"] == "ContactPerson"] == contacts
    assert [r["identifier"] for r in zenodo["related_identifiers"] if r["relation"] == "isDerivedFrom"] == [doi]

    graph = rdflib.Graph().parse(site / "downloads" / "dcat-ap.ttl", format="turtle")
    dataset = rdflib.URIRef(f"{descriptor['homepage']}#dataset")
    for predicate, name, credited in ((DCTERMS.creator, FOAF.name, makers), (DCAT.contactPoint, VCARD.fn, contacts)):
        english = [
            str(n)
            for a in graph.objects(dataset, predicate)
            for n in graph.objects(a, name)
            if isinstance(n, rdflib.Literal) and n.language == "en"
        ]
        assert english == credited
    article = graph.value(dataset, PROV.wasDerivedFrom)
    assert str(article) == f"https://doi.org/{doi}"
    assert sorted(str(graph.value(a, FOAF.name)) for a in graph.objects(article, DCTERMS.creator)) == sorted(authors)

    for page in (site / "index.html", site / "id" / "index.html"):
        data = _jsonld(page)
        assert _names(data["creator"]) == makers and _names(data["publisher"]) == makers
        (based_on,) = data["isBasedOn"]
        assert based_on["@id"] == f"https://doi.org/{doi}" and _names(based_on["author"]) == authors
        # As the article's first page prints it: every author of one university, the journal, the year, the pages.
        assert {a["affiliation"]["name"] for a in based_on["author"]} == {"Universitas Muhammadiyah Malang"}
        assert based_on["isPartOf"]["name"] == "Cakrawala: Jurnal Litbang Kebijakan"
        assert (based_on["datePublished"], based_on["pagination"]) == ("2024", "229-250")

    card = (site / "downloads" / "parquet" / "README.md").read_text(encoding="utf-8")
    dataset_entry, article_entry = card.split("@misc")[1].split("@article")
    assert f"author = {{{{{makers[0]}}}}}" in dataset_entry and not any(f in dataset_entry for f in families)
    assert f"author = {{{source['authors'][0]['familyName']}, {source['authors'][0]['givenName']} and" in article_entry

    for lang in ("en", "id"):
        dataset_line, source_line = atd.cite(lang=lang).splitlines()
        assert not any(f in dataset_line for f in families) and all(f in source_line for f in families)
        assert doi in source_line
    assert makers[0] in atd.cite()

    # And nowhere is an author of the article the dataset's creator or contact.
    croissant = json.loads((root / "croissant.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in croissant["creator"]] == makers
    assert not set(authors) & {c["title"] for c in descriptor["contributors"]}


@pytest.mark.parametrize(
    ("page", "report", "news"),
    [
        (
            "index.html",
            "U.S. Department of State (2017), 2017 Trafficking in Persons Report: Indonesia",
            "(2023, 4 April)",
        ),
        (
            "id/index.html",
            "Departemen Luar Negeri Amerika Serikat (2017), Laporan TIP 2017, uraian tentang Indonesia",
            "(4 April 2023)",
        ),
    ],
)
def test_a_note_s_sources_are_named_as_far_as_their_date_a_report_with_its_title(
    site: Path, page: str, report: str, news: str
) -> None:
    # Table 1's notes cite the 2017 TIP Report's narrative and news reports: a publisher's reports of one year are
    # told apart by their titles, a news report by its date (sources.csv's citations, written out here).
    html = (site / page).read_text(encoding="utf-8")
    assert f"<cite>{report}</cite>; <cite>Tribunnews {news}</cite>" in html


def _placement(iso3: str, year: int, evidence: str = "two_sources") -> dict[str, Any]:
    return {"country_iso3": iso3, "report_year": year, "evidence": evidence}


@pytest.mark.parametrize(
    ("unread", "said"),
    [
        # Up to three placements not read in their own report's text: each named with its years.
        (
            [("MYS", 2019), ("MYS", 2020), ("THA", 2021)],
            " (Malaysia 2019 and 2020 and Thailand 2021: pages of <cite>AFP</cite> and <cite>Reuters</cite>)",
        ),
        # From four: counted, as the table placement_sources lists them.
        (
            [("MYS", 2019), ("MYS", 2020), ("THA", 2021), ("THA", 2022)],
            " (4 placements not read in their own report&#39;s text: 4 pages of 2 publishers,"
            " listed in the table placement_sources)",
        ),
    ],
    ids=["three named", "four counted"],
)
def test_a_chart_names_up_to_three_placements_read_elsewhere_and_counts_more(
    unread: list[tuple[str, int]], said: str
) -> None:
    # The bundled charts have 1, 2 or 28 such placements: the line's turn from naming to counting,
    # after three, is seen only here. The expected lines are written by hand.
    from asean_tip_data._page.credits import pages

    placements = [_placement("MYS", 2018, "report_text"), *(_placement(c, y) for c, y in unread)]
    publisher = {"MYS": "AFP", "THA": "Reuters"}
    read = [{"country_iso3": c, "report_year": y, "publisher": publisher[c]} for c, y in unread]
    shown = pages(placements, {"MYS": "Malaysia", "THA": "Thailand"}, {"placement_sources": read}, "en")
    assert str(shown) == said


@pytest.mark.parametrize(
    ("values", "english", "indonesian"),
    [
        ([2023], "2023", "2023"),
        ([2023, 2022], "2022 and 2023", "2022 dan 2023"),
        ([2021, 2022, 2023], "2021\u20132023", "2021\u20132023"),  # three years running: a range
        ([2019, 2021, 2022], "2019, 2021 and 2022", "2019, 2021, dan 2022"),  # a gap: each named
    ],
)
def test_report_years_run_as_a_range_from_three_and_are_listed_otherwise(
    values: list[int], english: str, indonesian: str
) -> None:
    from asean_tip_data._page.credits import years

    assert (str(years(values, "en")), str(years(values, "id"))) == (english, indonesian)
