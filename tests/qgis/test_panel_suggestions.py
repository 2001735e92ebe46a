"""The panel shows what linking rules suggest for the selection, apart from links; accept and dismiss them."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsProject
from qgis.PyQt.QtCore import Qt

from territorial_plugin.core.model import LinkSpec
from territorial_plugin.gui.panel.goal_tree_model import SUGGESTED_COUNT_ROLE

from .panel_support import close_dock, make_dock, select
from .rules_support import NEAR, WATER, plan_layer, rules_store
from .store_layers import square


@pytest.fixture
def plan_dock(tmp_path, qgis_iface, qgis_new_project):
    layer = plan_layer(tmp_path / "plan.gpkg")
    assert QgsProject.instance().addMapLayer(layer)
    store, record = rules_store(tmp_path / "links.gpkg", layer)
    store.save_rules([NEAR, WATER], "gis")
    dock = make_dock(qgis_iface, store.uri, layer)
    yield dock, store, layer, record
    close_dock(dock)
    store.close()


def _item(dock, goal_id):
    return dock.view.model.itemFromIndex(dock.view.model.index_of(goal_id))


def _suggested(dock) -> dict[str, int]:
    return {g: _item(dock, g).data(SUGGESTED_COUNT_ROLE) for g in ("t:1", "t:2", "t:3")}


def test_select_see_accept_dismiss(plan_dock):
    dock, store, layer, record = plan_dock
    uid = record.layer_uid
    store.link(uid, ["B1"], ["t:2"], LinkSpec(stance="conflicts", motivation="Planerarens egen"), "planerare")
    dock.controller.reload_links()
    select(layer, "\"omr_id\" IN ('B1', 'B2', 'B3')")
    # B2 lies too far from the station; B1 is linked to t:2 already (the planner's link stays)
    assert _suggested(dock) == {"t:1": 2, "t:2": 1, "t:3": 0}
    item = _item(dock, "t:1")
    assert dock.view.model.badge("t:1") == "[Suggested]"
    assert item.font().italic() and not _item(dock, "t:3").font().italic()
    assert item.checkState() == Qt.CheckState.Unchecked  # a suggestion is not a link
    assert NEAR.name in item.toolTip() and "Östra Ängen" in item.toolTip()
    t2 = _item(dock, "t:2")
    assert dock.view.model.badge("t:2") == "2 [Suggested]"  # B1's own link (strength 2) and the mark
    assert t2.checkState() == Qt.CheckState.PartiallyChecked  # B1's own link, B3 suggested

    dock.controller.actions.accept_suggestions("t:1")
    links = {(x.feature_key, x.goal_id): x for x in store.links([uid])}
    assert set(links) == {("B1", "t:1"), ("B3", "t:1"), ("B1", "t:2")}
    assert links[("B3", "t:1")].motivation.startswith("Området Södra Hällen ligger 800 m")
    assert links[("B1", "t:2")].stance == "conflicts"
    assert store.rule_marks(uid) == {("B1", "t:1"): NEAR.name, ("B3", "t:1"): NEAR.name}
    assert _suggested(dock)["t:1"] == 0 and not _item(dock, "t:1").font().italic()
    assert _item(dock, "t:1").checkState() == Qt.CheckState.PartiallyChecked  # B2 is not linked

    # undo removes the accepted links, redo links them again as the rule's
    dock.controller.undo_stack.undo()
    assert {(x.feature_key, x.goal_id) for x in store.links([uid])} == {("B1", "t:2")}
    assert _suggested(dock)["t:1"] == 2
    dock.controller.undo_stack.redo()
    assert store.rule_marks(uid) == {("B1", "t:1"): NEAR.name, ("B3", "t:1"): NEAR.name}

    dock.controller.actions.dismiss_suggestions("t:2")
    assert _suggested(dock)["t:2"] == 0
    assert ("B3", NEAR.id or store.rules()[0].id) in store.rule_dismissals(uid)
    assert ("B3", "t:2") not in {(x.feature_key, x.goal_id) for x in store.links([uid])}
    # the dismissal is remembered: selecting again shows no suggestion for B3
    select(layer, "\"omr_id\" = 'B3'")
    assert _suggested(dock) == {"t:1": 0, "t:2": 0, "t:3": 0}


def test_a_dismissal_is_undone_with_ctrl_z(plan_dock):
    from qgis.PyQt.QtGui import QKeySequence
    from qgis.PyQt.QtWidgets import QAction

    dock, store, layer, record = plan_dock
    uid = record.layer_uid
    near = next(rule for rule in store.rules() if rule.name == NEAR.name)
    store.dismiss_rule(uid, near.id, ["B1"], "kollega")  # dismissed earlier, by someone else
    select(layer, "\"omr_id\" IN ('B1', 'B2', 'B3')")
    assert _suggested(dock)["t:1"] == 1  # B3 (B1 was dismissed, B2 is too far)
    dock.controller.actions.dismiss_suggestions("t:1")
    assert _suggested(dock)["t:1"] == 0
    assert store.rule_dismissals(uid) == {("B1", near.id), ("B3", near.id)}

    undo = dock.findChild(QAction, "undoAction")
    assert undo.shortcut() == QKeySequence("Ctrl+Z") and undo.isEnabled()
    undo.trigger()
    # the suggestion is back; the earlier dismissal of B1 stays, nothing was linked
    assert _suggested(dock)["t:1"] == 1
    assert store.rule_dismissals(uid) == {("B1", near.id)}
    assert store.links([uid]) == []
    dock.findChild(QAction, "redoAction").trigger()
    assert _suggested(dock)["t:1"] == 0
    assert store.rule_dismissals(uid) == {("B1", near.id), ("B3", near.id)}


def test_a_new_area_matching_a_rule_shows_as_a_suggestion_after_commit(plan_dock):
    dock, store, layer, record = plan_dock
    assert layer.startEditing()
    feature = QgsFeature(layer.fields())
    for field, value in (
        ("omr_id", "B9"),
        ("namn", "Nya kvarteret"),
        ("kategori", "Sammanhängande bostadsbebyggelse"),
        ("avst_station", 250),
    ):
        feature.setAttribute(field, value)
    feature.setGeometry(square(9))
    assert layer.addFeature(feature)
    assert layer.commitChanges()
    select(layer, "\"omr_id\" = 'B9'")
    assert _suggested(dock) == {"t:1": 1, "t:2": 1, "t:3": 0}
    assert "Nya kvarteret" in _item(dock, "t:1").toolTip()
    assert store.links([record.layer_uid]) == []  # suggested, not linked


def test_a_broken_rule_warns_and_linking_by_hand_goes_on(plan_dock):
    from territorial_plugin.core.rules.model import Rule

    dock, store, layer, _ = plan_dock
    store.save_rules([Rule("Trasig", '"finns_inte" = 1', ("t:1",))], "gis")
    select(layer, "\"omr_id\" = 'B1'")
    assert "Trasig" in dock.controller.last_message[0]
    assert _suggested(dock) == {"t:1": 0, "t:2": 0, "t:3": 0}
    assert dock.view.model.selection_size == 1


def test_a_large_selection_reads_its_suggestions_in_a_task(plan_dock, monkeypatch):
    from territorial_plugin.gui.panel import controller

    from .panel_support import wait_tasks

    dock, _store, layer, _ = plan_dock
    monkeypatch.setattr(controller, "SUGGEST_INLINE", 0)  # as if the selection were thousands of areas
    started = []
    monkeypatch.setattr(
        dock.controller, "_start_suggestion_task", _spy(dock.controller._start_suggestion_task, started)
    )
    select(layer, "\"omr_id\" IN ('B1', 'V1')")
    wait_tasks()
    assert len(started) == 1
    assert _suggested(dock) == {"t:1": 1, "t:2": 1, "t:3": 1}
    assert "Vattenområde" in _item(dock, "t:3").toolTip()
    # a task overtaken by a newer selection does not paint the old suggestions
    layer.selectByExpression("\"omr_id\" = 'N1'")
    dock.controller.refresh_selection()
    wait_tasks()
    assert _suggested(dock) == {"t:1": 0, "t:2": 0, "t:3": 0}


def _spy(method, calls):
    def spy(*args):
        calls.append(args)
        return method(*args)

    return spy


def test_accept_and_dismiss_in_words_naming_the_rule_and_the_hint_and_filter_explain_suggestions(plan_dock):
    """A new user took the dismiss cross beside Edit link for "delete link", and found [Suggested] explained nowhere."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QToolBar

    dock, _store, layer, _record = plan_dock
    view = dock.view
    row = view.findChild(QToolBar, "suggestionToolbar")
    select(layer, "\"omr_id\" = 'B2'")  # too far from the station: nothing suggested
    assert row.isHidden() and "[Suggested]" not in view.hint_label.text()
    select(layer, "\"omr_id\" IN ('B1', 'B2', 'B3')")
    assert not row.isHidden()
    for action, text in (
        (view.accept_suggestion_action, "Accept suggestion"),
        (view.dismiss_suggestion_action, "Dismiss suggestion"),
    ):
        assert action.text() == text
        button = row.widgetForAction(action)
        assert button is not None and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        assert view.goal_toolbar.widgetForAction(action) is None  # not beside Edit link
    remove = QgsApplication.getThemeIcon("mActionRemove.svg").pixmap(16).toImage()
    assert view.dismiss_suggestion_action.icon().pixmap(16).toImage() != remove  # no delete cross
    # the focused goal's rule is named in both tooltips
    view.focus_goal("t:1")
    assert (
        NEAR.name in view.accept_suggestion_action.toolTip()
        and "2 selected areas" in view.accept_suggestion_action.toolTip()
    )
    assert NEAR.name in view.dismiss_suggestion_action.toolTip()
    view.focus_goal("t:3")  # suggested by no rule: the general words
    assert NEAR.name not in view.accept_suggestion_action.toolTip()
    # the hint explains the mark; the filter says it keeps suggested goals
    assert "[Suggested]: a linking rule suggests the goal; accept or dismiss it" in view.hint_label.text()
    assert "[Suggested]" in view.linked_only_check.toolTip() and "suggests" in view.linked_only_check.toolTip()
