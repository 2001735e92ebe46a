"""Reads of a selection's links: the same Link values, in the same order, whatever the keys contain.

links_for_keys sends the keys as one array literal, fetches updated_by/updated_at
only where they differ from created_by/created_at and orders in Python; each of
these must be invisible to the caller: compared here with links() (full rows,
built by build_links) on keys a literal could trip over and on links changed by
someone other than their creator.
"""

from __future__ import annotations

import threading
import time

import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store.postgres.store import PostgresStore
from territorial_plugin.core.store.postgres import connection as postgres_connection
from territorial_plugin.core.store.postgres import parallel as postgres_parallel
from territorial_plugin.core.store.postgres import rows as postgres_rows
from territorial_plugin.core.store.postgres import store as postgres

from .conftest import GOALS, LAYER, open_as, seed
from .pg_support import admin_connection, conninfo

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
    assert admin_store.goal_counts_for_keys(LAYER, AWKWARD_KEYS) == {GOALS[2]: len(AWKWARD_KEYS)}
    assert admin_store.goal_counts_for_keys(LAYER, ["back\\slash", 'quote"inside', "nope"]) == {GOALS[2]: 2}


def test_keys_of_other_types_are_read_as_their_text(admin_store):
    admin_store.link(LAYER, ["7", "8"], [GOALS[0]], LinkSpec(), "anna")
    assert [x.feature_key for x in admin_store.links_for_keys(LAYER, [7, "8", 7])] == ["7", "8"]


def test_big_selections_share_values_and_give_the_same_links(admin_store, monkeypatch):
    keys = [f"k{i}" for i in range(50)]
    admin_store.link(LAYER, keys, GOALS, LinkSpec(motivation="Samma"), "anna")
    admin_store.update_link(LAYER, "k3", GOALS[1], "bertil", strength=3)
    lean = admin_store.links_for_keys(LAYER, keys)
    monkeypatch.setattr(postgres_rows, "_SHARE_FROM", 10)
    shared = admin_store.links_for_keys(LAYER, keys)
    assert shared == lean == expected(admin_store, keys)
    assert shared[0].motivation is shared[1].motivation  # built by build_links, equal values shared


def test_text_array_literal_round_trips(admin_store):
    def through_server(values: list[str]) -> list[str]:
        def work(cur):
            cur.execute("SELECT %s::text[]", (postgres_rows._text_array(values),))
            return cur.fetchone()[0]

        return admin_store._read(work)

    values = [*AWKWARD_KEYS, "", "\\", '"', "{}", ","]
    assert through_server(values) == values
    assert through_server([]) == []


# -- big selections: two halves at once on two connections sharing one snapshot -------------


def _many_keys(n: int) -> list[str]:
    return [f"k{i:05d}" for i in range(n)]


def _read_single(store, keys: list[str]) -> list:
    """The selection read through the store's own connection only."""
    split_from = postgres.SPLIT_FROM
    postgres.SPLIT_FROM = 10**12
    try:
        return store.links_for_keys(LAYER, keys)
    finally:
        postgres.SPLIT_FROM = split_from


@pytest.fixture
def second_halves(monkeypatch) -> list[int]:
    """Row counts of the halves the second connection read (a half it failed leaves none)."""
    read = postgres_parallel.SplitReader._read_imported
    counts: list[int] = []

    def spy(self, snapshot, query, keys):
        rows = read(self, snapshot, query, keys)
        counts.append(len(rows))
        return rows

    monkeypatch.setattr(postgres_parallel.SplitReader, "_read_imported", spy)
    return counts


def _backend_gone(pg_env, pid: int) -> bool:
    """Whether backend ``pid`` has ended (a closed connection's backend exits shortly after)."""
    connection = admin_connection(pg_env)
    try:
        with connection.cursor() as cur:
            for _ in range(100):
                cur.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,))
                if cur.fetchone()[0] == 0:
                    return True
                time.sleep(0.02)
        return False
    finally:
        connection.close()


