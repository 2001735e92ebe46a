"""The panel keeps up: others' changes (polled), conflicts, whose a link is, split parts keep their links."""

from __future__ import annotations

import time

import pytest
from qgis.core import Qgis, QgsApplication, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QEvent, Qt, QTimer
from qgis.PyQt.QtGui import QHelpEvent
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox

from territorial_plugin.core import identity
from territorial_plugin.core.model import Link, LinkSpec
from territorial_plugin.core.store import open_store
from territorial_plugin.gui.panel.goal_tree_model import COL_COUNT
from territorial_plugin.gui.panel.link_editor import EditLinkDialog

from .panel_support import bar_messages, close_dock, make_dock, select, tick, wait_tasks
from .store_layers import memory_layer, seeded_store, write

GOAL = "agenda2030:11"
BOST = "\"kategori_kod\" = 'BOST'"
BOST_KEYS = [f"EK-{n:03d}" for n in range(4, 12)]


def wait_for(condition, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QgsApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def stored(store, layer_uid, goal_id):
    return {lk.feature_key: lk for lk in store.links(layer_uids=[layer_uid], goal_ids=[goal_id])}


# -- others' changes -------------------------------------------------------------------------------
def test_timer_tick_shows_links_made_by_another_session(ready_dock, sample_layer, store_path):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    select(sample_layer, BOST)
    assert dock.view.model.check_state(GOAL) == Qt.CheckState.Unchecked
    assert not dock.controller.live.timer.isActive()  # hidden panel: no polling
    dock.controller.live.timer.setInterval(50)
    dock.setParent(None)  # offscreen the main window is never shown; a floating panel is
    dock.show()
    assert wait_for(dock.controller.live.timer.isActive)
    colleague = open_store(str(store_path))  # another QGIS on the same file
    try:
        colleague.link(uid, BOST_KEYS[:3], [GOAL], LinkSpec(motivation="kollegans"), "kollega")
        # the tree changes on a timer tick, without anything done in this panel
        assert wait_for(lambda: dock.view.model.check_state(GOAL) == Qt.CheckState.PartiallyChecked)
        colleague.link(uid, BOST_KEYS[3:], [GOAL], LinkSpec(), "kollega")
        assert wait_for(lambda: dock.view.model.check_state(GOAL) == Qt.CheckState.Checked)
        wait_tasks()
        assert wait_for(lambda: dock.view.model.index_of(GOAL).siblingAtColumn(COL_COUNT).data() == "8")
    finally:
        colleague.close()
    dock.hide()
    assert wait_for(lambda: not dock.controller.live.timer.isActive())


def test_own_links_are_not_taken_for_others_and_keep_the_undo_history(ready_dock, sample_layer, store_path):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    select(sample_layer, BOST)
    dock.controller.live.poll()  # baseline
    tick(dock, GOAL)
    assert dock.controller.live.poll() == set()
    assert dock.controller.undo_stack.count() == 1
    colleague = open_store(str(store_path))
    try:
        colleague.unlink(uid, BOST_KEYS[:2], [GOAL], "kollega")
    finally:
        colleague.close()
    assert dock.controller.live.poll() == {uid}
    assert dock.view.model.check_state(GOAL) == Qt.CheckState.PartiallyChecked
    # undoing now would put back the colleague's unlinked rows: the history is dropped instead
    assert dock.controller.undo_stack.count() == 0
    assert "undo" in dock.controller.last_message[0]
    assert dock.controller.live.poll() == set()  # told once


# -- conflicts -------------------------------------------------------------------------------------
def test_conflicting_edit_says_so_and_reloads(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, BOST_KEYS, [GOAL], LinkSpec(motivation="samma för alla"), "test")
    select(sample_layer, "\"omr_id\" = 'EK-005'")
    dock.view.focus_goal(GOAL)

    def colleague_saves_first_then_ok():
        dialog = dock.controller.actions.edit_dialog
        store.update_link(uid, "EK-005", GOAL, "kollega", motivation="kollegans motivering")
        dialog.editor.motivation_edit.setPlainText("min motivering")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, colleague_saves_first_then_ok)
    dock.view.edit_action.trigger()
    assert stored(store, uid, GOAL)["EK-005"].motivation == "kollegans motivering"  # nothing overwritten
    text, level = dock.controller.last_message
    assert level == int(Qgis.MessageLevel.Warning)
    assert "EK-005" in text
    assert "as they are stored" in text
    assert bar_messages(dock) == [(text, int(Qgis.MessageLevel.Warning))]
    assert dock.controller.undo_stack.count() == 0  # the refused edit left no undo step

    # the next edit starts from what is stored now and goes through
    def accept():
        dialog = dock.controller.actions.edit_dialog
        assert dialog.editor.motivation_edit.toPlainText() == "kollegans motivering"
        dialog.editor.motivation_edit.setPlainText("min motivering")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, accept)
    dock.view.edit_action.trigger()
    assert stored(store, uid, GOAL)["EK-005"].motivation == "min motivering"


