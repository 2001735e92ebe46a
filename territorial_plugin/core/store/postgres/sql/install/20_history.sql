-- History and change notification, written by the database itself so that edits
-- made outside the plugin (a QGIS attribute table on the link table) are recorded
-- too. Statement-level triggers with transition tables: one set-based INSERT per
-- statement, so a bulk link of 100 000 features stays one fast statement.
-- @channel@ is the LISTEN/NOTIFY channel (a literal); the payload is a layer_uid.

CREATE FUNCTION @schema@.tl_iso(ts timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS
$$ SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

-- The JSON of a link in link_history.before/after: the same keys, in the same
-- order, as the GeoPackage store writes (goal_id, stance, strength, motivation,
-- organisation, row_version). row_to_json over a named composite is markedly
-- cheaper per row than json_build_object, which matters for bulk links.
CREATE TYPE @schema@.link_snapshot AS (
  goal_id text, stance text, strength integer, motivation text, organisation text, row_version integer
);

CREATE FUNCTION @schema@.link_json(l @schema@.link) RETURNS text
LANGUAGE sql STABLE AS
$$ SELECT row_to_json(ROW(l.goal_id, l.stance, l.strength, l.motivation, l.organisation,
     l.row_version)::@schema@.link_snapshot)::text $$;

-- Who: the plugin sets territorial.user for its transaction (SET LOCAL); a direct
-- edit falls back to the database login.
CREATE FUNCTION @schema@.change_author() RETURNS text
LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('territorial.user', true), ''), session_user::text) $$;

-- SECURITY DEFINER: the history is written with the owner's rights, so
-- organisations need (and get) no INSERT right on link_history and cannot forge it.
CREATE FUNCTION @schema@.link_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  who text := @schema@.change_author();
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO @schema@.link_history (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after)
    SELECT now(), who, 'insert', n.layer_uid, n.feature_key, n.goal_id, NULL, @schema@.link_json(n)
    FROM new_rows n ORDER BY n.id;
    PERFORM pg_notify(@channel@, d.layer_uid) FROM (SELECT DISTINCT layer_uid FROM new_rows) d;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO @schema@.link_history (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after)
    SELECT now(), who, 'update', n.layer_uid, n.feature_key, n.goal_id, @schema@.link_json(o), @schema@.link_json(n)
    FROM old_rows o JOIN new_rows n ON n.id = o.id ORDER BY n.id;
    PERFORM pg_notify(@channel@, d.layer_uid)
    FROM (SELECT layer_uid FROM new_rows UNION SELECT layer_uid FROM old_rows) d;
  ELSE
    INSERT INTO @schema@.link_history (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after)
    SELECT now(), who, 'delete', o.layer_uid, o.feature_key, o.goal_id, @schema@.link_json(o), NULL
    FROM old_rows o ORDER BY o.id;
    PERFORM pg_notify(@channel@, d.layer_uid) FROM (SELECT DISTINCT layer_uid FROM old_rows) d;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER link_history_insert AFTER INSERT ON @schema@.link
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @schema@.link_changed();
CREATE TRIGGER link_history_update AFTER UPDATE ON @schema@.link
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION @schema@.link_changed();
CREATE TRIGGER link_history_delete AFTER DELETE ON @schema@.link
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION @schema@.link_changed();

-- Optimistic concurrency: every change of a row, by the plugin or not, bumps it.
CREATE FUNCTION @schema@.link_bump_version() RETURNS trigger
LANGUAGE plpgsql AS
$$
BEGIN
  NEW.row_version := OLD.row_version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER link_bump_version BEFORE UPDATE ON @schema@.link
  FOR EACH ROW EXECUTE FUNCTION @schema@.link_bump_version();
