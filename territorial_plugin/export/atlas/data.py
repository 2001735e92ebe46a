"""What a goal atlas shows, gathered from plain inputs: layers, goals and links.

Everything here is independent of layouts: :func:`collect_atlas_data` reads the
linked features once (``core.areas.area_records``: geometry, name, hectares, as
the panel and the tables read them) and groups the links per goal. The layout
code (``pages.py``) only draws the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...compat import null_extent
from ...core.areas import area_records
from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.labels import goal_label
from ...core.model import Catalogue, Goal, Link, Stance


@dataclass(frozen=True)
class AtlasLayer:
    """A layer to draw. ``layer_uid``/``key_field`` set: its links are shown; unset: background only."""

    layer: QgsVectorLayer
    layer_uid: str | None = None
    key_field: str | None = None

    @property
    def linked(self) -> bool:
        return bool(self.layer_uid and self.key_field)


@dataclass(frozen=True)
class AreaRow:
    """One linked area on a goal page (one row of its table)."""

    layer_uid: str
    feature_key: str
    name: str
    stance: str
    strength: int
    motivation: str
    area_ha: float
    rule: str = ""  # the name of the linking rule that made the link ('' = a planner's)


@dataclass
class GoalPage:
    """A goal and its linked areas, in table order (conflicts after supports, then by key)."""

    goal: Goal
    rows: list[AreaRow] = field(default_factory=list)
    extent: QgsRectangle | None = None  # in the atlas CRS
    label: str = ""  # the goal's short label on maps and the chart ("Agenda 2030 · delmål 11.7")

    @property
    def code_label(self) -> str:
        return self.label or self.goal.code

    @property
    def area_ha(self) -> float:
        return sum(row.area_ha for row in self.rows)

    def area_ha_for(self, stance: str) -> float:
        return sum(row.area_ha for row in self.rows if row.stance == stance)

    def count_for(self, stance: str) -> int:
        return sum(1 for row in self.rows if row.stance == stance)


@dataclass
class LinkedFeature:
    """A linked feature's geometry (atlas CRS) and the goals drawn for it."""

    layer_uid: str
    feature_key: str
    name: str
    geometry: QgsGeometry
    links: list[Link] = field(default_factory=list)
    fid: int = -1  # the feature's id in its layer (to fetch it again without a filter expression)


@dataclass
class AtlasData:
    """Everything the layout needs, in drawing order."""

    catalogue: Catalogue | None
    pages: list[GoalPage]
    features: dict[str, list[LinkedFeature]]  # layer uid → linked features
    layers: list[AtlasLayer]
    crs: QgsCoordinateReferenceSystem
    full_extent: QgsRectangle
    geometry_types: dict[str, int] = field(default_factory=dict)  # layer uid → QgsWkbTypes geometry type
    catalogues: dict[str, Catalogue] = field(default_factory=dict)  # catalogue id → catalogue, for labels


def _sort_key(row: AreaRow) -> tuple:
    order = {Stance.SUPPORTS.value: 0, Stance.NEUTRAL.value: 1, Stance.CONFLICTS.value: 2}
    return (order.get(row.stance, 3), row.feature_key)


def collect_atlas_data(
    layers: Sequence[AtlasLayer],
    goals: Sequence[Goal],
    links: Sequence[Link],
    *,
    catalogue: Catalogue | None = None,
    catalogues: Sequence[Catalogue] = (),
    include_unlinked_goals: bool = False,
    project: QgsProject | None = None,
    feedback=None,
    rule_marks: Mapping[tuple[str, str, str], str] | None = None,
) -> AtlasData:
    """Group ``links`` per goal and read the linked features of ``layers``.

    ``goals`` are the goals to show, in page order; with ``include_unlinked_goals``
    a goal without links still gets a page (saying so), otherwise it is left out.
    Links of layers not in ``layers`` and of goals not in ``goals`` are ignored.
    ``rule_marks``: (layer uid, feature key, goal id) → the rule that made the link.
    """
    rule_marks = rule_marks or {}
    project = project or QgsProject.instance()
    linked_layers = [layer for layer in layers if layer.linked]
    if not linked_layers:
        raise ExportError(tr("None of the chosen layers is registered in the link store; there is nothing to map."))
    crs = linked_layers[0].layer.crs()
    goal_by_id = {goal.id: goal for goal in goals}
    wanted = {layer.layer_uid: layer for layer in linked_layers}
    links_by_feature: dict[tuple[str, str], list[Link]] = {}
    for link in links:
        if link.goal_id in goal_by_id and link.layer_uid in wanted:
            links_by_feature.setdefault((link.layer_uid, link.feature_key), []).append(link)

    features: dict[str, list[LinkedFeature]] = {}
    geometry_types: dict[str, int] = {}
    rows_by_goal: dict[str, list[AreaRow]] = {goal.id: [] for goal in goals}
    extents: dict[str, QgsRectangle] = {}
    full_extent = null_extent()
    for done, atlas_layer in enumerate(linked_layers):
        layer = atlas_layer.layer
        uid = atlas_layer.layer_uid
        records = area_records(
            layer,
            atlas_layer.key_field,
            project=project,
            geometry=True,
            keys={key for layer_uid, key in links_by_feature if layer_uid == uid},  # measure only these
            feedback=feedback,
        )
        geometry_types[uid] = QgsWkbTypes.geometryType(layer.wkbType())
        transform = None
        if layer.crs() != crs:
            from qgis.core import QgsCoordinateTransform

            transform = QgsCoordinateTransform(layer.crs(), crs, project.transformContext())
        layer_extent = layer.extent() if transform is None else transform.transformBoundingBox(layer.extent())
        full_extent.combineExtentWith(layer_extent)
        found: list[LinkedFeature] = []
        for record in records:
            key, geometry = record.key, record.geometry
            if transform is not None and not geometry.isNull() and geometry.transform(transform) != 0:
                raise ExportError(
                    tr("The area '{key}' of '{layer}' cannot be shown in the map's coordinate system.").format(
                        key=key, layer=layer.name()
                    )
                )
            feature_links = links_by_feature[(uid, key)]
            found.append(LinkedFeature(uid, key, record.name, geometry, feature_links, record.fid))
            box = geometry.boundingBox()
            for link in feature_links:
                rows_by_goal[link.goal_id].append(
                    AreaRow(
                        uid,
                        key,
                        record.name,
                        link.stance,
                        int(link.strength),
                        link.motivation or "",
                        record.hectares,
                        rule_marks.get((uid, key, link.goal_id), ""),
                    )
                )
                if link.goal_id in extents:
                    extents[link.goal_id].combineExtentWith(box)
                else:
                    extents[link.goal_id] = QgsRectangle(box)
        features[atlas_layer.layer_uid] = found
        if feedback is not None:
            feedback.setProgress(20.0 * (done + 1) / len(linked_layers))

    pages: list[GoalPage] = []
    for goal in goals:
        rows = sorted(rows_by_goal[goal.id], key=_sort_key)
        if rows or include_unlinked_goals:
            pages.append(GoalPage(goal, rows, extents.get(goal.id)))
    by_id = {c.id: c for c in catalogues}
    if catalogue is not None:
        by_id.setdefault(catalogue.id, catalogue)
    for page in pages:
        # the catalogue's short name goes first: codes repeat across catalogues (Agenda 2030 15, Miljömål 15)
        page.label = goal_label(page.goal, by_id.get(page.goal.catalogue_id), title=False)
    if full_extent.isEmpty():
        full_extent = QgsRectangle(0, 0, 1, 1)
    return AtlasData(catalogue, pages, features, list(layers), crs, full_extent, geometry_types, by_id)
