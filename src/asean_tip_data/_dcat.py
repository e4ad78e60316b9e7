"""The dataset's DCAT-AP 3 record, built from the descriptor with rdflib, for catalogues that harvest DCAT."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from ._descriptor import Metadata
from ._files import DataError
from ._jsonld import download_files
from ._messages import _
from ._optional import require
from ._package import CopyArg, open_package

EU = "http://publications.europa.eu/resource/authority/"
# What the EU vocabularies call the things the record names: each becomes a typed, labelled concept.
LANGUAGES = {"en": ("language/ENG", "English"), "id": ("language/IND", "Indonesian")}
THEMES = {"data-theme/JUST": "Justice, legal system and public safety", "data-theme/INTR": "International issues"}
FILE_TYPES = {"text/csv": "file-type/CSV", "application/vnd.apache.parquet": "file-type/PARQUET"}
FILE_TYPES |= {"application/json": "file-type/JSON", "application/vnd.sqlite3": "file-type/SQL"}
IANA = "http://www.iana.org/assignments/media-types/"
FRAME = (91.0, -11.5, 141.5, 28.8)  # the map's frame: west, south, east, north


def dcat_ap(format: str = "turtle", datapackage: CopyArg = None) -> str:
    """Return the DCAT-AP 3 record (``turtle`` or ``json-ld``) of the bundled data or of a given copy."""
    package = open_package(datapackage)
    package.check()  # a record describes data that passed every check
    files = {"downloads/datapackage.json": package.descriptor_bytes}
    for resource in package.meta.resources:
        kind = f"parquet/resources/{resource.name}.parquet" if resource.parquet else f"resources/{resource.name}.csv"
        files[f"downloads/{kind}"] = package.files[resource.name]  # the bytes admitted, never read again
    return record(package.meta, files, format)


def record(meta: Metadata, files: Mapping[str, bytes] | None = None, format: str = "turtle") -> str:
    """Return the DCAT-AP 3 record of a copy described by ``meta``, with the size and SHA-256 of each of ``files``."""
    if format not in ("turtle", "json-ld"):
        raise ValueError(f"unknown DCAT-AP format {format!r}; expected one of: turtle, json-ld")
    rdflib = require("rdflib", _("the DCAT-AP record"), extra="dcat")
    ns = rdflib.namespace
    graph = rdflib.Graph()
    dcat, dct, foaf, skos, xsd = ns.DCAT, ns.DCTERMS, ns.FOAF, ns.SKOS, ns.XSD
    vcard = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
    spdx = rdflib.Namespace("http://spdx.org/rdf/terms#")
    dcatap = rdflib.Namespace("http://data.europa.eu/r5r/")
    locn = rdflib.Namespace("http://www.w3.org/ns/locn#")
    geo = rdflib.Namespace("http://www.opengis.net/ont/geosparql#")
    for prefix, space in (("dcat", dcat), ("dct", dct), ("foaf", foaf), ("spdx", spdx), ("dcatap", dcatap)):
        graph.bind(prefix, space)
    uri, literal, rdf = rdflib.URIRef, rdflib.Literal, ns.RDF
    home = meta.homepage
    if home is None:
        raise DataError(
            _("the descriptor's homepage must be an http or https address: the record's addresses are under it")
        )
    dataset = uri(f"{home}#dataset")

    def concept(iri: str, label: str, kind: Any = skos.Concept) -> Any:
        node = uri(iri)
        graph.add((node, rdf.type, kind))
        graph.add((node, rdf.type, skos.Concept))
        graph.add((node, skos.prefLabel, literal(label, lang="en")))
        return node

    def texts(subject: Any, predicate: Any, translated: tuple[tuple[str, str], ...]) -> None:
        for lang, text in translated:
            graph.add((subject, predicate, literal(text, lang=lang)))

    def agent(name: str, kind: str, node: Any = None) -> Any:
        node = node if node is not None else rdflib.BNode()
        graph.add((node, rdf.type, foaf.Agent))
        graph.add((node, foaf.name, literal(name)))
        graph.add((node, dct.type, concept(f"http://purl.org/adms/publishertype/{kind}", kind)))
        return node

    graph.add((dataset, rdf.type, dcat.Dataset))
    texts(dataset, dct.title, meta.titles)
    texts(dataset, dct.description, meta.descriptions)
    graph.add((dataset, dct.identifier, literal(meta.id)))
    # rdflib's DCAT namespace is DCAT 2's; dcat:version is DCAT 3's.
    graph.add((dataset, uri("http://www.w3.org/ns/dcat#version"), literal(meta.version)))
    if meta.created:
        graph.add((dataset, dct.issued, literal(meta.created[:10], datatype=xsd.date)))
    for code in meta.languages:
        iri, name = LANGUAGES[code]
        language = uri(EU + iri)
        graph.add((language, rdf.type, dct.LinguisticSystem))
        graph.add((dataset, dct.language, language))
    for iri, label in THEMES.items():
        graph.add((dataset, dcat.theme, concept(EU + iri, label)))
    for keyword in meta.keywords:
        graph.add((dataset, dcat.keyword, literal(keyword)))
    for contributor in meta.contributors:
        if "creator" in contributor.roles:
            graph.add((dataset, dct.creator, agent(contributor.title, "Academia-ScientificOrganisation")))
    graph.add((dataset, dct.publisher, agent("asean-tip-data maintainers", "NonProfitOrganisation", uri(home))))
    contact = rdflib.BNode()
    graph.add((contact, rdf.type, vcard.Kind))
    graph.add((contact, vcard.fn, literal("asean-tip-data maintainers")))
    graph.add((contact, vcard.hasURL, uri(home)))
    graph.add((dataset, dcat.contactPoint, contact))
    page = uri(home)
    graph.add((page, rdf.type, foaf.Document))
    graph.add((dataset, dcat.landingPage, page))
    for source in meta.sources:
        if source.url is not None:
            graph.add((dataset, dct.relation, uri(source.url)))  # the article: related, not a dcat:Dataset
    place = rdflib.BNode()
    west, south, east, north = FRAME
    box = f"POLYGON(({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))"
    graph.add((place, rdf.type, dct.Location))
    graph.add((place, locn.geographicName, literal("Southeast Asia", lang="en")))
    graph.add((place, locn.geographicName, literal("Asia Tenggara", lang="id")))
    graph.add((place, dcat.bbox, literal(box, datatype=geo.wktLiteral)))
    graph.add(
        (place, dcat.centroid, literal(f"POINT({(west + east) / 2} {(south + north) / 2})", datatype=geo.wktLiteral))
    )
    graph.add((dataset, dct.spatial, place))
    period = rdflib.BNode()
    graph.add((period, rdf.type, dct.PeriodOfTime))
    graph.add((period, dcat.startDate, literal("1997-12-18", datatype=xsd.date)))  # the first AMMTC
    graph.add((period, dcat.endDate, literal("2024-08-30", datatype=xsd.date)))  # the last meeting's end
    graph.add((dataset, dct.temporal, period))
    licence = None
    if meta.licenses:
        licence = uri(meta.licenses[0].url or f"{home}#licence")
        graph.add((licence, rdf.type, dct.LicenseDocument))
        graph.add((licence, dct.type, concept("http://purl.org/adms/licencetype/Attribution", "Attribution")))
    stable = concept(EU + "planned-availability/STABLE", "stable")
    for name, path, media in download_files([r.table for r in meta.resources]):
        if media not in FILE_TYPES:
            continue  # the record itself: it cannot give its own checksum
        distribution = uri(f"{home}{path}")
        graph.add((dataset, dcat.distribution, distribution))
        graph.add((distribution, rdf.type, dcat.Distribution))
        graph.add((distribution, dcat.accessURL, page))
        graph.add((distribution, dcat.downloadURL, distribution))
        graph.add((distribution, dct.title, literal(name)))
        graph.add((distribution, dct.description, literal(f"{name}: {media}", lang="en")))
        if licence is not None:
            graph.add((distribution, dct.license, licence))
        graph.add((distribution, dcatap.availability, stable))
        media_type = uri(IANA + media)
        graph.add((media_type, rdf.type, dct.MediaType))
        graph.add((distribution, dcat.mediaType, media_type))
        file_type = uri(EU + FILE_TYPES[media])
        graph.add((file_type, rdf.type, dct.MediaTypeOrExtent))
        graph.add((distribution, dct["format"], file_type))
        data = (files or {}).get(path)
        if data is not None:
            graph.add((distribution, dcat.byteSize, literal(str(len(data)), datatype=xsd.decimal)))
            checksum = rdflib.BNode()
            graph.add((checksum, rdf.type, spdx.Checksum))
            graph.add((checksum, spdx.algorithm, spdx.checksumAlgorithm_sha256))
            graph.add((checksum, spdx.checksumValue, literal(hashlib.sha256(data).hexdigest(), datatype=xsd.hexBinary)))
            graph.add((distribution, spdx.checksum, checksum))
    text: str = graph.serialize(format=format)
    return text
