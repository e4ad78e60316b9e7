"""The GitHub workflows: actions pinned by commit, and the same steps as .ci/run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
STEPS = re.search(r"\|\| steps=\(([a-z ]+)\)", (ROOT / ".ci" / "run").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_with_the_tag_beside(path: Path) -> None:
    uses = re.findall(r"uses: (\S+)(.*)", path.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), (action, comment)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_run_the_steps_of_ci_run(path: Path) -> None:
    assert STEPS is not None
    known = set(STEPS.group(1).split())
    jobs = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]
    commands = [s["run"] for job in jobs.values() for s in job["steps"] if "run" in s]
    called = [c for c in commands if c.startswith("bash .ci/run ")]
    assert called, path.name
    for command in called:
        assert set(command.split()[2:]) <= known, command
    # Nothing else is restated: a run step either calls .ci/run or checks the release tag.
    assert all(c in called or "GITHUB_REF_NAME" in c for c in commands)


def test_ci_tests_two_real_builds() -> None:
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    runs = [s["run"] for job in ci["jobs"].values() for s in job["steps"] if "run" in s]
    # release builds dist and dist-again; wheel then compares those two real builds.
    steps = [r.split()[2:] for r in runs if r.startswith("bash .ci/run ")]
    assert any("release" in s and "wheel" in s and s.index("release") < s.index("wheel") for s in steps)
