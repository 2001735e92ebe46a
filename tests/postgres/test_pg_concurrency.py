"""Two planners on the same links: conflicts are reported, other panels hear about changes."""

from __future__ import annotations

import time

import pytest

from territorial_plugin.core.errors import ConflictError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store.postgres.store import PostgresStore

from .pg_support import GOALS, LAYER

pytestmark = pytest.mark.postgres


@pytest.fixture
def second(schema, admin_store, conninfo):
    store = PostgresStore.open(f"{conninfo()}?schema={schema}")
    yield store
    store.close()


def test_second_writer_gets_a_conflict_and_nothing_is_lost(admin_store, second):
    admin_store.link(LAYER, ["7"], [GOALS[0]], LinkSpec(motivation="start"), "anna")
    loaded_by_anna = admin_store.links_for_keys(LAYER, ["7"])[0]
    loaded_by_bo = second.links_for_keys(LAYER, ["7"])[0]
    second.update_link(LAYER, "7", GOALS[0], "bo", motivation="Bos text", expected_version=loaded_by_bo.row_version)
    with pytest.raises(ConflictError, match="bo"):
        admin_store.update_link(
            LAYER, "7", GOALS[0], "anna", motivation="Annas text", expected_version=loaded_by_anna.row_version
        )
    current = admin_store.links_for_keys(LAYER, ["7"])[0]
    assert (current.motivation, current.row_version) == ("Bos text", 2)
    # After reloading, Anna's change goes through.
    done = admin_store.update_link(
        LAYER, "7", GOALS[0], "anna", motivation="Annas text", expected_version=current.row_version
    )
    assert (done.motivation, done.row_version) == ("Annas text", 3)


def test_other_sessions_hear_which_layers_changed(admin_store, second):
    assert second.poll_changes() == set()  # starts listening
    admin_store.link(LAYER, ["1", "2"], [GOALS[0]], LinkSpec(), "anna")
    admin_store.unlink(LAYER, ["1"], None, "anna")
    deadline = time.monotonic() + 5
    changed: set[str] = set()
    while not changed and time.monotonic() < deadline:
        changed = second.poll_changes()
        time.sleep(0.05)
    assert changed == {LAYER}
    time.sleep(0.2)
    second.poll_changes()  # the second transaction's notice may arrive a moment later
    assert second.poll_changes() == set()  # told once, not again
    # Its own changes are not reported back to the session that made them.
    assert admin_store.poll_changes() == set()
    admin_store.link(LAYER, ["3"], [GOALS[0]], LinkSpec(), "anna")
    time.sleep(0.2)
    assert admin_store.poll_changes() == set()
    assert admin_store.poll_changes(include_own=True) == set()  # already drained


def test_polling_is_cheap(admin_store, second):
    second.poll_changes()
    start = time.perf_counter()
    for _ in range(200):
        second.poll_changes()
    assert (time.perf_counter() - start) / 200 < 0.005  # no round trip to the server per call
