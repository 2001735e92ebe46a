-- Version 6: municipal deliveries and the delivered areas' geometries (the region's picture).
-- A delivery row records one import (who imported what, when, which planning stage); earlier
-- deliveries of an organisation stay with current = false. The delivered areas of the current
-- delivery hold their geometry as WKB in EPSG:3006 (bytea: no PostGIS needed) with its
-- bounding box, so a conflict search can narrow by box without reading geometry.
-- created_at is the delivery's own ISO stamp as text: compared as the GeoPackage store does.
-- Placeholders: @schema@ (quoted schema), @member_role@ (quoted role).

CREATE TABLE @schema@.delivery (
  id bigserial PRIMARY KEY,
  organisation text NOT NULL REFERENCES @schema@.organisation (id),
  organisation_name text NOT NULL DEFAULT '',
  stage text NOT NULL DEFAULT '',
  plugin_version text NOT NULL DEFAULT '',
  created_at text NOT NULL,
  created_by text NOT NULL DEFAULT '',
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text NOT NULL DEFAULT '',
  source_file text NOT NULL DEFAULT '',
  checksum text NOT NULL,
  area_count integer NOT NULL DEFAULT 0,
  link_count integer NOT NULL DEFAULT 0,
  land_use_ha double precision NOT NULL DEFAULT 0,
  current boolean NOT NULL DEFAULT true
);
CREATE INDEX delivery_organisation_idx ON @schema@.delivery (organisation, id);
-- at most one current delivery per organisation, kept by the database
CREATE UNIQUE INDEX delivery_current_idx ON @schema@.delivery (organisation) WHERE current;

CREATE TABLE @schema@.delivered_area (
  layer_uid text COLLATE "C" NOT NULL REFERENCES @schema@.registered_layer (layer_uid) ON UPDATE CASCADE,
  feature_key text COLLATE "C" NOT NULL CHECK (feature_key <> ''),
  organisation text NOT NULL,
  delivery_id bigint NOT NULL REFERENCES @schema@.delivery (id),
  source_layer text NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT '',
  hectares double precision NOT NULL DEFAULT 0,
  geometry bytea,
  min_x double precision, min_y double precision, max_x double precision, max_y double precision,
  PRIMARY KEY (layer_uid, feature_key)
);
CREATE INDEX delivered_area_organisation_idx ON @schema@.delivered_area (organisation);
CREATE INDEX delivered_area_delivery_idx ON @schema@.delivered_area (delivery_id);

-- Row-level security as for links: an organisation imports and reads its own deliveries;
-- the region (and a municipality with reads_all) reads every one. The store's owner,
-- not subject to it, imports any organisation's delivery.
ALTER TABLE @schema@.delivery ENABLE ROW LEVEL SECURITY;
CREATE POLICY delivery_read ON @schema@.delivery FOR SELECT
  USING (organisation = (SELECT @schema@.current_organisation()) OR (SELECT @schema@.reads_all_links()));
CREATE POLICY delivery_insert ON @schema@.delivery FOR INSERT
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));
CREATE POLICY delivery_supersede ON @schema@.delivery FOR UPDATE
  USING (organisation = (SELECT @schema@.current_organisation()))
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));

ALTER TABLE @schema@.delivered_area ENABLE ROW LEVEL SECURITY;
CREATE POLICY delivered_area_read ON @schema@.delivered_area FOR SELECT
  USING (organisation = (SELECT @schema@.current_organisation()) OR (SELECT @schema@.reads_all_links()));
CREATE POLICY delivered_area_insert ON @schema@.delivered_area FOR INSERT
  WITH CHECK (organisation = (SELECT @schema@.current_organisation()));
CREATE POLICY delivered_area_delete ON @schema@.delivered_area FOR DELETE
  USING (organisation = (SELECT @schema@.current_organisation()));

GRANT SELECT, INSERT ON @schema@.delivery, @schema@.delivered_area TO @member_role@;
-- a newer delivery only marks the earlier one as no longer current
GRANT UPDATE (current) ON @schema@.delivery TO @member_role@;
GRANT DELETE ON @schema@.delivered_area TO @member_role@;
GRANT USAGE ON SEQUENCE @schema@.delivery_id_seq TO @member_role@;
