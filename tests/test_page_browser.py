"""The site in a real browser (Debian's chromium, driven by Playwright), as readers see it: on a phone
and on a desktop, in both languages, every page.

Needs Chromium at /usr/bin/chromium (`bash .ci/run setup` installs Debian's; or set
ASEAN_TIP_DATA_CHROMIUM to another); without it these tests are skipped, in one line, except under
.ci/run. axe-core comes from the test extra (the PyPI package axe-playwright-python bundles it), or
from ASEAN_TIP_DATA_AXE. Playwright cannot download its own browser here.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

import asean_tip_data as atd
from asean_tip_data._page.build import build_page

Need = Callable[[object, str, str], None]
CHROMIUM = os.environ.get("ASEAN_TIP_DATA_CHROMIUM", "/usr/bin/chromium")
# Headless, and quiet: this machine's closed network refuses the background connections.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
FLAGS += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2">'
SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
PAGES = ["index", *(f"tables/{name}" for name in atd.resource_names())]
MARKS = {"1", "2", "2W", "3"}
IN = {"en": 0, "id": 1}  # each pinned entry is [English, Indonesian]
# English words that no Indonesian sentence has: one of them in the Indonesian page's own text
# (outside data values, codes, citations and text marked as another language) is English left over.
ENGLISH = re.compile(
    r"\b(the|and|of|with|from|this|that|these|is|are|was|were|for|by|to|on|at|in|its|their|which|each|every"
    r"|not|or|be|has|have|an|rows|table|tables|source|download|chart|axis|titled|unique)\b",
    re.IGNORECASE,
)


# One line, for the whole module, where no Chromium is found (under .ci/run the fixture fails instead).
if not Path(CHROMIUM).is_file() and os.environ.get("ASEAN_TIP_DATA_REQUIRE_ALL") != "1":
    pytest.skip(
        f"Chromium ({CHROMIUM}), for the page's browser tests, is missing: bash .ci/run setup (Debian's chromium), "
        "or set ASEAN_TIP_DATA_CHROMIUM to a Chromium",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def axe(need: Need) -> Path:
    given = os.environ.get("ASEAN_TIP_DATA_AXE")
    path = Path(given) if given else Path(str(resources.files("axe_playwright_python") / "axe.min.js"))
    need(path.is_file(), f"axe-core ({path})", "pip install axe-playwright-python, or set ASEAN_TIP_DATA_AXE")
    return path


@pytest.fixture(scope="module")
def browser(need: Need) -> Iterator[Browser]:
    need(
        Path(CHROMIUM).is_file(),
        f"Chromium ({CHROMIUM}), for the page's browser tests",
        "bash .ci/run setup (Debian's chromium), or set ASEAN_TIP_DATA_CHROMIUM to a Chromium",
    )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def _file(site: Path, lang: str, page: str) -> Path:
    return site / ("" if lang == "en" else lang) / f"{page}.html"


class Visit:
    """One page opened in the browser, with what it requested and said on its console."""

    def __init__(self, browser: Browser, path: Path, screen: str = "desktop", *, script: bool = True) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport=SCREENS[screen], java_script_enabled=script)  # type: ignore[arg-type]
        self.page: Page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        self.page.evaluate("document.fonts.ready")

    def jsonld(self) -> dict[str, Any]:
        text = self.page.locator('script[type="application/ld+json"]').text_content()
        return dict(json.loads(text or "{}"))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Browser, site: Path) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(lang: str, page: str = "index", screen: str = "desktop", *, script: bool = True) -> Visit:
        opened.append(Visit(browser, _file(site, lang, page), screen, script=script))
        return opened[-1]

    yield open_page
    for one in opened:
        one.close()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_fits_the_screen_asks_for_nothing_and_passes_axe(
    visit: Any, axe: Path, lang: str, page: str, screen: str
) -> None:
    opened = visit(lang, page, screen)
    width = SCREENS[screen]["width"]
    assert opened.page.evaluate("document.documentElement.scrollWidth") <= width
    # Every label of every chart lies inside its chart: nothing is cut off.
    outside = opened.page.evaluate(
        """() => Array.from(document.querySelectorAll('svg.marks')).flatMap(svg => {
            const box = svg.getBoundingClientRect();
            return Array.from(svg.querySelectorAll('text')).filter(t => {
                const r = t.getBoundingClientRect();
                return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5
                    || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5);
            }).map(t => t.textContent);
        })"""
    )
    assert outside == []
    assert opened.errors == []
    assert opened.requests and all(url.startswith("file://") for url in opened.requests), opened.requests
    opened.page.add_script_tag(path=str(axe))
    result = opened.page.evaluate("async () => await axe.run(document)")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert result["passes"], "axe ran no rule"


def _names(lang: str) -> dict[str, str]:
    return {c.iso3: c.name_indonesian if lang == "id" else c.name for c in atd.load_countries()}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_country_s_mark_lies_inside_it_and_every_country_is_named(
    visit: Any, lang: str, screen: str, pinned: dict[str, Any]
) -> None:
    opened = visit(lang, "index", screen)
    figure = opened.page.locator("#figure-map")
    figure.locator("svg").scroll_into_view_if_needed()
    # Each tier mark, and each small state's ring, and the country shape under its centre.
    found = opened.page.evaluate(
        """() => {
            const svg = document.querySelector('#figure-map svg');
            const under = (r) => document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)
                .find(e => e.tagName === 'path' && e.closest('.mark-shape'));
            const marks = Array.from(svg.querySelectorAll('.mark-text text'))
                .filter(t => t.getClientRects().length && /^[123]W?$/.test(t.firstChild.textContent.trim()));
            const rings = Array.from(svg.querySelectorAll('.mark-symbol path'));
            return [...marks, ...rings].map(e => {
                const shape = under(e.getBoundingClientRect());
                return [e.getAttribute('aria-label'), shape ? shape.getAttribute('aria-label') : null];
            });
        }"""
    )
    placements = {p.country_iso3: p for p in atd.load_tip_tier_placements() if p.report_year == 2023}
    names = _names(lang)
    labels = {names[iso3]: pinned["labels"]["tier"][p.tier][IN[lang]] for iso3, p in placements.items()}
    marked = {mark_label.split(":")[0] for mark_label, _ in found}
    assert marked == set(labels)  # every state has a mark or a ring
    # As the 2023 report places them (the article's Figure 1), with the move since 2022, in the page's language.
    said = {"en": ["Philippines: Tier 1 (remained)", "Indonesia: Tier 2 (upgraded)", "Myanmar: Tier 3 (remained)",
                   "Viet Nam: Tier 2 Watch List (upgraded)"],
            "id": ["Filipina: Tingkat 1 (tetap)", "Indonesia: Tingkat 2 (dinaikkan)", "Myanmar: Tingkat 3 (tetap)",
                   "Vietnam: Daftar Pengawasan Tingkat 2 (dinaikkan)"]}  # fmt: skip
    assert set(said[lang]) <= {mark_label for mark_label, _ in found}
    for mark_label, shape_label in found:
        assert shape_label == mark_label  # and it lies on that state's own shape
        name = mark_label.split(":")[0]
        assert mark_label.startswith(f"{name}: {labels[name]}")
    # Every state is named on the map, in full or in a shorter form the article prints for it
    # ("Lao PDR", Appendices 1 and 3), with its full name in the hover text.
    named = opened.page.evaluate(
        """() => Array.from(document.querySelectorAll('#figure-map svg text'))
            .filter(t => t.getClientRects().length && !/^[123]W?\\*?$/.test(t.firstChild.textContent.trim()))
            .map(t => [t.firstChild.textContent, t.querySelector('title').textContent])"""
    )
    assert len(named) == len(names)
    printed = {(m.country_iso3, m.country_as_printed) for m in atd.load_mous()}
    printed |= {(m.chair_iso3, m.chair_as_printed) for m in atd.load_meetings() if m.chair_as_printed}
    for iso3, name in names.items():
        forms = {name} | ({form for code, form in printed if code == iso3} if lang == "en" else set())
        (drawn,) = [text for text, title in named if title.startswith(f"{name}: ")]
        assert re.sub(r" \([123]W?\)$", "", drawn) in forms
    drawn_texts = {text for text, _ in named}
    assert ("Lao PDR" if lang == "en" else "Laos") in drawn_texts  # the full English name is 158 px wide
    assert ("Singapura (1)" if lang == "id" else "Singapore (1)") in drawn_texts
    assert "Timor-Leste (2)" in drawn_texts


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_two_map_labels_overlap_and_none_covers_a_tier_mark(visit: Any, lang: str, screen: str) -> None:
    opened = visit(lang, "index", screen)
    opened.page.locator("#figure-map svg").scroll_into_view_if_needed()
    boxes = opened.page.evaluate(
        """() => {
            const svg = document.querySelector('#figure-map svg');
            const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.getClientRects().length);
            const isMark = (t) => /^[123]W?\\*?$/.test(t.firstChild.textContent.trim());
            return {
                names: texts.filter(t => !isMark(t)).map(t => [t.firstChild.textContent, box(t)]),
                marks: texts.filter(isMark).concat(Array.from(svg.querySelectorAll('.mark-symbol path')))
                    .map(e => [e.getAttribute('aria-label'), box(e)]),
            };
        }"""
    )

    def meet(a: list[float], b: list[float]) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    assert len(boxes["names"]) == 11 and len(boxes["marks"]) >= 11
    clashes = [
        (name, other)
        for i, (name, box) in enumerate(boxes["names"])
        for other, other_box in boxes["names"][i + 1 :] + boxes["marks"]
        if meet(box, other_box)
    ]
    assert clashes == []
    # Real boxes, each drawn: a name or mark with no size could not clash with anything.
    assert all(b[2] - b[0] > 5 and b[3] - b[1] > 5 for _, b in boxes["names"] + boxes["marks"])


FIGURES = ["figure-cases", "figure-suspects", "figure-map", "figure-timeline"]
SMALLEST, LARGEST = 11, 20  # px: a phone's smallest caption; a desktop's chart words no larger than a heading


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_chart_s_words_are_drawn_to_be_read_at_the_screen_s_width(visit: Any, lang: str, screen: str) -> None:
    opened = visit(lang, "index", screen)
    # Each word as the reader sees it: its font size times the scale its SVG is drawn at, with its
    # box and its drawing's, for every drawing the page shows at this width.
    charts = opened.page.evaluate(
        """() => Array.from(document.querySelectorAll('#figures figure')).map(figure => {
            const drawn = Array.from(figure.querySelectorAll('svg')).filter(svg => svg.getClientRects().length);
            const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const words = drawn.flatMap(svg => Array.from(svg.querySelectorAll('text'))
                .filter(t => t.getClientRects().length && t.firstChild.textContent.trim())
                .map(t => {
                    const scale = t.getScreenCTM();
                    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(scale.a, scale.b);
                    return [t.firstChild.textContent, size, box(t), box(svg)];
                }));
            return [figure.id, drawn.length, words];
        })"""
    )
    width = SCREENS[screen]["width"]
    assert [name for name, _, _ in charts] == FIGURES
    for name, drawn, words in charts:
        assert drawn == 1, name  # one drawing shown; the other is display: none, out of the accessibility tree too
        assert len(words) >= 10, name
        sizes = {text: round(size, 1) for text, size, _, _ in words}
        assert SMALLEST <= min(sizes.values()) and max(sizes.values()) <= LARGEST, (name, sizes)
        # Nothing clipped: every word inside its drawing and on the screen; no two words meet (their
        # boxes are the font's ascent and descent, which Chromium rounds to whole pixels).
        for text, _, box, frame in words:
            inside = frame[0] - 0.5 <= box[0] and box[2] <= frame[2] + 0.5 and frame[1] - 0.5 <= box[1]
            assert inside and box[3] <= frame[3] + 0.5 and 0 <= box[0] and box[2] <= width, (name, text)
        clashes = [
            (text, other)
            for i, (text, _, box, _) in enumerate(words)
            for other, _, other_box, _ in words[i + 1 :]
            if min(box[2], other_box[2]) - max(box[0], other_box[0]) > 1
            and min(box[3], other_box[3]) - max(box[1], other_box[1]) > 1
        ]
        assert clashes == [], name
    # And a screen reader meets each chart once.
    for name in FIGURES:
        tree = opened.page.locator(f"#{name}").aria_snapshot()
        assert len(re.findall(r"^\s*- img\b", tree, re.MULTILINE)) == 1, name


def _reference_evidence() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in ("tip-tier-evidence-2016-2023.csv", "tip-tier-placements-2024-2025.csv"):
        with (Path(__file__).parent / "fixtures" / name).open(encoding="utf-8", newline="") as f:
            rows += csv.DictReader(f)
    return rows


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_evidence_marks_their_legend_and_the_count_caveats_are_seen(
    visit: Any, lang: str, screen: str, pinned: dict[str, Any]
) -> None:
    opened = visit(lang, "index", screen)
    page = opened.page
    noted = [p for p in atd.load_tip_tier_placements() if p.evidence != "report_text" or p.note]
    # The reference's placements known otherwise than from two readings of their own narrative.
    expected = [r for r in _reference_evidence() if r["evidence"] != "report_text" or r["evidence_note"]]
    # The grid: one "*" per placement with a note, each in a cell a reader can see, and the legend's
    # key for it, and every placement's note below.
    grid = page.locator("#history")
    grid.scroll_into_view_if_needed()
    starred = grid.locator("table.history td span[aria-hidden='true']", has_text="*")
    assert starred.count() == len(noted) == len(expected) == 34
    legend = grid.locator("ul.legend li", has_text="*")
    assert legend.count() == 1 and legend.is_visible()
    assert pinned["page"]["mark_noted"][IN[lang]].split(":")[0] in legend.inner_text()
    # How each placement is known, in the words a screen reader says for its cell (audit 3.14): the pinned labels of
    # its tier and of its evidence, for a placement of each kind (the codes as the reference files give them); one
    # read in its own narrative says its tier alone.
    names, labels = _names(lang), pinned["labels"]
    evidence = {(r["country_iso3"], int(r["report_year"])): r["evidence"] for r in _reference_evidence()}
    cells = [
        ("BRN", 2025, "Tier 2 Watch List"),
        ("SGP", 2016, "Tier 2"),
        ("IDN", 2025, "Tier 2"),
        ("IDN", 2024, "Tier 2"),
    ]
    assert {evidence[iso3, year] for iso3, year, _ in cells} == set(labels["evidence"])
    for iso3, year, tier in cells:
        said = f"{year}: {labels['tier'][tier][IN[lang]]}"
        if evidence[iso3, year] != "report_text":
            said += f" ({labels['evidence'][evidence[iso3, year]][IN[lang]]})"
        row = grid.locator("tr", has=page.get_by_role("rowheader", name=names[iso3], exact=True))
        assert row.get_by_role("cell", name=said, exact=True).count() == 1, said
    notes = grid.locator("p.caveat")
    assert notes.count() >= 1 and all(notes.nth(i).is_visible() for i in range(notes.count()))
    text = " ".join(notes.all_inner_texts())
    for placement in noted:
        assert names[placement.country_iso3] in text and str(placement.report_year) in text
    # The cases chart: Indonesia's 2022 bar and the 2016 and 2023 counts carry their marks, which the
    # figure's legend explains and its caveats spell out.
    figure = page.locator("#figure-cases")
    figure.scroll_into_view_if_needed()
    drawn = [t.strip() for t in figure.locator("svg text").all_text_contents()]
    assert all(f"{count}†" in " ".join(drawn) for count in ("478", "752", "998")) and "2W*" in " ".join(drawn)
    assert not any(t.startswith(("340", "164", "259", "383", "361")) and "†" in t for t in drawn)
    for key in ("*", "†"):
        item = figure.locator("ul.legend li", has_text=key)
        assert item.count() == 1 and item.is_visible(), key
    caveats = figure.locator("p.caveat")
    said = " ".join(caveats.all_inner_texts())
    assert all(f"† {year}:" in said for year in (2016, 2022, 2023)) and "798" in said and "900" in said
    assert "* Indonesia, 2022:" in said
    assert all(caveats.nth(i).is_visible() for i in range(caveats.count()))
    width = SCREENS[screen]["width"]
    for locator in (legend, *(figure.locator("ul.legend li", has_text=k) for k in ("*", "†"))):
        box = locator.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_challenges_are_listed_in_the_page_s_language(visit: Any, lang: str) -> None:
    opened = visit(lang, "index", "phone")
    items = opened.page.locator("#challenges ol li")
    assert items.count() == 4
    for item, challenge in zip(items.all_inner_texts(), atd.load_challenges(), strict=True):
        name = challenge.name_indonesian if lang == "id" else challenge.name
        assert item.startswith(name) and challenge.name in item  # as printed, beside the Indonesian name


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_placements_table_filters_and_sorts_and_is_whole_without_script(
    visit: Any, lang: str, pinned: dict[str, Any]
) -> None:
    opened = visit(lang, "tables/tip_tier_placements", "phone")
    rows = opened.page.locator("table.records tbody tr")
    assert rows.count() == 110
    opened.page.get_by_label(pinned["page"]["filter"][IN[lang]]).fill("Indonesia")
    assert rows.count() == 10

    def years() -> list[int]:
        return [int(y) for y in opened.page.locator("table.records tbody td.c-report_year").all_inner_texts()]

    assert sorted(years()) == list(range(2016, 2026))
    heading = opened.page.locator("th[data-sort='c-report_year']")
    heading.get_by_role("button").click()
    assert years() == list(range(2016, 2026)) and heading.get_attribute("aria-sort") == "ascending"
    heading.get_by_role("button").click()
    assert years() == list(range(2025, 2015, -1)) and heading.get_attribute("aria-sort") == "descending"
    assert re.search(r"\b10\b.*\b110\b", opened.page.locator(".filter .shown").inner_text())
    # Names beside codes, in the page's language.
    assert "IDN Indonesia" in rows.first.inner_text().replace("\t", " ")
    without = visit(lang, "tables/tip_tier_placements", "phone", script=False)
    assert without.page.locator("table.records tbody tr").count() == 110
    assert without.page.locator(".filter").count() == 0


def _own_text(page: Page) -> list[str]:
    """Return the page's own words: visible text and screen-reader labels, without data values or codes."""
    return list(
        page.evaluate(
            """() => {
                const body = document.body.cloneNode(true);
                body.querySelectorAll('script, style, title, code, cite, table.records td, [lang]:not([lang="id"])')
                    .forEach(e => e.remove());
                const labels = Array.from(document.querySelectorAll('[aria-label]'))
                    .filter(e => !e.closest('table.records td, [lang]:not([lang="id"]), code'))
                    .map(e => e.getAttribute('aria-label'));
                return [body.textContent, ...labels];
            }"""
        )
    )


