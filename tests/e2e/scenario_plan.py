"""A planner with a plan drawn in Boverket's ÖP-model categories (issues 15 and 16), in Swedish.

On a copy of the sample municipality (its land use carries Boverket's category in
``kategori_boverket``): create a link store, register the layer, add the catalogues →
import the bundled example rule set through the Processing dialog → select areas and
see the rules' suggestions "[Förslag]" in the panel → accept most, dismiss some, link
one goal by hand → export the goal atlas: it names the rule of every rule-made link →
save the stage "Samråd" through the Processing dialog → change a link, move a vertex
of an area with the vertex tool and save the layer → compare "Samråd" with now to a
PDF: the changed link and the reshaped area are in it.
"""

import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.environ["E2E_ROOT"], "tests", "e2e"))

from e2e_support import ARTIFACTS, ROOT, pdf_text, render_pdf, run_algorithm_dialog, run_scenario
from qgis.core import QgsFeatureRequest, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from qgis.PyQt.QtGui import QMouseEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QDockWidget

LAYER_NAME = "Markanvändning (ÖP)"
WORK = ARTIFACTS / "plan_work"
STORE = WORK / "exempelkommun_kopplingar.gpkg"
# where a planner finds the example rule set: in the installed plugin's folder (nothing points there)
EXAMPLE_RULES = ROOT / "build" / "plugins" / "territorial_plugin" / "resources" / "boverket"
EXAMPLE_RULES = EXAMPLE_RULES / "exempelregler_op_modellen.json"
HOUSING = "\"kategori_boverket\" = 'Sammanhängande bostadsbebyggelse'"
state = {}


def layer():
    return QgsProject.instance().mapLayersByName(LAYER_NAME)[0]


def dock():
    return state["dock"]


def suggested(goal_id: str) -> int:
    from territorial_plugin.gui.panel.goal_tree_model import SUGGESTED_COUNT_ROLE

    item = dock().view.model.itemFromIndex(dock().view.model.index_of(goal_id))
    return (item.data(SUGGESTED_COUNT_ROLE) or 0) if item is not None else 0


def goal_text(goal_id: str) -> tuple[str, str]:
    """The goal's row as shown: code and title, then the selection column's badges; and its tooltip."""
    model = dock().view.model
    item = model.itemFromIndex(model.index_of(goal_id))
    return (f"{item.text()}  {model.badge(goal_id)}", item.toolTip()) if item is not None else ("", "")


def open_plan(s):
    """The planner's own copy of the plan (the layer is edited later), opened as a project."""
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    for name in ("exempelkommun.qgs", "markanvandning.geojson", "vatten.geojson"):
        shutil.copy(ROOT / "resources" / "sample" / name, WORK / name)
    s.iface.addProject(str(WORK / "exempelkommun.qgs"))
    s.check(
        s.wait_until(lambda: QgsProject.instance().fileName().startswith(str(WORK)) and layer().isValid(), 20),
        "the plan's project opens",
    )
    s.check("kategori_boverket" in layer().fields().names(), "the land use carries Boverket's category")
    s.iface.mainWindow().findChild(object, "TerritorialLinksToggleDock").trigger()
    s.wait(0.5)
    d = s.iface.mainWindow().findChild(QDockWidget, "TerritorialLinksDock")
    state["dock"] = d
    s.iface.setActiveLayer(layer())
    s.wait(0.3)
    d.controller.actions.create_store(str(STORE))  # the state page's button opens a file dialog for this path

    def accept():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "registerLayerDialog":
            QTimer.singleShot(200, accept)
            return
        state["proposed_key"] = dialog.key_field()
        s.screenshot("register_dialog", dialog)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(300, accept)
    d.view.state_page.primary.click()
    s.check(state.get("proposed_key") == "omr_id", f"registration proposes omr_id ({state.get('proposed_key')})")
    d.view.state_page.primary.click()  # add the bundled catalogues
    s.check(s.wait_until(lambda: d.controller.state == "ready", 15), f"panel ready ({d.controller.state})")
    s.screenshot("panel_ready", d)