def test_split_read_returns_what_the_single_read_returns(admin_store, second_halves):
    keys = _many_keys(postgres.SPLIT_FROM)
    admin_store.link(LAYER, keys, GOALS[:2], LinkSpec(motivation="Många"), "anna")
    admin_store.link(LAYER, AWKWARD_KEYS, GOALS, LinkSpec(motivation='Citat " och \\'), "anna")
    admin_store.update_link(LAYER, "back\\slash", GOALS[2], "bertil", stance="conflicts")
    # awkward keys sort before and after the k-keys: both halves hold some, and missing ones
    selection = [*keys[::-1], *AWKWARD_KEYS, "not-linked", "zz-not-linked", "'missing\""]

    split = admin_store.links_for_keys(LAYER, selection)

    assert len(second_halves) == 1 and second_halves[0] > 0  # the second connection read a half
    assert split == _read_single(admin_store, selection) == expected(admin_store, selection)
    assert len(split) == 2 * len(keys) + 3 * len(AWKWARD_KEYS)
    assert admin_store.goal_counts_for_keys(LAYER, selection) == {
        GOALS[0]: len(keys) + len(AWKWARD_KEYS),
        GOALS[1]: len(keys) + len(AWKWARD_KEYS),
        GOALS[2]: len(AWKWARD_KEYS),
    }
    assert len(second_halves) == 2


def test_split_read_is_one_snapshot_while_a_colleague_commits(pg_env, schema, admin_store, monkeypatch):
    keys = _many_keys(postgres.SPLIT_FROM + 2)
    admin_store.link(LAYER, keys, [GOALS[0]], LinkSpec(motivation="Före"), "anna")
    before = admin_store.links_for_keys(LAYER, keys)
    colleague = open_as(pg_env, schema, pg_env["TL_PG_USER"])
    submit = postgres_parallel.SplitReader._submit
    committed = []

    def commit_then_submit(self, snapshot, query, part):
        # After this read's snapshot is taken and before either half is read: a change
        # to keys of both halves (first and last), committed.
        colleague.link(LAYER, [keys[0], keys[-1]], [GOALS[1]], LinkSpec(), "bertil")
        colleague.update_link(LAYER, keys[-1], GOALS[0], "bertil", motivation="Efter")
        committed.append(True)
        return submit(self, snapshot, query, part)

    monkeypatch.setattr(postgres_parallel.SplitReader, "_submit", commit_then_submit)
    try:
        during = admin_store.links_for_keys(LAYER, keys)
    finally:
        monkeypatch.undo()
        colleague.close()

    assert committed
    assert during == before  # all old: neither half saw the change
    after = admin_store.links_for_keys(LAYER, keys)  # all new
    assert len(after) == len(before) + 2
    assert {(x.feature_key, x.motivation) for x in after if x.goal_id == GOALS[0]} >= {(keys[-1], "Efter")}


def test_read_falls_back_to_one_connection_when_the_second_is_refused(admin_store, monkeypatch, second_halves):
    keys = _many_keys(postgres.SPLIT_FROM)
    admin_store.link(LAYER, keys, GOALS[:2], LinkSpec(), "anna")
    wanted = _read_single(admin_store, keys)

    def refuse(target):
        raise StoreError("too many connections")

    monkeypatch.setattr(postgres_connection, "connect", refuse)
    assert admin_store.links_for_keys(LAYER, keys) == wanted
    assert admin_store.goal_counts_for_keys(LAYER, keys) == {GOALS[0]: len(keys), GOALS[1]: len(keys)}
    assert second_halves == []
    assert not admin_store._split.usable()  # not asked again for a while


def _municipality_store(pg_env, schema, admin_store, login_role):
    """(role, store opened as that role, keys): a municipality's planner with links of a big selection."""
    admin_store.create_organisation("kommun_a", "Kommun A", "municipality")
    role = login_role("anna")
    admin_store.add_member("kommun_a", role)
    anna = open_as(pg_env, schema, role)
    keys = _many_keys(postgres.SPLIT_FROM)
    try:
        anna.link(LAYER, keys, [GOALS[0]], LinkSpec(), "anna")
    except BaseException:
        anna.close()
        raise
    return role, anna, keys


def _limit_connections(pg_env, role: str, limit: int) -> None:
    with admin_connection(pg_env) as connection, connection.cursor() as cur:
        cur.execute(f'ALTER ROLE "{role}" CONNECTION LIMIT {int(limit)}')
    connection.close()


