"""Versioned SQL of the PostgreSQL store: install (version 1) and forward-only upgrades.

Files live in ``sql/postgres/``: ``install/*.sql`` (applied in name order) make
version 1; ``upgrade/upgrade_to_N.sql`` make version N. Each version is applied
in **one transaction** together with its ``schema_version`` row, so a failing
migration leaves the store exactly at the previous version. Files must not
contain ``BEGIN``/``COMMIT`` (a test checks it). Placeholders are replaced by
quoted identifiers and literals, never by raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import StoreError
from ...i18n import tr

SQL_DIR = Path(__file__).resolve().parent / "sql"
_UPGRADE_RE = re.compile(r"^upgrade_to_(\d+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    files: tuple[Path, ...]
    note: str


def migrations(sql_dir: Path = SQL_DIR) -> list[Migration]:
    """Every migration, version 1 (install) first."""
    install = tuple(sorted((sql_dir / "install").glob("*.sql")))
    result = [Migration(1, install, "initial link store")]
    upgrades = []
    for path in (sql_dir / "upgrade").glob("upgrade_to_*.sql"):
        match = _UPGRADE_RE.match(path.name)
        if match:
            upgrades.append(Migration(int(match.group(1)), (path,), _note(path)))
    upgrades.sort(key=lambda m: m.version)
    for expected, migration in enumerate(upgrades, start=2):
        if migration.version != expected:  # a gap would skip a change silently
            raise StoreError(
                tr("Store migrations are incomplete: version {version} is missing.").format(version=expected)
            )
    return result + upgrades


def latest_version(sql_dir: Path = SQL_DIR) -> int:
    return migrations(sql_dir)[-1].version


def _note(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    return first.lstrip("- ").strip()[:200]


def channel_name(schema: str) -> str:
    """The LISTEN/NOTIFY channel on which the store announces changed layer uids."""
    return f"{schema}_link_changes"


def member_role(schema: str) -> str:
    """The group role holding the rights every organisation role gets."""
    return f"{schema}_member"


def render(text: str, schema: str, connection) -> str:
    """Replace the placeholders with safely quoted identifiers and literals."""
    from psycopg2 import sql

    def ident(name: str) -> str:
        return sql.Identifier(name).as_string(connection)

    def literal(value: str) -> str:
        return sql.Literal(value).as_string(connection)

    replacements = {
        "@schema@": ident(schema),
        "@schema_name@": literal(schema),
        "@channel@": literal(channel_name(schema)),
        "@member_role@": ident(member_role(schema)),
        "@member_role_name@": literal(member_role(schema)),
    }
    for key, value in replacements.items():
        text = text.replace(key, value)
    return text


def current_version(cursor, schema: str) -> int:
    """0 when the schema holds no store."""
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL", (f'"{schema}".schema_version',))
    if not cursor.fetchone()[0]:
        return 0
    from psycopg2 import sql

    cursor.execute(sql.SQL("SELECT coalesce(max(version), 0) FROM {}.schema_version").format(sql.Identifier(schema)))
    return int(cursor.fetchone()[0])


def upgrade(connection, schema: str, *, sql_dir: Path = SQL_DIR, target: int | None = None) -> list[int]:
    """Apply the missing migrations, each in its own transaction; return the versions applied.

    Concurrent upgrades are serialised with an advisory lock per schema, so two
    QGIS sessions opening an old store at once do not both migrate it.
    """
    from psycopg2 import sql

    applied: list[int] = []
    all_migrations = migrations(sql_dir)
    target = target if target is not None else all_migrations[-1].version
    for migration in all_migrations:
        if migration.version > target:
            break
        # One transaction: commit on success, rollback on any error.
        with connection, connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"territorial-schema:{schema}",))
            if current_version(cursor, schema) >= migration.version:
                continue
            for path in migration.files:
                cursor.execute(render(path.read_text(encoding="utf-8"), schema, connection))
            cursor.execute(
                sql.SQL("INSERT INTO {}.schema_version (version, applied_at, note) VALUES (%s, now(), %s)").format(
                    sql.Identifier(schema)
                ),
                (migration.version, migration.note),
            )
        applied.append(migration.version)
    return applied
