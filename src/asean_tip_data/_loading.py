"""The public ways to read the data: by resource name, from the bundled copy or a given one."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from ._files import DataError, PathArg
from ._package import bundled, open_package
from ._schema import bundled_descriptor, bundled_tables, table

if TYPE_CHECKING:
    from .models import Record


def resource_names() -> tuple[str, ...]:
    """Return the names of the resources, in the order of the descriptor."""
    # From the models, which a caller of this function loads records with next: importing them
    # first lets the descriptor be parsed by pydantic_core (see schema.parse_json).
    from .models import MODELS

    return tuple(MODELS)


def field_names(name: str) -> tuple[str, ...]:
    """Return the field names of resource ``name``, in the order of its columns."""
    return table(name).field_names


def table_schema(name: str) -> dict[str, Any]:
    """Return a copy of the Table Schema of resource ``name``."""
    table(name)
    (resource,) = [r for r in bundled_descriptor()["resources"] if r["name"] == name]
    return copy.deepcopy(dict(resource["schema"]))


def load(name: str, datapackage: PathArg = None) -> tuple[Record, ...]:
    """Return the records of resource ``name``, from the bundled data or the given copy."""
    if datapackage is None:
        # A table is stored only once read whole, so the cache needs no lock to be read.
        cached = bundled().tables.get(name)
        if cached is not None:
            return cached
    table(name)
    return open_package(datapackage).records(name)


def validate(datapackage: PathArg = None) -> tuple[str, ...]:
    """Return the problems of the bundled data or of the given copy; none when it is valid."""
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
