"""Schema of the GeoPackage store: the GeoPackage frame, forward-only migrations, journal mode.

The store is an ordinary GeoPackage (application id ``GPKG``) whose tables are
registered in ``gpkg_contents`` with ``data_type = 'attributes'``, so QGIS lists
them as non-spatial layers and users can always read their links without the
plugin. Migrations are numbered and only ever move forward; each one runs in its
own transaction together with the ``schema_version`` row that records it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .stage_schema import STAGES_SQL

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10200  # GeoPackage 1.2, what GDAL writes by default
# Seconds a writer waits for another writer before the store reports "busy".
BUSY_TIMEOUT_S = 30.0

# Tables the user may open in QGIS; registered in gpkg_contents.
STORE_TABLES = ("schema_version", "catalogue", "goal", "registered_layer", "link", "link_history")

_GPKG_FRAME = """
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
   || 'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
   || 'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],'
   || 'AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE IF NOT EXISTS gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
"""

# version → (note, SQL). Never edit an applied migration: add a new one.
MIGRATIONS: dict[int, tuple[str, str]] = {
    1: (
        "initial link store",
        """
CREATE TABLE schema_version (
  version INTEGER PRIMARY KEY,
  applied_at DATETIME NOT NULL,
  note TEXT);
CREATE TABLE catalogue (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  issuer TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('global','eu','national','regional','municipal')),
  version TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL DEFAULT '',
  valid_to TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'sv',
  description TEXT NOT NULL DEFAULT '',
  series TEXT NOT NULL DEFAULT '',
  example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  imported_at DATETIME);
CREATE TABLE goal (
  id TEXT NOT NULL PRIMARY KEY,
  catalogue_id TEXT NOT NULL REFERENCES catalogue(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  parent_id TEXT REFERENCES goal(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  title_sv TEXT NOT NULL DEFAULT '',
  title_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL DEFAULT '',
  UNIQUE (catalogue_id, code),
  CHECK (id = catalogue_id || ':' || code),
  CHECK (parent_id IS NULL OR parent_id <> id));
CREATE INDEX goal_parent_idx ON goal(parent_id);
CREATE TABLE registered_layer (
  layer_uid TEXT NOT NULL PRIMARY KEY CHECK (layer_uid <> ''),
  name TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  provider TEXT NOT NULL DEFAULT '',
  key_field TEXT NOT NULL CHECK (key_field <> ''),
  geometry_type TEXT NOT NULL DEFAULT '',
  crs TEXT NOT NULL DEFAULT '',
  registered_at DATETIME NOT NULL);
CREATE TABLE link (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  layer_uid TEXT NOT NULL REFERENCES registered_layer(layer_uid) ON UPDATE CASCADE,
  feature_key TEXT NOT NULL CHECK (feature_key <> ''),
  goal_id TEXT NOT NULL REFERENCES goal(id) ON UPDATE CASCADE,
  stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports','conflicts','neutral')),
  strength INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 0 AND 3),
  motivation TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at DATETIME NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (layer_uid, feature_key, goal_id));
CREATE INDEX link_goal_idx ON link(goal_id);
CREATE TABLE link_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  changed_at DATETIME NOT NULL,
  changed_by TEXT NOT NULL DEFAULT '',
  operation TEXT NOT NULL CHECK (operation IN ('insert','update','delete')),
  layer_uid TEXT NOT NULL,
  feature_key TEXT NOT NULL,
  goal_id TEXT NOT NULL,
  before TEXT,
  after TEXT);
""",
    ),
    2: (
        "history looked up by layer",
        "CREATE INDEX IF NOT EXISTS link_history_layer_idx ON link_history(layer_uid, id);",
    ),
    3: (
        "linking rules",
        """
CREATE TABLE link_rule (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  layer_name TEXT NOT NULL DEFAULT '',
  expression TEXT NOT NULL CHECK (expression <> ''),
  stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports','conflicts','neutral')),
  strength INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 0 AND 3),
  motivation TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  organisation TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at DATETIME NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1);
CREATE TABLE link_rule_goal (
  rule_id INTEGER NOT NULL REFERENCES link_rule(id) ON DELETE CASCADE,
  goal_id TEXT NOT NULL REFERENCES goal(id) ON UPDATE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (rule_id, goal_id));
