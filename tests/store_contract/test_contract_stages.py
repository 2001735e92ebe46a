"""Plan stages: saved in one transaction, listed, read back, and read-only in the database itself."""

from __future__ import annotations

import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.stages.model import StageArea, StageLayer

from .contract_data import GOALS, LAYER_UID, OTHER_UID

# a square of 100 × 100 m (1 ha) as WKB, little endian polygon
_SQUARE = bytes.fromhex(
    "010300000001000000050000000000000000000000000000000000000000000000000059400000000000000000"
    "00000000000059400000000000005940000000000000000000000000000059400000000000000000000000000000"
    "0000"
)


def _layer(uid: str = LAYER_UID) -> StageLayer:
    return StageLayer(uid, "Markanvändning", "omr_id", 3, "EPSG:3006", '[["omr_id", 10, "text", 0, 0]]')


def _areas(keys, uid: str = LAYER_UID) -> list[StageArea]:
    return [StageArea(uid, key, f"Område {key}", 1.0, _SQUARE, f'["{key}"]') for key in keys]


@pytest.fixture
def linked(store):
    store.link(LAYER_UID, ["a1", "a2"], [GOALS[0]], LinkSpec(motivation="Samråd"), "anna")
    store.link(LAYER_UID, ["a3"], [GOALS[2]], LinkSpec(stance="conflicts", strength=3), "anna")
    store.link(OTHER_UID, ["v1"], [GOALS[0]], LinkSpec(), "anna")
    return store


def test_save_lists_who_and_when_and_freezes_the_links(linked):
    info = linked.save_stage("Samråd 2026-03", "Efter samrådet", "anna", [_layer()], _areas(["a1", "a2", "a3", "a4"]))
    assert (info.name, info.note, info.saved_by) == ("Samråd 2026-03", "Efter samrådet", "anna")
    assert info.saved_at[:4].isdigit() and (info.layers, info.areas, info.links) == (1, 4, 3)
    assert [s.name for s in linked.stages()] == ["Samråd 2026-03"]
    before = linked.links([LAYER_UID])
    linked.update_link(LAYER_UID, "a1", GOALS[0], "anna", stance="conflicts", motivation="Omarbetat")
    linked.unlink(LAYER_UID, ["a2"], None, "anna")
    linked.link(LAYER_UID, ["a4"], [GOALS[1]], LinkSpec(), "anna")
    frozen = linked.stage_links("Samråd 2026-03")
    assert [(x.feature_key, x.goal_id, x.stance, x.motivation) for x in frozen] == [
        (x.feature_key, x.goal_id, x.stance, x.motivation) for x in before
    ]
    # only the chosen layer is in the stage
    assert {x.layer_uid for x in frozen} == {LAYER_UID}
    assert [x.key for x in linked.stage_areas("Samråd 2026-03")] == ["a1", "a2", "a3", "a4"]
    assert linked.stage_areas("Samråd 2026-03")[0].wkb == _SQUARE
    assert [x.layer_uid for x in linked.stage_layers("Samråd 2026-03")] == [LAYER_UID]
    assert [(x.feature_key, x.stance) for x in linked.stage_links_for_keys("Samråd 2026-03", LAYER_UID, ["a1"])] == [
        ("a1", "supports")
    ]


def test_names_are_unique_and_a_refused_save_leaves_nothing(linked):
    linked.save_stage("Samråd", "", "anna", [_layer()], _areas(["a1"]))
    with pytest.raises(StoreError, match="already exists"):
        linked.save_stage("Samråd", "", "anna", [_layer()], _areas(["a1"]))
    with pytest.raises(StoreError, match="same key"):
        linked.save_stage("Granskning", "", "anna", [_layer()], _areas(["a1", "a1"]))
    with pytest.raises(StoreError):
        linked.save_stage("  ", "", "anna", [_layer()], [])
    assert [s.name for s in linked.stages()] == ["Samråd"]
    with pytest.raises(StoreError, match="no plan stage"):
        linked.stage_links("Granskning")


def test_a_stage_compared_with_the_store_keeps_every_layer_apart(linked):
    areas = _areas(["a1"]) + _areas(["v1"], OTHER_UID)
    linked.save_stage("Två lager", "", "anna", [_layer(), _layer(OTHER_UID)], areas)
    assert linked.stage("Två lager").links == 4
    assert [x.feature_key for x in linked.stage_links("Två lager", layer_uids=[OTHER_UID])] == ["v1"]
    assert [x.feature_key for x in linked.stage_links("Två lager", goal_ids=[GOALS[2]])] == ["a3"]


