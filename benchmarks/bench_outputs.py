"""Measure what `page` and `show` cost on the largest copies the gate admits, against the bundled copy.

Run from an environment where asean-tip-data is installed with the page extra:

    python benchmarks/bench_outputs.py [--runs 3] [--skip-caps]

Each command runs in a fresh interpreter (``python -m asean_tip_data``); the figures are its wall
time (the median of ``--runs``) and its peak memory (RSS). The copies, made from the bundled one:
- a 100,000-character cell (the most a cell may hold) with neither space nor hyphen, in turn in a
  glossary definition (a table's page), in the note of a count the cases chart draws, and in a
  country's name (on every page that names the country, in the map and in its table);
- a table at the row cap, 100,000 rows (the glossary), and the same with a 100,000-character cell
  (where a table padded to its widest cell would hold 100,000 rows of 100,000 characters).
The figures to read are the ratios to the bundled copy's time and memory, in the same run: near 1 for a
long cell (a cell costs what its length costs, not its length squared), and memory that stays within
a small multiple of the copy's own size at the cap. Nothing here asserts a time: the numbers are
printed for people to compare.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LONG = 100_000  # characters: the longest cell a copy may hold (asean_tip_data._gate.package.MAX_CELL)
CAP = 100_000  # rows: the most a table may hold (asean_tip_data._gate.package.MAX_ROWS)


def run_cold(args: list[str]) -> tuple[float, int]:
    """Run the command line with ``args`` in a fresh interpreter; return its wall time (s) and peak RSS (KiB)."""
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        process = subprocess.Popen([sys.executable, "-m", "asean_tip_data", *args], stdout=sink)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"benchmark command failed: {args}")
    return elapsed, usage.ru_maxrss


def _edit(copy: Path, name: str, change: Callable[[list[list[str]]], None]) -> None:
    path = copy / "resources" / f"{name}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def _set(name: str, key: str, field: str, value: str) -> Callable[[Path], None]:
    def change(rows: list[list[str]]) -> None:
        (row,) = [r for r in rows if r[0] == key]
        row[rows[0].index(field)] = value

    return lambda copy: _edit(copy, name, change)


def _at_the_cap(copy: Path) -> None:
    def change(rows: list[list[str]]) -> None:
        header, *body = rows
        term = header.index("term")
        more = [[f"{c}-{i}" if n == term else c for n, c in enumerate(body[i % len(body)])] for i in range(CAP)]
        rows[1:] = body + more[len(body) :]  # the bundled rows (other tables refer to them), then more

    _edit(copy, "glossary", change)


def _both(first: Callable[[Path], None], then: Callable[[Path], None]) -> Callable[[Path], None]:
    def edit(copy: Path) -> None:
        first(copy)
        then(copy)

    return edit


def copies(folder: Path, caps: bool) -> dict[str, tuple[str, str]]:
    """Write the bundled copy and the large ones; return each by label, with the table `show` prints."""
    import asean_tip_data as atd

    long = "x" * LONG
    long_definition = _set("glossary", "ASEAN", "definition", long)
    made: dict[str, tuple[Callable[[Path], None] | None, str]] = {
        "bundled copy": (None, "glossary"),
        "a 100,000-character glossary definition": (long_definition, "glossary"),
        "a 100,000-character note in the cases chart": (
            _set("trafficking_cases", "2023", "note", long),
            "trafficking_cases",
        ),
        "a 100,000-character country name": (_set("countries", "BRN", "name", long), "countries"),
    }
    if caps:
        made[f"the glossary at the row cap ({CAP:,} rows)"] = (_at_the_cap, "glossary")
        made["the same, with a 100,000-character definition"] = (_both(_at_the_cap, long_definition), "glossary")
    found = {}
    for number, (label, (edit, table)) in enumerate(made.items()):
        copy = atd.export("csv", folder / f"copy-{number}")
        if edit is not None:
            edit(copy)
        problems = atd.validate(copy)
        if problems:
            raise SystemExit(f"{label}: the copy is not valid: {problems[0]}")
        found[label] = (str(copy), table)
    return found


def measure(folder: Path, runs: int, caps: bool) -> None:
    # The copies are made by a process of their own: a child forked from a large parent would count
    # the parent's memory in its own peak.
    made_by = [sys.executable, __file__, "--make", str(folder), *(["--caps"] if caps else [])]
    made = json.loads(subprocess.run(made_by, capture_output=True, text=True, check=True).stdout)
    bundled = made["bundled copy"][0]
    tables = sorted({table for _, table in made.values()})
    commands: dict[tuple[str, str], list[str]] = {}
    for label, (copy, table) in made.items():
        commands[label, "page"] = ["page", "--datapackage", copy, "--output", str(folder / "site"), "--force"]
        for name in tables if copy == bundled else [table]:  # the bundled copy: each table the others show
            commands[label, f"show {name}"] = ["show", name, "--datapackage", copy]
            commands[label, f"show {name} --format csv"] = ["show", name, "--format", "csv", "--datapackage", copy]
        size = sum(p.stat().st_size for p in Path(copy).rglob("*") if p.is_file())
        print(f"{label}: {size / 2**20:.1f} MiB of files", flush=True)
    for args in commands.values():
        run_cold(args)  # each once first: the file system's cache, vl-convert's first start
    times: dict[tuple[str, str], list[tuple[float, int]]] = {key: [] for key in commands}
    for _ in range(runs):  # alternating, so that the machine's noise hits every command alike
        for key, args in commands.items():
            times[key].append(run_cold(args))
    print(f"\nmedian of {runs} alternating cold runs: wall time, peak RSS; ratio to the bundled copy's")
    for label in made:
        print(f"{label}:")
        for (of, command), found in times.items():
            if of != label:
                continue
            seconds, peak = statistics.median(t for t, _ in found), max(m for _, m in found)
            base = times["bundled copy", command]
            ratio = f"{seconds / statistics.median(t for t, _ in base):5.2f}x time, "
            ratio += f"{peak / max(m for _, m in base):5.2f}x memory"
            print(f"  {command:<34} {seconds:7.2f} s  {peak / 1024:7.1f} MiB   ({ratio})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="alternating cold runs of each command (default 3)")
    parser.add_argument("--skip-caps", action="store_true", help="leave out the copy at the row cap (slow)")
    parser.add_argument("--make", help=argparse.SUPPRESS)  # the child that writes the copies into a folder
    parser.add_argument("--caps", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        print(json.dumps(copies(Path(args.make), args.caps)))
        return
    print(f"Python {sys.version.split()[0]} at {sys.executable}")
    with tempfile.TemporaryDirectory() as folder:
        measure(Path(folder), args.runs, not args.skip_caps)


if __name__ == "__main__":
    main()
