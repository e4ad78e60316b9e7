"""The DCAT-AP 3 record conforms to the official shapes, as catalogues check it, and keeps what they need."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

import asean_tip_data as atd
from asean_tip_data._catalogue.dcat import record
from asean_tip_data._catalogue.facts import facts
from asean_tip_data._gate.descriptor import bundled_metadata

FIXTURES = Path(__file__).parent / "fixtures"  # SEMIC's DCAT-AP shapes (CC BY 4.0)
# DCAT-AP 3.0.1's two sets: the release folder's three files, and the combined file; and the combined
# file of 3.0.0 that ckanext-dcat's own tests validate its DCAT-AP 3 output with.
RELEASE_FOLDER = ("dcat-ap-3.0.1/shapes.ttl", "dcat-ap-3.0.1/range.ttl", "dcat-ap-3.0.1/shapes_recommended.ttl")
COMBINED = ("dcat-ap-3.0.1/dcat-ap-SHACL.ttl",)
CKANEXT_DCATS = ("dcat-ap-3.0.0/dcat-ap-SHACL.ttl",)
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = rdflib.Namespace("http://data.europa.eu/r5r/")
HOME = "https://asean-tip-data.github.io/asean-tip-data/"
Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def graph(site: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(site / "downloads" / "dcat-ap.ttl", format="turtle")


def _validate(graph: rdflib.Graph, shapes: tuple[str, ...], inference: str = "none") -> tuple[bool, rdflib.Graph, str]:
    sg = rdflib.Graph()
    for name in shapes:
        sg.parse(FIXTURES / name, format="turtle")
    conforms, results, report = pyshacl.validate(graph, shacl_graph=sg, inference=inference, allow_warnings=False)
    return bool(conforms), results, str(report)


@pytest.mark.parametrize("shapes", [RELEASE_FOLDER, COMBINED, CKANEXT_DCATS], ids=["3.0.1", "3.0.1-combined", "3.0.0"])
@pytest.mark.parametrize("inference", ["none", "rdfs"])  # ckanext-dcat checks its records with RDFS inference
def test_the_record_conforms_to_both_dcat_ap_301_sets_with_no_warning(
    graph: rdflib.Graph, shapes: tuple[str, ...], inference: str
) -> None:
    conforms, results, report = _validate(graph, shapes, inference)
    # Not a warning, nor a note: no result of any severity.
    assert conforms and not set(results.subjects(RDF.type, SH.ValidationResult)), report


def test_the_release_folders_shapes_want_integer_byte_sizes(graph: rdflib.Graph) -> None:
    # DCAT-AP 3.0.1 fixed 3.0.0's shapes.ttl, which wanted xsd:decimal (SEMIC's issue 399): a byte
    # size as a decimal now fails there too, once for each distribution.
    decimal = rdflib.Graph()
    for subject, predicate, value in graph:
        if predicate == DCAT.byteSize:
            value = rdflib.Literal(str(value), datatype=XSD.decimal)
        decimal.add((subject, predicate, value))
    conforms, results, report = _validate(decimal, RELEASE_FOLDER[:1])
    paths = [results.value(r, SH.resultPath) for r in results.subjects(RDF.type, SH.ValidationResult)]
    distributions = set(graph.objects(rdflib.URIRef(f"{HOME}#dataset"), DCAT.distribution))
    assert not conforms and paths == [DCAT.byteSize] * len(distributions), report


def test_the_shapes_find_what_is_missing(graph: rdflib.Graph) -> None:
    broken = rdflib.Graph()
    for triple in graph:
        if triple[1] != DCTERMS.title and triple[1] != DCAT.contactPoint:
            broken.add(triple)
    for shapes in (RELEASE_FOLDER, COMBINED):
        assert not _validate(broken, shapes)[0], shapes


def test_the_record_keeps_what_catalogues_need(
    graph: rdflib.Graph, makers: list[str], authors: list[str], coverage: tuple[str, str], root: Path, doi: str
) -> None:
    dataset = rdflib.URIRef(f"{HOME}#dataset")
    titles = {t.language: str(t) for t in graph.objects(dataset, DCTERMS.title) if isinstance(t, rdflib.Literal)}
    assert set(titles) == {"en", "id"} and titles["id"].startswith("Kerja sama Polri")
    descriptions = graph.objects(dataset, DCTERMS.description)
    assert {d.language for d in descriptions if isinstance(d, rdflib.Literal)} == {"en", "id"}
    # One creator, the makers, who publish the dataset and are its contact, named in both languages
    # and nothing untagged; the article's authors are its source's, never the dataset's.
    named = {"en": makers[0], "id": "Tim penyusun asean-tip-data"}
    for predicate, name in (
        (DCTERMS.creator, FOAF.name),
        (DCTERMS.publisher, FOAF.name),
        (DCAT.contactPoint, VCARD.fn),
    ):
        (agent,) = graph.objects(dataset, predicate)
        assert {n.language: str(n) for n in graph.objects(agent, name) if isinstance(n, rdflib.Literal)} == named
        assert len(list(graph.objects(agent, name))) == 2, predicate
    article = graph.value(dataset, PROV.wasDerivedFrom)
    assert article == rdflib.URIRef(f"https://doi.org/{doi}")
    # A page about the dataset: what a scheming portal (dcat_ap_full) shows of the article.
    assert graph.value(dataset, FOAF.page) == article and (article, RDF.type, FOAF.Document) in graph
    assert sorted(str(graph.value(a, FOAF.name)) for a in graph.objects(article, DCTERMS.creator)) == sorted(authors)
    assert str(graph.value(dataset, OWL.versionInfo)) == atd.__version__  # DCAT-AP 2's portals read this one
    keywords = {(str(k), k.language) for k in graph.objects(dataset, DCAT.keyword) if isinstance(k, rdflib.Literal)}
    assert {("perdagangan orang", "id"), ("human trafficking", "en")} <= keywords
    languages = set(graph.objects(dataset, DCTERMS.language))
    assert languages == {
        rdflib.URIRef(f"http://publications.europa.eu/resource/authority/language/{c}") for c in ("ENG", "IND")
    }
    assert str(graph.value(dataset, DCTERMS.identifier)).startswith("urn:uuid:")
    assert str(graph.value(dataset, rdflib.URIRef("http://www.w3.org/ns/dcat#version"))) == atd.__version__
    period = graph.value(dataset, DCTERMS.temporal)
    assert (str(graph.value(period, DCAT.startDate)), str(graph.value(period, DCAT.endDate))) == coverage
    # This version's day, as the changelog gives it: issued and modified alike.
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.search(rf"^## \[{re.escape(atd.__version__)}\] - (\S+)$", changelog, re.MULTILINE)
    assert released is not None
    assert {str(graph.value(dataset, p)) for p in (DCTERMS.issued, DCTERMS.modified)} == {released[1]}
    assert graph.value(dataset, DCTERMS.spatial) is not None and len(set(graph.objects(dataset, DCAT.theme))) == 2
    assert rdflib.URIRef(f"https://doi.org/{doi}") in set(graph.objects(dataset, DCTERMS.relation))


def test_every_distribution_says_where_and_what_it_is(graph: rdflib.Graph, site: Path) -> None:
    dataset = rdflib.URIRef(f"{HOME}#dataset")
    distributions = set(graph.objects(dataset, DCAT.distribution))
    names = atd.resource_names()
    assert len(distributions) == 2 * len(names) + 3  # the CSVs, the Parquet files, two descriptors, SQLite
    for distribution in distributions:
        url = str(graph.value(distribution, DCAT.downloadURL))
        assert url.startswith(f"{HOME}downloads/") and graph.value(distribution, DCAT.accessURL) == rdflib.URIRef(HOME)
        local = site / url.removeprefix(HOME)
        checksum = graph.value(distribution, SPDX.checksum)
        assert str(graph.value(checksum, SPDX.checksumValue)) == hashlib.sha256(local.read_bytes()).hexdigest(), url
        size = graph.value(distribution, DCAT.byteSize)
        assert (
            isinstance(size, rdflib.Literal)
            and size.datatype == XSD.nonNegativeInteger
            and int(size.toPython()) == local.stat().st_size
        )
        licence = graph.value(distribution, DCTERMS.license)
        assert (licence, RDF.type, DCTERMS.LicenseDocument) in graph  # which licence: the next test
        # No rdfs:label, which CKAN would store, and write out again, as the licence in its place;
        # the title CKAN's default register knows it by.
        assert graph.value(licence, RDFS.label) is None
        assert graph.value(licence, DCTERMS.title) == rdflib.Literal("Creative Commons Attribution")
        titles = {
            t.language: str(t) for t in graph.objects(distribution, DCTERMS.title) if isinstance(t, rdflib.Literal)
        }
        assert set(titles) == {"en", "id"} and not titles["en"].endswith((".csv", ".parquet", ".json", ".sqlite"))
        assert graph.value(distribution, DCAT.mediaType) is not None and graph.value(distribution, DCTERMS["format"])
        assert graph.value(distribution, DCATAP.availability) is not None
    meetings = rdflib.URIRef(f"{HOME}downloads/resources/meetings.csv")
    assert graph.value(meetings, DCAT.mediaType) == rdflib.URIRef(
        "http://www.iana.org/assignments/media-types/text/csv"
    )
    titles = {t.language: str(t) for t in graph.objects(meetings, DCTERMS.title) if isinstance(t, rdflib.Literal)}
    assert titles == {"en": "AMMTC and SOMTC meetings (CSV)", "id": "Pertemuan AMMTC dan SOMTC (CSV)"}


# The licence the descriptor gives, written out here: CC BY 4.0 by its own address on the CSV files, and by
# the EU licence authority's IRI on every other download (a portal's register knows one or the other).
CC_BY = rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
EU_CC_BY = rdflib.URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
TABLES = (
    "countries",
    "sources",
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
    "placement_sources",
    "glossary",
    "errata",
)
LICENSED = (
    {f"{HOME}downloads/resources/{t}.csv": CC_BY for t in TABLES}
    | {f"{HOME}downloads/parquet/resources/{t}.parquet": EU_CC_BY for t in TABLES}
    | {f"{HOME}downloads/{path}": EU_CC_BY for path in ("datapackage.json", "parquet/datapackage.json")}
    | {f"{HOME}downloads/asean-tip-data.sqlite": EU_CC_BY}
)


def test_every_distribution_names_the_licence_by_the_expected_iri(graph: rdflib.Graph) -> None:
    dataset = rdflib.URIRef(f"{HOME}#dataset")
    named = {str(d): list(graph.objects(d, DCTERMS.license)) for d in graph.objects(dataset, DCAT.distribution)}
    assert named == {url: [licence] for url, licence in LICENSED.items()}
    # The two IRIs are one licence, said both ways, and no other licence is in the record.
    assert set(graph.subjects(RDF.type, DCTERMS.LicenseDocument)) == {CC_BY, EU_CC_BY}
    assert set(graph.objects(CC_BY, OWL.sameAs)) == {EU_CC_BY} and set(graph.objects(EU_CC_BY, OWL.sameAs)) == {CC_BY}
    for licence in (CC_BY, EU_CC_BY):
        assert graph.value(licence, DCTERMS.identifier) == rdflib.Literal("CC-BY-4.0")
        assert {
            (str(t), t.language) for t in graph.objects(licence, SKOS.prefLabel) if isinstance(t, rdflib.Literal)
        } == {
            ("Creative Commons Attribution 4.0 International", "en"),
            ("Creative Commons Atribusi 4.0 Internasional", "id"),
        }
        assert graph.value(licence, DCTERMS.type) == rdflib.URIRef("http://purl.org/adms/licencetype/Attribution")


def _cli_record(cli: Cli, *args: str) -> rdflib.Graph:
    result = cli("dcat", *args)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return rdflib.Graph().parse(data=result.stdout, format="json-ld" if "json-ld" in args else "turtle")


# rdflib.compare builds its canonical graphs on ConjunctiveGraph, which rdflib itself now deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_the_record_is_one_record_from_python_the_command_line_and_the_page(
    graph: rdflib.Graph, site: Path, cli: Cli
) -> None:
    turtle = rdflib.Graph().parse(data=atd.dcat_ap(), format="turtle")
    # JSON-LD, for harvesters that read it: the same graph, blank nodes and all, as the Turtle.
    assert isomorphic(turtle, rdflib.Graph().parse(data=atd.dcat_ap("json-ld"), format="json-ld"))
    assert isomorphic(turtle, _cli_record(cli))
    assert isomorphic(turtle, _cli_record(cli, "--format", "json-ld", "--lang", "id"))  # one record, bilingual
    page_jsonld = rdflib.Graph().parse(site / "downloads" / "dcat-ap.jsonld", format="json-ld")
    assert isomorphic(graph, page_jsonld)
    # The page's record is the package's with each download's size and checksum added, and nothing else.
    _, only_page, only_package = graph_diff(to_isomorphic(graph), to_isomorphic(turtle))
    assert len(only_package) == 0
    assert {p for _, p, _ in only_page} == {DCAT.byteSize, SPDX.checksum, SPDX.checksumValue, SPDX.algorithm, RDF.type}
    assert {o for _, p, o in only_page if p == RDF.type} == {SPDX.Checksum}
    assert turtle.value(rdflib.URIRef(f"{HOME}#dataset"), RDF.type) == DCAT.Dataset


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown DCAT-AP format 'rdf'"):
        record(bundled_metadata(), facts(), format="rdf")
