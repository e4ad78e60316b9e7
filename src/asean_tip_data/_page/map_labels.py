"""Place the map's names so that no two overlap and none covers a tier mark.

The algorithm is Vega's label transform (vega-label): each label in turn takes the first candidate
position around its anchor that stays inside the frame and clear of every mark and of every label
placed before it. Vega's transform cannot run where the charts are drawn (vl-convert has no canvas
to measure on), so it runs here, on boxes measured from the font the page draws with. A label with
no such position, or wider than a share of the map, is tried in its short form; failing that it is
left off the map, as Vega leaves it: the table beside the map and the state's hover text still name
it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .._gate.optional import require

VENDOR = Path(__file__).parent / "site" / "vendor"
GAPS = (1.0, 3.0, 6.0, 10.0, 15.0, 21.0, 28.0)  # from the anchor's box outwards, nearest first
PAD = 1.5  # around every box: a name's white halo reaches 1.25 px past its glyphs
# A name wider than this share of the map reaches across its neighbours: its shorter form is drawn.
WIDEST = 0.3


class Box(NamedTuple):
    """A rectangle in the chart's pixels: left, top, right, bottom."""

    left: float
    top: float
    right: float
    bottom: float

    def padded(self, pad: float) -> Box:
        return Box(self.left - pad, self.top - pad, self.right + pad, self.bottom + pad)

    def meets(self, other: Box) -> bool:
        across = self.left < other.right and other.left < self.right
        return across and self.top < other.bottom and other.top < self.bottom

    def within(self, other: Box) -> bool:
        across = other.left <= self.left and self.right <= other.right
        return across and other.top <= self.top and self.bottom <= other.bottom


class Label(NamedTuple):
    """A name to place beside its anchor (its state's mark or ring), in its full and shorter forms."""

    key: str
    texts: Sequence[str]  # the first that fits is drawn
    anchor: Box
    size: float
    bold: bool
    beside: bool  # beside the anchor first (a small state's ring, on the sea), else below or above it


class Placed(NamedTuple):
    """A placed name: its text, drawn left-aligned with its baseline at (x, y), and its box."""

    key: str
    text: str
    x: float
    y: float
    box: Box


class _Font(NamedTuple):
    advances: dict[str, float]  # per character, in ems
    ascent: float  # in ems
    descent: float


@cache
def _font(bold: bool) -> _Font:
    tt_lib = require("fontTools.ttLib", "page", extra="page")
    font = tt_lib.TTFont(VENDOR / f"noto-sans-{'bold' if bold else 'regular'}.ttf")
    em = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    advances = {chr(code): metrics[glyph][0] / em for code, glyph in font.getBestCmap().items()}
    # Chromium's box of a text is its advance widths by the hhea ascent and descent.
    return _Font(advances, font["hhea"].ascent / em, -font["hhea"].descent / em)


def text_box(text: str, size: float, bold: bool, x: float, y: float, align: str = "left") -> Box:
    """Return the box of ``text`` drawn at ``x`` (by ``align``) with its baseline at ``y``."""
    font = _font(bold)
    # Kerning only narrows a Latin name: without it the box is never smaller than the glyphs.
    width = sum(font.advances.get(c, 0.6) for c in text) * size
    left = {"left": x, "center": x - width / 2, "right": x - width}[align]
    return Box(left, y - font.ascent * size, left + width, y + font.descent * size)


def _candidates(label: Label, width: float, height: float) -> Iterator[Box]:
    a = label.anchor
    cx, cy = (a.left + a.right) / 2, (a.top + a.bottom) / 2
    for gap in GAPS:
        below, above = a.bottom + gap, a.top - gap - height
        right, left = a.right + gap, a.left - gap - width
        middle = cy - height / 2
        around = {
            "below": (cx - width / 2, below),
            "above": (cx - width / 2, above),
            "below right": (cx, below),
            "below left": (cx - width, below),
            "above right": (cx, above),
            "above left": (cx - width, above),
            "right": (right, middle),
            "left": (left, middle),
        }
        order = ["right", "left", *list(around)[:6]] if label.beside else list(around)
        for name in order:
            x, y = around[name]
            yield Box(x, y, x + width, y + height)


def place(labels: Sequence[Label], marks: Sequence[Box], frame: Box) -> list[Placed]:
    """Return the labels that fit, each at its first candidate clear of the frame's edge, the marks and each other."""
    inside = frame.padded(-PAD)
    taken = [m.padded(PAD) for m in marks]
    placed: list[Placed] = []
    widest = WIDEST * (frame.right - frame.left)
    for label in labels:
        found = _first_fit(label, inside, taken, widest)
        if found is not None:
            placed.append(found)
            taken.append(found.box.padded(PAD))
    return placed


def _first_fit(label: Label, inside: Box, taken: Sequence[Box], widest: float) -> Placed | None:
    font = _font(label.bold)
    for i, text in enumerate(label.texts):
        measured = text_box(text, label.size, label.bold, 0.0, 0.0)
        width, height = measured.right - measured.left, measured.bottom - measured.top
        if width > widest and i < len(label.texts) - 1:
            continue
        for box in _candidates(label, width, height):
            if box.within(inside) and not any(box.meets(t) for t in taken):
                return Placed(label.key, text, box.left, box.top + font.ascent * label.size, box)
    return None
