"""Translated names of domain values, the same in the panel, the atlas and the tables."""

from __future__ import annotations

from .i18n import tr
from .model import MIXED, Level, Stance


def stance_label(stance: str) -> str:
    """``"supports"`` → "Supports" ("Stödjer" in Swedish); unknown values as they are."""
    return {
        Stance.SUPPORTS.value: tr("Supports"),
        Stance.CONFLICTS.value: tr("Conflicts"),
        Stance.NEUTRAL.value: tr("Neutral"),
        MIXED: tr("Mixed"),
    }.get(stance, stance)


def level_label(level: str) -> str:
    """``"regional"`` → "Regional" ("Regional nivå" in Swedish); unknown values as they are."""
    return {
        Level.GLOBAL.value: tr("Global"),
        Level.EU.value: tr("EU"),
        Level.NATIONAL.value: tr("National"),
        Level.REGIONAL.value: tr("Regional"),
        Level.MUNICIPAL.value: tr("Municipal"),
    }.get(level, level)


def goal_field_label(field: str) -> str:
    """A column of a catalogue file as a planner names it: ``"title_sv"`` → "Swedish title"."""
    return {
        "code": tr("Code"),
        "parent": tr("Parent goal (its code)"),
        "title_sv": tr("Swedish title"),
        "title_en": tr("English title"),
        "description": tr("Description"),
        "order": tr("Order"),
        "kind": tr("Kind (goal, target…)"),
    }.get(field, field)
