"""Translated names of domain values, the same in the panel, the atlas and the tables."""

from __future__ import annotations

from .i18n import tr
from .model import Stance


def stance_label(stance: str) -> str:
    """``"supports"`` → "Supports" ("Stödjer" in Swedish); unknown values as they are."""
    return {
        Stance.SUPPORTS.value: tr("Supports"),
        Stance.CONFLICTS.value: tr("Conflicts"),
        Stance.NEUTRAL.value: tr("Neutral"),
    }.get(stance, stance)
