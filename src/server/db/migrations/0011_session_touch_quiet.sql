-- Sliding a session's idle expiry (every 5 minutes of use) changes nothing a cache must drop:
-- announce only what ends or changes a session, so a touch does not throw away the entry it
-- refreshed. An instance holding an older idle expiry re-reads before it turns a session away.
DROP TRIGGER sessions_announce_change ON sessions;
--> statement-breakpoint
CREATE TRIGGER sessions_announce_delete AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION keyfob_announce_change('user_id');
--> statement-breakpoint
CREATE TRIGGER sessions_announce_change AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (
    OLD.revoked_at IS DISTINCT FROM NEW.revoked_at
    OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.user_id IS DISTINCT FROM NEW.user_id
    OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
  )
  EXECUTE FUNCTION keyfob_announce_change('user_id');
