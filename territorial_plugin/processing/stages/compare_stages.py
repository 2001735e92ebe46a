"""``territorial:comparestages``: what changed between two plan stages, or a stage and now (XLSX or PDF)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from ...compat import qgis_enum
from ...core.i18n import plural, tr
from ..base import TerritorialAlgorithm
from ..params import store_parameter, store_uri
from .stage_param import saved_stage_parameter


class CompareStagesAlgorithm(TerritorialAlgorithm):
    group_id = "stages"

    def name(self) -> str:
        return "comparestages"

    def displayName(self) -> str:
        return tr("Compare plan stages")

    def help_text(self) -> str:
        return tr(
            "Shows what changed from a saved plan stage ({FROM}) to another ({TO}), or to the plan now ({TO} empty): "
            "links added, removed and changed (stance, strength and motivation before and after side by side); "
            "areas added, removed and reshaped (area in ha before and after) and links whose area disappeared; "
            "and per goal the areas and hectares supporting and in conflict at each stage, with the "
            "difference.<br><br>"
            "{OUTPUT} ending in .xlsx: a workbook with every change. Ending in .pdf: a summary page and one page "
            "per goal that changed, with a map of the goal's areas by their stance at {TO} (as the atlas draws "
            "them) and, over them, what changed: added areas, removed areas (dashed, as they were, in the "
            "colour of their stance at {FROM}), changed stances (a ring in the colour of the stance at {FROM}), "
            "other changed links and reshaped areas; and the table of changes.<br><br>"
            "An area is reshaped when its outline moved by more than 0.5 m² (the symmetric difference of the "
            "two shapes); the same outline written otherwise (another start point or ring orientation, a "
            "multipolygon of one part, rounding in the last digits) is no change.<br><br>"
            "{STORE}: a GeoPackage file or postgres:&lt;QGIS connection name&gt;. {LAYERS}: the registered land-use "
            "layers to compare (empty: with two stages every layer of both; with now the stage's layers as the "
            "open project holds them)."
        )

    def flags(self):
        # the layouts and the project's layers are used on the main thread, as the atlas export does
        return super().flags() | qgis_enum(
            "Qgis.ProcessingAlgorithmFlag.NoThreading", "QgsProcessingAlgorithm.Flag.FlagNoThreading"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addParameter(saved_stage_parameter("FROM", tr("From stage"), now_when_empty=False))
        self.addParameter(saved_stage_parameter("TO", tr("To stage (empty: the plan now)"), now_when_empty=True))
        # no default from the project: empty LAYERS means every layer of both stages
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                "LAYERS", tr("Land-use layers"), QgsProcessing.SourceType.TypeVectorAnyGeometry, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Comparison (.xlsx or .pdf)"), tr("Excel (*.xlsx);;PDF (*.pdf)")
            )
        )
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Comparison")))
        self.addOutput(QgsProcessingOutputNumber("CHANGES", tr("Changes")))
        self.addOutput(QgsProcessingOutputNumber("GOALS", tr("Goals that changed")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.store import open_store
        from ...export.stages.service import run_stage_comparison

        before = self.parameterAsString(parameters, "FROM", context).strip()
        after = self.parameterAsString(parameters, "TO", context).strip() or None
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with open_store(store_uri(self, parameters, context)) as store:
            if not layers and after is None:
                layers = _stage_layers_now(store, before, context.project())
            report = run_stage_comparison(
                store, before, after, layers, output, project=context.project(), feedback=feedback
            )
        changes, goals = report_comparison(report, feedback)
        return {"OUTPUT": str(report.path), "CHANGES": changes, "GOALS": goals}


def report_comparison(report, feedback) -> tuple[int, int]:
    """Log what a written comparison found ("3 changes from A to B; 1 goal changed. Wrote …");
    return the number of changes and of goals changed. Also the regional report's for deliveries."""
    result = report.comparison
    changes = len(result.links) + len(result.areas) + len(result.orphaned)
    goals = len(result.changed_goals())
    found = plural(changes, tr("{n} change from {before} to {after}"), tr("{n} changes from {before} to {after}"))
    changed = plural(goals, tr("{n} goal changed"), tr("{n} goals changed"))
    feedback.pushInfo(
        tr("{changes}; {goals}. Wrote {path}.").format(
            changes=found.format(n=changes, before=result.before, after=result.after),
            goals=changed.format(n=goals),
            path=str(report.path),
        )
    )
    return changes, goals


def _stage_layers_now(store, stage: str, project) -> list:
    """The project's layers holding the stage's layers now: what "compare with now" reads when the
    dialog's layer list is left empty, as a planner leaves it (none found: the service asks for them)."""
    if project is None:
        return []
    from ...core.project.layers import project_layers_by_uid

    by_uid = project_layers_by_uid(project)
    return [by_uid[frozen.layer_uid][0] for frozen in store.stage_layers(stage) if by_uid.get(frozen.layer_uid)]
