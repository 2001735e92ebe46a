"""The panel keeps up with the store and the project while planners work.

- **Others' changes**: every :data:`POLL_MS` while the dock is visible and a store
  is open, ask which layers' links other sessions changed — the PostgreSQL engine
  answers from LISTEN/NOTIFY (no query), a GeoPackage from SQLite's
  ``data_version`` (:mod:`core.store.sqlite_changes`: a counter, plus a short
  history read only when it moved). The controller then reloads what shows those links.
- **Split and copy/paste**: the plugin's :class:`core.project_tracking.ProjectLinkTracking`
  copies links to split parts and pasted copies whether the panel is open or not;
  while the panel has a store it writes through it, and the panel takes that copy
  as its own write (not someone else's change) and reloads.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ...core import log
from ...core.errors import TerritorialError
from ...core.store.base import Store
from ...core.store.gpkg.changes import GeoPackageChangeWatch

#: how often the panel asks whether others changed links (ms)
POLL_MS = 5000


class LiveUpdates(QObject):
    """Polling for others' changes, and the panel's side of split/paste link tracking.

    ``othersChanged`` carries the layer uids whose links other sessions changed.
    """

    othersChanged = pyqtSignal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, store_getter: Callable[[], Store | None], tracking=None, parent=None):
        super().__init__(parent)
        self._store = store_getter
        #: the plugin's ProjectLinkTracking (None in a dock made without the plugin)
        self.tracking = tracking
        if tracking is not None:
            tracking.borrow_store(store_getter)
            tracking.after_copy.append(self._copied)
        self._gpkg_watch: GeoPackageChangeWatch | None = None
        self._poll_failed = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._visible = False

    def _copied(self) -> None:
        """The tracking copied links through the panel's store: not someone else's change."""
        self.own_write()

    # -- polling --------------------------------------------------------------------
    def store_changed(self, store) -> None:
        """A new store (or none): start listening to it; the first poll only sets the baseline."""
        if self._gpkg_watch is not None:
            self._gpkg_watch.close()
            self._gpkg_watch = None
        self._poll_failed = False
        if store is not None and getattr(store, "engine", "") == "gpkg":
            self._gpkg_watch = GeoPackageChangeWatch(store.uri)
        if store is not None:
            self.poll()  # starts listening, so changes from now on are seen on the first tick
        self._update_timer()

    def own_write(self) -> None:
        """The panel wrote: what is committed now is not someone else's change."""
        if self._gpkg_watch is not None:
            self._gpkg_watch.mark_seen()

    def set_visible(self, visible: bool) -> None:
        """Poll while the panel is seen; on showing, catch up at once with what changed meanwhile."""
        self._visible = visible
        self._update_timer()
        if visible:
            self.poll()

    def _update_timer(self) -> None:
        if self._visible and self._store() is not None:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def changes(self) -> set[str]:
        """Layer uids whose links other sessions changed since the last call."""
        store = self._store()
        if store is None:
            return set()
        if self._gpkg_watch is not None:
            return self._gpkg_watch.poll()
        try:
            changed = store.poll_changes()
        except TerritorialError as error:
            if not self._poll_failed:  # say it once, not every five seconds
                log.warning(str(error))
            self._poll_failed = True
            return set()
        self._poll_failed = False
        return changed

    def poll(self) -> set[str]:
        """One tick: ask, and tell the panel what others changed; returns the layer uids."""
        changed = self.changes()
        if changed:
            self.othersChanged.emit(changed)
        return changed

    def cleanup(self) -> None:
        self.timer.stop()
        if self.tracking is not None:
            self.tracking.borrow_store(None)
            with contextlib.suppress(ValueError):
                self.tracking.after_copy.remove(self._copied)
        if self._gpkg_watch is not None:
            self._gpkg_watch.close()
            self._gpkg_watch = None
