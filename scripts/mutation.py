"""Mutation testing of the modules that turn data into words and records, with mutmut, in a scratch copy.

    python scripts/mutation.py [--browser] [--workers N] [--minutes M] [--report FILE] [--scratch DIR [--again]]
                               [--keep] [GLOB...]

The checkout it is run from is never touched: the files git knows there (committed or not; ignored
ones left out) are copied to a scratch folder, which gets a virtual environment of its own (the copy
installed editable with its test extra, and pyproject.toml's `mutation` dependency group). mutmut
writes its mutants under the copy's mutants/ and switches them on one at a time (MUTANT_UNDER_TEST);
the tests import the mutants' package, and so do the command lines they start, through PYTHONPATH.
scripts/mutation_hits.py makes what those subprocesses and the shared fixtures (the built site)
reach count in mutmut's choice of tests per function. pyproject.toml's [tool.mutmut] names the
modules and the tests; --browser adds tests/test_page_browser.py. GLOBs (mutmut's mutant names,
such as "asean_tip_data._words.*") run only those mutants. --minutes stops mutmut after that long
(as Ctrl-C does: the mutants tested keep their results); the ones not reached are counted as "not
checked", outside the score. --again runs mutmut once more in the scratch folder --scratch names,
as an earlier run left it (copy, environment, mutants, mutmut's statistics and results), for the
GLOBs the earlier run did not reach, with this checkout's tests/ and pyproject.toml. It prints the score per module
and overall, and every mutant tested and not killed with its file, line and change; --report
writes the same to FILE. The scratch folder is removed at the end unless --keep (or --scratch,
which names where it goes) is given.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROWSER_IGNORE = '"--ignore=tests/test_page_browser.py",'  # the line of [tool.mutmut] that --browser removes
KILLED = {"killed", "timeout", "caught by type check"}
NOT_RUN = "not checked"  # mutmut's word for a mutant it has not tested (here: one --minutes left out)
NOT_COPIED = {"mutants", ".venv"}  # what a copy never takes from the checkout


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None, capture: bool = False) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, check=True, text=True, capture_output=capture)
    return done.stdout if capture else ""


def scratch_copy(repo: Path, tree: Path) -> None:
    """Copy the files git knows in ``repo`` to ``tree``, which must lie outside it: mutants never enter a checkout."""
    repo, tree = repo.resolve(), tree.resolve()
    if tree == repo or repo in tree.parents or tree in repo.parents:
        raise SystemExit(f"refusing to mutate in or around the checkout {repo}: give a scratch folder outside it")
    if tree.exists() and any(tree.iterdir()):
        raise SystemExit(f"{tree} is not empty: the scratch copy needs a folder of its own")
    listed = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], repo, capture=True)
    for name in sorted(set(listed.split("\0")) - {""}):
        source = repo / name
        if name.split("/")[0] in NOT_COPIED or not source.is_file():  # a file deleted but not yet committed
            continue
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, tree / name)


def refresh_tests(repo: Path, tree: Path) -> None:
    """Copy ``repo``'s tests/ and [tool.mutmut] (pyproject.toml) to the scratch copy and its mutants/."""
    known = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "tests", "pyproject.toml"]
    listed = _run(known, repo, capture=True)
    for name in sorted(set(listed.split("\0")) - {""}):
        if (repo / name).is_file():
            for target in (tree / name, tree / "mutants" / name):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(repo / name, target)


def make_venv(venv: Path, tree: Path) -> Path:
    """Return the python of a new virtual environment holding ``tree`` (editable, [test]), mutmut and the bridge."""
    _run([sys.executable, "-m", "venv", str(venv)], tree)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet"]
    _run([*pip, "--upgrade", "pip"], tree)
    _run([*pip, "-e", ".[test]"], tree)
    _run([*pip, "--group", "mutation"], tree)
    install_bridge(python)
    return python


def install_bridge(python: Path) -> None:
    """Put scripts/mutation_hits.py, beside this script, in the environment of ``python``, started by a .pth file."""
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(_run([str(python), "-c", purelib], python.parent, capture=True).strip())
    shutil.copy2(Path(__file__).with_name("mutation_hits.py"), site / "mutation_hits.py")
    # Read at each interpreter's start: the bridge starts only in the subprocesses of this script's
    # statistics run. Never in mutmut's own process, whose pytest loads it as a plugin (-p), which
    # pytest refuses (a warning, an error here) for a module imported before it.
    (site / "mutation_hits.pth").write_text(
        "import os; os.environ.get('ASEAN_TIP_DATA_MUTATION_HITS') and os.environ.get('MUTANT_UNDER_TEST') == 'stats'"
        " and __import__('mutation_hits').start()\n"
    )


