"""What ``asean-tip-data show`` prints: one resource's records, written row by row, never held whole as text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from .._gate.package import Package
from .._gate.schema import bundled_tables, text_in
from .._outputs.export import csv_lines, each_row, json_records
from .._words.messages import _, shown
from .._words.terminal import cell_limit, lines, widths
from .arguments import PROG

# The widest a cell is shown in the table view: a long cell would widen every row of its column.
# The longest bundled cell has a few hundred characters; CSV and JSON show every cell whole.
WIDEST = 500


def show(name: str, format: str, lang: str, package: Package, out: TextIO, columns: int | None = None) -> None:
    """Write resource ``name`` to ``out`` in ``format``; the table view cut to ``columns`` characters if given."""
    if format == "table":
        _table(name, lang, package, out, columns)
    elif format == "csv":
        for row in each_row(name, package):
            out.write(csv_lines([row]))
    elif format == "json":
        encoder = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False)
        for chunk in encoder.iterencode(json_records(package.records(name))):
            out.write(chunk)
        out.write("\n")
    else:
        for record in json_records(package.records(name)):
            out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")


def _table(name: str, lang: str, package: Package, out: TextIO, columns: int | None) -> None:
    described = bundled_tables()[name]

    def rows() -> Iterator[list[str]]:
        # Headings for people: each field's title in the language, its name beneath; the cells hold
        # the data as it is, codes included, each control character escaped for a terminal.
        yield [text_in(f.titles, lang) for f in described.fields]
        for row in each_row(name, package):
            yield [shown(c) for c in row]

    found = widths(rows())  # a first pass measures, the second writes: one row at a time in memory
    fitted = cell_limit(found, columns) if columns is not None else None
    limit = min(fitted or WIDEST, WIDEST)
    out.write(f"{name}: {text_in(described.titles, lang)}\n\n")
    for line in lines(rows(), found, limit, head=2):
        out.write(line + "\n")
    if any(width > limit for width in found):
        whole = f"{PROG} show {name} --format csv"
        said = (
            _("Some cells are cut (…) to fit the terminal; see them whole with: {command}")
            if fitted is not None and fitted < WIDEST
            else _("Cells longer than {limit} characters are cut (…); see them whole with: {command}")
        )
        out.write("\n" + said.format(command=whole, limit=f"{limit:,}") + "\n")
