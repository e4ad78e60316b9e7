"""What every output states about the data, computed from a copy's own rows, in one place.

The catalogue records, the citation files, the page, the licence file and the README say when the
data runs from and to, how many rows and sources it has, which outside sources it rests on and when
this version was released. None of it is written by hand anywhere: each reads it from here, and the
tests compare what they say with what the data gives.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import NamedTuple

from .._gate.package import CopyArg, open_package
from .._gate.schema import bundled_tables
from ..models import Meeting, PlacementSource, Source, TipTierPlacement

# The dates on which what the data describes happened: the meetings, and the periods the reports
# cover. A page's or a source's own publication date dates the evidence, not what it describes.
DESCRIBED = {"meetings": ("start_date", "end_date"), "sources": ("period_start", "period_end")}
# The pages whose words are a work of the U.S. government, which is in the public domain there.
US_GOVERNMENT = frozenset(
    {
        "U.S. Department of State (report text)",
        "U.S. Department of State (waiver memorandum)",
        "CIA World Factbook",
    }
)


class Facts(NamedTuple):
    """What the outputs state about one copy of the data."""

    version: str
    released: str  # the descriptor's `created`: the day this version was made
    article: str  # the day the article the data comes from was published
    start: datetime.date | None  # the first and last day of what the data describes (None: it has no date)
    end: datetime.date | None
    rows: Mapping[str, int]
    sources: Mapping[str, tuple[str, ...]]  # each kind of source (sources.kind), the citations of that kind
    families: tuple[str, ...]  # the source families (original publishers) behind the placements, most used first
    government_families: tuple[str, ...]  # those of them whose words are the U.S. government's
    publishers: tuple[str, ...]  # who published the pages read, in order
    report_years: tuple[int, ...]  # the TIP Reports the placements come from
    later_meetings: tuple[str, ...]  # the meetings the article does not print, as "AMMTC 19"

    @property
    def pages(self) -> int:
        """Return how many pages the tier placements rest on."""
        return self.rows["placement_sources"]


def facts(datapackage: CopyArg = None) -> Facts:
    """Return what the outputs state about the bundled data or a given copy, computed from its rows."""
    package = open_package(datapackage)
    dates: list[datetime.date] = []
    for name, fields in DESCRIBED.items():
        for record in package.records(name):
            dates += [day for field in fields if (day := getattr(record, field)) is not None]
    meta = package.meta
    sources: dict[str, list[str]] = {}
    for source in package.of(Source):
        sources.setdefault(source.kind, []).append(source.citation)
    placed: dict[str, set[tuple[str, int]]] = {}  # each family of pages, the placements it gives
    for page in package.of(PlacementSource):
        placed.setdefault(page.source_family, set()).add((page.country_iso3, page.report_year))
    families = tuple(sorted(placed, key=lambda family: (-len(placed[family]), family)))
    return Facts(
        version=meta.version,
        released=meta.created[:10],
        article=meta.sources[0].version if meta.sources else "",
        start=min(dates, default=None),
        end=max(dates, default=None),
        rows={name: len(package.records(name)) for name in bundled_tables()},
        sources={kind: tuple(citations) for kind, citations in sources.items()},
        families=families,
        government_families=tuple(f for f in families if f in US_GOVERNMENT),
        publishers=tuple(sorted({page.publisher for page in package.of(PlacementSource)})),
        report_years=tuple(sorted({p.report_year for p in package.of(TipTierPlacement)})),
        later_meetings=tuple(f"{m.forum} {m.number}" for m in package.of(Meeting) if m.article_ref is None),
    )
