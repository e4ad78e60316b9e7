"""The words a reader sees, as data: words.json, and the locale its numbers are written in.

Its own module, importing none of the package's: the messages (``_messages``) write numbers as
the language of their catalog does, and everything else reads the words through ``i18n``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

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


def locale(lang: str) -> dict[str, Any]:
    """Return the number and time locale of ``lang``, as d3 (and so Vega) takes them."""
    return {kind: words()["locale"][kind][lang] for kind in ("number", "time")}


def number(value: int, lang: str) -> str:
    """Return ``value`` with the thousands separator of ``lang`` (1,000 or 1.000)."""
    return f"{value:,}".replace(",", locale(lang)["number"]["thousands"])
