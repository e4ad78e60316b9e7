"""The records that say where the data comes from and what was corrected: sources, the pages read, errata.

Public through ``asean_tip_data.models``, beside the records of the article's tables.
"""

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .record import Count, Iso3, Ordinal, Record, SourceId, Year

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Source(Record):
    """A source cited for rows of the data."""

    source_id: SourceId
    kind: Literal["article", "credited", "standard", "editorial", "report", "webpage", "news"]
    citation: str
    citation_indonesian: str | None
    citation_language: Literal["en", "id"]
    year: Year | None
    released: datetime.date | None
    period_start: datetime.date | None
    period_end: datetime.date | None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.[0-9]{4,9}/\S+$")] | None
    url: Url | None
    license: str | None
    article_ref: str | None


class CaseStatement(Record):
    """What the ministry Table 1 credits, or another source, has said in public about one year's count."""

    year: Year
    value: Count
    unit: Literal["cases", "victims"]
    speaker: str
    speaker_indonesian: str
    by_ministry: bool
    stated_on: datetime.date
    publisher: str
    url: Url
    quote: str | None
    source_id: SourceId


class PlacementSource(Record):
    """A page that a TIP Report tier placement rests on."""

    country_iso3: Iso3
    report_year: Annotated[int, Field(ge=2000)]
    source_family: str
    publisher: str
    kind: Literal["report_text", "report_text_undated", "next_report_text", "government_statement", "news", "reference"]
    url: Url
    published: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")] | None
    quote: str | None
    transcriptions: Literal["a", "b", "a+b"] | None


class Erratum(Record):
    """A correction this package makes to the printed text."""

    erratum_id: Ordinal
    resource: Literal[
        "countries",
        "sources",
        "trafficking_cases",
        "case_statements",
        "trafficking_suspects",
        "liaison_officers",
        "meetings",
        "mous",
        "strategies",
        "strategy_roles",
        "challenges",
        "tip_tiers",
        "tip_tier_placements",
        "placement_sources",
        "glossary",
    ]
    record: str
    field: str
    printed: str
    corrected: str
    reason: str
    reason_indonesian: str
    article_ref: str
