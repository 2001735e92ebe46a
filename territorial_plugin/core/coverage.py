"""Counts and hectares per goal for one layer: what the panel shows after each link.

The hectares per key come from the one pass over the layer (:mod:`.areas`), the
links from the store's narrow read (``Store.link_stances``); this module only
adds them up, so it runs anywhere (a task, a script) without touching a layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Stance


@dataclass(frozen=True)
class Coverage:
    """Per goal (linked areas of the layer, their hectares, conflicts), and the areas with no goal."""

    by_goal: dict[str, tuple[int, float, int]] = field(default_factory=dict)
    unlinked_keys: list[str] = field(default_factory=list)


def coverage_per_goal(links: Iterable[tuple[str, str, str]], areas: dict[str, float]) -> Coverage:
    """Totals over one layer's ``(feature_key, goal_id, stance)`` links; keys not in ``areas`` (orphans) are left out.

    ``areas``: hectares per key of every area of the layer. An area linked to
    several goals counts for each of them.
    """
    totals: dict[str, list] = {}
    linked: set[str] = set()
    conflicts = Stance.CONFLICTS.value
    for key, goal, stance in links:
        area = areas.get(key)
        if area is None:
            continue
        linked.add(key)
        entry = totals.setdefault(goal, [0, 0.0, 0])
        entry[0] += 1
        entry[1] += area
        if stance == conflicts:
            entry[2] += 1
    return Coverage(
        {goal: (n, area, conflicts) for goal, (n, area, conflicts) in totals.items()},
        sorted(set(areas) - linked),
    )
