"""build_links: the one builder of Link values from rows of either engine."""

from __future__ import annotations

from territorial_plugin.core.model import Link
from territorial_plugin.core.store.postgres.rows import _iso
from territorial_plugin.core.store.rows import build_links

ROWS = [
    ("L", "k1", "g:1", "supports", 2, "Bostäder – 'citat'; --", "kommun", "anna", "2026-01-01T10:00:00.000Z",
     "bo", "2026-01-02T10:00:00.000Z", 3),
    ("L", "k2", "g:1", "conflicts", 0, "", "", "anna", "2026-01-01T10:00:00.000Z", "anna",
     "2026-01-01T10:00:00.000Z", 1),
]  # fmt: skip


def test_rows_in_column_order_give_the_links():
    built = build_links(ROWS)
    assert built == [Link(*row) for row in ROWS]
    assert built[0].motivation == "Bostäder – 'citat'; --" and built[0].row_version == 3


def test_layer_given_rows_without_it():
    assert build_links([row[1:] for row in ROWS], layer_uid="L") == [Link(*row) for row in ROWS]


def test_timestamps_reshaped_and_nothing_else():
    raw = ("2026-11-26 09:13:57.078123+00", "2026-11-27 10:00:00+00")
    rows = [("L", "k", "g:1", "supports", 2, "2026-11-26 09:13:57+00", "", "a", raw[0], "b", raw[1], 2)]
    (link,) = build_links(rows, timestamp=_iso)
    assert (link.created_at, link.updated_at) == ("2026-11-26T09:13:57.078Z", "2026-11-27T10:00:00.000Z")
    assert link.motivation == "2026-11-26 09:13:57+00"  # only the two timestamp columns
    assert (link.created_by, link.updated_by, link.row_version) == ("a", "b", 2)
