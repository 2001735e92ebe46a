"""``territorial:savestage``: freeze the plan's links and areas under a stage name (samråd, granskning…)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ...compat import qgis_enum
from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import default_to_registered_layers, store_parameter, store_uri


class SaveStageAlgorithm(TerritorialAlgorithm):
    group_id = "stages"

    def name(self) -> str:
        return "savestage"

    def displayName(self) -> str:
        return tr("Save plan stage")

    def help_text(self) -> str:
        return tr(
            "Freezes the plan as it is now under a stage name, for example 'Samråd 2026-03': every area of the "
            "chosen land-use layers (geometry and attributes) and all their links (stance, strength, motivation). "
            "A saved stage cannot be changed or replaced: the link store itself refuses it, so it stays the "
            "evidence of what the plan said at samråd, granskning or antagande. Compare stages with 'Compare plan "
            "stages'; the goal atlas and the coverage tables can be made of a saved stage.<br><br>"
            "{STORE}: a GeoPackage file or postgres:&lt;QGIS connection name&gt;. {LAYERS}: the registered land-use "
            "layers. {STAGE}: a name not used before. {NOTE}: what the stage is (optional)."
        )

    def flags(self):
        # the project's layers are read on the main thread, as the atlas export does
        return super().flags() | qgis_enum(
            "Qgis.ProcessingAlgorithmFlag.NoThreading", "QgsProcessingAlgorithm.Flag.FlagNoThreading"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addParameter(
            default_to_registered_layers(
                QgsProcessingParameterMultipleLayers(
                    "LAYERS", tr("Land-use layers"), QgsProcessing.SourceType.TypeVectorAnyGeometry
                )
            )
        )
        self.addParameter(QgsProcessingParameterString("STAGE", tr("Stage name (e.g. Samråd 2026-03)")))
        self.addParameter(QgsProcessingParameterString("NOTE", tr("Note"), optional=True, multiLine=True))
        self.addOutput(QgsProcessingOutputString("STAGE", tr("Stage")))
        self.addOutput(QgsProcessingOutputNumber("AREAS", tr("Areas")))
        self.addOutput(QgsProcessingOutputNumber("LINKS", tr("Links")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.stages.service import save_stage
        from ...core.store import open_store
        from ...core.user import current_user

        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        name = self.parameterAsString(parameters, "STAGE", context)
        note = self.parameterAsString(parameters, "NOTE", context)
        with open_store(store_uri(self, parameters, context)) as store:
            info, chosen = save_stage(
                store, layers, name, note, current_user(), project=context.project(), feedback=feedback
            )
        for skipped in chosen.skipped:
            feedback.pushWarning(
                tr("'{layer}' is not registered in the link store and is not part of the stage.").format(layer=skipped)
            )
        feedback.pushInfo(
            tr("Saved the plan stage '{name}': {areas} areas and {links} links of {layers} layers.").format(
                name=info.name, areas=info.areas, links=info.links, layers=info.layers
            )
        )
        return {"STAGE": info.name, "AREAS": info.areas, "LINKS": info.links}
