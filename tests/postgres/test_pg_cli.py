"""``STORE=postgres:…`` in the algorithms, through qgis_process against the staged plugin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from territorial_plugin.core.store.postgres import schema as postgres_schema

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "markanvandning.geojson"


@pytest.fixture
def qgis_process_pg(pg_env, tmp_path, qgis_process_in):
    service_file = tmp_path / "pg_service.conf"
    service_file.write_text(
        "[tl_test]\n"
        f"host={pg_env['TL_PG_HOST']}\nport={pg_env['TL_PG_PORT']}\n"
        f"dbname={pg_env['TL_PG_DATABASE']}\nuser={pg_env['TL_PG_USER']}\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    home.mkdir()
    runner = qgis_process_in(home)
    runner.env.update(PGSERVICEFILE=str(service_file), PGPASSWORD=pg_env["TL_PG_PASSWORD"])
    runner("plugins", "enable", "territorial_plugin", check=True)
    return runner


def test_algorithms_work_on_a_postgres_store(qgis_process_pg, schema, tmp_path, pg_connect):
    run = qgis_process_pg.run_json
    store = f"postgres:service=tl_test?schema={schema}"
    created = run("territorial:createstore", STORE=store)["results"]
    assert created["SCHEMA_VERSION"] == postgres_schema.latest_version()
    run("territorial:importcatalogue", INPUT="agenda2030", STORE=store)
    layer = tmp_path / "markanvändning.geojson"
    shutil.copy(SAMPLE, layer)
    linked = run(
        "territorial:linkfeatures",
        STORE=store,
        LAYER=str(layer),
        KEY_FIELD="omr_id",
        GOALS="agenda2030:11",
        MOTIVATION="Bostäder nära centrum",
        EXPRESSION="\"kategori_kod\" = 'BOST'",
    )["results"]
    assert (linked["FEATURES"], linked["INSERTED"]) == (8, 8)
    connection = pg_connect()
    with connection.cursor() as cur:
        cur.execute(f'SELECT count(*), min(motivation) FROM "{schema}".link')
        assert cur.fetchone() == (8, "Bostäder nära centrum")
        cur.execute(f'SELECT count(*) FROM "{schema}".link_history')
        assert cur.fetchone()[0] == 8
    connection.close()
    removed = run("territorial:unlinkfeatures", STORE=store, LAYER=str(layer))["results"]
    assert removed["DELETED"] == 8
    # A failure is a message and a non-zero exit, not a traceback.
    bad = qgis_process_pg("run", "territorial:createstore", "--", "STORE=postgres:Finns inte")
    assert bad.returncode != 0
    assert "Finns inte" in bad.stdout + bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr
