"""Fields that follow from the rows of another table, by a rule: checked on every copy, bundled or not.

A placement's ``evidence`` follows from the pages it rests on (``placement_sources``), and a year's
``ministry_statement`` from what the ministry has said of its count (``case_statements``). Table
Schema has no way to say this, so the gate reads the two tables together, as one, and checks the
rule before either is used: a copy whose codes claim more, or less, than its own rows show is
refused, naming the row, and neither table is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from .._words.messages import _
from .files import DataError

# The report's own words: its narrative, the next year's, or a copy that does not show its year.
REPORT_TEXT = frozenset({"report_text", "next_report_text", "report_text_undated"})


def evidence(placement: Any, pages: Sequence[Any]) -> str | None:
    """Return how a placement is known from its pages; None where it has none."""
    if not pages:
        return None
    kinds = {page.kind for page in pages}
    if "report_text" in kinds:
        return "report_text"
    if "next_report_text" in kinds:
        return "next_report_text"
    # A news story that repeats a statement is of that statement's family: families, not pages, count.
    others = {page.source_family for page in pages if page.kind not in REPORT_TEXT}
    return "two_sources" if len(others) >= 2 else "one_source"


def ministry_statement(year: Any, statements: Sequence[Any]) -> str | None:
    """Return what the ministry's statements say of a year's printed count; None where it has said nothing."""
    said = [s for s in statements if s.by_ministry]
    if not said:
        return None
    same = [s.unit == "cases" and s.value == year.cases for s in said]
    if all(same):
        return "confirms"
    if any(same):
        return "conflicting"
    if any(s.value == year.cases for s in said):
        return "qualifies"  # the same number, counting something else
    return "contradicts"


class Derived(NamedTuple):
    """A field of ``table`` that follows, by ``rule``, from the rows of ``source`` with the same ``key``."""

    table: str
    field: str
    source: str
    key: tuple[str, ...]
    rule: Callable[[Any, Sequence[Any]], object]


DERIVED = (
    Derived("tip_tier_placements", "evidence", "placement_sources", ("country_iso3", "report_year"), evidence),
    Derived("trafficking_cases", "ministry_statement", "case_statements", ("year",), ministry_statement),
)


def together(name: str) -> tuple[str, ...]:
    """Return the tables read with table ``name``, as one: a field's table, then the table it follows from."""
    for derived in DERIVED:
        if name in (derived.table, derived.source):
            return derived.table, derived.source
    return (name,)


def check(tables: tuple[str, ...], records: Callable[[str], Sequence[Any]], where: Callable[[str], str]) -> None:
    """Raise a DataError at the first field of ``tables`` that does not follow from the rows it follows from."""
    for derived in DERIVED:
        if derived.table not in tables:
            continue
        found: dict[tuple[Any, ...], list[Any]] = {}
        for row in records(derived.source):
            found.setdefault(tuple(getattr(row, k) for k in derived.key), []).append(row)
        for number, record in enumerate(records(derived.table), start=2):
            expected = derived.rule(record, found.get(tuple(getattr(record, k) for k in derived.key), []))
            value = getattr(record, derived.field)
            if value != expected:
                raise DataError(
                    _(
                        "{where}: row {row}: field {field}: {value} does not follow from its rows in {source}, "
                        "which give {expected}"
                    ).format(
                        where=where(derived.table),
                        row=number,
                        field=repr(derived.field),
                        value=_shown(value),
                        source=repr(derived.source),
                        expected=_shown(expected),
                    )
                )


def _shown(value: object) -> str:
    return repr(value) if value is not None else _("no value")
