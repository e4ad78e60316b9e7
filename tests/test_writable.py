"""Valid means writable by every output: what no output can carry is refused at the gate, naming its place.

Issue #32, item 2. Each test failed on 1.17.0, which admitted these values and then failed in the
outputs: Parquet export and `page` crashed, the exported descriptor was not JSON, `dcat` published an
ill-typed xsd:date, the SVG downloads were not XML, vl-convert panicked.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any, Literal
from xml.etree import ElementTree

import pyarrow.parquet as pq
import pytest
import rdflib
import yaml
from hypothesis import HealthCheck, event, given, seed, settings
from hypothesis import strategies as st

import asean_tip_data as atd
from asean_tip_data._gate.descriptor import admit
from asean_tip_data._gate.package import open_package
from asean_tip_data._outputs.export import csv_lines, rows
from asean_tip_data.cli import main

Edit = Callable[[dict[str, Any]], object]
MOUS = atd.resource_names().index("mous")  # where the descriptor lists the resource these cases edit
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")


def _mous(d: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in d["resources"] if r["name"] == "mous")
    return found


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _write(copy: Path, descriptor: dict[str, Any]) -> None:
    # json.dumps writes a lone surrogate as its escape and NaN as NaN, as a careless tool would.
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


# (edit, the place and problem the message names)
REFUSED: dict[str, tuple[Edit, str]] = {
    "a lone surrogate in the title": (lambda d: d.update(title="Data \ud800"), "title: a lone surrogate (U+D800)"),
    "a control character in a keyword": (
        lambda d: d["keywords"].insert(0, "bell\x07"),
        "keywords[0]: a control character (U+0007) at character 5",
    ),
    "a carriage return in a resource's title": (
        lambda d: _mous(d).update(title="MoUs\r\n"),
        f"resources[{MOUS}].title: a control character (U+000D)",
    ),
    "U+FFFF in a licence's title": (
        lambda d: d["licenses"][0].update(title="CC\uffff"),
        "licenses[0].title: a noncharacter (U+FFFF)",
    ),
    "a C1 control in a field's description": (
        lambda d: _mous(d)["schema"]["fields"][0].update(description="x\x85"),
        f"resources[{MOUS}].schema.fields[0].description: a control character (U+0085)",
    ),
    "a lone surrogate in a key's name": (
        lambda d: d.update({"x-\udc80": 1}),
        "x-\udc80: its name holds a lone surrogate (U+DC80)",
    ),
    "NaN": (lambda d: d.update({"x-score": float("nan")}), "x-score: nan is no number JSON can hold"),
    "Infinity in a resource": (
        lambda d: _mous(d).update(bytes=float("inf")),
        f"resources[{MOUS}].bytes: inf is no number JSON can hold",
    ),
    "an impossible created date": (lambda d: d.update(created="2026-99-99"), "created: must be an ISO 8601 date"),
    "the 30th of February": (lambda d: d.update(created="2024-02-30T00:00:00Z"), "created: must be an ISO 8601"),
    "an hour that is not": (lambda d: d.update(created="2024-02-01T25:00:00Z"), "created: must be an ISO 8601"),
    "nesting deeper than the limit": (
        lambda d: d.update({"x-deep": _nested(32)}),  # 33 levels with the descriptor itself
        "not JSON this package reads (nested too deeply)",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_descriptor_value_no_output_can_write_is_refused_by_validate_and_every_command(
    case: str, tmp_path: Path
) -> None:
    edit, message = REFUSED[case]
    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    edit(descriptor)
    _write(copy, descriptor)
    (problem,) = atd.validate(copy)
    assert problem.startswith(f"{copy / 'datapackage.json'}: {message}"), problem
    for command in (
        lambda: atd.load_countries(copy),
        lambda: atd.dcat_ap("turtle", copy),
        lambda: atd.export("parquet", tmp_path / "out", copy),
        lambda: atd.build_page(tmp_path / "site", copy),
    ):
        with pytest.raises(atd.DataError) as info:
            command()
        assert str(info.value) == problem
    assert main(["summary", "--datapackage", str(copy)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]


def test_nesting_is_measured_without_recursion_up_to_a_fixed_limit(tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    _write(copy, {**descriptor, "x-deep": _nested(31)})  # 32 levels: the limit
    assert atd.validate(copy) == ()
    # A parsed descriptor far deeper than Python's recursion limit: measured by a walk, not recursion.
    with pytest.raises(atd.DataError, match=r"x-deep(\[0\]){31}: nested more than 32 levels deep"):
        admit({**descriptor, "x-deep": _nested(100_000)}, "datapackage.json")


def test_the_descriptor_s_depth_is_one_verdict_whatever_the_caller_s_stack(tmp_path: Path) -> None:
    # 1.17.0: a descriptor nested ~986 deep was invalid for `validate`, admitted by `list`: JSON's
    # parser recursed, and what it managed depended on how deep the caller already was.
    copy = atd.export("csv", tmp_path / "copy")
    text = (copy / "datapackage.json").read_text(encoding="utf-8")
    depth = sys.getrecursionlimit() - 200
    (copy / "datapackage.json").write_text(text.rstrip()[:-1] + ', "x-deep": ' + json.dumps(_nested(depth)) + "}")

    def at(frames: int) -> tuple[str, ...]:
        return at(frames - 1) if frames else atd.validate(copy)

    verdicts = {at(frames) for frames in (0, 100, 300)}
    assert verdicts == {(f"{copy / 'datapackage.json'}: not JSON this package reads (nested too deeply)",)}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("bell\x07", "a control character (U+0007) at character 5"),
        ("esc\x1b[2J", "a control character (U+001B) at character 4"),
        ("next line\x85", "a control character (U+0085) at character 10"),
        ("not a character\ufffe", "a noncharacter (U+FFFE) at character 16"),
    ],
)
@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_a_cell_no_output_can_write_is_refused_by_its_row_and_field(
    text: str, problem: str, format: Literal["csv", "parquet"], tmp_path: Path
) -> None:
    copy = atd.export(format, tmp_path / "copy")
    if format == "csv":
        path = copy / "resources" / "countries.csv"
        path.write_text(path.read_text(encoding="utf-8").replace("Brunei", text, 1), encoding="utf-8")
    else:
        path = copy / "resources" / "countries.parquet"
        table = pq.read_table(path)
        names = [text if n == "Brunei Darussalam" else n for n in table.column("name").to_pylist()]
        pq.write_table(table.set_column(table.column_names.index("name"), "name", [names]), path)
    (found,) = atd.validate(copy)
    assert found == f"{path}: row 2: field 'name': {problem}, which XML, HTML or UTF-8 cannot write"
    with pytest.raises(atd.DataError, match="which XML, HTML or UTF-8 cannot write"):
        atd.build_page(tmp_path / "site", copy)


# The property: a copy whose texts and numbers a hypothesis draws is refused by every command, or
# written correctly by every output, as each output's own parser reads it.

BAD = ["\ud800", "\udfff", "\x00", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe", "\uffff"]
# What every output writes, with what each escapes or quotes: markup, quotes, YAML's indicators,
# new lines and tabs, letters beyond ASCII and beyond the BMP, a line separator, a right-to-left mark.
SAFE = (
    st.lists(
        st.sampled_from([*"aZ é漢😀 <>&\"'`:#-*!|{}[]%@,\n\t\\/\u2028\u200f", "---", ": ", "- ", "]]>"]),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda t: t.strip() != "")
)
PLACES = ("title", "keyword", "licence", "note", "definition")


@st.composite
def copies(draw: Any) -> dict[str, Any]:
    """Draw the texts of a copy (title, keyword, licence name, a note drawn in a chart, a glossary
    definition), its created date and a number; at most one of them, sometimes, what no output writes."""
    texts = {place: draw(SAFE) for place in PLACES}
    created, number = "2026-11-27T00:00:00Z", draw(st.sampled_from([0.5, 1e300, -2.0]))
    poison = draw(st.sampled_from(["none", "none", "text", "created", "number"]))
    if poison == "text":
        place, bad = draw(st.sampled_from(PLACES)), draw(st.sampled_from(BAD))
        at = draw(st.integers(0, len(texts[place])))
        texts[place] = texts[place][:at] + bad + texts[place][at:]
    elif poison == "created":
        created = draw(st.sampled_from(["2026-99-99", "2023-02-29", "2024-13-01T00:00:00Z", "0000-01-01"]))
    elif poison == "number":
        number = draw(st.sampled_from([float("nan"), float("inf"), float("-inf")]))
    return {**texts, "created": created, "number": number, "poisoned": poison != "none"}


def _make(folder: Path, drawn: dict[str, Any]) -> Path:
    copy = atd.export("csv", folder / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.update(title=drawn["title"], created=drawn["created"], **{"x-number": drawn["number"]})
    descriptor["title_translated"]["en"] = drawn["title"]
    for keywords in (descriptor["keywords"], descriptor["keywords_translated"]["en"]):
        keywords.append(drawn["keyword"])
    descriptor["licenses"][0]["name"] = drawn["licence"]
    _write(copy, descriptor)
    # The 2023 count's note is drawn into the cases chart (its labels and hover text); the first
    # glossary definition stands in a table page. A lone surrogate is written as a careless encoder
    # writes it (surrogatepass): bytes that are not UTF-8.
    for name, key, field, value in (
        ("trafficking_cases", "2023", "note", drawn["note"]),
        ("glossary", "ASEAN", "definition", drawn["definition"]),
    ):
        cells = rows(name, open_package(None))
        (row,) = [r for r in cells if r[0] == key]
        row[cells[0].index(field)] = value
        (copy / "resources" / f"{name}.csv").write_bytes(csv_lines(cells).encode("utf-8", "surrogatepass"))
    return copy


def _same(written: str, drawn: str) -> bool:
    """Return whether ``written`` holds ``drawn``, white space as an XML attribute's value normalises it."""
    return " ".join(drawn.split()) in " ".join(written.split())


