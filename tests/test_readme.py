"""README.md and docs/*.md: what they generate is current, every example runs, and gives what it shows."""

from __future__ import annotations

import ast
import csv
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
# The README a newcomer reads, and the documents it links to: every example in them runs here.
PATHS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DOCUMENTS = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8") for path in PATHS}
README = DOCUMENTS["README.md"]


def _blocks(language: str) -> list[tuple[str, str]]:
    """Return each code block in ``language`` (also one indented in a list item), with the document holding it."""
    found = []
    for name, text in DOCUMENTS.items():
        for _, body in re.findall(rf"^( *)```{language}\n(.*?)^\1```", text, re.DOTALL | re.MULTILINE):
            found.append((name, textwrap.dedent(body)))
    return found


def _csv_rows(name: str) -> list[dict[str, str]]:
    """Return a resource's rows as the csv module reads the canonical file: no code of the package's."""
    with open(ROOT / "resources" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


RESOURCES = [r["name"] for r in json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["resources"]]


def _outside(tmp_path: Path, text: str) -> list[str]:
    """Return what an example left in its folder without naming it: an example writes only what it says it writes."""
    return sorted(p.name for p in tmp_path.iterdir() if p.name not in text)


def test_generated_parts_are_current(script: Callable[[str], ModuleType]) -> None:
    build = script("build_readme")
    citations = {lang: build.citation(lang, ROOT) for lang in ("en", "id")}
    assert build.updated(README, build.glance(ROOT), citations) == README, "run python scripts/build_readme.py"
    assert build.render(ROOT) == DOCUMENTS["docs/data-dictionary.md"], "run python scripts/build_readme.py"


def test_data_dictionary_names_every_field(schemas: dict[str, Any]) -> None:
    dictionary = DOCUMENTS["docs/data-dictionary.md"]
    assert re.findall(r"^## `(\w+)`:", dictionary, re.MULTILINE) == list(schemas)
    for name, schema in schemas.items():
        section = dictionary.split(f"## `{name}`:", 1)[1].split("\n## ", 1)[0]
        assert re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE) == [f["name"] for f in schema["fields"]]
        assert f"{len(_csv_rows(name))} rows · `resources/{name}.csv`" in section


def test_the_readme_is_read_in_five_minutes_and_links_to_the_rest() -> None:
    assert len(README.splitlines()) < 250
    linked = set(re.findall(r"\]\((docs/[\w-]+\.md)\)", README))
    assert linked == {name for name in DOCUMENTS if name.startswith("docs/")}
    for name, text in DOCUMENTS.items():  # every relative link, whatever it leads to
        for target in re.findall(r"\]\((?!https?://|mailto:|#)([^)#\s]+)(?:#[\w-]+)?\)", text):
            assert (ROOT / Path(name).parent / target).exists(), (name, target)


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


@pytest.mark.parametrize("where, block", _blocks("python"), ids=lambda b: b.splitlines()[-1][:40])
def test_python_examples_run_and_give_what_they_show(
    where: str, block: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
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
        exec(compile(tree, where, "exec"), {"_record": record, "print": show})
    assert set(got) == set(recorder.expected), "a line whose result the document shows did not run"
    for line, value in got.items():
        assert _same(value, recorder.expected[line]), (line, value, recorder.expected[line])
    for line, text in printed.items():
        if line in shown:
            assert text == shown[line], (line, text)
    assert _outside(tmp_path, block) == []


@pytest.mark.parametrize("where, block", _blocks("js"))
def test_javascript_examples_read_every_resource(
    where: str, block: str, tmp_path: Path, need: Callable[[object, str, str], None]
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
    assert json.loads(result.stdout) == {name: len(_csv_rows(name)) for name in RESOURCES}


def _console() -> list[tuple[str, str, list[str]]]:
    """Return each command of the console blocks, once, with the document and the output it shows (if any)."""
    found: dict[str, tuple[str, str, list[str]]] = {}
    for where, block in _blocks("console"):
        for chunk in filter(None, re.split(r"^(?=\$ )", block, flags=re.MULTILINE)):
            command, *output = chunk.rstrip("\n").split("\n")
            if found.get(command[2:], (where, "", []))[2] == []:
                found[command[2:]] = (where, command[2:], output)
    return list(found.values())


def _checks_what_it_did(argv: list[str], out: str, folder: Path) -> None:
    """Check what a command printed or wrote against the canonical files, read with the csv module alone."""
    command, rest = argv[1], argv[2:]
    if command == "list":
        for name in RESOURCES:
            assert re.search(rf"^{name} +{len(_csv_rows(name))} ", out, re.MULTILINE), name
    elif command == "summary":  # Table 1's counts as printed, and Table 2's
        assert all(str(count) in out for count in (478, 340, 164, 259, 383, 361, 752, 998, 163, 165, 159))
    elif command == "show" and "--format" not in rest:
        rows = _csv_rows(rest[0])
        assert len(out.splitlines()) == 5 + len(rows) and all(row["source_id"] in out for row in rows)
    elif command == "show" and rest[rest.index("--format") + 1] == "csv":
        assert out == (ROOT / "resources" / f"{rest[0]}.csv").read_text(encoding="utf-8")
    elif command == "show" and rest[rest.index("--format") + 1] == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        assert [set(r) for r in records] == [set(row) for row in _csv_rows(rest[0])]
    elif command == "validate":
        assert re.fullmatch(rf"\S*datapackage\.json: valid \({len(RESOURCES)} resources; .*\)\n", out)
    elif command == "cite":
        assert "@misc{asean_tip_data" in out and "doi = {10.32781/cakrawala.v18i2.733}" in out
    elif command == "path":
        assert Path(out.strip()).read_bytes() == (ROOT / "datapackage.json").read_bytes()
    elif command == "export" and "sqlite" in rest:
        with closing(sqlite3.connect(folder / rest[rest.index("--output") + 1])) as db:
            counts = {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in RESOURCES}
        assert counts == {name: len(_csv_rows(name)) for name in RESOURCES}
    elif command == "export" and "parquet" in rest:
        written = folder / rest[rest.index("--output") + 1]
        assert {p.stem for p in (written / "resources").glob("*.parquet")} == set(RESOURCES)
    elif command == "page":
        site = folder / rest[rest.index("--output") + 1]
        for lang in ("", "id/"):
            assert {p.stem for p in (site / lang / "tables").glob("*.html")} == set(RESOURCES)
    else:
        raise AssertionError(f"no check for {argv}: add what it should print or write")


@pytest.mark.parametrize("where, command, shown", _console(), ids=lambda c: c if isinstance(c, str) else None)
def test_command_line_examples_do_what_they_say(where: str, command: str, shown: list[str], tmp_path: Path) -> None:
    argv = shlex.split(command)
    assert argv[0] == "asean-tip-data"
    executable = str(Path(sys.executable).parent / argv[0])
    result = subprocess.run([executable, *argv[1:]], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    if shown:  # what the document shows the command printing; "..." for the rest of it
        lines = result.stdout.splitlines()
        assert lines[: len(shown) - 1] == shown[:-1] if shown[-1] == "..." else lines == shown
    _checks_what_it_did(argv, result.stdout, tmp_path)
    assert _outside(tmp_path, DOCUMENTS[where]) == []


@pytest.mark.parametrize("where, query", _blocks("sql"))
def test_sql_examples_run(where: str, query: str, tmp_path: Path) -> None:
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
