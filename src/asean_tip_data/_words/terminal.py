"""Text for a terminal: rows of cells as aligned columns, cut to the screen's width only when asked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence


def table(cells: list[list[str]], limit: int | None = None, head: int = 1) -> tuple[str, bool]:
    """Return ``cells`` as aligned columns, a rule under the first ``head`` rows, each cut at ``limit`` characters."""
    found = widths(cells)
    cut = limit is not None and any(width > limit for width in found)
    return "\n".join(lines(cells, found, limit, head)), cut


def widths(rows: Iterable[Sequence[str]]) -> list[int]:
    """Return the width of each column of ``rows``: its widest cell."""
    found: list[int] = []
    for row in rows:
        found = [max(pair) for pair in zip(found, map(len, row), strict=True)] if found else [len(c) for c in row]
    return found


def lines(rows: Iterable[Sequence[str]], found: Sequence[int], limit: int | None, head: int) -> Iterator[str]:
    """Yield ``rows`` as aligned lines, one at a time, each cell cut at ``limit`` characters, a rule after ``head``."""
    shown = [width if limit is None else min(width, limit) for width in found]
    rule = "  ".join("-" * width for width in shown)
    number = 0
    for number, row in enumerate(rows, 1):
        cells = (c if limit is None or len(c) <= limit else c[: limit - 1] + "…" for c in row)
        yield "  ".join(c.ljust(w) for c, w in zip(cells, shown, strict=True)).rstrip()
        if number == head:
            yield rule
    if number < head:
        yield rule


def cell_limit(found: Sequence[int], columns: int) -> int | None:
    """Return the widest a cell may be for columns ``found`` wide to fit ``columns`` characters; None if they fit."""
    if sum(found) + 2 * (len(found) - 1) <= columns:
        return None
    # Give every column what it needs up to an equal share; cut only the columns wider than that.
    return max(8, (columns - 2 * (len(found) - 1)) // len(found))
