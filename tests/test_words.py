"""Every word a reader sees is the one tests/fixtures/words-pinned.toml pins: labels, page, summary, records, CLI.

The fixture is written out by hand, each entry read against the Indonesian references and against what each
code means; here the installed package's words are compared with it both ways: nothing missing, nothing extra,
every text equal. A wording changed on purpose changes the fixture in the same commit.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.mofile import read_mo

import asean_tip_data as atd
from asean_tip_data._words.i18n import CODED_FIELDS, LANGUAGES, words_in
from asean_tip_data._words.messages import DOMAIN
from asean_tip_data._words.texts import words

# The catalog the installed package carries: the one its command line speaks.
CATALOG = Path(atd.__file__).parent / "_words" / "locale"
SECTIONS = ("summary", "page", "records", "locators")


def _leaves(tree: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """Yield each text (or list of texts) of ``tree`` with its path: every entry a reader can be shown."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _leaves(value, f"{where}/{key}")
    else:
        yield where, tree


def _differences(expected: Any, found: Any) -> dict[str, list[Any]]:
    """Return what ``found`` lacks, what it has besides, and what it says otherwise than ``expected``."""
    pinned, given = dict(_leaves(expected)), dict(_leaves(found))
    return {
        "missing": sorted(set(pinned) - set(given)),
        "extra": sorted(set(given) - set(pinned)),
        "changed": [
            (where, pinned[where], given[where]) for where in pinned if where in given and given[where] != pinned[where]
        ],
    }


def _as_pairs(section: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Return words.json's {"en": ..., "id": ...} entries as the fixture writes them: [English, Indonesian]."""
    assert all(tuple(texts) == LANGUAGES for texts in section.values())
    return {key: [texts["en"], texts["id"]] for key, texts in section.items()}


NOTHING: dict[str, list[str]] = {"missing": [], "extra": [], "changed": []}


def test_every_label_of_every_code_is_the_pinned_one_in_both_languages(pinned: dict[str, Any]) -> None:
    found = {kind: _as_pairs(codes) for kind, codes in words()["labels"].items()}
    assert _differences(pinned["labels"], found) == NOTHING
    # And through the function every output asks: each code of each kind, in each language.
    for kind, codes in pinned["labels"].items():
        for code, texts in codes.items():
            assert [atd.label(kind, code, lang) for lang in LANGUAGES] == texts, (kind, code)
    # Every kind the data codes has its labels here (and the Table Schema's field types, glossed on the page).
    assert set(pinned["labels"]) == set(CODED_FIELDS.values()) | {"field_type"}


@pytest.mark.parametrize("section", SECTIONS)
def test_every_page_summary_record_and_locator_word_is_the_pinned_one(section: str, pinned: dict[str, Any]) -> None:
    assert _differences(pinned[section], _as_pairs(words()[section])) == NOTHING
    for lang, index in (("en", 0), ("id", 1)):
        assert words_in(section, lang) == {key: texts[index] for key, texts in pinned[section].items()}


def test_the_number_and_date_words_of_the_charts_are_the_pinned_ones(pinned: dict[str, Any]) -> None:
    assert _differences(pinned["locale"], words()["locale"]) == NOTHING


def test_nothing_of_words_json_is_left_unpinned(pinned: dict[str, Any]) -> None:
    assert set(words()) == {"labels", *SECTIONS, "locale"} and set(pinned) - {
        "catalog",
        "messages",
        "plural_messages",
    } == set(words())


def test_every_message_of_the_command_line_is_the_pinned_indonesian(pinned: dict[str, Any]) -> None:
    with open(CATALOG / "id" / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
        catalog = read_mo(file)
    assert (str(catalog.locale), catalog.plural_forms) == (
        pinned["catalog"]["language"],
        pinned["catalog"]["plural_forms"],
    )
    single = {m.id: m.string for m in catalog if m.id and isinstance(m.id, str)}
    plural = {
        m.id[0]: {"plural": m.id[1], "forms": list(m.string) if isinstance(m.string, (tuple, list)) else m.string}
        for m in catalog
        if not isinstance(m.id, str)
    }
    assert _differences(pinned["messages"], single) == NOTHING
    assert _differences(pinned["plural_messages"], plural) == NOTHING
    # And as gettext finds them at run time, the way the command line asks.
    spoken = gettext.translation(DOMAIN, str(CATALOG), languages=["id"])
    assert [spoken.gettext(msgid) for msgid in pinned["messages"]] == list(pinned["messages"].values())
    for msgid, entry in pinned["plural_messages"].items():
        assert {spoken.ngettext(msgid, entry["plural"], n) for n in (1, 2)} == set(entry["forms"]), msgid


def test_the_fixture_would_catch_a_changed_missing_or_extra_word() -> None:
    # The comparison itself, on a known change of each kind: a test of what the others rely on.
    pinned = {"evidence": {"two_sources": ["two independent sources", "dua sumber independen"]}}
    swapped = {"evidence": {"two_sources": ["one source only", "hanya satu sumber"]}}
    assert _differences(pinned, swapped)["changed"] == [
        (
            "/evidence/two_sources",
            ["two independent sources", "dua sumber independen"],
            ["one source only", "hanya satu sumber"],
        )
    ]
    assert _differences(pinned, {"evidence": {}})["missing"] == ["/evidence/two_sources"]
    assert _differences({"evidence": {}}, pinned)["extra"] == ["/evidence/two_sources"]
