-- Plan stages: read-only snapshots of the links and areas of the plan (samråd, granskning, antagande).
-- A stage is written in one transaction (its stage row unsealed, then its layers, areas and links,
-- then sealed); after that triggers refuse every change, for the store owner as for a planner.
-- Geometry is WKB in bytea: no PostGIS needed. Goal ids are text, not foreign keys, so a
-- catalogue replaced later does not change what a stage says was linked then.
-- Placeholders: @schema@ (quoted schema), @member_role@ (quoted role).

CREATE TABLE @schema@.stage (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (btrim(name) <> ''),
  note text NOT NULL DEFAULT '',
  organisation text NOT NULL DEFAULT coalesce(@schema@.current_organisation(), ''),
  saved_by text NOT NULL DEFAULT '',
  saved_at timestamptz NOT NULL DEFAULT now(),
  sealed boolean NOT NULL DEFAULT false,
  UNIQUE (organisation, name)
);

CREATE TABLE @schema@.stage_layer (
  stage_id bigint NOT NULL REFERENCES @schema@.stage (id),
  layer_uid text COLLATE "C" NOT NULL,
  name text NOT NULL DEFAULT '',
  key_field text NOT NULL,
  wkb_type integer NOT NULL DEFAULT 0,
  crs text NOT NULL DEFAULT '',
  fields text NOT NULL DEFAULT '[]',
  PRIMARY KEY (stage_id, layer_uid)
);

CREATE TABLE @schema@.stage_area (
  stage_id bigint NOT NULL,
  layer_uid text COLLATE "C" NOT NULL,
  feature_key text COLLATE "C" NOT NULL,
  name text NOT NULL DEFAULT '',
  hectares double precision NOT NULL DEFAULT 0,
  geometry bytea,
  attributes text NOT NULL DEFAULT '[]',
  PRIMARY KEY (stage_id, layer_uid, feature_key),
  FOREIGN KEY (stage_id, layer_uid) REFERENCES @schema@.stage_layer (stage_id, layer_uid)
);

CREATE TABLE @schema@.stage_link (
  stage_id bigint NOT NULL,
  layer_uid text COLLATE "C" NOT NULL,
  feature_key text COLLATE "C" NOT NULL,
  goal_id text COLLATE "C" NOT NULL,
  stance text NOT NULL CHECK (stance IN ('supports', 'conflicts', 'neutral')),
  strength integer NOT NULL CHECK (strength BETWEEN 0 AND 3),
  motivation text NOT NULL DEFAULT '',
  organisation text NOT NULL DEFAULT '',
  created_by text NOT NULL DEFAULT '',
  created_at timestamptz,
  updated_by text NOT NULL DEFAULT '',
  updated_at timestamptz,
  row_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (stage_id, layer_uid, feature_key, goal_id),
  FOREIGN KEY (stage_id, layer_uid) REFERENCES @schema@.stage_layer (stage_id, layer_uid)
);

-- A stage's rows are only ever added while it is being saved: updates, deletes and
-- truncation are refused outright (statement triggers: no cost per row).
CREATE FUNCTION @schema@.stage_refuse() RETURNS trigger
LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'a saved plan stage is read-only' USING ERRCODE = 'restrict_violation';
END
$$;

-- The guards run as the store owner: they must see every stage, whatever row-level security
-- lets the connected role see.
CREATE FUNCTION @schema@.stage_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  IF OLD.sealed THEN
    RAISE EXCEPTION 'a saved plan stage is read-only' USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER stage_guard BEFORE UPDATE OR DELETE ON @schema@.stage
  FOR EACH ROW EXECUTE FUNCTION @schema@.stage_guard();
CREATE TRIGGER stage_no_truncate BEFORE TRUNCATE ON @schema@.stage
  FOR EACH STATEMENT EXECUTE FUNCTION @schema@.stage_refuse();

