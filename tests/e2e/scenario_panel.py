"""Panel, as a planner uses it in QGIS in Swedish on the sample project.

Open the panel → create a link store → register the land-use layer (dialog) →
add the bundled catalogues → select housing areas by expression → type a
motivation, search a goal, tick it with the keyboard → check the store → link
shore (LIS) areas as conflicting → reverse-lookup a goal → highlight it →
screenshots of the panel with a selection → export the atlas and open it in the
layout designer.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ["E2E_ROOT"], "tests", "e2e"))

from e2e_support import ARTIFACTS, run_scenario
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsProject
from qgis.PyQt.QtCore import QEvent, Qt, QTimer
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QDockWidget

LAYER_NAME = "Markanvändning (ÖP)"
STORE = ARTIFACTS / "panel_links.gpkg"
BOST = "\"kategori_kod\" = 'BOST'"
LIS = "\"kategori_kod\" = 'LIS'"
state = {}


def type_text(widget, text: str) -> None:
    """Type like a keyboard, å ä ö included (QTest.keyClicks handles ASCII only)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def layer():
    return QgsProject.instance().mapLayersByName(LAYER_NAME)[0]


def dock():
    return state["dock"]


def open_panel(s):
    for suffix in ("", "-wal", "-shm"):
        path = STORE.with_name(STORE.name + suffix)
        if path.exists():
            path.unlink()
    s.iface.mainWindow().findChild(object, "TerritorialLinksToggleDock").trigger()
    s.wait(0.5)
    d = s.iface.mainWindow().findChild(QDockWidget, "TerritorialLinksDock")
    s.check(d is not None and d.isVisible(), "panel opens from its toolbar button")
    state["dock"] = d
    s.iface.setActiveLayer(layer())
    s.wait(0.3)
    s.check(d.controller.state == "no_store", f"first state is 'no store yet' (was {d.controller.state})")
    s.notes["no_store_title"] = d.view.state_page.title.text()
    s.screenshot("state_no_store", d)
    # the button opens a file dialog; the panel's own method takes the chosen path
    d.controller.actions.create_store(str(STORE))
    s.check(STORE.is_file(), "link store created")
    s.check(d.controller.state == "not_registered", f"then 'layer not registered' (was {d.controller.state})")


def register_layer(s):
    d = dock()

    def accept():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "registerLayerDialog":
            QTimer.singleShot(200, accept)
            return
        state["proposed_key"] = dialog.key_field()
        s.screenshot("register_dialog", dialog)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(300, accept)
    s.screenshot("state_not_registered", d)
    d.view.state_page.primary.click()
    s.check(state.get("proposed_key") == "omr_id", f"register dialog proposes omr_id ({state.get('proposed_key')})")
    s.check(d.controller.state == "no_catalogue", f"then 'no catalogue' (was {d.controller.state})")
    s.screenshot("state_no_catalogue", d)
    d.view.state_page.primary.click()
    s.wait_until(lambda: d.controller.state == "ready", 10)
    s.check(d.controller.state == "ready", f"bundled catalogues added, panel ready (was {d.controller.state})")


def tick_goal(s, search: str, goal_id: str):
    d = dock()
    d.view.search_edit.clear()
    type_text(d.view.search_edit, search)
    s.wait(0.2)
    index = d.view.proxy.mapFromSource(d.view.model.index_of(goal_id))
    s.check(index.isValid(), f"search '{search}' shows {goal_id}")
    d.view.tree.setFocus()
    d.view.tree.setCurrentIndex(index)
    QTest.keyClick(d.view.tree, Qt.Key.Key_Space)
    s.wait(0.3)


