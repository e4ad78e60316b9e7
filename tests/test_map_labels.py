"""The map's label pass: names never overlap each other, a mark or the frame's edge, and fall back to short forms."""

from __future__ import annotations

import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from asean_tip_data._page.map_labels import Box, Label, place, text_box

FRAME = Box(0, 0, 420, 330)


def _mark(x: float, y: float) -> Box:
    return Box(x - 8, y - 8, x + 8, y + 8)


def test_a_box_is_the_font_s_advances_by_its_ascent_and_descent() -> None:
    # Noto Sans: ascent 1.069 em, descent 0.293 em; the box scales with the size, bold is wider.
    box = text_box("Lao PDR", 10, False, 100, 50)
    assert (box.top, box.bottom) == pytest.approx((50 - 10.69, 50 + 2.93))
    assert text_box("Lao PDR", 20, False, 0, 0).right == pytest.approx(2 * (box.right - box.left))
    assert text_box("Lao PDR", 10, True, 0, 0).right > box.right - box.left
    centred = text_box("Lao PDR", 10, False, 100, 50, "center")
    assert (centred.left + centred.right) / 2 == pytest.approx(100)
    assert text_box("", 10, False, 0, 0).right == 0


def test_a_name_too_wide_for_the_map_is_drawn_in_its_shorter_form() -> None:
    label = Label("LAO", ["Lao People's Democratic Republic", "Lao PDR"], _mark(200, 100), 10, False, False)
    (placed,) = place([label], [label.anchor], FRAME)
    assert placed.text == "Lao PDR"
    # With room for it (a map twice as wide), the full name is drawn.
    (wide,) = place([label], [label.anchor], Box(0, 0, 840, 330))
    assert wide.text == "Lao People's Democratic Republic"


def test_a_name_with_no_room_is_left_off_and_the_others_are_kept() -> None:
    # A name boxed in by marks on every side, past the farthest gap: nothing is drawn for it.
    crowd = [_mark(x, y) for x in range(100, 301, 10) for y in range(60, 261, 10)]
    boxed = Label("X", ["Boxed"], _mark(200, 160), 10, False, False)
    free = Label("Y", ["Free"], _mark(30, 30), 10, False, False)
    placed = place([boxed, free], [*crowd, free.anchor], FRAME)
    assert [p.key for p in placed] == ["Y"]


def test_a_small_state_s_name_goes_beside_its_ring_first() -> None:
    ring = _mark(200, 160)
    (placed,) = place([Label("SGP", ["Singapore (1)"], ring, 10, True, True)], [ring], FRAME)
    assert placed.box.left > ring.right and placed.box.top < 160 < placed.box.bottom


anchors = st.tuples(st.floats(10, 410), st.floats(10, 320))


@seed(26)
@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(anchors, min_size=1, max_size=14))
def test_placed_names_never_meet_a_mark_each_other_or_the_edge(points: list[tuple[float, float]]) -> None:
    marks = [_mark(x, y) for x, y in points]
    labels = [
        Label(str(i), ["Lao People's Democratic Republic", "Lao PDR"], mark, 10, i % 3 == 0, i % 3 == 0)
        for i, mark in enumerate(marks)
    ]
    placed = place(labels, marks, FRAME)
    boxes = [p.box for p in placed]
    for i, box in enumerate(boxes):
        assert box.within(FRAME)
        assert not any(box.meets(m) for m in marks)
        assert not any(box.meets(other) for other in boxes[i + 1 :])
    assert placed, "the first name always has room"


# Up to twelve anchors, one in each cell of a 3 x 4 grid, moved at most 20 px from its centre: any two are at least
# 100 px apart across or 42 px apart down, where a short name (40 x 14 px) always finds room.
apart = st.lists(
    st.tuples(st.sampled_from(range(12)), st.floats(-20, 20), st.floats(-20, 20)),
    min_size=1,
    max_size=12,
    unique_by=lambda t: t[0],
)


@seed(26)
@settings(max_examples=60, deadline=None, derandomize=True)
@given(apart)
def test_names_well_apart_are_all_placed_in_their_short_form(cells: list[tuple[int, float, float]]) -> None:
    marks = [_mark(70 + 140 * (c % 3) + dx, 41 + 82 * (c // 3) + dy) for c, dx, dy in cells]
    labels = [
        Label(str(i), ["Lao People's Democratic Republic", "Lao PDR"], mark, 10, i % 3 == 0, i % 3 == 0)
        for i, mark in enumerate(marks)
    ]
    placed = place(labels, marks, FRAME)
    assert sorted(p.key for p in placed) == sorted(label.key for label in labels)
    assert {p.text for p in placed} == {"Lao PDR"}  # on a map this narrow, the short form (as above)
