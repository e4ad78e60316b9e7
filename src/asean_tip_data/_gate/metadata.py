"""The typed model of a copy's descriptor: everything the package reads from it, each value of the type it is used as.

The credit model is here too: who made the dataset and whom to ask (the contributors with the roles
``creator`` and ``contact``), and the source it is derived from, with that source's own authors.
"""

from __future__ import annotations

from typing import NamedTuple

from .schema import Table, Translations


class Licence(NamedTuple):
    """A licence of the data: its identifier, its title and, where it has one, its web address."""

    name: str
    title: str
    titles: Translations
    url: str | None


class Agent(NamedTuple):
    """A person or an organisation the descriptor credits: name, roles, affiliation, address, name parts."""

    title: str
    titles: Translations
    roles: tuple[str, ...]
    organization: str
    url: str | None
    given: str
    family: str

    @property
    def person(self) -> bool:
        """Return whether this is a person (who has a family name), not an organisation."""
        return bool(self.family)


class Article(NamedTuple):
    """The bibliographic record of a source that is a journal article."""

    title: str
    journal: str
    volume: str
    issue: str
    pages: str
    year: int | None
    doi: str
    license: str


class Reference(NamedTuple):
    """A source the data is derived from: its citation, address, vintage, authors and (an article's) record."""

    title: str
    url: str | None
    version: str
    authors: tuple[Agent, ...]
    article: Article | None


class Resource(NamedTuple):
    """One resource of a copy: its checked relative path, whether it is Parquet, and its table as the copy titles it."""

    name: str
    path: str
    parquet: bool
    table: Table


class Metadata(NamedTuple):
    """Everything the package reads from a copy's descriptor, each value of the type it is used as."""

    name: str
    id: str
    version: str
    created: str
    titles: Translations
    descriptions: Translations
    homepage: str | None
    keywords: tuple[str, ...]  # every keyword, each once: the descriptor's, then its translations'
    keywords_in: tuple[tuple[str, tuple[str, ...]], ...]  # (language, its keywords)
    languages: tuple[str, ...]
    licenses: tuple[Licence, ...]
    sources: tuple[Reference, ...]
    contributors: tuple[Agent, ...]
    resources: tuple[Resource, ...]  # the package's tables, in the package's order

    @property
    def makers(self) -> tuple[Agent, ...]:
        """Return who made, publishes and maintains the dataset: the contributors with the role ``creator``."""
        return tuple(c for c in self.contributors if "creator" in c.roles)

    @property
    def contacts(self) -> tuple[Agent, ...]:
        """Return whom to ask about the dataset: the contributors with the role ``contact``."""
        return tuple(c for c in self.contributors if "contact" in c.roles)