-- Rows added to a sealed stage are refused once per statement over the whole set added.
CREATE FUNCTION @schema@.stage_rows_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT stage_id FROM new_rows) n
             JOIN @schema@.stage s ON s.id = n.stage_id WHERE s.sealed) THEN
    RAISE EXCEPTION 'a saved plan stage is read-only' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER stage_layer_refuse BEFORE UPDATE OR DELETE OR TRUNCATE ON @schema@.stage_layer
  FOR EACH STATEMENT EXECUTE FUNCTION @schema@.stage_refuse();
CREATE TRIGGER stage_area_refuse BEFORE UPDATE OR DELETE OR TRUNCATE ON @schema@.stage_area
  FOR EACH STATEMENT EXECUTE FUNCTION @schema@.stage_refuse();
CREATE TRIGGER stage_link_refuse BEFORE UPDATE OR DELETE OR TRUNCATE ON @schema@.stage_link
  FOR EACH STATEMENT EXECUTE FUNCTION @schema@.stage_refuse();
CREATE TRIGGER stage_layer_added AFTER INSERT ON @schema@.stage_layer
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @schema@.stage_rows_added();
CREATE TRIGGER stage_area_added AFTER INSERT ON @schema@.stage_area
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @schema@.stage_rows_added();
CREATE TRIGGER stage_link_added AFTER INSERT ON @schema@.stage_link
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @schema@.stage_rows_added();

-- Row-level security: an organisation saves and reads its own stages; the region (and a
-- municipality with reads_all) reads every stage, as it reads every link.
ALTER TABLE @schema@.stage ENABLE ROW LEVEL SECURITY;
CREATE POLICY stage_read ON @schema@.stage FOR SELECT
  USING (organisation = (SELECT @schema@.current_organisation()) OR (SELECT @schema@.reads_all_links()));
CREATE POLICY stage_insert ON @schema@.stage FOR INSERT
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));
CREATE POLICY stage_seal ON @schema@.stage FOR UPDATE
  USING (organisation = (SELECT @schema@.current_organisation()))
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));

ALTER TABLE @schema@.stage_layer ENABLE ROW LEVEL SECURITY;
ALTER TABLE @schema@.stage_area ENABLE ROW LEVEL SECURITY;
ALTER TABLE @schema@.stage_link ENABLE ROW LEVEL SECURITY;
-- a child row is visible with its stage (the stage's own policy applies inside EXISTS)
CREATE POLICY stage_layer_read ON @schema@.stage_layer FOR SELECT
  USING (EXISTS (SELECT 1 FROM @schema@.stage s WHERE s.id = stage_id));
CREATE POLICY stage_area_read ON @schema@.stage_area FOR SELECT
  USING (EXISTS (SELECT 1 FROM @schema@.stage s WHERE s.id = stage_id));
CREATE POLICY stage_link_read ON @schema@.stage_link FOR SELECT
  USING (EXISTS (SELECT 1 FROM @schema@.stage s WHERE s.id = stage_id));
CREATE POLICY stage_layer_insert ON @schema@.stage_layer FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM @schema@.stage s WHERE s.id = stage_id
                      AND s.organisation = (SELECT @schema@.current_organisation())));
CREATE POLICY stage_area_insert ON @schema@.stage_area FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM @schema@.stage s WHERE s.id = stage_id
                      AND s.organisation = (SELECT @schema@.current_organisation())));
CREATE POLICY stage_link_insert ON @schema@.stage_link FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM @schema@.stage s WHERE s.id = stage_id
                      AND s.organisation = (SELECT @schema@.current_organisation())));

GRANT SELECT, INSERT ON @schema@.stage, @schema@.stage_layer, @schema@.stage_area, @schema@.stage_link
  TO @member_role@;
GRANT UPDATE (sealed) ON @schema@.stage TO @member_role@;
GRANT USAGE ON SEQUENCE @schema@.stage_id_seq TO @member_role@;
