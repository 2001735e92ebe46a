"""Registered layers in a QGIS project: found by ``layer_uid``, unavailable ones reported, never raised.

A layer can disappear while links are shown (removed from the project, its file
moved, its database down). The store keeps the links; these functions tell the
panel and the exports which registered layers are usable right now and why the
others are not.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsProject, QgsVectorLayer

from ..i18n import tr
from ..identity import layer_uid_of
from ..model import RegisteredLayer
from ..store.base import Store


@dataclass(frozen=True)
class LayerStatus:
    """A registered layer and the project layer that shows it (``None`` when unavailable)."""

    record: RegisteredLayer
    layer: QgsVectorLayer | None
    reason: str = ""  # why it is unavailable, for the user

    @property
    def available(self) -> bool:
        return self.layer is not None


def _alive(layer) -> bool:
    """False for a layer whose C++ object is gone (removed from the project meanwhile)."""
    try:
        from qgis.PyQt import sip

        return layer is not None and not sip.isdeleted(layer)
    except ImportError:  # pragma: no cover - sip is always there in QGIS
        return layer is not None


def project_layers_by_uid(project: QgsProject | None = None) -> dict[str, list[QgsVectorLayer]]:
    """Every vector layer of the project that carries a ``layer_uid``, grouped by uid."""
    project = project or QgsProject.instance()
    result: dict[str, list[QgsVectorLayer]] = {}
    for layer in project.mapLayers().values():
        if not _alive(layer) or not isinstance(layer, QgsVectorLayer):
            continue
        uid = layer_uid_of(layer)
        if uid:
            result.setdefault(uid, []).append(layer)
    return result


def find_layer(layer_uid: str, project: QgsProject | None = None) -> QgsVectorLayer | None:
    """The first valid project layer with ``layer_uid`` (a layer may be added twice), else ``None``."""
    for layer in project_layers_by_uid(project).get(layer_uid, []):
        if layer.isValid():
            return layer
    return None


def layer_statuses(store: Store, project: QgsProject | None = None) -> list[LayerStatus]:
    """Each registered layer with its project layer, or the reason it is unavailable."""
    in_project = project_layers_by_uid(project)
    statuses = []
    for record in store.layers():
        candidates = in_project.get(record.layer_uid, [])
        valid = [layer for layer in candidates if layer.isValid()]
        if valid:
            statuses.append(LayerStatus(record, valid[0]))
        elif candidates:
            statuses.append(
                LayerStatus(
                    record,
                    None,
                    tr("the data source of '{layer}' cannot be read ({source})").format(
                        layer=record.name, source=record.source
                    ),
                )
            )
        else:
            statuses.append(LayerStatus(record, None, tr("'{layer}' is not in this project").format(layer=record.name)))
    return statuses


def unavailable_layers(store: Store, project: QgsProject | None = None) -> list[LayerStatus]:
    return [status for status in layer_statuses(store, project) if not status.available]
