"""The page as files: both languages, linked to each other, offline, light, and built safely."""

from __future__ import annotations

import csv
import html
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import asean_tip_data as atd
from asean_tip_data._page.build import build_page

IN = {"en": 0, "id": 1}  # each pinned entry is [English, Indonesian]
Cli = Callable[..., subprocess.CompletedProcess[str]]
MAIN_LIMIT = 300_000  # bytes each language's main page may weigh with all that it loads (each chart drawn twice)
# And each table's page: the longest is every page behind the tier placements (344 rows, each named,
# dated and labelled, several with the report's own words), about 310 KB with the fonts it loads.
TABLE_LIMIT = 350_000


def _html(site: Path, lang: str) -> str:
    return (site / ("index.html" if lang == "en" else f"{lang}/index.html")).read_text(encoding="utf-8")


def _table(site: Path, lang: str, name: str) -> str:
    """Return the page of table ``name`` in ``lang`` (the first language's pages at the root, the other's in id/)."""
    return (site / ("" if lang == "en" else lang) / "tables" / f"{name}.html").read_text(encoding="utf-8")


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
    for words in ("Kerja sama Polri dan ASEANAPOL", "Unduh", "Saran pengutipan", "Tingkat 2", "Sumber:"):
        assert words in html, words
    assert "Data dictionary" not in html and "How to cite" not in html
    table = _table(site, "id", "errata")
    for words in ("Kamus data", "Isi tabel", "Ralat", "unik", "Semua tabel"):
        assert words in table, words
    assert "[Dataset]" in html and "Bersumber dari:" in html and "[Data set]" not in html


def _loaded(page: Path) -> list[Path]:
    """Return the files a page loads (style, scripts, and the fonts its style names), as paths."""
    html = page.read_text(encoding="utf-8")
    found = [
        page.parent / u for u in re.findall(r'<(?:link rel="stylesheet"|script)[^>]*?\s(?:src|href)="([^"]+)"', html)
    ]
    for css in [f for f in found if f.suffix == ".css"]:
        found += [css.parent / u for u in re.findall(r'url\("([^"]+)"\)', css.read_text(encoding="utf-8"))]
    return [f.resolve() for f in found]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_nothing_is_loaded_from_elsewhere_and_every_page_is_light(site: Path, lang: str) -> None:
    folder = site if lang == "en" else site / lang
    pages = [folder / "index.html", *sorted((folder / "tables").glob("*.html"))]
    assert len(pages) == 1 + len(atd.resource_names())
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # Alternates name the published pages; nothing else points at a server the page would load.
        assert not re.search(r'\b(?:src|url\()\s*=?\s*"?https?:', html)
        loaded = _loaded(page)
        assert loaded and all(path.is_file() and site.resolve() in path.parents for path in loaded), loaded
        weight = page.stat().st_size + sum(path.stat().st_size for path in loaded)
        assert weight <= (MAIN_LIMIT if page.name == "index.html" else TABLE_LIMIT), (page, weight)


def test_every_link_of_every_page_resolves_to_a_file_of_the_site(site: Path) -> None:
    checked = 0
    for page in site.rglob("*.html"):
        for href in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', page.read_text(encoding="utf-8")):
            if href.startswith(("https://", "http://", "#")):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.is_file() and site.resolve() in target.parents, (page, href)
            checked += 1
    assert checked > 250  # each page's switch, home, downloads and contents


def test_each_table_has_a_page_in_each_language_linked_from_the_main_page(site: Path) -> None:
    for lang, folder in (("en", site), ("id", site / "id")):
        html = (folder / "index.html").read_text(encoding="utf-8")
        contents = html.split('<nav class="contents"')[1].split("</nav>")[0]
        for name in atd.resource_names():
            assert f'href="tables/{name}.html"' in contents, (lang, name)
            table = _table(site, lang, name)
            assert f'<html lang="{lang}">' in table
            rows = len(atd.load(name))
            assert table.count("<tr>") == 1 + rows + 1 + len(atd.table_schema(name)["fields"]), name
    # The main page carries no table's records, only one line each.
    assert '<table class="records">' not in _html(site, "en")


