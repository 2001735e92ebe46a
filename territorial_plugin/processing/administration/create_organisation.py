"""``territorial:createorganisation``: an organisation of a shared PostgreSQL store and its role."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputString, QgsProcessingParameterEnum, QgsProcessingParameterString

from ...core.errors import StoreError
from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import store_parameter, store_uri

KINDS = ("municipality", "region")


class CreateOrganisationAlgorithm(TerritorialAlgorithm):
    group_id = "administration"

    def name(self) -> str:
        return "createorganisation"

    def displayName(self) -> str:
        return tr("Create organisation in a shared store")

    def help_text(self) -> str:
        return tr(
            "For a shared PostgreSQL store ({STORE}: postgres:&lt;QGIS connection name&gt;), run by the store "
            "administrator. Creates an organisation ({ID}, {NAME}) — a municipality ({KIND}) or the region — and its "
            "database group role (named &lt;schema&gt;_&lt;id&gt;, without login), and grants it to the login roles "
            "listed in {MEMBERS}. People of a municipality change only their municipality's links and read only those; "
            "the region reads every link. Needs a role that may create roles (CREATEROLE)."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addParameter(QgsProcessingParameterString("ID", tr("Organisation id (e.g. umea; a–z, 0–9, _)")))
        self.addParameter(QgsProcessingParameterString("NAME", tr("Name (e.g. Umeå kommun)")))
        self.addParameter(
            QgsProcessingParameterEnum("KIND", tr("Kind"), options=[tr("Municipality"), tr("Region")], defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterString("MEMBERS", tr("Login roles acting for it (comma-separated)"), optional=True)
        )
        self.addOutput(QgsProcessingOutputString("ROLE", tr("Group role of the organisation")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.store import open_store

        uri = store_uri(self, parameters, context)
        kind = KINDS[self.parameterAsEnum(parameters, "KIND", context)]
        members = [m.strip() for m in self.parameterAsString(parameters, "MEMBERS", context).split(",") if m.strip()]
        with open_store(uri) as store:
            if store.engine != "postgres":
                raise StoreError(
                    tr("Organisations exist only in a shared PostgreSQL store, not in {store}.").format(store=uri)
                )
            organisation = self.parameterAsString(parameters, "ID", context).strip()
            role = store.create_organisation(organisation, self.parameterAsString(parameters, "NAME", context), kind)
            feedback.pushInfo(tr("Organisation {id} created with the role {role}.").format(id=organisation, role=role))
            for member in members:
                store.add_member(organisation, member)
                feedback.pushInfo(tr("{member} now acts for {id}.").format(member=member, id=organisation))
        return {"ROLE": role}
