"""One resource entry of a copy's descriptor: a path inside the copy, read from it alone, with our Table Schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from .._words.messages import _
from .checker import Checker
from .files import DataError
from .metadata import Resource
from .schema import bundled_descriptor, bundled_tables, parse_table

TEXTS = frozenset({"title", "description", "title_translated", "description_translated"})
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
FOLLOWED = ("extrapaths", "url", "innerpath", "scheme")  # frictionless reads or fetches what these name


@cache
def bundled() -> dict[str, Mapping[str, Any]]:
    """Return the bundled descriptor's resources by name: the contract of every copy."""
    return {r["name"]: r for r in bundled_descriptor()["resources"]}


def _contract(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Return what a Table Schema requires of the data: everything but its titles and descriptions."""
    fields = schema.get("fields")
    if isinstance(fields, list) and all(isinstance(f, dict) for f in fields):
        fields = [{k: v for k, v in f.items() if k not in TEXTS} for f in fields]
    return {k: fields if k == "fields" else v for k, v in schema.items() if k not in TEXTS}


def _difference(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> str:
    """Return where a copy's Table Schema first differs from the package's (``fields[2].constraints``)."""
    for key in sorted({*ours, *theirs}):
        if key == "fields" and isinstance(theirs.get(key), list) and len(theirs[key]) == len(ours[key]):
            for i, (a, b) in enumerate(zip(ours[key], theirs[key], strict=True)):
                if a != b:
                    inner = sorted(k for k in {*a, *b} if a.get(k) != b.get(k)) if isinstance(b, dict) else [""]
                    return f"fields[{i}]" + (f".{inner[0]}" if inner[0] else "")
        elif ours.get(key) != theirs.get(key):
            return key
    return ""


def resource(check: Checker, resource: Mapping[str, Any], index: int) -> Resource:
    """Return a copy's resource entry at ``index`` as the package reads it; a DataError names what it cannot use."""
    name = resource.get("name")
    place = f"resources[{index}]."
    if not isinstance(name, str) or name not in bundled():
        raise check.fail(
            f"{place}name",
            _("{name} is not a resource of this package; expected one of: {names}").format(
                name=repr(name), names=", ".join(bundled())
            ),
        )
    place = f"resource {name!r}: "
    path = resource.get("path")
    if not isinstance(path, str) or not path:
        raise DataError(_("{path}: resource {name}: 'path' must be a string").format(path=check.where, name=repr(name)))
    pure = PurePosixPath(path)  # the package never touches the network, never reads outside its folder
    if _URL.match(path) or pure.is_absolute() or ".." in pure.parts or "\0" in path:
        raise DataError(
            _(
                "{where}: resource {name}: path {path} must be relative and stay inside the package "
                "(no URL, no absolute path, no '..')"
            ).format(where=check.where, name=repr(name), path=repr(path))
        )
    if followed := [key for key in FOLLOWED if key in resource and (key, resource[key]) != ("scheme", "file")]:
        raise check.fail(f"{place}{followed[0]}", _("a resource is read from its path alone; remove it"))
    schema, ours = resource.get("schema"), bundled()[name]
    if resource is ours:  # the bundled descriptor's own resource: its schema is the contract itself
        return Resource(name, path, False, bundled_tables()[name])
    if not isinstance(schema, dict):
        raise check.fail(f"{place}schema", _("must be the Table Schema itself, not a reference to one"))
    if (theirs := _contract(schema)) != (contract := _contract(ours["schema"])):
        raise check.fail(
            f"{place}schema.{_difference(contract, theirs) or 'fields'}",
            _("differs from the package's Table Schema; only texts may differ"),
        )
    fmt = resource.get("format", "csv" if not path.endswith(".parquet") else "parquet")
    if fmt not in ("csv", "parquet"):
        raise check.fail(f"{place}format", _("must be csv or parquet"))
    dialect = resource.get("dialect")
    if dialect is not None and (fmt != "csv" or dialect != ours.get("dialect")):
        raise check.fail(f"{place}dialect", _("must be the package's CSV dialect, written out (or none)"))
    if str(resource.get("encoding", "utf-8")).lower() not in ("utf-8", "utf8"):
        raise check.fail(f"{place}encoding", _("must be utf-8"))
    for key in ("profile", "$schema", "mediatype"):
        check.text(resource, key, place)
    check.texts(resource, place)
    for i, field in enumerate(schema["fields"]):
        check.texts(field, f"{place}schema.fields[{i}].")
    return Resource(name, path, fmt == "parquet", parse_table(resource))