def test_read_falls_back_when_the_server_refuses_a_second_connection(pg_env, schema, admin_store, login_role):
    """A real refusal: the role may hold one connection only."""
    role, anna, keys = _municipality_store(pg_env, schema, admin_store, login_role)
    try:
        wanted = _read_single(anna, keys)
        _limit_connections(pg_env, role, 1)
        assert anna.links_for_keys(LAYER, keys) == wanted
        assert anna._split._conn is None
    finally:
        anna.close()


def test_read_survives_losing_the_second_connection(pg_env, admin_store, second_halves):
    keys = _many_keys(postgres.SPLIT_FROM)
    admin_store.link(LAYER, keys, GOALS[:2], LinkSpec(), "anna")
    wanted = admin_store.links_for_keys(LAYER, keys)
    pid = admin_store._split._conn.get_backend_pid()
    with admin_connection(pg_env) as connection, connection.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(%s)", (pid,))
    connection.close()
    assert _backend_gone(pg_env, pid)

    assert admin_store.links_for_keys(LAYER, keys) == wanted  # its half read by the store's connection
    assert admin_store.links_for_keys(LAYER, keys) == wanted  # a new second connection
    assert len(second_halves) == 2
    assert admin_store._split._conn.get_backend_pid() != pid


def test_split_read_of_a_restricted_role_sees_what_its_single_read_sees(
    pg_env, schema, admin_store, login_role, second_halves
):
    admin_store.create_organisation("kommun_a", "Kommun A", "municipality")
    admin_store.create_organisation("kommun_b", "Kommun B", "municipality")
    stores = {}
    try:
        for org, person in (("kommun_a", "anna"), ("kommun_b", "bertil")):
            role = login_role(person)
            admin_store.add_member(org, role)
            with admin_connection(pg_env) as connection, connection.cursor() as cur:
                # a role whose sessions start in Swedish time: both connections must switch to UTC
                cur.execute(f"ALTER ROLE \"{role}\" SET timezone = 'Europe/Stockholm'")
            connection.close()
            stores[org] = open_as(pg_env, schema, role)
        keys = _many_keys(postgres.SPLIT_FROM)
        stores["kommun_a"].link(LAYER, keys[::2], [GOALS[0]], LinkSpec(), "anna")
        stores["kommun_b"].link(LAYER, keys[1::2], [GOALS[0]], LinkSpec(), "bertil")

        split = stores["kommun_a"].links_for_keys(LAYER, keys)

        assert second_halves and second_halves[0] > 0
        assert split == _read_single(stores["kommun_a"], keys)
        assert [x.feature_key for x in split] == keys[::2]  # only its own organisation's links
        assert {x.organisation for x in split} == {"kommun_a"}
        assert split == [x for x in admin_store.links([LAYER]) if x.organisation == "kommun_a"]  # same UTC times
        assert stores["kommun_a"].goal_counts_for_keys(LAYER, keys) == {GOALS[0]: len(keys[::2])}
    finally:
        for store in stores.values():
            store.close()


def test_close_ends_the_second_connection(pg_env, schema):
    store = PostgresStore.open(f"{conninfo(pg_env)}?schema={schema}", create=True)
    seed(store)
    keys = _many_keys(postgres.SPLIT_FROM)
    store.link(LAYER, keys, [GOALS[0]], LinkSpec(), "anna")
    assert len(store.links_for_keys(LAYER, keys)) == len(keys)
    pids = [store._conn.get_backend_pid(), store._split._conn.get_backend_pid()]
    assert pids[0] != pids[1]

    store.close()

    assert all(_backend_gone(pg_env, pid) for pid in pids)


@pytest.fixture
def held_up_second_half(monkeypatch):
    """The second connection's half waits for ``release.set()`` (a pooler out of connections)."""
    release = threading.Event()
    read = postgres_parallel.SplitReader._read_imported

    def wait_then_read(self, snapshot, query, keys):
        release.wait(30)
        return read(self, snapshot, query, keys)

    monkeypatch.setattr(postgres_parallel, "WAIT_MIN_S", 0.05)
    monkeypatch.setattr(postgres_parallel, "CLOSE_WAIT_S", 0.2)
    monkeypatch.setattr(postgres_parallel.SplitReader, "_read_imported", wait_then_read)
    yield release
    release.set()


