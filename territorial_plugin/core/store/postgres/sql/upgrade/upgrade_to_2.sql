-- Version 2: organisations (municipalities and the region) and row-level security.
-- Each organisation is a NOLOGIN group role; people log in with their own roles
-- and are granted the organisation's role. The organisation of a link is the one
-- of the connected role, found through pg_auth_members (superusers are members
-- of every role for pg_has_role, so that function cannot be used here).
-- Placeholders: @member_role@ (quoted role), @member_role_name@ (literal).

CREATE TABLE @schema@.organisation (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9_]{1,30}$'),
  name text NOT NULL CHECK (name <> ''),
  kind text NOT NULL CHECK (kind IN ('municipality', 'region')),
  role_name text NOT NULL UNIQUE,
  reads_all boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION @schema@.current_organisation() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$
  WITH RECURSIVE member_of(oid) AS (
    SELECT oid FROM pg_roles WHERE rolname = current_user
    UNION
    SELECT m.roleid FROM pg_auth_members m JOIN member_of ON m.member = member_of.oid)
  SELECT o.id
  FROM @schema@.organisation o
  JOIN pg_roles r ON r.rolname = o.role_name
  JOIN member_of ON member_of.oid = r.oid
  ORDER BY o.kind = 'region', o.id
  LIMIT 1
$$;

-- The region reads every link; a municipality reads its own unless the store
-- administrator sets reads_all for it (neighbours that agree to share).
CREATE FUNCTION @schema@.reads_all_links() RETURNS boolean
LANGUAGE sql STABLE AS
$$
  SELECT coalesce((SELECT o.kind = 'region' OR o.reads_all FROM @schema@.organisation o
                   WHERE o.id = @schema@.current_organisation()), false)
$$;

ALTER TABLE @schema@.link ALTER COLUMN organisation SET DEFAULT coalesce(@schema@.current_organisation(), '');

ALTER TABLE @schema@.link_history ADD COLUMN organisation text NOT NULL DEFAULT '';
ALTER TABLE @schema@.link_history ADD COLUMN db_user text NOT NULL DEFAULT session_user;
UPDATE @schema@.link_history SET organisation = coalesce(after::json ->> 'organisation', before::json ->> 'organisation', '');

CREATE OR REPLACE FUNCTION @schema@.link_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
  who text := @schema@.change_author();
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO @schema@.link_history
      (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after, organisation, db_user)
    SELECT now(), who, 'insert', n.layer_uid, n.feature_key, n.goal_id, NULL, @schema@.link_json(n),
           n.organisation, session_user
    FROM new_rows n ORDER BY n.id;
    PERFORM pg_notify(@channel@, d.layer_uid) FROM (SELECT DISTINCT layer_uid FROM new_rows) d;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO @schema@.link_history
      (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after, organisation, db_user)
    SELECT now(), who, 'update', n.layer_uid, n.feature_key, n.goal_id, @schema@.link_json(o), @schema@.link_json(n),
           n.organisation, session_user
    FROM old_rows o JOIN new_rows n ON n.id = o.id ORDER BY n.id;
    PERFORM pg_notify(@channel@, d.layer_uid)
    FROM (SELECT layer_uid FROM new_rows UNION SELECT layer_uid FROM old_rows) d;
  ELSE
    INSERT INTO @schema@.link_history
      (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after, organisation, db_user)
    SELECT now(), who, 'delete', o.layer_uid, o.feature_key, o.goal_id, @schema@.link_json(o), NULL,
           o.organisation, session_user
    FROM old_rows o ORDER BY o.id;
    PERFORM pg_notify(@channel@, d.layer_uid) FROM (SELECT DISTINCT layer_uid FROM old_rows) d;
  END IF;
  RETURN NULL;
END
$$;

-- Row-level security. The store's owner (who ran createstore) is not subject to
-- it and administers every link; organisation roles see and change as below.
-- (SELECT f()) makes PostgreSQL evaluate the role lookup once per statement.
ALTER TABLE @schema@.link ENABLE ROW LEVEL SECURITY;
CREATE POLICY link_read ON @schema@.link FOR SELECT
  USING (organisation = (SELECT @schema@.current_organisation()) OR (SELECT @schema@.reads_all_links()));
CREATE POLICY link_insert ON @schema@.link FOR INSERT
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));
CREATE POLICY link_update ON @schema@.link FOR UPDATE
  USING (organisation = (SELECT @schema@.current_organisation()))
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));
CREATE POLICY link_delete ON @schema@.link FOR DELETE
  USING (organisation = (SELECT @schema@.current_organisation()));

ALTER TABLE @schema@.link_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY link_history_read ON @schema@.link_history FOR SELECT
  USING (organisation = (SELECT @schema@.current_organisation()) OR (SELECT @schema@.reads_all_links()));

-- The rights every organisation role gets through the member role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @member_role_name@) THEN
    CREATE ROLE @member_role@ NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA @schema@ TO @member_role@;
GRANT SELECT ON ALL TABLES IN SCHEMA @schema@ TO @member_role@;
GRANT INSERT, UPDATE, DELETE ON @schema@.link TO @member_role@;
GRANT INSERT, UPDATE ON @schema@.registered_layer TO @member_role@;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA @schema@ TO @member_role@;

-- Administration (the store owner only): create an organisation and its role,
-- and let a login role act for it. Usable from psql as well as from the plugin.
CREATE FUNCTION @schema@.create_organisation(p_id text, p_name text, p_kind text, p_role text DEFAULT NULL)
RETURNS text LANGUAGE plpgsql AS
$$
DECLARE
  role_name text := coalesce(nullif(p_role, ''), @schema_name@ || '_' || p_id);
BEGIN
  INSERT INTO @schema@.organisation (id, name, kind, role_name) VALUES (p_id, p_name, p_kind, role_name);
  IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = role_name) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
  END IF;
  EXECUTE format('GRANT %I TO %I', @member_role_name@, role_name);
  IF p_kind = 'region' THEN
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.catalogue, %I.goal TO %I',
                   @schema_name@, @schema_name@, role_name);
  END IF;
  RETURN role_name;
END
$$;

CREATE FUNCTION @schema@.add_member(p_organisation text, p_login text) RETURNS void
LANGUAGE plpgsql AS
$$
DECLARE
  org_role text;
BEGIN
  SELECT role_name INTO org_role FROM @schema@.organisation WHERE id = p_organisation;
  IF org_role IS NULL THEN
    RAISE EXCEPTION 'no organisation %', p_organisation USING ERRCODE = 'no_data_found';
  END IF;
  EXECUTE format('GRANT %I TO %I', org_role, p_login);
END
$$;

REVOKE EXECUTE ON FUNCTION @schema@.create_organisation(text, text, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @schema@.add_member(text, text) FROM PUBLIC;
