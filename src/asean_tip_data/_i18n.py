"""The dataset in English and Indonesian: titles and descriptions, labels of codes, words of the CLI."""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from ._schema import Field, bundled_descriptor, bundled_tables, table, text_in, translations

LANGUAGES = ("en", "id")  # the default first, as the descriptor's `languages` lists them

# The words a reader sees (each code's label, the summary's and the page's words) are data, in
# words.json: one entry per key, with its text in every language, so a translator edits one file
# and tests/test_i18n.py checks every entry. Indonesian follows the words Indonesian institutions
# use (POLRI, Kemlu, data portals, the U.S. Embassy's Indonesian TIP Report); AMMTC and SOMTC
# have no fixed Indonesian names, so they keep theirs with a plain gloss.
WORDS_FILE = "words.json"


@cache
def words() -> dict[str, Any]:
    """Return the words of words.json: "labels" by kind and code, "summary" and "page" by key."""
    parsed: dict[str, Any] = json.loads((Path(__file__).parent / WORDS_FILE).read_text(encoding="utf-8"))
    return parsed


# Which field of which resource holds each kind of code.
CODED_FIELDS = {
    ("tip_tiers", "tier"): "tier",
    ("tip_tiers", "map_colour"): "map_colour",
    # The strategies' names in Indonesian are the article's own, from its Indonesian abstract.
    ("strategies", "strategy_id"): "strategy",
    ("strategy_roles", "strategy_id"): "strategy",
    ("tip_tier_placements", "tier"): "tier",
    ("tip_tier_placements", "placement_change"): "placement_change",
    ("tip_tier_placements", "evidence"): "evidence",
    ("mous", "status"): "mou_status",
    ("liaison_officers", "position"): "position",
    ("meetings", "forum"): "forum",
    ("strategies", "scope"): "scope",
    ("liaison_officers", "mission_type"): "mission_type",
    ("liaison_officers", "strategy_id"): "strategy",
    ("trafficking_cases", "ministry_statement"): "ministry_statement",
    ("case_statements", "unit"): "unit",
    ("placement_sources", "kind"): "page_kind",
    ("placement_sources", "transcriptions"): "transcriptions",
}


def check_lang(lang: str) -> None:
    """Raise a ValueError naming the languages there are unless ``lang`` is one of them."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(LANGUAGES)}")


@cache
def words_in(section: str, lang: str) -> dict[str, str]:
    """Return the words of ``section`` of words.json ("summary" or "page") in ``lang``, by key."""
    check_lang(lang)
    return {key: texts[lang] for key, texts in words()[section].items()}


def locale(lang: str) -> dict[str, Any]:
    """Return the number and time locale of ``lang``, as d3 (and so Vega) takes them."""
    return {kind: words()["locale"][kind][lang] for kind in ("number", "time")}


def number(value: int, lang: str) -> str:
    """Return ``value`` with the thousands separator of ``lang`` (1,000 or 1.000)."""
    return f"{value:,}".replace(",", locale(lang)["number"]["thousands"])


def date_text(day: datetime.date | str, lang: str) -> str:
    """Return a date as prose in ``lang`` writes it: 18 December 1997, 18 Desember 1997 (data keeps ISO dates)."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return f"{day.day} {locale(lang)['time']['months'][day.month - 1]} {day.year}"


def in_language(row: Mapping[str, Any], field: str, lang: str) -> Any:
    """Return ``row[field]`` in ``lang``: its ``*_indonesian`` twin on an Indonesian page, where the row gives one."""
    return (row.get(f"{field}_indonesian") if lang == "id" else None) or row.get(field)


def label(kind: str, code: str, lang: str = "en") -> str:
    """Return the label of ``code`` of ``kind`` (such as "mou_status") in ``lang``."""
    check_lang(lang)
    labels = words()["labels"]
    if kind not in labels:
        raise ValueError(f"unknown kind of code {kind!r}; expected one of: {', '.join(labels)}")
    if code not in labels[kind]:
        raise ValueError(f"unknown {kind} code {code!r}; expected one of: {', '.join(labels[kind])}")
    return str(labels[kind][code][lang])


class Description(NamedTuple):
    """The title and description of the package, a resource or a field, in one language.

    ``fields`` holds the package's resources, or a resource's fields, described alike.
    """

    name: str
    title: str
    description: str
    fields: tuple[Description, ...] = ()


def describe(resource: str | None = None, *, lang: str = "en") -> Description:
    """Return the title and description of the package, or of ``resource`` and its fields, in ``lang``."""
    check_lang(lang)
    if resource is None:
        package = bundled_descriptor()
        title, description = translations(package, "title"), translations(package, "description")
        tables = tuple(describe(name, lang=lang) for name in bundled_tables())
        return Description(package["name"], text_in(title, lang), text_in(description, lang), tables)
    schema = table(resource)
    fields = tuple(Description(f.name, text_in(f.titles, lang), text_in(f.descriptions, lang)) for f in schema.fields)
    return Description(schema.name, text_in(schema.titles, lang), text_in(schema.descriptions, lang), fields)


def constraints(field: Field, lang: str = "en") -> str:
    """Return a field's constraints in ``lang``, codes and patterns as code spans (`code`)."""
    words = words_in("page", lang)
    parts = []
    if field.enum is not None:
        parts.append(f"{words['one_of']} " + ", ".join(f"`{value}`" for value in field.enum))
    if field.pattern is not None:
        parts.append(f"{words['pattern']} `{field.pattern}`")
    if field.minimum is not None:
        parts.append(f"≥ {field.minimum}")
    if field.unique:
        parts.append(words["unique"])
    return "; ".join(parts)
