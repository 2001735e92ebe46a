"""Checks of a linking rule every store engine applies before writing (the databases check again)."""

from __future__ import annotations

from ..errors import StoreError
from ..i18n import tr
from ..rules.model import Rule
from .checks import check_spec


def check_rule(rule: Rule) -> None:
    if not rule.name.strip():
        raise StoreError(tr("A linking rule needs a name."))
    if not rule.expression.strip():
        raise StoreError(tr("The linking rule '{name}' has no expression.").format(name=rule.name))
    if not rule.goal_ids:
        raise StoreError(tr("The linking rule '{name}' names no goal.").format(name=rule.name))
    check_spec(rule.stance, rule.strength)


def rule_state(rule: Rule) -> dict:
    """What the history keeps of a rule (and what decides whether a save changes it)."""
    return {
        "name": rule.name,
        "layer": rule.layer,
        "expression": rule.expression,
        "goals": list(dict.fromkeys(rule.goal_ids)),
        "stance": rule.stance,
        "strength": rule.strength,
        "motivation": rule.motivation,
        "enabled": bool(rule.enabled),
    }
