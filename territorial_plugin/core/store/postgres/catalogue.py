"""Catalogue and goal writes of the PostgreSQL store (a mixin of PostgresStore)."""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import CatalogueError
from ...i18n import tr
from ...model import Catalogue, Goal, WriteResult
from ..base import MigrationReport
from ..checks import check_catalogue
from .rows import _CATALOGUE_COLS, _GOAL_COLS, _catalogue, _fetch, _goal, _goal_row


class PostgresCatalogueMixin:
    """Needs ``_read`` and ``_write`` of PostgresStore."""

    def save_catalogue(self, catalogue: Catalogue, goals: Sequence[Goal], *, replace: bool = False) -> WriteResult:
        check_catalogue(catalogue, goals)
        return self._write(lambda cur: save_in(cur, catalogue, goals, replace))

    def catalogues(self, *, include_disabled: bool = True) -> list[Catalogue]:
        where = "" if include_disabled else " WHERE enabled = 1"
        return self._read(
            lambda cur: [
                _catalogue(row)
                for row in _fetch(cur, "SELECT " + _CATALOGUE_COLS + " FROM catalogue" + where + " ORDER BY id")
            ]
        )

    def catalogue(self, catalogue_id: str) -> Catalogue | None:
        rows = self._read(
            lambda cur: _fetch(cur, "SELECT " + _CATALOGUE_COLS + " FROM catalogue WHERE id = %s", (catalogue_id,))
        )
        return _catalogue(rows[0]) if rows else None

    def goals(self, catalogue_id: str | None = None) -> list[Goal]:
        sql = "SELECT " + _GOAL_COLS + " FROM goal"
        params: tuple = ()
        if catalogue_id is not None:
            sql += " WHERE catalogue_id = %s"
            params = (catalogue_id,)
        sql += " ORDER BY catalogue_id, sort_order, code"
        return self._read(lambda cur: [_goal(row) for row in _fetch(cur, sql, params)])

    def set_catalogue_enabled(self, catalogue_id: str, enabled: bool) -> None:
        def work(cur) -> None:
            cur.execute("UPDATE catalogue SET enabled = %s WHERE id = %s", (int(bool(enabled)), catalogue_id))
            if cur.rowcount == 0:
                raise CatalogueError(tr("There is no catalogue '{id}' in the link store.").format(id=catalogue_id))

        self._write(work)

    def delete_catalogue(self, catalogue_id: str, *, delete_links: bool = False) -> WriteResult:
        def work(cur) -> WriteResult:
            cur.execute("SELECT 1 FROM catalogue WHERE id = %s FOR UPDATE", (catalogue_id,))
            if cur.fetchone() is None:
                raise CatalogueError(tr("There is no catalogue '{id}' in the link store.").format(id=catalogue_id))
            cur.execute(
                "SELECT count(*) FROM link l JOIN goal g ON g.id = l.goal_id WHERE g.catalogue_id = %s", (catalogue_id,)
            )
            links = cur.fetchone()[0]
            if links and not delete_links:
                raise CatalogueError(
                    tr(
                        "The catalogue '{id}' has {n} links. Delete them too, or move them to another version first."
                    ).format(id=catalogue_id, n=links)
                )
            deleted = 0
            if links:
                cur.execute(
                    "DELETE FROM link WHERE goal_id IN (SELECT id FROM goal WHERE catalogue_id = %s)", (catalogue_id,)
                )
                deleted = cur.rowcount
            cur.execute("SELECT count(*) FROM goal WHERE catalogue_id = %s", (catalogue_id,))
            goals = cur.fetchone()[0]
            cur.execute("DELETE FROM catalogue WHERE id = %s", (catalogue_id,))
            return WriteResult(deleted=deleted, details={"goals": goals, "links": deleted})

        return self._write(work)

    def link_count_by_catalogue(self) -> dict[str, int]:
        rows = self._read(
            lambda cur: _fetch(
                cur,
                "SELECT c.id, count(l.id) FROM catalogue c LEFT JOIN goal g ON g.catalogue_id = c.id "
                "LEFT JOIN link l ON l.goal_id = g.id GROUP BY c.id ORDER BY c.id",
            )
        )
        return {row[0]: int(row[1]) for row in rows}

    def link_count_by_goal(self) -> dict[str, int]:
        rows = self._read(lambda cur: _fetch(cur, "SELECT goal_id, count(*) FROM link GROUP BY goal_id"))
        return {row[0]: int(row[1]) for row in rows}

    def migrate_goals(self, mapping: dict[str, str], user: str) -> MigrationReport:
        pairs = {old: new for old, new in mapping.items() if new and new != old}
        lost_ids = sorted(old for old, new in mapping.items() if not new)
        if set(pairs) & set(pairs.values()):
            raise CatalogueError(tr("A goal cannot be both moved and a target of the same migration."))

        def work(cur) -> MigrationReport:
            report = MigrationReport()
            if pairs:
                cur.execute("SELECT g FROM unnest(%s::text[]) AS g WHERE g NOT IN (SELECT id FROM goal)",
                            (sorted(set(pairs.values())),))  # fmt: skip
                missing = sorted(row[0] for row in cur.fetchall())
                if missing:
                    raise CatalogueError(
                        tr("These target goals are not in the link store: {goals}.").format(
                            goals=", ".join(missing[:10])
                        )
                    )
            for old in lost_ids:
                cur.execute("SELECT count(*) FROM link WHERE goal_id = %s", (old,))
                count = cur.fetchone()[0]
                if count:
                    report.lost[old] = count
            if not pairs:
                return report
            olds, news = zip(*sorted(pairs.items()))
            mapping_cte = "WITH m(old_id, new_id) AS (SELECT * FROM unnest(%(olds)s::text[], %(news)s::text[])) "
            params = {"olds": list(olds), "news": list(news), "user": user}
            # A moving link is merged (dropped) when its target link already exists, or when
            # another moving link of the same feature reaches the same target first (lower id).
            cur.execute(
                mapping_cte + "DELETE FROM link WHERE id IN (SELECT l.id FROM link l JOIN m ON m.old_id = l.goal_id"
                " WHERE EXISTS (SELECT 1 FROM link o WHERE o.layer_uid = l.layer_uid AND o.feature_key = l.feature_key"
                " AND (o.goal_id = m.new_id OR (o.id < l.id AND o.goal_id IN"
                " (SELECT m2.old_id FROM m m2 WHERE m2.new_id = m.new_id)))))",
                params,
            )
            report.merged = cur.rowcount
            cur.execute(
                mapping_cte + "UPDATE link l SET goal_id = m.new_id, updated_by = %(user)s, updated_at = now()"
                " FROM m WHERE m.old_id = l.goal_id",
                params,
            )
            report.moved = cur.rowcount
            return report

        return self._write(work, user)


