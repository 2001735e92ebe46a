"""Coverage benchmarks: counts and ellipsoidal hectares per goal over 100 000 areas."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from bench.bench_store import _TMP, _new_store
from bench.harness import Benchmark

COVERAGE_FEATURES = 100_000


# -- counts and area per goal over 100 000 features ----------------------------------------
@lru_cache(maxsize=1)
def _coverage_fixture() -> tuple[Path, Path]:
    """(store, layer) files: 100 000 squares in a GeoPackage and 120 000 links to them."""
    from qgis.core import (
        QgsFeature,
        QgsGeometry,
        QgsProject,
        QgsRectangle,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    memory = QgsVectorLayer("Polygon?crs=EPSG:3006&field=omr_id:string", "bench", "memory")
    features = []
    for i in range(COVERAGE_FEATURES):
        x, y = 600000 + (i % 316) * 120.0, 6900000 + (i // 316) * 120.0
        feature = QgsFeature(memory.fields())
        feature.setAttributes([f"EK-{i:07d}"])
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 100, y + 100)))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    path = _TMP / "coverage_layer.gpkg"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(path), QgsProject.instance().transformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    store = _new_store("coverage.gpkg", goals=5)
    store.close()
    con = sqlite3.connect(_TMP / "coverage.gpkg")
    # every feature linked to goal 1 or 2, every fifth also to goal 3: 120 000 links
    con.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        " INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation, created_by, created_at,"
        " updated_by, updated_at) SELECT 'L', printf('EK-%07d', i), 'b:' || (1 + i % 2),"
        " CASE WHEN i % 7 = 0 THEN 'conflicts' ELSE 'supports' END, 2, '', 'b', 'x', 'b', 'x' FROM n"
        " UNION ALL SELECT 'L', printf('EK-%07d', i), 'b:3', 'supports', 1, '', 'b', 'x', 'b', 'x' FROM n"
        " WHERE i % 5 = 0",
        (COVERAGE_FEATURES - 1,),
    )
    con.commit()
    con.close()
    return _TMP / "coverage.gpkg", path


def _coverage_setup():
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

    from territorial_plugin.core.identity import LAYER_UID_PROPERTY
    from territorial_plugin.core.store import open_store

    store_path, layer_path = _coverage_fixture()
    layer = QgsVectorLayer(str(layer_path), "bench", "ogr")
    layer.setCustomProperty(LAYER_UID_PROPERTY, "L")
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    project.setEllipsoid("GRS80")  # measured on the ellipsoid, as QGIS does
    return {"store": open_store(str(store_path)), "layer": layer}


def _coverage(state) -> None:
    from territorial_plugin.core.coverage import layer_coverage

    result = layer_coverage(state["store"], state["layer"])
    assert result.feature_count == COVERAGE_FEATURES
    assert result.by_goal["b:3"].features == COVERAGE_FEATURES // 5


def _coverage_cached(state) -> None:
    """What the panel does after each link: areas from its AreaCache, counts from the store."""
    from territorial_plugin.core.coverage import AreaCache, layer_coverage

    cache = state.setdefault("cache", AreaCache())
    result = layer_coverage(state["store"], state["layer"], cache=cache)
    assert result.by_goal["b:1"].features == COVERAGE_FEATURES // 2


def _close(state) -> None:
    state["store"].close()


BENCHMARKS = [
    Benchmark(
        name="coverage: counts and area per goal over 100 000 features",
        run_once=_coverage,
        target_s=1.0,
        setup=_coverage_setup,
        repeat=5,
        teardown=_close,
    ),
    Benchmark(
        name="coverage: the same with the panel's area cache (after a link)",
        run_once=_coverage_cached,
        target_s=1.0,
        setup=_coverage_setup,
        repeat=5,
        teardown=_close,
    ),
]
