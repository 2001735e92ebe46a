"""Load: 8 concurrent writers × 5 000 link operations each on one shared store.

Every writer, on its own connection, mixes optimistic increments of shared
counter links (read → update_link(expected_version) → on conflict reload and
retry), bulk links and unlinks of its own features, and bulk links of features
all writers share (same rows, competing for the same locks). At the end: no
increment is lost (counters, row versions and history agree with what the
writers counted), every writer's own links are exactly what it left, and no
deadlock or other error reached a writer.
"""

from __future__ import annotations

import random
import threading
import time

import pytest

from territorial_plugin.core.errors import ConflictError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store.postgres.store import PostgresStore

from .pg_support import GOALS, LAYER

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

WRITERS = 8
OPERATIONS = 5000
COUNTERS = [f"counter-{i}" for i in range(WRITERS)]
SHARED = [f"shared-{i}" for i in range(20)]


def writer(uri: str, number: int, results: dict, errors: list) -> None:
    rng = random.Random(number)
    own: set[str] = set()
    increments = dict.fromkeys(COUNTERS, 0)
    conflicts = 0
    try:
        with PostgresStore.open(uri) as store:
            for i in range(OPERATIONS):
                kind = i % 4
                if kind == 0:
                    key = COUNTERS[(number + i) % len(COUNTERS)]
                    while True:
                        link = store.links_for_keys(LAYER, [key])[0]
                        try:
                            store.update_link(LAYER, key, GOALS[0], f"w{number}",
                                              motivation=str(int(link.motivation) + 1),
                                              expected_version=link.row_version)  # fmt: skip
                            break
                        except ConflictError:
                            conflicts += 1
                    increments[key] += 1
                elif kind == 1:
                    keys = [f"w{number}-{rng.randrange(300)}" for _ in range(5)]
                    store.link(LAYER, keys, [GOALS[1]], LinkSpec(motivation=f"w{number}"), f"w{number}")
                    own.update(keys)
                elif kind == 2:
                    keys = [f"w{number}-{rng.randrange(300)}" for _ in range(3)]
                    store.unlink(LAYER, keys, [GOALS[1]], f"w{number}")
                    own.difference_update(keys)
                else:
                    keys = rng.sample(SHARED, 10)  # shuffled: the store must order its locks itself
                    stance = ("supports", "conflicts")[rng.randrange(2)]
                    store.link(LAYER, keys, [GOALS[2]], LinkSpec(stance=stance), f"w{number}")
        results[number] = {"own": own, "increments": increments, "conflicts": conflicts}
    except Exception as error:  # reported to the test, which fails
        errors.append((number, repr(error)))


def test_eight_concurrent_writers_lose_nothing(schema, admin_store, conninfo):
    admin_store.link(LAYER, COUNTERS, [GOALS[0]], LinkSpec(motivation="0"), "setup")
    uri = f"{conninfo()}?schema={schema}"
    results: dict = {}
    errors: list = []
    threads = [threading.Thread(target=writer, args=(uri, n, results, errors)) for n in range(WRITERS)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=1500)
    elapsed = time.monotonic() - start
    assert not any(t.is_alive() for t in threads), "a writer hung"
    assert errors == []
    assert sorted(results) == list(range(WRITERS))

    counters = {x.feature_key: x for x in admin_store.links_for_keys(LAYER, COUNTERS)}
    for key in COUNTERS:
        expected = sum(r["increments"][key] for r in results.values())
        assert int(counters[key].motivation) == expected, key  # no lost update
        assert counters[key].row_version == 1 + expected
    assert sum(int(c.motivation) for c in counters.values()) == WRITERS * OPERATIONS // 4

    own_links = {x.feature_key for x in admin_store.links(goal_ids=[GOALS[1]])}
    assert own_links == set().union(*(r["own"] for r in results.values()))
    shared = admin_store.links(goal_ids=[GOALS[2]])
    assert sorted(x.feature_key for x in shared) == sorted(SHARED)
    assert {x.stance for x in shared} <= {"supports", "conflicts"}

    history = admin_store.history(layer_uid=LAYER, limit=1_000_000)
    counter_updates = [h for h in history if h["operation"] == "update" and h["feature_key"] in COUNTERS]
    assert len(counter_updates) == WRITERS * OPERATIONS // 4
    print(f"\n{WRITERS}×{OPERATIONS} operations in {elapsed:.1f} s; "
          f"{sum(r['conflicts'] for r in results.values())} optimistic conflicts retried")  # fmt: skip
