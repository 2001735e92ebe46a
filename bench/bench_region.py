"""The region (issue 14): importing one large delivery (≤ 5 s) and the regional report XLSX
for 15 municipalities × 2 000 areas × 20 goals, 600 000 links (≤ 30 s), from deliveries and
from a shared store's own layers (the areas read from 15 GeoPackage files).

Import: a delivery of 5 000 areas and 50 000 links, exported once outside the timing;
each run imports it into a fresh region store (catalogue only), so every run replaces
nothing and writes everything. Report: the region's store is filled once outside the
timing (straight SQL, as 15 imports would leave it: links, delivered areas with WKB and
bounding boxes, one current delivery per municipality); each run gathers, searches the
intermunicipal conflicts within 2 000 m and writes the workbook. The municipalities lie
side by side, 5 × 3, each 2 000 areas of 300 m on an 800 m grid (32 × 40 km, about a
Västerbotten municipality's size); 1 link in 25 is a conflict.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from bench.harness import Benchmark

GOALS = [f"b:{n}" for n in range(1, 21)]
IMPORT_AREAS, IMPORT_GOALS = 5000, 10
REGION_ORGS, REGION_AREAS = 15, 2000


def _catalogue_store(path: Path):
    from territorial_plugin.core.model import Catalogue, Goal
    from territorial_plugin.core.store import open_store

    store = open_store(str(path), create=True)
    store.save_catalogue(
        Catalogue(id="b", name="Bench"), [Goal(g, "b", g[2:], sort_order=i) for i, g in enumerate(GOALS)]
    )
    return store


# -- import of one delivery ---------------------------------------------------------------------
def _setup_import() -> dict:
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    from territorial_plugin.core.identity import register_layer
    from territorial_plugin.core.model import LinkSpec
    from territorial_plugin.core.region.delivery.export import export_delivery

    folder = Path(tempfile.mkdtemp(prefix="bench_region_import_"))
    layer = QgsVectorLayer("Polygon?crs=EPSG:3006&field=omr_id:string&field=namn:string", "op", "memory")
    features = []
    for number in range(IMPORT_AREAS):
        x, y = 600000 + (number % 100) * 400.0, 7000000 + (number // 100) * 400.0
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"K{number:05d}", f"Område {number}"])
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 300, y + 300)))
        features.append(feature)
    _ = layer.dataProvider().addFeatures(features)
    store = _catalogue_store(folder / "kommun.gpkg")
    record = register_layer(store, layer, "omr_id")
    keys = [f"K{n:05d}" for n in range(IMPORT_AREAS)]
    store.link(record.layer_uid, keys, GOALS[:IMPORT_GOALS], LinkSpec("supports", 2, "Motivering"), "bench")
    delivery = export_delivery(store, [layer], "kommun", "Kommunen", "Samråd", folder / "leverans.gpkg")
    store.close()
    assert delivery.info.link_count == IMPORT_AREAS * IMPORT_GOALS
    _catalogue_store(folder / "template.gpkg").close()
    return {"folder": folder, "delivery": delivery.path}


def _reset_import(state: dict) -> None:
    for path in state["folder"].glob("region.gpkg*"):
        path.unlink()
    shutil.copy(state["folder"] / "template.gpkg", state["folder"] / "region.gpkg")


def _import(state: dict) -> None:
    from territorial_plugin.core.region.delivery.importer import import_delivery
    from territorial_plugin.core.store import open_store

    with open_store(str(state["folder"] / "region.gpkg")) as store:
        result = import_delivery(store, state["delivery"], user="bench")
    assert result.links_inserted == IMPORT_AREAS * IMPORT_GOALS and result.areas == IMPORT_AREAS


# -- regional report ----------------------------------------------------------------------------------
def _setup_report() -> dict:
    from qgis.core import QgsGeometry, QgsRectangle

    from territorial_plugin.core.store.gpkg.schema import now_iso, raw_connect

    folder = Path(tempfile.mkdtemp(prefix="bench_region_report_"))
    path = folder / "region.gpkg"
    _catalogue_store(path).close()
    rng = random.Random(14)
    now = now_iso()
    con = raw_connect(path)
    con.execute("BEGIN IMMEDIATE")
    for org in range(REGION_ORGS):
        organisation, uid = f"kommun{org:02d}", f"layer{org:02d}"
        x0, y0 = 500000 + (org % 5) * 32000.0, 7000000 + (org // 5) * 40000.0
        con.execute(
            "INSERT INTO registered_layer (layer_uid, name, source, provider, key_field, registered_at)"
            " VALUES (?, ?, '', 'ogr', 'omr_id', ?)",
            (uid, f"Markanvändning {organisation}", now),
        )
        delivery = con.execute(
            "INSERT INTO delivery (organisation, organisation_name, stage, created_at, imported_at, checksum,"
            " area_count, link_count, land_use_ha) VALUES (?, ?, 'Samråd', ?, ?, ?, ?, ?, ?)",
            (organisation, f"Kommun {org}", now, now, f"c{org}", REGION_AREAS, REGION_AREAS * 20, 128000.0),
        ).lastrowid
        areas, links = [], []
        for number in range(REGION_AREAS):
            x, y = x0 + (number % 40) * 800.0, y0 + (number // 40) * 800.0
            key = f"{organisation}-{number:04d}"
            wkb = bytes(QgsGeometry.fromRect(QgsRectangle(x, y, x + 300, y + 300)).asWkb())
            areas.append(
                (organisation, uid, key, "", f"Område {number}", "", 9.0, wkb, x, y, x + 300, y + 300, delivery)
            )
            for goal in GOALS:
                stance = "conflicts" if rng.random() < 0.04 else "supports"
                links.append((uid, key, goal, stance, 2, "Motivering", organisation, "b", now, "b", now, 1))
        con.executemany(
            "INSERT INTO delivered_area (organisation, layer_uid, feature_key, source_layer, name, category, hectares,"
            " geometry, min_x, min_y, max_x, max_y, delivery_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            areas,
        )
        con.executemany(
            "INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation, organisation,"
            " created_by, created_at, updated_by, updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            links,
        )
    con.execute("COMMIT")
    con.close()
    return {"folder": folder, "store": path}


def _report(state: dict) -> None:
    from territorial_plugin.core.store import open_store
    from territorial_plugin.export.region.service import run_regional_report

    with open_store(str(state["store"])) as store:
        _, data = run_regional_report(store, state["folder"] / "region.xlsx", distance=2000.0)
    assert len(data.links) == REGION_ORGS * REGION_AREAS * len(GOALS) and data.pairs and not data.problems
    state["pairs"], state["areas"] = len(data.pairs), len(data.areas)


def _setup_shared_report() -> dict:
    """The same county as :func:`_setup_report`, but as a shared store's own data: each municipality's
    2 000 areas in a GeoPackage file of its own, registered, and 40 000 links; no deliveries, so the
    report reads the areas from the layers."""
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRectangle, QgsVectorFileWriter, QgsVectorLayer

    from territorial_plugin.core.model import RegisteredLayer
    from territorial_plugin.core.store.gpkg.schema import now_iso, raw_connect

    folder = Path(tempfile.mkdtemp(prefix="bench_region_shared_"))
    path = folder / "region.gpkg"
    store = _catalogue_store(path)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    for org in range(REGION_ORGS):
        x0, y0 = 500000 + (org % 5) * 32000.0, 7000000 + (org // 5) * 40000.0
        layer = QgsVectorLayer("Polygon?crs=EPSG:3006&field=omr_id:string&field=namn:string", "op", "memory")
        features = []
        for number in range(REGION_AREAS):
            x, y = x0 + (number % 40) * 800.0, y0 + (number // 40) * 800.0
            feature = QgsFeature(layer.fields())
            feature.setAttributes([f"kommun{org:02d}-{number:04d}", f"Område {number}"])
            feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 300, y + 300)))
            features.append(feature)
        _ = layer.dataProvider().addFeatures(features)
        source = folder / f"op{org:02d}.gpkg"
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(source), QgsProject.instance().transformContext(), options
        )
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
        store.register_layer(RegisteredLayer(f"layer{org:02d}", f"ÖP {org}", str(source), "ogr", "omr_id", "Polygon"))
    store.close()
    rng = random.Random(14)
    now = now_iso()
    con = raw_connect(path)
    con.execute("BEGIN IMMEDIATE")
    con.executemany(
        "INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation, organisation,"
        " created_by, created_at, updated_by, updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (f"layer{org:02d}", f"kommun{org:02d}-{number:04d}", goal,
             "conflicts" if rng.random() < 0.04 else "supports", 2, "Motivering", f"kommun{org:02d}", "b", now, "b",
             now, 1)
            for org in range(REGION_ORGS) for number in range(REGION_AREAS) for goal in GOALS
        ],
    )  # fmt: skip
    con.execute("COMMIT")
    con.close()
    return {"folder": folder, "store": path}


def _shared_report(state: dict) -> None:
    _report(state)
    assert state["areas"] == REGION_ORGS * REGION_AREAS


def _teardown(state: dict) -> None:
    shutil.rmtree(state["folder"], ignore_errors=True)


BENCHMARKS = [
    Benchmark(
        name="region: import a delivery of 5 000 areas / 50 000 links",
        run_once=_import,
        target_s=5.0,
        setup=_setup_import,
        reset=_reset_import,
        teardown=_teardown,
        repeat=3,
    ),
    Benchmark(
        name="region: report XLSX, 15 × 2 000 areas × 20 goals (600 000 links)",
        run_once=_report,
        target_s=30.0,
        setup=_setup_report,
        teardown=_teardown,
        repeat=3,
    ),
    Benchmark(
        name="region: report XLSX from a shared store's own layers, 15 × 2 000 areas × 20 goals",
        run_once=_shared_report,
        target_s=30.0,
        setup=_setup_shared_report,
        teardown=_teardown,
        repeat=3,
    ),
]


# -- import of one delivery into a shared PostgreSQL store -------------------------------------------
def _pg_region_store():
    """A fresh store on the test server holding the catalogue and the delivering organisation."""
    from bench import bench_postgres
    from tests.postgres.pg_support import open_test_store

    store = open_test_store(bench_postgres._server())
    _save_bench_catalogue(store)
    store.create_organisation("kommun", "Kommunen", "municipality")
    return store


def _save_bench_catalogue(store) -> None:
    from territorial_plugin.core.model import Catalogue, Goal

    store.save_catalogue(
        Catalogue(id="b", name="Bench"), [Goal(g, "b", g[2:], sort_order=i) for i, g in enumerate(GOALS)]
    )


def _setup_pg_import() -> dict:
    from bench import bench_postgres

    state = _setup_import()
    bench_postgres._state["open"] = bench_postgres._state.get("open", 0) + 1
    state["store"] = _pg_region_store()
    return state


def _reset_pg_import(state: dict) -> None:
    """Each run imports into a fresh store (the old one is dropped with its schema when closed)."""
    if state.pop("used", False):
        state["store"].close()
        state["store"] = _pg_region_store()


def _pg_import(state: dict) -> None:
    from territorial_plugin.core.region.delivery.importer import import_delivery

    state["used"] = True
    result = import_delivery(state["store"], state["delivery"], user="bench")
    assert result.links_inserted == IMPORT_AREAS * IMPORT_GOALS and result.areas == IMPORT_AREAS


def _teardown_pg_import(state: dict) -> None:
    """Drop the store and stop the test server if this run started it."""
    import subprocess

    from bench import bench_postgres

    state["store"].close()
    _teardown(state)
    bench_postgres._state["open"] = bench_postgres._state.get("open", 1) - 1
    if bench_postgres._state["open"] == 0 and bench_postgres._state.pop("started", False):
        subprocess.run([str(bench_postgres.SERVER), "stop"], capture_output=True)
        bench_postgres._state.pop("env", None)


BENCHMARKS.append(
    Benchmark(
        name="region: import a delivery of 5 000 areas / 50 000 links (PostgreSQL)",
        run_once=_pg_import,
        target_s=5.0,
        setup=_setup_pg_import,
        reset=_reset_pg_import,
        teardown=_teardown_pg_import,
        repeat=3,
    )
)
