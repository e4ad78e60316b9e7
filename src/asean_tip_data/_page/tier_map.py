"""Figure 1 as a map: the eleven states coloured and marked by tier, and named where no name collides."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from .charts import WIDE, altair_module, svg, tier_colour, tier_ink, vl_convert_module
from .map_labels import Box, Label, place, text_box

SEA = "#dbe9f4"
SMALL = {"SGP", "BRN", "TLS"}  # a few pixels wide on the map: ringed, and named beside the ring
HEIGHT = 330
RING_SIZE = 200  # a ring's area in px²


class Words(NamedTuple):
    """The size of the map's words (tier marks and names) for one screen, in the map's own pixels."""

    screen: str  # the page shows the layers named for its reader's screen ("for_phone_...")
    mark: float
    name: float


# The map is 430 pixels wide, shown up to 645 px wide on a desktop (marks 18 px, names 15 px) and
# 358 px on a 390 px phone, where its words are drawn larger to be read at 11.7 px.
DESKTOP = Words("desktop", 12, 10)
PHONE = Words("phone", 14, 14)


def tier_map(
    countries: Sequence[Mapping[str, Any]],
    geo: Mapping[str, Any],
    words: Mapping[str, str],
    locale: Mapping[str, Any],
) -> tuple[str, str]:
    """Return Figure 1 as a map: the eleven states coloured, marked and named by tier, their neighbours grey.

    Return it as the page shows it, its land drawn once and its marks and names for a phone and for a
    desktop, each set placed by its own label pass; and as a desktop shows it, the chart's download.
    """
    alt = altair_module()
    shapes = {f["properties"]["numeric_code"]: f for f in geo["features"] if f["properties"]["member"]}
    members, points = _states(countries, shapes)
    neighbours = [f for f in geo["features"] if not f["properties"]["member"]]
    land = (
        alt.Chart(alt.Data(values=neighbours))
        .mark_geoshape(fill="#d4d4d4", stroke="#ffffff", strokeWidth=0.5)
        .encode(description=alt.value(words["neighbours"]))
    )
    states = (
        alt.Chart(alt.Data(values=members))
        .mark_geoshape(stroke="#333333", strokeWidth=0.5)
        .encode(color=tier_colour(alt, "properties.tier:N"), description=alt.Description("properties.description:N"))
    )
    located = {"longitude": "longitude:Q", "latitude": "latitude:Q", "description": alt.Description("description:N")}
    rings = (
        alt.Chart(alt.Data(values=[p for p in points if p["iso3"] in SMALL]))
        .mark_point(shape="circle", size=RING_SIZE, strokeWidth=2, filled=False, color="#222222")
        .encode(**located)
    )

    def marks(size: float) -> Any:
        return (
            alt.Chart(alt.Data(values=[p for p in points if p["iso3"] not in SMALL]))
            .mark_text(fontSize=size, fontWeight="bold")
            .encode(**located, text="mark:N", color=tier_ink(alt, "tier:N"))
        )

    layers = [land, states, rings]
    anchors = _anchors(alt.layer(*layers, marks(DESKTOP.mark)))  # where they are, whatever the marks' size
    named = [c for c in countries if c["numeric_code"] in shapes]
    worded = {
        screen: [
            marks(screen.mark).properties(name=f"for_{screen.screen}_marks"),
            *_names(alt, _names_placed(anchors, named, screen), screen),
        ]
        for screen in (PHONE, DESKTOP)
    }
    shown = _map_frame(alt.layer(*layers, *worded[PHONE], *worded[DESKTOP])).configure_view(fill=SEA).to_dict()
    # A desktop's download: the same map without the words drawn for a phone.
    phone = f"for_{PHONE.screen}_"
    download = {**shown, "layer": [layer for layer in shown["layer"] if not layer.get("name", "").startswith(phone)]}
    return svg(shown, locale, words["map_title"]), svg(download, locale, words["map_title"])


def _states(
    countries: Sequence[Mapping[str, Any]], shapes: Mapping[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return each state the map has a shape for, as a feature with its row, and its label points."""
    members, points = [], []
    for country in countries:
        shape = shapes.get(country["numeric_code"])
        if shape is None:
            continue  # a state the map has no shape for: the table beside the map still lists it
        members.append({"type": "Feature", "geometry": shape["geometry"], "properties": dict(country)})
        for longitude, latitude in shape["properties"]["labels"]:
            points.append({**country, "longitude": longitude, "latitude": latitude})
    return members, points


