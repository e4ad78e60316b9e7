"""What a copy's descriptor may say: a typed model of everything the package reads from it, checked once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from ._files import DESCRIPTOR, DataError, web_link
from ._i18n import LANGUAGES
from ._messages import _
from ._metadata import Agent, Article, Licence, Metadata, Reference, Resource
from ._schema import bundled_descriptor, bundled_tables, parse_table, translations
from ._writable import check_values, real_date_time

TEXTS = frozenset({"title", "description", "title_translated", "description_translated"})
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
FOLLOWED = ("extrapaths", "url", "innerpath", "scheme")  # frictionless reads or fetches what these name


class _Checker:
    """Check the values of one descriptor, naming the descriptor and the place of the first that is wrong."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, place: str, problem: str) -> DataError:
        return DataError(_("{where}: {place}: {problem}").format(where=self.where, place=place, problem=problem))

    def text(self, item: Mapping[str, Any], key: str, place: str, required: bool = False) -> str:
        value = item.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"{place}{key}", _("must be a text"))
        return value

    def texts(self, item: Mapping[str, Any], place: str) -> None:
        for key in ("title", "description"):
            self.text(item, key, place)
            translated = item.get(f"{key}_translated", {})
            if not isinstance(translated, dict) or not all(
                code in LANGUAGES and isinstance(text, str) for code, text in translated.items()
            ):
                raise self.fail(
                    f"{place}{key}_translated",
                    _("must map language codes ({codes}) to texts").format(codes=", ".join(LANGUAGES)),
                )

    def objects(self, item: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, _("must be a list of objects"))
        return value

    def strings(self, item: Mapping[str, Any], key: str, place: str) -> tuple[str, ...]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{place}{key}", _("must be a list of texts"))
        return tuple(value)


@cache
def bundled_metadata() -> Metadata:
    """Return the typed model of the bundled descriptor, admitted as any copy's is, once."""
    return admit(bundled_descriptor(), DESCRIPTOR)


@cache
def _bundled() -> dict[str, Mapping[str, Any]]:
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


def _resource(check: _Checker, resource: Mapping[str, Any], index: int) -> Resource:
    name = resource.get("name")
    place = f"resources[{index}]."
    if not isinstance(name, str) or name not in _bundled():
        raise check.fail(
            f"{place}name",
            _("{name} is not a resource of this package; expected one of: {names}").format(
                name=repr(name), names=", ".join(_bundled())
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
    schema, ours = resource.get("schema"), _bundled()[name]
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


def _agent(check: _Checker, item: Mapping[str, Any], place: str) -> Agent:
    role = check.text(item, "role", place)  # Data Package v1's single role
    check.texts(item, place)
    return Agent(
        title=check.text(item, "title", place, required=True),
        titles=translations(item, "title"),
        roles=check.strings(item, "roles", place) or ((role,) if role else ()),
        organization=check.text(item, "organization", place),
        url=web_link(check.text(item, "path", place)),
        given=check.text(item, "givenName", place),
        family=check.text(item, "familyName", place),
    )


def _reference(check: _Checker, item: Mapping[str, Any], place: str) -> Reference:
    authors = tuple(_agent(check, a, f"{place}authors[{i}].") for i, a in enumerate(check.objects(item, "authors")))
    found = item.get("article")
    article = None
    if found is not None:
        if not isinstance(found, dict) or not isinstance(found.get("year", 0), int):
            raise check.fail(f"{place}article", _("must be an object of texts, its year a number"))
        fields = ("title", "journal", "volume", "issue", "pages", "doi", "license")
        texts = {key: check.text(found, key, f"{place}article.", required=key == "title") for key in fields}
        article = Article(**texts, year=found.get("year"))
    return Reference(
        title=check.text(item, "title", place, required=True),
        url=web_link(check.text(item, "path", place)),
        version=check.text(item, "version", place),
        authors=authors,
        article=article,
    )


def admit(parsed: Any, where: str) -> Metadata:
    """Return the typed model of a copy's descriptor; a DataError names the first value the package cannot use."""
    check = _Checker(where)
    if not isinstance(parsed, dict):
        raise DataError(_("{where}: the descriptor must be a JSON object").format(where=where))
    if unwritable := check_values(parsed):  # before anything else reads it: every output can write what is admitted
        raise check.fail(*unwritable)
    for key in ("$schema", "profile", "name", "id", "version", "created", "homepage"):
        check.text(parsed, key, "")
    check.texts(parsed, "")
    created = check.text(parsed, "created", "")
    if created and not real_date_time(created):
        raise check.fail("created", _("must be an ISO 8601 date and time"))
    homepage = check.text(parsed, "homepage", "") or None
    if homepage is not None and (web_link(homepage) is None or not homepage.endswith("/")):
        raise check.fail("homepage", _("must be an http or https address of a folder, ending in '/'"))
    languages = check.strings(parsed, "languages", "") or ("en",)
    if not set(languages) <= set(LANGUAGES) or len(set(languages)) != len(languages):
        raise check.fail("languages", _("must be distinct codes among: {codes}").format(codes=", ".join(LANGUAGES)))
    licenses = []
    for i, item in enumerate(check.objects(parsed, "licenses")):
        name, path = check.text(item, "name", f"licenses[{i}]."), check.text(item, "path", f"licenses[{i}].")
        if not name and not path:
            raise check.fail(f"licenses[{i}]", _("must have a name or a path"))
        check.texts(item, f"licenses[{i}].")
        title = check.text(item, "title", f"licenses[{i}].") or name
        licenses.append(Licence(name, title, translations({**item, "title": title}, "title"), web_link(path)))
    contributors = tuple(
        _agent(check, item, f"contributors[{i}].") for i, item in enumerate(check.objects(parsed, "contributors"))
    )
    sources = tuple(
        _reference(check, item, f"sources[{i}].") for i, item in enumerate(check.objects(parsed, "sources"))
    )
    if not isinstance(parsed.get("resources"), list) or not all(isinstance(r, dict) for r in parsed["resources"]):
        raise DataError(_("{path}: 'resources' must be a list of objects").format(path=where))
    translated = parsed.get("keywords_translated", {})
    if not isinstance(translated, dict) or not set(translated) <= set(LANGUAGES):
        raise check.fail(
            "keywords_translated", _("must map language codes ({codes}) to texts").format(codes=", ".join(LANGUAGES))
        )
    keywords = tuple(
        {
            "en": check.strings(parsed, "keywords", ""),
            **{c: check.strings(translated, c, "keywords_translated.") for c in translated},
        }.items()
    )
    resources: dict[str, Resource] = {}
    for i, item in enumerate(parsed["resources"]):
        resource = _resource(check, item, i)
        if resource.name in resources:
            raise check.fail(f"resources[{i}]", _("resource {name} is listed twice").format(name=repr(resource.name)))
        resources[resource.name] = resource
    if missing := [name for name in _bundled() if name not in resources]:
        raise DataError(_("{path}: no resource named {name}").format(path=where, name=repr(missing[0])))
    return Metadata(
        name=check.text(parsed, "name", ""),
        id=check.text(parsed, "id", ""),
        version=check.text(parsed, "version", ""),
        created=created,
        titles=translations(parsed, "title"),
        descriptions=translations(parsed, "description"),
        homepage=homepage,
        keywords=tuple(dict.fromkeys(k for _, words in keywords for k in words)),
        keywords_in=keywords,
        languages=languages,
        licenses=tuple(licenses),
        sources=sources,
        contributors=contributors,
        resources=tuple(resources[name] for name in _bundled()),
    )
