"""Build the dataset's static site, in English and Indonesian, from the descriptor and the data."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path
from typing import Any

from .._catalogue.cite import cite
from .._catalogue.datasette import metadata_text
from .._catalogue.dcat import record
from .._catalogue.downloads import SQLITE, datasette_files, download_files
from .._catalogue.facts import Facts, facts
from .._catalogue.jsonld import jsonld
from .._gate.loading import resource_names
from .._gate.optional import require
from .._gate.package import CopyArg, Package, open_package
from .._gate.schema import Table, text_in
from .._outputs.export import writer
from .._outputs.replace import write_safely
from .._words.i18n import LANGUAGES, date_text, words_in
from .._words.tiers import COLOURS, INK
from .content import challenges, history, names_in, summary, table_page
from .credits import citation_language as _credits_language
from .figures import figures, map_rows

PAGE_EXTRA = ("jinja2", "altair", "vl_convert", "pyarrow", "yaml", "rdflib")
SITE = Path(__file__).parent / "site"
_HYPHENATED = re.compile(r"(?<!\S)\S*-\S*")


def build_page(output: str | Path, datapackage: CopyArg = None, *, overwrite: bool = False) -> Path:
    """Build the site into the folder ``output`` from the bundled data or the given copy."""
    for module in PAGE_EXTRA:  # before anything is written
        require(module, "page", extra="page")
    package = open_package(datapackage)
    package.check()  # a broken copy stops here, before anything is written
    return write_safely(output, True, overwrite, lambda site: _write_site(site, package))


def tier_class(tier: str) -> str:
    """Return the CSS class of a tier ("Tier 2 Watch List": "tier-2w"); empty for no tier."""
    return "tier-" + tier.removeprefix("Tier ").replace(" Watch List", "w").lower() if tier else ""


def _environment() -> Any:
    jinja2 = require("jinja2", "page", extra="page")
    markupsafe = require("markupsafe", "page", extra="page")

    def code_spans(text: str) -> Any:
        # `name` in a description is code: escaped like all text, then set as code.
        return markupsafe.Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(markupsafe.escape(text))))

    def prose(text: str, lang: str) -> Any:
        # Codes as code; and in Indonesian, a quotation in double quotes is the article's or a report's
        # English (the term base's convention), marked so for a screen reader.
        html = str(code_spans(text))
        if lang == "id":
            html = re.sub(r"(“|&#34;)([^”&<]+)(”|&#34;)", r'\1<span lang="en">\2</span>\3', html)
        return markupsafe.Markup(html)

    def no_break_inside(text: str) -> Any:
        # A word with a hyphen in it (a date range, an ISO date) is never broken at its hyphen. Tried
        # only where a word starts: linear in the text's length, however long its words.
        escaped = str(markupsafe.escape(text))
        return markupsafe.Markup(_HYPHENATED.sub(r'<span class="nb">\g<0></span>', escaped))

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SITE), autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters.update(code_spans=code_spans, no_break_inside=no_break_inside, tier_class=tier_class)
    environment.filters["prose"] = prose
    environment.tests["markup"] = lambda value: isinstance(value, markupsafe.Markup)  # HTML made here, kept whole
    return environment


def _write_site(site: Path, package: Package) -> None:
    records = {name: package.records(name) for name in resource_names()}
    downloads = site / "downloads"
    writer("csv")(downloads, package)  # with the copy's descriptor
    writer("sqlite")(downloads / "asean-tip-data.sqlite", package)
    for _, path, lang in datasette_files():  # datasette's metadata beside it, in each language
        (site / path).write_text(metadata_text(package.meta, Path(SQLITE).stem, lang), encoding="utf-8")
    writer("parquet")(downloads / "parquet", package)
    tables = [r.table for r in package.meta.resources]
    about = facts(package)
    if package.meta.homepage:  # a record's addresses are under the published home
        # Each download's size and checksum, from the files this run wrote.
        files = {path: (site / path).read_bytes() for _, path, _ in download_files(tables) if (site / path).is_file()}
        for name, format in (("dcat-ap.ttl", "turtle"), ("dcat-ap.jsonld", "json-ld")):
            (downloads / name).write_text(record(package.meta, about, files, format), encoding="utf-8")
    environment = _environment()
    dumped = {name: [r.model_dump(mode="json") for r in rows] for name, rows in records.items()}
    geo = json.loads((SITE / "southeast-asia.geo.json").read_text(encoding="utf-8"))
    (site / "charts").mkdir()
    described = jsonld(package.meta, about, dumped)  # one description of the Dataset, the same on every page
    for lang in LANGUAGES:
        _write_language(site, environment, lang, package, tables, dumped, geo, (about, described))
    css = environment.get_template("page.css.jinja").render(colours=COLOURS, ink=INK)
    (site / "page.css").write_text(css, encoding="utf-8")
    shutil.copyfile(SITE / "tables.js", site / "tables.js")
    shutil.copytree(SITE / "vendor", site / "vendor")


def _write_language(
    site: Path,
    environment: Any,
    lang: str,
    package: Package,
    tables: list[Table],
    dumped: Any,
    geo: Any,
    known: tuple[Facts, str],
) -> None:
    w = words_in("page", lang)
    about, described = known  # what the data covers, and the Dataset's description for search engines
    names = names_in(dumped["countries"], lang)
    lang_root = "" if lang == LANGUAGES[0] else f"{lang}/"
    (site / lang_root / "tables").mkdir(parents=True)
    drawn = figures(dumped, names, lang, geo)
    for figure in drawn:
        (site / "charts" / f"{figure.name}-{lang}.svg").write_text(figure.svg + "\n", encoding="utf-8")
        with open(site / "charts" / f"{figure.name}-{lang}.csv", "w", encoding="utf-8", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows([figure.columns, *figure.rows])
    lines = [summary(t, len(dumped[t.name]), lang, w) for t in tables]
    meta = package.meta
    title = text_in(meta.titles, lang)
    description = text_in(meta.descriptions, lang)
    common = {"lang": lang, "lang_root": lang_root, "w": w, "version": meta.version}
    homepage = meta.homepage
    main = {
        **common,
        **_links(lang, "index.html", homepage, ""),
        "page_title": title,
        "page_description": description,
        "title": title,
        "description": description,
        "vintage": _prose_date(about.article, lang),
        "coverage": _coverage(about, lang, w),
        # A licence's title in English is marked so; its translation is the page's language.
        "licences": [(text_in(lic.titles, lang), lic.url, _english(lic, lang)) for lic in meta.licenses],
        "citation": _citation(cite("text", lang=lang), meta, dumped["sources"], lang),
        "bibtex": cite("bibtex", lang=lang),
        "downloads": _listed(site, tables),
        "figures": drawn,
        "map_rows": map_rows(dumped, names, lang),
        "history": history(dumped, names, lang),
        "challenges": challenges(dumped, lang),
        "tables": lines,
        "jsonld": described,  # the same on every page
    }
    page = environment.get_template("index.html.jinja").render(main)
    (site / lang_root / "index.html").write_text(page, encoding="utf-8")
    template = environment.get_template("table.html.jinja")
    for t in tables:
        content = table_page(t, dumped[t.name], dumped["sources"], names, lang=lang, words=w)
        context = {
            **common,
            **_links(lang, f"tables/{t.name}.html", homepage, "../"),
            "page_title": f"{content['title']} · {title}",
            "page_description": content["description"],
            "table": content,
        }
        (site / lang_root / "tables" / f"{t.name}.html").write_text(template.render(context), encoding="utf-8")


def _english(licence: Any, lang: str) -> str | None:
    """Return "en" where a page in another language shows a licence's title in English (it has no translation)."""
    return "en" if lang != "en" and text_in(licence.titles, lang) == licence.title else None


