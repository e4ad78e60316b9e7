"""README.md: its data dictionary is current and every example in it runs."""

from __future__ import annotations

import ast
import io
import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import tokenize
import warnings
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import asean_tip_data as atd

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    """Return the README's code blocks in ``language``, including those indented in a list item."""
    found = re.findall(rf"^( *)```{language}\n(.*?)^\1```", README, re.DOTALL | re.MULTILINE)
    return [textwrap.dedent(body) for _, body in found]


def test_data_dictionary_is_current(script: Callable[[str], ModuleType]) -> None:
    build = script("build_readme")
    assert build.updated(README, build.render(ROOT), build.glance(ROOT)) == README, "run python scripts/build_readme.py"


def test_data_dictionary_names_every_field(schemas: dict[str, Any]) -> None:
    for name, schema in schemas.items():
        section = README.split(f"### `{name}`:", 1)[1].split("\n### ", 1)[0]
        assert re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE) == [f["name"] for f in schema["fields"]]


def _shown(block: str) -> dict[int, str]:
    """Return each line's trailing comment, by line number: what the README shows that line gives."""
    comments = {}
    for token in tokenize.generate_tokens(io.StringIO(block).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string.removeprefix("#").strip()
    return comments


class _Recorder(ast.NodeTransformer):
    """Record the value of each expression whose line shows a Python literal as its result."""

    def __init__(self, shown: dict[int, str]) -> None:
        self.shown = shown
        self.expected: dict[int, Any] = {}

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        line = node.end_lineno or node.lineno
        comment = self.shown.get(line)
        is_print = isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "print"
        if comment is None or is_print:
            return node
        try:
            self.expected[line] = ast.literal_eval(comment)
        except (ValueError, SyntaxError):
            return node  # prose: what the line does, not what it gives
        record = ast.Call(ast.Name("_record", ast.Load()), [ast.Constant(line), node.value], [])
        return ast.copy_location(ast.Expr(record), node)


def _same(value: Any, shown: Any) -> bool:
    """Return whether ``value`` is what the README shows; a shown tuple or list ending in ... is its beginning."""
    if isinstance(shown, (tuple, list)) and shown and shown[-1] is Ellipsis:
        return list(value)[: len(shown) - 1] == list(shown[:-1])
    return bool(value == shown)


@pytest.mark.parametrize("block", _blocks("python"), ids=lambda b: b.splitlines()[-1][:40])
def test_python_examples_run_and_give_what_they_show(
    block: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shown = _shown(block)
    recorder = _Recorder(shown)
    tree = ast.fix_missing_locations(recorder.visit(ast.parse(block)))
    got: dict[int, Any] = {}
    printed: dict[int, str] = {}

    def record(line: int, value: Any) -> Any:
        got[line] = value
        return value

    def show(*values: Any) -> None:  # a print whose line shows its output
        line = sys._getframe(1).f_lineno
        printed[line] = " ".join(map(str, values))

    with warnings.catch_warnings():
        # dplib's own model has a field named "schema", which pydantic warns about at import.
        warnings.filterwarnings("ignore", 'Field name "schema"', UserWarning)
        exec(compile(tree, "README.md", "exec"), {"_record": record, "print": show})
    assert set(got) == set(recorder.expected), "a line whose result the README shows did not run"
    for line, value in got.items():
        assert _same(value, recorder.expected[line]), (line, value, recorder.expected[line])
    for line, text in printed.items():
        if line in shown:
            assert text == shown[line], (line, text)


@pytest.mark.parametrize("block", _blocks("js"))
def test_javascript_examples_read_every_resource(
    block: str, tmp_path: Path, need: Callable[[object, str, str], None]
) -> None:
    node, modules = shutil.which("node"), os.environ.get("ASEAN_TIP_DATA_NODE_PATH", "")
    how = "bash .ci/run setup (Node.js and npm's datapackage), or set ASEAN_TIP_DATA_NODE_PATH"
    need(node and (Path(modules) / "datapackage").is_dir(), "Node.js with the datapackage library", how)
    script = tmp_path / "read.js"
    script.write_text(block, encoding="utf-8")
    result = subprocess.run(
        [str(node), str(script), str(atd.datapackage_path())],
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": modules},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {name: len(atd.load(name)) for name in atd.resource_names()}


COMMANDS = [line[2:] for block in _blocks("console") for line in block.splitlines() if line.startswith("$ ")]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_line_examples_run(command: str, tmp_path: Path) -> None:
    argv = shlex.split(command)
    assert argv[0] == "asean-tip-data"
    executable = str(Path(sys.executable).parent / argv[0])
    result = subprocess.run([executable, *argv[1:]], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout


@pytest.mark.parametrize("query", _blocks("sql"))
def test_sql_examples_run(query: str, tmp_path: Path) -> None:
    database = atd.export("sqlite", tmp_path / "asean-tip.db")
    with closing(sqlite3.connect(database)) as db:
        result = db.execute(query).fetchall()
    # Brunei, Cambodia, Indonesia and Lao PDR chaired five meetings each of the appendices' 42, Malaysia four
    # and the 19th AMMTC, held since: all 43 are counted.
    assert result[:5] == [
        ("Brunei Darussalam", 5),
        ("Cambodia", 5),
        ("Indonesia", 5),
        ("Lao People's Democratic Republic", 5),
        ("Malaysia", 5),
    ]
    assert sum(count for _, count in result) == 42 + 1


def test_readme_states_the_two_set_up_commands() -> None:
    assert 'python -m pip install ".[test]" && python -m pytest' in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'python -m pip install ".[test]" && python -m pytest' in ci
    show = re.search(r"python -m pip install \. && python -c \"(.+?)\"", README)
    assert show and show.group(1) in ci


def test_no_example_leaves_files_behind() -> None:
    for name in ("asean-tip.db", "asean-tip.metadata.json"):  # the database and datasette's metadata beside it
        assert not (ROOT / name).exists() and not os.path.exists(name)
