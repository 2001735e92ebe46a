"""No password is ever written: not to QGIS settings, the project, logs, messages or the store's URI."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres


def test_password_of_a_saved_connection_is_never_written(pg_env, schema, tmp_path, pg_connect):
    password = "Hemligt-" + uuid.uuid4().hex
    role = f"{schema}_gis"
    connection = pg_connect()
    with connection.cursor() as cur:
        cur.execute(f'CREATE ROLE "{role}" LOGIN CREATEROLE PASSWORD %s', (password,))
        cur.execute(f'GRANT CREATE ON DATABASE "{pg_env["TL_PG_DATABASE"]}" TO "{role}"')
    connection.close()
    profile, out = tmp_path / "profile", tmp_path / "out"
    profile.mkdir()
    out.mkdir()
    # the password comes from authcfg only (no PG* variables), and the probe uses its own QGIS profile,
    # not the settings folder pytest-qgis points QGIS at
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PG") and k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")
    }
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    probe = Path(__file__).with_name("password_probe.py")
    result = subprocess.run(
        [sys.executable, str(probe), str(profile), pg_env["TL_PG_HOST"], pg_env["TL_PG_PORT"],
         pg_env["TL_PG_DATABASE"], role, password, schema, str(out)],
        env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    try:
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Regionens länkar" in (out / "store_uri.txt").read_text(encoding="utf-8")
        assert "***" in (out / "error.txt").read_text(encoding="utf-8")
        written = [p for p in tmp_path.rglob("*") if p.is_file()]
        settings = Path((out / "settings_file.txt").read_text(encoding="utf-8"))
        assert settings in written and "authcfg" in settings.read_text(encoding="utf-8"), "connection not saved"
        assert any(p.name == "qgis-auth.db" for p in written)
        needle = password.encode()
        leaks = [str(p) for p in written if needle in p.read_bytes()]
        assert leaks == []
        assert password not in result.stdout + result.stderr
    finally:
        connection = pg_connect()
        with connection.cursor() as cur:
            cur.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            cur.execute(f'REVOKE CREATE ON DATABASE "{pg_env["TL_PG_DATABASE"]}" FROM "{role}"')
        connection.close()
