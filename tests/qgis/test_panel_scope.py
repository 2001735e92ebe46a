"""The panel's Show row: one organisation's links in a store holding several, and a saved plan stage
shown read-only, after the links have been reworked; back to now restores everything."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt

from territorial_plugin.core.model import Link, LinkSpec
from territorial_plugin.core.stages.service import save_stage
from territorial_plugin.gui.panel.goal_tree_model import LAYER_COUNT_ROLE, SELECTED_COUNT_ROLE

from .panel_support import item_state, select, tick, wait_tasks

GOAL = "agenda2030:11"
OTHER = "miljomal:15"
SELECTION = "\"omr_id\" IN ('EK-001', 'EK-002', 'EK-003')"


def _goal_item(dock, goal_id):
    model = dock.view.model
    return model.itemFromIndex(model.index_of(goal_id))


def _two_organisations(store, uid) -> None:
    """As a region's store fed by deliveries holds them: EK-001/002 Umeå's, EK-003/004 Vännäs's."""
    rows = [
        Link(uid, "EK-001", GOAL, "supports", 3, "", "umea"),
        Link(uid, "EK-002", GOAL, "conflicts", 1, "", "umea"),
        Link(uid, "EK-003", GOAL, "supports", 2, "", "vannas"),
        Link(uid, "EK-004", GOAL, "supports", 2, "", "vannas"),
        Link(uid, "EK-003", OTHER, "neutral", 0, "", "vannas"),
    ]
    keys = sorted({row.feature_key for row in rows})
    store.replace_links(uid, keys, [GOAL, OTHER], rows, "region")


def test_organisations_in_the_tooltip_and_a_filter_that_narrows_tree_counts_and_lookup(ready_dock, sample_layer, store):
    dock = ready_dock
    controller, bar = dock.controller, dock.view.scope_bar
    uid = controller.record.layer_uid
    assert bar.organisation_combo.isHidden()  # one organisation (none): no filter to offer
    _two_organisations(store, uid)
    controller.refresh_coverage(wait=True)
    assert not bar.organisation_combo.isHidden()
    combo = bar.organisation_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All organisations", "umea", "vannas"]
    select(sample_layer, SELECTION)
    item = _goal_item(dock, GOAL)
    assert item.checkState() == Qt.CheckState.Checked
    assert "umea: 2 areas (supports 1, conflicts 1)" in item.toolTip()
    assert "vannas: one area (supports 1)" in item.toolTip()
    assert dock.view.model.badge(GOAL) == "1–3" and "Mixed" in item.toolTip()
    assert item.data(LAYER_COUNT_ROLE) == 4
    dock.view.tree.setCurrentIndex(dock.view.proxy.mapFromSource(dock.view.model.index_of(GOAL)))
    controller.actions.reverse_lookup(GOAL)
    everyone = controller.actions.last_lookup
    assert everyone.feature_count == 4
    assert {org: dict(c) for org, c in everyone.by_organisation.items()} == {
        "umea": {"supports": 1, "conflicts": 1},
        "vannas": {"supports": 2},
    }
    assert "umea: 2 areas (supports 1, conflicts 1)" in controller.last_message[0]

    select(sample_layer, SELECTION)  # the lookup selected the goal's areas
    bar.choose_organisation("vannas")
    controller.refresh_coverage(wait=True)
    assert controller.scope.organisation == "vannas"
    item = _goal_item(dock, GOAL)
    # only Vännäs's links: one of the three selected areas, supporting; two areas of the layer
    assert item.checkState() == Qt.CheckState.PartiallyChecked
    assert item.data(SELECTED_COUNT_ROLE) == 1
    assert dock.view.model.badge(GOAL) == "2" and "Supports, strength 2" in item.toolTip()
    assert "umea" not in item.toolTip()
    hover = dock.tooltip_filter.text_for(GOAL)  # the selected areas' links, on hover: Vännäs's only
    assert "<b>EK-003</b>" in hover and "EK-001" not in hover
    assert item.data(LAYER_COUNT_ROLE) == 2
    assert item_state(dock, OTHER) == Qt.CheckState.PartiallyChecked
    controller.actions.reverse_lookup(GOAL)
    assert controller.actions.last_lookup.feature_count == 2
    assert set(controller.actions.last_lookup.by_organisation) == {"vannas"}
    assert sorted(sample_layer.getFeature(f)["omr_id"] for f in sample_layer.selectedFeatureIds()) == [
        "EK-003",
        "EK-004",
    ]

    # a tick with the filter on writes as the user's own organisation (none, in a GeoPackage), as ever
    select(sample_layer, "\"omr_id\" = 'EK-010'")
    tick(dock, GOAL)
    assert [(x.feature_key, x.organisation) for x in store.links_for_keys(uid, ["EK-010"])] == [("EK-010", "")]

    bar.choose_organisation(None)
    controller.refresh_coverage(wait=True)
    assert _goal_item(dock, GOAL).data(LAYER_COUNT_ROLE) == 5
    combo = bar.organisation_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All organisations",
        "no organisation",
        "umea",
        "vannas",
    ]


