"""Tell mutmut which tests reach a function through a subprocess or a shared fixture (scripts/mutation.py).

mutmut 3 runs each mutant against the tests that reached its function while it collected its
statistics: the function's trampoline records a hit in the pytest process. Two kinds of reach go
unseen, and their mutants would survive for want of the tests that kill them:
- a test that runs ``asean-tip-data ...`` or ``python -c`` in a subprocess: the hit is recorded in
  the subprocess, whose record is lost (and where mutmut's own recorder cannot even read its settings);
- a fixture of module or session scope (the built site): its hits go to the first test that sets it
  up, none to the tests that read what it made.
scripts/mutation.py installs this module in the scratch run's virtual environment. A ``.pth`` file
calls ``start()`` in every interpreter started while ASEAN_TIP_DATA_MUTATION_HITS is set: in a
subprocess of the statistics run (MUTANT_UNDER_TEST=stats), each function reached is written to
that file. Loaded into pytest (``-p mutation_hits``), the hooks below give each test the functions
its subprocesses and its fixtures reached, just before mutmut files the test's hits. In a
mutant's run, one hook orders its tests fastest first; nothing else changes outside the statistics
run. This leans on mutmut's recorder (``record_trampoline_hit``, looked up by the trampoline at
each call), which is why the mutation group pins mutmut's version.

In a subprocess the bridge imports nothing until a mutated module imports mutmut's trampoline: the
tests that count what a bare ``import asean_tip_data`` loads (no json, no csv) must count the same.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

HITS = "ASEAN_TIP_DATA_MUTATION_HITS"
TRAMPOLINE = "mutmut.mutation.trampoline"
_record: Callable[..., None] | None = None  # mutmut's recorder, in the pytest process
_fixture_stack: list[set[str]] = []
_by_fixture: dict[str, set[str]] = {}  # each fixture's hits at its latest setup
_counts = {"from_subprocesses": 0, "from_fixtures": 0}


def _collecting() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats" and bool(os.environ.get(HITS))


def hookimpl(**options: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a pytest hook with pluggy's marker, imported only in pytest's process, which has loaded it already."""

    def mark(function: Callable[..., Any]) -> Callable[..., Any]:
        if "pluggy" not in sys.modules:  # a subprocess, which only records: its hooks never run
            return function
        from pluggy import HookimplMarker

        marked: Callable[..., Any] = HookimplMarker("pytest")(**options)(function)
        return marked

    return mark


def start() -> None:
    """In a subprocess of the statistics run, append each function reached, once, to the file HITS names."""
    if _collecting():
        sys.meta_path.insert(0, _WhenTrampolineLoads())


class _WhenTrampolineLoads:
    """An import hook: once mutmut's trampoline is loaded (by the first mutated module), replace its recorder."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != TRAMPOLINE:
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            load(module)
            module.record_trampoline_hit = _subprocess_recorder()

        spec.loader.exec_module = exec_module
        return spec


def _subprocess_recorder() -> Callable[..., None]:
    path, seen = Path(os.environ[HITS]), set()

    def record(name: str, caller: str | None = None) -> None:
        if name not in seen:
            seen.add(name)
            with path.open("a", encoding="utf-8") as hits:
                hits.write(name + "\n")

    return record


def _recorder() -> Callable[..., None]:
    """Return mutmut's recorder, wrapped (once) so that the fixtures being set up also keep what it records."""
    global _record
    if _record is None:
        from mutmut.mutation import trampoline

        original = trampoline.record_trampoline_hit

        def record(name: str, caller: str | None = None) -> None:
            original(name, caller=caller)
            for hits in _fixture_stack:
                hits.add(name)

        trampoline.record_trampoline_hit = record
        _record = record
    return _record


def _from_subprocesses() -> None:
    """Record, for the test or fixture running, what its subprocesses reached since the last call."""
    path = Path(os.environ[HITS])
    if path.exists():
        names = set(path.read_text(encoding="utf-8").split())
        path.unlink()
        _counts["from_subprocesses"] += len(names)
        for name in names:
            _recorder()(name)


@hookimpl()
def pytest_configure(config: Any) -> None:
    if _collecting():
        _recorder()


@hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: Any) -> Generator[None, None, None]:
    if not _collecting():
        yield
        return
    _fixture_stack.append(set())
    try:
        yield
        _from_subprocesses()
    finally:
        _by_fixture[fixturedef.argname] = _fixture_stack.pop()


@hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: Any) -> None:
    """Before mutmut files this test's hits: add its subprocesses' and its fixtures' (module and session scope too)."""
    if not _collecting():
        return
    _from_subprocesses()
    for fixture in item.fixturenames:
        for name in _by_fixture.get(fixture, ()):
            _counts["from_fixtures"] += 1
            _recorder()(name)


@hookimpl(trylast=True)
def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """In a mutant's run, its tests fastest first, as the statistics run timed their calls (not their fixtures).

    mutmut stops a mutant's run at the first failing test (-x) and hands the tests over in no
    order: a mutant that a quick test kills would otherwise wait for the slow ones before it. (Tests
    of different modules then mix, and a module's fixture may be set up more than once.)
    """
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return
    stats = Path("mutmut-stats.json")  # mutmut runs the tests in mutants/, where it keeps this file
    if stats.exists():
        import json

        seconds = json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
        items.sort(key=lambda item: seconds.get(item.nodeid, float("inf")))


@hookimpl()
def pytest_unconfigure(config: Any) -> None:
    if _collecting():
        import json

        Path(os.environ[HITS] + ".counts.json").write_text(json.dumps(_counts), encoding="utf-8")
