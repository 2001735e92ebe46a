"""Linking rules in the GeoPackage store: rules with their goals and history, rule links, dismissals.

Like ``links.py``, every function runs inside the transaction the caller opened
and works on sets (temporary tables filled by one ``executemany``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from ...errors import StoreError
from ...i18n import tr
from ...model import WriteResult
from ...rules.model import Rule, RuleLink
from ..checks import check_spec, key_text
from ..rule_checks import check_rule, rule_state
from .links import HISTORY_INSERT, _last_link_id, json_state, load_keys, require_layer

TEMP_TABLES = """
CREATE TEMP TABLE IF NOT EXISTS tl_rule_rows (
  feature_key TEXT NOT NULL, goal_id TEXT NOT NULL, rule_id INTEGER NOT NULL, stance TEXT, strength INTEGER,
  motivation TEXT, PRIMARY KEY (feature_key, goal_id)) WITHOUT ROWID;
"""

RULE_COLUMNS = "id, name, layer_name, expression, stance, strength, motivation, enabled"


def read_rules(con: sqlite3.Connection, *, enabled_only: bool = False) -> list[Rule]:
    goals: dict[int, list[str]] = {}
    for rule_id, goal in con.execute("SELECT rule_id, goal_id FROM link_rule_goal ORDER BY rule_id, position"):
        goals.setdefault(rule_id, []).append(goal)
    where = " WHERE enabled = 1" if enabled_only else ""
    return [
        Rule(
            name=name,
            expression=expression,
            goal_ids=tuple(goals.get(rule_id, ())),
            layer=layer,
            stance=stance,
            strength=strength,
            motivation=motivation,
            enabled=bool(enabled),
            id=rule_id,
        )
        for rule_id, name, layer, expression, stance, strength, motivation, enabled in con.execute(
            f"SELECT {RULE_COLUMNS} FROM link_rule{where} ORDER BY name"
        )
    ]


def _missing_goals(con: sqlite3.Connection, goal_ids: Iterable[str]) -> list[str]:
    wanted = sorted(set(goal_ids))
    known = {
        row[0]
        for row in con.execute(
            "SELECT id FROM goal WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(wanted),)
        )
    }
    return [goal for goal in wanted if goal not in known]


def save_rules(con: sqlite3.Connection, rules: Sequence[Rule], user: str, now: str) -> WriteResult:
    """Insert new rules and update those of the same name; rules not given stay as they are."""
    for rule in rules:
        check_rule(rule)
    missing = _missing_goals(con, (goal for rule in rules for goal in rule.goal_ids))
    if missing:
        raise StoreError(
            tr("These goals are not in the link store: {goals}. Import their catalogue first.").format(
                goals=", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
            )
        )
    existing = {rule.name: rule for rule in read_rules(con)}
    result = WriteResult()
    for rule in rules:
        old = existing.get(rule.name)
        values = (
            rule.layer,
            rule.expression,
            rule.stance,
            rule.strength,
            rule.motivation,
            int(rule.enabled),
            user,
            now,
        )
        if old is None:
            rule_id = con.execute(
                "INSERT INTO link_rule (layer_name, expression, stance, strength, motivation, enabled,"
                " updated_by, updated_at, name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, rule.name, user, now),
            ).lastrowid
            before = None
            result.inserted += 1
        else:
            if rule_state(old) == rule_state(rule):
                result.unchanged += 1
                continue
            rule_id = old.id
            con.execute(
                "UPDATE link_rule SET layer_name = ?, expression = ?, stance = ?, strength = ?, motivation = ?,"
                " enabled = ?, updated_by = ?, updated_at = ?, row_version = row_version + 1 WHERE id = ?",
                (*values, rule_id),
            )
            con.execute("DELETE FROM link_rule_goal WHERE rule_id = ?", (rule_id,))
            before = rule_state(old)
            result.updated += 1
        con.executemany(
            "INSERT INTO link_rule_goal (rule_id, goal_id, position) VALUES (?, ?, ?)",
            [(rule_id, goal, position) for position, goal in enumerate(dict.fromkeys(rule.goal_ids))],
        )
        _history(con, "insert" if before is None else "update", rule.name, before, rule_state(rule), user, now)
    return result


def _history(con, operation: str, name: str, before: dict | None, after: dict | None, user: str, now: str) -> None:
    con.execute(
        "INSERT INTO link_rule_history (changed_at, changed_by, operation, rule_name, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            now,
            user,
            operation,
            name,
            None if before is None else json.dumps(before, ensure_ascii=False),
            None if after is None else json.dumps(after, ensure_ascii=False),
        ),
    )


def set_enabled(con: sqlite3.Connection, name: str, enabled: bool, user: str, now: str) -> None:
    old = next((rule for rule in read_rules(con) if rule.name == name), None)
    if old is None:
        raise StoreError(tr("There is no linking rule '{name}' in the link store.").format(name=name))
    if old.enabled == bool(enabled):
        return
    con.execute(
        "UPDATE link_rule SET enabled = ?, updated_by = ?, updated_at = ?, row_version = row_version + 1 WHERE id = ?",
        (int(bool(enabled)), user, now, old.id),
    )
    after = dict(rule_state(old), enabled=bool(enabled))
    _history(con, "update", name, rule_state(old), after, user, now)


def rule_history(con: sqlite3.Connection, limit: int) -> list[dict]:
    rows = con.execute(
        "SELECT id, changed_at, changed_by, operation, rule_name, before, after FROM link_rule_history"
        " ORDER BY id DESC LIMIT ?",
        (int(limit),),
    ).fetchall()
    names = ("id", "changed_at", "changed_by", "operation", "rule_name")
    return [
        dict(
            zip(names, row[:5]),
            before=json.loads(row[5]) if row[5] else None,
            after=json.loads(row[6]) if row[6] else None,
        )
        for row in rows
    ]


def link_by_rules(
    con: sqlite3.Connection, layer_uid: str, rows: Sequence[RuleLink], user: str, now: str
) -> WriteResult:
    """Insert the rule links whose area has no link to the goal yet and no dismissal of the rule.

    Existing links (a planner's or a rule's) are never touched: ``unchanged`` counts them.
    Of rows repeating an (area, goal) pair only the first counts.
    """
    require_layer(con, layer_uid)
    # rows by position: RuleLink or a plain tuple laid out as one
    for stance, strength in {(row[3], row[4]) for row in rows}:  # a rule's rows share them
        check_spec(stance, strength)
    con.execute("DELETE FROM temp.tl_rule_rows")
    # The common case (keys and motivations already text) goes to SQLite as the rows
    # are, without a Python call per row; anything else is converted row by row.
    plain = all(type(r[0]) is str and r[0] and type(r[5]) is str for r in rows)
    # OR IGNORE: of rows repeating an (area, goal) pair the first is kept, dismissed or not
    con.executemany(
        "INSERT OR IGNORE INTO temp.tl_rule_rows VALUES (?, ?, ?, ?, ?, ?)",
        rows if plain else ((key_text(k), g, rule, s, st, m or "") for k, g, rule, s, st, m in rows),
    )
    unknown = con.execute(
        "SELECT count(*) FROM (SELECT DISTINCT rule_id FROM temp.tl_rule_rows"
        " WHERE rule_id NOT IN (SELECT id FROM main.link_rule))"
    ).fetchone()[0]
    if unknown:
        raise StoreError(tr("A rule link names a rule that is not in the link store. Nothing was changed."))
    missing = _missing_goals(con, (r[0] for r in con.execute("SELECT DISTINCT goal_id FROM temp.tl_rule_rows")))
    if missing:
        raise StoreError(
            tr("These goals are not in the link store: {goals}. Import their catalogue first.").format(
                goals=", ".join(missing[:10])
            )
        )
    last_id = _last_link_id(con)
    # OR IGNORE skips exactly the pairs already linked (the UNIQUE constraint): stance,
    # strength and keys were checked above, so no other row is skipped.
    inserted = con.execute(
        "INSERT OR IGNORE INTO main.link (layer_uid, feature_key, goal_id, stance, strength, motivation,"
        " organisation, created_by, created_at, updated_by, updated_at, row_version, rule_id)"
        " SELECT :layer, r.feature_key, r.goal_id, r.stance, r.strength, r.motivation, '', :user, :now, :user,"
        " :now, 1, r.rule_id FROM temp.tl_rule_rows r"
        " WHERE NOT EXISTS (SELECT 1 FROM main.link_rule_dismissal d WHERE d.layer_uid = :layer"
        " AND d.feature_key = r.feature_key AND d.rule_id = r.rule_id)",
        {"layer": layer_uid, "user": user, "now": now},
    ).rowcount
    con.execute(
        HISTORY_INSERT
        + " SELECT ?, ?, 'insert', l.layer_uid, l.feature_key, l.goal_id, NULL, "
        + json_state("l")
        + " FROM main.link l WHERE l.id > ?",
        (now, user, last_id),
    )
    total = con.execute("SELECT count(*) FROM temp.tl_rule_rows").fetchone()[0]
    return WriteResult(inserted=inserted, unchanged=total - inserted)


def dismiss(con, layer_uid: str, rule_id: int, keys: Iterable, user: str, now: str) -> WriteResult:
    require_layer(con, layer_uid)
    if not con.execute("SELECT 1 FROM main.link_rule WHERE id = ?", (rule_id,)).fetchone():
        raise StoreError(tr("A rule link names a rule that is not in the link store. Nothing was changed."))
    load_keys(con, keys)
    inserted = con.execute(
        "INSERT OR IGNORE INTO main.link_rule_dismissal (rule_id, layer_uid, feature_key, dismissed_by, dismissed_at)"
        " SELECT ?, ?, feature_key, ?, ? FROM temp.tl_keys",
        (rule_id, layer_uid, user, now),
    ).rowcount
    return WriteResult(inserted=inserted)


def undismiss(con, layer_uid: str, rule_id: int, keys: Iterable) -> WriteResult:
    """Forget the dismissals of ``rule_id`` for ``keys`` (a planner's undo): the rule suggests them again."""
    load_keys(con, keys)
    deleted = con.execute(
        "DELETE FROM main.link_rule_dismissal WHERE layer_uid = ? AND rule_id = ?"
        " AND feature_key IN (SELECT feature_key FROM temp.tl_keys)",
        (layer_uid, rule_id),
    ).rowcount
    return WriteResult(deleted=deleted)


def dismissals(con: sqlite3.Connection, layer_uid: str) -> set[tuple[str, int]]:
    return {
        (key, rule_id)
        for key, rule_id in con.execute(
            "SELECT feature_key, rule_id FROM link_rule_dismissal WHERE layer_uid = ?", (layer_uid,)
        )
    }


def rule_marks(con: sqlite3.Connection, layer_uid: str) -> dict[tuple[str, str], str]:
    return {
        (key, goal): name
        for key, goal, name in con.execute(
            "SELECT l.feature_key, l.goal_id, r.name FROM link l JOIN link_rule r ON r.id = l.rule_id"
            " WHERE l.layer_uid = ? AND l.rule_id IS NOT NULL",
            (layer_uid,),
        )
    }