def _data_in_english() -> tuple[list[str], list[tuple[str, str, str]]]:
    """Return the data's values that no Indonesian text stands in for, longest first, and each English text that has
    its Indonesian twin (where the two differ), with where it is.

    A value of a field with no ``*_indonesian`` twin (a city, a publisher, a code, an Indonesian text) is shown as it
    is on either page. An English note, definition, name or summary never is on an Indonesian page: its twin is.
    """
    # Names Indonesian text keeps in English beside their gloss (the term base's list): "AMMTC (ASEAN Ministerial
    # Meeting on Transnational Crime, Pertemuan Tingkat Menteri ...)" is Indonesian, as Kemlu writes it.
    kept = set(json.loads((Path(__file__).parent / "term_base.json").read_text(encoding="utf-8"))["kept_in_english"])
    shown_as_is: set[str] = set(kept)
    english: list[tuple[str, str, str]] = []
    for name in atd.resource_names():
        fields = [f["name"] for f in atd.table_schema(name)["fields"]]
        for number, record in enumerate(atd.load(name), start=2):
            row = record.model_dump()
            for field in fields:
                value, twin = row[field], row.get(f"{field}_indonesian")
                if f"{field}_indonesian" not in fields:
                    shown_as_is.add(str(value))
                elif value is not None and twin is not None and value != twin and value not in kept:
                    english.append((f"{name}.csv row {number} {field}", str(value), str(twin)))
    return sorted((v for v in shown_as_is if len(v) > 3), key=len, reverse=True), english


