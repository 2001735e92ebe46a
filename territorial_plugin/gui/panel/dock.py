"""The Territorial Links dock (objectName ``TerritorialLinksDock``).

It follows the active layer and its selection, shows the goal tree with
tri-state checks, and turns ticks into links. Widgets carry objectNames (see
``docs/architecture.md``, The panel) so tests and e2e scenarios drive the real
widgets. Store work for a selection is set-based (one query per change); the key
table of a layer is read in a ``QgsTask`` (``layer_keys.py``).
"""

from __future__ import annotations

import contextlib
import html
import time

from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QEvent, QTimer
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import (
    QAction,
)

from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.project.link_store import default_store_path, project_store_uri, remember_store
from ...core.store import open_store
from ...core.store.base import Store
from ...core.user import current_user
from ...translation import qgis_locale
from . import panel_actions
from .coverage_task import CoverageTask
from .dock_ui import build_ui
from .goal_tree_model import COL_GOAL, GOAL_ID_ROLE
from .highlight import GoalHighlighter
from .identity_adapter import registered_layer
from .layer_keys import LayerKeys
from .link_details import GoalTooltipFilter, own_organisation
from .live_updates import LiveUpdates
from .states import PanelState, layer_problem, panel_state
from .undo import LinkUndoStack

DOCK_OBJECT_NAME = "TerritorialLinksDock"
#: selection changes closer together than this are coalesced into one refresh
DEBOUNCE_MS = 150


