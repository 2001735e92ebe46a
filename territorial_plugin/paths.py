"""Where the plugin's files are, in a checkout and in an installed plugin.

In the installed zip, ``metadata.txt``, ``resources/`` and ``i18n/`` sit inside the
package folder; in the source checkout they sit one level up. Everything that needs
a bundled file asks this module, so both layouts work.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def plugin_root() -> Path:
    """The folder holding ``metadata.txt``, ``resources/`` and ``i18n/``."""
    if (PACKAGE_DIR / "metadata.txt").is_file():
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


def resources_dir() -> Path:
    return plugin_root() / "resources"


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource("icons", "territorial.svg")``."""
    return resources_dir().joinpath(*parts)


def i18n_dir() -> Path:
    return plugin_root() / "i18n"


def handbook_path() -> Path:
    """The Swedish handbook: ``docs/handbok.md`` in a checkout, ``help/handbok.md`` when installed."""
    root = plugin_root()
    installed = root / "help" / "handbok.md"
    return installed if installed.is_file() else root / "docs" / "handbok.md"
