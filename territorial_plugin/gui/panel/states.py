"""The panel's states and the page that shows a way forward from each of them.

The dock shows its goal tree only when there is a store, a registered vector
layer and at least one catalogue; every other state is a short explanation and
buttons that lead on (create/open a store, register the layer, add catalogues).
"""

from __future__ import annotations

from enum import Enum

from qgis.core import QgsMapLayer, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.i18n import tr


class PanelState(str, Enum):
    NO_STORE = "no_store"
    NO_LAYER = "no_layer"
    UNSUPPORTED_LAYER = "unsupported_layer"
    NOT_REGISTERED = "not_registered"
    NO_CATALOGUE = "no_catalogue"
    READY = "ready"


def layer_problem(layer: QgsMapLayer | None) -> str | None:
    """Why ``layer`` cannot carry links, or ``None`` if it can."""
    if layer is None:
        return None
    if not isinstance(layer, QgsVectorLayer):
        return tr("'{layer}' is not a vector layer. Goals are linked to the areas of a vector layer.").format(
            layer=layer.name()
        )
    if not layer.isValid():
        return tr("The data source of '{layer}' cannot be read.").format(layer=layer.name())
    if layer.geometryType() in (QgsWkbTypes.GeometryType.NullGeometry, QgsWkbTypes.GeometryType.UnknownGeometry):
        return tr("'{layer}' has no geometries. Choose a layer with areas, lines or points.").format(layer=layer.name())
    return None


def panel_state(has_store: bool, layer: QgsMapLayer | None, registered: bool, has_catalogues: bool) -> PanelState:
    """The state to show; the order is the order in which a new user meets them."""
    if not has_store:
        return PanelState.NO_STORE
    if layer is None:
        return PanelState.NO_LAYER
    if layer_problem(layer):
        return PanelState.UNSUPPORTED_LAYER
    if not registered:
        return PanelState.NOT_REGISTERED
    if not has_catalogues:
        return PanelState.NO_CATALOGUE
    return PanelState.READY


class StatePage(QWidget):
    """An explanation and up to two buttons. ``actionRequested`` carries the action name."""

    actionRequested = pyqtSignal(str)  # noqa: N815 - Qt signal naming

    #: action names the dock handles
    CREATE_DEFAULT_STORE, CREATE_STORE, OPEN_STORE, REGISTER_LAYER, ADD_BUNDLED, MANAGE_CATALOGUES = (
        "create_default_store",
        "create_store",
        "open_store",
        "register_layer",
        "add_bundled",
        "manage_catalogues",
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("statePage")
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("stateTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(self)
        self.message.setObjectName("stateMessage")
        self.message.setWordWrap(True)
        self.primary = QPushButton(self)
        self.primary.setObjectName("statePrimaryButton")
        font = self.primary.font()
        font.setBold(True)  # the usual way forward stands out
        self.primary.setFont(font)
        self.secondary = QPushButton(self)
        self.secondary.setObjectName("stateSecondaryButton")
        self.tertiary = QPushButton(self)
        self.tertiary.setObjectName("stateTertiaryButton")
        for button in (self.primary, self.secondary, self.tertiary):
            button.clicked.connect(lambda checked=False, b=button: self.actionRequested.emit(b.property("action")))
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addSpacing(8)
        layout.addWidget(self.primary)
        layout.addWidget(self.secondary)
        layout.addWidget(self.tertiary)
        layout.addStretch(1)
        self.state: PanelState | None = None

    def _button(self, button: QPushButton, text: str | None, action: str | None, tooltip: str = "") -> None:
        button.setVisible(bool(text))
        if text:
            button.setText(text)
            button.setProperty("action", action)
            button.setToolTip(tooltip)

    def show_state(self, state: PanelState, *, layer_name: str = "", detail: str = "", store_hint: str = "") -> None:
        self.state = state
        primary = secondary = tertiary = (None, None, "")
        if state == PanelState.NO_STORE:
            title = tr("No link store yet")
            message = tr(
                "Links between areas and goals are kept in a link store: a GeoPackage file, "
                "by default beside the project, that QGIS can also open as tables."
            )
            if store_hint:
                message += "\n\n" + tr("Suggested file: {path}").format(path=store_hint)
                primary = (
                    tr("Create link store beside the project"),
                    self.CREATE_DEFAULT_STORE,
                    tr("Create {path} and remember it in the project").format(path=store_hint),
                )
                secondary = (tr("Create elsewhere…"), self.CREATE_STORE, tr("Choose where the new GeoPackage goes"))
            else:
                primary = (tr("Create link store…"), self.CREATE_STORE, tr("Create a new GeoPackage link store"))
            tertiary = (tr("Open existing store…"), self.OPEN_STORE, tr("Open a link store somebody already made"))
        elif state == PanelState.NO_LAYER:
            title = tr("No layer chosen")
            message = tr("Choose the land-use layer of the plan in the Layers panel, then select areas on the map.")
        elif state == PanelState.UNSUPPORTED_LAYER:
            title = tr("This layer cannot be linked")
            message = detail + "\n\n" + tr("Choose the land-use layer of the plan in the Layers panel.")
        elif state == PanelState.NOT_REGISTERED:
            title = tr("'{layer}' is not registered").format(layer=layer_name)
            message = tr(
                "Before its areas can be linked, the store must learn how to recognise each area: "
                "a key field whose values are unique and never change (for example an area id). "
                "Links are kept by that key, so they survive when the file is moved or renumbered."
            )
            primary = (tr("Register layer…"), self.REGISTER_LAYER, tr("Choose the key field and register the layer"))
        elif state == PanelState.NO_CATALOGUE:
            title = tr("No goal catalogue")
            message = tr(
                "Goals come from catalogues: Agenda 2030, the environmental quality objectives, the national "
                "strategy for regional development, regional strategies. Add the bundled ones or import your own."
            )
            primary = (tr("Add bundled catalogues"), self.ADD_BUNDLED, tr("Agenda 2030, miljömålen, NRS, RUS"))
            secondary = (
                tr("Manage catalogues…"),
                self.MANAGE_CATALOGUES,
                tr("Import a catalogue from CSV, Excel or JSON"),
            )
        else:
            title, message = "", ""
        self.title.setText(f"<b>{title}</b>" if title else "")
        self.message.setText(message)
        self._button(self.primary, *primary)
        self._button(self.secondary, *secondary)
        self._button(self.tertiary, *tertiary)
