"""Shared fixtures: the repository's top-level files, facts written once, copies to break, and tools the tests need.

The test modules are imported apart (--import-mode=importlib), so what they share comes as fixtures:
constants as session fixtures, helpers as fixtures that return the function.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import asean_tip_data as atd

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "asean-tip-data"  # the installed entry point, as users run it


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def pinned() -> dict[str, Any]:
    """Every word a reader sees, written by hand, never read from the package (fixtures/words-pinned.toml; audit 2.4).

    A label or a word is [English, Indonesian]; [messages] gives each English message its Indonesian;
    [plural_messages], [catalog] and [locale.*] are as the file's comments say.
    """
    return tomllib.loads((Path(__file__).parent / "fixtures" / "words-pinned.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def doi() -> str:
    """The article's DOI, as its first page prints it (/work/shared/source/)."""
    return "10.32781/cakrawala.v18i2.733"


@pytest.fixture(scope="session")
def cc_by() -> str:
    """The address of the licence the dataset is published under, Creative Commons Attribution 4.0."""
    return "https://creativecommons.org/licenses/by/4.0/"


@pytest.fixture(scope="session")
def row_totals() -> dict[str, int]:
    """The rows of each resource, written by hand: the article's tables and appendices, the reference files' rows."""
    return {
        "countries": 11,
        "sources": 27,
        "trafficking_cases": 8,
        "case_statements": 7,
        "trafficking_suspects": 3,
        "liaison_officers": 11,
        "meetings": 43,
        "mous": 13,
        "strategies": 7,
        "strategy_roles": 8,
        "challenges": 4,
        "tip_tiers": 4,
        "tip_tier_placements": 110,
        "placement_sources": 344,
        "glossary": 42,
        "errata": 7,
    }


@pytest.fixture(scope="session")
def authors() -> list[str]:
    """The article's authors, in the order it prints them: credited as the source's, never as the dataset's makers."""
    return ["Rifki Muhammad", "Ali Roziqin", "Denny Susilo", "Ach. Apriyanto Romadhan"]


@pytest.fixture(scope="session")
def makers() -> list[str]:
    """Who made, publishes and maintains the dataset, and answers for it: the credit model's makers."""
    return ["asean-tip-data maintainers"]


@pytest.fixture(scope="session")
def coverage() -> tuple[str, str]:
    """The first and last day of what the data describes, from the article and the reference files, not the package.

    The first AMMTC opened on 18 December 1997 (Appendix 1, row 1); the last day is the later of the last
    meeting held since the article that the reference dates and the end of the latest report's period
    (31 March of its year: each TIP Report covers April to March).
    """
    with (ROOT / "tests" / "fixtures" / "meetings-after-the-article.csv").open(encoding="utf-8", newline="") as f:
        ends = [row["end_date"] for row in csv.DictReader(f) if row["end_date"] and not row["not_added"]]
    with (ROOT / "tests" / "fixtures" / "tip-tier-placements-2024-2025.csv").open(encoding="utf-8", newline="") as f:
        latest = max(int(row["report_year"]) for row in csv.DictReader(f))
    return "1997-12-18", max([*ends, f"{latest}-03-31"])


@pytest.fixture(scope="session")
def printed_tables() -> dict[str, list[list[str]]]:
    """The article's tables as printed (tests/fixtures/printed_tables.md): each table's rows of cells, by title."""
    text = (ROOT / "tests" / "fixtures" / "printed_tables.md").read_text(encoding="utf-8")
    tables: dict[str, list[list[str]]] = {}
    for section in text.split("\n## ")[1:]:
        title, *lines = section.strip("\n").split("\n")
        tables[title] = [line.split("\t") for line in lines if line]
    return tables


@pytest.fixture(scope="session")
def reference_placements() -> dict[tuple[str, int], dict[str, str]]:
    """Every verified placement of the reference files, 2016-2025, by country and report year: its tier, its change
    and its evidence (code and note)."""
    found: dict[tuple[str, int], dict[str, str]] = {}
    for name in (
        "tip-tier-placements-2016-2023.csv",
        "tip-tier-evidence-2016-2023.csv",
        "tip-tier-placements-2024-2025.csv",
    ):
        with (ROOT / "tests" / "fixtures" / name).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                found.setdefault((row["country_iso3"], int(row["report_year"])), {}).update(row)
    return found


