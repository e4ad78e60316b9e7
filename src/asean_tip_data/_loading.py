"""The public ways to read the data: by resource name or by typed loader, from the bundled copy or a given one."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from ._checked import checked_tables
from ._files import DataError, PathArg

if TYPE_CHECKING:
    from ._record import Record

R_co = TypeVar("R_co", bound="Record", covariant=True)
R = TypeVar("R", bound="Record")

# Resource name -> model, in the order the models module pairs them: the descriptor's order.
MODELS: dict[str, type[Record]] = {}


def resource_names() -> tuple[str, ...]:
    """Return the names of the resources, in the order of the descriptor."""
    # From the models, which a caller of this function loads records with next: importing them
    # first lets any JSON be parsed by pydantic_core (see _files.parse_json).
    from . import models  # noqa: F401  (it fills MODELS)

    return tuple(MODELS)


def field_names(name: str) -> tuple[str, ...]:
    """Return the field names of resource ``name``, in the order of its columns."""
    from ._schema import table

    return table(name).field_names


def table_schema(name: str) -> dict[str, Any]:
    """Return a copy of the Table Schema of resource ``name``."""
    from ._schema import bundled_descriptor, table

    table(name)
    (resource,) = [r for r in bundled_descriptor()["resources"] if r["name"] == name]
    return copy.deepcopy(dict(resource["schema"]))


def load(name: str, datapackage: PathArg = None) -> tuple[Record, ...]:
    """Return the records of resource ``name``, from the bundled data or the given copy."""
    if datapackage is None:
        found = checked_tables().get(name)  # a table is stored once built whole: no lock to read it
        if found is not None:
            return found
    # The typed schema, the CSV reader and the checks are imported only when a table is read from
    # its files: a copy, or bundled files that differ from those checked.json was built from.
    from ._package import open_package
    from ._schema import table

    table(name)
    return open_package(datapackage).records(name)


def validate(datapackage: PathArg = None) -> tuple[str, ...]:
    """Return the problems of the bundled data or of the given copy; none when it is valid."""
    from ._package import open_package  # the files are read and checked again, never taken from checked.json
    from ._schema import bundled_tables

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


def loader(name: str, model: type[R]) -> Loader[R]:
    """Register ``model`` as the model of resource ``name``; return the resource's typed loader."""
    if name in MODELS:
        raise ValueError(f"resource {name!r} has a model already: {MODELS[name].__name__}")
    MODELS[name] = model

    def load_resource(datapackage: PathArg = None) -> tuple[R, ...]:
        return cast("tuple[R, ...]", load(name, datapackage))

    load_resource.__name__ = load_resource.__qualname__ = f"load_{name}"
    load_resource.__module__ = model.__module__
    load_resource.__doc__ = f"Return the {model.__name__} records of the ``{name}`` resource."
    return load_resource
