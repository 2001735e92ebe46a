"""The panel's widgets: built and owned by :class:`PanelView`, named for tests and scripts.

Layout, top to bottom: status, what is shown (now or a saved stage, every
organisation or one), search, catalogue, filters, goal tree, goal toolbar (find
areas, highlight, edit link), suggestion row (accept, dismiss: while the selection
has suggestions), hint, link editor (what a tick writes), bottom toolbar (undo,
redo, export, catalogues), store. The objectNames
are listed in docs/architecture.md (The panel). The view says what the user asked
for through signals; what that does is the controller's business.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsApplication
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import QEvent, Qt, pyqtSignal
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QUndoStack,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import plural, tr
from ...core.model import Catalogue, Goal, LinkSpec
from .goal_tree_model import (
    COL_AREA,
    COL_COUNT,
    COL_GOAL,
    COL_SELECTION,
    GOAL_ID_ROLE,
    GoalFilterProxy,
    GoalTreeModel,
    suggestion_badge,
)
from .link_editor import LinkEditor
from .scope.bar import ScopeBar
from .states import PanelState, StatePage


def accept_tip(goal: str = "", rules: Sequence[str] = (), n: int = 0) -> str:
    """What Accept suggestion does; naming the goal and its rules when one is focused."""
    if not rules:
        return tr("Link the selected areas a rule suggests for the focused goal, as the rule says (Ctrl+Return)")
    return plural(
        n,
        tr("Link the selected area to {goal} as the rule {rules} suggests (Ctrl+Return)"),
        tr("Link {n} selected areas to {goal} as the rule {rules} suggests (Ctrl+Return)"),
    ).format(n=n, goal=goal, rules=", ".join(rules))


def dismiss_tip(goal: str = "", rules: Sequence[str] = (), n: int = 0) -> str:
    """What Dismiss suggestion does; naming the goal and its rules when one is focused."""
    if not rules:
        return tr("Do not suggest the focused goal for the selected areas again (by the rules that suggest it)")
    return plural(
        n,
        tr("Do not suggest {goal} for the selected area again (rule {rules}); no link is removed"),
        tr("Do not suggest {goal} for these {n} areas again (rule {rules}); no link is removed"),
    ).format(n=n, goal=goal, rules=", ".join(rules))


class PanelView(QWidget):
    """The dock's body: state page or goal tree with its toolbars, link editor, status texts."""

    goalCheckRequested = pyqtSignal(str, bool)  # noqa: N815 - Qt signal naming
    stateActionRequested = pyqtSignal(str)  # noqa: N815
    lookupRequested = pyqtSignal()  # noqa: N815
    editRequested = pyqtSignal()  # noqa: N815
    exportRequested = pyqtSignal()  # noqa: N815
    cataloguesRequested = pyqtSignal()  # noqa: N815
    goalFieldsRequested = pyqtSignal()  # noqa: N815
    helpRequested = pyqtSignal()  # noqa: N815
    unlinkedRequested = pyqtSignal()  # noqa: N815
    highlightToggled = pyqtSignal(bool)  # noqa: N815
    goalFocused = pyqtSignal()  # noqa: N815
    acceptSuggestionRequested = pyqtSignal()  # noqa: N815
    dismissSuggestionRequested = pyqtSignal()  # noqa: N815

    def __init__(self, parent=None):
        super().__init__(parent)
        # wide enough for goal titles and the two toolbars without overflow menus
        self.setMinimumWidth(390)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.status_label = QLabel(tr("Select areas on the map to see and edit their goal links."), self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.status_label)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("panelStack")
        self.state_page = StatePage(self.stack)
        self.state_page.actionRequested.connect(self.stateActionRequested)
        self.stack.addWidget(self.state_page)
        self.main_page = QWidget(self.stack)
        self.stack.addWidget(self.main_page)
        layout.addWidget(self.stack, 1)
        self.store_label = QLabel(self)
        self.store_label.setObjectName("storeLabel")
        self.store_label.setEnabled(False)
        self.store_label.setWordWrap(True)
        layout.addWidget(self.store_label)
        self._build_main_page()
        self._build_actions()
        self._connect_filters()

    # -- construction -------------------------------------------------------------
    def _build_main_page(self) -> None:
        page = self.main_page
        main = QVBoxLayout(page)
        main.setContentsMargins(0, 0, 0, 0)
        self.scope_bar = ScopeBar(page)
        main.addWidget(self.scope_bar)
        self.search_edit = QgsFilterLineEdit(page)
        self.search_edit.setObjectName("goalSearch")
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(tr("Search code or words of a goal…"))
        self.search_edit.setToolTip(
            tr("Type a code (11.3) or words of a title in any order, in Swedish or English; å, ä, ö optional")
        )
        main.addWidget(self.search_edit)
        row = QHBoxLayout()
        self.catalogue_combo = QComboBox(page)
        self.catalogue_combo.setObjectName("catalogueCombo")
        self.catalogue_combo.setToolTip(tr("Show the goals of one catalogue or of all"))
        row.addWidget(self.catalogue_combo, 1)
        main.addLayout(row)
        filters = QHBoxLayout()
        self.linked_only_check = QCheckBox(tr("&Linked only"), page)
        self.linked_only_check.setObjectName("linkedOnlyCheck")
        self.linked_only_check.setToolTip(
            tr(
                "Show only goals linked to areas of this layer or of the selection, and the goals "
                "a linking rule suggests for the selection ({suggested})"
            ).format(suggested=suggestion_badge())
        )
        self.without_areas_check = QCheckBox(tr("Goals &without areas"), page)
        self.without_areas_check.setObjectName("withoutAreasCheck")
        self.without_areas_check.setToolTip(tr("Show only goals that no area of this layer is linked to yet"))
        filters.addWidget(self.linked_only_check)
        filters.addWidget(self.without_areas_check)
        filters.addStretch(1)
        main.addLayout(filters)

        self.model = GoalTreeModel(self)
        self.model.checkRequested.connect(self.goalCheckRequested)
        self.proxy = GoalFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView(page)
        self.tree.setObjectName("goalTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(14)  # targets sit three levels deep: their titles keep the width
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setToolTip(
            tr(
                "Tick a goal to link the selected areas to it; untick to remove the links. "
                "A half-filled box means that some of the selected areas are linked."
            )
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        # the title takes what the other columns leave and is elided last: a large selection's
        # badges have their own column instead of pushing the title out of sight
        header.setSectionResizeMode(COL_GOAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SELECTION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_AREA, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.doubleClicked.connect(lambda index: self.editRequested.emit())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.selectionModel().currentChanged.connect(self._focus_changed)
        main.addWidget(self.tree, 1)
        self.goal_toolbar = QToolBar(page)
        self.goal_toolbar.setObjectName("goalToolbar")
        self.goal_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        main.addWidget(self.goal_toolbar)
        # accept and dismiss in words, in a row of their own shown while the selection has
        # suggestions: as icons beside Edit link they read as "delete link", and the goal
        # toolbar has no room for their words
        self.suggestion_toolbar = QToolBar(page)
        self.suggestion_toolbar.setObjectName("suggestionToolbar")
        self.suggestion_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.suggestion_toolbar.setVisible(False)
        main.addWidget(self.suggestion_toolbar)

        self.hint_label = QLabel(page)
        self.hint_label.setObjectName("hintLabel")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.RichText)
        self.hint_label.linkActivated.connect(lambda link: self.unlinkedRequested.emit())
        main.addWidget(self.hint_label)

        box = QGroupBox(tr("New links: written when you tick a goal"), page)
        box.setObjectName("linkEditorBox")
        self.editor_box = box
        box_layout = QVBoxLayout(box)
        self.editor = LinkEditor(box)
        box_layout.addWidget(self.editor)
        note = QLabel(
            tr("Links already made keep their own stance and motivation; change one with Edit link (Ctrl+E)."), box
        )
        note.setObjectName("linkEditorNote")
        note.setWordWrap(True)
        note.setEnabled(False)  # greyed: an explanation, not a control
        box_layout.addWidget(note)
        main.addWidget(box)
        self.bottom_toolbar = QToolBar(page)
        self.bottom_toolbar.setObjectName("panelToolbar")
        self.bottom_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        main.addWidget(self.bottom_toolbar)
        self.stance_combo = self.editor.stance_combo
        self.strength_spin = self.editor.strength_spin
        self.motivation_edit = self.editor.motivation_edit

    def _build_actions(self) -> None:
        self.undo_action = self._action(
            tr("Undo"), "undoAction", tr("Undo the last link change of the panel (Ctrl+Z)"), "Ctrl+Z"
        )
        self.redo_action = self._action(
            tr("Redo"), "redoAction", tr("Redo what was undone (Ctrl+Shift+Z)"), "Ctrl+Shift+Z"
        )
        self.undo_action.setIcon(QgsApplication.getThemeIcon("mActionUndo.svg"))
        self.redo_action.setIcon(QgsApplication.getThemeIcon("mActionRedo.svg"))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.lookup_action = self._action(
            tr("Find areas"),
            "lookupAction",
            tr("Select, zoom to and flash the areas linked to the focused goal, in every registered layer (Ctrl+F)"),
            "Ctrl+F",
        )
        self.lookup_action.triggered.connect(self.lookupRequested)
        self.highlight_toggle = self._action(
            tr("Highlight"),
            "highlightToggle",
            tr("Show on the map the areas linked to the focused goal: green supports, red conflicts, grey neutral"),
            "Ctrl+H",
        )
        self.highlight_toggle.setCheckable(True)
        self.highlight_toggle.toggled.connect(self.highlightToggled)
        self.edit_action = self._action(
            tr("Edit link…"),
            "editLinkAction",
            tr("Change stance, strength or motivation of the link between the one selected area and the focused goal"),
            "Ctrl+E",
        )
        self.edit_action.triggered.connect(self.editRequested)
        self.accept_suggestion_action = self._action(
            tr("Accept suggestion"), "acceptSuggestionAction", accept_tip(), "Ctrl+Return"
        )
        self.accept_suggestion_action.triggered.connect(self.acceptSuggestionRequested)
        self.dismiss_suggestion_action = self._action(
            tr("Dismiss suggestion"), "dismissSuggestionAction", dismiss_tip()
        )
        self.dismiss_suggestion_action.triggered.connect(self.dismissSuggestionRequested)
        self.export_action = self._action(tr("Export…"), "exportAction", tr("Goal atlas (PDF) and goal × area tables"))
        self.export_action.triggered.connect(self.exportRequested)
        self.catalogues_action = self._action(
            tr("Catalogues…"), "cataloguesAction", tr("Import, enable or remove goal catalogues")
        )
        self.catalogues_action.triggered.connect(self.cataloguesRequested)
        self.goal_fields_action = self._action(
            tr("Goal columns"),
            "goalFieldsAction",
            tr(
                "Add (or remove) a column per catalogue to the layer's attribute table with the codes of the goals "
                "each area is linked to, to filter, sort and style by them"
            ),
        )
        self.goal_fields_action.triggered.connect(self.goalFieldsRequested)
        self.help_action = self._action(
            tr("Handbook"), "helpAction", tr("The handbook: from an empty project to the atlas (F1)"), "F1"
        )
        self.help_action.triggered.connect(self.helpRequested)

        self.tree.addActions(
            [
                self.lookup_action,
                self.highlight_toggle,
                self.edit_action,
                self.accept_suggestion_action,
                self.dismiss_suggestion_action,
            ]
        )
        self.lookup_action.setIcon(QgsApplication.getThemeIcon("mActionZoomToSelected.svg"))
        self.highlight_toggle.setIcon(QgsApplication.getThemeIcon("mActionHighlightFeature.svg"))
        self.edit_action.setIcon(QgsApplication.getThemeIcon("mActionEditTable.svg"))
        self.export_action.setIcon(QgsApplication.getThemeIcon("mActionSaveAsPDF.svg"))
        self.catalogues_action.setIcon(QgsApplication.getThemeIcon("mActionOpenTable.svg"))
        self.goal_fields_action.setIcon(QgsApplication.getThemeIcon("mActionNewAttribute.svg"))
        self.help_action.setIcon(QgsApplication.getThemeIcon("mActionHelpContents.svg"))
        self.accept_suggestion_action.setIcon(QgsApplication.getThemeIcon("mIconSuccess.svg"))
        # a closed eye: dismissing hides the suggestion for these areas; it deletes nothing
        self.dismiss_suggestion_action.setIcon(QgsApplication.getThemeIcon("mActionHideSelectedLayers.svg"))
        for action in (self.lookup_action, self.highlight_toggle, self.edit_action):
            self.goal_toolbar.addAction(action)
        self.suggestion_toolbar.addAction(self.accept_suggestion_action)
        self.suggestion_toolbar.addAction(self.dismiss_suggestion_action)
        for action in (self.undo_action, self.redo_action):
            self.bottom_toolbar.addAction(action)
        self.bottom_toolbar.addSeparator()
        self.bottom_toolbar.addAction(self.export_action)
        self.bottom_toolbar.addAction(self.catalogues_action)
        self.bottom_toolbar.addAction(self.goal_fields_action)
        self.bottom_toolbar.addAction(self.help_action)
        # the less frequent actions as icons (their tooltips explain them), so nothing overflows
        for toolbar, action in (
            (self.goal_toolbar, self.edit_action),
            (self.bottom_toolbar, self.export_action),
            (self.bottom_toolbar, self.catalogues_action),
            (self.bottom_toolbar, self.goal_fields_action),
            (self.bottom_toolbar, self.help_action),
        ):
            toolbar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _action(self, text: str, name: str, tooltip: str, shortcut: str | None = None) -> QAction:
        """An action of the panel; its shortcut works while the focus is in the panel."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tooltip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        return action

    def _connect_filters(self) -> None:
        self.catalogue_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_catalogue(self.catalogue_combo.currentData() or "")
        )
        self.search_edit.textChanged.connect(self._search_changed)
        self.linked_only_check.toggled.connect(self.proxy.set_linked_only)
        self.linked_only_check.toggled.connect(lambda on: self._expand_if_filtering())
        self.without_areas_check.toggled.connect(self.proxy.set_without_areas)
        self.without_areas_check.toggled.connect(lambda on: self._expand_if_filtering())
        QWidget.setTabOrder(self.catalogue_combo, self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.linked_only_check)
        QWidget.setTabOrder(self.linked_only_check, self.without_areas_check)
        QWidget.setTabOrder(self.without_areas_check, self.tree)
        QWidget.setTabOrder(self.tree, self.stance_combo)
        QWidget.setTabOrder(self.stance_combo, self.strength_spin)
        QWidget.setTabOrder(self.strength_spin, self.motivation_edit)

    def bind_undo_stack(self, stack: QUndoStack) -> None:
        """Undo/redo buttons follow ``stack`` (enabled state, tooltips) and drive it."""
        self._undo_stack = stack
        self.undo_action.triggered.connect(stack.undo)
        self.redo_action.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self._can_undo_changed)
        stack.canRedoChanged.connect(self._can_redo_changed)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)

    # bound methods, not lambdas: Qt drops the connection when the view is deleted before the stack
    def _can_undo_changed(self, can: bool) -> None:
        self.undo_action.setEnabled(can and not self.model.read_only)

    def _can_redo_changed(self, can: bool) -> None:
        self.redo_action.setEnabled(can and not self.model.read_only)

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setToolTip(tr("Undo: {what} (Ctrl+Z)").format(what=text) if text else "")

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setToolTip(tr("Redo: {what} (Ctrl+Shift+Z)").format(what=text) if text else "")

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

    # -- what the controller shows ----------------------------------------------------
    def show_ready(self) -> None:
        self.stack.setCurrentWidget(self.main_page)

    def show_state(self, state: PanelState, *, layer_name: str, detail: str, store_hint: str) -> None:
        """The explanation page for a panel that cannot link yet (no store, no layer, …)."""
        self.stack.setCurrentWidget(self.state_page)
        self.state_page.show_state(state, layer_name=layer_name, detail=detail, store_hint=store_hint)

    def state(self) -> PanelState:
        if self.stack.currentWidget() is self.main_page:
            return PanelState.READY
        return self.state_page.state

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def set_hint(self, text: str) -> None:
        self.hint_label.setText(text)

    def show_suggestions(self, shown: bool, goal: str = "", rules: Sequence[str] = (), n: int = 0) -> None:
        """The accept and dismiss row, shown while the selection has suggestions; their tooltips name
        the focused goal's rules when a rule suggests it (``goal`` its label, for ``n`` selected areas)."""
        self.suggestion_toolbar.setVisible(shown)
        self.accept_suggestion_action.setToolTip(accept_tip(goal, rules, n))
        self.dismiss_suggestion_action.setToolTip(dismiss_tip(goal, rules, n))

    def set_store_text(self, text: str) -> None:
        self.store_label.setText(text)

    def set_goals(self, catalogues: list[Catalogue], goals: list[Goal], language: str) -> None:
        """The catalogue choice and the goal tree, keeping the chosen catalogue when it is still there."""
        current = self.catalogue_combo.currentData()
        self.catalogue_combo.blockSignals(True)
        self.catalogue_combo.clear()
        self.catalogue_combo.addItem(tr("All catalogues"), "")
        for catalogue in catalogues:
            self.catalogue_combo.addItem(catalogue.name, catalogue.id)
        index = self.catalogue_combo.findData(current)
        self.catalogue_combo.setCurrentIndex(max(index, 0))
        self.catalogue_combo.blockSignals(False)
        self.proxy.set_catalogue(self.catalogue_combo.currentData() or "")
        self.model.set_goals(catalogues, goals, language)
        self.tree.expandToDepth(0)

    def set_read_only(self, on: bool) -> None:
        """A saved stage is shown: nothing that writes links can be used (ticks, editor, edit, suggestions,
        undo and redo); off again, each is as it was."""
        self.model.set_read_only(on)
        self.editor_box.setEnabled(not on)
        for action in (self.edit_action, self.accept_suggestion_action, self.dismiss_suggestion_action):
            action.setEnabled(not on)
        stack = getattr(self, "_undo_stack", None)
        self.undo_action.setEnabled(not on and stack is not None and stack.canUndo())
        self.redo_action.setEnabled(not on and stack is not None and stack.canRedo())

    def set_coverage(self, by_goal) -> None:
        self.model.set_coverage(by_goal)
        if self.proxy.is_filtering():
            self.proxy.invalidate()

    def link_spec(self) -> LinkSpec:
        """What a tick writes: stance, strength and motivation as set in the editor."""
        return self.editor.spec()

    def highlight_on(self) -> bool:
        return self.highlight_toggle.isChecked()

    # -- goal focus and search --------------------------------------------------------
    def focused_goal_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.sibling(index.row(), COL_GOAL).data(GOAL_ID_ROLE) if index.isValid() else None

    def focus_goal(self, goal_id: str) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(goal_id))
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.setCurrentIndex(index)

    def _focus_changed(self, *args) -> None:
        self.goalFocused.emit()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._expand_if_filtering()

    def _expand_if_filtering(self) -> None:
        if self.proxy.is_filtering():
            self.tree.expandAll()
