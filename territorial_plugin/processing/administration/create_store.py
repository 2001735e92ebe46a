"""``territorial:createstore``: create a link store, or upgrade an older one."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString

from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import STORE, store_parameter, store_uri


class CreateStoreAlgorithm(TerritorialAlgorithm):
    group_id = "administration"

    def name(self) -> str:
        return "createstore"

    def displayName(self) -> str:
        return tr("Create link store")

    def help_text(self) -> str:
        return tr(
            "Creates a link store, or upgrades an existing one to this version of the plugin. "
            "{STORE} is a GeoPackage file (.gpkg) or postgres:&lt;QGIS connection name&gt; for a shared "
            "PostgreSQL store. A new GeoPackage holds the tables schema_version, catalogue, goal, "
            "registered_layer, link and link_history, which QGIS can open as ordinary tables. "
            "The tables can also be added to an existing GeoPackage. An older store is upgraded after a "
            "copy is kept beside it (name.bak-vN.gpkg); a store from a newer plugin version is left "
            "untouched. Running it on an up-to-date store changes nothing."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addOutput(QgsProcessingOutputString(STORE, tr("Link store")))
        self.addOutput(QgsProcessingOutputNumber("SCHEMA_VERSION", tr("Schema version")))
        self.addOutput(QgsProcessingOutputString("BACKUP", tr("Copy kept before the upgrade")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.store import open_store

        uri = store_uri(self, parameters, context)
        with open_store(uri, create=True) as store:
            version = store.schema_version()
            backup = getattr(store, "backup", None)
            shown = store.uri  # as the engine shows it: a typed password= is masked
        if backup:
            feedback.pushInfo(
                tr("Upgraded the link store; the previous version is kept as {path}.").format(path=backup)
            )
        feedback.pushInfo(
            tr("Link store {store} is ready (schema version {version}).").format(store=shown, version=version)
        )
        return {STORE: shown, "SCHEMA_VERSION": version, "BACKUP": str(backup or "")}
