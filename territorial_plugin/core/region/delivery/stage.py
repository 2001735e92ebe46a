"""A delivery as a plan stage of its organisation, so the region keeps what each delivery said.

The region's store holds only the current delivery's links and areas; freezing
each import as a stage (``"<organisation>: <stage> (<date>)"``, the stage's
``organisation`` set) keeps every earlier one, read-only, and two deliveries then
compare with the plan-stage comparison (``core/stages/compare.py``) as any two
stages do.
"""

from __future__ import annotations

import json

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsWkbTypes

from ...stages.model import StageArea, StageInfo, StageLayer
from ..model import DeliveryContent, DeliveryStage
from .format import AREAS_CRS

#: the frozen layers' own fields after the key: found again as name and category (core/areas.py)
_NAME, _CATEGORY = "namn", "kategori"


def delivery_stage_name(organisation: str, stage: str, created_at: str) -> str:
    """The stage a delivery is kept as: organisation, the delivery's stage and the day it was made."""
    return "{organisation}: {stage} ({day})".format(
        organisation=organisation, stage=stage.strip() or "–", day=created_at[:10]
    )


def delivery_stage(content: DeliveryContent, note: str) -> DeliveryStage:
    """The layers and areas of ``content`` as a stage holds them (EPSG:3006, key, name, category)."""
    crs = QgsCoordinateReferenceSystem(AREAS_CRS).toWkt()
    by_layer: dict[str, list] = {}
    for area in content.areas:
        by_layer.setdefault(area.layer_uid, []).append(area)
    layers, areas = [], []
    for record in content.layers:
        delivered = by_layer.get(record.layer_uid, [])
        names = [record.key_field] + [n for n in (_NAME, _CATEGORY) if n != record.key_field]
        layers.append(
            StageLayer(
                record.layer_uid,
                record.name,
                record.key_field,
                _wkb_type(delivered, record.geometry_type),
                crs,
                json.dumps([[n, "string", 0, 0] for n in names], ensure_ascii=False),
            )
        )
        for area in delivered:
            values = {record.key_field: area.feature_key, _NAME: area.name, _CATEGORY: area.category}
            areas.append(
                StageArea(
                    area.layer_uid,
                    area.feature_key,
                    area.name,
                    area.hectares,
                    area.wkb,
                    json.dumps([values[n] for n in names], ensure_ascii=False),
                )
            )
    name = delivery_stage_name(content.info.organisation, content.info.stage, content.info.created_at)
    return DeliveryStage(name, note, tuple(layers), tuple(areas))


def _wkb_type(areas: list, geometry_type: str) -> int:
    """The delivered geometries' type (repair may have made them multi), else the source layer's."""
    for area in areas:
        if area.wkb:
            shape = QgsGeometry()
            shape.fromWkb(area.wkb)
            return int(QgsWkbTypes.multiType(shape.wkbType()))
    return int(QgsWkbTypes.multiType(QgsWkbTypes.parseType(geometry_type or "Polygon")))


def delivery_stages(stages: list[StageInfo], organisation: str) -> list[StageInfo]:
    """The stages kept of ``organisation``'s deliveries, oldest first (``stages``: ``Store.stages()``)."""
    return [stage for stage in stages if stage.organisation == organisation]
