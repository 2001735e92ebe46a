"""pytest plugin for lane 3.44: deprecation warnings raised by the plugin's code fail.

Loaded with ``-p lane_warnings`` by ``in-chroot.sh``. pytest's ``-W`` option matches
the module name literally, so it cannot say "territorial_plugin and its submodules";
an ini-style filter can (a regular expression matched at the start of the module
name). Filters added later take precedence, so these win over the project's
``ignore::DeprecationWarning:sip`` for code under ``territorial_plugin``. sip and
QGIS's Python additions attribute their deprecation warnings to the calling frame,
so a deprecated QGIS or PyQt call made by the plugin lands here too.
"""

from __future__ import annotations

PLUGIN_MODULES = r"territorial_plugin(\..*)?$"


def pytest_configure(config) -> None:
    for category in ("DeprecationWarning", "PendingDeprecationWarning"):
        config.addinivalue_line("filterwarnings", f"error::{category}:{PLUGIN_MODULES}")
