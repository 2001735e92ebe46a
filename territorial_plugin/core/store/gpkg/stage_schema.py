"""The plan-stage tables of the GeoPackage store and the triggers that keep a saved stage read-only.

A stage is written in one transaction: its ``stage`` row (``sealed = 0``), its
layers, areas and links, then ``sealed = 1``. From then on the database itself
refuses every change (triggers), so a stage stays the evidence of what the plan
said at samråd, granskning or antagande whoever opens the file, with or without
the plugin. Goal ids are kept as text, not as foreign keys: a catalogue may be
replaced later and the stage must still say what was linked then.
"""

from __future__ import annotations

_READ_ONLY = "SELECT RAISE(ABORT, 'a saved plan stage is read-only')"


def _child_triggers(table: str) -> str:
    return f"""
CREATE TRIGGER {table}_insert_sealed BEFORE INSERT ON {table}
WHEN (SELECT sealed FROM stage WHERE id = NEW.stage_id) IS NOT 0
BEGIN {_READ_ONLY}; END;
CREATE TRIGGER {table}_update BEFORE UPDATE ON {table}
BEGIN {_READ_ONLY}; END;
CREATE TRIGGER {table}_delete_sealed BEFORE DELETE ON {table}
WHEN (SELECT sealed FROM stage WHERE id = OLD.stage_id) IS NOT 0
BEGIN {_READ_ONLY}; END;
"""


STAGES_SQL = (
    """
CREATE TABLE stage (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL CHECK (trim(name) <> ''),
  note TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  saved_by TEXT NOT NULL DEFAULT '',
  saved_at DATETIME NOT NULL,
  sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  UNIQUE (organisation, name));
CREATE TABLE stage_layer (
  stage_id INTEGER NOT NULL REFERENCES stage(id),
  layer_uid TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  key_field TEXT NOT NULL,
  wkb_type INTEGER NOT NULL DEFAULT 0,
  crs TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (stage_id, layer_uid));
CREATE TABLE stage_area (
  stage_id INTEGER NOT NULL,
  layer_uid TEXT NOT NULL,
  feature_key TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  hectares REAL NOT NULL DEFAULT 0,
  geometry BLOB,
  attributes TEXT NOT NULL DEFAULT '[]',
  UNIQUE (stage_id, layer_uid, feature_key),
  FOREIGN KEY (stage_id, layer_uid) REFERENCES stage_layer(stage_id, layer_uid));
CREATE TABLE stage_link (
  stage_id INTEGER NOT NULL,
  layer_uid TEXT NOT NULL,
  feature_key TEXT NOT NULL,
  goal_id TEXT NOT NULL,
  stance TEXT NOT NULL CHECK (stance IN ('supports','conflicts','neutral')),
  strength INTEGER NOT NULL CHECK (strength BETWEEN 0 AND 3),
  motivation TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at DATETIME,
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at DATETIME,
  row_version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (stage_id, layer_uid, feature_key, goal_id),
  FOREIGN KEY (stage_id, layer_uid) REFERENCES stage_layer(stage_id, layer_uid)) WITHOUT ROWID;
CREATE TRIGGER stage_update_sealed BEFORE UPDATE ON stage WHEN OLD.sealed <> 0
BEGIN """
    + _READ_ONLY
    + """; END;
CREATE TRIGGER stage_delete_sealed BEFORE DELETE ON stage WHEN OLD.sealed <> 0
BEGIN """
    + _READ_ONLY
    + """; END;
"""
    + _child_triggers("stage_layer")
    + _child_triggers("stage_area")
    + _child_triggers("stage_link")
    + """
INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change)
SELECT t.column1, 'attributes', t.column1, 'Territorial Links', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (VALUES ('stage'), ('stage_layer'), ('stage_area'), ('stage_link')) t;
"""
)
