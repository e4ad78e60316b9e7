"""Checks of the repository itself, which no installed package or sdist holds: run by .ci/run's release step.

The GitHub workflows pin every action by commit, with its tag beside it; they run steps of .ci/run and
nothing else (but the release tag's check); and CI compares two real builds before testing the wheel.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def problems() -> list[str]:
    """Return what is wrong with the workflows; empty when all is well."""
    found = []
    known = re.search(
        r"\n\s+((?:[a-z]+ \| )*[a-z]+)\) \"step_\$step\"", (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    )
    steps = set(known.group(1).split(" | ")) if known else set()
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    if not workflows or not steps:
        return ["no workflows, or no list of steps in .ci/run"]
    for path in workflows:
        text = path.read_text(encoding="utf-8")
        for action, comment in re.findall(r"uses: (\S+)(.*)", text):
            if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action) or not re.fullmatch(
                r" # v\d+\.\d+\.\d+", comment
            ):
                found.append(f"{path.name}: {action} is not pinned by commit with its tag beside it")
        runs = [s["run"] for job in yaml.safe_load(text)["jobs"].values() for s in job["steps"] if "run" in s]
        called = [r for r in runs if r.startswith("bash .ci/run ")]
        if not called:
            found.append(f"{path.name}: runs no step of .ci/run")
        found += [f"{path.name}: {r!r} calls an unknown step" for r in called if not set(r.split()[2:]) <= steps]
        found += [
            f"{path.name}: {r!r} restates what .ci/run does"
            for r in runs
            if r not in called and "GITHUB_REF_NAME" not in r
        ]
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    ordered = [
        r.split()[2:]
        for job in ci["jobs"].values()
        for s in job["steps"]
        if (r := s.get("run", "")).startswith("bash .ci/run ")
    ]
    if not any("release" in s and "wheel" in s and s.index("release") < s.index("wheel") for s in ordered):
        found.append("ci.yml: no job builds twice (release) before it tests the wheel")
    return found


if __name__ == "__main__":
    listed = problems()
    print("\n".join(listed) or "workflows: pinned, and running the steps of .ci/run")
    sys.exit(1 if listed else 0)
