"""Typed, frozen records: one model per resource of ``datapackage.json``; pydantic is all they need."""

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ._records.provenance import CaseStatement, Erratum, PlacementSource, Source
from ._records.record import Broken, Count, Iso3, Ordinal, Record, SourceId, SourceIds, StrategyId, Year

# The base of every model and the error a rule between fields raises; the records of where the data
# comes from live in _provenance, and are these models as much as the others.
__all__ = ["Broken", "CaseStatement", "Erratum", "PlacementSource", "Record", "Source"]


class Country(Record):
    """A country that the data refers to."""

    iso3: Iso3
    iso2: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    numeric_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{3}$")]
    name: str
    name_indonesian: str
    name_indonesian_source_id: SourceId
    source_id: SourceId
    article_ref: str | None


class TraffickingCases(Record):
    """Trafficking cases with Indonesian victims in one year (Table 1), with what the ministry has said of it."""

    year: Year
    cases: Count
    ministry_statement: Literal["confirms", "conflicting", "contradicts", "qualifies"] | None
    note: str | None
    note_indonesian: str | None
    note_source_ids: SourceIds | None
    source_id: SourceId
    article_ref: str

    def check(self) -> None:
        """Raise ValueError unless a note comes in both languages with its sources, and a statement with a note."""
        noted = (self.note, self.note_indonesian, self.note_source_ids)
        if any(x is not None for x in noted) and None in noted:
            raise Broken("note, note_indonesian and note_source_ids are given together or not at all")
        if self.ministry_statement is not None and self.note is None:
            raise Broken("ministry_statement is given with a note that says what the ministry said")


class TraffickingSuspects(Record):
    """Indonesian trafficking suspects in one year (Table 2)."""

    year: Year
    suspects: Count
    source_id: SourceId
    article_ref: str


class LiaisonOfficer(Record):
    """A POLRI attaché or technical staff member posted in Southeast Asia (Table 3)."""

    officer_id: Ordinal
    table_row: Ordinal
    position: Literal["ATPOL", "STAFNISPOL"]
    rank: Literal["Kombes Pol.", "AKBP"]
    name: str
    degrees: str | None
    full_name_as_printed: str
    mission_type: Literal["embassy", "consulate_general"]
    city: str
    region: str | None
    country_iso3: Iso3
    placement_as_printed: str
    strategy_id: StrategyId
    source_id: SourceId
    article_ref: str


class Meeting(Record):
    """An AMMTC or SOMTC meeting (Appendices 1 and 2, and one held since, from other pages)."""

    forum: Literal["AMMTC", "SOMTC"]
    number: Ordinal
    name_as_printed: str | None
    chair_iso3: Iso3
    chair_as_printed: str | None
    start_date: datetime.date
    end_date: datetime.date
    dates_as_printed: str | None
    city: str | None
    venue_as_printed: str | None
    online: bool
    chair_follows_asean_chairmanship: bool
    note: str | None
    note_indonesian: str | None
    note_source_ids: SourceIds | None
    source_id: SourceId
    article_ref: str | None

    def check(self) -> None:
        """Raise ValueError if the meeting ends before it starts, is online with a city, or is not printed unsaid."""
        if self.end_date < self.start_date:
            raise Broken("end_date {end} is before start_date {start}", end=self.end_date, start=self.start_date)
        if self.online != (self.city is None):
            raise Broken("online must be true exactly when city is empty")
        printed = (self.name_as_printed, self.chair_as_printed, self.dates_as_printed, self.venue_as_printed)
        if None in (*printed, self.article_ref) and not all(x is None for x in (*printed, self.article_ref)):
            raise Broken("the fields as printed and article_ref are given together or not at all")
        # A note says what the article does not: all three parts for a meeting it does not print, none otherwise.
        noted = (self.note, self.note_indonesian, self.note_source_ids)
        if any((x is not None) != (self.article_ref is None) for x in noted):
            raise Broken(
                "note, note_indonesian and note_source_ids are given for a meeting exactly when it is not printed"
            )


class Mou(Record):
    """A memorandum of understanding between POLRI and a Southeast Asian partner (Appendix 3)."""

    mou_id: Ordinal
    country_iso3: Iso3
    country_as_printed: str
    title: str
    title_indonesian: str
    parties: str
    status: Literal["in_force", "under_renewal", "in_preparation"]
    status_as_printed: Literal["Applicable", "On Extension", "In the Making"]
    source_id: SourceId
    article_ref: str

    def check(self) -> None:
        """Raise ValueError if the status code does not match the printed status."""
        if _MOU_STATUS[self.status_as_printed] != self.status:
            raise Broken(
                "status {status} does not match status_as_printed {printed}",
                status=repr(self.status),
                printed=repr(self.status_as_printed),
            )


_MOU_STATUS = {"Applicable": "in_force", "On Extension": "under_renewal", "In the Making": "in_preparation"}


class Strategy(Record):
    """A joint ASEANAPOL-POLRI strategy or an internal POLRI stage."""

    strategy_id: StrategyId
    scope: Literal["joint", "internal"]
    sequence: Ordinal
    name: str
    name_indonesian: str
    description: str
    description_indonesian: str
    source_id: SourceId
    article_ref: str


class StrategyRole(Record):
    """What one actor does in one joint strategy (Appendix 4)."""

    strategy_id: StrategyId
    actor: Literal["ASEANAPOL", "POLRI"]
    actor_as_printed: str
    role: str
    role_indonesian: str
    source_id: SourceId
    article_ref: str


class Challenge(Record):
    """A challenge the article's Results name for ASEANAPOL against trafficking."""

    challenge_id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
    sequence: Ordinal
    name: str
    name_indonesian: str
    summary: str
    summary_indonesian: str
    source_id: SourceId
    article_ref: str


class TipTier(Record):
    """A tier of the U.S. Department of State's Trafficking in Persons Report."""

    tier: Literal["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"]
    severity: Ordinal
    map_colour: Literal["green", "yellow", "orange", "red"]
    definition: str
    definition_indonesian: str
    source_id: SourceId
    article_ref: str


class TipTierPlacement(Record):
    """A country's tier in one year's Trafficking in Persons Report, 2016-2025 (2023: Figure 1), and how it is known."""

    country_iso3: Iso3
    report_year: Annotated[int, Field(ge=2000)]
    tier: Literal["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"]
    placement_change: Literal["remained", "upgraded", "downgraded"]
    evidence: Literal["report_text", "next_report_text", "two_sources", "one_source"]
    note: str | None
    note_indonesian: str | None
    source_id: SourceId
    article_ref: str | None


class GlossaryTerm(Record):
    """An acronym or term that the data uses."""

    term: str
    expansion: str
    expansion_indonesian: str
    definition: str
    definition_indonesian: str
    source_id: SourceId
    article_ref: str | None
