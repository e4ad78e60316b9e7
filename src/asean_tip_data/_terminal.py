"""Text for a terminal: rows of cells as aligned columns, cut to the screen's width only when asked."""

from __future__ import annotations


def table(cells: list[list[str]], limit: int | None = None, head: int = 1) -> tuple[str, bool]:
    """Return ``cells`` as aligned columns, a rule under the first ``head`` rows, each cut at ``limit`` characters."""
    cut = False
    if limit is not None:
        clipped = []
        for row in cells:
            clipped.append([c if len(c) <= limit else c[: limit - 1] + "…" for c in row])
            cut = cut or any(len(c) > limit for c in row)
        cells = clipped
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(head, "  ".join("-" * w for w in widths))
    return "\n".join(lines), cut


def cell_limit(cells: list[list[str]], columns: int) -> int | None:
    """Return the widest a cell may be for ``cells`` to fit ``columns`` characters; None if they fit whole."""
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    if sum(widths) + 2 * (len(widths) - 1) <= columns:
        return None
    # Give every column what it needs up to an equal share; cut only the columns wider than that.
    share = max(8, (columns - 2 * (len(widths) - 1)) // len(widths))
    return share
