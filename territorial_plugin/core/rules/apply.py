"""Apply linking rules to a layer: report what they would link, or link it (one transaction).

A rule links an area to a goal only when the area has no link to that goal at all
(a planner's link, whatever its stance, is never touched) and the planner has
not dismissed the rule for that area. The report lists every (area, rule, goal)
with what would change or changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from qgis.core import QgsVectorLayer

from ..errors import RuleError
from ..i18n import tr
from ..model import RegisteredLayer, WriteResult
from ..store.base import Store
from .evaluate import Match, evaluate_rules
from .model import ALREADY_LINKED, DISMISSED, LINKED, OTHER_RULE, WOULD_LINK, Rule, RuleLink


class Outcome(NamedTuple):
    """One (area, rule, goal) of a run and what it does.

    A named tuple, not a frozen dataclass: a run over 100 000 areas makes hundreds of
    thousands, and a frozen dataclass is several times slower to build.
    """

    key: str
    rule: str
    goal_id: str
    change: str  # model.WOULD_LINK, LINKED, ALREADY_LINKED, DISMISSED, OTHER_RULE
    stance: str
    motivation: str
    name: str = ""  # the area's name (for the report), when the run read names


@dataclass
class ApplyResult:
    outcomes: list[Outcome] = field(default_factory=list)
    written: WriteResult = field(default_factory=WriteResult)

    def count(self, change: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.change == change)


def select_rules(store: Store, record: RegisteredLayer, names: Sequence[str] | None = None) -> list[Rule]:
    """The rules to apply to a layer: those named (enabled or not), else every enabled one."""
    rules = store.rules()
    if names:
        by_name = {rule.name: rule for rule in rules}
        unknown = [name for name in names if name not in by_name]
        if unknown:
            raise RuleError(
                tr("These linking rules are not in the link store: {names}").format(names=", ".join(unknown))
            )
        chosen = [by_name[name] for name in dict.fromkeys(names)]
        elsewhere = [rule.name for rule in chosen if not rule.applies_to(record.name)]
        if elsewhere:
            raise RuleError(
                tr("These rules apply to another layer than '{layer}': {names}").format(
                    layer=record.name, names=", ".join(elsewhere)
                )
            )
        return chosen
    return [rule for rule in rules if rule.enabled and rule.applies_to(record.name)]


def plan(matches: Iterable[Match], linked: set[tuple[str, str]], dismissed: set[tuple[str, int]]) -> list[Outcome]:
    """What each match does, given the ``(key, goal)`` pairs linked and the ``(key, rule id)`` dismissals.

    The first rule that gives a pair wins it; later ones say so.
    """
    claimed: set[tuple[str, str]] = set()
    outcomes = []
    for match in matches:
        rule = match.rule
        for goal in rule.goal_ids:
            pair = (match.key, goal)
            if pair in linked:
                change = ALREADY_LINKED
            elif (match.key, rule.id) in dismissed:
                change = DISMISSED
            elif pair in claimed:
                change = OTHER_RULE
            else:
                change = WOULD_LINK
                claimed.add(pair)
            outcomes.append(Outcome(match.key, rule.name, goal, change, rule.stance, match.motivation, match.name))
    return outcomes


def layer_outcomes(
    store: Store,
    layer: QgsVectorLayer,
    record: RegisteredLayer,
    rules: Sequence[Rule],
    feedback=None,
    *,
    names: bool = False,
):
    """The outcomes of ``rules`` on every area of ``layer`` against the store's links and dismissals now."""
    matches = evaluate_rules(layer, record.key_field, rules, feedback=feedback, names=names)
    linked = {(key, goal) for key, goal, _ in store.link_stances(record.layer_uid)}
    return plan(matches, linked, store.rule_dismissals(record.layer_uid))


def apply_rules(
    store: Store,
    layer: QgsVectorLayer,
    record: RegisteredLayer,
    rules: Sequence[Rule],
    *,
    link: bool,
    user: str,
    feedback=None,
    names: bool = False,
) -> ApplyResult:
    """Evaluate ``rules`` on ``layer``; with ``link`` write the new links through the store's bulk rule link.

    ``names``: each outcome carries its area's name, for the report.
    """
    outcomes = layer_outcomes(store, layer, record, rules, feedback, names=names)
    result = ApplyResult(outcomes)
    if not link:
        return result
    ids = {rule.name: (rule.id, rule.strength) for rule in rules}
    rows = [
        RuleLink(o.key, o.goal_id, ids[o.rule][0], o.stance, ids[o.rule][1], o.motivation)
        for o in outcomes
        if o.change == WOULD_LINK
    ]
    result.written = store.link_by_rules(record.layer_uid, rows, user) if rows else WriteResult()
    result.outcomes = [o._replace(change=LINKED) if o.change == WOULD_LINK else o for o in outcomes]
    return result


def change_text(change: str) -> str:
    """The report's words for an outcome."""
    return {
        WOULD_LINK: tr("would be linked"),
        LINKED: tr("linked"),
        ALREADY_LINKED: tr("already linked (kept)"),
        DISMISSED: tr("dismissed by a planner"),
        OTHER_RULE: tr("linked by an earlier rule"),
    }[change]
