"""Integrity: orphans, repeated keys, missing layers, and repair by key after a source change."""

from __future__ import annotations

import sqlite3

from qgis.core import QgsProject, QgsVectorLayer

from territorial_plugin.core import identity
from territorial_plugin.core.integrity import check
from territorial_plugin.core.links import LinkService
from territorial_plugin.core.model import LinkSpec

from .store_layers import memory_layer, seeded_store, write


def _linked_geometries(store, layer, goal):
    service = LinkService(store, "anna")
    return {
        layer.getFeature(fid)["omr_id"]: layer.getFeature(fid).geometry() for fid in service.fids_for_goal(layer, goal)
    }


def test_geopackage_vacuum_save_as_and_new_source(qgis_app, qgis_new_project, tmp_path):
    """Links resolve by key or are reported as orphans — never attached to another feature."""
    store = seeded_store(tmp_path / "links.gpkg")
    layer = write(memory_layer(6), tmp_path / "areas.gpkg", "GPKG")
    assert QgsProject.instance().addMapLayer(layer)
    identity.register_layer(store, layer, "omr_id")
    LinkService(store, "anna").link(layer, ["t:1"], LinkSpec(), expression="omr_id IN ('A1', 'A3', 'A5')")
    before = {f["omr_id"]: f.geometry() for f in layer.getFeatures()}
    # delete a linked and an unlinked feature, then VACUUM the data file
    assert layer.startEditing()
    assert layer.deleteFeatures([f.id() for f in layer.getFeatures() if f["omr_id"] in ("A0", "A3")])
    assert layer.commitChanges()
    con = sqlite3.connect(tmp_path / "areas.gpkg")
    con.execute("VACUUM")
    con.close()
    # "Save As" a new file and point the project layer at it
    copy = write(layer, tmp_path / "sparad som.gpkg", "GPKG")
    del copy
    layer.setDataSource(str(tmp_path / "sparad som.gpkg"), layer.name(), "ogr")
    assert layer.isValid()
    report = check(store)
    [item] = report.layers
    assert item.available
    assert item.orphan_keys == ["A3"]  # reported, not re-attached elsewhere
    linked = _linked_geometries(store, layer, "t:1")
    assert sorted(linked) == ["A1", "A5"]
    for key, geometry in linked.items():
        assert geometry.equals(before[key])
    assert store.layer(item.record.layer_uid).source.endswith("sparad som.gpkg")
    assert len(store.links()) == 3  # the orphan is kept until asked
    store.close()


def test_repair_reattaches_a_moved_file_by_key_and_removes_orphans_only_when_asked(qgis_app, tmp_path):
    store = seeded_store(tmp_path / "links.gpkg")
    original = write(memory_layer(4), tmp_path / "areas.gpkg", "GPKG")
    record = identity.register_layer(store, original, "omr_id")
    LinkService(store, "anna").link(original, ["t:2"], LinkSpec())
    # a re-saved copy without A2, opened without any project (as qgis_process does)
    assert original.startEditing()
    assert original.deleteFeatures([f.id() for f in original.getFeatures() if f["omr_id"] == "A2"])
    assert original.commitChanges()
    write(original, tmp_path / "ny plats.gpkg", "GPKG")
    (tmp_path / "areas.gpkg").unlink()
    moved = QgsVectorLayer(str(tmp_path / "ny plats.gpkg"), "ny plats", "ogr")
    plain = check(store, [moved])
    assert plain.unregistered == ["ny plats"]
    report = check(store, [moved], repair=True)
    assert len(report.repaired) == 1 and "omr_id" in report.repaired[0]
    [item] = report.layers
    assert item.record.layer_uid == record.layer_uid
    assert item.orphan_keys == ["A2"]
    assert len(store.links()) == 4
    cleaned = check(store, [moved], remove_orphans=True, user="bo")
    assert cleaned.removed_orphans == 1
    assert sorted(store.linked_keys(record.layer_uid)) == ["A0", "A1", "A3"]
    assert store.history(limit=1)[0]["changed_by"] == "bo"
    assert check(store, [moved]).ok
    store.close()


def test_repeated_and_empty_keys_and_missing_layers_are_reported(qgis_app, qgis_new_project, tmp_path):
    store = seeded_store(tmp_path / "links.gpkg")
    layer = write(memory_layer(4), tmp_path / "areas.gpkg", "GPKG")
    identity.register_layer(store, layer, "omr_id")
    LinkService(store, "anna").link(layer, ["t:1"], LinkSpec())
    index = layer.fields().lookupField("omr_id")
    assert layer.dataProvider().changeAttributeValues({2: {index: "A0"}, 3: {index: None}})
    gone = write(memory_layer(2, name="vatten"), tmp_path / "vatten.gpkg", "GPKG")
    identity.register_layer(store, gone, "omr_id")
    LinkService(store, "anna").link(gone, ["t:3"], LinkSpec())
    assert QgsProject.instance().addMapLayer(layer)  # 'vatten' is not in the project
    report = check(store)
    items = {item.record.name: item for item in report.layers}
    assert items["areas"].duplicate_keys == ["A0"]
    assert items["areas"].null_keys == 1
    assert sorted(items["areas"].orphan_keys) == ["A1", "A2"]
    assert not items["vatten"].available and items["vatten"].linked_keys == 2
    text = "\n".join(m for item in report.layers for m in item.messages())
    assert "A0" in text and "vatten" in text
    assert not report.ok
    assert len(store.links()) == 6  # a check never deletes
    store.close()
