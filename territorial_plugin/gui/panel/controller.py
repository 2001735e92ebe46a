"""What the panel does: its store, the active layer and selection, and what a tick, an edit,
a lookup or a registration does to them.

The controller shows its results through :class:`PanelView`'s methods and answers
the view's signals. Store work for a selection is set-based (one query per
change); the key table of a layer is read in a ``QgsTask`` (``layer_keys.py``),
the per-goal counts in another, and rule suggestions for a large selection in a
third (``tasks.py``).
"""

from __future__ import annotations

import contextlib
import html
import time

from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsMessageBarItem
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, QTimer

from ...core.errors import TerritorialError
from ...core.i18n import plural, tr
from ...core.identity import resolve_layer
from ...core.project.link_store import default_store_path, project_store_uri, remember_store
from ...core.store import open_store
from ...core.store.base import Store
from ...core.user import current_user
from ...translation import qgis_locale
from .actions import PanelActions
from .goal_tree_model import suggestion_badge
from .highlight import GoalHighlighter
from .layer_keys import LayerKeys
from .link_details import organisation_names, own_organisation
from .live_updates import LiveUpdates
from .scope.scope import PanelScope, narrow
from .states import PanelState, layer_problem, panel_state
from .tasks import CoverageTask, SuggestionTask
from .undo import LinkUndoStack
from .view import PanelView

#: selection changes closer together than this are coalesced into one refresh
DEBOUNCE_MS = 150
#: rule suggestions are read inline up to this many (selected area × rule) evaluations
#: (about 10 µs each: some 50 ms); a larger selection reads them in a SuggestionTask
SUGGEST_INLINE = 5000


class SelectionThrottle(QObject):
    """Leading edge now, trailing edge after :data:`DEBOUNCE_MS`: quick to react, never a storm of queries."""

    def __init__(self, refresh, parent=None):
        super().__init__(parent)
        self._refresh = refresh
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._timeout)

    def changed(self, *args) -> None:
        if self._timer.isActive():
            self._pending = True
            return
        self._refresh()
        self._timer.start()

    def _timeout(self) -> None:
        if self._pending:
            self._pending = False
            self._refresh()
            self._timer.start()

    def stop(self) -> None:
        """Forget a pending refresh: the next change is the first after a pause."""
        self._timer.stop()
        self._pending = False


