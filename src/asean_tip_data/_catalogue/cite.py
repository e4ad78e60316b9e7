"""How to cite the dataset and the article it is derived from: text, BibTeX, CITATION.cff and .zenodo.json.

Every name, title and number comes from the descriptor's credit model (``_metadata``): the dataset's
makers (its contributors with the role ``creator``), its contact, and its source with the source's
own authors. Nothing here restates them.

One citation in each language: every format names the makers, and says the title, abstract,
message and keywords, in the language asked for, and the Zenodo record declares it. The article's
record stays as it was published (its title is English). CITATION.cff and .zenodo.json in the
repository are the English ones.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from .._version import __version__

CiteFormat = Literal["text", "bibtex", "cff", "zenodo"]
CITE_FORMATS: tuple[CiteFormat, ...] = ("text", "bibtex", "cff", "zenodo")
REPOSITORY = "https://github.com/asean-tip-data/asean-tip-data"
# What an entry is, in each language's citation practice (Indonesian: "[Dataset]", "Bersumber dari").
WORDS = {
    "en": {"dataset": "Dataset", "kind": "Data set", "version": "version", "derived": "Derived from"}
    | {"note": "Data set derived from doi:", "language": "eng"}
    | {"message": "If you use this dataset, please cite it and the article it is derived from (see references)."},
    "id": {"dataset": "Dataset", "kind": "Dataset", "version": "versi", "derived": "Bersumber dari"}
    | {"note": "Dataset yang disusun berdasarkan doi:", "language": "ind"}
    | {"message": "Jika Anda menggunakan dataset ini, kutiplah dataset ini dan artikel sumbernya (lihat rujukannya)."},
}


def cite(format: CiteFormat = "text", lang: str = "en") -> str:
    """Return how to cite the dataset and the article it is derived from, in ``format``, as ``lang`` cites."""
    if lang not in WORDS:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(WORDS)}")
    if format not in CITE_FORMATS:
        raise ValueError(f"unknown citation format {format!r}; expected one of: {', '.join(CITE_FORMATS)}")
    from .._gate.descriptor import bundled_metadata  # here: --help, which lists the formats, reads no descriptor

    entry = _Entry(bundled_metadata(), lang)
    return {"text": entry.text, "bibtex": entry.bibtex, "cff": entry.cff, "zenodo": entry.zenodo}[format]()


def _q(text: str) -> str:
    # A JSON string is a YAML scalar too: nothing in the text can break the file.
    return json.dumps(text, ensure_ascii=False, allow_nan=False)


class _Entry:
    """The dataset and its source as one citation builds them, in one language."""

    def __init__(self, meta: Any, lang: str) -> None:
        from .._gate.schema import text_in

        self.meta, self.words, self.lang = meta, WORDS[lang], lang
        self.makers = [self.name(m) for m in meta.makers]
        self.title = f"{meta.name}: {text_in(meta.titles, lang)}"
        self.abstract = text_in(meta.descriptions, lang)
        # The English record has always listed every keyword; one in another language only its own.
        self.keywords = meta.keywords if lang == "en" else dict(meta.keywords_in).get(lang, meta.keywords)
        self.year = meta.created[:4]
        (self.source,) = [s for s in meta.sources if s.article is not None]
        self.article = self.source.article

    def name(self, agent: Any) -> str:
        """Return an agent's name in the entry's language: an organisation's is translated, a person's is not."""
        from .._gate.schema import text_in

        return agent.title if agent.person else text_in(agent.titles, self.lang) or agent.title

    def _authors_apa(self) -> str:
        def initials(given: str) -> str:
            return " ".join(f"{part[0]}." for part in given.replace(".", " ").split())

        return ", ".join(f"{a.family}, {initials(a.given)}" for a in self.source.authors)

    def text(self) -> str:
        a, w = self.article, self.words
        volume = f"{a.volume}({a.issue})" if a.issue else a.volume
        return (
            f"{w['dataset']}: {', '.join(self.makers)} ({self.year}). {self.title} ({w['version']} {__version__}) "
            f"[{w['kind']}]. {REPOSITORY}\n"
            f"{w['derived']}: {self._authors_apa()} ({a.year}). {a.title}. {a.journal}, {volume}, {a.pages}. "
            f"https://doi.org/{a.doi}\n"
        )

    def bibtex(self) -> str:
        a = self.article

        def entry(kind: str, key: str, fields: dict[str, str]) -> str:
            body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
            return f"@{kind}{{{key},\n{body}\n}}\n"

        dataset = {
            "author": " and ".join(f"{{{m}}}" for m in self.makers),  # braces: an organisation, not a person
            "title": self.title,
            "version": __version__,
            "year": self.year,
            "url": REPOSITORY,
            "note": f"{self.words['note']}{a.doi}",
        }
        article = {
            "author": " and ".join(f"{p.family}, {p.given}" for p in self.source.authors),
            "title": a.title,
            "journal": a.journal,
            "volume": a.volume,
            "number": a.issue,
            "pages": a.pages.replace("-", "--"),
            "year": str(a.year),
            "doi": a.doi,
        }
        key = f"{self.source.authors[0].family.lower()}_{a.year}"
        return entry("misc", "asean_tip_data", dataset) + "\n" + entry("article", key, article)

    def cff(self) -> str:
        """Return CITATION.cff: the dataset itself, with the article among its references."""
        meta, a = self.meta, self.article
        start, _, end = a.pages.partition("-")
        lines = [
            "cff-version: 1.2.0",
            f"message: {_q(self.words['message'])}",
            "type: dataset",
            f"title: {_q(self.title)}",
            f"abstract: {_q(self.abstract)}",
            f"version: {_q(__version__)}",
            f"date-released: {_q(meta.created[:10])}",
            f"license: {_q(meta.licenses[0].name)}",
            f"repository-code: {_q(REPOSITORY)}",
            f"url: {_q(meta.homepage or REPOSITORY)}",
            "authors:",
            *(line for m in meta.makers for line in _cff_agent(m, self.name(m), "  ")),
            "contact:",
            *(line for m in meta.contacts for line in _cff_agent(m, self.name(m), "  ")),
            "keywords:",
            *(f"  - {_q(k)}" for k in self.keywords),
            "references:",
            "  - type: article",
            f"    title: {_q(a.title)}",
            "    authors:",
            *(line for p in self.source.authors for line in _cff_agent(p, p.title, "      ")),
            f"    journal: {_q(a.journal)}",
            f"    volume: {a.volume}",
            f"    issue: {_q(a.issue)}",
            f"    start: {_q(start)}",
            f"    end: {_q(end)}",
            f"    year: {a.year}",
            f"    doi: {_q(a.doi)}",
            f"    url: {_q(self.source.url or '')}",
            f"    license: {_q(a.license)}",
        ]
        return "\n".join(lines) + "\n"

    def zenodo(self) -> str:
        """Return .zenodo.json: Zenodo's legacy deposit metadata, which its GitHub integration prefers to CFF."""
        meta, a = self.meta, self.article
        record = {
            "upload_type": "dataset",
            "title": self.title,
            "description": self.abstract,
            "creators": [_zenodo_agent(m, self.name(m)) for m in meta.makers],
            "contributors": [{**_zenodo_agent(c, self.name(c)), "type": "ContactPerson"} for c in meta.contacts],
            "keywords": list(self.keywords),
            "license": meta.licenses[0].name.lower(),
            "version": __version__,
            "language": self.words["language"],
            "related_identifiers": [
                {
                    "identifier": a.doi,
                    "relation": "isDerivedFrom",
                    "resource_type": "publication-article",
                    "scheme": "doi",
                }
            ],
            "references": [self.text().splitlines()[1].partition(": ")[2]],
        }
        return json.dumps(record, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _cff_agent(agent: Any, name: str, indent: str) -> list[str]:
    """Return the lines of one CFF person (family and given names) or entity (its ``name``)."""
    if agent.person:
        lines = [f"{indent}- family-names: {_q(agent.family)}", f"{indent}  given-names: {_q(agent.given)}"]
        return lines + ([f"{indent}  affiliation: {_q(agent.organization)}"] if agent.organization else [])
    return [f"{indent}- name: {_q(name)}"] + ([f"{indent}  website: {_q(agent.url)}"] if agent.url else [])


def _zenodo_agent(agent: Any, name: str) -> dict[str, str]:
    """Return one creator as Zenodo's legacy metadata has it: "Family, Given" for a person, else its ``name``."""
    name = f"{agent.family}, {agent.given}" if agent.person else name
    return {"name": name, **({"affiliation": agent.organization} if agent.organization else {})}
