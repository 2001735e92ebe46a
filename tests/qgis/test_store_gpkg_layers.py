"""A user opens the link store's tables in QGIS: they are ordinary layers with the links in them."""

from __future__ import annotations

from qgis.core import QgsVectorLayer

from territorial_plugin.core.model import LinkSpec, RegisteredLayer
from territorial_plugin.core.store.gpkg import schema as gpkg_schema

from .store_layers import seeded_store


def test_store_tables_open_as_qgis_layers(qgis_app, tmp_path):
    path = tmp_path / "länkar med mellanslag.gpkg"
    store = seeded_store(path)
    store.register_layer(RegisteredLayer("L", "Markanvändning", "/data/ma.shp", "ogr", "omr_id"))
    store.link("L", ["EK-001", "EK-002"], ["t:1"], LinkSpec(motivation="Bostäder nära stationen"), "anna")
    expected = {
        "schema_version": gpkg_schema.LATEST_VERSION,
        "stage": 0,
        "catalogue": 1,
        "goal": 3,
        "registered_layer": 1,
        "link": 2,
        "link_history": 2,
        "link_rule": 0,
        "link_rule_goal": 0,
        "link_rule_history": 0,
        "link_rule_dismissal": 0,
        "delivery": 0,
        "delivered_area": 0,
    }
    for table, count in expected.items():
        layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        assert layer.isValid(), table
        assert layer.featureCount() == count, table
    links = QgsVectorLayer(f"{path}|layername=link", "link", "ogr")
    rows = sorted((f["feature_key"], f["goal_id"], f["motivation"]) for f in links.getFeatures())
    assert rows == [("EK-001", "t:1", "Bostäder nära stationen"), ("EK-002", "t:1", "Bostäder nära stationen")]
    # QGIS reading the file at the same time does not block the store
    store.unlink("L", ["EK-001"], None, "anna")
    assert QgsVectorLayer(f"{path}|layername=link", "link", "ogr").featureCount() == 1
    store.close()
