"""``territorial:unlinkfeatures``: remove links of features of a layer."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterString

from ...core.i18n import tr
from ...core.user import current_user
from ..base import TerritorialAlgorithm
from ..layer_params import add_selection_parameters, layer_and_selection
from ..params import parse_goal_ids, store_parameter, store_uri


class UnlinkFeaturesAlgorithm(TerritorialAlgorithm):
    group_id = "links"

    def name(self) -> str:
        return "unlinkfeatures"

    def displayName(self) -> str:
        return tr("Unlink features from goals")

    def help_text(self) -> str:
        return tr(
            "Removes links of features of a registered land-use layer, in one transaction. Each removed link "
            "is kept in the store's history (who, when, what it said).<br><br>"
            "{STORE}: a GeoPackage file or postgres:&lt;QGIS connection name&gt;. {LAYER}: the land-use layer "
            "(registered when it was first linked). {GOALS}: goal ids separated by commas; empty removes the "
            "links to every goal.<br><br>"
            "Features: all of them, only the selected ones ({SELECTED_ONLY}, for a layer of the open project), "
            "or those matching {EXPRESSION} (for example \"anv\" = 'BOST')."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        add_selection_parameters(self)
        self.addParameter(
            QgsProcessingParameterString("GOALS", tr("Goals (ids separated by commas; empty: all)"), optional=True)
        )
        self.addOutput(QgsProcessingOutputNumber("FEATURES", tr("Features")))
        self.addOutput(QgsProcessingOutputNumber("DELETED", tr("Links removed")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.links import LinkService
        from ...core.store import open_store

        goals = parse_goal_ids(self.parameterAsString(parameters, "GOALS", context)) or None
        layer, selection = layer_and_selection(self, parameters, context)
        with open_store(store_uri(self, parameters, context)) as store:
            command = LinkService(store, current_user(), undo=False).unlink(layer, goals, **selection)
        deleted = command.result.deleted
        feedback.pushInfo(tr("Removed {n} links of {features} features.").format(n=deleted, features=len(command.keys)))
        return {"FEATURES": len(command.keys), "DELETED": deleted}
