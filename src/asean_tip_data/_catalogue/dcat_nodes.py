"""The DCAT-AP 3 record's graph, built node by node: the dataset, its makers, source, place, period, licences, files."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from .._gate.metadata import Agent, Metadata
from .downloads import described, download_files
from .facts import Facts
from .jsonld import FRAME, PLACE

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


class Record:
    """A DCAT-AP 3 record being built, node by node, in one rdflib graph."""

    def __init__(self, rdflib: Any, home: str) -> None:
        ns = rdflib.namespace
        self.rdflib, self.graph, self.home = rdflib, rdflib.Graph(), home
        self.uri, self.literal, self.rdf = rdflib.URIRef, rdflib.Literal, ns.RDF
        self.dcat, self.dct, self.foaf, self.skos = ns.DCAT, ns.DCTERMS, ns.FOAF, ns.SKOS
        self.xsd, self.owl, self.prov, self.rdfs = ns.XSD, ns.OWL, ns.PROV, ns.RDFS
        self.vcard = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
        self.spdx = rdflib.Namespace("http://spdx.org/rdf/terms#")
        self.dcatap = rdflib.Namespace("http://data.europa.eu/r5r/")
        for prefix, space in (("dcat", self.dcat), ("dct", self.dct), ("foaf", self.foaf)):
            self.graph.bind(prefix, space)
        self.graph.bind("spdx", self.spdx)
        self.graph.bind("dcatap", self.dcatap)
        # Named, so that a reader of the Turtle sees vcard: and locn:, not ns1: and ns2: in any order.
        self.graph.bind("vcard", self.vcard)
        self.graph.bind("locn", rdflib.Namespace("http://www.w3.org/ns/locn#"))
        self.node = self.uri(f"{home}#dataset")
        self.page = self.uri(home)

    def add(self, subject: Any, predicate: Any, value: Any) -> None:
        self.graph.add((subject, predicate, value))

    def concept(self, iri: str, label: str, kind: Any = None) -> Any:
        """Return a typed concept of a vocabulary, labelled in English."""
        node = self.uri(iri)
        self.add(node, self.rdf.type, kind if kind is not None else self.skos.Concept)
        self.add(node, self.rdf.type, self.skos.Concept)
        self.add(node, self.skos.prefLabel, self.literal(label, lang="en"))
        return node

    def texts(self, subject: Any, predicate: Any, translated: tuple[tuple[str, str], ...]) -> None:
        for lang, text in translated:
            self.add(subject, predicate, self.literal(text, lang=lang))

    def names(self, node: Any, predicate: Any, credited: Agent) -> None:
        # An organisation's name in every language the descriptor gives it, tagged: a multilingual
        # portal (ckanext-dcat's name_translated) shows each, a portal in one language its own. A
        # person's name is the same in every language.
        if credited.person:
            self.add(node, predicate, self.literal(credited.title))
        else:
            self.texts(node, predicate, tuple((lang, name) for lang, name in credited.titles if name))

    def agent(self, credited: Agent, kind: str) -> Any:
        node = self.rdflib.BNode()
        self.add(node, self.rdf.type, self.foaf.Agent)
        self.add(node, self.rdf.type, self.foaf.Person if credited.person else self.foaf.Organization)
        self.names(node, self.foaf.name, credited)
        self.add(node, self.dct.type, self.concept(f"http://purl.org/adms/publishertype/{kind}", kind))
        return node

    def dataset(self, meta: Metadata, about: Facts) -> None:
        """Add the dataset: its texts, identifier, version, dates, languages, themes and keywords."""
        node, dct, literal = self.node, self.dct, self.literal
        self.add(node, self.rdf.type, self.dcat.Dataset)
        self.texts(node, dct.title, meta.titles)
        self.texts(node, dct.description, meta.descriptions)
        self.add(node, dct.identifier, literal(meta.id))
        # rdflib's DCAT namespace is DCAT 2's; dcat:version is DCAT 3's.
        self.add(node, self.uri("http://www.w3.org/ns/dcat#version"), literal(meta.version))
        self.add(node, self.owl.versionInfo, literal(meta.version))  # DCAT-AP 2's, which its portals read
        if about.released:  # this version, made on the day the descriptor was created
            self.add(node, dct.issued, literal(about.released, datatype=self.xsd.date))
            self.add(node, dct.modified, literal(about.released, datatype=self.xsd.date))
        for code in meta.languages:
            language = self.uri(EU + LANGUAGES[code][0])
            self.add(language, self.rdf.type, dct.LinguisticSystem)
            self.add(node, dct.language, language)
        for iri, label in THEMES.items():
            self.add(node, self.dcat.theme, self.concept(EU + iri, label))
        for lang, keywords in meta.keywords_in:
            for keyword in keywords:
                self.add(node, self.dcat.keyword, literal(keyword, lang=lang))
        self.add(self.page, self.rdf.type, self.foaf.Document)
        self.add(
            self.page, self.rdf.type, self.rdfs.Resource
        )  # SEMIC's combined shapes check this, without inference too
        self.add(node, self.dcat.landingPage, self.page)

    def makers(self, meta: Metadata) -> None:
        """Add the credit model's makers: they create and publish the dataset, and are its contact."""
        for maker in meta.makers:
            node = self.agent(maker, "NonProfitOrganisation")
            if maker.url:
                self.add(node, self.foaf.homepage, self.uri(maker.url))
            self.add(self.node, self.dct.creator, node)
            self.add(self.node, self.dct.publisher, node)
        vcard = self.vcard
        for person in meta.contacts:
            contact = self.rdflib.BNode()
            self.add(contact, self.rdf.type, vcard.Kind)
            self.add(contact, self.rdf.type, vcard.Individual if person.person else vcard.Organization)
            self.names(contact, vcard.fn, person)
            self.add(contact, vcard.hasURL, self.uri(person.url or self.home))
            self.add(self.node, self.dcat.contactPoint, contact)

    def sources(self, meta: Metadata) -> None:
        """Add the article the dataset is derived from, with the article's own authors (never its creators)."""
        for source in meta.sources:
            if source.url is None:
                continue
            article = self.uri(source.url)
            # Related (plain CKAN shows it as a related resource), what the dataset is derived from, and
            # a page about it: the one of the three that ckanext-dcat's scheming schema (dcat_ap_full)
            # shows, as "Documentation". Not a dcat:qualifiedRelation, which scheming shows too: DCAT-AP
            # 3.0.1's range shapes want a catalogue's dataset or service at its end, never an article.
            self.add(self.node, self.dct.relation, article)
            self.add(self.node, self.prov.wasDerivedFrom, article)
            self.add(self.node, self.foaf.page, article)
            self.add(article, self.rdf.type, self.foaf.Document)
            self.add(article, self.rdf.type, self.rdfs.Resource)
            title = source.article.title if source.article else source.title
            self.add(article, self.dct.title, self.literal(title))
            for author in source.authors:
                self.add(article, self.dct.creator, self.agent(author, "Academia-ScientificOrganisation"))

    def place(self) -> None:
        """Add Southeast Asia, named in both languages, with the map's frame as its box and centre."""
        locn = self.rdflib.Namespace("http://www.w3.org/ns/locn#")
        wkt = self.rdflib.Namespace("http://www.opengis.net/ont/geosparql#").wktLiteral
        place = self.rdflib.BNode()
        west, south, east, north = FRAME
        box = f"POLYGON(({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))"
        self.add(place, self.rdf.type, self.dct.Location)
        for lang, name in PLACE:
            self.add(place, locn.geographicName, self.literal(name, lang=lang))
        # ckanext-dcat names the place by its one label (the last it meets, were there two): the English.
        self.add(place, self.skos.prefLabel, self.literal("Southeast Asia", lang="en"))
        self.add(place, self.dcat.bbox, self.literal(box, datatype=wkt))
        self.add(
            place, self.dcat.centroid, self.literal(f"POINT({(west + east) / 2} {(south + north) / 2})", datatype=wkt)
        )
        self.add(self.node, self.dct.spatial, place)

    def period(self, about: Facts) -> None:
        """Add the period the data describes; a copy whose tables hold no date covers none."""
        if about.start is None or about.end is None:
            return
        period = self.rdflib.BNode()
        self.add(period, self.rdf.type, self.dct.PeriodOfTime)
        self.add(period, self.dcat.startDate, self.literal(about.start.isoformat(), datatype=self.xsd.date))
        self.add(period, self.dcat.endDate, self.literal(about.end.isoformat(), datatype=self.xsd.date))
        self.add(self.node, self.dct.temporal, period)

    def licences(self, meta: Metadata) -> list[Any]:
        """Add the licence by its own address and by the EU authority's, the same licence; return both."""
        # A catalogue knows a licence by its address or its title. The licence's own address (the
        # descriptor's) names it on the CSV files, the EU licence authority's on the others: the same
        # licence (owl:sameAs), so that a portal whose register uses either finds it, and CKAN's default
        # register finds it by the title it gives it. No rdfs:label: ckanext-dcat would store a
        # resource's licence as that label, and CKAN's own DCAT export would then write the licence as
        # text, losing its address for every harvester downstream; skos:prefLabel names it instead.
        if not meta.licenses:
            return []
        first = meta.licenses[0]
        licences = [self.uri(first.url or f"{self.home}#licence")]
        if first.name in EU_LICENCES:
            licences.append(self.uri(EU + EU_LICENCES[first.name]))
        attribution = self.concept("http://purl.org/adms/licencetype/Attribution", "Attribution")
        for licence in licences:
            self.add(licence, self.rdf.type, self.dct.LicenseDocument)
            self.add(licence, self.dct.type, attribution)
            self.add(licence, self.dct.identifier, self.literal(first.name))
            self.texts(licence, self.skos.prefLabel, tuple((lang, title) for lang, title in first.titles if title))
            if first.name in REGISTER_TITLES:
                self.add(licence, self.dct.title, self.literal(REGISTER_TITLES[first.name]))
            for other in licences:
                if other != licence:
                    self.add(licence, self.owl.sameAs, other)
        return licences

    def distributions(self, meta: Metadata, licences: list[Any], files: Mapping[str, bytes]) -> None:
        """Add every data download, titled after what it holds in each language, with its licence and file."""
        stable = self.concept(EU + "planned-availability/STABLE", "stable")
        tables = [r.table for r in meta.resources]
        described_in = {lang: described(tables, lang) for lang in meta.languages}
        dcat, dct, literal = self.dcat, self.dct, self.literal
        for _name, path, media in download_files(tables):
            if media not in FILE_TYPES:
                continue  # the record itself: it cannot give its own checksum
            distribution = self.uri(f"{self.home}{path}")
            self.add(self.node, dcat.distribution, distribution)
            self.add(distribution, self.rdf.type, dcat.Distribution)
            self.add(distribution, self.rdf.type, self.rdfs.Resource)  # its own download URL, for the combined shapes
            self.add(distribution, dcat.accessURL, self.page)
            self.add(distribution, dcat.downloadURL, distribution)
            for lang, texts_in in described_in.items():  # what it holds, in each language, tagged
                title, description = texts_in[path]
                self.add(distribution, dct.title, literal(title, lang=lang))
                self.add(distribution, dct.description, literal(description or title, lang=lang))
            if licences:
                self.add(distribution, dct.license, licences[0] if media == "text/csv" else licences[-1])
            self.add(distribution, self.dcatap.availability, stable)
            self.media(distribution, media)
            if (data := files.get(path)) is not None:
                self.file(distribution, data)

    def media(self, distribution: Any, media: str) -> None:
        """Add a download's media type (CKAN's format: CSV, text/csv) and the EU file type."""
        media_type = self.uri(IANA + media)
        self.add(media_type, self.rdf.type, self.dct.MediaType)
        self.add(media_type, self.rdfs.label, self.literal(media))
        self.add(distribution, self.dcat.mediaType, media_type)
        file_type = self.uri(EU + FILE_TYPES[media])
        self.add(file_type, self.rdf.type, self.dct.MediaTypeOrExtent)
        self.add(distribution, self.dct["format"], file_type)

    def file(self, distribution: Any, data: bytes) -> None:
        """Add a download's size, an integer as DCAT 3 and both sets of DCAT-AP 3.0.1 shapes have it, and SHA-256."""
        xsd, spdx = self.xsd, self.spdx
        self.add(distribution, self.dcat.byteSize, self.literal(str(len(data)), datatype=xsd.nonNegativeInteger))
        checksum = self.rdflib.BNode()
        self.add(checksum, self.rdf.type, spdx.Checksum)
        self.add(spdx.checksumAlgorithm_sha256, self.rdf.type, spdx.ChecksumAlgorithm)
        self.add(checksum, spdx.algorithm, spdx.checksumAlgorithm_sha256)
        self.add(checksum, spdx.checksumValue, self.literal(hashlib.sha256(data).hexdigest(), datatype=xsd.hexBinary))
        self.add(distribution, spdx.checksum, checksum)
