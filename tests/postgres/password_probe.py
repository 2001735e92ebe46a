"""Run by test_pg_password.py in a throwaway QGIS profile: use a store through a saved QGIS
connection whose password sits in an authentication configuration, then leave the
profile, a project and the log behind for the test to search.

argv: profile dir, host, port, database, user, password, schema, output dir
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    profile, host, port, database, user, password, schema, out = sys.argv[1:9]
    from qgis.core import (
        QgsApplication,
        QgsAuthMethodConfig,
        QgsProject,
        QgsProviderRegistry,
    )
    from qgis.PyQt.QtCore import QCoreApplication

    # As QGIS desktop names itself, so the settings land where they do for users.
    QCoreApplication.setOrganizationName("QGIS")
    QCoreApplication.setOrganizationDomain("qgis.org")
    QCoreApplication.setApplicationName("QGIS3")
    app = QgsApplication([], False, profile)
    app.initQgis()
    log_lines: list[str] = []
    QgsApplication.messageLog().messageReceived.connect(lambda msg, tag, level: log_lines.append(f"{tag}: {msg}"))

    manager = QgsApplication.authManager()
    manager.setMasterPassword("master-of-the-test-profile", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("Territorial test")
    config.setConfig("username", user)
    config.setConfig("password", password)
    stored = manager.storeAuthenticationConfig(config)
    if isinstance(stored, tuple):  # (ok, config) in newer PyQGIS; the id is set in place in 3.22
        config = stored[1] if len(stored) > 1 and hasattr(stored[1], "id") else config
    authcfg = config.id()
    assert authcfg, "no authcfg id"

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = f"host={host} port={port} dbname='{database}' authcfg={authcfg}"
    connection = metadata.createConnection(uri, {})
    metadata.saveConnection(connection, "Regionens länkar")

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from territorial_plugin.core.errors import StoreError
    from territorial_plugin.core.model import Catalogue, Goal, LinkSpec, RegisteredLayer
    from territorial_plugin.core.store import open_store

    store_uri = f"postgres:Regionens länkar?schema={schema}"
    with open_store(store_uri, create=True) as store:
        store.save_catalogue(Catalogue("rus", "RUS", level="regional"), [Goal("rus:1", "rus", "1")])
        store.register_layer(RegisteredLayer("L", "Markanvändning", "/x.gpkg", "ogr", "omr_id"))
        store.link("L", ["1", "2"], ["rus:1"], LinkSpec(motivation="bra"), "anna")
        (Path(out) / "store_uri.txt").write_text(store.uri + "\n" + repr(store.__dict__), encoding="utf-8")
    try:  # an error message must not carry the password either
        open_store(f"postgres:host={host} port=1 dbname=x user={user} password={password}")
    except StoreError as error:
        (Path(out) / "error.txt").write_text(str(error), encoding="utf-8")
    project = QgsProject.instance()
    project.writeEntry("territorial_links", "store", store_uri)
    for name in ("projekt.qgz", "projekt.qgs"):
        if not project.write(str(Path(out) / name)):
            raise RuntimeError(project.error())
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.sync()
    (Path(out) / "settings_file.txt").write_text(settings.fileName(), encoding="utf-8")
    (Path(out) / "qgis.log").write_text("\n".join(log_lines), encoding="utf-8")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
