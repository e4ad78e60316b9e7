"""POLRI and ASEANAPOL against human trafficking: the article's tables as typed, frozen records."""

from __future__ import annotations

from ._version import DATA_VINTAGE, __version__

# Not typing.TYPE_CHECKING: importing typing would cost a bare import a third of its time.
# Type checkers treat a constant of this name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._cite import cite
    from ._dcat import dcat_ap
    from ._describe import Description, describe
    from ._export import export
    from ._files import DataError, datapackage_path
    from ._frames import to_pandas, to_polars
    from ._i18n import LANGUAGES, label
    from ._loading import (
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
    from ._page import build_page
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
    "build_page": "_page",
    "cite": "_cite",
    "dcat_ap": "_dcat",
    "export": "_export",
    "DataError": "_files",
    "datapackage_path": "_files",
    "to_pandas": "_frames",
    "to_polars": "_frames",
    "LANGUAGES": "_i18n",
    "Description": "_describe",
    "describe": "_describe",
    "label": "_i18n",
    "Loader": "_loading",
    "load": "_loading",
    "resource_names": "_loading",
    "table_schema": "_loading",
    "validate": "_loading",
}


def _home(name: str) -> str | None:
    if name in _HOMES:
        return _HOMES[name]
    if name.startswith("load_"):
        return "_loading"
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