class PanelController(QObject):
    """The panel's state (store, layer, selection, counts) and what its actions do."""

    def __init__(self, iface, view: PanelView, tracking=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.view = view
        self.store: Store | None = None
        self.layer: QgsVectorLayer | None = None
        self.record = None  # RegisteredLayer of the active layer
        self.layer_keys: LayerKeys | None = None
        self.selected_keys: list[str] = []
        self.suggested: dict[str, list] = {}  # goal id → rule outcomes suggesting it for the selection
        self.last_suggestions_ms = 0.0
        self._summary: dict = {}
        self._suggestion_task = None
        self.coverage = None  # PanelCoverage of the active layer
        self.has_catalogues = False
        self.last_message: tuple[str, int] = ("", 0)
        self._message_item = None  # the panel's message in the bar, replaced by the next one
        self.last_refresh_ms = 0.0
        self.language = qgis_locale()
        self._n_selected = 0
        self._coverage_task = None
        self._coverage_for: tuple = ()  # (layer uid, scope) the running count is of
        self._coverage_dirty = False
        self.undo_stack = LinkUndoStack(
            lambda: self.store, current_user(), self.after_links_changed, self.show_error, self
        )
        self.highlighter = GoalHighlighter(iface.mapCanvas() if iface is not None else None)
        self.actions = PanelActions(self)
        # others' changes (polled while visible) and links following split/pasted features
        self.live = LiveUpdates(lambda: self.store, tracking, self)
        self.live.othersChanged.connect(self._others_changed)
        self.selection_throttle = SelectionThrottle(self.refresh_selection, self)
        self._coverage_timer = QTimer(self)
        self._coverage_timer.setSingleShot(True)
        self._coverage_timer.setInterval(250)  # a burst of ticks makes one recount
        self._coverage_timer.timeout.connect(self.refresh_coverage)
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(DEBOUNCE_MS)
        self._highlight_timer.timeout.connect(self.refresh_highlight)
        self._connect_view()
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_cleared)
        project.layersWillBeRemoved.connect(self._layers_removed)
        if iface is not None:
            iface.currentLayerChanged.connect(self.set_layer)
        self.open_project_store(quiet=True)
        self.set_layer(iface.activeLayer() if iface is not None else None)

    def _connect_view(self) -> None:
        view = self.view
        view.bind_undo_stack(self.undo_stack)
        view.goalCheckRequested.connect(self.actions.set_goal_linked)
        view.editRequested.connect(self.actions.edit_link)
        view.lookupRequested.connect(self.actions.reverse_lookup)
        view.highlightToggled.connect(lambda on: self.refresh_highlight())
        view.goalFocused.connect(self._goal_focused)
        view.unlinkedRequested.connect(self.select_unlinked)
        view.exportRequested.connect(self.actions.open_export)
        view.cataloguesRequested.connect(self.actions.manage_catalogues)
        view.goalFieldsRequested.connect(self.actions.toggle_goal_fields)
        view.helpRequested.connect(self.actions.open_handbook)
        view.stateActionRequested.connect(self.actions.state_action)
        view.acceptSuggestionRequested.connect(self.actions.accept_suggestions)
        view.dismissSuggestionRequested.connect(self.actions.dismiss_suggestions)
        view.scope_bar.scopeChanged.connect(self.scope_changed)
        view.scope_bar.stagesWanted.connect(self.reload_stages)

    # -- messages ------------------------------------------------------------------
    def message(self, text: str, level=Qgis.MessageLevel.Info, duration: int = 5) -> None:
        """Say ``text`` in the message bar, in place of the panel's previous message.

        Rapid ticks or accepts would otherwise stack their messages ("23 more"); the
        latest says what is stored now. The item is made here, in Python, so that its
        deletion by the bar (when its time is up) is known to ``sip.isdeleted``.
        """
        self.last_message = (text, int(level))
        if self.iface is None:
            return
        bar = self.iface.messageBar()
        previous, self._message_item = self._message_item, None
        if previous is not None and not sip.isdeleted(previous) and previous in bar.items():
            bar.popWidget(previous)
        item = QgsMessageBarItem(tr("Territorial Links"), text, level, duration)
        bar.pushItem(item)
        self._message_item = item

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
        self.view.set_store_text(tr("Link store: {uri}").format(uri=store.uri) if store is not None else "")
        self.view.editor.set_organisation(own_organisation(store))
        self.live.store_changed(store)
        self.reload_catalogues()
        # another store: now, every organisation (its own are listed when its links are counted)
        bar = self.view.scope_bar
        bar.blockSignals(True)
        bar.set_organisations([], {})
        self.reload_stages()
        bar.choose_stage("")
        bar.blockSignals(False)
        bar.show_note()
        self.view.set_read_only(False)  # set_layer below shows the new store's links
        self.view.model.organisation_names = organisation_names(store)
        self.set_layer(self.layer)

    def reload_stages(self) -> None:
        """List the store's saved stages in the chooser (a stage saved meanwhile appears)."""
        stages = []
        if self.store is not None:
            try:
                stages = self.store.stages()
            except TerritorialError as error:
                self.show_error(error)
        self.view.scope_bar.set_stages(stages)

    @property
    def scope(self) -> PanelScope:
        """What the panel shows: now or a saved stage, every organisation's links or one's."""
        return self.view.scope_bar.scope()

    def scope_changed(self) -> None:
        """Another stage or organisation chosen: the tree, counts, highlight and what can be used follow."""
        self.view.set_read_only(self.scope.read_only)
        if self.state != PanelState.READY:
            return
        self.refresh_selection()
        self.refresh_coverage()
        self.refresh_highlight()

    def reload_catalogues(self) -> None:
        catalogues, goals = [], []
        if self.store is not None:
            try:
                catalogues = self.store.catalogues(include_disabled=False)
                goals = [g for c in catalogues for g in self.store.goals(c.id)]
            except TerritorialError as error:
                self.show_error(error)
        self.view.set_goals(catalogues, goals, self.language)
        self.has_catalogues = bool(catalogues)

    # -- layer and selection ------------------------------------------------------
    @property
    def state(self) -> PanelState:
        return self.view.state()

    def set_layer(self, layer) -> None:
        if self.layer is not None and self.layer is not layer:
            with contextlib.suppress(TypeError, RuntimeError):
                self.layer.selectionChanged.disconnect(self.selection_throttle.changed)
        if self.layer_keys is not None and (layer is not self.layer or self.record is None):
            self.layer_keys.disconnect_layer()
            self.layer_keys = None
        previous = self.layer
        self.layer = layer if isinstance(layer, QgsVectorLayer) else None
        if self.layer is not None and previous is not self.layer:
            self.layer.selectionChanged.connect(self.selection_throttle.changed)
        self.record = None
        self.coverage = None
        if self.store is not None and self.layer is not None and not layer_problem(self.layer):
            try:
                self.record = resolve_layer(self.store, self.layer)
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
            self.suggested = {}
            self._cancel_suggestion_task()
            self.view.model.set_selection({}, 0)
            self.view.model.set_coverage({})
            self._show_suggestions()
        self.refresh_highlight()

    def _show_state(self, state: PanelState, layer) -> None:
        if state == PanelState.READY:
            self.view.show_ready()
            return
        self.view.show_state(
            state,
            layer_name=layer.name() if layer is not None else "",
            detail=layer_problem(layer) or "",
            # one click creates the store beside a saved project; an unsaved one asks where
            store_hint=default_store_path() if QgsProject.instance().fileName() else "",
        )
        if layer is not None:
            self.view.set_status(f"<b>{layer.name()}</b>")
        else:
            self.view.set_status(tr("Select areas on the map to see and edit their goal links."))

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
            self.view.set_status(
                tr("<b>{layer}</b>: reading {n} selected areas…").format(layer=self.layer.name(), n=len(fids))
            )
            return
        self.selected_keys = keys
        self.view.editor.follow_selection(self.record.layer_uid, keys)
        scope = self.scope
        try:
            summary = (
                self.store.goal_stances_for_keys(
                    self.record.layer_uid,
                    keys,
                    stage=scope.stage or None,
                    by_organisation=self.view.scope_bar.several_organisations(),
                )
                if keys
                else {}
            )
        except TerritorialError as error:
            self.show_error(error)
            summary = {}
        summary = narrow(summary, scope.organisation)
        self._summary = summary
        if keys and not scope.read_only:
            self.suggested = self._suggestions(fids)
        else:  # a stage is only looked at: nothing to suggest
            self._cancel_suggestion_task()
            self.suggested = {}
        self.view.model.set_selection(summary, len(keys), self.suggested)
        self._show_suggestions()
        self.view.set_status(
            tr("<b>{layer}</b> — {n} of {total} areas selected").format(
                layer=self.layer.name(), n=len(fids), total=self.layer.featureCount()
            )
        )
        self._n_selected = len(fids)
        self._update_hint()
        self.last_refresh_ms = (time.perf_counter() - start) * 1000

    def _suggestions(self, fids) -> dict[str, list]:
        """Per goal, what the layer's enabled rules suggest for the selected areas (not linked, not dismissed).

        Rules, links and dismissals are read on every refresh, and the areas as the layer
        has them now, so a rule set just imported or an area just drawn and committed
        shows its suggestions when selected. A large selection is read in a
        :class:`SuggestionTask`: none are shown until it is done.
        """
        from ...core.rules.suggestions import applicable_rules, suggestions

        self._cancel_suggestion_task()
        start = time.perf_counter()
        try:
            rules = applicable_rules(self.store, self.record)
            if not rules:
                return {}
            if len(fids) * len(rules) > SUGGEST_INLINE:
                self._start_suggestion_task(fids, rules)
                return {}
            return self._by_goal(suggestions(self.store, self.layer, self.record, fids, rules))
        except TerritorialError as error:
            # a broken rule must not stop linking by hand: say which, show no suggestions
            self.message(str(error), Qgis.MessageLevel.Warning)
            return {}
        finally:
            self.last_suggestions_ms = (time.perf_counter() - start) * 1000

    @staticmethod
    def _by_goal(outcomes) -> dict[str, list]:
        by_goal: dict[str, list] = {}
        for outcome in outcomes:
            by_goal.setdefault(outcome.goal_id, []).append(outcome)
        return by_goal

    def _start_suggestion_task(self, fids, rules) -> None:
        task = SuggestionTask(self.store.uri, self.layer, self.record, fids, rules)
        selection = (self.record.layer_uid, list(self.selected_keys))
        task.taskCompleted.connect(lambda: self._suggestions_done(task, selection))
        task.taskTerminated.connect(lambda: self._suggestions_failed(task))
        self._suggestion_task = task
        QgsApplication.taskManager().addTask(task)

    def _cancel_suggestion_task(self) -> None:
        task, self._suggestion_task = self._suggestion_task, None
        if task is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # finished and deleted already
                task.taskCompleted.disconnect()
                task.taskTerminated.disconnect()
                task.cancel()

    def _suggestions_done(self, task, selection) -> None:
        if task is not self._suggestion_task:
            return  # the selection changed meanwhile; a newer task (or none) answers
        self._suggestion_task = None
        if task.result is None or self.record is None or selection != (self.record.layer_uid, self.selected_keys):
            return
        self.suggested = self._by_goal(task.result)
        self.view.model.set_selection(self._summary, len(self.selected_keys), self.suggested)
        self._show_suggestions()
        self._update_hint()

    def _suggestions_failed(self, task) -> None:
        if task is self._suggestion_task:
            self._suggestion_task = None
        if task.error:
            self.message(task.error, Qgis.MessageLevel.Warning)

    def _update_hint(self) -> None:
        if self.scope.read_only:
            self.view.set_hint(html.escape(self._read_only_hint()))
            return
        if self.selected_keys:
            hint = plural(
                len(self.selected_keys),
                tr("Tick a goal to link the selected area to it; untick to remove the link."),
                tr("Tick a goal to link the {n} selected areas to it; untick to remove the links."),
            ).format(n=len(self.selected_keys))
        elif self._n_selected:
            hint = tr("The selected areas have no key value and cannot be linked.")
        else:
            hint = tr("Select areas on the map (or with an expression) to link them to goals.")
        if self.suggested:
            hint += " " + tr(
                "{suggested}: a linking rule suggests the goal; accept or dismiss it with the buttons below the list."
            ).format(suggested=suggestion_badge())
        hint = html.escape(hint)
        # with one organisation's links shown, "no goal" would only mean none of that organisation's
        unlinked = (
            len(self.coverage.unlinked_keys) if self.coverage is not None and self.scope.organisation is None else 0
        )
        if unlinked:
            # areas with no goal are easy to find: one click selects them
            hint += "<br/>" + '<a href="unlinked">{}</a>'.format(
                html.escape(
                    plural(
                        unlinked,
                        tr("One area of this layer has no goal yet: select it"),
                        tr("{n} areas of this layer have no goal yet: select them"),
                    ).format(n=unlinked)
                )
            )
        self.view.set_hint(hint)

    def _read_only_hint(self) -> str:
        if self.selected_keys:
            return tr(
                "The checks show how the selected areas were linked when the stage was saved. "
                "Choose Current links to link."
            )
        return tr("Select areas on the map to see how they were linked when the stage was saved.")

    def select_unlinked(self) -> None:
        """Select the areas of the active layer that are linked to no goal."""
        if self.coverage is None or self.layer_keys is None or self.layer is None:
            return
        fids = self.layer_keys.fids_for(self.coverage.unlinked_keys)
        self.layer.selectByIds(fids)
        if self.iface is not None and fids:
            self.iface.mapCanvas().zoomToSelected(self.layer)
            self.iface.mapCanvas().flashFeatureIds(self.layer, fids)

    # -- per-goal counts ------------------------------------------------------------
    def refresh_coverage(self, wait: bool = False) -> None:
        """Per goal: linked areas of the layer, their hectares, and how many conflict.

        Runs in a :class:`CoverageTask` (``wait=True``: here, for tests and scripts);
        the tree keeps the previous figures until the new ones arrive.
        """
        if self.state != PanelState.READY or self.record is None:
            return
        if self.layer_keys is None or not self.layer_keys.is_ready:
            return  # the key table task calls back when the areas are read
        scope = self.scope
        counting = (self.record.layer_uid, scope)
        if not wait and self._coverage_task is not None and self._coverage_for == counting:
            # a store read cannot be interrupted: count again once the running one is done
            self._coverage_dirty = True
            return
        self._cancel_coverage_task()
        self._coverage_dirty = False
        task = CoverageTask(
            self.store.uri,
            self.record.layer_uid,
            self.layer.name(),
            self.layer_keys.areas,
            stage=scope.stage,
            organisation=scope.organisation,
        )
        if wait:
            task.run()
            self._coverage_done(task, counting)
            return
        task.taskCompleted.connect(lambda: self._coverage_done(task, counting))
        task.taskTerminated.connect(lambda: self._coverage_failed(task))
        self._coverage_task = task
        self._coverage_for = counting
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

    def _coverage_done(self, task, counting: tuple) -> None:
        if self._coverage_task is not None and task is not self._coverage_task:
            return  # a newer count is under way
        self._coverage_task = None
        if task.result is None or self.record is None or (self.record.layer_uid, self.scope) != counting:
            return  # the user moved on to another layer, stage or organisation meanwhile
        if self._coverage_dirty:  # links changed while counting: show these figures, count again
            self._coverage_timer.start()
        self.coverage = task.result
        self.view.set_coverage(task.result.by_goal)
        self._update_hint()
        # may fall back to every organisation (scopeChanged) when the chosen one has no links left
        bar = self.view.scope_bar
        several = bar.several_organisations()
        bar.set_organisations(task.organisations, self.view.model.organisation_names)
        if bar.several_organisations() != several:
            self.refresh_selection()  # the selection's links per organisation: asked for, or no longer

    # -- after changes ----------------------------------------------------------------
    def after_links_changed(self, layer_uid: str) -> None:
        """The panel wrote links: show them, recount soon."""
        self.live.own_write()  # not to be taken for someone else's change on the next poll
        self.reload_links()

    def reload_links(self) -> None:
        """Show the links as stored now (after a conflict or others' changes)."""
        from ...core import expressions

        expressions.invalidate()
        self.refresh_selection()
        self._coverage_timer.start()
        self.refresh_highlight()

    def _others_changed(self, layer_uids: set) -> None:
        """Other sessions changed links of ``layer_uids``: reload what in the panel shows them.

        One query for the selection's checks; the per-goal recount is coalesced and
        never runs twice at once (``refresh_coverage``), so a busy colleague does
        not make this panel hammer the server.
        """
        from ...core import expressions

        if self.undo_stack.forget_layers(layer_uids):
            self.message(
                tr(
                    "Others changed links that you could undo; "
                    "the undo history was cleared so that it cannot overwrite their changes."
                ),
                Qgis.MessageLevel.Info,
            )
        expressions.invalidate()
        if self.record is not None and self.record.layer_uid in layer_uids:
            self.reload_links()
        elif self.view.highlight_on():
            self.refresh_highlight()  # the focused goal's areas may lie in another layer

    # -- highlight --------------------------------------------------------------------
    def _show_suggestions(self) -> None:
        """The accept/dismiss row while the selection has suggestions, naming the focused goal's rules."""
        goal_id = self.view.focused_goal_id()
        chosen = self.suggested.get(goal_id, []) if goal_id else []
        self.view.show_suggestions(
            bool(self.suggested),
            self.actions.goal_label(goal_id) if chosen else "",
            sorted({o.rule for o in chosen}),
            len({o.key for o in chosen}),
        )

    def _goal_focused(self) -> None:
        self._show_suggestions()
        # arrowing through the tree with the highlight on: read the store once the focus rests
        if self.view.highlight_on():
            self._highlight_timer.start()

    def refresh_highlight(self) -> None:
        self.highlighter.clear()
        if not self.view.highlight_on() or self.store is None:
            return
        goal_id = self.view.focused_goal_id()
        if goal_id is None:
            return
        try:
            result = self.actions.lookup(goal_id)
        except TerritorialError as error:
            self.show_error(error)
            return
        for hit in result.hits:
            self.highlighter.show(hit.layer, hit.stances)

    # -- visibility and project -------------------------------------------------------
    def set_visible(self, visible: bool) -> None:
        """Poll for others' changes only while the panel is seen; shown again, list the stages saved meanwhile."""
        self.live.set_visible(visible)
        if visible:
            self.reload_stages()

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
        """Disconnect from QGIS before the dock is deleted."""
        self.selection_throttle.stop()
        self._coverage_timer.stop()
        self._highlight_timer.stop()
        self.live.cleanup()
        self._cancel_coverage_task()
        self._cancel_suggestion_task()
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
                self.layer.selectionChanged.disconnect(self.selection_throttle.changed)
        if self.layer_keys is not None:
            self.layer_keys.disconnect_layer()
            self.layer_keys = None
        if self.store is not None:
            self.store.close()
            self.store = None
