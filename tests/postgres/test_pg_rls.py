"""Organisations and row-level security, with real login roles of two municipalities and the region."""

from __future__ import annotations

import psycopg2
import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import LinkSpec

from ..store_contract.contract_data import counts_for
from .pg_support import GOALS, LAYER

pytestmark = pytest.mark.postgres


@pytest.fixture
def three(admin_store, login_role, open_as):
    """Municipalities A and B and the region R, one planner each; A and B have linked features."""
    admin_store.create_organisation("kommun_a", "Kommun A", "municipality")
    admin_store.create_organisation("kommun_b", "Kommun B", "municipality")
    admin_store.create_organisation("region", "Region", "region")
    users = {}
    for org, person in (("kommun_a", "anna"), ("kommun_b", "bertil"), ("region", "rut")):
        role = login_role(person)
        admin_store.add_member(org, role)
        users[org] = open_as(role)
    users["kommun_a"].link(LAYER, ["a1", "a2"], [GOALS[0]], LinkSpec(motivation="A:s motivering"), "anna")
    users["kommun_b"].link(LAYER, ["b1"], [GOALS[0], GOALS[1]], LinkSpec(), "bertil")
    yield users
    for store in users.values():
        store.close()


def test_link_gets_the_organisation_of_the_connected_role(three, admin_store):
    owners = {(link.feature_key, link.goal_id): link.organisation for link in admin_store.links()}
    assert owners == {
        ("a1", GOALS[0]): "kommun_a",
        ("a2", GOALS[0]): "kommun_a",
        ("b1", GOALS[0]): "kommun_b",
        ("b1", GOALS[1]): "kommun_b",
    }
    assert three["kommun_a"].current_organisation() == "kommun_a"
    assert admin_store.current_organisation() == ""


def test_municipality_cannot_update_or_delete_another_municipalitys_links(three, admin_store, schema, pg_connect):
    def a_links():
        return [x for x in admin_store.links() if x.organisation == "kommun_a"]

    before = a_links()
    b = three["kommun_b"]
    with pytest.raises(StoreError):
        b.update_link(LAYER, "a1", GOALS[0], "bertil", motivation="kapat")
    with pytest.raises(StoreError):
        b.link(LAYER, ["a1"], [GOALS[0]], LinkSpec(stance="conflicts"), "bertil")
    # B does not see A's links: unlinking the features removes B's own links only.
    assert b.unlink(LAYER, ["a1", "a2", "b1"], None, "bertil").deleted == 2
    assert b.replace_links(LAYER, ["a1"], [GOALS[0]], [], "bertil").deleted == 0
    assert a_links() == before

    # Straight SQL as B (a QGIS attribute table would do the same): the database refuses.
    role = f"{schema}_bertil"
    connection = pg_connect(user=role)
    with connection.cursor() as cur:
        cur.execute(f'SET search_path TO "{schema}"')
        cur.execute("UPDATE link SET motivation = 'x' WHERE organisation = 'kommun_a'")
        assert cur.rowcount == 0
        cur.execute("DELETE FROM link WHERE organisation = 'kommun_a'")
        assert cur.rowcount == 0
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute(
                "INSERT INTO link (layer_uid, feature_key, goal_id, organisation) VALUES (%s, 'x', %s, 'kommun_a')",
                (LAYER, GOALS[2]),
            )
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("INSERT INTO link_history (operation, layer_uid, feature_key, goal_id) VALUES "
                        "('delete', 'x', 'x', 'x')")  # fmt: skip
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("UPDATE link_history SET changed_by = 'someone else'")
    connection.close()
    assert a_links() == before


def test_municipality_changes_its_own_links(three, admin_store):
    a = three["kommun_a"]
    link = a.update_link(LAYER, "a1", GOALS[0], "anna", stance="conflicts", expected_version=1)
    assert (link.stance, link.organisation, link.row_version) == ("conflicts", "kommun_a", 2)
    assert a.unlink(LAYER, ["a2"], None, "anna").deleted == 1
    assert {(x.feature_key, x.organisation) for x in admin_store.links()} == {
        ("a1", "kommun_a"),
        ("b1", "kommun_b"),
    }


def test_municipality_reads_only_its_own_links_and_history_region_reads_all(three, admin_store):
    assert {x.feature_key for x in three["kommun_a"].links()} == {"a1", "a2"}
    assert {x.feature_key for x in three["kommun_b"].links()} == {"b1"}
    assert {h["feature_key"] for h in three["kommun_b"].history()} == {"b1"}
    assert three["kommun_b"].links_for_keys(LAYER, ["a1", "b1"])[0].feature_key == "b1"
    region = three["region"]
    assert {x.feature_key for x in region.links()} == {"a1", "a2", "b1"}
    assert {h["feature_key"] for h in region.history()} == {"a1", "a2", "b1"}
    assert counts_for(region, LAYER, ["a1", "a2", "b1"]) == {GOALS[0]: 3, GOALS[1]: 1}


