"""From a goal to its features in every registered layer of the project (reverse lookup)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from ...compat import null_extent
from ...core.identity import feature_key, is_numeric_key
from ...core.project.layers import project_layers_by_uid
from ...core.store.base import Store

#: keys per IN (...) clause; keeps expressions short enough for every provider
CHUNK = 500


@dataclass
class LayerHits:
    layer: QgsVectorLayer
    fids: list[int]
    stances: dict[int, str] = field(default_factory=dict)


@dataclass
class LookupResult:
    hits: list[LayerHits] = field(default_factory=list)
    #: names of registered layers with links to the goal that are not in this project
    unavailable: list[str] = field(default_factory=list)
    #: linked keys no feature has any more (orphans)
    missing_keys: int = 0
    #: per organisation (``""``: none) whose links these are, the linked areas by stance, in every layer
    by_organisation: dict[str, Counter] = field(default_factory=dict)

    @property
    def feature_count(self) -> int:
        return sum(len(h.fids) for h in self.hits)


def fids_for_keys(layer: QgsVectorLayer, key_field: str, keys) -> dict[str, int]:
    """key → fid for the given keys, read with ``IN`` filters (set-based, no geometry)."""
    keys = list(keys)
    index = layer.fields().lookupField(key_field)
    if index < 0 or not keys:
        return {}
    numeric = layer.fields().at(index).isNumeric()
    result: dict[str, int] = {}
    column = QgsExpression.quotedColumnRef(key_field)
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        values = ",".join(k if numeric and is_numeric_key(k) else QgsExpression.quotedString(k) for k in chunk)
        request = QgsFeatureRequest().setFilterExpression(f"{column} IN ({values})")
        request.setSubsetOfAttributes([index]).setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for feature in layer.getFeatures(request):
            key = feature_key(feature.attribute(index))
            if key is not None:
                result[key] = feature.id()
    return result


def lookup_goal(
    store: Store,
    project: QgsProject,
    goal_id: str,
    key_tables: dict | None = None,
    *,
    stage: str = "",
    organisation: str | None = None,
) -> LookupResult:
    """Features linked to ``goal_id`` in every registered layer of ``project``, with stances.

    ``key_tables`` (layer id → :class:`LayerKeys` that is ready) spares reading a layer
    whose keys the panel already holds. ``stage``: the areas linked in that saved stage
    (those still in their layer are found); ``organisation``: only its links.
    """
    result = LookupResult()
    in_project = project_layers_by_uid(project)
    stances_by_layer: dict[str, dict[str, str]] = {}
    links = store.stage_links(stage, goal_ids=[goal_id]) if stage else store.links(goal_ids=[goal_id])
    for link in links:
        owner = link.organisation or ""
        if organisation is not None and owner != organisation:
            continue
        stances_by_layer.setdefault(link.layer_uid, {})[link.feature_key] = link.stance
        result.by_organisation.setdefault(owner, Counter())[link.stance] += 1
    for uid, stances in stances_by_layer.items():
        layers = [lyr for lyr in in_project.get(uid, []) if lyr.isValid()]
        record = store.layer(uid)
        if not layers or record is None:
            result.unavailable.append(record.name if record is not None else uid)
            continue
        for layer in layers:
            table = (key_tables or {}).get(layer.id())
            if table is not None and table.is_ready and table.key_field == record.key_field:
                found = table.fid_by_key(stances)
            else:
                found = fids_for_keys(layer, record.key_field, stances)
            result.missing_keys += len(stances) - len(found)
            fid_stances = {fid: stances[key] for key, fid in found.items()}
            result.hits.append(LayerHits(layer, sorted(fid_stances), fid_stances))
    return result


def combined_extent(hits: list[LayerHits], canvas) -> QgsRectangle:
    """Bounding box of every hit, in the canvas CRS."""
    extent = null_extent()
    target = canvas.mapSettings().destinationCrs()
    for hit in hits:
        if not hit.fids:
            continue
        box = hit.layer.boundingBoxOfSelected() if set(hit.layer.selectedFeatureIds()) == set(hit.fids) else None
        if box is None or box.isEmpty():
            box = null_extent()
            request = QgsFeatureRequest().setFilterFids(hit.fids).setNoAttributes()
            for feature in hit.layer.getFeatures(request):
                if feature.hasGeometry():
                    box.combineExtentWith(feature.geometry().boundingBox())
        if box.isEmpty() and box.width() == 0 and box.height() == 0 and box.xMinimum() > box.xMaximum():
            continue
        if hit.layer.crs() != target and target.isValid():
            box = QgsCoordinateTransform(hit.layer.crs(), target, QgsProject.instance()).transformBoundingBox(box)
        extent.combineExtentWith(box)
    return extent
