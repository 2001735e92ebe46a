"""Intermunicipal goal conflicts: areas of different organisations, near each other, pulling opposite ways.

A pair is an area that supports a goal and an area of another organisation that
conflicts with the same goal, at most ``distance`` metres apart (0: touching or
overlapping). Candidates come from one ``QgsSpatialIndex`` per organisation of its conflicting
areas, queried with an area's bounding box grown by ``distance``; only those are
measured (never every pair).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from qgis.core import QgsGeometry, QgsRectangle, QgsSpatialIndex

from ..model import Link, Stance


@dataclass(frozen=True)
class RegionArea:
    """A linked area in the region's picture; ``geometry`` repaired, in EPSG:3006 (``None``: has none)."""

    organisation: str
    layer_uid: str
    feature_key: str
    name: str
    hectares: float
    geometry: QgsGeometry | None
    category: str = ""
    source_layer: str = ""


@dataclass(frozen=True)
class ConflictPair:
    """One goal, two areas of two organisations: one supports it, the other conflicts with it."""

    goal_id: str
    distance: float  # metres, 0 when they touch or overlap
    supporting: RegionArea
    conflicting: RegionArea
    supporting_motivation: str
    conflicting_motivation: str


class RegionLink(NamedTuple):
    """What the region's picture needs of a link; ``motivation`` is read only for conflict pairs."""

    layer_uid: str
    feature_key: str
    goal_id: str
    stance: str
    organisation: str
    motivation: str = ""


def _stances(areas: Sequence[RegionArea], links: Iterable[Link | RegionLink], goals: set[str] | None):
    """Per area index: goal → motivation, for supports and for conflicts."""
    index = {(a.layer_uid, a.feature_key): number for number, a in enumerate(areas)}
    supports: dict[int, dict[str, str]] = {}
    conflicts: dict[int, dict[str, str]] = {}
    supporting, conflicting = Stance.SUPPORTS.value, Stance.CONFLICTS.value
    for link in links:
        if link.stance == supporting:
            target = supports
        elif link.stance == conflicting:
            target = conflicts
        else:
            continue
        if goals is not None and link.goal_id not in goals:
            continue
        number = index.get((link.layer_uid, link.feature_key))
        if number is not None:
            target.setdefault(number, {})[link.goal_id] = link.motivation
    return supports, conflicts


def find_conflicts(
    areas: Sequence[RegionArea],
    links: Iterable[Link | RegionLink],
    distance: float,
    goal_ids: Iterable[str] | None = None,
    feedback=None,
) -> list[ConflictPair]:
    """Every intermunicipal goal conflict within ``distance`` metres, ordered by goal, then organisations and keys."""
    distance = max(0.0, float(distance))
    supports, conflicts = _stances(areas, links, set(goal_ids) if goal_ids is not None else None)
    # one index per organisation: an area is only compared with neighbours' areas near it,
    # never with its own organisation's (most of what lies within DISTANCE of it)
    indexes: dict[str, tuple[QgsSpatialIndex, QgsRectangle]] = {}
    for number in conflicts:
        area = areas[number]
        if area.geometry is None:
            continue
        box = area.geometry.boundingBox()
        if area.organisation not in indexes:
            indexes[area.organisation] = (QgsSpatialIndex(), QgsRectangle(box))
        index, extent = indexes[area.organisation]
        _ = index.addFeature(number, box)  # in memory: cannot fail
        extent.combineExtentWith(box)
    pairs: list[ConflictPair] = []
    for step, (number, supported) in enumerate(supports.items()):
        if feedback is not None and step % 500 == 0 and feedback.isCanceled():
            break
        area = areas[number]
        if area.geometry is None:
            continue
        box = QgsRectangle(area.geometry.boundingBox())
        box.grow(distance)
        for organisation, (index, extent) in indexes.items():
            if organisation == area.organisation or not extent.intersects(box):
                continue
            for other in index.intersects(box):
                shared = supported.keys() & conflicts[other].keys()
                if not shared:
                    continue
                candidate = areas[other]
                apart = area.geometry.distance(candidate.geometry)
                if apart < 0 or apart > distance:  # -1: GEOS could not measure
                    continue
                for goal in shared:
                    pairs.append(ConflictPair(goal, apart, area, candidate, supported[goal], conflicts[other][goal]))
    pairs.sort(
        key=lambda p: (
            p.goal_id,
            p.supporting.organisation,
            p.conflicting.organisation,
            p.supporting.feature_key,
            p.conflicting.feature_key,
        )
    )
    return pairs