# -- whose a link is --------------------------------------------------------------------------------
def test_edit_dialog_shows_organisation_and_who_changed_it(qgis_app):
    link = Link(
        "uid",
        "EK-005",
        GOAL,
        organisation="kommun_a",
        created_by="anna",
        created_at="2026-11-02T08:15:00",
        updated_by="bertil",
        updated_at="2026-11-20T14:05:33",
        row_version=3,
    )
    dialog = EditLinkDialog(link, "EK-005 Centrum", "11 Hållbara städer", organisation="Kommun A")
    text = dialog.findChild(type(dialog.details_label), "linkDetailsLabel").text()
    assert "Organisation: Kommun A" in text
    assert "Created by anna at 2026-11-02 08:15" in text
    assert "Last changed by bertil at 2026-11-20 14:05" in text
    assert dialog.row_version == 3
    without = EditLinkDialog(link, "EK-005", "11", organisation=None)  # GeoPackage store: no organisations
    assert "Organisation" not in without.details_label.text()


def test_goal_tooltip_lists_the_selections_links(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, ["EK-005"], [GOAL], LinkSpec(stance="conflicts", strength=3), "kollega")
    select(sample_layer, "\"omr_id\" IN ('EK-005', 'EK-006')")
    # hovering the goal's row in the tree (what Qt sends before it shows a tooltip)
    dock.setParent(None)
    dock.show()
    dock.view.focus_goal(GOAL)
    rect = dock.view.tree.visualRect(dock.view.proxy.mapFromSource(dock.view.model.index_of(GOAL)))
    assert rect.isValid()
    viewport = dock.view.tree.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    QApplication.sendEvent(viewport, event)
    text = dock.tooltip_filter.last_text
    assert "EK-005" in text and "Conflicts" in text and "kollega" in text
    assert "EK-006" not in text
    assert "Organisation" not in text and not dock.view.editor.organisation_label.isVisibleTo(dock)


# -- split and paste in the desktop wiring --------------------------------------------------------
def test_split_part_gets_the_links_through_the_panel(qgis_iface, qgis_new_project, tmp_path):
    from territorial_plugin.core.project.link_store import KEY, SCOPE

    store = seeded_store(tmp_path / "links.gpkg")
    dock = make_dock(qgis_iface, store.uri)
    try:
        # added after the panel opened: watched through layersAdded
        layer = write(memory_layer(2, key=False), tmp_path / "areas.gpkg", "GPKG")
        assert QgsProject.instance().addMapLayer(layer) is not None
        qgis_iface.setActiveLayer(layer)
        dock.controller.set_layer(layer)
        dock.controller.actions.register_active_layer(add_uuid=True)
        wait_tasks()
        uid = identity.layer_uid_of(layer)
        assert uid and dock.controller.record is not None
        layer.selectByIds([1])
        dock.controller.refresh_selection()
        tick(dock, "t:1")
        original = next(f for f in layer.getFeatures() if f.id() == 1)
        assert layer.startEditing()
        x = original.geometry().boundingBox().center().x()
        assert layer.splitFeatures([QgsPointXY(x, 6499000), QgsPointXY(x, 6501000)], False) == 0
        assert layer.commitChanges()
        wait_tasks()
        links = stored(store, uid, "t:1")
        assert len(links) == 2  # the original and its split part
        assert len({f["tl_uuid"] for f in layer.getFeatures()}) == 3
        assert dock.controller.live.poll() == set()  # the copy was the panel's own write
        assert dock.controller.undo_stack.count() == 1
    finally:
        close_dock(dock)
        store.close()
        QgsProject.instance().removeEntry(SCOPE, KEY)
    # unloading the panel stops tracking: a later split copies nothing
    store = open_store(str(tmp_path / "links.gpkg"))
    try:
        before = len(store.links())
        original = next(f for f in layer.getFeatures() if f.id() == 1)
        assert layer.startEditing()
        x = original.geometry().boundingBox().center().x() + 10
        assert layer.splitFeatures([QgsPointXY(x, 6499000), QgsPointXY(x, 6501000)], False) == 0
        assert layer.commitChanges()
        assert len(store.links()) == before
    finally:
        store.close()


