"""build_links: the fast path the engines read many links through must give what Link(*row) gives."""

from __future__ import annotations

import gc
from dataclasses import fields

from territorial_plugin.core.model import Link
from territorial_plugin.core.store import checks
from territorial_plugin.core.store.checks import build_links
from territorial_plugin.core.store.postgres.rows import _iso

ROWS = [
    ("L", "k1", "g:1", "supports", 2, "Bostäder – 'citat'; --", "kommun", "anna", "2026-01-01T10:00:00.000Z",
     "bo", "2026-01-02T10:00:00.000Z", 3),
    ("L", "k2", "g:1", "conflicts", 0, "", "", "anna", "2026-01-01T10:00:00.000Z", "anna",
     "2026-01-01T10:00:00.000Z", 1),
]  # fmt: skip


def test_equal_and_hash_as_the_dataclass():
    built = build_links(ROWS)
    assert built == [Link(*row) for row in ROWS]
    assert {hash(x) for x in built} == {hash(Link(*row)) for row in ROWS}
    assert repr(built[0]) == repr(Link(*ROWS[0]))
    # every field of Link is filled: a field added to the model must be added here too
    assert list(built[0].__dict__) == [f.name for f in fields(Link)]


def test_layer_given_rows_without_it():
    assert build_links([row[1:] for row in ROWS], layer_uid="L") == [Link(*row) for row in ROWS]


def test_timestamps_reshaped_per_value():
    calls = []

    def stamp(text: str) -> str:
        calls.append(text)
        return _iso(text)

    raw = "2026-11-26 09:13:57.078123+00"
    rows = [("L", f"k{i}", "g:1", "supports", 2, "", "", "a", raw, "a", raw, 1) for i in range(100)]
    built = build_links(rows, timestamp=stamp)
    assert {x.created_at for x in built} == {"2026-11-26T09:13:57.078Z"}
    assert calls == [raw]  # once, not twice per row


def test_collector_state_restored_and_unique_values_bounded(monkeypatch):
    monkeypatch.setattr(checks, "_SHARED_MAX", 10)
    rows = [("L", f"k{i}", "g:1", "supports", 2, f"unique {i}", "", "a", "t", "a", "t", 1) for i in range(50)]
    assert gc.isenabled()
    assert [x.motivation for x in build_links(rows)] == [f"unique {i}" for i in range(50)]
    assert gc.isenabled()
    gc.disable()
    try:
        build_links(rows)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
