"""``territorial:checkintegrity``: orphans, repeated keys, layers not found; optional repair."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterMultipleLayers,
)

from ...core.i18n import tr
from ...core.user import current_user
from ..base import TerritorialAlgorithm
from ..params import default_to_registered_layers, store_parameter, store_uri


class CheckIntegrityAlgorithm(TerritorialAlgorithm):
    group_id = "links"

    def name(self) -> str:
        return "checkintegrity"

    def displayName(self) -> str:
        return tr("Check link integrity")

    def help_text(self) -> str:
        return tr(
            "Checks that every link still finds its feature. Reports links whose key is no longer in the layer "
            "(orphans), key values that repeat or are empty, and registered layers that were not found. Run it after "
            "data maintenance, after moving files, or when a layer was saved under a new name.<br><br>{STORE}: a "
            "GeoPackage file or postgres:&lt;QGIS connection name&gt;. {LAYERS}: the land-use layers to check "
            "(default: the registered layers of the open project). {REPAIR}: a given layer that the store does not "
            "recognise (a moved or re-saved file) is re-attached to the registered layer whose linked keys it holds, "
            "by key, never by feature id. {REMOVE_ORPHANS}: delete the links whose key is no longer in its layer (kept "
            "in the history). Without it nothing is deleted: a feature may return when a file is "
            "restored.<br><br>Areas that match an enabled linking rule but have neither a link to the rule's goal nor "
            "a planner's dismissal are listed too ({RULE_GAPS}): the plan's unexplained gaps."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addParameter(
            default_to_registered_layers(
                QgsProcessingParameterMultipleLayers(
                    "LAYERS", tr("Land-use layers"), QgsProcessing.SourceType.TypeVectorAnyGeometry, optional=True
                )
            )
        )
        self.addParameter(QgsProcessingParameterBoolean("REPAIR", tr("Re-attach moved layers by key"), False))
        self.addParameter(QgsProcessingParameterBoolean("REMOVE_ORPHANS", tr("Remove orphan links"), False))
        self.addOutput(QgsProcessingOutputNumber("PROBLEMS", tr("Problems found")))
        self.addOutput(QgsProcessingOutputNumber("ORPHANS", tr("Orphan links (keys not in their layer)")))
        self.addOutput(QgsProcessingOutputNumber("DUPLICATE_KEYS", tr("Repeated key values")))
        self.addOutput(QgsProcessingOutputNumber("MISSING_LAYERS", tr("Registered layers not found")))
        self.addOutput(QgsProcessingOutputNumber("REPAIRED", tr("Layers re-attached")))
        self.addOutput(QgsProcessingOutputNumber("REMOVED", tr("Orphan links removed")))
        self.addOutput(QgsProcessingOutputString("REPORT", tr("Report")))
        self.addOutput(QgsProcessingOutputNumber("RULE_GAPS", tr("Areas a linking rule links to a goal they lack")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.integrity import check
        from ...core.store import open_store

        layers = self.parameterAsLayerList(parameters, "LAYERS", context) or None
        with open_store(store_uri(self, parameters, context)) as store:
            report = check(
                store,
                layers,
                project=context.project(),
                repair=self.parameterAsBool(parameters, "REPAIR", context),
                remove_orphans=self.parameterAsBool(parameters, "REMOVE_ORPHANS", context),
                user=current_user(),
            )
        lines = list(report.repaired)
        for message in report.repaired:
            feedback.pushInfo(message)
        for name in report.unregistered:
            message = tr("Layer '{layer}' is not registered in the link store; nothing to check.").format(layer=name)
            lines.append(message)
            feedback.reportError(message, False)
        for problem in report.store_problems:
            lines.append(problem)
            feedback.reportError(tr("The store file reports: {problem}").format(problem=problem), False)
        problems = len(report.store_problems)
        for item in report.layers:
            for message in item.messages():
                lines.append(message)
                problems += 1
                feedback.reportError(message, False)
            if item.ok:
                feedback.pushInfo(
                    tr("Layer '{layer}': all {n} linked keys found.").format(layer=item.record.name, n=item.linked_keys)
                )
        for item in report.layers:
            for message in item.rule_messages():
                lines.append(message)
                feedback.pushWarning(message)
        if report.removed_orphans:
            message = tr("Removed {n} orphan links.").format(n=report.removed_orphans)
            lines.append(message)
            feedback.pushInfo(message)
        if not problems:
            feedback.pushInfo(tr("No problems found."))
        return {
            "PROBLEMS": problems,
            "ORPHANS": report.orphan_count,
            "DUPLICATE_KEYS": sum(len(item.duplicate_keys) for item in report.layers),
            "MISSING_LAYERS": sum(1 for item in report.layers if not item.available),
            "REPAIRED": len(report.repaired),
            "REMOVED": report.removed_orphans,
            "REPORT": "\n".join(lines),
            "RULE_GAPS": sum(len({key for key, _, _ in item.rule_gaps}) for item in report.layers),
        }
