"""Thin wiring between QGIS and the plugin: actions, dock, provider, translator.

Everything added in ``initGui``/``initProcessing`` is removed in ``unload`` so that
reloading the plugin leaves nothing behind.
"""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .core.i18n import tr
from .paths import resource
from .translation import install_translator, remove_translator

MENU = "&Territorial Links"  # the product name, the same in every language


class TerritorialLinksPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.dock = None
        self.tracking = None  # core.project.tracking.ProjectLinkTracking, from initGui to unload
        self.actions: list[QAction] = []
        self.toggle_action: QAction | None = None
        self.translator = install_translator()

    # -- Processing ----------------------------------------------------------------
    def initProcessing(self) -> None:
        from .processing.provider import TerritorialProvider

        self.provider = TerritorialProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)
        # expression functions (tl_goal_codes, …) serve layouts under qgis_process too
        from .core.expressions import register_functions

        register_functions()

    # -- GUI ------------------------------------------------------------------------
    def initGui(self) -> None:
        self.initProcessing()
        if self.iface is None:
            return
        icon = QIcon(str(resource("icons", "territorial.svg")))
        self.toggle_action = QAction(icon, tr("Territorial Links"), self.iface.mainWindow())
        self.toggle_action.setObjectName("TerritorialLinksToggleDock")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setToolTip(tr("Show the panel that links selected areas to goals"))
        self.toggle_action.toggled.connect(self._set_dock_visible)
        self.iface.addPluginToMenu(MENU, self.toggle_action)
        self.iface.addToolBarIcon(self.toggle_action)
        self.actions.append(self.toggle_action)
        # links follow split and pasted features from the start, not only once the panel is open
        from .core.project.tracking import ProjectLinkTracking
        from .core.user import current_user

        self.tracking = ProjectLinkTracking(current_user())

    def _ensure_dock(self):
        if self.dock is None:
            from .gui.panel.dock import TerritorialLinksDock

            self.dock = TerritorialLinksDock(self.iface, self.iface.mainWindow(), tracking=self.tracking)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self._sync_action)
        return self.dock

    def _set_dock_visible(self, visible: bool) -> None:
        if visible:
            dock = self._ensure_dock()
            dock.show()
            dock.raise_()
        elif self.dock is not None:
            self.dock.hide()

    def _sync_action(self, visible: bool) -> None:
        if self.toggle_action is not None and self.toggle_action.isChecked() != visible:
            self.toggle_action.blockSignals(True)
            self.toggle_action.setChecked(visible)
            self.toggle_action.blockSignals(False)

    def show_dock(self):
        """Open the dock (used by tests and the e2e script)."""
        if self.toggle_action is not None:
            self.toggle_action.setChecked(True)
        return self._ensure_dock()

    def unload(self) -> None:
        if self.dock is not None:
            self.dock.visibilityChanged.disconnect(self._sync_action)
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.tracking is not None:
            self.tracking.close()
            self.tracking = None
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(MENU, action)
                self.iface.removeToolBarIcon(action)
        if self.toggle_action is not None:
            self.toggle_action.toggled.disconnect(self._set_dock_visible)
            self.toggle_action = None
        for action in self.actions:
            # Detach now (not only deleteLater) so no trace stays in the main window
            # even before the event loop runs; Python then owns and frees it.
            action.setParent(None)
        self.actions.clear()
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        from .core.expressions import unregister_functions

        unregister_functions()
        remove_translator(self.translator)
        self.translator = None
