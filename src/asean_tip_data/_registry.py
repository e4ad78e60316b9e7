"""A typed loader for each resource, named after it, from the one pairing of names and models."""

from __future__ import annotations

from typing import Protocol, TypeVar, cast

from . import models as m
from ._files import PathArg
from ._loading import load
from .models import MODELS, Record

R_co = TypeVar("R_co", bound=Record, covariant=True)
R = TypeVar("R", bound=Record)


class Loader(Protocol[R_co]):
    """A typed loader of one resource."""

    def __call__(self, datapackage: PathArg = None) -> tuple[R_co, ...]: ...


def _loader(model: type[R]) -> Loader[R]:
    """Return the loader of the resource whose model is ``model`` in models.MODELS."""
    (name,) = [n for n, m in MODELS.items() if m is model]

    def load_resource(datapackage: PathArg = None) -> tuple[R, ...]:
        return cast("tuple[R, ...]", load(name, datapackage))

    load_resource.__name__ = load_resource.__qualname__ = f"load_{name}"
    load_resource.__doc__ = f"Return the {model.__name__} records of the ``{name}`` resource."
    return load_resource


# The names are the public API, so each is written out for type checkers and IDEs; the resource
# each loads comes from MODELS, and tests/test_loading.py fails if one is missing.
load_countries = _loader(m.Country)
load_sources = _loader(m.Source)
load_trafficking_cases = _loader(m.TraffickingCases)
load_trafficking_suspects = _loader(m.TraffickingSuspects)
load_liaison_officers = _loader(m.LiaisonOfficer)
load_meetings = _loader(m.Meeting)
load_mous = _loader(m.Mou)
load_strategies = _loader(m.Strategy)
load_strategy_roles = _loader(m.StrategyRole)
load_tip_tiers = _loader(m.TipTier)
load_tip_tier_placements = _loader(m.TipTierPlacement)
load_glossary = _loader(m.GlossaryTerm)
load_errata = _loader(m.Erratum)
