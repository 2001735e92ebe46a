-- Version 3: the history trigger stays linear for big updates in long sessions.
-- The same history rows as version 2; only how the trigger computes them changes:
--
-- * PL/pgSQL parses each statement of the trigger once per session and keeps the
--   row count of the transition tables it first saw: an INSERT … ON CONFLICT fires
--   the UPDATE trigger with empty tables, after which the planner joined old_rows to
--   new_rows with a nested loop for every later update of the session: 2 000 links
--   updated in one statement took 0.5 s, 8 000 took 6.7 s, 100 000 would take hours.
--   With nested loops off inside the trigger the join is hashed (or merged), linear
--   whatever the first statement was (8 000 links: 0.2 s).
-- * session_user is read once per statement, not once per history row.
-- Placeholders: @schema@ (quoted schema), @channel@ (literal).

CREATE OR REPLACE FUNCTION @schema@.link_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET enable_nestloop = off AS
$$
DECLARE
  who text := @schema@.change_author();
  login text := session_user;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO @schema@.link_history
      (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after, organisation, db_user)
    SELECT now(), who, 'insert', n.layer_uid, n.feature_key, n.goal_id, NULL, @schema@.link_json(n),
           n.organisation, login
    FROM new_rows n ORDER BY n.id;
    PERFORM pg_notify(@channel@, d.layer_uid) FROM (SELECT DISTINCT layer_uid FROM new_rows) d;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO @schema@.link_history
      (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after, organisation, db_user)
    SELECT now(), who, 'update', n.layer_uid, n.feature_key, n.goal_id, @schema@.link_json(o), @schema@.link_json(n),
           n.organisation, login
    FROM old_rows o JOIN new_rows n ON n.id = o.id ORDER BY n.id;
    PERFORM pg_notify(@channel@, d.layer_uid)
    FROM (SELECT layer_uid FROM new_rows UNION SELECT layer_uid FROM old_rows) d;
  ELSE
    INSERT INTO @schema@.link_history
      (changed_at, changed_by, operation, layer_uid, feature_key, goal_id, before, after, organisation, db_user)
    SELECT now(), who, 'delete', o.layer_uid, o.feature_key, o.goal_id, @schema@.link_json(o), NULL,
           o.organisation, login
    FROM old_rows o ORDER BY o.id;
    PERFORM pg_notify(@channel@, d.layer_uid) FROM (SELECT DISTINCT layer_uid FROM old_rows) d;
  END IF;
  RETURN NULL;
END
$$;
