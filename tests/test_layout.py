"""What import-linter cannot say about the installed modules: every part under a contract, small modules and functions.

The import rules themselves (each part imports only those below it, no cycle, pydantic the only
library on the import path) are import-linter's contracts in pyproject.toml, run by .ci/run lint.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import asean_tip_data as atd

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PACKAGE = Path(atd.__file__).parent  # the installed modules, not the source tree
MODULES = sorted(PACKAGE.rglob("*.py"))
ROOT = Path(__file__).resolve().parents[1]
# The public face: what users import, each a module at the top. Everything else is a private part.
FACE = {"__init__", "__main__", "_version", "cli", "models"}


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def test_every_part_of_the_package_is_a_layer_of_the_contract() -> None:
    # import-linter checks the layers it is given: a new folder outside them would be checked by nothing.
    (layers,) = [c["layers"] for c in _contracts() if c["type"] == "layers"]
    assert isinstance(layers, list)
    named = {name.strip().removeprefix("asean_tip_data.") for layer in layers for name in layer.split("|")}
    parts = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top - FACE == set(), "a module at the top that is not the public face belongs in a part"
    assert parts | {"cli", "models"} == named
    assert {"_gate", "_words", "_outputs", "_catalogue", "_page"} <= parts


def test_no_module_is_over_250_lines() -> None:
    lines = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in MODULES}
    assert {name: n for name, n in lines.items() if n > 250} == {} and len(MODULES) > 40


def test_no_function_is_over_60_lines() -> None:
    # A function a reader can hold: split by what it builds (the DCAT record's nodes), not by size alone.
    long = {
        f"{path.relative_to(PACKAGE)}:{node.name}": node.end_lineno - node.lineno + 1
        for path in MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 60
    }
    assert long == {} and len(MODULES) > 40


def test_no_module_writes_a_pydantic_private_attribute() -> None:
    assert len(MODULES) > 40  # an empty glob would pass the loop below (test audit 1.7)
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        for private in ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__", '"__dict__"'):
            assert private not in text, (path.name, private)
