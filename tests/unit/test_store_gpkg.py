"""GeoPackage engine specifics: the file format, database-level constraints, migrations, journal mode."""

from __future__ import annotations

import sqlite3

import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import Catalogue, Goal, LinkSpec, RegisteredLayer
from territorial_plugin.core.store import open_store
from territorial_plugin.core.store.gpkg import schema as gpkg_schema
from territorial_plugin.core.store.gpkg.store import GeoPackageStore

TABLES = {"schema_version", "catalogue", "goal", "registered_layer", "link", "link_history"}


def _seeded(path):
    store = open_store(str(path), create=True)
    store.save_catalogue(Catalogue(id="c", name="C"), [Goal("c:1", "c", "1"), Goal("c:2", "c", "2")])
    store.register_layer(RegisteredLayer("L", "Lager", "/x.shp", "ogr", "omr_id"))
    return store


def test_file_is_a_geopackage_with_attribute_tables(tmp_path):
    _seeded(tmp_path / "s.gpkg").close()
    con = sqlite3.connect(tmp_path / "s.gpkg")
    assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert con.execute("PRAGMA user_version").fetchone()[0] >= 10200
    contents = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert {t: contents.get(t) for t in TABLES} == dict.fromkeys(TABLES, "attributes")
    columns = {row[1] for row in con.execute("PRAGMA table_info(link)")}
    assert columns == {
        "id", "layer_uid", "feature_key", "goal_id", "stance", "strength", "motivation", "organisation",
        "created_by", "created_at", "updated_by", "updated_at", "row_version", "rule_id",
    }  # fmt: skip


@pytest.mark.parametrize(
    "values",
    [
        ("L", "a", "c:1", "likes", 2),  # stance check
        ("L", "a", "c:1", "supports", 7),  # strength check
        ("L", "a", "c:9", "supports", 2),  # goal foreign key
        ("nobody", "a", "c:1", "supports", 2),  # layer foreign key
        ("L", "", "c:1", "supports", 2),  # empty key
    ],
)
def test_constraints_live_in_the_database(tmp_path, values):
    """Even a script writing SQL directly cannot break the rules."""
    _seeded(tmp_path / "s.gpkg").close()
    con = sqlite3.connect(tmp_path / "s.gpkg")
    con.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute(
            "INSERT INTO link (layer_uid, feature_key, goal_id, stance, strength, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 'now', 'now')",
            values,
        )


def test_duplicate_link_refused_by_the_database(tmp_path):
    store = _seeded(tmp_path / "s.gpkg")
    store.link("L", ["a"], ["c:1"], LinkSpec(), "me")
    store.close()
    con = sqlite3.connect(tmp_path / "s.gpkg")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute(
            "INSERT INTO link (layer_uid, feature_key, goal_id, created_at, updated_at)"
            " VALUES ('L', 'a', 'c:1', 'now', 'now')"
        )


def test_older_store_is_upgraded_after_a_backup(tmp_path):
    path = tmp_path / "old store.gpkg"
    con = gpkg_schema.raw_connect(path)
    gpkg_schema.write_frame(con)
    gpkg_schema.apply_migrations(con, 0, target=1)
    con.execute("INSERT INTO catalogue (id, name, level) VALUES ('c', 'C', 'global')")
    con.close()
    store = GeoPackageStore.open(path)
    assert store.schema_version() == gpkg_schema.LATEST_VERSION
    assert store.backup == tmp_path / "old store.bak-v1.gpkg"
    assert store.catalogue("c").name == "C"
    store.close()
    old = sqlite3.connect(tmp_path / "old store.bak-v1.gpkg")
    assert old.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
    assert old.execute("SELECT name FROM catalogue").fetchone()[0] == "C"
    # opening again neither upgrades nor copies
    again = GeoPackageStore.open(path)
    assert again.backup is None
    again.close()
    assert sorted(p.name for p in tmp_path.glob("*.bak-*")) == ["old store.bak-v1.gpkg"]


def test_newer_store_is_refused_untouched(tmp_path):
    path = tmp_path / "new.gpkg"
    _seeded(path).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_version (version, applied_at, note) VALUES (99, 'x', 'future')")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer version"):
        open_store(str(path))


def test_files_that_are_not_stores(tmp_path):
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "missing.gpkg"))
    assert not (tmp_path / "missing.gpkg").exists()
    text = tmp_path / "text.gpkg"
    text.write_text("not a database at all " * 100)
    with pytest.raises(StoreError):
        open_store(str(text), create=True)
    plain = tmp_path / "plain.gpkg"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not a Territorial Links store"):
        open_store(str(plain))
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "store.sqlite"), create=True)


def test_store_tables_can_join_an_existing_geopackage(tmp_path):
    path = tmp_path / "data.gpkg"
    _seeded(path).close()
    con = sqlite3.connect(path)
    for table in ("stage_link", "stage_area", "stage_layer", "stage"):  # triggers go with their tables
        con.execute(f"DROP TABLE {table}")
    for table in ("link_rule_dismissal", "link_rule_goal", "link_rule_history", "link_rule"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DROP TABLE delivered_area")
    con.execute("DROP TABLE delivery")
    con.execute("DROP TABLE link_history")
    con.execute("DROP TABLE link")
    con.execute("DROP TABLE registered_layer")
    con.execute("DROP TABLE goal")
    con.execute("DROP TABLE catalogue")
    con.execute("DROP TABLE schema_version")
    con.execute("CREATE TABLE landuse (fid INTEGER PRIMARY KEY, omr_id TEXT)")
    con.commit()
    con.close()
    store = open_store(str(path), create=True)
    assert store.schema_version() == gpkg_schema.LATEST_VERSION
    store.close()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM landuse").fetchone()[0] == 0


def test_wal_on_local_disk_only(tmp_path, monkeypatch):
    store = open_store(str(tmp_path / "local.gpkg"), create=True)
    assert store._con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    monkeypatch.setattr(gpkg_schema, "_mount_fstype", lambda path: "cifs")
    assert not gpkg_schema.is_local_disk(tmp_path / "share.gpkg")
    store = open_store(str(tmp_path / "share.gpkg"), create=True)
    assert store._con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    store.close()


def test_wal_follows_the_qgis_setting(tmp_path):
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.setValue("qgis/walForSqlite3", False)
    try:
        store = open_store(str(tmp_path / "nowal.gpkg"), create=True)
        assert store._con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        store.close()
    finally:
        settings.remove("qgis/walForSqlite3")


def test_mount_lookup_finds_the_file_system():
    assert gpkg_schema._mount_fstype(gpkg_schema.Path("/proc/self/status")) == "proc"


def test_a_held_lock_gives_a_clear_busy_error(tmp_path):
    store = _seeded(tmp_path / "s.gpkg")
    other = sqlite3.connect(tmp_path / "s.gpkg", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store._con.execute("PRAGMA busy_timeout = 200")
    try:
        with pytest.raises(StoreError, match="busy"):
            store.link("L", ["a"], ["c:1"], LinkSpec(), "me")
    finally:
        other.execute("ROLLBACK")
    assert store.link("L", ["a"], ["c:1"], LinkSpec(), "me").inserted == 1


def test_integrity_check_reports_ok(tmp_path):
    store = _seeded(tmp_path / "s.gpkg")
    store.link("L", ["a", "b"], ["c:1"], LinkSpec(), "me")
    assert store.integrity_check() == []


def test_closed_store_says_so(tmp_path):
    store = _seeded(tmp_path / "s.gpkg")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.links()