def test_region_reads_but_cannot_change_municipal_links(three, admin_store):
    before = admin_store.links()
    region = three["region"]
    with pytest.raises(StoreError, match="kommun_a"):
        region.update_link(LAYER, "a1", GOALS[0], "rut", motivation="regionens")
    with pytest.raises(StoreError):
        region.unlink(LAYER, None, None, "rut")
    assert admin_store.links() == before
    region.link(LAYER, ["r1"], [GOALS[2]], LinkSpec(), "rut")
    assert admin_store.links_for_keys(LAYER, ["r1"])[0].organisation == "region"


def test_municipality_may_be_allowed_to_read_all(three, admin_store):
    admin_store.set_reads_all("kommun_b", True)
    assert {x.feature_key for x in three["kommun_b"].links()} == {"a1", "a2", "b1"}
    with pytest.raises(StoreError):
        three["kommun_b"].unlink(LAYER, ["a1"], None, "bertil")


def test_organisations_cannot_manage_catalogues_or_organisations(three, admin_store):
    from territorial_plugin.core.model import Catalogue, Goal

    with pytest.raises(StoreError):
        three["kommun_a"].save_catalogue(Catalogue("egen", "Egen", level="municipal"), [Goal("egen:1", "egen", "1")])
    with pytest.raises(StoreError):
        three["kommun_a"].create_organisation("kommun_c", "Kommun C", "municipality")
    assert admin_store.catalogue("egen") is None
    assert [o.id for o in admin_store.organisations()] == ["region", "kommun_a", "kommun_b"]
    # The region manages catalogues (it adopts the regional strategy).
    three["region"].save_catalogue(Catalogue("rus2", "RUS 2", level="regional"), [Goal("rus2:1", "rus2", "1")])
    assert admin_store.catalogue("rus2") is not None


def test_rules_dismissals_and_rule_history_are_per_organisation(three, admin_store):
    from territorial_plugin.core.rules.model import Rule, RuleLink

    a, b, region = three["kommun_a"], three["kommun_b"], three["region"]
    a.save_rules([Rule("Bostäder", "1 = 1", (GOALS[0],))], "anna")
    b.save_rules([Rule("Bostäder", "2 = 2", (GOALS[1],))], "bertil")  # the same name in another organisation
    assert [r.expression for r in a.rules()] == ["1 = 1"]
    assert [r.expression for r in b.rules()] == ["2 = 2"]
    assert sorted(r.expression for r in region.rules()) == ["1 = 1", "2 = 2"]  # the region reads all
    a_rule, b_rule = a.rules()[0], b.rules()[0]
    # B can neither link with A's rule nor dismiss it: A's rule is not in B's store
    with pytest.raises(StoreError):
        b.link_by_rules(LAYER, [RuleLink("b9", GOALS[0], a_rule.id, "supports", 2, "")], "bertil")
    with pytest.raises(StoreError):
        b.dismiss_rule(LAYER, a_rule.id, ["b1"], "bertil")
    assert b.link_by_rules(LAYER, [RuleLink("b9", GOALS[1], b_rule.id, "supports", 2, "")], "bertil").inserted == 1
    a.dismiss_rule(LAYER, a_rule.id, ["a3"], "anna")
    assert b.rule_dismissals(LAYER) == set() and a.rule_dismissals(LAYER) == {("a3", a_rule.id)}
    # only A takes its dismissal back; the region, which reads it, cannot delete it
    assert b.undismiss_rule(LAYER, a_rule.id, ["a3"], "bertil").deleted == 0
    assert region.undismiss_rule(LAYER, a_rule.id, ["a3"], "rut").deleted == 0
    assert a.rule_dismissals(LAYER) == {("a3", a_rule.id)}
    assert a.undismiss_rule(LAYER, a_rule.id, ["a3"], "anna").deleted == 1
    assert a.rule_dismissals(LAYER) == set()
    a.dismiss_rule(LAYER, a_rule.id, ["a3"], "anna")
    assert [h["changed_by"] for h in b.rule_history()] == ["bertil"]
    assert b.rule_marks(LAYER) == {("b9", GOALS[1]): "Bostäder"}


def test_the_panel_sees_per_organisation_only_what_the_role_may_read(three):
    """The region reads every organisation's links, so its panel offers the organisation filter and the
    selection per organisation; a municipality reads its own only, so it is offered no filter."""
    region, a = three["region"], three["kommun_a"]
    assert region.link_organisations() == ["kommun_a", "kommun_b"]
    assert a.link_organisations() == ["kommun_a"]
    summary = region.goal_stances_for_keys(LAYER, ["a1", "a2", "b1"], by_organisation=True)
    assert [(org, links.count) for org, links in summary[GOALS[0]].by_organisation] == [
        ("kommun_a", 2),
        ("kommun_b", 1),
    ]
    assert sorted(region.link_stances(LAYER, organisation="kommun_b")) == [
        ("b1", GOALS[0], "supports"),
        ("b1", GOALS[1], "supports"),
    ]
    assert a.link_stances(LAYER, organisation="kommun_b") == []
    own = a.goal_stances_for_keys(LAYER, ["a1", "a2", "b1"], by_organisation=True)
    assert [(org, links.count) for org, links in own[GOALS[0]].by_organisation] == [("kommun_a", 2)]
