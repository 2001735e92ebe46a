"""The link service on real layers: selections, undo/redo, split and paste, removed layers."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsPointXY,
    QgsProject,
    QgsVectorLayerUtils,
)

from territorial_plugin.core import identity
from territorial_plugin.core.errors import IdentityError
from territorial_plugin.core.link_tracking import LinkTracker
from territorial_plugin.core.links import LinkService
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.project.layers import find_layer, layer_statuses

from .store_layers import memory_layer, seeded_store, square, write


@pytest.fixture
def setup(qgis_app, qgis_new_project, tmp_path):
    store = seeded_store(tmp_path / "links.gpkg")
    layer = write(memory_layer(6), tmp_path / "areas.gpkg", "GPKG")
    assert QgsProject.instance().addMapLayer(layer)
    identity.register_layer(store, layer, "omr_id")
    yield store, layer, LinkService(store, "anna")
    store.close()


def test_link_by_fids_selection_and_expression(setup):
    store, layer, service = setup
    fids = sorted(f.id() for f in layer.getFeatures())
    assert service.link(layer, ["t:1"], LinkSpec(), fids=fids[:2]).result.inserted == 2
    layer.selectByIds(fids[2:4])
    assert service.link(layer, ["t:2"], LinkSpec(stance="conflicts"), selected_only=True).result.inserted == 2
    assert service.link(layer, ["t:3"], LinkSpec(), expression="\"omr_id\" IN ('A4', 'A5')").result.inserted == 2
    uid = identity.layer_uid_of(layer)
    assert store.keys_for_goal("t:2") == {uid: ["A2", "A3"]}
    assert store.keys_for_goal("t:3") == {uid: ["A4", "A5"]}
    assert sorted(service.fids_for_goal(layer, "t:3")) == fids[4:]
    with pytest.raises(IdentityError):
        service.link(layer, ["t:1"], LinkSpec(), expression="omr_id = = 'x'")


def test_undo_and_redo(setup):
    store, layer, service = setup
    service.link(layer, ["t:1"], LinkSpec(motivation="först"), expression="omr_id = 'A0'")
    command = service.link(layer, ["t:1", "t:2"], LinkSpec(motivation="sedan"), expression="omr_id IN ('A0','A1')")
    state = lambda: sorted((x.feature_key, x.goal_id, x.motivation) for x in store.links())  # noqa: E731
    after = state()
    command.undo()
    assert state() == [("A0", "t:1", "först")]
    command.redo()
    assert state() == after
    unlink = service.unlink(layer, None, expression="omr_id = 'A1'")
    assert unlink.result.deleted == 2
    unlink.undo()
    assert state() == after


def test_a_service_without_undo_writes_the_same_and_keeps_no_snapshot(setup):
    store, layer, _ = setup
    quick = LinkService(store, "anna", undo=False)
    command = quick.link(layer, ["t:1"], LinkSpec(motivation="utan ångra"), expression="omr_id IN ('A0','A1')")
    assert command.result.inserted == 2
    assert (command.before, command.after) == (None, None)
    assert sorted(x.feature_key for x in store.links()) == ["A0", "A1"]
    with pytest.raises(RuntimeError):
        command.undo()
    assert quick.unlink(layer, ["t:1"], expression="omr_id = 'A0'").result.deleted == 1


def test_features_without_key_are_refused_and_nothing_is_linked(setup):
    store, layer, service = setup
    assert layer.dataProvider().changeAttributeValues({3: {layer.fields().lookupField("omr_id"): None}})
    with pytest.raises(IdentityError, match="no value"):
        service.link(layer, ["t:1"], LinkSpec())
    assert store.links() == []


def test_split_part_and_pasted_copy_get_the_links(qgis_app, qgis_new_project, tmp_path):
    store = seeded_store(tmp_path / "links.gpkg")
    layer = write(memory_layer(2, key=False), tmp_path / "areas.gpkg", "GPKG")
    identity.add_uuid_field(layer)
    identity.register_layer(store, layer, "tl_uuid")
    service = LinkService(store, "anna")
    service.link(layer, ["t:1"], LinkSpec(stance="conflicts", motivation="Renbete"), expression="$id = 1")
    original = next(f for f in layer.getFeatures() if f.id() == 1)
    tracker = LinkTracker(lambda: store, "anna")
    tracker.watch(layer)
    assert layer.startEditing()
    x = original.geometry().boundingBox().center().x()
    assert (
        layer.splitFeatures([QgsPointXY(x, 6499000), QgsPointXY(x, 6501000)], False) == 0
    )  # 3.22: no QgsPoint overload
    pasted = QgsVectorLayerUtils.createFeature(
        layer, original.geometry(), dict(enumerate(original.attributes()))
    )  # what Edit ▸ Paste does
    assert layer.addFeature(pasted)
    drawn = QgsVectorLayerUtils.createFeature(layer, square(40))  # a new area far away: not a copy
    assert layer.addFeature(drawn)
    assert layer.commitChanges()
    keys = {f["tl_uuid"] for f in layer.getFeatures()}
    assert len(keys) == 5  # original, split part, pasted copy, new area, the untouched second feature
    linked = {x.feature_key: x for x in store.links()}
    assert len(linked) == 3  # original + split part + paste; the new and the second feature stay unlinked
    assert {x.motivation for x in linked.values()} == {"Renbete"}
    assert {x.stance for x in linked.values()} == {"conflicts"}
    tracker.unwatch_all()


def test_layer_removed_from_project_while_links_are_shown(setup):
    store, layer, service = setup
    service.link(layer, ["t:1"], LinkSpec())
    uid = identity.layer_uid_of(layer)
    assert find_layer(uid) is layer
    QgsProject.instance().removeMapLayer(layer.id())  # deletes the C++ layer
    assert find_layer(uid) is None
    statuses = layer_statuses(store)
    assert [(s.record.layer_uid, s.available) for s in statuses] == [(uid, False)]
    assert "not in this project" in statuses[0].reason
    assert len(store.links()) == 6  # links stay stored
