"""The Territorial Links dock (objectName ``TerritorialLinksDock``).

It follows the active layer and its selection, shows the goal tree with
tri-state checks, and turns ticks into links. The dock only wires its two
halves: :class:`PanelView` (the widgets, named for tests and e2e scenarios, see
``docs/architecture.md``, The panel) and :class:`PanelController` (store, layer,
selection, and what the panel's actions do).
"""

from __future__ import annotations

import contextlib

from qgis.gui import QgsDockWidget

from ...core.i18n import tr
from .controller import PanelController
from .link_details import GoalTooltipFilter
from .view import PanelView

DOCK_OBJECT_NAME = "TerritorialLinksDock"


class TerritorialLinksDock(QgsDockWidget):
    """The panel: a view and its controller; ``cleanup()`` before deleting it."""

    def __init__(self, iface, parent=None, tracking=None):
        super().__init__(parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self.setWindowTitle(tr("Territorial Links"))
        self.view = PanelView(self)
        self.setWidget(self.view)
        self.controller = PanelController(iface, self.view, tracking, self)
        self.visibilityChanged.connect(self.controller.set_visible)
        self.tooltip_filter = GoalTooltipFilter(self.view.tree, self.view.model, self._selection, self)
        self.view.tree.viewport().installEventFilter(self.tooltip_filter)

    def _selection(self):
        controller = self.controller
        layer_uid = controller.record.layer_uid if controller.record is not None else None
        return controller.store, layer_uid, controller.selected_keys, controller.scope

    def cleanup(self) -> None:
        """Disconnect from QGIS before the dock is deleted (called by ``unload``)."""
        with contextlib.suppress(TypeError, RuntimeError):
            self.visibilityChanged.disconnect(self.controller.set_visible)
        with contextlib.suppress(RuntimeError):
            self.view.tree.viewport().removeEventFilter(self.tooltip_filter)
        self.controller.cleanup()
