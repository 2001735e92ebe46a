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
from .evaluate import Matches, evaluate_rules
from .model import ALREADY_LINKED, DISMISSED, LINKED, OTHER_RULE, WOULD_LINK, Rule


class Outcome(NamedTuple):
    """One (area, rule, goal) of a run and what it does."""

    key: str
    rule: str
    goal_id: str
    change: str  # model.WOULD_LINK, LINKED, ALREADY_LINKED, DISMISSED, OTHER_RULE
    stance: str
    motivation: str


#: An :class:`Outcome`'s fields as a plain tuple, in its order. A run over 100 000 areas
#: makes hundreds of thousands; Python's garbage collector stops tracking a plain tuple
#: of strings but walks every named tuple at each full collection, which cost more
#: than making them.
OutcomeRow = tuple[str, str, str, str, str, str]


@dataclass
class ApplyResult:
    rows: list[OutcomeRow] = field(default_factory=list)
    written: WriteResult = field(default_factory=WriteResult)
    names: dict[str, str] = field(default_factory=dict)  # key → area name, when the run read names

    @property
    def outcomes(self) -> list[Outcome]:
        """The rows as :class:`Outcome` (made at each call)."""
        return [Outcome(*row) for row in self.rows]

    def count(self, change: str) -> int:
        return sum(1 for row in self.rows if row[3] == change)


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


def plan(
    matches: Iterable[Matches],
    linked: set[tuple[str, str]],
    dismissed: set[tuple[str, int]],
    new: str = WOULD_LINK,
    *,
    links: list[tuple] | None = None,
) -> list[OutcomeRow]:
    """What each match does, given the ``(key, goal)`` pairs linked and the ``(key, rule id)`` dismissals.

    The first rule that gives a pair wins it; later ones say so. A pair nobody has
    linked is ``new`` (``WOULD_LINK``, or ``LINKED`` for a run that writes them);
    ``links``, when given, receives the store's row for each of them (laid out as
    :class:`.model.RuleLink`, plain tuples for the reason :data:`OutcomeRow` gives).
    """
    # keys per goal and per rule: a string in a set, no (key, goal) tuple made and hashed per row
    linked_keys: dict[str, set[str]] = {}
    for key, goal in linked:
        linked_keys.setdefault(goal, set()).add(key)
    dismissed_keys: dict[int, set[str]] = {}
    for key, rule_id in dismissed:
        dismissed_keys.setdefault(rule_id, set()).add(key)
    claimed: dict[str, set[str]] = {}
    outcomes: list[OutcomeRow] = []
    append = outcomes.append
    nothing: frozenset[str] = frozenset()
    for rule, keys, motivations in matches:
        name, rule_id, stance, strength = rule.name, rule.id, rule.stance, rule.strength
        goals = [(goal, linked_keys.get(goal, nothing), claimed.setdefault(goal, set())) for goal in rule.goal_ids]
        rule_dismissed = dismissed_keys.get(rule_id, nothing)
        for key, motivation in zip(keys, motivations):
            for goal, goal_linked, goal_claimed in goals:
                if key in goal_linked:
                    change = ALREADY_LINKED
                elif key in rule_dismissed:
                    change = DISMISSED
                elif key in goal_claimed:
                    change = OTHER_RULE
                else:
                    change = new
                    goal_claimed.add(key)
                    if links is not None:
                        links.append((key, goal, rule_id, stance, strength, motivation))
                append((key, name, goal, change, stance, motivation))
    return outcomes


def layer_outcomes(
    store: Store,
    layer: QgsVectorLayer,
    record: RegisteredLayer,
    rules: Sequence[Rule],
    feedback=None,
    *,
    names: dict[str, str] | None = None,
    new: str = WOULD_LINK,
    links: list[tuple] | None = None,
) -> list[OutcomeRow]:
    """The outcomes of ``rules`` on every area of ``layer`` against the store's links and dismissals now.

    ``names``: filled with the matched areas' names (see :func:`evaluate_rules`);
    ``new`` and ``links`` as for :func:`plan`.
    """
    matches = evaluate_rules(layer, record.key_field, rules, feedback=feedback, names=names)
    linked = {(key, goal) for key, goal, _ in store.link_stances(record.layer_uid)}
    return plan(matches, linked, store.rule_dismissals(record.layer_uid), new, links=links)


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

    ``names``: the result carries the matched areas' names, for the report.
    """
    result = ApplyResult()
    links: list[tuple] = []
    result.rows = layer_outcomes(
        store,
        layer,
        record,
        rules,
        feedback,
        names=result.names if names else None,
        new=LINKED if link else WOULD_LINK,
        links=links if link else None,
    )
    if links:
        result.written = store.link_by_rules(record.layer_uid, links, user)
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
