"""Bulk links: the two-statement write gives the upsert's result, history and versions, also when contended.

link() locks and changes the existing pairs, then inserts the missing ones with a
plain INSERT (postgres_link_write.py). What a user notices must not change: the
counts in the message bar, row versions, one history row per change, and the
result when another writer inserts one of the same pairs at the same moment.
Store version 3 also keeps the history trigger linear for big updates late in a
session (it used to plan its join for the first, empty, update it saw).
"""

from __future__ import annotations

import threading
import time

import pytest

from territorial_plugin.core.model import LinkSpec, RegisteredLayer
from territorial_plugin.core.store.postgres import link_write as postgres_link_write
from territorial_plugin.core.store.postgres import schema as postgres_schema
from territorial_plugin.core.store.postgres.store import PostgresStore

from .pg_support import GOALS, LAYER

pytestmark = pytest.mark.postgres


def state(store) -> dict:
    return {(x.feature_key, x.goal_id): (x.stance, x.strength, x.motivation, x.row_version) for x in store.links()}


def test_counts_versions_and_history_of_a_mixed_bulk_link(admin_store):
    admin_store.link(LAYER, ["a", "b", "c"], [GOALS[0]], LinkSpec(motivation="gammal"), "anna")
    admin_store.link(LAYER, ["d"], [GOALS[0]], LinkSpec(motivation="ny"), "anna")
    before = len(admin_store.history(limit=10_000))

    result = admin_store.link(LAYER, ["c", "b", "d", "e", "a", "b"], GOALS[:2], LinkSpec(motivation="ny"), "bertil")

    # a, b, c: motivation changes on goal 0; d unchanged; e, and every key on goal 1, new
    assert (result.inserted, result.updated, result.unchanged) == (6, 3, 1)
    links = state(admin_store)
    assert links[("a", GOALS[0])] == ("supports", 2, "ny", 2)
    assert links[("d", GOALS[0])] == ("supports", 2, "ny", 1)
    assert links[("e", GOALS[1])] == ("supports", 2, "ny", 1)
    assert len(links) == 10
    history = admin_store.history(limit=10_000)[: len(admin_store.history(limit=10_000)) - before]
    assert sorted((h["operation"], h["feature_key"], h["goal_id"]) for h in history) == sorted(
        [("update", k, GOALS[0]) for k in "abc"]
        + [("insert", "e", GOALS[0])]
        + [("insert", k, GOALS[1]) for k in "abcde"]
    )
    update = next(h for h in history if h["operation"] == "update" and h["feature_key"] == "a")
    assert update["before"]["motivation"] == "gammal" and update["after"]["motivation"] == "ny"
    assert update["before"]["row_version"] == 1 and update["after"]["row_version"] == 2
    assert {h["changed_by"] for h in history} == {"bertil"}

    again = admin_store.link(LAYER, ["a", "e"], GOALS[:2], LinkSpec(motivation="ny"), "bertil")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)
    assert len(admin_store.history(limit=10_000)) == before + len(history)


def test_the_single_upsert_gives_the_same_result(admin_store, monkeypatch):
    """The fallback after contended attempts: same counts, same links as the two statements."""
    other_layer = RegisteredLayer("layer-b", "Andra", "/data/b.gpkg", "ogr", "omr_id")
    admin_store.register_layer(other_layer)
    results = {}
    for layer, attempts in ((LAYER, postgres_link_write._ATTEMPTS), (other_layer.layer_uid, 0)):
        monkeypatch.setattr(postgres_link_write, "_ATTEMPTS", attempts)
        admin_store.link(layer, ["a", "b"], [GOALS[0]], LinkSpec(motivation="gammal"), "anna")
        results[layer] = admin_store.link(layer, ["a", "b", "c"], [GOALS[0]], LinkSpec(stance="conflicts"), "bertil")
    two, one = results[LAYER], results[other_layer.layer_uid]
    assert (one.inserted, one.updated, one.unchanged) == (two.inserted, two.updated, two.unchanged) == (1, 2, 0)
    by_layer = {layer: {} for layer in results}
    for x in admin_store.links():
        by_layer[x.layer_uid][(x.feature_key, x.goal_id)] = (x.stance, x.motivation, x.row_version, x.updated_by)
    assert by_layer[LAYER] == by_layer[other_layer.layer_uid]


def _wait_until_blocked(pg_connect, seconds: float = 20.0) -> None:
    """Until a backend waits on a lock in an INSERT into link (autocommit: a fresh view each time)."""
    connection = pg_connect()
    try:
        with connection.cursor() as cur:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                cur.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    " AND query LIKE 'INSERT INTO link%' AND datname = current_database()"
                )
                if cur.fetchone()[0]:
                    return
                time.sleep(0.02)
    finally:
        connection.close()
    raise AssertionError("the bulk link never waited for the other writer")


