"""Which licence the DCAT-AP record names, on which file, and by which address (_catalogue/dcat_nodes.py).

A portal finds the licence by its address or its title: the CSV files name it by the licence's own
address (the descriptor's), every other download by the EU licence authority's IRI, and each says
it is the other. The addresses and titles are written here by hand, from the Creative Commons and
EU authority pages, not read from the descriptor.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, SKOS

import asean_tip_data as atd

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
