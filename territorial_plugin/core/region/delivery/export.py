"""A municipality's delivery: the linked areas of its layers, their links, and what they refer to.

:func:`export_delivery` reads the registered layers (through ``core.areas``, the
one key → name/hectares pass), repairs what it must, and hands everything to
:mod:`writer`, which writes the file in one go or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

from ....__about__ import version as plugin_version
from ...areas import area_records, category_field
from ...errors import StoreError
from ...i18n import tr
from ...identity import require_registered
from ...model import Link, RegisteredLayer
from ...store.base import Store
from ...store.gpkg.schema import now_iso
from ...user import current_user
from ..geometry import repair
from ..model import DeliveryInfo
from .format import AREAS_CRS, check_organisation
from .writer import LayerPart, write_delivery


@dataclass
class DeliveryExport:
    """What was written, and what the user must hear about."""

    path: Path
    info: DeliveryInfo
    layers: int = 0
    # (layer name, feature key, what was wrong) for geometries repaired or left empty
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    # layer name → links whose feature is no longer in the layer (left out; integrity check finds them)
    orphans: dict[str, int] = field(default_factory=dict)


def export_delivery(
    store: Store,
    layers: Sequence[QgsVectorLayer],
    organisation: str,
    organisation_name: str,
    stage: str,
    output: str | Path,
    *,
    project: QgsProject | None = None,
    user: str | None = None,
    feedback=None,
) -> DeliveryExport:
    """Write the delivery of ``organisation`` from the links of ``layers`` to ``output`` (.gpkg)."""
    check_organisation(organisation)
    output = Path(output)
    if output.suffix.lower() != ".gpkg":
        raise StoreError(tr("A delivery is a GeoPackage: give a file name ending in .gpkg."))
    if not layers:
        raise StoreError(tr("Choose the land-use layers whose links the delivery carries."))
    project = project or QgsProject.instance()
    target = QgsCoordinateReferenceSystem(AREAS_CRS)
    parts: list[LayerPart] = []
    problems: list[tuple[str, str, str]] = []
    orphans: dict[str, int] = {}
    land_use_ha = 0.0
    for number, layer in enumerate(layers):
        if feedback is not None:
            feedback.setProgress(80.0 * number / len(layers))
        record = require_registered(store, layer)
        links = store.links(layer_uids=[record.layer_uid])
        land_use_ha += sum(r.hectares for r in area_records(layer, record.key_field, project=project, names=False))
        if not links:
            continue
        part = _layer_part(layer, record, links, target, project, problems, feedback)
        if len(part.links) < len(links):
            orphans[layer.name()] = len(links) - len(part.links)
        parts.append(part)
    if not parts:
        raise StoreError(tr("The chosen layers have no links: there is nothing to deliver."))
    goal_ids = {x.goal_id for part in parts for x in part.links}
    info = DeliveryInfo(
        organisation=organisation,
        organisation_name=organisation_name.strip() or organisation,
        stage=stage.strip(),
        plugin_version=plugin_version(),
        created_at=now_iso(),
        created_by=user or current_user(),
        area_count=sum(len(p.areas) for p in parts),
        link_count=sum(len(p.links) for p in parts),
        land_use_ha=round(land_use_ha, 4),
    )
    write_delivery(output, info, parts, _goals_with_ancestors(store, goal_ids), store)
    return DeliveryExport(output, info, len(parts), problems, orphans)


def _layer_part(layer, record: RegisteredLayer, links: list[Link], target, project, problems, feedback) -> LayerPart:
    if not layer.crs().isValid():
        raise StoreError(
            tr("Layer '{layer}' has no coordinate reference system; set it before delivering.").format(
                layer=layer.name()
            )
        )
    transform = QgsCoordinateTransform(layer.crs(), target, project.transformContext())
    linked = {x.feature_key for x in links}
    found = {}
    for area in area_records(layer, record.key_field, project=project, geometry=True, keys=linked, feedback=feedback):
        if area.key in found:  # a repeated key: the integrity check reports it; the first feature is delivered
            continue
        shape, problem = repair(area.geometry)
        if shape is not None:
            shape = QgsGeometry(shape)  # a copy: the transform works in place
            if shape.transform(transform) != Qgis.GeometryOperationResult.Success:
                shape = None
                problem = tr("The geometry could not be transformed to SWEREF 99 TM.")
        if problem:
            problems.append((layer.name(), area.key, problem))
        found[area.key] = (area, shape)
    attributes = _attributes(layer, [area.fid for area, _ in found.values()])
    category = category_field(layer, record.key_field)
    return LayerPart(
        record=record,
        layer_name=layer.name(),
        fields=layer.fields(),
        key_field=record.key_field,
        category_field=category,
        areas=[(area, shape, attributes.get(area.fid, {})) for area, shape in found.values()],
        links=[x for x in links if x.feature_key in found],
    )


def _attributes(layer: QgsVectorLayer, fids: list[int]) -> dict[int, dict]:
    request = QgsFeatureRequest().setFilterFids(fids).setFlags(QgsFeatureRequest.Flag.NoGeometry)
    names = layer.fields().names()
    return {f.id(): dict(zip(names, f.attributes())) for f in layer.getFeatures(request)}


def _goals_with_ancestors(store: Store, goal_ids: set[str]):
    """The goals the links use and their ancestors (a goal's parent must exist in a store)."""
    goals = {g.id: g for g in store.goals()}
    missing = sorted(goal_ids - set(goals))
    if missing:
        raise StoreError(
            tr("Links point at goals the store does not hold: {goals}. Run the integrity check.").format(
                goals=", ".join(missing)
            )
        )
    wanted: set[str] = set()
    for goal_id in goal_ids:
        while goal_id and goal_id not in wanted:
            wanted.add(goal_id)
            goal_id = goals[goal_id].parent_id
    return [goals[g] for g in sorted(wanted)]
