"""Links follow split and pasted features in every layer of the project, panel open or not.

A planner may split a linked area in an ordinary edit session without ever
opening the panel; the new part must still get its original's links. The plugin
owns one :class:`ProjectLinkTracking` from ``initGui`` to ``unload``: it watches
every vector layer of the project with a :class:`LinkTracker` and, when a
registered layer commits new features, writes to the store the panel uses — or,
with no panel store, to the project's own store (``territorial_links/store``),
opened only then and closed when the project changes. Unregistered layers never
open a store.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from qgis.core import QgsProject, QgsVectorLayer

from .. import log
from ..errors import TerritorialError
from ..i18n import tr
from ..link_tracking import LinkTracker
from ..store import open_store
from ..store.base import Store
from .link_store import project_store_uri


class ProjectLinkTracking:
    """One :class:`LinkTracker` over the whole project, with a store found when it is needed."""

    def __init__(self, user: str, project: QgsProject | None = None):
        self.project = project or QgsProject.instance()
        self._borrowed: Callable[[], Store | None] | None = None
        self._own: Store | None = None
        self._own_uri = ""
        #: called after links were copied (the panel: "that write was mine", then reload)
        self.after_copy: list[Callable[[], None]] = []
        self.tracker = LinkTracker(self.store, user, on_copied=self._copied)
        self.project.layersAdded.connect(self.watch_layers)
        self.project.cleared.connect(self.close_own_store)
        self.watch_layers(self.project.mapLayers().values())

    def watch_layers(self, layers=None) -> None:
        """Track splits and pastes in ``layers`` (default: every layer of the project)."""
        for layer in self.project.mapLayers().values() if layers is None else layers:
            if isinstance(layer, QgsVectorLayer):
                self.tracker.watch(layer)

    def borrow_store(self, getter: Callable[[], Store | None] | None) -> None:
        """Write through the panel's store while it has one (``None``: stop borrowing)."""
        self._borrowed = getter

    def store(self) -> Store | None:
        """The panel's store if it has one, else the project's own (opened now); None without one."""
        if self._borrowed is not None:
            store = self._borrowed()
            if store is not None:
                return store
        uri = project_store_uri(self.project)
        if uri != self._own_uri:
            self.close_own_store()
        if not uri:
            return None
        if self._own is None:
            try:
                self._own = open_store(uri)
            except TerritorialError as error:
                log.warning(
                    tr("Links cannot follow split or pasted features: the link store did not open. {error}").format(
                        error=error
                    )
                )
                return None
            self._own_uri = uri
        return self._own

    def close_own_store(self) -> None:
        if self._own is not None:
            with contextlib.suppress(TerritorialError):
                self._own.close()
        self._own, self._own_uri = None, ""

    def _copied(self) -> None:
        for callback in list(self.after_copy):
            callback()

    def close(self) -> None:
        """Stop watching and close what this object opened (plugin unload)."""
        for signal, slot in (
            (self.project.layersAdded, self.watch_layers),
            (self.project.cleared, self.close_own_store),
        ):
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(slot)
        self.tracker.unwatch_all()
        self.after_copy.clear()
        self._borrowed = None
        self.close_own_store()
