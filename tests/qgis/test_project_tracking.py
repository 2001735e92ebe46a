"""Links follow split features with the plugin loaded and the panel never opened."""

from __future__ import annotations

from qgis.core import QgsPointXY, QgsProject

import territorial_plugin
from territorial_plugin.core import identity
from territorial_plugin.core.links import LinkService
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.project.link_store import remember_store
from territorial_plugin.core.project.tracking import ProjectLinkTracking
from territorial_plugin.core.store import open_store

from .store_layers import memory_layer, seeded_store, write


def _linked_layer(tmp_path):
    """A registered GeoPackage layer (key tl_uuid) whose feature 1 is linked to t:1; the store is closed."""
    store = seeded_store(tmp_path / "links.gpkg")
    layer = write(memory_layer(2, key=False), tmp_path / "areas.gpkg", "GPKG")
    identity.add_uuid_field(layer)
    identity.register_layer(store, layer, "tl_uuid")
    LinkService(store, "anna").link(layer, ["t:1"], LinkSpec(motivation="Bostäder"), expression="$id = 1")
    uri = store.uri
    store.close()
    return layer, uri


def _split_feature_1(layer) -> None:
    original = next(f for f in layer.getFeatures() if f.id() == 1)
    x = original.geometry().boundingBox().center().x()
    assert layer.startEditing()
    assert layer.splitFeatures([QgsPointXY(x, 6499000), QgsPointXY(x, 6501000)], False) == 0
    assert layer.commitChanges()


def _links_of(uri: str) -> list:
    store = open_store(uri)
    try:
        return store.links()
    finally:
        store.close()


def test_split_with_the_plugin_loaded_and_no_panel_copies_the_links(qgis_iface, qgis_new_project, tmp_path):
    layer, uri = _linked_layer(tmp_path)
    remember_store(uri)
    plugin = territorial_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.dock is None  # the panel was never opened
        assert QgsProject.instance().addMapLayer(layer) is not None  # added after load: watched
        _split_feature_1(layer)
        links = _links_of(uri)
        assert len(links) == 2
        assert {x.motivation for x in links} == {"Bostäder"}
        assert len({x.feature_key for x in links}) == 2
    finally:
        plugin.unload()
    assert plugin.tracking is None


def test_unregistered_layer_never_opens_a_store(qgis_app, qgis_new_project, tmp_path):
    remember_store(str(tmp_path / "nowhere" / "missing.gpkg"))  # opening it would log an error
    layer = write(memory_layer(2), tmp_path / "plain.gpkg", "GPKG")
    assert QgsProject.instance().addMapLayer(layer) is not None
    tracking = ProjectLinkTracking("anna")
    opened = []
    original = tracking.store
    tracking.tracker._store_getter = lambda: opened.append(1) or original()
    try:
        _split_feature_1(layer)
        assert opened == []
    finally:
        tracking.close()


def test_a_project_read_again_is_watched_again(qgis_app, qgis_new_project, tmp_path):
    layer, uri = _linked_layer(tmp_path)
    remember_store(uri)
    assert QgsProject.instance().addMapLayer(layer) is not None
    layer_id = layer.id()
    project_file = tmp_path / "plan.qgz"
    assert QgsProject.instance().write(str(project_file))
    tracking = ProjectLinkTracking("anna")
    try:
        QgsProject.instance().clear()
        assert QgsProject.instance().read(str(project_file))
        reopened = QgsProject.instance().mapLayer(layer_id)
        assert reopened is not None
        _split_feature_1(reopened)  # the same layer id, a new layer object
        assert len(_links_of(uri)) == 2
    finally:
        tracking.close()
