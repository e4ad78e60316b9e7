"""Measure what the package costs: cold start against pydantic's own import, memory, warm loads.

Run from an environment where asean-tip-data is installed:

    python benchmarks/bench_load.py [--runs 40]

Cold runs alternate the two commands so that machine noise hits both alike; the figure to read is the
median ratio. Nothing here asserts a time: the numbers are printed for people to compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import timeit

PACKAGE = "import asean_tip_data as t\nfor n in t.resource_names(): t.load(n)"
BASELINE = "import pydantic\nfrom pydantic import BaseModel"


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
    package: list[tuple[float, int]] = []
    baseline: list[tuple[float, int]] = []
    run_cold(PACKAGE), run_cold(BASELINE)  # warm the file system cache for both
    for _ in range(runs):
        package.append(run_cold(PACKAGE))
        baseline.append(run_cold(BASELINE))
    p_time = statistics.median(t for t, _ in package)
    b_time = statistics.median(t for t, _ in baseline)
    paired = statistics.median(p[0] / b[0] for p, b in zip(package, baseline, strict=True))
    p_mem = max(m for _, m in package)
    b_mem = max(m for _, m in baseline)
    print(f"cold, {runs} alternating runs each (median wall time, peak RSS):")
    print(f"  import + load every resource   {p_time * 1000:7.1f} ms   {p_mem / 1024:6.1f} MiB")
    print(f"  import pydantic (baseline)     {b_time * 1000:7.1f} ms   {b_mem / 1024:6.1f} MiB")
    print(f"  ratio of medians               {p_time / b_time:7.2f}x    {p_mem / b_mem:6.2f}x")
    print(f"  median of paired ratios        {paired:7.2f}x")


def warm() -> None:
    import asean_tip_data as t

    start = time.perf_counter()
    for name in t.resource_names():
        t.load(name)
    first = time.perf_counter() - start
    print(f"\nin-process: first load of every resource {first * 1000:.1f} ms; then, cached, per call:")
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
