"""Every copy that validates exports to every format with the same records, and its exports validate."""

from __future__ import annotations

import datetime
import json
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import asean_tip_data as atd

Cells = Callable[..., list[list[str]]]
WriteCells = Callable[[Path, str, list[list[str]]], Path]
Records = Callable[..., list[dict[str, Any]]]

# Text with what CSV must quote (comma, quote, LF), letters from beyond ASCII, and a line separator:
# any text every output can carry (no control character but tab and LF, no U+FFFE or U+FFFF; what
# is refused is tests/test_writable.py's).
TEXT = st.text(
    st.sampled_from(list('ab ,"\n\téŋ漢😀\u2028'))
    | st.characters(codec="utf-8", exclude_categories=["Cc"], exclude_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
)
COUNTS = st.sampled_from([0, 1, 2**31, 2**63 - 1]) | st.integers(min_value=0, max_value=2**63 - 1)


# Three records as JSON must hold them, written by hand: Brunei by ISO 3166-1 (its code keeps its zero),
# the first AMMTC (Appendix 1, row 1: dates in ISO, booleans, nulls) and 2017's count (Table 1, row 2).
BRUNEI = {
    "iso3": "BRN",
    "iso2": "BN",
    "numeric_code": "096",
    "name": "Brunei Darussalam",
    "name_indonesian": "Brunei Darussalam",
    "name_indonesian_source_id": "setnas-asean",
    "source_id": "iso-3166-1",
    "article_ref": None,
}
FIRST_AMMTC = {
    "forum": "AMMTC",
    "number": 1,
    "name_as_printed": "ASEAN Ministerial Meeting on Transnational Crime",
    "chair_iso3": "PHL",
    "chair_as_printed": "Philippines",
    "start_date": "1997-12-18",
    "end_date": "1997-12-20",
    "dates_as_printed": "December 18 \u2013 20, 1997",
    "city": "Manila",
    "venue_as_printed": "Manila",
    "online": False,
    "chair_follows_asean_chairmanship": False,
    "note": None,
    "note_indonesian": None,
    "note_source_ids": None,
    "source_id": "asean-secretariat-2024",
    "article_ref": "Appendix 1, row 1",
}
CASES_2017 = {
    "year": 2017,
    "cases": 340,
    "ministry_statement": None,
    "note": None,
    "note_indonesian": None,
    "note_source_ids": None,
    "source_id": "kemlu-2024",
    "article_ref": "Table 1, row 2",
}


def _copy(folder: Path, definition: str, title: str, cases: int, cells_of: Cells, write_cells: WriteCells) -> Path:
    """Write a copy of the bundled data with one glossary definition, one MoU title and one count changed.

    The changed files are written by Python's csv module, not by the package's own writer.
    """
    copy = atd.export("csv", folder / "copy")
    for name, field, value in (("glossary", "definition", definition), ("mous", "title", title)):
        cells = cells_of(name)
        cells[1][cells[0].index(field)] = value
        write_cells(copy, name, cells)
    cells = cells_of("trafficking_cases")
    cells[-1][1] = str(cases)
    write_cells(copy, "trafficking_cases", cells)
    return copy


def _as_json(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in r.items()} for r in records]


def _records(datapackage: Path) -> dict[str, tuple[atd.Record, ...]]:
    return {name: atd.load(name, datapackage) for name in atd.resource_names()}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(definition=TEXT, title=TEXT, cases=COUNTS)
def test_every_valid_copy_exports_to_every_format_with_its_records(
    cells_of: Cells, write_cells: WriteCells, csv_records: Records, definition: str, title: str, cases: int
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        copy = _copy(folder, definition, title, cases, cells_of, write_cells)
        assert atd.validate(copy) == ()
        records = _records(copy)
        assert atd.load_glossary(copy)[0].definition == definition and atd.load_mous(copy)[0].title == title
        assert atd.load_trafficking_cases(copy)[-1].cases == cases
        for format in ("csv", "parquet"):  # folder copies: they validate and load as the original
            exported = atd.export(format, folder / format, copy)
            assert atd.validate(exported) == (), format
            assert _records(exported) == records, format
        data = json.loads(atd.export("json", folder / "data.json", copy).read_text(encoding="utf-8"))
        assert (data["countries"][0], data["meetings"][0], data["trafficking_cases"][1]) == (
            BRUNEI,
            FIRST_AMMTC,
            CASES_2017,
        )
        assert (data["glossary"][0]["definition"], data["mous"][0]["title"]) == (definition, title)
        assert data["trafficking_cases"][-1]["cases"] == cases
        # Every record: the copy's cells as csv reads them, typed by the descriptor's types.
        assert data == {name: _as_json(csv_records(name, copy)) for name in atd.resource_names()}
        with closing(sqlite3.connect(atd.export("sqlite", folder / "data.db", copy))) as db:
            assert db.execute("SELECT definition FROM glossary LIMIT 1").fetchone() == (definition,)
            assert db.execute("SELECT title FROM mous LIMIT 1").fetchone() == (title,)
            assert db.execute("SELECT cases FROM trafficking_cases ORDER BY year DESC LIMIT 1").fetchone() == (cases,)


@pytest.mark.parametrize("cases", [2**63, -(2**63) - 1, 10**30])
def test_an_integer_no_export_can_hold_is_invalid(
    cases: int, tmp_path: Path, cells_of: Cells, write_cells: WriteCells
) -> None:
    # Valid means usable: a count SQLite and Parquet cannot hold (64 bits) is refused by validate itself.
    copy = _copy(tmp_path, "a definition", "a title", cases, cells_of, write_cells)
    (problem,) = atd.validate(copy)
    assert "trafficking_cases.csv: row 9: field 'cases': " in problem
    assert "does not fit in 64 bits" in problem
    with pytest.raises(atd.DataError):
        atd.export("sqlite", tmp_path / "out.db", copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]


def test_a_cell_with_a_carriage_return_is_refused_by_its_row_and_field(
    tmp_path: Path, cells_of: Cells, write_cells: WriteCells
) -> None:
    # Until 1.17.0 valid, and written by the CSV export; XML normalises it away, and the issue #32
    # rule is one for every output: no control character but tab and LF.
    copy = _copy(tmp_path, "one\rtwo", "a title", 5, cells_of, write_cells)
    (problem,) = atd.validate(copy)
    assert problem == (
        f"{copy / 'resources' / 'glossary.csv'}: row 2: field 'definition': a control character (U+000D) at "
        "character 4, which XML, HTML or UTF-8 cannot write"
    )


def test_without_pyarrow_a_parquet_copy_is_one_line_with_the_pip_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    exported = atd.export("parquet", tmp_path / "parquet")
    code = "import sys; sys.modules['pyarrow'] = None\nfrom asean_tip_data.cli import main\n"
    code += f"sys.exit(main(['validate', {str(exported)!r}]))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == (
        "asean-tip-data: error: reading a Parquet copy needs pyarrow, which is not installed: "
        "pip install 'asean-tip-data[parquet]'\n"
    )


def test_the_site_builds_from_a_parquet_copy(tmp_path: Path) -> None:
    from asean_tip_data._page.build import build_page

    exported = atd.export("parquet", tmp_path / "parquet")
    site = build_page(tmp_path / "site", exported)
    assert (site / "id" / "tables" / "meetings.html").read_text(encoding="utf-8").count("<tr>") > 42
