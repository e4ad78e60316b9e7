"""Which model the records of each resource are: the one pairing of the two, in the descriptor's order."""

from __future__ import annotations

from .. import models

MODELS: dict[str, type[models.Record]] = {
    "countries": models.Country,
    "sources": models.Source,
    "trafficking_cases": models.TraffickingCases,
    "case_statements": models.CaseStatement,
    "trafficking_suspects": models.TraffickingSuspects,
    "liaison_officers": models.LiaisonOfficer,
    "meetings": models.Meeting,
    "mous": models.Mou,
    "strategies": models.Strategy,
    "strategy_roles": models.StrategyRole,
    "challenges": models.Challenge,
    "tip_tiers": models.TipTier,
    "tip_tier_placements": models.TipTierPlacement,
    "placement_sources": models.PlacementSource,
    "glossary": models.GlossaryTerm,
    "errata": models.Erratum,
}
