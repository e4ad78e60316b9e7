"""The page in a real browser (Debian's chromium, driven by Playwright), as readers see it.

Needs /usr/bin/chromium (apt-get install chromium) and axe-core from npm; .ci/run installs both and
sets ASEAN_TIP_DATA_AXE to axe.min.js. Playwright cannot download its own browser here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

import asean_tip_data as atd
from asean_tip_data._page import build_page

CHROMIUM = os.environ.get("ASEAN_TIP_DATA_CHROMIUM", "/usr/bin/chromium")
# Headless, and quiet: this machine's closed network refuses the background connections.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
FLAGS += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2">'


def _axe() -> Path:
    given = os.environ.get("ASEAN_TIP_DATA_AXE")
    candidates = [Path(given)] if given else []
    candidates += [Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"]
    for path in candidates:
        if path.is_file():
            return path
    pytest.fail("axe-core is missing: npm install axe-core, or set ASEAN_TIP_DATA_AXE to its axe.min.js")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no browser at {CHROMIUM}: apt-get install chromium (or set ASEAN_TIP_DATA_CHROMIUM)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_page(tmp_path_factory.mktemp("browser") / "site")


class Visit:
    """One page opened in the browser, with what it requested and said on its console."""

    def __init__(self, browser: Browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page: Page = browser.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())

    def jsonld(self) -> dict[str, Any]:
        text = self.page.locator('script[type="application/ld+json"]').text_content()
        return dict(json.loads(text or "{}"))


@pytest.fixture(scope="module", params=["en", "id"])
def visit(request: pytest.FixtureRequest, browser: Browser, site: Path) -> Iterator[Visit]:
    lang = str(request.param)
    opened = Visit(browser, site / "index.html" if lang == "en" else site / lang / "index.html")
    yield opened
    opened.page.close()


def test_every_resource_and_field_appears_and_so_do_the_case_counts(visit: Visit) -> None:
    page = visit.page
    for name in atd.resource_names():
        section = page.locator(f"#resource-{name}")
        assert section.locator("h3").is_visible(), name
        dictionary = section.locator("table.dictionary tbody th").all_text_contents()
        assert dictionary == [f["name"] for f in atd.table_schema(name)["fields"]], name
        assert section.locator("table.records tbody tr").count() == len(atd.load(name)), name
    cases = page.locator("#resource-trafficking_cases table.records").inner_text()
    for record in atd.load_trafficking_cases():
        assert f"{record.year}\t{record.cases}" in cases


def test_the_map_names_all_eleven_countries_with_their_tiers(visit: Visit) -> None:
    lang = visit.page.locator("html").get_attribute("lang") or "en"
    labels = set(
        visit.page.locator("figure svg [aria-label]").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    )
    names = {c.iso3: c.name for c in atd.load_countries()}
    for placement in (p for p in atd.load_tip_tier_placements() if p.report_year == 2023):
        wanted = f"{names[placement.country_iso3]}: {atd.label('tier', placement.tier, lang)}"
        assert any(text.startswith(wanted) for text in labels), wanted
    assert "Indonesia: Tier 2 (upgraded)" in labels or "Indonesia: Tingkat 2 (naik peringkat)" in labels
    # Singapore and Brunei are named beside the map too, not only in their few pixels of shape.
    figure = visit.page.locator("figure").nth(2).inner_text()
    assert "Singapore (1)" in figure and "Brunei Darussalam (2W)" in figure


def test_no_console_errors_and_no_request_but_the_page_s_own_files(visit: Visit) -> None:
    visit.page.wait_for_load_state("load")
    assert visit.errors == []
    assert visit.requests and all(url.startswith("file://") for url in visit.requests), visit.requests


def test_the_json_ld_describes_the_dataset(visit: Visit, creators: list[str]) -> None:
    data = visit.jsonld()
    assert data["@type"] == "Dataset" and data["@context"] == "https://schema.org/"
    assert 50 <= len(data["description"]) <= 5000
    assert data["license"] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert [c["name"] for c in data["creator"]] == creators
    assert data["version"] == atd.__version__ and data["identifier"].startswith("urn:uuid:")
    assert data["inLanguage"] == ["en", "id"]
    assert data["temporalCoverage"] == "1997-12-18/2024-08-30"  # the first AMMTC to the end of the last
    assert len(data["spatialCoverage"]["containsPlace"]) == 11
    assert "https://doi.org/10.32781/cakrawala.v18i2.733" in data["isBasedOn"]
    assert {v["name"] for v in data["variableMeasured"]} >= {"trafficking_cases.cases", "meetings.forum"}
    downloads = {d["name"]: d for d in data["distribution"]}
    assert set(downloads) == {f"{n}.csv" for n in atd.resource_names()}
    assert all(d["@type"] == "DataDownload" and d["encodingFormat"] == "text/csv" for d in downloads.values())


def test_axe_finds_no_serious_or_critical_violation(visit: Visit) -> None:
    visit.page.add_script_tag(path=str(_axe()))
    result = visit.page.evaluate("async () => await axe.run(document)")
    serious = [
        (v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert result["passes"], "axe ran no rule"


def test_a_hostile_copy_shows_its_text_and_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = descriptor["title_translated"]["en"] = f"Title {HOSTILE}"
    descriptor["resources"][6]["description_translated"]["id"] = f"Uraian {HOSTILE}"
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    mous = copy / "resources" / "mous.csv"
    mous.write_text(
        mous.read_text(encoding="utf-8").replace("Brunei Darussalam", f"Brunei {HOSTILE.replace(',', ' ')}", 1)
    )
    countries = copy / "resources" / "countries.csv"
    hostile_name = '"Brunei <img src=x onerror=""window.pwned = 3""></script>"'
    countries.write_text(countries.read_text(encoding="utf-8").replace("Brunei Darussalam", hostile_name, 1))
    site = build_page(tmp_path / "site", copy)
    for page_path in (site / "index.html", site / "id" / "index.html"):
        visit = Visit(browser, page_path)
        visit.page.wait_for_load_state("load")
        assert visit.page.evaluate("window.pwned") is None
        assert not any(url.endswith("/x") for url in visit.requests), visit.requests
        assert visit.errors == []
        if page_path.parent == site:
            assert visit.page.locator("h1").inner_text() == f"Title {HOSTILE}"
        assert visit.jsonld()["spatialCoverage"]["containsPlace"][0]["name"].startswith("Brunei <img")
        visit.page.close()