def test_records_show_names_beside_codes_in_the_page_s_language(site: Path) -> None:
    english = _table(site, "en", "tip_tier_placements")
    indonesian = _table(site, "id", "tip_tier_placements")
    assert '<code>PHL</code> <span class="label">Philippines</span>' in english
    assert '<code>PHL</code> <span class="label">Filipina</span>' in indonesian
    assert '<code>Tier 2 Watch List</code> <span class="label">Daftar Pengawasan Tingkat 2</span>' in indonesian
    assert '<code>upgraded</code> <span class="label">dinaikkan</span>' in indonesian
    meetings = _table(site, "en", "meetings")
    assert '<td class="c-start_date nowrap">1997-12-18</td>' in meetings


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_table_page_heads_its_columns_with_the_field_titles_in_its_language(site: Path, lang: str) -> None:
    descriptor = json.loads(atd.datapackage_path().read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        headings = re.findall(
            r'<th scope="col" data-sort="c-([^"]+)"><span class="heading">([^<]*)</span> '
            r'<code class="field-name">([^<]*)</code></th>',
            _table(site, lang, resource["name"]),
        )
        fields = resource["schema"]["fields"]
        titles = [html.escape(f["title_translated"][lang], quote=False) for f in fields]
        assert headings == [(f["name"], title, f["name"]) for f, title in zip(fields, titles, strict=True)]


# The coded fields of each table, each with the kind of its labels (or "country": the country's name), as the
# descriptor declares them: a code in a record is shown with its label in the page's language.
LABELLED = {
    "trafficking_cases": {"ministry_statement": "ministry_statement"},
    "case_statements": {"unit": "unit"},
    "liaison_officers": {"position": "position", "mission_type": "mission_type", "country_iso3": "country"}
    | {"strategy_id": "strategy"},
    "meetings": {"forum": "forum", "chair_iso3": "country"},
    "mous": {"country_iso3": "country", "status": "mou_status"},
    "strategies": {"strategy_id": "strategy", "scope": "scope"},
    "strategy_roles": {"strategy_id": "strategy"},
    "tip_tiers": {"tier": "tier", "map_colour": "map_colour"},
    "tip_tier_placements": {"country_iso3": "country", "tier": "tier", "placement_change": "placement_change"}
    | {"evidence": "evidence"},
    "placement_sources": {"kind": "page_kind", "transcriptions": "transcriptions"},
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_code_in_the_records_shows_its_pinned_label_once_and_booleans_read_as_words(
    site: Path, lang: str, country_names: dict[str, dict[str, str]], pinned: dict[str, Any]
) -> None:
    names = country_names[lang]
    for name in atd.resource_names():
        page = _table(site, lang, name)
        records = page.split('<table class="records">')[1].split("</table>")[0]
        labelled, pairs, checked = LABELLED.get(name, {}), 0, 0
        for field, inner in re.findall(r'<td class="c-([a-z0-9_]+)[^"]*"[^>]*>(.*?)</td>', records, re.DOTALL):
            pair = re.fullmatch(r'<code>([^<]*)</code> <span class="label">([^<]*)</span>', inner)
            if field not in labelled:
                assert pair is None, (name, field, inner)
                continue
            code, shown = (html.unescape(pair[1]), html.unescape(pair[2])) if pair else (html.unescape(inner), None)
            if not code:
                continue  # no value
            kind = labelled[field]
            expected = names[code] if kind == "country" else pinned["labels"][kind][code][IN[lang]]
            # Beside its code, the label; where the two are the same ("Tier 2"), the code alone, never twice.
            assert (shown if pair else code) == expected and (pair is None) == (expected == code), (name, field, code)
            pairs, checked = pairs + (pair is not None), checked + 1
        # Audit 1.6: a page whose coded cells, or their labels, vanished would check nothing. Only in English are
        # some labels their codes ("cases", "Tier 2", "green"), shown once: two tables have no other code.
        codes_only = lang == "en" and name in ("case_statements", "tip_tiers")
        assert (checked > 0, pairs > 0) == (bool(labelled), bool(labelled) and not codes_only), name
    meetings = _table(site, lang, "meetings")
    online = re.findall(r'<td class="c-online nowrap">([^<]*)</td>', meetings)
    assert sorted(set(online)) == (["no", "yes"] if lang == "en" else ["tidak", "ya"]) and len(online) == 42 + 1
    tiers = _table(site, lang, "tip_tier_placements")
    assert ('<td class="c-tier nowrap">Tier 2</td>' in tiers) == (lang == "en")  # the label is the code itself


def _history(site: Path, lang: str) -> tuple[dict[str, list[str]], str]:
    """Return the tier grid as a screen reader reads it, each country's cells by name, and its caveats' text."""
    section = _html(site, lang).split('<section id="history"')[1].split("</section>")[0]
    grid = {
        html.unescape(name): [
            html.unescape(text) for text in re.findall(r'<span class="visually-hidden">([^<]*)</span>', row)
        ]
        for name, row in re.findall(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', section, re.DOTALL)
    }
    caveats = " ".join(
        re.sub(r"<[^>]+>", "", p) for p in re.findall(r'<p class="caveat">(.*?)</p>', section, re.DOTALL)
    )
    return grid, html.unescape(caveats)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_tier_grid_says_how_each_placement_is_known_in_the_page_s_language(
    site: Path,
    lang: str,
    reference_placements: dict[tuple[str, int], dict[str, str]],
    country_names: dict[str, dict[str, str]],
    pinned: dict[str, Any],
) -> None:
    # Audit 3.14: the words a screen reader says for a cell, "2025: Tier 2 Watch List (two independent sources)",
    # for a placement of each kind of evidence, with the pinned labels; a placement read in its own narrative
    # says its tier alone. The codes are the reference files', not the package's.
    reference, names = reference_placements, country_names[lang]
    grid, caveats = _history(site, lang)
    labels = pinned["labels"]
    kinds = set()
    for iso3, year in (("BRN", 2025), ("SGP", 2016), ("IDN", 2025), ("IDN", 2024), ("MMR", 2018)):
        tier, evidence = reference[iso3, year]["tier"], reference[iso3, year]["evidence"]
        said = f"{year}: {labels['tier'][tier][IN[lang]]}"
        if evidence != "report_text":
            said += f" ({labels['evidence'][evidence][IN[lang]]})"
        (cell,) = [text for text in grid[names[iso3]] if text.startswith(f"{year}: ")]
        assert cell == said, (iso3, year)
        kinds.add(evidence)
    assert kinds == set(labels["evidence"])  # each kind of evidence, with its own words
    # Every caveat under the grid in the page's language: the Indonesian page never shows the English note.
    noted = [p for p in atd.load_tip_tier_placements() if p.note]
    assert len(noted) == 34
    for placement in noted:
        shown, other = (
            (placement.note, placement.note_indonesian) if lang == "en" else (placement.note_indonesian, placement.note)
        )
        assert shown is not None and other is not None  # a placement's note comes in both languages
        assert shown in caveats and other not in caveats, (placement.country_iso3, placement.report_year)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_cell_of_the_tier_grid_shows_and_says_its_placement(
    site: Path,
    lang: str,
    cells_of: Callable[..., list[list[str]]],
    reference_placements: dict[tuple[str, int], dict[str, str]],
    country_names: dict[str, dict[str, str]],
    pinned: dict[str, Any],
) -> None:
    # Each country by its name in the page's language, each report year 2016-2025: the tier's colour
    # class and mark (an asterisk where the placement is known otherwise than from its own report's
    # text, or from one transcription), and what a screen reader says, from the reference files.
    names, labels, index = country_names[lang], pinned["labels"], IN[lang]
    marks = {"Tier 1": "1", "Tier 2": "2", "Tier 2 Watch List": "2W", "Tier 3": "3"}
    section = _html(site, lang).split('<section id="history"')[1].split("</section>")[0]
    assert re.findall(r'<th scope="col">(\d+)</th>', section) == [str(y) for y in range(2016, 2026)]
    shown = [
        (
            html.unescape(name),
            re.findall(
                r'<td class="([^"]*)"><span aria-hidden="true">([^<]*)</span>'
                r'<span class="visually-hidden">([^<]*)</span></td>',
                row,
            ),
        )
        for name, row in re.findall(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', section, re.DOTALL)
    ]
    shown = [(name, [(c, m, html.unescape(t)) for c, m, t in cells]) for name, cells in shown]
    expected = []
    # In the order of countries.csv on both pages (the English names' order; see the closing note of #37).
    for iso3 in [row[0] for row in cells_of("countries")[1:]]:
        cells = []
        for year in range(2016, 2026):
            r = reference_placements[iso3, year]
            said = f"{year}: {labels['tier'][r['tier']][index]}"
            said += f" ({labels['evidence'][r['evidence']][index]})" if r["evidence"] != "report_text" else ""
            noted = "*" if r["evidence"] != "report_text" or r["evidence_note"] else ""
            tier_class = "tier-" + marks[r["tier"]].lower()
            cells.append((tier_class, marks[r["tier"]] + noted, said))
        expected.append((names[iso3], cells))
    assert shown == expected


@pytest.mark.parametrize(("lang", "vintage"), [("en", "1 December 2024"), ("id", "1 Desember 2024")])
def test_the_page_writes_dates_in_prose_as_its_language_does(site: Path, lang: str, vintage: str) -> None:
    main = _html(site, lang)
    assert f"<dd>{vintage}</dd>" in main and "<dd>2024-12-01</dd>" not in main


def test_the_indonesian_page_names_singapore_and_the_editors_in_indonesian(site: Path) -> None:
    # The 3rd AMMTC met in Singapore (Appendix 1, row 3): the city is the state, Singapura in Indonesian.
    main = _html(site, "id")
    assert "AMMTC ke-3: 9 Oktober 2001, Singapura" in html.unescape(main)
    assert ", Singapore" not in html.unescape(main).split('id="figure-timeline"')[1].split("</figure>")[0]
    assert "AMMTC 3: 9 October 2001, Singapore" in html.unescape(_html(site, "en"))
    glossary = _table(site, "id", "glossary")
    assert "Tim penyusun asean-tip-data: penjelasan tambahan dari dataset ini" in glossary
    assert "asean-tip-data editors" not in glossary
    english = _table(site, "en", "glossary")
    assert "asean-tip-data editors: explanations added by this dataset" in english


def test_the_cases_page_cites_every_page_the_ministry_s_statements_come_from(site: Path) -> None:
    cases = _table(site, "id", "trafficking_cases")
    sources = {s.source_id: s for s in atd.load_sources()}
    for source_id in ("tip-2017-indonesia", "tribunnews-2023-04-04", "medcom-2023-07-14", "tribunnews-2024-05-07"):
        assert f'href="{html.escape(sources[source_id].url or "")}"' in cases, source_id
    assert "Berita tentang pernyataan Sekretaris Jenderal Kemlu RI" in cases


def test_sources_link_their_doi_and_address_and_code_reads_as_code(site: Path) -> None:
    sources = _table(site, "en", "sources")
    assert '<a href="https://doi.org/10.32781/cakrawala.v18i2.733">doi:10.32781/cakrawala.v18i2.733</a>' in sources
    countries = _table(site, "id", "countries")
    assert '<a href="https://setnasasean.id/tentang-asean">https://setnasasean.id/tentang-asean</a>' in countries
    assert "`" not in countries.split("<main")[1] and "<code>sources</code>" in countries


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_chart_says_where_it_comes_from_and_gives_itself_away(site: Path, lang: str) -> None:
    html = _html(site, lang)
    word = {"en": "Source:", "id": "Sumber:"}[lang]
    for name in ("cases", "suspects", "map", "timeline"):
        figure = html.split(f'<figure id="figure-{name}"')[1].split("</figure>")[0]
        assert f"<strong>{word}</strong>" in figure, name
        assert f'charts/{name}-{lang}.svg"' in figure and f'charts/{name}-{lang}.csv"' in figure, name
        svg = (site / "charts" / f"{name}-{lang}.svg").read_text(encoding="utf-8")
        assert svg.startswith("<svg") and "viewBox=" in svg and "<title>" in svg
        assert (site / "charts" / f"{name}-{lang}.csv").read_text(encoding="utf-8").count("\n") >= 4
    cases = (site / "charts" / f"cases-{lang}.csv").read_text(encoding="utf-8").splitlines()
    tier_2 = "Tier 2" if lang == "en" else "Tingkat 2"
    head, *rows = list(csv.reader(cases))
    assert head == [
        "year",
        "cases",
        "indonesia_tier",
        "indonesia_tier_label",
        "indonesia_tier_note",
        "ministry_statement",
        "ministry_statement_label",
        "ministry_note",
    ]
    # The code as the data has it, its label in the page's language; and what the ministry said of the count.
    assert rows[-1][:6] == ["2023", "998", "Tier 2", tier_2, "", "contradicts"]
    assert "798" in rows[-1][7] and ("Secretary-General" if lang == "en" else "Sekretaris Jenderal") in rows[-1][7]
    assert [r[5] for r in rows] == ["", "", "", "", "", "confirms", "conflicting", "contradicts"]
    if lang == "id":  # beside the codes, nothing of the Indonesian chart's data is in English
        words = [cell for row in rows for i, cell in enumerate(row) if i not in (2, 5)]
        assert words and not any(w in cell for w in ("Tier", "Watch List", "placement") for cell in words), words
    # Indonesia's 2022 placement carries its caveat wherever it is drawn: the bar and the grid.
    assert html.count("2W*") >= 2 and "* Indonesia, 2022:" in html


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_chart_s_download_is_the_drawing_a_desktop_shows_and_the_page_says_so(
    site: Path, lang: str, pinned: dict[str, Any]
) -> None:
    html = _html(site, lang)
    said = pinned["page"]["download_chart_screen"][IN[lang]]
    for name in ("cases", "suspects", "map", "timeline"):
        figure = html.split(f'<figure id="figure-{name}"')[1].split("</figure>")[0]
        chart = figure.split('<div class="chart">')[1].split("</div></div>")[0] + "</div>"
        download = (site / "charts" / f"{name}-{lang}.svg").read_text(encoding="utf-8").removesuffix("\n")
        drawings = dict(re.findall(r'<div(?: class="for-(\w+)")?>(<svg.*?</svg>)</div>', chart, re.DOTALL))
        if name == "map":  # its land drawn once, its words for each screen; the download has a desktop's only
            (shown,) = drawings.values()
            phone = re.compile(r'<g class="mark-text role-mark for_phone_\w+"[^>]*>.*?</g>', re.DOTALL)
            assert len(phone.findall(shown)) == 3 and "for_desktop_names" in shown  # marks, names, small states' names
            assert phone.sub("", shown) == download
        elif name == "suspects":  # two bars, drawn once at a phone's width
            assert drawings == {"": download}
        else:
            assert list(drawings) == ["phone", "desktop"] and drawings["desktop"] == download
            assert 'viewBox="0 0 340 ' in drawings["phone"] and drawings["phone"] != download
        assert f"</a>, {said} · <a" in figure, name


URL_FIELDS: dict[str, Callable[[dict[str, Any], str], None]] = {
    "homepage": lambda d, url: d.update(homepage=url),
    "licence": lambda d, url: d["licenses"][0].update(path=url),
    "source": lambda d, url: d["sources"][0].update(path=url),
    "resource licence": lambda d, url: d["resources"][6]["licenses"][0].update(path=url),
}


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:msgbox(1)", "JavaScript:x"]
)
def test_untrusted_addresses_never_become_links(tmp_path: Path, copy: Path, url: str) -> None:
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for name, put in URL_FIELDS.items():  # every field of the descriptor that holds an address
        if name != "homepage":
            put(descriptor, url)
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    site = build_page(tmp_path / "site", copy)
    scheme = url.split(":")[0]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(rf'(?:href|src)="{scheme}:', html, re.IGNORECASE), page
        head = html.split("</head>")[0]
        assert f"{scheme}:" not in head.split("application/ld+json")[0], page  # no <link> to it
        if page.name == "index.html":
            found = json.loads(head.split('<script type="application/ld+json">')[1].split("</script>")[0])
            assert not any(str(v).lower().startswith(f"{scheme.lower()}:") for v in _values(found)), page
    # Every address of the site and its records lies under the homepage: the gate admits only a web one.
    URL_FIELDS["homepage"](descriptor, url)
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (problem,) = atd.validate(copy)
    assert problem.endswith("datapackage.json: homepage: must be an http or https address of a folder, ending in '/'")


def _values(tree: object) -> list[object]:
    if isinstance(tree, dict):
        return [v for value in tree.values() for v in _values(value)]
    if isinstance(tree, list):
        return [v for value in tree for v in _values(value)]
    return [tree]


def test_a_source_address_that_is_no_web_address_makes_the_copy_invalid(
    tmp_path: Path, copy: Path, replace_in: Callable[[Path, str, str, str], Path]
) -> None:
    replace_in(copy, "sources", "https://www.iso.org/", "javascript:x//")
    with pytest.raises(atd.DataError, match=r"sources.csv: row 7: field 'url': does not match"):
        build_page(tmp_path / "site", copy)
    assert not (tmp_path / "site").exists()


def test_command_line_builds_from_a_copy_and_refuses_a_full_folder(tmp_path: Path, copy: Path, cli: Cli) -> None:
    result = cli("page", "--output", str(tmp_path / "site"), "--datapackage", str(copy))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "id" / "index.html").is_file()
    again = cli("page", "--output", str(tmp_path / "site"))
    assert again.returncode == 2 and str(tmp_path / "site") in again.stderr and "--force" in again.stderr
    forced = cli("page", "--output", str(tmp_path / "site"), "--force")
    assert forced.returncode == 0, forced.stderr


def test_a_broken_copy_builds_nothing(
    tmp_path: Path, copy: Path, replace_in: Callable[[Path, str, str, str], Path]
) -> None:
    replace_in(copy, "trafficking_cases", "2023,998,", "2023,many,")
    with pytest.raises(atd.DataError, match=r"trafficking_cases\.csv: row 9: field 'cases'"):
        build_page(tmp_path / "site", copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]


def test_without_the_page_extra_one_line_names_the_pip_command(
    tmp_path: Path, cli_without: Callable[[list[str], list[str]], subprocess.CompletedProcess[str]]
) -> None:
    result = cli_without(["altair"], ["page", "--output", str(tmp_path / "site")])
    assert result.returncode == 2
    assert result.stderr == (
        "asean-tip-data: error: page needs altair, which is not installed: pip install 'asean-tip-data[page]'\n"
    )
    assert not (tmp_path / "site").exists()


def test_the_json_ld_names_the_data_s_variables_not_its_lists_of_sources(site: Path) -> None:
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', (site / "index.html").read_text("utf-8"), re.S
    )
    assert found is not None
    data = json.loads(found[1])
    named = {v["name"].split(".")[0] for v in data["variableMeasured"]}
    assert named == set(atd.resource_names()) - {"sources", "placement_sources", "errata"}
    assert {"trafficking_cases.cases", "meetings.start_date", "case_statements.value"} <= {
        v["name"] for v in data["variableMeasured"]
    }


def test_the_json_ld_gives_each_download_its_media_type_and_a_title_in_both_languages(site: Path) -> None:
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', (site / "index.html").read_text("utf-8"), re.S
    )
    assert found is not None
    home = "https://asean-tip-data.github.io/asean-tip-data/downloads/"
    downloads = {d["contentUrl"].removeprefix(home): d for d in json.loads(found[1])["distribution"]}
    # IANA's media types, written out here; the Parquet one is the type Apache registered.
    media = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet", "json": "application/json"}
    media |= {"sqlite": "application/vnd.sqlite3", "ttl": "text/turtle", "jsonld": "application/ld+json"}
    assert {path: d["encodingFormat"] for path, d in downloads.items()} == {
        path: media[path.rsplit(".", 1)[1]] for path in downloads
    }
    # words-pinned.toml's [records]: what each file holds, in both languages; the DCAT records keep their names.
    titles = {
        "datapackage.json": ("Data Package descriptor", "Deskriptor Data Package"),
        "parquet/datapackage.json": (
            "Data Package descriptor of the Parquet files",
            "Deskriptor Data Package untuk berkas Parquet",
        ),
        "asean-tip-data.sqlite": ("SQLite database of all tables", "Basis data SQLite berisi semua tabel"),
        "resources/meetings.csv": ("AMMTC and SOMTC meetings (CSV)", "Pertemuan AMMTC dan SOMTC (CSV)"),
        "parquet/resources/meetings.parquet": (
            "AMMTC and SOMTC meetings (Parquet)",
            "Pertemuan AMMTC dan SOMTC (Parquet)",
        ),
    }
    for path, (english, indonesian) in titles.items():
        named = [{"@language": "en", "@value": english}, {"@language": "id", "@value": indonesian}]
        assert downloads[path]["name"] == named, path
    assert downloads["dcat-ap.ttl"]["name"] == "dcat-ap.ttl"


