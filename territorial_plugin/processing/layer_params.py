"""Parameters and helpers shared by the algorithms that pick features of one layer."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterVectorLayer,
)

from ..core.errors import TerritorialError
from ..core.i18n import tr
from .params import default_to_registered_layers

LAYER = "LAYER"
SELECTED_ONLY = "SELECTED_ONLY"
EXPRESSION = "EXPRESSION"


def add_selection_parameters(algorithm) -> None:
    algorithm.addParameter(
        default_to_registered_layers(QgsProcessingParameterVectorLayer(LAYER, tr("Land-use layer")), first_only=True)
    )
    algorithm.addParameter(QgsProcessingParameterBoolean(SELECTED_ONLY, tr("Selected features only"), False))
    algorithm.addParameter(
        QgsProcessingParameterExpression(
            EXPRESSION, tr("Only features matching"), parentLayerParameterName=LAYER, optional=True
        )
    )


def layer_and_selection(algorithm, parameters, context):
    """(layer, keyword arguments for ``read_keys``) from LAYER, SELECTED_ONLY and EXPRESSION."""
    layer = algorithm.parameterAsVectorLayer(parameters, LAYER, context)
    if layer is None or not layer.isValid():
        raise TerritorialError(tr("The layer could not be opened."))
    selection: dict = {}
    if algorithm.parameterAsBool(parameters, SELECTED_ONLY, context):
        selection["selected_only"] = True
    # parameterAsExpression drops an invalid expression silently; read the text and let read_keys check it
    expression = algorithm.parameterAsString(parameters, EXPRESSION, context).strip()
    if expression:
        selection["expression"] = expression
    return layer, selection
