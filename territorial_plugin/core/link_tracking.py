"""Links follow features that are split or copied and pasted within a layer.

QGIS gives a split part or a pasted copy the attributes of its original; with a
key that must stay unique (``tl_uuid`` with a default value, or a field with a
unique constraint) the new feature gets a new key and would lose the original's
links. This tracker, using ``qgis.core`` layer signals only, copies them:

- ``beforeCommitChanges``: the data source still holds the originals' geometry.
  Every added feature whose geometry lies (≥ 99 %) inside one committed feature
  of the same layer is a split part or a pasted copy of it.
- ``committedFeaturesAdded``: the new features have their final keys (a
  GeoPackage assigns ``fid`` only now); the original's links are copied to them
  in one store transaction.

A part that keeps the original's key (a key field copied as is) shares its links
already; integrity checks then report the repeated key.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsVectorLayer, QgsWkbTypes

from . import log
from .errors import TerritorialError
from .i18n import tr
from .identity import feature_key, layer_uid_of
from .model import Link
from .store.base import Store

INSIDE_SHARE = 0.99


@dataclass(frozen=True)
class _Pending:
    key: str | None  # the new feature's key if known before commit
    wkb: bytes  # to find the committed feature when the key is the fid
    source_key: str


def _share_inside(part: QgsGeometry, whole: QgsGeometry) -> float:
    """How much of ``part`` lies inside ``whole`` (area, length, or 1/0 for points)."""
    kind = part.type()
    if kind == QgsWkbTypes.GeometryType.PolygonGeometry:
        area = part.area()
        return part.intersection(whole).area() / area if area > 0 else 0.0
    if kind == QgsWkbTypes.GeometryType.LineGeometry:
        length = part.length()
        return part.intersection(whole).length() / length if length > 0 else 0.0
    return 1.0 if whole.contains(part) or whole.equals(part) else 0.0


def find_sources(layer: QgsVectorLayer, key_field: str) -> list[_Pending]:
    """For each feature added in the edit buffer, the committed feature it was split or copied from."""
    buffer = layer.editBuffer()
    if buffer is None:
        return []
    provider = layer.dataProvider()
    provider_index = provider.fields().lookupField(key_field)
    layer_index = layer.fields().lookupField(key_field)
    if provider_index < 0 or layer_index < 0:
        return []
    pending = []
    for feature in buffer.addedFeatures().values():
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        request = QgsFeatureRequest().setFilterRect(geometry.boundingBox()).setSubsetOfAttributes([provider_index])
        best, best_share = None, 0.0
        for candidate in provider.getFeatures(request):
            share = _share_inside(geometry, candidate.geometry())
            if share > best_share:
                best, best_share = candidate, share
        if best is None or best_share < INSIDE_SHARE:
            continue
        source_key = feature_key(best.attribute(provider_index))
        new_key = feature_key(feature.attribute(layer_index))
        if source_key is None or new_key == source_key:
            continue
        pending.append(_Pending(new_key, bytes(geometry.asWkb()), source_key))
    return pending


def copy_links(store: Store, layer_uid: str, pairs: list[tuple[str, str]], user: str) -> int:
    """Give each ``(new key, source key)`` the source's links; one transaction; returns links written."""
    if not pairs:
        return 0
    sources = {}
    for link in store.links_for_keys(layer_uid, sorted({src for _, src in pairs})):
        sources.setdefault(link.feature_key, []).append(link)
    rows = [
        Link(layer_uid, new, x.goal_id, x.stance, x.strength, x.motivation, x.organisation)
        for new, src in pairs
        for x in sources.get(src, [])
    ]
    if not rows:
        return 0
    new_keys = sorted({new for new, _ in pairs})
    already = {(x.feature_key, x.goal_id) for x in store.links_for_keys(layer_uid, new_keys)}
    rows = [r for r in rows if (r.feature_key, r.goal_id) not in already]  # never overwrite a link made since
    goals = sorted({r.goal_id for r in rows})
    keep = [x for x in store.links_for_keys(layer_uid, new_keys) if x.goal_id in set(goals)]
    store.replace_links(layer_uid, new_keys, goals, keep + rows, user)
    return len(rows)


class LinkTracker:
    """Watches layers (signals of ``qgis.core`` only) and copies links to split parts and pasted copies."""

    def __init__(
        self,
        store_getter: Callable[[], Store | None],
        user: str,
        *,
        on_copied: Callable[[], None] | None = None,
    ):
        self._store_getter = store_getter
        self.user = user
        self._on_copied = on_copied  # told after links were copied (one store write)
        self._watched: dict[str, tuple[QgsVectorLayer, list]] = {}
        self._pending: dict[str, list[_Pending]] = {}

    def watch(self, layer: QgsVectorLayer) -> None:
        layer_id = layer.id()
        watched = self._watched.get(layer_id)
        if watched is not None and watched[0] is layer:
            return
        if watched is not None:  # a new layer object with an old id (the project was read again)
            self.unwatch(layer_id)
        connections = [
            (layer.beforeCommitChanges, lambda *_: self._before_commit(layer)),
            (layer.committedFeaturesAdded, lambda _layer_id, features: self._committed(layer, features)),
            (layer.afterRollBack, lambda: self._pending.pop(layer_id, None)),
            (layer.willBeDeleted, lambda: self.unwatch(layer_id)),
        ]
        for signal, slot in connections:
            signal.connect(slot)
        self._watched[layer.id()] = (layer, connections)

    def unwatch(self, layer_id: str) -> None:
        _layer, connections = self._watched.pop(layer_id, (None, []))
        for signal, slot in connections:
            with contextlib.suppress(TypeError, RuntimeError):  # the layer is already gone
                signal.disconnect(slot)
        self._pending.pop(layer_id, None)

    def unwatch_all(self) -> None:
        for layer_id in list(self._watched):
            self.unwatch(layer_id)

    def _record(self, layer: QgsVectorLayer):
        uid = layer_uid_of(layer)
        if not uid:  # not registered: no store is looked for (or opened) at all
            return None, None
        store = self._store_getter()
        if store is None:
            return None, None
        return store, store.layer(uid)

    def _before_commit(self, layer: QgsVectorLayer) -> None:
        _store, record = self._record(layer)
        if record is None:
            return
        self._pending[layer.id()] = find_sources(layer, record.key_field)

    def _committed(self, layer: QgsVectorLayer, features) -> None:
        pending = self._pending.pop(layer.id(), [])
        store, record = self._record(layer)
        if not pending or record is None:
            return
        index = layer.fields().lookupField(record.key_field)
        by_wkb = {bytes(f.geometry().asWkb()): feature_key(f.attribute(index)) for f in features}
        pairs = []
        for item in pending:
            key = item.key or by_wkb.get(item.wkb)
            if key and key != item.source_key:
                pairs.append((key, item.source_key))
        try:
            copied = copy_links(store, record.layer_uid, pairs, self.user)
        except TerritorialError as error:  # never break the user's commit; say why the links were not copied
            log.warning(
                tr("Links were not copied to new features of '{layer}': {error}").format(
                    layer=layer.name(), error=error
                )
            )
            return
        if copied and self._on_copied is not None:
            self._on_copied()
        if copied:
            log.info(
                tr("Copied {n} links to split or pasted features of '{layer}'.").format(n=copied, layer=layer.name())
            )
