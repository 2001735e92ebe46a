"""The plugin's logger: messages go to the QGIS message log under the plugin's tag.

Debug messages are written only when the environment variable
``TERRITORIAL_DEBUG`` is set, so a normal session's log stays quiet.
"""

from __future__ import annotations

import os

from qgis.core import Qgis, QgsMessageLog

from ..__about__ import LOG_TAG


def _write(message: str, level) -> None:
    QgsMessageLog.logMessage(message, LOG_TAG, level, notifyUser=False)


def debug(message: str) -> None:
    if os.environ.get("TERRITORIAL_DEBUG"):
        _write(message, Qgis.MessageLevel.Info)


def info(message: str) -> None:
    _write(message, Qgis.MessageLevel.Info)


def warning(message: str) -> None:
    _write(message, Qgis.MessageLevel.Warning)


def critical(message: str) -> None:
    _write(message, Qgis.MessageLevel.Critical)
