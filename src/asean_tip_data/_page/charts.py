"""The page's charts and map as Vega-Lite specifications, rendered to SVG offline (altair, vl-convert)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from .._gate.optional import require
from .._words.tiers import COLOURS as TIER_COLOURS
from .._words.tiers import INK

VENDOR = Path(__file__).parent / "site" / "vendor"
SVG = "http://www.w3.org/2000/svg"
FONT = "Noto Sans, sans-serif"  # shipped in VENDOR, and the page's own font: see scripts/site/subset_font.py
# A chart is drawn for a desktop, its plot WIDE (or NARROW) pixels wide, and for a phone, the whole
# drawing PHONE pixels wide with words of the same size; the page shows the one made for its reader's
# screen. Either is scaled to its box (a viewBox at width 100%), up to half as large again: a phone's
# 358 px (390 less the page's margins) draws a phone drawing's words 5% larger.
WIDE, NARROW, PHONE = 420, 300, 340
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
    """Return ``chart`` (or its Vega-Lite spec) as an SVG that scales to its box, with hover text on every mark."""
    spec = dict(chart) if isinstance(chart, dict) else chart.to_dict()
    spec["description"] = description  # the SVG's own accessible name, in the page's language
    config = spec.get("config", {})
    spec["config"] = {
        **config,
        "font": FONT,
        "view": {**config.get("view", {}), "stroke": None},
        # A title far enough from its labels that their boxes (the font's ascent and descent) never meet.
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal", "titlePadding": 6},
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
        # Vega writes shapes and positions to a thousandth of a pixel; a tenth is finer than any screen
        # draws at the page's scales.
        if "transform" in element.attrib:
            element.set("transform", _tenths(element.get("transform", "")))
        if "d" in element.attrib:
            element.set("d", _path(element.get("d", "")))
    root.insert(0, style)
    ElementTree.register_namespace("", SVG)  # written as the default namespace, as vl-convert writes it
    return ElementTree.tostring(root, encoding="unicode")


# An outline of straight lines (the map's land), as Vega writes it: absolute moves, lines and closes.
OUTLINE = re.compile(r"(?:[ML]-?[0-9.]+,-?[0-9.]+|Z)+")


def _tenths(text: str) -> str:
    return re.sub(r"[0-9]+\.[0-9]+", lambda n: _short(round(float(n.group()) * 10)), text)


def _path(data: str) -> str:
    """Return SVG path data in tenths of a pixel; an outline each step from the last (the map weighs a third less)."""
    if not OUTLINE.fullmatch(data):
        return _tenths(data)
    steps, here, start = [], (0, 0), (0, 0)
    for command, x, y in re.findall(r"([MLZ])(?:(-?[0-9.]+),(-?[0-9.]+))?", data):
        if command == "Z":
            steps.append("z")
            here = start  # a closed outline's next move is from where it began
            continue
        point = (round(float(x) * 10), round(float(y) * 10))  # in tenths, so that the steps add up exactly
        dx, dy = (_short(b - a) for a, b in zip(here, point, strict=True))
        step = dx + ("" if dy.startswith("-") else " ") + dy  # a minus sign separates numbers as a space does
        if command == "L" and steps and steps[-1] != "z":
            steps.append(step if step.startswith("-") else " " + step)  # a line after a line or a move needs no letter
        else:
            steps.append(command.lower() + step)
        here = point
        start = point if command == "M" else start
    return "".join(steps)


def _short(tenths: int) -> str:
    """Return a number of tenths as the fewest characters SVG reads it from: "-.5" for -0.5, "3" for 3.0."""
    whole, tenth = divmod(abs(tenths), 10)
    return ("-" if tenths < 0 else "") + (str(whole) if whole else "") + (f".{tenth}" if tenth else "") or "0"


def sized(chart: Any, width: int, height: int, phone: bool) -> Any:
    """Return ``chart`` with a plot ``width`` wide (a desktop's), or drawn whole PHONE pixels wide."""
    if phone:
        fitted = altair_module().AutoSizeParams(type="fit-x", contains="padding")
        return chart.properties(width=PHONE, height=height, autosize=fitted)
    return chart.properties(width=width, height=height)


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


def cases_chart(
    rows: Sequence[Mapping[str, Any]], words: Mapping[str, str], locale: Mapping[str, Any], phone: bool = False
) -> str:
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
    chart = sized((bars + counts + marks).resolve_scale(color="independent"), WIDE, 260, phone)
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


def timeline(
    meetings: Sequence[Mapping[str, Any]], words: Mapping[str, str], locale: Mapping[str, Any], phone: bool = False
) -> str:
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
    return svg(sized(chart, WIDE, 110, phone), locale, description)