@pytest.fixture(scope="session")
def country_names() -> dict[str, dict[str, str]]:
    """Each country's name by language and ISO code: Indonesian from the reference file; English as the data has it."""
    with (ROOT / "tests" / "fixtures" / "indonesian-country-names.csv").open(encoding="utf-8", newline="") as f:
        indonesian = {r["iso3"]: r["name_indonesian"] for r in csv.DictReader(f)}
    return {"en": {c.iso3: c.name for c in atd.load_countries()}, "id": indonesian}


@pytest.fixture(scope="session")
def descriptor() -> dict[str, Any]:
    """The top-level datapackage.json, the one portals read."""
    return dict(json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def schemas(descriptor: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r["schema"] for r in descriptor["resources"]}


def record_key(record: atd.Record, primary_key: list[str]) -> str:
    return "/".join(str(getattr(record, f)) for f in primary_key)


@pytest.fixture(scope="session")
def key_of(schemas: dict[str, dict[str, Any]]) -> Callable[[str, atd.Record], str]:
    """Return a record's primary key as errata write it: parts joined with "/"."""
    return lambda resource, record: record_key(record, schemas[resource]["primaryKey"])


@pytest.fixture(scope="session")
def as_printed(schemas: dict[str, dict[str, Any]]) -> Callable[[str, atd.Record, str], Any]:
    """Return a field's value as the article printed it: the erratum's text where one applies."""
    errata: dict[tuple[str, str, str], str] = {(e.resource, e.record, e.field): e.printed for e in atd.load_errata()}

    def lookup(resource: str, record: atd.Record, field: str) -> Any:
        key = record_key(record, schemas[resource]["primaryKey"])
        return errata.get((resource, key, field), getattr(record, field))

    return lookup


def load_script(name: str) -> ModuleType:
    """Return scripts/NAME.py as a module, as the tests of derived files use it."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def script() -> Callable[[str], ModuleType]:
    """Return a loader of the repository's scripts by name."""
    return load_script


def _cli_without(modules: list[str], argv: list[str]) -> subprocess.CompletedProcess[str]:
    hide = "; ".join(f"sys.modules[{m!r}] = None" for m in modules)
    code = f"import sys; {hide}\nfrom asean_tip_data.cli import main\nsys.exit(main({argv!r}))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def cli_without() -> Callable[[list[str], list[str]], subprocess.CompletedProcess[str]]:
    """Run the command line in a fresh interpreter where the given modules cannot be imported."""
    return _cli_without


# .ci/run sets this: there, a missing browser or tool fails the run instead of skipping its tests.
REQUIRE_ALL = os.environ.get("ASEAN_TIP_DATA_REQUIRE_ALL") == "1"


def _need(found: object, what: str, how: str) -> None:
    """Skip the test, in one line that says what is missing and how to get it, unless ``found``; fail in CI."""
    if found:
        return
    message = f"{what} is missing: {how}"
    if REQUIRE_ALL:
        pytest.fail(f"{message} (ASEAN_TIP_DATA_REQUIRE_ALL=1, as in .ci/run: nothing may be skipped)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def need() -> Callable[[object, str, str], None]:
    """Return the check for a tool a test needs: it skips (fails under .ci/run) where the tool is missing."""
    return _need


# The command line, as users run it.

Cli = Callable[..., subprocess.CompletedProcess[str]]


def _cli(
    *args: str,
    entry: str = "script",
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if entry == "script" else [sys.executable, "-m", "asean_tip_data"]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def program() -> Path:
    """The installed ``asean-tip-data`` program, for a test that runs it its own way (a shell, a terminal, bytes)."""
    return SCRIPT


@pytest.fixture(scope="session")
def cli() -> Cli:
    """Run ``asean-tip-data ARGS`` (``python -m asean_tip_data`` with entry="module"), whatever its exit code."""
    return _cli


# Copies of the data to break: a fresh copy, its descriptor edited, its cells replaced, rewritten with csv.


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A fresh copy of the bundled package, byte for byte, in tmp_path / "copy"."""
    return atd.export("csv", tmp_path / "copy")


def _resource_in(descriptor: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in descriptor["resources"] if r["name"] == name)
    return found


@pytest.fixture(scope="session")
def resource_in() -> Callable[[dict[str, Any], str], dict[str, Any]]:
    """Return the entry of resource NAME in a descriptor."""
    return _resource_in


EditDescriptor = Callable[..., dict[str, Any]]


def _edit_descriptor(
    copy: Path, edit: Callable[[dict[str, Any]], object], resource: str | None = None
) -> dict[str, Any]:
    path = copy / "datapackage.json"
    descriptor: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    edit(descriptor if resource is None else _resource_in(descriptor, resource))
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return descriptor


@pytest.fixture(scope="session")
def edit_descriptor() -> EditDescriptor:
    """Change a copy's datapackage.json through ``edit(descriptor)``, or ``edit(entry)`` of a named resource."""
    return _edit_descriptor


def _replace_in(copy: Path, resource: str, old: str, new: str) -> Path:
    path = copy / "resources" / f"{resource}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")
    return path


@pytest.fixture(scope="session")
def replace_in() -> Callable[[Path, str, str, str], Path]:
    """Replace the first OLD by NEW in resource RESOURCE's file of a copy (failing if OLD is not there); return it."""
    return _replace_in


def _cells(name: str, copy: Path | None = None) -> list[list[str]]:
    folder = copy if copy is not None else atd.datapackage_path().parent
    with (folder / "resources" / f"{name}.csv").open(encoding="utf-8-sig", newline="") as file:  # a BOM is allowed
        return list(csv.reader(file))


@pytest.fixture(scope="session")
def cells_of() -> Callable[..., list[list[str]]]:
    """Return the header and rows of resource NAME's CSV file (the bundled one, or a copy's), read by csv."""
    return _cells


def _write_cells(copy: Path, name: str, cells: list[list[str]]) -> Path:
    # Python's csv module with its defaults (CRLF, quoting what needs it): not the package's writer.
    path = copy / "resources" / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(cells)
    return path


@pytest.fixture(scope="session")
def write_cells() -> Callable[[Path, str, list[list[str]]], Path]:
    """Write rows of cells as resource NAME's file of a copy, with Python's csv module; return the file."""
    return _write_cells


def _typed(value: str, field: dict[str, Any]) -> Any:
    if value == "":
        return None
    if field["type"] == "integer":
        return int(value)
    if field["type"] == "boolean":
        return {"true": True, "false": False}[value]
    if field["type"] == "date":
        return datetime.date.fromisoformat(value)
    return value


@pytest.fixture(scope="session")
def csv_records(schemas: dict[str, dict[str, Any]]) -> Callable[..., list[dict[str, Any]]]:
    """Return the rows of resource NAME's CSV file (bundled, or a copy's) as dicts typed by the descriptor's types.

    Read with csv and typed here, apart from the package: an empty cell is None, a date a datetime.date.
    """

    def records(name: str, copy: Path | None = None) -> list[dict[str, Any]]:
        header, *rows = _cells(name, copy)
        fields = {f["name"]: f for f in schemas[name]["fields"]}
        return [{h: _typed(c, fields[h]) for h, c in zip(header, row, strict=True)} for row in rows]

    return records


# What a folder holds.


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """Return every file below a folder, by its relative path, with its bytes."""
    return _snapshot


def _digests(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in _snapshot(folder).items()}


@pytest.fixture(scope="session")
def digests() -> Callable[[Path], dict[str, str]]:
    """Return the SHA-256 of every file below a folder, by its relative path."""
    return _digests


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from the bundled data, for every test that only reads it (a module's own `site` wins)."""
    return atd.build_page(tmp_path_factory.mktemp("site") / "site")
