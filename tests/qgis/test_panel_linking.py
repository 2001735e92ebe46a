"""Ticking links the whole selection with what the editor says; undo, redo, edit, look up, highlight."""

from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel

from territorial_plugin.core.model import LinkSpec, RegisteredLayer
from territorial_plugin.gui.panel.goal_tree_model import COL_GOAL, COL_SELECTION
from territorial_plugin.gui.panel.highlight import COLORS

from .panel_support import bar_messages, select, tick, wait_tasks

BOST = "\"kategori_kod\" = 'BOST'"
BOST_KEYS = [f"EK-{n:03d}" for n in range(4, 12)]


def stored(store, layer_uid, goal_id):
    return {lk.feature_key: lk for lk in store.links(layer_uids=[layer_uid], goal_ids=[goal_id])}


def test_tick_links_the_whole_selection_with_stance_strength_and_motivation(ready_dock, sample_layer, store):
    dock = ready_dock
    select(sample_layer, BOST)
    dock.view.stance_combo.setCurrentIndex(dock.view.stance_combo.findData("conflicts"))
    dock.view.strength_spin.setValue(3)
    dock.view.motivation_edit.setPlainText("Bostäder på jordbruksmark – ”avvägning” krävs; 100 %")
    tick(dock, "agenda2030:11")
    links = stored(store, dock.controller.record.layer_uid, "agenda2030:11")
    assert sorted(links) == BOST_KEYS
    assert {(lk.stance, lk.strength, lk.motivation) for lk in links.values()} == {
        ("conflicts", 3, "Bostäder på jordbruksmark – ”avvägning” krävs; 100 %")
    }
    assert dock.view.model.check_state("agenda2030:11") == Qt.CheckState.Checked
    text, level = dock.controller.last_message
    assert level == int(Qgis.MessageLevel.Success)
    assert "8" in text and "11 " in text
    assert bar_messages(dock) == [(text, int(Qgis.MessageLevel.Success))]


def test_untick_unlinks_only_the_selection(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, ["EK-001", *BOST_KEYS], ["agenda2030:11"], LinkSpec(), "test")
    select(sample_layer, BOST)
    tick(dock, "agenda2030:11", checked=False)
    assert sorted(stored(store, uid, "agenda2030:11")) == ["EK-001"]
    assert dock.view.model.check_state("agenda2030:11") == Qt.CheckState.Unchecked


def test_ticking_a_partial_goal_links_the_rest(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, BOST_KEYS[:3], ["miljomal:15"], LinkSpec(motivation="gammal"), "test")
    select(sample_layer, BOST)
    assert dock.view.model.check_state("miljomal:15") == Qt.CheckState.PartiallyChecked
    index = dock.view.proxy.mapFromSource(dock.view.model.index_of("miljomal:15"))
    # what the view does on a click of a partially checked box without user tri-state
    dock.view.motivation_edit.setPlainText("ny")
    dock.view.proxy.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    links = stored(store, uid, "miljomal:15")
    assert sorted(links) == BOST_KEYS
    # the areas linked before keep their own motivation; only the rest get the editor's
    assert {k: lk.motivation for k, lk in links.items() if k in BOST_KEYS[:3]} == dict.fromkeys(BOST_KEYS[:3], "gammal")
    assert {lk.motivation for k, lk in links.items() if k not in BOST_KEYS[:3]} == {"ny"}
    assert "5" in dock.controller.last_message[0] and "3" in dock.controller.last_message[0]


def test_nothing_selected_writes_nothing(ready_dock, sample_layer, store):
    sample_layer.removeSelection()
    wait_tasks()
    ready_dock.controller.actions.set_goal_linked("agenda2030:11", True)
    assert store.links() == []
    assert "Select areas" in ready_dock.controller.last_message[0]


