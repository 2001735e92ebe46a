"""pytest plugin for the QGIS test lanes (loaded with ``-p lane_warnings`` by in-chroot.sh).

1. With ``LANE_STRICT_DEPRECATIONS=1`` (lane 3.44) a DeprecationWarning raised by the
   plugin's own code is an error. pytest's ``-W`` matches the module name literally,
   so it cannot say "territorial_plugin and its submodules"; an ini-style filter can
   (a regular expression matched at the start of the module name). Filters added
   later win, so these override the project's ``ignore::DeprecationWarning:sip`` for
   code under ``territorial_plugin``. sip and QGIS's Python additions attribute their
   deprecation warnings to the calling frame (checked on 3.44:
   ``QgsRectangle.setMinimal()`` called from ``territorial_plugin.x`` is reported
   against ``territorial_plugin.x``), so a deprecated QGIS or PyQt call the plugin
   makes lands here.
2. An exception raised inside a Qt slot or virtual (such a warning turned error, or
   any bug) makes PyQt abort the whole process when ``sys.excepthook`` is Python's
   default; the lane would then report nothing but "Fatal Python error". Here the
   hook records it and the test that caused it fails, with the traceback.
"""

from __future__ import annotations

import os
import sys
import traceback

import pytest

PLUGIN_MODULES = r"territorial_plugin(\..*)?$"
_slot_errors: list[str] = []


def _record_slot_error(exc_type, exc, tb) -> None:
    _slot_errors.append("".join(traceback.format_exception(exc_type, exc, tb)))


def pytest_configure(config) -> None:
    if os.environ.get("LANE_STRICT_DEPRECATIONS") == "1":
        for category in ("DeprecationWarning", "PendingDeprecationWarning"):
            config.addinivalue_line("filterwarnings", f"error::{category}:{PLUGIN_MODULES}")
    sys.excepthook = _record_slot_error


@pytest.fixture(autouse=True)
def _fail_on_exceptions_in_qt_slots():
    _slot_errors.clear()
    yield
    if _slot_errors:
        errors = "\n".join(_slot_errors)
        _slot_errors.clear()
        pytest.fail(f"exception raised inside a Qt slot or virtual during this test:\n{errors}", pytrace=False)
