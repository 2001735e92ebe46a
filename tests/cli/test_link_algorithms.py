"""createstore, linkfeatures, unlinkfeatures and checkintegrity through qgis_process."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "markanvandning.geojson"


@pytest.fixture(scope="module")
def store(qgis_process, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "länkar.gpkg"
    result = qgis_process.run_json("territorial:createstore", STORE=str(path))
    assert result["results"]["SCHEMA_VERSION"] >= 1
    qgis_process.run_json("territorial:importcatalogue", INPUT="agenda2030", STORE=str(path))
    return path


def _links(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT feature_key, goal_id, stance, strength, motivation FROM link ORDER BY 1, 2"
        ).fetchall()
    finally:
        con.close()


def test_createstore_again_changes_nothing(qgis_process, store):
    before = store.stat().st_size
    result = qgis_process.run_json("territorial:createstore", STORE=str(store))
    assert result["results"]["BACKUP"] == ""
    assert store.stat().st_size == before


def test_link_by_expression_then_unlink(qgis_process, store, tmp_path):
    layer = tmp_path / "markanvändning.geojson"
    shutil.copy(SAMPLE, layer)
    result = qgis_process.run_json(
        "territorial:linkfeatures",
        STORE=str(store),
        LAYER=str(layer),
        KEY_FIELD="omr_id",
        GOALS="agenda2030:11, agenda2030:11.1",
        STANCE="conflicts",
        STRENGTH="3",
        MOTIVATION='Bostäder; "citat" -- och åäö 🏘️',
        EXPRESSION="\"kategori_kod\" = 'BOST'",
    )["results"]
    assert (result["FEATURES"], result["INSERTED"]) == (8, 16)
    links = _links(store)
    assert len(links) == 16
    assert {row[2:] for row in links} == {("conflicts", 3, 'Bostäder; "citat" -- och åäö 🏘️')}
    # the layer is recognised by its source from now on: no KEY_FIELD needed
    again = qgis_process.run_json(
        "territorial:linkfeatures", STORE=str(store), LAYER=str(layer), GOALS="agenda2030:11", STANCE="supports"
    )["results"]
    assert (again["FEATURES"], again["INSERTED"], again["UPDATED"]) == (43, 35, 8)
    removed = qgis_process.run_json(
        "territorial:unlinkfeatures", STORE=str(store), LAYER=str(layer), GOALS="agenda2030:11.1"
    )["results"]
    assert removed["DELETED"] == 8
    everything = qgis_process.run_json("territorial:unlinkfeatures", STORE=str(store), LAYER=str(layer))["results"]
    assert everything["DELETED"] == 43
    assert _links(store) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"GOALS": "agenda2030:99"}, "agenda2030:99"),
        ({"GOALS": "not a goal"}, "not a goal id"),
        ({"GOALS": "agenda2030:11", "KEY_FIELD": "kategori_kod"}, "repeat"),
        ({"GOALS": "agenda2030:11", "EXPRESSION": "kategori_kod = = 1"}, "not valid"),
    ],
)
def test_bad_input_fails_with_a_message_and_changes_nothing(qgis_process, store, tmp_path, params, message):
    layer = tmp_path / "annan.geojson"
    shutil.copy(SAMPLE, layer)
    args = {"STORE": str(store), "LAYER": str(layer), "KEY_FIELD": "omr_id", **params}
    result = qgis_process("run", "territorial:linkfeatures", "--", *[f"{k}={v}" for k, v in args.items()])
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert _links(store) == []


def test_layer_without_key_field_is_refused(qgis_process, store, tmp_path):
    layer = tmp_path / "ny.geojson"
    shutil.copy(SAMPLE, layer)
    result = qgis_process(
        "run", "territorial:linkfeatures", "--", f"STORE={store}", f"LAYER={layer}", "GOALS=agenda2030:11"
    )
    assert result.returncode != 0
    assert "no key field" in result.stdout + result.stderr


def test_checkintegrity_reports_repairs_and_removes_orphans(qgis_process, store, tmp_path):
    layer = tmp_path / "areas.geojson"
    shutil.copy(SAMPLE, layer)
    qgis_process.run_json(
        "territorial:linkfeatures",
        STORE=str(store),
        LAYER=str(layer),
        KEY_FIELD="omr_id",
        GOALS="agenda2030:7",
        EXPRESSION="\"kategori_kod\" = 'VIND'",
    )
    ok = qgis_process.run_json("territorial:checkintegrity", STORE=str(store), LAYERS=str(layer))["results"]
    assert ok["ORPHANS"] == 0
    # the data is re-saved elsewhere without one of the wind power areas
    data = json.loads(layer.read_text(encoding="utf-8"))
    data["features"] = [f for f in data["features"] if f["properties"]["omr_id"] != "EK-042"]
    moved = tmp_path / "flyttad" / "vindbruk.geojson"
    moved.parent.mkdir()
    moved.write_text(json.dumps(data), encoding="utf-8")
    layer.unlink()
    report = qgis_process.run_json("territorial:checkintegrity", STORE=str(store), LAYERS=str(moved), REPAIR="true")[
        "results"
    ]
    assert (report["REPAIRED"], report["ORPHANS"]) == (1, 1)
    assert "EK-042" in report["REPORT"]
    assert len([row for row in _links(store) if row[1] == "agenda2030:7"]) == 3  # kept until asked
    cleaned = qgis_process.run_json(
        "territorial:checkintegrity", STORE=str(store), LAYERS=str(moved), REMOVE_ORPHANS="true"
    )["results"]
    assert cleaned["REMOVED"] == 1
    assert sorted(row[0] for row in _links(store) if row[1] == "agenda2030:7") == ["EK-041", "EK-043"]
