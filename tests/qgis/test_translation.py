"""The plugin speaks Swedish when QGIS runs in Swedish."""

from territorial_plugin.core.i18n import tr
from territorial_plugin.translation import install_translator, remove_translator


def test_swedish_string_when_locale_is_sv():
    translator = install_translator("sv")
    try:
        assert translator is not None, "i18n/territorial_plugin_sv.qm missing: run make i18n"
        assert tr("Select areas on the map to see and edit their goal links.") == (
            "Välj områden i kartan för att se och ändra deras målkopplingar."
        )
    finally:
        remove_translator(translator)
    assert tr("Plugin information") == "Plugin information"


def test_no_translator_for_unknown_language():
    assert install_translator("xx") is None


def test_plugin_follows_qgis_locale_setting(qgis_iface):
    from qgis.core import QgsSettings

    import territorial_plugin

    settings = QgsSettings()
    old = settings.value("locale/overrideFlag"), settings.value("locale/userLocale")
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "sv_SE")
    try:
        plugin = territorial_plugin.classFactory(qgis_iface)
        try:
            assert tr("Plugin information") == "Information om insticksprogrammet"
        finally:
            plugin.unload()
        assert tr("Plugin information") == "Plugin information"  # translator removed on unload
    finally:
        settings.setValue("locale/overrideFlag", old[0] if old[0] is not None else False)
        settings.setValue("locale/userLocale", old[1] or "")
