"""The public API: names, typed loaders, caching and immutability, the bundled files."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import asean_tip_data as atd
from asean_tip_data._gate.registry import MODELS


def test_resource_names() -> None:
    assert atd.resource_names()[:2] == ("countries", "sources")
    assert "errata" in atd.resource_names()


@pytest.mark.parametrize("name", list(MODELS))
def test_typed_loader_matches_load(name: str) -> None:
    loader = getattr(atd, f"load_{name}")
    records = loader()
    assert records == atd.load(name)
    assert isinstance(records, tuple)
    assert all(type(r) is MODELS[name] for r in records)
    assert loader.__name__ == f"load_{name}"


def test_cached_results_are_shared_and_immutable() -> None:
    first = atd.load("meetings")
    assert atd.load("meetings") is first
    with pytest.raises(TypeError):
        first[0] = first[1]  # type: ignore[index]
    with pytest.raises(AttributeError):
        first.append(first[0])  # type: ignore[attr-defined]
    assert atd.load_meetings()[0].number == 1


def test_threads_share_one_read_of_each_table() -> None:
    code = (
        "import asean_tip_data as t\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "with ThreadPoolExecutor(8) as pool:\n"
        "    results = list(pool.map(lambda _: t.load('meetings'), range(64)))\n"
        "print(len({id(r) for r in results}), len(results[0]))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["1", "43"]  # one read for all: the 42 meetings of the appendices and the 19th AMMTC


def test_unknown_resource_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown resource 'meeting'; expected one of: countries"):
        atd.load("meeting")


def test_datapackage_path_is_the_bundled_descriptor(root: Path) -> None:
    path = atd.datapackage_path()
    assert path.is_file()
    assert path.name == "datapackage.json"
    assert path.read_bytes() == (root / "datapackage.json").read_bytes()
    for csv in (root / "resources").glob("*.csv"):
        assert (path.parent / "resources" / csv.name).read_bytes() == csv.read_bytes()


def test_loading_the_top_level_copy_gives_the_same_records(root: Path) -> None:
    for name in atd.resource_names():
        assert atd.load(name, root / "datapackage.json") == atd.load(name)
    assert atd.load("countries", root) == atd.load_countries()


def test_loading_the_bundled_data_imports_only_what_it_needs() -> None:
    # The bundled copy is read like any other, but needs no frame library, database or Parquet reader.
    unneeded = ("frictionless", "pandas", "polars", "numpy", "pyarrow", "sqlite3", "asean_tip_data._outputs.export")
    code = (
        "import sys, asean_tip_data as t\n"
        "[t.load(n) for n in t.resource_names()]\n"
        f"print(sorted(m for m in {unneeded!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


def test_every_resource_has_its_typed_loader_exported() -> None:
    from asean_tip_data._gate import loading as _loading

    for name in atd.resource_names():
        loader = getattr(_loading, f"load_{name}")
        assert f"load_{name}" in atd.__all__ and getattr(atd, f"load_{name}") is loader
        assert loader.__name__ == f"load_{name}" and loader() is atd.load(name)
        assert all(type(r) is MODELS[name] for r in loader())
    assert list(MODELS) == list(atd.resource_names())


LAZY: tuple[str, ...] = (
    "pydantic",
    "asean_tip_data.models",
    "asean_tip_data._outputs.export",
    "asean_tip_data._outputs.frames",
)
LAZY += ("asean_tip_data._catalogue.cite", "asean_tip_data.cli", "asean_tip_data._gate.loading", "json", "csv")


def _imported_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint([m for m in {LAZY!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    return list(ast.literal_eval(out.splitlines()[-1]))  # the last line: what the code printed comes first


def test_a_bare_import_loads_nothing_it_does_not_need() -> None:
    assert _imported_after("import asean_tip_data") == []
    assert _imported_after("import asean_tip_data as t; t.__version__, t.DATA_VINTAGE") == []


def test_each_name_loads_what_it_needs_on_first_use() -> None:
    assert "asean_tip_data._catalogue.cite" not in _imported_after("import asean_tip_data as t; t.load")
    assert "asean_tip_data._gate.loading" in _imported_after("import asean_tip_data as t; t.load")
    assert "pydantic" in _imported_after("import asean_tip_data as t; t.load('countries')")
    assert "asean_tip_data._catalogue.cite" in _imported_after("from asean_tip_data import cite")


def test_command_line_help_version_and_path_need_no_pydantic() -> None:
    for args in (["--version"], ["--help"], ["path"], ["export", "--help"]):
        code = f"from asean_tip_data.cli import main\ntry:\n    main({args!r})\nexcept SystemExit:\n    pass"
        assert "pydantic" not in _imported_after(code), args


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in atd.__all__:
        assert getattr(atd, name) is not None, name
    assert set(atd.__all__) <= set(dir(atd))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        atd.nothing  # noqa: B018


def test_a_resource_has_one_model_and_a_model_one_resource() -> None:
    from asean_tip_data import models
    from asean_tip_data._gate import loading as _loading

    assert len(set(MODELS.values())) == len(MODELS) == len(atd.resource_names())
    with pytest.raises(ValueError, match="Record is the model of no resource"):
        _loading.loader(models.Record)