@seed(32)
@settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=copies())
def test_a_copy_is_refused_by_every_command_or_written_correctly_by_every_output(
    drawn: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("drawn")
    copy = _make(folder, drawn)
    problems = atd.validate(copy)
    event("refused" if problems else "written")
    if problems:
        assert drawn["poisoned"], problems  # only what an output cannot write is refused
        for command in (
            lambda: atd.load_glossary(copy),
            lambda: atd.export("json", folder / "out.json", copy),
            lambda: atd.export("parquet", folder / "parquet", copy),
            lambda: atd.dcat_ap("turtle", copy),
            lambda: atd.build_page(folder / "site", copy),
        ):
            with pytest.raises(atd.DataError):
                command()
        assert main(["list", "--datapackage", str(copy)]) == 1
        assert sorted(p.name for p in folder.iterdir()) == ["copy"]
        return
    assert not drawn["poisoned"]
    title, keyword, licence = drawn["title"], drawn["keyword"], drawn["licence"]
    note, definition = drawn["note"], drawn["definition"]
    # JSON: the exported descriptors, and the JSON export.
    for exported in (atd.export("csv", folder / "csv", copy), atd.export("parquet", folder / "parquet", copy)):
        descriptor = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
        assert descriptor["title"] == title and descriptor["licenses"][0]["name"] == licence
        assert descriptor["x-number"] == drawn["number"]
    data = json.loads(atd.export("json", folder / "data.json", copy).read_text(encoding="utf-8"))
    assert [g["definition"] for g in data["glossary"] if g["term"] == "ASEAN"] == [definition]
    assert [r["note"] for r in data["trafficking_cases"] if r["year"] == 2023] == [note]
    # Parquet, and its dataset card's YAML front matter.
    table = pq.read_table(folder / "parquet" / "resources" / "glossary.parquet")
    terms = table.column("term").to_pylist()
    assert table.column("definition")[terms.index("ASEAN")].as_py() == definition
    card = (folder / "parquet" / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(card.split("---\n")[1])
    assert list(front) == ["license", "language", "pretty_name", "tags", "configs"]
    assert (front["license"], front["pretty_name"]) == (licence.lower(), title) and keyword in front["tags"]
    assert len(front["configs"]) == len(atd.resource_names())
    # SQLite.
    with closing(sqlite3.connect(atd.export("sqlite", folder / "data.db", copy))) as db:
        assert db.execute("SELECT definition FROM glossary WHERE term = 'ASEAN'").fetchone() == (definition,)
    # Turtle and JSON-LD: the DCAT record.
    graph = rdflib.Graph().parse(data=atd.dcat_ap("turtle", copy), format="turtle")
    dataset = rdflib.URIRef("https://asean-tip-data.github.io/asean-tip-data/#dataset")
    assert (dataset, DCT.title, rdflib.Literal(title, lang="en")) in graph
    assert (dataset, DCAT.keyword, rdflib.Literal(keyword, lang="en")) in graph
    (issued,) = graph.objects(dataset, DCT.issued)
    assert isinstance(issued, rdflib.Literal) and not issued.ill_typed and str(issued) == drawn["created"][:10]
    ld = json.loads(atd.dcat_ap("json-ld", copy))
    values = [
        v.get("@value")
        for node in ld
        for vs in node.values()
        if isinstance(vs, list)
        for v in vs
        if isinstance(v, dict)
    ]
    assert title in values and keyword in values
    # XML: every SVG chart; the note as the cases chart's hover text. JSON-LD inside the page.
    site = atd.build_page(folder / "site", copy)
    for chart in (site / "charts").glob("*.svg"):
        ElementTree.parse(chart)
    svg = ElementTree.parse(site / "charts" / "cases-en.svg")
    hover = [t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}title")]
    assert any(_same(text, note) for text in hover), hover
    page = (site / "index.html").read_text(encoding="utf-8")
    described = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert {"@language": "en", "@value": title} in described["name"]