class TerritorialLinksDock(QgsDockWidget):
    def __init__(self, iface, parent=None, tracking=None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName(DOCK_OBJECT_NAME)
        self.setWindowTitle(tr("Territorial Links"))
        self.store: Store | None = None
        self.layer: QgsVectorLayer | None = None
        self.record = None  # RegisteredLayer of the active layer
        self.layer_keys: LayerKeys | None = None
        self.selected_keys: list[str] = []
        self.coverage = None  # PanelCoverage of the active layer
        self._coverage_task = None
        self._coverage_layer = ""
        self._coverage_dirty = False
        self.last_message: tuple[str, int] = ("", 0)
        self.last_refresh_ms = 0.0
        self.language = qgis_locale()
        self.undo_stack = LinkUndoStack(lambda: self.store, current_user(), self)
        self.undo_stack.on_change = self._after_links_changed
        self.undo_stack.on_error = self.show_error
        canvas = iface.mapCanvas() if iface is not None else None
        self.highlighter = GoalHighlighter(canvas)
        build_ui(self)
        # others' changes (polled while visible) and links following split/pasted features
        self.live = LiveUpdates(self, tracking)
        self.tooltip_filter = GoalTooltipFilter(self)
        self.tree.viewport().installEventFilter(self.tooltip_filter)
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(DEBOUNCE_MS)
        self._throttle.timeout.connect(self._throttle_timeout)
        self._pending = False
        self._coverage_timer = QTimer(self)
        self._coverage_timer.setSingleShot(True)
        # a burst of ticks makes one recount
        self._coverage_timer.setInterval(250)
        self._coverage_timer.timeout.connect(self.refresh_coverage)
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(DEBOUNCE_MS)
        self._highlight_timer.timeout.connect(self.refresh_highlight)
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_cleared)
        project.layersWillBeRemoved.connect(self._layers_removed)
        if iface is not None:
            iface.currentLayerChanged.connect(self.set_layer)
        self.open_project_store(quiet=True)
        self.set_layer(iface.activeLayer() if iface is not None else None)

    # -- construction -------------------------------------------------------------
    # -- keyboard -------------------------------------------------------------------
    def _panel_action_for(self, event) -> QAction | None:
        """The panel action whose shortcut ``event`` is, if any."""
        try:
            sequence = QKeySequence(event.keyCombination())  # Qt 6
        except AttributeError:
            sequence = QKeySequence(int(event.modifiers()) | event.key())
        for action in self.actions():
            if (
                not action.shortcut().isEmpty()
                and action.shortcut().matches(sequence) == QKeySequence.SequenceMatch.ExactMatch
            ):
                return action
        return None

    def event(self, event) -> bool:
        # While the focus is in the panel its shortcuts win over QGIS's own (Ctrl+Z would
        # otherwise be ambiguous with QGIS's edit undo and do nothing): claim the key here,
        # unless a child (a text field's own undo) has claimed it first.
        if event.type() == QEvent.Type.ShortcutOverride and self._panel_action_for(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        action = self._panel_action_for(event)
        if action is not None:
            if action.isEnabled():
                action.trigger()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- messages ------------------------------------------------------------------
    def message(self, text: str, level=Qgis.MessageLevel.Info, duration: int = 5) -> None:
        self.last_message = (text, int(level))
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Territorial Links"), text, level, duration)

    def show_error(self, error: Exception) -> None:
        self.message(str(error), Qgis.MessageLevel.Critical, 10)

    # -- store ----------------------------------------------------------------------
    def open_project_store(self, quiet: bool = False) -> None:
        uri = project_store_uri()
        if not uri:
            self.set_store(None)
            return
        try:
            self.set_store(open_store(uri))
        except TerritorialError as error:
            self.set_store(None)
            if not quiet:
                self.show_error(error)
            else:
                self.message(str(error), Qgis.MessageLevel.Warning)

    def set_store(self, store: Store | None, remember: bool = False) -> None:
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        self.undo_stack.clear()
        if store is not None and remember:
            remember_store(store.uri)
        self.store_label.setText(tr("Link store: {uri}").format(uri=store.uri) if store is not None else "")
        self.editor.set_organisation(own_organisation(store))
        self.live.store_changed(store)
        self._reload_catalogues()
        self.set_layer(self.layer)

    def create_store(self, path: str | None = None) -> None:
        """Create (or open, if it exists) a GeoPackage store; without ``path`` ask where."""
        panel_actions.create_store(self, path)

    def open_store_file(self, path: str | None = None) -> None:
        """Open an existing store; without ``path`` ask which."""
        panel_actions.open_store_file(self, path)

    def _reload_catalogues(self) -> None:
        current = self.catalogue_combo.currentData()
        self.catalogue_combo.blockSignals(True)
        self.catalogue_combo.clear()
        self.catalogue_combo.addItem(tr("All catalogues"), "")
        catalogues, goals = [], []
        if self.store is not None:
            try:
                catalogues = self.store.catalogues(include_disabled=False)
                goals = [g for c in catalogues for g in self.store.goals(c.id)]
            except TerritorialError as error:
                self.show_error(error)
        for catalogue in catalogues:
            self.catalogue_combo.addItem(catalogue.name, catalogue.id)
        index = self.catalogue_combo.findData(current)
        self.catalogue_combo.setCurrentIndex(max(index, 0))
        self.catalogue_combo.blockSignals(False)
        self.proxy.set_catalogue(self.catalogue_combo.currentData() or "")
        self.model.set_goals(catalogues, goals, self.language)
        self.has_catalogues = bool(catalogues)
        self.tree.expandToDepth(0)

    # -- layer and selection ------------------------------------------------------
    def set_layer(self, layer) -> None:
        if self.layer is not None and self.layer is not layer:
            with contextlib.suppress(TypeError, RuntimeError):
                self.layer.selectionChanged.disconnect(self._selection_changed)
        if self.layer_keys is not None and (layer is not self.layer or self.record is None):
            self.layer_keys.disconnect_layer()
            self.layer_keys = None
        previous = self.layer
        self.layer = layer if isinstance(layer, QgsVectorLayer) else None
        if self.layer is not None and previous is not self.layer:
            self.layer.selectionChanged.connect(self._selection_changed)
        self.record = None
        self.coverage = None
        if self.store is not None and self.layer is not None and not layer_problem(self.layer):
            try:
                self.record = registered_layer(self.store, self.layer)
            except TerritorialError as error:
                self.show_error(error)
        state = panel_state(self.store is not None, layer, self.record is not None, self.has_catalogues)
        self._show_state(state, layer)
        if state == PanelState.READY:
            if self.layer_keys is None:
                self.layer_keys = LayerKeys(self.layer, self.record.key_field, self)
                self.layer_keys.ready.connect(self._keys_ready)
                self.layer_keys.build()
            self.refresh_selection()
            self.refresh_coverage()
        else:
            self.selected_keys = []
            self.model.set_selection_counts({}, 0)
            self.model.set_coverage({})
        self.refresh_highlight()

    def _show_state(self, state: PanelState, layer) -> None:
        if state == PanelState.READY:
            self.stack.setCurrentWidget(self.main_page)
            return
        self.stack.setCurrentWidget(self.state_page)
        self.state_page.show_state(
            state,
            layer_name=layer.name() if layer is not None else "",
            detail=layer_problem(layer) or "",
            # one click creates the store beside a saved project; an unsaved one asks where
            store_hint=default_store_path() if QgsProject.instance().fileName() else "",
        )
        if layer is not None:
            self.status_label.setText(f"<b>{layer.name()}</b>")
        else:
            self.status_label.setText(tr("Select areas on the map to see and edit their goal links."))

    @property
    def state(self) -> PanelState:
        if self.stack.currentWidget() is self.main_page:
            return PanelState.READY
        return self.state_page.state

    def _selection_changed(self, *args) -> None:
        # leading edge now, trailing edge after DEBOUNCE_MS: quick to react, never a storm of queries
        if self._throttle.isActive():
            self._pending = True
            return
        self.refresh_selection()
        self._throttle.start()

    def _throttle_timeout(self) -> None:
        if self._pending:
            self._pending = False
            self.refresh_selection()
            self._throttle.start()

    def _keys_ready(self) -> None:
        self.refresh_selection()
        self.refresh_coverage()

    def refresh_selection(self) -> None:
        """Selection → keys → per-goal counts → tri-state checks (one set-based query)."""
        if self.state != PanelState.READY or self.layer is None or self.layer_keys is None:
            return
        start = time.perf_counter()
        fids = self.layer.selectedFeatureIds()
        keys = self.layer_keys.keys_for(fids)
        if keys is None:  # large selection before the key table is read: the task will call back
            self.status_label.setText(
                tr("<b>{layer}</b>: reading {n} selected areas…").format(layer=self.layer.name(), n=len(fids))
            )
            return
        self.selected_keys = keys
        try:
            counts = self.store.goal_counts_for_keys(self.record.layer_uid, keys) if keys else {}
        except TerritorialError as error:
            self.show_error(error)
            counts = {}
        self.model.set_selection_counts(counts, len(keys))
        self._update_texts(len(fids), len(keys))
        self.last_refresh_ms = (time.perf_counter() - start) * 1000

    def _update_texts(self, n_selected: int, n_keys: int) -> None:
        total = self.layer.featureCount()
        self.status_label.setText(
            tr("<b>{layer}</b> — {n} of {total} areas selected").format(
                layer=self.layer.name(), n=n_selected, total=total
            )
        )
        self._n_selected = n_selected
        self._update_hint()

    def _update_hint(self) -> None:
        n_keys, n_selected = len(self.selected_keys), getattr(self, "_n_selected", 0)
        if n_keys:
            hint = tr("Tick a goal to link the {n} selected areas to it; untick to remove the links.").format(n=n_keys)
        elif n_selected:
            hint = tr("The selected areas have no key value and cannot be linked.")
        else:
            hint = tr("Select areas on the map (or with an expression) to link them to goals.")
        hint = html.escape(hint)
        unlinked = len(self.coverage.unlinked_keys) if self.coverage is not None else 0
        if unlinked:
            # areas with no goal are easy to find: one click selects them
            hint += "<br/>" + '<a href="unlinked">{}</a>'.format(
                html.escape(tr("{n} areas of this layer have no goal yet: select them").format(n=unlinked))
            )
        self.hint_label.setText(hint)

    def select_unlinked(self) -> None:
        """Select the areas of the active layer that are linked to no goal."""
        if self.coverage is None or self.layer_keys is None or self.layer is None:
            return
        fids = self.layer_keys.fids_for(self.coverage.unlinked_keys)
        self.layer.selectByIds(fids)
        if self.iface is not None and fids:
            self.iface.mapCanvas().zoomToSelected(self.layer)
            self.iface.mapCanvas().flashFeatureIds(self.layer, fids)

    def refresh_coverage(self, wait: bool = False) -> None:
        """Per goal: linked areas of the layer, their hectares, and how many conflict.

        Runs in a :class:`CoverageTask` (``wait=True``: here, for tests and scripts);
        the tree keeps the previous figures until the new ones arrive.
        """
        if self.state != PanelState.READY or self.record is None:
            return
        if self.layer_keys is None or not self.layer_keys.is_ready:
            return  # the key table task calls back when the areas are read
        if not wait and self._coverage_task is not None and self._coverage_layer == self.record.layer_uid:
            # a store read cannot be interrupted: count again once the running one is done
            self._coverage_dirty = True
            return
        self._cancel_coverage_task()
        self._coverage_dirty = False
        task = CoverageTask(self.store.uri, self.record.layer_uid, self.layer.name(), self.layer_keys.areas)
        layer_uid = self.record.layer_uid
        if wait:
            task.run()
            self._coverage_done(task, layer_uid)
            return
        task.taskCompleted.connect(lambda: self._coverage_done(task, layer_uid))
        task.taskTerminated.connect(lambda: self._coverage_failed(task))
        self._coverage_task = task
        self._coverage_layer = layer_uid
        QgsApplication.taskManager().addTask(task)

    def _cancel_coverage_task(self) -> None:
        task, self._coverage_task = self._coverage_task, None
        if task is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # finished and deleted already
                task.taskCompleted.disconnect()
                task.taskTerminated.disconnect()
                task.cancel()

    def _coverage_failed(self, task) -> None:
        if task is self._coverage_task:
            self._coverage_task = None
        if task.error:
            self.message(task.error, Qgis.MessageLevel.Warning)
        if self._coverage_dirty:
            self.refresh_coverage()

    def _coverage_done(self, task, layer_uid: str) -> None:
        if self._coverage_task is not None and task is not self._coverage_task:
            return  # a newer count is under way
        self._coverage_task = None
        if task.result is None or self.record is None or self.record.layer_uid != layer_uid:
            return  # the user moved on to another layer meanwhile
        if self._coverage_dirty:  # links changed while counting: show these figures, count again
            self._coverage_timer.start()
        self.coverage = task.result
        self.model.set_coverage(task.result.by_goal)
        if self.proxy.is_filtering():
            self.proxy.invalidate()
        self._update_hint()

    # -- linking --------------------------------------------------------------------
    def set_goal_linked(self, goal_id: str, link: bool) -> None:
        panel_actions.set_goal_linked(self, goal_id, link)

    def _after_links_changed(self, layer_uid: str) -> None:
        from ...core import expressions

        self.live.own_write()  # not to be taken for someone else's change on the next poll
        expressions.invalidate()
        self.refresh_selection()
        self._coverage_timer.start()
        self.refresh_highlight()

    def reload_links(self) -> None:
        """Show the links as stored now (after a conflict or others' changes)."""
        from ...core import expressions

        expressions.invalidate()
        self.refresh_selection()
        self._coverage_timer.start()
        self.refresh_highlight()

    # -- goal focus, search, highlight --------------------------------------------
    def focused_goal_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.sibling(index.row(), COL_GOAL).data(GOAL_ID_ROLE) if index.isValid() else None

    def focus_goal(self, goal_id: str) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(goal_id))
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.setCurrentIndex(index)

    def _focus_changed(self, *args) -> None:
        # arrowing through the tree with the highlight on: read the store once the focus rests
        if self.highlight_toggle.isChecked():
            self._highlight_timer.start()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._expand_if_filtering()

    def _expand_if_filtering(self) -> None:
        if self.proxy.is_filtering():
            self.tree.expandAll()

    def refresh_highlight(self) -> None:
        panel_actions.refresh_highlight(self)

    # -- states' actions ----------------------------------------------------------
    def _state_action(self, action: str) -> None:
        panel_actions.state_action(self, action)

    # -- project ------------------------------------------------------------------
    def _project_read(self, *args) -> None:
        self.open_project_store(quiet=True)

    def _project_cleared(self) -> None:
        self.highlighter.clear()
        self.set_layer(None)
        self.set_store(None)

    def _layers_removed(self, layer_ids) -> None:
        if self.layer is not None and self.layer.id() in layer_ids:
            self.set_layer(None)
        else:
            self.highlighter.clear()

    def cleanup(self) -> None:
        """Disconnect from QGIS before the dock is deleted (called by ``unload``)."""
        self._throttle.stop()
        self._coverage_timer.stop()
        self._highlight_timer.stop()
        self.live.cleanup()
        with contextlib.suppress(RuntimeError):
            self.tree.viewport().removeEventFilter(self.tooltip_filter)
        self._cancel_coverage_task()
        self.highlighter.clear()
        project = QgsProject.instance()
        for signal, slot in (
            (project.readProject, self._project_read),
            (project.cleared, self._project_cleared),
            (project.layersWillBeRemoved, self._layers_removed),
        ):
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(slot)
        if self.iface is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.iface.currentLayerChanged.disconnect(self.set_layer)
        if self.layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.layer.selectionChanged.disconnect(self._selection_changed)
        if self.layer_keys is not None:
            self.layer_keys.disconnect_layer()
            self.layer_keys = None
        if self.store is not None:
            self.store.close()
            self.store = None
