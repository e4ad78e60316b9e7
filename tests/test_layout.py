"""The installed modules depend one way, stay small, and use pydantic's public API only."""

from __future__ import annotations

import ast
from pathlib import Path

import asean_tip_data as atd

PACKAGE = Path(atd.__file__).parent  # the installed modules, not the source tree
MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    """Return the dotted name of a module of the package, below it: "_gate.files", "models"."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {_name(p) for p in MODULES} - {""}  # the root __init__ imports lazily: checked elsewhere


def _imports(path: Path) -> set[str]:
    """Return the package's own modules that ``path`` imports, at its top or inside any function."""
    here = _name(path).split(".")[: -1 if path.stem != "__init__" else None]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            base = here[: len(here) - node.level + 1]
            stem = [*base, *(node.module.split(".") if node.module else [])]
            found.add(".".join(stem))
            found.update(".".join([*stem, alias.name]) for alias in node.names)
    return found & NAMES


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {name: _imports(p) for p in MODULES if (name := _name(p))}
    assert graph["models"] <= {"_records.record", "_records.provenance", "_records"}, graph["models"]
    assert graph["_records.provenance"] <= {"_records.record"} and graph["_records.record"] == set()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for imported in graph.get(module, ()):
            visit(imported, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())
    assert len(done) == len(graph) > 20


def test_no_module_is_over_250_lines() -> None:
    long = {p.name: n for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 250}
    assert long == {}


def test_no_function_is_over_60_lines() -> None:
    # A function a reader can hold: split by what it builds (the DCAT record's nodes), not by size alone.
    long = {
        f"{path.name}:{node.name}": node.end_lineno - node.lineno + 1
        for path in MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > 60
    }
    assert long == {} and len(MODULES) > 20


def test_no_module_writes_a_pydantic_private_attribute() -> None:
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        for private in ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__", '"__dict__"'):
            assert private not in text, (path.name, private)
