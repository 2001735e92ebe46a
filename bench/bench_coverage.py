"""Coverage benchmarks: counts and ellipsoidal hectares per goal over 100 000 areas, as the panel gets them.

Cold, the panel reads its key table (keys and hectares, ``core.areas.area_records``)
and counts the links; the baseline is QGIS's own pass over every feature's
ellipsoidal area (the aggregate sum of ``$area``).
"""

from __future__ import annotations

import math
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
    """What the panel does for a layer it has not read yet: the key table (keys and hectares), then the counts."""
    from territorial_plugin.gui.panel.layer_keys import LayerKeys
    from territorial_plugin.gui.panel.tasks import CoverageTask

    keys = LayerKeys(state["layer"], "omr_id")
    keys.build(wait=True)
    keys.disconnect_layer()
    state["areas"] = keys.areas
    task = CoverageTask(state["store"].uri, "L", "bench", keys.areas)
    assert task.run()
    assert len(keys.areas) == COVERAGE_FEATURES
    assert task.result.by_goal["b:3"][0] == COVERAGE_FEATURES // 5
    both = task.result.by_goal["b:1"][1] + task.result.by_goal["b:2"][1]  # every area once
    assert math.isclose(both, sum(keys.areas.values()), rel_tol=1e-9)


def _qgis_area_pass(state) -> None:
    """QGIS's own cheapest pass over every feature's ellipsoidal area: the aggregate sum of ``$area`` (m²)."""
    from qgis.core import QgsAggregateCalculator

    total, ok = state["layer"].aggregate(QgsAggregateCalculator.Aggregate.Sum, "$area")
    assert ok
    if "areas" in state:  # the same figure as the plugin's pass: measured on the ellipsoid
        assert math.isclose(total / 10_000, sum(state["areas"].values()), rel_tol=1e-9)


def _after_link_setup():
    state = _coverage_setup()
    _coverage(state)  # the key table the panel keeps
    return state


def _coverage_after_link(state) -> None:
    """What the panel does after each link: the key table is kept, the counts are read again."""
    from territorial_plugin.gui.panel.tasks import CoverageTask

    task = CoverageTask(state["store"].uri, "L", "bench", state["areas"])
    assert task.run()
    assert task.result.by_goal["b:1"][0] == COVERAGE_FEATURES // 2


def _close(state) -> None:
    state["store"].close()


BENCHMARKS = [
    Benchmark(
        name="coverage: counts and ellipsoidal ha per goal over 100 000 areas, cold (vs QGIS's sum of $area)",
        run_once=_coverage,
        baseline=_qgis_area_pass,
        ratio_target=1.6,
        setup=_coverage_setup,
        repeat=5,
        teardown=_close,
    ),
    Benchmark(
        name="coverage: the same after a link (the panel keeps its key table)",
        run_once=_coverage_after_link,
        target_s=1.0,
        setup=_after_link_setup,
        repeat=5,
        teardown=_close,
    ),
]
