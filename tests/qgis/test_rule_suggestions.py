"""Suggestions for a selection: seen, accepted with the rule's stance and motivation, dismissed for good."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsProject

from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.rules.suggestions import accept, dismiss, suggestions

from .rules_support import NEAR, WATER, plan_layer, rules_store
from .store_layers import square


@pytest.fixture
def plan(tmp_path, qgis_app):
    layer = plan_layer(tmp_path / "plan.gpkg")
    assert QgsProject.instance().addMapLayer(layer)
    store, record = rules_store(tmp_path / "links.gpkg", layer)
    store.save_rules([NEAR, WATER], "gis")
    yield store, layer, record
    store.close()
    QgsProject.instance().removeAllMapLayers()


def _fids(layer, *keys):
    return [f.id() for f in layer.getFeatures() if f["omr_id"] in keys]


def test_select_see_accept_dismiss(plan):
    store, layer, record = plan
    store.link(record.layer_uid, ["B1"], ["t:2"], LinkSpec(stance="conflicts"), "planerare")
    selection = _fids(layer, "B1", "B2", "B3")
    seen = suggestions(store, layer, record, selection)
    assert {(s.key, s.goal_id, s.rule) for s in seen} == {
        ("B1", "t:1", NEAR.name),
        ("B3", "t:1", NEAR.name),
        ("B3", "t:2", NEAR.name),
    }
    b1 = [s for s in seen if s.key == "B1"]
    assert accept(store, record, b1, "planerare").inserted == 1
    link = next(x for x in store.links([record.layer_uid]) if (x.feature_key, x.goal_id) == ("B1", "t:1"))
    assert link.motivation.startswith("Området Östra Ängen ligger 400 m") and link.stance == "supports"
    assert store.rule_marks(record.layer_uid) == {("B1", "t:1"): NEAR.name}
    dismiss(store, record, [s for s in seen if s.key == "B3"], "planerare")
    assert suggestions(store, layer, record, selection) == []
    assert store.links([record.layer_uid], ["t:1"])[0].feature_key == "B1"  # B3 stays unlinked


def test_a_new_area_matching_a_rule_is_a_suggestion_not_a_link(plan):
    store, layer, record = plan
    assert layer.startEditing()
    feature = QgsFeature(layer.fields())
    feature.setAttribute("omr_id", "B9")
    feature.setAttribute("namn", "Nya kvarteret")
    feature.setAttribute("kategori", "Sammanhängande bostadsbebyggelse")
    feature.setAttribute("avst_station", 250)
    feature.setGeometry(square(9))
    assert layer.addFeature(feature)
    assert layer.commitChanges()
    new = _fids(layer, "B9")
    assert [(s.key, s.goal_id) for s in suggestions(store, layer, record, new)] == [("B9", "t:1"), ("B9", "t:2")]
    assert store.links([record.layer_uid]) == []