def _names(alt: Any, placed: Sequence[Mapping[str, Any]], screen: Words) -> list[Any]:
    """Return the layers of the names placed for ``screen``, named for it so that the page shows them on it alone."""
    layers = []
    # Each name where the label pass put it, in the chart's own pixels; a small state's name (beside
    # its ring, on the sea) in bold. A halo (paint-order: stroke, in the SVG's style) keeps names
    # legible over any fill.
    for bold in (False, True):
        rows = [n for n in placed if n["bold"] == bold]
        if rows:
            layers.append(
                alt.Chart(alt.Data(values=rows))
                .mark_text(
                    fontSize=screen.name,
                    fontWeight="bold" if bold else "normal",
                    align="left",
                    baseline="alphabetic",
                    stroke="#ffffff",
                    strokeWidth=2.5,
                )
                .encode(
                    x=alt.X("x:Q", scale=None, axis=None),
                    y=alt.Y("y:Q", scale=None, axis=None),
                    text="text:N",
                    description=alt.Description("description:N"),
                )
                .properties(name=f"for_{screen.screen}_{'small_' if bold else ''}names")
            )
    return layers


def _map_frame(chart: Any) -> Any:
    return chart.project(type="mercator").resolve_scale(color="independent").properties(width=WIDE, height=HEIGHT)


class _Anchor(NamedTuple):
    """Where the projection puts a ring or a tier mark (its text), in the chart's pixels."""

    description: str
    x: float
    y: float
    text: str | None  # None for a ring


def _anchors(chart: Any) -> list[_Anchor]:
    """Return each ring and tier mark as Vega lays the chart out, read from its scenegraph."""
    scene = vl_convert_module().vegalite_to_scenegraph(json.dumps(_map_frame(chart).to_dict(), allow_nan=False))
    return [
        _Anchor(item["description"], item["x"], item["y"], item["text"] if item["marktype"] == "text" else None)
        for item in _scene_items(scene["scenegraph"])
    ]


def _names_placed(
    anchors: Sequence[_Anchor], countries: Sequence[Mapping[str, Any]], screen: Words
) -> list[dict[str, Any]]:
    """Return each state's name placed clear of every mark and other name, with its pixel position."""
    found: dict[str, list[Box]] = {}
    for point in anchors:
        x, y = point.x, point.y
        if point.text is None:
            r = (RING_SIZE / math.pi) ** 0.5 + 1  # the ring's radius and half its stroke
            box = Box(x - r, y - r, x + r, y + r)
        else:
            # Vega sets a middle-aligned text's baseline 0.3 em below its y, rounded.
            box = text_box(point.text, screen.mark, True, x, y + round(0.3 * screen.mark), "center")
        found.setdefault(point.description, []).append(box)
    labels = []
    for country in countries:
        small = country["iso3"] in SMALL
        texts = [f"{name} ({country['mark']})" if small else name for name in country["names"]]
        anchor = found[country["description"]][0]
        labels.append(Label(country["iso3"], texts, anchor, screen.name, small, small))
    marks = [box for boxes in found.values() for box in boxes]
    rows = {c["iso3"]: c for c in countries}
    return [
        {"x": p.x, "y": p.y, "text": p.text, "bold": p.key in SMALL, "description": rows[p.key]["description"]}
        for p in place(labels, marks, Box(0, 0, WIDE, HEIGHT))
    ]


def _scene_items(node: Mapping[str, Any], marktype: str | None = None) -> Iterator[dict[str, Any]]:
    """Yield the scenegraph's symbol and text items (the rings and tier marks), with their mark type."""
    for item in node.get("items", []):
        kind = node.get("marktype", marktype)
        if kind in {"symbol", "text"} and "description" in item:
            yield {**item, "marktype": kind}
        yield from _scene_items(item, kind)