def test_undo_and_redo_through_the_panel_actions(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    select(sample_layer, BOST)
    dock.view.motivation_edit.setPlainText("först")
    tick(dock, "agenda2030:11")
    tick(dock, "agenda2030:7")
    assert len(store.links()) == 16
    assert dock.view.undo_action.isEnabled()
    dock.view.undo_action.trigger()
    assert stored(store, uid, "agenda2030:7") == {}
    assert len(stored(store, uid, "agenda2030:11")) == 8
    assert dock.view.model.check_state("agenda2030:7") == Qt.CheckState.Unchecked
    dock.view.undo_action.trigger()
    assert store.links() == []
    assert not dock.view.undo_action.isEnabled()
    dock.view.redo_action.trigger()
    dock.view.redo_action.trigger()
    assert len(store.links()) == 16
    assert {lk.motivation for lk in store.links()} == {"först"}
    # undo of an unlink restores the rows exactly
    tick(dock, "agenda2030:11", checked=False)
    assert stored(store, uid, "agenda2030:11") == {}
    dock.view.undo_action.trigger()
    assert sorted(stored(store, uid, "agenda2030:11")) == BOST_KEYS
    assert dock.view.undo_action.shortcut().toString() == "Ctrl+Z"
    assert dock.view.redo_action.shortcut().toString() == "Ctrl+Shift+Z"


def test_edit_the_motivation_of_one_features_link(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, BOST_KEYS, ["agenda2030:11"], LinkSpec(motivation="samma för alla"), "test")
    select(sample_layer, "\"omr_id\" = 'EK-005'")
    dock.view.focus_goal("agenda2030:11")

    def fill_and_accept():
        dialog = dock.controller.actions.edit_dialog
        dialog.editor.motivation_edit.setPlainText("Nära stationen; förtätning")
        dialog.editor.strength_spin.setValue(1)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill_and_accept)
    dock.view.edit_action.trigger()
    links = stored(store, uid, "agenda2030:11")
    assert links["EK-005"].motivation == "Nära stationen; förtätning"
    assert links["EK-005"].strength == 1
    assert links["EK-006"].motivation == "samma för alla"
    dock.view.undo_action.trigger()
    assert stored(store, uid, "agenda2030:11")["EK-005"].motivation == "samma för alla"


def test_edit_link_needs_one_area_and_a_linked_goal(ready_dock, sample_layer):
    dock = ready_dock
    select(sample_layer, BOST)
    dock.view.focus_goal("agenda2030:11")
    dock.view.edit_action.trigger()
    assert "exactly one" in dock.controller.last_message[0]
    select(sample_layer, "\"omr_id\" = 'EK-005'")
    dock.view.edit_action.trigger()
    assert "not linked" in dock.controller.last_message[0]


def test_reverse_lookup_selects_across_layers_and_reports_unavailable_ones(ready_dock, sample_layer, store, tmp_path):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, BOST_KEYS[:3], ["agenda2030:11"], LinkSpec(), "test")
    # a second registered layer in the project, and a registered layer missing from it
    import shutil

    copy = tmp_path / "kopia.geojson"
    shutil.copy(sample_layer.source(), copy)
    other = QgsVectorLayer(str(copy), "Kopia", "ogr")
    assert QgsProject.instance().addMapLayer(other) is not None
    from territorial_plugin.core.identity import register_layer as register

    other_uid = register(store, other, "omr_id").layer_uid
    store.link(other_uid, ["EK-020"], ["agenda2030:11"], LinkSpec(stance="conflicts"), "test")
    store.register_layer(RegisteredLayer("gone", "Borttaget lager", "/nowhere.shp", "ogr", "id"))
    store.link("gone", ["1"], ["agenda2030:11"], LinkSpec(), "test")
    sample_layer.removeSelection()
    dock.view.focus_goal("agenda2030:11")
    dock.view.lookup_action.trigger()
    wait_tasks()
    keys = {f["omr_id"] for f in sample_layer.getSelectedFeatures()}
    assert keys == set(BOST_KEYS[:3])
    assert {f["omr_id"] for f in other.getSelectedFeatures()} == {"EK-020"}
    text, level = dock.controller.last_message
    assert "Borttaget lager" in text
    assert level == int(Qgis.MessageLevel.Warning)
    extent = dock.controller.iface.mapCanvas().extent()
    assert extent.contains(sample_layer.boundingBoxOfSelected())


def test_highlight_draws_conflicts_apart_from_support(ready_dock, sample_layer, store):
    import time

    from qgis.core import QgsApplication

    def rest():  # the highlight follows the focus once it rests
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            QgsApplication.processEvents()
            time.sleep(0.01)

    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, ["EK-004", "EK-005"], ["agenda2030:11"], LinkSpec(stance="supports"), "test")
    store.link(uid, ["EK-006"], ["agenda2030:11"], LinkSpec(stance="conflicts"), "test")
    dock.view.focus_goal("agenda2030:11")
    dock.view.highlight_toggle.setChecked(True)
    items = dock.controller.highlighter.items
    assert len(items) == 3
    assert sorted(dock.controller.highlighter.stances) == ["conflicts", "supports", "supports"]
    assert COLORS["conflicts"] != COLORS["supports"]
    dock.view.focus_goal("agenda2030:7")
    rest()
    assert dock.controller.highlighter.items == []
    dock.view.focus_goal("agenda2030:11")
    rest()
    assert len(dock.controller.highlighter.items) == 3
    dock.view.highlight_toggle.setChecked(False)
    assert dock.controller.highlighter.items == []


