"""The public ways to read the data: by resource name or by typed loader, from the bundled copy or a given one."""

from __future__ import annotations

import copy
from typing import Any, Protocol, TypeVar, cast

from .. import models
from .files import DataError, PathArg
from .package import CopyArg, open_package
from .registry import MODELS
from .schema import bundled_descriptor, bundled_tables, table

R_co = TypeVar("R_co", bound=models.Record, covariant=True)
R = TypeVar("R", bound=models.Record)


def resource_names() -> tuple[str, ...]:
    """Return the names of the resources, in the order of the descriptor."""
    return tuple(MODELS)


def field_names(name: str) -> tuple[str, ...]:
    """Return the field names of resource ``name``, in the order of its columns."""
    return table(name).field_names


def table_schema(name: str) -> dict[str, Any]:
    """Return a copy of the Table Schema of resource ``name``."""
    table(name)
    (resource,) = [r for r in bundled_descriptor()["resources"] if r["name"] == name]
    return copy.deepcopy(dict(resource["schema"]))


def load(name: str, datapackage: CopyArg = None) -> tuple[models.Record, ...]:
    """Return the records of resource ``name``, from the bundled data or the given copy."""
    table(name)
    return open_package(datapackage).records(name)


def validate(datapackage: CopyArg = None) -> tuple[str, ...]:
    """Return the problems of the bundled data or of the given copy; none when it is valid.

    What it accepts, every command can use: they all read a copy through the same gate and checks.
    """
    try:
        package = open_package(datapackage)
    except DataError as exc:
        return (str(exc),)
    problems: dict[str, None] = {}  # ordered and without repeats: a broken table fails its referrers too
    for name in bundled_tables():
        try:
            package.records(name)
        except DataError as exc:
            problems[str(exc)] = None
    return tuple(problems)


class Loader(Protocol[R_co]):
    """A typed loader of one resource."""

    def __call__(self, datapackage: PathArg = None) -> tuple[R_co, ...]: ...


def loader(model: type[R]) -> Loader[R]:
    """Return the typed loader of the resource whose records are ``model``."""
    names = [n for n, m in MODELS.items() if m is model]
    if len(names) != 1:
        raise ValueError(f"{model.__name__} is the model of no resource, or of more than one: {names}")
    (name,) = names

    def load_resource(datapackage: PathArg = None) -> tuple[R, ...]:
        return cast("tuple[R, ...]", load(name, datapackage))

    load_resource.__name__ = load_resource.__qualname__ = f"load_{name}"
    load_resource.__doc__ = f"Return the {model.__name__} records of the ``{name}`` resource."
    return load_resource


# The typed loaders, one per resource: unpacked from one tuple so that each keeps its own type.
(
    load_countries,
    load_sources,
    load_trafficking_cases,
    load_case_statements,
    load_trafficking_suspects,
    load_liaison_officers,
    load_meetings,
    load_mous,
    load_strategies,
    load_strategy_roles,
    load_challenges,
    load_tip_tiers,
    load_tip_tier_placements,
    load_placement_sources,
    load_glossary,
    load_errata,
) = (
    loader(models.Country),
    loader(models.Source),
    loader(models.TraffickingCases),
    loader(models.CaseStatement),
    loader(models.TraffickingSuspects),
    loader(models.LiaisonOfficer),
    loader(models.Meeting),
    loader(models.Mou),
    loader(models.Strategy),
    loader(models.StrategyRole),
    loader(models.Challenge),
    loader(models.TipTier),
    loader(models.TipTierPlacement),
    loader(models.PlacementSource),
    loader(models.GlossaryTerm),
    loader(models.Erratum),
)