@pytest.mark.parametrize("other_commits", [True, False])
def test_a_pair_inserted_by_another_writer_meanwhile(admin_store, pg_env, schema, other_commits, pg_connect):
    """The other writer's insert of ("k2", goal) is pending while the bulk link inserts it too.

    Committed: the bulk link's INSERT fails on the unique index, is made again and
    updates that link to its own values (as the upsert did). Rolled back: the bulk
    link inserts it. Either way no error reaches the user.
    """
    keys = [f"k{i}" for i in range(5)]
    other = pg_connect()
    other.autocommit = False
    with other.cursor() as cur:
        cur.execute(f'SET search_path TO "{schema}"')
        cur.execute(
            "INSERT INTO link (layer_uid, feature_key, goal_id, motivation, created_by, updated_by)"
            " VALUES (%s, 'k2', %s, 'deras', 'other', 'other')",
            (LAYER, GOALS[0]),
        )
    outcome: dict = {}

    def bulk() -> None:
        try:
            outcome["result"] = admin_store.link(LAYER, keys, [GOALS[0]], LinkSpec(motivation="våra"), "anna")
        except Exception as error:  # reported below
            outcome["error"] = error

    thread = threading.Thread(target=bulk)
    thread.start()
    try:
        _wait_until_blocked(pg_connect)
    finally:
        other.commit() if other_commits else other.rollback()
        other.close()
        thread.join(30)
    assert "error" not in outcome, outcome.get("error")
    result = outcome["result"]
    if other_commits:
        assert (result.inserted, result.updated, result.unchanged) == (4, 1, 0)
        assert state(admin_store)[("k2", GOALS[0])] == ("supports", 2, "våra", 2)
        history = [(h["operation"], h["changed_by"]) for h in admin_store.history() if h["feature_key"] == "k2"]
        assert history == [("update", "anna"), ("insert", pg_env["TL_PG_USER"])]  # a direct edit: its login
    else:
        assert (result.inserted, result.updated, result.unchanged) == (5, 0, 0)
        assert state(admin_store)[("k2", GOALS[0])] == ("supports", 2, "våra", 1)
    assert {k for k, _ in state(admin_store)} == set(keys)


def test_big_update_late_in_a_session_stays_fast(admin_store):
    """6 000 links changed in one statement after small writes in the same session.

    Version 2 planned the history trigger's join of old and new rows for the first
    (empty) update of the session and kept a nested loop: ~4 s here, growing with
    the square of the links. Version 3: well under a second.
    """
    keys = [f"f{i}" for i in range(6000)]
    admin_store.link(LAYER, ["warm-up"], [GOALS[0]], LinkSpec(), "anna")
    admin_store.update_link(LAYER, "warm-up", GOALS[0], "anna", strength=3)
    admin_store.link(LAYER, keys, [GOALS[1]], LinkSpec(motivation="först"), "anna")
    start = time.perf_counter()
    result = admin_store.link(LAYER, keys, [GOALS[1]], LinkSpec(motivation="sedan"), "anna")
    elapsed = time.perf_counter() - start
    assert result.updated == 6000
    assert sum(1 for h in admin_store.history(limit=20_000) if h["operation"] == "update") == 6001
    assert elapsed < 2.0, f"{elapsed:.1f} s for 6 000 updates"


def test_version_3_history_trigger(admin_store, schema, pg_connect):
    with pg_connect() as connection, connection.cursor() as cur:
        cur.execute(
            "SELECT p.proconfig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname = %s AND p.proname = 'link_changed'",
            (schema,),
        )
        assert "enable_nestloop=off" in cur.fetchone()[0]
    connection.close()
    assert postgres_schema.latest_version() >= 3


def test_upgrade_from_version_2_keeps_history_working(pg_env, schema, conninfo, pg_connect):
    """A store made by the previous plugin (version 2), with history, upgraded in place."""
    connection = pg_connect()
    connection.autocommit = False
    postgres_schema.upgrade(connection, schema, target=2)
    with connection, connection.cursor() as cur:
        cur.execute(f'SET search_path TO "{schema}"')
        cur.execute("INSERT INTO catalogue (id, name, level) VALUES ('rus', 'RUS', 'regional')")
        cur.execute("INSERT INTO goal (id, catalogue_id, code) VALUES ('rus:1', 'rus', '1')")
        cur.execute("INSERT INTO registered_layer (layer_uid, key_field) VALUES ('L', 'omr_id')")
        cur.execute("INSERT INTO link (layer_uid, feature_key, goal_id, motivation) VALUES ('L', 'k', 'rus:1', 'v2')")
        cur.execute("UPDATE link SET motivation = 'v2 igen'")
    connection.close()
    uri = f"{conninfo()}?schema={schema}"
    with PostgresStore.open(uri, create=True) as store:
        assert store.schema_version() == postgres_schema.latest_version()
        old = [(h["operation"], h["after"]["motivation"]) for h in store.history()]
        assert old == [("update", "v2 igen"), ("insert", "v2")]
        store.link("L", ["k", "m"], ["rus:1"], LinkSpec(motivation="v3"), "anna")
        store.unlink("L", ["m"], ["rus:1"], "anna")
        history = store.history()
        assert [(h["operation"], h["feature_key"], h["changed_by"]) for h in history[:3]] == [
            ("delete", "m", "anna"),
            ("insert", "m", "anna"),
            ("update", "k", "anna"),
        ]
        assert history[2]["before"] == {
            "goal_id": "rus:1",
            "stance": "supports",
            "strength": 2,
            "motivation": "v2 igen",
            "organisation": "",
            "row_version": 2,
        }
        assert history[2]["after"]["motivation"] == "v3" and history[2]["after"]["row_version"] == 3
        with store._conn, store._conn.cursor() as cur:
            cur.execute("SELECT DISTINCT db_user FROM link_history")
            assert [row[0] for row in cur.fetchall()] == [pg_env["TL_PG_USER"]]