@pytest.mark.parametrize("page", PAGES)
def test_the_indonesian_pages_have_no_english_sentence(visit: Any, page: str) -> None:
    opened = visit("id", page)
    shown_as_is, english = _data_in_english()
    assert len(english) > 150  # every note, definition, name and summary that has its Indonesian twin
    for text in _own_text(opened.page):
        # An English text of the data in place of its Indonesian twin (audit 3.6): the English caveat of a
        # placement in the Indonesian grid, a country's English name in a chart's label.
        assert [(where, value) for where, value, _ in english if value in text] == []
        # Chart and map labels carry data values that are no language's (the meetings' cities, codes).
        for value in shown_as_is:
            text = text.replace(value, " ")
        found = [text[max(0, m.start() - 40) : m.end() + 40] for m in ENGLISH.finditer(text)]
        assert found == []


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("page", ["index", "tables/sources", "tables/meetings", "tables/tip_tier_placements"])
def test_printed_no_table_is_wider_than_the_page(visit: Any, lang: str, page: str) -> None:
    opened = visit(lang, page)
    opened.page.emulate_media(media="print")
    opened.page.set_viewport_size({"width": 718, "height": 1000})  # A4 less Chromium's default margins, at 96 dpi
    wide = opened.page.evaluate(
        """() => Array.from(document.querySelectorAll('table')).filter(t =>
            t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map(t => t.className)"""
    )
    assert wide == []
    assert opened.page.locator("nav").first.is_hidden()
    colour = opened.page.evaluate("getComputedStyle(document.body).printColorAdjust")
    assert colour == "exact"
    pdf = opened.page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")


