"""What the regional report shows, gathered once from the region's store: areas, links, conflict pairs.

Both outputs (the workbook and the atlas) draw from :class:`RegionalData`, so a
figure is the same in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.model import Catalogue, Goal, Link
from ...core.region.conflicts import ConflictPair, RegionArea, find_conflicts
from ...core.region.model import DeliveryRecord
from ...core.region.region_areas import delivered_region_areas
from ...core.store.base import Store


@dataclass
class RegionalData:
    """The region's picture for a set of goals."""

    goals: list[Goal]  # the report's goals, in catalogue order
    catalogues: list[Catalogue]
    blind_spots: list[Goal]  # goals of the report's catalogues that no organisation links to
    organisations: list[str]
    names: dict[str, str]  # organisation → its name (from its latest delivery)
    deliveries: dict[str, DeliveryRecord]  # organisation → its current delivery
    areas: list[RegionArea]
    links: list[Link]  # links of the report's goals
    pairs: list[ConflictPair]
    distance: float
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (organisation, key, problem)

    def area_of(self, link: Link) -> RegionArea | None:
        return self._areas.get((link.layer_uid, link.feature_key))

    def area(self, layer_uid: str, feature_key: str) -> RegionArea | None:
        return self._areas.get((layer_uid, feature_key))

    def __post_init__(self) -> None:
        self._areas = {(a.layer_uid, a.feature_key): a for a in self.areas}

    def organisation_of(self, link: Link) -> str:
        area = self.area_of(link)
        return link.organisation or (area.organisation if area else "")


def _goal_order(goals: Sequence[Goal]) -> list[Goal]:
    return sorted(goals, key=lambda g: (g.catalogue_id, g.sort_order, g.code))


def gather_regional_data(
    store: Store, goal_ids: Sequence[str] | None = None, distance: float = 2000.0, feedback=None
) -> RegionalData:
    """Read the region's store: the current deliveries' areas, the links of ``goal_ids`` (default: every
    goal with links), and the intermunicipal conflict pairs within ``distance`` metres."""
    all_goals = {g.id: g for g in store.goals()}
    counts = store.link_count_by_goal()
    if goal_ids:
        unknown = [g for g in goal_ids if g not in all_goals]
        if unknown:
            raise TerritorialError(tr("The region's store has no goal {goals}.").format(goals=", ".join(unknown)))
        wanted = set(goal_ids)
    else:
        wanted = {g for g, n in counts.items() if n}
    if not wanted:
        raise TerritorialError(tr("The region's store holds no links yet: import the municipalities' deliveries."))
    goals = _goal_order([all_goals[g] for g in wanted])
    catalogue_ids = {g.catalogue_id for g in goals}
    catalogues = [c for c in store.catalogues() if c.id in catalogue_ids]
    blind_spots = _goal_order(
        [g for g in all_goals.values() if g.catalogue_id in catalogue_ids and not counts.get(g.id)]
    )
    if feedback is not None:
        feedback.setProgress(5)
    links = store.links(goal_ids=sorted(wanted))
    areas, problems = delivered_region_areas(store)
    deliveries = {d.organisation: d for d in store.deliveries(current_only=True)}
    organisations = sorted(set(deliveries) | {x.organisation for x in links if x.organisation})
    names = {o: (deliveries[o].organisation_name if o in deliveries else o) for o in organisations}
    if feedback is not None:
        feedback.setProgress(30)
    pairs = find_conflicts(areas, links, distance, wanted, feedback=feedback)
    if feedback is not None:
        feedback.setProgress(60)
    return RegionalData(
        goals=goals,
        catalogues=catalogues,
        blind_spots=blind_spots,
        organisations=organisations,
        names=names,
        deliveries=deliveries,
        areas=areas,
        links=links,
        pairs=pairs,
        distance=distance,
        problems=problems,
    )
