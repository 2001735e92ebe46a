"""Injection attempts through every text a user types change nothing they should not.

The store binds values and quotes identifiers; here hostile layer names, field
names, keys, motivations, catalogue titles, organisation names and role names
go in, and the database around the store is compared before and after.
"""

from __future__ import annotations

import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import Catalogue, Goal, LinkSpec, RegisteredLayer

from .pg_support import GOALS, LAYER

pytestmark = pytest.mark.postgres

ATTACKS = [
    "x'); DROP TABLE link; --",
    "'; DELETE FROM link_history; SELECT '",
    '"; DROP SCHEMA public CASCADE; --',
    "x\\'; TRUNCATE catalogue; --",
    "$$; DROP TABLE goal; $$",
    "1; ALTER ROLE CURRENT_USER SUPERUSER",
    "%(user)s %s {schema} @schema@",
    "Robert'); NOTIFY evil, 'x'; --",
]


def snapshot(pg_connect, schema: str) -> dict:
    """What must not change: objects of the schema, the canary table, the roles of the cluster."""
    connection = pg_connect()
    with connection.cursor() as cur:
        cur.execute(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %s ORDER BY 1",
            (schema,),
        )
        objects = cur.fetchall()
        cur.execute("SELECT count(*), string_agg(v, ',' ORDER BY v) FROM public.tl_canary")
        canary = cur.fetchone()
        cur.execute("SELECT rolname, rolsuper, rolcreaterole FROM pg_roles ORDER BY 1")
        roles = cur.fetchall()
        cur.execute(f'SELECT count(*) FROM "{schema}".catalogue')
        catalogues = cur.fetchone()[0]
    connection.close()
    return {"objects": objects, "canary": canary, "roles": roles, "catalogues": catalogues}


@pytest.fixture
def canary(pg_connect):
    connection = pg_connect()
    with connection.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS public.tl_canary (v text)")
        cur.execute("TRUNCATE public.tl_canary")
        cur.execute("INSERT INTO public.tl_canary VALUES ('a'), ('b')")
    connection.close()


@pytest.mark.parametrize("attack", ATTACKS)
def test_hostile_text_is_stored_as_text_and_changes_nothing_else(schema, admin_store, canary, attack, pg_connect):
    store = admin_store
    store.link(LAYER, ["safe"], [GOALS[0]], LinkSpec(), "anna")
    before = snapshot(pg_connect, schema)

    uid = "uid " + attack
    store.register_layer(RegisteredLayer(uid, attack, attack, "ogr", attack, attack, attack))
    store.save_catalogue(
        Catalogue("evil", attack, issuer=attack, level="regional", source=attack, description=attack),
        [Goal(f"evil:{attack}", "evil", attack, None, attack, attack, attack, kind=attack)],
    )
    goal = f"evil:{attack}"
    store.link(uid, [attack], [goal, GOALS[1]], LinkSpec(motivation=attack), attack)
    store.update_link(uid, attack, goal, attack, motivation=attack + attack)
    store.unlink(uid, [attack], [GOALS[1]], attack)
    assert store.keys_for_goal(goal) == {uid: [attack]}
    assert store.layer(uid).key_field == attack
    assert store.catalogue("evil").name == attack
    assert store.links_for_keys(uid, [attack])[0].motivation == attack + attack
    assert store.history(layer_uid=uid)[0]["changed_by"] == attack
    with pytest.raises(StoreError):  # the role must exist; its name is quoted, never executed
        store.add_member("nobody", attack)

    after = snapshot(pg_connect, schema)
    assert after["objects"] == before["objects"]
    assert after["canary"] == before["canary"] == (2, "a,b")
    assert after["roles"] == before["roles"]
    assert after["catalogues"] == before["catalogues"] + 1
    assert [x.feature_key for x in store.links_for_keys(LAYER, ["safe"])] == ["safe"]


def test_hostile_organisation_names_and_role_names(schema, admin_store, canary, pg_connect):
    before = snapshot(pg_connect, schema)
    for attack in ATTACKS[:3]:
        with pytest.raises(StoreError):
            admin_store.create_organisation(attack, "x", "municipality")
        with pytest.raises(StoreError):
            admin_store.create_organisation("ok_id", "x", attack)
    after = snapshot(pg_connect, schema)
    assert after == before
    role = admin_store.create_organisation("umea", ATTACKS[0], "municipality")
    assert role == f"{schema}_umea"
    assert admin_store.organisations()[0].name == ATTACKS[0]
    with pytest.raises(StoreError):
        admin_store.add_member("umea", f'{schema}_x"; DROP ROLE "{role}')
    assert [o.role_name for o in admin_store.organisations()] == [role]
    assert snapshot(pg_connect, schema)["canary"] == (2, "a,b")
