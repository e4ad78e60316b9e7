"""What data portals and catalogues check: the official profiles, a second client, catalogue records."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT7

import asean_tip_data as atd

with warnings.catch_warnings():
    # dplib's own model has a field named "schema", which pydantic warns about at import.
    warnings.filterwarnings("ignore", 'Field name "schema"', UserWarning)
    from dplib.models import Package
    from dplib.plugins.ckan.models import CkanPackage
    from dplib.plugins.datacite.models import DatacitePackage
    from dplib.plugins.dcat.models import DcatPackage
    from dplib.plugins.zenodo.models import ZenodoPackage

# The official profiles as the libraries that catalogues run ship them: no network needed.
V2 = resources.files("dplib") / "profiles" / "2.0"
V1 = Path(str(resources.files("dplib"))).parent / "datapackage" / "profiles"  # not imported: see below


def _profile(folder: Any, name: str) -> dict[str, Any]:
    return dict(json.loads((folder / name).read_text(encoding="utf-8")))


def _errors(instance: Any, schema: dict[str, Any], registry: Registry[Any]) -> list[str]:
    validator = jsonschema.validators.validator_for(schema)(schema, registry=registry)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


@pytest.fixture(scope="module")
def v2_registry() -> Registry[Any]:
    # Each profile under the URL the descriptors name, so a $ref between them resolves offline.
    names = ["datapackage.json", "dataresource.json", "tableschema.json", "tabledialect.json"]
    pairs = [(f"https://datapackage.org/profiles/2.0/{n}", DRAFT7.create_resource(_profile(V2, n))) for n in names]
    registry: Registry[Any] = Registry().with_resources(pairs)
    return registry


@pytest.fixture(scope="module")
def v1_registry() -> Registry[Any]:
    resource: Resource[Any] = DRAFT4.create_resource(_profile(V1, "tabular-data-package.json"))
    registry: Registry[Any] = Registry().with_resource("tabular-data-package.json", resource)
    return registry


def test_descriptor_is_valid_under_the_v2_package_profile(
    descriptor: dict[str, Any], v2_registry: Registry[Any]
) -> None:
    assert _errors(descriptor, _profile(V2, "datapackage.json"), v2_registry) == []


@pytest.mark.parametrize("name", atd.resource_names())
def test_every_resource_schema_and_dialect_is_valid_under_the_v2_profiles(
    name: str, descriptor: dict[str, Any], v2_registry: Registry[Any]
) -> None:
    (resource,) = [r for r in descriptor["resources"] if r["name"] == name]
    assert _errors(resource, _profile(V2, "dataresource.json"), v2_registry) == []
    assert _errors(resource["schema"], _profile(V2, "tableschema.json"), v2_registry) == []
    assert _errors(resource["dialect"], _profile(V2, "tabledialect.json"), v2_registry) == []


def test_descriptor_is_valid_under_the_v1_tabular_profile(
    descriptor: dict[str, Any], v1_registry: Registry[Any]
) -> None:
    assert _errors(descriptor, _profile(V1, "tabular-data-package.json"), v1_registry) == []


def test_the_profiles_do_reject_an_empty_foreign_key_list(
    descriptor: dict[str, Any], v2_registry: Registry[Any]
) -> None:
    # The fault the descriptor once had: proves the checks above read the nested schemas.
    broken = copy.deepcopy(descriptor)
    broken["resources"][1]["schema"]["foreignKeys"] = []
    assert _errors(broken, _profile(V2, "datapackage.json"), v2_registry)
    assert _errors(broken, _profile(V1, "tabular-data-package.json"), Registry())


def test_no_empty_array_or_object_anywhere(descriptor: dict[str, Any]) -> None:
    def walk(value: Any, where: str) -> None:
        assert value not in ([], {}), where
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in children:
            walk(child, f"{where}/{key}")

    walk(descriptor, "")


# datapackage-py, the v1 library, warns at import (unclosed files, deprecations): it runs apart.
READ_STRICTLY = """
import json, sys
import datapackage
package = datapackage.Package(sys.argv[1], strict=True)
counts = {r.name: len(r.read(keyed=True, relations=True)) for r in package.resources}
officer = package.get_resource("liaison_officers").read(keyed=True, relations=True)[0]
print(json.dumps({"valid": package.valid, "counts": counts, "country": officer["country_iso3"]["name"]}))
"""


def test_datapackage_py_reads_every_row_strictly_with_relations(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", READ_STRICTLY, str(root / "datapackage.json")],
        capture_output=True,
        text=True,
        check=True,
    )
    read = json.loads(result.stdout)
    assert read["valid"]
    assert read["counts"] == {name: len(atd.load(name)) for name in atd.resource_names()}
    # The reference is resolved to the referenced row, not left as a code.
    assert read["country"] == "Timor-Leste"


def test_identifier_and_home(descriptor: dict[str, Any], doi: str) -> None:
    assert descriptor["id"] == "urn:uuid:f7929518-c686-488d-aabb-673cf19706a1"
    assert descriptor["homepage"] == "https://asean-tip-data.github.io/asean-tip-data/"
    # The article is a source of the dataset, not its home.
    assert f"https://doi.org/{doi}" in [s["path"] for s in descriptor["sources"]]


@pytest.fixture(scope="module")
def package(descriptor: dict[str, Any]) -> Package:
    return Package.from_dict(copy.deepcopy(descriptor))


def test_ckan_record(package: Package, descriptor: dict[str, Any], makers: list[str]) -> None:
    ckan = CkanPackage.from_dp(package).to_dict()
    assert (ckan["name"], ckan["title"], ckan["notes"]) == (
        "asean-tip-data",
        descriptor["title"],
        descriptor["description"],
    )
    assert (ckan["version"], ckan["license_id"]) == (atd.__version__, "CC-BY-4.0")
    assert ckan["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    # CKAN has one author field; dplib fills it from the contributors whose roles include "author".
    assert ckan["author"] == makers[0]
    assert [r["url"] for r in ckan["resources"]] == [f"resources/{n}.csv" for n in atd.resource_names()]


def test_dcat_record(package: Package, descriptor: dict[str, Any], doi: str) -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCAT, DCTERMS, OWL

    graph = Graph().parse(data=DcatPackage.from_dp(package).to_text(format="turtle"), format="turtle")
    dataset = URIRef(descriptor["id"])
    assert graph.value(dataset, DCTERMS.title) == Literal(descriptor["title"])
    assert graph.value(dataset, DCTERMS.description) == Literal(descriptor["description"])
    assert graph.value(dataset, OWL.versionInfo) == Literal(atd.__version__)
    assert URIRef(f"https://doi.org/{doi}") in set(graph.objects(dataset, DCTERMS.source))
    distributions = list(graph.objects(dataset, DCAT.distribution))
    urls = sorted(str(graph.value(d, DCAT.downloadURL)) for d in distributions)
    assert urls == sorted(f"resources/{n}.csv" for n in atd.resource_names())
    licences = {graph.value(d, DCTERMS.license) for d in distributions}
    assert licences == {URIRef("https://creativecommons.org/licenses/by/4.0/")}


def test_zenodo_record(package: Package, descriptor: dict[str, Any], makers: list[str]) -> None:
    zenodo = ZenodoPackage.from_dp(package).to_dict()
    meta = zenodo["metadata"]
    assert (meta["title"], meta["description"], meta["version"]) == (
        descriptor["title"],
        descriptor["description"],
        atd.__version__,
    )
    assert [r["id"] for r in meta["rights"]] == ["CC-BY-4.0"]
    assert [c["person_or_org"]["name"] for c in meta["creators"]] == makers
    assert list(zenodo["files"]["entries"]) == [f"{n}.csv" for n in atd.resource_names()]


def test_datacite_record(package: Package, descriptor: dict[str, Any], makers: list[str]) -> None:
    datacite = DatacitePackage.from_dp(package).to_dict()
    assert [t["title"] for t in datacite["titles"]] == [descriptor["title"]]
    assert [d["description"] for d in datacite["descriptions"]] == [descriptor["description"]]
    assert datacite["version"] == atd.__version__
    assert [c["name"] for c in datacite["creators"]] == makers
    assert {"identifierType": "URL", "identifier": descriptor["homepage"]} in datacite["identifiers"]


def test_datacite_record_carries_the_doi_once_releasing_md_sets_it(descriptor: dict[str, Any]) -> None:
    # RELEASING.md: once Zenodo mints the concept DOI, `id` becomes its https://doi.org/ form.
    minted = {**copy.deepcopy(descriptor), "id": "https://doi.org/10.5281/zenodo.1234567"}
    datacite = DatacitePackage.from_dp(Package.from_dict(minted)).to_dict()
    assert {"identifierType": "DOI", "identifier": "10.5281/zenodo.1234567"} in datacite["identifiers"]