def _in(values: list[dict[str, str]], lang: str) -> str:
    (text,) = [v["@value"] for v in values if v["@language"] == lang]
    return text


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_json_ld_describes_the_dataset(
    visit: Any, lang: str, makers: list[str], authors: list[str], coverage: tuple[str, str]
) -> None:
    data = visit(lang).jsonld()
    assert data == visit("id" if lang == "en" else "en").jsonld()  # one Dataset, described alike on both pages
    assert data["@type"] == "Dataset" and data["@context"] == "https://schema.org/"
    # Every text in both languages, tagged: a crawler that merges the pages by @id keeps them apart.
    assert _in(data["name"], "id").startswith("Kerja sama Polri") and _in(data["name"], "en").startswith("POLRI")
    assert all(50 <= len(_in(data["description"], code)) <= 5000 for code in ("en", "id"))
    assert {"perdagangan orang", "human trafficking"} <= {k["@value"] for k in data["keywords"]}
    assert data["license"] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert [_in(c["name"], "en") for c in data["creator"]] == makers and data["creator"][0]["@type"] == "Organization"
    assert data["version"] == atd.__version__ and data["identifier"].startswith("urn:uuid:")
    home = "https://asean-tip-data.github.io/asean-tip-data/"
    assert data["@id"] == f"{home}#dataset" and data["isAccessibleForFree"] is True
    assert data["inLanguage"] == ["en", "id"] and data["url"] == home and data["sameAs"] == [f"{home}id/"]
    assert data["temporalCoverage"] == "/".join(coverage)  # the first AMMTC to the last meeting or report period
    place = data["spatialCoverage"]
    assert len(place["containsPlace"]) == 11 and place["geo"] == {"@type": "GeoShape", "box": "-11.5 91.0 28.8 141.5"}
    (source,) = data["isBasedOn"]
    assert source["@id"] == "https://doi.org/10.32781/cakrawala.v18i2.733" and source["@type"] == "ScholarlyArticle"
    assert [a["name"] for a in source["author"]] == authors
    assert {v["name"] for v in data["variableMeasured"]} >= {"trafficking_cases.cases", "meetings.forum"}
    downloads = {d["contentUrl"].removeprefix(f"{home}downloads/"): d for d in data["distribution"]}
    names = atd.resource_names()
    files = {f"resources/{n}.csv" for n in names} | {f"parquet/resources/{n}.parquet" for n in names}
    files |= {"datapackage.json", "parquet/datapackage.json", "asean-tip-data.sqlite", "dcat-ap.ttl", "dcat-ap.jsonld"}
    assert set(downloads) == files and all(d["@type"] == "DataDownload" for d in downloads.values())
    assert _in(downloads["resources/meetings.csv"]["name"], "id") == "Pertemuan AMMTC dan SOMTC (CSV)"
    assert downloads["parquet/resources/meetings.parquet"]["encodingFormat"] == "application/vnd.apache.parquet"
    assert downloads["asean-tip-data.sqlite"]["encodingFormat"] == "application/vnd.sqlite3"