def import_rules(s):
    """importrules from the toolbox: the store is proposed, the planner picks the example file."""
    from qgis.core import QgsApplication

    from territorial_plugin.core.store import open_store

    s.check(EXAMPLE_RULES.is_file(), f"the example rule set is in the installed plugin ({EXAMPLE_RULES})")
    algorithm = QgsApplication.processingRegistry().algorithmById("territorial:importrules")
    s.check(str(EXAMPLE_RULES) in algorithm.shortHelpString(), "the dialog's help says where the example rules are")
    run = run_algorithm_dialog(s, "territorial:importrules", {"INPUT": str(EXAMPLE_RULES)}, "importrules")
    s.notes["importrules_defaults"] = {k: str(v) for k, v in run.defaults.items()}
    s.check(str(run.defaults.get("STORE")) == str(STORE), f"the dialog proposes the project's store ({run.defaults})")
    s.check(run.ok and not run.refusals, f"importrules ran ({run.refusals})")
    s.check(run.results.get("INSERTED") == 10, f"10 example rules imported ({run.results})")
    with open_store(str(STORE)) as store:
        rules = store.rules(enabled_only=True)
    s.check(len(rules) == 10, f"10 enabled rules in the store ({len(rules)})")
    s.check("Importerade 10 regler" in run.log, "the log says in Swedish what was imported")


def see_suggestions(s):
    d = dock()
    s.iface.setActiveLayer(layer())
    layer().selectByExpression(HOUSING)
    s.wait(0.8)
    s.check(len(d.controller.selected_keys) == 8, f"8 housing areas selected ({len(d.controller.selected_keys)})")
    text, tip = goal_text("agenda2030:11.1")
    s.notes["suggestion_item"] = text
    s.notes["suggestion_tooltip"] = tip
    s.check("[Förslag]" in text, f"goal 11.1 marked [Förslag] ({text})")
    s.check("Exempel: Sammanhängande bostadsbebyggelse" in tip, "the tooltip names the rule")
    s.check(suggested("agenda2030:11.1") == 8 and suggested("nrs2030:A") == 8, "both goals suggested for 8 areas")
    d.view.linked_only_check.setChecked(False)
    d.view.catalogue_combo.setCurrentIndex(0)
    d.view.focus_goal("agenda2030:11.1")
    d.view.tree.expandAll()
    d.view.tree.scrollTo(d.view.tree.currentIndex())
    s.screenshot("suggestions_main", None)
    s.screenshot("suggestions_dock", d)
    # among some 250 goals: "Linked only" also keeps the suggested ones
    d.view.linked_only_check.setChecked(True)
    d.view.tree.expandAll()
    s.wait(0.3)
    shown = d.view.proxy.mapFromSource(d.view.model.index_of("nrs2030:A"))
    s.check(shown.isValid(), "'Endast kopplade' shows the suggested goals")
    s.notes["linked_only_rows"] = d.view.proxy.rowCount()
    s.screenshot("suggestions_linked_only", d)
    d.view.linked_only_check.setChecked(False)


