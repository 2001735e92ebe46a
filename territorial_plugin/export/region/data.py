"""What the regional report shows, gathered once from the region's store: areas, links, conflict pairs.

Both outputs (the workbook and the atlas) draw from :class:`RegionalData`, so a
figure is the same in both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from qgis.core import QgsProject

from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.model import Catalogue, Goal
from ...core.region.areas import delivered_region_areas
from ...core.region.conflicts import ConflictPair, RegionArea, RegionLink, find_conflicts
from ...core.region.layer_areas import registered_region_areas
from ...core.region.model import DeliveryRecord
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
    links: list[RegionLink]  # links of the report's goals (motivations only where pairs need them)
    pairs: list[ConflictPair]
    distance: float
    # (organisation, key, problem); key "" for a whole layer (one the report could not open)
    problems: list[tuple[str, str, str]] = field(default_factory=list)

    def area_of(self, link: RegionLink) -> RegionArea | None:
        return self._areas.get((link.layer_uid, link.feature_key))

    def area(self, layer_uid: str, feature_key: str) -> RegionArea | None:
        return self._areas.get((layer_uid, feature_key))

    def __post_init__(self) -> None:
        self._areas = {(a.layer_uid, a.feature_key): a for a in self.areas}

    def organisation_of(self, link: RegionLink) -> str:
        return link.organisation


def _goal_order(goals: Sequence[Goal]) -> list[Goal]:
    return sorted(goals, key=lambda g: (g.catalogue_id, g.sort_order, g.code))


def gather_regional_data(
    store: Store,
    goal_ids: Sequence[str] | None = None,
    distance: float = 2000.0,
    *,
    project: QgsProject | None = None,
    feedback=None,
) -> RegionalData:
    """Read the region's store: the current deliveries' areas, the links of ``goal_ids`` (goal ids, or
    catalogue ids for a catalogue's goals with links; default: every goal with links),
    and the intermunicipal conflict pairs within ``distance`` metres.

    Layers with links but no delivered areas (a shared store's own layers) give their areas from the
    layers themselves: ``project``'s layer of the same ``layer_uid``, else the registered source."""
    all_goals = {g.id: g for g in store.goals()}
    counts = store.link_count_by_goal()
    wanted, whole = _wanted_goals(store, all_goals, counts, goal_ids)
    goals = _goal_order([all_goals[g] for g in wanted])
    catalogue_ids = {g.catalogue_id for g in goals} | whole
    catalogues = [c for c in store.catalogues() if c.id in catalogue_ids]
    blind_spots = _goal_order(
        [g for g in all_goals.values() if g.catalogue_id in catalogue_ids and not counts.get(g.id)]
    )
    if feedback is not None:
        feedback.setProgress(5)
    areas, problems = delivered_region_areas(store)
    delivered = {a.layer_uid for a in areas}
    links = _read_links(store, areas, wanted)
    own_layers = [layer for layer in store.layers() if layer.layer_uid not in delivered]
    more, more_problems = registered_region_areas(
        own_layers, [x for x in links if x.layer_uid not in delivered], project=project, feedback=feedback
    )
    areas += more
    problems += more_problems
    deliveries = {d.organisation: d for d in store.deliveries(current_only=True)}
    organisations = sorted(set(deliveries) | {x.organisation for x in links if x.organisation})
    registered = _registered_names(store)
    names = {o: (deliveries[o].organisation_name if o in deliveries else registered.get(o, o)) for o in organisations}
    if feedback is not None:
        feedback.setProgress(30)
    pairs = _with_motivations(store, find_conflicts(areas, links, distance, wanted, feedback=feedback))
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


def _wanted_goals(
    store: Store, all_goals: dict[str, Goal], counts: dict[str, int], goal_ids: Sequence[str] | None
) -> tuple[set[str], set[str]]:
    """The report's goals and the catalogues asked for whole. ``goal_ids`` holds goal ids and catalogue ids:
    a catalogue id stands for its goals with links (its goals without are its blind spots); none: every
    goal with links."""
    linked = {g for g, n in counts.items() if n}
    if not goal_ids:
        if not linked:
            raise TerritorialError(tr("The region's store holds no links yet: import the municipalities' deliveries."))
        return linked, set()
    catalogue_ids = {c.id for c in store.catalogues()}
    unknown = [x for x in goal_ids if x not in all_goals and x not in catalogue_ids]
    if unknown:
        raise TerritorialError(tr("The region's store has no goal or catalogue {ids}.").format(ids=", ".join(unknown)))
    whole = {x for x in goal_ids if x not in all_goals}
    wanted = {x for x in goal_ids if x in all_goals}
    wanted |= {g.id for g in all_goals.values() if g.catalogue_id in whole and g.id in linked}
    if not wanted:
        raise TerritorialError(
            tr("No organisation links to a goal of {catalogues}.").format(catalogues=", ".join(sorted(whole)))
        )
    return wanted, whole


def _registered_names(store: Store) -> dict[str, str]:
    """organisation id → name in a shared store's organisation table (a GeoPackage store has none)."""
    organisations = getattr(store, "organisations", None)
    return {o.id: o.name for o in organisations() if o.name} if organisations is not None else {}


def _read_links(store: Store, areas: Sequence[RegionArea], wanted: set[str]) -> list[RegionLink]:
    """The links of the ``wanted`` goals, narrow: key, goal, stance per layer (no text columns).

    A delivered layer's organisation is its areas'; a layer without delivered areas
    (a shared store's own layers) is read whole for its links' organisation.
    """
    owner = {a.layer_uid: a.organisation for a in areas}
    links: list[RegionLink] = []
    for layer in store.layers():
        organisation = owner.get(layer.layer_uid)
        if organisation is None:
            uid = layer.layer_uid
            links += [
                RegionLink(uid, key, goal, stance, whose)
                for key, goal, stance, whose in store.link_stances_with_organisation(uid)
                if goal in wanted
            ]
            continue
        uid = layer.layer_uid
        links += [
            RegionLink(uid, key, goal, stance, organisation)
            for key, goal, stance in store.link_stances(uid)
            if goal in wanted
        ]
    return links


def _with_motivations(store: Store, pairs: list[ConflictPair]) -> list[ConflictPair]:
    """The pairs with both links' motivations, read for the pairs' areas only."""
    keys: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        keys[pair.supporting.layer_uid].add(pair.supporting.feature_key)
        keys[pair.conflicting.layer_uid].add(pair.conflicting.feature_key)
    motivation = {
        (x.layer_uid, x.feature_key, x.goal_id): x.motivation
        for uid, wanted in keys.items()
        for x in store.links_for_keys(uid, sorted(wanted))
    }
    return [
        replace(
            pair,
            supporting_motivation=motivation.get(
                (pair.supporting.layer_uid, pair.supporting.feature_key, pair.goal_id), ""
            ),
            conflicting_motivation=motivation.get(
                (pair.conflicting.layer_uid, pair.conflicting.feature_key, pair.goal_id), ""
            ),
        )
        for pair in pairs
    ]