@pytest.mark.parametrize(("page", "lang"), [("index.html", "en"), ("id/index.html", "id")])
def test_figure_1_s_table_lists_the_countries_by_name_with_both_tiers_and_the_change(
    site: Path,
    page: str,
    lang: str,
    reference_placements: dict[tuple[str, int], dict[str, str]],
    country_names: dict[str, dict[str, str]],
    pinned: dict[str, Any],
) -> None:
    # Against the reference files: each country's 2023 and 2022 tiers and the change, in words-pinned.toml's words,
    # the 2022 tier marked * where it is known otherwise than from that report's text or from one transcription.
    placed, names = reference_placements, country_names[lang]
    noted = {i for (i, y), r in placed.items() if y == 2022 and (r["evidence"] != "report_text" or r["evidence_note"])}
    index, labels = ("en", "id").index(lang), pinned["labels"]
    table = (site / page).read_text(encoding="utf-8").split('<table class="map-table">')[1].split("</table>")[0]
    cell = r"<td>(?:<span[^>]*>[^<]*</span> )?([^<]*)</td>"
    shown = [tuple(map(html.unescape, r)) for r in re.findall(rf'<th scope="row">([^<]+)</th>{cell * 3}', table)]
    expected = []
    for iso3 in sorted(names, key=names.__getitem__):  # by name, as the page's language writes it
        now, before = placed[iso3, 2023], placed[iso3, 2022]
        earlier = labels["tier"][before["tier"]][index] + ("*" if iso3 in noted else "")
        change = labels["placement_change"][now["placement_change"]][index]
        expected.append((names[iso3], labels["tier"][now["tier"]][index], earlier, change))
    assert shown == expected
    # The map's data file: the codes beside their labels, the mark apart; and each country drawn says the same.
    with (site / "charts" / f"map-{lang}.csv").open(encoding="utf-8", newline="") as f:
        header, *offered = list(csv.reader(f))
    assert header == [
        "iso3",
        "name",
        "tier_2023",
        "tier_2023_label",
        "tier_2022",
        "tier_2022_label",
        "tier_2022_note",
        "change",
        "change_label",
    ]
    rows = []
    for iso3 in sorted(names, key=names.__getitem__):
        now, before = placed[iso3, 2023], placed[iso3, 2022]
        tiers = [now["tier"], labels["tier"][now["tier"]][index], before["tier"], labels["tier"][before["tier"]][index]]
        change = [now["placement_change"], labels["placement_change"][now["placement_change"]][index]]
        rows.append([iso3, names[iso3], *tiers, "*" if iso3 in noted else "", *change])
    assert offered == rows
    svg = (site / "charts" / f"map-{lang}.svg").read_text(encoding="utf-8")
    drawn = {html.unescape(t) for t in re.findall(r"<title>([^<]*)</title>", svg)}
    land = pinned["page"]["neighbours"][index]
    assert drawn - {land} == {f"{name}: {tier} ({change})" for name, tier, _, change in expected}
    # The names drawn: the shortest form the article prints where the full one does not fit (Lao PDR,
    # Appendices 1 and 3), a small state's mark beside its name, each tier's mark on the land.
    labels_drawn = {
        "en": "Brunei Darussalam (2W)|Cambodia|Indonesia|Lao PDR|Malaysia|Myanmar|Philippines|Singapore (1)|"
        "Thailand|Timor-Leste (2)|Viet Nam",
        "id": "Brunei Darussalam (2W)|Filipina|Indonesia|Kamboja|Laos|Malaysia|Myanmar|Singapura (1)|Thailand|"
        "Timor-Leste (2)|Vietnam",
    }[lang].split("|")
    texts = {html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)<title>", svg)}
    assert texts == {*labels_drawn, "1", "2", "2W", "3"}
    # Each country's land in its 2023 tier's colour (the palette written by hand).
    palette = {"Tier 1": "#edf8e9", "Tier 2": "#fecc5c", "Tier 2 Watch List": "#e6550d", "Tier 3": "#7f0000"}
    lands = re.findall(r'<path aria-label="([^"]*)" role="graphics-symbol"[^>]*fill="([^"]*)"', svg)
    coloured = {(html.unescape(said).split(": ")[0], fill) for said, fill in lands if html.unescape(said) != land}
    assert coloured == {(names[iso3], palette[placed[iso3, 2023]["tier"]]) for iso3 in names}


