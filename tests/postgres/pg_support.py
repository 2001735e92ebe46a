"""The throwaway PostgreSQL server of ``tools/pg-test-server.sh``: plain functions for the conftests and benchmarks.

Test modules use the fixtures of ``conftest.py`` built on these, never this module.

``make pg-tests`` starts the server and exports its ``TL_PG_*`` variables and
``TL_PG_REQUIRED=1``: then a missing server fails the tests instead of skipping
them, so CI can never pass them silently. The admin password reaches libpq only
through ``PGPASSWORD`` in this process's environment, never through a store URI.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: the registered layer and the goals the seeded test schema holds
LAYER = "layer-op"
GOALS = ("rus:1", "rus:2", "rus:3")


def server_env() -> dict | None:
    """``TL_PG_*`` from the environment, or from the running test server's folder."""
    if not os.environ.get("TL_PG_PORT"):
        script = ROOT / "tools" / "pg-test-server.sh"
        result = subprocess.run([str(script), "env"], capture_output=True, text=True)
        if result.returncode != 0:
            return None
        for line in result.stdout.splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            os.environ.setdefault(key, value)
    keys = ("TL_PG_HOST", "TL_PG_PORT", "TL_PG_DATABASE", "TL_PG_USER", "TL_PG_PASSWORD")
    if not all(os.environ.get(k) for k in keys):
        return None
    env = {k: os.environ[k] for k in keys}
    os.environ["PGPASSWORD"] = env["TL_PG_PASSWORD"]  # libpq reads it; no URI carries it
    return env


def require_server() -> dict:
    env = server_env()
    if env is None or not _reachable(env):
        message = "PostgreSQL test server not running: start it with 'tools/pg-test-server.sh start' (make pg-tests)"
        if os.environ.get("TL_PG_REQUIRED"):
            pytest.fail(message)
        pytest.skip(message)
    return env


def _reachable(env: dict) -> bool:
    try:
        admin_connection(env).close()
    except Exception:
        return False
    return True


def admin_connection(env: dict | None = None, **overrides):
    """A psycopg2 connection (autocommit) as the cluster's admin, or as ``overrides``."""
    import psycopg2

    env = env or require_server()
    kwargs = {
        "host": env["TL_PG_HOST"],
        "port": env["TL_PG_PORT"],
        "dbname": env["TL_PG_DATABASE"],
        "user": env["TL_PG_USER"],
        "password": env["TL_PG_PASSWORD"],
    }
    kwargs.update(overrides)
    connection = psycopg2.connect(**kwargs)
    connection.autocommit = True
    return connection


def conninfo(env: dict, user: str | None = None) -> str:
    """A libpq connection string without password (``PGPASSWORD`` or a role password set elsewhere)."""
    return (
        f"host={env['TL_PG_HOST']} port={env['TL_PG_PORT']} dbname={env['TL_PG_DATABASE']} "
        f"user={user or env['TL_PG_USER']}"
    )


def unique_schema(prefix: str = "t") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def drop_schema(env: dict, schema: str) -> None:
    """Remove a test store and the roles made for it (roles are cluster-wide)."""
    with admin_connection(env) as connection, connection.cursor() as cur:
        cur.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        cur.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (schema + "\\_%",))
        for (role,) in cur.fetchall():
            cur.execute(f'DROP OWNED BY "{role}" CASCADE')
            cur.execute(f'DROP ROLE "{role}"')
    connection.close()


def open_test_store(env: dict, schema: str | None = None, *, create: bool = True):
    """A created store in a fresh schema; closing it drops the schema and its roles."""
    from territorial_plugin.core.store.postgres.store import PostgresStore

    schema = schema or unique_schema()

    class DisposableStore(PostgresStore):
        def close(self) -> None:
            super().close()
            drop_schema(env, schema)

    return DisposableStore.open(f"{conninfo(env)}?schema={schema}", create=create)
