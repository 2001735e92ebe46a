"""Link reads and writes of the PostgreSQL store (a mixin of PostgresStore)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from operator import attrgetter

from ...errors import ConflictError, StoreError
from ...i18n import tr
from ...model import Link, LinkSpec, SelectionLinks, WriteResult
from ..checks import check_spec, key_text
from ..rows import fold_selection_rows
from .link_write import link_pairs
from .rows import _ANY_KEY, _LINK_COLS, _fetch, _foreign_message, _keys, _link_filter, _links, _text_array


class PostgresLinksMixin:
    """Needs ``_read`` and ``_write`` of PostgresStore."""

    def link(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], spec: LinkSpec, user: str
    ) -> WriteResult:
        check_spec(spec.stance, spec.strength)
        keys = _keys(keys)
        goals = sorted(set(goal_ids))
        if not keys or not goals:
            return WriteResult()

        def work(cur) -> WriteResult:
            self._check_targets(cur, layer_uid, goals)
            self._refuse_foreign(cur, layer_uid, keys, goals)
            return link_pairs(cur, layer_uid, keys, goals, spec, user)

        return self._write(work, user)

    def unlink(
        self, layer_uid: str, keys: Iterable[str] | None, goal_ids: Sequence[str] | None, user: str
    ) -> WriteResult:
        key_list = None if keys is None else _keys(keys)
        goal_list = None if goal_ids is None else sorted(set(goal_ids))
        if key_list == [] or goal_list == []:
            return WriteResult()

        def work(cur) -> WriteResult:
            self._refuse_foreign(cur, layer_uid, key_list, goal_list)
            where, params = _link_filter(layer_uid, key_list, goal_list)
            # Lock in a fixed order first so concurrent bulk writers cannot deadlock.
            cur.execute(
                "DELETE FROM link WHERE id IN (SELECT id FROM link WHERE " + where
                + " ORDER BY feature_key, goal_id FOR UPDATE)",
                params,
            )  # fmt: skip
            return WriteResult(deleted=cur.rowcount)

        return self._write(work, user)

    def update_link(
        self,
        layer_uid: str,
        key: str,
        goal_id: str,
        user: str,
        *,
        stance: str | None = None,
        strength: int | None = None,
        motivation: str | None = None,
        expected_version: int | None = None,
    ) -> Link:
        check_spec(stance, strength)
        key = key_text(key)

        def work(cur) -> Link:
            self._refuse_foreign(cur, layer_uid, [key], [goal_id])
            cur.execute(
                "SELECT " + _LINK_COLS + " FROM link WHERE layer_uid = %s AND feature_key = %s AND goal_id = %s"
                " FOR UPDATE",
                (layer_uid, key, goal_id),
            )
            row = cur.fetchone()
            if row is None:
                raise StoreError(
                    tr("Feature '{key}' is not linked to goal {goal}; nothing to change.").format(key=key, goal=goal_id)
                )
            old = _links([row])[0]
            if expected_version is not None and old.row_version != expected_version:
                raise ConflictError(
                    tr(
                        "The link of feature '{key}' to goal {goal} was changed by {who} at {when} while you were "
                        "editing it. Your change was not saved; reload the links, check them and make your change "
                        "again."
                    ).format(key=key, goal=goal_id, who=old.updated_by or "?", when=old.updated_at)
                )
            new = (
                old.stance if stance is None else stance,
                old.strength if strength is None else strength,
                old.motivation if motivation is None else motivation,
            )
            if new == (old.stance, old.strength, old.motivation):
                return old
            cur.execute(
                "UPDATE link SET stance = %s, strength = %s, motivation = %s, updated_by = %s, updated_at = now(),"
                " rule_id = NULL WHERE layer_uid = %s AND feature_key = %s AND goal_id = %s RETURNING " + _LINK_COLS,
                (*new, user, layer_uid, key, goal_id),
            )
            return _links([cur.fetchone()])[0]

        return self._write(work, user)

    def replace_links(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], rows: Sequence[Link], user: str
    ) -> WriteResult:
        """Make the links of ``keys × goal_ids`` (and of the pairs in ``rows``) exactly ``rows``."""
        key_list = _keys(keys)
        goal_list = sorted(set(goal_ids))
        wanted: dict[tuple[str, str], Link] = {}
        for row in rows:
            if row.layer_uid != layer_uid:
                raise StoreError(
                    tr("A link of layer '{other}' cannot be written to layer '{uid}'.").format(
                        other=row.layer_uid, uid=layer_uid
                    )
                )
            check_spec(row.stance, row.strength)
            wanted[(key_text(row.feature_key), row.goal_id)] = row
        pairs = sorted(wanted)

        def work(cur) -> WriteResult:
            self._check_targets(cur, layer_uid, sorted({g for _, g in pairs}))
            self._refuse_foreign(cur, layer_uid, key_list, goal_list)
            if pairs:
                self._refuse_foreign(cur, layer_uid, sorted({k for k, _ in pairs}), sorted({g for _, g in pairs}))
            result = WriteResult()
            cur.execute(
                "SELECT id, feature_key, goal_id, stance, strength, motivation, organisation FROM link"
                " WHERE layer_uid = %s AND ((feature_key = ANY(%s) AND goal_id = ANY(%s))"
                " OR (feature_key, goal_id) IN (SELECT * FROM unnest(%s::text[], %s::text[])))"
                " ORDER BY feature_key, goal_id FOR UPDATE",
                (layer_uid, key_list, goal_list, [k for k, _ in pairs], [g for _, g in pairs]),
            )
            present = {(k, g): (i, s, st, m, o) for i, k, g, s, st, m, o in cur.fetchall()}
            drop = [present[p][0] for p in sorted(set(present) - set(wanted))]
            if drop:
                cur.execute("DELETE FROM link WHERE id = ANY(%s)", (drop,))
                result.deleted = cur.rowcount
            for pair in pairs:
                row = wanted[pair]
                organisation = row.organisation or ""
                if pair in present:
                    link_id, *values = present[pair]
                    if not organisation:
                        organisation = values[3]
                    if tuple(values) == (row.stance, row.strength, row.motivation or "", organisation):
                        continue
                    cur.execute(
                        "UPDATE link SET stance = %s, strength = %s, motivation = %s, organisation = %s,"
                        " updated_by = %s, updated_at = now() WHERE id = %s",
                        (row.stance, row.strength, row.motivation or "", organisation, user, link_id),
                    )
                    result.updated += 1
                else:
                    # A restored link continues its own version line, so a stale editor of the
                    # old row still gets a conflict.
                    cur.execute(
                        "INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, motivation,"
                        " organisation, created_by, created_at, updated_by, updated_at, row_version)"
                        " VALUES (%s, %s, %s, %s, %s, %s, coalesce(nullif(%s, ''), current_organisation(), ''),"
                        " %s, coalesce(%s::timestamptz, now()), %s, now(), %s)",
                        (layer_uid, pair[0], pair[1], row.stance, row.strength, row.motivation or "", organisation,
                         row.created_by or user, row.created_at or None, user, (row.row_version or 0) + 1),
                    )  # fmt: skip
                    result.inserted += 1
            return result

        return self._write(work, user)

    def links_for_keys(self, layer_uid: str, keys: Iterable[str]) -> list[Link]:
        key_list = _keys(keys)
        if not key_list:
            return []

        rows = self._read(
            lambda cur: _fetch(
                cur,
                "SELECT " + _LINK_COLS + " FROM link WHERE layer_uid = %s AND feature_key = " + _ANY_KEY,
                (layer_uid, _text_array(key_list)),
            )
        )
        # Ordered by (feature_key, goal_id) here, not by the server: the columns are
        # COLLATE "C", which is Python's str order, and the pair is unique, so a sort
        # of the row tuples (layer_uid equal) gives the same order. The index scan
        # already returns them in that order, which the server cannot assume (a sort of
        # its own); Python checks a sorted list in about a millisecond.
        rows.sort()
        return _links(rows)

    def goal_stances_for_keys(
        self, layer_uid: str, keys: Iterable[str], *, stage: str | None = None, by_organisation: bool = False
    ) -> dict[str, SelectionLinks]:
        key_list = _keys(keys)
        if not key_list:
            return {}
        # the organisation as a group key only when asked for: the single-organisation read stays as it was
        keys_of_group = "goal_id, organisation, stance" if by_organisation else "goal_id, stance"
        columns = f"SELECT {keys_of_group}, count(*), min(strength), max(strength) FROM "
        group = f" GROUP BY {keys_of_group}"

        def work(cur):
            if stage:  # the stage's copy of the links (row-level security as for the stage)
                return _fetch(
                    cur,
                    columns + "stage_link WHERE stage_id = %s AND layer_uid = %s AND feature_key = " + _ANY_KEY + group,
                    (self._stage_id(cur, stage), layer_uid, _text_array(key_list)),
                )
            return _fetch(
                cur,
                columns + "link WHERE layer_uid = %s AND feature_key = " + _ANY_KEY + group,
                (layer_uid, _text_array(key_list)),
            )

        return fold_selection_rows(self._read(work), by_organisation=by_organisation)

    def keys_for_goal(self, goal_id: str, layer_uid: str | None = None) -> dict[str, list[str]]:
        sql = "SELECT layer_uid, feature_key FROM link WHERE goal_id = %s"
        params: list = [goal_id]
        if layer_uid is not None:
            sql += " AND layer_uid = %s"
            params.append(layer_uid)
        result: dict[str, list[str]] = {}
        for layer, key in self._read(lambda cur: _fetch(cur, sql + " ORDER BY layer_uid, feature_key", params)):
            result.setdefault(layer, []).append(key)
        return result

    def links(self, layer_uids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None) -> list[Link]:
        clauses, params = [], []
        if layer_uids is not None:
            clauses.append("layer_uid = ANY(%s)")
            params.append(list(layer_uids))
        if goal_ids is not None:
            clauses.append("goal_id = ANY(%s)")
            params.append(list(goal_ids))
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        # Sorted here, not by the server: the columns are COLLATE "C" (byte order of
        # UTF-8, which is code point order, as Python compares str), so the order is
        # the same; the server's sort of 1 000 000 rows (its leading key, layer_uid,
        # mostly equal) took ~3.5 s, Python's ~1.2 s.
        links = _links(self._read(lambda cur: _fetch(cur, "SELECT " + _LINK_COLS + " FROM link" + where, params)))
        links.sort(key=attrgetter("layer_uid", "goal_id", "feature_key"))
        return links

    def link_stances(
        self, layer_uid: str, *, organisation: str | None = None, stage: str | None = None
    ) -> list[tuple[str, str, str]]:
        # three columns, not full links (the default builds a Link per row)
        def work(cur):
            if stage:
                sql = "SELECT feature_key, goal_id, stance FROM stage_link WHERE stage_id = %s AND layer_uid = %s"
                params: list = [self._stage_id(cur, stage), layer_uid]
            else:
                sql = "SELECT feature_key, goal_id, stance FROM link WHERE layer_uid = %s"
                params = [layer_uid]
            if organisation is not None:
                sql += " AND coalesce(organisation, '') = %s"
                params.append(organisation)
            return _fetch(cur, sql, params)

        return self._read(work)

    def link_organisations(self) -> list[str]:
        # row-level security decides whose links are read, so only those organisations are listed
        rows = self._read(lambda cur: _fetch(cur, "SELECT DISTINCT coalesce(organisation, '') FROM link"))
        return sorted(row[0] for row in rows)

    def link_stances_with_organisation(self, layer_uid: str) -> list[tuple[str, str, str, str]]:
        return self._read(
            lambda cur: _fetch(
                cur, "SELECT feature_key, goal_id, stance, organisation FROM link WHERE layer_uid = %s", (layer_uid,)
            )
        )

    def linked_keys(self, layer_uid: str) -> set[str]:
        rows = self._read(
            lambda cur: _fetch(cur, "SELECT DISTINCT feature_key FROM link WHERE layer_uid = %s", (layer_uid,))
        )
        return {row[0] for row in rows}

    def history(self, *, layer_uid: str | None = None, limit: int = 1000) -> list[dict]:
        sql = (
            "SELECT id, tl_iso(changed_at), changed_by, operation, layer_uid, feature_key, goal_id, before, after,"
            " organisation FROM link_history"
        )
        params: list = []
        if layer_uid is not None:
            sql += " WHERE layer_uid = %s"
            params.append(layer_uid)
        sql += " ORDER BY id DESC LIMIT %s"
        params.append(int(limit))
        names = ("id", "changed_at", "changed_by", "operation", "layer_uid", "feature_key", "goal_id", "before",
                 "after", "organisation")  # fmt: skip
        result = []
        for row in self._read(lambda cur: _fetch(cur, sql, params)):
            item = dict(zip(names, row))
            item["before"] = json.loads(item["before"]) if item["before"] else None
            item["after"] = json.loads(item["after"]) if item["after"] else None
            result.append(item)
        return result

    # -- guards -------------------------------------------------------------------------
    def _check_targets(self, cur, layer_uid: str, goals: Sequence[str]) -> None:
        """Unknown layer or goals: a message that names them (the FKs would only say 'violates')."""
        cur.execute("SELECT 1 FROM registered_layer WHERE layer_uid = %s", (layer_uid,))
        if cur.fetchone() is None:
            raise StoreError(
                tr("Layer '{layer}' is not registered in the link store; register it first.").format(layer=layer_uid)
            )
        if goals:
            cur.execute("SELECT g FROM unnest(%s::text[]) AS g WHERE g NOT IN (SELECT id FROM goal)", (list(goals),))
            missing = [row[0] for row in cur.fetchall()]
            if missing:
                raise StoreError(
                    tr("Unknown goal(s): {goals}. Import or enable their catalogue first.").format(
                        goals=", ".join(missing[:10])
                    )
                )

    def _refuse_foreign(self, cur, layer_uid: str, keys: list[str] | None, goals: list[str] | None) -> None:
        """An organisation role may not touch another organisation's links: say so, change nothing."""
        cur.execute("SELECT current_organisation()")
        organisation = cur.fetchone()[0]
        if organisation is None:  # the store's owner administers every link
            return
        where, params = _link_filter(layer_uid, keys, goals)
        cur.execute(
            "SELECT organisation FROM link WHERE " + where + " AND organisation IS DISTINCT FROM %s LIMIT 1",
            [*params, organisation],
        )
        row = cur.fetchone()
        if row is not None:
            raise StoreError(_foreign_message(row[0]))
