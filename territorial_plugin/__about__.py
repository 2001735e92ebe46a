"""Plugin metadata read from ``metadata.txt``: the one source of the version."""

from __future__ import annotations

import configparser
from functools import lru_cache

from .paths import plugin_root


@lru_cache(maxsize=1)
def metadata() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep keys such as description[sv] as written
    parser.read(plugin_root() / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def version() -> str:
    return metadata()["version"]


PLUGIN_NAME = "Territorial Links"
PLUGIN_PACKAGE = "territorial_plugin"
LOG_TAG = "Territorial Links"
