"""Plan stage benchmarks: save a stage of 100 000 areas and 200 000 links; compare two such stages.

The land-use layer is a GeoPackage of 100 000 squares (as a municipality's ÖP layer
is a file), linked to two goals; built once per run in a temporary folder.
"""

from __future__ import annotations

import atexit
import itertools
import shutil
import tempfile
from pathlib import Path

from bench.harness import Benchmark

AREAS = 100_000
_RUNS = itertools.count()
_TMP = Path(tempfile.mkdtemp(prefix="bench_stages_"))
atexit.register(shutil.rmtree, _TMP, True)


def _layer_file() -> Path:
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRectangle, QgsVectorFileWriter, QgsVectorLayer

    path = _TMP / "markanvandning.gpkg"
    if path.exists():
        return path
    memory = QgsVectorLayer(
        "Polygon?crs=EPSG:3006&field=omr_id:string&field=namn:string&field=anv:string", "m", "memory"
    )
    features = []
    for i in range(AREAS):
        x, y = 600000 + (i % 400) * 120.0, 6600000 + (i // 400) * 120.0
        feature = QgsFeature(memory.fields())
        feature.setAttributes([f"EK-{i:06d}", f"Område {i}", "BOST" if i % 3 else "NATUR"])
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 100, y + 100)))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(path), QgsProject.instance().transformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return path


def _setup(name: str, layer_file: Path | None = None):
    from qgis.core import QgsVectorLayer

    from territorial_plugin.core.identity import register_layer
    from territorial_plugin.core.model import Catalogue, Goal, LinkSpec
    from territorial_plugin.core.store import open_store

    layer = QgsVectorLayer(str(layer_file or _layer_file()), "Markanvändning", "ogr")
    if name == "postgres":
        from bench.bench_postgres import _server
        from tests.postgres.pg_support import open_test_store

        store = open_test_store(_server())
    else:
        store = open_store(str(_TMP / name), create=True)
    store.save_catalogue(Catalogue(id="b", name="Bench"), [Goal("b:1", "b", "1"), Goal("b:2", "b", "2")])
    uid = register_layer(store, layer, "omr_id").layer_uid
    keys = [f"EK-{i:06d}" for i in range(AREAS)]
    store.link(uid, keys, ["b:1"], LinkSpec(motivation="Bostäder nära kollektivtrafik"), "bench")
    store.link(uid, keys, ["b:2"], LinkSpec(stance="conflicts", strength=1, motivation="Ianspråktar mark"), "bench")
    return {"store": store, "layer": layer, "uid": uid, "keys": keys, "count": 0}


def _save_setup():
    return _setup("save.gpkg")


def _save(state) -> None:
    from territorial_plugin.core.stages.service import save_stage

    state["count"] += 1
    info, _ = save_stage(state["store"], [state["layer"]], f"Etapp {state['count']}", "", "bench")
    assert (info.areas, info.links) == (AREAS, 2 * AREAS)


def _pg_save_setup():
    return _setup("postgres")


def _compare_setup():
    """Two stages 'Samråd' and 'Granskning' with 10 000 links changed, 1 000 removed and 1 000 added between."""
    from territorial_plugin.core.model import LinkSpec
    from territorial_plugin.core.stages.service import save_stage

    state = _setup(f"compare-{next(_RUNS)}.gpkg")
    store, uid, keys = state["store"], state["uid"], state["keys"]
    save_stage(store, [state["layer"]], "Samråd", "", "bench")
    store.link(uid, keys[:10_000], ["b:1"], LinkSpec(motivation="Omarbetad efter samrådet"), "bench")
    store.unlink(uid, keys[10_000:11_000], ["b:2"], "bench")
    store.unlink(uid, keys[20_000:21_000], ["b:1"], "bench")
    save_stage(store, [state["layer"]], "Granskning", "", "bench")
    store.link(uid, keys[20_000:21_000], ["b:1"], LinkSpec(), "bench")
    return state


