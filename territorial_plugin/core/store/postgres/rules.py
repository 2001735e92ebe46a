"""Linking rules in the PostgreSQL store (a mixin of PostgresStore): per organisation, like links.

Row-level security (``upgrade_to_4.sql``) limits every statement here to the
connected organisation's rules, dismissals and rule history (the region reads all).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from ...errors import StoreError
from ...i18n import tr
from ...model import WriteResult
from ...rules.model import Rule, RuleLink
from ..checks import check_spec, key_text
from ..rule_checks import check_rule, rule_state
from .rows import _fetch, _keys, _text_array

_RULE_COLS = "id, name, layer_name, expression, stance, strength, motivation, enabled"


def _read_rules(cur, enabled_only: bool = False) -> list[Rule]:
    goals: dict[int, list[str]] = {}
    for rule_id, goal in _fetch(cur, "SELECT rule_id, goal_id FROM link_rule_goal ORDER BY rule_id, position"):
        goals.setdefault(rule_id, []).append(goal)
    where = " WHERE enabled" if enabled_only else ""
    return [
        Rule(name, expression, tuple(goals.get(rule_id, ())), layer, stance, strength, motivation, enabled, rule_id)
        for rule_id, name, layer, expression, stance, strength, motivation, enabled in _fetch(
            cur, "SELECT " + _RULE_COLS + " FROM link_rule" + where + " ORDER BY name, id"
        )
    ]


def _missing_goals(cur, goal_ids: Iterable[str]) -> list[str]:
    cur.execute(
        "SELECT g FROM unnest(%s::text[]) AS g WHERE g NOT IN (SELECT id FROM goal) ORDER BY g",
        (_text_array(sorted(set(goal_ids))),),
    )
    return [row[0] for row in cur.fetchall()]


def _history(cur, operation: str, name: str, before: dict | None, after: dict | None, user: str) -> None:
    cur.execute(
        "INSERT INTO link_rule_history (changed_by, operation, rule_name, before, after) VALUES (%s, %s, %s, %s, %s)",
        (
            user,
            operation,
            name,
            None if before is None else json.dumps(before, ensure_ascii=False),
            None if after is None else json.dumps(after, ensure_ascii=False),
        ),
    )


class PostgresRulesMixin:
    """Needs ``_read`` and ``_write`` of PostgresStore."""

    def save_rules(self, rules: Sequence[Rule], user: str) -> WriteResult:
        for rule in rules:
            check_rule(rule)

        def work(cur) -> WriteResult:
            missing = _missing_goals(cur, (goal for rule in rules for goal in rule.goal_ids))
            if missing:
                raise StoreError(
                    tr("These goals are not in the link store: {goals}. Import their catalogue first.").format(
                        goals=", ".join(missing[:10])
                    )
                )
            # the organisation's own rules only: the region reads others' but names are per organisation
            cur.execute("SELECT coalesce(current_organisation(), '')")
            organisation = cur.fetchone()[0]
            cur.execute("SELECT name FROM link_rule WHERE organisation = %s", (organisation,))
            own = {row[0] for row in cur.fetchall()}
            existing = {rule.name: rule for rule in _read_rules(cur) if rule.name in own}
            result = WriteResult()
            for rule in rules:
                old = existing.get(rule.name)
                values = (rule.layer, rule.expression, rule.stance, rule.strength, rule.motivation, rule.enabled, user)
                if old is None:
                    cur.execute(
                        "INSERT INTO link_rule (layer_name, expression, stance, strength, motivation, enabled,"
                        " updated_by, name, created_by, organisation) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                        " RETURNING id",
                        (*values, rule.name, user, organisation),
                    )
                    rule_id = cur.fetchone()[0]
                    before = None
                    result.inserted += 1
                elif rule_state(old) == rule_state(rule):
                    result.unchanged += 1
                    continue
                else:
                    rule_id = old.id
                    cur.execute(
                        "UPDATE link_rule SET layer_name = %s, expression = %s, stance = %s, strength = %s,"
                        " motivation = %s, enabled = %s, updated_by = %s, updated_at = now(),"
                        " row_version = row_version + 1 WHERE id = %s",
                        (*values, rule_id),
                    )
                    cur.execute("DELETE FROM link_rule_goal WHERE rule_id = %s", (rule_id,))
                    before = rule_state(old)
                    result.updated += 1
                cur.executemany(
                    "INSERT INTO link_rule_goal (rule_id, goal_id, position) VALUES (%s, %s, %s)",
                    [(rule_id, goal, position) for position, goal in enumerate(dict.fromkeys(rule.goal_ids))],
                )
                _history(cur, "insert" if before is None else "update", rule.name, before, rule_state(rule), user)
            return result

        return self._write(work, user)

    def rules(self, *, enabled_only: bool = False) -> list[Rule]:
        return self._read(lambda cur: _read_rules(cur, enabled_only))

    def set_rule_enabled(self, name: str, enabled: bool, user: str) -> None:
        def work(cur) -> None:
            cur.execute("SELECT coalesce(current_organisation(), '')")
            organisation = cur.fetchone()[0]
            old = next(
                (r for r in _read_rules(cur) if r.name == name and self._rule_org(cur, r.id) == organisation), None
            )
            if old is None:
                raise StoreError(tr("There is no linking rule '{name}' in the link store.").format(name=name))
            if old.enabled == bool(enabled):
                return
            cur.execute(
                "UPDATE link_rule SET enabled = %s, updated_by = %s, updated_at = now(),"
                " row_version = row_version + 1 WHERE id = %s",
                (bool(enabled), user, old.id),
            )
            _history(cur, "update", name, rule_state(old), dict(rule_state(old), enabled=bool(enabled)), user)

        self._write(work, user)

    @staticmethod
    def _rule_org(cur, rule_id: int) -> str:
        cur.execute("SELECT organisation FROM link_rule WHERE id = %s", (rule_id,))
        return cur.fetchone()[0]

    def rule_history(self, *, limit: int = 1000) -> list[dict]:
        rows = self._read(
            lambda cur: _fetch(
                cur,
                "SELECT id, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), changed_by,"
                " operation, rule_name, before, after FROM link_rule_history ORDER BY id DESC LIMIT %s",
                (int(limit),),
            )
        )
        names = ("id", "changed_at", "changed_by", "operation", "rule_name")
        return [
            dict(
                zip(names, row[:5]),
                before=json.loads(row[5]) if row[5] else None,
                after=json.loads(row[6]) if row[6] else None,
            )
            for row in rows
        ]

    def link_by_rules(self, layer_uid: str, rows: Sequence[RuleLink], user: str) -> WriteResult:
        # rows by position: RuleLink or a plain tuple laid out as one
        for stance, strength in {(row[3], row[4]) for row in rows}:  # a rule's rows share them
            check_spec(stance, strength)
        first: dict[tuple[str, str], tuple] = {}
        for row in rows:
            first.setdefault((key_text(row[0]), row[1]), row)
        ordered = sorted(first.items())  # a fixed lock order, as the other bulk writes
        if not ordered:
            return WriteResult()

        def work(cur) -> WriteResult:
            self._check_targets(cur, layer_uid, sorted({goal for _, goal in first}))
            rule_ids = sorted({row[2] for row in first.values()})
            cur.execute("SELECT count(*) FROM link_rule WHERE id = ANY(%s)", (rule_ids,))
            if cur.fetchone()[0] != len(rule_ids):
                raise StoreError(tr("A rule link names a rule that is not in the link store. Nothing was changed."))
            cur.execute(
                "INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation, organisation,"
                " created_by, created_at, updated_by, updated_at, rule_id)"
                " SELECT %(layer)s, r.k, r.g, r.s, r.st, r.m, (SELECT coalesce(current_organisation(), '')),"
                " %(user)s, now(), %(user)s, now(), r.rid"
                " FROM unnest(%(keys)s::text[], %(goals)s::text[], %(stances)s::text[], %(strengths)s::int[],"
                " %(motivations)s::text[], %(rules)s::bigint[]) AS r(k, g, s, st, m, rid)"
                " WHERE NOT EXISTS (SELECT FROM link l WHERE l.layer_uid = %(layer)s AND l.feature_key = r.k"
                " AND l.goal_id = r.g)"
                " AND NOT EXISTS (SELECT FROM link_rule_dismissal d WHERE d.layer_uid = %(layer)s"
                " AND d.feature_key = r.k AND d.rule_id = r.rid)"
                " ORDER BY r.k, r.g ON CONFLICT (layer_uid, feature_key, goal_id) DO NOTHING",
                {
                    "layer": layer_uid,
                    "user": user,
                    "keys": _text_array([key for (key, _), _ in ordered]),
                    "goals": _text_array([goal for (_, goal), _ in ordered]),
                    "stances": _text_array([row[3] for _, row in ordered]),
                    "strengths": [int(row[4]) for _, row in ordered],
                    "motivations": _text_array([row[5] or "" for _, row in ordered]),
                    "rules": [int(row[2]) for _, row in ordered],
                },
            )
            inserted = cur.rowcount
            return WriteResult(inserted=inserted, unchanged=len(ordered) - inserted)

        return self._write(work, user)

    def dismiss_rule(self, layer_uid: str, rule_id: int, keys: Iterable[str], user: str) -> WriteResult:
        key_list = _keys(keys)

        def work(cur) -> WriteResult:
            self._check_targets(cur, layer_uid, [])
            cur.execute("SELECT 1 FROM link_rule WHERE id = %s", (rule_id,))
            if cur.fetchone() is None:
                raise StoreError(tr("A rule link names a rule that is not in the link store. Nothing was changed."))
            cur.execute(
                "INSERT INTO link_rule_dismissal (rule_id, layer_uid, feature_key, dismissed_by)"
                " SELECT %s, %s, k, %s FROM unnest(%s::text[]) AS k ORDER BY k ON CONFLICT DO NOTHING",
                (rule_id, layer_uid, user, _text_array(key_list)),
            )
            return WriteResult(inserted=cur.rowcount)

        return self._write(work, user)

    def undismiss_rule(self, layer_uid: str, rule_id: int, keys: Iterable[str], user: str) -> WriteResult:
        key_list = _keys(keys)

        def work(cur) -> WriteResult:
            # row-level security: an organisation forgets only its own dismissals
            cur.execute(
                "DELETE FROM link_rule_dismissal WHERE layer_uid = %s AND rule_id = %s"
                " AND feature_key = ANY(%s::text[])",
                (layer_uid, rule_id, _text_array(key_list)),
            )
            return WriteResult(deleted=cur.rowcount)

        return self._write(work, user)

    def rule_dismissals(self, layer_uid: str) -> set[tuple[str, int]]:
        rows = self._read(
            lambda cur: _fetch(
                cur, "SELECT feature_key, rule_id FROM link_rule_dismissal WHERE layer_uid = %s", (layer_uid,)
            )
        )
        return {(key, rule_id) for key, rule_id in rows}

    def rule_marks(self, layer_uid: str) -> dict[tuple[str, str], str]:
        rows = self._read(
            lambda cur: _fetch(
                cur,
                "SELECT l.feature_key, l.goal_id, r.name FROM link l JOIN link_rule r ON r.id = l.rule_id"
                " WHERE l.layer_uid = %s AND l.rule_id IS NOT NULL",
                (layer_uid,),
            )
        )
        return {(key, goal): name for key, goal, name in rows}
