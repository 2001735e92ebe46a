"""Large selections never block: keys come from a key table read in a QgsTask."""

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

from territorial_plugin.core.identity import register_layer as register
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.gui.panel.goal_tree_model import SELECTED_COUNT_ROLE
from territorial_plugin.gui.panel.layer_keys import DIRECT_READ_LIMIT

from .panel_support import close_dock, make_dock, wait_tasks


def point_layer(n: int) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:3006&field=omr_id:string", "punkter", "memory")
    features = []
    for i in range(n):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"P{i:05d}"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(700000 + i, 7100000)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    assert QgsProject.instance().addMapLayer(layer) is not None
    return layer


def test_large_selection_before_the_key_table_is_read_waits_for_the_task(qgis_iface, store, qgis_new_project):
    layer = point_layer(DIRECT_READ_LIMIT + 500)
    uid = register(store, layer, "omr_id").layer_uid
    store.link(uid, ["P00001", "P00002"], ["agenda2030:11"], LinkSpec(), "test")
    dock = make_dock(qgis_iface, store.uri, layer)
    try:
        dock.controller.layer_keys.keys = None  # as right after the layer became active
        layer.selectByIds(layer.allFeatureIds())
        assert "reading" in dock.view.status_label.text()
        assert dock.view.model.selection_size == 0  # nothing was read on the GUI thread
        dock.controller.layer_keys.build()
        wait_tasks()
        assert dock.view.model.selection_size == DIRECT_READ_LIMIT + 500
        assert dock.view.model.index_of("agenda2030:11").data(SELECTED_COUNT_ROLE) == 2
    finally:
        close_dock(dock)


def test_new_feature_in_the_edit_buffer_is_linkable_by_its_key(qgis_iface, store, qgis_new_project):
    layer = point_layer(10)
    uid = register(store, layer, "omr_id").layer_uid
    dock = make_dock(qgis_iface, store.uri, layer)
    try:
        assert layer.startEditing()
        feature = QgsFeature(layer.fields())
        feature.setAttributes(["NY-1"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(700500, 7100500)))
        assert layer.addFeature(feature)
        wait_tasks()
        new_fid = next(f.id() for f in layer.getFeatures() if f["omr_id"] == "NY-1")
        layer.selectByIds([new_fid])
        assert dock.controller.selected_keys == ["NY-1"]
        dock.controller.actions.set_goal_linked("agenda2030:11", True)
        assert [lk.feature_key for lk in store.links(layer_uids=[uid])] == ["NY-1"]
    finally:
        assert layer.rollBack()
        close_dock(dock)
