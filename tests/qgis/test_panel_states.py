"""Every state of the panel shows a way forward, and following it changes the store."""

from qgis.core import QgsProject, QgsVectorLayer

from territorial_plugin.core.project.link_store import KEY, SCOPE, project_store_uri
from territorial_plugin.core.store import open_store
from territorial_plugin.gui.dialogs.register_layer import RegisterLayerDialog
from territorial_plugin.gui.panel.states import PanelState

from .panel_support import close_dock, make_dock, wait_tasks


def test_no_store_offers_create_and_the_store_is_remembered_in_the_project(qgis_iface, sample_layer, tmp_path):
    QgsProject.instance().removeEntry(SCOPE, KEY)
    dock = make_dock(qgis_iface, None, sample_layer)
    try:
        assert dock.controller.state == PanelState.NO_STORE
        assert dock.view.state_page.primary.isVisible() or not dock.isVisible()
        # an unsaved project: the panel asks where; opening an existing store is offered too
        assert dock.view.state_page.primary.property("action") == "create_store"
        assert dock.view.state_page.tertiary.property("action") == "open_store"
        path = tmp_path / "ny.gpkg"
        dock.controller.actions.create_store(str(path))
        assert path.is_file()
        assert project_store_uri() == str(path)
        # the layer is not registered yet: the next state says so
        assert dock.controller.state == PanelState.NOT_REGISTERED
        assert "Markanvändning (ÖP)" in dock.view.state_page.title.text()
    finally:
        close_dock(dock)


def test_not_registered_then_register_with_proposed_key(qgis_iface, store, sample_layer):
    dock = make_dock(qgis_iface, store.uri, sample_layer)
    try:
        assert dock.controller.state == PanelState.NOT_REGISTERED
        dialog = RegisterLayerDialog(sample_layer)
        assert dialog.key_field() == "omr_id", "the unique, non-null id field is proposed"
        unusable = {c.name for c in dialog.candidates if not c.usable}
        assert "kategori_kod" in unusable  # values repeat
        dock.controller.actions.register_active_layer("omr_id")
        wait_tasks()
        assert dock.controller.state == PanelState.READY
        records = store.layers()
        assert [r.key_field for r in records] == ["omr_id"]
        assert sample_layer.customProperty("territorial_links/layer_uid") == records[0].layer_uid
    finally:
        close_dock(dock)


def test_registering_with_a_repeating_field_is_refused_and_nothing_is_stored(qgis_iface, store, sample_layer):
    dock = make_dock(qgis_iface, store.uri, sample_layer)
    try:
        dock.controller.actions.register_active_layer("kategori_kod")
        assert dock.controller.state == PanelState.NOT_REGISTERED
        assert store.layers() == []
        assert "kategori_kod" in dock.controller.last_message[0]
    finally:
        close_dock(dock)


def test_no_catalogue_offers_the_bundled_ones(qgis_iface, store_path, sample_layer):
    from territorial_plugin.core.identity import register_layer as register

    empty = open_store(str(store_path), create=True)
    register(empty, sample_layer, "omr_id")
    empty.close()
    dock = make_dock(qgis_iface, str(store_path), sample_layer)
    try:
        assert dock.controller.state == PanelState.NO_CATALOGUE
        assert dock.view.state_page.primary.property("action") == "add_bundled"
        dock.view.state_page.primary.click()
        assert dock.controller.state == PanelState.READY
        ids = {c.id for c in dock.controller.store.catalogues()}
        assert {"agenda2030", "miljomal", "nrs2030", "rus_ac_2030"} <= ids
        assert "strukturbild_example" not in ids
        assert dock.view.model.goal("agenda2030:11.3") is not None
    finally:
        close_dock(dock)


def test_non_vector_and_geometryless_layers_are_explained(qgis_iface, store, qgis_new_project):
    table = QgsVectorLayer("None?field=id:integer", "tabell", "memory")
    assert QgsProject.instance().addMapLayer(table) is not None
    dock = make_dock(qgis_iface, store.uri, table)
    try:
        assert dock.controller.state == PanelState.UNSUPPORTED_LAYER
        assert "tabell" in dock.view.state_page.message.text()
        dock.controller.set_layer(None)
        assert dock.controller.state == PanelState.NO_LAYER
    finally:
        close_dock(dock)


