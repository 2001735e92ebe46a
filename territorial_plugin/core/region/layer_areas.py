"""The region's areas from registered layers, for a shared store that holds links but no deliveries.

In a shared PostgreSQL store the municipalities link their own data directly:
the store knows each layer (source, provider, key field) but holds no geometry.
The regional report then reads the linked areas from the layers themselves —
the project's layer with the same ``layer_uid`` when the caller passes a project
that has one (the source the user works with, found again even if moved), else
the registered source — and turns them into :class:`RegionArea` values as a
delivery would: EPSG:3006, geometry repaired (``geometry.repair``). An area's
organisation is that of its links. A layer QGIS cannot open, or a linked key the
layer no longer has, is reported as a problem, never left out silently.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

from ...compat import is_null
from ..areas import area_records, category_field
from ..errors import IdentityError
from ..i18n import tr
from ..model import RegisteredLayer
from ..project.layers import find_layer
from .conflicts import RegionArea, RegionLink
from .delivery.format import AREAS_CRS
from .geometry import repair

#: (organisation, feature key or "" for the whole layer, what the user must know)
Problem = tuple[str, str, str]


def registered_region_areas(
    layers: Sequence[RegisteredLayer],
    links: Iterable[RegionLink],
    *,
    project: QgsProject | None = None,
    feedback=None,
) -> tuple[list[RegionArea], list[Problem]]:
    """The areas of ``layers`` that ``links`` point at, and every problem met reading them.

    Layers without a link in ``links`` are not opened."""
    owners: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for link in links:
        owners[link.layer_uid][link.feature_key][link.organisation] += 1
    project = project or QgsProject.instance()
    target = QgsCoordinateReferenceSystem(AREAS_CRS)
    areas: list[RegionArea] = []
    problems: list[Problem] = []
    for record in layers:
        keys = owners.get(record.layer_uid)
        if not keys:
            continue
        organisation = {key: counts.most_common(1)[0][0] for key, counts in keys.items()}
        # the layer's owner, for problems of the whole layer: the organisation of most of its areas
        owner = Counter(organisation.values()).most_common(1)[0][0]
        layer = _open(record, project)
        if layer is None:
            problems.append(
                (owner, "", tr("The layer '{layer}' could not be opened ({source}): its areas are missing from the "
                               "report.").format(layer=record.name, source=record.source or "–"))
            )  # fmt: skip
            continue
        if not layer.crs().isValid():
            problems.append(
                (owner, "", tr("The layer '{layer}' has no coordinate reference system: its areas are missing from "
                               "the report.").format(layer=record.name))
            )  # fmt: skip
            continue
        try:
            found = _read(layer, record, organisation, target, project, problems, feedback)
        except IdentityError as error:  # the key field is gone from the source
            problems.append((owner, "", tr("{reason} Its areas are missing from the report.").format(reason=error)))
            continue
        areas += found
        for key in sorted(set(organisation) - {a.feature_key for a in found}):
            problems.append(
                (organisation[key], key, tr("The area is not in the layer '{layer}' (see 'Check link integrity')."
                                            ).format(layer=record.name))
            )  # fmt: skip
    return areas, problems


def _open(record: RegisteredLayer, project: QgsProject) -> QgsVectorLayer | None:
    """The project's layer with the record's uid, else the registered source; ``None`` if neither opens."""
    layer = find_layer(record.layer_uid, project)
    if layer is not None:
        return layer
    if not record.source:
        return None
    layer = QgsVectorLayer(record.source, record.name, record.provider or "ogr")
    return layer if layer.isValid() else None


def _read(layer, record, organisation: dict[str, str], target, project, problems, feedback) -> list[RegionArea]:
    # most municipal data is in SWEREF 99 TM already: no transform to run then
    transform = (
        None if layer.crs() == target else QgsCoordinateTransform(layer.crs(), target, project.transformContext())
    )
    records = {}
    for area in area_records(
        layer, record.key_field, project=project, geometry=True, keys=organisation, feedback=feedback
    ):
        records.setdefault(area.key, area)  # a repeated key: the first feature, as a delivery takes it
    categories = _categories(layer, record.key_field, [a.fid for a in records.values()])
    result = []
    for key, area in records.items():
        shape, problem = repair(area.geometry)
        if shape is not None and transform is not None:
            shape = QgsGeometry(shape)  # a copy: the transform works in place
            if shape.transform(transform) != Qgis.GeometryOperationResult.Success:
                shape, problem = None, tr("The geometry could not be transformed to SWEREF 99 TM.")
        if problem:
            problems.append((organisation[key], key, problem))
        result.append(
            RegionArea(
                organisation=organisation[key],
                layer_uid=record.layer_uid,
                feature_key=key,
                name=area.name,
                hectares=area.hectares,
                geometry=shape,
                category=categories.get(area.fid, ""),
                source_layer=record.name,
            )
        )
    return result


def _categories(layer: QgsVectorLayer, key_field: str, fids: list[int]) -> dict[int, str]:
    """fid → the area's land-use category, read for ``fids`` only (empty when the layer has no such field)."""
    field = category_field(layer, key_field)
    if field is None or not fids:
        return {}
    index = layer.fields().lookupField(field)
    request = QgsFeatureRequest().setFilterFids(fids).setSubsetOfAttributes([index])
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    values = {}
    for feature in layer.getFeatures(request):
        value = feature.attribute(index)
        values[feature.id()] = "" if is_null(value) else str(value)
    return values
