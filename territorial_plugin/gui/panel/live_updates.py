"""The panel keeps up with the store and the project while planners work.

- **Others' changes**: every :data:`POLL_MS` while the dock is visible and a store
  is open, ask which layers' links other sessions changed — the PostgreSQL engine
  answers from LISTEN/NOTIFY (no query), a GeoPackage from SQLite's
  ``data_version`` (:mod:`core.store.sqlite_changes`: a counter, plus a short
  history read only when it moved). The dock then reloads what shows those links.
- **Split and copy/paste**: the plugin's :class:`core.project_tracking.ProjectLinkTracking`
  copies links to split parts and pasted copies whether the panel is open or not;
  while the panel has a store it writes through it, and the panel takes that copy
  as its own write (not someone else's change) and reloads.
"""

from __future__ import annotations

import contextlib

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QTimer

from ...core import log
from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.store.gpkg.changes import GeoPackageChangeWatch

#: how often the panel asks whether others changed links (ms)
POLL_MS = 5000


class LiveUpdates(QObject):
    """Polling for others' changes, and the panel's side of split/paste link tracking."""

    def __init__(self, dock, tracking=None):
        super().__init__(dock)
        self.dock = dock
        #: the plugin's ProjectLinkTracking (None in a dock made without the plugin)
        self.tracking = tracking
        if tracking is not None:
            tracking.borrow_store(lambda: dock.store)
            tracking.after_copy.append(self._copied)
        self._gpkg_watch: GeoPackageChangeWatch | None = None
        self._poll_failed = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._visible = dock.isVisible()
        dock.visibilityChanged.connect(self._visibility_changed)

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

    def _visibility_changed(self, visible: bool) -> None:
        self._visible = visible
        self._update_timer()
        if visible:
            self.poll()  # catch up at once with what changed while the panel was hidden

    def _update_timer(self) -> None:
        if self._visible and self.dock.store is not None:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def changes(self) -> set[str]:
        """Layer uids whose links other sessions changed since the last call."""
        store = self.dock.store
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
        """One tick: ask, and let the dock reload what others changed; returns the layer uids."""
        changed = self.changes()
        if changed:
            self.apply(changed)
        return changed

    def apply(self, layer_uids: set[str]) -> None:
        """Other sessions changed links of ``layer_uids``: reload what in the panel shows them.

        One query for the selection's checks; the per-goal recount is coalesced and
        never runs twice at once (``dock.refresh_coverage``), so a busy colleague does
        not make this panel hammer the server.
        """
        from ...core import expressions

        dock = self.dock
        if dock.undo_stack.forget_layers(layer_uids):
            dock.message(
                tr(
                    "Others changed links that you could undo; "
                    "the undo history was cleared so that it cannot overwrite their changes."
                ),
                Qgis.MessageLevel.Info,
            )
        expressions.invalidate()
        if dock.record is not None and dock.record.layer_uid in layer_uids:
            dock.reload_links()
        elif dock.highlight_toggle.isChecked():
            dock.refresh_highlight()  # the focused goal's areas may lie in another layer

    def cleanup(self) -> None:
        self.timer.stop()
        with contextlib.suppress(TypeError, RuntimeError):
            self.dock.visibilityChanged.disconnect(self._visibility_changed)
        if self.tracking is not None:
            self.tracking.borrow_store(None)
            with contextlib.suppress(ValueError):
                self.tracking.after_copy.remove(self._copied)
        if self._gpkg_watch is not None:
            self._gpkg_watch.close()
            self._gpkg_watch = None
