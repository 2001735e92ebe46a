"""Every change of a link leaves a history row: who, when, before, after."""

from __future__ import annotations

from territorial_plugin.core.model import LinkSpec

from .contract_data import LAYER_UID, OTHER_UID


def test_insert_update_delete_are_recorded(store):
    store.link(LAYER_UID, ["a"], ["test:1"], LinkSpec(motivation="ett"), "anna")
    store.update_link(LAYER_UID, "a", "test:1", "bo", motivation="två")
    store.unlink(LAYER_UID, ["a"], None, "cecilia")
    rows = store.history()
    assert [r["operation"] for r in rows] == ["delete", "update", "insert"]  # newest first
    assert [r["changed_by"] for r in rows] == ["cecilia", "bo", "anna"]
    delete, update, insert = rows
    assert insert["before"] is None and insert["after"]["motivation"] == "ett"
    assert update["before"]["motivation"] == "ett" and update["after"]["motivation"] == "två"
    assert delete["before"]["motivation"] == "två" and delete["after"] is None
    assert all(r["changed_at"] and r["feature_key"] == "a" and r["goal_id"] == "test:1" for r in rows)


def test_unchanged_links_leave_no_history(store):
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec(), "anna")
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec(), "anna")
    assert len(store.history()) == 2


def test_bulk_history_matches_the_change(store):
    keys = [str(i) for i in range(3000)]
    store.link(LAYER_UID, keys, ["test:1", "test:2"], LinkSpec(), "anna")
    store.link(OTHER_UID, ["x"], ["test:1"], LinkSpec(), "anna")
    assert len(store.history(layer_uid=LAYER_UID, limit=100000)) == 6000
    assert len(store.history(layer_uid=OTHER_UID)) == 1
    assert len(store.history(limit=10)) == 10


def test_migrations_and_catalogue_deletes_are_recorded(store):
    store.link(LAYER_UID, ["a"], ["test:1.1"], LinkSpec(), "anna")
    report = store.migrate_goals({"test:1.1": "test:2"}, "bo")
    assert report.moved == 1
    last = store.history(limit=1)[0]
    assert (last["operation"], last["goal_id"], last["before"]["goal_id"]) == ("update", "test:2", "test:1.1")
    store.delete_catalogue("test", delete_links=True)
    assert store.history(limit=1)[0]["operation"] == "delete"