def test_a_saved_stage_is_shown_read_only_after_later_edits_and_now_comes_back(ready_dock, sample_layer, store):
    dock = ready_dock
    controller, view, bar = dock.controller, dock.view, dock.view.scope_bar
    uid = controller.record.layer_uid
    store.link(uid, ["EK-001", "EK-002"], [GOAL], LinkSpec("supports", 3, "Förtätning"), "anna")
    save_stage(store, [sample_layer], "Samråd 2026", "Efter samrådet", "anna")
    # the plan is reworked after the stage was saved
    store.update_link(uid, "EK-001", GOAL, "anna", stance="conflicts", strength=1)
    store.unlink(uid, ["EK-002"], [GOAL], "anna")
    store.link(uid, ["EK-001", "EK-002", "EK-003"], [OTHER], LinkSpec(), "anna")
    controller.reload_links()
    wait_tasks()
    select(sample_layer, SELECTION)
    assert "Conflicts, strength 1" in _goal_item(dock, GOAL).toolTip()

    # saved while the panel was open: listed when the chooser opens
    stages = bar.stage_combo
    assert [stages.itemText(i) for i in range(stages.count())] == ["Current links"]
    stages.showPopup()
    stages.hidePopup()
    assert [stages.itemText(i) for i in range(stages.count())] == ["Current links", "Samråd 2026"]
    assert "anna" in stages.itemData(1, Qt.ItemDataRole.ToolTipRole)
    assert "Efter samrådet" in stages.itemData(1, Qt.ItemDataRole.ToolTipRole)

    bar.choose_stage("Samråd 2026")
    controller.refresh_coverage(wait=True)
    item = _goal_item(dock, GOAL)
    assert item.checkState() == Qt.CheckState.PartiallyChecked and item.data(SELECTED_COUNT_ROLE) == 2
    assert dock.view.model.badge(GOAL) == "3" and "Supports, strength 3" in item.toolTip()
    assert item_state(dock, OTHER) == Qt.CheckState.Unchecked
    assert item.data(LAYER_COUNT_ROLE) == 2 and _goal_item(dock, OTHER).data(LAYER_COUNT_ROLE) == 0
    assert not bar.note_label.isHidden()
    assert bar.note_label.text() == "Plan stage Samråd 2026 is shown – read-only"
    assert not view.editor_box.isEnabled()
    assert not item.isCheckable()
    for action in (view.edit_action, view.accept_suggestion_action, view.dismiss_suggestion_action):
        assert not action.isEnabled()
    assert not view.undo_action.isEnabled()
    assert "when the stage was saved" in view.hint_label.text()
    assert "<b>EK-001</b>: Supports, strength 3" in dock.tooltip_filter.text_for(GOAL)  # the hover, as frozen

    # a tick is refused: nothing written, the check still shows the stage
    before = store.links(layer_uids=[uid])
    index = view.proxy.mapFromSource(view.model.index_of(OTHER))
    assert not view.proxy.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    controller.actions.set_goal_linked(GOAL, False)
    controller.actions.edit_link()
    assert store.links(layer_uids=[uid]) == before
    assert "read-only" in controller.last_message[0]
    assert controller.actions.edit_dialog is None
    # the reverse lookup finds the stage's areas
    controller.actions.reverse_lookup(GOAL)
    assert controller.actions.last_lookup.feature_count == 2
    assert "Samråd 2026" in controller.last_message[0]
    select(sample_layer, SELECTION)

    bar.choose_stage("")
    controller.refresh_coverage(wait=True)
    item = _goal_item(dock, GOAL)
    assert "Conflicts, strength 1" in item.toolTip() and item.isCheckable()
    assert "<b>EK-001</b>: Conflicts, strength 1" in dock.tooltip_filter.text_for(GOAL)
    assert item_state(dock, OTHER) == Qt.CheckState.Checked
    assert bar.note_label.isHidden() and view.editor_box.isEnabled()
    assert view.edit_action.isEnabled() and view.undo_action.isEnabled() is False  # nothing to undo yet
    tick(dock, GOAL)
    assert {x.feature_key for x in store.links_for_keys(uid, ["EK-001", "EK-002", "EK-003"]) if x.goal_id == GOAL} == {
        "EK-001",
        "EK-002",
        "EK-003",
    }
    assert view.undo_action.isEnabled()


