"""Who writes, for the store's history."""

from __future__ import annotations

import getpass


def current_user() -> str:
    """The operating-system account (QGIS has no user identity of its own)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "unknown"
