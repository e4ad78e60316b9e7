"""The dataset's DCAT-AP 3 record, built from the descriptor with rdflib, for catalogues that harvest DCAT."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from ._downloads import described, download_files
from ._facts import Facts, facts
from ._files import DataError
from ._jsonld import FRAME, PLACE
from ._messages import _
from ._metadata import Agent, Metadata
from ._optional import require
from ._package import CopyArg, open_package

EU = "http://publications.europa.eu/resource/authority/"
# What the EU vocabularies call the things the record names: each becomes a typed, labelled concept.
LANGUAGES = {"en": ("language/ENG", "English"), "id": ("language/IND", "Indonesian")}
THEMES = {"data-theme/JUST": "Justice, legal system and public safety", "data-theme/INTR": "International issues"}
FILE_TYPES = {"text/csv": "file-type/CSV", "application/vnd.apache.parquet": "file-type/PARQUET"}
FILE_TYPES |= {"application/json": "file-type/JSON", "application/vnd.sqlite3": "file-type/SQL"}
IANA = "http://www.iana.org/assignments/media-types/"
# A licence by the title CKAN's default register gives it, and by the EU licence authority's IRI.
REGISTER_TITLES = {"CC-BY-4.0": "Creative Commons Attribution"}
EU_LICENCES = {"CC-BY-4.0": "licence/CC_BY_4_0"}


def dcat_ap(format: str = "turtle", datapackage: CopyArg = None) -> str:
    """Return the DCAT-AP 3 record (``turtle`` or ``json-ld``) of the bundled data or of a given copy."""
    package = open_package(datapackage)
    package.check()  # a record describes data that passed every check
    files = {"downloads/datapackage.json": package.descriptor_bytes}
    for resource in package.meta.resources:
        kind = f"parquet/resources/{resource.name}.parquet" if resource.parquet else f"resources/{resource.name}.csv"
        files[f"downloads/{kind}"] = package.files[resource.name]  # the bytes admitted, never read again
    return record(package.meta, facts(package), files, format)


def record(meta: Metadata, about: Facts, files: Mapping[str, bytes] | None = None, format: str = "turtle") -> str:
    """Return the DCAT-AP 3 record of a copy described by ``meta`` and ``about``, with each file's size and SHA-256."""
    if format not in ("turtle", "json-ld"):
        raise ValueError(f"unknown DCAT-AP format {format!r}; expected one of: turtle, json-ld")
    rdflib = require("rdflib", _("the DCAT-AP record"), extra="dcat")
    ns = rdflib.namespace
    graph = rdflib.Graph()
    dcat, dct, foaf, skos, xsd, owl, prov, rdfs = (
        ns.DCAT,
        ns.DCTERMS,
        ns.FOAF,
        ns.SKOS,
        ns.XSD,
        ns.OWL,
        ns.PROV,
        ns.RDFS,
    )
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

    def names(node: Any, predicate: Any, credited: Agent) -> None:
        # An organisation's name in every language the descriptor gives it, tagged: a multilingual
        # portal (ckanext-dcat's name_translated) shows each, a portal in one language its own. A
        # person's name is the same in every language.
        if credited.person:
            graph.add((node, predicate, literal(credited.title)))
        else:
            texts(node, predicate, tuple((lang, name) for lang, name in credited.titles if name))

    def agent(credited: Agent, kind: str) -> Any:
        node = rdflib.BNode()
        graph.add((node, rdf.type, foaf.Agent))
        graph.add((node, rdf.type, foaf.Person if credited.person else foaf.Organization))
        names(node, foaf.name, credited)
        graph.add((node, dct.type, concept(f"http://purl.org/adms/publishertype/{kind}", kind)))
        return node

    graph.add((dataset, rdf.type, dcat.Dataset))
    texts(dataset, dct.title, meta.titles)
    texts(dataset, dct.description, meta.descriptions)
    graph.add((dataset, dct.identifier, literal(meta.id)))
    # rdflib's DCAT namespace is DCAT 2's; dcat:version is DCAT 3's.
    graph.add((dataset, uri("http://www.w3.org/ns/dcat#version"), literal(meta.version)))
    graph.add((dataset, owl.versionInfo, literal(meta.version)))  # DCAT-AP 2's, which its portals read
    if about.released:  # this version, made on the day the descriptor was created
        graph.add((dataset, dct.issued, literal(about.released, datatype=xsd.date)))
        graph.add((dataset, dct.modified, literal(about.released, datatype=xsd.date)))
    for code in meta.languages:
        iri, name = LANGUAGES[code]
        language = uri(EU + iri)
        graph.add((language, rdf.type, dct.LinguisticSystem))
        graph.add((dataset, dct.language, language))
    for iri, label in THEMES.items():
        graph.add((dataset, dcat.theme, concept(EU + iri, label)))
    for lang, keywords in meta.keywords_in:
        for keyword in keywords:
            graph.add((dataset, dcat.keyword, literal(keyword, lang=lang)))
    # The credit model: the makers create and publish the dataset and are its contact; the article
    # is its source, with the article's own authors (never the dataset's creators).
    for maker in meta.makers:
        node = agent(maker, "NonProfitOrganisation")
        if maker.url:
            graph.add((node, foaf.homepage, uri(maker.url)))
        graph.add((dataset, dct.creator, node))
        graph.add((dataset, dct.publisher, node))
    for person in meta.contacts:
        contact = rdflib.BNode()
        graph.add((contact, rdf.type, vcard.Kind))
        graph.add((contact, rdf.type, vcard.Individual if person.person else vcard.Organization))
        names(contact, vcard.fn, person)
        graph.add((contact, vcard.hasURL, uri(person.url or home)))
        graph.add((dataset, dcat.contactPoint, contact))
    page = uri(home)
    graph.add((page, rdf.type, foaf.Document))
    graph.add((page, rdf.type, rdfs.Resource))  # SEMIC's combined shapes check this class, without inference too
    graph.add((dataset, dcat.landingPage, page))
    for source in meta.sources:
        if source.url is None:
            continue
        article = uri(source.url)
        # Related (plain CKAN shows it as a related resource), what the dataset is derived from, and
        # a page about it: the one of the three that ckanext-dcat's scheming schema (dcat_ap_full)
        # shows, as "Documentation". Not a dcat:qualifiedRelation, which scheming shows too: DCAT-AP
        # 3.0.1's range shapes want a catalogue's dataset or service at its end, never an article.
        graph.add((dataset, dct.relation, article))
        graph.add((dataset, prov.wasDerivedFrom, article))
        graph.add((dataset, foaf.page, article))
        graph.add((article, rdf.type, foaf.Document))
        graph.add((article, rdf.type, rdfs.Resource))
        graph.add((article, dct.title, literal(source.article.title if source.article else source.title)))
        for author in source.authors:
            graph.add((article, dct.creator, agent(author, "Academia-ScientificOrganisation")))
    place = rdflib.BNode()
    west, south, east, north = FRAME
    box = f"POLYGON(({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))"
    graph.add((place, rdf.type, dct.Location))
    for lang, name in PLACE:
        graph.add((place, locn.geographicName, literal(name, lang=lang)))
    # ckanext-dcat names the place by its one label (the last it meets, were there two): the English.
    graph.add((place, skos.prefLabel, literal("Southeast Asia", lang="en")))
    graph.add((place, dcat.bbox, literal(box, datatype=geo.wktLiteral)))
    graph.add(
        (place, dcat.centroid, literal(f"POINT({(west + east) / 2} {(south + north) / 2})", datatype=geo.wktLiteral))
    )
    graph.add((dataset, dct.spatial, place))
    if about.start is not None and about.end is not None:  # a copy whose tables hold no date covers no period
        period = rdflib.BNode()
        graph.add((period, rdf.type, dct.PeriodOfTime))
        graph.add((period, dcat.startDate, literal(about.start.isoformat(), datatype=xsd.date)))
        graph.add((period, dcat.endDate, literal(about.end.isoformat(), datatype=xsd.date)))
        graph.add((dataset, dct.temporal, period))
    # A catalogue knows a licence by its address or its title. The licence's own address (the
    # descriptor's) names it on the CSV files, the EU licence authority's on the others: the same
    # licence (owl:sameAs), so that a portal whose register uses either finds it, and CKAN's default
    # register finds it by the title it gives it. No rdfs:label: ckanext-dcat would store a
    # resource's licence as that label, and CKAN's own DCAT export would then write the licence as
    # text, losing its address for every harvester downstream; skos:prefLabel names it instead.
    licences: list[Any] = []
    if meta.licenses:
        first = meta.licenses[0]
        licences = [uri(first.url or f"{home}#licence")]
        if first.name in EU_LICENCES:
            licences.append(uri(EU + EU_LICENCES[first.name]))
        for licence in licences:
            graph.add((licence, rdf.type, dct.LicenseDocument))
            graph.add((licence, dct.type, concept("http://purl.org/adms/licencetype/Attribution", "Attribution")))
            graph.add((licence, dct.identifier, literal(first.name)))
            texts(licence, skos.prefLabel, tuple((lang, title) for lang, title in first.titles if title))
            if first.name in REGISTER_TITLES:
                graph.add((licence, dct.title, literal(REGISTER_TITLES[first.name])))
            for other in licences:
                if other != licence:
                    graph.add((licence, owl.sameAs, other))
    stable = concept(EU + "planned-availability/STABLE", "stable")
    tables = [r.table for r in meta.resources]
    described_in = {lang: described(tables, lang) for lang in meta.languages}
    for _name, path, media in download_files(tables):
        if media not in FILE_TYPES:
            continue  # the record itself: it cannot give its own checksum
        distribution = uri(f"{home}{path}")
        graph.add((dataset, dcat.distribution, distribution))
        graph.add((distribution, rdf.type, dcat.Distribution))
        graph.add((distribution, rdf.type, rdfs.Resource))  # its own download URL, for the combined shapes
        graph.add((distribution, dcat.accessURL, page))
        graph.add((distribution, dcat.downloadURL, distribution))
        for lang, texts_in in described_in.items():  # what it holds, in each language, tagged
            title, description = texts_in[path]
            graph.add((distribution, dct.title, literal(title, lang=lang)))
            graph.add((distribution, dct.description, literal(description or title, lang=lang)))
        if licences:
            graph.add((distribution, dct.license, licences[0] if media == "text/csv" else licences[-1]))
        graph.add((distribution, dcatap.availability, stable))
        media_type = uri(IANA + media)
        graph.add((media_type, rdf.type, dct.MediaType))
        graph.add((media_type, rdfs.label, literal(media)))  # CKAN's format and media type: CSV, text/csv
        graph.add((distribution, dcat.mediaType, media_type))
        file_type = uri(EU + FILE_TYPES[media])
        graph.add((file_type, rdf.type, dct.MediaTypeOrExtent))
        graph.add((distribution, dct["format"], file_type))
        data = (files or {}).get(path)
        if data is not None:
            # An integer, as DCAT 3 and both sets of SEMIC's DCAT-AP 3.0.1 shapes have it.
            graph.add((distribution, dcat.byteSize, literal(str(len(data)), datatype=xsd.nonNegativeInteger)))
            checksum = rdflib.BNode()
            graph.add((checksum, rdf.type, spdx.Checksum))
            graph.add((spdx.checksumAlgorithm_sha256, rdf.type, spdx.ChecksumAlgorithm))
            graph.add((checksum, spdx.algorithm, spdx.checksumAlgorithm_sha256))
            graph.add((checksum, spdx.checksumValue, literal(hashlib.sha256(data).hexdigest(), datatype=xsd.hexBinary)))
            graph.add((distribution, spdx.checksum, checksum))
    text: str = graph.serialize(format=format)
    return text