def test_a_stage_shows_the_hectares_frozen_with_it_not_the_areas_now(ready_dock, sample_layer, store):
    """An area enlarged after the stage was saved: the stage's hectares are the frozen ones, now's the new."""
    from territorial_plugin.gui.panel.goal_tree_model import COL_AREA, LAYER_AREA_ROLE, format_hectares

    dock = ready_dock
    controller, bar = dock.controller, dock.view.scope_bar
    uid = controller.record.layer_uid
    store.link(uid, ["EK-001", "EK-002"], [GOAL], LinkSpec("supports", 3, "Förtätning"), "anna")
    save_stage(store, [sample_layer], "Samråd 2026", "", "anna")
    controller.reload_stages()  # as opening the chooser does
    frozen = store.stage_hectares("Samråd 2026", uid)
    assert frozen["EK-001"] > 0
    fid = next(f.id() for f in sample_layer.getFeatures() if f["omr_id"] == "EK-001")
    assert sample_layer.startEditing()
    bigger = sample_layer.getFeature(fid).geometry().buffer(300, 8)
    assert sample_layer.changeGeometry(fid, bigger) and sample_layer.commitChanges()
    controller.layer_keys.build(wait=True)
    controller.refresh_coverage(wait=True)
    now = controller.layer_keys.areas["EK-001"] + controller.layer_keys.areas["EK-002"]
    assert now > frozen["EK-001"] + frozen["EK-002"] + 10
    assert _goal_item(dock, GOAL).data(LAYER_AREA_ROLE) == pytest.approx(now)

    bar.choose_stage("Samråd 2026")
    wait_tasks()  # the count the choice started
    item = _goal_item(dock, GOAL)
    assert item.data(LAYER_AREA_ROLE) == pytest.approx(frozen["EK-001"] + frozen["EK-002"])
    area_text = item.index().siblingAtColumn(COL_AREA).data()
    assert area_text == format_hectares(frozen["EK-001"] + frozen["EK-002"])

    bar.choose_stage("")
    wait_tasks()
    assert _goal_item(dock, GOAL).data(LAYER_AREA_ROLE) == pytest.approx(now)


def test_a_regions_store_fed_by_deliveries_names_its_organisations(qgis_app, tmp_path):
    """Two municipalities' deliveries: the organisations as the deliveries name them, each one's links
    apart, and each delivery listed as a stage to show."""
    from qgis.core import QgsProject

    from territorial_plugin.core.region.delivery.export import export_delivery
    from territorial_plugin.core.region.delivery.importer import import_delivery
    from territorial_plugin.core.store import open_store
    from territorial_plugin.gui.panel.link_details import organisation_names
    from territorial_plugin.gui.panel.scope.bar import ScopeBar
    from territorial_plugin.gui.panel.scope.scope import organisation_tip

    from .region_support import catalogue, municipality_layer, municipality_store

    region = open_store(str(tmp_path / "region.gpkg"), create=True)
    region.save_catalogue(*catalogue())
    uids = {}
    for organisation, name, x0 in (("umea", "Umeå kommun", 650000.0), ("vannas", "Vännäs kommun", 660000.0)):
        layer = municipality_layer(f"markanvandning_{organisation}", x0=x0)
        store, record = municipality_store(tmp_path / f"{organisation}.gpkg", layer)
        path = tmp_path / f"{organisation}-leverans.gpkg"
        export_delivery(store, [layer], organisation, name, "Samråd 2026", path, project=QgsProject.instance())
        store.close()
        import_delivery(region, path, user="regionen")
        uids[organisation] = record.layer_uid
    try:
        names = organisation_names(region)
        assert names == {"umea": "Umeå kommun", "vannas": "Vännäs kommun"}
        assert region.link_organisations() == ["umea", "vannas"]
        summary = region.goal_stances_for_keys(uids["umea"], ["A0", "A1"], by_organisation=True)
        assert [org for org, _ in summary["t:1.1"].by_organisation] == ["umea"]
        assert organisation_tip(summary["t:1.1"], names) == ""  # one organisation's areas: nothing to split
        bar = ScopeBar()
        bar.set_organisations(region.link_organisations(), names)
        combo = bar.organisation_combo
        assert not bar.organisation_combo.isHidden()
        assert [combo.itemText(i) for i in range(combo.count())] == [
            "All organisations",
            "Umeå kommun",
            "Vännäs kommun",
        ]
        bar.set_stages(region.stages())
        stages = [bar.stage_combo.itemText(i) for i in range(bar.stage_combo.count())]
        assert stages[0] == "Current links" and len(stages) == 3
        assert all(stage.startswith(("umea: ", "vannas: ")) for stage in stages[1:])
        bar.deleteLater()
    finally:
        region.close()
