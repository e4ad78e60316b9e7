"""Measure what the package costs: cold starts against pydantic's own, memory, warm loads.

Run from an environment where asean-tip-data is installed:

    python benchmarks/bench_load.py [--runs 40]

Four cold comparisons, each with its own baseline, in one run:
- a bare ``import asean_tip_data`` against ``import pydantic; from pydantic import BaseModel``;
- importing and loading every resource against a process that imports pydantic and defines one
  model like ours (frozen, strict, defer_build, a constrained int, a date, a Literal, a pattern);
- importing and loading one resource (Table 1, with the tables it refers to) against the same;
- importing the modules a load runs, reading nothing, against the same: the floor of the two loads
  above, what any load costs before it reads a byte (the models, the gate and the words of its messages).
Cold runs alternate the six commands so that machine noise hits all alike; the figures to read are
the median paired ratios. Then a copy of 64 MiB, the most one file may hold, is validated beside a
copy of the bundled data: the figure to read is the ratio of their costs per cell, which is near 1
when a long file costs what a short one does. Nothing here asserts a time: the numbers are printed
for people to compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import timeit

BARE = "import asean_tip_data"
PACKAGE = "import asean_tip_data as t\nfor n in t.resource_names(): t.load(n)"
ONE_TABLE = "import asean_tip_data as t\nt.load('trafficking_cases')"  # with the tables it refers to
MODULES = "import asean_tip_data as t\nt.load, t.Record"  # the modules a load runs, imported; nothing read
PYDANTIC = "import pydantic\nfrom pydantic import BaseModel"
ONE_MODEL = """
import datetime
from typing import Annotated, Literal
from pydantic import BaseModel, ConfigDict, Field
class Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)
    year: Annotated[int, Field(ge=1900)]
    day: datetime.date
    kind: Literal["embassy", "consulate_general"]
    code: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
"""
# (label, command, label of its baseline, the target ratio the issue set, if any)
PAIRS = (
    ("bare import asean_tip_data", BARE, "import pydantic; BaseModel", 0.30),
    ("import + load every resource", PACKAGE, "pydantic + one model like ours", 1.20),
    ("import + load one resource", ONE_TABLE, "pydantic + one model like ours", 1.05),
    ("import what a load runs, read nothing", MODULES, "pydantic + one model like ours", None),
)


def run_cold(code: str) -> tuple[float, int]:
    """Run ``code`` in a fresh interpreter; return its wall time in seconds and its peak RSS in KiB."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code])
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"benchmark command failed: {code!r}")
    return elapsed, usage.ru_maxrss


def cold(runs: int) -> None:
    commands = {
        "bare": BARE,
        "package": PACKAGE,
        "one table": ONE_TABLE,
        "modules": MODULES,
        "pydantic": PYDANTIC,
        "one model": ONE_MODEL,
    }
    times: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for code in commands.values():
        run_cold(code)  # warm the file system cache for each
    for _ in range(runs):
        for name, code in commands.items():
            times[name].append(run_cold(code))
    print(f"cold, {runs} alternating runs each (median wall time, peak RSS):")
    for name in commands:
        median = statistics.median(t for t, _ in times[name])
        print(f"  {name:<12} {median * 1000:7.1f} ms   {max(m for _, m in times[name]) / 1024:6.1f} MiB")
    print("ratios (median of paired ratios; target in brackets):")
    bases = (("bare", "pydantic"), ("package", "one model"), ("one table", "one model"), ("modules", "one model"))
    for (label, _, base_label, target), (name, base) in zip(PAIRS, bases, strict=True):
        paired = statistics.median(p[0] / b[0] for p, b in zip(times[name], times[base], strict=True))
        memory = max(m for _, m in times[name]) / max(m for _, m in times[base])
        aim = f"<= {target:.2f}x" if target is not None else "no target: the floor of the two loads above"
        print(f"  {label} / {base_label}: {paired:.2f}x [{aim}], memory {memory:.2f}x")


def warm() -> None:
    import asean_tip_data as t

    t.Record  # noqa: B018  (imports pydantic and the models first: the timing below is the loading alone)
    start = time.perf_counter()
    for name in t.resource_names():
        t.load(name)
    first = time.perf_counter() - start
    print(f"\nin-process: first load of every resource {first * 1000:.1f} ms (read and checked, as any copy);")
    print("then, cached, per call:")
    total = 0.0
    for name in t.resource_names():
        number = 20000
        seconds = timeit.timeit(lambda name=name: t.load(name), number=number) / number
        total += seconds
        print(f"  {name:<22} {seconds * 1e6:6.2f} µs   ({len(t.load(name))} records)")
    print(f"  {'every resource':<22} {total * 1e6:6.2f} µs")


def _per_cell(copy: str, runs: int) -> tuple[float, int]:
    """Return the best time of ``runs`` validations of ``copy`` per cell, in seconds, and its cells."""
    import asean_tip_data as t

    best = min(timeit.repeat(lambda: t.validate(copy), number=1, repeat=runs))
    cells = sum(len(t.load(name, copy)) * len(t.table_schema(name)["fields"]) for name in t.resource_names())
    return best / cells, cells


def large() -> None:
    import tempfile
    from pathlib import Path

    import asean_tip_data as t
    from asean_tip_data._gate.files import MAX_BYTES

    with tempfile.TemporaryDirectory() as folder:
        small = t.export("csv", Path(folder) / "bundled")
        big = t.export("csv", Path(folder) / "large")
        path = big / "resources" / "glossary.csv"
        bundled_lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        first = bundled_lines[1]
        term, rest = first.split(",", 1)
        lines, size, number = bundled_lines, sum(len(line.encode()) for line in bundled_lines), 0
        # Rows of 1 KB: as many as fit in the largest file a copy may have, under the limit of rows.
        padding = " " * (1024 - len(first) - 8)
        row = f"{term}-{{}},{rest.rstrip()}{padding}\n"
        while size + len(row.encode()) + 12 < MAX_BYTES:  # one file as large as a copy's file may be
            lines.append(row.format(number))
            size += len(lines[-1].encode())
            number += 1
        path.write_text("".join(lines), encoding="utf-8")
        assert t.validate(big) == (), t.validate(big)
        bundled, small_cells = _per_cell(str(small), 20)
        long, long_cells = _per_cell(str(big), 3)
    print(f"\nvalidate, per cell: bundled copy {bundled * 1e9:6.0f} ns ({small_cells:,} cells);")
    whole = f"{long_cells:,} cells, {long * long_cells:.1f} s"
    print(f"  a copy with a {size / 2**20:.0f} MiB file {long * 1e9:6.0f} ns ({whole})")
    print(f"  ratio {long / bundled:.2f}x [near 1: a long file costs per cell what a short one does]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="cold runs of each command (default 40)")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} at {sys.executable}")
    cold(args.runs)
    warm()
    large()


if __name__ == "__main__":
    main()
