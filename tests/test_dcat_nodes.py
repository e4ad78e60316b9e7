"""Which licence the DCAT-AP record names, on which file, and by which address (_catalogue/dcat_nodes.py).

A portal finds the licence by its address or its title: the CSV files name it by the licence's own
address (the descriptor's), every other download by the EU licence authority's IRI, and each says
it is the other. The addresses and titles are written here by hand, from the Creative Commons and
EU authority pages, not read from the descriptor.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

import asean_tip_data as atd
from asean_tip_data._catalogue.dcat import record
from asean_tip_data._catalogue.facts import facts
from asean_tip_data._gate.descriptor import bundled_metadata

CC_BY = rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
EU_CC_BY = rdflib.URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
ATTRIBUTION = rdflib.URIRef("http://purl.org/adms/licencetype/Attribution")
CSV = rdflib.URIRef("http://www.iana.org/assignments/media-types/text/csv")


def _graph(datapackage: Path | None = None) -> Any:
    return rdflib.Graph().parse(data=atd.dcat_ap(datapackage=datapackage), format="turtle")


def test_csv_files_name_the_licence_by_its_own_address_the_others_by_the_eu_authority_s() -> None:
    graph = _graph()
    distributions = list(graph.objects(None, DCAT.distribution))
    csv = [d for d in distributions if graph.value(d, DCAT.mediaType) == CSV]
    assert len(csv) == len(atd.resource_names()) and len(distributions) > len(csv)
    for distribution in distributions:
        expected = CC_BY if distribution in csv else EU_CC_BY
        assert list(graph.objects(distribution, DCTERMS.license)) == [expected], distribution


@pytest.mark.parametrize(("licence", "other"), [(CC_BY, EU_CC_BY), (EU_CC_BY, CC_BY)])
def test_each_licence_node_is_the_same_licence_titled_as_registers_know_it(licence: Any, other: Any) -> None:
    graph = _graph()
    assert set(graph.objects(licence, RDF.type)) == {DCTERMS.LicenseDocument}
    assert list(graph.objects(licence, OWL.sameAs)) == [other]
    assert list(graph.objects(licence, DCTERMS.identifier)) == [rdflib.Literal("CC-BY-4.0")]
    # The title CKAN's default licence register gives CC BY 4.0.
    assert list(graph.objects(licence, DCTERMS.title)) == [rdflib.Literal("Creative Commons Attribution")]
    assert set(graph.objects(licence, SKOS.prefLabel)) == {
        rdflib.Literal("Creative Commons Attribution 4.0 International", lang="en"),
        rdflib.Literal("Creative Commons Atribusi 4.0 Internasional", lang="id"),
    }
    assert list(graph.objects(licence, DCTERMS.type)) == [ATTRIBUTION]
    assert set(graph.objects(ATTRIBUTION, RDF.type)) == {SKOS.Concept}
    assert list(graph.objects(ATTRIBUTION, SKOS.prefLabel)) == [rdflib.Literal("Attribution", lang="en")]


def _licensed(tmp_path: Path, licenses: list[dict[str, Any]]) -> Path:
    copy = atd.export("csv", tmp_path / "copy")
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["licenses"] = licenses
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return copy


def test_a_licence_the_eu_authority_does_not_list_is_named_once_on_every_file(tmp_path: Path) -> None:
    odc_by = "https://opendatacommons.org/licenses/by/1-0/"
    copy = _licensed(
        tmp_path, [{"name": "ODC-BY-1.0", "path": odc_by, "title": "Open Data Commons Attribution License v1.0"}]
    )
    graph = _graph(copy)
    licence = rdflib.URIRef(odc_by)
    assert set(graph.objects(None, DCTERMS.license)) == {licence}
    assert len(list(graph.subject_objects(DCTERMS.license))) == len(list(graph.objects(None, DCAT.distribution)))
    assert list(graph.objects(licence, OWL.sameAs)) == [] and list(graph.objects(licence, DCTERMS.title)) == []
    assert list(graph.objects(licence, DCTERMS.identifier)) == [rdflib.Literal("ODC-BY-1.0")]
    assert list(graph.objects(licence, SKOS.prefLabel)) == [
        rdflib.Literal("Open Data Commons Attribution License v1.0", lang="en")
    ]


def test_a_copy_without_a_licence_names_none(tmp_path: Path) -> None:
    graph = _graph(_licensed(tmp_path, []))
    assert list(graph.subject_objects(DCTERMS.license)) == []
    assert list(graph.subjects(RDF.type, DCTERMS.LicenseDocument)) == []
    assert len(list(graph.objects(None, DCAT.distribution))) > 0


STABLE = rdflib.URIRef("http://publications.europa.eu/resource/authority/planned-availability/STABLE")
HOME = "https://asean-tip-data.github.io/asean-tip-data/"


def test_every_download_is_planned_to_stay_and_says_so_by_the_eu_authority_s_iri() -> None:
    graph = _graph()
    for distribution in graph.objects(None, DCAT.distribution):
        assert list(graph.objects(distribution, rdflib.URIRef("http://data.europa.eu/r5r/availability"))) == [STABLE]
    assert set(graph.objects(STABLE, RDF.type)) == {SKOS.Concept}
    assert list(graph.objects(STABLE, SKOS.prefLabel)) == [rdflib.Literal("stable", lang="en")]


def test_each_download_is_described_in_each_language_by_what_it_holds(descriptor: dict[str, Any]) -> None:
    graph = _graph()
    descriptions = {
        "datapackage.json": {
            "en": "Every table's schema, the sources and the licence, for frictionless and other Data Package"
            " readers; the tables are the CSV files.",
            "id": "Skema setiap tabel, sumber, dan lisensi, untuk frictionless dan pembaca Data Package lain;"
            " tabelnya berupa berkas CSV.",
        },
        "asean-tip-data.sqlite": {
            "en": "Every table in one file, with its types, keys and references.",
            "id": "Semua tabel dalam satu berkas, beserta tipe, kunci, dan rujukannya.",
        },
    }
    for resource in descriptor["resources"]:  # a table's files: the table's own description, tagged
        texts = {"en": resource["description"], "id": resource["description_translated"]["id"]}
        descriptions[f"resources/{resource['name']}.csv"] = descriptions[
            f"parquet/resources/{resource['name']}.parquet"
        ] = texts
    for path, texts in descriptions.items():
        said = set(graph.objects(rdflib.URIRef(f"{HOME}downloads/{path}"), DCTERMS.description))
        assert said == {rdflib.Literal(text, lang=lang) for lang, text in texts.items()}, path


def test_a_table_without_a_description_is_described_by_its_title(tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    meetings = next(r for r in descriptor["resources"] if r["name"] == "meetings")
    del meetings["description"], meetings["description_translated"]
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    graph = _graph(copy)
    said = set(graph.objects(rdflib.URIRef(f"{HOME}downloads/resources/meetings.csv"), DCTERMS.description))
    assert said == {
        rdflib.Literal("AMMTC and SOMTC meetings (CSV)", lang="en"),
        rdflib.Literal("Pertemuan AMMTC dan SOMTC (CSV)", lang="id"),
    }


# Every triple the record writes, node by node (issue 37). Each test builds the (predicate, object) pairs a
# node should have, by hand or from datapackage.json read with json, and compares them with the record's,
# both ways: a triple dropped, added or changed fails. A blank node object is counted as BLANK, and its own
# triples are the next test's.
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
DATASET = rdflib.URIRef(f"{HOME}#dataset")
PAGE = rdflib.URIRef(HOME)
DCAT_VERSION = rdflib.URIRef("http://www.w3.org/ns/dcat#version")  # DCAT 3's, which rdflib's DCAT lacks
AVAILABILITY = rdflib.URIRef("http://data.europa.eu/r5r/availability")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
LOCN = rdflib.Namespace("http://www.w3.org/ns/locn#")
WKT = rdflib.URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")
NON_PROFIT = rdflib.URIRef("http://purl.org/adms/publishertype/NonProfitOrganisation")
ACADEMIA = rdflib.URIRef("http://purl.org/adms/publishertype/Academia-ScientificOrganisation")
BLANK = "a blank node"
Pairs = Counter[tuple[Any, Any]]


@pytest.fixture(scope="module")
def package_record() -> Any:
    """The record ``atd.dcat_ap()`` gives of the bundled data, parsed from its Turtle."""
    return _graph()


def _pairs(graph: Any, node: Any) -> Pairs:
    """Return the (predicate, object) pairs the record gives ``node``, each blank object as BLANK."""
    return Counter((p, BLANK if isinstance(o, rdflib.BNode) else o) for p, o in graph.predicate_objects(node))


def _tagged(texts: dict[str, str]) -> list[rdflib.Literal]:
    return [rdflib.Literal(text, lang=lang) for lang, text in texts.items()]


def _one_blank(graph: Any, subject: Any, predicate: Any) -> Any:
    (node,) = graph.objects(subject, predicate)
    assert isinstance(node, rdflib.BNode), predicate
    return node


def _downloads(descriptor: dict[str, Any], pinned: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """Return each data download by its path under downloads/: its media type, EU file type, title and description.

    The three files that are no table are titled in the pinned words; a table's files by the table's titles
    and descriptions in the descriptor, the CSV's as "(CSV)", the Parquet file's as "(Parquet)".
    """
    words = pinned["records"]

    def texts(title: str, description: str) -> dict[str, tuple[str, str]]:
        return {lang: (words[title][i], words[description][i]) for i, lang in enumerate(("en", "id"))}

    files = {
        "datapackage.json": ("application/json", "JSON", texts("descriptor", "descriptor_description")),
        "parquet/datapackage.json": (
            "application/json",
            "JSON",
            texts("parquet_descriptor", "parquet_descriptor_description"),
        ),
        "asean-tip-data.sqlite": ("application/vnd.sqlite3", "SQL", texts("sqlite", "sqlite_description")),
    }
    for resource in descriptor["resources"]:
        titles, descriptions = resource["title_translated"], resource["description_translated"]
        files[f"resources/{resource['name']}.csv"] = (
            "text/csv",
            "CSV",
            {lang: (f"{titles[lang]} (CSV)", descriptions[lang]) for lang in ("en", "id")},
        )
        files[f"parquet/resources/{resource['name']}.parquet"] = (
            "application/vnd.apache.parquet",
            "PARQUET",
            {lang: (f"{titles[lang]} (Parquet)", descriptions[lang]) for lang in ("en", "id")},
        )
    return files


def _dataset_pairs(descriptor: dict[str, Any], pinned: dict[str, Any], doi: str) -> Pairs:
    article = rdflib.URIRef(f"https://doi.org/{doi}")
    released = rdflib.Literal(descriptor["created"][:10], datatype=XSD.date)
    pairs: list[tuple[Any, Any]] = [(RDF.type, DCAT.Dataset)]
    pairs += [(DCTERMS.title, t) for t in _tagged(descriptor["title_translated"])]
    pairs += [(DCTERMS.description, t) for t in _tagged(descriptor["description_translated"])]
    pairs += [(DCTERMS.identifier, rdflib.Literal(descriptor["id"]))]
    pairs += [
        (DCAT_VERSION, rdflib.Literal(descriptor["version"])),
        (OWL.versionInfo, rdflib.Literal(descriptor["version"])),
    ]
    pairs += [(DCTERMS.issued, released), (DCTERMS.modified, released)]
    pairs += [(DCTERMS.language, rdflib.URIRef(f"{EU}language/{code}")) for code in ("ENG", "IND")]
    pairs += [(DCAT.theme, rdflib.URIRef(f"{EU}data-theme/{code}")) for code in ("JUST", "INTR")]
    for lang, keywords in descriptor["keywords_translated"].items():
        pairs += [(DCAT.keyword, rdflib.Literal(keyword, lang=lang)) for keyword in keywords]
    pairs += [(DCAT.landingPage, PAGE)]
    pairs += [(DCTERMS.relation, article), (PROV.wasDerivedFrom, article), (FOAF.page, article)]
    pairs += [(DCAT.distribution, rdflib.URIRef(f"{HOME}downloads/{path}")) for path in _downloads(descriptor, pinned)]
    # The makers (one node: creator and publisher), the contact, the place and the period.
    pairs += [(p, BLANK) for p in (DCTERMS.creator, DCTERMS.publisher, DCAT.contactPoint)]
    pairs += [(DCTERMS.spatial, BLANK), (DCTERMS.temporal, BLANK)]
    return Counter(pairs)


def test_the_dataset_node_has_every_triple_the_descriptor_gives_and_no_other(
    package_record: Any, descriptor: dict[str, Any], pinned: dict[str, Any], doi: str
) -> None:
    assert descriptor["version"] == atd.__version__
    assert descriptor["languages"] == ["en", "id"]
    assert _pairs(package_record, DATASET) == _dataset_pairs(descriptor, pinned, doi)


def test_the_makers_are_one_organisation_that_creates_and_publishes_named_in_both_languages(
    package_record: Any, descriptor: dict[str, Any]
) -> None:
    (maker,) = descriptor["contributors"]
    creator = _one_blank(package_record, DATASET, DCTERMS.creator)
    assert _one_blank(package_record, DATASET, DCTERMS.publisher) == creator
    expected: list[tuple[Any, Any]] = [
        (RDF.type, FOAF.Agent),
        (RDF.type, FOAF.Organization),
        (DCTERMS.type, NON_PROFIT),
    ]
    expected += [(FOAF.name, name) for name in _tagged(maker["title_translated"])]
    expected += [(FOAF.homepage, rdflib.URIRef("https://github.com/asean-tip-data/asean-tip-data/issues"))]
    assert _pairs(package_record, creator) == Counter(expected)
    assert {str(n) for n in package_record.objects(creator, FOAF.name)} == {
        "asean-tip-data maintainers",
        "Tim penyusun asean-tip-data",
    }


def test_the_contact_point_is_the_makers_card_with_their_address(
    package_record: Any, descriptor: dict[str, Any]
) -> None:
    (maker,) = descriptor["contributors"]
    contact = _one_blank(package_record, DATASET, DCAT.contactPoint)
    expected: list[tuple[Any, Any]] = [(RDF.type, VCARD.Kind), (RDF.type, VCARD.Organization)]
    expected += [(VCARD.fn, name) for name in _tagged(maker["title_translated"])]
    expected += [(VCARD.hasURL, rdflib.URIRef(maker["path"]))]
    assert _pairs(package_record, contact) == Counter(expected)


def test_the_article_is_a_document_titled_as_printed_with_its_four_authors_as_persons(
    package_record: Any, authors: list[str], doi: str
) -> None:
    article = rdflib.URIRef(f"https://doi.org/{doi}")
    title = (
        "The Challenges of Intergovernmental Organizations in Combating Transnational Crime: An Indonesian Perspective"
    )
    expected: list[tuple[Any, Any]] = [
        (RDF.type, FOAF.Document),
        (RDF.type, RDFS.Resource),
        (DCTERMS.title, rdflib.Literal(title)),
    ]
    expected += [(DCTERMS.creator, BLANK)] * len(authors)
    assert _pairs(package_record, article) == Counter(expected)
    written = sorted(
        (_pairs(package_record, author) for author in package_record.objects(article, DCTERMS.creator)),
        key=lambda pairs: str(next(o for p, o in pairs if p == FOAF.name)),
    )
    assert written == [
        Counter(
            [(RDF.type, FOAF.Agent), (RDF.type, FOAF.Person), (DCTERMS.type, ACADEMIA), (FOAF.name, rdflib.Literal(a))]
        )
        for a in sorted(authors)
    ]
    # The article's authors are never the dataset's.
    assert set(package_record.subjects(DCTERMS.creator, None)) == {DATASET, article}


def test_the_place_is_southeast_asia_in_both_languages_with_the_map_frame_as_box_and_centre(
    package_record: Any,
) -> None:
    place = _one_blank(package_record, DATASET, DCTERMS.spatial)
    # The map's frame, west 91.0, south -11.5, east 141.5, north 28.8: its corners anticlockwise, closed,
    # and its middle.
    box = "POLYGON((91.0 -11.5, 141.5 -11.5, 141.5 28.8, 91.0 28.8, 91.0 -11.5))"
    assert _pairs(package_record, place) == Counter(
        [
            (RDF.type, DCTERMS.Location),
            (LOCN.geographicName, rdflib.Literal("Southeast Asia", lang="en")),
            (LOCN.geographicName, rdflib.Literal("Asia Tenggara", lang="id")),
            (SKOS.prefLabel, rdflib.Literal("Southeast Asia", lang="en")),
            (DCAT.bbox, rdflib.Literal(box, datatype=WKT)),
            (DCAT.centroid, rdflib.Literal("POINT(116.25 8.65)", datatype=WKT)),
        ]
    )


def test_the_period_runs_from_the_first_ammtc_to_the_last_day_the_data_describes(
    package_record: Any, coverage: tuple[str, str]
) -> None:
    period = _one_blank(package_record, DATASET, DCTERMS.temporal)
    start, end = coverage
    assert _pairs(package_record, period) == Counter(
        [
            (RDF.type, DCTERMS.PeriodOfTime),
            (DCAT.startDate, rdflib.Literal(start, datatype=XSD.date)),
            (DCAT.endDate, rdflib.Literal(end, datatype=XSD.date)),
        ]
    )


def _distribution_pairs(media: str, file_type: str, texts: dict[str, Any], licence: Any, measured: bool) -> Pairs:
    pairs: list[tuple[Any, Any]] = [(RDF.type, DCAT.Distribution), (RDF.type, RDFS.Resource), (DCAT.accessURL, PAGE)]
    pairs += [(DCTERMS.title, rdflib.Literal(title, lang=lang)) for lang, (title, _) in texts.items()]
    pairs += [(DCTERMS.description, rdflib.Literal(text, lang=lang)) for lang, (_, text) in texts.items()]
    pairs += [(DCTERMS.license, licence), (AVAILABILITY, STABLE)]
    pairs += [
        (DCAT.mediaType, rdflib.URIRef(IANA + media)),
        (DCTERMS["format"], rdflib.URIRef(f"{EU}file-type/{file_type}")),
    ]
    if measured:
        pairs += [(SPDX.checksum, BLANK)]  # the byte size is the test's: it is the file's
    return Counter(pairs)


@pytest.mark.parametrize("whose", ["package", "site"])
def test_each_distribution_has_its_address_texts_licence_types_and_its_files_size_and_checksum(
    whose: str,
    request: pytest.FixtureRequest,
    package_record: Any,
    descriptor: dict[str, Any],
    pinned: dict[str, Any],
) -> None:
    # The package's record measures the bundled descriptor and CSV files; the page's, every download it holds.
    if whose == "site":
        folder = request.getfixturevalue("site") / "downloads"
        graph = rdflib.Graph().parse(folder / "dcat-ap.ttl", format="turtle")
    else:
        folder, graph = atd.datapackage_path().parent, package_record  # the installed copies the record measured
    downloads = _downloads(descriptor, pinned)
    assert set(graph.objects(DATASET, DCAT.distribution)) == {rdflib.URIRef(f"{HOME}downloads/{p}") for p in downloads}
    for path, (media, file_type, texts) in downloads.items():
        distribution = rdflib.URIRef(f"{HOME}downloads/{path}")
        local = folder / path
        measured = whose == "site" or path == "datapackage.json" or path.startswith("resources/")
        expected = _distribution_pairs(media, file_type, texts, CC_BY if media == "text/csv" else EU_CC_BY, measured)
        expected[(DCAT.downloadURL, distribution)] += 1
        if measured:
            data = local.read_bytes()
            expected[(DCAT.byteSize, rdflib.Literal(str(len(data)), datatype=XSD.nonNegativeInteger))] += 1
            checksum = _one_blank(graph, distribution, SPDX.checksum)
            assert _pairs(graph, checksum) == Counter(
                [
                    (RDF.type, SPDX.Checksum),
                    (SPDX.algorithm, SPDX.checksumAlgorithm_sha256),
                    (SPDX.checksumValue, rdflib.Literal(hashlib.sha256(data).hexdigest(), datatype=XSD.hexBinary)),
                ]
            ), path
        assert _pairs(graph, distribution) == expected, path


def _named_nodes(descriptor: dict[str, Any], doi: str, authors: list[str]) -> dict[Any, Pairs]:
    """Return every node of the record named by an IRI but the dataset and its files, with the pairs it should have."""

    def concept(label: str) -> list[tuple[Any, Any]]:
        return [(RDF.type, SKOS.Concept), (SKOS.prefLabel, rdflib.Literal(label, lang="en"))]

    nodes = {
        rdflib.URIRef(f"{EU}data-theme/JUST"): concept("Justice, legal system and public safety"),
        rdflib.URIRef(f"{EU}data-theme/INTR"): concept("International issues"),
        rdflib.URIRef(f"{EU}language/ENG"): [(RDF.type, DCTERMS.LinguisticSystem)],
        rdflib.URIRef(f"{EU}language/IND"): [(RDF.type, DCTERMS.LinguisticSystem)],
        NON_PROFIT: concept("NonProfitOrganisation"),
        ACADEMIA: concept("Academia-ScientificOrganisation"),
        ATTRIBUTION: concept("Attribution"),
        STABLE: concept("stable"),
        SPDX.checksumAlgorithm_sha256: [(RDF.type, SPDX.ChecksumAlgorithm)],
        PAGE: [(RDF.type, FOAF.Document), (RDF.type, RDFS.Resource)],
        rdflib.URIRef(f"https://doi.org/{doi}"): [
            (RDF.type, FOAF.Document),
            (RDF.type, RDFS.Resource),
            (DCTERMS.title, rdflib.Literal(descriptor["sources"][0]["article"]["title"])),
            *[(DCTERMS.creator, BLANK)] * len(authors),
        ],
    }
    for media in ("text/csv", "application/vnd.apache.parquet", "application/json", "application/vnd.sqlite3"):
        nodes[rdflib.URIRef(IANA + media)] = [(RDF.type, DCTERMS.MediaType), (RDFS.label, rdflib.Literal(media))]
    for file_type in ("CSV", "PARQUET", "JSON", "SQL"):
        nodes[rdflib.URIRef(f"{EU}file-type/{file_type}")] = [(RDF.type, DCTERMS.MediaTypeOrExtent)]
    (licence,) = descriptor["licenses"]
    assert licence["path"] == str(CC_BY)
    for node, other in ((CC_BY, EU_CC_BY), (EU_CC_BY, CC_BY)):
        nodes[node] = [(RDF.type, DCTERMS.LicenseDocument), (DCTERMS.type, ATTRIBUTION), (OWL.sameAs, other)]
        nodes[node] += [(DCTERMS.identifier, rdflib.Literal(licence["name"]))]
        nodes[node] += [(SKOS.prefLabel, t) for t in _tagged(licence["title_translated"])]
        nodes[node] += [(DCTERMS.title, rdflib.Literal("Creative Commons Attribution"))]  # CKAN's register's title
    return {node: Counter(pairs) for node, pairs in nodes.items()}


def test_each_vocabulary_term_licence_and_page_the_record_names_is_typed_and_labelled_as_expected(
    package_record: Any, descriptor: dict[str, Any], doi: str, authors: list[str]
) -> None:
    for node, expected in _named_nodes(descriptor, doi, authors).items():
        assert _pairs(package_record, node) == expected, node


def test_the_record_holds_these_nodes_and_no_triple_beyond_them(
    package_record: Any, descriptor: dict[str, Any], pinned: dict[str, Any], doi: str, authors: list[str]
) -> None:
    named = _named_nodes(descriptor, doi, authors)
    downloads = _downloads(descriptor, pinned)
    files = [rdflib.URIRef(f"{HOME}downloads/{path}") for path in downloads]
    subjects = set(package_record.subjects())
    assert {s for s in subjects if not isinstance(s, rdflib.BNode)} == {DATASET, *files, *named}
    # The blank nodes: the makers, the contact, the place, the period, the four authors and a checksum for
    # each file the package measures (its descriptor and its CSV files).
    measured = 1 + len(descriptor["resources"])
    assert len([s for s in subjects if isinstance(s, rdflib.BNode)]) == 4 + len(authors) + measured
    # Every triple is one the tests above expect: the dataset's, each file's (with its size and its
    # checksum's three), each named node's, and the blank nodes' (makers 6, contact 5, place 6, period 3,
    # each author 4).
    dataset = sum(_dataset_pairs(descriptor, pinned, doi).values())
    # Each file: its pairs and its download URL; a measured file, its size and its checksum's three besides.
    distributions = sum(sum(_distribution_pairs(m, t, x, CC_BY, False).values()) + 1 for m, t, x in downloads.values())
    distributions += measured * (2 + 3)
    blanks = 6 + 5 + 6 + 3 + 4 * len(authors)
    assert len(package_record) == dataset + distributions + sum(sum(p.values()) for p in named.values()) + blanks


# What a copy whose descriptor credits otherwise gets: each of these changes one branch of the record.
Edit = Callable[..., dict[str, Any]]


def test_a_person_maker_and_a_person_and_an_organisation_to_contact_are_named_as_the_descriptor_gives_them(
    copy: Path, edit_descriptor: Edit
) -> None:
    def credit(descriptor: dict[str, Any]) -> None:
        descriptor["contributors"] = [
            {"title": "Jane Doe", "givenName": "Jane", "familyName": "Doe", "roles": ["creator", "publisher"]},
            {
                "title": "Budi Santoso",
                "givenName": "Budi",
                "familyName": "Santoso",
                "path": "https://example.org/budi",
                "roles": ["contact"],
            },
            {"title": "Help desk", "title_translated": {"en": "Help desk", "id": "Meja bantuan"}, "roles": ["contact"]},
        ]

    edit_descriptor(copy, credit)
    graph = _graph(copy)
    # The maker, a person: named once, untagged, with no homepage, as it has no address; never a contact.
    maker = _one_blank(graph, DATASET, DCTERMS.creator)
    assert _one_blank(graph, DATASET, DCTERMS.publisher) == maker
    assert _pairs(graph, maker) == Counter(
        [
            (RDF.type, FOAF.Agent),
            (RDF.type, FOAF.Person),
            (DCTERMS.type, NON_PROFIT),
            (FOAF.name, rdflib.Literal("Jane Doe")),
        ]
    )
    # The contacts, and only they: a person by their address, an organisation without one by the homepage.
    contacts = [_pairs(graph, c) for c in graph.objects(DATASET, DCAT.contactPoint)]
    budi: list[tuple[Any, Any]] = [(RDF.type, VCARD.Individual), (VCARD.fn, rdflib.Literal("Budi Santoso"))]
    budi += [(VCARD.hasURL, rdflib.URIRef("https://example.org/budi"))]
    desk: list[tuple[Any, Any]] = [(RDF.type, VCARD.Organization), (VCARD.hasURL, PAGE)]
    desk += [(VCARD.fn, rdflib.Literal("Help desk", lang="en")), (VCARD.fn, rdflib.Literal("Meja bantuan", lang="id"))]
    expected = [Counter([(RDF.type, VCARD.Kind), *pairs]) for pairs in (budi, desk)]
    assert sorted(contacts, key=lambda pairs: sum(pairs.values())) == expected  # Budi's 4 triples, the desk's 5


def test_a_source_is_titled_by_its_citation_without_an_article_record_and_left_out_without_an_address(
    copy: Path, edit_descriptor: Edit, descriptor: dict[str, Any], authors: list[str], doi: str
) -> None:
    def cite(edited: dict[str, Any]) -> None:
        del edited["sources"][0]["article"]
        page = {
            "title": "A page with no address",
            "authors": [{"title": "Ann Lee", "givenName": "Ann", "familyName": "Lee"}],
        }
        edited["sources"].insert(0, page)  # first: the article after it is still named

    edit_descriptor(copy, cite)
    graph = _graph(copy)
    article = rdflib.URIRef(f"https://doi.org/{doi}")
    for predicate in (DCTERMS.relation, PROV.wasDerivedFrom, FOAF.page):
        assert list(graph.objects(DATASET, predicate)) == [article], predicate
    expected: list[tuple[Any, Any]] = [(RDF.type, FOAF.Document), (RDF.type, RDFS.Resource)]
    expected += [(DCTERMS.title, rdflib.Literal(descriptor["sources"][0]["title"]))]  # "Muhammad, R., ... (2024). ..."
    expected += [(DCTERMS.creator, BLANK)] * len(authors)
    assert _pairs(graph, article) == Counter(expected)
    assert sorted(str(n) for n in graph.objects(None, FOAF.name) if n.language is None) == sorted(authors)


def test_a_licence_without_an_address_is_named_under_the_homepage_and_by_the_eu_authority(tmp_path: Path) -> None:
    titles = {
        "en": "Creative Commons Attribution 4.0 International",
        "id": "Creative Commons Atribusi 4.0 Internasional",
    }
    copy = _licensed(tmp_path, [{"name": "CC-BY-4.0", "title": titles["en"], "title_translated": titles}])
    graph = _graph(copy)
    own = rdflib.URIRef(f"{HOME}#licence")
    named = {str(d): list(graph.objects(d, DCTERMS.license)) for d in graph.objects(DATASET, DCAT.distribution)}
    assert {d: licence for d, (licence,) in named.items() if d.endswith(".csv")} == {
        f"{HOME}downloads/resources/{r}.csv": own for r in atd.resource_names()
    }
    assert {licence for d, (licence,) in named.items() if not d.endswith(".csv")} == {EU_CC_BY}
    for node, other in ((own, EU_CC_BY), (EU_CC_BY, own)):
        expected: list[tuple[Any, Any]] = [(RDF.type, DCTERMS.LicenseDocument), (DCTERMS.type, ATTRIBUTION)]
        expected += [(OWL.sameAs, other), (DCTERMS.identifier, rdflib.Literal("CC-BY-4.0"))]
        expected += [(SKOS.prefLabel, t) for t in _tagged(titles)]
        expected += [(DCTERMS.title, rdflib.Literal("Creative Commons Attribution"))]
        assert _pairs(graph, node) == Counter(expected), node


@pytest.mark.parametrize("undated", [("start", "end"), ("start",), ("end",)])
def test_a_copy_without_a_first_or_last_day_covers_no_period_and_without_a_release_day_gives_none(
    undated: tuple[str, ...],
) -> None:
    known = facts()
    about = known._replace(
        released="",
        start=None if "start" in undated else known.start,
        end=None if "end" in undated else known.end,
    )
    graph = rdflib.Graph().parse(data=record(bundled_metadata(), about), format="turtle")
    assert list(graph.subjects(RDF.type, DCTERMS.PeriodOfTime)) == []
    for predicate in (DCTERMS.temporal, DCTERMS.issued, DCTERMS.modified):
        assert list(graph.objects(DATASET, predicate)) == [], predicate
    assert len(list(graph.objects(DATASET, DCTERMS.title))) == 2  # the rest of the record is there


def test_the_turtle_names_every_vocabulary_it_uses_by_its_usual_prefix() -> None:
    # 1.22.1 printed vCard and LOCN as ns1: and ns2:, numbered in whatever order rdflib met them.
    prefixes = dict(re.findall(r"^@prefix (\w*): <([^>]+)> \.$", atd.dcat_ap(), flags=re.M))
    assert prefixes["vcard"] == "http://www.w3.org/2006/vcard/ns#"
    assert prefixes["locn"] == "http://www.w3.org/ns/locn#"
    assert not [p for p in prefixes if re.fullmatch(r"ns\d+", p)]
