"""``STAGE`` of the exports: make the atlas or the tables of a saved plan stage instead of the plan now."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterString

from ...core.i18n import tr


def saved_stage_parameter(name: str, description: str, *, now_when_empty: bool) -> QgsProcessingParameterString:
    """A string naming a saved stage; in a dialog a list of the dialog's store's stages that can be
    typed in (``stage_widget``). ``now_when_empty``: optional, empty meaning the plan now."""
    parameter = QgsProcessingParameterString(name, description, optional=now_when_empty)
    wrapper = f"{__package__}.stage_widget.StageWidgetWrapper"
    parameter.setMetadata({"widget_wrapper": {"class": wrapper, "now_when_empty": now_when_empty}})
    return parameter


def stage_parameter() -> QgsProcessingParameterString:
    return saved_stage_parameter("STAGE", tr("Saved plan stage (empty: the plan now)"), now_when_empty=True)


def stage_help() -> str:
    return tr(
        "{STAGE}: the name of a saved plan stage. The links and areas are then those saved in the "
        "stage, so the document of that stage is made again exactly as it was, whatever changed since."
    )


def stage_source(store, stage: str, layers: list):
    """``(store, layers)`` as given for the plan now; for a stage, its read view and its frozen layers."""
    if not stage:
        return store, layers
    from ...export.stages.frozen import frozen_layers

    return frozen_layers(store, stage, layers)