def test_layer_removed_while_shown_leaves_the_links_and_raises_nothing(ready_dock, sample_layer, store):
    from .panel_support import select, tick

    select(sample_layer, "\"kategori_kod\" = 'BOST'")
    tick(ready_dock, "agenda2030:11")
    QgsProject.instance().removeMapLayer(sample_layer.id())
    wait_tasks()
    assert ready_dock.controller.state == PanelState.NO_LAYER
    assert len(store.links()) == 8


def test_one_click_creates_the_store_beside_a_saved_project(qgis_iface, sample_layer, tmp_path):
    QgsProject.instance().removeEntry(SCOPE, KEY)
    QgsProject.instance().setFileName(str(tmp_path / "plan.qgz"))
    dock = make_dock(qgis_iface, None, sample_layer)
    try:
        assert dock.controller.state == PanelState.NO_STORE
        assert dock.view.state_page.primary.property("action") == "create_default_store"
        assert "plan_links.gpkg" in dock.view.state_page.primary.toolTip()
        dock.view.state_page.primary.click()
        assert (tmp_path / "plan_links.gpkg").is_file()
        # remembered relative to the project, so the folder can move
        value, _ = QgsProject.instance().readEntry(SCOPE, KEY, "")
        assert value == "./plan_links.gpkg"
        assert dock.controller.state == PanelState.NOT_REGISTERED
    finally:
        close_dock(dock)
        QgsProject.instance().setFileName("")


def test_a_layer_without_a_key_gets_tl_uuid_and_is_registered(qgis_iface, store, qgis_new_project):
    from territorial_plugin.core.identity import UUID_FIELD

    layer = QgsVectorLayer("Polygon?crs=EPSG:3006&field=namn:string", "skiss", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    for name in ("a", "a"):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,10 0,10 10,0 0))"))
        assert layer.dataProvider().addFeature(feature)
    assert QgsProject.instance().addMapLayer(layer) is not None
    dialog = RegisterLayerDialog(layer)
    assert dialog.add_uuid(), "no usable field: tl_uuid is offered ticked"
    assert dialog.key_field() == UUID_FIELD
    dock = make_dock(qgis_iface, store.uri, layer)
    try:
        dock.controller.actions.register_active_layer(add_uuid=True)
        wait_tasks()
        assert dock.controller.state == PanelState.READY
        assert store.layers()[0].key_field == UUID_FIELD
        values = [f[UUID_FIELD] for f in layer.getFeatures()]
        assert len(set(values)) == 2 and all(values)
    finally:
        close_dock(dock)


def test_disabled_catalogues_are_enabled_again_from_the_no_catalogue_state(qgis_iface, store, sample_layer):
    from territorial_plugin.core.identity import register_layer as register

    register(store, sample_layer, "omr_id")
    for catalogue in store.catalogues():
        store.set_catalogue_enabled(catalogue.id, False)
    dock = make_dock(qgis_iface, store.uri, sample_layer)
    try:
        assert dock.controller.state == PanelState.NO_CATALOGUE
        dock.view.state_page.primary.click()
        assert dock.controller.state == PanelState.READY
        assert store.catalogue("agenda2030").enabled
    finally:
        close_dock(dock)


def test_the_store_is_reopened_with_the_project(qgis_iface, store, sample_layer, tmp_path):
    from territorial_plugin.core.identity import register_layer as register

    register(store, sample_layer, "omr_id")
    dock = make_dock(qgis_iface, store.uri, sample_layer)
    try:
        assert dock.controller.store is not None
        project = QgsProject.instance()
        path = tmp_path / "plan.qgs"
        assert project.write(str(path))
        project.clear()
        assert dock.controller.store is None
        assert dock.controller.state == PanelState.NO_STORE or dock.controller.state == PanelState.NO_LAYER
        assert project.read(str(path))
        wait_tasks()
        assert dock.controller.store is not None and dock.controller.store.uri == store.uri
        layer = project.mapLayersByName("Markanvändning (ÖP)")[0]
        dock.controller.set_layer(layer)
        wait_tasks()
        assert dock.controller.state == PanelState.READY, "the layer's uid came back with the project"
    finally:
        close_dock(dock)
