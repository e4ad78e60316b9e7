"""Valid means usable: every copy `validate` accepts, every command completes on, with no traceback.

Copies are drawn from the Table Schemas' own constraints (issue #24, item 2): any subset of the rows
that keeps the foreign keys, cells redrawn from each field's type, enum, pattern and minimum, and the
descriptor's metadata in every shape its model admits. The seed is fixed and the examples bounded,
so that CI runs the same cases every time.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import rdflib
from hypothesis import HealthCheck, assume, given, seed, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, RDF

import asean_tip_data as atd
from asean_tip_data._command.summary import summary
from asean_tip_data._gate import rules as _rules
from asean_tip_data.cli import main

Cells = list[list[str]]
CellsOf = Callable[..., Cells]
WriteCells = Callable[[Path, str, Cells], Path]
HOMEPAGE = "https://asean-tip-data.github.io/asean-tip-data/"  # the bundled descriptor's, as a copy keeps it

SCHEMAS = {r["name"]: r["schema"] for r in json.loads(atd.datapackage_path().read_text(encoding="utf-8"))["resources"]}
FAST = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


def _keys() -> set[tuple[str, str]]:
    """Return every (resource, field) that is part of a key: those cells stay, so that references hold."""
    keys = set()
    for name, schema in SCHEMAS.items():
        keys |= {(name, f) for f in schema["primaryKey"]}
        for fk in schema.get("foreignKeys", []):
            keys |= {(name, f) for f in fk["fields"]}
            keys |= {(fk["reference"]["resource"], f) for f in fk["reference"]["fields"]}
    return keys


KEYS = _keys()


def cell_of(field: dict[str, Any]) -> st.SearchStrategy[str]:
    """Return the cells a field's type and constraints allow."""
    constraints = field.get("constraints", {})
    if "enum" in constraints:
        values: st.SearchStrategy[str] = st.sampled_from(constraints["enum"])
    elif "pattern" in constraints:
        values = st.from_regex(constraints["pattern"], fullmatch=True).filter(lambda s: "\n" not in s)
    elif field["type"] == "integer":
        values = st.integers(constraints.get("minimum", -(2**63)), 2**63 - 1).map(str)
    elif field["type"] == "date":
        values = st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)).map(datetime.date.isoformat)
    elif field["type"] == "boolean":
        values = st.sampled_from(["true", "false"])
    else:  # any text at all: control characters, quotes, line breaks, scripts; csv cannot hold NUL
        values = st.text(st.characters(exclude_characters="\0"), min_size=1, max_size=30)
    return values if constraints.get("required") else values | st.just("")


@st.composite
def tables(draw: st.DrawFn, cells_of: CellsOf) -> dict[str, list[list[str]]]:
    """Draw the cells of every table: a subset of the bundled rows, some cells redrawn, references kept."""
    cells = {name: cells_of(name) for name in atd.resource_names()}
    for name, table in cells.items():
        if draw(st.integers(0, 3)) == 0:  # now and then a table keeps only some rows, or none
            kept = draw(st.sets(st.integers(0, len(table) - 2)))
            cells[name] = [table[0]] + [row for i, row in enumerate(table[1:]) if i in kept]
    for _ in range(len(cells)):  # drop rows whose references are gone, until none is
        for name, schema in SCHEMAS.items():
            for fk in schema.get("foreignKeys", []):
                parent = cells[fk["reference"]["resource"]]
                wanted = {tuple(r[parent[0].index(f)] for f in fk["reference"]["fields"]) for r in parent[1:]}
                header = cells[name][0]
                cells[name] = [header] + [
                    row
                    for row in cells[name][1:]
                    if "" in (key := tuple(row[header.index(f)] for f in fk["fields"])) or key in wanted
                ]
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.sampled_from(sorted(cells)))
        if len(cells[name]) < 2:
            continue
        fields = [f for f in SCHEMAS[name]["fields"] if (name, f["name"]) not in KEYS]
        field = draw(st.sampled_from(fields))
        row = draw(st.integers(1, len(cells[name]) - 1))
        cells[name][row][cells[name][0].index(field["name"])] = draw(cell_of(field))
    return derive(cells)


def _records(table: list[list[str]], types: dict[str, Callable[[str], Any]]) -> list[Any]:
    """Return rows of cells as objects with the fields a rule reads, typed as the rule reads them."""
    header = table[0]
    return [SimpleNamespace(**{h: types.get(h, str)(c) for h, c in zip(header, row, strict=True)}) for row in table[1:]]


