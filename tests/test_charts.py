"""The charts' SVG: outlines written each step from the last, in tenths of a pixel, drawing the same shapes."""

from __future__ import annotations

import re

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from asean_tip_data._page.charts import _path


def _points(data: str) -> list[tuple[str, float, float] | str]:
    """Return path data of moves, lines and closes (absolute or relative) as absolute points, read as SVG reads it."""
    tokens = re.findall(r"[MLZmlz]|-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", data)
    points: list[tuple[str, float, float] | str] = []
    x = y = start_x = start_y = 0.0
    command = ""
    while tokens:
        token = tokens.pop(0)
        if token in "zZ":
            points.append("Z")
            x, y = start_x, start_y
            continue
        if token in "MLml":
            command = token
            token = tokens.pop(0)
        elif command in "Mm":  # numbers after a move are lines, relative after a relative move
            command = "L" if command == "M" else "l"
        dx, dy = float(token), float(tokens.pop(0))
        x, y = (x + dx, y + dy) if command.islower() else (dx, dy)
        if command in "Mm":
            start_x, start_y = x, y
        points.append((command.upper(), round(x, 1), round(y, 1)))
    return points


def test_an_outline_is_written_in_tenths_each_step_from_the_last() -> None:
    # Worked by hand: 335.518 is 335.5, a step of -0.1 is "-.1", a minus sign needs no space before it,
    # a line after a move no letter, and the move after a close starts from where the outline began.
    assert _path("M335.518,330L335.441,329.937ZM1,1L2,2Z") == "m335.5 330-.1-.1zm-334.5-329 1 1z"
    assert _path("M0,0L10,0L10,10Z") == "m0 0 10 0 0 10z"


def test_any_other_path_is_only_rounded_to_tenths() -> None:
    # A point's symbol (arcs) and Vega's frames keep their commands.
    circle = "M4.372,0A4.372,4.372,0,1,1,-4.372,0A4.372,4.372,0,1,1,4.372,0"
    assert _path(circle) == "M4.4,0A4.4,4.4,0,1,1,-4.4,0A4.4,4.4,0,1,1,4.4,0"
    assert _path("M0.449,0.06h0.96Z") == "M.4,.1h1Z"
    assert _path("M0,0h420v330h-420Z") == "M0,0h420v330h-420Z"


coordinate = st.floats(-500, 1000, allow_nan=False).map(lambda v: round(v, 3))
rings = st.lists(st.lists(st.tuples(coordinate, coordinate), min_size=2, max_size=8), min_size=1, max_size=4)


@seed(36)
@settings(max_examples=200, deadline=None, derandomize=True)
@given(rings)
def test_an_outline_draws_the_same_points_as_vega_s_rounded_to_tenths(outline: list[list[tuple[float, float]]]) -> None:
    data = "".join("M" + "L".join(f"{x},{y}" for x, y in ring) + "Z" for ring in outline)
    expected = _points(re.sub(r"-?[0-9.]+", lambda n: str(round(float(n.group()) * 10) / 10), data))
    assert _points(_path(data)) == expected
