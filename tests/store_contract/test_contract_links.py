"""Link, unlink, update and the queries the panel and exports use."""

from __future__ import annotations

import pytest

from territorial_plugin.core.errors import ConflictError, StoreError
from territorial_plugin.core.model import Link, LinkSpec

from .contract_data import LAYER_UID, OTHER_UID, counts_for


def test_link_every_key_to_every_goal(store):
    result = store.link(LAYER_UID, ["a", "b", "c"], ["test:1", "test:2"], LinkSpec(motivation="Bostäder"), "anna")
    assert result.inserted == 6
    links = store.links_for_keys(LAYER_UID, ["a", "b", "c"])
    assert {(x.feature_key, x.goal_id) for x in links} == {(k, g) for k in "abc" for g in ("test:1", "test:2")}
    assert all(x.motivation == "Bostäder" and x.created_by == "anna" and x.stance == "supports" for x in links)
    assert all(x.created_at and x.updated_at for x in links)


def test_linking_again_never_duplicates_and_updates_the_spec(store):
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec(), "anna")
    result = store.link(LAYER_UID, ["a", "b", "c"], ["test:1"], LinkSpec(stance="conflicts", strength=3), "bo")
    assert (result.inserted, result.updated, result.unchanged) == (1, 2, 0)
    links = store.links(layer_uids=[LAYER_UID])
    assert len(links) == 3
    a = next(x for x in links if x.feature_key == "a")
    assert (a.stance, a.strength, a.created_by, a.updated_by, a.row_version) == ("conflicts", 3, "anna", "bo", 2)
    again = store.link(LAYER_UID, ["a"], ["test:1"], LinkSpec(stance="conflicts", strength=3), "bo")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1)


def test_keys_are_per_layer(store):
    store.link(LAYER_UID, ["1"], ["test:1"], LinkSpec(), "anna")
    store.link(OTHER_UID, ["1"], ["test:2"], LinkSpec(), "anna")
    assert [x.goal_id for x in store.links_for_keys(LAYER_UID, ["1"])] == ["test:1"]
    assert [x.goal_id for x in store.links_for_keys(OTHER_UID, ["1"])] == ["test:2"]
    assert store.keys_for_goal("test:1") == {LAYER_UID: ["1"]}


def test_unlink_by_keys_goals_or_all(store):
    store.link(LAYER_UID, ["a", "b", "c"], ["test:1", "test:2"], LinkSpec(), "anna")
    assert store.unlink(LAYER_UID, ["a"], ["test:1"], "bo").deleted == 1
    assert store.unlink(LAYER_UID, None, ["test:2"], "bo").deleted == 3
    assert {(x.feature_key, x.goal_id) for x in store.links()} == {("b", "test:1"), ("c", "test:1")}
    assert store.unlink(LAYER_UID, ["b"], None, "bo").deleted == 1
    assert store.unlink(LAYER_UID, None, None, "bo").deleted == 1
    assert store.links() == []


def test_counts_and_reverse_lookup(store):
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec(), "anna")
    store.link(LAYER_UID, ["b"], ["test:2"], LinkSpec(), "anna")
    assert counts_for(store, LAYER_UID, ["a", "b", "x"]) == {"test:1": 2, "test:2": 1}
    assert counts_for(store, LAYER_UID, []) == {}
    assert store.keys_for_goal("test:1", LAYER_UID) == {LAYER_UID: ["a", "b"]}
    assert store.keys_for_goal("test:1.1") == {}
    assert store.linked_keys(LAYER_UID) == {"a", "b"}
    assert [x.goal_id for x in store.links(goal_ids=["test:2"])] == ["test:2"]


def test_update_link_with_optimistic_version(store):
    store.link(LAYER_UID, ["a"], ["test:1"], LinkSpec(), "anna")
    link = store.links_for_keys(LAYER_UID, ["a"])[0]
    changed = store.update_link(LAYER_UID, "a", "test:1", "bo", motivation="Ny text", expected_version=link.row_version)
    assert (changed.motivation, changed.updated_by, changed.row_version) == ("Ny text", "bo", link.row_version + 1)
    with pytest.raises(ConflictError):
        store.update_link(LAYER_UID, "a", "test:1", "cecilia", strength=0, expected_version=link.row_version)
    assert store.links_for_keys(LAYER_UID, ["a"])[0].strength == 2
    with pytest.raises(StoreError):
        store.update_link(LAYER_UID, "zzz", "test:1", "bo", strength=1)


