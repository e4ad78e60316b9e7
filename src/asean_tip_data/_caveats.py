"""The marks that flag a caveat wherever a value is shown: on the page, in its charts' data and in `summary`."""

from __future__ import annotations

NOTED = "*"  # a placement known otherwise than from two readings of its own report's narrative
DISPUTED = "†"  # a printed count that the ministry, or another source, gives otherwise


def noted(note: str | None) -> bool:
    """Return whether a placement with ``note`` is marked: every note says how it is known, short of the best."""
    return bool(note)


def disputed(ministry_statement: str | None, note: str | None) -> bool:
    """Return whether a printed count is marked: it has a note, and the ministry did not simply confirm it."""
    return bool(note) and ministry_statement != "confirms"