def test_rapid_selection_changes_are_coalesced(ready_dock, sample_layer, monkeypatch):
    dock = ready_dock
    calls = []
    store = dock.controller.store
    original = store.goal_stances_for_keys
    monkeypatch.setattr(
        store, "goal_stances_for_keys", lambda *args, **kwargs: (calls.append(1), original(*args, **kwargs))[1]
    )
    for n in range(1, 20):
        sample_layer.selectByIds([n])
    assert len(calls) == 1  # leading edge only so far
    import time

    from qgis.core import QgsApplication

    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert len(calls) == 2  # and one trailing refresh with the last selection
    assert dock.controller.selected_keys == [next(sample_layer.getSelectedFeatures())["omr_id"]]


def test_ctrl_z_in_the_panel_undoes_even_when_qgis_has_its_own_ctrl_z(ready_dock, sample_layer, store, qgis_iface):
    from qgis.PyQt.QtGui import QKeySequence
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QAction, QApplication

    dock = ready_dock
    main_window = qgis_iface.mainWindow()
    # QGIS's "Undo" of layer editing: a window-wide Ctrl+Z, enabled while a layer has edits
    qgis_undo = QAction("Undo", main_window)
    qgis_undo.setShortcut(QKeySequence("Ctrl+Z"))
    main_window.addAction(qgis_undo)
    qgis_undone = []
    qgis_undo.triggered.connect(lambda: qgis_undone.append(1))
    try:
        main_window.show()
        dock.show()
        QApplication.setActiveWindow(main_window)
        select(sample_layer, BOST)
        tick(dock, "agenda2030:11")
        assert len(store.links()) == 8
        dock.view.tree.setFocus()
        QTest.keyClick(dock.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert store.links() == []
        assert qgis_undone == []
        QTest.keyClick(
            dock.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        assert len(store.links()) == 8
        # in the motivation field Ctrl+Z is the text's own undo, not the links'
        QTest.keyClicks(dock.view.motivation_edit, "abc")
        QTest.keyClick(dock.view.motivation_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert len(store.links()) == 8
        assert dock.view.motivation_edit.toPlainText() != "abc"
    finally:
        main_window.removeAction(qgis_undo)


def test_export_and_catalogue_buttons_open_their_dialogs_on_the_panels_store(ready_dock, monkeypatch):
    from territorial_plugin.gui.dialogs import catalogue_manager, export_dialog

    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: opened.append(("export", self)) or 0)
    monkeypatch.setattr(
        catalogue_manager.CatalogueManagerDialog, "exec", lambda self: opened.append(("catalogues", self)) or 0
    )
    ready_dock.view.export_action.trigger()
    ready_dock.view.catalogues_action.trigger()
    assert [name for name, _dialog in opened] == ["export", "catalogues"]
    assert ready_dock.controller.state == "ready"


def test_the_panel_shows_how_the_selection_is_linked_and_shows_an_edit(ready_dock, sample_layer, store, monkeypatch):
    """Stance and strength at a glance beside each linked goal; after an edit, the edit."""
    from territorial_plugin.gui.panel import link_editor

    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, ["EK-001", "EK-002"], ["agenda2030:11"], LinkSpec("supports", 3, "Nära stationen"), "t")
    store.link(uid, ["EK-002"], ["agenda2030:15"], LinkSpec("conflicts", 1, "Skog avverkas"), "t")
    select(sample_layer, "\"omr_id\" IN ('EK-001', 'EK-002')")
    wait_tasks()
    model = dock.view.model
    item = model.itemFromIndex(model.index_of("agenda2030:11"))
    # the title whole in its column, elided last; stance (colour) and strength in the selection column
    assert item.text() == "11  Sustainable cities and communities"
    assert model.badge("agenda2030:11") == "3"
    badge = item.index().siblingAtColumn(COL_SELECTION)
    assert not badge.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "Supports, strength 3" in item.toolTip() and "Supports, strength 3" in badge.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert model.badge("agenda2030:15") == "1"
    assert "Conflicts, strength 1" in model.itemFromIndex(model.index_of("agenda2030:15")).toolTip()
    assert model.badge("agenda2030:1") == ""
    header = dock.view.tree.header()
    assert header.sectionResizeMode(COL_GOAL) == QHeaderView.ResizeMode.Stretch
    # one area edited to conflict: the goal now reads mixed
    select(sample_layer, "\"omr_id\" = 'EK-002'")
    wait_tasks()
    dock.view.tree.setCurrentIndex(dock.view.proxy.mapFromSource(model.index_of("agenda2030:11")))

    class Edited:
        def __init__(self, *args, **kwargs):
            self.row_version = args[0].row_version

        def exec(self):
            return QDialog.DialogCode.Accepted

        def spec(self):
            return LinkSpec("conflicts", 2, "Omprövad")

    monkeypatch.setattr(link_editor, "EditLinkDialog", Edited)
    dock.controller.actions.edit_link()
    select(sample_layer, "\"omr_id\" IN ('EK-001', 'EK-002')")
    wait_tasks()
    item = model.itemFromIndex(model.index_of("agenda2030:11"))
    assert model.badge("agenda2030:11") == "2–3"
    assert "Mixed: 1 supports, 1 conflicts, strength 2–3" in item.toolTip()
    assert dock.view.findChild(QLabel, "strengthMeaning").text() == "clear"


def test_goal_columns_from_the_panel(ready_dock, sample_layer, store):
    from territorial_plugin.core import expressions

    expressions.register_functions()
    try:
        uid = ready_dock.controller.record.layer_uid
        store.link(uid, ["EK-001"], ["agenda2030:11", "miljomal:15"], LinkSpec(), "t")
        expressions.invalidate()
        ready_dock.view.goal_fields_action.trigger()
        names = sample_layer.fields().names()
        assert "tl_agenda2030" in names and "tl_miljomal" in names
        values = {f["omr_id"]: f["tl_agenda2030"] for f in sample_layer.getFeatures()}
        assert values["EK-001"] == "11" and values["EK-002"] == ""
        ready_dock.view.goal_fields_action.trigger()
        assert "tl_agenda2030" not in sample_layer.fields().names()
    finally:
        expressions.unregister_functions()


def test_the_handbook_opens_from_the_panel_with_its_pictures(ready_dock):
    from qgis.PyQt.QtWidgets import QTextBrowser

    ready_dock.view.help_action.trigger()
    dialog = ready_dock.controller.actions.handbook
    try:
        text = dialog.findChild(QTextBrowser, "handbookText")
        assert "Planerarens dag" in text.toPlainText()
        images = [fmt for fmt in text.document().allFormats() if fmt.isImageFormat()]
        assert images, "the handbook shows its screenshots"
        missing = [
            f.toImageFormat().name()
            for f in images
            if text.document().resource(2, QUrl(f.toImageFormat().name())) is None  # 2 = ImageResource
        ]
        assert not missing
    finally:
        dialog.close()


def test_rapid_ticks_replace_the_panel_message_instead_of_stacking(ready_dock, sample_layer, store, monkeypatch):
    from qgis.gui import QgsMessageBar

    dock = ready_dock
    bar = QgsMessageBar()  # QGIS's own bar, which stacks what is pushed (the test double only records)
    monkeypatch.setattr(dock.controller.iface, "messageBar", lambda: bar)
    select(sample_layer, BOST)
    goals = ["agenda2030:11", "agenda2030:6", "agenda2030:7", "agenda2030:15", "agenda2030:3"]
    for goal_id in goals:
        tick(dock, goal_id)
    tick(dock, "agenda2030:3", False)
    # one message, the latest: what the last tick did
    assert bar_messages(dock) == [dock.controller.last_message]
    assert "Removed" in dock.controller.last_message[0]
    # a message the bar has dismissed (its time was up) is not popped again: the next one still shows
    bar.clearWidgets()
    tick(dock, "agenda2030:3")
    assert bar_messages(dock) == [dock.controller.last_message]


def test_the_motivation_stays_for_the_same_selection_and_is_cleared_for_other_areas(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    select(sample_layer, BOST)
    dock.view.motivation_edit.setPlainText("Bostäder nära stationen")
    tick(dock, "agenda2030:11")
    tick(dock, "agenda2030:3")  # the batch use: several goals for the same selection, one motivation
    assert dock.view.motivation_edit.toPlainText() == "Bostäder nära stationen"
    assert {lk.motivation for lk in store.links_for_keys(uid, BOST_KEYS)} == {"Bostäder nära stationen"}

    select(sample_layer, "\"omr_id\" = 'EK-030'")
    assert dock.view.motivation_edit.toPlainText() == ""  # not written into the next tick by mistake
    tick(dock, "agenda2030:6")
    assert [lk.motivation for lk in store.links_for_keys(uid, ["EK-030"])] == [""]

    # typed before selecting: meant for the areas selected next
    sample_layer.removeSelection()
    select(sample_layer, "FALSE")
    dock.view.motivation_edit.setPlainText("Dagvatten")
    select(sample_layer, "\"omr_id\" = 'EK-031'")
    assert dock.view.motivation_edit.toPlainText() == "Dagvatten"
    # the same areas selected again after a pause keep it
    sample_layer.removeSelection()
    select(sample_layer, "\"omr_id\" = 'EK-031'")
    assert dock.view.motivation_edit.toPlainText() == "Dagvatten"