def test_replace_links_restores_a_previous_state(store):
    """What undo does: capture, change, put back — creator and motivation come back too."""
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec(motivation="Först"), "anna")
    before = store.links_for_keys(LAYER_UID, ["a", "b", "c"])
    store.unlink(LAYER_UID, ["a"], ["test:1"], "bo")
    store.link(LAYER_UID, ["b", "c"], ["test:1", "test:2"], LinkSpec(stance="conflicts"), "bo")
    result = store.replace_links(LAYER_UID, ["a", "b", "c"], ["test:1", "test:2"], before, "bo")
    assert result.changed > 0
    after = store.links_for_keys(LAYER_UID, ["a", "b", "c"])
    strip = {(x.feature_key, x.goal_id, x.stance, x.strength, x.motivation, x.created_by) for x in after}
    assert strip == {(x.feature_key, x.goal_id, x.stance, x.strength, x.motivation, x.created_by) for x in before}
    # redo
    store.replace_links(LAYER_UID, ["a"], ["test:1"], [], "bo")
    assert {x.feature_key for x in store.links_for_keys(LAYER_UID, ["a", "b"])} == {"b"}


def test_replace_links_refuses_rows_of_another_layer(store):
    row = Link(OTHER_UID, "a", "test:1")
    with pytest.raises(StoreError):
        store.replace_links(LAYER_UID, ["a"], ["test:1"], [row], "bo")
    assert store.links() == []


def test_large_key_sets(store):
    keys = [f"k{i}" for i in range(20000)]
    assert store.link(LAYER_UID, keys, ["test:1"], LinkSpec(), "anna").inserted == 20000
    assert len(store.links_for_keys(LAYER_UID, keys[:15000])) == 15000
    assert counts_for(store, LAYER_UID, keys) == {"test:1": 20000}
    assert store.unlink(LAYER_UID, keys[::2], None, "anna").deleted == 10000


def test_integer_keys_are_stored_as_text(store):
    store.link(LAYER_UID, [7, 8], ["test:1"], LinkSpec(), "anna")
    assert store.linked_keys(LAYER_UID) == {"7", "8"}
    assert len(store.links_for_keys(LAYER_UID, ["7"])) == 1


def test_all_links_come_in_byte_order_of_layer_goal_key(store):
    """Both engines return links() in the same order: code point order (bytes of UTF-8), not the locale's."""
    keys = ["b", "B", "å", "ä", "z", "Ö", "10", "9", "🙂", "a b"]
    store.link(LAYER_UID, keys, ["test:2", "test:1"], LinkSpec(), "anna")
    store.link(OTHER_UID, ["x"], ["test:1"], LinkSpec(), "anna")
    got = [(x.layer_uid, x.goal_id, x.feature_key) for x in store.links()]
    expected = sorted([(LAYER_UID, g, k) for k in keys for g in ("test:1", "test:2")] + [(OTHER_UID, "test:1", "x")])
    assert got == expected
    assert [x.feature_key for x in store.links(goal_ids=["test:1"], layer_uids=[LAYER_UID])] == sorted(keys)


def test_the_selection_shows_how_each_goal_is_linked(store):
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec("supports", 3, ""), "anna")
    store.link(LAYER_UID, ["c"], ["test:1"], LinkSpec("conflicts", 1, ""), "anna")
    store.link(LAYER_UID, ["a"], ["test:2"], LinkSpec("neutral", 0, ""), "anna")
    store.link(LAYER_UID, ["b"], ["test:1.1"], LinkSpec("neutral", 1, ""), "anna")
    store.link(LAYER_UID, ["c"], ["test:1.1"], LinkSpec("supports", 1, ""), "anna")  # a tie: supports first
    store.link(OTHER_UID, ["b"], ["test:2"], LinkSpec("conflicts", 2, ""), "anna")  # another layer
    summary = store.goal_stances_for_keys(LAYER_UID, ["a", "b", "c", "nothing"])
    assert set(summary) == {"test:1", "test:1.1", "test:2"}
    assert summary["test:1.1"].stances == (("supports", 1), ("neutral", 1))
    mixed = summary["test:1"]
    assert (mixed.count, mixed.stance, mixed.stances) == (3, "mixed", (("supports", 2), ("conflicts", 1)))
    assert (mixed.min_strength, mixed.max_strength) == (1, 3)
    one = summary["test:2"]
    assert (one.count, one.stance, one.min_strength, one.max_strength) == (1, "neutral", 0, 0)
    assert {goal: s.count for goal, s in summary.items()} == {"test:1": 3, "test:1.1": 2, "test:2": 1}
    assert store.goal_stances_for_keys(LAYER_UID, []) == {}