CREATE INDEX link_rule_goal_goal_idx ON link_rule_goal(goal_id);
CREATE TABLE link_rule_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  changed_at DATETIME NOT NULL,
  changed_by TEXT NOT NULL DEFAULT '',
  operation TEXT NOT NULL CHECK (operation IN ('insert','update')),
  rule_name TEXT NOT NULL,
  before TEXT,
  after TEXT);
CREATE TABLE link_rule_dismissal (
  rule_id INTEGER NOT NULL REFERENCES link_rule(id) ON DELETE CASCADE,
  layer_uid TEXT NOT NULL REFERENCES registered_layer(layer_uid) ON UPDATE CASCADE,
  feature_key TEXT NOT NULL CHECK (feature_key <> ''),
  dismissed_by TEXT NOT NULL DEFAULT '',
  dismissed_at DATETIME NOT NULL,
  PRIMARY KEY (layer_uid, feature_key, rule_id));
ALTER TABLE link ADD COLUMN rule_id INTEGER REFERENCES link_rule(id);
CREATE INDEX link_rule_id_idx ON link(rule_id) WHERE rule_id IS NOT NULL;
INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change)
  SELECT name, 'attributes', name, 'Territorial Links', strftime('%Y-%m-%dT%H:%M:%fZ','now')
  FROM sqlite_master WHERE type = 'table' AND name IN
  ('link_rule', 'link_rule_goal', 'link_rule_history', 'link_rule_dismissal');
""",
    ),
    4: (
        "municipal deliveries and the delivered areas' geometries (the region's store)",
        """
CREATE TABLE delivery (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  organisation TEXT NOT NULL CHECK (organisation <> ''),
  organisation_name TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL DEFAULT '',
  plugin_version TEXT NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  imported_at DATETIME NOT NULL,
  imported_by TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  checksum TEXT NOT NULL,
  area_count INTEGER NOT NULL DEFAULT 0,
  link_count INTEGER NOT NULL DEFAULT 0,
  land_use_ha REAL NOT NULL DEFAULT 0,
  current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)));
CREATE INDEX delivery_organisation_idx ON delivery(organisation, id);
CREATE TABLE delivered_area (
  layer_uid TEXT NOT NULL REFERENCES registered_layer(layer_uid) ON UPDATE CASCADE,
  feature_key TEXT NOT NULL CHECK (feature_key <> ''),
  organisation TEXT NOT NULL CHECK (organisation <> ''),
  delivery_id INTEGER NOT NULL REFERENCES delivery(id),
  source_layer TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  hectares REAL NOT NULL DEFAULT 0,
  geometry BLOB,
  min_x REAL, min_y REAL, max_x REAL, max_y REAL,
  PRIMARY KEY (layer_uid, feature_key));