def link_housing(s):
    d = dock()
    layer().selectByExpression(BOST)
    s.wait(0.5)
    s.check(
        len(d.controller.selected_keys) == 8,
        f"8 housing areas selected in the panel ({len(d.controller.selected_keys)})",
    )
    type_text(d.view.motivation_edit, "Nya bostäder nära stationen ger en tät och hållbar stad.")
    tick_goal(s, "hållbara städer", "agenda2030:11")
    tick_goal(s, "god bebyggd miljo", "miljomal:15")
    links = d.controller.store.links(goal_ids=["agenda2030:11"])
    s.check(len(links) == 8, f"store holds 8 links to agenda2030:11 ({len(links)})")
    s.check(
        {lk.motivation for lk in links} == {"Nya bostäder nära stationen ger en tät och hållbar stad."},
        "motivation stored as typed",
    )
    s.check(len(d.controller.store.links(goal_ids=["miljomal:15"])) == 8, "8 links to miljomal:15")
    s.notes["message"] = d.controller.last_message[0]
    s.check(
        d.controller.last_message[0].startswith("Kopplade 8 områden till"),
        f"Swedish confirmation ({d.controller.last_message[0]})",
    )
    s.check(d.view.model.check_state("agenda2030:11") == Qt.CheckState.Checked, "goal 11 shown as ticked")


def link_shore_as_conflict(s):
    d = dock()
    layer().selectByExpression(LIS)
    s.wait(0.5)
    d.view.stance_combo.setCurrentIndex(d.view.stance_combo.findData("conflicts"))
    d.view.strength_spin.setValue(3)
    d.view.motivation_edit.clear()
    type_text(d.view.motivation_edit, "Fritidshus i strandzonen minskar den allemansrättsliga tillgången.")
    tick_goal(s, "levande sjöar", "miljomal:8")
    links = d.controller.store.links(goal_ids=["miljomal:8"])
    s.check(len(links) == 5 and {lk.stance for lk in links} == {"conflicts"}, "5 LIS areas linked as conflicts")
    total = len({lk.feature_key for lk in d.controller.store.links()})
    s.check(total >= 10, f"at least ten areas linked with motivations ({total})")


def reverse_lookup(s):
    d = dock()
    layer().removeSelection()
    s.wait(0.3)
    d.view.search_edit.clear()
    d.view.focus_goal("agenda2030:11")
    d.view.lookup_action.trigger()
    s.wait(0.8)
    selected = sorted(f["omr_id"] for f in layer().getSelectedFeatures())
    s.check(len(selected) == 8, f"reverse lookup selects the 8 housing areas ({selected})")
    s.notes["lookup_message"] = d.controller.last_message[0]
    feature = next(layer().getSelectedFeatures())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer()))
    context.setFeature(feature)
    value = QgsExpression("tl_goal_codes()").evaluate(context)
    s.check(value == "11, 15", f"tl_goal_codes() gives '11, 15' ({value!r})")


