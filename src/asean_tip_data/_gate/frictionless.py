"""The frictionless pass of `validate`: a staged copy holding only what the gate admitted, and nothing to follow."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from .._words.messages import _, detail
from .package import Package
from .schema import bundled_descriptor

PROFILES = ("$schema", "profile")
# What frictionless would follow beyond a resource's own file: the gate refuses these (scheme but
# "file"), and the staged copy holds none of them, whatever the gate of a later version admits.
UNFOLLOWED = ("extrapaths", "url", "innerpath", "scheme", "compression")


def _official(item: dict[str, Any], ours: Any) -> dict[str, Any]:
    """Return ``item`` without a profile other than the package's own, which frictionless would fetch."""
    return {k: v for k, v in item.items() if k not in PROFILES or v == ours.get(k)}


def stage(package: Package, folder: Path) -> Path:
    """Write the admitted copy into ``folder``: its descriptor, its schemas inline, its files' admitted bytes."""
    ours = {r["name"]: r for r in bundled_descriptor()["resources"]}
    descriptor = _official(dict(package.parsed), bundled_descriptor())
    (folder / "resources").mkdir()
    resources = []
    for resource in package.parsed["resources"]:
        admitted = package.resources[resource["name"]]
        path = f"resources/{admitted.name}.{'parquet' if admitted.parquet else 'csv'}"
        (folder / path).write_bytes(package.files[admitted.name])
        official = _official(resource, ours[admitted.name])
        resources.append({**{k: v for k, v in official.items() if k not in UNFOLLOWED}, "path": path})
    descriptor["resources"] = resources
    staged = folder / "datapackage.json"
    staged.write_text(json.dumps(descriptor, ensure_ascii=False, allow_nan=False), encoding="utf-8")
    return staged


def problems(frictionless: Any, package: Package) -> list[str]:
    """Return what frictionless finds wrong with the admitted copy, read from a staged copy of it."""
    with tempfile.TemporaryDirectory(prefix="asean-tip-data-validate-") as folder:
        staged = stage(package, Path(folder))
        try:
            report = frictionless.validate(str(staged))
        except frictionless.FrictionlessException as exc:
            return [f"frictionless: {detail(exc)}"]
        except Exception as exc:  # a third party's failure is a finding to report, never our traceback
            return [
                _("frictionless could not check the copy ({detail})").format(
                    detail=detail(f"{type(exc).__name__}: {exc}")
                )
            ]
        # frictionless speaks English: in another language its words are kept, marked as its own.
        found = [f"frictionless: {detail(e.message)}" for e in report.errors]
        for task in report.tasks:
            found += [f"frictionless: {task.name}: {detail(e.message)}" for e in task.errors]
    return [text.replace(folder, str(package.folder)) for text in found]
