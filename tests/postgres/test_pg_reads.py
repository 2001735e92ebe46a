"""Reads of a selection's links: the same Link values, in the same order, whatever the keys contain.

links_for_keys sends the keys as one array literal and orders in Python; neither
may be visible to the caller: compared here with links() on keys a literal could
trip over, on links changed by someone other than their creator, on a big
selection and for a role that sees only its own organisation's links.
"""

from __future__ import annotations

import time

import pytest

from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store.postgres import rows as postgres_rows
from territorial_plugin.core.store.postgres.store import PostgresStore

from ..store_contract.contract_data import counts_for
from .pg_support import GOALS, LAYER

pytestmark = pytest.mark.postgres

AWKWARD_KEYS = [
    'quote"inside',
    "back\\slash",
    "comma,inside",
    "{braces}",
    " spaces ",
    "NULL",
    "null",
    "'single'",
    "Åsa-Öst",
    "ärende/12",
    "z",
    "A",
    "10",
    "9",
    "emoji-🌲",
    "tab\tinside",
    "new\nline",
]


def expected(store, keys: list[str]) -> list:
    wanted = set(keys)
    links = [link for link in store.links([LAYER]) if link.feature_key in wanted]
    return sorted(links, key=lambda link: (link.feature_key, link.goal_id))


def test_selection_equals_full_rows_for_awkward_keys_and_changed_links(admin_store):
    admin_store.link(LAYER, AWKWARD_KEYS, GOALS[:2], LinkSpec(motivation="Första"), "anna")
    # changed later by someone else: updated_by and updated_at differ from created_*
    admin_store.update_link(LAYER, 'quote"inside', GOALS[0], "bertil", stance="conflicts")
    admin_store.link(LAYER, ["back\\slash", "NULL"], [GOALS[1]], LinkSpec(motivation="Andra"), "cecilia")

    selection = [*AWKWARD_KEYS[::2], "not-linked", 'quote"inside']
    got = admin_store.links_for_keys(LAYER, selection)

    assert got == expected(admin_store, selection)
    assert [(x.feature_key, x.goal_id) for x in got] == sorted((x.feature_key, x.goal_id) for x in got)
    changed = {(x.feature_key, x.goal_id): x for x in got}
    assert changed[('quote"inside', GOALS[0])].updated_by == "bertil"
    assert changed[('quote"inside', GOALS[0])].created_by == "anna"
    assert changed[('quote"inside', GOALS[0])].updated_at >= changed[('quote"inside', GOALS[0])].created_at
    assert changed[('quote"inside', GOALS[1])].updated_by == "anna"
    assert changed[('quote"inside', GOALS[1])].updated_at == changed[('quote"inside', GOALS[1])].created_at


def test_every_awkward_key_is_found_exactly(admin_store):
    admin_store.link(LAYER, AWKWARD_KEYS, [GOALS[2]], LinkSpec(), "anna")
    for key in AWKWARD_KEYS:
        assert [x.feature_key for x in admin_store.links_for_keys(LAYER, [key])] == [key]
    assert counts_for(admin_store, LAYER, AWKWARD_KEYS) == {GOALS[2]: len(AWKWARD_KEYS)}
    assert counts_for(admin_store, LAYER, ["back\\slash", 'quote"inside', "nope"]) == {GOALS[2]: 2}


def test_keys_of_other_types_are_read_as_their_text(admin_store):
    admin_store.link(LAYER, ["7", "8"], [GOALS[0]], LinkSpec(), "anna")
    assert [x.feature_key for x in admin_store.links_for_keys(LAYER, [7, "8", 7])] == ["7", "8"]


def test_text_array_literal_round_trips(admin_store):
    def through_server(values: list[str]) -> list[str]:
        def work(cur):
            cur.execute("SELECT %s::text[]", (postgres_rows._text_array(values),))
            return cur.fetchone()[0]

        return admin_store._read(work)

    values = [*AWKWARD_KEYS, "", "\\", '"', "{}", ","]
    assert through_server(values) == values
    assert through_server([]) == []


def test_a_big_selection_is_read_whole_in_key_order(admin_store):
    keys = [f"k{i:05d}" for i in range(3000)]
    admin_store.link(LAYER, keys, GOALS[:2], LinkSpec(motivation="Många"), "anna")
    admin_store.link(LAYER, AWKWARD_KEYS, GOALS, LinkSpec(motivation='Citat " och \\'), "anna")
    admin_store.update_link(LAYER, "back\\slash", GOALS[2], "bertil", stance="conflicts")
    selection = [*keys[::-1], *AWKWARD_KEYS, "not-linked", "zz-not-linked", "'missing\""]

    got = admin_store.links_for_keys(LAYER, selection)

    assert got == expected(admin_store, selection)
    assert len(got) == 2 * len(keys) + 3 * len(AWKWARD_KEYS)
    assert counts_for(admin_store, LAYER, selection) == {
        GOALS[0]: len(keys) + len(AWKWARD_KEYS),
        GOALS[1]: len(keys) + len(AWKWARD_KEYS),
        GOALS[2]: len(AWKWARD_KEYS),
    }


def test_a_restricted_role_reads_only_its_own_links_in_utc(admin_store, login_role, open_as, pg_connect):
    admin_store.create_organisation("kommun_a", "Kommun A", "municipality")
    admin_store.create_organisation("kommun_b", "Kommun B", "municipality")
    stores = {}
    for org, person in (("kommun_a", "anna"), ("kommun_b", "bertil")):
        role = login_role(person)
        admin_store.add_member(org, role)
        with pg_connect() as connection, connection.cursor() as cur:
            # a role whose sessions start in Swedish time: the store's session must switch to UTC
            cur.execute(f"ALTER ROLE \"{role}\" SET timezone = 'Europe/Stockholm'")
        stores[org] = open_as(role)
    keys = [f"k{i:05d}" for i in range(100)]
    stores["kommun_a"].link(LAYER, keys[::2], [GOALS[0]], LinkSpec(), "anna")
    stores["kommun_b"].link(LAYER, keys[1::2], [GOALS[0]], LinkSpec(), "bertil")

    got = stores["kommun_a"].links_for_keys(LAYER, keys)

    assert [x.feature_key for x in got] == keys[::2]  # only its own organisation's links
    assert got == [x for x in admin_store.links([LAYER]) if x.organisation == "kommun_a"]  # same UTC times
    assert counts_for(stores["kommun_a"], LAYER, keys) == {GOALS[0]: len(keys[::2])}


def _backend_gone(pg_connect, pid: int) -> bool:
    """Whether backend ``pid`` has ended (a closed connection's backend exits shortly after)."""
    with pg_connect().cursor() as cur:
        for _ in range(100):
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,))
            if cur.fetchone()[0] == 0:
                return True
            time.sleep(0.02)
    return False


def test_close_leaves_no_backend(conninfo, schema, seed, pg_connect):
    store = PostgresStore.open(f"{conninfo()}?schema={schema}", create=True)
    seed(store)
    store.link(LAYER, ["a", "b"], [GOALS[0]], LinkSpec(), "anna")
    assert len(store.links_for_keys(LAYER, ["a", "b"])) == 2
    assert store.poll_changes() == set()  # opens the change-notification connection
    pids = [store._conn.get_backend_pid(), store._listener.get_backend_pid()]

    store.close()

    assert all(_backend_gone(pg_connect, pid) for pid in pids)
