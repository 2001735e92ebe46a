"""``territorial:regionalreport``: the region's picture — organisation × goal tables, conflicts, atlas."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import parse_goal_ids, store_parameter, store_uri


class RegionalReportAlgorithm(TerritorialAlgorithm):
    group_id = "region"

    def name(self) -> str:
        return "regionalreport"

    def displayName(self) -> str:
        return tr("Regional report")

    def shortHelpString(self) -> str:
        return tr(
            "The region's picture from the municipalities' deliveries in the region's store. OUTPUT ending in "
            ".xlsx: a workbook with one row per organisation and one column per goal (number of linked areas; the "
            "same in hectares; supports and conflicts apart), every goal with its figures, the goals no organisation "
            "links to, a summary per organisation (areas, hectares, share of its land-use area linked, latest "
            "delivery and stage) and the intermunicipal goal conflicts: pairs of areas of different organisations "
            "within DISTANCE metres of each other, linked to the same goal, one supporting and one in conflict. "
            "OUTPUT ending in .pdf: a regional atlas with an overview of every organisation's areas (and the "
            "municipal borders of BOUNDARIES), then one page per goal with the areas by stance, a table per "
            "organisation and the conflict pairs marked and listed. GOALS: goal ids, comma-separated (default: "
            "every goal with links)."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter(tr("The region's link store")))
        self.addParameter(
            QgsProcessingParameterString("GOALS", tr("Goals (ids, comma-separated; empty = all linked)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DISTANCE",
                tr("Distance for intermunicipal conflicts (m)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=2000.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "BOUNDARIES",
                tr("Municipal borders (optional, for the atlas)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Regional report (.xlsx or .pdf)"), tr("Excel (*.xlsx);;PDF (*.pdf)")
            )
        )
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Regional report")))
        self.addOutput(QgsProcessingOutputNumber("ORGANISATIONS", tr("Organisations")))
        self.addOutput(QgsProcessingOutputNumber("CONFLICTS", tr("Intermunicipal conflicts")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.store import open_store
        from ...export.region.service import run_regional_report

        uri = store_uri(self, parameters, context)
        goal_ids = parse_goal_ids(self.parameterAsString(parameters, "GOALS", context)) or None
        distance = self.parameterAsDouble(parameters, "DISTANCE", context)
        boundaries = self.parameterAsVectorLayer(parameters, "BOUNDARIES", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with open_store(uri) as store:
            path, data = run_regional_report(
                store,
                output,
                goal_ids=goal_ids,
                distance=distance,
                boundaries=boundaries,
                project=context.project(),
                feedback=feedback,
            )
        for organisation, key, problem in data.problems:
            feedback.pushWarning(tr("{organisation}, area {key}: {problem}").format(
                organisation=organisation, key=key, problem=problem))  # fmt: skip
        feedback.pushInfo(
            tr("{organisations} organisations, {goals} goals, {pairs} intermunicipal conflicts → {path}").format(
                organisations=len(data.organisations), goals=len(data.goals), pairs=len(data.pairs), path=path
            )
        )
        return {"OUTPUT": str(path), "ORGANISATIONS": len(data.organisations), "CONFLICTS": len(data.pairs)}
