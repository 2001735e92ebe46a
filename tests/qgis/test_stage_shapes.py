"""An area is reshaped when its outline moved, not when the same outline is written otherwise."""

from __future__ import annotations

import pytest
from qgis.core import QgsGeometry

from territorial_plugin.core.stages.compare import RESHAPED, compare, snapshot
from territorial_plugin.core.stages.model import StageArea
from territorial_plugin.core.stages.shapes import TOLERANCE_M2

SQUARE = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"  # 1 ha in metres


def _wkb(wkt: str) -> bytes:
    geometry = QgsGeometry.fromWkt(wkt)
    assert not geometry.isNull(), wkt
    return bytes(geometry.asWkb())


def _kinds(before: bytes | None, after: bytes | None, hectares: float = 1.0) -> list[str]:
    def snap(label, wkb):
        return snapshot(label, ["u"], [], [StageArea("u", "A1", "Torget", hectares, wkb)])

    return [change.kind for change in compare(snap("Samråd", before), snap("Nu", after)).areas]


@pytest.mark.parametrize(
    "written_otherwise",
    [
        "POLYGON((100 100, 0 100, 0 0, 100 0, 100 100))",  # another start point
        "POLYGON((0 0, 0 100, 100 100, 100 0, 0 0))",  # clockwise, as a shapefile stores it
        "MULTIPOLYGON(((0 100, 100 100, 100 0, 0 0, 0 100)))",  # one-part multipolygon, rotated, reversed
        "POLYGON((0 0, 50 0, 100 0, 100 100, 0 100, 0 0))",  # a collinear vertex added
        "POLYGON((0 0, 100.000000001 0, 100 100, 0 100, 0 0))",  # rounding in the last digits
    ],
)
def test_the_same_outline_written_otherwise_is_not_reshaped(qgis_app, written_otherwise):
    before, after = _wkb(SQUARE), _wkb(written_otherwise)
    assert before != after
    assert _kinds(before, after) == []


def test_a_moved_vertex_is_a_reshape(qgis_app):
    assert _kinds(_wkb(SQUARE), _wkb("POLYGON((0 0, 100 0, 110 110, 0 100, 0 0))")) == [RESHAPED]
    # rotated and reversed as well as moved: still a reshape
    assert _kinds(_wkb(SQUARE), _wkb("POLYGON((110 110, 100 0, 0 0, 0 100, 110 110))")) == [RESHAPED]


def test_the_tolerance_is_the_moved_area_in_square_metres(qgis_app):
    # an edge of 100 m pushed out by d metres moves 100·d m² of outline
    below, above = TOLERANCE_M2 / 100 * 0.5, TOLERANCE_M2 / 100 * 2
    assert _kinds(_wkb(SQUARE), _wkb(f"POLYGON((0 0, {100 + below} 0, {100 + below} 100, 0 100, 0 0))")) == []
    assert _kinds(_wkb(SQUARE), _wkb(f"POLYGON((0 0, {100 + above} 0, {100 + above} 100, 0 100, 0 0))")) == [RESHAPED]


def test_the_tolerance_holds_in_a_layer_in_degrees(qgis_app):
    # about 1 ha near Stockholm in degrees: 0.0009° of latitude ≈ 100 m, 0.0018° of longitude ≈ 100 m
    square = "POLYGON((18 59, 18.0018 59, 18.0018 59.0009, 18 59.0009, 18 59))"
    rotated = "POLYGON((18.0018 59.0009, 18 59.0009, 18 59, 18.0018 59, 18.0018 59.0009))"
    moved = "POLYGON((18 59, 18.0019 59, 18.0018 59.0009, 18 59.0009, 18 59))"  # ~ 5 m at one corner
    assert _kinds(_wkb(square), _wkb(rotated)) == []
    assert _kinds(_wkb(square), _wkb(moved)) == [RESHAPED]


def test_lines_compare_as_the_same_set_of_points(qgis_app):
    road = "LINESTRING(0 0, 100 0, 100 100)"
    assert _kinds(_wkb(road), _wkb("LINESTRING(100 100, 100 0, 0 0)"), 0.0) == []
    assert _kinds(_wkb(road), _wkb("LINESTRING(0 0, 100 0, 120 100)"), 0.0) == [RESHAPED]


def test_invalid_or_unreadable_geometry_does_not_crash(qgis_app):
    bow_tie = "POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))"  # self-intersecting
    assert _kinds(_wkb(bow_tie), _wkb("POLYGON((100 100, 100 0, 0 100, 0 0, 100 100))")) == []
    assert _kinds(_wkb(bow_tie), _wkb("POLYGON((0 0, 100 100, 100 0, 0 120, 0 0))")) == [RESHAPED]
    truncated = _wkb(SQUARE)[:20]
    assert _kinds(_wkb(SQUARE), truncated) == [RESHAPED]
    assert _kinds(_wkb(SQUARE), None) == [RESHAPED]
