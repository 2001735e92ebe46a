"""Web atlas benchmarks: the page of 10 000 areas in headless Chromium, and the export that writes it.

- ``web atlas 10 000 areas: open + draw``: from ``driver.get(index.html)`` (``file://``,
  network off) until the page's second animation frame after building the map (the
  canvas is drawn), wall clock, browser already running. Target ≤ 2 s. The note holds
  the size of ``data.js`` (target < 5 MB at the default tolerance) and the page's own
  figure (navigation start → drawn, ``document.body.dataset.drawnMs``).
- ``web atlas 10 000 areas: export``: ``run_web_export`` (read, simplify, WGS 84, write).

The areas are irregular like digitised land use: 48 vertices each, edges wobbling
by up to ±6 m, so the default simplification (5 m) has real work to do.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

from bench.harness import Benchmark

AREAS = 10_000
GOALS = 20
PER_GOAL = 400
CATEGORIES = ["Bostäder", "Verksamheter", "Grönområde", "Natur", "Jordbruk", "Skog", "Infrastruktur", "Centrum"]


def _land_use(count: int):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    rng = random.Random(11)
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:3006&field=omr_id:string&field=namn:string&field=kategori:string", "Markanvändning", "memory"
    )
    side = int(count**0.5) + 1
    features = []
    for number in range(count):
        x0, y0 = 650000 + (number % side) * 150, 7080000 + (number // side) * 150
        ring = []
        for edge in range(4):
            for step in range(12):
                t = step / 12 * 140
                wobble = rng.uniform(-6, 6)
                ring.append(
                    [(x0 + t, y0 + wobble), (x0 + 140 + wobble, y0 + t), (x0 + 140 - t, y0 + 140 + wobble),
                     (x0 + wobble, y0 + 140 - t)][edge]
                )  # fmt: skip
        ring.append(ring[0])
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON((" + ",".join(f"{x} {y}" for x, y in ring) + "))"))
        name = None if number % 7 == 0 else f"Område {number}"
        feature.setAttributes([f"A{number:06d}", name, CATEGORIES[number % len(CATEGORIES)]])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _setup():
    from qgis.core import QgsProject

    from territorial_plugin.core.identity import register_layer
    from territorial_plugin.core.model import Catalogue, Goal, LinkSpec
    from territorial_plugin.core.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="bench_web_"))
    project = QgsProject()
    layer = _land_use(AREAS)
    store = open_store(str(folder / "links.gpkg"), create=True)
    catalogue = Catalogue("bench", "Benchmarkkatalog", version="1")
    goals = [
        Goal(f"bench:{n}", "bench", str(n), title_sv=f"Mål {n} för hållbar utveckling", sort_order=n)
        for n in range(1, GOALS + 1)
    ]
    store.save_catalogue(catalogue, goals)
    record = register_layer(store, layer, "omr_id")
    rng = random.Random(5)
    for goal in goals:
        start = rng.randrange(0, AREAS - PER_GOAL * 3)
        keys = [f"A{k:06d}" for k in rng.sample(range(start, start + PER_GOAL * 3), PER_GOAL)]
        store.link(record.layer_uid, keys, [goal.id], LinkSpec("supports", 2, "Motivering för området."), "bench")
    state = {"folder": folder, "project": project, "layer": layer, "store": store}
    _export(state)
    return state


def _export(state) -> None:
    from territorial_plugin.export.web.service import run_web_export

    state["done"] = run_web_export(
        state["store"], [state["layer"]], state["folder"] / "web", municipality="Benchkommun", project=state["project"]
    )


def _browser_setup():
    from tests.web_browser import chromium

    state = _setup()
    state["browser"] = chromium()
    state["driver"] = state["browser"].__enter__()
    return state


def _open_and_draw(state) -> None:
    driver = state["driver"]
    driver.get("about:blank")
    start = time.perf_counter()
    driver.get(state["done"].index.as_uri())
    while not driver.execute_script("return document.body.dataset.drawnMs"):
        if time.perf_counter() - start > 30:
            raise RuntimeError("the page never drew its map")
        time.sleep(0.005)
    state.setdefault("page_ms", []).append(int(driver.execute_script("return document.body.dataset.drawnMs")))


def _teardown(state) -> None:
    data = state["folder"] / "web" / "data.js"
    print(
        f"web atlas: data.js {data.stat().st_size / 1e6:.2f} MB for {state['done'].areas} areas; "
        f"page's own drawn-at (ms): {state.get('page_ms')}",
        flush=True,
    )
    if "browser" in state:
        state["browser"].__exit__(None, None, None)
    state["store"].close()
    shutil.rmtree(state["folder"], ignore_errors=True)


BENCHMARKS = [
    Benchmark(
        "web atlas 10 000 areas: open + draw (Chromium)",
        _open_and_draw,
        target_s=2.0,
        setup=_browser_setup,
        repeat=5,
        teardown=_teardown,
    ),
    Benchmark("web atlas 10 000 areas: export", _export, setup=_setup, repeat=1, teardown=_teardown),
]