@pytest.mark.parametrize(("page", "lang"), [("index.html", "en"), ("id/index.html", "id")])
def test_the_timeline_names_how_each_meeting_met_and_the_one_the_article_does_not_print(
    site: Path, page: str, lang: str, pinned: dict[str, Any]
) -> None:
    # words-pinned.toml's [page] words: the legend of the two marks; the 19th AMMTC, held since the article, says so
    # where it is drawn and has its note under the chart; the chart's CSV names each meeting's mode.
    index, words = ("en", "id").index(lang), pinned["page"]
    html_text = (site / page).read_text(encoding="utf-8")
    legend = f"{words['timeline_legend_in_person'][index]} · {words['timeline_legend_online'][index]}"
    assert f"<p>{legend}</p>" in html_text
    named = words["meeting_name"][index].format(forum="AMMTC", number=19)
    assert f'aria-label="{named}: 8 September 2025, Melaka {words["meeting_after"][index]}"' in html_text
    assert f'<p class="caveat">{named}: ' in html_text
    with (site / "charts" / f"timeline-{lang}.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    modes = {"true": pinned["page"]["online"][index], "false": words["in_person"][index]}
    assert [r["mode"] for r in rows] == [modes[r["online"]] for r in rows]
    # Appendices 1 and 2 print "In Online Networking" (once "Dalam Jejaring Online") for the 14th-16th AMMTC and
    # the 20th-22nd SOMTC.
    online = {(r["forum"], r["number"]) for r in rows if r["online"] == "true"}
    assert online == {("AMMTC", n) for n in ("14", "15", "16")} | {("SOMTC", n) for n in ("20", "21", "22")}


def test_datasette_s_metadata_lies_beside_the_database_one_file_a_language(site: Path) -> None:
    # NAME.metadata.json in the first language, NAME.metadata.LANG.json in the others (datasette --metadata FILE).
    folder = site / "downloads"
    named = {lang: folder / f"asean-tip-data.metadata{suffix}.json" for lang, suffix in (("en", ""), ("id", ".id"))}
    titles = {lang: json.loads(path.read_text("utf-8"))["databases"]["asean-tip-data"] for lang, path in named.items()}
    assert {lang: t["tables"]["errata"]["title"] for lang, t in titles.items()} == {"en": "Errata", "id": "Ralat"}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_download_list_names_each_file_as_saved_and_links_it(
    site: Path, row_totals: dict[str, int], lang: str
) -> None:
    # Written out here: a file's name as a reader saves it, after the descriptor its tables, then the
    # database with datasette's metadata of it beside, then the DCAT-AP record in its two forms.
    tables = list(row_totals)  # the resources in the descriptor's order, as conftest writes them by hand
    named = (
        [("datapackage.json", "downloads/datapackage.json")]
        + [(f"{t}.csv", f"downloads/resources/{t}.csv") for t in tables]
        + [("parquet/datapackage.json", "downloads/parquet/datapackage.json")]
        + [(f"{t}.parquet", f"downloads/parquet/resources/{t}.parquet") for t in tables]
        + [
            ("asean-tip-data.sqlite", "downloads/asean-tip-data.sqlite"),
            ("asean-tip-data.metadata.json", "downloads/asean-tip-data.metadata.json"),
            ("asean-tip-data.metadata.id.json", "downloads/asean-tip-data.metadata.id.json"),
            ("dcat-ap.ttl", "downloads/dcat-ap.ttl"),
            ("dcat-ap.jsonld", "downloads/dcat-ap.jsonld"),
        ]
    )
    found = re.findall(r'<ul class="downloads">(.*?)</ul>', _html(site, lang), flags=re.S)
    assert len(found) == 1
    up = "" if lang == "en" else "../"
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', found[0])
    assert [(html.unescape(name), href) for href, name in links] == [(name, up + path) for name, path in named]


# Written out from the row counts (conftest's row_totals): the tables of more than 20 rows, whose
# pages get a filter box and sorting headings.
SORTED = {"sources", "meetings", "tip_tier_placements", "placement_sources", "glossary"}


def test_only_the_tables_of_more_than_twenty_rows_can_be_filtered_and_sorted(
    site: Path, row_totals: dict[str, int]
) -> None:
    for lang in ("en", "id"):
        pages = {name: _table(site, lang, name) for name in row_totals}
        assert {name for name, page in pages.items() if 'class="scroll sortable"' in page} == SORTED
        assert {name for name, page in pages.items() if "tables.js" in page} == SORTED


@pytest.mark.parametrize(("kept", "sortable"), [(20, False), (21, True)])
def test_a_table_turns_sortable_after_twenty_rows(
    copy: Path,
    tmp_path: Path,
    cells_of: Callable[..., list[list[str]]],
    write_cells: Callable[..., Path],
    kept: int,
    sortable: bool,
) -> None:
    # The bundled tables have 4 to 13 rows or 27 and more: the boundary itself is seen on a copy.
    header, *rows = cells_of("meetings")
    write_cells(copy, "meetings", [header, *rows[:kept]])
    page = _table(build_page(tmp_path / "site", copy), "en", "meetings")
    assert ('class="scroll sortable"' in page, '<p class="filter-help"' in page, "tables.js" in page) == (sortable,) * 3


def test_only_the_table_of_pages_read_says_each_row_names_its_own_source(
    site: Path, row_totals: dict[str, int], pinned: dict[str, Any]
) -> None:
    # placement_sources names no source of its own: each of its rows is a page read, with its address.
    for lang in ("en", "id"):
        said = f"<p>{html.escape(pinned['page']['sources_themselves'][IN[lang]])}</p>"
        assert {name for name in row_totals if said in _table(site, lang, name)} == {"placement_sources"}


# The columns of each table that hold source ids, in the order of its fields (written out by hand):
# a table page lists the sources its rows cite, in the order the rows cite them, each once.
CITING = {
    "countries": ("name_indonesian_source_id", "source_id"),
    "sources": ("source_id",),
    "trafficking_cases": ("note_source_ids", "source_id"),
    "case_statements": ("source_id",),
    "trafficking_suspects": ("source_id",),
    "liaison_officers": ("source_id",),
    "meetings": ("note_source_ids", "source_id"),
    "mous": ("source_id",),
    "strategies": ("source_id",),
    "strategy_roles": ("source_id",),
    "challenges": ("source_id",),
    "tip_tiers": ("source_id",),
    "tip_tier_placements": ("source_id",),
    "placement_sources": (),
    "glossary": ("source_id",),
    "errata": (),
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_table_page_lists_the_sources_its_rows_cite_in_order_in_its_language(
    site: Path, lang: str, cells_of: Callable[..., list[list[str]]]
) -> None:
    header, *rows = cells_of("sources")
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    for name, columns in CITING.items():
        header, *rows = cells_of(name)
        cited = dict.fromkeys(i for row in rows for column in columns for i in row[header.index(column)].split())
        found = re.findall(r'<ul class="sources">(.*?)</ul>', _table(site, lang, name), flags=re.S)
        items = re.findall(r'<li><cite(?: lang="(\w+)")?>(.*?)</cite>(.*?)</li>', found[0]) if found else []
        shown = [
            (written, html.unescape(text), re.findall(r' <a href="([^"]+)">([^<]+)</a>', a))
            for written, text, a in items
        ]
        assert shown == [_cited(by_id[i], lang) for i in cited], name
        assert bool(found) == bool(columns), name
        if name == "trafficking_cases":  # two entries written out whole: Table 1's source and the article's
            assert ("", KEMLU[lang], []) in shown
        if name == "sources":
            doi = "10.32781/cakrawala.v18i2.733"
            # In English on both pages (marked so on the Indonesian one), its address linked only once.
            written = "" if lang == "en" else "en"
            assert (written, ARTICLE, [(f"https://doi.org/{doi}", f"doi:{doi}")]) in shown


KEMLU = {"en": "Indonesian Ministry of Foreign Affairs Report, 2024", "id": "Laporan Kemlu RI, 2024"}
ARTICLE = (
    "Muhammad, R., Roziqin, A., Susilo, D., Romadhan, A. A. (2024). The Challenges of Intergovernmental"
    " Organizations in Combating Transnational Crime: An Indonesian Perspective. Cakrawala: Jurnal Litbang"
    " Kebijakan, 18(2), 229-250."
)


def _cited(source: dict[str, str], lang: str) -> tuple[str, str, list[tuple[str, str]]]:
    """Return how a table page lists a source: its citation's language where not the page's, its citation, its links."""
    indonesian = lang == "id" and source["citation_indonesian"]
    written = "id" if indonesian else source["citation_language"]
    links = [(f"https://doi.org/{source['doi']}", f"doi:{source['doi']}")] if source["doi"] else []
    # An address that only repeats the DOI is not linked twice.
    if source["url"] and not (source["doi"] and source["url"] == f"https://doi.org/{source['doi']}"):
        links.append((source["url"], source["url"]))
    return (
        "" if written == lang else written,
        source["citation_indonesian"] if indonesian else source["citation"],
        links,
    )


@pytest.mark.parametrize(("lang", "rows"), [("en", "rows"), ("id", "baris")])
def test_each_table_s_row_count_is_given_on_the_main_page_and_its_own(
    site: Path, row_totals: dict[str, int], lang: str, rows: str, pinned: dict[str, Any]
) -> None:
    # Each table's line on the main page: its page by title, its name, its row count, its files; and on
    # its own page the count and the files again. Titles from datapackage.json read with json.
    index, up = IN[lang], "" if lang == "en" else "../"
    titles = {
        r["name"]: r["title_translated"][lang]
        for r in json.loads(atd.datapackage_path().read_text("utf-8"))["resources"]
    }
    download, parquet = pinned["page"]["download"][index], pinned["page"]["parquet"][index]
    section = _html(site, lang).split('<ul class="tables">')[1].split("</ul>")[0]
    listed = re.findall(r"<li>(.*?)</li>", section)
    expected = []
    for name, total in row_totals.items():
        files = (
            f'{download}: <a href="{up}downloads/resources/{name}.csv">CSV</a>,'
            f' <a href="{up}downloads/parquet/resources/{name}.parquet">{parquet}</a>'
        )
        expected.append(
            f'<a href="tables/{name}.html">{titles[name]}</a> <code>{name}</code> · {total} {rows} · {files}'
        )
        own = files.replace(f'"{up}downloads', f'"{up}../downloads')
        assert f"<p>{total} {rows} · {own}</p>" in _table(site, lang, name), name
    assert [html.unescape(line) for line in listed] == expected


def test_the_cases_chart_leaves_out_a_year_without_indonesia_s_tier_and_keeps_the_rest(
    copy: Path, tmp_path: Path, cells_of: Callable[..., list[list[str]]], write_cells: Callable[..., Path]
) -> None:
    # A copy's Table 1 begins with 2015, a year the tier placements do not reach: the chart draws the
    # years it can place, 2016 to 2023, and its data file offers the same.
    header, first, *rest = cells_of("trafficking_cases")
    write_cells(copy, "trafficking_cases", [header, ["2015", *first[1:]], first, *rest])
    site = build_page(tmp_path / "site", copy)
    for lang in ("en", "id"):
        with (site / "charts" / f"cases-{lang}.csv").open(encoding="utf-8", newline="") as file:
            years = [row[0] for row in csv.reader(file)][1:]
        assert years == [str(year) for year in range(2016, 2024)], lang


# What each bar of the two bar charts says to a screen reader (its title), written out by hand from
# the article's Tables 1 and 2 and Indonesia's tier placements; the notes come from the CSV files.
BARS = {
    ("cases", "en"): [
        f"{y}: {n} cases; Indonesia: {t}"
        for y, n, t in [
            (2016, 478, "Tier 2"),
            (2017, 340, "Tier 2"),
            (2018, 164, "Tier 2"),
            (2019, 259, "Tier 2"),
            (2020, 383, "Tier 2"),
            (2021, 361, "Tier 2"),
            (2022, 752, "Tier 2 Watch List"),
            (2023, 998, "Tier 2"),
        ]
    ],
    ("cases", "id"): [
        f"{y}: {n} kasus; Indonesia: {t}"
        for y, n, t in [
            (2016, 478, "Tingkat 2"),
            (2017, 340, "Tingkat 2"),
            (2018, 164, "Tingkat 2"),
            (2019, 259, "Tingkat 2"),
            (2020, 383, "Tingkat 2"),
            (2021, 361, "Tingkat 2"),
            (2022, 752, "Daftar Pengawasan Tingkat 2"),
            (2023, 998, "Tingkat 2"),
        ]
    ],
    ("suspects", "en"): ["2020: 163 suspects", "2021: 165 suspects", "2022: 159 suspects"],
    ("suspects", "id"): ["2020: 163 tersangka", "2021: 165 tersangka", "2022: 159 tersangka"],
}


@pytest.mark.parametrize(("chart", "lang"), list(BARS))
def test_each_bar_says_its_year_count_and_tier_with_its_notes_in_the_page_s_language(
    site: Path, chart: str, lang: str, cells_of: Callable[..., list[list[str]]]
) -> None:
    note = "note_indonesian" if lang == "id" else "note"
    expected = list(BARS[chart, lang])
    noted: list[str] = []  # the figure lists the placements' notes (*), then the counts said otherwise (†)
    disputed: list[str] = []
    if chart == "cases":
        # Indonesia's 2022 placement has a note (*); the counts of 2016, 2022 and 2023 are said otherwise
        # elsewhere (†). 2021's note says that the ministry gave the same count: no mark.
        header, *rows = cells_of("tip_tier_placements")
        placed = {(r[0], r[1]): dict(zip(header, r, strict=True)) for r in rows}
        header, *rows = cells_of("trafficking_cases")
        for i, r in enumerate(dict(zip(header, row, strict=True)) for row in rows):
            if tier_note := placed["IDN", r["year"]][note]:
                expected[i] += f" (* Indonesia, {r['year']}: {tier_note})"
                noted.append(f"* Indonesia, {r['year']}: {tier_note}")
            if r["year"] in ("2016", "2022", "2023"):
                expected[i] += f" (\u2020 {r['year']}: {r[note]})"
                disputed.append(f"\u2020 {r['year']}: {r[note]}")
    svg = (site / "charts" / f"{chart}-{lang}.svg").read_text(encoding="utf-8")
    titles = [html.unescape(t) for t in re.findall(r"<title>([^<]*)</title>", svg)]
    labels = [html.unescape(t) for t in re.findall(r'aria-label="([^"]*)"', svg)]
    assert list(dict.fromkeys(titles)) == list(dict.fromkeys(labels)) == expected
    # What each bar shows: its count, with † where the count is said otherwise; then Indonesia's tier
    # mark in each bar, with * where the placement is noted. Written by hand from Table 1 and Figure 1.
    drawn = {
        "cases": [
            *("478\u2020", "340", "164", "259", "383", "361", "752\u2020", "998\u2020"),
            *("2", "2", "2", "2", "2", "2", "2W*", "2"),
        ],
        "suspects": ["163", "165", "159"],
    }[chart]
    assert [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)<title>", svg)] == drawn
    if chart == "cases":  # each bar in its tier's colour: Tier 2 yellow, 2022's Tier 2 Watch List orange
        bars = re.findall(r'<path aria-label="(\d{4}):[^"]*" role="graphics-symbol" d="[^"]*" fill="([^"]*)"', svg)
        assert bars == [(str(y), "#e6550d" if y == 2022 else "#fecc5c") for y in range(2016, 2024)]
    # The notes again under the chart, each once, the placement's first.
    figure = _html(site, lang).split(f'<figure id="figure-{chart}"')[1].split("</figure>")[0]
    caveats = [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r'<p class="caveat">(.*?)</p>', figure)]
    assert caveats == noted + disputed


def _offered(site: Path, chart: str, lang: str) -> list[dict[str, str]]:
    with (site / "charts" / f"{chart}-{lang}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_chart_s_data_file_holds_what_it_draws(
    site: Path, lang: str, cells_of: Callable[..., list[list[str]]], pinned: dict[str, Any]
) -> None:
    index, labels = IN[lang], pinned["labels"]
    note = "note_indonesian" if lang == "id" else "note"

    def rows_of(name: str) -> list[dict[str, str]]:
        header, *rows = cells_of(name)
        return [dict(zip(header, row, strict=True)) for row in rows]

    # Table 1 and Table 2 as the article prints them (written out here), with Indonesia's tiers.
    table_1 = {"2016": "478", "2017": "340", "2018": "164", "2019": "259"}
    table_1 |= {"2020": "383", "2021": "361", "2022": "752", "2023": "998"}
    placed = {r["report_year"]: r for r in rows_of("tip_tier_placements") if r["country_iso3"] == "IDN"}
    cases = [
        {
            "year": year,
            "cases": count,
            "indonesia_tier": placed[year]["tier"],
            "indonesia_tier_label": labels["tier"][placed[year]["tier"]][index],
            "indonesia_tier_note": placed[year][note],
            "ministry_statement": r["ministry_statement"],
            "ministry_statement_label": labels["ministry_statement"][r["ministry_statement"]][index]
            if r["ministry_statement"]
            else "",
            "ministry_note": r[note],
        }
        for (year, count), r in zip(table_1.items(), rows_of("trafficking_cases"), strict=True)
    ]
    assert _offered(site, "cases", lang) == cases
    assert _offered(site, "suspects", lang) == [
        {"year": "2020", "suspects": "163"},
        {"year": "2021", "suspects": "165"},
        {"year": "2022", "suspects": "159"},
    ]
    # The meetings as meetings.csv has them, each with how it met in the page's language; Singapore, a
    # city that is also a state, named as the page names the state.
    modes = {"true": pinned["page"]["online"][index], "false": pinned["page"]["in_person"][index]}
    city = {"Singapore": "Singapura"} if lang == "id" else {}
    columns = ("forum", "number", "start_date", "end_date", "online")
    meetings = [
        {**{c: m[c] for c in columns}, "city": city.get(m["city"], m["city"]), "mode": modes[m["online"]]}
        for m in rows_of("meetings")
    ]
    assert _offered(site, "timeline", lang) == meetings
    # And each meeting drawn says which it is, when it began (in prose) and where, or that it met online.
    months = {
        "en": "January February March April May June July August September October November December",
        "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    }[lang].split()
    said = []
    for m in rows_of("meetings"):
        year, month, day = m["start_date"].split("-")
        place = city.get(m["city"], m["city"]) or pinned["page"]["online"][index]
        number = m["number"] if lang == "en" else f"ke-{m['number']}"
        text = f"{m['forum']} {number}: {int(day)} {months[int(month) - 1]} {year}, {place}"
        said.append(text + (" " + pinned["page"]["meeting_after"][index] if not m["article_ref"] else ""))
    svg = (site / "charts" / f"timeline-{lang}.svg").read_text(encoding="utf-8")
    assert list(dict.fromkeys(html.unescape(t) for t in re.findall(r"<title>([^<]*)</title>", svg))) == said


# Each source line of the main page, in its order (the four charts, the tier grid, the challenges),
# written out by hand from the article, sources.csv and placement_sources.csv: who printed the
# rows, the reports that made the placements, the publishers of the pages read for the placements
# not read in their own report, and the sources the notes cite.
SOURCE_LINES = {
    "en": [
        "Muhammad et al. (2024), Table 1 (<cite>Indonesian Ministry of Foreign Affairs Report, 2024</cite>);"
        " Indonesia's tiers: U.S. Department of State, Trafficking in Persons Reports 2016\u20132023"
        " (2022: pages of <cite>BenarNews</cite>; <cite>JurnalPatroliNews</cite>; <cite>Medcom.id</cite>;"
        " and <cite>The Scoop (Brunei)</cite>); notes: <cite>U.S. Department of State (2017), 2017 Trafficking"
        " in Persons Report: Indonesia</cite>; <cite>Tribunnews (2023, 4 April)</cite>; <cite>Tribunnews (2024,"
        " 7 May)</cite>; and <cite>Medcom (2023, 14 July)</cite>.",
        "Muhammad et al. (2024), Table 2 (<cite>Data Report Bareskrim and the Regional Police, 2023</cite>).",
        "Muhammad et al. (2024), Figure 1; U.S. Department of State, Trafficking in Persons Reports 2022 and"
        " 2023 (Indonesia 2022 and Thailand 2022: pages of <cite>BenarNews</cite>; <cite>JurnalPatroliNews</cite>;"
        " <cite>Medcom.id</cite>; <cite>Royal Thai Embassy, Washington, D.C.</cite>; <cite>The Scoop"
        " (Brunei)</cite>; and <cite>theSun (Malaysia)</cite>). Map: Natural Earth.",
        "Muhammad et al. (2024), Appendices 1 and 2 (<cite>ASEAN Secretariat Website, 2024</cite>); AMMTC 19,"
        " not in the article: <cite>Bernama, via theSun (2025, 9 September)</cite>; <cite>Vietnam News Agency,"
        " VietnamPlus (2025, September)</cite>; <cite>Ministry of Home Affairs, Singapore (2025, 10"
        " September)</cite>; and <cite>The Star (2025, 10 September)</cite>.",
        "U.S. Department of State, Trafficking in Persons Reports 2016\u20132025 (28 placements not read in"
        " their own report's text: 113 pages of 67 publishers, listed in the table placement_sources).",
        "Muhammad et al. (2024), Result and Discussions, the four subsections on ASEANAPOL's dynamics and challenges.",
    ],
    "id": [
        "Muhammad dkk. (2024), Tabel 1 (<cite>Laporan Kemlu RI, 2024</cite>); peringkat Indonesia:"
        " Departemen Luar Negeri AS, Laporan TIP 2016\u20132023 (2022: laman <cite>BenarNews</cite>;"
        " <cite>JurnalPatroliNews</cite>; <cite>Medcom.id</cite>; dan <cite>The Scoop (Brunei)</cite>);"
        " catatan: <cite>Departemen Luar Negeri Amerika Serikat (2017), Laporan TIP 2017, uraian tentang"
        " Indonesia</cite>; <cite>Tribunnews (4 April 2023)</cite>; <cite>Tribunnews (7 Mei 2024)</cite>;"
        " dan <cite>Medcom (14 Juli 2023)</cite>.",
        "Muhammad dkk. (2024), Tabel 2 (<cite>Laporan data Bareskrim Polri dan Polda, 2023</cite>).",
        "Muhammad dkk. (2024), Gambar 1; Departemen Luar Negeri AS, Laporan TIP 2022 dan 2023 (Indonesia"
        " 2022 dan Thailand 2022: laman <cite>BenarNews</cite>; <cite>JurnalPatroliNews</cite>;"
        " <cite>Medcom.id</cite>; <cite>Royal Thai Embassy, Washington, D.C.</cite>; <cite>The Scoop"
        " (Brunei)</cite>; dan <cite>theSun (Malaysia)</cite>). Peta: Natural Earth.",
        "Muhammad dkk. (2024), Lampiran 1 dan 2 (<cite>Laman Sekretariat ASEAN, 2024</cite>); AMMTC ke-19,"
        " tidak tercantum dalam artikel: <cite>Bernama, melalui theSun (9 September 2025)</cite>;"
        " <cite>Kantor Berita Vietnam, VietnamPlus (September 2025)</cite>; <cite>Kementerian Dalam Negeri"
        " Singapura (10 September 2025)</cite>; dan <cite>The Star (10 September 2025)</cite>.",
        "Departemen Luar Negeri AS, Laporan TIP 2016\u20132025 (28 peringkat yang tidak dibaca dari uraian"
        " negara dalam laporannya sendiri: 113 laman dari 67 penerbit, tercantum di tabel placement_sources).",
        "Muhammad dkk. (2024), bagian Hasil dan Pembahasan, empat subbagian tentang dinamika dan tantangan ASEANAPOL.",
    ],
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_source_line_of_the_main_page_names_what_it_rests_on(site: Path, lang: str) -> None:
    word = {"en": "Source", "id": "Sumber"}[lang]
    found = re.findall(rf'<p class="source"><strong>{word}:</strong> (.*?)</p>', _html(site, lang), flags=re.S)
    assert [html.unescape(line) for line in found] == SOURCE_LINES[lang]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_figure_has_its_title_legend_caption_and_notes_in_the_page_s_language(
    site: Path, lang: str, pinned: dict[str, Any], cells_of: Callable[..., list[list[str]]], country_names: Any
) -> None:
    index, words, tiers = IN[lang], pinned["page"], pinned["labels"]["tier"]
    note = "note_indonesian" if lang == "id" else "note"
    keys = [(f"tier-{m.lower()}", m, tiers[t][index]) for t, m in [("Tier 1", "1"), ("Tier 2", "2")]]
    keys += [("tier-2w", "2W", tiers["Tier 2 Watch List"][index]), ("tier-3", "3", tiers["Tier 3"][index])]
    noted, counted = ("", "*", words["mark_noted"][index]), ("", "\u2020", words["mark_count"][index])
    header, *rows = cells_of("tip_tier_placements")
    placements = [dict(zip(header, row, strict=True)) for row in rows]
    # Figure 1's notes: the 2022 placements with a note (Indonesia's and Thailand's), by the country's name.
    names = country_names[lang]
    notes_2022 = [(names[p["country_iso3"]], p[note]) for p in placements if p["report_year"] == "2022" and p[note]]
    assert sorted(names[iso3] for iso3 in ("IDN", "THA")) == sorted(name for name, _ in notes_2022)
    header, *rows = cells_of("meetings")
    later = [dict(zip(header, row, strict=True)) for row in rows if not row[header.index("article_ref")]]
    named = words["meeting_name"][index].format
    expected = {
        # (The cases chart's notes: test_each_bar_says_its_year_count_and_tier_with_its_notes_...)
        "cases": (words["cases_title"][index], [*keys, noted, counted], [words["cases_caption"][index]]),
        "suspects": (words["suspects_title"][index], [], []),
        "map": (
            words["map_title"][index],
            [*keys, noted],
            [words["map_caption"][index], *(f"* {name}, 2022: {text}" for name, text in sorted(notes_2022))],
        ),
        "timeline": (
            words["timeline_title"][index],
            [],
            [
                f"{words['timeline_legend_in_person'][index]} · {words['timeline_legend_online'][index]}",
                *(f"{named(forum=m['forum'], number=m['number'])}: {m[note]}" for m in later),
            ],
        ),
    }
    for name, (title, legend, paragraphs) in expected.items():
        figure = _html(site, lang).split(f'<figure id="figure-{name}"')[1].split("</figure>")[0]
        assert re.findall(r"<h3[^>]*>([^<]*)</h3>", figure) == [html.escape(title, quote=False)], name
        shown = re.findall(r'<li><span class="key ?([^"]*)" aria-hidden="true">([^<]*)</span> ([^<]*)</li>', figure)
        assert [(c, m, html.unescape(t)) for c, m, t in shown] == legend, name
        if legend:
            assert f'<ul class="legend" aria-label="{pinned["page"]["legend"][index]}">' in figure
        caption = figure.split("<figcaption>")[1]
        said = re.findall(r'<p(?: class="caveat")?>(.*?)</p>', caption, flags=re.S)
        said = said[:1] if name == "cases" else said
        assert [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in said] == paragraphs, name


def _text(fragment: str) -> str:
    """Return an HTML fragment's text as a reader sees it: tags dropped, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_table_page_s_dictionary_gives_each_field_as_the_descriptor_declares_it(
    site: Path, lang: str, pinned: dict[str, Any]
) -> None:
    # From datapackage.json read with json: each field's name, type (with its label in the page's
    # language where the two differ), whether it is required, its constraints in the page's words
    # (a list of codes, a pattern, a minimum, uniqueness, in that order), its title and description.
    index, words = IN[lang], pinned["page"]
    yes_no = {True: words["yes"][index], False: words["no"][index]}
    descriptor = json.loads(atd.datapackage_path().read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        expected = []
        for f in resource["schema"]["fields"]:
            c = f["constraints"]
            parts = [f"{words['one_of'][index]} " + ", ".join(c["enum"])] if "enum" in c else []
            parts += [f"{words['pattern'][index]} {c['pattern']}"] if "pattern" in c else []
            parts += [f"\u2265 {c['minimum']}"] if "minimum" in c else []
            parts += [words["unique"][index]] if c.get("unique") else []
            label = pinned["labels"]["field_type"][f["type"]][index]
            shown_type = f["type"] if label == f["type"] else f"{f['type']} {label}"
            expected.append(
                (
                    f["name"],
                    shown_type,
                    yes_no[c.get("required", False)],
                    "; ".join(parts),
                    f["title_translated"][lang],
                    f["description_translated"][lang].replace("`", ""),  # `code` is shown as code
                )
            )
        page = _table(site, lang, resource["name"])
        body = page.split('<table class="dictionary">')[1].split("</table>")[0].split("<tbody>")[1]
        rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>((?:<td>.*?</td>){5})</tr>", body, flags=re.S)
        shown = [(_text(name), *(_text(c) for c in re.findall(r"<td>(.*?)</td>", cells))) for name, cells in rows]
        assert shown == expected, resource["name"]
        # And some rows written out whole, as a reader sees them: a list of codes, a minimum, a pattern with
        # uniqueness, a field that may be empty.
        for row in DICTIONARY_ROWS[lang].get(resource["name"], []):
            assert row in shown, (resource["name"], row)


DICTIONARY_ROWS = {
    "en": {
        "meetings": [
            ("forum", "string text", "yes", "one of AMMTC, SOMTC", "Forum", "AMMTC or SOMTC."),
            (
                "number",
                "integer whole number",
                "yes",
                "\u2265 1",
                "Number",
                "Ordinal number of the meeting within its forum.",
            ),
        ],
        "countries": [
            (
                "iso2",
                "string text",
                "yes",
                "pattern ^[A-Z]{2}$; unique",
                "ISO alpha-2 code",
                "ISO 3166-1 alpha-2 code.",
            ),
        ],
    },
    "id": {
        "meetings": [
            ("forum", "string teks", "ya", "salah satu dari AMMTC, SOMTC", "Forum", "AMMTC atau SOMTC."),
            ("number", "integer bilangan bulat", "ya", "\u2265 1", "Nomor", "Nomor urut pertemuan di dalam forumnya."),
            (
                "name_as_printed",
                "string teks",
                "tidak",
                "",
                "Nama seperti tercetak",
                "Sel nama pertemuan seperti tercetak, tanpa markah. Kosong untuk pertemuan yang tidak tercetak dalam"
                " artikel.",
            ),
        ],
    },
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_record_cell_shows_its_csv_value_as_written(
    site: Path, lang: str, pinned: dict[str, Any], cells_of: Callable[..., list[list[str]]], row_totals: dict[str, int]
) -> None:
    # Every cell of every table page, read as a reader sees it (a code without its label), against the
    # CSV file read with csv: the value as written, a boolean as a word of the page's language.
    # (The Indonesian pages' "where printed" cells: test_the_indonesian_pages_say_where_each_row_...)
    words = {"true": pinned["page"]["yes"][IN[lang]], "false": pinned["page"]["no"][IN[lang]]}
    descriptor = json.loads(atd.datapackage_path().read_text(encoding="utf-8"))
    fields = [(r["name"], f) for r in descriptor["resources"] for f in r["schema"]["fields"]]
    booleans = {(table, f["name"]) for table, f in fields if f["type"] == "boolean"}
    assert len(booleans) == 3
    for name in row_totals:
        header, *rows = cells_of(name)
        page = _table(site, lang, name).split('<tbody class="list">')[1].split("</tbody>")[0]
        shown = [
            [_text(cell.split("</code> <span", 1)[0]) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", page, flags=re.S)
        ]
        expected = [
            [words[v] if (name, f) in booleans and v else v for f, v in zip(header, row, strict=True)] for row in rows
        ]
        if lang == "id" and "article_ref" in header:
            at = header.index("article_ref")
            shown, expected = [r[:at] + r[at + 1 :] for r in shown], [r[:at] + r[at + 1 :] for r in expected]
        assert shown == expected, name


# Issue #32, item 4: the page's text filters are linear in a text's length. Failed on 1.17.0.


def test_the_page_s_text_filters_are_linear_in_a_text_s_length() -> None:
    # 1.17.0: no_break_inside's regex started afresh at every character of a word without a hyphen:
    # one 100,000-character cell took 43 s, so twenty million characters would take years. Linear,
    # they take a fraction of a second; the timeout only stops the old code from running for ever.
    code = (
        "from asean_tip_data._page.build import _environment\n"
        "filters = _environment().filters\n"
        "text = 'x' * 10_000_000 + ' 2024-01-01 `code` ' + 'y' * 10_000_000\n"
        "print(str(filters['no_break_inside'](text)).count('<span'), str(filters['code_spans'](text)).count('<code>'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert (result.returncode, result.stdout) == (0, "1 1\n"), result.stderr


def test_a_hyphen_keeps_its_word_whole_as_before() -> None:
    from asean_tip_data._page.build import _environment

    no_break_inside = _environment().filters["no_break_inside"]
    assert str(no_break_inside("held 2024-08-26 - 30 in Vientiane, <co-host> & x-y")) == (
        'held <span class="nb">2024-08-26</span> <span class="nb">-</span> 30 in Vientiane, '
        '<span class="nb">&lt;co-host&gt;</span> &amp; <span class="nb">x-y</span>'
    )


# The language of each column's text, read in the CSV files: English (the article's words as
# printed, quotations from English-language pages, our English texts), Indonesian (their
# translations); the other columns hold codes, numbers, dates, names and addresses. A citation's
# language is its row's `citation_language`. Two columns of placement_sources mix names with
# English words, and are kept as the page marks them until that is decided: `source_family`
# (mostly names of newspapers and agencies) as English, `publisher` (names, some with an English
# note) as none.
WRITTEN_IN = {
    "countries": ("name", "name_indonesian"),
    "sources": ("", "citation_indonesian"),
    "trafficking_cases": ("note", "note_indonesian"),
    "case_statements": ("speaker quote", "speaker_indonesian"),
    "trafficking_suspects": ("", ""),
    "liaison_officers": ("full_name_as_printed placement_as_printed", ""),
    "meetings": ("name_as_printed chair_as_printed dates_as_printed venue_as_printed note", "note_indonesian"),
    "mous": ("country_as_printed title parties status_as_printed", "title_indonesian"),
    "strategies": ("name description", "name_indonesian description_indonesian"),
    "strategy_roles": ("actor_as_printed role", "role_indonesian"),
    "challenges": ("name summary", "name_indonesian summary_indonesian"),
    "tip_tiers": ("definition", "definition_indonesian"),
    "tip_tier_placements": ("note", "note_indonesian"),
    "placement_sources": ("source_family quote", ""),
    "glossary": ("expansion definition", "expansion_indonesian definition_indonesian"),
    "errata": ("printed corrected reason", "reason_indonesian"),
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_cell_in_the_other_language_says_its_language(
    lang: str, site: Path, descriptor: dict[str, Any], cells_of: Callable[..., list[list[str]]]
) -> None:
    # A screen reader reads "Nota Kesepahaman" as Indonesian on the English page, and "MoU on ..." as
    # English on the Indonesian one; a code, a number or a name gets no language.
    assert set(WRITTEN_IN) == {r["name"] for r in descriptor["resources"]}
    checked = 0
    for name, (english, indonesian) in WRITTEN_IN.items():
        header, *rows = cells_of(name)
        page = _table(site, lang, name)
        said = Counter(re.findall(r'<td class="c-(\w+)[^"]*"(?: lang="(\w+)")?>', page))
        written = {column: "en" for column in english.split()} | {column: "id" for column in indonesian.split()}
        assert set(written) <= set(header), name
        expected: Counter[tuple[str, str]] = Counter()
        for row in rows:
            cell = dict(zip(header, row, strict=True))
            for column, value in cell.items():
                language = cell["citation_language"] if column == "citation" else written.get(column)
                expected[(column, language if value and language not in (None, lang) else "")] += 1
        assert said == expected, name
        checked += sum(n for (_, language), n in expected.items() if language)
    assert checked > 200  # cells in the other language, on either page: the test read the pages


def _as_printed(heading: str) -> str:
    return f'<span lang="en">“{heading}”</span>'


STRATEGY = "Strategy of the Indonesian Police and ASEANAPOL in Handling Human Trafficking in Indonesia"
CHALLENGES = (
    "ASEANAPOL Intergovernmental Organization Dynamics and Challenges in Addressing Human Trafficking in Indonesia"
)
# One example of every form of `article_ref` other than "Table/Appendix N[, row M]", as the Indonesian
# page must say it: written by hand with words-pinned.toml's [locators]; a heading the article
# prints stays in English, quoted.
LOCATED_IN_INDONESIAN = {
    "Figure 1": "Gambar 1",
    "Figure 1, source line": "Gambar 1, keterangan sumber",
    "Introduction": "Pendahuluan",
    "Introduction, text on Figure 1": "Pendahuluan, teks tentang Gambar 1",
    "Table 1, source line": "Tabel 1, keterangan sumber",
    "Table 2, column 3": "Tabel 2, kolom 3",
    "Table 3 and Appendix 3, source lines": "Tabel 3 dan Lampiran 3, keterangan sumber",
    "Appendices 1 and 2, source lines": "Lampiran 1 dan 2, keterangan sumber",
    "Appendix 4, row 1, ASEANAPOL line": "Lampiran 4, baris 1, bagian ASEANAPOL",
    "Appendix 4, row 2, Indonesian Police line": "Lampiran 4, baris 2, bagian Polri",
    "Literature Review, Human Trafficking": f"Tinjauan Pustaka, {_as_printed('Human Trafficking')}",
    "Result and Discussions, Human Trafficking in Indonesia": (
        f"Hasil dan Pembahasan, {_as_printed('Human Trafficking in Indonesia')}"
    ),
    f"Result and Discussions, {STRATEGY}, internal stages, second": (
        f"Hasil dan Pembahasan, {_as_printed(STRATEGY)}, tahap internal, kedua"
    ),
    f"Result and Discussions, {CHALLENGES}, Victim Protection and Recovery": (
        f"Hasil dan Pembahasan, {_as_printed(CHALLENGES)}, {_as_printed('Victim Protection and Recovery')}"
    ),
    f"Appendix 4, row 1; Result and Discussions, {STRATEGY}, first strategy, item b": (
        f"Lampiran 4, baris 1; Hasil dan Pembahasan, {_as_printed(STRATEGY)}, strategi pertama, butir b"
    ),
    f"Appendix 4, row 4; Abstract; Result and Discussions, {STRATEGY}, fourth strategy; Conclusion": (
        f"Lampiran 4, baris 4; Abstrak; Hasil dan Pembahasan, {_as_printed(STRATEGY)}, strategi keempat; Kesimpulan"
    ),
}


def test_the_indonesian_pages_say_where_each_row_is_printed_in_indonesian_with_headings_as_printed(
    site: Path, descriptor: dict[str, Any], cells_of: Callable[..., list[list[str]]], pinned: dict[str, Any]
) -> None:
    # The data keep "Appendix 3, row 1"; the Indonesian page says "Lampiran 3, baris 1" (words-pinned.toml's
    # [locators]): every table's and appendix's rows, and each other form above.
    words = {key: texts[IN["id"]] for key, texts in pinned["locators"].items()}
    numbered = {"Table": words["table"], "Appendix": words["appendix"]}
    checked, found = 0, set()
    for resource in descriptor["resources"]:
        header, *rows = cells_of(resource["name"])
        if "article_ref" not in header:
            continue
        page = _table(site, "id", resource["name"])
        shown = re.findall(r'<td class="c-article_ref[^"]*">(.*?)</td>', page)
        for row, cell in zip(rows, shown, strict=True):
            ref = row[header.index("article_ref")]
            if numbers := re.fullmatch(r"(Table|Appendix) (\d+)(?:, row (\d+))?", ref):
                row_words = f", {words['row'].format(numbers[3])}" if numbers[3] else ""
                assert cell == numbered[numbers[1]].format(numbers[2]) + row_words, ref
                checked += 1
            elif ref in LOCATED_IN_INDONESIAN:
                assert cell == LOCATED_IN_INDONESIAN[ref], ref
                found.add(ref)
    assert checked > 100 and found == set(LOCATED_IN_INDONESIAN)


def test_the_challenges_are_listed_in_their_order_in_each_language_with_the_printed_name(
    copy: Path, tmp_path: Path, cells_of: Callable[..., list[list[str]]], write_cells: Callable[..., Path]
) -> None:
    # From challenges.csv, its rows reversed in a copy: in `sequence`, each name and summary in the
    # page's language; the Indonesian page adds the name as the article prints it, marked as English.
    header, *rows = cells_of("challenges")
    write_cells(copy, "challenges", [header, *reversed(rows)])
    site = build_page(tmp_path / "site", copy)
    rows.sort(key=lambda row: int(row[header.index("sequence")]))
    assert [row[header.index("sequence")] for row in rows] == ["1", "2", "3", "4"]
    for lang in ("en", "id"):
        listed = re.search(r'<ol class="challenges">(.*?)</ol>', _html(site, lang), re.DOTALL)
        assert listed is not None
        expected = []
        for row in rows:
            cell = dict(zip(header, row, strict=True))
            name, printed, summary = f"<strong>{cell['name']}</strong>", "", cell["summary"]
            if lang == "id":
                name, summary = f"<strong>{cell['name_indonesian']}</strong>", cell["summary_indonesian"]
                printed = f' <span class="printed" lang="en">({cell["name"]})</span>'
            expected.append(f"{name}{printed}. {summary}")
        assert [html.unescape(li) for li in re.findall(r"<li>(.*?)</li>", listed[1], re.DOTALL)] == expected


@pytest.mark.parametrize(
    ("table", "unbroken", "wrapping"),
    [
        (
            "meetings",
            "forum number chair_iso3 start_date end_date online chair_follows_asean_chairmanship source_id",
            "name_as_printed chair_as_printed dates_as_printed city venue_as_printed note note_indonesian article_ref",
        ),
        ("countries", "iso3 iso2 numeric_code name_indonesian_source_id source_id", "name name_indonesian article_ref"),
    ],
)
def test_numbers_dates_booleans_and_codes_never_break_inside_their_cells(
    table: str, unbroken: str, wrapping: str, site: Path
) -> None:
    # On a phone, "1997-12-20" or "IDN" split over two lines misreads; names and prose may wrap.
    # (Lists of source ids, such as meetings' note_source_ids, are left out: whether a list of
    # about 90 characters should wrap is a question for the page's design.)
    for lang in ("en", "id"):
        cells = set(re.findall(r'<td class="c-(\w+)( nowrap)?"', _table(site, lang, table)))
        listed = {(n, " nowrap") for n in unbroken.split()} | {(n, "") for n in wrapping.split()}
        assert listed <= cells and {n for n, _ in cells} - {n for n, _ in listed} <= {"note_source_ids"}
