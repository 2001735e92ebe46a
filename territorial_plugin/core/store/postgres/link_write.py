"""The bulk link write of the PostgreSQL store: keys × goals get a stance, in one transaction.

Two statements instead of one ``INSERT … ON CONFLICT DO UPDATE``: the links that
exist are locked in key order and changed where they differ, then the missing
ones are inserted with a plain INSERT, in key order. An upsert inserts every row
speculatively (an extra index probe and an extra WAL record per row): for a new
link of 100 000 features that was ~0.35 s of ~2.6 s on the server, and a bulk
link mostly creates links.

The result is the upsert's, under concurrency too. The pairs that existed are
locked (FOR UPDATE) before anything else, so none of them can vanish or change
before commit, as the upsert locks every pair it finds. A pair another writer
inserts meanwhile either makes the INSERT fail on the unique index or is missed
by it (committed between the two statements); both are seen (the error, or fewer
rows inserted than pairs missing) and the attempt is rolled back to its savepoint
and made again, which then finds and locks that pair. After a few contended
attempts the upsert settles it in one statement, as before.

Locks are taken in (feature_key, goal_id) order in each statement, existing rows
first, as replace_links and unlink do, so concurrent writers do not deadlock.
"""

from __future__ import annotations

from ...model import LinkSpec, WriteResult
from . import connection as postgres_connection
from .rows import _text_array

_ATTEMPTS = 3  # contended two-statement attempts before the single upsert

# Existing pairs: locked in key order, changed where stance/strength/motivation
# differ (the BEFORE UPDATE trigger bumps row_version, the history trigger records).
# The join with unnest(), not "= ANY(<array>)": the planner estimates ANY by looking
# at every element (~50 ms for 100 000 keys), a join by statistics.
_LOCK_AND_UPDATE = (
    "WITH present AS ("
    " SELECT l.id, (l.stance, l.strength, l.motivation)"
    "  IS DISTINCT FROM (%(stance)s, %(strength)s, %(motivation)s) OR l.rule_id IS NOT NULL AS differs"
    " FROM link l JOIN unnest(%(keys)s::text[]) AS k ON l.feature_key = k"
    "  JOIN unnest(%(goals)s::text[]) AS g ON l.goal_id = g"
    " WHERE l.layer_uid = %(layer)s ORDER BY l.feature_key, l.goal_id FOR UPDATE OF l),"
    " changed AS ("
    " UPDATE link SET stance = %(stance)s, strength = %(strength)s, motivation = %(motivation)s,"
    "  updated_by = %(user)s, updated_at = now(), rule_id = NULL"  # a planner's write makes a rule's link theirs
    " FROM present WHERE link.id = present.id AND present.differs RETURNING 1)"
    " SELECT (SELECT count(*) FROM present), (SELECT count(*) FROM changed)"
)

_INSERT_MISSING = (
    "INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation, organisation,"
    " created_by, created_at, updated_by, updated_at)"
    " SELECT %(layer)s, k, g, %(stance)s, %(strength)s, %(motivation)s,"
    "  (SELECT coalesce(current_organisation(), '')), %(user)s, now(), %(user)s, now()"
    " FROM unnest(%(keys)s::text[]) AS k CROSS JOIN unnest(%(goals)s::text[]) AS g"
    " WHERE NOT EXISTS (SELECT FROM link l WHERE l.layer_uid = %(layer)s AND l.feature_key = k AND l.goal_id = g)"
    " ORDER BY k, g"
)

_UPSERT = (
    "WITH changed AS ("
    " INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation, organisation,"
    "  created_by, created_at, updated_by, updated_at)"
    " SELECT %(layer)s, k, g, %(stance)s, %(strength)s, %(motivation)s,"
    "  (SELECT coalesce(current_organisation(), '')), %(user)s, now(), %(user)s, now()"
    " FROM unnest(%(keys)s::text[]) AS k CROSS JOIN unnest(%(goals)s::text[]) AS g ORDER BY k, g"
    " ON CONFLICT (layer_uid, feature_key, goal_id) DO UPDATE SET stance = EXCLUDED.stance,"
    "  strength = EXCLUDED.strength, motivation = EXCLUDED.motivation,"
    "  updated_by = EXCLUDED.updated_by, updated_at = now(), rule_id = NULL"
    " WHERE (link.stance, link.strength, link.motivation)"
    "  IS DISTINCT FROM (EXCLUDED.stance, EXCLUDED.strength, EXCLUDED.motivation) OR link.rule_id IS NOT NULL"
    " RETURNING (xmax = 0) AS inserted)"
    " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM changed"
)


def link_pairs(cur, layer_uid: str, keys: list[str], goals: list[str], spec: LinkSpec, user: str) -> WriteResult:
    """Give every pair of ``keys`` (sorted, distinct) × ``goals`` the stance of ``spec``.

    Runs inside the caller's transaction (targets and rights already checked).
    """
    total = len(keys) * len(goals)
    params = {
        "layer": layer_uid,
        "stance": spec.stance,
        "strength": int(spec.strength),
        "motivation": spec.motivation or "",
        "user": user,
        "keys": _text_array(keys),
        "goals": _text_array(goals),
    }
    unique_violation = postgres_connection.psycopg2_module().errors.UniqueViolation
    for _ in range(_ATTEMPTS):
        cur.execute("SAVEPOINT tl_link")
        try:
            cur.execute(_LOCK_AND_UPDATE, params)
            present, updated = cur.fetchone()
            cur.execute(_INSERT_MISSING, params)
            inserted = cur.rowcount
        except unique_violation:  # another writer inserted one of the pairs meanwhile
            cur.execute("ROLLBACK TO SAVEPOINT tl_link")
            continue
        if inserted == total - present:
            cur.execute("RELEASE SAVEPOINT tl_link")
            return WriteResult(inserted=inserted, updated=updated, unchanged=total - inserted - updated)
        cur.execute("ROLLBACK TO SAVEPOINT tl_link")  # a pair appeared between the statements
    cur.execute(_UPSERT, params)
    inserted, updated = cur.fetchone()
    return WriteResult(inserted=inserted, updated=updated, unchanged=total - inserted - updated)