@pytest.fixture()
def pg_panel(qgis_iface, qgis_new_project, sample_layer):
    """A shared PostgreSQL store: Kommun A's planner anna has the panel open; a colleague of hers too."""
    from territorial_plugin.core.catalogues.bundled import load_bundled
    from territorial_plugin.core.identity import register_layer as register
    from territorial_plugin.core.project.link_store import KEY, SCOPE
    from territorial_plugin.core.store.postgres.store import PostgresStore

    from ..postgres.pg_support import admin_connection, conninfo, drop_schema, require_server, unique_schema

    env = require_server()
    schema = unique_schema("panel")
    admin = PostgresStore.open(f"{conninfo(env)}?schema={schema}", create=True)
    admin.create_organisation("kommun_a", "Kommun A", "municipality")
    role = f"{schema}_anna"
    with admin_connection(env) as connection, connection.cursor() as cur:
        cur.execute(f'CREATE ROLE "{role}" LOGIN PASSWORD %s', (env["TL_PG_PASSWORD"],))
    connection.close()
    admin.add_member("kommun_a", role)
    catalogue, goals = load_bundled("agenda2030")
    admin.save_catalogue(catalogue, goals)
    register(admin, sample_layer, "omr_id")
    uri = f"postgres:{conninfo(env, role)}?schema={schema}"
    colleague = open_store(uri)
    dock = make_dock(qgis_iface, uri, sample_layer)
    yield dock, colleague, admin
    close_dock(dock)
    colleague.close()
    admin.close()
    drop_schema(env, schema)
    QgsProject.instance().removeEntry(SCOPE, KEY)


def test_shared_store_shows_whose_links_and_follows_colleagues(pg_panel, sample_layer):
    dock, colleague, admin = pg_panel
    uid = dock.controller.record.layer_uid
    assert dock.view.editor.organisation_label.text() == "New links belong to Kommun A."
    select(sample_layer, "\"omr_id\" IN ('EK-005', 'EK-006')")
    tick(dock, GOAL)
    assert {lk.organisation for lk in admin.links()} == {"kommun_a"}
    text = dock.tooltip_filter.text_for(GOAL)
    assert "EK-005" in text and "Kommun A" in text
    dock.controller.live.poll()  # listening
    assert dock.controller.live.poll() == set()  # own links are not news
    colleague.unlink(uid, ["EK-006"], [GOAL], "kollega")
    seen = set()
    # notifications arrive a moment after the commit; the next tick then reloads the tree
    assert wait_for(lambda: seen.update(dock.controller.live.poll()) or uid in seen)
    assert dock.view.model.check_state(GOAL) == Qt.CheckState.PartiallyChecked

    # a colleague saves the link while anna's dialog is open: a conflict naming who, nothing overwritten
    select(sample_layer, "\"omr_id\" = 'EK-005'")
    dock.view.focus_goal(GOAL)

    def colleague_first():
        dialog = dock.controller.actions.edit_dialog
        assert "Organisation: Kommun A" in dialog.details_label.text()
        colleague.update_link(uid, "EK-005", GOAL, "kollega", motivation="kollegans")
        dialog.editor.motivation_edit.setPlainText("annas")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, colleague_first)
    dock.view.edit_action.trigger()
    text, level = dock.controller.last_message
    assert level == int(Qgis.MessageLevel.Warning)
    assert "kollega" in text and "EK-005" in text
    assert {lk.feature_key: lk.motivation for lk in admin.links()}["EK-005"] == "kollegans"
