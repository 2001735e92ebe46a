"""Panel: selection change → updated goal tree, 10 000 selected features, 1 000 000 links.

Timed from the layer's ``selectionChanged`` signal (``selectByIds``) to the goal
tree model holding the new tri-state counts. The store holds 1 000 000 links of
the layer: its 10 000 features × 5 goals and 190 000 further keys × 5 goals (the
rest of a large municipality's history). The key table is read beforehand, as it
is in the panel once a layer is active, and the panel's background count of the
layer's links per goal (``gui/panel/tasks.py``: with 1 000 000 links it reads
for 15–30 s) has finished: the measure is a selection in a panel at rest. While
that first count runs, a selection change takes about 2.5 × longer (the reading
thread shares the interpreter), and the window stays responsive.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from bench.harness import Benchmark

N_FEATURES = 10_000
N_OTHER_KEYS = 190_000
GOALS = ["agenda2030:11", "agenda2030:11.3", "agenda2030:15", "miljomal:15", "miljomal:13"]


def _setup(organisations: int = 0):
    """The store, layer and a dock at rest; ``organisations``: the links spread over that many
    organisations (a region's store fed by deliveries), so the panel reads them per organisation."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

    from territorial_plugin.core.catalogues.bundled import load_bundled
    from territorial_plugin.core.identity import register_layer as register
    from territorial_plugin.core.model import LinkSpec
    from territorial_plugin.core.project.link_store import remember_store
    from territorial_plugin.core.store import open_store
    from territorial_plugin.gui.panel.dock import TerritorialLinksDock

    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / "bench_links.gpkg"
    store = open_store(str(path), create=True)
    for catalogue_id in ("agenda2030", "miljomal"):
        catalogue, goals = load_bundled(catalogue_id)
        store.save_catalogue(catalogue, goals)
    layer = QgsVectorLayer("Point?crs=EPSG:3006&field=omr_id:string", "bench", "memory")
    features = []
    for n in range(N_FEATURES):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"K{n:06d}"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(600000 + n, 7000000)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    assert QgsProject.instance().addMapLayer(layer) is not None
    uid = register(store, layer, "omr_id").layer_uid
    keys = [f"K{n:06d}" for n in range(N_FEATURES + N_OTHER_KEYS)]
    for start in range(0, len(keys), 50_000):
        store.link(uid, keys[start : start + 50_000], GOALS, LinkSpec(), "bench")
    store.close()
    if organisations:
        import sqlite3

        # as deliveries leave them: every area's links belong to one of the organisations
        with contextlib.closing(sqlite3.connect(str(path))) as con, con:
            con.execute(
                "UPDATE link SET organisation = 'kommun_' || (CAST(substr(feature_key, 2) AS INTEGER) % ?)",
                (organisations,),
            )
        with contextlib.closing(sqlite3.connect(str(path))) as con:
            con.execute("VACUUM")  # the longer rows laid out as an import writes them, not moved one by one
    remember_store(str(path))
    dock = TerritorialLinksDock(None)
    dock.controller.set_layer(layer)
    dock.controller.layer_keys.build(wait=True)
    _wait_for_tasks()  # the first count of the layer's links, in the background (see the docstring)
    fids = layer.allFeatureIds()
    return {"tmp": tmp, "dock": dock, "layer": layer, "fids": fids}


def _wait_for_tasks() -> None:
    import time

    from qgis.core import QgsApplication

    while QgsApplication.taskManager().countActiveTasks():
        QgsApplication.processEvents()
        time.sleep(0.05)
    QgsApplication.processEvents()


def _reset(state):
    state["layer"].removeSelection()
    state["dock"].controller.selection_throttle.stop()  # the next change is the first after a pause


def _run(state):
    state["layer"].selectByIds(state["fids"])
    model = state["dock"].view.model
    assert model.selection_size == N_FEATURES, model.selection_size


def _run_organisations(state):
    _run(state)
    assert state["dock"].view.scope_bar.several_organisations()


def _teardown(state):
    from qgis.core import QgsProject
    from qgis.PyQt import sip

    dock = state.pop("dock")
    dock.cleanup()
    # delete the widget now: left to Python's shutdown it would outlive the
    # QgsApplication and crash the process on exit
    sip.delete(dock)
    QgsProject.instance().removeMapLayer(state["layer"].id())
    state["tmp"].cleanup()


BENCHMARKS = [
    Benchmark(
        "panel: 10 000 selected, 1 000 000 links → goal tree",
        _run,
        target_s=0.100,
        setup=_setup,
        reset=_reset,
        teardown=_teardown,
        repeat=7,
    ),
    Benchmark(
        "panel: the same, links of 15 organisations (per organisation)",
        _run_organisations,
        target_s=0.100,
        setup=lambda: _setup(organisations=15),
        reset=_reset,
        teardown=_teardown,
        repeat=7,
    ),
]
