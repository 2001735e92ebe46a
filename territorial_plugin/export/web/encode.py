"""Compact coordinates for the web page's data script: WGS 84 degrees as delta-coded integers.

At :data:`PRECISION` (10⁻⁵ degrees, about a metre) a ring ``[(lon, lat), …]`` becomes
``[lon0, lat0, dlon1, dlat1, …]`` of small integers: a third of the size of plain
decimal coordinates, decoded by ``atlas.js`` (``decodeRing``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

PRECISION = 100_000


def encode_ring(points: Iterable[tuple[float, float]]) -> list[int]:
    """A ring of (lon, lat) as delta-coded integers; repeated points (after rounding) are dropped."""
    out: list[int] = []
    last_x = last_y = None
    for lon, lat in points:
        x, y = round(lon * PRECISION), round(lat * PRECISION)
        if x == last_x and y == last_y:
            continue
        if last_x is None:
            out += [x, y]
        else:
            out += [x - last_x, y - last_y]
        last_x, last_y = x, y
    return out


def decode_ring(values: Sequence[int]) -> list[tuple[float, float]]:
    """The inverse of :func:`encode_ring` (for tests; the page decodes in JavaScript)."""
    points = []
    x = y = 0
    for index in range(0, len(values), 2):
        x += values[index]
        y += values[index + 1]
        points.append((x / PRECISION, y / PRECISION))
    return points
