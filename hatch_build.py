"""Compile the Indonesian message catalog into the wheel: the .mo is built from the .po, never kept in git.

hatchling runs this for the wheel (and for an editable install, whose package is the source tree:
there the .mo is written beside the .po, where gettext looks for it). The compiling is
scripts/build_catalog.py's, with Babel, which pyproject.toml lists as this hook's dependency.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CATALOG = "asean_tip_data/_words/locale/id/LC_MESSAGES/asean_tip_data"


class CatalogHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("build_catalog", root / "scripts" / "build_catalog.py")
        assert spec is not None and spec.loader is not None
        build_catalog = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(build_catalog)
        mo = build_catalog.compiled((root / "src" / f"{CATALOG}.po").read_bytes())
        if version == "editable":
            (root / "src" / f"{CATALOG}.mo").write_bytes(mo)
            return
        self.folder = tempfile.mkdtemp(prefix="asean-tip-data-catalog-")
        compiled = Path(self.folder) / "asean_tip_data.mo"
        compiled.write_bytes(mo)
        build_data["force_include"][str(compiled)] = f"{CATALOG}.mo"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if version != "editable":
            shutil.rmtree(self.folder, ignore_errors=True)
