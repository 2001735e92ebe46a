"""Linking rules in the store: saved with history, never deleted, rule links never overwrite a planner's."""

from __future__ import annotations

import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.rules.model import Rule, RuleLink

from .conftest import LAYER_UID, OTHER_UID

HOUSING = Rule(
    "Bostäder nära station",
    '"kategori" = \'Sammanhängande bostadsbebyggelse\' AND "avst_station" < 1000',
    ("test:1", "test:2"),
    motivation='Område [% "namn" %] ligger nära stationen',
)


def _links(store, rule, keys, goals=None, motivation=None):
    return [
        RuleLink(key, goal, rule.id, rule.stance, rule.strength, motivation or rule.motivation)
        for key in keys
        for goal in goals or rule.goal_ids
    ]


def test_rules_round_trip_with_goal_order(store):
    result = store.save_rules([HOUSING, Rule("Vatten", "\"kategori\" = 'Vatten'", ("test:2",), layer="Vatten")], "anna")
    assert (result.inserted, result.updated) == (2, 0)
    rules = {rule.name: rule for rule in store.rules()}
    saved = rules["Bostäder nära station"]
    assert saved.goal_ids == ("test:1", "test:2")
    assert saved.expression == HOUSING.expression and saved.motivation == HOUSING.motivation
    assert saved.id is not None and saved.enabled
    assert rules["Vatten"].layer == "Vatten"


def test_saving_again_updates_by_name_and_keeps_others(store):
    store.save_rules([HOUSING, Rule("Vatten", "\"kategori\" = 'Vatten'", ("test:2",))], "anna")
    again = store.save_rules([HOUSING], "anna")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1)
    changed = Rule(HOUSING.name, HOUSING.expression, ("test:2", "test:1.1"), stance="conflicts", strength=1)
    assert store.save_rules([changed], "bo").updated == 1
    rules = {rule.name: rule for rule in store.rules()}
    assert rules[HOUSING.name].goal_ids == ("test:2", "test:1.1") and rules[HOUSING.name].stance == "conflicts"
    assert "Vatten" in rules  # not in the second file, still there
    history = store.rule_history()
    assert [h["operation"] for h in history] == ["update", "insert", "insert"]
    assert history[0]["before"]["stance"] == "supports" and history[0]["after"]["stance"] == "conflicts"
    assert history[0]["changed_by"] == "bo"


def test_disabled_not_deleted(store):
    store.save_rules([HOUSING], "anna")
    store.set_rule_enabled(HOUSING.name, False, "bo")
    assert store.rules(enabled_only=True) == []
    assert [r.enabled for r in store.rules()] == [False]
    assert store.rule_history()[0]["after"]["enabled"] is False
    with pytest.raises(StoreError):
        store.set_rule_enabled("ingen sådan regel", True, "bo")


def test_unknown_goal_refused_and_nothing_written(store):
    bad = Rule("Fel", "1 = 1", ("test:99",))
    with pytest.raises(StoreError, match="test:99"):
        store.save_rules([HOUSING, bad], "anna")
    assert store.rules() == [] and store.rule_history() == []


def test_bad_stance_refused(store):
    with pytest.raises(StoreError):
        store.save_rules([Rule("Fel", "1 = 1", ("test:1",), stance="stödjer")], "anna")
    assert store.rules() == []


def test_rule_links_never_overwrite_a_planners_link(store):
    store.save_rules([HOUSING], "anna")
    rule = store.rules()[0]
    store.link(LAYER_UID, ["a"], ["test:1"], LinkSpec(stance="conflicts", motivation="planerarens"), "planner")
    result = store.link_by_rules(LAYER_UID, _links(store, rule, ["a", "b"]), "regel")
    assert (result.inserted, result.unchanged) == (3, 1)
    links = {(x.feature_key, x.goal_id): x for x in store.links([LAYER_UID])}
    assert links[("a", "test:1")].stance == "conflicts" and links[("a", "test:1")].motivation == "planerarens"
    assert links[("b", "test:1")].motivation == HOUSING.motivation
    marks = store.rule_marks(LAYER_UID)
    assert marks == {("a", "test:2"): rule.name, ("b", "test:1"): rule.name, ("b", "test:2"): rule.name}
    # a second run changes nothing
    again = store.link_by_rules(LAYER_UID, _links(store, rule, ["a", "b"]), "regel")
    assert (again.inserted, again.unchanged) == (0, 4)
    inserts = [h for h in store.history() if h["operation"] == "insert"]
    assert len(inserts) == 4  # the planner's one + three by the rule


