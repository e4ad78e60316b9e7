"""What every output can write: the texts, numbers, dates and nesting a copy may hold, checked without recursion.

A copy's values reach JSON, XML (the page's SVG charts), YAML (the dataset card), Turtle, HTML,
Parquet and SQLite. What one of them cannot carry is refused at the gate, naming its place, so that
whatever ``validate`` accepts every output writes: no lone surrogate (no UTF-8 encoder writes one),
no control character but tab and new line (XML 1.0 has none of them), neither U+FFFE nor U+FFFF (XML
has neither), no NaN or infinity (JSON has none), no impossible date, and no nesting deeper than
``MAX_DEPTH`` (every reader of JSON recurses into it).
"""

from __future__ import annotations

import datetime
import math
import re
from collections import deque
from collections.abc import Mapping
from itertools import accumulate
from typing import Any

from .._words.messages import _

MAX_DEPTH = 32  # objects and arrays inside each other; the bundled descriptor needs 8
UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# JSON strings (escapes included) and everything but brackets: what is left is the nesting.
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_CREATED = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:T([01][0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60)(?:\.[0-9]+)?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?"
)


def too_deep(text: str) -> bool:
    """Return whether the JSON ``text`` nests objects and arrays deeper than ``MAX_DEPTH``, read without parsing it."""
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > MAX_DEPTH


def unwritable(text: str) -> str | None:
    """Return what in ``text`` no output can carry, in words (the first such character and where); None if nothing."""
    found = UNWRITABLE.search(text)
    if found is None:
        return None
    code = f"U+{ord(found[0]):04X}"
    if "\ud800" <= found[0] <= "\udfff":
        what = _("a lone surrogate ({code})").format(code=code)
    elif found[0] in "\ufffe\uffff":
        what = _("a noncharacter ({code})").format(code=code)
    else:
        what = _("a control character ({code})").format(code=code)
    return _("{what} at character {at}, which XML, HTML or UTF-8 cannot write").format(what=what, at=found.start() + 1)


def real_date_time(text: str) -> bool:
    """Return whether ``text`` is an ISO 8601 date, or date and time, of a day there is (2024-02-30 is not)."""
    found = _CREATED.fullmatch(text)
    if found is None:
        return False
    try:
        datetime.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return False
    return True


def _place(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{key}]" if isinstance(key, int) else f".{key}" if i else key for i, key in enumerate(path))


def check_values(parsed: Any) -> tuple[str, str] | None:
    """Return the place and the problem of the first value of a parsed descriptor no output can write; None if none.

    A walk with a queue, not recursion: the verdict never depends on the caller's stack.
    """
    pending: deque[tuple[Any, tuple[str | int, ...]]] = deque([(parsed, ())])
    while pending:
        node, path = pending.popleft()
        if len(path) >= MAX_DEPTH:
            return _place(path), _("nested more than {limit} levels deep").format(limit=MAX_DEPTH)
        items = node.items() if isinstance(node, Mapping) else enumerate(node)
        for key, value in items:
            if isinstance(key, str) and (problem := unwritable(key)):
                return _place((*path, key)), _("its name holds {problem}").format(problem=problem)
            if isinstance(value, str):
                if problem := unwritable(value):
                    return _place((*path, key)), problem
            elif isinstance(value, float):
                if not math.isfinite(value):
                    return _place((*path, key)), _("{value} is no number JSON can hold").format(value=value)
            elif isinstance(value, (dict, list)):
                pending.append((value, (*path, key)))
    return None
