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
