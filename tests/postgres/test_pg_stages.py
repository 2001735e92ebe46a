"""Plan stages in the shared store: each organisation freezes its own links, and nobody changes a stage,
not even in plain SQL as a planner's login role."""

from __future__ import annotations

import psycopg2
import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.stages.model import StageArea, StageLayer

from .pg_support import GOALS, LAYER

pytestmark = pytest.mark.postgres

_LAYER = StageLayer(LAYER, "Markanvändning", "omr_id", 3, "EPSG:3006", "[]")


def _areas(*keys):
    return [StageArea(LAYER, key, "", 1.0, b"\x01\x02", "[]") for key in keys]


@pytest.fixture
def planners(admin_store, login_role, open_as):
    """Municipalities A and B and the region, one person each; A and B have linked features."""
    admin_store.create_organisation("kommun_a", "Kommun A", "municipality")
    admin_store.create_organisation("kommun_b", "Kommun B", "municipality")
    admin_store.create_organisation("region", "Region", "region")
    users = {}
    for org, person in (("kommun_a", "anna"), ("kommun_b", "bertil"), ("region", "rut")):
        role = login_role(person)
        admin_store.add_member(org, role)
        users[org] = (open_as(role), role)
    users["kommun_a"][0].link(LAYER, ["a1", "a2"], [GOALS[0]], LinkSpec(motivation="A"), "anna")
    users["kommun_b"][0].link(LAYER, ["b1"], [GOALS[1]], LinkSpec(), "bertil")
    return users


def test_an_organisation_freezes_its_own_links_and_the_region_reads_every_stage(planners):
    a, b, region = planners["kommun_a"][0], planners["kommun_b"][0], planners["region"][0]
    info = a.save_stage("Samråd", "", "anna", [_LAYER], _areas("a1", "a2"))
    assert (info.organisation, info.links) == ("kommun_a", 2)
    # B may use the same name: names are unique per organisation
    assert b.save_stage("Samråd", "", "bertil", [_LAYER], _areas("b1")).links == 1
    assert [s.name for s in a.stages()] == ["Samråd"] and a.stage("Samråd").organisation == "kommun_a"
    assert {s.organisation for s in region.stages()} == {"kommun_a", "kommun_b"}
    assert {x.feature_key for x in a.stage_links("Samråd")} == {"a1", "a2"}
    with pytest.raises(StoreError, match="already exists"):
        a.save_stage("Samråd", "", "anna", [_LAYER], [])


def test_a_planner_cannot_change_a_stage_in_plain_sql(planners, pg_connect, schema):
    a, role = planners["kommun_a"]
    a.save_stage("Samråd", "", "anna", [_LAYER], _areas("a1", "a2"))
    connection = pg_connect(user=role)
    refused = 0
    for statement in (
        "UPDATE stage SET note = 'ändrat'",
        "UPDATE stage SET sealed = false",
        "DELETE FROM stage",
        "UPDATE stage_link SET motivation = 'ändrat'",
        "DELETE FROM stage_link",
        "DELETE FROM stage_area",
        "TRUNCATE stage_link",
        "INSERT INTO stage_link (stage_id, layer_uid, feature_key, goal_id, stance, strength)"
        " SELECT id, layer_uid, 'x9', 'rus:1', 'supports', 1 FROM stage_layer",
    ):
        with connection.cursor() as cursor:
            cursor.execute(f'SET search_path TO "{schema}"')
            with pytest.raises(psycopg2.Error):
                cursor.execute(statement)
            refused += 1
    assert refused == 8
    assert a.stage("Samråd").links == 2 and a.stage("Samråd").note == ""
    assert [x.motivation for x in a.stage_links("Samråd")] == ["A", "A"]
