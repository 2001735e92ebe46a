"""Parameters shared by the algorithms: the store, goal lists, the project's registered layers.

Run from the toolbox, a dialog starts from what the open project knows: its link store
and its registered layers. ``initAlgorithm`` runs each time a dialog opens, so the
defaults are those of the project at that moment; under ``qgis_process`` there is no
project and no default.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterString,
    QgsProject,
)

from ..core.errors import TerritorialError
from ..core.i18n import tr
from ..core.model import split_goal_id
from ..core.project.layers import project_layers_by_uid
from ..core.project.link_store import project_store_uri

STORE = "STORE"


def store_parameter(description: str | None = None) -> QgsProcessingParameterString:
    """``STORE``: a GeoPackage path or ``postgres:<connection name>``; in a dialog a file picker
    (``store_widget``) that starts at the project's store."""
    parameter = QgsProcessingParameterString(
        STORE, description or tr("Link store (GeoPackage file or postgres:connection)")
    )
    parameter.setMetadata({"widget_wrapper": {"class": f"{__package__}.store_widget.StoreWidgetWrapper"}})
    default = project_store_uri(QgsProject.instance())
    if default:
        parameter.setDefaultValue(default)
    return parameter


def registered_layer_ids(project: QgsProject | None = None) -> list[str]:
    """Map layer ids of the project's registered layers, in the Layers panel's order."""
    project = project or QgsProject.instance()
    registered = {layer.id() for layers in project_layers_by_uid(project).values() for layer in layers}
    ordered = [node.layerId() for node in project.layerTreeRoot().findLayers()]
    return [layer_id for layer_id in ordered if layer_id in registered]


def default_to_registered_layers(parameter: QgsProcessingParameterDefinition, first_only: bool = False):
    """Give a layer parameter the project's registered layers (or the first of them) as default."""
    ids = registered_layer_ids()
    if ids:
        parameter.setDefaultValue(ids[0] if first_only else ids)
    return parameter


def store_uri(algorithm, parameters, context) -> str:
    value = algorithm.parameterAsString(parameters, STORE, context).strip()
    if not value:
        raise TerritorialError(tr("No link store given. Choose a GeoPackage file or a PostgreSQL connection."))
    return value


def parse_goal_ids(text: str, *, catalogues: bool = False) -> list[str]:
    """``"agenda2030:11, miljomal:15"`` → ``["agenda2030:11", "miljomal:15"]`` (order kept, no repeats).

    ``catalogues``: a bare catalogue id (``rus_ac_2030``, no colon) is kept too, for the caller to
    read as every goal of that catalogue."""
    result: list[str] = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if catalogues and ":" not in part:
            if part not in result:
                result.append(part)
            continue
        try:
            split_goal_id(part)
        except ValueError:
            raise TerritorialError(
                tr("'{value}' is not a goal id. Write <catalogue id>:<code>, for example agenda2030:11.3.").format(
                    value=part
                )
            ) from None
        if part not in result:
            result.append(part)
    return result
