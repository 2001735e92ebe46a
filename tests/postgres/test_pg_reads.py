"""Reads of a selection's links: the same Link values, in the same order, whatever the keys contain.

links_for_keys sends the keys as one array literal, fetches updated_by/updated_at
only where they differ from created_by/created_at and orders in Python; each of
these must be invisible to the caller: compared here with links() (full rows,
built by build_links) on keys a literal could trip over and on links changed by
someone other than their creator.
"""

from __future__ import annotations

import pytest

from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store import postgres_rows

from .conftest import GOALS, LAYER

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