def test_a_held_up_second_connection_does_not_hold_up_the_read(admin_store, held_up_second_half):
    keys = _many_keys(postgres.SPLIT_FROM)
    admin_store.link(LAYER, keys, GOALS[:2], LinkSpec(), "anna")
    wanted = _read_single(admin_store, keys)

    started = time.monotonic()
    assert admin_store.links_for_keys(LAYER, keys) == wanted
    assert admin_store.links_for_keys(LAYER, keys) == wanted  # not queued behind the late half
    assert time.monotonic() - started < 5
    assert not admin_store._split.usable()

    held_up_second_half.set()  # the late half ends (its snapshot is gone: an error, dropped)
    pending = admin_store._split._pending
    pending.exception(10)
    assert admin_store._split.usable()
    assert admin_store.links_for_keys(LAYER, keys) == wanted


def test_close_with_a_held_up_second_half_returns_and_the_connection_ends(pg_env, schema, held_up_second_half):
    store = PostgresStore.open(f"{conninfo(pg_env)}?schema={schema}", create=True)
    seed(store)
    keys = _many_keys(postgres.SPLIT_FROM)
    store.link(LAYER, keys, [GOALS[0]], LinkSpec(), "anna")
    held_up_second_half.set()
    store.links_for_keys(LAYER, keys)  # opens the second connection
    pid = store._split._conn.get_backend_pid()
    held_up_second_half.clear()
    assert len(store.links_for_keys(LAYER, keys)) == len(keys)

    started = time.monotonic()
    store.close()
    assert time.monotonic() - started < 3

    held_up_second_half.set()
    assert _backend_gone(pg_env, pid)


def test_a_server_that_will_not_export_snapshots_is_read_through_one_connection(
    admin_store, monkeypatch, second_halves
):
    keys = _many_keys(postgres.SPLIT_FROM)
    admin_store.link(LAYER, keys, GOALS[:2], LinkSpec(), "anna")
    wanted = _read_single(admin_store, keys)
    # as a server that refuses pg_export_snapshot() (the function is missing here)
    monkeypatch.setattr(postgres_parallel, "_EXPORT", "SELECT pg_export_snapshot_refused()")

    assert admin_store.links_for_keys(LAYER, keys) == wanted
    assert admin_store.goal_counts_for_keys(LAYER, keys) == {GOALS[0]: len(keys), GOALS[1]: len(keys)}
    assert second_halves == []
    assert not admin_store._split.usable()


def test_change_notification_gets_the_connection_the_second_reader_held(pg_env, schema, admin_store, login_role):
    """A role allowed two connections: the store's and, once the panel polls, the listener's."""
    role, anna, keys = _municipality_store(pg_env, schema, admin_store, login_role)
    try:
        _limit_connections(pg_env, role, 2)
        wanted = anna.links_for_keys(LAYER, keys)  # the second connection takes the last one
        assert anna._split._conn is not None

        assert anna.poll_changes() == set()  # listening now, in its place
        admin_store.link(LAYER, ["other"], [GOALS[1]], LinkSpec(), "admin")
        deadline = time.monotonic() + 5
        changed: set[str] = set()
        while not changed and time.monotonic() < deadline:
            time.sleep(0.05)
            changed = anna.poll_changes()
        assert changed == {LAYER}
        assert anna.links_for_keys(LAYER, keys) == wanted  # through one connection
    finally:
        anna.close()


def test_no_worker_thread_to_be_had_reads_through_one_connection(admin_store, monkeypatch, second_halves):
    keys = _many_keys(postgres.SPLIT_FROM)
    admin_store.link(LAYER, keys, GOALS[:2], LinkSpec(), "anna")
    wanted = _read_single(admin_store, keys)

    def no_thread(*args, **kwargs):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(postgres_parallel.ThreadPoolExecutor, "submit", no_thread)
    assert admin_store.links_for_keys(LAYER, keys) == wanted
    assert second_halves == []
