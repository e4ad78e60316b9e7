"""The artifacts users get: wheel and sdist contents, byte-identical data, reproducible builds.

By default the artifacts are built here from the checkout with hatchling; CI sets
ASEAN_TIP_DATA_DIST to the folder of the artifacts it built once and tests installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd

BUILD = """
import sys
from hatchling.build import build_sdist, build_wheel
build_sdist(sys.argv[1])
build_wheel(sys.argv[1])
"""


def _build(root: Path, out: Path) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1732924800"}
    subprocess.run([sys.executable, "-c", BUILD, str(out)], cwd=root, env=env, check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def dist(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("ASEAN_TIP_DATA_DIST")
    return Path(given) if given else _build(root, tmp_path_factory.mktemp("dist"))


def _one(dist: Path, pattern: str) -> Path:
    (path,) = dist.glob(pattern)
    return path


# The page's templates, style, script and map, and what it ships from registry packages with their licences.
SITE = {
    *(f"_page/site/{name}" for name in ("layout.html.jinja", "index.html.jinja", "table.html.jinja", "page.css.jinja")),
    "_page/site/tables.js",
    "_page/site/southeast-asia.geo.json",
    *(f"_page/site/vendor/{name}" for name in ("list.min.js", "list.js-LICENSE.txt")),
    *(f"_page/site/vendor/{name}" for name in ("noto-sans-regular.ttf", "noto-sans-bold.ttf", "noto-sans-OFL.txt")),
}
WORDS = "_words/words.json"  # what the CLI and the page say, in every language
# The command line's messages in Indonesian: the catalog, and what gettext reads.
CATALOG = {f"_words/locale/id/LC_MESSAGES/asean_tip_data.{ext}" for ext in ("po", "mo")}
CATALOG_SOURCE = "_words/locale/id/LC_MESSAGES/asean_tip_data.po"  # the .mo is compiled from it in the build


def _expected_package_files(root: Path) -> set[str]:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    data = {"datapackage.json", *(r["path"] for r in descriptor["resources"])}
    return {f"asean_tip_data/{p}" for p in data}


def test_wheel_holds_the_package_the_descriptor_and_every_resource(dist: Path, root: Path) -> None:
    wheel = _one(dist, f"asean_tip_data-{atd.__version__}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        package = {n for n in names if n.startswith("asean_tip_data/")}
        assert {"asean_tip_data/__init__.py", "asean_tip_data/models.py", "asean_tip_data/py.typed"} <= package
        data = {n for n in package if not n.endswith((".py", "py.typed"))}
        assert data == _expected_package_files(root) | {f"asean_tip_data/{p}" for p in {*SITE, WORDS, *CATALOG}}
        for name in _expected_package_files(root):
            assert zf.read(name) == (root / name.removeprefix("asean_tip_data/")).read_bytes(), name
        info = f"asean_tip_data-{atd.__version__}.dist-info"
        assert {f"{info}/licenses/LICENSE", f"{info}/licenses/LICENSE-DATA"} <= names
        meta = zf.read(f"{info}/METADATA").decode()
    assert "License-Expression: MIT AND CC-BY-4.0" in meta
    assert "Requires-Dist: pydantic" in meta
    assert f"Version: {atd.__version__}" in meta


def test_the_wheel_carries_what_1_x_s_did(dist: Path, root: Path) -> None:
    # The same data files at the same places, the vendored licences, the licences and the command:
    # the modules may move within the package, what users and their tools reach may not.
    before = json.loads((root / "tests" / "fixtures" / "public-1.22.0.json").read_text(encoding="utf-8"))["wheel"]
    wheel = _one(dist, f"asean_tip_data-{atd.__version__}-py3-none-any.whl")
    info = f"asean_tip_data-{atd.__version__}.dist-info"
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
    data = {n for n in names if n == "asean_tip_data/datapackage.json" or n.startswith("asean_tip_data/resources/")}
    assert sorted(data) == before["data"]
    licences = {Path(n).name for n in names if "/vendor/" in n and n.endswith(("LICENSE.txt", "OFL.txt"))}
    assert licences == set(before["vendored_licences"])
    assert {f"{info}/licenses/{name}" for name in before["licences"]} <= names and before["marker"] in names
    for script in before["console_scripts"]:  # the command's name; the function behind it may change
        assert re.search(rf"^{re.escape(script)} = asean_tip_data\.cli:\w+$", entry_points, re.M), entry_points


def test_long_description_links_lead_somewhere(dist: Path, root: Path) -> None:
    # PyPI shows the long description as the project page: a relative link there leads nowhere.
    wheel = _one(dist, f"asean_tip_data-{atd.__version__}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        meta = zf.read(f"asean_tip_data-{atd.__version__}.dist-info/METADATA").decode()
    body = meta.split("\n\n", 1)[1]
    assert "Description-Content-Type: text/markdown" in meta
    targets = re.findall(r"\]\(([^)\s]+)\)", body) + re.findall(r"(?:href|src)=\"([^\"]+)\"", body)
    assert targets, "the README has links"
    relative = [t for t in targets if not t.startswith("https://")]
    assert relative == []
    readme = (root / "README.md").read_text(encoding="utf-8")
    # The same text as the README but for those links: nothing else is lost on the way.
    assert "[CITATION.cff](CITATION.cff)" in readme
    assert "[CITATION.cff](https://github.com/asean-tip-data/asean-tip-data/blob/main/CITATION.cff)" in body
    assert (
        re.sub(r"\]\(https://github.com/asean-tip-data/asean-tip-data/blob/main/", "](", body).strip() == readme.strip()
    )


def test_sdist_holds_what_rebuilding_and_testing_need(dist: Path, root: Path) -> None:
    sdist = _one(dist, f"asean_tip_data-{atd.__version__}.tar.gz")
    prefix = f"asean_tip_data-{atd.__version__}/"
    with tarfile.open(sdist) as tf:
        names = {m.name.removeprefix(prefix) for m in tf.getmembers()}
        assert tf.extractfile(prefix + "datapackage.json").read() == (root / "datapackage.json").read_bytes()  # type: ignore[union-attr]
    wanted = {"pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "LICENSE-DATA", "datapackage.json"}
    wanted |= {f"resources/{p.name}" for p in (root / "resources").glob("*.csv")}
    wanted |= {f"tests/{p.name}" for p in (root / "tests").glob("*.py")} | {"tests/fixtures/printed_tables.md"}
    wanted |= {"src/asean_tip_data/__init__.py", "src/asean_tip_data/py.typed", "scripts/build_readme.py"}
    wanted |= {"croissant.json", "scripts/build_croissant.py", "CITATION.cff", ".zenodo.json"}  # the tests read them
    # The documents the README links to, whose examples the tests run, and the map of the code.
    wanted |= {f"docs/{p.name}" for p in (root / "docs").glob("*.md")} | {"ARCHITECTURE.md"}
    wanted |= {"scripts/templates/data-dictionary.md.jinja", "scripts/templates/at-a-glance.md.jinja"}
    # The catalog's source and what compiles it in the build; never a compiled .mo, which the build makes.
    wanted |= {
        "hatch_build.py",
        "scripts/build_catalog.py",
        "src/asean_tip_data/_words/locale/id/LC_MESSAGES/asean_tip_data.po",
    }
    assert wanted <= names
    assert not [name for name in names if name.endswith(".mo")]


def test_the_wheel_s_catalog_is_compiled_from_the_po(dist: Path, root: Path, script: Any) -> None:
    wheel = _one(dist, f"asean_tip_data-{atd.__version__}-py3-none-any.whl")
    name = "asean_tip_data/_words/locale/id/LC_MESSAGES/asean_tip_data"
    with zipfile.ZipFile(wheel) as zf:
        po, mo = zf.read(f"{name}.po"), zf.read(f"{name}.mo")
    source = root / "src" / f"{name}.po"
    if source.is_file():  # the checkout's .po is the wheel's
        assert po == source.read_bytes()
    assert mo == script("build_catalog").compiled(po)


def test_builds_are_reproducible(root: Path, tmp_path: Path) -> None:
    if not (root / "src").is_dir():
        # Testing an installed wheel without the source tree: CI compared two builds before.
        first, second = Path(os.environ["ASEAN_TIP_DATA_DIST"]), Path(os.environ["ASEAN_TIP_DATA_DIST_AGAIN"])
    else:
        first, second = _build(root, tmp_path / "a"), _build(root, tmp_path / "b")

    def digests(folder: Path) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}

    assert digests(first) == digests(second)
    assert len(digests(first)) == 2


def test_installed_files_are_the_wheel_or_the_checkout(root: Path) -> None:
    dist = metadata.distribution("asean-tip-data")
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    package = Path(atd.__file__).parent
    if direct.get("dir_info", {}).get("editable"):
        assert package == root / "src" / "asean_tip_data"
    else:
        # A regular install: the tests must not be reading the source tree.
        assert root / "src" not in package.parents
        listed = {str(f) for f in dist.files or ()}
        assert _expected_package_files(root) <= listed
        assert "asean_tip_data/py.typed" in listed


def test_one_version_everywhere(root: Path, descriptor: dict[str, Any]) -> None:
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    # Notes not yet released wait under "## [Unreleased]" (Keep a Changelog), above every release; the newest
    # release is the version.
    headings = [line for line in changelog.splitlines() if line.startswith("## [")]
    assert "## [Unreleased]" not in headings[1:]
    newest = headings[1] if headings[0] == "## [Unreleased]" else headings[0]
    assert newest.startswith(f"## [{atd.__version__}] - ")
    assert metadata.version("asean-tip-data") == atd.__version__ == descriptor["version"]


def test_data_vintage_is_the_article_publication(descriptor: dict[str, Any]) -> None:
    assert descriptor["sources"][0]["version"] == atd.DATA_VINTAGE == "2024-12-01"