def _compare(state) -> None:
    from territorial_plugin.core.stages.service import compare_stages

    result = compare_stages(state["store"], "Samråd", "Granskning")
    assert len(result.links) == 12_000 and not result.areas


def _compare_now(state) -> None:
    from territorial_plugin.core.stages.service import compare_stages

    result = compare_stages(state["store"], "Samråd", None, [state["layer"]])
    assert len(result.links) == 12_000 and not result.areas


RESHAPED = 1_000


def _rewritten_setup():
    """'Samråd', then every area's ring written from another start point and the other way round
    (as a copy through a shapefile does), 1 000 of them also grown by 5 m; then 'Granskning'."""
    from qgis.core import QgsGeometry, QgsPointXY

    from territorial_plugin.core.stages.service import save_stage

    run = next(_RUNS)
    copy = _TMP / f"rewritten-{run}.gpkg"
    shutil.copyfile(_layer_file(), copy)
    state = _setup(f"rewritten-{run}.gpkg.store.gpkg", copy)
    layer = state["layer"]
    save_stage(state["store"], [layer], "Samråd", "", "bench")
    changes = {}
    for n, feature in enumerate(layer.getFeatures()):
        geometry = feature.geometry()
        ring = (geometry.asMultiPolygon()[0] if geometry.isMultipart() else geometry.asPolygon())[0][:-1]
        if n < RESHAPED:  # the east edge moved 5 m out: 500 m² more
            east = max(p.x() for p in ring)
            ring = [QgsPointXY(p.x() + 5 if p.x() == east else p.x(), p.y()) for p in ring]
        turned = ring[::-1][1:] + ring[::-1][:1]  # clockwise, from another vertex
        changes[feature.id()] = QgsGeometry.fromPolygonXY([turned + turned[:1]])
    assert layer.dataProvider().changeGeometryValues(changes)
    save_stage(state["store"], [layer], "Granskning", "", "bench")
    return state


def _compare_rewritten(state) -> None:
    from territorial_plugin.core.stages.service import compare_stages

    result = compare_stages(state["store"], "Samråd", "Granskning")
    assert len(result.areas) == RESHAPED and not result.links, len(result.areas)


def _close(state) -> None:
    state["store"].close()


def _close_postgres(state) -> None:
    """Close (the schema is dropped with it) and stop the test server if this run started it."""
    import subprocess

    from bench import bench_postgres

    state["store"].close()
    if bench_postgres._state.get("open", 0) == 0 and bench_postgres._state.pop("started", False):
        subprocess.run([str(bench_postgres.SERVER), "stop"], capture_output=True)
        bench_postgres._state.pop("env", None)


BENCHMARKS = [
    Benchmark(
        name="stages: save a stage of 100 000 areas and 200 000 links (PostgreSQL)",
        run_once=_save,
        target_s=10.0,
        setup=_pg_save_setup,
        repeat=3,
        teardown=_close_postgres,
    ),
    Benchmark(
        name="stages: save a stage of 100 000 areas and 200 000 links (GeoPackage)",
        run_once=_save,
        target_s=10.0,
        setup=_save_setup,
        repeat=3,
        teardown=_close,
    ),
    Benchmark(
        name="stages: compare two stages of 100 000 areas and 200 000 links",
        run_once=_compare,
        target_s=10.0,
        setup=_compare_setup,
        repeat=3,
        teardown=_close,
    ),
    Benchmark(
        name="stages: compare two stages whose 100 000 areas were all rewritten, 1 000 reshaped",
        run_once=_compare_rewritten,
        target_s=10.0,
        setup=_rewritten_setup,
        repeat=3,
        teardown=_close,
    ),
    Benchmark(
        name="stages: compare a stage with now (reads the 100 000 areas of the layer)",
        run_once=_compare_now,
        target_s=10.0,
        setup=_compare_setup,
        repeat=3,
        teardown=_close,
    ),
]