def mutmut_env(tree: Path, hits: Path) -> dict[str, str]:
    """Return the environment of mutmut's run: the mutants' package first on the path of every process."""
    env = {k: v for k, v in os.environ.items() if k not in ("MUTANT_UNDER_TEST", "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = str(tree / "mutants" / "src")
    env["ASEAN_TIP_DATA_MUTATION_HITS"] = str(hits)
    # A test that starts pytest in a subprocess of the statistics run imports the bridge before its plugins.
    env["PYTEST_ADDOPTS"] = "-p mutation_hits -W ignore::pytest.PytestAssertRewriteWarning"
    return env


def with_browser(tree: Path) -> None:
    """Take tests/test_page_browser.py into the tests [tool.mutmut] runs, in the scratch copy's pyproject.toml."""
    pyproject = (tree / "pyproject.toml").read_text(encoding="utf-8")
    if BROWSER_IGNORE not in pyproject:
        raise SystemExit(f"pyproject.toml's [tool.mutmut] has no line {BROWSER_IGNORE}")
    (tree / "pyproject.toml").write_text(pyproject.replace(BROWSER_IGNORE, ""), encoding="utf-8")


def prepare_mutants(tree: Path) -> None:
    """Give mutants/ every file the tests read beside src/ (mutmut copies src/ and tests/ itself)."""
    mutants = tree / "mutants"
    (mutants / "src").mkdir(parents=True)  # on the path before any import looks there
    for entry in tree.iterdir():
        if entry.name in ("src", "mutants"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, mutants / entry.name, symlinks=True)
        else:
            shutil.copy2(entry, mutants / entry.name)


def function_line(source: Path, mutant: str, removed: str | None) -> int:
    """Return the line of ``source`` that ``mutant`` changes: the first removed line within its function."""
    key = mutant.rsplit(".", 1)[1].split("__mutmut_")[0]
    name = key.split("ǁ")[-1] if "ǁ" in key else key.removeprefix("x_")
    lines = source.read_text(encoding="utf-8").splitlines()
    starts = [
        n.lineno for n in ast.walk(ast.parse("\n".join(lines))) if isinstance(n, ast.FunctionDef) and n.name == name
    ]
    start = starts[0] if starts else 1
    for number in range(start, len(lines) + 1):
        if removed is not None and lines[number - 1].strip() == removed.strip():
            return number
    return start


def survivors(tree: Path, mutmut: Path, env: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Return each mutant's status (of this run and any earlier one in ``tree``), and the lines of those not killed."""
    status = {}
    for line in _run([str(mutmut), "results", "--all", "true"], tree, env, capture=True).splitlines():
        if match := re.fullmatch(r"\s+(\S+): (.+)", line):
            status[match[1]] = match[2]
    lines = []
    for name, state in sorted(status.items()):
        if state in KILLED or state == NOT_RUN:
            continue
        diff = _run([str(mutmut), "show", name], tree, env, capture=True).splitlines()
        removed = [d[1:] for d in diff if d.startswith("-") and not d.startswith("---")]
        added = [d[1:] for d in diff if d.startswith("+") and not d.startswith("+++")]
        path = module_path(name)
        line = function_line(tree / path, name, removed[0] if removed else None)
        lines.append(f"{path}:{line} [{state}] {name}")
        lines += [f"    - {r.strip()}" for r in removed] + [f"    + {a.strip()}" for a in added]
    return status, lines


def module_path(mutant: str) -> str:
    return "src/" + mutant.rsplit(".", 1)[0].replace(".", "/") + ".py"


def scores(status: dict[str, str]) -> list[str]:
    """Return the score lines: per module, then overall (killed over all mutants; "no tests" counts as not killed)."""
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, state in status.items():
        by_module[module_path(name)][state] += 1  # "not checked" is shown beside the score, never in it
    total: Counter[str] = Counter()
    lines = []
    for path, counts in sorted(by_module.items()):
        total += counts
        lines.append(_score(path, counts))
    return [*lines, _score("overall", total)]


def _score(what: str, counts: Counter[str]) -> str:
    killed, tested = sum(counts[s] for s in KILLED), sum(n for s, n in counts.items() if s != NOT_RUN)
    rest = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s not in KILLED)
    rest = "; " + rest if rest else ""
    return f"{what}: {100 * killed / max(tested, 1):.1f}% ({killed} of {tested} tested killed{rest})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("globs", nargs="*", metavar="GLOB", help="only the mutants whose names match")
    parser.add_argument("--browser", action="store_true", help="add tests/test_page_browser.py to the tests")
    parser.add_argument("--minutes", type=float, help="stop mutmut after this many minutes (the rest: not checked)")
    parser.add_argument("--workers", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--report", type=Path, help="also write the scores and the mutants not killed to this file")
    parser.add_argument("--scratch", type=Path, help="the folder of the copy and its environment (kept)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder and say where it is")
    parser.add_argument("--again", action="store_true", help="run again in the --scratch folder an earlier run kept")
    args = parser.parse_args(argv)
    if args.again and not (args.scratch and (args.scratch / "repo" / "mutants").is_dir()):
        parser.error("--again needs the --scratch folder of an earlier run")
    started = time.monotonic()
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="asean-tip-data-mutation-"))
    tree = scratch / "repo"
    report: list[str] = []
    try:
        python = scratch / "venv" / "bin" / "python"
        if not args.again:
            scratch_copy(ROOT, tree)
            python = make_venv(scratch / "venv", tree)
        else:  # this checkout's bridge and tests, which may be newer than those the run began with
            install_bridge(python)
            refresh_tests(ROOT, tree)
        print(f"== scratch copy and its environment ready in {scratch} ({time.monotonic() - started:.0f} s)")
        report += code_pass(tree, python, args)
        report.append(f"== mutation run: {time.monotonic() - started:.0f} s in all")
    finally:
        if args.keep or args.scratch:
            print(f"== the scratch folder is kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print("\n".join(report))
    if args.report:
        args.report.write_text("\n".join(report) + "\n", encoding="utf-8")
    return 0


def run_mutmut(command: list[str], tree: Path, env: dict[str, str], minutes: float | None) -> None:
    """Run mutmut; after ``minutes``, interrupt it as Ctrl-C does: it stops its workers and keeps its results.

    mutmut runs with ``debug = true`` (added to the copy's [tool.mutmut]): without it, mutmut captures
    what its run of the unmutated tests prints, and a failure there reads only "Failed to run clean
    test". With it, every test's line and a failure's traceback go to a file in the scratch folder;
    if mutmut fails, the file's end is printed. (It showed which test failed; the cause, found
    afterwards in the processes' signal masks: the run had been started in the background by a
    shell without job control, which leaves SIGINT ignored, and the command that test_cli's Ctrl-C
    test interrupts inherited that.)

    mutmut is started with SIGINT at its default: the signal sent when ``minutes`` are up must reach it.
    """
    pyproject = (tree / "pyproject.toml").read_text(encoding="utf-8")
    if "[tool.mutmut]\n" not in pyproject:
        raise SystemExit("pyproject.toml has no [tool.mutmut] table for mutmut's debug = true")
    if "[tool.mutmut]\ndebug = true\n" not in pyproject:
        shown = pyproject.replace("[tool.mutmut]\n", "[tool.mutmut]\ndebug = true\n", 1)
        (tree / "pyproject.toml").write_text(shown, encoding="utf-8")
    output = tree.parent / "mutmut-output.txt"
    print(f"== mutmut's own output: {output}", flush=True)
    with (
        output.open("a", encoding="utf-8") as log,
        subprocess.Popen(
            command,
            cwd=tree,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        ) as mutmut,
    ):
        try:
            code = mutmut.wait(timeout=None if minutes is None else minutes * 60)
        except subprocess.TimeoutExpired:
            print(f"== {minutes:g} minutes are up: mutmut is stopped; the mutants not reached stay unchecked")
            mutmut.send_signal(signal.SIGINT)
            code = mutmut.wait()
            code = 0 if code in (0, 1, -signal.SIGINT) else code
    if code != 0:
        # The scratch folder, and the file with it, may be removed on the way out: its end goes to the console.
        tail = output.read_text(encoding="utf-8", errors="replace").splitlines()[-60:]
        print("\n".join(tail), file=sys.stderr)
        raise SystemExit(f"mutmut ended with exit code {code}; the end of what it printed is above (all: {output})")


def code_pass(tree: Path, python: Path, args: argparse.Namespace) -> list[str]:
    """Run mutmut over [tool.mutmut]'s modules in ``tree``; return the report's lines."""
    started = time.monotonic()
    if not args.again:
        prepare_mutants(tree)
    if args.browser:  # after prepare_mutants or refresh_tests, which copy pyproject.toml as it is
        with_browser(tree)
    # Inside the environment's folder: the tests allow a command to open files there (tests/test_gate.py's
    # audit of what reading hostile copies opens), and the bridge's file must not fail them.
    hits = python.parent.parent / "subprocess-hits.txt"
    env, mutmut = mutmut_env(tree, hits), python.parent / "mutmut"
    command = ["nice", "-n", "10", str(mutmut), "run", "--max-children", str(args.workers), *args.globs]
    print("== " + " ".join(command[3:]), flush=True)
    run_mutmut(command, tree, env, args.minutes)
    counts = Path(str(hits) + ".counts.json")
    bridged = counts.read_text(encoding="utf-8") if counts.exists() else "nothing: the bridge did not run"
    status, lines = survivors(tree, mutmut, env)
    return [
        f"== mutmut over [tool.mutmut]'s modules: {len(status)} mutants in {time.monotonic() - started:.0f} s",
        f"functions reached through subprocesses and shared fixtures, given to mutmut's statistics: {bridged}",
        *scores(status),
        "== mutants not killed (file:line [status] mutmut's name, then the change):",
        *lines,
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