def edit_one_link_and_undo_with_the_keyboard(s):
    d = dock()
    layer().selectByExpression("\"omr_id\" = 'EK-005'")
    s.wait(0.5)
    d.view.focus_goal("agenda2030:11")
    new_text = "Kvarteret vid stationen: 300 nya bostäder, förtätning på redan hårdgjord mark."

    def edit():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "editLinkDialog":
            QTimer.singleShot(200, edit)
            return
        dialog.editor.motivation_edit.clear()
        type_text(dialog.editor.motivation_edit, new_text)
        s.screenshot("edit_link_dialog", dialog)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(300, edit)
    # without a window manager (Xvfb) nothing activates the window; shortcuts need an active one
    QApplication.setActiveWindow(s.iface.mainWindow())
    d.view.tree.setFocus()
    QTest.keyClick(d.view.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    s.wait(0.3)

    def motivation():
        return {lk.feature_key: lk.motivation for lk in d.controller.store.links(goal_ids=["agenda2030:11"])}

    s.check(motivation().get("EK-005") == new_text, "Ctrl+E edits the one selected area's motivation")
    s.check(motivation().get("EK-006") != new_text, "other areas keep theirs")
    QApplication.setActiveWindow(s.iface.mainWindow())
    d.view.tree.setFocus()
    QTest.keyClick(d.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    s.wait(0.3)
    s.check(motivation().get("EK-005") != new_text, "Ctrl+Z in the panel undoes the edit")
    QTest.keyClick(d.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    s.wait(0.3)
    s.check(motivation().get("EK-005") == new_text, "Ctrl+Shift+Z redoes it")


def screenshots(s):
    d = dock()
    s.iface.mapCanvas().zoomToFullExtent()
    layer().selectByExpression(BOST + " OR \"kategori_kod\" = 'CENT'")
    s.wait(0.5)
    d.view.motivation_edit.setPlainText("Nya bostäder nära stationen ger en tät och hållbar stad.")
    d.view.stance_combo.setCurrentIndex(0)
    d.view.strength_spin.setValue(2)
    d.view.linked_only_check.setChecked(True)
    d.view.tree.expandAll()
    # the three centre areas join goal 11: a tick on a half-filled box links the rest
    s.iface.messageBar().clearWidgets()
    tick_goal(s, "", "agenda2030:11")
    s.check(d.view.model.check_state("agenda2030:11") == Qt.CheckState.Checked, "half-filled box ticked links the rest")
    s.check(len(d.controller.store.links(goal_ids=["agenda2030:11"])) == 11, "11 areas linked to goal 11")
    s.notes["final_message"] = d.controller.last_message[0]
    edited = {lk.feature_key: lk.motivation for lk in d.controller.store.links(goal_ids=["agenda2030:11"])}["EK-005"]
    s.check(edited.startswith("Kvarteret vid stationen"), "ticking again keeps an area's own motivation")
    d.view.focus_goal("miljomal:8")
    d.view.highlight_toggle.setChecked(True)
    s.wait(1.0)
    s.check(
        len(d.controller.highlighter.items) == 5,
        f"highlight shows the 5 conflicting areas ({len(d.controller.highlighter.items)})",
    )
    s.screenshot("main_window")
    s.screenshot("dock", d)
    # Swedish throughout
    swedish = {
        "stance": d.view.stance_combo.itemText(0),
        "lookup": d.view.lookup_action.text(),
        "linked_only": d.view.linked_only_check.text(),
        "status": d.view.status_label.text(),
    }
    s.notes["swedish"] = swedish
    s.check(swedish["stance"] == "Stödjer", f"stance combo in Swedish ({swedish['stance']})")
    s.check("områden valda" in swedish["status"], f"status in Swedish ({swedish['status']})")


def export_atlas(s):
    """The export dialog from the panel's toolbar: the atlas PDF, the layout kept in the project
    and opened in the layout designer, as a planner finishes the work."""
    atlas = ARTIFACTS / "panel_atlas.pdf"
    if atlas.exists():
        atlas.unlink()

    def drive():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "TerritorialExportDialog":
            QTimer.singleShot(200, drive)
            return
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
        dialog.output.setFilePath(str(atlas))
        dialog.open_designer.setChecked(True)
        state["export_goals"] = len(dialog._checked(dialog.goal_list))
        dialog.export_button.click()
        s.check(s.wait_until(lambda: dialog.task is None, 120), "the atlas export finishes")
        s.notes["export_status"] = dialog.status.text()
        s.screenshot("export_dialog", dialog)
        dialog.reject()

    QTimer.singleShot(300, drive)
    dock().view.export_action.trigger()
    s.check(atlas.is_file(), f"atlas written ({s.notes.get('export_status')})")
    if not atlas.is_file():
        return
    info = subprocess.run(["pdfinfo", str(atlas)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", str(atlas), "-"], capture_output=True, text=True).stdout
    s.notes["atlas_pages"] = pages
    s.check(pages >= 1 + state["export_goals"], f"overview + a page per ticked goal ({pages} pages)")
    s.check(f"Sida {pages} av {pages}" in text, "pages numbered in Swedish across the atlas")
    s.check("Hållbara städer och samhällen" in text, "goal titles with å ä ö in the PDF")
    layouts = [layout.name() for layout in QgsProject.instance().layoutManager().printLayouts()]
    s.notes["layouts"] = layouts
    s.check(any(name.startswith("Målatlas") for name in layouts), f"atlas layout kept in the project ({layouts})")
    s.wait(1.0)
    designers = s.iface.openLayoutDesigners()
    s.check(len(designers) == 1, "the atlas opens in the layout designer")
    if designers:
        designer = designers[0]
        kept = designer.layout().pageCollection().pageCount()
        s.check(kept == pages, f"the designer's layout has the exported pages ({kept} of {pages})")
        s.screenshot("layout_designer", designer.window())
        designer.close()


def processing_dialog_with_project_defaults(s):
    """Goal tables from the Processing toolbox's own dialog, as GIS staff run it: the dialog starts
    at the project's store and its registered layer; only the output file is chosen."""
    from processing import createAlgorithmDialog
    from qgis.PyQt.QtWidgets import QMessageBox

    output = ARTIFACTS / "processing_dialog_maltabell.xlsx"
    if output.exists():
        output.unlink()
    refused = []
    QMessageBox.warning = lambda *args, **kwargs: refused.append(args[2] if len(args) > 2 else "")
    dialog = createAlgorithmDialog("territorial:coveragereport", {})
    dialog.show()
    s.wait(0.5)
    given = dialog.createProcessingParameters()
    s.notes["processing_dialog_store"] = str(given.get("STORE"))
    s.check(str(given.get("STORE")) == str(STORE), f"the dialog starts at the project's store ({given.get('STORE')})")
    layers = [str(value) for value in given.get("LAYERS") or []]
    s.check(layers in ([layer().id()], [layer().source()]), f"the dialog starts with the registered layer ({layers})")
    s.screenshot("processing_dialog", dialog)
    dialog.setParameters({**given, "OUTPUT": str(output)})
    dialog.runAlgorithm()
    s.wait_until(output.exists, 60)
    s.check(not refused, f"the dialog accepts its own defaults ({refused})")
    s.check(output.exists(), "the goal tables are written from the Processing dialog")
    dialog.close()


def enter_in_every_dialog(s):
    """A planner hammering Enter in the catalogue manager, with a catalogue that has links
    selected: nothing is deleted or replaced (the export dialog's Enter is tested in
    tests/qgis/test_atlas_export_dialog.py)."""
    from qgis.PyQt.QtWidgets import QAbstractItemView

    store = dock().controller.store
    before = (sorted(c.id for c in store.catalogues()), len(store.links()))
    exported = sorted(ARTIFACTS.glob("*.pdf"))
    pressed = []

    def hammer(times):
        modal = QApplication.activeModalWidget()
        if modal is not None:
            table = modal.findChild(QAbstractItemView, "catalogueTable")
            if table is not None and not table.selectionModel().selectedRows():
                table.selectRow(0)  # a catalogue with links selected
            pressed.append(modal.objectName() or type(modal).__name__)
            QTest.keyClick(modal.focusWidget() or modal, Qt.Key.Key_Return)
            if times <= 0:
                QTest.keyClick(modal, Qt.Key.Key_Escape)
        if times > 0 or QApplication.activeModalWidget() is not None:
            QTimer.singleShot(150, lambda: hammer(times - 1))
        else:
            running.clear()

    running = []
    for action in ("cataloguesAction",):
        running.append(action)
        QTimer.singleShot(300, lambda: hammer(8))
        dock().view.findChild(object, action).trigger()  # modal: returns when Escape closed it
        s.wait_until(lambda: not running, 30)  # no timer left behind when QGIS quits
        s.wait(0.3)
    after = (sorted(c.id for c in store.catalogues()), len(store.links()))
    s.notes["enter_pressed_in"] = sorted(set(pressed))
    s.check("CatalogueManagerDialog" in pressed, f"Enter pressed in the catalogue manager ({sorted(set(pressed))})")
    s.check(after == before, f"Enter deleted or replaced nothing ({before} → {after})")
    s.check(sorted(ARTIFACTS.glob("*.pdf")) == exported, "Enter wrote no export")


run_scenario(
    [
        open_panel,
        register_layer,
        link_housing,
        link_shore_as_conflict,
        reverse_lookup,
        edit_one_link_and_undo_with_the_keyboard,
        screenshots,
        export_atlas,
        processing_dialog_with_project_defaults,
        enter_in_every_dialog,
    ]
)
