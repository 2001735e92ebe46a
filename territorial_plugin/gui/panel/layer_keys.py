"""Feature keys of the active layer: selection → keys without blocking the window.

The key of every feature and its area in hectares (``core.areas.area_records``,
the pass the atlas and the tables read too) are read once per layer in a
:class:`QgsTask`; after that a selection of 10 000 features becomes 10 000 keys
by dictionary look-ups. Until the table is ready, small selections are read directly and large
ones wait for the task (the panel says "reading…").
"""

from __future__ import annotations

import contextlib

from qgis.core import QgsApplication, QgsFeatureRequest, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ...core.areas import area_records
from ...core.errors import CancelledError
from ...core.i18n import tr
from ...core.identity import feature_key

#: selections up to this size are read directly while the key table is being built
DIRECT_READ_LIMIT = 2000


class _KeyTableTask(QgsTask):
    """Reads fid → key and key → area (ha) in a worker thread."""

    def __init__(self, layer: QgsVectorLayer, key_field: str):
        super().__init__(tr("Reading the areas of {layer}").format(layer=layer.name()), QgsTask.Flag.CanCancel)
        self.total = max(layer.featureCount(), 1)
        # set up here, on the layer's thread; read in run()
        self.records = area_records(layer, key_field, names=False, feedback=self)
        self.keys: dict[int, str] = {}
        self.areas: dict[str, float] = {}

    def run(self) -> bool:
        keys, areas = self.keys, self.areas
        try:
            for n, record in enumerate(self.records):
                if n % 1000 == 0:
                    self.setProgress(100.0 * n / self.total)
                keys[record.fid] = record.key
                areas[record.key] = areas.get(record.key, 0.0) + record.hectares
        except CancelledError:
            return False
        return True


class LayerKeys(QObject):
    """Key table of one layer; emits :attr:`ready` once built, rebuilt after edits."""

    ready = pyqtSignal()

    def __init__(self, layer: QgsVectorLayer, key_field: str, parent=None):
        super().__init__(parent)
        self.layer = layer
        self.key_field = key_field
        self.key_index = layer.fields().lookupField(key_field)
        self.keys: dict[int, str] | None = None
        self.areas: dict[str, float] = {}
        self._task: _KeyTableTask | None = None
        for signal in (layer.featureAdded, layer.featureDeleted, layer.geometryChanged, layer.dataChanged):
            signal.connect(self._invalidate)
        layer.attributeValueChanged.connect(self._attribute_changed)
        self._connected = True

    def disconnect_layer(self) -> None:
        if self._connected:
            self._connected = False
            for signal in (
                self.layer.featureAdded,
                self.layer.featureDeleted,
                self.layer.geometryChanged,
                self.layer.dataChanged,
            ):
                with contextlib.suppress(TypeError, RuntimeError):
                    signal.disconnect(self._invalidate)
            with contextlib.suppress(TypeError, RuntimeError):
                self.layer.attributeValueChanged.disconnect(self._attribute_changed)
        self._cancel_task()

    def _cancel_task(self) -> None:
        if self._task is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already finished and deleted
                self._task.taskCompleted.disconnect()
                self._task.cancel()
            self._task = None

    def _attribute_changed(self, fid: int, index: int, value) -> None:
        if index == self.key_index:
            self._invalidate()

    def _invalidate(self, *args) -> None:
        self.keys = None
        self.build()

    @property
    def is_ready(self) -> bool:
        return self.keys is not None

    def build(self, *, wait: bool = False) -> None:
        """Start (or with ``wait=True`` run here) the task that reads the key table."""
        if self.key_index < 0:
            self.keys = {}
            return
        self._cancel_task()
        task = _KeyTableTask(self.layer, self.key_field)
        if wait:
            task.run()
            self._adopt(task)
            return
        task.taskCompleted.connect(lambda: self._adopt(task))
        self._task = task
        QgsApplication.taskManager().addTask(task)

    def _adopt(self, task: _KeyTableTask) -> None:
        if self._task is not None and task is not self._task:
            return  # a newer read is under way
        self._task = None
        self.keys = task.keys
        self.areas = task.areas
        self.ready.emit()

    def keys_for(self, fids) -> list[str] | None:
        """Keys of ``fids`` (no duplicates, nulls dropped); ``None`` if not ready and too many."""
        table = self.keys
        if table is not None:
            missing = [fid for fid in fids if fid not in table]
            found = {table[fid] for fid in fids if fid in table}
            if missing:  # new features in the edit buffer
                found.update(self._read(missing))
            return sorted(found)
        if len(fids) <= DIRECT_READ_LIMIT:
            return sorted(set(self._read(fids)))
        return None

    def _read(self, fids) -> list[str]:
        request = QgsFeatureRequest().setFilterFids(list(fids)).setSubsetOfAttributes([self.key_index])
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        result = []
        for feature in self.layer.getFeatures(request):
            key = feature_key(feature.attribute(self.key_index))
            if key is not None:
                result.append(key)
        return result

    def fid_by_key(self, keys) -> dict[str, int]:
        """key → fid for those of ``keys`` the layer has (a key's first feature)."""
        wanted = set(keys)
        result: dict[str, int] = {}
        for fid, key in (self.keys or {}).items():
            if key in wanted and key not in result:
                result[key] = fid
        return result

    def fids_for(self, keys) -> list[int]:
        """Feature ids of ``keys`` (reverse lookup)."""
        wanted = set(keys)
        if self.keys is None:
            self.build(wait=True)
        return [fid for fid, key in (self.keys or {}).items() if key in wanted]