def save_in(cur, catalogue: Catalogue, goals: Sequence[Goal], replace: bool) -> WriteResult:
    """Write a checked catalogue and its goals inside the caller's transaction (a delivery brings new ones)."""
    cur.execute("SELECT 1 FROM catalogue WHERE id = %s FOR UPDATE", (catalogue.id,))
    exists = cur.fetchone() is not None
    if exists and not replace:
        raise CatalogueError(
            tr(
                "A catalogue with id '{id}' is already in the link store. Import a new version "
                "under a new id, or replace it."
            ).format(id=catalogue.id)
        )
    c = catalogue
    cur.execute(
        "INSERT INTO catalogue (" + _CATALOGUE_COLS + ", imported_at) VALUES "
        "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now()) "
        "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, issuer = EXCLUDED.issuer, "
        "level = EXCLUDED.level, version = EXCLUDED.version, valid_from = EXCLUDED.valid_from, "
        "valid_to = EXCLUDED.valid_to, source = EXCLUDED.source, language = EXCLUDED.language, "
        "description = EXCLUDED.description, series = EXCLUDED.series, example = EXCLUDED.example, "
        "enabled = EXCLUDED.enabled, imported_at = now()",
        (c.id, c.name, c.issuer, c.level, c.version, c.valid_from, c.valid_to, c.source, c.language,
         c.description, c.series, int(c.example), int(c.enabled)),
    )  # fmt: skip
    cur.execute("SELECT " + _GOAL_COLS + " FROM goal WHERE catalogue_id = %s", (catalogue.id,))
    existing = {row[0]: tuple(row) for row in cur.fetchall()}
    rows = [_goal_row(g) for g in goals]
    gone = sorted(set(existing) - {r[0] for r in rows})
    if gone:
        cur.execute("SELECT DISTINCT goal_id FROM link WHERE goal_id = ANY(%s) ORDER BY goal_id", (gone,))
        linked = [row[0] for row in cur.fetchall()]
        if linked:
            raise CatalogueError(
                tr(
                    "The new version of '{id}' leaves out goals that still have links: {goals}. "
                    "Move or remove those links first."
                ).format(id=catalogue.id, goals=", ".join(linked[:10]) + (" …" if len(linked) > 10 else ""))
            )
        cur.execute("DELETE FROM goal WHERE id = ANY(%s)", (gone,))
    changed = [r for r in rows if existing.get(r[0]) != r]
    if changed:
        from psycopg2.extras import execute_values

        execute_values(
            cur,
            "INSERT INTO goal (" + _GOAL_COLS + ") VALUES %s ON CONFLICT (id) DO UPDATE SET "
            "code = EXCLUDED.code, parent_id = EXCLUDED.parent_id, title_sv = EXCLUDED.title_sv, "
            "title_en = EXCLUDED.title_en, description = EXCLUDED.description, "
            "sort_order = EXCLUDED.sort_order, kind = EXCLUDED.kind",
            changed,
            page_size=1000,
        )
    cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # a bad parent_id fails here, inside the call
    inserted = sum(1 for r in changed if r[0] not in existing)
    return WriteResult(
        inserted=inserted,
        updated=len(changed) - inserted,
        deleted=len(gone),
        unchanged=len(rows) - len(changed),
        details={"catalogue": catalogue.id, "created": not exists},
    )
