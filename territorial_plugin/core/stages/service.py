"""Save a stage of the plan, and compare two stages (or a stage and now): one call each.

Used by the Processing algorithms and, later, the panel. The layers are read on the
calling thread (a Processing algorithm's or a task's), the store once per call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qgis.core import QgsProject, QgsVectorLayer

from ..errors import StoreError
from ..i18n import tr
from ..identity import resolve_layer
from ..store.base import Store
from .compare import Comparison, Snapshot, compare, link_states, snapshot
from .layers import read_areas, stage_layer
from .model import StageInfo


@dataclass(frozen=True)
class ChosenLayers:
    """The chosen layers the store knows (layer, uid, key field), and the names of those it does not."""

    registered: tuple[tuple[QgsVectorLayer, str, str], ...]
    skipped: tuple[str, ...]

    @property
    def uids(self) -> list[str]:
        return [uid for _layer, uid, _key in self.registered]


def registered_layers(store: Store, layers: Sequence[QgsVectorLayer]) -> ChosenLayers:
    found, skipped = [], []
    for layer in layers:
        record = resolve_layer(store, layer)
        if record is None:
            skipped.append(layer.name())
        elif record.layer_uid not in {uid for _l, uid, _k in found}:
            found.append((layer, record.layer_uid, record.key_field))
    if not found:
        raise StoreError(tr("None of the chosen layers is registered in the link store."))
    return ChosenLayers(tuple(found), tuple(skipped))


def save_stage(
    store: Store,
    layers: Sequence[QgsVectorLayer],
    name: str,
    note: str,
    user: str,
    *,
    project: QgsProject | None = None,
    feedback=None,
) -> tuple[StageInfo, ChosenLayers]:
    """Freeze every area of the chosen registered layers and their links under ``name``.

    Every area, not only the linked ones: the atlas draws the whole layer as the land
    use around a goal's areas, and a stage must reproduce it.
    """
    name = (name or "").strip()
    if not name:
        raise StoreError(tr("A plan stage needs a name, for example 'Samråd 2026-03'."))
    if any(stage.name == name for stage in store.stages()):
        # asked before the layers are read: a taken name is known at once
        from ..store.stage_messages import duplicate_stage

        raise duplicate_stage(name)
    chosen = registered_layers(store, layers)
    frozen, areas = [], []
    for layer, uid, key_field in chosen.registered:
        frozen.append(stage_layer(layer, uid, key_field))
        areas.extend(read_areas(layer, uid, key_field, project=project, feedback=feedback))
    return store.save_stage(name, note, user, frozen, areas), chosen


def stage_snapshot(store: Store, name: str, layer_uids: Sequence[str] | None = None) -> Snapshot:
    uids = [x.layer_uid for x in store.stage_layers(name)]
    if layer_uids is not None:
        uids = [uid for uid in uids if uid in set(layer_uids)]
    return snapshot(name, uids, store.stage_link_states(name, uids), store.stage_areas(name, uids))


def current_snapshot(
    store: Store, chosen: ChosenLayers, *, label: str = "", project: QgsProject | None = None, feedback=None
) -> Snapshot:
    areas = []
    for layer, uid, key_field in chosen.registered:
        areas.extend(read_areas(layer, uid, key_field, project=project, attributes=False, feedback=feedback))
    return snapshot(label or tr("Now"), chosen.uids, link_states(store.links(chosen.uids)), areas)


def stage_snapshots(
    store: Store,
    before: str,
    after: str | None,
    layers: Sequence[QgsVectorLayer] = (),
    *,
    project: QgsProject | None = None,
    feedback=None,
) -> tuple[Snapshot, Snapshot, list[str] | None]:
    """``before`` (a stage) and ``after`` (a stage, or ``None`` for the store and layers now), and the
    layer uids to compare (``None``: every layer both stages hold).

    ``layers`` limit the comparison to those layers; comparing with now needs them.
    """
    chosen = registered_layers(store, layers) if layers else None
    uids = chosen.uids if chosen else None
    old = stage_snapshot(store, before, uids)
    if after:
        new = stage_snapshot(store, after, uids)
    else:
        if chosen is None:
            message = tr("Choose the land-use layers to compare the stage '{name}' with now.")
            raise StoreError(message.format(name=before))
        new = current_snapshot(store, chosen, project=project, feedback=feedback)
    return old, new, uids


def compare_stages(
    store: Store,
    before: str,
    after: str | None,
    layers: Sequence[QgsVectorLayer] = (),
    *,
    project: QgsProject | None = None,
    feedback=None,
) -> Comparison:
    """What changed from the stage ``before`` to ``after`` (see :func:`stage_snapshots`)."""
    old, new, uids = stage_snapshots(store, before, after, layers, project=project, feedback=feedback)
    return compare(old, new, uids)
