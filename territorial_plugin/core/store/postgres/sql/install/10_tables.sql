-- Territorial Links, PostgreSQL store, version 1: the tables of docs/architecture.md
-- ("Store tables"). Placeholders: @schema@ (quoted schema), @schema_name@ (literal).
-- Identifiers and keys use COLLATE "C": byte order, as SQLite's (GeoPackage) ordering,
-- and the fastest comparisons for the unique index every link lookup uses.
-- Applied by core/store/postgres_schema.py inside one transaction with its
-- schema_version row; never edit an applied file, add upgrade/upgrade_to_N.sql.

CREATE SCHEMA IF NOT EXISTS @schema@;

CREATE TABLE @schema@.schema_version (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now(),
  note text
);

CREATE TABLE @schema@.catalogue (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
  name text NOT NULL,
  issuer text NOT NULL DEFAULT '',
  level text NOT NULL CHECK (level IN ('global', 'eu', 'national', 'regional', 'municipal')),
  version text NOT NULL DEFAULT '',
  valid_from text NOT NULL DEFAULT '',
  valid_to text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  language text NOT NULL DEFAULT 'sv',
  description text NOT NULL DEFAULT '',
  series text NOT NULL DEFAULT '',
  example integer NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
  enabled integer NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  imported_at timestamptz
);

CREATE TABLE @schema@.goal (
  id text COLLATE "C" PRIMARY KEY,
  catalogue_id text COLLATE "C" NOT NULL REFERENCES @schema@.catalogue (id) ON DELETE CASCADE,
  code text COLLATE "C" NOT NULL,
  parent_id text COLLATE "C" REFERENCES @schema@.goal (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  title_sv text NOT NULL DEFAULT '',
  title_en text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  sort_order integer NOT NULL DEFAULT 0,
  kind text NOT NULL DEFAULT '',
  UNIQUE (catalogue_id, code),
  CHECK (id = catalogue_id || ':' || code),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX goal_parent_idx ON @schema@.goal (parent_id);

CREATE TABLE @schema@.registered_layer (
  layer_uid text COLLATE "C" PRIMARY KEY CHECK (layer_uid <> ''),
  name text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  provider text NOT NULL DEFAULT '',
  key_field text NOT NULL CHECK (key_field <> ''),
  geometry_type text NOT NULL DEFAULT '',
  crs text NOT NULL DEFAULT '',
  registered_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE @schema@.link (
  id bigserial PRIMARY KEY,
  layer_uid text COLLATE "C" NOT NULL REFERENCES @schema@.registered_layer (layer_uid) ON UPDATE CASCADE,
  feature_key text COLLATE "C" NOT NULL CHECK (feature_key <> ''),
  goal_id text COLLATE "C" NOT NULL REFERENCES @schema@.goal (id) ON UPDATE CASCADE,
  stance text NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'conflicts', 'neutral')),
  strength integer NOT NULL DEFAULT 2 CHECK (strength BETWEEN 0 AND 3),
  motivation text NOT NULL DEFAULT '',
  organisation text NOT NULL DEFAULT '',
  created_by text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  row_version integer NOT NULL DEFAULT 1,
  UNIQUE (layer_uid, feature_key, goal_id)
);
CREATE INDEX link_goal_idx ON @schema@.link (goal_id);

CREATE TABLE @schema@.link_history (
  id bigserial PRIMARY KEY,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by text NOT NULL DEFAULT '',
  operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  layer_uid text COLLATE "C" NOT NULL,
  feature_key text COLLATE "C" NOT NULL,
  goal_id text COLLATE "C" NOT NULL,
  before text,
  after text
);
CREATE INDEX link_history_layer_idx ON @schema@.link_history (layer_uid, id);
