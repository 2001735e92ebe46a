"""``territorial:linkfeatures``: link features of a layer to goals."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import qgis_enum
from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.model import STRENGTH_MAX, STRENGTH_MIN, LinkSpec, Stance
from ...core.user import current_user
from ..base import TerritorialAlgorithm
from ..layer_params import LAYER, add_selection_parameters, layer_and_selection
from ..params import parse_goal_ids, store_parameter, store_uri

STANCES = [s.value for s in Stance]


class LinkFeaturesAlgorithm(TerritorialAlgorithm):
    group_id = "links"

    def name(self) -> str:
        return "linkfeatures"

    def displayName(self) -> str:
        return tr("Link features to goals")

    def help_text(self) -> str:
        return tr(
            "Links features of a land-use layer to one or more goals, in one transaction: all of the links are "
            "written or, if anything is wrong, none. Features already linked to a goal get the new stance, "
            "strength and motivation.<br><br>"
            "{STORE}: a GeoPackage file or postgres:&lt;QGIS connection name&gt;. {LAYER}: the land-use layer. "
            "{KEY_FIELD}: the field whose values identify each feature for good (unique, never empty). It is needed "
            "the first time a layer is linked; afterwards the layer is recognised by its source. The QGIS feature "
            "id of a shapefile, CSV, memory or OSM layer is never accepted, as it changes when features are deleted; "
            "add a tl_uuid field instead (the panel offers it). "
            "{GOALS}: goal ids separated by commas, e.g. agenda2030:11.3, rus_ac_2030:M1. "
            "{STANCE}: supports, conflicts or neutral. {STRENGTH}: 0 (weak) to 3 (strong). {MOTIVATION}: why, in words "
            "that can go into the plan description.<br><br>"
            "Features: all of them, only the selected ones ({SELECTED_ONLY}, for a layer of the open project), "
            "or those matching {EXPRESSION} (for example \"anv\" = 'BOST')."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        add_selection_parameters(self)
        self.addParameter(
            QgsProcessingParameterField(
                "KEY_FIELD", tr("Key field (needed the first time)"), parentLayerParameterName=LAYER, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterString("GOALS", tr("Goals (ids separated by commas)")))
        stance = QgsProcessingParameterEnum("STANCE", tr("Stance"), STANCES, defaultValue=Stance.SUPPORTS.value)
        stance.setUsesStaticStrings(True)  # STANCE=conflicts on the command line, not an index
        self.addParameter(stance)
        self.addParameter(
            QgsProcessingParameterNumber(
                "STRENGTH",
                tr("Strength (0–3)"),
                qgis_enum("Qgis.ProcessingNumberParameterType.Integer", "QgsProcessingParameterNumber.Type.Integer"),
                defaultValue=2,
                minValue=STRENGTH_MIN,
                maxValue=STRENGTH_MAX,
            )
        )
        self.addParameter(QgsProcessingParameterString("MOTIVATION", tr("Motivation"), multiLine=True, optional=True))
        self.addOutput(QgsProcessingOutputNumber("FEATURES", tr("Features linked")))
        self.addOutput(QgsProcessingOutputNumber("INSERTED", tr("New links")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Changed links")))
        self.addOutput(QgsProcessingOutputNumber("UNCHANGED", tr("Links already as asked")))
        self.addOutput(QgsProcessingOutputString("LAYER_UID", tr("Registered layer id")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.identity import check_key_field, register_layer, resolve_layer
        from ...core.links import LinkService, read_keys, require_goals
        from ...core.store import open_store

        goals = parse_goal_ids(self.parameterAsString(parameters, "GOALS", context))
        if not goals:
            raise TerritorialError(tr("No goals given. Write goal ids separated by commas, e.g. agenda2030:11."))
        stance = self.parameterAsEnumString(parameters, "STANCE", context) or Stance.SUPPORTS.value
        spec = LinkSpec(
            stance=stance,
            strength=self.parameterAsInt(parameters, "STRENGTH", context),
            motivation=self.parameterAsString(parameters, "MOTIVATION", context),
        )
        layer, selection = layer_and_selection(self, parameters, context)
        key_field = self.parameterAsString(parameters, "KEY_FIELD", context).strip()
        with open_store(store_uri(self, parameters, context)) as store:
            # everything is checked before the layer is registered, so bad input leaves no trace
            require_goals(store, goals)
            record = resolve_layer(store, layer)
            register = record is None or (key_field and key_field != record.key_field)
            if register:
                check_key_field(layer, key_field)
            keys = read_keys(layer, key_field if register else record.key_field, **selection)
            if register:
                record = register_layer(store, layer, key_field)
                feedback.pushInfo(
                    tr("Registered layer '{layer}' with the key field '{field}'.").format(
                        layer=layer.name(), field=record.key_field
                    )
                )
            result = (
                LinkService(store, current_user(), undo=False).link_keys(record.layer_uid, keys, goals, spec).result
            )
        feedback.pushInfo(
            tr("Linked {n} features to {goals}: {new} new, {changed} changed, {same} already so.").format(
                n=len(keys),
                goals=", ".join(goals),
                new=result.inserted,
                changed=result.updated,
                same=result.unchanged,
            )
        )
        return {
            "FEATURES": len(keys),
            "INSERTED": result.inserted,
            "UPDATED": result.updated,
            "UNCHANGED": result.unchanged,
            "LAYER_UID": record.layer_uid,
        }
