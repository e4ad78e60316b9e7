"""The page as files: both languages, linked to each other, offline, light, and built safely."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import asean_tip_data as atd
from asean_tip_data._page import build_page

SCRIPT = Path(sys.executable).parent / "asean-tip-data"
LIMIT = 1_500_000  # bytes a language's page may weigh with all that it loads


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_page(tmp_path_factory.mktemp("page") / "site")


def _html(site: Path, lang: str) -> str:
    return (site / ("index.html" if lang == "en" else f"{lang}/index.html")).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_language_has_its_page_linked_to_the_other(site: Path, lang: str) -> None:
    html = _html(site, lang)
    assert f'<html lang="{lang}">' in html
    assert '<link rel="alternate" hreflang="en" href="https://asean-tip-data.github.io/asean-tip-data/">' in html
    assert '<link rel="alternate" hreflang="id" href="https://asean-tip-data.github.io/asean-tip-data/id/">' in html
    switch = 'href="id/index.html" hreflang="id"' if lang == "en" else 'href="../index.html" hreflang="en"'
    assert switch in html


def test_the_indonesian_page_speaks_indonesian(site: Path) -> None:
    html = _html(site, "id")
    for words in ("Kerja sama POLRI dan ASEANAPOL", "Kamus data", "Unduh", "Saran pengutipan", "Ralat", "Tingkat 2"):
        assert words in html, words
    assert "Data dictionary" not in html and "How to cite" not in html


@pytest.mark.parametrize("lang", ["en", "id"])
def test_nothing_is_loaded_from_elsewhere_and_the_page_is_light(site: Path, lang: str) -> None:
    html = _html(site, lang)
    loaded = re.findall(r'<(?:link|script|img|iframe|source)\b[^>]*\b(?:src|href)="([^"]+)"', html)
    local = [u for u in loaded if not u.startswith("https://asean-tip-data.github.io/")]
    assert local == [("" if lang == "en" else "../") + "page.css"]
    # Alternates name the published pages; nothing else points at a server the page would load.
    assert not re.search(r'\b(?:src|url\()\s*=?\s*"?https?:', html)
    assert len(html.encode()) + (site / "page.css").stat().st_size <= LIMIT


def test_downloads_are_the_data_in_every_format(site: Path) -> None:
    downloads = site / "downloads"
    for name in atd.resource_names():
        bundled = atd.datapackage_path().parent / "resources" / f"{name}.csv"
        assert (downloads / "resources" / f"{name}.csv").read_bytes() == bundled.read_bytes()
        assert (downloads / "parquet" / "resources" / f"{name}.parquet").is_file()
    assert json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))["version"] == atd.__version__
    assert (downloads / "asean-tip-data.sqlite").stat().st_size > 0
    html = _html(site, "en")
    assert 'href="downloads/resources/meetings.csv"' in html and 'href="downloads/asean-tip-data.sqlite"' in html
    assert 'href="../downloads/resources/meetings.csv"' in _html(site, "id")


def test_command_line_builds_from_a_copy_and_refuses_a_full_folder(tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    result = subprocess.run(
        [str(SCRIPT), "page", "--output", str(tmp_path / "site"), "--datapackage", str(copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "id" / "index.html").is_file()
    again = subprocess.run(
        [str(SCRIPT), "page", "--output", str(tmp_path / "site")], capture_output=True, text=True, check=False
    )
    assert again.returncode == 2 and str(tmp_path / "site") in again.stderr and "--force" in again.stderr
    forced = subprocess.run(
        [str(SCRIPT), "page", "--output", str(tmp_path / "site"), "--force"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert forced.returncode == 0, forced.stderr


def test_a_broken_copy_builds_nothing(tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    cases = copy / "resources" / "trafficking_cases.csv"
    cases.write_text(cases.read_text(encoding="utf-8").replace("2023,998,", "2023,many,"), encoding="utf-8")
    with pytest.raises(atd.DataError, match=r"trafficking_cases\.csv: row 9: field 'cases'"):
        build_page(tmp_path / "site", copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]


def test_without_the_page_extra_one_line_names_the_pip_command(
    tmp_path: Path, cli_without: Callable[[list[str], list[str]], subprocess.CompletedProcess[str]]
) -> None:
    result = cli_without(["altair"], ["page", "--output", str(tmp_path / "site")])
    assert result.returncode == 2
    assert result.stderr == (
        "asean-tip-data: error: page() needs altair, which is not installed: pip install 'asean-tip-data[page]'\n"
    )
    assert not (tmp_path / "site").exists()
