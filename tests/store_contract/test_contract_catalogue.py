"""Catalogues and goals as the catalogue helper uses them."""

from __future__ import annotations

import pytest

from territorial_plugin.core.errors import CatalogueError
from territorial_plugin.core.model import Catalogue, Goal, LinkSpec

from .contract_data import LAYER_UID


def test_catalogue_round_trip(store):
    cat = store.catalogue("test")
    assert (cat.name, cat.issuer, cat.level, cat.version, cat.enabled, cat.example) == (
        "Test catalogue",
        "Test",
        "national",
        "1",
        True,
        False,
    )
    assert [g.id for g in store.goals("test")] == ["test:1", "test:1.1", "test:2"]
    assert store.goals("test")[1].parent_id == "test:1"
    assert store.catalogue("none") is None


def test_enable_and_disable(store):
    store.set_catalogue_enabled("test", False)
    assert store.catalogues(include_disabled=False) == []
    assert [c.id for c in store.catalogues()] == ["test"]
    store.set_catalogue_enabled("test", True)
    assert [c.id for c in store.catalogues(include_disabled=False)] == ["test"]
    with pytest.raises(CatalogueError):
        store.set_catalogue_enabled("none", True)


def test_replace_keeps_linked_goals(store):
    store.link(LAYER_UID, ["a"], ["test:2"], LinkSpec(), "anna")
    cat = store.catalogue("test")
    new_goals = [Goal("test:1", "test", "1", None, "Mål ett (ny)"), Goal("test:3", "test", "3")]
    with pytest.raises(CatalogueError, match="test:2"):
        store.save_catalogue(cat, new_goals, replace=True)
    assert [g.id for g in store.goals("test")] == ["test:1", "test:1.1", "test:2"]
    result = store.save_catalogue(cat, [*new_goals, Goal("test:2", "test", "2", None, "Mål två")], replace=True)
    assert (result.inserted, result.deleted) == (1, 1)  # test:3 new, test:1.1 gone
    assert store.goals("test")[0].title_sv == "Mål ett (ny)"
    assert len(store.links()) == 1


def test_delete_refused_while_linked(store):
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec(), "anna")
    store.link(LAYER_UID, ["a"], ["test:2"], LinkSpec(), "anna")
    assert store.link_count_by_catalogue() == {"test": 3}
    assert store.link_count_by_goal() == {"test:1": 2, "test:2": 1}  # goals without links left out
    with pytest.raises(CatalogueError):
        store.delete_catalogue("test")
    assert store.catalogue("test") is not None
    store.delete_catalogue("test", delete_links=True)
    assert store.catalogue("test") is None and store.goals() == [] and store.links() == []


def test_migrate_goals_moves_merges_and_reports_lost(store):
    new = Catalogue(id="test2", name="Test v2", level="national", version="2", series="test")
    store.save_catalogue(new, [Goal("test2:1", "test2", "1"), Goal("test2:2", "test2", "2")])
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec(motivation="m"), "anna")
    store.link(LAYER_UID, ["a"], ["test:1.1"], LinkSpec(), "anna")  # a: test:1 and test:1.1 → test2:1
    store.link(LAYER_UID, ["b"], ["test2:1"], LinkSpec(), "anna")  # already on the target
    store.link(LAYER_UID, ["c"], ["test:2"], LinkSpec(), "anna")
    report = store.migrate_goals({"test:1": "test2:1", "test:1.1": "test2:1", "test:2": ""}, "bo")
    assert (report.moved, report.merged, report.lost) == (1, 2, {"test:2": 1})
    pairs = {(x.feature_key, x.goal_id) for x in store.links()}
    assert pairs == {("a", "test2:1"), ("b", "test2:1"), ("c", "test:2")}
    assert next(x for x in store.links() if x.feature_key == "a").motivation == "m"


def test_migrate_to_unknown_goal_changes_nothing(store):
    store.link(LAYER_UID, ["a"], ["test:1"], LinkSpec(), "anna")
    with pytest.raises(CatalogueError):
        store.migrate_goals({"test:1": "nowhere:1"}, "bo")
    assert [x.goal_id for x in store.links()] == ["test:1"]


def test_registered_layers(store):
    assert [lay.layer_uid for lay in store.layers()] == ["layer-1", "layer-2"]
    layer = store.layer("layer-1")
    assert (layer.key_field, layer.provider, layer.source) == ("omr_id", "ogr", "/data/ma.shp")
    from dataclasses import replace

    store.register_layer(replace(layer, source="/moved/ma.shp"))
    assert store.layer("layer-1").source == "/moved/ma.shp"
    assert store.layer("nope") is None
