"""The DCAT-AP 3 record conforms to the official shapes, as catalogues check it, and keeps what they need."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

import asean_tip_data as atd
from asean_tip_data._dcat import record

SHAPES = Path(__file__).parent / "fixtures" / "dcat-ap-3.0.0"  # SEMIC's DCAT-AP 3.0.0 shapes (CC BY 4.0)
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
DCATAP = rdflib.Namespace("http://data.europa.eu/r5r/")
HOME = "https://asean-tip-data.github.io/asean-tip-data/"
SCRIPT = Path(sys.executable).parent / "asean-tip-data"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return atd.build_page(tmp_path_factory.mktemp("dcat") / "site")


@pytest.fixture(scope="module")
def graph(site: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(site / "downloads" / "dcat-ap.ttl", format="turtle")


@pytest.mark.parametrize("shapes", ["shapes.ttl", "range.ttl", "shapes_recommended.ttl"])
def test_the_record_conforms_with_no_violation_and_no_warning(graph: rdflib.Graph, shapes: str) -> None:
    conforms, _, report = pyshacl.validate(
        graph, shacl_graph=rdflib.Graph().parse(SHAPES / shapes, format="turtle"), allow_warnings=False
    )
    assert conforms, report


def test_the_shapes_find_what_is_missing(graph: rdflib.Graph) -> None:
    broken = rdflib.Graph()
    for triple in graph:
        if triple[1] != DCTERMS.title and triple[1] != DCAT.contactPoint:
            broken.add(triple)
    for shapes in ("shapes.ttl", "shapes_recommended.ttl"):
        conforms, _, _ = pyshacl.validate(
            broken, shacl_graph=rdflib.Graph().parse(SHAPES / shapes, format="turtle"), allow_warnings=False
        )
        assert not conforms, shapes


def test_the_record_keeps_what_catalogues_need(graph: rdflib.Graph, creators: list[str]) -> None:
    dataset = rdflib.URIRef(f"{HOME}#dataset")
    titles = {t.language: str(t) for t in graph.objects(dataset, DCTERMS.title) if isinstance(t, rdflib.Literal)}
    assert set(titles) == {"en", "id"} and titles["id"].startswith("Kerja sama Polri")
    descriptions = graph.objects(dataset, DCTERMS.description)
    assert {d.language for d in descriptions if isinstance(d, rdflib.Literal)} == {"en", "id"}
    names = sorted(str(graph.value(agent, FOAF.name)) for agent in graph.objects(dataset, DCTERMS.creator))
    assert names == sorted(creators)
    assert str(graph.value(graph.value(dataset, DCTERMS.publisher), FOAF.name)) == "asean-tip-data maintainers"
    assert graph.value(dataset, DCAT.contactPoint) is not None
    languages = set(graph.objects(dataset, DCTERMS.language))
    assert languages == {
        rdflib.URIRef(f"http://publications.europa.eu/resource/authority/language/{c}") for c in ("ENG", "IND")
    }
    assert str(graph.value(dataset, DCTERMS.identifier)).startswith("urn:uuid:")
    assert str(graph.value(dataset, rdflib.URIRef("http://www.w3.org/ns/dcat#version"))) == atd.__version__
    period = graph.value(dataset, DCTERMS.temporal)
    assert (str(graph.value(period, DCAT.startDate)), str(graph.value(period, DCAT.endDate))) == (
        "1997-12-18",
        "2024-08-30",
    )
    assert graph.value(dataset, DCTERMS.spatial) is not None and len(set(graph.objects(dataset, DCAT.theme))) == 2
    assert {"perdagangan orang", "human trafficking"} <= {str(k) for k in graph.objects(dataset, DCAT.keyword)}
    assert rdflib.URIRef("https://doi.org/10.32781/cakrawala.v18i2.733") in set(
        graph.objects(dataset, DCTERMS.relation)
    )


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
            and size.datatype == XSD.decimal
            and int(size.toPython()) == local.stat().st_size
        )
        assert (graph.value(distribution, DCTERMS.license), RDF.type, DCTERMS.LicenseDocument) in graph
        assert graph.value(distribution, DCAT.mediaType) is not None and graph.value(distribution, DCTERMS["format"])
        assert graph.value(distribution, DCATAP.availability) is not None
    meetings = rdflib.URIRef(f"{HOME}downloads/resources/meetings.csv")
    assert graph.value(meetings, DCAT.mediaType) == rdflib.URIRef(
        "http://www.iana.org/assignments/media-types/text/csv"
    )


def test_the_record_comes_from_python_and_the_command_line_in_both_serialisations() -> None:
    turtle = atd.dcat_ap()
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) > 300
    assert json.loads(atd.dcat_ap("json-ld"))  # JSON-LD, for harvesters that read it
    result = subprocess.run([str(SCRIPT), "dcat", "--format", "json-ld"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and json.loads(result.stdout)
    with pytest.raises(ValueError, match="unknown DCAT-AP format 'rdf'"):
        record(json.loads(atd.datapackage_path().read_text(encoding="utf-8")), format="rdf")
