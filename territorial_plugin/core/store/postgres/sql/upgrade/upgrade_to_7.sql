-- A planner can take back a dismissal of a rule's suggestion (the panel's undo): planner roles
-- may delete dismissals, and row-level security lets an organisation delete only its own,
-- as it inserts only its own.
-- Placeholders: @schema@ (quoted schema), @member_role@ (quoted role).

CREATE POLICY link_rule_dismissal_delete ON @schema@.link_rule_dismissal FOR DELETE
  USING (organisation = (SELECT @schema@.current_organisation()));
GRANT DELETE ON @schema@.link_rule_dismissal TO @member_role@;