def _organisation_links(store) -> None:
    """Links of two organisations on one layer, and one of no organisation (as a region's store holds them)."""
    rows = [
        Link(LAYER_UID, "a", "test:1", "supports", 3, "", "umea"),
        Link(LAYER_UID, "b", "test:1", "conflicts", 1, "", "umea"),
        Link(LAYER_UID, "c", "test:1", "supports", 2, "", "vannas"),
        Link(LAYER_UID, "d", "test:1", "supports", 1, "", ""),
        Link(LAYER_UID, "c", "test:2", "neutral", 0, "", "vannas"),
        Link(OTHER_UID, "x", "test:1", "conflicts", 2, "", "robertsfors"),
    ]
    for uid in (LAYER_UID, OTHER_UID):
        mine = [row for row in rows if row.layer_uid == uid]
        store.replace_links(uid, {row.feature_key for row in mine}, ["test:1", "test:2"], mine, "region")


def test_the_selection_is_also_summed_up_per_organisation(store):
    _organisation_links(store)
    plain = store.goal_stances_for_keys(LAYER_UID, ["a", "b", "c", "d"])
    assert plain["test:1"].by_organisation == ()  # not asked for: the single-organisation read
    summary = store.goal_stances_for_keys(LAYER_UID, ["a", "b", "c", "d"], by_organisation=True)
    assert {goal: (s.count, s.stances) for goal, s in summary.items()} == {
        goal: (s.count, s.stances) for goal, s in plain.items()
    }
    goal = summary["test:1"]
    assert (goal.count, goal.stances) == (4, (("supports", 3), ("conflicts", 1)))
    by_org = dict(goal.by_organisation)
    assert [org for org, _ in goal.by_organisation] == ["umea", "", "vannas"]  # most areas first, then by id
    assert (by_org["umea"].count, by_org["umea"].stance, by_org["umea"].stances) == (
        2,
        "mixed",
        (("supports", 1), ("conflicts", 1)),
    )
    assert (by_org["umea"].min_strength, by_org["umea"].max_strength) == (1, 3)
    assert (by_org["vannas"].count, by_org["vannas"].stance) == (1, "supports")
    assert goal.of_organisation("") == by_org[""] and goal.of_organisation("robertsfors") is None
    # one organisation: the same figures once more, no breakdown to show
    only = summary["test:2"]
    assert only.by_organisation == (("vannas", only.of_organisation("vannas")),)
    assert only.of_organisation("vannas").stances == only.stances == (("neutral", 1),)


def test_link_stances_of_one_organisation_and_the_organisations_of_the_links(store):
    _organisation_links(store)
    assert sorted(store.link_stances(LAYER_UID)) == [
        ("a", "test:1", "supports"),
        ("b", "test:1", "conflicts"),
        ("c", "test:1", "supports"),
        ("c", "test:2", "neutral"),
        ("d", "test:1", "supports"),
    ]
    assert sorted(store.link_stances(LAYER_UID, organisation="umea")) == [
        ("a", "test:1", "supports"),
        ("b", "test:1", "conflicts"),
    ]
    assert store.link_stances(LAYER_UID, organisation="") == [("d", "test:1", "supports")]
    assert store.link_stances(LAYER_UID, organisation="robertsfors") == []
    assert store.link_organisations() == ["", "robertsfors", "umea", "vannas"]


def test_narrow_link_reads_say_the_stance_and_whose(store):
    store.link(LAYER_UID, ["a", "b"], ["test:1"], LinkSpec(stance="conflicts"), "anna")
    store.link(LAYER_UID, ["b"], ["test:2"], LinkSpec(), "anna")
    store.link(OTHER_UID, ["a"], ["test:1"], LinkSpec(), "anna")
    full = [(x.feature_key, x.goal_id, x.stance, x.organisation) for x in store.links(layer_uids=[LAYER_UID])]
    assert sorted(store.link_stances_with_organisation(LAYER_UID)) == sorted(full)
    assert sorted(store.link_stances(LAYER_UID)) == [("a", "test:1", "conflicts"), ("b", "test:1", "conflicts"),
                                                     ("b", "test:2", "supports")]  # fmt: skip
    assert store.link_stances_with_organisation("layer-none") == []
