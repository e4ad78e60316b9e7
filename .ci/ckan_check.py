"""What a CKAN portal shows of the site's DCAT-AP record: ckanext-dcat's own parser, as a harvest runs it.

    python .ci/ckan_check.py SITE/downloads    # with CKAN 2.11, ckanext-dcat and ckanext-scheming installed

Both serialisations (Turtle and JSON-LD) under both profiles (euro_dcat_ap_3, euro_dcat_ap_2), against
CKAN's default licence register and two others (CC BY 4.0 named by creativecommons.org, and by the EU
licence authority), and as a portal whose default language is Indonesian; then, with ckanext-scheming
loaded (.ci/ckan_portal.py), as a portal with ckanext-dcat's dcat_ap_full schema and as a bilingual
one. Every resource's licence must stay an IRI when parsed and when CKAN's own serialiser writes the
parsed dataset out again. What it expects comes from the descriptor the site ships beside the record.
Then it breaks the record six ways and fails unless each is caught. Run it under several
PYTHONHASHSEED values: RDF has no order.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import ckan_portal as portal  # beside this file; first, for CKAN's settings that the next import reads
import rdflib
from ckan.model.license import LicenseRegister

DCT = portal.DCT
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
RDFS = rdflib.RDFS
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
EU_CC_BY = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
# Two registers a portal may run instead of CKAN's default, each naming CC BY 4.0 its own way.
REGISTERS = {
    "creativecommons.org": [{"id": "CC-BY-4.0", "url": CC_BY, "title": "CC BY 4.0", "od_conformance": "approved"}],
    "EU licence authority": [
        {"id": "CC_BY_4_0", "url": EU_CC_BY, "title": "Creative Commons Attribution 4.0 International"}
    ],
}


def problems(graph: rdflib.Graph, descriptor: dict[str, Any]) -> list[str]:
    """Return what a CKAN portal would show wrong of the record ``graph``, against the descriptor."""
    found = []
    makers = [c["title"] for c in descriptor["contributors"] if "creator" in c["roles"]]
    article = descriptor["sources"][0]["path"]
    for fmt in ("turtle", "json-ld"):
        for profile in ("euro_dcat_ap_3", "euro_dcat_ap_2"):
            where = f"{fmt}, {profile}"
            dataset = portal.parse(graph, fmt, [profile])
            extras = {e["key"]: e["value"] for e in dataset.get("extras", [])}
            license_id = dataset.get("license_id", "")
            register = dict(LicenseRegister().items())
            if license_id not in register or not register[license_id].isopen():
                found.append(f"{where}: licence {license_id!r} is no open licence of CKAN's register")
            found += portal.licences(graph, dataset, [profile], where)
            if dataset.get("version") != descriptor["version"]:
                found.append(f"{where}: version {dataset.get('version')!r}")
            if extras.get("creator_name") not in makers:
                found.append(f"{where}: creator {extras.get('creator_name')!r}, not the makers {makers}")
            if extras.get("spatial_text") != "Southeast Asia" or "spatial_bbox" not in extras:
                found.append(f"{where}: place {extras.get('spatial_text')!r}")
            if article not in extras.get("related_resource", ""):
                found.append(f"{where}: the article {article} is not a related resource")
            tags = {t["name"] for t in dataset.get("tags", [])}
            if not set(descriptor["keywords"]) <= tags:
                found.append(f"{where}: tags {sorted(tags)}")
            found += _resources(graph, dataset["resources"], descriptor, where)
    # A portal whose default language is Indonesian takes the Indonesian of each text, the makers' name too.
    portal.config["ckan.locale_default"] = "id"
    try:
        dataset = portal.parse(graph, "turtle", ["euro_dcat_ap_3"])
    finally:
        portal.config["ckan.locale_default"] = "en"
    named = {e["key"]: e["value"] for e in dataset["extras"] if e["key"] in ("creator_name", "contact_name")}
    indonesian = [c["title_translated"]["id"] for c in descriptor["contributors"] if "creator" in c["roles"]]
    if dataset["title"] != descriptor["title_translated"]["id"] or set(named.values()) != set(indonesian):
        found.append(f"an Indonesian portal: title {dataset['title']!r}, makers {named}, not {indonesian}")
    for name, register_licences in REGISTERS.items():
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
            json.dump(register_licences, file)
        portal.config["licenses_group_url"] = f"file://{file.name}"
        try:
            license_id = portal.parse(graph, "turtle", ["euro_dcat_ap_3"]).get("license_id")
        finally:
            del portal.config["licenses_group_url"]
            Path(file.name).unlink()
        if license_id != register_licences[0]["id"]:
            found.append(f"a register naming CC BY 4.0 by the {name}: licence {license_id!r}")
    return found


def _resources(
    graph: rdflib.Graph, resources: list[dict[str, Any]], descriptor: dict[str, Any], where: str
) -> list[str]:
    found = []
    titles = {r["name"]: r["title"] for r in descriptor["resources"]}
    for resource in resources:
        url = resource["url"]
        tagged = {t.language for t in graph.objects(rdflib.URIRef(url), DCT.title) if isinstance(t, rdflib.Literal)}
        if tagged != {"en", "id"}:
            found.append(f"{where}: {url}: titles in {sorted(map(str, tagged))}, not in English and Indonesian")
        name = resource.get("name", "")
        if not name or name == url.rsplit("/", 1)[-1] or name == url:
            found.append(f"{where}: {url}: named {name!r}, after its file")
        if url.endswith(".csv"):
            table = url.rsplit("/", 1)[-1].removesuffix(".csv")
            if (resource.get("format"), resource.get("mimetype")) != ("CSV", "text/csv"):
                found.append(f"{where}: {url}: format {resource.get('format')!r}, {resource.get('mimetype')!r}")
            if not name.startswith(titles[table]):
                found.append(f"{where}: {url}: named {name!r}, not after its table {titles[table]!r}")
        if url.endswith(".json") and (resource.get("format"), resource.get("mimetype")) != ("JSON", "application/json"):
            found.append(f"{where}: {url}: format {resource.get('format')!r}, {resource.get('mimetype')!r}")
    if len(resources) != 2 * len(titles) + 3:
        found.append(f"{where}: {len(resources)} resources")
    return found


def broken(graph: rdflib.Graph) -> dict[str, rdflib.Graph]:
    """Return the record broken six ways: each must be caught."""
    cases = {}
    no_title = rdflib.Graph() + graph
    for licence in set(graph.objects(None, DCT.license)):
        no_title.remove((licence, DCT.title, None))
    cases["the licence's title removed"] = no_title
    labelled = rdflib.Graph() + graph
    for licence in set(graph.objects(None, DCT.license)):
        labelled.add((licence, RDFS.label, rdflib.Literal("Creative Commons Attribution 4.0 International", lang="en")))
    cases["an rdfs:label on the licences"] = labelled
    no_label = rdflib.Graph() + graph
    no_label.remove((rdflib.URIRef("http://www.iana.org/assignments/media-types/text/csv"), RDFS.label, None))
    cases["the CSV format's label removed"] = no_label
    no_name = rdflib.Graph() + graph
    (first, *_) = sorted(graph.objects(None, DCAT.distribution))
    no_name.remove((first, DCT.title, None))
    cases["a distribution's title removed"] = no_name
    untagged = rdflib.Graph() + graph  # as 1.17.0 had them: one name, in English, untagged
    for subject, predicate, name in graph.triples((None, None, None)):
        if predicate in (FOAF.name, VCARD.fn) and isinstance(name, rdflib.Literal) and name.language:
            untagged.remove((subject, predicate, name))
            if name.language == "en":
                untagged.add((subject, predicate, rdflib.Literal(str(name))))
    cases["the makers' names without their language"] = untagged
    unshown = rdflib.Graph() + graph
    unshown.remove((None, FOAF.page, None))
    cases["the article's foaf:page removed"] = unshown
    return cases


def main() -> int:
    downloads = Path(sys.argv[1])
    descriptor = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    graph = rdflib.Graph().parse(downloads / "dcat-ap.ttl", format="turtle")
    jsonld = rdflib.Graph().parse(downloads / "dcat-ap.jsonld", format="json-ld")
    if len(graph) != len(jsonld):
        print(f"the Turtle and JSON-LD records differ: {len(graph)} and {len(jsonld)} triples")
        return 1
    cases = {"the record": graph, **broken(graph)}
    # Plain CKAN first: once ckanext-scheming is loaded, every parse reads a schema.
    found = {case: problems(record, descriptor) for case, record in cases.items()}
    with portal.scheming():
        for case, record in cases.items():
            found[case] += portal.scheming_problems(record, descriptor)
    shown_wrong = found.pop("the record")
    for problem in shown_wrong:
        print(problem)
    return 1 if shown_wrong else _report(found, len(descriptor["resources"]))


def _report(found: dict[str, list[str]], tables: int) -> int:
    for case, problems_found in found.items():
        if not problems_found:
            print(f"the check missed a record with {case}")
            return 1
        print(f"caught: {case} ({problems_found[0]})")
    print(f"CKAN shows the record as the descriptor means it ({tables} tables, 2 profiles, 2 formats, 2 schemas)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
