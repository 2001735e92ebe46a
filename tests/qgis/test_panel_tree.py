"""The goal tree: tri-state checks from the store, search, filters, counts and area."""

from qgis.PyQt.QtCore import Qt

from territorial_plugin.core.model import LinkSpec
from territorial_plugin.gui.panel.goal_tree_model import (
    COL_AREA,
    COL_COUNT,
    GOAL_ID_ROLE,
    LAYER_AREA_ROLE,
    LAYER_COUNT_ROLE,
    format_hectares,
    normalize,
)

from .panel_support import select, wait_tasks


def visible_goal_ids(dock) -> list[str]:
    """Goals the tree shows as matches (parents shown only for context are left out)."""
    proxy = dock.view.proxy
    result = []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if index.data(GOAL_ID_ROLE) and proxy.matches(proxy.mapToSource(index)):
                result.append(index.data(GOAL_ID_ROLE))
            walk(index)

    from qgis.PyQt.QtCore import QModelIndex

    walk(QModelIndex())
    return result


def test_tri_state_all_some_none_of_the_selection(ready_dock, sample_layer, store):
    uid = ready_dock.controller.record.layer_uid
    store.link(uid, ["EK-004", "EK-005"], ["agenda2030:11"], LinkSpec(), "test")
    store.link(uid, ["EK-004", "EK-005", "EK-006"], ["miljomal:15"], LinkSpec(), "test")
    select(sample_layer, "\"omr_id\" IN ('EK-004', 'EK-005', 'EK-006')")
    model = ready_dock.view.model
    assert model.check_state("agenda2030:11") == Qt.CheckState.PartiallyChecked
    assert model.check_state("miljomal:15") == Qt.CheckState.Checked
    assert model.check_state("agenda2030:7") == Qt.CheckState.Unchecked
    assert "3 of 43" in ready_dock.view.status_label.text()


def test_nothing_selected_means_no_checkboxes(ready_dock, sample_layer):
    sample_layer.removeSelection()
    wait_tasks()
    item = ready_dock.view.model.itemFromIndex(ready_dock.view.model.index_of("agenda2030:11"))
    assert not item.isCheckable()
    assert "Select areas" in ready_dock.view.hint_label.text()


def test_search_by_code_words_in_any_order_either_language_without_diacritics(ready_dock):
    dock = ready_dock
    dock.view.search_edit.setText("11.3")
    assert visible_goal_ids(dock) == ["agenda2030:11.3"]
    dock.view.search_edit.setText("städer hållbara")
    assert "agenda2030:11" in visible_goal_ids(dock)
    dock.view.search_edit.setText("hallbara stader")
    assert "agenda2030:11" in visible_goal_ids(dock)
    dock.view.search_edit.setText("cities sustainable")
    assert "agenda2030:11" in visible_goal_ids(dock)
    dock.view.search_edit.setText("frisk luft")
    assert visible_goal_ids(dock) == ["miljomal:2"] or "miljomal:2" in visible_goal_ids(dock)
    dock.view.search_edit.setText("zzzz")
    assert visible_goal_ids(dock) == []
    dock.view.search_edit.clear()
    assert len(visible_goal_ids(dock)) > 180


def test_normalize_strips_diacritics():
    assert normalize("Örnsköldsvik Åsele Ängsö") == "ornskoldsvik asele angso"


def test_catalogue_filter_and_linked_only_and_goals_without_areas(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, ["EK-001", "EK-002"], ["agenda2030:11"], LinkSpec(stance="conflicts"), "test")
    dock.controller.refresh_coverage(wait=True)
    dock.view.linked_only_check.setChecked(True)
    assert visible_goal_ids(dock) == ["agenda2030:11"]
    dock.view.linked_only_check.setChecked(False)
    dock.view.without_areas_check.setChecked(True)
    ids = visible_goal_ids(dock)
    assert "agenda2030:11" not in ids and "agenda2030:7" in ids
    dock.view.without_areas_check.setChecked(False)
    dock.view.catalogue_combo.setCurrentIndex(dock.view.catalogue_combo.findData("miljomal"))
    assert all(i.startswith("miljomal:") for i in visible_goal_ids(dock))


def test_per_goal_count_and_hectares_of_the_layer(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    store.link(uid, ["EK-001", "EK-002"], ["agenda2030:11"], LinkSpec(stance="conflicts"), "test")
    wait_tasks()
    dock.controller.refresh_coverage(wait=True)
    index = dock.view.model.index_of("agenda2030:11")
    assert index.data(LAYER_COUNT_ROLE) == 2
    expected = sum(dock.controller.layer_keys.areas[k] for k in ("EK-001", "EK-002"))
    assert expected > 1
    assert abs(index.data(LAYER_AREA_ROLE) - expected) < 1e-6
    count_text = dock.view.model.index(index.row(), COL_COUNT, index.parent()).data()
    assert count_text == "2"
    area_text = dock.view.model.index(index.row(), COL_AREA, index.parent()).data()
    assert area_text == format_hectares(expected) and area_text.endswith(" ha")
    tooltip = dock.view.model.index(index.row(), COL_COUNT, index.parent()).data(Qt.ItemDataRole.ToolTipRole)
    assert "2" in tooltip and "conflict" in tooltip


def test_areas_without_goals_are_one_click_away(ready_dock, sample_layer, store):
    dock = ready_dock
    uid = dock.controller.record.layer_uid
    linked = [f"EK-{n:03d}" for n in range(1, 41)]
    store.link(uid, linked, ["agenda2030:11"], LinkSpec(), "test")
    dock.controller.refresh_coverage(wait=True)
    assert "3 areas of this layer have no goal yet" in dock.view.hint_label.text()
    dock.view.hint_label.linkActivated.emit("unlinked")
    selected = sorted(f["omr_id"] for f in sample_layer.getSelectedFeatures())
    assert selected == ["EK-041", "EK-042", "EK-043"]


def test_counts_follow_a_tick_without_being_asked(ready_dock, sample_layer):
    import time

    from qgis.core import QgsApplication

    from .panel_support import tick

    select(sample_layer, "\"kategori_kod\" = 'BOST'")
    tick(ready_dock, "agenda2030:11")
    end = time.monotonic() + 0.3  # the coverage refresh is coalesced, then runs as a task
    while time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.01)
    wait_tasks()
    assert ready_dock.view.model.index_of("agenda2030:11").data(LAYER_COUNT_ROLE) == 8


def test_hectares_are_written_with_their_unit_in_the_users_locale():
    from qgis.PyQt.QtCore import QLocale

    swedish = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
    assert format_hectares(0, swedish) == ""
    assert format_hectares(2.5, swedish) == "2,50 ha"
    assert format_hectares(1234.4, swedish).replace("\u00a0", " ") == "1 234 ha"
