"""How to cite the dataset and the article it comes from, as text, BibTeX or CITATION.cff."""

from __future__ import annotations

from typing import Literal

from ._version import __version__

CiteFormat = Literal["text", "bibtex", "cff"]
CITE_FORMATS: tuple[CiteFormat, ...] = ("text", "bibtex", "cff")

DOI = "10.32781/cakrawala.v18i2.733"
REPOSITORY = "https://github.com/asean-tip-data/asean-tip-data"
# (family names, given names) of the article's authors, in the printed order.
AUTHORS = (("Muhammad", "Rifki"), ("Roziqin", "Ali"), ("Susilo", "Denny"), ("Romadhan", "Ach. Apriyanto"))
TITLE = "The Challenges of Intergovernmental Organizations in Combating Transnational Crime: An Indonesian Perspective"
JOURNAL = "Cakrawala: Jurnal Litbang Kebijakan"
# The dataset's own words in each language: who made it, its title, and what the entry is. The
# Indonesian follows Indonesian citation practice ("[Set data]", "Diturunkan dari").
DATASET = {
    "en": {
        "maintainers": "asean-tip-data maintainers",
        "title": "asean-tip-data: POLRI and ASEANAPOL against human trafficking",
        "dataset": "Dataset",
        "kind": "Data set",
        "version": "version",
        "derived": "Derived from",
        "note": "Data set derived from doi:",
    },
    "id": {
        "maintainers": "Pengelola asean-tip-data",
        "title": "asean-tip-data: Kerja sama Polri dan ASEANAPOL dalam penanganan perdagangan orang",
        "dataset": "Set data",
        "kind": "Set data",
        "version": "versi",
        "derived": "Diturunkan dari",
        "note": "Set data yang diturunkan dari doi:",
    },
}


def cite(format: CiteFormat = "text", lang: str = "en") -> str:
    """Return how to cite the dataset and the article, in ``format`` and the conventions of ``lang``."""
    if lang not in DATASET:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(DATASET)}")
    if format == "text":
        return _text(DATASET[lang])
    if format == "bibtex":
        return _bibtex(DATASET[lang])
    if format == "cff":
        return _cff()
    raise ValueError(f"unknown citation format {format!r}; expected one of: {', '.join(CITE_FORMATS)}")


def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in given.replace(".", " ").split())


def _text(words: dict[str, str]) -> str:
    authors = ", ".join(f"{family}, {_initials(given)}" for family, given in AUTHORS)
    return (
        f"{words['dataset']}: {words['maintainers']} (2026). {words['title']} ({words['version']} {__version__}) "
        f"[{words['kind']}]. {REPOSITORY}\n"
        f"{words['derived']}: {authors} (2024). {TITLE}. {JOURNAL}, 18(2), 229-250. https://doi.org/{DOI}\n"
    )


def _bibtex_entry(kind: str, key: str, fields: dict[str, str]) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@{kind}{{{key},\n{body}\n}}\n"


def _bibtex(words: dict[str, str]) -> str:
    dataset = {
        "author": f"{{{words['maintainers']}}}",
        "title": words["title"],
        "version": __version__,
        "year": "2026",
        "url": REPOSITORY,
        "note": f"{words['note']}{DOI}",
    }
    article = {
        "author": " and ".join(f"{family}, {given}" for family, given in AUTHORS),
        "title": TITLE,
        "journal": JOURNAL,
        "volume": "18",
        "number": "2",
        "pages": "229--250",
        "year": "2024",
        "doi": DOI,
    }
    return _bibtex_entry("misc", "asean_tip_data", dataset) + "\n" + _bibtex_entry("article", "muhammad_2024", article)


def _cff() -> str:
    people = "".join(f"    - family-names: {family}\n      given-names: {given}\n" for family, given in AUTHORS)
    return (
        "cff-version: 1.2.0\n"
        "message: If you use this dataset, please cite it and the article it comes from.\n"
        "type: dataset\n"
        "title: 'asean-tip-data: POLRI and ASEANAPOL against human trafficking'\n"
        f"version: {__version__}\n"
        "license: CC-BY-4.0\n"
        f"repository-code: {REPOSITORY}\n"
        "authors:\n"
        "  - name: asean-tip-data maintainers\n"
        "keywords:\n"
        "  - human trafficking\n"
        "  - Indonesia\n"
        "  - ASEANAPOL\n"
        "  - POLRI\n"
        "preferred-citation:\n"
        "  type: article\n"
        f"  title: '{TITLE}'\n"
        "  authors:\n"
        f"{people}"
        f"  journal: '{JOURNAL}'\n"
        "  volume: 18\n"
        "  issue: 2\n"
        "  start: 229\n"
        "  end: 250\n"
        "  year: 2024\n"
        f"  doi: {DOI}\n"
        f"  url: https://doi.org/{DOI}\n"
    )
