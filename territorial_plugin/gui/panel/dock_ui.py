"""The panel's widgets: built once on the dock, named for tests and scripts.

Layout, top to bottom: status, search, catalogue, filters, goal tree, goal
toolbar (find areas, highlight, edit link), hint, link editor (what a tick
writes), bottom toolbar (undo, redo, export, catalogues), store. The objectNames
are listed in docs/architecture.md (The panel).
"""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
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
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from . import panel_actions
from .goal_tree_model import COL_AREA, COL_COUNT, COL_GOAL, GoalFilterProxy, GoalTreeModel
from .link_editor import LinkEditor
from .states import StatePage


def build_ui(dock) -> None:
    """Create the panel's widgets on ``dock`` (attributes named as in docs/architecture.md)."""
    body = QWidget(dock)
    # wide enough for goal titles and the two toolbars without overflow menus
    body.setMinimumWidth(390)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(4, 4, 4, 4)
    dock.status_label = QLabel(tr("Select areas on the map to see and edit their goal links."), body)
    dock.status_label.setObjectName("statusLabel")
    dock.status_label.setWordWrap(True)
    dock.status_label.setTextFormat(Qt.TextFormat.RichText)
    layout.addWidget(dock.status_label)
    dock.stack = QStackedWidget(body)
    dock.stack.setObjectName("panelStack")
    dock.state_page = StatePage(dock.stack)
    dock.state_page.actionRequested.connect(dock._state_action)
    dock.stack.addWidget(dock.state_page)
    dock.main_page = QWidget(dock.stack)
    dock.stack.addWidget(dock.main_page)
    layout.addWidget(dock.stack, 1)
    dock.store_label = QLabel(body)
    dock.store_label.setObjectName("storeLabel")
    dock.store_label.setEnabled(False)
    dock.store_label.setWordWrap(True)
    layout.addWidget(dock.store_label)
    dock.setWidget(body)

    main = QVBoxLayout(dock.main_page)
    main.setContentsMargins(0, 0, 0, 0)
    row = QHBoxLayout()
    dock.catalogue_combo = QComboBox(dock.main_page)
    dock.catalogue_combo.setObjectName("catalogueCombo")
    dock.catalogue_combo.setToolTip(tr("Show the goals of one catalogue or of all"))
    dock.search_edit = QgsFilterLineEdit(dock.main_page)
    dock.search_edit.setObjectName("goalSearch")
    dock.search_edit.setShowSearchIcon(True)
    dock.search_edit.setPlaceholderText(tr("Search code or words of a goal…"))
    dock.search_edit.setToolTip(
        tr("Type a code (11.3) or words of a title in any order, in Swedish or English; å, ä, ö optional")
    )
    main.addWidget(dock.search_edit)
    row.addWidget(dock.catalogue_combo, 1)
    main.addLayout(row)
    filters = QHBoxLayout()
    dock.linked_only_check = QCheckBox(tr("&Linked only"), dock.main_page)
    dock.linked_only_check.setObjectName("linkedOnlyCheck")
    dock.linked_only_check.setToolTip(tr("Show only goals linked to areas of this layer or of the selection"))
    dock.without_areas_check = QCheckBox(tr("Goals &without areas"), dock.main_page)
    dock.without_areas_check.setObjectName("withoutAreasCheck")
    dock.without_areas_check.setToolTip(tr("Show only goals that no area of this layer is linked to yet"))
    filters.addWidget(dock.linked_only_check)
    filters.addWidget(dock.without_areas_check)
    filters.addStretch(1)
    main.addLayout(filters)

    dock.model = GoalTreeModel(dock)
    dock.model.checkRequested.connect(dock.set_goal_linked)
    dock.proxy = GoalFilterProxy(dock)
    dock.proxy.setSourceModel(dock.model)
    dock.tree = QTreeView(dock.main_page)
    dock.tree.setObjectName("goalTree")
    dock.tree.setModel(dock.proxy)
    dock.tree.setUniformRowHeights(True)
    dock.tree.setAlternatingRowColors(True)
    dock.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    dock.tree.setToolTip(
        tr(
            "Tick a goal to link the selected areas to it; untick to remove the links. "
            "A half-filled box means that some of the selected areas are linked."
        )
    )
    header = dock.tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(COL_GOAL, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_AREA, QHeaderView.ResizeMode.ResizeToContents)
    dock.tree.doubleClicked.connect(lambda index: panel_actions.edit_link(dock))
    dock.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    dock.tree.selectionModel().currentChanged.connect(dock._focus_changed)
    main.addWidget(dock.tree, 1)
    dock.goal_toolbar = QToolBar(dock.main_page)
    dock.goal_toolbar.setObjectName("goalToolbar")
    dock.goal_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    main.addWidget(dock.goal_toolbar)

    dock.hint_label = QLabel(dock.main_page)
    dock.hint_label.setObjectName("hintLabel")
    dock.hint_label.setWordWrap(True)
    dock.hint_label.setTextFormat(Qt.TextFormat.RichText)
    dock.hint_label.linkActivated.connect(lambda link: dock.select_unlinked())
    main.addWidget(dock.hint_label)

    box = QGroupBox(tr("What a tick writes"), dock.main_page)
    box.setObjectName("linkEditorBox")
    box_layout = QVBoxLayout(box)
    dock.editor = LinkEditor(box)
    box_layout.addWidget(dock.editor)
    main.addWidget(box)
    dock.bottom_toolbar = QToolBar(dock.main_page)
    dock.bottom_toolbar.setObjectName("panelToolbar")
    dock.bottom_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    main.addWidget(dock.bottom_toolbar)
    dock.stance_combo = dock.editor.stance_combo
    dock.strength_spin = dock.editor.strength_spin
    dock.motivation_edit = dock.editor.motivation_edit

    dock.undo_action = make_action(
        dock,
        tr("Undo"),
        "undoAction",
        tr("Undo the last link change of the panel (Ctrl+Z)"),
        dock.undo_stack.undo,
        "Ctrl+Z",
    )
    dock.redo_action = make_action(
        dock, tr("Redo"), "redoAction", tr("Redo what was undone (Ctrl+Shift+Z)"), dock.undo_stack.redo, "Ctrl+Shift+Z"
    )
    dock.undo_action.setIcon(QgsApplication.getThemeIcon("mActionUndo.svg"))
    dock.redo_action.setIcon(QgsApplication.getThemeIcon("mActionRedo.svg"))
    dock.undo_action.setEnabled(False)
    dock.redo_action.setEnabled(False)
    dock.undo_stack.canUndoChanged.connect(dock.undo_action.setEnabled)
    dock.undo_stack.canRedoChanged.connect(dock.redo_action.setEnabled)
    dock.undo_stack.undoTextChanged.connect(
        lambda text: dock.undo_action.setToolTip(tr("Undo: {what} (Ctrl+Z)").format(what=text) if text else "")
    )
    dock.undo_stack.redoTextChanged.connect(
        lambda text: dock.redo_action.setToolTip(tr("Redo: {what} (Ctrl+Shift+Z)").format(what=text) if text else "")
    )
    dock.lookup_action = make_action(
        dock,
        tr("Find areas"),
        "lookupAction",
        tr("Select, zoom to and flash the areas linked to the focused goal, in every registered layer (Ctrl+F)"),
        lambda: panel_actions.reverse_lookup(dock),
        "Ctrl+F",
    )
    dock.highlight_toggle = make_action(
        dock,
        tr("Highlight"),
        "highlightToggle",
        tr("Show on the map the areas linked to the focused goal: green supports, red conflicts, grey neutral"),
        None,
        "Ctrl+H",
    )
    dock.highlight_toggle.setCheckable(True)
    dock.highlight_toggle.toggled.connect(lambda on: dock.refresh_highlight())
    dock.edit_action = make_action(
        dock,
        tr("Edit link…"),
        "editLinkAction",
        tr("Change stance, strength or motivation of the link between the one selected area and the focused goal"),
        lambda: panel_actions.edit_link(dock),
        "Ctrl+E",
    )
    dock.export_action = make_action(
        dock,
        tr("Export…"),
        "exportAction",
        tr("Goal atlas (PDF) and goal × area tables"),
        lambda: panel_actions.open_export(dock),
    )
    dock.catalogues_action = make_action(
        dock,
        tr("Catalogues…"),
        "cataloguesAction",
        tr("Import, enable or remove goal catalogues"),
        lambda: panel_actions.manage_catalogues(dock),
    )

    dock.tree.addActions([dock.lookup_action, dock.highlight_toggle, dock.edit_action])
    dock.lookup_action.setIcon(QgsApplication.getThemeIcon("mActionZoomToSelected.svg"))
    dock.highlight_toggle.setIcon(QgsApplication.getThemeIcon("mActionHighlightFeature.svg"))
    dock.edit_action.setIcon(QgsApplication.getThemeIcon("mActionEditTable.svg"))
    dock.export_action.setIcon(QgsApplication.getThemeIcon("mActionSaveAsPDF.svg"))
    dock.catalogues_action.setIcon(QgsApplication.getThemeIcon("mActionOpenTable.svg"))
    for action in (dock.lookup_action, dock.highlight_toggle, dock.edit_action):
        dock.goal_toolbar.addAction(action)
    for action in (dock.undo_action, dock.redo_action):
        dock.bottom_toolbar.addAction(action)
    dock.bottom_toolbar.addSeparator()
    dock.bottom_toolbar.addAction(dock.export_action)
    dock.bottom_toolbar.addAction(dock.catalogues_action)
    # the less frequent actions as icons (their tooltips explain them), so nothing overflows
    for toolbar, action in (
        (dock.goal_toolbar, dock.edit_action),
        (dock.bottom_toolbar, dock.export_action),
        (dock.bottom_toolbar, dock.catalogues_action),
    ):
        toolbar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    dock.catalogue_combo.currentIndexChanged.connect(
        lambda: dock.proxy.set_catalogue(dock.catalogue_combo.currentData() or "")
    )
    dock.search_edit.textChanged.connect(dock._search_changed)
    dock.linked_only_check.toggled.connect(dock.proxy.set_linked_only)
    dock.linked_only_check.toggled.connect(lambda on: dock._expand_if_filtering())
    dock.without_areas_check.toggled.connect(dock.proxy.set_without_areas)
    dock.without_areas_check.toggled.connect(lambda on: dock._expand_if_filtering())
    QWidget.setTabOrder(dock.catalogue_combo, dock.search_edit)
    QWidget.setTabOrder(dock.search_edit, dock.linked_only_check)
    QWidget.setTabOrder(dock.linked_only_check, dock.without_areas_check)
    QWidget.setTabOrder(dock.without_areas_check, dock.tree)
    QWidget.setTabOrder(dock.tree, dock.stance_combo)
    QWidget.setTabOrder(dock.stance_combo, dock.strength_spin)
    QWidget.setTabOrder(dock.strength_spin, dock.motivation_edit)


def make_action(dock, text, name, tooltip, slot, shortcut=None) -> QAction:
    """An action of the panel; its shortcut works while the focus is in the panel."""
    action = QAction(text, dock)
    action.setObjectName(name)
    action.setToolTip(tooltip)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        dock.addAction(action)
    if slot is not None:
        action.triggered.connect(slot)
    return action
