"""Territorial Links: link comprehensive-plan areas to regional and national goals.

QGIS calls :func:`classFactory` when it loads the plugin, in the desktop and under
``qgis_process`` (where ``iface`` is ``None``). Everything is imported lazily so
that loading the plugin costs nothing until it is used.
"""


def classFactory(iface):
    from .plugin import TerritorialLinksPlugin

    return TerritorialLinksPlugin(iface)
