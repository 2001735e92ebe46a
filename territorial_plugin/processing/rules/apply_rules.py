"""``territorial:applyrules``: report, or create, the links that linking rules give a layer."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.i18n import tr
from ...core.user import current_user
from ..base import TerritorialAlgorithm
from ..layer_params import LAYER
from ..params import default_to_registered_layers, store_parameter, store_uri


class ApplyRulesAlgorithm(TerritorialAlgorithm):
    group_id = "rules"

    def name(self) -> str:
        return "applyrules"

    def displayName(self) -> str:
        return tr("Apply linking rules")

    def help_text(self) -> str:
        return tr(
            "Evaluates linking rules of {STORE} on {LAYER}. {MODE}: “Report only” writes the report; “Link areas” "
            "also links every matching area that has no link to the rule's goal yet, in one transaction. A "
            "planner's link is never changed, whatever its stance, and an area where a planner dismissed the "
            "rule is left alone. Links made here remember their rule.<br><br>"
            "{KEY_FIELD} is needed only if {LAYER} is not registered yet. {RULES}: rule names separated by commas "
            "(empty: every enabled rule that applies to the layer). {OUTPUT}: the report (.xlsx or .csv) with one "
            "row per area, rule and goal, and what would change or changed."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addParameter(
            default_to_registered_layers(QgsProcessingParameterVectorLayer(LAYER, tr("Land-use layer")), True)
        )
        self.addParameter(
            QgsProcessingParameterField(
                "KEY_FIELD", tr("Key field (needed the first time)"), parentLayerParameterName=LAYER, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "RULES", tr("Rules (names separated by commas; empty: all enabled)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum("MODE", tr("Mode"), [tr("Report only"), tr("Link areas")], defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination("OUTPUT", tr("Report"), tr("Excel (*.xlsx);;CSV (*.csv)"))
        )
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Report")))
        self.addOutput(QgsProcessingOutputNumber("MATCHES", tr("Area, rule and goal rows")))
        self.addOutput(QgsProcessingOutputNumber("NEW_LINKS", tr("New links (would be made in report mode)")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.errors import TerritorialError
        from ...core.identity import check_key_field, register_layer, resolve_layer
        from ...core.rules.apply import apply_rules, select_rules
        from ...core.rules.model import LINKED, WOULD_LINK
        from ...core.rules.report import write_report
        from ...core.store import open_store

        layer = self.parameterAsVectorLayer(parameters, LAYER, context)
        if layer is None or not layer.isValid():
            raise TerritorialError(tr("The layer could not be opened."))
        key_field = self.parameterAsString(parameters, "KEY_FIELD", context).strip()
        names = [n.strip() for n in self.parameterAsString(parameters, "RULES", context).split(",") if n.strip()]
        link = self.parameterAsEnum(parameters, "MODE", context) == 1
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with open_store(store_uri(self, parameters, context)) as store:
            record = resolve_layer(store, layer)
            if record is None or (key_field and key_field != record.key_field):
                check_key_field(layer, key_field)
                if not link:
                    # report mode writes nothing to the store, so the layer is described, not registered
                    from ...core.identity import record_for

                    record = record_for(layer, "", key_field)
                else:
                    record = register_layer(store, layer, key_field)
            rules = select_rules(store, record, names or None)
            if not rules:
                feedback.pushWarning(
                    tr("No enabled linking rule applies to layer '{layer}'.").format(layer=layer.name())
                )
            # the areas' names are read in the rules' own requests: no second pass over the layer
            result = apply_rules(
                store, layer, record, rules, link=link, user=current_user(), feedback=feedback, names=True
            )
        path = write_report(result.rows, result.names, output)
        new = result.count(LINKED if link else WOULD_LINK)
        message = (
            tr("{rules} rules linked {n} new area–goal pairs on '{layer}'.")
            if link
            else tr("{rules} rules would link {n} new area–goal pairs on '{layer}' (nothing written).")
        )
        feedback.pushInfo(message.format(rules=len(rules), n=new, layer=layer.name()))
        return {"OUTPUT": str(path), "MATCHES": len(result.rows), "NEW_LINKS": new}
