"""Values of linking rules: a rule, a link a rule gives, and the outcome of applying it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..model import Stance


@dataclass(frozen=True)
class Rule:
    """Areas matching ``expression`` serve ``goal_ids`` with this stance, strength and motivation.

    ``layer`` is a registered layer's name ('' = every registered layer). ``motivation``
    may hold ``[% expression %]`` templates, filled per area. ``id`` is the store's
    id (``None`` before the rule is saved).
    """

    name: str
    expression: str
    goal_ids: tuple[str, ...]
    layer: str = ""
    stance: str = Stance.SUPPORTS.value
    strength: int = 2
    motivation: str = ""
    enabled: bool = True
    id: int | None = None

    def applies_to(self, layer_name: str) -> bool:
        return not self.layer or self.layer == layer_name


class RuleLink(NamedTuple):
    """One link a rule gives one area: what the store's bulk rule link writes.

    A named tuple: a run writes hundreds of thousands (see ``apply.Outcome``).
    """

    feature_key: str
    goal_id: str
    rule_id: int
    stance: str
    strength: int
    motivation: str


#: outcome of one (area, rule, goal) when rules are applied
WOULD_LINK = "would_link"
LINKED = "linked"
ALREADY_LINKED = "already_linked"
DISMISSED = "dismissed"
OTHER_RULE = "other_rule"  # an earlier rule of the same run links the area to the goal
