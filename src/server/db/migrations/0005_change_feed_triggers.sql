-- The change feed (src/server/db/change-feed.ts): every committed change to a row that an
-- in-process cache holds is announced on the channel `keyfob_changes` as `table:key`, so that
-- every instance drops what it cached at once. Triggers, not application code, so that no write
-- path can forget. PostgreSQL folds identical notifications of one transaction into one.
CREATE FUNCTION keyfob_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('keyfob_changes', TG_TABLE_NAME || ':' || (to_jsonb(OLD) ->> TG_ARGV[0]));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('keyfob_changes', TG_TABLE_NAME || ':' || (to_jsonb(NEW) ->> TG_ARGV[0]));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A new session changes no cached one; its first use fills the cache.
CREATE TRIGGER sessions_announce_change AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION keyfob_announce_change('user_id');
--> statement-breakpoint
CREATE TRIGGER users_announce_change AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION keyfob_announce_change('id');
--> statement-breakpoint
CREATE TRIGGER staff_memberships_announce_change AFTER INSERT OR UPDATE OR DELETE ON staff_memberships
  FOR EACH ROW EXECUTE FUNCTION keyfob_announce_change('user_id');
--> statement-breakpoint
CREATE TRIGGER organizations_announce_change AFTER UPDATE OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION keyfob_announce_change('id');
--> statement-breakpoint
CREATE TRIGGER vehicles_announce_change AFTER UPDATE OR DELETE ON vehicles
  FOR EACH ROW EXECUTE FUNCTION keyfob_announce_change('id');
--> statement-breakpoint
-- Inserts too: a cached "not a user of this vehicle" must go when they become one.
CREATE TRIGGER vehicle_memberships_announce_change AFTER INSERT OR UPDATE OR DELETE ON vehicle_memberships
  FOR EACH ROW EXECUTE FUNCTION keyfob_announce_change('vehicle_id');
