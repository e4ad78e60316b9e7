"""The page's charts and map as Vega-Lite specifications, rendered to SVG offline (altair, vl-convert)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ._frames import require
from ._i18n import MARKS

# The article's Figure 1 colours, chosen so that their lightness differs too; each tier's mark
# (i18n.MARKS) is drawn on the map and the bars as well, so no reader depends on hue alone.
TIER_COLOURS = {"Tier 1": "#1a9850", "Tier 2": "#fee08b", "Tier 2 Watch List": "#f46d43", "Tier 3": "#a50026"}
INK = {"Tier 1": "white", "Tier 2": "black", "Tier 2 Watch List": "black", "Tier 3": "white"}
FONT = "system-ui, sans-serif"


def _altair() -> Any:
    return require("altair", "page", extra="page")


def svg(chart: Any) -> str:
    """Return ``chart`` rendered to SVG, with no request to any server."""
    vl_convert = require("vl_convert", "page", extra="page")
    spec = chart.to_dict()
    spec["config"] = {**spec.get("config", {}), "font": FONT, "view": {"stroke": None}, "legend": {"labelLimit": 0}}
    rendered: str = vl_convert.vegalite_to_svg(json.dumps(spec))
    return rendered


def _tier_scale(alt: Any, labels: Mapping[str, str]) -> Any:
    return alt.Scale(domain=list(labels), range=[TIER_COLOURS[t] for t in labels])


def cases_chart(rows: Sequence[Mapping[str, Any]], words: Mapping[str, str], labels: Mapping[str, str]) -> str:
    """Return the bar chart of Table 1, each year's bar coloured and marked with Indonesia's tier."""
    alt = _altair()
    data = alt.Data(values=[{**r, "mark": MARKS[r["tier"]], "tier_label": labels[r["tier"]]} for r in rows])
    base = alt.Chart(data).encode(x=alt.X("year:O", title=words["year"], axis=alt.Axis(labelAngle=0)))
    bars = base.mark_bar().encode(
        y=alt.Y("cases:Q", title=words["cases"]),
        color=alt.Color(
            "tier:N", scale=_tier_scale(alt, labels), title=words["tier"], legend=alt.Legend(labelExpr=_expr(labels))
        ),
        description=alt.Description("description:N"),
    )
    counts = base.mark_text(dy=-8, fontSize=12).encode(y="cases:Q", text="cases:Q")
    marks = base.mark_text(baseline="bottom", dy=-4, fontSize=11, fontWeight="bold").encode(
        y=alt.datum(0), text="mark:N", color=alt.value("black")
    )
    return svg((bars + counts + marks).properties(width=520, height=260, title=words["cases_title"]))


def suspects_chart(rows: Sequence[Mapping[str, Any]], words: Mapping[str, str]) -> str:
    """Return the bar chart of Table 2."""
    alt = _altair()
    base = alt.Chart(alt.Data(values=list(rows))).encode(
        x=alt.X("year:O", title=words["year"], axis=alt.Axis(labelAngle=0))
    )
    bars = base.mark_bar(color="#4a6fa5").encode(
        y=alt.Y("suspects:Q", title=words["suspects"]), description=alt.Description("description:N")
    )
    counts = base.mark_text(dy=-8, fontSize=12).encode(y="suspects:Q", text="suspects:Q")
    return svg((bars + counts).properties(width=300, height=220, title=words["suspects_title"]))


def _expr(labels: Mapping[str, str]) -> str:
    """Return a Vega expression that shows each tier's label and mark in a legend."""
    cases = " : ".join(
        f"datum.label == {json.dumps(t)} ? {json.dumps(f'{MARKS[t]} = {lab}')}" for t, lab in labels.items()
    )
    return f"{cases} : datum.label"


def tier_map(
    countries: Sequence[Mapping[str, Any]],
    shapes: Mapping[str, Any],
    words: Mapping[str, str],
    labels: Mapping[str, str],
) -> str:
    """Return Figure 1 as a map: Southeast Asia coloured and marked by tier, each shape named."""
    alt = _altair()
    features = []
    for country in countries:
        shape = shapes[country["numeric_code"]]
        properties = {**country, **shape["properties"], "mark": MARKS[country["tier"]]}
        features.append({"type": "Feature", "geometry": shape["geometry"], "properties": properties})
    data = alt.Data(values=features)
    projection = {"type": "mercator"}
    fill = alt.Color(
        "properties.tier:N",
        scale=_tier_scale(alt, labels),
        title=words["tier"],
        legend=alt.Legend(labelExpr=_expr(labels)),
    )
    shapes_layer = (
        alt.Chart(data)
        .mark_geoshape(stroke="#333", strokeWidth=0.5)
        .encode(color=fill, description=alt.Description("properties.description:N"))
    )
    points = (
        alt.Chart(alt.Data(values=[c for c in countries if c["small"]]))
        .mark_point(shape="circle", size=160, strokeWidth=2, filled=False, color="#222")
        .encode(
            longitude="label_longitude:Q", latitude="label_latitude:Q", description=alt.Description("description:N")
        )
    )
    big = [{**c, "mark": MARKS[c["tier"]]} for c in countries if not c["small"]]
    marks = (
        alt.Chart(alt.Data(values=big))
        .mark_text(fontSize=11, fontWeight="bold")
        .encode(
            longitude="label_longitude:Q",
            latitude="label_latitude:Q",
            text="mark:N",
            color=alt.Color("tier:N", scale=alt.Scale(domain=list(INK), range=list(INK.values())), legend=None),
        )
    )
    # Singapore and Brunei are a few pixels wide here: a ring, and their name and mark beside it.
    small = [{**c, "mark": f"{c['name']} ({MARKS[c['tier']]})"} for c in countries if c["small"]]
    names = (
        alt.Chart(alt.Data(values=small))
        .mark_text(fontSize=11, align="left", dx=10, fontWeight="bold")
        .encode(longitude="label_longitude:Q", latitude="label_latitude:Q", text="mark:N")
    )
    # The marks' ink has a scale of its own, not the fill's.
    chart = alt.layer(shapes_layer, points, marks, names).project(**projection).resolve_scale(color="independent")
    return svg(chart.properties(width=560, height=420, title=words["map_title"]))


def timeline(meetings: Sequence[Mapping[str, Any]], words: Mapping[str, str]) -> str:
    """Return the AMMTC and SOMTC meetings on one time axis, one mark per meeting."""
    alt = _altair()
    chart = (
        alt.Chart(alt.Data(values=list(meetings)))
        .mark_point(filled=True, size=70)
        .encode(
            x=alt.X("start_date:T", title=words["date"]),
            y=alt.Y("forum:N", title=words["forum"]),
            shape=alt.Shape("mode:N", title=words["held"]),
            color=alt.Color("forum:N", legend=None, scale=alt.Scale(range=["#4a6fa5", "#b35806"])),
            description=alt.Description("description:N"),
        )
    )
    return svg(chart.properties(width=620, height=120, title=words["timeline_title"]))
