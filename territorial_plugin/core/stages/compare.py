"""What changed between two stages of the plan (or a stage and now), as plain values.

A :class:`Snapshot` holds links and areas as plain dictionaries keyed by
``(layer uid, feature key[, goal id])``, so the comparison is a few set operations
and runs anywhere (a task, a test, a benchmark). QGIS is needed only to tell whether
an area whose WKB differs has really changed shape (:mod:`.shapes`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Link
from .model import StageArea
from .shapes import same_shape

LinkKey = tuple[str, str, str]  # layer uid, feature key, goal id
LinkState = tuple[str, int, str]  # stance, strength, motivation
AreaKey = tuple[str, str]  # layer uid, feature key

ADDED, REMOVED, CHANGED, RESHAPED = "added", "removed", "changed", "reshaped"


@dataclass(frozen=True)
class Snapshot:
    """The links and areas of the plan at one moment (a saved stage, or now)."""

    label: str
    layer_uids: frozenset[str]
    links: dict[LinkKey, LinkState]
    areas: dict[AreaKey, tuple[str, float, bytes | None]]  # name, hectares, WKB


def snapshot(label: str, layer_uids: Iterable[str], links: Iterable[tuple], areas: Iterable[StageArea]) -> Snapshot:
    """``links``: rows ``(layer_uid, feature_key, goal_id, stance, strength, motivation)``, as
    ``Store.stage_link_states`` reads them."""
    uids = frozenset(layer_uids)
    return Snapshot(
        label,
        uids,
        {(row[0], row[1], row[2]): (row[3], row[4], row[5]) for row in links if row[0] in uids},
        {(a.layer_uid, a.key): (a.name, a.hectares, a.wkb) for a in areas if a.layer_uid in uids},
    )


def link_states(links: Iterable[Link]) -> list[tuple]:
    """:class:`Link` values as the rows :func:`snapshot` takes."""
    return [(x.layer_uid, x.feature_key, x.goal_id, x.stance, x.strength, x.motivation) for x in links]


@dataclass(frozen=True)
class LinkChange:
    layer_uid: str
    key: str
    goal_id: str
    kind: str  # added, removed, changed
    before: LinkState | None
    after: LinkState | None


@dataclass(frozen=True)
class AreaChange:
    layer_uid: str
    key: str
    name: str
    kind: str  # added, removed, reshaped
    hectares_before: float | None
    hectares_after: float | None


@dataclass(frozen=True)
class GoalBalance:
    """Areas and hectares supporting and conflicting with one goal, before and after."""

    goal_id: str
    supports_before: tuple[int, float]
    supports_after: tuple[int, float]
    conflicts_before: tuple[int, float]
    conflicts_after: tuple[int, float]
    changed: bool  # a link of the goal changed, or an area linked to it was reshaped, removed or added


@dataclass(frozen=True)
class Comparison:
    before: str
    after: str
    links: tuple[LinkChange, ...]
    areas: tuple[AreaChange, ...]
    orphaned: tuple[LinkKey, ...]  # links after whose area was there before and is gone
    goals: tuple[GoalBalance, ...]

    @property
    def empty(self) -> bool:
        return not (self.links or self.areas or self.orphaned)

    def changed_goals(self) -> list[str]:
        return [balance.goal_id for balance in self.goals if balance.changed]


def _balance(links: dict[LinkKey, LinkState], areas: dict) -> dict[str, dict[str, tuple[int, float]]]:
    totals: dict[str, dict[str, list]] = {}
    for (uid, key, goal), (stance, _strength, _motivation) in links.items():
        area = areas.get((uid, key))
        if area is None:
            continue
        entry = totals.setdefault(goal, {}).setdefault(stance, [0, 0.0])
        entry[0] += 1
        entry[1] += area[1]
    return {goal: {stance: (n, ha) for stance, (n, ha) in by.items()} for goal, by in totals.items()}


def _within(snap: Snapshot, uids: set[str]) -> tuple[dict, dict]:
    if snap.layer_uids <= uids:  # the common case: nothing to leave out, no copy
        return snap.links, snap.areas
    return (
        {k: v for k, v in snap.links.items() if k[0] in uids},
        {k: v for k, v in snap.areas.items() if k[0] in uids},
    )


def compare(before: Snapshot, after: Snapshot, layer_uids: Sequence[str] | None = None) -> Comparison:
    """Every change from ``before`` to ``after``, each listed once, over the layers both hold."""
    uids = set(before.layer_uids & after.layer_uids)
    if layer_uids is not None:
        uids &= set(layer_uids)
    old_links, old_areas = _within(before, uids)
    new_links, new_areas = _within(after, uids)

    # one pass over each side, no intermediate key sets (two stages of 200 000 links each)
    link_changes = []
    new_get = new_links.get
    for k, old in old_links.items():
        new = new_get(k)
        if new is None:
            link_changes.append(LinkChange(*k, REMOVED, old, None))
        elif new != old:
            link_changes.append(LinkChange(*k, CHANGED, old, new))
    link_changes += [LinkChange(*k, ADDED, None, new) for k, new in new_links.items() if k not in old_links]
    # the same for areas: one pass over each side, each value fetched once
    area_changes = [AreaChange(*k, new[0], ADDED, None, new[1]) for k, new in new_areas.items() if k not in old_areas]
    new_area = new_areas.get
    for k, old in old_areas.items():
        new = new_area(k)
        if new is None:
            area_changes.append(AreaChange(*k, old[0], REMOVED, old[1], None))
        # the same outline written otherwise (start point, orientation, rounding) is not a reshape
        elif old[2] != new[2] and not same_shape(old[2], new[2], max(old[1], new[1])):
            area_changes.append(AreaChange(*k, new[0], RESHAPED, old[1], new[1]))
    # the two passes over every link below run only when some area changed at all
    gone = {(c.layer_uid, c.key) for c in area_changes if c.kind == REMOVED}
    orphaned = sorted(k for k in new_links if (k[0], k[1]) in gone) if gone else []

    touched_areas = {(c.layer_uid, c.key) for c in area_changes}
    touched_goals = {c.goal_id for c in link_changes} | {k[2] for k in orphaned}
    if touched_areas:
        for links in (old_links, new_links):
            touched_goals |= {k[2] for k in links if (k[0], k[1]) in touched_areas}
    old_balance, new_balance = _balance(old_links, old_areas), _balance(new_links, new_areas)
    none = (0, 0.0)
    goals = [
        GoalBalance(
            goal,
            old_balance.get(goal, {}).get("supports", none),
            new_balance.get(goal, {}).get("supports", none),
            old_balance.get(goal, {}).get("conflicts", none),
            new_balance.get(goal, {}).get("conflicts", none),
            goal in touched_goals,
        )
        for goal in sorted({k[2] for k in old_links} | {k[2] for k in new_links})
    ]
    return Comparison(
        before.label,
        after.label,
        tuple(sorted(link_changes, key=lambda c: (c.goal_id, c.layer_uid, c.key))),
        tuple(sorted(area_changes, key=lambda c: (c.layer_uid, c.key))),
        tuple(orphaned),
        tuple(goals),
    )
