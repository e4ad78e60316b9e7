"""Measure what the package costs: cold starts against pydantic's own, memory, warm loads.

Run from an environment where asean-tip-data is installed:

    python benchmarks/bench_load.py [--runs 40]

Two cold comparisons, each with its own baseline, in one run:
- a bare ``import asean_tip_data`` against ``import pydantic; from pydantic import BaseModel``;
- importing and loading every resource against a process that imports pydantic and defines one
  model like ours (frozen, strict, defer_build, a constrained int, a date, a Literal, a pattern).
Cold runs alternate the four commands so that machine noise hits all alike; the figures to read are
the median paired ratios. Nothing here asserts a time: the numbers are printed for people to compare.
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
# (label, command, label of its baseline, the target ratio the issue set)
PAIRS = (
    ("bare import asean_tip_data", BARE, "import pydantic; BaseModel", 0.30),
    ("import + load every resource", PACKAGE, "pydantic + one model like ours", 1.20),
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
    commands = {"bare": BARE, "package": PACKAGE, "pydantic": PYDANTIC, "one model": ONE_MODEL}
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
    for (label, _, base_label, target), (name, base) in zip(
        PAIRS, (("bare", "pydantic"), ("package", "one model")), strict=True
    ):
        paired = statistics.median(p[0] / b[0] for p, b in zip(times[name], times[base], strict=True))
        memory = max(m for _, m in times[name]) / max(m for _, m in times[base])
        print(f"  {label} / {base_label}: {paired:.2f}x [<= {target:.2f}x], memory {memory:.2f}x")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="cold runs of each command (default 40)")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} at {sys.executable}")
    cold(args.runs)
    warm()


if __name__ == "__main__":
    main()
