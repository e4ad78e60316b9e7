"""Pair each resource with its model and its typed loader, once, where the model is defined."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from ._loading import load

if TYPE_CHECKING:
    from ._files import PathArg
    from ._record import Record

R_co = TypeVar("R_co", bound="Record", covariant=True)
R = TypeVar("R", bound="Record")

# Resource name -> model, in the order the models module defines them: the descriptor's order.
MODELS: dict[str, type[Record]] = {}


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