def _citation(text: str, meta: Any, sources: list[dict[str, Any]], lang: str) -> tuple[str, str, str, str | None]:
    """Return the citation in three parts, the article's title in the middle with its language where not the page's."""
    titles = [s.article.title for s in meta.sources if s.article is not None]
    articles = [s for s in sources if s["kind"] == "article"]
    if len(titles) != 1 or len(articles) != 1 or titles[0] not in text:  # a copy may list no article
        return text, "", "", None
    before, _, after = text.partition(titles[0])
    return before, titles[0], after, _credits_language(articles[0], lang)


def _coverage(about: Facts, lang: str, w: dict[str, str]) -> str:
    """Return the period the data covers, as ``lang`` writes dates; empty where the data holds no date."""
    if about.start is None or about.end is None:
        return ""
    return w["coverage_value"].format(start=date_text(about.start, lang), end=date_text(about.end, lang))


def _listed(site: Path, tables: list[Table]) -> list[tuple[str, str]]:
    """Return the downloads the page lists: every file written, datasette's metadata after the SQLite database."""
    listed = []
    for name, path, _ in download_files(tables):
        listed.append((name, path))
        if path == SQLITE:
            listed += [(beside, where) for beside, where, _ in datasette_files()]
    return [(name, path) for name, path in listed if (site / path).is_file()]


def _prose_date(text: str, lang: str) -> str:
    """Return an ISO date as prose in ``lang`` writes it; any other text as it is."""
    try:
        return date_text(text, lang)
    except ValueError:
        return text


def _links(lang: str, page: str, homepage: str | None, up: str) -> dict[str, Any]:
    """Return the links of one page to the site's root, to its twin in the other language, and its alternates."""
    root = up + ("" if lang == LANGUAGES[0] else "../")
    other = next(code for code in LANGUAGES if code != lang)
    other_root = "" if other == LANGUAGES[0] else f"{other}/"
    published = "" if page == "index.html" else page
    alternates = []
    if homepage:
        alternates = [
            (code, f"{homepage}{'' if code == LANGUAGES[0] else code + '/'}{published}") for code in LANGUAGES
        ]
        alternates.append(("x-default", f"{homepage}{published}"))
    return {"root": root, "other_lang": other, "other_href": f"{root}{other_root}{page}", "alternates": alternates}
