"""A broken copy of the data is refused with one DataError naming file, row, field and value."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd
from asean_tip_data._gate.package import open_package

Edit = Callable[[str, str, str], Path]
EditDescriptor = Callable[..., dict[str, Any]]


@pytest.fixture
def edit(copy: Path, replace_in: Callable[[Path, str, str, str], Path]) -> Edit:
    """Replace text in one resource file of the copy; fail if the text is not there."""
    return lambda resource, old, new: replace_in(copy, resource, old, new)


def refused(copy: Path, resource: str, *parts: str) -> str:
    """Load ``resource`` from the copy, expect a DataError containing every part, return its message.

    Nothing half-loaded is kept: the same admitted copy refuses again, in the same words (a table read
    with this one, and kept, would come back instead), and the bundled data is what it was.
    """
    bundled = atd.load(resource)
    with pytest.raises(atd.DataError) as info:
        atd.load(resource, copy / "datapackage.json")
    message = str(info.value)
    for part in parts:
        assert part in message, message
    assert isinstance(info.value, ValueError)
    try:
        package = open_package(copy)
    except atd.DataError as exc:  # refused at the gate, before any table: there is nothing to keep
        assert str(exc) == message
    else:
        for _attempt in ("first", "again"):
            with pytest.raises(atd.DataError) as again:
                atd.load(resource, package)
            assert str(again.value) == message
    assert atd.load(resource) == bundled
    return message


def test_an_untouched_copy_loads(copy: Path) -> None:
    for name in atd.resource_names():
        assert atd.load(name, copy) == atd.load(name)


def test_missing_file(copy: Path) -> None:
    (copy / "resources" / "mous.csv").unlink()
    refused(copy, "mous", "mous.csv", "cannot read resource 'mous'")


def test_empty_file(copy: Path) -> None:
    (copy / "resources" / "mous.csv").write_bytes(b"")
    refused(copy, "mous", "mous.csv", "empty file")


# One broken cell or line each: (file edited, text as bundled, text broken, what the message says).
BROKEN = [
    pytest.param(
        "trafficking_cases",
        "year,cases,",
        "year,",
        ("trafficking_cases.csv: row 1 (header): missing column 'cases'",),
        id="missing column",
    ),
    pytest.param(
        "trafficking_cases",
        "article_ref\n",
        "article_ref,remark\n",
        ("row 1 (header): unknown column 'remark'",),
        id="extra column",
    ),
    pytest.param(
        "trafficking_cases",
        ",cases,",
        ",number_of_cases,",
        ("missing column 'cases'", "unknown column 'number_of_cases'"),
        id="renamed column",
    ),
    pytest.param(
        "trafficking_cases",
        "2023,998,",
        "2023,998 cases,",
        ("trafficking_cases.csv: row 9: field 'cases': not an integer: '998 cases'",),
        id="wrong type",
    ),
    pytest.param(
        "trafficking_cases",
        "tribunnews-2023-04-04 medcom-2023-07-14 tribunnews-2024-05-07,",
        "tribunnews-2023-04-04 nowhere tribunnews-2024-05-07,",
        ("trafficking_cases.csv: row 8: field 'note_source_ids': 'nowhere' is not a key of 'sources'",),
        id="one source of a list is no source",
    ),
    pytest.param(
        "meetings",
        "2009-06-30",
        "2009-06-31",
        ("meetings.csv: row 29: field 'start_date': impossible date", "'2009-06-31'"),
        id="impossible date",
    ),
    pytest.param(
        "meetings",
        "1997-12-18",
        "18/12/1997",
        ("row 2: field 'start_date': not an ISO 8601 date", "'18/12/1997'"),
        id="date not ISO",
    ),
    pytest.param(
        "meetings",
        "1997-12-18,1997-12-20",
        "1997-12-18,1997-12-17",
        ("meetings.csv: row 2: end_date 1997-12-17 is before start_date 1997-12-18",),
        id="end before start",
    ),
    pytest.param(
        "meetings",
        ",,Dalam Jejaring Online,true,",
        ",Hanoi,Dalam Jejaring Online,true,",
        ("row 15", "online must be true exactly when city is empty"),
        id="online with a city",
    ),
    pytest.param(
        "mous",
        ",under_renewal,On Extension,",
        ",expired,On Extension,",
        ("mous.csv: row 3: field 'status'", "'expired'"),
        id="value outside an enum",
    ),
    pytest.param(
        "countries",
        "IDN,ID,360,Indonesia",
        "IDN,,360,Indonesia",
        ("countries.csv: row 4: field 'iso2': missing value",),
        id="missing required value",
    ),
    pytest.param(
        "countries", "IDN,ID,360,Indonesia", "IDN,id,360,Indonesia", ("row 4: field 'iso2'", "'id'"), id="pattern"
    ),
    pytest.param(
        "trafficking_cases",
        "2017,340,",
        "2016,340,",
        ("row 3: field 'year': duplicate key '2016' (first in row 2)",),
        id="duplicate primary key",
    ),
    pytest.param(
        "meetings",
        "SOMTC,24,",
        "SOMTC,14,",
        ("row 44: field 'forum/number': duplicate key 'SOMTC/14' (first in row 34)",),
        id="duplicate composite key",
    ),
    pytest.param(
        "liaison_officers",
        ",Dili,,TLS,",
        ",Dili,,TMP,",
        ("liaison_officers.csv: row 2: field 'country_iso3': 'TMP' is not a key of 'countries'",),
        id="dangling foreign key",
    ),
    pytest.param(
        "countries",
        "KHM,KH,",
        "KHM,BN,",
        ("countries.csv: row 3: field 'iso2': duplicate value 'BN' (first in row 2)",),
        id="duplicate unique value",
    ),
    pytest.param(
        "meetings",
        "Manila,false,false,",
        "Manila,no,false,",
        ("meetings.csv: row 2: field 'online': not a boolean (true or false): 'no'",),
        id="bad boolean",
    ),
    pytest.param(
        "liaison_officers",
        "\n1,1,ATPOL,",
        "\n0,1,ATPOL,",
        ("liaison_officers.csv: row 2: field 'officer_id': less than 1: '0'",),
        id="below its minimum",
    ),
    pytest.param(
        "trafficking_cases",
        "year,cases,",
        "cases,year,",
        (
            "trafficking_cases.csv: row 1 (header): columns out of order; expected "
            "year,cases,ministry_statement,note,note_indonesian,note_source_ids,source_id,article_ref",
        ),
        id="columns out of order",
    ),
    pytest.param(
        "mous",
        '"MoU on Eradication',
        '"MoU on "Eradication',
        ("mous.csv: row 4: not valid CSV",),
        id="unbalanced quote",
    ),
    pytest.param(
        "trafficking_suspects", "2021,165,bareskrim-2023,", "2021,165,", ("row 3: 3 cells, expected 4",), id="short row"
    ),
    # Read with another table, as one: refused after both were read, and neither kept.
    pytest.param(
        "trafficking_cases",
        "2023,998,contradicts,",
        "2023,998,confirms,",
        (
            "trafficking_cases.csv: row 9: field 'ministry_statement': 'confirms' does not follow from its rows in "
            "'case_statements', which give 'contradicts'",
        ),
        id="a code its rows in another table do not give",
    ),
]


@pytest.mark.parametrize(("resource", "old", "new", "expected"), BROKEN)
def test_broken_copy_is_refused(
    edit: Edit, copy: Path, resource: str, old: str, new: str, expected: tuple[str, ...]
) -> None:
    edit(resource, old, new)
    refused(copy, resource, *expected)


def test_broken_referenced_table_is_named(edit: Edit, copy: Path) -> None:
    edit("sources", "kemlu-2024,credited,", "kemlu-2024,quoted,")
    refused(copy, "trafficking_cases", "sources.csv: row 3: field 'kind'")


def test_bytes_that_are_not_utf8(copy: Path) -> None:
    path = copy / "resources" / "glossary.csv"
    path.write_bytes(path.read_bytes().replace(b"Juni", "J\xfcni".encode("latin-1")))
    refused(copy, "glossary", "glossary.csv: row 17: field 'term': not UTF-8: b'J", "\\xfc")


def test_a_broken_table_read_with_it_is_named_and_neither_is_kept(edit: Edit, copy: Path) -> None:
    # trafficking_cases is read first, then case_statements, which its ministry_statement follows from.
    edit("case_statements", ",true,2023-04-04,", ",yes,2023-04-04,")
    refused(copy, "trafficking_cases", "case_statements.csv: row 3: field 'by_ministry': not a boolean")


def test_bom_and_crlf_are_accepted(copy: Path) -> None:
    path = copy / "resources" / "meetings.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert atd.load("meetings", copy) == atd.load("meetings")


def test_descriptor_not_utf8(copy: Path) -> None:
    path = copy / "datapackage.json"
    path.write_bytes(path.read_bytes().replace(b"Indonesia's", "Indon\xe9sia's".encode("latin-1"), 1))
    refused(copy, "countries", "datapackage.json: not UTF-8 (byte", "\\xe9")


def test_descriptor_not_json(copy: Path) -> None:
    (copy / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    refused(copy, "countries", "datapackage.json: not JSON")


def test_descriptor_missing(tmp_path: Path) -> None:
    with pytest.raises(atd.DataError, match=re.escape(f"{tmp_path / 'datapackage.json'}: cannot read the descriptor")):
        atd.load("countries", tmp_path)


def test_descriptor_without_resources(copy: Path, edit_descriptor: EditDescriptor) -> None:
    edit_descriptor(copy, lambda d: d.pop("resources"))
    refused(copy, "countries", "datapackage.json: 'resources' must be a list of objects")


def test_descriptor_without_the_resource(copy: Path, edit_descriptor: EditDescriptor) -> None:
    edit_descriptor(copy, lambda d: d["resources"].pop(7))
    refused(copy, "mous", "datapackage.json: no resource named 'mous'")


def test_resource_without_path(copy: Path, edit_descriptor: EditDescriptor) -> None:
    edit_descriptor(copy, lambda r: r.pop("path"), "countries")
    refused(copy, "countries", "resource 'countries': 'path' must be a string")


@pytest.mark.parametrize(
    "path",
    [
        "/etc/passwd",
        "../outside.csv",
        "resources/../../outside.csv",
        "https://example.org/countries.csv",
        "file:///etc/passwd",
    ],
)
def test_unsafe_resource_paths_are_refused(copy: Path, path: str, edit_descriptor: EditDescriptor) -> None:
    edit_descriptor(copy, lambda r: r.update(path=path), "countries")
    refused(copy, "countries", f"resource 'countries': path {path!r} must be relative and stay inside the package")


def test_validate_lists_the_problems(edit: Edit, copy: Path) -> None:
    edit("countries", "IDN,ID,", "IDN,id,")
    problems = atd.validate(copy)
    assert len(problems) == 1
    assert "countries.csv: row 4: field 'iso2'" in problems[0]
    assert atd.validate() == ()


def test_a_broken_copy_leaves_the_bundled_cache_alone(edit: Edit, copy: Path) -> None:
    edit("trafficking_cases", "2023,998,", "2023,999,")
    assert atd.load_trafficking_cases(copy)[-1].cases == 999
    assert atd.load_trafficking_cases()[-1].cases == 998


def test_an_over_long_cell_is_named_by_its_row_and_field(copy: Path) -> None:
    path = copy / "resources" / "glossary.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[1].split(",")
    lines[1] = ",".join([cells[0], "x" * 200_000, *cells[2:]])  # the expansion, longer than csv's own limit
    path.write_text("".join(lines), encoding="utf-8")
    refused(copy, "glossary", "glossary.csv: row 2: field 'expansion': 200,000 characters, over the limit of 100,000")
