"""``STAGE`` of the exports: make the atlas or the tables of a saved plan stage instead of the plan now."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterString

from ...core.i18n import tr


def stage_parameter() -> QgsProcessingParameterString:
    return QgsProcessingParameterString("STAGE", tr("Saved plan stage (empty: the plan now)"), optional=True)


def stage_help() -> str:
    return tr(
        "STAGE (optional): the name of a saved plan stage. The links and areas are then those saved in the "
        "stage, so the document of that stage is made again exactly as it was, whatever changed since."
    )


def stage_source(store, stage: str, layers: list):
    """``(store, layers)`` as given for the plan now; for a stage, its read view and its frozen layers."""
    if not stage:
        return store, layers
    from ...export.stages.frozen import frozen_layers

    return frozen_layers(store, stage, layers)