_REFUSED_STATEMENTS = (
    "UPDATE stage SET note = 'ändrat'",
    "DELETE FROM stage",
    "UPDATE stage_link SET stance = 'conflicts'",
    "DELETE FROM stage_link",
    "UPDATE stage_area SET hectares = 0",
    "DELETE FROM stage_area",
    "DELETE FROM stage_layer",
)


@pytest.mark.parametrize("statement", _REFUSED_STATEMENTS)
def test_the_database_refuses_changes_to_a_saved_stage(linked, raw_sql, statement):
    linked.save_stage("Samråd", "", "anna", [_layer()], _areas(["a1", "a2", "a3"]))
    with pytest.raises(Exception, match="read-only"):
        raw_sql(linked, statement)
    assert linked.stage("Samråd").links == 3 and linked.stage("Samråd").areas == 3
    assert linked.stage("Samråd").note == ""


def test_the_database_refuses_rows_added_to_a_saved_stage(linked, raw_sql):
    linked.save_stage("Samråd", "", "anna", [_layer()], _areas(["a1"]))
    with pytest.raises(Exception, match="read-only"):
        raw_sql(
            linked,
            "INSERT INTO stage_link (stage_id, layer_uid, feature_key, goal_id, stance, strength)"
            " SELECT id, 'layer-1', 'x9', 'test:1', 'supports', 1 FROM stage",
        )
    assert linked.stage("Samråd").links == 3


def test_the_panel_reads_a_stage_as_it_reads_the_links_now(linked):
    """Per goal for some keys, and the layer's (key, goal, stance), as frozen: later edits do not show."""
    linked.save_stage("Samråd", "", "anna", [_layer()], _areas(["a1", "a2", "a3"]))
    linked.update_link(LAYER_UID, "a1", GOALS[0], "anna", stance="conflicts")
    linked.link(LAYER_UID, ["a3"], [GOALS[1]], LinkSpec(), "anna")
    frozen = linked.goal_stances_for_keys(LAYER_UID, ["a1", "a2", "a3"], stage="Samråd", by_organisation=True)
    assert {goal: (s.count, s.stance) for goal, s in frozen.items()} == {
        GOALS[0]: (2, "supports"),
        GOALS[2]: (1, "conflicts"),
    }
    assert [org for org, _ in frozen[GOALS[0]].by_organisation] == [""]
    now = linked.goal_stances_for_keys(LAYER_UID, ["a1", "a2", "a3"])
    assert {goal: (s.count, s.stance) for goal, s in now.items()} == {
        GOALS[0]: (2, "mixed"),
        GOALS[1]: (1, "supports"),
        GOALS[2]: (1, "conflicts"),
    }
    assert sorted(linked.link_stances(LAYER_UID, stage="Samråd")) == [
        ("a1", GOALS[0], "supports"),
        ("a2", GOALS[0], "supports"),
        ("a3", GOALS[2], "conflicts"),
    ]
    assert linked.link_stances(LAYER_UID, stage="Samråd", organisation="umea") == []
    assert linked.goal_stances_for_keys(LAYER_UID, [], stage="Samråd") == {}
    with pytest.raises(StoreError):
        linked.goal_stances_for_keys(LAYER_UID, ["a1"], stage="Granskning")


def test_the_panel_reads_a_stage_s_frozen_hectares_of_one_layer(linked):
    """The hectares as saved, per key of one layer, whatever the areas measure now; another stage has its own."""
    linked.save_stage(
        "Samråd",
        "",
        "anna",
        [_layer(), _layer(OTHER_UID)],
        [
            StageArea(LAYER_UID, "a1", "", 2.5, _SQUARE, "[]"),
            StageArea(LAYER_UID, "a2", "", 40.0, None, "[]"),
            *_areas(["v1"], OTHER_UID),
        ],
    )
    linked.save_stage("Granskning", "", "anna", [_layer()], [StageArea(LAYER_UID, "a1", "", 3.0, None, "[]")])
    assert linked.stage_hectares("Samråd", LAYER_UID) == {"a1": 2.5, "a2": 40.0}
    assert linked.stage_hectares("Samråd", OTHER_UID) == {"v1": 1.0}
    assert linked.stage_hectares("Granskning", LAYER_UID) == {"a1": 3.0}
    assert linked.stage_hectares("Granskning", OTHER_UID) == {}
    with pytest.raises(StoreError):
        linked.stage_hectares("Antagande", LAYER_UID)
