"""The dataset in English and Indonesian: titles and descriptions, labels of codes, words of the CLI."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from .texts import locale, words

LANGUAGES = ("en", "id")  # the default first, as the descriptor's `languages` lists them

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


def date_text(day: datetime.date | str, lang: str) -> str:
    """Return a date as prose in ``lang`` writes it: 18 December 1997, 18 Desember 1997 (data keeps ISO dates)."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return f"{day.day} {locale(lang)['time']['months'][day.month - 1]} {day.year}"


@cache
def _locators() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Return each piece of an ``article_ref`` as a pattern of its English, with its text in Indonesian."""
    found = []
    for texts in words()["locators"].values():
        pattern = re.escape(texts["en"]).replace(r"\{\}", "([0-9a-z]+)")
        found.append((re.compile(pattern), texts["id"]))
    return tuple(found)


def located(article_ref: str, lang: str) -> list[tuple[str, bool]]:
    """Return where in the article a row is printed, in ``lang``: each piece with whether it stays as printed.

    The data writes an ``article_ref`` in English ("Table 3, row 6"); an Indonesian reader reads
    "Tabel 3, baris 6". A subsection's heading stays as the article prints it, in English.
    """
    if lang == "en":
        return [(article_ref, False)]
    pieces: list[tuple[str, bool]] = []
    for part in re.split(r"(; |, )", article_ref):
        if part in ("; ", ", "):
            pieces.append((part, False))
            continue
        for pattern, said in _locators():
            if (match := pattern.fullmatch(part)) is not None:
                pieces.append((said.format(*match.groups()), False))
                break
        else:
            pieces.append((part, True))  # a heading, as printed
    return pieces


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
