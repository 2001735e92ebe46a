"""One key → hectares pass: the panel, the atlas and the tables agree on every area's hectares and name."""

from __future__ import annotations

import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeature,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

from territorial_plugin.core.areas import area_records
from territorial_plugin.core.coverage import coverage_per_goal
from territorial_plugin.core.errors import CancelledError, IdentityError
from territorial_plugin.core.model import Goal, Link
from territorial_plugin.export.atlas.data import AtlasLayer, collect_atlas_data
from territorial_plugin.export.tables import read_areas
from territorial_plugin.gui.panel.layer_keys import LayerKeys

from .store_layers import square

#: key → (name, geometry): a named area, one without a name, one without geometry, one with an empty geometry
AREAS = {
    "A": ("Norra hamnen", square(0)),
    "B": (NULL, square(1, 250.0)),
    "C": ("Utan geometri", None),
    "D": ("Tom geometri", QgsGeometry.fromWkt("Polygon EMPTY")),
}


@pytest.fixture
def layer(qgis_app, qgis_new_project):
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    _ = project.setEllipsoid("GRS80")  # returns nothing; flake8-qgis takes it for QgsDistanceArea
    layer = QgsVectorLayer("Polygon?crs=EPSG:3006&field=omr_id:string&field=namn:string", "areas", "memory")
    features = []
    for key, (name, geometry) in [*AREAS.items(), (NULL, ("Utan nyckel", square(5)))]:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([key, name])
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    assert not next(layer.getFeatures("omr_id = 'D'")).geometry().isNull()  # empty, not missing
    return layer


def _expected(layer) -> dict[str, float]:
    calculator = QgsDistanceArea()
    calculator.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    assert calculator.setEllipsoid("GRS80")
    return {key: calculator.measureArea(geometry) / 10_000 if geometry else 0.0 for key, (_, geometry) in AREAS.items()}


def test_panel_atlas_and_tables_give_the_same_hectares_and_names(layer):
    expected = _expected(layer)
    assert expected["A"] != pytest.approx(1.0, abs=1e-6)  # ellipsoidal, not the planar 1 ha
    assert expected["B"] > expected["A"] > 0 and expected["C"] == expected["D"] == 0.0
    names = {"A": "Norra hamnen", "B": "", "C": "Utan geometri", "D": "Tom geometri"}  # NULL name: ""

    records = list(area_records(layer, "omr_id"))
    assert [r.key for r in records] == ["A", "B", "C", "D"]  # the feature without a key is left out
    assert {r.key: r.hectares for r in records} == pytest.approx(expected, rel=1e-12)
    assert {r.key: r.name for r in records} == names

    keys = LayerKeys(layer, "omr_id")  # the panel's key table
    keys.build(wait=True)
    assert keys.areas == pytest.approx(expected, rel=1e-12)
    keys.disconnect_layer()

    tables = read_areas([AtlasLayer(layer, "L", "omr_id")])
    assert {a.feature_key: a.area_ha for a in tables} == pytest.approx(expected, abs=1e-4)  # rounded to 4 places
    assert {a.feature_key: a.name for a in tables} == names

    goal = Goal("t:1", "t", "1")
    links = [Link("L", key, goal.id) for key in AREAS]
    atlas = collect_atlas_data([AtlasLayer(layer, "L", "omr_id")], [goal], links)
    rows = atlas.pages[0].rows
    assert {row.feature_key: row.area_ha for row in rows} == pytest.approx(expected, rel=1e-12)
    assert {row.feature_key: row.name for row in rows} == names
    assert {f.feature_key: f.name for f in atlas.features["L"]} == names

    counted = coverage_per_goal([(key, goal.id, "supports") for key in AREAS], keys.areas)
    assert counted.by_goal[goal.id][:2] == (4, pytest.approx(sum(expected.values()), rel=1e-12))


def test_keys_limit_the_records_and_geometry_comes_on_request(layer):
    records = list(area_records(layer, "omr_id", keys={"B", "C"}, geometry=True, names=False))
    assert [(r.key, r.name) for r in records] == [("B", ""), ("C", "")]
    assert records[0].geometry.equals(AREAS["B"][1]) and records[1].geometry.isNull()
    assert all(r.geometry is None for r in area_records(layer, "omr_id"))


def test_points_have_no_area_and_a_missing_key_field_is_named(qgis_app, qgis_new_project):
    points = QgsVectorLayer("Point?crs=EPSG:3006&field=omr_id:string", "points", "memory")
    feature = QgsFeature(points.fields())
    feature.setAttributes(["P1"])
    feature.setGeometry(QgsGeometry.fromWkt("Point (650000 6500000)"))
    assert points.dataProvider().addFeatures([feature])[0]
    assert [(r.key, r.hectares) for r in area_records(points, "omr_id")] == [("P1", 0.0)]
    with pytest.raises(IdentityError, match="kod"):
        area_records(points, "kod")


def test_a_cancelled_read_raises(layer):
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(CancelledError):
        list(area_records(layer, "omr_id", feedback=feedback))
