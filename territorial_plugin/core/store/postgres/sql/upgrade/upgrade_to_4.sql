-- Version 4: linking rules (numbered 4 until the other branches' versions are merged; planned as 5).
-- A rule belongs to the organisation that wrote it, as a link does: row-level
-- security gives each organisation its own rules, dismissals and rule history,
-- and lets the region read all. Rule names are unique within an organisation.
-- link.rule_id marks a link a rule made; a planner's write clears it.

CREATE TABLE @schema@.link_rule (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (name <> ''),
  layer_name text NOT NULL DEFAULT '',
  expression text NOT NULL CHECK (expression <> ''),
  stance text NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'conflicts', 'neutral')),
  strength integer NOT NULL DEFAULT 2 CHECK (strength BETWEEN 0 AND 3),
  motivation text NOT NULL DEFAULT '',
  enabled boolean NOT NULL DEFAULT true,
  organisation text NOT NULL DEFAULT coalesce(@schema@.current_organisation(), ''),
  created_by text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  row_version integer NOT NULL DEFAULT 1,
  UNIQUE (organisation, name)
);

CREATE TABLE @schema@.link_rule_goal (
  rule_id bigint NOT NULL REFERENCES @schema@.link_rule(id) ON DELETE CASCADE,
  goal_id text NOT NULL REFERENCES @schema@.goal(id) ON UPDATE CASCADE,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (rule_id, goal_id)
);
CREATE INDEX link_rule_goal_goal_idx ON @schema@.link_rule_goal (goal_id);

CREATE TABLE @schema@.link_rule_history (
  id bigserial PRIMARY KEY,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by text NOT NULL DEFAULT '',
  operation text NOT NULL CHECK (operation IN ('insert', 'update')),
  rule_name text NOT NULL,
  before text,
  after text,
  organisation text NOT NULL DEFAULT coalesce(@schema@.current_organisation(), ''),
  db_user text NOT NULL DEFAULT session_user
);

CREATE TABLE @schema@.link_rule_dismissal (
  rule_id bigint NOT NULL REFERENCES @schema@.link_rule(id) ON DELETE CASCADE,
  layer_uid text NOT NULL REFERENCES @schema@.registered_layer(layer_uid) ON UPDATE CASCADE,
  feature_key text NOT NULL CHECK (feature_key <> ''),
  organisation text NOT NULL DEFAULT coalesce(@schema@.current_organisation(), ''),
  dismissed_by text NOT NULL DEFAULT '',
  dismissed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (layer_uid, feature_key, rule_id)
);

ALTER TABLE @schema@.link ADD COLUMN rule_id bigint REFERENCES @schema@.link_rule(id);
CREATE INDEX link_rule_id_idx ON @schema@.link (rule_id) WHERE rule_id IS NOT NULL;

ALTER TABLE @schema@.link_rule ENABLE ROW LEVEL SECURITY;
CREATE POLICY link_rule_read ON @schema@.link_rule FOR SELECT
  USING (organisation = (SELECT @schema@.current_organisation()) OR (SELECT @schema@.reads_all_links()));
CREATE POLICY link_rule_insert ON @schema@.link_rule FOR INSERT
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));
CREATE POLICY link_rule_update ON @schema@.link_rule FOR UPDATE
  USING (organisation = (SELECT @schema@.current_organisation()))
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));

-- a rule's goals follow the rule: visible and writable where the rule is
ALTER TABLE @schema@.link_rule_goal ENABLE ROW LEVEL SECURITY;
CREATE POLICY link_rule_goal_read ON @schema@.link_rule_goal FOR SELECT
  USING (EXISTS (SELECT 1 FROM @schema@.link_rule r WHERE r.id = rule_id));
CREATE POLICY link_rule_goal_write ON @schema@.link_rule_goal FOR ALL
  USING (EXISTS (SELECT 1 FROM @schema@.link_rule r WHERE r.id = rule_id
                 AND r.organisation = (SELECT @schema@.current_organisation())))
  WITH CHECK (EXISTS (SELECT 1 FROM @schema@.link_rule r WHERE r.id = rule_id
                      AND r.organisation = (SELECT @schema@.current_organisation())));

ALTER TABLE @schema@.link_rule_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY link_rule_history_read ON @schema@.link_rule_history FOR SELECT
  USING (organisation = (SELECT @schema@.current_organisation()) OR (SELECT @schema@.reads_all_links()));
CREATE POLICY link_rule_history_insert ON @schema@.link_rule_history FOR INSERT
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));

ALTER TABLE @schema@.link_rule_dismissal ENABLE ROW LEVEL SECURITY;
CREATE POLICY link_rule_dismissal_read ON @schema@.link_rule_dismissal FOR SELECT
  USING (organisation = (SELECT @schema@.current_organisation()) OR (SELECT @schema@.reads_all_links()));
CREATE POLICY link_rule_dismissal_insert ON @schema@.link_rule_dismissal FOR INSERT
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));

GRANT SELECT ON @schema@.link_rule, @schema@.link_rule_goal, @schema@.link_rule_history,
  @schema@.link_rule_dismissal TO @member_role@;
GRANT INSERT, UPDATE ON @schema@.link_rule TO @member_role@;
GRANT INSERT, DELETE ON @schema@.link_rule_goal TO @member_role@;
GRANT INSERT ON @schema@.link_rule_history, @schema@.link_rule_dismissal TO @member_role@;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA @schema@ TO @member_role@;
