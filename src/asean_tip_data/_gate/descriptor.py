"""What a copy's descriptor may say: a typed model of everything the package reads from it, checked once."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from .._words.i18n import LANGUAGES
from .._words.messages import _
from .checker import Checker
from .files import DESCRIPTOR, DataError, web_link
from .metadata import Agent, Article, Licence, Metadata, Reference, Resource
from .resource_entry import bundled, resource
from .schema import bundled_descriptor, translations
from .writable import check_values, real_date_time


@cache
def bundled_metadata() -> Metadata:
    """Return the typed model of the bundled descriptor, admitted as any copy's is, once."""
    return admit(bundled_descriptor(), DESCRIPTOR)


def _agent(check: Checker, item: Mapping[str, Any], place: str) -> Agent:
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


def _reference(check: Checker, item: Mapping[str, Any], place: str) -> Reference:
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
    check = Checker(where)
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
    licenses = _licences(check, parsed)
    contributors = tuple(
        _agent(check, item, f"contributors[{i}].") for i, item in enumerate(check.objects(parsed, "contributors"))
    )
    sources = tuple(
        _reference(check, item, f"sources[{i}].") for i, item in enumerate(check.objects(parsed, "sources"))
    )
    if not isinstance(parsed.get("resources"), list) or not all(isinstance(r, dict) for r in parsed["resources"]):
        raise DataError(_("{path}: 'resources' must be a list of objects").format(path=where))
    keywords = _keywords(check, parsed)
    resources = _resources(check, parsed["resources"])
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
        licenses=licenses,
        sources=sources,
        contributors=contributors,
        resources=resources,
    )


def _licences(check: Checker, parsed: Mapping[str, Any]) -> tuple[Licence, ...]:
    licences = []
    for i, item in enumerate(check.objects(parsed, "licenses")):
        name, path = check.text(item, "name", f"licenses[{i}]."), check.text(item, "path", f"licenses[{i}].")
        if not name and not path:
            raise check.fail(f"licenses[{i}]", _("must have a name or a path"))
        check.texts(item, f"licenses[{i}].")
        title = check.text(item, "title", f"licenses[{i}].") or name
        licences.append(Licence(name, title, translations({**item, "title": title}, "title"), web_link(path)))
    return tuple(licences)


def _keywords(check: Checker, parsed: Mapping[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return each language's keywords: the descriptor's own (English), then their translations."""
    translated = parsed.get("keywords_translated", {})
    if not isinstance(translated, dict) or not set(translated) <= set(LANGUAGES):
        raise check.fail(
            "keywords_translated", _("must map language codes ({codes}) to texts").format(codes=", ".join(LANGUAGES))
        )
    return tuple(
        {
            "en": check.strings(parsed, "keywords", ""),
            **{c: check.strings(translated, c, "keywords_translated.") for c in translated},
        }.items()
    )


def _resources(check: Checker, entries: list[Mapping[str, Any]]) -> tuple[Resource, ...]:
    """Return the copy's resources in the package's order: each of ours once, and no other."""
    resources: dict[str, Resource] = {}
    for i, item in enumerate(entries):
        found = resource(check, item, i)
        if found.name in resources:
            raise check.fail(f"resources[{i}]", _("resource {name} is listed twice").format(name=repr(found.name)))
        resources[found.name] = found
    if missing := [name for name in bundled() if name not in resources]:
        raise DataError(_("{path}: no resource named {name}").format(path=check.where, name=repr(missing[0])))
    return tuple(resources[name] for name in bundled())
