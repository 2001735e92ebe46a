"""Install the plugin's Qt translator for the language QGIS runs in."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .paths import i18n_dir


def qgis_locale() -> str:
    """Two-letter language QGIS uses: its override setting, else the system locale."""
    settings = QgsSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    name = settings.value("locale/userLocale", "", type=str) if override else ""
    if not name:
        try:
            name = QgsApplication.locale()
        except AttributeError:  # pragma: no cover - very old QGIS
            name = QLocale.system().name()
    return (name or "en")[:2]


def install_translator(locale: str | None = None) -> QTranslator | None:
    """Load ``i18n/territorial_plugin_<lang>.qm`` if it exists; return it for removal."""
    language = (locale or qgis_locale())[:2]
    path = i18n_dir() / f"territorial_plugin_{language}.qm"
    if not path.is_file():
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
