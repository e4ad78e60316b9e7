"""Build the dataset's static site, in English and Indonesian, from the descriptor and the data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from . import _charts
from ._cite import cite
from ._export import export, write_safely
from ._files import DESCRIPTOR, PathArg, bundled_bytes
from ._frames import require
from ._i18n import LANGUAGES, MARKS, label, tier_grid, words_in
from ._jsonld import jsonld
from ._loading import load, resource_names
from ._schema import parse_table, text_in, translations

PAGE_EXTRA = ("jinja2", "altair", "vl_convert", "pyarrow")
SMALL = {"SGP", "BRN"}  # a few pixels wide on the map: marked by a ring as well


def build_page(output: str | Path, datapackage: PathArg = None, *, overwrite: bool = False) -> Path:
    """Build the site into the folder ``output`` from the bundled data or the given copy."""
    for module in PAGE_EXTRA:  # before anything is written
        require(module, "page", extra="page")
    path = Path(output)
    write_safely(path, True, overwrite, lambda site: _write_site(site, datapackage))
    return path


def _descriptor(datapackage: PathArg) -> dict[str, Any]:
    if datapackage is None:
        return dict(json.loads(bundled_bytes(DESCRIPTOR)))
    path = Path(datapackage)
    return dict(json.loads((path / DESCRIPTOR if path.is_dir() else path).read_text(encoding="utf-8")))


def _write_site(site: Path, datapackage: PathArg) -> None:
    records = {name: load(name, datapackage) for name in resource_names()}  # a broken copy stops here
    descriptor = _descriptor(datapackage)
    downloads = site / "downloads"
    export("csv", downloads, datapackage)
    (downloads / DESCRIPTOR).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", "utf-8")
    export("sqlite", downloads / "asean-tip-data.sqlite", datapackage)
    export("parquet", downloads / "parquet", datapackage)
    jinja2 = require("jinja2", "page", extra="page")
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "site"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    template = environment.get_template("page.html.jinja")
    for lang in LANGUAGES:
        folder = site if lang == LANGUAGES[0] else site / lang
        folder.mkdir(exist_ok=True)
        context = _context(descriptor, records, lang, prefix="" if folder == site else "../")
        (folder / "index.html").write_text(template.render(context), encoding="utf-8")
    shutil.copyfile(Path(__file__).parent / "site" / "page.css", site / "page.css")


def _context(descriptor: dict[str, Any], records: dict[str, Any], lang: str, prefix: str) -> dict[str, Any]:
    page_words = words_in("page", lang)
    tables = [parse_table(r) for r in descriptor["resources"] if r.get("name") in records]
    dumped = {name: [r.model_dump(mode="json") for r in rows] for name, rows in records.items()}
    names = {c["iso3"]: c["name"] for c in dumped["countries"]}
    map_rows = _map_rows(dumped, names, lang)
    return {
        "lang": lang,
        "other": [
            (other, f"{prefix}index.html" if other == "en" else f"{prefix}{other}/index.html")
            for other in LANGUAGES
            if other != lang
        ],
        "homepage": descriptor.get("homepage", ""),
        "prefix": prefix,
        "w": page_words,
        "title": text_in(translations(descriptor, "title"), lang),
        "description": text_in(translations(descriptor, "description"), lang),
        "version": descriptor.get("version", ""),
        "vintage": descriptor.get("sources", [{}])[0].get("version", ""),
        "licences": descriptor.get("licenses", []),
        "citation": cite("text"),
        "bibtex": cite("bibtex"),
        "downloads": _downloads(tables),
        "charts": _charts_for(dumped, map_rows, page_words, lang),
        "map_rows": map_rows,
        "history": _history(dumped, names, lang),
        "resources": [_resource(t, dumped[t.name], dumped["sources"], lang) for t in tables],
        "errata": dumped["errata"],
        "jsonld": jsonld(descriptor, tables, dumped, lang),
    }


def _downloads(tables: list[Any]) -> list[tuple[str, str]]:
    files = [("datapackage.json", "downloads/datapackage.json")]
    files += [(f"{t.name}.csv", f"downloads/{t.path}") for t in tables]
    files += [("asean-tip-data.sqlite", "downloads/asean-tip-data.sqlite")]
    files += [("parquet/datapackage.json", "downloads/parquet/datapackage.json")]
    return files


def _tiers(dumped: dict[str, list[dict[str, Any]]], year: int) -> dict[str, dict[str, Any]]:
    return {p["country_iso3"]: p for p in dumped["tip_tier_placements"] if p["report_year"] == year}


def _charts_for(
    dumped: dict[str, Any], map_rows: list[dict[str, Any]], words: dict[str, str], lang: str
) -> dict[str, str]:
    labels = {t: label("tier", t, lang) for t in MARKS}
    indonesia = {p["report_year"]: p["tier"] for p in dumped["tip_tier_placements"] if p["country_iso3"] == "IDN"}
    cases = [
        {
            **r,
            "tier": indonesia[r["year"]],
            "description": f"{r['year']}: {r['cases']}; Indonesia: {labels[indonesia[r['year']]]}",
        }
        for r in dumped["trafficking_cases"]
        if r["year"] in indonesia
    ]
    suspects = [{**r, "description": f"{r['year']}: {r['suspects']}"} for r in dumped["trafficking_suspects"]]
    meetings = [
        {
            **m,
            "mode": words["online"] if m["online"] else words["in_person"],
            "description": f"{m['forum']} {m['number']}: {m['start_date']}, {m['city'] or words['online']}",
        }
        for m in dumped["meetings"]
    ]
    shapes = {f["properties"]["numeric_code"]: f for f in _shapes()}
    codes = {c["iso3"]: c["numeric_code"] for c in dumped["countries"]}
    countries = [
        {
            **row,
            "numeric_code": codes[row["iso3"]],
            "small": row["iso3"] in SMALL,
            "label_longitude": shapes[codes[row["iso3"]]]["properties"]["label_longitude"],
            "label_latitude": shapes[codes[row["iso3"]]]["properties"]["label_latitude"],
        }
        for row in map_rows
    ]
    return {
        "cases": _charts.cases_chart(cases, words, labels),
        "suspects": _charts.suspects_chart(suspects, words),
        "map": _charts.tier_map(countries, shapes, words, labels),
        "timeline": _charts.timeline(meetings, words),
    }


def _shapes() -> list[dict[str, Any]]:
    geo = json.loads((Path(__file__).parent / "site" / "southeast-asia.geo.json").read_text(encoding="utf-8"))
    return list(geo["features"])


def _map_rows(dumped: dict[str, Any], names: dict[str, str], lang: str) -> list[dict[str, Any]]:
    now, before = _tiers(dumped, 2023), _tiers(dumped, 2022)
    rows = []
    for iso3, placement in sorted(now.items(), key=lambda item: names[item[0]]):
        tier, change = placement["tier"], placement["placement_change"]
        name = names[iso3]
        text = f"{name}: {label('tier', tier, lang)} ({label('placement_change', change, lang)})"
        rows.append(
            {
                "iso3": iso3,
                "name": name,
                "tier": tier,
                "tier_label": label("tier", tier, lang),
                "before": label("tier", before[iso3]["tier"], lang) if iso3 in before else "",
                "change": label("placement_change", change, lang),
                "description": text,
            }
        )
    return rows


def _history(dumped: dict[str, Any], names: dict[str, str], lang: str) -> dict[str, Any]:
    placements = ((p["country_iso3"], p["report_year"], p["tier"]) for p in dumped["tip_tier_placements"])
    years, grid = tier_grid(placements, names)
    rows = [(name, [(MARKS.get(t, ""), label("tier", t, lang) if t else "") for t in tiers]) for name, tiers in grid]
    legend = [(mark, label("tier", tier, lang)) for tier, mark in MARKS.items()]
    return {"years": years, "rows": rows, "legend": legend}


def _resource(table: Any, rows: list[dict[str, Any]], sources: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    used = dict.fromkeys(str(r["source_id"]) for r in rows if r.get("source_id"))  # in order, once each
    citations = {s["source_id"]: s["citation"] for s in sources}
    return {
        "name": table.name,
        "title": text_in(table.titles, lang),
        "description": text_in(table.descriptions, lang),
        "path": table.path,
        "count": len(rows),
        "fields": [
            {
                "name": f.name,
                "type": f.type,
                "title": text_in(f.titles, lang),
                "description": text_in(f.descriptions, lang),
                "constraints": _constraints(f),
                "required": f.required,
            }
            for f in table.fields
        ],
        "columns": list(table.field_names),
        "rows": [["" if r.get(c) is None else str(r.get(c)) for c in table.field_names] for r in rows],
        "sources": [citations.get(s, s) for s in used],
    }


def _constraints(field: Any) -> str:
    parts = []
    if field.enum is not None:
        parts.append(" | ".join(map(str, field.enum)))
    if field.pattern is not None:
        parts.append(field.pattern)
    if field.minimum is not None:
        parts.append(f"≥ {field.minimum}")
    if field.unique:
        parts.append("unique")
    return "; ".join(parts)
