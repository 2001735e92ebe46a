"""A saved stage as the exports' source: its frozen layers as memory layers, its links as the store's.

The atlas and the coverage tables read a store (``export.service``) and draw layers;
given a :class:`StageView` and :func:`frozen_layers` instead, they make the plan
documents of the stage exactly as they were, however the plan changed since.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsVectorLayer

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.identity import LAYER_UID_PROPERTY, resolve_layer
from ...core.model import Link, RegisteredLayer
from ...core.stages.layers import memory_layer
from ...core.store.base import Store


class StageView:
    """Reads of a stage in the shape of the store reads the exports make (catalogues and goals as now)."""

    def __init__(self, store: Store, stage: str, records: Sequence[RegisteredLayer]):
        self._store, self.stage = store, stage
        self._records = {record.layer_uid: record for record in records}

    def layer(self, layer_uid: str) -> RegisteredLayer | None:
        return self._records.get(layer_uid)

    def layers(self) -> list[RegisteredLayer]:
        return list(self._records.values())

    def links(self, layer_uids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None) -> list[Link]:
        return self._store.stage_links(self.stage, layer_uids, goal_ids)

    def rule_marks(self, layer_uid: str) -> dict[tuple[str, str], str]:
        # a stage keeps its links as they were, not which rule made them: its atlas names no rule
        return {}

    def register_layer(self, layer: RegisteredLayer) -> None:
        # the frozen layers are made to match their records, so the exports never ask this
        raise ExportError(tr("A saved plan stage cannot be changed."))

    def __getattr__(self, name: str):
        if name in ("goals", "catalogue", "catalogues", "link_count_by_goal"):
            return getattr(self._store, name)
        raise AttributeError(name)


def frozen_layers(store: Store, stage: str, layers: Sequence[QgsVectorLayer]) -> tuple[StageView, list[QgsVectorLayer]]:
    """The stage's view and the layers to draw: each chosen registered layer replaced by its frozen copy
    (with the chosen layer's name, style and labels), other layers kept as background.

    No layers chosen: every layer of the stage, in the default style.
    """
    frozen = {x.layer_uid: x for x in store.stage_layers(stage)}  # raises for an unknown stage
    drawn: list[QgsVectorLayer] = []
    records: list[RegisteredLayer] = []
    for layer in layers:
        record = resolve_layer(store, layer)
        if record is None:
            drawn.append(layer)
            continue
        if record.layer_uid not in frozen:
            raise ExportError(
                tr("The layer '{layer}' is not part of the plan stage '{stage}'.").format(
                    layer=layer.name(), stage=stage
                )
            )
        copy = _frozen_copy(store, stage, frozen[record.layer_uid], layer.name())
        if layer.renderer() is not None:
            copy.setRenderer(layer.renderer().clone())
        if layer.labeling() is not None:
            copy.setLabeling(layer.labeling().clone())
            copy.setLabelsEnabled(layer.labelsEnabled())
        drawn.append(copy)
        records.append(_record(copy, record.layer_uid, record.key_field))
    if not layers:
        for uid, item in frozen.items():
            copy = _frozen_copy(store, stage, item, item.name)
            drawn.append(copy)
            records.append(_record(copy, uid, item.key_field))
    return StageView(store, stage, records), drawn


def _frozen_copy(store: Store, stage: str, item, name: str) -> QgsVectorLayer:
    copy = memory_layer(item, store.stage_areas(stage, [item.layer_uid]), name)
    copy.setCustomProperty(LAYER_UID_PROPERTY, item.layer_uid)
    return copy


def _record(layer: QgsVectorLayer, uid: str, key_field: str) -> RegisteredLayer:
    from qgis.core import QgsWkbTypes

    return RegisteredLayer(
        uid, layer.name(), layer.source(), "memory", key_field, QgsWkbTypes.displayString(layer.wkbType()),
        layer.crs().authid(),
    )  # fmt: skip
