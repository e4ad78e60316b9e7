"""Typed, frozen records: one model per resource of ``datapackage.json``; pydantic is all they need."""

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

# Field names, types, required-ness, enums, patterns and minimums mirror the Table Schemas in
# datapackage.json; tests/test_models.py holds the two in lockstep. Patterns are StringConstraints,
# not Field(pattern=...): pydantic then has no field information to merge, a tenth of defining
# the models at import.

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
StrategyId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
Year = Annotated[int, Field(ge=1900)]
Count = Annotated[int, Field(ge=0)]
Ordinal = Annotated[int, Field(ge=1)]


class Broken(ValueError):
    """A rule between fields that a record breaks: its message, as a template, and the values in it."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template.format(**values))
        self.template, self.values = template, values


class Record(BaseModel):
    """Base of every record: immutable, strict, no unknown fields."""

    # defer_build: validators are built on first use, not at import.
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)

    def check(self) -> None:
        """Raise ValueError where fields disagree with each other."""

    @model_validator(mode="after")
    def _run_check(self) -> "Record":
        self.check()
        return self


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


class Source(Record):
    """A source cited for rows of the data."""

    source_id: SourceId
    kind: Literal["article", "credited", "standard", "editorial", "report", "webpage"]
    citation: str
    citation_indonesian: str | None
    year: Year | None
    released: datetime.date | None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.[0-9]{4,9}/\S+$")] | None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None
    license: str | None
    article_ref: str | None


class TraffickingCases(Record):
    """Trafficking cases with Indonesian victims in one year (Table 1)."""

    year: Year
    cases: Count
    source_id: SourceId
    article_ref: str


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
    source_id: SourceId
    article_ref: str


class Meeting(Record):
    """An AMMTC or SOMTC meeting (Appendices 1 and 2)."""

    forum: Literal["AMMTC", "SOMTC"]
    number: Ordinal
    name_as_printed: str
    chair_iso3: Iso3
    chair_as_printed: str
    start_date: datetime.date
    end_date: datetime.date
    dates_as_printed: str
    city: str | None
    venue_as_printed: str
    online: bool
    chair_follows_asean_chairmanship: bool
    source_id: SourceId
    article_ref: str

    def check(self) -> None:
        """Raise ValueError if the meeting ends before it starts, or is online with a city."""
        if self.end_date < self.start_date:
            raise Broken("end_date {end} is before start_date {start}", end=self.end_date, start=self.start_date)
        if self.online != (self.city is None):
            raise Broken("online must be true exactly when city is empty")


class Mou(Record):
    """A memorandum of understanding between POLRI and a Southeast Asian partner (Appendix 3)."""

    mou_id: Ordinal
    country_iso3: Iso3
    country_as_printed: str
    title: str
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
    article_ref: str


class Erratum(Record):
    """A correction this package makes to the printed text."""

    erratum_id: Ordinal
    resource: Literal[
        "countries",
        "sources",
        "trafficking_cases",
        "trafficking_suspects",
        "liaison_officers",
        "meetings",
        "mous",
        "strategies",
        "strategy_roles",
        "tip_tiers",
        "tip_tier_placements",
        "glossary",
    ]
    record: str
    field: str
    printed: str
    corrected: str
    reason: str
    reason_indonesian: str
    article_ref: str