def accept_and_dismiss(s):
    """Accept with Ctrl+Return and the toolbar; dismiss a few; link one goal by hand."""
    d = dock()
    store = d.controller.store
    # housing: 11.1 with the keyboard, nrs2030:A with the toolbar button
    d.view.focus_goal("agenda2030:11.1")
    QApplication.setActiveWindow(s.iface.mainWindow())
    d.view.tree.setFocus()
    QTest.keyClick(d.view.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    s.wait(0.3)
    s.check(len(store.links(goal_ids=["agenda2030:11.1"])) == 8, "Ctrl+Return accepts 8 links to 11.1")
    s.notes["accept_message"] = d.controller.last_message[0]
    d.view.focus_goal("nrs2030:A")
    d.view.suggestion_toolbar.widgetForAction(d.view.accept_suggestion_action).click()
    s.wait(0.3)
    s.check(suggested("agenda2030:11.1") == 0 and suggested("nrs2030:A") == 0, "no suggestion left for the housing")
    # every other category: select it, accept its rule's goals, but dismiss a few
    dismissed = {("Landsbygd", "rus_ac_2030:I1"), ("Teknisk anläggning", "miljomal:1")}
    state["dismissed"] = dismissed
    accepted = 16
    for category in (
        "Mångfunktionell bebyggelse",
        "Verksamheter och industri",
        "Transportinfrastruktur",
        "Teknisk anläggning",
        "Grönområde och park",
        "Natur och friluftsliv",
        "Landsbygd",
    ):
        layer().selectByExpression(f"\"kategori_boverket\" = '{category}'")
        s.wait(0.5)
        goals = list(d.controller.suggested)
        s.check(goals, f"{category}: the rule's goals are suggested")
        for goal in goals:
            d.view.focus_goal(goal)
            n = suggested(goal)
            if (category, goal) in dismissed:
                d.view.dismiss_suggestion_action.trigger()
            else:
                d.view.accept_suggestion_action.trigger()
                accepted += n
            s.wait(0.2)
        s.check(not d.controller.suggested, f"{category}: nothing left to suggest ({list(d.controller.suggested)})")
    state["accepted"] = accepted
    marks = store.rule_marks(d.controller.record.layer_uid)
    s.check(len(marks) == accepted, f"{accepted} links made by rules ({len(marks)})")
    s.notes["rule_links"] = len(marks)
    s.notes["dismiss_message"] = d.controller.last_message[0]
    # a planner's own link: the station area to goal 11.2, ticked by hand
    layer().selectByExpression("\"omr_id\" = 'EK-001'")
    s.wait(0.5)
    d.view.motivation_edit.setPlainText("Resecentrum ger hållbara transporter för alla.")
    d.view.focus_goal("agenda2030:11.2")
    index = d.view.tree.currentIndex()
    QApplication.setActiveWindow(s.iface.mainWindow())
    d.view.tree.setFocus()
    d.view.tree.setCurrentIndex(index)
    QTest.keyClick(d.view.tree, Qt.Key.Key_Space)
    s.wait(0.3)
    s.check(len(store.links(goal_ids=["agenda2030:11.2"])) == 1, "a planner's own link by ticking")
    # selecting everything again: the dismissed suggestions stay away
    layer().selectAll()
    s.wait(0.8)
    left = list(d.controller.suggested)
    s.check(not left, f"nothing suggested after accepting and dismissing ({left})")
    s.screenshot("after_accepting", d)


def export_atlas(s):
    """The atlas from the panel's export dialog; each rule-made link names its rule."""
    atlas = WORK / "malatlas.pdf"

    def drive():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "TerritorialExportDialog":
            QTimer.singleShot(200, drive)
            return
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
        dialog.output.setFilePath(str(atlas))
        s.screenshot("export_dialog", dialog)
        dialog.export_button.click()
        s.check(s.wait_until(lambda: dialog.task is None, 90), "the atlas export finishes")
        s.notes["export_status"] = dialog.status.text()
        dialog.reject()

    layer().removeSelection()
    QTimer.singleShot(300, drive)
    dock().view.export_action.trigger()
    s.check(atlas.is_file(), f"atlas written ({s.notes.get('export_status')})")
    if not atlas.is_file():
        return
    pages, text = pdf_text(atlas)
    s.notes["atlas_pages"] = pages
    s.notes["atlas_pngs"] = render_pdf(atlas, "atlas")
    flat = " ".join(text.split())
    for rule in ("Sammanhängande bostadsbebyggelse", "Grönområde och park", "Natur och friluftsliv"):
        s.check(f"(regel: Exempel: {rule})" in flat, f"the atlas names the rule 'Exempel: {rule}'")
    s.check("Resecentrum ger hållbara transporter för alla." in flat, "the planner's own link is in the atlas")
    own = flat.split("Resecentrum ger hållbara transporter för alla.", 1)[1][:20]
    s.check("(regel" not in own, f"the planner's own link names no rule ({own!r})")
    s.check("strukturbild_example" not in flat, "goal ids are not printed raw")


def save_stage(s):
    run = run_algorithm_dialog(s, "territorial:savestage", {"STAGE": "Samråd"}, "savestage")
    s.notes["savestage_defaults"] = {k: str(v) for k, v in run.defaults.items()}
    s.check(run.ok and not run.refusals, f"savestage ran ({run.refusals})")
    s.check(run.results.get("AREAS") == 43, f"the stage holds the 43 areas ({run.results})")
    s.check(run.results.get("LINKS") == state["accepted"] + 1, f"and every link ({run.results})")
    s.check("Sparade planskedet" in run.log or "Samråd" in run.log, "the log confirms the stage")


def change_a_link(s):
    """After samråd: the industry area at EK-0xx now conflicts with 9.2 (edit dialog, Ctrl+E)."""
    d = dock()
    store = d.controller.store
    links = store.links(goal_ids=["agenda2030:9.2"])
    key = sorted(lk.feature_key for lk in links)[0]
    state["changed_key"] = key
    layer().selectByExpression(f"\"omr_id\" = '{key}'")
    s.wait(0.5)
    d.view.focus_goal("agenda2030:9.2")
    motivation = "Efter samrådet: verksamhetsområdet tar jordbruksmark och motverkar målet."

    def edit():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "editLinkDialog":
            QTimer.singleShot(200, edit)
            return
        dialog.editor.stance_combo.setCurrentIndex(dialog.editor.stance_combo.findData("conflicts"))
        dialog.editor.motivation_edit.setPlainText(motivation)
        s.screenshot("edit_link_dialog", dialog)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(300, edit)
    QApplication.setActiveWindow(s.iface.mainWindow())
    d.view.tree.setFocus()
    QTest.keyClick(d.view.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    s.wait(0.3)
    link = next(lk for lk in store.links(goal_ids=["agenda2030:9.2"]) if lk.feature_key == key)
    s.check(link.stance == "conflicts" and link.motivation == motivation, f"link of {key} to 9.2 changed")
    marks = store.rule_marks(d.controller.record.layer_uid)
    s.check((key, "agenda2030:9.2") not in marks, "the edited link is now the planner's, not the rule's")


def _mouse(canvas, kind, point, button=Qt.MouseButton.LeftButton):
    buttons = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    if kind == QEvent.Type.MouseMove:
        button = Qt.MouseButton.NoButton
    event = QMouseEvent(kind, QPointF(point), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas.viewport(), event)
    QApplication.processEvents()


def reshape_an_area(s):
    """Toggle editing, drag a vertex of a housing area with the vertex tool, save the layer's edits."""
    lyr = layer()
    canvas = s.iface.mapCanvas()
    feature = next(lyr.getFeatures(QgsFeatureRequest().setFilterExpression(HOUSING)))
    key = feature["omr_id"]
    state["reshaped_key"] = key
    before = feature.geometry().asWkt()
    lyr.removeSelection()
    s.iface.setActiveLayer(lyr)
    canvas.setExtent(feature.geometry().boundingBox().buffered(150))
    canvas.refresh()
    s.wait(1.0)
    s.iface.actionToggleEditing().trigger()
    s.check(lyr.isEditable(), "editing starts")
    s.iface.actionVertexTool().trigger()
    s.wait(1.0)
    vertex = feature.geometry().vertexAt(1)
    transform = canvas.getCoordinateTransform()
    start = transform.transform(QgsPointXY(vertex.x(), vertex.y()))
    start = QPoint(round(start.x()), round(start.y()))
    target = start + QPoint(60, 45)
    for step in range(5):  # hover: the tool highlights the vertex under the mouse
        _mouse(canvas, QEvent.Type.MouseMove, start + QPoint(5 - step, 0))
    s.wait(0.5)
    _mouse(canvas, QEvent.Type.MouseButtonPress, start)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, start)  # click: picks the vertex up
    for step in range(1, 11):
        _mouse(canvas, QEvent.Type.MouseMove, start + (target - start) * step / 10)
    _mouse(canvas, QEvent.Type.MouseButtonPress, target)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, target)  # click: puts it down
    s.wait(0.5)
    s.screenshot("vertex_moved")
    edited = lyr.getFeature(feature.id()).geometry().asWkt()
    s.check(edited != before, "the vertex tool moved a vertex")
    s.iface.actionSaveActiveLayerEdits().trigger()
    s.iface.actionToggleEditing().trigger()
    s.wait(0.5)
    s.check(not lyr.isEditable(), "editing stopped after saving")
    lyr.dataProvider().reloadData()
    saved = next(lyr.dataProvider().getFeatures(QgsFeatureRequest().setFilterExpression(f"\"omr_id\" = '{key}'")))
    s.check(saved.geometry().asWkt() != before, f"the reshaped area {key} is saved in the file")
    s.iface.actionPan().trigger()
    s.iface.mapCanvas().zoomToFullExtent()