def derive(cells: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
    """Set every field that follows from the rows of another table as its rule has it: a drawn copy stays valid."""
    number: dict[str, Callable[[str], Any]] = {
        "report_year": int,
        "year": int,
        "cases": lambda c: int(c) if c else -1,
        "value": int,
    }
    booleans: dict[str, Callable[[str], Any]] = {**number, "by_ministry": lambda c: c == "true"}
    for derived in _rules.DERIVED:
        rows_of = _records(cells[derived.source], booleans)
        table = cells[derived.table]
        for i, record in enumerate(_records(table, number), start=1):
            key = tuple(getattr(record, k) for k in derived.key)
            found = [r for r in rows_of if tuple(getattr(r, k) for k in derived.key) == key]
            value = derived.rule(record, found)
            table[i][table[0].index(derived.field)] = "" if value is None else str(value)
    return cells


METADATA: dict[str, Callable[[dict[str, Any]], object]] = {
    "no licence": lambda d: d.update(licenses=[]),
    "a licence by path alone": lambda d: d.update(licenses=[{"path": "https://example.org/licence"}]),
    "English alone": lambda d: d.update(languages=["en"]),
    "Indonesian alone": lambda d: d.update(languages=["id"]),
    "no homepage": lambda d: d.pop("homepage"),
    "no contributors": lambda d: d.update(contributors=[]),
    "a contributor with a title alone": lambda d: d.update(contributors=[{"title": "Someone"}]),
    "no sources": lambda d: d.update(sources=[]),
    "no keywords": lambda d: d.update(keywords=[]),
    "no texts": lambda d: [
        d.pop(k, None) for k in ("title", "description", "title_translated", "description_translated")
    ],
    "resources in another order": lambda d: d["resources"].reverse(),
}


@st.composite
def copies(draw: st.DrawFn, cells_of: CellsOf) -> tuple[dict[str, list[list[str]]], list[str]]:
    """Draw a valid copy's tables (from the bundled files' cells) and the changes made to its descriptor."""
    return draw(tables(cells_of)), draw(st.lists(st.sampled_from(sorted(METADATA)), unique=True, max_size=4))


def write(folder: Path, drawn: tuple[dict[str, Cells], list[str]], write_cells: WriteCells) -> Path:
    """Write a drawn copy: its files by Python's csv module (not the package's writer), its descriptor changed."""
    cells, changes = drawn
    copy = atd.export("csv", folder / "copy")
    for name, table in cells.items():
        write_cells(copy, name, table)
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for change in changes:
        METADATA[change](descriptor)
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return copy


def dcat_record(format: str, copy: Path) -> rdflib.Graph:
    """Return the copy's DCAT record as a graph: one dataset, at its homepage, with a CSV file per resource."""
    with warnings.catch_warnings():  # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        graph = rdflib.Graph().parse(data=atd.dcat_ap(format, copy), format=format)
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    assert dataset == rdflib.URIRef(f"{HOMEPAGE}#dataset")
    files = {str(graph.value(d, DCAT.downloadURL)) for d in graph.objects(dataset, DCAT.distribution)}
    assert {f"{HOMEPAGE}downloads/resources/{name}.csv" for name in atd.resource_names()} <= files
    return graph


def cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    assert code == 0, args
    return out.getvalue()


@seed(24)
@FAST
@given(data=st.data())
def test_every_command_but_the_page_completes_on_every_valid_copy(
    cells_of: CellsOf, write_cells: WriteCells, data: st.DataObject
) -> None:
    drawn = data.draw(copies(cells_of))
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        copy = write(folder, drawn, write_cells)
        assume(atd.validate(copy) == ())
        for lang in ("en", "id"):
            assert summary(lang, copy).count("\n") > 10
        cli("list", "--datapackage", str(copy))
        for name in atd.resource_names():
            for format in ("table", "csv", "json", "jsonl"):
                cli("show", name, "--format", format, "--datapackage", str(copy))
        for format, target in (("csv", "csv"), ("json", "data.json"), ("sqlite", "data.db"), ("parquet", "parquet")):
            exported = atd.export(format, folder / target, copy)  # type: ignore[arg-type]
            if format in ("csv", "parquet"):
                assert atd.validate(exported) == ()
        if "no homepage" not in drawn[1]:  # the same record in both serialisations
            assert isomorphic(dcat_record("turtle", copy), dcat_record("json-ld", copy))
        else:
            for format in ("turtle", "json-ld"):
                with pytest.raises(atd.DataError, match="homepage"):
                    atd.dcat_ap(format, copy)


@seed(24)
@SLOW
@given(data=st.data())
def test_the_page_builds_from_every_valid_copy(cells_of: CellsOf, write_cells: WriteCells, data: st.DataObject) -> None:
    drawn = data.draw(copies(cells_of))
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        copy = write(folder, drawn, write_cells)
        assume(atd.validate(copy) == ())
        site = atd.build_page(folder / "site", copy)
        for lang in ("", "id/"):
            assert (site / lang / "index.html").is_file()
            assert len(list((site / lang / "tables").glob("*.html"))) == len(atd.resource_names())


# Named copies: all but "no placements" crashed `summary`, `page` or `dcat` on 1.10.0 (issue #24); every one validates
# and every command completes on it.
NAMED: dict[str, tuple[str, Callable[[Cells], Cells]]] = {
    "every count zero": ("trafficking_cases", lambda t: [[*r[:1], "0", *r[2:]] if i else r for i, r in enumerate(t)]),
    "no AMMTC meeting": ("meetings", lambda t: [r for r in t if "AMMTC" not in r]),
    "Brunei's code 097": ("countries", lambda t: [[c.replace("096", "097") for c in r] for r in t]),
    "no placements": ("tip_tier_placements placement_sources", lambda t: t[:1]),  # and no pages behind them
    "every table empty": ("", lambda t: t[:1]),
}


@pytest.mark.parametrize("case", sorted(NAMED))
def test_the_named_copies_are_usable(case: str, tmp_path: Path, cells_of: CellsOf, write_cells: WriteCells) -> None:
    name, edit = NAMED[case]
    cells = {n: cells_of(n) for n in atd.resource_names()}
    for edited in name.split() if name else list(cells):
        cells[edited] = edit(cells[edited])
    if case == "every count zero":
        cells["trafficking_suspects"] = [
            [*r[:1], "0", *r[2:]] if i else r for i, r in enumerate(cells["trafficking_suspects"])
        ]
    copy = write(tmp_path, (derive(cells), []), write_cells)
    assert atd.validate(copy) == ()
    assert "AMMTC" in summary("id", copy)
    assert isomorphic(dcat_record("turtle", copy), dcat_record("json-ld", copy))
    site = atd.build_page(tmp_path / "site", copy)
    assert (site / "id" / "index.html").is_file()
