"""Suggestions for a selection: goals an enabled rule gives an area that is not linked to them.

The panel shows them apart from links; accepting one links it with the rule's
stance, strength and motivation (the link remembers its rule); dismissing one is
remembered for that area and rule, so it is not suggested again, until the
planner takes the dismissal back (``restore``, the panel's undo).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qgis.core import QgsVectorLayer

from ..model import RegisteredLayer, WriteResult
from ..store.base import Store
from .apply import Outcome, plan
from .evaluate import evaluate_rules
from .model import WOULD_LINK, Rule, RuleLink


def applicable_rules(store: Store, record: RegisteredLayer) -> list[Rule]:
    return [rule for rule in store.rules(enabled_only=True) if rule.applies_to(record.name)]


def suggestions(
    store: Store,
    layer: QgsVectorLayer,
    record: RegisteredLayer,
    fids: Iterable[int],
    rules: Sequence[Rule] | None = None,
    *,
    source=None,
    feedback=None,
) -> list[Outcome]:
    """For the features ``fids``: one :class:`Outcome` per (area, goal) a rule suggests and nobody linked.

    Only the selection's links are read (by key), not the whole layer's. ``source``
    and ``feedback``: as for :func:`evaluate_rules` (a task reads the features).
    """
    rules = applicable_rules(store, record) if rules is None else list(rules)
    if not rules:
        return []
    matches = evaluate_rules(layer, record.key_field, rules, fids=fids, source=source, feedback=feedback)
    keys = {key for rule_matches in matches for key in rule_matches.keys}
    linked = {(link.feature_key, link.goal_id) for link in store.links_for_keys(record.layer_uid, keys)}
    rows = plan(matches, linked, store.rule_dismissals(record.layer_uid))
    return [Outcome(*row) for row in rows if row[3] == WOULD_LINK]


def accept(store: Store, record: RegisteredLayer, chosen: Sequence[Outcome], user: str) -> WriteResult:
    """Link the chosen suggestions as their rules say, in one transaction (a link made meanwhile is kept)."""
    by_name = {rule.name: rule for rule in store.rules()}
    rows = [
        RuleLink(o.key, o.goal_id, by_name[o.rule].id, o.stance, by_name[o.rule].strength, o.motivation) for o in chosen
    ]
    return store.link_by_rules(record.layer_uid, rows, user) if rows else WriteResult()


def _by_rule(dismissals: Iterable[tuple[str, int]]) -> dict[int, list[str]]:
    keys_by_rule: dict[int, list[str]] = {}
    for key, rule_id in dismissals:
        keys_by_rule.setdefault(rule_id, []).append(key)
    return keys_by_rule


def dismiss(store: Store, record: RegisteredLayer, chosen: Sequence[Outcome], user: str) -> WriteResult:
    """Remember the dismissal of each chosen suggestion's rule for its area (one transaction per rule)."""
    by_name = {rule.name: rule for rule in store.rules()}
    return dismiss_pairs(store, record, [(o.key, by_name[o.rule].id) for o in chosen], user)


def dismiss_pairs(
    store: Store, record: RegisteredLayer, dismissals: Iterable[tuple[str, int]], user: str
) -> WriteResult:
    """Remember the dismissals ``(key, rule id)`` (one transaction per rule); the redo of :func:`restore`."""
    total = WriteResult()
    for rule_id, keys in _by_rule(dismissals).items():
        total.inserted += store.dismiss_rule(record.layer_uid, rule_id, keys, user).inserted
    return total


def restore(store: Store, record: RegisteredLayer, dismissals: Iterable[tuple[str, int]], user: str) -> WriteResult:
    """Take back the dismissals ``(key, rule id)``: their rules suggest those areas again (a transaction per rule)."""
    total = WriteResult()
    for rule_id, keys in _by_rule(dismissals).items():
        total.deleted += store.undismiss_rule(record.layer_uid, rule_id, keys, user).deleted
    return total
