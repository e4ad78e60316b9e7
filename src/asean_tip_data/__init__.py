"""POLRI and ASEANAPOL against human trafficking: the article's tables as typed, frozen records."""

from __future__ import annotations

from ._version import DATA_VINTAGE, __version__

# Not typing.TYPE_CHECKING: importing typing would cost a bare import a third of its time.
# Type checkers treat a constant of this name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._catalogue.cite import cite
    from ._catalogue.dcat import dcat_ap
    from ._gate.describe import Description, describe
    from ._gate.files import DataError, datapackage_path
    from ._gate.loading import (
        Loader,
        load,
        load_case_statements,
        load_challenges,
        load_countries,
        load_errata,
        load_glossary,
        load_liaison_officers,
        load_meetings,
        load_mous,
        load_placement_sources,
        load_sources,
        load_strategies,
        load_strategy_roles,
        load_tip_tier_placements,
        load_tip_tiers,
        load_trafficking_cases,
        load_trafficking_suspects,
        resource_names,
        table_schema,
        validate,
    )
    from ._outputs.export import export
    from ._outputs.frames import to_pandas, to_polars
    from ._page.build import build_page
    from ._words.i18n import LANGUAGES, label
    from .models import (
        CaseStatement,
        Challenge,
        Country,
        Erratum,
        GlossaryTerm,
        LiaisonOfficer,
        Meeting,
        Mou,
        PlacementSource,
        Record,
        Source,
        Strategy,
        StrategyRole,
        TipTier,
        TipTierPlacement,
        TraffickingCases,
        TraffickingSuspects,
    )

__all__ = [
    "DATA_VINTAGE",
    "LANGUAGES",
    "CaseStatement",
    "Challenge",
    "Country",
    "DataError",
    "Description",
    "Erratum",
    "GlossaryTerm",
    "LiaisonOfficer",
    "Loader",
    "Meeting",
    "Mou",
    "PlacementSource",
    "Record",
    "Source",
    "Strategy",
    "StrategyRole",
    "TipTier",
    "TipTierPlacement",
    "TraffickingCases",
    "TraffickingSuspects",
    "__version__",
    "build_page",
    "cite",
    "datapackage_path",
    "dcat_ap",
    "describe",
    "export",
    "label",
    "load",
    "load_case_statements",
    "load_challenges",
    "load_countries",
    "load_errata",
    "load_glossary",
    "load_liaison_officers",
    "load_meetings",
    "load_mous",
    "load_placement_sources",
    "load_sources",
    "load_strategies",
    "load_strategy_roles",
    "load_tip_tier_placements",
    "load_tip_tiers",
    "load_trafficking_cases",
    "load_trafficking_suspects",
    "resource_names",
    "table_schema",
    "to_pandas",
    "to_polars",
    "validate",
]

# Where each public name lives. A bare import loads none of these modules (PEP 562): the command
# line's --version, path and --help then cost no pydantic, and each name pays for what it needs.
_HOMES = {
    "build_page": "_page.build",
    "cite": "_catalogue.cite",
    "dcat_ap": "_catalogue.dcat",
    "export": "_outputs.export",
    "DataError": "_gate.files",
    "datapackage_path": "_gate.files",
    "to_pandas": "_outputs.frames",
    "to_polars": "_outputs.frames",
    "LANGUAGES": "_words.i18n",
    "Description": "_gate.describe",
    "describe": "_gate.describe",
    "label": "_words.i18n",
    "Loader": "_gate.loading",
    "load": "_gate.loading",
    "resource_names": "_gate.loading",
    "table_schema": "_gate.loading",
    "validate": "_gate.loading",
}


def _home(name: str) -> str | None:
    if name in _HOMES:
        return _HOMES[name]
    if name.startswith("load_"):
        return "_gate.loading"
    if name[:1].isupper():
        return "models"
    return None


def __getattr__(name: str) -> Any:
    home = _home(name) if name in __all__ else None
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module  # here: a bare import does without importlib

    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