def test_a_hostile_copy_shows_its_text_and_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    copy = atd.export("csv", tmp_path / "copy")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = descriptor["title_translated"]["en"] = f"Title {HOSTILE}"
    descriptor["resources"][6]["description_translated"]["id"] = f"Uraian `{HOSTILE}` {HOSTILE}"
    descriptor["licenses"][0]["path"] = "javascript:window.pwned=4"
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    mous = copy / "resources" / "mous.csv"
    mous.write_text(
        mous.read_text(encoding="utf-8").replace("Brunei Darussalam", f"Brunei {HOSTILE.replace(',', ' ')}", 1)
    )
    countries = copy / "resources" / "countries.csv"
    hostile_name = '"Brunei <img src=x onerror=""window.pwned = 3""></script>"'
    countries.write_text(countries.read_text(encoding="utf-8").replace("Brunei Darussalam", hostile_name, 1))
    site = build_page(tmp_path / "site", copy)
    for page_path in (site / "index.html", site / "id" / "index.html", site / "id" / "tables" / "mous.html"):
        visit = Visit(browser, page_path)
        assert visit.page.evaluate("window.pwned") is None
        assert not any(url.endswith("/x") for url in visit.requests), visit.requests
        assert visit.errors == []
        assert visit.page.locator("a[href^='javascript:']").count() == 0
        if page_path == site / "index.html":
            assert visit.page.locator("h1").inner_text() == f"Title {HOSTILE}"
            assert visit.jsonld()["spatialCoverage"]["containsPlace"][0]["name"].startswith("Brunei <img")
        visit.close()


