"""export never replaces anything unasked; --force replaces it whole, or leaves the old files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

import asean_tip_data as atd

SCRIPT = Path(sys.executable).parent / "asean-tip-data"
FORMATS = ["csv", "json", "sqlite", "parquet"]
FOLDERS = {"csv", "parquet"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", check=False)


def _occupied(format: str, tmp_path: Path) -> tuple[Path, Path]:
    """Return an output path that holds something of the user's, and that thing."""
    if format in FOLDERS:
        output = tmp_path / "out"
        output.mkdir()
        mine = output / "datapackage.json"
    else:
        output = mine = tmp_path / "notes.db"
    mine.write_text("the user's own notes\n", encoding="utf-8")
    return output, mine


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("format", FORMATS)
def test_cli_refuses_to_replace_and_names_the_path(format: str, tmp_path: Path) -> None:
    output, _ = _occupied(format, tmp_path)
    before = _snapshot(tmp_path)
    result = run("export", "--format", format, "--output", str(output))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(output) in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in [output])


@pytest.mark.parametrize("format", FORMATS)
def test_python_refuses_to_replace(format: str, tmp_path: Path) -> None:
    output, mine = _occupied(format, tmp_path)
    with pytest.raises(FileExistsError, match="--force replaces it"):
        atd.export(format, output)  # type: ignore[arg-type]
    assert mine.read_text(encoding="utf-8") == "the user's own notes\n"


@pytest.mark.parametrize("format", FORMATS)
def test_force_replaces_it_whole(format: str, tmp_path: Path) -> None:
    output, _ = _occupied(format, tmp_path)
    result = run("export", "--format", format, "--output", str(output), "--force")
    assert result.returncode == 0, result.stderr
    fresh = atd.export(format, tmp_path / "fresh")  # type: ignore[arg-type]
    if format in FOLDERS:
        # Nothing of what was there stays: the folder is the export, as a fresh one would be.
        assert _snapshot(output) == _snapshot(fresh)
    elif format == "json":
        assert output.read_bytes() == fresh.read_bytes()  # the export, nothing of the notes before or after it
    else:
        # The database a fresh export writes, table by table and row by row (its bytes may differ by page layout).
        with closing(sqlite3.connect(output)) as replaced, closing(sqlite3.connect(fresh)) as expected:
            assert list(replaced.iterdump()) == list(expected.iterdump())
            assert {t for (t,) in replaced.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} >= set(
                atd.resource_names()
            )
    # A database comes with datasette's metadata beside it (tests/test_datasette.py).
    beside = [f"{Path(name).stem}.metadata.json" for name in (output.name, "fresh")] if format == "sqlite" else []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([output.name, "fresh", *beside])


@pytest.mark.parametrize("format", FORMATS)
def test_a_failure_halfway_leaves_the_old_files(format: str, tmp_path: Path) -> None:
    broken = atd.export("csv", tmp_path / "broken")
    meetings = broken / "resources" / "meetings.csv"
    meetings.write_text(meetings.read_text(encoding="utf-8").replace("1997-12-20", "1997-12-32"), encoding="utf-8")
    output, _ = _occupied(format, tmp_path)
    before = _snapshot(tmp_path)
    with pytest.raises(atd.DataError, match=r"meetings\.csv: row 2"):
        atd.export(format, output, broken, overwrite=True)  # type: ignore[arg-type]
    assert _snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["broken", output.name])


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_an_empty_folder_is_fine(format: str, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert run("export", "--format", format, "--output", str(tmp_path / "out")).returncode == 0
    descriptor = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == list(atd.resource_names())


@pytest.mark.parametrize(("format", "make"), [("csv", "file"), ("json", "folder"), ("sqlite", "folder")])
def test_the_wrong_kind_of_target_is_refused(format: str, make: str, tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir() if make == "folder" else target.write_text("x", encoding="utf-8")
    result = run("export", "--format", format, "--output", str(target), "--force")
    assert result.returncode == 2 and str(target) in result.stderr and result.stderr.count("\n") == 1


def test_sqlite_declares_dates_and_booleans_for_the_readers_that_read_declared_types(tmp_path: Path) -> None:
    database = atd.export("sqlite", tmp_path / "tip.db")
    with closing(sqlite3.connect(database)) as db:
        declared = {row[1]: row[2] for row in db.execute("PRAGMA table_info(meetings)")}
        stored = db.execute(
            "SELECT typeof(start_date), typeof(online), start_date, online FROM meetings LIMIT 1"
        ).fetchone()
        with pytest.raises(sqlite3.IntegrityError):  # the CHECK constraints stay
            db.execute("UPDATE meetings SET online = 2 WHERE number = 1")
    assert (declared["start_date"], declared["end_date"], declared["online"]) == ("DATE", "DATE", "BOOLEAN")
    assert stored == ("text", "integer", "1997-12-18", 0)
