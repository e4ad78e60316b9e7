"""README.md: its data dictionary is current and its examples run."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType


def _script(root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_readme", root / "scripts" / "build_readme.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_dictionary_is_current(root: Path) -> None:
    script = _script(root)
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert script.updated(readme, script.render(root)) == readme, "run python scripts/build_readme.py"


def test_data_dictionary_names_every_field(root: Path, schemas: dict) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name, schema in schemas.items():
        section = readme.split(f"### `{name}`:", 1)[1].split("\n### ", 1)[0]
        assert re.findall(r"^\| `(\w+)` \|", section, re.M) == [f["name"] for f in schema["fields"]]


def test_python_examples_run(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_readme_states_the_two_set_up_commands(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert 'python -m pip install ".[test]" && python -m pytest' in readme
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install ".[test]"' in ci and "python -m pytest" in ci