CREATE INDEX delivered_area_organisation_idx ON delivered_area(organisation);
INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change)
  VALUES ('delivery', 'attributes', 'delivery', 'Territorial Links', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change)
  VALUES ('delivered_area', 'attributes', 'delivered_area', 'Territorial Links', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
""",
    ),
    5: ("plan stages (read-only snapshots of links and areas)", STAGES_SQL),
}
LATEST_VERSION = max(MIGRATIONS)


@dataclass(frozen=True)
class OpenedFile:
    """What :func:`connect` found: the connection and the version before any upgrade."""

    connection: sqlite3.Connection
    version_before: int
    backup: Path | None


def now_iso() -> str:
    """ISO 8601 UTC with milliseconds: the GeoPackage DATETIME format."""
    from datetime import datetime, timezone

    stamp = datetime.now(timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs"}


def is_local_disk(path: Path) -> bool:
    """As QGIS decides for its own GeoPackage edits: WAL only where it is safe.

    SQLite's WAL needs shared memory between processes, which network file
    systems (SMB, NFS) do not give. QGIS's OGR provider refuses WAL for NFS/SMB/CIFS
    on Linux (statfs) and for remote drives on Windows; this follows the same rule.
    """
    if os.name == "nt":
        try:
            from qgis.core import Qgis, QgsFileUtils

            return QgsFileUtils.driveType(str(path)) != Qgis.DriveType.Remote
        except Exception:  # QGIS < 3.20 or an unreadable drive: be careful
            return not str(path).startswith("\\\\")
    return _mount_fstype(path) not in _NETWORK_FS


def _mount_fstype(path: Path) -> str:
    """File system type of the mount holding ``path`` (Linux; '' elsewhere)."""
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    target = str(path.resolve().parent)
    best, fstype = "", ""
    for line in lines:
        left, _, right = line.partition(" - ")
        parts = left.split()
        if len(parts) < 5 or not right:
            continue
        mount = parts[4].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, fstype = mount, right.split()[0]
    return fstype


MMAP_SIZE = 256 * 1024 * 1024  # bytes; address space only, pages are shared with the OS cache


def wal_allowed(path: Path) -> bool:
    """QGIS's own switch (``qgis/walForSqlite3``, default on) and a local disk."""
    try:
        from qgis.core import QgsSettings

        enabled = QgsSettings().value("qgis/walForSqlite3", True, type=bool)
    except ImportError:  # pragma: no cover - outside QGIS
        enabled = True
    return bool(enabled) and is_local_disk(path)


def raw_connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are opened explicitly (BEGIN IMMEDIATE)."""
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA temp_store = MEMORY")
    return connection


def set_journal_mode(connection: sqlite3.Connection, path: Path) -> str:
    if wal_allowed(path):
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        # In WAL, NORMAL keeps every transaction atomic and consistent after a crash
        # or kill; only the last commits can be lost on power failure.
        connection.execute("PRAGMA synchronous = NORMAL")
        # Reads through memory-mapped pages instead of read() calls into a 2 MB
        # page cache: a selection's links come ~25 % faster from a big store.
        # Only here, on a local disk: a mapped file on a network share turns an
        # I/O error into a crash instead of an error.
        connection.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
        return mode
    return connection.execute("PRAGMA journal_mode").fetchone()[0]


def current_version(connection: sqlite3.Connection) -> int:
    """0 for a file without the store tables."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def write_frame(connection: sqlite3.Connection) -> None:
    """Make the file a GeoPackage (idempotent; an existing GeoPackage keeps its frame)."""
    if connection.execute("PRAGMA application_id").fetchone()[0] == 0:
        connection.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
    connection.executescript(_GPKG_FRAME)


def register_contents(connection: sqlite3.Connection) -> None:
    """List the store tables as attribute layers (what QGIS's browser shows)."""
    stamp = now_iso()
    for table in STORE_TABLES:
        connection.execute(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change)"
            " VALUES (?, 'attributes', ?, ?, ?)",
            (table, table, "Territorial Links", stamp),
        )


def apply_migrations(connection: sqlite3.Connection, start: int, target: int = LATEST_VERSION) -> None:
    """Apply migrations ``start+1 .. target``, each in its own transaction."""
    for version in range(start + 1, target + 1):
        note, sql = MIGRATIONS[version]
        connection.execute("BEGIN IMMEDIATE")
        try:
            # executescript would COMMIT first; run statement by statement instead.
            for statement in _statements(sql):
                connection.execute(statement)
            if version == 1:
                register_contents(connection)
            connection.execute(
                "INSERT INTO schema_version (version, applied_at, note) VALUES (?, ?, ?)", (version, now_iso(), note)
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (migrations hold no ';' inside literals).

    A trigger body holds ';' of its own: parts are joined until SQLite sees a
    complete statement.
    """
    statements, pending = [], ""
    for part in sql.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip().rstrip(";"))
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip().rstrip(";"))
    return statements


def backup_path(path: Path, version: int) -> Path:
    """``<name>.bak-v<N>.gpkg`` beside the store; never overwrites an earlier copy."""
    candidate = path.with_name(f"{path.stem}.bak-v{version}{path.suffix or '.gpkg'}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.bak-v{version}-{counter}{path.suffix or '.gpkg'}")
        counter += 1
    return candidate


def make_backup(connection: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy through SQLite's backup API (safe while others read)."""
    target = backup_path(path, version)
    copy = sqlite3.connect(str(target))
    try:
        connection.backup(copy)
        # one self-contained file, whatever the journal mode of the store
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    return target
