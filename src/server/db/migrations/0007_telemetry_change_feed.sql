-- New telemetry changes a vehicle's status: one notification per vehicle per statement (not per
-- row), so a batch of a thousand events costs one `telemetry_events:<vehicle id>`.
CREATE FUNCTION keyfob_announce_telemetry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('keyfob_changes', 'telemetry_events:' || vehicle_id)
    FROM (SELECT DISTINCT vehicle_id FROM added) AS vehicles;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER telemetry_events_announce_change AFTER INSERT ON telemetry_events
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION keyfob_announce_telemetry();
