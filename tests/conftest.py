"""Shared fixtures: the repository's top-level files, the errata lookup, and tools the tests need."""

from __future__ import annotations

import csv
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

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


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
