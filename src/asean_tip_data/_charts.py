"""The page's charts and map as Vega-Lite specifications, rendered to SVG offline (altair, vl-convert)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ._optional import require
from ._tiers import COLOURS as TIER_COLOURS
from ._tiers import INK

VENDOR = Path(__file__).parent / "site" / "vendor"
FONT = "Noto Sans, sans-serif"  # shipped in VENDOR, and the page's own font: see scripts/site/subset_font.py
SEA = "#dbe9f4"
SMALL = {"SGP", "BRN", "TLS"}  # a few pixels wide on the map: ringed, and named beside the ring
# The charts are drawn at a phone's width and scaled to their box by the page (a viewBox at width
# 100%), up to half as large again on a wide screen.
WIDE, NARROW = 420, 300
GROW = 1.5


def _altair() -> Any:
    return require("altair", "page", extra="page")


@cache
def _vl_convert() -> Any:
    vl_convert = require("vl_convert", "page", extra="page")
    # The font the page draws the charts with: every label is measured as it will be drawn.
    vl_convert.register_font_directory(str(VENDOR))
    return vl_convert


def svg(chart: Any, locale: Mapping[str, Any], description: str) -> str:
    """Return ``chart`` as an SVG that scales to its box, with hover text on every mark."""
    spec = chart.to_dict()
    spec["description"] = description  # the SVG's own accessible name, in the page's language
    config = spec.get("config", {})
    spec["config"] = {
        **config,
        "font": FONT,
        "view": {**config.get("view", {}), "stroke": None},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal"},
    }
    rendered: str = _vl_convert().vegalite_to_svg(
        json.dumps(spec), format_locale=locale["number"], time_format_locale=locale["time"]
    )
    return _scalable(rendered)


def _scalable(rendered: str) -> str:
    """Return the SVG without fixed width and height, and with a <title> (hover text) on each labelled mark."""
    match = re.match(r'<svg([^>]*?) width="([0-9.]+)" height="([0-9.]+)"([^>]*)>', rendered)
    if match is None:
        raise ValueError("vl-convert returned an SVG without width and height")
    before, width, height, after = match.groups()
    if "viewBox" not in before + after:
        after += f' viewBox="0 0 {width} {height}"'
    style = f' style="max-width: {float(width) * GROW:.0f}px"'
    head = f'<svg{before}{after} width="100%"{style}><style>text {{ paint-order: stroke; }}</style>'
    # Vega's role descriptions ("bar", "group mark container") are English whatever the page's
    # language: without them a screen reader names each role in its reader's own language.
    body = re.sub(r' aria-roledescription="[^"]*"', "", rendered[match.end() :])
    # Vega writes each mark's description as its aria-label; a <title> child makes it hover text too.
    body = re.sub(r'<path\b([^>]*\baria-label="([^"]*)"[^>]*?)\s*/>', r"<path\1><title>\2</title></path>", body)
    return head + body


def _tier_colour(alt: Any, field: str) -> Any:
    """Return the colour encoding of a tier field, with the page's one palette and no legend (the page's own)."""
    return alt.Color(field, scale=alt.Scale(domain=list(TIER_COLOURS), range=list(TIER_COLOURS.values())), legend=None)


def _tier_ink(alt: Any, field: str) -> Any:
    return alt.Color(field, scale=alt.Scale(domain=list(INK), range=list(INK.values())), legend=None)


def _axis(alt: Any, title: str, **options: Any) -> Any:
    # Hidden from screen readers: Vega would describe it in English ("X-axis titled ..."), and the
    # chart's own description says what the axes are, in the page's language.
    return alt.Axis(title=title, labelAngle=0, aria=False, **options)


def _described(*parts: str) -> str:
    return ". ".join(parts) + "."


def cases_chart(rows: Sequence[Mapping[str, Any]], words: Mapping[str, str], locale: Mapping[str, Any]) -> str:
    """Return the bar chart of Table 1, each year's bar coloured and marked with Indonesia's tier."""
    alt = _altair()
    base = alt.Chart(alt.Data(values=list(rows))).encode(x=alt.X("year:O", axis=_axis(alt, words["year"])))
    bars = base.mark_bar().encode(
        y=alt.Y("cases:Q", axis=_axis(alt, words["cases"], format=",d")),
        color=_tier_colour(alt, "tier:N"),
        description=alt.Description("description:N"),
    )
    counts = base.mark_text(dy=-8, fontSize=12).encode(
        y="cases:Q", text=alt.Text("cases:Q", format=",d"), description=alt.Description("description:N")
    )
    marks = base.mark_text(baseline="bottom", dy=-4, fontSize=12, fontWeight="bold").encode(
        y=alt.datum(0), text="mark:N", color=_tier_ink(alt, "tier:N"), description=alt.Description("description:N")
    )
    # The marks' ink has a scale of its own, not the fill's.
    chart = (bars + counts + marks).resolve_scale(color="independent").properties(width=WIDE, height=260)
    return svg(chart, locale, _described(words["cases_title"], words["axis_years"], words["axis_cases"]))


def suspects_chart(rows: Sequence[Mapping[str, Any]], words: Mapping[str, str], locale: Mapping[str, Any]) -> str:
    """Return the bar chart of Table 2."""
    alt = _altair()
    base = alt.Chart(alt.Data(values=list(rows))).encode(x=alt.X("year:O", axis=_axis(alt, words["year"])))
    bars = base.mark_bar(color="#3b5b8c").encode(
        y=alt.Y("suspects:Q", axis=_axis(alt, words["suspects"], format=",d")),
        description=alt.Description("description:N"),
    )
    counts = base.mark_text(dy=-8, fontSize=12).encode(
        y="suspects:Q", text=alt.Text("suspects:Q", format=",d"), description=alt.Description("description:N")
    )
    description = _described(words["suspects_title"], words["axis_years"], words["axis_suspects"])
    return svg((bars + counts).properties(width=NARROW, height=200), locale, description)


def tier_map(
    countries: Sequence[Mapping[str, Any]],
    geo: Mapping[str, Any],
    words: Mapping[str, str],
    locale: Mapping[str, Any],
) -> str:
    """Return Figure 1 as a map: the eleven states coloured, marked and named by tier, their neighbours grey."""
    alt = _altair()
    shapes = {f["properties"]["numeric_code"]: f for f in geo["features"] if f["properties"]["member"]}
    members, points, names = [], [], []
    for country in countries:
        shape = shapes.get(country["numeric_code"])
        if shape is None:
            continue  # a state the map has no shape for: the table beside the map still lists it
        members.append({"type": "Feature", "geometry": shape["geometry"], "properties": dict(country)})
        labels = shape["properties"]["labels"]
        for longitude, latitude in labels:
            points.append({**country, "longitude": longitude, "latitude": latitude})
        small = country["iso3"] in SMALL
        text = f"{country['name']} ({country['mark']})" if small else _lines(country["name"])
        names.append({**country, "longitude": labels[0][0], "latitude": labels[0][1], "text": text, "small": small})
    neighbours = [f for f in geo["features"] if not f["properties"]["member"]]
    land = (
        alt.Chart(alt.Data(values=neighbours))
        .mark_geoshape(fill="#d4d4d4", stroke="#ffffff", strokeWidth=0.5)
        .encode(description=alt.value(words["neighbours"]))
    )
    states = (
        alt.Chart(alt.Data(values=members))
        .mark_geoshape(stroke="#333333", strokeWidth=0.5)
        .encode(color=_tier_colour(alt, "properties.tier:N"), description=alt.Description("properties.description:N"))
    )
    located = {"longitude": "longitude:Q", "latitude": "latitude:Q", "description": alt.Description("description:N")}
    rings = (
        alt.Chart(alt.Data(values=[p for p in points if p["iso3"] in SMALL]))
        .mark_point(shape="circle", size=200, strokeWidth=2, filled=False, color="#222222")
        .encode(**located)
    )
    marks = (
        alt.Chart(alt.Data(values=[p for p in points if p["iso3"] not in SMALL]))
        .mark_text(fontSize=12, fontWeight="bold")
        .encode(**located, text="mark:N", color=_tier_ink(alt, "tier:N"))
    )
    # Each name under the state's first mark, in its ink; a small state's name beside its ring, on
    # the sea. A halo (paint-order: stroke, in the SVG's style) keeps names legible over any fill.
    big = (
        alt.Chart(alt.Data(values=[n for n in names if not n["small"]]))
        .mark_text(fontSize=10, baseline="top", dy=8, lineHeight=11, stroke="#ffffff", strokeWidth=2.5)
        .encode(**located, text="text:N")
    )
    beside = (
        alt.Chart(alt.Data(values=[n for n in names if n["small"]]))
        .mark_text(fontSize=10, align="left", dx=9, fontWeight="bold", stroke="#ffffff", strokeWidth=2.5)
        .encode(**located, text="text:N")
    )
    chart = alt.layer(land, states, rings, marks, big, beside).project(type="mercator")
    chart = chart.resolve_scale(color="independent").properties(width=WIDE, height=330)
    return svg(chart.configure_view(fill=SEA), locale, words["map_title"])


def _lines(name: str, width: int = 14) -> list[str] | str:
    """Return a long name as lines of at most about ``width`` characters, broken at spaces."""
    if len(name) <= width:
        return name
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def timeline(meetings: Sequence[Mapping[str, Any]], words: Mapping[str, str], locale: Mapping[str, Any]) -> str:
    """Return the AMMTC and SOMTC meetings on one time axis, one mark per meeting, its shape how it was held."""
    alt = _altair()
    modes = [words["in_person"], words["online"]]  # one order, so the shapes are the same in every language
    chart = (
        alt.Chart(alt.Data(values=list(meetings)))
        .mark_point(filled=True, size=60, opacity=0.85)
        .encode(
            x=alt.X(
                "start_date:T",
                axis=_axis(alt, words["date"], format="%Y", tickCount={"interval": "year", "step": 5}),
                scale=alt.Scale(domain=["1997-01-01", "2025-12-31"]),
            ),
            y=alt.Y("forum:N", axis=_axis(alt, words["forum"])),
            shape=alt.Shape("mode:N", scale=alt.Scale(domain=modes, range=["circle", "square"]), legend=None),
            color=alt.Color("forum:N", legend=None, scale=alt.Scale(range=["#3b5b8c", "#8c4a00"])),
            description=alt.Description("description:N"),
        )
    )
    description = _described(words["timeline_title"], words["axis_dates"], words["axis_forums"])
    return svg(chart.properties(width=WIDE, height=110), locale, description)
