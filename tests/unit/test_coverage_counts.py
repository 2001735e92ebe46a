"""Counts and hectares per goal (what the panel shows) against the obvious per-link computation."""

from __future__ import annotations

from territorial_plugin.core.coverage import coverage_per_goal

AREAS = {"A0": 1.5, "A1": 2.25, "A2": 0.125, "A3": 4.0, "A4": 0.5, "A5": 3.0}
LINKS = [
    *[(key, "t:1", "supports") for key in ("A0", "A1", "A2", "GONE")],
    *[(key, "t:2", "conflicts") for key in ("A1", "A3")],
    *[(key, "t:3", "neutral") for key in ("A2", "A3", "GONE")],
]


def test_counts_match_a_per_link_reference():
    coverage = coverage_per_goal(LINKS, AREAS)
    present = [(k, g, s) for k, g, s in LINKS if k in AREAS]  # GONE: an orphan link, left out
    expected = {
        goal: (
            sum(1 for _, g, _ in present if g == goal),
            sum(AREAS[k] for k, g, _ in present if g == goal),
            sum(1 for _, g, s in present if g == goal and s == "conflicts"),
        )
        for goal in ("t:1", "t:2", "t:3")
    }
    assert coverage.by_goal == expected
    assert coverage.by_goal["t:2"] == (2, 6.25, 2)
    assert coverage.unlinked_keys == ["A4", "A5"]


def test_a_layer_without_links_has_every_area_unlinked():
    coverage = coverage_per_goal([], AREAS)
    assert coverage.by_goal == {}
    assert coverage.unlinked_keys == sorted(AREAS)