# The English of the data, shown as it is on either page: every text column with an Indonesian twin, the
# text as the article prints it, and the English words of the pages read and of the printed corrections.
ENGLISH_TOO = {("mous", "parties"), ("errata", "printed"), ("errata", "corrected"), ("case_statements", "quote")}
ENGLISH_TOO |= {("placement_sources", "source_family"), ("placement_sources", "quote")}
CELLS = """() => Array.from(document.querySelectorAll('table.records tbody tr')).map(tr =>
    Array.from(tr.querySelectorAll('td')).map(td => ({
        field: td.className.split(' ')[0].slice(2),
        lang: td.closest('[lang]').getAttribute('lang'),
        labelled: td.querySelector('span.label') !== null,
        inner: Array.from(td.querySelectorAll('[lang]')).map(e => [e.getAttribute('lang'), e.textContent]),
        shown: td.getBoundingClientRect().width > 0,
    })))"""


def _language_of(table: str, field: str, row: dict[str, Any], lang: str) -> str:
    """Return the language a cell of ``field`` is in, on the page in ``lang``."""
    names = [f["name"] for f in atd.table_schema(table)["fields"]]
    if field == "citation":
        return str(row["citation_language"])
    if field.endswith("_indonesian"):
        return "id"
    if f"{field}_indonesian" in names or field.endswith("_as_printed") or (table, field) in ENGLISH_TOO:
        return "en"
    return lang  # codes, numbers, names and the page's own words


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_text_says_the_language_it_is_in(visit: Any, lang: str, screen: str) -> None:
    other = "en" if lang == "id" else "id"
    for name in atd.resource_names():
        opened = visit(lang, f"tables/{name}", screen)
        assert opened.page.evaluate("document.documentElement.lang") == lang
        rows = [r.model_dump(mode="json") for r in atd.load(name)]
        marked = 0
        for row, cells in zip(rows, opened.page.evaluate(CELLS), strict=True):
            for cell in cells:
                value = row[cell["field"]]
                if value in (None, "") or cell["labelled"]:  # a code's label is in the page's language
                    assert cell["lang"] == lang, (name, cell)
                    continue
                if cell["field"] == "article_ref" and lang == "id":  # "Tabel 3, baris 6"; a heading as printed
                    assert cell["lang"] == "id" and all(
                        code == "en" and text in value
                        for code, text in ((c, t.strip("\u201c\u201d")) for c, t in cell["inner"])
                    ), (name, cell)
                    continue
                assert cell["lang"] == _language_of(name, cell["field"], row, lang), (name, cell, value)
                marked += cell["lang"] == other
        # Each table's sources, each in the language its citation is shown in.
        sources = {s.source_id: s for s in atd.load_sources()}
        for cite in opened.page.locator("ul.sources cite").all():
            text = cite.inner_text()
            (source,) = [s for s in sources.values() if text in (s.citation, s.citation_indonesian)]
            shown = "id" if lang == "id" and text == source.citation_indonesian else source.citation_language
            assert cite.evaluate("e => e.closest('[lang]').getAttribute('lang')") == shown, text
        if name in ("mous", "glossary", "strategies", "errata") and lang == "id":
            assert marked > 0, name  # the English of these tables is marked so
        if name == "mous" and lang == "id":  # a quotation of the article in an Indonesian sentence is English
            quoted = opened.page.locator("p.lead span[lang='en']").all_inner_texts()
            assert quoted[0] == "MoUs that have been carried out and are still valid", quoted
        opened.close()
    main = visit(lang, "index", screen)
    licence = main.page.locator("dl.facts a[href*='creativecommons.org']")
    # The licence's title is Indonesian on the Indonesian page: never marked English (review 3, F2).
    assert licence.is_visible() and licence.evaluate("e => e.closest('[lang]').getAttribute('lang')") == lang
    assert licence.inner_text() == ("Creative Commons Atribusi 4.0 Internasional" if lang == "id" else
                                    "Creative Commons Attribution 4.0 International")  # fmt: skip
    title = main.page.locator("pre.citation cite span[lang]")
    (article,) = [s for s in atd.load_sources() if s.kind == "article"]
    if lang == "id":  # the article's title, as published, in the Indonesian citation
        assert title.get_attribute("lang") == "en" and title.inner_text() in article.citation
    else:
        assert title.count() == 0
    printed = main.page.locator("#challenges .printed")
    assert printed.count() == (4 if lang == "id" else 0)
    assert all(e.get_attribute("lang") == "en" for e in printed.all())