def compare_stages(s):
    output = WORK / "samrad_jamforelse.pdf"
    # as the dialog opens: only the stage and the file are filled in (LAYERS left empty)
    run = run_algorithm_dialog(
        s, "territorial:comparestages", {"FROM": "Samråd", "OUTPUT": str(output)}, "comparestages"
    )
    s.notes["comparestages_defaults"] = {k: str(v) for k, v in run.defaults.items()}
    s.check(run.results.get("CHANGES") == 2, f"one changed link and one reshaped area ({run.results})")
    s.check(run.ok and output.is_file(), f"the comparison is written ({run.refusals})")
    if not output.is_file():
        return
    pages, text = pdf_text(output)
    s.notes["compare_pages"] = pages
    s.notes["compare_pngs"] = render_pdf(output, "compare")
    flat = " ".join(text.split())
    changed, reshaped = state["changed_key"], state["reshaped_key"]
    s.check(changed in flat, f"the changed link's area {changed} is in the comparison")
    s.check("Motverkar" in flat or "motverkar" in flat, "the new stance (motverkar) is shown")
    s.check("Efter samrådet" in flat, "the new motivation is shown")
    s.check(reshaped in flat, f"the reshaped area {reshaped} is in the comparison")
    s.check("9.2" in flat, "the changed goal 9.2 has its page")


run_scenario(
    [
        open_plan,
        import_rules,
        see_suggestions,
        accept_and_dismiss,
        export_atlas,
        save_stage,
        change_a_link,
        reshape_an_area,
        compare_stages,
    ]
)
