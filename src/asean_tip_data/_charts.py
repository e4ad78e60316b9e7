"""The page's charts and map as Vega-Lite specifications, rendered to SVG offline (altair, vl-convert)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from ._optional import require
from ._tiers import COLOURS as TIER_COLOURS
from ._tiers import INK

VENDOR = Path(__file__).parent / "site" / "vendor"
SVG = "http://www.w3.org/2000/svg"
FONT = "Noto Sans, sans-serif"  # shipped in VENDOR, and the page's own font: see scripts/site/subset_font.py
# The charts are drawn at a phone's width and scaled to their box by the page (a viewBox at width
# 100%), up to half as large again on a wide screen.
WIDE, NARROW = 420, 300
GROW = 1.5


def altair_module() -> Any:
    return require("altair", "page", extra="page")


@cache
def vl_convert_module() -> Any:
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
    rendered: str = vl_convert_module().vegalite_to_svg(
        json.dumps(spec, allow_nan=False), format_locale=locale["number"], time_format_locale=locale["time"]
    )
    return _scalable(rendered)


def _scalable(rendered: str) -> str:
    """Return the SVG without fixed width and height, and with a <title> (hover text) on each labelled mark."""
    # Read and written by an XML library: a copy's text in a label stays text, whatever it holds.
    root = ElementTree.fromstring(rendered)
    width, height = root.attrib.pop("width", None), root.attrib.pop("height", None)
    if width is None or height is None:
        raise ValueError("vl-convert returned an SVG without width and height")
    root.attrib.setdefault("viewBox", f"0 0 {width} {height}")
    root.set("width", "100%")
    root.set("style", f"max-width: {float(width) * GROW:.0f}px")
    style = ElementTree.Element(f"{{{SVG}}}style")
    style.text = "text { paint-order: stroke; }"
    for element in list(root.iter()):
        # Vega's role descriptions ("bar", "group mark container") are English whatever the page's
        # language: without them a screen reader names each role in its reader's own language.
        element.attrib.pop("aria-roledescription", None)
        # Vega writes each mark's description as its aria-label; a <title> child makes it hover text
        # too, and on a text a map name drawn short ("Lao PDR") shows the state's full name.
        label = element.get("aria-label")
        if label is not None and element.tag in (f"{{{SVG}}}path", f"{{{SVG}}}text") and not len(element):
            ElementTree.SubElement(element, f"{{{SVG}}}title").text = label
    root.insert(0, style)
    ElementTree.register_namespace("", SVG)  # written as the default namespace, as vl-convert writes it
    return ElementTree.tostring(root, encoding="unicode")


def tier_colour(alt: Any, field: str) -> Any:
    """Return the colour encoding of a tier field, with the page's one palette and no legend (the page's own)."""
    return alt.Color(field, scale=alt.Scale(domain=list(TIER_COLOURS), range=list(TIER_COLOURS.values())), legend=None)


def tier_ink(alt: Any, field: str) -> Any:
    return alt.Color(field, scale=alt.Scale(domain=list(INK), range=list(INK.values())), legend=None)


def _axis(alt: Any, title: str, **options: Any) -> Any:
    # Hidden from screen readers: Vega would describe it in English ("X-axis titled ..."), and the
    # chart's own description says what the axes are, in the page's language.
    return alt.Axis(title=title, labelAngle=0, aria=False, **options)


def _described(*parts: str) -> str:
    return ". ".join(parts) + "."


def cases_chart(rows: Sequence[Mapping[str, Any]], words: Mapping[str, str], locale: Mapping[str, Any]) -> str:
    """Return the bar chart of Table 1, each year's bar coloured and marked with Indonesia's tier."""
    alt = altair_module()
    base = alt.Chart(alt.Data(values=list(rows))).encode(x=alt.X("year:O", axis=_axis(alt, words["year"])))
    bars = base.mark_bar().encode(
        y=alt.Y("cases:Q", axis=_axis(alt, words["cases"], format=",d")),
        color=tier_colour(alt, "tier:N"),
        description=alt.Description("description:N"),
    )
    # Each count as the page writes numbers, with a dagger where the ministry's statements disagree.
    counts = base.mark_text(dy=-8, fontSize=12).encode(
        y="cases:Q", text="shown:N", description=alt.Description("description:N")
    )
    marks = base.mark_text(baseline="bottom", dy=-4, fontSize=12, fontWeight="bold").encode(
        y=alt.datum(0), text="mark:N", color=tier_ink(alt, "tier:N"), description=alt.Description("description:N")
    )
    # The marks' ink has a scale of its own, not the fill's.
    chart = (bars + counts + marks).resolve_scale(color="independent").properties(width=WIDE, height=260)
    return svg(chart, locale, _described(words["cases_title"], words["axis_years"], words["axis_cases"]))


def suspects_chart(rows: Sequence[Mapping[str, Any]], words: Mapping[str, str], locale: Mapping[str, Any]) -> str:
    """Return the bar chart of Table 2."""
    alt = altair_module()
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


def timeline(meetings: Sequence[Mapping[str, Any]], words: Mapping[str, str], locale: Mapping[str, Any]) -> str:
    """Return the AMMTC and SOMTC meetings on one time axis, one mark per meeting, its shape how it was held."""
    alt = altair_module()
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