def test_a_planners_edit_makes_a_rule_link_the_planners(store):
    store.save_rules([HOUSING], "anna")
    rule = store.rules()[0]
    store.link_by_rules(LAYER_UID, _links(store, rule, ["a", "b", "c"], ["test:1"]), "regel")
    store.update_link(LAYER_UID, "a", "test:1", "planner", motivation="egen")
    store.link(LAYER_UID, ["b"], ["test:1"], LinkSpec(motivation=HOUSING.motivation), "planner")
    assert store.rule_marks(LAYER_UID) == {("c", "test:1"): rule.name}
    assert store.history(limit=1)[0]["changed_by"] == "planner"


def test_dismissals_are_kept_per_area_and_rule_and_respected(store):
    store.save_rules([HOUSING, Rule("Vatten", "1 = 1", ("test:2",))], "anna")
    housing, water = sorted(store.rules(), key=lambda r: r.name != HOUSING.name)
    assert store.dismiss_rule(LAYER_UID, housing.id, ["a", "a", "b"], "planner").inserted == 2
    assert store.dismiss_rule(LAYER_UID, housing.id, ["a"], "planner").inserted == 0
    assert store.rule_dismissals(LAYER_UID) == {("a", housing.id), ("b", housing.id)}
    assert store.rule_dismissals(OTHER_UID) == set()
    result = store.link_by_rules(
        LAYER_UID, _links(store, housing, ["a", "c"], ["test:1"]) + _links(store, water, ["a"]), "regel"
    )
    assert result.inserted == 2  # c by housing, a by water; a by housing was dismissed
    assert {(x.feature_key, x.goal_id) for x in store.links([LAYER_UID])} == {("c", "test:1"), ("a", "test:2")}


def test_a_dismissal_taken_back_is_suggested_again(store):
    store.save_rules([HOUSING, Rule("Vatten", "1 = 1", ("test:2",))], "anna")
    housing, water = sorted(store.rules(), key=lambda r: r.name != HOUSING.name)
    store.dismiss_rule(LAYER_UID, housing.id, ["a", "b", "c"], "planner")
    store.dismiss_rule(LAYER_UID, water.id, ["a"], "planner")
    history = store.rule_history()
    # only the named rule's dismissals of the named areas go; a key never dismissed is no error
    assert store.undismiss_rule(LAYER_UID, housing.id, ["a", "b", "x"], "planner").deleted == 2
    assert store.rule_dismissals(LAYER_UID) == {("c", housing.id), ("a", water.id)}
    assert store.undismiss_rule(LAYER_UID, housing.id, ["a"], "planner").deleted == 0
    assert store.undismiss_rule(OTHER_UID, water.id, ["a"], "planner").deleted == 0
    assert store.rule_history() == history  # as a dismissal, no rule history
    result = store.link_by_rules(LAYER_UID, _links(store, housing, ["a", "c"], ["test:1"]), "regel")
    assert result.inserted == 1  # a is linked again by its rule; c stays dismissed
    assert {(x.feature_key, x.goal_id) for x in store.links([LAYER_UID])} == {("a", "test:1")}


def test_rule_links_are_all_or_nothing(store):
    store.save_rules([HOUSING], "anna")
    rule = store.rules()[0]
    rows = [*_links(store, rule, ["a"]), RuleLink("b", "test:1", rule.id, "supports", 7, "")]
    with pytest.raises(StoreError):
        store.link_by_rules(LAYER_UID, rows, "regel")
    assert store.links([LAYER_UID]) == []
    with pytest.raises(StoreError):
        store.link_by_rules(LAYER_UID, [RuleLink("b", "test:1", rule.id + 100, "supports", 2, "")], "regel")
    assert store.links([LAYER_UID]) == []
